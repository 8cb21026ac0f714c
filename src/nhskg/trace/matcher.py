"""Trace the figures of a sentence or an article to the findings they stand on, with a verdict.

Each figure found in the input (``figures.find_figures``) is compared with the findings of the same kind
of unit that could match it (``candidates``: an exact pre-filter, so not with every finding): the words
around it against the finding's question, option, topic and its source sentences (weighted by how
distinctive each word is), the number against the finding's value (``judge_fit``), and any survey party or
sample size named in the input. Precision comes first: without enough shared
context a figure is ``no-match``, however well its number happens to agree.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain

from ..figures import Figure, find_changes, find_figures, judge_fit
from ..trace_index import collector_paused
from .candidates import Candidates
from .identity import (
    SurveyFacts,
    credited_names,
    is_sample_size,
    named_sources,
    other_waves,
    read_cues,
    survey_facts,
    took_part,
    weigh,
)
from .index import FindingInfo
from .meaning import is_polar, polarity, reversed_meaning
from .scoring import (
    MIN_CONTEXT,
    MIN_CONTEXT_ESTABLISHED,
    MIN_CONTEXT_TO_CONTRADICT,
    MIN_SCORE,
    NUMERIC_SCORE,
    USABLE_FITS,
    score,
)
from .words import _UNIT_WORDS, _sentence, _sentence_bounds, _window, tokens  # noqa: F401 (_sentence: the tests)

#: the topic of findings about who answered a survey (its SKOS label in graph/curation/topics.yaml)
RESPONDENT_PROFILE = "respondent profile"


@dataclass
class Match:
    finding: FindingInfo
    score: float
    context: float
    numeric: str
    #: how the figure is derived from the finding ("100 − 47 = 53"), when it is not stated by the source
    arithmetic: str | None = None
    #: survey identity: why the finding's survey is established, and discrepancies (sample sizes)
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class TracedFigure:
    figure: Figure
    verdict: str
    matches: list[Match] = field(default_factory=list)
    #: a change ("from 19% to 12%"): each end traced on its own; ``matches`` are the change's own
    ends: list[TracedFigure] = field(default_factory=list)


def flatten(traced: list[TracedFigure]) -> list[TracedFigure]:
    """Every traced figure with a change's ends before the change itself (for labels that name an end)."""
    return [x for t in traced for x in (*t.ends, t)]


class Article:
    """One input, read once: its sentence breaks (for clause lookups in log time) and its survey cues."""

    def __init__(self, text: str, figures: list[Figure], facts: dict[str, SurveyFacts]):
        self.text = text
        self.figures = figures
        # a sentence ends at . ! ? followed by white space, a semicolon ends a clause, a new line ends both
        self.breaks = [m.end() for m in re.finditer(r"[.!?;](?=\s|$)|\n", text)]
        self.cues = read_cues(text, figures, self.sentence_of)
        weighed = {survey: weigh(self.cues, f) for survey, f in facts.items()}
        self.identities = weighed
        # one wave named excludes its series' other waves — for the figures of its own sentence, and for all
        # when it is named in a sentence of no figure ("HSJ's October barometer is out"); a wave named beside
        # another figure ("In the January wave, 73 per cent had") is a comparison, not what the rest reports
        self.series_identities = other_waves(weighed, facts)
        starts = [f.start for f in figures]
        self.wave_sentences = []
        self.wave_everywhere = False
        for at, end in self.cues.wave_spans:
            left, right = self.bounds(at, end)
            has_figure = bisect.bisect_left(starts, left) < bisect.bisect_left(starts, right)
            self.wave_sentences.append((left, right))
            self.wave_everywhere |= not has_figure
        self.wave_sentences.sort()

    def identities_for(self, figure: Figure) -> dict:
        """How the article's cues bear on each survey for this figure (see ``series_identities``), in log time."""
        at = bisect.bisect_right(self.wave_sentences, (figure.start, float("inf"))) - 1
        in_wave_sentence = at >= 0 and self.wave_sentences[at][0] <= figure.start < self.wave_sentences[at][1]
        return self.series_identities if self.wave_everywhere or in_wave_sentence else self.identities

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The clause around [start, end), found by bisection in the breaks read once."""
        at = bisect.bisect_right(self.breaks, start) - 1
        left = self.breaks[at] if at >= 0 else 0
        if left > start:
            left = 0
        after = bisect.bisect_right(self.breaks, end)
        right = self.breaks[after] if after < len(self.breaks) else len(self.text)
        return left, right

    def sentence_of(self, figure: Figure) -> str:
        left, right = self.bounds(figure.start, figure.end)
        return self.text[left:right]


#: an answer that takes no side ("not sure", "undecided"): a claim that takes one is not it
_NEUTRAL = re.compile(r"\b(?:not\s+sure|unsure|undecided|don['’]?t\s+know|do\s+not\s+know|no\s+opinion|neither)\b", re.I)
#: "Of the CCGs that felt restricted, nearly half ...": the figure counts within the group the lead defines
_SUBGROUP_LEAD = re.compile(r"(?:^|[,:]\s*)(?:of|among|amongst)\s+(?:the\s+|those\s+|these\s+)?[^,;]*?"
                            r"\b(?:who|that|which|whom)\b[^,;]*,\s*(?:\w+\s+){0,2}$", re.I)
#: a sentence that opens on a group ("Of the CCGs that felt constricted, 40% …") sets it for the next one too
_OPENS_ON_GROUP = re.compile(r"^\s*(?:of|among|amongst)\s+(?:the|those|these)\s+[^,;]*?\b(?:who|that|which|whom)\b"
                             r"[^,;]*,", re.I)
#: A subgroup finding ("of those who feel restricted, 60% ...") needs its clause to mark the subgroup.
_SUBGROUP = re.compile(r"\b(?:of\s+(?:these|those|them|which|whom)|among|amongst|who|those)\b", re.I)


class _Once(dict):
    """``once[text]`` is ``function(text)``, computed once per distinct text (the results are shared: read,
    never changed); a dict, so that a text seen before costs one lookup."""

    def __init__(self, function: Callable):
        super().__init__()
        self.function = function

    def __missing__(self, text: str):
        found = self[text] = self.function(text)
        return found


def _shared(seen: dict, value):
    """``value``, or the equal one seen before: equal values become one object."""
    return seen.setdefault(value, value)


class Tracer:
    """Matches figures against an index of findings."""

    def __init__(self, index: dict[str, FindingInfo], prefilter: bool = True):
        """Read ``index`` once: each finding's words, polarity and parties, and (``prefilter``) the word
        postings that let a figure be scored against the findings that could match it (``Candidates``)
        rather than against all: the matches are the same either way."""
        with collector_paused():  # a few objects for every finding, and no cycles among them
            self._read(index, prefilter)

    def _read(self, index: dict[str, FindingInfo], prefilter: bool) -> None:
        self.index = index
        self.prefilter = prefilter
        # a text's tokens and polarity, once per distinct text: findings of one sentence, one survey or one
        # question share their evidence, labels and options (tokens of texts joined by a space are the texts'
        # tokens one after another: no word spans the space)
        said = _Once(tokens)
        polar = _Once(polarity)
        # the topic is left out: it is shared by many findings and would make them all look alike
        # the survey's label names its wave ("January wave"); derived findings lend their stated basis
        # ("when the same question was asked in January") to the findings they were derived from
        lent: dict[str, list[str]] = {}
        for f in index.values():
            for source in f.derived_from:
                lent.setdefault(source, []).extend(e.exact for e in f.evidence)
        # a bag is the set of the finding's words: only whether it holds a word counts, never how often
        self.bags = {iri: frozenset(chain(said[f.option], said[f.question], said[f.survey_label],
                                          *(said[x] for x in lent.get(iri, [])), *(said[e.exact] for e in f.evidence)))
                     for iri, f in index.items()}
        # the finding's own claim: what was asked and answered, without the rest of its source sentences
        self.core = {iri: set(chain(said[f.option], said[f.question], said[f.survey_label.split(" (as reported")[0]],
                                    *(said[e.words or ""] for e in f.evidence)))
                     for iri, f in index.items()}
        self.polarity = {iri: polar[f.option] for iri, f in index.items()}
        options: dict[str, frozenset[str]] = {}
        self.option_words = {iri: _shared(options, frozenset(said[f.option])) for iri, f in index.items()}
        self.neutral = {iri for iri, f in index.items() if _NEUTRAL.search(f.option)}
        # who ran the finding's survey and who published it, lower-cased: what a clause may credit
        # (one frozenset for equal ones: what a figure's clause makes of them is worked out once a figure)
        shared: dict[frozenset[str], frozenset[str]] = {}
        self.parties = {iri: _shared(shared, frozenset({p.lower() for p in f.parties}
                                                      | {e.publisher.lower() for e in f.evidence if e.publisher}))
                        for iri, f in index.items()}
        # findings that define a subgroup ("feel restricted") which other findings count within
        self.bases = {f.base for f in index.values() if f.base}
        # 100 − "not satisfied" is "satisfied" (very or quite), but 100 − "not involved" is "involved or not
        # sure": a complement stands for the other side only when the question had no neutral answer
        undecided = {(f.survey, f.question) for iri, f in index.items() if iri in self.neutral}
        # findings of questions with no neutral answer: their complement is the other side
        self.sided = {iri for iri, f in index.items() if (f.survey, f.question) not in undecided}
        # every polar notion the finding's sources use of it: "not able to shape", curated as standing for
        # "not involved", makes "able" a way of saying this finding
        self.notions = {iri: set(self.polarity[iri]) | {n for e in f.evidence for n in polar[e.exact]}
                        for iri, f in index.items()}
        documents: Counter = Counter()
        for bag in self.bags.values():
            documents.update(bag)
        self.idf = {t: math.log(1 + len(self.bags) / n) for t, n in documents.items()}
        # a survey's facts are read from its last finding in index order (as a dict built over all would keep)
        last = {f.survey: f for f in index.values()}
        self.facts = {survey: survey_facts(f) for survey, f in last.items()}
        self.candidates = Candidates(index, self.bags) if prefilter else None

    def _weigh(self, window: dict[str, float]) -> tuple[dict[str, float], float]:
        """Each word of the window weighted by how distinctive it is (IDF) times its side's weight, and the total."""
        unknown = math.log(1 + len(self.bags))
        weights = {t: w * self.idf.get(t, unknown) for t, w in window.items()}
        return weights, sum(weights.values())

    def _share(self, weighed: tuple[dict[str, float], float], iri: str) -> float:
        """The share of the window's weight (``_weigh``) that the finding's words explain."""
        weights, total = weighed
        bag = self.bags[iri]
        return sum(w for t, w in weights.items() if t in bag) / total if total else 0.0

    def _context(self, window: dict[str, float], iri: str) -> float:
        """The share of the window's distinctive words (by IDF, times their side's weight) the finding has."""
        return self._share(self._weigh(window), iri)

    @staticmethod
    def _kind(figure: Figure, text: str) -> set[str]:
        if figure.unit in ("percent", "percentage-point"):
            return {figure.unit}
        if "." in figure.text and not re.match(r"\s*(responses|respondents)", text[figure.end:figure.end + 40]):
            return {"mean-score"}
        return {"count"}

    def trace_figure(self, figure: Figure, text: str, neighbours: list[Figure] | None = None,
                     article: Article | None = None) -> TracedFigure:
        article = article or Article(text, neighbours or [figure], self.facts)
        start, end = article.bounds(figure.start, figure.end)
        window, claim_text = _window(text, figure, neighbours or [], (start, end))
        clause = text[start:end]
        lowered = clause.lower()  # a survey's party counts when named in the figure's own clause
        # who the clause credits, up to where the figure's own words end: "32% felt …, close to the 33% in a
        # separate Pulse poll" credits Pulse with the 33%, not the 32%
        credit_scope = text[start:text.find(claim_text, start) + len(claim_text)]
        sources = named_sources(credit_scope)
        lead = _SUBGROUP_LEAD.search(text[start:figure.start])
        before = article.bounds(start - 2, start - 2)[0] if start > 1 and text[start - 1] != "\n" else start
        group_before = before < start and _OPENS_ON_GROUP.search(text[before:start]) is not None
        # after "Of the CCGs that felt restricted," the claim is what follows: the lead only names the group
        claim = _claim_polarity(text, figure, start + lead.end() if lead else start, end)
        clause_tokens = {t: 1.0 for t in tokens(clause)}
        credited = credited_names(credit_scope)  # who the figure's own clause credits, read once per figure
        identities = article.identities_for(figure)
        said_here = (set(window) | set(tokens(figure.text))) - _UNIT_WORDS  # the figure's own words, once a figure
        not_polar = {t for t in window if not is_polar(t)}
        window_weights, clause_weights = self._weigh(window), self._weigh(clause_tokens)
        kinds = self._kind(figure, text)
        sample_size = is_sample_size(figure, clause)
        # the findings that could be reported (``Candidates``: exact), or, without the filter, every one
        # highest bound first (``Candidates.ranked``), or, without the filter, every one with no bound
        candidates = self.candidates.ranked(figure, kinds, window_weights, sample_size) \
            if self.candidates is not None else [(math.inf, iri) for iri in self.index]
        top: list[float] = []  # the three highest scores reported so far (a heap: the third highest first)
        precise = figure.decimal_places
        # what depends only on the figure and the finding's parties, survey or value, worked out once each
        credits_others: dict[frozenset[str], bool] = {}
        names_party: dict[frozenset[str], bool] = {}
        credits_survey: dict[str, bool] = {}
        fits: dict[Decimal, str] = {}
        matches = []
        for bound, iri in candidates:
            if len(top) == 3 and round(bound, 3) < top[0]:
                break  # three matches already score more than this one (or any after it) could: it is not reported
            info = self.index[iri]
            if info.unit not in kinds:
                continue
            parties = self.parties[iri]
            if sources:
                if parties not in credits_others:
                    credits_others[parties] = not any(s in p or p in s for s in sources for p in parties if len(p) > 2)
                if credits_others[parties]:
                    continue  # the clause credits the figure to someone else's survey
            identity = identities[info.survey]
            if parties not in names_party:
                names_party[parties] = any(name in lowered for name in parties if len(name) > 2)
            named_party = names_party[parties]
            if identity.conflict and info.survey not in credits_survey:
                names = self.facts[info.survey].names
                credits_survey[info.survey] = any(n in p or p in n for n in credited for p in names)
            if identity.other_wave or (identity.conflict and not credits_survey[info.survey]):
                continue  # the article is about another survey, or another wave of this one (the series' name
                # in the clause says which survey, not which wave)
            if info.base and not (lead or _SUBGROUP.search(clause) or group_before):
                continue  # a subgroup's share is not a share of all respondents
            if info.value not in fits:
                fits[info.value] = judge_fit(figure, info.value)
            numeric = fits[info.value]
            if info.qualifier and info.qualifier == figure.qualifier and info.value == figure.value:
                numeric = "exact"  # "more than 80%" against a finding stated as more than 80%
            if precise and numeric in ("approximate", "stretched"):
                continue  # "33.7%" is not roughly 32.6%: a number stated that precisely is another number
            context = self._share(window_weights, iri)
            established = identity.established or named_party
            about_survey = info.measure != "answer"  # sample sizes, response rates: the survey itself
            sample = about_survey and sample_size
            clause_context = self._share(clause_weights, iri) if about_survey else 0.0
            if about_survey and ((numeric == "exact" and (
                    named_party or (clause_context > 0 and _SURVEY_WORDS.search(text[max(0, start - 300):end + 300]))))
                                 or (sample and (identity.by_name or named_party) and info.measure == "responses")
                                 or (numeric in USABLE_FITS and named_party and took_part(clause))):
                context = max(context, MIN_CONTEXT + 0.1)  # "94 leaders answered the survey": these words are the context
            elif not said_here & self.core[iri]:
                continue  # nothing of what was asked or answered is in the figure's clause
            arithmetic = None
            states = set(claim) - {"up"}  # a direction ("rose to 7.2") is about change, not the state asked
            if lead and iri in self.bases:
                continue  # the group a lead defines is not what is counted within it
            if iri in self.neutral and (set(claim) - {"up"}) and not _NEUTRAL.search(clause):
                continue  # "very satisfied" takes a side; "not sure" takes none
            if info.topic == RESPONDENT_PROFILE and not about_survey and not set(window) & self.option_words[iri]:
                continue  # who answered ("32.6% from NHS Midlands and East") is said by naming the group
            if states and self.polarity[iri] and not states & self.notions[iri]:
                continue  # both say something polar, about different things: "satisfied" is not "involved"
            if reversed_meaning(claim, self.polarity[iri]):
                if info.unit != "percent":
                    continue
                # 100 − "not involved" is "involved or not sure" when "not sure" was an answer
                negates_finding = all(claim[n] < 0 for n in set(claim) & set(self.polarity[iri]))
                complement_fits = negates_finding or iri in self.sided
                complement = Decimal(100) - info.value
                fit = judge_fit(figure, complement)
                if fit in USABLE_FITS and complement_fits:
                    numeric, arithmetic = "derived", f"100 − {info.value} = {complement}"
                elif established:
                    numeric = "contradicts"
                else:
                    continue
            elif numeric == "contradicts" and not established:
                continue  # a differing number alone does not establish the survey
            if numeric == "contradicts" and not not_polar & self.core[iri]:
                continue  # the same question must be asked: "not at all confident" alone names no question
            scored = score(context, numeric, identity.by_name or named_party)  # a sample size never lifts it
            if context >= (MIN_CONTEXT_ESTABLISHED if established else MIN_CONTEXT) and scored >= MIN_SCORE and (
                    numeric != "contradicts" or context >= MIN_CONTEXT_TO_CONTRADICT):
                matches.append(Match(info, round(scored, 3), round(context, 3), numeric, arithmetic,
                                     identity.reasons if established else [], identity.notes))
                heapq.heappush(top, matches[-1].score)
                if len(top) > 3:
                    heapq.heappop(top)
        # equal scores: the finding whose own answer the clause says ("fully involved", not "not involved")
        said = set(tokens(clause))
        overlaps: dict[frozenset[str], int] = {}  # one option's words, shared by many findings: counted once
        for m in matches:
            words = self.option_words[m.finding.iri]
            if words not in overlaps:
                overlaps[words] = len(words & said)
        matches.sort(key=lambda m: (-m.score, -overlaps[self.option_words[m.finding.iri]], m.finding.iri))
        if not matches:
            return TracedFigure(figure, "no-match")
        return TracedFigure(figure, matches[0].numeric, matches[:3])

    def trace(self, text: str, progress: bool | None = None) -> list[TracedFigure]:
        """Every figure of ``text`` traced; a progress bar on standard error for inputs over 100 KB."""
        figures = find_figures(text)
        article = Article(text, figures, self.facts)  # the survey cues read every figure, ends included
        units = find_changes(text, figures)
        show = len(text) > PROGRESS_OVER if progress is None else progress
        out = []
        for i, figure in enumerate(units):
            if figure.ends:
                out.append(self.trace_change(figure, text, units, i, article))
            else:
                out.append(self.trace_figure(figure, text, units[max(0, i - 3):i + 4], article))
            if show and (i % 200 == 0 or i == len(units) - 1):
                _progress(i + 1, len(units))
        return out

    def trace_change(self, change: Figure, text: str, units: list[Figure], i: int, article: Article) -> TracedFigure:
        """A change traced as a whole (against the changes the graph holds, in percentage points) and at
        each end (against the findings for the value before and after).

        The verdict is the change's own when it matches; else the weakest of its ends that match, since
        the claim is only as good as its weakest traced part."""
        others = [*units[max(0, i - 3):i], *units[i + 1:i + 4]]
        # each end reads the whole clause: its sibling end is not a neighbour that cuts its words off
        ends = [self.trace_figure(end, text, [end, *others], article) for end in change.ends or ()]
        own = self.trace_figure(change, text, [change, *others], article) \
            if change.unit == "percentage-point" else TracedFigure(change, "no-match")
        if own.matches:
            return TracedFigure(change, own.verdict, own.matches, ends)
        verdicts = [e.verdict for e in ends if e.matches]
        verdict = min(verdicts, key=lambda v: (NUMERIC_SCORE[v], v)) if verdicts else "no-match"
        return TracedFigure(change, verdict, [], ends)


PROGRESS_OVER = 100_000
#: "compared to 35% who say they do not": a bare negation at the end repeats the claim before it, negated
_ELLIPSIS = re.compile(r"\b(?:do|does|did|are|is|was|were|have|has|had|could|would|will|can)(?:\s+not|n['’]t)\W*$", re.I)


def _claim_polarity(text: str, figure: Figure, start: int, end: int) -> dict[str, int]:
    """The figure's own claim: the words after it ("32% say they are not involved"), or, when they say
    nothing polar, the words before it — negated when the figure's clause ends in "they do not"."""
    right = polarity(text[figure.end:end])
    if right:
        return right
    left = polarity(text[start:figure.start])
    if _ELLIPSIS.search(text[figure.end:end]):
        return {notion: -sign for notion, sign in left.items()}
    return left


def _progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\rtracing [{'#' * filled}{'.' * (width - filled)}] {done}/{total} figures")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


_SURVEY_WORDS = re.compile(r"\b(?:survey|poll|barometer|answered|responded)\b", re.I)


def to_json(text: str, traced: list[TracedFigure]) -> dict:
    """The JSON shape of the issue: figures with their verdict and matches, IRIs as strings; a change
    ("from 19% to 12%", in percentage points) carries its two ends, each traced, under ``ends``."""
    return {"input": text, "figures": [_figure_json(t) for t in traced]}


def _figure_json(t: TracedFigure) -> dict:
    return {"text": t.figure.text, "start": t.figure.start, "end": t.figure.end, "value": float(t.figure.value),
            "unit": t.figure.unit, "qualifier": t.figure.qualifier, "verdict": t.verdict,
            "ends": [_figure_json(e) for e in t.ends],
            "matches": [{
                "finding": m.finding.iri, "score": m.score, "value": float(m.finding.value),
                "survey": m.finding.survey,
                # the reasoning: how a derived figure follows, why the survey is taken as established,
                # and what the article says differently (its sample size)
                "arithmetic": m.arithmetic, "reasons": m.reasons, "notes": m.notes,
                "evidence": [{"document": e.document, "title": e.title, "publisher": e.publisher, "url": e.url,
                              "date": e.date, "exact": e.exact, "start": e.start, "end": e.end}
                             for e in m.finding.evidence],
            } for m in t.matches]}

