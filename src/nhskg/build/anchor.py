"""Locate a curator's exact words in a verbatim text: offsets, prefix and suffix. Fail closed.

Offsets are 0-based Python string indices (Unicode code points) into the decoded UTF-8 text, end
exclusive: the W3C Web Annotation ``TextPositionSelector`` convention. Nothing is matched fuzzily:
words that are missing, or that occur more than once without an ``occurrence``, are an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UserError

#: Up to this many characters of context either side, as the Web Annotation model suggests.
CONTEXT = 32


@dataclass(frozen=True)
class Span:
    """Where some exact words stand in a text."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


class AnchorError(UserError, ValueError):
    """Words that cannot be anchored exactly once."""


def occurrences(text: str, words: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``words`` in ``text``."""
    starts, at = [], text.find(words)
    while at != -1:
        starts.append(at)
        at = text.find(words, at + 1)
    return starts


def span_at(text: str, start: int, end: int) -> Span:
    """The span [start, end) of ``text`` with its context."""
    return Span(start, end, text[start:end], text[max(0, start - CONTEXT):start], text[end:end + CONTEXT])


def locate(text: str, words: str, occurrence: int | None = None) -> Span:
    """The one place ``words`` stand in ``text`` (or the ``occurrence``-th, counting from 1)."""
    if not words or not words.strip():
        raise AnchorError("the words are empty")
    starts = occurrences(text, words)
    if not starts:
        raise AnchorError(f"words not found in the text: {_show(words)}")
    if occurrence is None:
        if len(starts) > 1:
            raise AnchorError(f"words occur {len(starts)} times, give occurrence: N (1-{len(starts)}) "
                              f"or longer words: {_show(words)}")
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise AnchorError(f"occurrence {occurrence} asked but the words occur {len(starts)} times: "
                          f"{_show(words)}")
    start = starts[occurrence - 1]
    return span_at(text, start, start + len(words))


def locate_all(text: str, words: str) -> list[Span]:
    """Every place ``words`` stand in ``text`` (at least one)."""
    starts = occurrences(text, words)
    if not starts:
        raise AnchorError(f"words not found in the text: {_show(words)}")
    return [span_at(text, s, s + len(words)) for s in starts]


def locate_within(text: str, outer: Span, words: str) -> Span:
    """The one place ``words`` stand inside an already located span (a figure inside its sentence)."""
    inner = outer.exact
    starts = occurrences(inner, words)
    if len(starts) != 1:
        found = "not found" if not starts else f"found {len(starts)} times"
        raise AnchorError(f"{_show(words)} {found} inside {_show(inner)}")
    start = outer.start + starts[0]
    return span_at(text, start, start + len(words))


def _show(words: str, limit: int = 80) -> str:
    return repr(words if len(words) <= limit else words[:limit] + "…")
