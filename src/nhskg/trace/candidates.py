"""Which findings could match a figure: an exact pre-filter, so that the matcher need not score them all.

``Tracer.trace_figure`` reports a finding only when (read its loop beside this):

1. the finding's unit is the figure's kind; and
2. either the finding is about the survey itself (a sample size, a response rate: ``measure != "answer"``)
   and one of the three survey rules can set its context whatever the words — the number ``exact``; a
   sample size against a count of responses; a usable fit with a party named — or
3. its context (the share of the window's weight, ``Tracer._weigh``, that its words hold) reaches
   ``scoring.least_context`` of the best verdict its value can take for this figure: ``judge_fit`` of the
   value, ``exact`` when the values are equal (a qualifier stated alike), ``derived`` when the complement of
   a percentage fits, ``contradicts`` (the least) always. Below that no bonus lifts the score to
   ``MIN_SCORE``, or the context is under the lowest threshold.

Every other step of the loop only drops matches, so a finding this filter drops could never be reported, and
the matches and verdicts are the same with it or without it (``tests/test_trace_candidates.py`` checks
both ways on every labelled slice and on generated articles).

The context is bounded without weighing every finding: the window's lightest words are set aside while
their weights sum to less than the least context any finding needs (``MIN_CONTEXT_ESTABLISHED``); a finding
that holds none of the other, *essential*, words cannot reach it (the max-score rule of search engines), so
only the findings in the postings of an essential word are counted — rare words have short postings — and
each is kept when its essential words and all the light ones together could reach its least context.

Each candidate also carries the most it could score (that context, its best verdict and the bonus; 1 for a
finding about the survey itself): ``ranked`` orders them by it, and the matcher stops once three matches
score more than the next bound, since only the first three are reported (the verdict is the first's).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ..figures import Figure, judge_fit
from ..trace_index import FindingInfo
from .scoring import (
    MIN_CONTEXT_ESTABLISHED,
    NUMERIC_SCORE,
    USABLE_FITS,
    least_context,
    most_score,
)

#: the same sums added in another order differ in their last bits: a margin keeps the filter a superset
SLACK = 1e-9
#: what the words set aside may hold at most, as a share of the window: safely under every threshold
_SET_ASIDE = MIN_CONTEXT_ESTABLISHED - 1e-6


class Candidates:
    """The findings of an index by the words of their bags (``Tracer.bags``), built once per tracer."""

    def __init__(self, index: dict[str, FindingInfo], bags: dict[str, frozenset[str]]):
        self.iris = list(index)
        self._units = [index[iri].unit for iri in self.iris]
        self._values = [index[iri].value for iri in self.iris]
        #: by unit, each word: the findings (by position) whose bag holds it
        self.postings: dict[str, dict[str, list[int]]] = {}
        for at, iri in enumerate(self.iris):
            if self._units[at] not in self.postings:
                self.postings[self._units[at]] = defaultdict(list)
            postings = self.postings[self._units[at]]
            for word in bags[iri]:
                postings[word].append(at)
        # the survey rules turn on the value and the sentence, not on the words: by unit, then by value
        self._about: dict[str, dict[Decimal, list[int]]] = {}
        self._responses: dict[str, list[int]] = {}
        for at, iri in enumerate(self.iris):
            info = index[iri]
            if info.measure != "answer":
                self._about.setdefault(info.unit, {}).setdefault(info.value, []).append(at)
            if info.measure == "responses":
                self._responses.setdefault(info.unit, []).append(at)

    def select(self, figure: Figure, kinds: set[str], weighed: tuple[dict[str, float], float],
               sample: bool) -> list[str]:
        """The IRIs, in index order, of every finding that could be reported for ``figure``: of a unit in
        ``kinds``, with the window ``weighed`` (``Tracer._weigh``); ``sample``: the figure is a sample size."""
        return [self.iris[at] for at in sorted(self._bounds(figure, kinds, weighed, sample))]

    def ranked(self, figure: Figure, kinds: set[str], weighed: tuple[dict[str, float], float],
               sample: bool) -> list[tuple[float, str]]:
        """``select``'s findings with the most each could score (``score`` bounded), highest first, then in
        index order: once three matches score more than a finding's bound, neither it nor any after it can
        be among the three reported."""
        bounds = self._bounds(figure, kinds, weighed, sample)
        return [(bound, self.iris[at]) for at, bound in sorted(bounds.items(), key=lambda item: (-item[1], item[0]))]

    def _bounds(self, figure: Figure, kinds: set[str], weighed: tuple[dict[str, float], float],
                sample: bool) -> dict[int, float]:
        """Each finding that could be reported (by position) and the most it could score."""
        weights, total = weighed
        found: dict[int, float] = {}
        if total > 0:
            essential, set_aside = _essential(weights, total)
            held: dict[int, float] = {}  # each finding holding an essential word: their weight
            for unit in kinds:
                postings = self.postings.get(unit, {})
                for word in essential:
                    weight = weights[word]
                    for at in postings.get(word, ()):
                        held[at] = held.get(at, 0.0) + weight
            # by unit and value: the best verdict, and the least context with which it could be reported
            bounds: dict[tuple[str, Decimal], tuple[float, float]] = {}
            for at, weight in held.items():
                key = self._units[at], self._values[at]
                if key not in bounds:
                    best = best_numeric(figure, key[1], key[0])
                    bounds[key] = best, least_context(best) - SLACK
                best, need = bounds[key]
                # the most of the window the finding can explain: its essential words and every light one
                most = (weight + set_aside) / total
                if most >= need:
                    found[at] = most_score(min(1.0, most + SLACK), best) + SLACK
        for unit in kinds:
            # about the survey itself: a rule may set the context whatever the words, so no bound but 1
            for value, ats in self._about.get(unit, {}).items():
                if value == figure.value or judge_fit(figure, value) in USABLE_FITS:
                    found.update(dict.fromkeys(ats, 1.0 + SLACK))
            if sample:
                found.update(dict.fromkeys(self._responses.get(unit, ()), 1.0 + SLACK))
        return found


def _essential(weights: dict[str, float], total: float) -> tuple[list[str], float]:
    """The window's essential words, and the weight of the others: its lightest words, set aside while
    together they weigh less than any threshold, so that a finding holding none but them cannot pass."""
    set_aside = 0.0
    essential = []
    for word, weight in sorted(weights.items(), key=lambda item: (item[1], item[0])):
        if not essential and set_aside + weight < _SET_ASIDE * total:
            set_aside += weight
        else:
            essential.append(word)
    return essential, set_aside


def best_numeric(figure: Figure, value: Decimal, unit: str) -> float:
    """The highest ``NUMERIC_SCORE`` a finding of ``value`` can earn for ``figure``, however its meaning is read:
    its fit, ``exact`` for an equal value (a qualifier stated alike), ``derived`` for a fitting complement of a
    percentage, and ``contradicts`` whatever the number."""
    best = max(NUMERIC_SCORE[judge_fit(figure, value)], NUMERIC_SCORE["contradicts"])
    if value == figure.value:
        best = max(best, NUMERIC_SCORE["exact"])
    if unit == "percent" and judge_fit(figure, Decimal(100) - value) in USABLE_FITS:
        best = max(best, NUMERIC_SCORE["derived"])
    return best
