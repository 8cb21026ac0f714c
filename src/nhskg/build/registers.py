"""The published ONS/ODS registers of 2012-2013 -> organisations and the relations between them.

Files are read exactly as published (``CCG_APR_2013.csv`` is Windows-1252); every join is made here,
in code, and a row that does not join is an error naming the file and line.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..errors import UserError


class RegisterError(UserError, ValueError):
    """A register row that cannot be read or joined."""


@dataclass(frozen=True)
class RegisterOrg:
    """An organisation as a register lists it."""

    kind: str  # ccg | area-team | region | pct | sha
    key: str  # the code its IRI is keyed by: ODS where one exists, else ONS
    name: str
    ods: str | None
    ons: str
    source: str  # the register file it was read from
    opened: str | None = None  # ISO date, from the ODS eccg extract
    closed: str | None = None


@dataclass(frozen=True)
class RegisterLink:
    """One organisation placed within another, as a register states it."""

    child: tuple[str, str]  # (kind, key)
    parent: tuple[str, str]
    source: str
    as_at: str  # the date or year the register describes


@dataclass
class Registers:
    """All register organisations by (kind, key), and the links between them."""

    orgs: dict[tuple[str, str], RegisterOrg] = field(default_factory=dict)
    links: list[RegisterLink] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[RegisterOrg]:
        return [o for (k, _), o in sorted(self.orgs.items()) if k == kind]

    def get(self, kind: str, key: str) -> RegisterOrg | None:
        return self.orgs.get((kind, key))


def _rows(name: str, encoding: str = "utf-8", header: bool = True) -> list[tuple[int, dict | list]]:
    path: Path = paths.register_file(name)
    try:
        text = path.read_bytes().decode(encoding)
    except FileNotFoundError:
        raise RegisterError(f"{path}: missing — copy it from the published registers") from None
    except UnicodeDecodeError as exc:
        raise RegisterError(f"{path}: byte {exc.start} is not {encoding} — keep the file as published") from None
    reader = csv.DictReader(io.StringIO(text)) if header else csv.reader(io.StringIO(text))
    return [(i + (2 if header else 1), row) for i, row in enumerate(reader)]


def _need(row: dict, column: str, name: str, line: int) -> str:
    value = (row.get(column) or "").strip()
    if not value:
        raise RegisterError(f"{name}:{line}: column {column} is empty")
    return value


def _iso(yyyymmdd: str) -> str | None:
    return f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:8]}" if len(yyyymmdd) == 8 else None


def load_registers() -> Registers:
    """Read every register file and join them."""
    reg = Registers()
    eccg = {row[0]: row for _, row in _rows("eccg_2016-02.csv", header=False)}
    ccg_by_ons: dict[str, str] = {}
    for line, row in _rows("CCG_APR_2013.csv", encoding="cp1252"):
        ods = _need(row, "CCG13CDH", "CCG_APR_2013.csv", line)
        ons = _need(row, "CCG13CD", "CCG_APR_2013.csv", line)
        extract = eccg.get(ods)
        opened = _iso(extract[10]) if extract else None
        closed = _iso(extract[11]) if extract else None
        reg.orgs[("ccg", ods)] = RegisterOrg("ccg", ods, _need(row, "CCG13NM", "CCG_APR_2013.csv", line), ods, ons, "CCG_APR_2013.csv",
                                            opened, closed)
        ccg_by_ons[ons] = ods
    at_ods = {}
    for line, row in _rows("at.csv"):
        at_ods[_need(row, "ons_code", "at.csv", line)] = _need(row, "hscic_code", "at.csv", line)
    for line, row in _rows("NHSAT_APR_2013_EN_NC.csv"):
        ons = _need(row, "NHSAT13CD", "NHSAT_APR_2013_EN_NC.csv", line)
        if ons not in at_ods:
            raise RegisterError(f"NHSAT_APR_2013_EN_NC.csv:{line}: area team {ons} has no ODS code in at.csv")
        reg.orgs[("area-team", at_ods[ons])] = RegisterOrg(
            "area-team", at_ods[ons], _need(row, "NHSAT13NM", "NHSAT_APR_2013_EN_NC.csv", line), at_ods[ons], ons, "NHSAT_APR_2013_EN_NC.csv")
    for line, row in _rows("CCG13_NHSAT13_NHSCR13_EW_LU.csv"):
        name = "CCG13_NHSAT13_NHSCR13_EW_LU.csv"
        ccg_ons, at_ons = _need(row, "CCG13CD", name, line), _need(row, "NHSAT13CD", name, line)
        region = _need(row, "NHSCR13CD", name, line)
        if ccg_ons not in ccg_by_ons or at_ons not in at_ods:
            raise RegisterError(f"{name}:{line}: {ccg_ons} or {at_ons} is not in the CCG or area team register")
        reg.orgs.setdefault(("region", region), RegisterOrg("region", region, _need(row, "NHSCR13NM", name, line), None, region, name))
        reg.links.append(RegisterLink(("ccg", ccg_by_ons[ccg_ons]), ("area-team", at_ods[at_ons]), name, "2013-04-01"))
        link = RegisterLink(("area-team", at_ods[at_ons]), ("region", region), name, "2013-04-01")
        if link not in reg.links:
            reg.links.append(link)
    for line, row in _rows("SHA_2012.csv"):
        ods = _need(row, "SHA12CDO", "SHA_2012.csv", line)
        reg.orgs[("sha", ods)] = RegisterOrg("sha", ods, _need(row, "SHA12NM", "SHA_2012.csv", line), ods, _need(row, "SHA12CD", "SHA_2012.csv", line), "SHA_2012.csv")
    for line, row in _rows("PCO_2012.csv"):
        ods = _need(row, "PCO12CDO", "PCO_2012.csv", line)
        reg.orgs[("pct", ods)] = RegisterOrg("pct", ods, _need(row, "PCO12NM", "PCO_2012.csv", line), ods, _need(row, "PCO12CD", "PCO_2012.csv", line), "PCO_2012.csv")
    for line, row in _rows("PCO12_SHA12_EN_LU.csv"):
        pct, sha = _need(row, "PCO12CDO", "PCO12_SHA12_EN_LU.csv", line), _need(row, "SHA12CDO", "PCO12_SHA12_EN_LU.csv", line)
        if ("pct", pct) not in reg.orgs or ("sha", sha) not in reg.orgs:
            raise RegisterError(f"PCO12_SHA12_EN_LU.csv:{line}: {pct} or {sha} is not in the PCT or SHA register")
        reg.links.append(RegisterLink(("pct", pct), ("sha", sha), "PCO12_SHA12_EN_LU.csv", "2012"))
    reg.links.sort(key=lambda link: (link.child, link.parent))
    return reg
