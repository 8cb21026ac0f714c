"""The 2013 registers: counts, joins, encodings, and the links the documents rely on.

Expected figures are facts about the published files and the real 2013 NHS, checked by hand: 211 CCGs
(32 in London), 25 area teams, 4 regions, 151 PCTs in 10 SHAs, four PCTs in two SHAs.
"""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import Literal

from nhskg import vocab
from nhskg.build.registers import load_registers
from nhskg.vocab import NHSKG

REG = load_registers()


@pytest.mark.parametrize("kind,count", [("ccg", 211), ("area-team", 25), ("region", 4), ("pct", 151), ("sha", 10)])
def test_register_counts(kind, count):
    assert len(REG.of_kind(kind)) == count


def test_every_ccg_is_in_one_area_team_and_every_area_team_in_one_region():
    parents = Counter(link.child for link in REG.links)
    ccgs = {("ccg", o.key) for o in REG.of_kind("ccg")}
    teams = {("area-team", o.key) for o in REG.of_kind("area-team")}
    assert all(parents[c] == 1 for c in ccgs | teams)


def test_ccgs_per_region():
    team_region = {link.child[1]: link.parent[1] for link in REG.links if link.child[0] == "area-team"}
    per_region = Counter(team_region[link.parent[1]] for link in REG.links if link.child[0] == "ccg")
    assert per_region == {"E40000001": 68, "E40000002": 61, "E40000003": 32, "E40000004": 50}


def test_four_pcts_straddle_two_shas():
    counts = Counter(link.child[1] for link in REG.links if link.child[0] == "pct")
    assert sorted(k for k, v in counts.items() if v == 2) == ["5K3", "5LH", "5N9", "5QG"]
    assert sum(counts.values()) == 155


def test_windows_1252_name_is_decoded():
    names = [o.name for o in REG.of_kind("ccg")]
    assert "NHS West London (Kensington and Chelsea, Queen’s Park and Paddington)" in names


@pytest.mark.parametrize("ods,ons,team,region", [
    ("02Q", "E38000008", "Q51", "E40000001"),  # Bassetlaw: South Yorkshire and Bassetlaw, North of England
    ("07K", "E38000204", "Q56", "E40000002"),  # West Suffolk: East Anglia
    ("06L", "E38000086", "Q56", "E40000002"),  # Ipswich and East Suffolk: East Anglia
    ("01D", "E38000080", "Q46", "E40000001"),  # Heywood, Middleton & Rochdale: Greater Manchester
])
def test_ccgs_named_in_the_documents_join_the_2013_structure(dataset, ods, ons, team, region):
    g = dataset.graph(vocab.REGISTERS_GRAPH)
    ccg = vocab.thing("ccg", ods)
    assert g.value(ccg, NHSKG.onsCode) == Literal(ons)
    assert g.value(ccg, NHSKG.areaTeam) == vocab.thing("area-team", team)
    assert g.value(vocab.thing("area-team", team), NHSKG.commissioningRegion) == vocab.thing("region", region)


def test_ccg_opening_dates_come_from_the_ods_extract():
    assert all(o.opened == "2013-04-01" for o in REG.of_kind("ccg"))
    assert REG.get("ccg", "00F").closed == "2015-03-31"  # Gateshead merged into Newcastle Gateshead
