"""What each catalogue query must answer on the seed graph, written by hand from reading the five
source texts (not copied from the output). One entry per query file; a query without one fails.

Each entry: (parameters, check) where check(rows) asserts on the rows, a list of dicts from variable
name to a plain Python value (IRIs and literals as strings; numbers as Decimal).
"""

from __future__ import annotations

from decimal import Decimal as D

ID = "https://w3id.org/nhskg/id/"


def _by(rows, key):
    return {r[key]: r for r in rows}


def check_surveys(rows):
    # Seven surveys: 000's, 004's, three HSJ barometer waves (001), EHI's (002), the Coalition's (003).
    surveys = _by(rows, "survey")
    assert len(rows) == 7
    assert surveys[ID + "survey/coalition-support-survey-2012"]["responses"] == D(95)
    assert surveys[ID + "survey/coalition-support-survey-2012"]["fieldwork"] == "2012-01"
    assert surveys[ID + "survey/ccg-leaders-survey-004"]["responses"] == D(131)
    assert surveys[ID + "survey/hsj-barometer-3"]["responses"] == D(94)
    assert surveys[ID + "survey/hsj-barometer-3"]["partners"] == "GatenbySanderson"
    assert surveys[ID + "survey/ehi-pc-survey-2012"]["responsesMoreThan"] == D(90)
    assert surveys[ID + "survey/ehi-pc-survey-2012"]["fieldwork"] == "2012-04"
    assert set(surveys[ID + "survey/nhsa-napc-survey-000"]["conductors"].split("; ")) == {
        "NHS Alliance", "National Association of Primary Care"}
    assert surveys[ID + "survey/hsj-barometer-1"]["waveLabel"] == "October"
    assert surveys[ID + "survey/coalition-support-survey-2012"]["dates"] == "2012-03-06"


def check_survey_findings(rows):
    # 000 states 26 figures; "47% of CCGs say they are fully involved" is the first. Two more are derived:
    # the sums its verbal figures "most ... confident" (17 + 43) and "a small percentage ... confident" (4 + 27) stand for.
    assert len(rows) == 28
    assert sorted(r["value"] for r in rows if r["basis"] == "derived") == [D(31), D(60)]
    first = rows[0]
    assert first["value"] == D(47) and first["option"] == "fully involved" and first["unit"] == "percent"
    assert first["exact"] == "47% of CCGs say they are fully involved"
    assert {r["value"] for r in rows if r["topic"] == "confidence about authorisation" and r["basis"] != "derived"} == {
        D(17), D(43), D(24), D(15)}


def check_survey_findings_january(rows):
    # The January wave of the barometer: a mean score of 6.5 (stated) and 73% good or very good (derived).
    assert sorted((r["value"], r["basis"]) for r in rows) == [(D("6.5"), "numeral"), (D(73), "derived")]


EXPECTATIONS = {
    "surveys": [({}, check_surveys)],
    "survey-findings": [({}, check_survey_findings),
                        ({"survey": "id:survey/hsj-barometer-2"}, check_survey_findings_january)],
}

#: For each check under queries/checks/: Turtle that breaks the graph the way the check looks for.
CHECK_BREAKERS: dict[str, str] = {}

# Expectations are kept in a few modules so that several people can add queries at once.
from query_expectations_more import CHECK_BREAKERS as _MORE_BREAKERS  # noqa: E402
from query_expectations_more import EXPECTATIONS as _MORE  # noqa: E402
from query_expectations_structure import CHECK_BREAKERS as _STRUCTURE_BREAKERS  # noqa: E402
from query_expectations_structure import EXPECTATIONS as _STRUCTURE  # noqa: E402

for _part in (_MORE, _STRUCTURE):
    assert not set(_part) & set(EXPECTATIONS), set(_part) & set(EXPECTATIONS)
    EXPECTATIONS.update(_part)
CHECK_BREAKERS.update(_MORE_BREAKERS)
CHECK_BREAKERS.update(_STRUCTURE_BREAKERS)
