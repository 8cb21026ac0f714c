"""The ``nhskg`` command: one click group whose subcommands are imported only when they run.

Each subcommand lives beside the code it drives (``<stage>/commands.py``). This module names them by
import path, with the one-line help ``nhskg --help`` shows, so printing help imports no stage at all
(and so none of rdflib, pyshacl, pyoxigraph, networkx or matplotlib). A test checks that each line
here is the first line of its command's own help.
"""

from __future__ import annotations

import difflib
import importlib
import sys

import click

from .errors import UserError

#: name -> (module, attribute, first line of the command's help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "build": ("nhskg.release.commands", "build_command", "Build the knowledge graph into dist/ and print a summary."),
    "check": ("nhskg.validation.commands", "check_command",
              "Report the graph's inconsistencies: distributions, granularity, stretched words, derived figures."),
    "fmt": ("nhskg.build.commands", "fmt_command", "Rewrite the curated YAML files in canonical form."),
    "network": ("nhskg.network.commands", "network_group",
                "Network views of the graph (structure, provenance, co-mention): exports, report, pictures."),
    "push": ("nhskg.query.commands", "push_command",
             "Upload each named graph of the built graph to a SPARQL 1.1 server (Graph Store HTTP Protocol)."),
    "query": ("nhskg.query.commands", "query_group", "Run the catalogue of ready SPARQL queries (queries/*.rq)."),
    "serve": ("nhskg.web.commands", "serve_command",
              "Serve the graph over HTTP: SPARQL endpoint, dereferenceable IRIs, pages for people."),
    "site": ("nhskg.web.commands", "site_command",
             "Write the resource pages and RDF files as a static site in OUT, with w3id-style redirect rules."),
    "sparql": ("nhskg.query.commands", "sparql_command",
               "Run an ad-hoc SPARQL query (text, or a .rq file) on the built graph."),
    "trace": ("nhskg.trace.commands", "trace_command",
              "Trace each figure of TEXT (or an article) to the survey, document, sentence and offsets it came from."),
    "validate": ("nhskg.validation.commands", "validate_command",
                 "Validate the graph built from the curated inputs, or the RDF FILES given, against shapes/."),
}


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when that subcommand is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute, _ = COMMANDS[name]
        return getattr(importlib.import_module(module), attribute)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else None
        if name and not name.startswith("-") and name not in COMMANDS:
            near = difflib.get_close_matches(name, list(COMMANDS), n=2, cutoff=0.6)
            hint = f" — did you mean {' or '.join(near)}?" if near else " — `nhskg --help` lists them"
            raise click.UsageError(f"no command {name!r}{hint}", ctx)
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(n) for n in names)
        with formatter.section("Commands"):
            # Stand-in commands carry the help line, so click shortens it as it would the real command's.
            formatter.write_dl([(n, click.Command(n, help=COMMANDS[n][2]).get_short_help_str(limit)) for n in names])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="nhskg")
def cli() -> None:
    """nhskg: NHS commissioning bodies and the survey claims made about them, as a knowledge graph."""


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except UserError as exc:  # the build's CurationError, RegisterError and AnchorError are UserErrors too
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
