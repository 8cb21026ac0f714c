"""The trace index: every finding with what a fact-checker needs to match and trace it, and its file.

Read from the graph by SPARQL (``read_index``: one query per aspect keeps each readable), or from
``dist/trace-index.jsonl``, which ``nhskg build`` writes beside the dumps from the store it has just
loaded, so that ``nhskg trace`` reads a few megabytes of JSON instead of querying the whole graph on every
call (at a million triples: under 0.1 s against seconds). The release writes the file and trace reads it,
so both live here, in the ground, with no engine: the caller passes the function that runs a query.

The file is JSON lines: a header; each document and each survey once, with the fields their evidence
spans and findings share (titles, addresses, parties, labels: most of the bytes when written on every
finding); then one finding a line, in IRI order, every set sorted — the same graph gives the same bytes.
``dist/trace-index.stamp`` ties it to the TriG it was read from (the TriG's size and time, the format, the
file's SHA-256), as ``dist/store/``'s stamp does; ``read_file`` returns None for a missing, stale or
altered file, and the caller reads the graph instead.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from pathlib import Path

from .iris import sparql_prefixes

PREFIXES = sparql_prefixes()

#: The file's format; a reader of another format reads the graph instead.
FORMAT = "nhskg-trace-index 3"  # 2: the survey's wave number and series; 3: documents and surveys once each

FINDINGS = PREFIXES + """
SELECT ?finding ?value ?unit ?measure ?qualifier ?option ?question ?topic ?survey ?surveyLabel ?responses ?derived ?base
WHERE {
  ?finding a nhskg:Finding ; nhskg:value ?value ; nhskg:unit ?unit ; nhskg:measure ?measure ;
           nhskg:topic/skos:prefLabel ?topic ; nhskg:survey ?survey .
  ?survey rdfs:label ?surveyLabel .
  OPTIONAL { ?finding nhskg:qualifier ?qualifier }
  OPTIONAL { ?finding nhskg:responseOption ?option }
  OPTIONAL { ?finding nhskg:question/rdfs:label ?question }
  OPTIONAL { ?survey nhskg:numberOfResponses ?responses }
  OPTIONAL { ?finding nhskg:base ?base }
  BIND (EXISTS { ?finding a nhskg:DerivedFinding } AS ?derived)
}"""

EVIDENCE = PREFIXES + """
SELECT ?finding ?doc ?file ?title ?publisher ?url ?date ?exact ?start ?end ?words ?via ?fit
WHERE {
  { ?annotation oa:hasBody ?finding . BIND ("finding" AS ?via) OPTIONAL { ?finding nhskg:statedAs ?words } }
  UNION { ?finding prov:wasGeneratedBy ?d . ?annotation oa:hasBody ?d . BIND ("derivation" AS ?via) }
  UNION { ?verbal nhskg:standsFor ?finding ; nhskg:statedAs ?words . ?annotation oa:hasBody ?verbal .
          BIND ("verbal figure" AS ?via) OPTIONAL { ?verbal nhskg:fit ?fit } }
  ?finding a nhskg:Finding .
  ?annotation oa:hasTarget ?target .
  ?target oa:hasSource/<http://purl.org/dc/terms/isFormatOf> ?doc ; oa:hasSelector ?position, ?quote .
  ?position oa:start ?start ; oa:end ?end .
  ?quote oa:exact ?exact .
  ?doc dcterms:identifier ?file ; rdfs:label ?title .
  OPTIONAL { ?doc schema:publisher/rdfs:label ?publisher }
  OPTIONAL { ?doc schema:url ?url }
  OPTIONAL { ?doc schema:datePublished ?date }
}"""

PARTIES = PREFIXES + """
SELECT ?survey ?name WHERE {
  {  # the parties first, then their names: joined the other way round, Oxigraph reads every name of everything
    SELECT DISTINCT ?survey ?org WHERE {
      { ?survey nhskg:conductedBy ?org } UNION { ?survey nhskg:partner ?org }
      UNION { ?survey nhskg:inSeries/nhskg:conductedBy ?org }
      UNION { ?j nhskg:judgementKind <https://w3id.org/nhskg/id/judgement-kind/same-survey> ;  # who ran it, by judgement
                 nhskg:judgementSubject ?survey, ?same . ?same nhskg:conductedBy ?org . FILTER (?same != ?survey) }
    }
  }
  { ?org rdfs:label ?name } UNION { ?org skos:altLabel ?name } UNION { ?org nhskg:nameForm ?name }
}"""

SURVEYS = PREFIXES + """
SELECT ?survey ?conductor ?fieldwork ?more ?wave ?series WHERE {
  ?survey a nhskg:Survey .
  OPTIONAL { ?survey nhskg:conductedBy/rdfs:label ?conductor }
  OPTIONAL { ?survey nhskg:fieldworkPeriod ?fieldwork }
  OPTIONAL { ?survey nhskg:responsesMoreThan ?more }
  OPTIONAL { ?survey nhskg:waveNumber ?wave }
  OPTIONAL { ?survey nhskg:inSeries ?series }
}"""

DERIVED_FROM = PREFIXES + """
SELECT ?finding ?source WHERE { ?finding a nhskg:DerivedFinding ; prov:wasDerivedFrom ?source }"""

SAME = PREFIXES + """
SELECT ?a ?b WHERE {
  ?j nhskg:judgementKind <https://w3id.org/nhskg/id/judgement-kind/same-finding> ;
     nhskg:judgementSubject ?a, ?b . FILTER (?a != ?b)
}"""


@dataclass
class Evidence:
    document: str
    file: str
    title: str
    publisher: str | None
    url: str | None
    date: str | None
    exact: str
    start: int
    end: int
    words: str | None  # the figure's own words, when the passage states it
    via: str  # finding | verbal figure | derivation
    fit: str | None = None  # a verbal figure's fit to its finding, as the build judged it (check's word)


@dataclass
class FindingInfo:
    iri: str
    value: Decimal
    unit: str
    measure: str
    qualifier: str | None
    option: str
    question: str
    topic: str
    survey: str
    survey_label: str
    responses: int | None
    derived: bool
    parties: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    same_as: set[str] = field(default_factory=set)
    derived_from: set[str] = field(default_factory=set)
    conductors: str = ""  # the survey's conductors' names, sorted, joined by "; "
    fieldwork: str | None = None
    responses_more_than: int | None = None
    base: str | None = None  # the finding whose respondents this one counts ("of those who feel restricted")
    wave: int | None = None  # the survey's place in its series (nhskg:waveNumber), when it has one
    series: str | None = None  # the series it is a wave of (nhskg:inSeries)


def _v(solution, name):
    term = solution[name]
    return None if term is None else term.value


def _evidence_order(e: Evidence):
    """Where the evidence stands in the texts; the rest of it only settles ties, so every engine agrees."""
    return (e.file, e.start, e.via, e.end, e.document, e.exact, e.words or "", e.fit or "")


def read_index(query: Callable[[str], Iterable]) -> dict[str, FindingInfo]:
    """Every finding by IRI, with its survey's parties, its evidence and the findings judged the same.

    ``query`` runs one SPARQL query on the merged default graph and gives its solutions."""
    index: dict[str, FindingInfo] = {}
    for s in query(FINDINGS):
        iri = _v(s, "finding")
        index[iri] = FindingInfo(
            iri=iri, value=Decimal(_v(s, "value")), unit=_v(s, "unit").rsplit("/", 1)[-1],
            measure=_v(s, "measure").rsplit("/", 1)[-1], qualifier=(_v(s, "qualifier") or "").rsplit("/", 1)[-1] or None,
            option=_v(s, "option") or "", question=_v(s, "question") or "", topic=_v(s, "topic"),
            survey=_v(s, "survey"), survey_label=_v(s, "surveyLabel"),
            responses=int(_v(s, "responses")) if _v(s, "responses") else None, derived=_v(s, "derived") == "true",
            base=_v(s, "base"))
    parties: dict[str, set[str]] = {}
    for s in query(PARTIES):
        parties.setdefault(_v(s, "survey"), set()).add(_v(s, "name"))
    for info in index.values():
        info.parties = parties.get(info.survey, set())
    for s in query(EVIDENCE):
        info = index.get(_v(s, "finding"))
        if info is not None:
            info.evidence.append(Evidence(_v(s, "doc"), _v(s, "file"), _v(s, "title"), _v(s, "publisher"), _v(s, "url"),
                                          _v(s, "date"), _v(s, "exact"), int(_v(s, "start")), int(_v(s, "end")),
                                          _v(s, "words"), _v(s, "via"),
                                          (_v(s, "fit") or "").rsplit("/", 1)[-1] or None))
    for info in index.values():
        info.evidence.sort(key=_evidence_order)
    conductors: dict[str, set[str]] = {}
    surveys: dict[str, tuple] = {}
    for s in query(SURVEYS):
        survey = _v(s, "survey")
        names = conductors.setdefault(survey, set())
        if _v(s, "conductor"):
            names.add(_v(s, "conductor"))
        surveys[survey] = (_v(s, "fieldwork"), _v(s, "more"), _v(s, "wave"), _v(s, "series"))
    for info in index.values():
        if info.survey in surveys:
            info.conductors = "; ".join(sorted(conductors[info.survey]))
            info.fieldwork, more, wave, info.series = surveys[info.survey]
            info.responses_more_than = int(more) if more else None
            info.wave = int(wave) if wave else None
    for s in query(DERIVED_FROM):
        if _v(s, "finding") in index:
            index[_v(s, "finding")].derived_from.add(_v(s, "source"))
    for s in query(SAME):
        a, b = _v(s, "a"), _v(s, "b")
        if a in index and b in index:
            index[a].same_as.add(b)
    return dict(sorted(index.items()))


# ---------------------------------------------------------------- the file

#: A finding's fields that are its survey's (read per survey in ``read_index``), and an evidence span's that
#: are its document's: the file writes them once, on a line of the survey or document.
SURVEY_FIELDS = ("survey_label", "parties", "conductors", "fieldwork", "responses", "responses_more_than", "wave",
                 "series")
DOCUMENT_FIELDS = ("file", "title", "publisher", "url", "date")
_FINDING_KEYS = frozenset(f.name for f in fields(FindingInfo))
_EVIDENCE_KEYS = frozenset(f.name for f in fields(Evidence))


def _dump(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _record(info: FindingInfo) -> dict:
    record = asdict(info)
    record["value"] = str(info.value)
    for name in ("parties", "same_as", "derived_from"):
        record[name] = sorted(record[name])
    return record


def _apart(record: dict, names: tuple[str, ...], shared: dict) -> dict:
    """``record`` without the fields ``names`` that it shares with ``shared`` (a survey's or a document's
    line); a field that differs stays, and overrides the shared one on reading."""
    return {k: v for k, v in record.items() if k not in names or shared[k] != v}


def index_bytes(index: dict[str, FindingInfo]) -> bytes:
    """The index as JSON lines: a header; each document, then each survey, once, in IRI order, with the fields
    its evidence spans or findings share (as the first of them in IRI order has them); then one finding a line
    in IRI order, without those fields unless its own differ. The same index, the same bytes."""
    records = [_record(index[iri]) for iri in sorted(index)]
    surveys: dict[str, dict] = {}
    documents: dict[str, dict] = {}
    findings = []
    for record in records:
        survey = surveys.setdefault(record["survey"], {k: record[k] for k in SURVEY_FIELDS})
        finding = _apart(record, SURVEY_FIELDS, survey)
        finding["evidence"] = [
            _apart(e, DOCUMENT_FIELDS, documents.setdefault(e["document"], {k: e[k] for k in DOCUMENT_FIELDS}))
            for e in record["evidence"]]
        findings.append(finding)
    lines = [_dump({"format": FORMAT, "documents": len(documents), "surveys": len(surveys), "findings": len(index)})]
    lines += [_dump({"document": iri, **documents[iri]}) for iri in sorted(documents)]
    lines += [_dump({"survey": iri, **surveys[iri]}) for iri in sorted(surveys)]
    lines += [_dump(finding) for finding in findings]
    return ("\n".join(lines) + "\n").encode()


def parse_index(data: bytes) -> dict[str, FindingInfo]:
    """The index from ``index_bytes``' bytes (ValueError for another format, a cut-off file or a bad record)."""
    lines = data.decode().splitlines()
    header = json.loads(lines[0]) if lines else {}
    counts = [header.get(name) for name in ("documents", "surveys", "findings")]
    if header.get("format") != FORMAT or not all(isinstance(n, int) for n in counts) or sum(counts) != len(lines) - 1:
        raise ValueError(f"not a {FORMAT} file of {header.get('findings')} findings")
    with collector_paused():
        return _parse(lines, *counts)


@contextmanager
def collector_paused():
    """The cyclic garbage collector paused while millions of small objects with no cycles among them are
    made (an index, a tracer): its passes over the growing heap would cost more than the making (at 60,000
    findings, a third of the parse); restored as it was after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():
                # what was made goes to the oldest generation at once (frozen, then thawed there: no pass over
                # it); enabled as they are, the young objects would all be examined at the next allocation
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _parse(lines: list[str], n_documents: int, n_surveys: int, n_findings: int) -> dict[str, FindingInfo]:
    documents, surveys = {}, {}
    for line in lines[1:1 + n_documents]:
        record = json.loads(line)
        documents[record.pop("document")] = record
    for line in lines[1 + n_documents:1 + n_documents + n_surveys]:
        record = json.loads(line)
        surveys[record.pop("survey")] = record
    index: dict[str, FindingInfo] = {}
    for line in lines[1 + n_documents + n_surveys:]:
        finding = json.loads(line)
        record = {**surveys[finding["survey"]], **finding}  # the survey's fields, unless the finding's own differ
        record["value"] = Decimal(record["value"])
        record["evidence"] = [_made(Evidence, {**documents[e["document"]], **e}, _EVIDENCE_KEYS)
                              for e in record["evidence"]]
        for name in ("parties", "same_as", "derived_from"):
            record[name] = set(record[name])
        index[record["iri"]] = _made(FindingInfo, record, _FINDING_KEYS)
    return index


def _made(kind: type, record: dict, keys: frozenset[str]):
    """A ``kind`` whose fields are ``record`` (every field, no other: else ValueError), without running its
    ``__init__``: the record is complete and checked here, and at 60,000 findings the call is a fifth of the read."""
    if record.keys() != keys:
        raise ValueError(f"a {kind.__name__} record with fields {sorted(record.keys() ^ keys)} amiss")
    made = object.__new__(kind)
    made.__dict__ = record
    return made


def stamp(trig: Path, data: bytes) -> str:
    """What ties an index file to the TriG it was read from: the TriG's size and time, the format, the file's hash."""
    st = trig.stat()
    return f"{st.st_size} {st.st_mtime_ns} {FORMAT} sha256:{hashlib.sha256(data).hexdigest()}\n"


def read_file(trig: Path, index_file: Path, stamp_file: Path) -> dict[str, FindingInfo] | None:
    """The index in ``index_file`` if its stamp says it was read from this very ``trig``; else None."""
    try:
        data = index_file.read_bytes()
        current = stamp_file.read_text(encoding="utf-8") == stamp(trig, data)
    except OSError:
        return None
    if not current:
        return None
    try:
        return parse_index(data)
    except (ValueError, TypeError, KeyError, AttributeError):  # a record of another shape
        return None
