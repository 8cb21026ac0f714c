"""The one error type a user sees: a message that names the file, line or field and what to do."""

from __future__ import annotations


class UserError(Exception):
    """A mistake in the user's input; the CLI prints it in one line, with no traceback."""


def one_line(exc: BaseException, lines: int = 3) -> str:
    """A parser's reason in one line (rdflib's Turtle errors span several), for a one-line user error."""
    text = " ".join(line.strip() for line in str(exc).splitlines()[:lines] if line.strip())
    return text or type(exc).__name__
