"""Which survey an article is about: the cues it gives (who ran it, which wave, when, how many answered),
read once from the whole text and weighed against each finding's survey.

An article usually reports one or two surveys and says so once, away from most of its figures ("The
email survey carried out by the NHS Alliance and NAPC attracted 128 responses"). A finding whose
survey conflicts with those cues is not what the article reports, whatever its numbers; a finding whose
survey they name is *established*, the only ground on which trace may say an article ``contradicts`` it.
A sample size is a cue, never a score: it cannot lift an unrelated finding of the same survey.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..figures import Figure
from .index import FindingInfo

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_SURVEY = r"(?:survey|poll|barometer|questionnaire|study)"
_NAME = r"[A-Z][\w'’&-]*(?:\.\w+)*(?:[ ]+(?:of[ ]+|and[ ]+|for[ ]+)?[A-Z][\w'’&-]*(?:\.\w+)*)*"
#: "a survey by X", "survey carried out by X" — and, read separately so one cannot hide the other,
#: "the X survey", "X's poll"
_CREDIT_AFTER = re.compile(
    rf"(?:(?i:{_SURVEY}),?\s+(?:[\w-]+\s+){{0,2}}?(?i:by|from|for|(?:conducted|carried\s+out|run|commissioned|"
    rf"undertaken|organised|organized)\s+by)|(?i:questioned|surveyed|polled|asked|interviewed)\s+by)"
    rf"\s+(?:the\s+)?(?P<name>{_NAME})")
_CREDIT_BEFORE = re.compile(rf"(?P<name>{_NAME})(?:['’]s)?\s+(?:[a-z-]+\s+){{0,3}}?(?i:{_SURVEY})\b")
_TITLES = re.compile(r"\s+(?:Dr|Mr|Mrs|Ms|Professor|Prof|Sir|Dame)\b.*$")
_NOT_NAMES = {"the", "a", "an", "this", "that", "new", "one", "his", "her", "their", "its", "our", "latest", "third",
              "first", "second", "barometer", "survey", "poll", "exclusive", "email", "online", "clinical", "national",
              "it", "in", "ccg", "ccgs", "gp", "gps", "nhs", *_MONTHS, *_ORDINALS}  # "its October barometer": a wave
#: the words of a sentence that reports how many took part
_TOOK_PART = re.compile(r"\b(?:respon\w*|repson\w*|repl(?:y|ies|ied)|answered|t(?:ook|ake|aking)\s+part|completed|attracted|"
                        rf"polled|questioned|surveyed|{_SURVEY}\s+of)\b", re.I)
_WAVE = re.compile(rf"\b(?P<ord>{'|'.join(_ORDINALS)})\b(?:\s+[\w'’-]+){{0,5}}?\s+(?:{_SURVEY}|wave)", re.I)
#: "the 2013 poll", "its 2013 follow-up survey": the year a survey was run or published
_YEAR_WAVE = re.compile(rf"\b(?P<year>(?:19|20)\d\d)(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?(?:{_SURVEY}|wave)\b", re.I)
_MONTH_WAVE = re.compile(rf"\b(?P<month>{'|'.join(_MONTHS)})(?:\s+(?P<year>(?:19|20)\d\d))?\s+(?:[\w'’-]+\s+){{0,2}}?"
                         rf"(?:{_SURVEY}|wave)"
                         rf"|{_SURVEY}\b[^.;\n]{{0,60}}?\b(?:ran|run|conducted|carried\s+out|completed|undertaken|"
                         rf"took\s+place|fieldwork)\b[^.;\n]{{0,40}}?\b(?:in|during|throughout|over)\s+"
                         rf"(?P<month2>{'|'.join(_MONTHS)})(?:\s+(?P<year2>(?:19|20)\d\d))?", re.I)


def credited_names(text: str) -> set[str]:
    """Who the text credits a survey to ("a survey by EHI Primary Care", "the HSJ barometer"), lower-cased."""
    found = set()
    for m in [*_CREDIT_AFTER.finditer(text), *_CREDIT_BEFORE.finditer(text)]:
        name = _TITLES.sub("", m.group("name")).strip(" .")
        name = re.sub(r"['’]s$", "", re.sub(r"^(?:a|an|the)\s+", "", name, flags=re.I))
        words = [w for w in name.split() if w.lower() not in _NOT_NAMES]
        if words and not name.isdigit():
            found.add(name.lower())
    return found


_SOURCE = re.compile(
    r"(?:(?:survey|poll|study|report|research|analysis|barometer)\s+(?:by|from|for|of)\s+(?:the\s+)?"
    r"(?P<after>[A-Z][\w'’&.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’&.-]*)*))"
    r"|(?:(?P<before>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)(?:['’]s)?\s+(?:survey|poll|study|barometer)\b)"
    r"|(?:(?i:according\s+to)\s+(?:the\s+|an?\s+)?(?P<according>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*))")
_NOT_SOURCES = {"the", "a", "an", "this", "that", "new", "one", "his", "her", "their", "its", "our", "latest",
                *_ORDINALS, *_MONTHS}  # "the October barometer", "its third survey": which wave, not whose


def named_sources(clause: str) -> set[str]:
    """Who the clause credits the figure to ("a King's Fund survey", "according to the BMA"), lower-cased."""
    found = set()
    for m in _SOURCE.finditer(clause):
        name = (m.group("after") or m.group("before") or m.group("according") or "").strip(" .")
        name = re.sub(r"['’]s$", "", re.sub(r"^(?:a|an|the)\s+", "", name, flags=re.I))
        if name and not all(w in _NOT_SOURCES for w in name.lower().split()) and not name.isdigit():
            found.add(name.lower())
    return found


@dataclass
class SampleSize:
    value: int
    qualifier: str | None
    text: str


@dataclass
class ArticleCues:
    """What the whole article says about the survey(s) it reports."""

    names: set[str] = field(default_factory=set)
    sizes: list[SampleSize] = field(default_factory=list)
    ordinals: set[int] = field(default_factory=set)
    months: set[str] = field(default_factory=set)
    years: set[str] = field(default_factory=set)
    survey_years: set[str] = field(default_factory=set)  # "the 2013 poll"
    wave_spans: list[tuple[int, int]] = field(default_factory=list)  # where a wave, month or year is named


def took_part(sentence: str) -> bool:
    """True when the sentence says people took part in a survey ("answered", "took part", "a survey of")."""
    return _TOOK_PART.search(sentence) is not None


def is_sample_size(figure: Figure, sentence: str) -> bool:
    """A whole count in a sentence that says people took part ("attracted 128 responses", "a survey of
    95 CCGs", "Ninety-five of the 254 CCGs responded" — 95, not 254)."""
    if figure.unit != "number" or figure.value != figure.value.to_integral_value() or figure.value < 5:
        return False
    if not _TOOK_PART.search(sentence):
        return False
    # "95 of the 254 CCGs responded": 254 is everyone asked; "11 per cent of the 131 respondents": 131 answered
    return not re.search(rf"\bof\s+the\s+{re.escape(figure.text)}\b(?!\s+(?:respon|repl|repson))", sentence, re.I)


def read_cues(text: str, figures: list[Figure], sentence_of) -> ArticleCues:
    """The survey cues of the whole text, read once (linear in its length)."""
    cues = ArticleCues(names=credited_names(text))
    for f in figures:
        if is_sample_size(f, sentence_of(f)):
            cues.sizes.append(SampleSize(int(f.value), f.qualifier, f.text))
    cues.ordinals = {_ORDINALS[m.group("ord").lower()] for m in _WAVE.finditer(text)}
    cues.survey_years = {m.group("year") for m in _YEAR_WAVE.finditer(text)}
    cues.wave_spans = sorted(m.span() for pattern in (_WAVE, _YEAR_WAVE, _MONTH_WAVE) for m in pattern.finditer(text))
    for m in _MONTH_WAVE.finditer(text):
        cues.months.add((m.group("month") or m.group("month2")).lower())
        if m.group("year") or m.group("year2"):
            cues.years.add(m.group("year") or m.group("year2"))
    return cues


@dataclass
class SurveyFacts:
    """What the graph says about one survey that an article might name."""

    names: set[str]
    size: int | None
    size_more_than: int | None
    ordinal: int | None
    month: str | None
    year: str | None
    series: str | None = None


def survey_facts(info: FindingInfo) -> SurveyFacts:
    label = info.survey_label.split(" (as reported", 1)[0]
    # who ran it, and who published it first (a coalition's own release names the coalition)
    names = ({p.lower() for p in info.parties if len(p) > 2} | credited_names(label)
             | {e.publisher.lower() for e in info.evidence if e.publisher})
    # the graph's wave number ("January wave" is the second); the label's ordinal where the graph has none
    ordinal = info.wave or next((n for w, n in _ORDINALS.items() if re.search(rf"\b{w}\s+wave\b", label, re.I)),
                                None)
    month = next((m for m in _MONTHS if re.search(rf"\b{m}\b", label, re.I)), None)
    year = (re.search(r"\b(?:19|20)\d\d\b", label) or [None])[0]
    if info.fieldwork:
        year, number = info.fieldwork[:4], int(info.fieldwork[5:7]) if len(info.fieldwork) >= 7 else None
        month = _MONTHS[number - 1] if number else month
    return SurveyFacts(names, info.responses, info.responses_more_than, ordinal, month, year, info.series)


def _names_agree(a: str, b: str) -> bool:
    return a in b or b in a


def _size_fits(size: SampleSize, facts: SurveyFacts) -> str:
    """``same``, ``close`` (within 5%: a discrepancy to report), ``differs`` or ``unknown``."""
    if facts.size is not None:
        if size.value == facts.size and size.qualifier is None:
            return "same"
        return "close" if abs(size.value - facts.size) <= Decimal("0.05") * facts.size else "differs"
    if facts.size_more_than is not None:
        bound = facts.size_more_than
        if size.value == bound and size.qualifier in ("more-than", "over", "just-over"):
            return "same"
        if bound < size.value <= bound * 1.1:
            return "same"
        return "close" if abs(size.value - bound) <= 0.05 * bound else "differs"
    return "unknown"


@dataclass
class Identity:
    """How an article's cues bear on one survey: ``conflict`` excludes it, ``established`` allows
    ``contradicts``; ``notes`` are discrepancies worth a fact-checker's eye."""

    conflict: bool
    established: bool
    reasons: list[str]
    notes: list[str]
    by_name: bool = False  # established by who ran it or its wave, not by a sample size alone
    #: another wave or month named: a clause crediting the series by name does not undo this
    other_wave: bool = False
    #: the article names this very wave (its number, month or year)
    same_wave: bool = False


def weigh(cues: ArticleCues, facts: SurveyFacts) -> Identity:
    """Weigh the article's cues against one survey."""
    conflicts, positives, notes = [], [], []
    by_name = other_wave = same_wave = False
    if cues.names:
        named = [n for n in cues.names if any(_names_agree(n, p) for p in facts.names)]
        if named:
            positives.append(f"the article names {sorted(named)[0]}")
            by_name = True
        else:
            conflicts.append(f"the article credits {', '.join(sorted(cues.names))}")
    if cues.sizes:
        fits = {s.text: _size_fits(s, facts) for s in cues.sizes}
        if "same" in fits.values():
            positives.append(f"sample size {next(t for t, v in fits.items() if v == 'same')}")
        elif "close" in fits.values():
            quoted = next(t for t, v in fits.items() if v == "close")
            expected = facts.size if facts.size is not None else f"more than {facts.size_more_than}"
            notes.append(f"the article gives {quoted} respondents, the survey {expected}: a discrepancy")
        elif "differs" in fits.values() and "unknown" not in fits.values():
            conflicts.append(f"sample size {', '.join(fits)} against {facts.size or facts.size_more_than}")
    if cues.ordinals and facts.ordinal is not None:
        if facts.ordinal in cues.ordinals:
            positives.append("the same wave")
            by_name = same_wave = True
        else:
            conflicts.append("another wave")
            other_wave = True
    if cues.months and facts.month is not None:
        if facts.month in cues.months and (not cues.years or facts.year in cues.years):
            positives.append(f"fieldwork in {facts.month.title()}")
            same_wave = True
        elif facts.month not in cues.months:
            conflicts.append(f"fieldwork in {', '.join(sorted(cues.months))}, not {facts.month}")
            other_wave = True
    if cues.survey_years and facts.year is not None and not cues.months:
        if facts.year in cues.survey_years:
            positives.append(f"the {facts.year} survey")
            same_wave = True
        else:
            conflicts.append(f"a survey of {', '.join(sorted(cues.survey_years))}, not {facts.year}")
            other_wave = True
    return Identity(bool(conflicts), bool(positives) and not conflicts, conflicts or positives, notes,
                    by_name and not conflicts, other_wave, same_wave and not conflicts)


def other_waves(identities: dict[str, Identity], facts: dict[str, SurveyFacts]) -> dict[str, Identity]:
    """When the article names one wave of a series ("HSJ's October barometer"), the series' other waves are
    not what it reports, even those whose month the graph does not know."""
    named = {facts[s].series for s, i in identities.items() if i.same_wave and facts[s].series}
    out = dict(identities)
    for survey, identity in identities.items():
        if facts[survey].series in named and not identity.same_wave and not identity.other_wave:
            out[survey] = Identity(True, False, ["the article names another wave of the series"], identity.notes,
                                   False, True, False)
    return out
