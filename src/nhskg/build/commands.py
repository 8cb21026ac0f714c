"""``nhskg fmt``: the curated files rewritten in canonical form (each file replaced atomically)."""

from __future__ import annotations

import os
import tempfile

import click

from .. import paths
from .formatting import canonical_text, unformatted_files


@click.command("fmt")
@click.option("--check", is_flag=True, help="Only list files that are not canonical (exit 1 if any).")
def fmt_command(check: bool) -> None:
    """Rewrite the curated YAML files in canonical form."""
    changed = unformatted_files()
    for path in changed:
        shown = path.relative_to(paths.ROOT)
        if check:
            click.echo(f"not canonical: {shown}")
            continue
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(canonical_text(path))
        os.replace(tmp, path)
        click.echo(f"formatted {shown}")
    if check and changed:
        raise click.exceptions.Exit(1)
    if not changed:
        click.echo("all curated files are canonical")
