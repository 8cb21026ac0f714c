"""``nhskg trace --format claimreview``: schema.org ClaimReview JSON-LD, checked by expanding it with pyld
(the context is inline; a document loader that refuses every fetch proves nothing is read from the network)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from nhskg import paths
from nhskg.errors import UserError
from nhskg.trace.claimreview import RATING, claimreviews
from nhskg.trace.index import load_index
from nhskg.trace.matcher import Tracer

S = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"
ARTICLE = ("Only 16% had been given sufficient information about the choices of commissioning support. "
           "Unemployment fell to 7.2 per cent this quarter.")


@pytest.fixture(scope="module")
def tracer(dataset):
    from nhskg.query.store import store_from_trig
    from nhskg.release.dumps import canonical_trig

    return Tracer(load_index(store_from_trig(canonical_trig(dataset).encode())))


def _no_network(url, options=None):
    raise AssertionError(f"pyld tried to fetch {url}")


def expand(document) -> list[dict]:
    from pyld import jsonld

    return jsonld.expand(document, {"documentLoader": _no_network})


def one(node: dict, term: str):
    """The single value of ``term`` (a schema.org name, or a full IRI) in an expanded node."""
    [found] = node[term if term.startswith("http") else S + term]
    return found


def value(node: dict, term: str):
    found = one(node, term)
    return found.get("@value", found.get("@id"))


def test_claimreview_expands_to_the_schema_org_terms(tracer):
    reviews = claimreviews(ARTICLE, tracer.trace(ARTICLE), tracer.index, url="https://example.org/news/1",
                           date="2012-03-07")
    assert len(reviews) == 2  # one per traced figure
    [derived] = expand(reviews[0])
    assert derived["@type"] == [S + "ClaimReview"]
    assert value(derived, "claimReviewed") == ARTICLE.split(" Unemployment")[0]
    claim = one(derived, "itemReviewed")
    assert claim["@type"] == [S + "Claim"]
    appearance = one(claim, "appearance")
    assert appearance["@type"] == [S + "CreativeWork"] and value(appearance, "url") == "https://example.org/news/1"
    assert one(appearance, "datePublished") == {"@value": "2012-03-07", "@type": "http://www.w3.org/2001/XMLSchema#date"}
    rating = one(derived, "reviewRating")
    assert rating["@type"] == [S + "Rating"] and value(rating, "alternateName") == "derived"
    assert (value(rating, "ratingValue"), value(rating, "bestRating"), value(rating, "worstRating")) == (4, 5, 1)
    assert "100 − 84.2 = 15.8" in value(rating, "ratingExplanation")
    author = one(derived, "author")
    assert author["@type"] == [S + "Organization"] and "nhskg" in value(author, "name")
    assert S + "datePublished" not in derived  # never today's date: the review has none unless given
    finding = one(derived, "isBasedOn")
    assert finding["@id"].endswith("coalition-support-survey-2012/insufficient-information")
    assert value(one(finding, "isPartOf"), "name")
    quote = derived[S + "citation"][0]
    assert quote["@type"] == [S + "Quotation"]
    document = one(quote, "isPartOf")
    assert document["@id"] == "https://w3id.org/nhskg/id/document/003"
    assert value(one(document, "publisher"), "name") == "NHS Clinical Commissioning Coalition"
    assert value(document, "url").startswith("http://primarycarereports.co.uk/")
    assert value(document, "dateCreated") == "2012-03-06" and value(document, "name")
    start, end = int(value(quote, OA + "start")), int(value(quote, OA + "end"))
    text = next(paths.SOURCES_DIR.glob("003_*.txt")).read_text(encoding="utf-8")
    assert text[start:end] == value(quote, "text") and "84.2%" in value(quote, "text")
    [unrelated] = expand(reviews[1])
    rating = one(unrelated, "reviewRating")
    assert value(rating, "alternateName") == "no-match" and S + "ratingValue" not in rating
    assert S + "citation" not in unrelated and S + "isBasedOn" not in unrelated


def test_claimreview_without_url_or_date_has_no_appearance_and_is_deterministic(tracer):
    traced = tracer.trace(ARTICLE)
    first = claimreviews(ARTICLE, traced, tracer.index)
    assert json.dumps(first) == json.dumps(claimreviews(ARTICLE, traced, tracer.index))
    [review] = expand(first[0])
    assert S + "appearance" not in one(review, "itemReviewed")


def test_every_verdict_has_a_rating_on_the_stated_scale():
    from nhskg.trace.matcher import NUMERIC_SCORE

    assert set(RATING) == set(NUMERIC_SCORE) and all(1 <= v <= 5 for v in RATING.values())
    assert RATING["exact"] == 5 and RATING["contradicts"] == 1


@pytest.mark.parametrize("date", ["2012-13-01", "7 March 2012", "2012-3-7", ""])
def test_a_bad_date_is_a_user_error(tracer, date):
    with pytest.raises(UserError, match="YYYY-MM-DD"):
        claimreviews(ARTICLE, [], tracer.index, date=date)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "nhskg", "trace", *args], capture_output=True, text=True,
                          cwd=paths.ROOT)


def test_cli_claimreview_and_its_one_line_errors(built):
    out = _cli("--format", "claimreview", "--url", "https://example.org/a", "--date", "2012-03-07", ARTICLE)
    assert out.returncode == 0, out.stderr
    reviews = json.loads(out.stdout)
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["derived", "no-match"]
    bad = _cli("--format", "claimreview", "--date", "March 2012", ARTICLE)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    bad = _cli("--format", "claimreview", "--url", "example.org", ARTICLE)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def built():
    subprocess.run([sys.executable, "-m", "nhskg", "build"], check=True, capture_output=True, cwd=paths.ROOT)


def test_pyld_is_not_imported_by_a_trace():
    out = subprocess.run([sys.executable, "-c", "import sys, nhskg.trace.commands, nhskg.trace.claimreview; "
                          "print('pyld' in sys.modules)"], capture_output=True, text=True, cwd=paths.ROOT)
    assert out.stdout.strip() == "False", out.stderr
