"""The trace index: every finding with what a fact-checker needs to match and trace it, and its file.

Read from the graph by SPARQL (``read_index``: one query per aspect keeps each readable), or from
``dist/trace-index.jsonl``, which ``nhskg build`` writes beside the dumps from the store it has just
loaded, so that ``nhskg trace`` reads a few megabytes of JSON instead of querying the whole graph on every
call (at a million triples: under 0.1 s against seconds). The release writes the file and trace reads it,
so both live here, in the ground, with no engine: the caller passes the function that runs a query.

The file is JSON lines: a header, then one finding a line, in IRI order, every set sorted — the same
graph gives the same bytes. ``dist/trace-index.stamp`` ties it to the TriG it was read from (the TriG's
size and time, the format, the file's SHA-256), as ``dist/store/``'s stamp does; ``read_file`` returns
None for a missing, stale or altered file, and the caller reads the graph instead.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

from .iris import sparql_prefixes

PREFIXES = sparql_prefixes()

#: The file's format; a reader of another format reads the graph instead.
FORMAT = "nhskg-trace-index 2"  # 2: the survey's wave number and series

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


def _record(info: FindingInfo) -> dict:
    record = asdict(info)
    record["value"] = str(info.value)
    for name in ("parties", "same_as", "derived_from"):
        record[name] = sorted(record[name])
    return record


def index_bytes(index: dict[str, FindingInfo]) -> bytes:
    """The index as JSON lines: a header, then one finding a line in IRI order; the same index, the same bytes."""
    dump = lambda value: json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    lines = [dump({"format": FORMAT, "findings": len(index)})]
    lines += [dump(_record(index[iri])) for iri in sorted(index)]
    return ("\n".join(lines) + "\n").encode()


def parse_index(data: bytes) -> dict[str, FindingInfo]:
    """The index from ``index_bytes``' bytes (ValueError for another format or a cut-off file)."""
    lines = data.decode().splitlines()
    header = json.loads(lines[0]) if lines else {}
    if header.get("format") != FORMAT or header.get("findings") != len(lines) - 1:
        raise ValueError(f"not a {FORMAT} file of {header.get('findings')} findings")
    index: dict[str, FindingInfo] = {}
    for line in lines[1:]:
        record = json.loads(line)
        record["value"] = Decimal(record["value"])
        record["evidence"] = [Evidence(**e) for e in record["evidence"]]
        for name in ("parties", "same_as", "derived_from"):
            record[name] = set(record[name])
        index[record["iri"]] = FindingInfo(**record)
    return index


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
    except (ValueError, TypeError, KeyError):
        return None
