"""``nhskg build``: the one command that writes ``dist/`` on purpose."""

from __future__ import annotations

from pathlib import Path

import click

from .. import paths


@click.command("build")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: dist/).")
def build_command(out_dir: Path | None) -> None:
    """Build the knowledge graph into dist/ and print a summary."""
    from .pipeline import OUTPUTS, format_summary, run_build

    stats = run_build(out_dir)
    click.echo(format_summary(stats))
    click.echo(f"wrote {', '.join(OUTPUTS)}, docs/queries.md, texts/NNN.txt, store/ (the on-disk store), "
               f"trace-index.jsonl and answers/ (the catalogue's answers) to {out_dir or paths.DIST_DIR}")
