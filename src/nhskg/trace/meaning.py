"""What a figure's clause claims, beyond its words: polarity (satisfied / dissatisfied, involved / not
involved, good / poor) and direction (rose / fell).

Each polar word is read with the negations before it in its clause ("have not been fully involved",
"lacked confidence", "less than happy") and with the sign its own form carries ("dissatisfied",
"insufficient", "poor"). Two texts are *reversed* when they share a polar notion with opposite signs,
and none with the same sign; a reversed figure is then the complement of the finding, never the same.
"""

from __future__ import annotations

import re

#: polar notions: stem -> (notion, sign). Prefixed and antonym forms carry the opposite sign.
_POLAR = {
    "satisf": ("satisfied", 1), "happy": ("satisfied", 1), "content": ("satisfied", 1),
    "dissatisf": ("satisfied", -1), "unhappy": ("satisfied", -1), "discontent": ("satisfied", -1),
    "involv": ("involved", 1), "uninvolv": ("involved", -1),
    "confid": ("confident", 1), "unconfid": ("confident", -1), "convinc": ("confident", 1), "unconvinc": ("confident", -1),
    "doubt": ("confident", -1),
    "good": ("good", 1), "positive": ("good", 1), "excellent": ("good", 1), "poor": ("good", -1), "bad": ("good", -1),
    "negative": ("good", -1),
    "sufficient": ("sufficient", 1), "enough": ("sufficient", 1), "adequate": ("sufficient", 1),
    "insufficient": ("sufficient", -1), "inadequate": ("sufficient", -1),
    "able": ("able", 1), "unable": ("able", -1),
    "aware": ("aware", 1), "unaware": ("aware", -1),
    "agree": ("agree", 1), "disagree": ("agree", -1),
    "engag": ("engaged", 1), "disengag": ("engaged", -1),
    "restrict": ("restricted", 1), "constrict": ("restricted", 1), "unrestrict": ("restricted", -1),
    "free": ("restricted", -1),
    "rose": ("up", 1), "rise": ("up", 1), "risen": ("up", 1), "increas": ("up", 1), "climb": ("up", 1),
    "grew": ("up", 1), "higher": ("up", 1), "improv": ("up", 1),
    "fell": ("up", -1), "fall": ("up", -1), "fallen": ("up", -1), "drop": ("up", -1), "decreas": ("up", -1),
    "declin": ("up", -1), "lower": ("up", -1), "worsen": ("up", -1),
}
_STEMS = sorted(_POLAR, key=len, reverse=True)
#: words that negate what follows them within a few words of the same clause
_NEGATORS = re.compile(r"^(?:not|no|never|nor|cannot|can't|won't|don't|didn't|doesn't|isn't|aren't|wasn't|weren't|"
                       r"hasn't|haven't|hadn't|lack|lacks|lacked|lacking|fail|fails|failed|failing|without|neither)$")
_SCOPE = 5  # words a negation reaches: "have not been fully involved", "did not describe themselves as very engaged"
#: a negated verb of saying or judging negates its whole complement: "did not describe their area team's
#: interactions with them as good" (however many words the complement takes)
_REPORTING = re.compile(r"^(?:describ|consider|think|thought|believ|regard|rat(?:e|ed|ing)$|call|report|say|said|"
                        r"view|see|saw|class|count|judg)", re.I)
_BREAKS = re.compile(r"^(?:but|while|whereas|although|though|and|or)$")


def _polar(word: str) -> tuple[str, int] | None:
    for stem in _STEMS:
        if word.startswith(stem):
            # "goods", "ables" are fine; "ablest" too: the stems are chosen to be specific enough
            return _POLAR[stem]
    return None


def polarity(text: str) -> dict[str, int]:
    """Each polar notion of ``text`` with its sign after negation (+1 or -1); a notion said both ways is 0."""
    out: dict[str, int] = {}
    negated_until = -1
    flips = 0
    whole_complement = False  # a negated verb of saying: "or" inside its complement does not end it
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*|[.,;:!?()]", text)
    for i, raw in enumerate(words):
        word = raw.lower().replace("’", "'")
        if word in ".,;:!?()" or (_BREAKS.match(word) and not whole_complement):
            negated_until, flips, whole_complement = -1, 0, False
            continue
        if word in ("less", "fewer") and i + 1 < len(words) and words[i + 1].lower() == "than":
            # "less than happy" negates an adjective; "less than a quarter" is a qualifier, not a negation
            if i + 2 < len(words) and _polar(words[i + 2].lower()):
                negated_until, flips = i + 2, flips + 1
            continue
        if _NEGATORS.match(word):
            negated_until, flips = i + _SCOPE, flips + 1  # "lacked confidence" too
            if any(_REPORTING.match(w.lower()) for w in words[i + 1:i + 3]):
                negated_until, whole_complement = len(words), True  # to the end of the clause
            continue
        found = _polar(word)
        if found is None:
            continue
        notion, sign = found
        if i <= negated_until and flips % 2:
            sign = -sign
        out[notion] = 0 if out.get(notion, sign) != sign else sign
    return {n: s for n, s in out.items() if s}


def is_polar(word: str) -> bool:
    """True for a word that only says which way a claim points ("not", "confident", "fell"), not what about."""
    word = word.lower().replace("’", "'")
    return bool(_NEGATORS.match(word)) or _polar(word) is not None


def reversed_meaning(claim: dict[str, int], finding: dict[str, int]) -> bool:
    """True when the two share a notion with opposite signs and none with the same sign."""
    shared = set(claim) & set(finding)
    return bool(shared) and all(claim[n] != finding[n] for n in shared)


def same_meaning(claim: dict[str, int], finding: dict[str, int]) -> bool:
    """True when the two share a notion and agree on every one they share."""
    shared = set(claim) & set(finding)
    return bool(shared) and all(claim[n] == finding[n] for n in shared)
