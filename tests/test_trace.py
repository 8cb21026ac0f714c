"""The fact-checker's trace: figure detection on its own, the labelled evaluation with floors, the JSON
shape, and the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest
from trace_cases import NEGATIVES, PARAPHRASES, all_cases, evaluate, figure_in, hand_written_cases

from nhskg import paths
from nhskg.figures import find_figures
from nhskg.trace.index import load_index
from nhskg.trace.matcher import Tracer, to_json

PRECISION_FLOOR, RECALL_FLOOR, VERDICT_FLOOR = 0.95, 0.90, 0.90
#: The hand-written inputs alone (not cut from the texts by the tracer's own sentence splitter).
HAND_PRECISION_FLOOR, HAND_RECALL_FLOOR, HAND_VERDICT_FLOOR = 0.90, 0.85, 0.90
# Measured on the seven real articles when these floors were set: P 1.000, R 0.889, verdicts 0.959, 0/56 false.
REAL_PRECISION_FLOOR, REAL_RECALL_FLOOR, REAL_VERDICT_FLOOR, REAL_FALSE_MATCH_CEILING = 0.90, 0.85, 0.90, 0.03


@pytest.fixture(scope="module")
def tracer(canonical):
    from nhskg.query.store import store_from_trig

    return Tracer(load_index(store_from_trig(canonical)))


DETECTION = [
    ("47% of CCGs say they are fully involved", [("47%", "47", "percent", None)]),
    ("Fifty-one per cent agreed", [("Fifty-one per cent", "51", "percent", None)]),
    ("Over a third of CCGs", [("Over a third", "33.3", "percent", "over")]),
    ("more than four fifths of respondents", [("more than four fifths", "80", "percent", "more-than")]),
    ("One in three leaders", [("One in three", "33.3", "percent", None)]),
    ("Three out of four (75%) said", [("Three out of four", "75", "percent", None), ("75%", "75", "percent", None)]),
    ("This is a drop of five percentage points", [("a drop of five percentage points", "-5", "percentage-point", None)]),
    ("the average score was 7.2", [("7.2", "7.2", "number", None)]),
    ("based on 131 responses from GPs", [("131", "131", "number", None)]),
    ("Two-thirds expect debts", [("Two-thirds", "66.7", "percent", None)]),
    ("nearly half felt restricted", [("nearly half", "50", "percent", "nearly")]),
    ("from 19% to 12%", [("19%", "19", "percent", None), ("12%", "12", "percent", None)]),
    ("the majority of CCGs are confident", [("the majority", "50", "percent", "more-than")]),
    ("the overwhelming majority (96%) predicting", [("the overwhelming majority", "50", "percent", "more-than"),
                                                    ("96%", "96", "percent", None)]),
    ("the vast majority will grow from the knowledge", []),
    # not survey figures: dates, years, phone numbers, list numbers, durations, ordinals
    ("6 March 2012", []), ("ready for authorisation by April 2013", []), ("call 07772756674", []),
    ("1. NAPC and NHSA are working collaboratively", []), ("in the next 12 months", []),
    ("the next nine months", []), ("the third HSJ clinical commissioning barometer", []), ("in 2013", []),
]


@pytest.mark.parametrize("text,expected", DETECTION, ids=[t for t, _ in DETECTION])
def test_figure_detection(text, expected):
    found = [(f.text, str(f.value), f.unit, f.qualifier) for f in find_figures(text)]
    assert found == expected
    for f in find_figures(text):
        assert text[f.start:f.end] == f.text


def test_the_meaning_slice_never_certifies_a_reversed_claim(tracer):
    """The held-apart cases: what should match nothing is never exact or rounded, a complement is
    derived from its finding, and nothing is said to contradict."""
    from trace_cases import MEANING

    assert len(MEANING) >= 12
    for text, words, expected, verdict in MEANING:
        traced = figure_in(text, words, tracer.trace(text))
        assert traced is not None and traced.verdict != "contradicts", (text, traced)
        if expected is None:
            assert traced.verdict == "no-match", (text, traced.verdict, traced.matches[:1])
        else:
            assert traced.verdict == verdict and traced.matches[0].finding.iri.endswith(expected), text


#: One rule each, with a control beside it where the rule could over-reach: (id, text, figure, expected
#: finding or None, verdict). Written here; the finding is the id after /finding/.
RULES = [
    ("other-wave-by-graph-number", "In the first HSJ barometer, 68 per cent of CCG leaders rated their area team as "
     "good or very good.", "68 per cent", None, "no-match"),
    ("respondent-profile-needs-its-group", "Only 35% of CCG leaders were satisfied with the commissioning support "
     "they had.", "Only 35%", None, "no-match"),
    ("respondent-profile-group-named", "Some 32.6% of those who replied came from NHS Midlands and East.",
     "32.6%", "coalition-support-survey-2012/respondents-nhs-midlands-and-east", "exact"),
    ("a-month-before-barometer-is-a-wave-not-a-name", "HSJ found in its October barometer that leaders "
     "scored their confidence in keeping to budget at 6.6 on average.", "6.6", "hsj-barometer-1/budget-confidence-score-october", "exact"),
    ("one-wave-named-excludes-the-series-others", "In the October HSJ barometer, 51 per cent of leaders expected "
     "to lead service change jointly with neighbouring CCGs.", "51 per cent", None, "no-match"),
    ("a-survey-year-that-differs-is-another-survey", "A 2014 poll by EHI Primary Care found 96% of CCGs were "
     "now authorised.", "96%", None, "no-match"),
    ("questioned-by-credits-the-survey", "Of the CCGs questioned by the NHS Alliance and NAPC, two-thirds said "
     "they had been fully involved in shaping their support offer.", "two-thirds",
     "nhsa-napc-survey-000/fully-involved", "contradicts"),
    ("a-neutral-answer-is-not-a-side", "The NHS Alliance and NAPC survey found 21% of CCGs were not involved "
     "in shaping their commissioning support.", "21%", "nhsa-napc-survey-000/not-involved", "contradicts"),
    ("a-subgroup-lead-names-the-group-not-the-claim", "Of the groups that felt constricted in the NHS Alliance "
     "and NAPC poll, almost half had not been made aware of all the possible choices.", "almost half",
     "nhsa-napc-survey-000/not-made-aware", "fits"),
    ("a-negated-verb-of-saying-negates-its-complement", "In the third HSJ barometer, 32 per cent of CCG leaders "
     "did not rate their area team's dealings with them as good or very good.", "32 per cent",
     "hsj-barometer-3/area-team-good", "derived"),
    ("control-a-plain-negation-reaches-a-few-words", "Some 53% of CCGs had not been fully involved in shaping "
     "the support offer.", "Some 53%", "nhsa-napc-survey-000/fully-involved", "derived"),
    ("took-part-names-a-response-rate", "Over two fifths of all CCGs had a leader take part in the latest HSJ "
     "barometer.", "Over two fifths", "hsj-barometer-3/ccg-response-rate", "fits"),
    ("a-wave-named-beside-another-figure-is-a-comparison", "In HSJ's latest barometer 68 per cent of leaders "
     "called their area team good or very good. In the January wave, 73 per cent had said so.", "68 per cent",
     "hsj-barometer-3/area-team-good", "exact"),
    ("another-survey-credited-after-the-figure-is-its-neighbour-s", "The NHS Alliance and NAPC survey split "
     "CCGs. Some 32% called their PCT clusters controlling and directing, near the 30% in a King's Fund poll.", "Some 32%",
     "nhsa-napc-survey-000/pct-controlling", "exact"),
    ("control-another-survey-credited-before-the-figure", "A King's Fund poll found 32% called the clusters "
     "controlling and directing.", "32%", None, "no-match"),
    ("a-group-opened-in-one-sentence-holds-in-the-next", "Of the CCGs that felt constricted, 60% were offered "
     "only their cluster's support. Forty per cent were given no choice at all.", "Forty per cent",
     "nhsa-napc-survey-000/no-choice", "exact"),
    ("a-bracketed-figure-restates-after-a-few-words", "Nearly seven in ten of all CCG leaders (68 per cent) rated "
     "their area team's interactions as good or very good in HSJ's third barometer.", "Nearly seven in ten",
     "hsj-barometer-3/area-team-good", "fits"),
    ("a-complement-when-no-answer-was-neutral", "EHI Primary Care's April poll found 65% of respondents "
     "satisfied with the plans for their commissioning support.", "65%", "ehi-pc-survey-2012/not-satisfied",
     "derived"),
]


@pytest.mark.parametrize("sentence, words, expected", [
    ("Only 11 per cent of the 131 respondents were confident.", "131", True),
    ("Ninety-five of the 254 CCGs responded to the survey.", "254", False),
    ("Ninety-five of the 254 CCGs responded to the survey.", "Ninety-five", True),
    ("The poll attracted 128 repsonses.", "128", True),
], ids=["of-the-n-respondents", "of-the-n-asked", "n-of-the-m", "typo-in-the-noun"])
def test_which_count_is_a_sample_size(sentence, words, expected):
    from nhskg.trace.identity import is_sample_size

    [figure] = [f for f in find_figures(sentence) if f.text == words]
    assert is_sample_size(figure, sentence) is expected


@pytest.mark.parametrize("text, words, expected, verdict", [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_survey_identity_and_meaning_rules(tracer, text, words, expected, verdict):
    traced = figure_in(text, words, tracer.trace(text))
    assert traced is not None, f"{words!r} not detected"
    best = traced.matches[0].finding.iri.rsplit("/finding/", 1)[-1] if traced.matches else None
    assert (best, traced.verdict) == (expected, verdict), [(m.finding.iri, m.numeric, m.score) for m in traced.matches]


def test_the_sets_written_without_the_matcher_stay_above_their_floors(tracer):
    """tests/trace_unseen.py and tests/trace_passages.py (development data since they were read) and
    tests/trace_sealed.py (never read:
    only its totals are reported, so a failure here prints no case). Floors a little under what was
    measured when each was set: unseen P 0.921 R 0.946 V 0.893; sealed P 0.739 R 0.739 V 0.716."""
    from trace_passages import PASSAGES
    from trace_sealed import SEALED
    from trace_unseen import UNSEEN

    assert len(UNSEEN) >= 56 and len(SEALED) >= 67 and len(PASSAGES) >= 81
    passages = evaluate(tracer, PASSAGES)  # development data since it was read: P 0.942 R 0.817 V 0.852
    assert passages["precision"] >= 0.90 and passages["recall"] >= 0.80 and passages["verdict_accuracy"] >= 0.82, \
        passages["misses"]
    unseen = evaluate(tracer, UNSEEN)
    assert unseen["precision"] >= 0.90 and unseen["recall"] >= 0.90 and unseen["verdict_accuracy"] >= 0.85, \
        unseen["misses"]
    sealed = evaluate(tracer, SEALED)
    totals = (round(sealed["precision"], 3), round(sealed["recall"], 3), round(sealed["verdict_accuracy"], 3))
    assert sealed["precision"] >= 0.70 and sealed["recall"] >= 0.70 and sealed["verdict_accuracy"] >= 0.68, totals


def test_the_labelled_set_cannot_shrink(tracer):
    assert len(all_cases(tracer.index)) >= 140 and len(PARAPHRASES) >= 30 and len(NEGATIVES) >= 20


def test_precision_recall_and_verdicts_stay_above_their_floors(tracer):
    result = evaluate(tracer, all_cases(tracer.index))
    assert result["precision"] >= PRECISION_FLOOR, result["misses"]
    assert result["recall"] >= RECALL_FLOOR, result["misses"]
    assert result["verdict_accuracy"] >= VERDICT_FLOOR, result["confusion"]


def test_source_sentences_are_a_regression_check_not_evidence(tracer):
    """The source cases are cut from the texts by the tracer's own index and sentence splitter, so they can
    only say that nothing broke: every one must trace, but they are no evidence of accuracy (that is the
    hand-written slice's and the real articles')."""
    from trace_cases import source_cases

    # Curated as words for a number (derived sums), which detection in running text leaves alone on purpose.
    vague = {"most", "only a small percentage"}
    cases = source_cases(tracer.index)
    assert len(cases) >= 80
    result = evaluate(tracer, cases)
    assert result["precision"] == 1.0, result["misses"]
    assert all(miss[1].lower() in vague for miss in result["misses"]), result["misses"]


def test_hand_written_cases_alone_stay_above_their_floors(tracer):
    result = evaluate(tracer, hand_written_cases())
    assert result["precision"] >= HAND_PRECISION_FLOOR, result["misses"]
    assert result["recall"] >= HAND_RECALL_FLOOR, result["misses"]
    assert result["verdict_accuracy"] >= HAND_VERDICT_FLOOR, result["confusion"]


def test_real_articles_stay_above_their_floors_when_present(tracer):
    """Read in place from ../shared/articles (never copied): when it is absent there is nothing to measure."""
    sys.path.insert(0, str(paths.ROOT / "benchmarks"))
    import real_articles

    if not real_articles.available():
        pytest.skip(f"{real_articles.ARTICLES_DIR} is absent: the real-article slice is measured where it is present")
    bodies, labels = real_articles.load(tracer.index)
    result = real_articles.evaluate(tracer, bodies, labels)
    assert result["positives"] >= 15 and result["negatives"] >= 50
    assert result["recall"] >= REAL_RECALL_FLOOR and result["precision"] >= REAL_PRECISION_FLOOR, result["misses"]
    assert result["verdict_accuracy"] >= REAL_VERDICT_FLOOR, result["misses"]
    assert result["false_matches"] / result["negatives"] <= REAL_FALSE_MATCH_CEILING, result["misses"]
    assert result["false_contradicts"] == 0, result["misses"]


def test_negatives_are_detected_figures(tracer):
    """A negative only tests precision if its figure is found at all."""
    undetected = [words for text, words in NEGATIVES if figure_in(text, words, tracer.trace(text)) is None]
    assert not undetected


def test_stretched_lead_and_cross_document_half(tracer):
    [lead] = tracer.trace("Over a third of CCGs feel PCT clusters are controlling and directing.")
    assert lead.verdict == "stretched" and lead.matches[0].finding.iri.endswith("000/pct-controlling")  # 32%
    [half] = tracer.trace("half of CCGs felt restricted to commissioning support from their local primary care trust")
    best = half.matches[0].finding
    assert best.iri.endswith("restricted-half") and any(s.endswith("feel-constricted") for s in best.same_as)


def test_json_has_the_documented_shape(tracer):
    text = "Almost half (47%) said they were quite satisfied with commissioning support."
    out = to_json(text, tracer.trace(text))
    assert set(out) == {"input", "figures"} and out["input"] == text
    figure = out["figures"][1]
    assert set(figure) == {"text", "start", "end", "value", "unit", "qualifier", "verdict", "ends", "matches"}
    match = figure["matches"][0]
    assert set(match) == {"finding", "score", "value", "survey", "arithmetic", "reasons", "notes", "evidence"}
    assert match["finding"].endswith("ehi-pc-survey-2012/quite-satisfied") and figure["verdict"] == "exact"
    evidence = match["evidence"][0]
    assert set(evidence) == {"document", "title", "publisher", "url", "date", "exact", "start", "end"}
    assert evidence["publisher"] == "EHI Primary Care" and evidence["date"] == "2012-05"
    source = (paths.SOURCES_DIR / "002_cab479c45826223b.txt").read_text(encoding="utf-8")
    assert source[evidence["start"]:evidence["end"]] == evidence["exact"]
    json.dumps(out)


def _cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "nhskg", "trace", *args], capture_output=True, text=True,
                          input=stdin, cwd=paths.ROOT)


@pytest.fixture(scope="module")
def built():
    subprocess.run([sys.executable, "-m", "nhskg", "build"], check=True, capture_output=True, cwd=paths.ROOT)


def test_trace_cli_text_json_file_and_stdin(built, tmp_path):
    text = "Nine in ten CCG leaders felt engaged in commissioning."
    out = _cli(text)
    assert out.returncode == 0 and "⟦Nine in ten⟧[1]" in out.stdout and "EXACT" in out.stdout
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    data = json.loads(_cli("--file", str(article), "--format", "json").stdout)
    assert data["figures"][0]["matches"][0]["finding"].endswith("engaged-in-commissioning")
    assert Decimal(str(data["figures"][0]["value"])) == 90
    assert json.loads(_cli("--file", "-", "--format", "json", stdin=text).stdout)["input"] == text


@pytest.mark.parametrize("args", [[], ["text", "--file", "x.txt"], ["--file", "/no/such/article.txt"]])
def test_trace_cli_usage_errors(built, args):
    result = _cli(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr and result.stderr.strip()


# --- what a new user saw (issue 10): each becomes a test --------------------------------------

def test_opposite_meaning_is_never_exact_or_rounded(tracer):
    [poor] = tracer.trace("68 per cent of leaders said their area team was poor.")
    assert poor.verdict not in ("exact", "rounded")
    [budget] = tracer.trace("Confidence that budgets could be met fell by five percentage points.")
    assert not (budget.matches and budget.matches[0].finding.iri.endswith("area-team-good-drop"))
    [lead] = tracer.trace("Over a third of CCGs say they have not been fully involved in shaping the support offer.")
    assert lead.verdict not in ("exact", "rounded")
    assert not (lead.matches and lead.matches[0].finding.iri.endswith("000/fully-involved")
                and lead.verdict != "derived")


def test_complement_is_derived_with_its_arithmetic(tracer):
    [only] = tracer.trace("Only 16% had been given sufficient information about the choices of commissioning support.")
    assert only.verdict == "derived" and only.matches[0].finding.iri.endswith("insufficient-information")
    assert only.matches[0].arithmetic == "100 − 84.2 = 15.8"


def test_readme_example_is_not_stretched_against_a_subgroup(tracer):
    [two] = tracer.trace("Two thirds of CCGs felt restricted to commissioning support from their local PCT.")
    assert not (two.matches and two.matches[0].finding.iri.endswith("pct-cluster-support-only"))


#: Vague quantifiers the curators read as a judgement (000's "most" = 17 + 43, "Only a small percentage" =
#: 4 + 27): they commit to no number, so trace does not read them as figures in running text (it would
#: match every "most" of every article); the build checks them, the judgement gives their reading.
VAGUE = {"most", "Only a small percentage"}


def test_trace_and_check_agree_on_every_verbal_figure_of_the_texts(tracer):
    """One vocabulary: for every verbal figure the build judged, trace over its own sentence says the same."""
    from trace_cases import _source_text

    from nhskg.trace.matcher import _sentence

    disagreements = []
    for info in tracer.index.values():
        for e in info.evidence:
            if e.via != "verbal figure" or not e.fit or e.words in VAGUE:
                continue
            text = _source_text(e.file)
            at = text.find(e.words, e.start, e.end)
            sentence = _sentence(text, at, at + len(e.words))
            traced = figure_in(sentence, e.words, tracer.trace(sentence))
            # the verdict against the very finding the verbal figure stands for (another wording of
            # the same figure, judged the same, may fit better: "half" is exact for 004's own 50%)
            verdict = next((m.numeric for m in traced.matches if m.finding.iri == info.iri), traced.verdict) \
                if traced else "undetected"
            if verdict != e.fit:
                disagreements.append((e.words, e.fit, verdict))
    assert not disagreements


def test_a_sample_size_elsewhere_does_not_lift_unrelated_findings(tracer):
    text = "Three in ten CCGs will ask the NHS Commissioning Board to let them cross local authority boundaries."
    [alone] = tracer.trace(text)
    [lifted] = [t for t in tracer.trace(text + " The poll drew 131 responses.") if t.figure.text == "Three in ten"]
    assert alone.matches
    assert [m.score for m in lifted.matches] == [m.score for m in alone.matches]
    assert all(0 <= m.score <= 1 for m in lifted.matches)


def test_other_wave_and_other_survey_figures_do_not_match(tracer):
    article = ("The first HSJ barometer survey of CCG leaders drew 116 leaders from 101 organisations. "
               "Forty-seven per cent were CCG chairs.")
    assert all(t.verdict == "no-match" for t in tracer.trace(article))
    other = ("The survey, conducted by NHS Clinical Commissioners, was completed by 90 CCGs. "
             "A further 43 per cent were confident they would be ready for authorisation.")
    assert all(t.verdict == "no-match" for t in tracer.trace(other))


def test_an_established_survey_with_another_sample_size_is_a_discrepancy(tracer):
    article = ("The email survey carried out by the NHS Alliance and NAPC attracted 128 responses. "
               "Two thirds expected they would inherit debts from NHS organisations.")
    traced = tracer.trace(article)
    size = next(t for t in traced if t.figure.text == "128")
    assert size.matches and size.matches[0].finding.iri.endswith("004/responses")
    assert any("128" in note and "131" in note for note in size.matches[0].notes)
    assert all(t.verdict != "contradicts" for t in traced if t.figure.text != "128")


@pytest.mark.parametrize("text,words,value", [
    ("a survey of 95 CCGs", "95", "95"), ("Ninety-five of the 254 CCGs responded", "Ninety-five", "95"),
    ("more than 90 GPs took part", "more than 90", "90"), ("two out of every ten CCGs", "two out of every ten", "20"),
    ("one group in five", "one group in five", "20"), ("the poll attracted 128 repsonses", "128", "128")])
def test_everyday_figure_forms_are_detected(text, words, value):
    found = {f.text: str(f.value) for f in find_figures(text)}
    assert found.get(words) == value, found


def test_matching_is_linear_in_the_input(tracer):
    """Not a timing test: the work per figure must not grow with the input (clause lookups by bisection)."""
    from nhskg.trace.matcher import Article

    text = "Half of CCGs have formed an IT working group. " * 2000
    article = Article(text, find_figures(text), tracer.facts)
    assert article.bounds(len(text) - 10, len(text) - 5)[0] > len(text) - 60


# --- the reasoning, shown ------------------------------------------------------------------------

DISCREPANT = ("The email survey carried out by the NHS Alliance and NAPC attracted 128 responses. "
              "Two thirds expected they would inherit debts from NHS organisations.")
COMPLEMENT = "Only 16% had been given sufficient information about the choices of commissioning support."


def test_the_reasoning_is_in_the_text_trail(tracer):
    from nhskg.trace.report import format_text

    derived = format_text(COMPLEMENT, tracer.trace(COMPLEMENT), tracer.index)
    assert "arithmetic: 100 − 84.2 = 15.8" in derived
    discrepant = format_text(DISCREPANT, tracer.trace(DISCREPANT), tracer.index)
    assert "same survey: the article names nhs alliance and napc" in discrepant
    assert "discrepancy: the article gives 128 respondents, the survey 131" in discrepant


def test_the_reasoning_is_in_the_json(tracer):
    [only] = to_json(COMPLEMENT, tracer.trace(COMPLEMENT))["figures"]
    assert only["matches"][0]["arithmetic"] == "100 − 84.2 = 15.8"
    debts = next(f for f in to_json(DISCREPANT, tracer.trace(DISCREPANT))["figures"] if f["text"] == "Two thirds")
    best = debts["matches"][0]
    assert best["arithmetic"] is None and any("names nhs alliance" in r for r in best["reasons"])
    assert any("128" in n and "131" in n for n in best["notes"])
    json.dumps(best)


# --- changes: "from 73% to 68%" is one figure with both ends -------------------------------------

CHANGE = "The share of CCG leaders rating their area team good or very good fell from 73% to 68% since January."


def test_a_change_is_one_figure_with_both_ends():
    from nhskg.figures import find_changes

    text = "Satisfaction fell from 19% to 12%, and the mean score went from 6.5 to 7.2."
    figures = find_figures(text)
    assert [f.text for f in figures] == ["19%", "12%", "6.5", "7.2"]  # detection keeps the ends apart
    [points, score] = find_changes(text, figures)
    assert (points.text, points.value, points.unit) == ("from 19% to 12%", Decimal(-7), "percentage-point")
    assert [e.text for e in points.ends] == ["19%", "12%"] and text[points.start:points.end] == points.text
    assert (score.text, score.value, score.unit) == ("from 6.5 to 7.2", Decimal("0.7"), "number")
    assert find_changes("from 19% to 12 CCGs", find_figures("from 19% to 12 CCGs"))[0].ends is None


def test_a_change_is_traced_whole_and_at_each_end(tracer):
    [change] = tracer.trace(CHANGE)
    assert change.figure.text == "from 73% to 68%" and change.figure.value == -5
    assert change.verdict == "exact" and change.matches[0].finding.iri.endswith("hsj-barometer-3/area-team-good-drop")
    before, after = change.ends
    assert before.matches[0].finding.iri.endswith("hsj-barometer-2/area-team-good-january")
    assert after.matches[0].finding.iri.endswith("hsj-barometer-3/area-team-good") and after.verdict == "exact"
    out = to_json(CHANGE, [change])["figures"][0]
    assert out["value"] == -5 and [e["text"] for e in out["ends"]] == ["73%", "68%"]
    assert out["ends"][1]["matches"][0]["finding"].endswith("area-team-good")


def test_a_change_in_the_text_trail_and_claimreview(tracer):
    from nhskg.trace.claimreview import claimreviews
    from nhskg.trace.report import format_text

    traced = tracer.trace(CHANGE)
    text = format_text(CHANGE, traced, tracer.index)
    assert "“from 73% to 68%” = -5 percentage-point — EXACT" in text
    assert "from “73%” — EXACT" in text and "to “68%” — EXACT" in text and "the change itself:" in text
    [review] = claimreviews(CHANGE, traced, tracer.index)
    assert review["isBasedOn"][0]["@id"].endswith("area-team-good-drop")
    unmatched = "Satisfaction with the weather rose from 19% to 47% in a poll of holidaymakers."
    [change] = tracer.trace(unmatched)
    assert change.verdict == "no-match" and [e.verdict for e in change.ends] == ["no-match", "no-match"]


def test_contradicts_needs_the_same_question_not_only_a_polar_word(tracer):
    """The survey is established, but "not at all confident" names no question: no accusation."""
    text = ("The NHS Alliance and NAPC survey drew 131 responses. Asked about legacy debts, 36 per cent "
            "were not at all confident.")
    assert all(t.verdict != "contradicts" for t in tracer.trace(text))


def test_another_wave_is_not_undone_by_the_series_name_in_the_clause(tracer):
    [figure] = [t for t in tracer.trace("In the second wave of the HSJ barometer, 90 per cent of respondents "
                                        "were chairs or accountable officers.") if t.figure.text == "90 per cent"]
    assert not any(m.finding.iri.endswith("hsj-barometer-3/chairs-or-accountable-officers") for m in figure.matches)
