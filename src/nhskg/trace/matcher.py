"""Trace the figures of a sentence or an article to the findings they stand on, with a verdict.

Each figure found in the input (``figures.find_figures``) is compared with every finding of the same kind
of unit: the words around it against the finding's question, option, topic and its source sentences
(weighted by how distinctive each word is), the number against the finding's value (``judge_fit``),
and any survey party or sample size named in the input. Precision comes first: without enough shared
context a figure is ``no-match``, however well its number happens to agree.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..figures import Figure, find_figures, judge_fit
from .index import FindingInfo

NUMERIC_SCORE = {"exact": 1.0, "rounded": 0.9, "approximate": 0.75, "fits": 0.75, "stretched": 0.5, "contradicts": 0.1}
MIN_CONTEXT = 0.22  # share of the sentence's distinctive words the finding must explain
MIN_CONTEXT_TO_CONTRADICT = 0.45
MIN_SCORE = 0.45
_STOP = set("""a an the of to in on at for by with from and or but nor is are was were be been being it its
this that these those they them their there here as than then so such which who whom whose what when where why how
all any both each few more most other some own same only just over under very can will would should could may might
must do does did done have has had having say says said told tell also about into up down out off again further once
per cent percent survey surveys found find finds according respondents respondent responses response replies
ccg ccgs clinical group groups
leaders leader one two three four five six seven eight nine ten half third thirds quarter quarters fifth fifths
nearly almost over under less more than just about around majority""".split())
_SYNONYMS = {"constrict": "restrict", "unhappy": "dissatisfi", "dissatisfaction": "dissatisfi", "satisfaction": "satisfi",
             "confidence": "confid", "authorization": "authoris", "authorisation": "authoris", "bigger": "larger",
             "debt": "debt", "involvement": "involv", "engagement": "engag", "relationship": "relation"}


def stem(word: str) -> str:
    word = word.lower().strip("'’")
    word = re.sub(r"['’]s$", "", word)
    for suffix in ("ation", "ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    for prefix, canonical in _SYNONYMS.items():
        if word.startswith(prefix):
            return canonical
    return word


def tokens(text: str) -> list[str]:
    return [stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", text) if w.lower() not in _STOP and len(w) > 2]


@dataclass
class Match:
    finding: FindingInfo
    score: float
    context: float
    numeric: str


@dataclass
class TracedFigure:
    figure: Figure
    verdict: str
    matches: list[Match] = field(default_factory=list)


class Tracer:
    """Matches figures against an index of findings."""

    def __init__(self, index: dict[str, FindingInfo]):
        self.index = index
        # the topic is left out: it is shared by many findings and would make them all look alike
        # the survey's label names its wave ("January wave"); derived findings lend their stated basis
        # ("when the same question was asked in January") to the findings they were derived from
        lent: dict[str, list[str]] = {}
        for f in index.values():
            for source in f.derived_from:
                lent.setdefault(source, []).extend(e.exact for e in f.evidence)
        self.bags = {iri: Counter(tokens(" ".join([f.option, f.question, f.survey_label, *lent.get(iri, []),
                                                   *(e.exact for e in f.evidence)])))
                     for iri, f in index.items()}
        documents = Counter(t for bag in self.bags.values() for t in set(bag))
        self.idf = {t: math.log(1 + len(self.bags) / n) for t, n in documents.items()}

    def _context(self, window: dict[str, float], iri: str) -> float:
        """The share of the window's distinctive words (by IDF, times their side's weight) the finding has."""
        unknown = math.log(1 + len(self.bags))
        weights = {t: w * self.idf.get(t, unknown) for t, w in window.items()}
        total = sum(weights.values())
        return sum(w for t, w in weights.items() if t in self.bags[iri]) / total if total else 0.0

    @staticmethod
    def _kind(figure: Figure, text: str) -> set[str]:
        if figure.unit in ("percent", "percentage-point"):
            return {figure.unit}
        if "." in figure.text and not re.match(r"\s*(responses|respondents)", text[figure.end:]):
            return {"mean-score"}
        return {"count"}

    def trace_figure(self, figure: Figure, text: str, neighbours: list[Figure] | None = None) -> TracedFigure:
        window = _window(text, figure, neighbours or [])
        start, end = _sentence_bounds(text, figure.start, figure.end)
        clause = text[start:end]
        lowered = clause.lower()  # a survey's party counts when named in the figure's own clause
        sources = named_sources(clause)
        matches = []
        for iri, info in self.index.items():
            if info.unit not in self._kind(figure, text):
                continue
            parties = {p.lower() for p in info.parties} | {e.publisher.lower() for e in info.evidence if e.publisher}
            if sources and not any(s in p or p in s for s in sources for p in parties if len(p) > 2):
                continue  # the clause credits the figure to someone else's survey
            numeric = judge_fit(figure, info.value)
            if info.qualifier and info.qualifier == figure.qualifier and info.value == figure.value:
                numeric = "exact"  # "more than 80%" against a finding stated as more than 80%
            context = self._context(window, iri)
            named_party = any(name in lowered for name in parties if len(name) > 2)
            if (info.measure == "responses" and numeric == "exact" and _RESPONSES.match(text[figure.end:])
                    and (named_party or (_SURVEY_WORDS.search(text[max(0, start - 300):end + 300])
                                         and self._context({t: 1.0 for t in tokens(clause)}, iri) > 0))):
                context = max(context, MIN_CONTEXT + 0.1)  # "94 leaders answered the survey": these words are the context
            bonus = 0.15 if named_party else 0.0
            if info.responses and re.search(rf"\b{info.responses}\s+(responses|respondents|replies)", text):
                bonus += 0.15
            score = 0.6 * context + 0.4 * NUMERIC_SCORE[numeric] + bonus
            if context >= MIN_CONTEXT and score >= MIN_SCORE and (
                    numeric != "contradicts" or context >= MIN_CONTEXT_TO_CONTRADICT):
                matches.append(Match(info, round(score, 3), round(context, 3), numeric))
        matches.sort(key=lambda m: (-m.score, m.finding.iri))
        if not matches:
            return TracedFigure(figure, "no-match")
        best = matches[0].numeric
        return TracedFigure(figure, "approximate" if best == "fits" else best, matches[:3])

    def trace(self, text: str, progress: bool | None = None) -> list[TracedFigure]:
        figures = find_figures(text)
        return [self.trace_figure(f, text, figures) for f in figures]


_SOURCE = re.compile(
    r"(?:(?:survey|poll|study|report|research|analysis|barometer)\s+(?:by|from|for|of)\s+(?:the\s+)?"
    r"(?P<after>[A-Z][\w'’&.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’&.-]*)*))"
    r"|(?:(?P<before>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)(?:['’]s)?\s+(?:survey|poll|study|barometer)\b)"
    r"|(?:(?i:according\s+to)\s+(?:the\s+|an?\s+)?(?P<according>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*))")
_NOT_SOURCES = {"the", "a", "an", "this", "that", "new", "one", "his", "her", "their", "its", "our", "latest", "third"}


def named_sources(clause: str) -> set[str]:
    """Who the clause credits the figure to ("a King's Fund survey", "according to the BMA"), lower-cased."""
    found = set()
    for m in _SOURCE.finditer(clause):
        name = (m.group("after") or m.group("before") or m.group("according") or "").strip(" .")
        name = re.sub(r"['’]s$", "", re.sub(r"^(?:a|an|the)\s+", "", name, flags=re.I))
        if name and name.lower() not in _NOT_SOURCES and not name.isdigit():
            found.add(name.lower())
    return found


_SURVEY_WORDS = re.compile(r"\b(?:survey|poll|barometer|answered|responded)\b", re.I)
_RESPONSES = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:responses|respondents|replies|leaders|people)\b", re.I)


#: Words after a figure usually say what it counts ("32% say they are not involved"); words before it
#: may belong to the previous figure's claim, so they count for less.
LEFT_WEIGHT = 0.5


def _window(text: str, figure: Figure, neighbours: list[Figure]) -> dict[str, float]:
    """The words of the figure's claim, each with a weight: its sentence, cut at neighbouring figures.

    A figure restating its neighbour in brackets ("Almost half (47%)") does not cut, and a bracketed
    figure ("NHS London (12.6%)") takes its claim from the words before it."""
    start, end = _sentence_bounds(text, figure.start, figure.end)
    for other in neighbours:
        if _restates(text, figure, other) or _restates(text, other, figure):
            continue
        if other.end <= figure.start:
            start = max(start, other.end)
        elif other.start >= figure.end:
            end = min(end, other.start)
    bracketed = text[max(0, figure.start - 1):figure.start] == "(" and text[figure.end:figure.end + 1] == ")"
    left, right = (1.0, LEFT_WEIGHT) if bracketed else (LEFT_WEIGHT, 1.0)
    window = {t: left for t in tokens(text[start:figure.start])}
    window.update({t: right for t in tokens(text[figure.end:end])})
    return window


def _restates(text: str, first: Figure, second: Figure) -> bool:
    """True when ``second`` follows ``first`` in brackets: the same figure said twice."""
    return first.end <= second.start and re.fullmatch(r"\s*(?:\w+\s+)?\(", text[first.end:second.start]) is not None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): sentences end at . ! ? or a new line, and a semicolon ends a clause."""
    left = max((m.end() for m in re.finditer(r"[.!?;]\s|\n", text[:start])), default=0)
    after = re.search(r"[.!?;](?=\s|$)|\n", text[end:])
    return left, end + after.start() + 1 if after else len(text)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): from the last stop before it to the first after it."""
    left, right = _sentence_bounds(text, start, end)
    return text[left:right]


def to_json(text: str, traced: list[TracedFigure]) -> dict:
    """The JSON shape of the issue: figures with their verdict and matches, IRIs as strings."""
    figures = []
    for t in traced:
        figures.append({
            "text": t.figure.text, "start": t.figure.start, "end": t.figure.end, "value": float(t.figure.value),
            "unit": t.figure.unit, "qualifier": t.figure.qualifier, "verdict": t.verdict,
            "matches": [{
                "finding": m.finding.iri, "score": m.score, "value": float(m.finding.value),
                "survey": m.finding.survey,
                "evidence": [{"document": e.document, "title": e.title, "publisher": e.publisher, "url": e.url,
                              "date": e.date, "exact": e.exact, "start": e.start, "end": e.end}
                             for e in m.finding.evidence],
            } for m in t.matches]})
    return {"input": text, "figures": figures}

