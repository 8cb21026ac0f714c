"""The trace's rules, pinned at their edges: what a clause says (polarity and negation, with the reach of a
negation), when two claims mean the same or the opposite, when the progress bar shows, and how much shared
context a ``contradicts`` needs. Data-driven, in the style of tests/test_rules.py."""

from __future__ import annotations

import pytest

from nhskg.trace import matcher
from nhskg.trace.meaning import is_polar, polarity, reversed_meaning, same_meaning


@pytest.fixture(scope="module")
def tracer(canonical):
    from nhskg.query.store import store_from_trig
    from nhskg.trace.index import load_index

    return matcher.Tracer(load_index(store_from_trig(canonical)))


# --- polarity: which way a clause points, after negation ------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("satisfied", {"satisfied": 1}), ("not satisfied", {"satisfied": -1}), ("dissatisfied", {"satisfied": -1}),
    ("unable", {"able": -1}), ("lacked confidence", {"confident": -1}), ("Don’t feel involved", {"involved": -1}),
    ("DIDN'T feel involved", {"involved": -1}),
    # a negation reaches five words on: the fifth is negated, the sixth is not
    ("have not been fully involved", {"involved": -1}), ("not a b c d involved", {"involved": -1}),
    ("not a b c d e involved", {"involved": 1}),
    # a negated verb of saying or judging reaches the end of its clause, "or" included
    ("did not describe their area team's dealings with them as good or very good", {"good": -1}),
    ("did not rate a b c d e f good", {"good": -1}), ("did not rate a b c d e f good. Good", {}),  # the full stop ends it
    ("not a b describe c d e f good", {"good": 1}),
    # two negations cancel; punctuation and a clause break end a negation's reach
    ("never not satisfied", {"satisfied": 1}), ("not, satisfied", {"satisfied": 1}), ("not but satisfied", {"satisfied": 1}),
    ("not (satisfied", {"satisfied": 1}),
    # "less than" negates the adjective right after it, not a quantity ("less than a quarter")
    ("less than happy", {"satisfied": -1}), ("fewer than happy", {"satisfied": -1}), ("Less Than happy", {"satisfied": -1}),
    ("less than a quarter were happy", {"satisfied": 1}), ("less than", {}), ("less", {}), ("less happy", {"satisfied": 1}),
    ("not less than happy", {"satisfied": 1}),
    # a notion said both ways says nothing; each notion keeps its own sign
    ("happy and unhappy", {}), ("happy, unhappy", {}), ("happy happy", {"satisfied": 1}),
    ("were not happy or confident", {"satisfied": -1, "confident": 1}), ("the good and the bad", {}),
    ("the survey of CCGs", {}), ("", {}),
], ids=lambda v: str(v))
def test_polarity_after_negation(text, expected):
    assert polarity(text) == expected


@pytest.mark.parametrize("word,expected", [
    ("not", True), ("Don’t", True), ("NEVER", True), ("confident", True), ("Confident", True), ("fell", True),
    ("survey", False), ("CCGs", False), ("nothing", False),
])
def test_is_polar(word, expected):
    assert is_polar(word) is expected


@pytest.mark.parametrize("claim,finding,same,opposite", [
    ({"satisfied": 1}, {"satisfied": 1}, True, False),
    ({"satisfied": -1}, {"satisfied": 1}, False, True),
    ({"satisfied": 1}, {"involved": 1}, False, False),  # nothing shared: neither
    ({}, {}, False, False),
    ({"satisfied": 1, "involved": -1}, {"satisfied": 1, "involved": 1}, False, False),  # agree on one, not the other
    ({"satisfied": -1, "involved": -1}, {"satisfied": 1, "involved": 1}, False, True),
    ({"satisfied": 1, "up": 1}, {"satisfied": 1}, True, False),  # only what both say counts
], ids=lambda v: str(v))
def test_same_and_reversed_meaning(claim, finding, same, opposite):
    assert same_meaning(claim, finding) is same
    assert reversed_meaning(claim, finding) is opposite


# --- the progress bar: only when asked, or for inputs over 100 KB ----------------------------------------

SHORT = "Half of CCGs have formed an IT working group. A quarter of CCGs have developed an IT strategy."


def test_the_progress_bar_counts_figures_when_asked(tracer, capsys):
    tracer.trace(SHORT)
    assert capsys.readouterr().err == ""
    tracer.trace(SHORT, progress=True)
    assert capsys.readouterr().err == (f"\rtracing [{'#' * 15}{'.' * 15}] 1/2 figures"
                                       f"\rtracing [{'#' * 30}] 2/2 figures\n")
    tracer.trace(SHORT, progress=False)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("length,shown", [(matcher.PROGRESS_OVER, False), (matcher.PROGRESS_OVER + 1, True)])
def test_the_progress_bar_shows_for_inputs_over_100_kb(tracer, capsys, length, shown):
    assert matcher.PROGRESS_OVER == 100_000
    text = SHORT + " " * (length - len(SHORT))
    tracer.trace(text)
    assert bool(capsys.readouterr().err) is shown


# --- how much shared context a contradiction needs ------------------------------------------------------

#: The NHS Alliance and NAPC survey (131 responses) is established by name; 80% stands against its 47% of CCGs
#: fully involved. Each word the finding does not explain dilutes the clause's context (the share in brackets):
#: a contradiction is said only while enough of the clause is the finding's. The score decides first here: a
#: contradicting match scores 0.6 x context + 0.4 x 0.1 + 0.1 (survey named), under MIN_SCORE below a context of
#: 0.517, so MIN_CONTEXT_TO_CONTRADICT (0.45) binds only if it is raised above that (tests/mutation_equivalents.md).
NAMED = "The NHS Alliance and NAPC survey drew 131 responses. "
CLAUSE = "80% of CCGs were fully involved in shaping their commissioning support offer"


@pytest.mark.parametrize("ending,verdict", [
    (".", "contradicts"),  # (1.0)
    (", delegates heard.", "contradicts"),  # (0.61)
    (", delegates heard on Monday.", "no-match"),  # (0.51): over 0.45, but scores 0.444
    (", delegates heard in Manchester on Monday.", "no-match"),  # (0.43)
], ids=["context-1.0", "context-0.61", "context-0.51", "context-0.43"])
def test_a_contradiction_needs_most_of_the_clause(tracer, ending, verdict):
    [figure] = [t for t in tracer.trace(NAMED + CLAUSE + ending) if t.figure.text == "80%"]
    assert figure.verdict == verdict
    assert all(m.numeric == "contradicts" and m.context >= matcher.MIN_CONTEXT_TO_CONTRADICT for m in figure.matches)
    assert bool(figure.matches) is (verdict == "contradicts")


# --- what a finding is matched on -------------------------------------------------------------------------

F = "https://w3id.org/nhskg/id/finding/"


def _words(text: str) -> set[str]:
    from nhskg.trace.words import tokens

    return set(tokens(text))


def test_a_findings_bag_holds_its_option_question_survey_and_source_sentences(tracer):
    iri = F + "nhsa-napc-survey-000/fully-involved"
    info = tracer.index[iri]
    assert info.survey_label == "NHS Alliance and NAPC survey of CCGs (as reported in 000)"
    for part in (info.option, info.question, info.survey_label, *(e.exact for e in info.evidence)):
        assert _words(part) <= set(tracer.bags[iri]), part
    # its core is what was asked and answered: the label without "(as reported in 000)", the curated words
    assert _words(f"{info.option} {info.question} NHS Alliance and NAPC survey of CCGs 47%") == tracer.core[iri]
    assert not _words("reported") & tracer.core[iri]


def test_a_derived_finding_lends_its_basis_to_the_finding_it_is_derived_from(tracer):
    derived = tracer.index[F + "ehi-pc-survey-2012/working-with-other-ccgs-within-12-months"]
    [source] = derived.derived_from
    own = tracer.index[source]
    lent = set().union(*(_words(e.exact) for e in derived.evidence))
    borrowed = lent - _words(" ".join([own.option, own.question, own.survey_label, *(e.exact for e in own.evidence)]))
    assert borrowed and borrowed <= set(tracer.bags[source])
    assert not borrowed & tracer.core[source]  # lent words help the context, never the core


def test_a_words_weight_is_its_inverse_document_frequency(tracer):
    import math

    bags = tracer.bags
    for word in ("involv", "napc", "commission"):
        holders = sum(word in bag for bag in bags.values())
        assert 0 < holders < len(bags)
        assert tracer.idf[word] == pytest.approx(math.log(1 + len(bags) / holders))


# --- a change in its own unit: traced at each end, as good as its weakest end ------------------------------

@pytest.mark.parametrize("change,verdict,ends", [
    ("from 6.6 to 7.2", "exact", [("6.6", "exact"), ("7.2", "exact")]),
    ("from 6.6 to 7.0", "rounded", [("6.6", "exact"), ("7.0", "rounded")]),
], ids=["both-exact", "one-rounded"])
def test_a_change_of_scores_is_as_good_as_its_weakest_end(tracer, change, verdict, ends):
    text = f"The budget-confidence score of CCG leaders rose {change} in the HSJ barometer."
    [traced] = [t for t in tracer.trace(text) if t.figure.ends]
    assert traced.figure.text == change and traced.figure.unit == "number"
    assert traced.verdict == verdict and traced.matches == []  # the graph holds no change of scores
    assert [(e.figure.text, e.verdict) for e in traced.ends] == ends
    assert traced.ends[0].matches[0].finding.iri.endswith("hsj-barometer-1/budget-confidence-score-october")


# --- who the clause credits ---------------------------------------------------------------------------------

INVOLVED = "of CCGs were fully involved in shaping their commissioning support offer"


@pytest.mark.parametrize("text,verdict", [
    (f"47% {INVOLVED}.", "exact"),
    (f"47% {INVOLVED}, according to the King's Fund.", "no-match"),  # credited to someone else's survey
    (f"47% {INVOLVED}, according to the NHS Alliance.", "exact"),
    # the party named in the clause establishes the survey: a differing number may then contradict it
    (f"80% {INVOLVED}, according to the NHS Alliance.", "contradicts"),
    (f"80% {INVOLVED}.", "no-match"),
], ids=["plain", "other-party", "its-party", "its-party-contradicted", "unestablished-differing"])
def test_the_party_a_clause_names(tracer, text, verdict):
    [figure] = tracer.trace(text)
    assert figure.verdict == verdict
    if figure.matches:
        assert figure.matches[0].finding.iri.endswith("000/fully-involved")


def test_a_figure_traced_on_its_own_reads_its_article_itself(tracer):
    """trace_figure without an article or neighbours (as a caller with one figure uses it) says what trace says."""
    from nhskg.figures import find_figures

    text = f"The NHS Alliance and NAPC survey drew 131 responses. 80% {INVOLVED}, delegates heard."
    figure = find_figures(text)[1]
    alone = tracer.trace_figure(figure, text)
    [whole] = [t for t in tracer.trace(text) if t.figure.text == "80%"]
    assert alone.verdict == whole.verdict == "contradicts"
    assert [(m.finding.iri, m.score, m.context) for m in alone.matches] == \
        [(m.finding.iri, m.score, m.context) for m in whole.matches]


# --- the kind of number a figure is ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,kind", [
    ("47% agreed", {"percent"}), ("a drop of five percentage points", {"percentage-point"}),
    ("a score of 7.2 overall", {"mean-score"}), ("7.2 respondents on average", {"count"}),
    ("7.2 responses", {"count"}), ("7.2 Respondents", {"mean-score"}), ("131 CCGs", {"count"}),
    ("7.2" + " " * 29 + "respondents", {"count"}), ("7.2" + " " * 30 + "respondents", {"mean-score"}),
], ids=lambda v: repr(v))
def test_the_kind_of_number(text, kind):
    from nhskg.figures import find_figures, parse_figure

    first = (find_figures(text) or [None])[0]
    figure = first if first is not None else parse_figure(text.split()[0])
    assert matcher.Tracer._kind(figure, text) == kind


def test_context_is_the_share_of_distinctive_words_the_finding_has(tracer):
    import math

    iri = F + "nhsa-napc-survey-000/fully-involved"
    known, unknown = "involv", "zzyzx"
    assert known in tracer.bags[iri] and not any(unknown in bag for bag in tracer.bags.values())
    share = tracer.idf[known] / (tracer.idf[known] + math.log(1 + len(tracer.bags)))
    assert tracer._context({known: 1.0, unknown: 1.0}, iri) == pytest.approx(share)
    assert tracer._context({known: 0.5}, iri) == 1.0 and tracer._context({unknown: 1.0}, iri) == 0.0
    assert tracer._context({}, iri) == 0.0


# --- the number against the finding, and the score -----------------------------------------------------------

@pytest.mark.parametrize("words,verdict", [
    ("47%", "exact"), ("47.0%", "exact"),
    ("More than 47%", "stretched"),  # the same number, but the words say more than it: never exact
    ("Around 47.3%", "no-match"),  # a number stated that precisely is another number, not roughly this one
    ("52.0%", "no-match"),
], ids=lambda v: str(v))
def test_a_precise_number_is_that_number(tracer, words, verdict):
    [figure] = tracer.trace(f"{words} {INVOLVED}.")
    assert figure.verdict == verdict
    if figure.matches:
        assert figure.matches[0].finding.iri.endswith("000/fully-involved")


@pytest.mark.parametrize("text,finding,score,context", [
    # 0.6 x context + 0.4 x 1.0 (exact), plus 0.1 when the survey is named; scores and shares to three places
    ("47% of CCGs were fully involved, delegates heard.", "000/fully-involved", 0.647, 0.412),
    ("The NHS Alliance and NAPC survey drew 131 responses. 47% of CCGs were fully involved, delegates heard.",
     "000/fully-involved", 0.747, 0.412),
    (f"47% {INVOLVED}, according to the NHS Alliance.", "000/fully-involved", 1.0, 1.0),  # 1.1, capped at 1
    # a sample size: its own words are its context (0.22 + 0.1), whatever else the clause says
    ("Ninety-four leaders from 86 CCGs answered the HSJ survey.", "hsj-barometer-3/leaders-responding", 0.692, 0.32),
    # "rose to" is about change, not the state asked: it does not set the claim against "good"
    ("The proportion of leaders rating their area team's interactions with their CCG rose to 68%.",
     "hsj-barometer-3/area-team-good", 0.658, 0.431),
    (f"47% {INVOLVED}, according to the Alliance.", "000/fully-involved", 1.0, 1.0),  # part of a party's name
], ids=["plain", "survey-named", "capped", "sample-size", "rose-to", "part-of-a-name"])
def test_score_and_context_of_the_best_match(tracer, text, finding, score, context):
    best = tracer.trace(text)[0 if not text.startswith("The NHS") else 1].matches[0]
    assert best.finding.iri.endswith(finding) and best.numeric == "exact"
    assert (best.score, best.context) == (score, context)


def test_the_progress_bar_every_200_figures(tracer, capsys):
    text = "Half of CCGs have formed an IT working group. " * 202
    tracer.trace(text, progress=True)
    err = capsys.readouterr().err
    shown = [part.rsplit("] ", 1)[1] for part in err.strip("\n").split("\r") if part]
    assert shown == ["1/202 figures", "201/202 figures", "202/202 figures"] and err.endswith("\n")


# --- the clause a figure stands in ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,clause", [
    ("47% agreed. Then more.", "47% agreed."),
    ("First sentence. 47% agreed. Then more.", " 47% agreed."),
    ("One. Two. 47% agreed! Then more.", " 47% agreed!"),
    ("Intro line\n47% agreed; the rest", "47% agreed;"),
    ("Intro line\n47% agreed", "47% agreed"),
], ids=["first", "after-stop", "after-bang", "after-new-line", "to-the-end"])
def test_the_clause_of_a_figure(text, clause):
    start = text.index("47%")
    left, right = matcher.Article(text, [], {}).bounds(start, start + 3)
    assert text[left:right] == clause


def test_the_progress_bar_for_one_figure_is_full(tracer, capsys):
    tracer.trace("Half of CCGs have formed an IT working group.", progress=True)
    assert capsys.readouterr().err == f"\rtracing [{'#' * 30}] 1/1 figures\n"
