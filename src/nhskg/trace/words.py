"""The words of a figure's claim: stems and tokens weighted by how distinctive they are, and the clause
and window around a figure that a finding's words are compared with."""

from __future__ import annotations

import re

from ..figures import Figure

#: words of the unit, not of the claim: they cannot show that a clause is about a finding
_UNIT_WORDS = {"percentage", "point", "points", "cent", "per"}
_STOP = set("""a an the of to in on at for by with from and or but nor is are was were be been being it its
this that these those they them their there here as than then so such which who whom whose what when where why how
all any both each few more most other some own same only just over under very can will would should could may might
must do does did done have has had having say says said told tell also about into up down out off again further once
per cent percent survey surveys found find finds according respondents respondent responses response replies
ccg ccgs clinical group groups
leaders leader one two three four five six seven eight nine ten half third thirds quarter quarters fifth fifths
nearly almost over under less more than just about around majority""".split())
_SYNONYMS = {"constrict": "restrict", "unhappy": "dissatisfi", "dissatisfaction": "dissatisfi", "satisfaction": "satisfi",
             "confidence": "confid", "authorization": "authoris", "authorisation": "authoris", "bigger": "larger",
             "debt": "debt", "involvement": "involv", "engagement": "engag", "relationship": "relation",
             "choic": "choice", "option": "choice"}  # "choices" stems to "choic"


def stem(word: str) -> str:
    word = word.lower().strip("'’")
    word = re.sub(r"['’]s$", "", word)
    for suffix in ("ation", "ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    for prefix, canonical in _SYNONYMS.items():
        if word.startswith(prefix):
            return canonical
    return word


def tokens(text: str) -> list[str]:
    return [stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", text) if w.lower() not in _STOP and len(w) > 2]


#: Words after a figure usually say what it counts ("32% say they are not involved"); words before it
#: may belong to the previous figure's claim, so they count for less.
LEFT_WEIGHT = 0.5


def _window(text: str, figure: Figure, neighbours: list[Figure],
            bounds: tuple[int, int] | None = None) -> tuple[dict[str, float], str]:
    """The words of the figure's claim, each with a weight: its sentence, cut at neighbouring figures;
    and the claim's text, for reading its meaning.

    A figure restating its neighbour in brackets ("Almost half (47%)") does not cut, and a bracketed
    figure ("NHS London (12.6%)") takes its claim from the words before it."""
    start, end = bounds or _sentence_bounds(text, figure.start, figure.end)
    for other in neighbours:
        if other is figure or _restates(text, figure, other) or _restates(text, other, figure):
            continue
        if start <= other.start and other.end <= figure.start:
            start = max(start, other.end)
        elif end >= other.end and other.start >= figure.end:
            end = min(end, other.start)
    bracketed = text[max(0, figure.start - 1):figure.start] == "(" and text[figure.end:figure.end + 1] == ")"
    left, right = (1.0, LEFT_WEIGHT) if bracketed else (LEFT_WEIGHT, 1.0)
    window = {t: left for t in tokens(text[start:figure.start])}
    window.update({t: right for t in tokens(text[figure.end:end])})
    return window, text[start:end]


def _restates(text: str, first: Figure, second: Figure) -> bool:
    """True when ``second`` follows ``first`` in brackets: the same figure said twice."""
    # "Almost half (47%)", "Just over two-thirds of CCG leaders (68 per cent)"
    return first.end <= second.start and re.fullmatch(r"\s*(?:[\w'’-]+\s+){0,4}\(", text[first.end:second.start]) is not None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): sentences end at . ! ? or a new line, and a semicolon ends a clause."""
    left = max((m.end() for m in re.finditer(r"[.!?;]\s|\n", text[:start])), default=0)
    after = re.search(r"[.!?;](?=\s|$)|\n", text[end:])
    return left, end + after.start() + 1 if after else len(text)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): from the last stop before it to the first after it."""
    left, right = _sentence_bounds(text, start, end)
    return text[left:right]
