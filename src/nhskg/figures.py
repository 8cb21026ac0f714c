"""Figures in free text: numerals, numbers in words, fractions and ratios in words, qualifiers, changes.

``parse_figure`` reads one figure phrase exactly as a curator copied it ("41 per cent", "Over a third",
"a drop of five percentage points"); the build uses it to check every curated value against its words.
``find_figures`` finds survey figures in running text, independently of any curation, and
``number_tokens`` lists every number-like token so that a test can account for each one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_ONES)}
WORD_VALUES.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
WORD_VALUES["hundred"] = 100

_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                 "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}

#: Qualifiers as written -> their canonical name. Longest first so "just over" wins over "over".
QUALIFIERS = {
    "just over": "just-over", "just under": "just-under", "more than": "more-than",
    "less than": "less-than", "fewer than": "less-than", "well over": "over", "over": "over",
    "under": "under", "almost": "almost", "nearly": "nearly", "about": "about", "around": "about",
    "roughly": "about", "some": "about", "only": "only", "just": "only",
}
_UPWARD = {"over", "more-than", "just-over"}
_DOWNWARD = {"under", "less-than", "just-under", "almost", "nearly"}
#: Qualifiers that also promise closeness: "nearly half" for 44% is six points short, not nearly.
_CLOSE = {"just-over", "just-under", "almost", "nearly"}
_CLOSE_POINTS = Decimal(5)
_CHANGES = {"a drop of": -1, "a fall of": -1, "a decrease of": -1, "down": -1, "down by": -1, "fell by": -1,
            "fallen by": -1, "dropped by": -1, "decreased by": -1,
            "a rise of": 1, "an increase of": 1, "up": 1, "up by": 1, "rose by": 1, "risen by": 1, "increased by": 1}

_WORD = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
NUMBER_WORDS = rf"(?:(?:{'|'.join(_TENS)})[- ](?:{'|'.join(_ONES[1:10])})|{_WORD})"
NUMERAL = r"\d+(?:\.\d+)?"
NUMBER = rf"(?:{NUMERAL}|{NUMBER_WORDS})"
_DENOM = "|".join(sorted(_DENOMINATORS, key=len, reverse=True))
FRACTION = rf"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+(?:{_DENOM})|half)"
_WHOLE = rf"(?:\d+(?!\.\d)|{NUMBER_WORDS})"
#: "one in three", "two out of every ten", "one group in five"
RATIO = rf"(?:{_WHOLE}\s+(?:(?:in|out\s+of)|[a-z]{{3,12}}\s+in)\s+(?:every\s+)?{_WHOLE})"
_QUAL = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
_CHG = "|".join(sorted(_CHANGES, key=len, reverse=True))

_PERCENT_PHRASE = rf"{NUMBER}\s*(?:%|per\s*cent\b|percent\b)"
_POINTS_PHRASE = rf"(?:(?:{_CHG})\s+)?{NUMBER}\s+percentage\s+points?"

_FIGURE = re.compile(
    rf"^(?:(?P<qual>{_QUAL})\s+)?(?:(?P<chg>{_CHG})\s+)?"
    rf"(?:(?P<points>{NUMBER})\s+percentage\s+points?"
    rf"|(?P<pct>{NUMBER})\s*(?:%|per\s*cent|percent)"
    rf"|(?P<ratio_a>{NUMBER})\s+(?:(?:in|out\s+of)|[a-z]{{3,12}}\s+in)\s+(?:every\s+)?(?P<ratio_b>{NUMBER})"
    rf"|(?P<majority>the\s+(?:vast\s+|overwhelming\s+)?majority|most)"
    rf"|(?P<minority>a\s+(?:small\s+)?(?:minority|percentage|proportion))"
    rf"|(?P<frac>{FRACTION})"
    rf"|(?P<num>{NUMBER}))$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Figure:
    """One figure as written: its value, unit, qualifier and how it was expressed."""

    text: str
    value: Decimal
    unit: str  # percent | percentage-point | number
    qualifier: str | None
    expressed_as: str  # numeral | number-words | verbal-fraction
    start: int = 0
    end: int = 0
    #: a change ("from 19% to 12%"): its two ends, each a figure of its own; the change is their difference
    ends: tuple[Figure, Figure] | None = None

    @property
    def decimal_places(self) -> int:
        """Digits after the decimal point as written ("70.7%" -> 1, "Ninety-four" -> 0)."""
        found = re.search(r"\d\.(\d+)", self.text)
        return len(found.group(1)) if found else 0

    @property
    def verbal(self) -> bool:
        """True for fractions and ratios in words ("a third", "one in three")."""
        return self.expressed_as == "verbal-fraction"


class FigureError(ValueError):
    """A figure phrase that cannot be read."""


def number_value(token: str) -> Decimal:
    """The value of a numeral or a number in words ("41", "7.2", "Ninety-four")."""
    token = token.strip().lower()
    if re.fullmatch(NUMERAL, token):
        return Decimal(token)
    parts = re.split(r"[- ]", token)
    if all(p in WORD_VALUES for p in parts):
        return Decimal(sum(WORD_VALUES[p] for p in parts))
    raise FigureError(f"not a number: {token!r}")


def _percent_of(numerator: Decimal, denominator: Decimal) -> Decimal:
    value = (numerator * 100 / denominator).quantize(Decimal("0.1"))
    return value.to_integral_value() if value == value.to_integral_value() else value


def _fraction_value(text: str) -> Decimal:
    words = text.lower().replace("-", " ").split()
    if words == ["half"]:
        return Decimal(50)
    count = 1 if words[0] in ("a", "an") else WORD_VALUES[words[0]]
    return _percent_of(Decimal(count), Decimal(_DENOMINATORS[words[1]]))


def _expressed(text: str) -> str:
    return "numeral" if re.search(r"\d", text) else "number-words"


def parse_figure(text: str) -> Figure:
    """Read one figure phrase, e.g. ``"Over a third"`` -> 33.3 percent, qualifier ``over``."""
    match = _FIGURE.match(" ".join(text.split()))
    if not match:
        raise FigureError(f"cannot read {text!r} as a figure")
    qualifier = QUALIFIERS[match["qual"].lower()] if match["qual"] else None
    sign = _CHANGES[match["chg"].lower()] if match["chg"] else 1
    if match["points"]:
        return Figure(text, sign * number_value(match["points"]), "percentage-point", qualifier,
                      _expressed(match["points"]))
    if match["chg"]:
        raise FigureError(f"{text!r}: a change must be in percentage points")
    if match["pct"]:
        return Figure(text, number_value(match["pct"]), "percent", qualifier, _expressed(match["pct"]))
    if match["ratio_a"]:
        if number_value(match["ratio_a"]) > number_value(match["ratio_b"]):
            raise FigureError(f"{text!r}: not a ratio")
        value = _percent_of(number_value(match["ratio_a"]), number_value(match["ratio_b"]))
        return Figure(text, value, "percent", qualifier, "verbal-fraction")
    if match["majority"]:  # "the majority", "most": more than half, nothing more precise
        return Figure(text, Decimal(50), "percent", "more-than", "verbal-fraction")
    if match["minority"]:  # "a small percentage", "a minority": fewer than half, all the words commit to
        return Figure(text, Decimal(50), "percent", "less-than", "verbal-fraction")
    if match["frac"]:
        return Figure(text, _fraction_value(match["frac"]), "percent", qualifier, "verbal-fraction")
    return Figure(text, number_value(match["num"]), "number", qualifier, _expressed(match["num"]))


# --- finding figures in running text -----------------------------------------------------------

#: what a sample size counts: "a survey of 95 CCGs", "more than 90 GPs", "116 CCG leaders"
_COUNT_NOUNS = (r"(?:responses|respondents|CCG\s+leaders|CCGs|leaders|GPs|replies|members|managers|chairs|"
                r"practices|directors|doctors|clinicians|commissioners)")
_TOOK_PART = r"(?:responded|replied|answered|took\s+part|completed\s+the)"
_SCAN = re.compile(
    rf"\b(?:(?:{_QUAL})\s+)?(?:"
    rf"{_POINTS_PHRASE}"
    rf"|{_PERCENT_PHRASE}"
    rf"|{RATIO}\b(?!\d)"
    rf"|{FRACTION}\b"
    rf"|\bthe\s+(?:vast\s+|overwhelming\s+)?majority(?=\s+of\b|\s*\()"
    rf"|\d+\.\d+\b(?!\s*%)"
    rf"|{NUMBER}(?=(?:\s+[a-z]+)?\s+{_COUNT_NOUNS}\b)"
    rf"|{NUMBER}(?=\s+{_TOOK_PART}\b|\s+of\s+the\s+\d)"
    rf"|(?<=\battracted\s)(?:more\s+than\s+)?{NUMBER}\b"
    rf"|(?<=total\s){NUMBER}\b"
    rf")",
    re.IGNORECASE,
)
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
_DURATION = re.compile(r"^\s+(?:months?|years?|weeks?|days?)\b", re.IGNORECASE)
_TOKEN = re.compile(rf"\b(?:\d+(?:\.\d+)?|{NUMBER_WORDS}|{_DENOM})\b", re.IGNORECASE)


def find_figures(text: str) -> list[Figure]:
    """Survey figures in ``text`` with their offsets; dates, durations and phone numbers are left out."""
    found: list[Figure] = []
    for match in _SCAN.finditer(text):
        phrase = match.group(0)
        # bounded slices: copying the rest of a long text for each figure would make the scan quadratic
        if _DURATION.match(text[match.end():match.end() + 20]) or re.search(r"(?:^|\s)(?:19|20)\d\d$", phrase):
            continue  # "12 months", "2013", "one in 2013" are not survey figures
        if phrase.lower().endswith(("third", "thirds")) and re.search(r"\bthe\s+$", text[max(0, match.start() - 10):match.start()]):
            continue
        try:
            figure = parse_figure(phrase)
        except FigureError:
            continue
        found.append(Figure(phrase, figure.value, figure.unit, figure.qualifier, figure.expressed_as,
                            match.start(), match.end()))
    return found


_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO = re.compile(r"\s+to\s+$", re.IGNORECASE)


def find_changes(text: str, figures: list[Figure]) -> list[Figure]:
    """``figures`` with each "from A to B" pair of the same unit made one change figure with both ends.

    A change of percentages is in percentage points ("from 19% to 12%" is -7 points), one of other
    numbers in their unit ("from 6.5 to 7.2"). ``find_figures`` keeps the ends apart: the texts'
    hand-counted figures count each end, and the build never reads changes."""
    out: list[Figure] = []
    i = 0
    while i < len(figures):
        a = figures[i]
        b = figures[i + 1] if i + 1 < len(figures) else None
        before = text[max(0, a.start - 8):a.start]
        if (b is not None and a.unit == b.unit and a.unit in ("percent", "number") and a.ends is None
                and _FROM.search(before) and _TO.match(text[a.end:b.start])):
            start = a.start - len(_FROM.search(before).group(0))
            unit = "percentage-point" if a.unit == "percent" else a.unit
            out.append(Figure(text[start:b.end], b.value - a.value, unit, None,
                              "numeral" if a.expressed_as == b.expressed_as == "numeral" else "number-words",
                              start, b.end, (a, b)))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def number_tokens(text: str) -> list[tuple[int, int, str]]:
    """Every digit run, number word and fraction word in ``text``, as (start, end, token).

    The bare words "one" and "third" are left out: in running text they are pronouns and ordinals far
    more often than figures, and the figures they do make ("one in three", "a third") are phrases that
    ``find_figures`` reads whole.
    """
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)
            if m.group(0).lower() not in ("one", "third", "zero")]


def is_date_like(text: str, start: int, end: int) -> bool:
    """True for years, day-month-year dates, phone numbers and durations around [start, end)."""
    token = text[start:end]
    if re.fullmatch(r"(?:19|20)\d\d", token) or re.fullmatch(r"0\d{9,10}", token):
        return True
    before, after = text[max(0, start - 12):start], text[end:end + 12]
    return bool(re.match(rf"\s+(?:{_MONTHS})\b", after) or re.search(rf"(?:{_MONTHS})\s+$", before)
                or _DURATION.match(after))


def reachable(percent: Decimal, places: int, base: int) -> int | None:
    """The whole number of ``base`` respondents that gives ``percent`` at ``places`` decimal places, or None.

    Ties count as reachable, whichever way the source rounded (1 of 8 is 12.5%, "12%" or "13%")."""
    half = Decimal(1).scaleb(-places) / 2
    k = (percent * base / 100).to_integral_value(rounding=ROUND_HALF_UP)
    for count in (k - 1, k, k + 1):
        if count >= 0 and abs(Decimal(100) * count / base - percent) <= half:
            return int(count)
    return None


def smallest_base(percent: Decimal, places: int, limit: int = 10_000) -> tuple[int, int]:
    """The fewest respondents n, and the count k of them, for which 100 k / n gives ``percent`` at
    ``places`` decimal places (70.7% -> 41 respondents, 29 of them)."""
    for n in range(1, limit + 1):
        count = reachable(percent, places, n)
        if count is not None:
            return n, count
    raise ValueError(f"no base up to {limit} gives {percent}%")


# --- do the words fit the number? --------------------------------------------------------------

def judge_fit(stated: Figure, value: Decimal) -> str:
    """How the words of ``stated`` fit a finding's ``value`` (both in the same unit).

    ``exact``: the same number; ``rounded``: a numeral that rounds the value; ``approximate``: a fraction
    within 2.5 points with no qualifier; ``fits``: a qualifier that is true ("almost half" for 47%; the
    closeness qualifiers "almost", "nearly", "just over/under" only within 5 points); ``stretched``: the
    words go beyond the number but stay within 5 points of it (10 with no qualifier: "over a third" for
    32%, "half" for 46%, "nearly half" for 44%); ``contradicts``: further off than that.
    """
    nominal, diff = stated.value, value - stated.value
    if diff == 0 and stated.qualifier in (None, "only", "about"):
        return "exact"
    if stated.qualifier in _UPWARD | _DOWNWARD:
        right_side = diff > 0 if stated.qualifier in _UPWARD else diff < 0
        if right_side:
            close_enough = stated.qualifier not in _CLOSE or abs(diff) <= _CLOSE_POINTS
            return "fits" if close_enough else "stretched"
        return "stretched" if abs(diff) <= 5 else "contradicts"
    if not stated.verbal and abs(diff) < Decimal("0.5") and nominal == nominal.to_integral_value():
        return "rounded"
    if abs(diff) <= Decimal("2.5"):
        return "approximate"
    return "stretched" if abs(diff) <= 10 else "contradicts"
