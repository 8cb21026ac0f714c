"""The rules with thresholds, pinned at their boundaries, and the two copies of each rule held to one answer.

Verbal fit and granularity are written twice: in Python (`figures.judge_fit`, `figures.reachable`, used by
the build, `check` and `trace`) and in SHACL-SPARQL (`VerbalQualifierShape`, `GranularityShape`, used by
`validate`). Rather than trust that they agree, the SHACL constraints are run here, on Oxigraph, over the
same generated cases the Python functions judge, and the two answers must be identical case for case.
The distribution limits live only in SHACL, so fixtures sit just inside, on, and just outside them.
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import pytest
from distribution_graph import distribution_graph
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, XSD

from nhskg import paths
from nhskg.figures import (
    is_date_like,
    judge_fit,
    parse_figure,
    reachable,
    smallest_base,
)
from nhskg.validation.shacl_sparql import run_constraints, split_sparql, to_oxigraph
from nhskg.validation.shapes import load_shapes, validate_graph

NHSKG = Namespace("https://w3id.org/nhskg/def/")
ID = Namespace("https://w3id.org/nhskg/id/")
SHAPES = load_shapes()
SH = "https://w3id.org/nhskg/shapes/"


def _sparql_flags(shape: str, data: Graph) -> set[str]:
    """The focus nodes ``shape``'s SPARQL constraint reports on ``data`` (with the ontology's classes)."""
    _, pairs = split_sparql(SHAPES)
    mine = [(s, c) for s, c in pairs if str(s) == SH + shape]
    assert mine, f"no SPARQL constraint on {shape}"
    data.parse(paths.ONTOLOGY, format="turtle")
    return {str(r.focus) for r in run_constraints(SHAPES, mine, to_oxigraph(data))}


# --- judge_fit at each threshold ------------------------------------------------------------------------

def _fit(words: str, value: str) -> str:
    return judge_fit(parse_figure(words), Decimal(value))


@pytest.mark.parametrize("words,value,expected", [
    ("47%", "47", "exact"), ("47%", "47.4", "rounded"), ("47%", "47.5", "approximate"), ("47%", "46.6", "rounded"),
    ("47%", "49.5", "approximate"), ("47%", "49.6", "stretched"), ("47%", "57", "stretched"), ("47%", "57.1", "contradicts"),
    ("a third", "35.8", "approximate"), ("a third", "35.9", "stretched"), ("a third", "30.8", "approximate"),
    ("a third", "30.7", "stretched"), ("a third", "43.3", "stretched"), ("a third", "43.4", "contradicts"),
    ("over a third", "33.4", "fits"), ("over a third", "33.3", "stretched"), ("over a third", "28.3", "stretched"),
    ("over a third", "28.2", "contradicts"), ("over a third", "90", "fits"),
    ("nearly half", "45", "fits"), ("nearly half", "44.9", "stretched"), ("nearly half", "49.9", "fits"),
    ("nearly half", "50", "stretched"), ("nearly half", "55", "stretched"), ("nearly half", "55.1", "contradicts"),
    ("less than a quarter", "1", "fits"), ("less than a quarter", "30", "stretched"),
    ("less than a quarter", "30.1", "contradicts"),
    # "about" and "only" promise nothing beyond the number: on it, they are exact
    ("about 47%", "47", "exact"), ("only 4%", "4", "exact"), ("about a third", "33.3", "exact"),
    ("about 47%", "47.4", "rounded"),
], ids=lambda v: str(v))
def test_judge_fit_just_inside_on_and_just_outside_each_threshold(words, value, expected):
    assert _fit(words, value) == expected


@pytest.mark.parametrize("text,value,unit,qualifier,places", [
    ("70.7%", "70.7", "percent", None, 1), ("Ninety-four", "94", "number", None, 0),
    ("Over a third", "33.3", "percent", "over", 0), ("two thirds", "66.7", "percent", None, 0),
    ("one in five", "20", "percent", None, 0), ("a drop of five percentage points", "-5", "percentage-point", None, 0),
    ("nearly half", "50", "percent", "nearly", 0), ("26.67%", "26.67", "percent", None, 2),
])
def test_parse_figure_reads_value_unit_qualifier_and_places(text, value, unit, qualifier, places):
    figure = parse_figure(text)
    assert (figure.value, figure.unit, figure.qualifier, figure.decimal_places) == (Decimal(value), unit, qualifier, places)


# --- reachable and smallest_base: properties -----------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(base=st.integers(1, 400), data=st.data(), places=st.integers(0, 3),
       rounding=st.sampled_from([ROUND_HALF_UP, ROUND_HALF_EVEN]))
def test_every_percentage_a_whole_count_gives_is_reachable(base, data, places, rounding):
    count = data.draw(st.integers(0, base))
    percent = (Decimal(100) * count / base).quantize(Decimal(1).scaleb(-places), rounding=rounding)
    found = reachable(percent, places, base)
    assert found is not None
    assert abs(Decimal(100) * found / base - percent) <= Decimal(1).scaleb(-places) / 2


@settings(max_examples=300, deadline=None)
@given(percent=st.decimals(0, 100, places=1), base=st.integers(1, 300))
def test_what_reachable_returns_is_within_rounding(percent, base):
    found = reachable(percent, 1, base)
    if found is not None:
        assert abs(Decimal(100) * found / base - percent) <= Decimal("0.05")
    else:
        assert all(abs(Decimal(100) * k / base - percent) > Decimal("0.05") for k in range(base + 1))


@settings(max_examples=150, deadline=None)
@given(percent=st.decimals(0, 100, places=1))
def test_smallest_base_is_smallest(percent):
    base, count = smallest_base(percent, 1)
    assert reachable(percent, 1, base) == count
    assert all(reachable(percent, 1, n) is None for n in range(1, base))


@pytest.mark.parametrize("percent,places,base,expected", [
    ("12.5", 1, 8, 1), ("12", 0, 8, 1), ("13", 0, 8, 1), ("70.7", 1, 95, None), ("70.5", 1, 95, 67), ("26.7", 1, 15, 4),
    ("26.7", 1, 95, None), ("0", 0, 7, 0), ("100", 0, 7, 7), ("33.33", 2, 3, 1), ("33.34", 2, 3, None),
])
def test_reachable_at_ties_and_edges(percent, places, base, expected):
    assert reachable(Decimal(percent), places, base) == expected


# --- the two copies agree: SHACL-SPARQL against Python, case for case -----------------------------------

def _granularity_cases() -> list[tuple[Decimal, int, int]]:
    rng = random.Random(20131127)
    cases = [(Decimal(p), pl, n) for p, pl, n in (("12.5", 1, 8), ("12", 0, 8), ("13", 0, 8), ("70.7", 1, 95),
                                                  ("26.7", 1, 15), ("26.7", 1, 95), ("33.33", 2, 3), ("33.34", 2, 3),
                                                  ("50", 0, 1), ("0", 0, 3), ("100", 0, 3), ("41.5", 1, 41))]
    for _ in range(400):
        places, base = rng.choice([0, 1, 1, 2]), rng.randint(1, 250)
        if rng.random() < 0.5:  # a percentage some count gives, rounded either way
            count = rng.randint(0, base)
            rounding = rng.choice([ROUND_HALF_UP, ROUND_HALF_EVEN])
            percent = (Decimal(100) * count / base).quantize(Decimal(1).scaleb(-places), rounding=rounding)
        else:
            percent = Decimal(rng.randint(0, 100 * 10 ** places)).scaleb(-places)
        cases.append((percent, places, base))
    return cases


def test_granularity_shape_and_reachable_agree_on_every_generated_case():
    cases = _granularity_cases()
    data = Graph()
    for i, (percent, places, base) in enumerate(cases):
        finding, survey = ID[f"finding/case/{i}"], ID[f"survey/case-{i}"]
        data.add((finding, RDF.type, NHSKG.Finding))
        data.add((finding, NHSKG.unit, ID["unit/percent"]))
        data.add((finding, NHSKG.measure, ID["measure/answer"]))
        data.add((finding, NHSKG.value, Literal(percent, datatype=XSD.decimal)))
        data.add((finding, NHSKG.decimalPlaces, Literal(places, datatype=XSD.integer)))
        data.add((finding, NHSKG.survey, survey))
        data.add((survey, NHSKG.numberOfResponses, Literal(base, datatype=XSD.integer)))
    flagged = _sparql_flags("GranularityShape", data)
    disagree = [(str(p), pl, n) for i, (p, pl, n) in enumerate(cases)
                if (str(ID[f"finding/case/{i}"]) in flagged) != (reachable(p, pl, n) is None)]
    assert len(cases) >= 400 and 0 < len(flagged) < len(cases)
    assert not disagree, f"GranularityShape and figures.reachable disagree on (percent, places, base): {disagree[:10]}"


QUALIFIED = ["over a third", "more than half", "just over a quarter", "nearly half", "almost two thirds",
             "less than a fifth", "just under a third", "about a third", "a third", "two thirds", "one in five"]


def test_verbal_qualifier_shape_and_judge_fit_agree_on_every_generated_case():
    rng = random.Random(27112013)
    cases = []
    for words in QUALIFIED:
        nominal = parse_figure(words).value
        offsets = [Decimal(d) for d in ("-10.1", "-10", "-5.1", "-5", "-2.6", "-2.5", "-0.1", "0", "0.1", "2.5", "2.6",
                                        "5", "5.1", "10", "10.1")]
        offsets += [Decimal(rng.randint(-300, 300)).scaleb(-1) for _ in range(20)]
        cases += [(words, nominal + d) for d in offsets if 0 <= nominal + d <= 100]
    data = Graph()
    for i, (words, value) in enumerate(cases):
        figure, finding = ID[f"verbal-figure/case/{i}"], ID[f"finding/case/{i}"]
        stated = parse_figure(words)
        data.add((figure, RDF.type, NHSKG.VerbalFigure))
        data.add((figure, NHSKG.standsFor, finding))
        data.add((figure, NHSKG.nominalValue, Literal(stated.value, datatype=XSD.decimal)))
        data.add((figure, NHSKG.statedAs, Literal(words)))
        if stated.qualifier:
            data.add((figure, NHSKG.qualifier, ID[f"qualifier/{stated.qualifier}"]))
        data.add((finding, NHSKG.value, Literal(value, datatype=XSD.decimal)))
    flagged = _sparql_flags("VerbalQualifierShape", data)
    disagree = [(w, str(v), judge_fit(parse_figure(w), v)) for i, (w, v) in enumerate(cases)
                if (str(ID[f"verbal-figure/case/{i}"]) in flagged)
                != (judge_fit(parse_figure(w), v) in ("stretched", "contradicts"))]
    assert len(cases) >= 300 and 0 < len(flagged) < len(cases)
    assert not disagree, f"VerbalQualifierShape and judge_fit disagree on (words, value, python's fit): {disagree[:10]}"


# --- the distribution limits (SHACL only): just inside, on, just outside --------------------------------

@pytest.mark.parametrize("parts,exhaustive,violation", [
    (["50", "51"], False, False), (["50", "51.1"], False, True), (["50", "51"], True, False),
    (["50", "49"], True, False), (["50", "48.9"], True, True), (["50", "48.9"], False, False),
    (["60", "40"], True, False), (["30", "20"], False, False),
], ids=lambda v: str(v))
def test_distribution_limits_at_99_and_101(parts, exhaustive, violation):
    flagged = _sparql_flags("ResponseDistributionShape", distribution_graph(parts, exhaustive))
    assert (str(ID["question/case/q"]) in flagged) == violation


def test_the_validator_reports_the_same_as_the_constraint_alone():
    """The end-to-end validator (pyshacl core + Oxigraph SPARQL) carries the SPARQL result through."""
    data = distribution_graph(["50", "51.1"], False)
    data.parse(paths.ONTOLOGY, format="turtle")
    report = validate_graph(data, SHAPES)
    assert any(r.shape == "nhskgsh:ResponseDistributionShape" and r.severity == "violation" for r in report.results)


# --- what is not a survey figure: years, dates, phone numbers, durations --------------------------------

@pytest.mark.parametrize("text,token,expected", [
    ("in 2013 the CCGs", "2013", True), ("in 1999 the PCTs", "1999", True), ("in 1899", "1899", False),
    ("in 2100", "2100", False), ("a 20130 total", "20130", False),
    ("call 07772756674", "07772756674", True), ("call 0777275667", "0777275667", True),
    ("call 077727566", "077727566", False), ("call 077727566741", "077727566741", False),
    ("call 17772756674", "17772756674", False),
    ("on 6 March the", "6", True), ("on 6 Marching", "6", False),
    ("on 6March", "6", False), ("March 6 was", "6", True), ("in March  6", "6", True),
    ("in March of 6", "6", False),
    ("the next 12 months", "12", True), ("for 3 years", "3", True), ("for 2 weeks", "2", True), ("in 9 days", "9", True),
    ("in 1 month", "1", True), ("47 CCGs", "47", False), ("12 monthly reports", "12", False),
    # the window is twelve characters either side
    ("on 6 " + " " * 6 + "March", "6", True), ("on 6 " + " " * 7 + "March", "6", False),
    ("March" + " " * 7 + "6", "6", True), ("March" + " " * 8 + "6", "6", False),
], ids=lambda v: repr(v))
def test_is_date_like(text, token, expected):
    start = text.index(token)
    assert is_date_like(text, start, start + len(token)) is expected


def test_number_tokens_leave_out_one_third_and_zero_in_any_case():
    from nhskg.figures import number_tokens

    text = "In 2013, one third of 47 CCGs: zero of twenty-one, 7.5 and two fifths, ONE Third Zero"
    assert number_tokens(text) == [(3, 7, "2013"), (22, 24, "47"), (39, 49, "twenty-one"), (51, 54, "7.5"),
                                   (59, 62, "two"), (63, 69, "fifths")]


# --- "from A to B": one change, its unit and how it was written ----------------------------------------------

@pytest.mark.parametrize("text,change,value,unit,expressed", [
    ("from 19% to 12%", "from 19% to 12%", "-7", "percentage-point", "numeral"),
    ("It fell from 19% to 12%.", "from 19% to 12%", "-7", "percentage-point", "numeral"),
    ("It fell from nineteen per cent to 12%.", "from nineteen per cent to 12%", "-7", "percentage-point",
     "number-words"),
    ("It rose from 12% to twenty per cent.", "from 12% to twenty per cent", "8", "percentage-point", "number-words"),
    ("from 6.5 to 7.2", "from 6.5 to 7.2", "0.7", "number", "numeral"),
    ("It went from    19% to 12%.", "from    19% to 12%", "-7", "percentage-point", "numeral"),  # 8 characters back
    ("It went from     19% to 12%.", None, None, None, None),  # "from" further back than that
    ("It was 19% and 12%.", None, None, None, None),
], ids=lambda v: repr(v))
def test_a_change_from_one_figure_to_another(text, change, value, unit, expressed):
    from nhskg.figures import find_changes, find_figures

    figures = find_figures(text)
    changes = [f for f in find_changes(text, figures) if f.ends]
    if change is None:
        assert changes == [] and find_changes(text, figures) == figures
        return
    [found] = changes
    assert (found.text, found.value, found.unit, found.expressed_as) == (change, Decimal(value), unit, expressed)
    assert found.ends == tuple(figures) and text[found.start:found.end] == change


# --- finding figures in running text: what is left out, and the edges of each rule -----------------------------

@pytest.mark.parametrize("text,expected", [
    ("Fifty-one per cent and a third and 47%", [("Fifty-one per cent", "51", "number-words"),
                                               ("a third", "33.3", "verbal-fraction"), ("47%", "47", "numeral")]),
    ("two thirds of CCGs", [("two thirds", "66.7", "verbal-fraction")]),
    # "the two thirds" names a group, not a share; the ten characters before the figure are read
    ("the two thirds of CCGs", []), ("the Two Thirds of CCGs", []), ("x the" + " " * 7 + "two thirds", []),
    ("x the" + " " * 8 + "two thirds", [("two thirds", "66.7", "verbal-fraction")]),
    # durations (within twenty characters after the figure) and years are not survey figures
    ("for 1.5 years", []), ("for 1.5" + " " * 16 + "years", []),
    ("for 1.5" + " " * 17 + "years", [("1.5", "1.5", "numeral")]),
    # what is left out does not end the scan
    ("1.5 years on, 47% agreed", [("47%", "47", "numeral")]),
    ("one in 2013 said 47%", [("47%", "47", "numeral")]),
    ("Five in three, 47% agreed", [("47%", "47", "numeral")]),  # not a ratio: left out
    ("the third wave found 47% agreed", [("47%", "47", "numeral")]),
], ids=lambda v: repr(v))
def test_find_figures_leaves_out_groups_durations_and_years(text, expected):
    from nhskg.figures import find_figures

    found = find_figures(text)
    assert [(f.text, str(f.value), f.expressed_as) for f in found] == expected
    assert all(text[f.start:f.end] == f.text for f in found)


@pytest.mark.parametrize("percent,places,base,expected", [
    # a large base leaves room for several counts: the lowest that rounds to the percentage is the one given
    ("50", 0, 400, 199), ("50", 0, 401, 200),
], ids=lambda v: str(v))
def test_reachable_gives_the_lowest_count_that_fits(percent, places, base, expected):
    assert reachable(Decimal(percent), places, base) == expected


def test_smallest_base_searches_up_to_its_limit():
    assert smallest_base(Decimal("33.3"), 1, limit=3) == (3, 1)
    with pytest.raises(ValueError, match=r"^no base up to 2 gives 33.3%$"):
        smallest_base(Decimal("33.3"), 1, limit=2)
    with pytest.raises(ValueError, match=r"^no base up to 10000 gives 0.009%$"):
        smallest_base(Decimal("0.009"), 3)
