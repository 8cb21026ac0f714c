"""Hand-written expectations for some catalogue queries (see query_expectations.py for the format).

Queries 9-15 (verbal figures, derived figures, organisations, one CCG, who ran with whom, respondent
breakdowns, graph statistics) and four checks. Every expected value below was read from the five source
texts in graph/sources/ (or, for register facts, from the published registers the README names); the
comment on each assertion says where.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal as D

ID = "https://w3id.org/nhskg/id/"
DEF = "https://w3id.org/nhskg/def/"
GRAPH = "https://w3id.org/nhskg/graph/"


def _by(rows, key):
    return {r[key]: r for r in rows}


def _docs(cell):
    return set(cell.split("; ")) if cell else set()


# --- 9. verbal-figures ------------------------------------------------------------------------------

def check_verbal_figures(rows):
    figures = [r for r in rows if r["kind"] == "verbal figure"]
    in_words = [r for r in rows if r["kind"] == "finding stated only in words"]
    # Verbal figures: 000 "Over a third" (1); 002 "One in three", "Almost half (47%)", "Nearly a third (29%)",
    # "Just over one in ten ... (12%)", "Three out of four (75%)", "Nearly half ... (44%)",
    # "the overwhelming majority (96%)" (7);
    # 004 "half felt restricted" and "A third said" against 000's figures (2). 003's "more than four fifths"
    # is its own finding (a bound of 80), not words for the 84.2% on another question.
    assert len(figures) == 10
    assert Counter(r["document"] for r in figures) == {"000": 1, "002": 7, "004": 2}
    by_words = {(r["document"], r["words"]): r for r in figures}
    # 002 para 3: "Almost half (47%) said they were 'quite satisfied'" — 50 nominal, qualifier almost, fits 47.
    almost = by_words[("002", "Almost half")]
    assert (almost["nominalValue"], almost["qualifier"], almost["value"], almost["fit"]) == (
        D(50), "almost", D(47), "fits")
    assert almost["exact"].startswith("Almost half (47%)")
    # 002 para 11: "Three out of four (75%)" names 75 exactly.
    three = by_words[("002", "Three out of four")]
    assert (three["nominalValue"], three["value"], three["fit"]) == (D(75), D(75), "exact")
    # 002 last para: "Nearly half of respondents (44%)": 44 is well short of half — stretched.
    assert by_words[("002", "Nearly half")]["fit"] == "stretched"
    assert by_words[("002", "Nearly half")]["value"] == D(44)
    # 000 lead: "Over a third ... have not been fully involved" against para 2's "32% say they are not involved".
    over = by_words[("000", "Over a third")]
    assert (over["qualifier"], over["value"], over["fit"], over["start"]) == ("over", D(32), "stretched", D(0))
    # 004 para 3 "half felt restricted" stands for 000 para 3's "46% said they feel constricted": the number
    # is stated in document 000, the words in 004.
    half = by_words[("004", "half")]
    assert (half["value"], half["valueDocument"], half["fit"]) == (D(46), "000", "stretched")
    assert half["standsFor"] == ID + "finding/nhsa-napc-survey-000/feel-constricted"
    # 004 para 3 "A third said they were not able to shape the support on offer" ~ 000's 32% not involved.
    assert by_words[("004", "A third")]["fit"] == "approximate"
    assert ("003", "more than four fifths") not in by_words
    # Findings with no number but words: 003 "more than four fifths" (dissatisfied) and "less than a fifth"
    # (content); 004 "half felt restricted", "A third ... not able to shape", "a third ... pressure to become
    # larger", "two thirds expected ... debts", "half felt they were 'liberated'".
    assert len(in_words) == 7
    assert Counter(r["document"] for r in in_words) == {"003": 2, "004": 5}
    assert sorted(r["nominalValue"] for r in in_words if r["document"] == "004") == [
        D("33.3"), D("33.3"), D(50), D(50), D("66.7")]
    content = next(r for r in in_words if r["words"] == "less than a fifth")
    assert (content["nominalValue"], content["qualifier"], content["fit"]) == (D(20), "less than", None)
    # Such findings have no number to stand for and so no verdict.
    assert all(r["standsFor"] is None and r["fit"] is None for r in in_words)
    # Every row is anchored to its words in the text.
    assert all(r["exact"] and r["words"].lower() in r["exact"].lower() for r in rows)


# --- 10. derived-figures ----------------------------------------------------------------------------

def check_derived_figures(rows):
    derived = _by(rows, "derived")
    # Two derived figures: 001 "68 per cent ... This is a drop of five percentage points when the same question
    # was asked in January" gives January 73%; 002 "Nearly half of respondents (44%) ... with the remainder
    # predicting that they would do so in the next 12 months" gives 56%; 000's "most CCGs are confident" and
    # "Only a small percentage ... feel confident" stand for the sums 17 + 43 = 60% and 4 + 27 = 31%.
    assert len(derived) == 4
    january = derived[ID + "finding/hsj-barometer-2/area-team-good-january"]
    assert (january["value"], january["unit"], january["option"]) == (D(73), "percent", "good or very good")
    assert january["operation"] == "value before a change"
    assert january["survey"] == ID + "survey/hsj-barometer-2"
    assert january["basisExact"] == "This is a drop of five percentage points when the same question was asked in January"
    assert january["document"] == "001"
    # It rests on two stated figures of 001 para 10: 68 per cent and the drop of five points.
    sources = {r["sourceValue"]: r for r in rows if r["derived"] == january["derived"]}
    assert set(sources) == {D(68), D(-5)}
    assert sources[D(68)]["sourceWords"] == "68 per cent of leaders said it was “good” or “very good”"
    assert sources[D(-5)]["sourceUnit"] == "percentage point"
    assert "73" in january["formula"] and "68" in january["formula"]
    remainder = derived[ID + "finding/ehi-pc-survey-2012/working-with-other-ccgs-within-12-months"]
    assert (remainder["value"], remainder["operation"], remainder["sourceValue"]) == (D(56), "remainder", D(44))
    assert remainder["basisExact"] == "with the remainder predicting that they would do so in the next 12 months"
    assert remainder["formula"] == "100 - 44 = 56"
    # The basis words really sit at those offsets: same length as the words.
    assert all(r["basisEnd"] - r["basisStart"] == len(r["basisExact"]) for r in rows)


# --- 11. organisations-mentioned --------------------------------------------------------------------

def check_organisations_mentioned(rows):
    orgs = _by(rows, "name")
    # 21 organisations are named across the five texts: 4 CCGs (Bassetlaw 001; West Suffolk, Ipswich and East
    # Suffolk, Heywood Middleton and Rochdale 002), 4 SHA clusters (003), NAPC, NHS Alliance, the Coalition,
    # NHS Clinical Commissioners, BMA, the LMC conference, HSJ, EHI Primary Care, GatenbySanderson, DH,
    # the NHS Commissioning Board (called NHS England in 001: one body, two names), Greater Manchester CSS.
    # NHS London is the register's SHA Q36 "London" (a cluster of one SHA), listed under both its kinds.
    assert len(rows) == 21
    assert Counter(r["kindLabel"] for r in rows)["clinical commissioning group"] == 4
    assert Counter(r["kindLabel"] for r in rows)["SHA cluster"] == 4
    # NAPC is named in 000 (para 2), 003 (para 3 and the notes) and 004 (para 2, "NAPC chair").
    assert _docs(orgs["National Association of Primary Care"]["documents"]) == {"000", "003", "004"}
    # ... 8 times: 000 twice (full name + "(NAPC)"), 003 four times, 004 twice.
    assert orgs["National Association of Primary Care"]["mentions"] == D(8)
    assert orgs["National Association of Primary Care"]["kindLabel"] == "professional body"
    # 001 names NHS England seven times (paras 9, 13, 15 twice, 16 twice with "[NHS England]", 17, 21);
    # 000, 003 and 004 name the same body the NHS Commissioning Board.
    board = orgs["NHS Commissioning Board"]
    assert _docs(board["documents"]) == {"000", "001", "003", "004"}
    assert {"NHS England", "NHS Commissioning Board"} <= set(board["wordsUsed"].split("; "))
    # 004 says "the DH", 003 "the Department of Health".
    assert _docs(orgs["Department of Health"]["documents"]) == {"003", "004"}
    assert set(orgs["Department of Health"]["wordsUsed"].split("; ")) == {"DH", "Department of Health"}
    # Bassetlaw CCG (001 "Bassetlaw CCG chair Steve Kell") is in the register: ODS 02Q, ONS E38000008.
    bassetlaw = orgs["NHS Bassetlaw"]
    assert (bassetlaw["odsCode"], bassetlaw["onsCode"], bassetlaw["documents"]) == ("02Q", "E38000008", "001")
    # Bodies no register lists have no codes (002's "BMA"); 003's "NHS London (12.6%)" is SHA Q36.
    assert orgs["London"]["odsCode"] == "Q36" and orgs["British Medical Association"]["onsCode"] is None
    # 002 writes "EHI Primary Care" three times and "EHI primary Care" once.
    assert orgs["EHI Primary Care"]["mentions"] == D(4)


def check_organisations_mentioned_ccgs(rows):
    # Only the CCGs: 001 Bassetlaw; 002 West Suffolk, "neighbouring CCG, Ipswich and East Suffolk",
    # Heywood, Middleton and Rochdale.
    assert {r["odsCode"] for r in rows} == {"02Q", "07K", "06L", "01D"}
    assert {r["kindLabel"] for r in rows} == {"clinical commissioning group"}
    assert _by(rows, "odsCode")["07K"]["wordsUsed"] == "West Suffolk CCG"
    assert all(r["onsCode"].startswith("E38") for r in rows)


def check_organisations_mentioned_clusters(rows):
    # 003 para 3: "the four strategic health authority clusters: NHS London (12.6%); NHS North of England
    # (33.7%); NHS Midlands and East (32.6%) and NHS South of England (21.1%)".
    assert {r["name"] for r in rows} == {"London", "NHS North of England", "NHS Midlands and East",
                                         "NHS South of England"}
    assert {r["documents"] for r in rows} == {"003"}
    assert all(r["mentions"] == D(1) for r in rows)


# --- 12. ccg-in-structure ---------------------------------------------------------------------------

def check_ccg_bassetlaw(rows):
    # Bassetlaw (ODS 02Q) sat in the South Yorkshire and Bassetlaw area team (Q51), North of England region
    # (E40000001), opened 1 April 2013 (registers); 001 para 20 "Bassetlaw CCG chair Steve Kell".
    assert {(r["odsCode"], r["onsCode"], r["areaTeamOds"], r["areaTeamName"], r["regionName"], r["regionOns"])
            for r in rows} == {("02Q", "E38000008", "Q51", "South Yorkshire and Bassetlaw", "North of England",
                                "E40000001")}
    assert {r["opened"] for r in rows} == {"2013-04-01"}
    roles = [r for r in rows if r["statement"] == "role"]
    mentions = [r for r in rows if r["statement"] == "mention"]
    assert len(roles) == 1 and len(mentions) == 1
    assert (roles[0]["personName"], roles[0]["role"], roles[0]["document"]) == ("Steve Kell", "chair", "001")
    assert roles[0]["exact"] == "Bassetlaw CCG chair Steve Kell"
    assert mentions[0]["exact"] == "Bassetlaw CCG" and mentions[0]["start"] == roles[0]["start"]


def check_ccg_west_suffolk(rows):
    # 002 para 6: "David Cripps, a practice manager and board member of West Suffolk CCG"; West Suffolk (07K)
    # sat in the East Anglia area team, Midlands and East of England region.
    assert {(r["areaTeamName"], r["regionName"]) for r in rows} == {("East Anglia", "Midlands and East of England")}
    roles = [r for r in rows if r["statement"] == "role"]
    # "practice manager" is an occupation, not a role at the CCG: only "board member" is.
    assert [(r["personName"], r["role"]) for r in roles] == [("David Cripps", "board member")]
    assert [r["exact"] for r in rows if r["statement"] == "mention"] == ["West Suffolk CCG"]
    assert {r["document"] for r in rows} == {"002"}


def check_ccg_unmentioned(rows):
    # Darlington (00C) is in the register but no text names it: one row, the structure alone.
    assert len(rows) == 1
    assert rows[0]["name"] == "NHS Darlington" and rows[0]["regionName"] == "North of England"
    assert rows[0]["statement"] is None and rows[0]["document"] is None


# --- 13. who-ran-with-whom --------------------------------------------------------------------------

def check_who_ran_with_whom(rows):
    def part(survey, kind):
        return [r for r in rows if r["survey"] == ID + "survey/" + survey and r["part"] == kind]

    # 000 para 2: "conducted by the NHS Alliance and the National Association of Primary Care (NAPC)".
    conductors = {r["organisationName"]: r["ranWith"] for r in part("nhsa-napc-survey-000", "conductor")}
    assert conductors == {"NHS Alliance": "National Association of Primary Care",
                          "National Association of Primary Care": "NHS Alliance"}
    # 001 para 2: "the third HSJ clinical commissioning barometer survey, published with GatenbySanderson".
    assert [(r["organisationName"], r["ranWith"]) for r in part("hsj-barometer-3", "partner")] == [
        ("GatenbySanderson", "HSJ")]
    assert [r["organisationName"] for r in part("hsj-barometer-3", "conductor")] == ["HSJ"]
    # 002: "an EHI Primary Care survey", run alone.
    assert [(r["organisationName"], r["ranWith"]) for r in part("ehi-pc-survey-2012", "conductor")] == [
        ("EHI Primary Care", None)]
    # 004 never says who ran its survey.
    assert part("ccg-leaders-survey-004", "conductor") == [] and part("ccg-leaders-survey-004", "partner") == []
    # 004 quotes Dixon (NHS Alliance chair; a senior Coalition figure in 003), Marshall (NAPC chair) and
    # Lansley (health secretary, Department of Health).
    quoted_004 = {(r["organisationName"], r["personName"]) for r in part("ccg-leaders-survey-004", "quoted")}
    assert quoted_004 == {("NHS Alliance", "Michael Dixon"), ("NHS Clinical Commissioning Coalition", "Michael Dixon"),
                          ("National Association of Primary Care", "Johnny Marshall"),
                          ("Department of Health", "Andrew Lansley")}
    # 001 quotes Kell (Bassetlaw CCG chair; NHS Clinical Commissioners co-chair) and Roughton (NHS England),
    # responding to the third barometer — not to the October and January waves it only compares with.
    quoted_001 = {(r["organisationName"], r["personName"]) for r in part("hsj-barometer-3", "quoted")}
    assert quoted_001 == {("NHS Bassetlaw", "Steve Kell"), ("NHS Clinical Commissioners", "Steve Kell"),
                          ("NHS Commissioning Board", "Rosamond Roughton")}
    assert part("hsj-barometer-1", "quoted") == [] and part("hsj-barometer-2", "quoted") == []
    # 002 quotes Cripps (West Suffolk CCG) and Azfar (Heywood, Middleton and Rochdale CCG), and reports the
    # BMA's concern and the LMC conference's fear as the organisations' own.
    assert {r["organisationName"] for r in part("ehi-pc-survey-2012", "quoted")} == {
        "NHS West Suffolk", "NHS Heywood, Middleton & Rochdale"}
    assert {r["organisationName"] for r in part("ehi-pc-survey-2012", "quoted itself")} == {
        "British Medical Association", "National Local Medical Committee Conference"}
    # 003: Dr Charles Alessi, "a senior figure in the Clinical Commissioning Coalition".
    alessi = [r for r in part("coalition-support-survey-2012", "quoted") if r["personName"] == "Charles Alessi"]
    assert [(r["organisationName"], r["role"], r["quotedIn"]) for r in alessi] == [
        ("NHS Clinical Commissioning Coalition", "senior figure", "003")]


# --- 14. respondent-breakdowns ----------------------------------------------------------------------

def check_respondent_breakdowns(rows):
    # Two breakdowns: 003 para 3 by SHA cluster (12.6, 33.7, 32.6, 21.1) and 001 para 4 by role
    # ("Ninety per cent were chairs or accountable officers and the other 10 per cent ...").
    assert len(rows) == 6
    clusters = {r["option"]: r for r in rows if r["question"] == "Respondents by SHA cluster"}
    assert {k: v["percentage"] for k, v in clusters.items()} == {
        "NHS London": D("12.6"), "NHS North of England": D("33.7"), "NHS Midlands and East": D("32.6"),
        "NHS South of England": D("21.1")}
    # Each cluster option stands for the SHA cluster itself.
    assert clusters["NHS London"]["category"] == ID + "sha/Q36"  # the London SHA was a cluster on its own
    assert all("SHA cluster" in v["categoryKind"].split("; ") for v in clusters.values())
    assert sum(v["percentage"] for v in clusters.values()) == D(100)
    assert {r["survey"] for r in clusters.values()} == {ID + "survey/coalition-support-survey-2012"}
    roles = {r["option"]: r["percentage"] for r in rows if r["survey"] == ID + "survey/hsj-barometer-3"}
    assert roles == {"chairs or accountable officers": D(90), "other governing body members": D(10)}
    assert all(r["category"] is None for r in rows if r["survey"] == ID + "survey/hsj-barometer-3")
    assert _by(rows, "option")["NHS London"]["exact"] == "NHS London (12.6%)"
    # No response counts (95, more than 90, 94, 131) among them.
    assert all(r["unit"] == "percent" for r in rows)


# --- 15. graph-statistics ---------------------------------------------------------------------------

def check_graph_statistics(rows):
    classes = {r["subject"]: r["count"] for r in rows if r["statistic"] == "instances of class"}
    graphs = {r["subject"]: r["count"] for r in rows if r["statistic"] == "triples in named graph"}
    # Registers: 211 CCGs of April 2013, 25 area teams, 4 regions, 151 PCTs and 10 SHAs of 2012.
    assert classes[DEF + "ClinicalCommissioningGroup"] == D(211)
    assert classes[DEF + "AreaTeam"] == D(25) and classes[DEF + "CommissioningRegion"] == D(4)
    assert classes[DEF + "PrimaryCareTrust"] == D(151) and classes[DEF + "StrategicHealthAuthority"] == D(10)
    # Five texts: four news reports (000, 001, 002, 004) and one press release (003, "The following press
    # release").
    assert classes[DEF + "NewsReport"] == D(4) and classes[DEF + "PressRelease"] == D(1)
    # Seven surveys (000, 004, three barometer waves in 001, 002, 003); two derived figures (001 January 73%,
    # 002 the remainder); ten verbal figures (see verbal-figures); eight named people (Kell, Roughton, Cripps,
    # Azfar, Alessi, Dixon, Lansley, Marshall); four SHA clusters (003).
    assert classes[DEF + "Survey"] == D(7) and classes[DEF + "DerivedFinding"] == D(4)
    assert classes[DEF + "VerbalFigure"] == D(12)  # 000's "most" and "Only a small percentage" added
    assert classes["https://schema.org/Person"] == D(8) and classes[DEF + "SHACluster"] == D(4)
    # The named graphs: ontology, registers, curation and one per document (000-004); any other graph the
    # build adds (such as derived reports) lives in the same graph space.
    expected_graphs = {GRAPH + "ontology", GRAPH + "registers", GRAPH + "curation",
                       *(GRAPH + f"document/00{i}" for i in range(5))}
    assert expected_graphs <= set(graphs)
    assert GRAPH + "statistics" not in graphs  # the counts' own graph describes the others, not itself
    assert all(g.startswith(GRAPH) for g in graphs)
    assert all(count > 0 for count in graphs.values())
    # The registers (hundreds of organisations, each with codes and relations) outweigh any one document.
    assert graphs[GRAPH + "registers"] == max(graphs.values())
    assert _by(rows, "subject")[DEF + "ClinicalCommissioningGroup"]["subjectLabel"] == "clinical commissioning group"


# --- checks -----------------------------------------------------------------------------------------

def check_no_rows(rows):
    assert rows == []


EXPECTATIONS: dict = {
    "verbal-figures": [({}, check_verbal_figures)],
    "derived-figures": [({}, check_derived_figures)],
    "organisations-mentioned": [({}, check_organisations_mentioned),
                                ({"kind": "nhskg:ClinicalCommissioningGroup"}, check_organisations_mentioned_ccgs),
                                ({"kind": DEF + "SHACluster"}, check_organisations_mentioned_clusters)],
    "ccg-in-structure": [({}, check_ccg_bassetlaw),
                         ({"ccg": "id:ccg/07K"}, check_ccg_west_suffolk),
                         ({"ccg": ID + "ccg/00C"}, check_ccg_unmentioned)],
    "who-ran-with-whom": [({}, check_who_ran_with_whom)],
    "respondent-breakdowns": [({}, check_respondent_breakdowns)],
    "graph-statistics": [({}, check_graph_statistics)],
    "checks/evidence-mismatch": [({}, check_no_rows)],
    "checks/finding-without-evidence": [({}, check_no_rows)],
    "checks/percentage-out-of-range": [({}, check_no_rows)],
    "checks/dangling-iri": [({}, check_no_rows)],
    "checks/stale-statistics": [({}, check_no_rows)],
}

_PREFIXES = """
@prefix nhskg: <https://w3id.org/nhskg/def/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/nhskg/id/> .
"""

#: For each check under queries/checks/: Turtle that breaks the graph the way the check looks for.
CHECK_BREAKERS: dict[str, str] = {
    # 000 begins "Over a third", not "47% of"; and one quote ends past the end of the text.
    "checks/evidence-mismatch": _PREFIXES + """
<https://w3id.org/nhskg/id/annotation/000/broken> a oa:Annotation ;
    oa:hasBody <https://w3id.org/nhskg/id/finding/nhsa-napc-survey-000/fully-involved> ;
    oa:hasTarget <https://w3id.org/nhskg/id/annotation/000/broken#target> .
<https://w3id.org/nhskg/id/annotation/000/broken#target> a oa:SpecificResource ;
    oa:hasSource <https://w3id.org/nhskg/texts/000.txt> ;
    oa:hasSelector <https://w3id.org/nhskg/id/annotation/000/broken#position>,
                   <https://w3id.org/nhskg/id/annotation/000/broken#quote> .
<https://w3id.org/nhskg/id/annotation/000/broken#position> a oa:TextPositionSelector ;
    oa:start 0 ; oa:end 6 .
<https://w3id.org/nhskg/id/annotation/000/broken#quote> a oa:TextQuoteSelector ; oa:exact "47% of" .
<https://w3id.org/nhskg/id/annotation/000/past-end> a oa:Annotation ;
    oa:hasBody <https://w3id.org/nhskg/id/finding/nhsa-napc-survey-000/not-involved> ;
    oa:hasTarget <https://w3id.org/nhskg/id/annotation/000/past-end#target> .
<https://w3id.org/nhskg/id/annotation/000/past-end#target> a oa:SpecificResource ;
    oa:hasSource <https://w3id.org/nhskg/texts/000.txt> ;
    oa:hasSelector <https://w3id.org/nhskg/id/annotation/000/past-end#position>,
                   <https://w3id.org/nhskg/id/annotation/000/past-end#quote> .
<https://w3id.org/nhskg/id/annotation/000/past-end#position> a oa:TextPositionSelector ;
    oa:start 2760 ; oa:end 99999 .
<https://w3id.org/nhskg/id/annotation/000/past-end#quote> a oa:TextQuoteSelector ; oa:exact "sure." .
<https://w3id.org/nhskg/texts/000.txt> a <http://purl.org/dc/dcmitype/Text> ; <http://purl.org/dc/terms/isFormatOf> <https://w3id.org/nhskg/id/document/000> .
""",
    # A finding nobody anchored to any words.
    "checks/finding-without-evidence": _PREFIXES + """
id:finding\\/nhsa-napc-survey-000\\/unanchored a nhskg:Finding ;
    rdfs:label "a finding with no words behind it" ;
    nhskg:survey id:survey\\/nhsa-napc-survey-000 ;
    nhskg:value 12.0 ; nhskg:unit id:unit\\/percent .
""",
    # 120 per cent of respondents, and a fall of 150 percentage points.
    "checks/percentage-out-of-range": _PREFIXES + """
id:finding\\/nhsa-napc-survey-000\\/fully-involved-typo nhskg:value 120.0 ; nhskg:unit id:unit\\/percent .
id:finding\\/hsj-barometer-3\\/drop-typo nhskg:value -150.0 ; nhskg:unit id:unit\\/percentage-point .
""",
    # A partner the graph never describes.
    "checks/dangling-iri": _PREFIXES + """
id:survey\\/hsj-barometer-3 nhskg:partner id:organisation\\/nobody-described .
""",
    # A survey added to the curation graph after the build counted it (TriG: the break is in a named graph).
    "checks/stale-statistics": _PREFIXES + """
<https://w3id.org/nhskg/graph/curation> { id:survey\\/added-later a nhskg:Survey . }
""",
}
