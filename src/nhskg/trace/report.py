"""What ``nhskg trace`` prints: the input with each figure marked, and under it the trail to its source."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import UserError
from ..iris import curie
from .index import FindingInfo
from .matcher import Match, TracedFigure


def marked(text: str, traced: list[TracedFigure]) -> str:
    """The input with each figure bracketed and numbered: ⟦47%⟧[1]."""
    out, at = [], 0
    for number, t in enumerate(traced, start=1):
        out += [text[at:t.figure.start], f"⟦{t.figure.text}⟧[{number}]"]
        at = t.figure.end
    out.append(text[at:])
    return "".join(out)


def _survey_line(info: FindingInfo) -> str:
    parts = [info.survey_label]
    if info.conductors:
        parts.append(f"conducted by {info.conductors}")
    if info.fieldwork:
        parts.append(f"fieldwork {info.fieldwork}")
    if info.responses:
        parts.append(f"{info.responses} responses")
    elif info.responses_more_than:
        parts.append(f"more than {info.responses_more_than} responses")
    return "; ".join(parts)


def reasoning(m: Match) -> list[str]:
    """How the verdict was reached: the arithmetic of a derived figure, why the survey is taken as the
    article's, and the discrepancies a fact-checker should look at."""
    lines = []
    if m.arithmetic:
        lines.append(f"    arithmetic: {m.arithmetic} (derived here; the source never states it)")
    if m.reasons:
        lines.append(f"    same survey: {'; '.join(m.reasons)}")
    lines += [f"    discrepancy: {note}" for note in m.notes]
    return lines


def trail(number: int, t: TracedFigure, index: dict[str, FindingInfo]) -> list[str]:
    head = f"[{number}] “{t.figure.text}” = {t.figure.value} {t.figure.unit}"
    if t.figure.qualifier:
        head += f" ({t.figure.qualifier})"
    lines = [f"{head} — {t.verdict.upper()}"]
    for end, label in zip(t.ends, ("from", "to")):
        # a change: each end's own trail, indented under it
        lines.append(f"    {label} “{end.figure.text}” — {end.verdict.upper()}")
        lines += ["    " + line for line in trail(number, end, index)[1:]]
    if t.ends and not t.matches:
        lines.append("    the change itself: no finding in the graph states it")
        return lines
    if not t.matches:
        lines.append("    no finding in the graph says this")
        return lines
    if t.ends:
        lines.append("    the change itself:")
    for rank, m in enumerate(t.matches):
        f = m.finding
        prefix = "    " if rank == 0 else "    other candidate: "
        kind = "derived, never stated" if f.derived else "stated"
        lines.append(f"{prefix}{curie(f.iri)}: {f.value} {f.unit} — {f.option or f.question} ({kind}; score {m.score})")
        if rank:
            continue
        lines += reasoning(m)
        lines.append(f"    survey: {_survey_line(f)}")
        for e in f.evidence:
            facts = ", ".join(x for x in (e.publisher, e.date, e.url) if x) or "publisher and date not identified"
            lines.append(f"    {e.file[:3]} ({facts}) [{e.start}–{e.end}] {e.via}: “{e.exact}”")
        shown = {(e.file, e.start, e.end) for e in f.evidence}
        for other in sorted(f.same_as):
            for e in index[other].evidence:
                if (e.file, e.start, e.end) in shown:
                    continue
                lines.append(f"    judged the same figure: {e.file[:3]} says “{e.exact}” ({index[other].value} {index[other].unit})")
    return lines


def format_text(text: str, traced: list[TracedFigure], index: dict[str, FindingInfo]) -> str:
    lines = [marked(text, traced).rstrip(), ""]
    if not traced:
        lines.append("no figures found")
    for number, t in enumerate(traced, start=1):
        lines += [*trail(number, t, index), ""]
    return "\n".join(lines).rstrip() + "\n"


def read_input(text: str | None, file: str | None) -> str:
    if (text is None) == (file is None):
        raise UserError("give the TEXT to trace, or --file PATH (- for standard input), not both")
    if file is None:
        return text
    if file == "-":
        return sys.stdin.read()
    try:
        return Path(file).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{file}: not UTF-8 text") from None
    except OSError as exc:  # missing, a folder, unreadable
        raise UserError(f"{file}: cannot be read ({exc.strerror or exc})") from None
