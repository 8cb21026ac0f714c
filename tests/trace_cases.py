"""The labelled set for the fact-checker's trace: (input, figure as written, expected finding, verdict).

Three kinds of case:
- SOURCE: every figure of the five texts, in its own sentence — made from the curated evidence, since
  those sentences and their findings are what the curators anchored (see ``source_cases``);
- PARAPHRASES: sentences written here by hand, rounding, putting numbers into words, reordering clauses;
- NEGATIVES: figures that match nothing in the graph — other surveys, other topics, the same numbers.
An expected finding is "SURVEY/FINDING" (under https://w3id.org/nhskg/id/finding/), or None for no-match.
"""

from __future__ import annotations

F = "https://w3id.org/nhskg/id/finding/"

PARAPHRASES = [
    ("Nearly half of CCGs say they feel constricted in the commissioning support offer available to them.",
     "Nearly half", "nhsa-napc-survey-000/feel-constricted", "fits"),
    ("Around a third of CCGs were not involved in shaping their commissioning support offer, the NHS Alliance found.",
     "Around a third", "nhsa-napc-survey-000/not-involved", "approximate"),
    ("Fewer than half of CCGs, 47%, were fully involved in shaping the support offer.",
     "47%", "nhsa-napc-survey-000/fully-involved", "exact"),
    ("Six in ten of those who feel restricted were offered existing PCT cluster support only.",
     "Six in ten", "nhsa-napc-survey-000/pct-cluster-support-only", "exact"),
    ("Forty per cent of restricted CCGs were given no choice at all.",
     "Forty per cent", "nhsa-napc-survey-000/no-choice", "exact"),
    ("Some 60% of CCGs are confident or very confident of being ready for authorisation, with 17% very confident.",
     "17%", "nhsa-napc-survey-000/authorisation-very-confident", "exact"),
    ("Half of emerging CCGs are not confident they can commission services as they see fit within resources.",
     "Half", "nhsa-napc-survey-000/resources-not-confident", "exact"),
    ("Just 4% of CCGs are fully confident they can commission as they see fit within available resources.",
     "Just 4%", "nhsa-napc-survey-000/resources-fully-confident", "exact"),
    ("More than four in ten CCGs describe the style of working with the NHS Commissioning Board as too centralist.",
     "More than four in ten", "nhsa-napc-survey-000/too-centralist", "fits"),
    ("Under a fifth say the style of working is about right.",
     "Under a fifth", "nhsa-napc-survey-000/about-right", "fits"),
    ("Over a third of CCGs find PCT clusters locally enabling and permissive.",
     "Over a third", "nhsa-napc-survey-000/pct-enabling", "fits"),
    ("The budget-confidence score of CCG leaders rose to 7.2 in the latest HSJ barometer.",
     "7.2", "hsj-barometer-3/budget-confidence-score", "exact"),
    ("In October the average confidence that CCGs can stick to their budget was 6.6.",
     "6.6", "hsj-barometer-1/budget-confidence-score-october", "exact"),
    ("Roughly 70 per cent of leaders rate their area team's interactions with their CCG as good or very good.",
     "Roughly 70 per cent", "hsj-barometer-3/area-team-good", "approximate"),
    ("Ratings of area teams fell by five percentage points since January.",
     "fell by five percentage points", "hsj-barometer-3/area-team-good-drop", "exact"),
    ("About half of CCG leaders agreed CCGs lead the work jointly and equally with each other.",
     "About half", "hsj-barometer-3/ccgs-lead-jointly", "approximate"),
    ("Ninety-four leaders from 86 CCGs answered the HSJ survey.",
     "Ninety-four", "hsj-barometer-3/leaders-responding", "exact"),
    ("Nine in ten respondents to the barometer were chairs or accountable officers.",
     "Nine in ten", "hsj-barometer-3/chairs-or-accountable-officers", "exact"),
    ("A third of CCG leaders are not satisfied with current plans for commissioning support, EHI Primary Care found.",
     "A third", "ehi-pc-survey-2012/not-satisfied", "approximate"),
    ("Just under a fifth of respondents were very satisfied with commissioning support plans.",
     "Just under a fifth", "ehi-pc-survey-2012/very-satisfied", "fits"),
    ("96% of emerging CCGs predict they will be authorised by April 2013.",
     "96%", "ehi-pc-survey-2012/authorised-by-april-2013", "exact"),
    ("A quarter of CCGs have developed an IT strategy.",
     "A quarter", "ehi-pc-survey-2012/it-strategy", "exact"),
    ("Half of CCGs have formed an IT working group and appointed an IT lead.",
     "Half", "ehi-pc-survey-2012/it-working-group-and-lead", "exact"),
    ("Almost four in five CCGs will have an IT budget by this time next year.",
     "Almost four in five", "ehi-pc-survey-2012/it-budget-next-year", "fits"),
    ("Some 23% felt they had no choice about using their local CSS.",
     "Some 23%", "ehi-pc-survey-2012/local-css-no-choice", "exact"),
    ("Only 3% planned to go outside the NHS for commissioning support.",
     "Only 3%", "ehi-pc-survey-2012/outside-nhs", "exact"),
    ("More than eight in ten respondents had not been given sufficient information about the choices of support.",
     "More than eight in ten", "coalition-support-survey-2012/insufficient-information", "fits"),
    ("71% were dissatisfied with the commissioning support being offered, the coalition's survey found.",
     "71%", "coalition-support-survey-2012/dissatisfied-with-offer", "rounded"),
    ("A fifth chose their PCT cluster offering because they were too busy to explore alternatives.",
     "A fifth", "coalition-support-survey-2012/pct-cluster-too-busy", "exact"),
    ("A third of respondents came from NHS North of England.",
     "A third", "coalition-support-survey-2012/respondents-nhs-north-of-england", "approximate"),
    ("Six in ten CCG leaders are very engaged in their local QIPP plan.",
     "Six in ten", "ccg-leaders-survey-004/very-engaged-qipp", "approximate"),
    ("Two-thirds of CCGs expect to inherit debts from NHS organisations.",
     "Two-thirds", "ccg-leaders-survey-004/expect-debts", "exact"),
    ("Less than a quarter of CCG leaders were confident they would get the right support.",
     "Less than a quarter", "ccg-leaders-survey-004/confident-right-support", "fits"),
    ("Three in ten CCGs will ask the NHS Commissioning Board to let them cross local authority boundaries.",
     "Three in ten", "ccg-leaders-survey-004/cross-la-boundaries", "exact"),
    ("Most CCGs, 90 per cent, said they felt engaged in commissioning.",
     "90 per cent", "ccg-leaders-survey-004/engaged-in-commissioning", "exact"),
    ("Two thirds of CCGs felt restricted to their local PCT's commissioning support.",
     "Two thirds", "ccg-leaders-survey-004/restricted-half", "contradicts"),
    # reworded further from the source sentences, with few of their words
    ("Roughly a third of the groups had no hand in shaping the local commissioning support offer.",
     "Roughly a third", "nhsa-napc-survey-000/not-involved", "approximate"),
    ("Leaders' faith that their CCG can live within its budget climbed to 7.2 out of 10.",
     "7.2", "hsj-barometer-3/budget-confidence-score", "exact"),
    ("Fewer than one in four leaders expect to get the commissioning support they need.",
     "Fewer than one in four", "ccg-leaders-survey-004/confident-right-support", "fits"),
    ("Nine out of ten leaders describe themselves as engaged with commissioning.",
     "Nine out of ten", "ccg-leaders-survey-004/engaged-in-commissioning", "exact"),
    ("Some two-thirds of groups think they will be saddled with debts run up by NHS bodies.",
     "Some two-thirds", "ccg-leaders-survey-004/expect-debts", "exact"),
    ("Almost a fifth of CCG leaders were very satisfied with the support plans.",
     "Almost a fifth", "ehi-pc-survey-2012/very-satisfied", "fits"),
    ("Forty-four per cent of CCGs have partnered with other CCGs on IT already.",
     "Forty-four per cent", "ehi-pc-survey-2012/already-working-with-other-ccgs", "exact"),
    ("Only one group in five had set an IT budget.",
     "one group in five", "ehi-pc-survey-2012/it-budget-established", "approximate"),
]

#: Held apart from the development set above: reversed meaning, complements and other waves, written
#: here to test that the matcher reads meaning and survey identity, not only shared words.
MEANING: list[tuple[str, str, str | None, str]] = [
    # reversed meaning, with no complement in the graph: the same number, the opposite claim
    ("Some 68% of CCG leaders described their area team as poor.", "Some 68%", None, "no-match"),
    ("Ninety per cent of CCG leaders felt disengaged from commissioning.", "Ninety per cent", None, "no-match"),
    ("Seventy-one per cent were satisfied with the commissioning support being offered.",
     "Seventy-one per cent", None, "no-match"),
    ("About 47% of CCG leaders said they were dissatisfied with their commissioning support.", "About 47%", None,
     "no-match"),
    ("Leaders' confidence in meeting their budgets dropped by five percentage points.", "five percentage points",
     None, "no-match"),
    ("Only 35% of CCG leaders were satisfied with the commissioning support they had.", "Only 35%", None,
     "no-match"),
    # complements: the opposite claim, and the number is 100 minus the finding's
    ("Just 16 per cent of respondents said they had been given sufficient information on their support choices.",
     "Just 16 per cent", "coalition-support-survey-2012/insufficient-information", "derived"),
    ("Some 53% of CCGs were not fully involved in shaping the support offer.",
     "Some 53%", "nhsa-napc-survey-000/fully-involved", "derived"),
    ("Roughly three in ten respondents were satisfied with the commissioning support being offered to them.",
     "three in ten", "coalition-support-survey-2012/dissatisfied-with-offer", "derived"),
    ("Only 10% of CCG leaders did not feel engaged in commissioning.",
     "Only 10%", "ccg-leaders-survey-004/engaged-in-commissioning", "derived"),
    # other waves and other surveys, with the same numbers and words
    ("In the first HSJ barometer, 68 per cent of CCG leaders rated their area team as good or very good.",
     "68 per cent", None, "no-match"),
    ("In the second wave of the HSJ barometer, 90 per cent of respondents were chairs or accountable officers.",
     "90 per cent", None, "no-match"),
    ("A BMA survey of 250 GP practices found 47% were fully involved in commissioning decisions.", "47%", None,
     "no-match"),
    # another wave named, and its own finding is in the graph
    ("The January wave of the HSJ barometer put the average budget confidence score at 6.5.",
     "6.5", "hsj-barometer-2/budget-confidence-score-january", "exact"),
]

NEGATIVES = [
    ("47% of voters backed the Conservatives at the general election.", "47%"),
    ("Two thirds of hospital trusts missed their A&E target in January.", "Two thirds"),
    ("Half of all GP practices now offer online appointments.", "Half"),
    ("A third of nurses plan to leave the NHS within five years.", "A third"),
    ("Unemployment fell to 7.2 per cent this quarter.", "7.2 per cent"),
    ("The average A&E waiting time was 6.5 hours.", "6.5"),
    ("Inflation rose by five percentage points in a year.", "five percentage points"),
    ("Some 35% of patients waited more than four hours in A&E.", "35%"),
    ("Only 18% of adults eat five portions of fruit a day.", "18%"),
    ("Ninety-four respondents to a parish council questionnaire said the park was clean.", "Ninety-four"),
    ("The charity received 131 responses to its fundraising appeal.", "131"),
    ("Three out of four dentists recommend the toothpaste.", "Three out of four"),
    ("Nearly a third of children are overweight when they leave primary school.", "Nearly a third"),
    ("One in ten hospital beds were occupied by patients fit to leave.", "One in ten"),
    ("90 per cent of the flu vaccine stock was used by December.", "90 per cent"),
    ("More than four fifths of the budget went on staff pay.", "more than four fifths"),
    ("Only 22 per cent of the population cycles to work.", "22 per cent"),
    ("Council tax rose by 3% in April.", "3%"),
    ("The hospital's staff poll drew 95 responses about car parking.", "95"),
    ("Sixty-one per cent of pupils passed five GCSEs.", "Sixty-one per cent"),
    ("A quarter of trains ran late in the winter.", "A quarter"),
    ("Almost half of households own a dog.", "Almost half"),
    # the same topics and numbers, credited to other surveys: precision first means no match
    ("A King's Fund survey found 47% of CCGs were fully involved in shaping their commissioning support.", "47%"),
    ("In a BMA poll, 32% of GPs said they were not involved in commissioning decisions.", "32%"),
    ("The Nuffield Trust's survey of CCG leaders found 68 per cent rated their area team as good.", "68 per cent"),
    ("According to the Royal College of GPs, 90 per cent of members felt engaged in commissioning.", "90 per cent"),
    ("An NHS Confederation poll found 35% of CCG leaders were not satisfied with commissioning support.", "35%"),
    # same numbers, nearby words, another subject
    ("Half of hospital trusts felt restricted by the new tariff rules.", "Half"),
    ("Two thirds of CCGs expect to overspend this year, a survey of finance directors found.", "Two thirds"),
    ("Seven in ten GPs say their practice is short of staff.", "Seven in ten"),
]


def source_cases(index) -> list[tuple[str, str, str, str]]:
    """Every figure of the five texts in its sentence, labelled by the curated finding it stands for."""
    from nhskg.trace.matcher import _sentence

    cases = []
    for info in index.values():
        for e in info.evidence:
            if e.via == "derivation" or not e.words:
                continue
            text = _source_text(e.file)
            at = text.find(e.words, e.start, e.end)
            if at < 0:
                continue
            sentence = _sentence(text, at, at + len(e.words))
            verdict = "exact" if e.via == "finding" else None
            cases.append((sentence, e.words, info.iri.removeprefix(F), verdict))
    return sorted(set(cases), key=lambda c: (c[2], c[1]))


def _source_text(file: str) -> str:
    from nhskg import paths

    return (paths.SOURCES_DIR / file).read_text(encoding="utf-8")


def all_cases(index) -> list[tuple[str, str, str | None, str | None]]:
    """Source sentences, paraphrases and negatives; a verdict of None is not scored."""
    return [*source_cases(index), *PARAPHRASES, *((t, f, None, "no-match") for t, f in NEGATIVES)]


def figure_in(text: str, words: str, traced):
    """The traced figure whose words are ``words`` (case-insensitive), or None."""
    from nhskg.trace.matcher import flatten

    for t in flatten(traced):  # a change's ends are figures too; the detector may take in a qualifier the label leaves out ("only 18%" for "18%")
        if t.figure.text.lower() == words.lower() or t.figure.text.lower().endswith(" " + words.lower()):
            return t
    return None


def hand_written_cases() -> list[tuple[str, str, str | None, str | None]]:
    """The paraphrases and negatives only: inputs written here, not cut from the texts by the tracer."""
    return [*PARAPHRASES, *((t, f, None, "no-match") for t, f in NEGATIVES)]


def evaluate(tracer, cases) -> dict:
    """Precision and recall of the best match, and the confusion of verdicts (expected -> predicted)."""
    tp = fp = fn = negatives = false_matches = false_contradicts = 0
    confusion: dict[tuple[str, str], int] = {}
    misses = []
    for text, words, expected, verdict in cases:
        traced = figure_in(text, words, tracer.trace(text))
        predicted = traced.matches[0].finding if traced and traced.matches else None
        predicted_verdict = traced.verdict if traced else "no-match"  # an undetected figure matches nothing
        accepted = set()
        if expected:
            accepted = {F + expected} | tracer.index[F + expected].same_as
        if not expected:
            negatives += 1
            false_matches += predicted is not None
        if predicted_verdict == "contradicts" and verdict != "contradicts":
            false_contradicts += 1
        if predicted is not None and predicted.iri in accepted:
            tp += 1
        elif predicted is not None or expected:
            if predicted is not None:
                fp += 1
            if expected:
                fn += 1
            misses.append((text, words, expected, predicted.iri.removeprefix(F) if predicted else None))
        if verdict is not None:
            confusion[(verdict, predicted_verdict)] = confusion.get((verdict, predicted_verdict), 0) + 1
    scored = sum(confusion.values())
    agreed = sum(n for (expected, traced), n in confusion.items() if expected == traced)
    return {"cases": len(cases), "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
            "verdict_accuracy": agreed / scored if scored else 1.0,
            "negatives": negatives, "false_matches": false_matches, "false_contradicts": false_contradicts,
            "confusion": confusion, "misses": misses}
