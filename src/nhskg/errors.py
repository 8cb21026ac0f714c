"""The one error type a user sees: a message that names the file, line or field and what to do."""

from __future__ import annotations


class UserError(Exception):
    """A mistake in the user's input; the CLI prints it in one line, with no traceback."""
