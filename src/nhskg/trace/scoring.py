"""How a match is scored, in one place: the matcher scores with it and the candidate filter bounds with it.

A match's score is ``CONTEXT_WEIGHT × context + NUMBER_WEIGHT × NUMERIC_SCORE[verdict] + bonus`` (the bonus
``NAME_BONUS`` when the article names the finding's survey), capped at 1; a match is reported when its
score reaches ``MIN_SCORE`` and its context its threshold. ``nhskg.trace.candidates`` derives from these
same numbers the least context a finding could pass with, so the two can never drift apart.
"""

from __future__ import annotations

NUMERIC_SCORE = {"derived": 0.45, "exact": 1.0, "rounded": 0.9, "approximate": 0.75, "fits": 0.75, "stretched": 0.5,
                 "contradicts": 0.1}
MIN_CONTEXT = 0.22  # share of the sentence's distinctive words the finding must explain
MIN_CONTEXT_TO_CONTRADICT = 0.45
MIN_SCORE = 0.45
#: when the article establishes the finding's survey, less of the clause need be explained by it
MIN_CONTEXT_ESTABLISHED = 0.12
CONTEXT_WEIGHT = 0.6
NUMBER_WEIGHT = 0.4
#: the survey named (by who ran it, its wave, or a party in the clause); a sample size never lifts a score
NAME_BONUS = 0.1
#: the verdicts of a number that agrees with the finding's value
USABLE_FITS = {"exact", "rounded", "approximate", "fits"}


def score(context: float, numeric: str, named: bool) -> float:
    """A match's score: its context and its number's verdict, lifted when the survey is named; at most 1."""
    return min(1.0, CONTEXT_WEIGHT * context + NUMBER_WEIGHT * NUMERIC_SCORE[numeric] + (NAME_BONUS if named else 0.0))


def most_score(context: float, best_numeric: float) -> float:
    """The most a match with at most ``context`` and a number scoring at most ``best_numeric`` could score."""
    return min(1.0, CONTEXT_WEIGHT * context + NUMBER_WEIGHT * best_numeric + NAME_BONUS)


def least_context(best_numeric: float) -> float:
    """The least context with which a match whose number scores at most ``best_numeric`` could be reported:
    below it, no bonus lifts the score to ``MIN_SCORE``, or the context is under every threshold."""
    return max(MIN_CONTEXT_ESTABLISHED, (MIN_SCORE - NAME_BONUS - NUMBER_WEIGHT * best_numeric) / CONTEXT_WEIGHT)
