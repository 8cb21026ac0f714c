"""The ``nhskg`` command: one click group; each subcommand lives beside the code it drives."""

from __future__ import annotations

import sys

import click

from .anchor import AnchorError
from .build import build_command
from .curation import CurationError
from .errors import UserError
from .checks import check_command
from .formatting import fmt_command
from .network import network_group
from .registers import RegisterError
from .querying import query_group, sparql_command
from .trace_report import trace_command
from .validate import validate_command

#: Errors that are the user's to fix: shown in one line, exit status 2, never a traceback.
USER_ERRORS = (UserError, CurationError, RegisterError, AnchorError)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="nhskg")
def cli() -> None:
    """nhskg: NHS commissioning bodies and the survey claims made about them, as a knowledge graph."""


cli.add_command(build_command)
cli.add_command(fmt_command)
cli.add_command(validate_command)
cli.add_command(query_group)
cli.add_command(sparql_command)
cli.add_command(trace_command)
cli.add_command(check_command)
cli.add_command(network_group)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except USER_ERRORS as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
