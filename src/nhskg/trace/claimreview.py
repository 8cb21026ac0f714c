"""Traced figures as schema.org ``ClaimReview`` JSON-LD, the form fact-check tools and ClaimsKG ingest.

One review per traced figure: the sentence holding the figure is ``claimReviewed``; the ``Claim`` appears
in the article (``--url``, ``--date``); the verdict is the ``Rating``'s ``alternateName`` with a number on
a stated 1–5 scale (``RATING``); the findings of the graph the figure was traced to are ``isBasedOn``, and
the source documents' exact words (with their character offsets) are ``citation``.

Nothing here reads a clock: the output depends only on the input, so the same article always gives the
same reviews. The context is given inline, so no consumer (and no test) has to fetch schema.org.
"""

from __future__ import annotations

import bisect
import re
from datetime import date as Date

from ..errors import UserError
from ..iris import BASE
from .index import FindingInfo
from .matcher import TracedFigure

#: The verdict as a number on a 1 (false) to 5 (true) scale, as ClaimReview readers expect one.
#: ``derived`` is true but never stated by the source (a complement), so one below what the source says;
#: ``stretched`` is the words going beyond the number; ``no-match`` has no number: nothing was judged.
RATING = {"exact": 5, "rounded": 5, "approximate": 4, "fits": 4, "derived": 4, "stretched": 3, "contradicts": 1}
BEST_RATING, WORST_RATING = 5, 1
EXPLANATION = {
    "exact": "the source states this number", "rounded": "the source's number, rounded",
    "approximate": "within 2.5 points of the source's number", "fits": "the qualifier is true of the source's number",
    "derived": "follows from the source's number by arithmetic; the source never states it",
    "stretched": "the words go beyond the source's number", "contradicts": "the source, the same survey, says otherwise",
    "no-match": "no finding in the graph says this",
}

SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"
#: The inline context: every term used, mapped to its schema.org IRI (offsets: Web Annotation's start/end).
CONTEXT = {
    "@vocab": SCHEMA,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "url": {"@id": SCHEMA + "url", "@type": "@id"},
    "datePublished": {"@id": SCHEMA + "datePublished", "@type": "xsd:date"},
    "startOffset": {"@id": OA + "start", "@type": "xsd:nonNegativeInteger"},
    "endOffset": {"@id": OA + "end", "@type": "xsd:nonNegativeInteger"},
}
AUTHOR = {"@type": "Organization", "name": "nhskg, the NHS commissioning knowledge graph", "url": BASE}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_date(value: str | None) -> str | None:
    """``value`` if it is a calendar date written YYYY-MM-DD, else a one-line :class:`UserError`."""
    if value is None:
        return None
    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        Date.fromisoformat(value)
    except ValueError:
        raise UserError(f"--date {value!r}: give the article's date as YYYY-MM-DD, e.g. 2012-03-06") from None
    return value


def check_url(value: str | None) -> str | None:
    """``value`` if it is an http(s) address, else a one-line :class:`UserError`."""
    if value is not None and not re.fullmatch(r"https?://\S+", value):
        raise UserError(f"--url {value!r}: give the article's address, starting http:// or https://")
    return value


class _Sentences:
    """Sentence bounds of one text, found once (a 1 MB article must not be rescanned per figure)."""

    def __init__(self, text: str):
        self.text = text
        self.ends = [m.end() for m in re.finditer(r"[.!?](?=\s|$)|\n", text)]

    def around(self, start: int, end: int) -> str:
        at = bisect.bisect_right(self.ends, start) - 1
        left = self.ends[at] if at >= 0 else 0
        after = bisect.bisect_left(self.ends, end)
        right = self.ends[after] if after < len(self.ends) else len(self.text)
        return " ".join(self.text[left:right].split())


def _rating(traced: TracedFigure) -> dict:
    rating = {"@type": "Rating", "alternateName": traced.verdict, "bestRating": BEST_RATING,
              "worstRating": WORST_RATING}
    if traced.verdict in RATING:
        rating["ratingValue"] = RATING[traced.verdict]
    explanation = [EXPLANATION.get(traced.verdict, traced.verdict)]
    for part in [traced] if traced.matches else [e for e in traced.ends if e.matches]:
        best = part.matches[0]
        explanation.append(f"“{part.figure.text}” ({part.verdict}) against {best.finding.value} {best.finding.unit}")
        if best.arithmetic:
            explanation.append(best.arithmetic)
        explanation += best.reasons + best.notes
    rating["ratingExplanation"] = "; ".join(explanation)
    return rating


def _finding(info: FindingInfo) -> dict:
    # the finding is left untyped: schema.org has no class for one survey result
    return {"@id": info.iri, "name": info.option or info.question,
            "isPartOf": {"@id": info.survey, "@type": "Dataset", "name": info.survey_label}}


def _citations(info: FindingInfo, index: dict[str, FindingInfo]) -> list[dict]:
    """The exact words of every source passage of the finding (and of findings judged the same)."""
    quotes, seen = [], set()
    for f in [info, *(index[s] for s in sorted(info.same_as) if s in index)]:
        for e in f.evidence:
            if (e.document, e.start, e.end) in seen:
                continue
            seen.add((e.document, e.start, e.end))
            document = {"@id": e.document, "@type": "CreativeWork", "name": e.title}
            if e.publisher:
                document["publisher"] = {"@type": "Organization", "name": e.publisher}
            if e.url:
                document["url"] = e.url
            if e.date:
                document["dateCreated"] = e.date  # may be a month ("2012-05"), so not typed as a date
            quotes.append({"@type": "Quotation", "text": e.exact, "isPartOf": document,
                           "startOffset": e.start, "endOffset": e.end})
    return quotes


def claimreviews(text: str, traced: list[TracedFigure], index: dict[str, FindingInfo],
                 url: str | None = None, date: str | None = None) -> list[dict]:
    """One ClaimReview per traced figure, each a JSON-LD document with the inline ``@context``.

    ``url`` and ``date`` are the article's address and publication date (YYYY-MM-DD); bad ones raise
    :class:`UserError`. The date goes on the claim and its appearance; the review itself has no
    ``datePublished``, since none was given and today's date would make the output vary."""
    url, date = check_url(url), check_date(date)
    sentences = _Sentences(text)
    reviews = []
    for t in traced:
        claim: dict = {"@type": "Claim", "text": t.figure.text}
        if url or date:
            appearance: dict = {"@type": "CreativeWork"}
            if url:
                appearance["url"] = url
            if date:
                appearance["datePublished"] = date
                claim["datePublished"] = date
            claim["appearance"] = appearance
        review = {"@context": CONTEXT, "@type": "ClaimReview",
                  "claimReviewed": sentences.around(t.figure.start, t.figure.end),
                  "itemReviewed": claim, "reviewRating": _rating(t), "author": AUTHOR}
        # a change rests on its own finding when the graph states it, else on the findings of its ends
        sources = [t.matches[0].finding] if t.matches else [e.matches[0].finding for e in t.ends if e.matches]
        if sources:
            review["isBasedOn"] = [_finding(f) for f in sources]
            review["citation"] = [quote for f in sources for quote in _citations(f, index)]
        reviews.append(review)
    return reviews
