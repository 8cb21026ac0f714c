"""``dist/docs/queries.md``: the query catalogue documented from the ``.rq`` headers."""

from __future__ import annotations

from .. import paths
from ..catalogue import Query, catalogue


def docs_markdown(queries: dict[str, Query] | None = None) -> str:
    """The catalogue as Markdown, from the headers."""
    queries = queries if queries is not None else catalogue()
    lines = ["# nhskg query catalogue", "", "Run any of these with `nhskg query run NAME [-p NAME=VALUE ...] "
             "[--format table|csv|tsv|json|xml]`; `nhskg query show NAME` prints the SPARQL.", ""]
    for name, query in queries.items():
        lines += [f"## `{name}` — {query.title}", "", query.description, ""]
        if query.params:
            lines += ["| parameter | type | default | meaning |", "|---|---|---|---|"]
            lines += [f"| `{p.name}` | {p.type} | {p.default or '(required)'} | {p.meaning} |" for p in query.params]
            lines.append("")
        lines += [f"Source: `{query.path.relative_to(paths.ROOT)}`", ""]
    return "\n".join(lines)
