"""`nhskg site`: the static copy is served by a plain static file server, and every link in it works."""

from __future__ import annotations

import http.server
import threading
import urllib.error
import urllib.request
from functools import partial
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import pytest

from nhskg.errors import UserError
from nhskg.web.site import MARKER, things, write_site

BASE_URL = "https://static.example.org"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


@pytest.fixture(scope="module")
def site(built, tmp_path_factory):
    store, dist = built
    out = tmp_path_factory.mktemp("site") / "out"
    count = write_site(store, dist, out, BASE_URL)
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield out, f"http://127.0.0.1:{server.server_address[1]}", count
    server.shutdown()


def test_every_thing_has_a_page_and_three_rdf_files(site, built):
    out, _, count = site
    names = things(built[0])
    assert len(names) > 1000 and count > 4 * len(names)
    for iri in names[:: max(1, len(names) // 50)]:
        ref = iri.split("/id/", 1)[1]
        for suffix in (".html", ".ttl", ".jsonld", ".nt"):
            assert (out / "doc" / f"{ref}{suffix}").is_file(), f"{ref}{suffix}"


@pytest.fixture(scope="module")
def folder_site(built, tmp_path_factory):
    """The site published in a folder of its host (a GitHub Pages project site): written for
    https://user.github.io/nhskg and served with the host's root one level up."""
    store, dist = built
    host = tmp_path_factory.mktemp("host")
    write_site(store, dist, host / "nhskg", "https://user.github.io/nhskg/")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(host))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield host / "nhskg", f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _follow(base: str, start: str) -> tuple[set[str], list[str], int]:
    """Every same-host link, script, stylesheet and image reachable from ``start``: the paths seen, those
    that failed, and the pages read."""
    seen, queue, broken, pages = set(), [start], [], 0
    while queue and pages < 4000:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        try:
            with urllib.request.urlopen(base + path, timeout=10) as response:
                body = response.read()
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            broken.append(f"{path}: {exc.code}")
            continue
        if kind != "text/html":
            continue
        pages += 1
        parser = Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.found:
            target = urlparse(urljoin(base + path, link))
            if target.netloc == urlparse(base).netloc and target.path not in seen:
                queue.append(target.path)
    return seen, broken, pages


def test_following_every_link_from_the_home_page(site):
    _, base, _ = site
    _, broken, pages = _follow(base, "/index.html")
    assert not broken, broken[:10]
    assert pages > 1000, f"only {pages} pages reached from the home page"


def test_a_site_published_in_a_folder_links_within_it(folder_site):
    """Written for https://user.github.io/nhskg/, every link, stylesheet and script stays under /nhskg/ and
    works there (they all pointed at the host's root before)."""
    _, base = folder_site
    seen, broken, pages = _follow(base, "/nhskg/index.html")
    assert not broken, broken[:10]
    assert pages > 1000, f"only {pages} pages reached from the home page"
    assert all(path.startswith("/nhskg/") for path in seen), sorted(p for p in seen if not p.startswith("/nhskg/"))[:5]
    assert "/nhskg/static/style.css" in seen and any(p.endswith(".ttl") for p in seen)


def test_the_redirect_rules_of_a_site_in_a_folder_point_into_it(folder_site):
    out, _ = folder_site
    rules = (out / ".htaccess").read_text()
    assert "RewriteRule ^id/(.+)$ /nhskg/doc/$1 [R=303,L]" in rules
    assert "RewriteRule ^doc/(.+)$ /nhskg/doc/$1.ttl [L]" in rules
    assert "RewriteRule ^def/?$ /nhskg/def/nhskg.ttl [L]" in rules
    assert not [line for line in rules.splitlines() if line.startswith("RewriteRule") and " /nhskg/" not in line]
    assert "https://user.github.io/nhskg/doc/$1.html" in (out / "w3id.htaccess").read_text()


def test_the_redirect_rules(site):
    out, _, _ = site
    static = (out / ".htaccess").read_text(encoding="utf-8")
    assert "RewriteRule ^id/(.+)$ /doc/$1 [R=303,L]" in static and "text/turtle" in static
    w3id = (out / "w3id.htaccess").read_text(encoding="utf-8")
    lines = w3id.splitlines()
    assert f"RewriteRule ^id/(.+)$ {BASE_URL}/doc/$1.ttl [R=303,L]" in lines
    assert lines[lines.index(f"RewriteRule ^id/(.+)$ {BASE_URL}/doc/$1.ttl [R=303,L]") - 1] == \
        "RewriteCond %{HTTP_ACCEPT} text/turtle"
    assert f"RewriteRule ^id/(.+)$ {BASE_URL}/doc/$1.html [R=303,L]" in lines
    assert f"RewriteRule ^def/?(.*)$ {BASE_URL}/def/index.html#$1 [R=303,NE,L]" in lines  # the term kept
    assert f"RewriteRule ^(texts|dumps)/(.+)$ {BASE_URL}/$1/$2 [R=302,L]" in lines
    assert sorted(p.name for p in (out / "texts").iterdir()) == [f"00{i}.txt" for i in range(5)]
    for media, suffix in (("application/ld\\+json", "jsonld"), ("application/n-triples", "nt")):  # a regex
        rule = f"RewriteRule ^def/?.*$ {BASE_URL}/def/nhskg.{suffix} [R=303,L]"
        assert lines[lines.index(rule) - 1] == f"RewriteCond %{{HTTP_ACCEPT}} {media}"
        assert (out / "def" / f"nhskg.{suffix}").stat().st_size > 10_000


def test_a_folder_that_is_not_a_site_is_refused_and_a_site_is_replaced_whole(built, tmp_path):
    store, dist = built
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine")
    with pytest.raises(UserError, match="not a site written by `nhskg site`"):
        write_site(store, dist, foreign)
    assert (foreign / "keep.txt").read_text() == "mine"
    out = tmp_path / "site"
    write_site(store, dist, out)
    (out / "doc" / "stale.html").write_text("old")
    (out / "CNAME").write_text("nhskg.example.org")  # the publisher's own file, which the site does not write
    write_site(store, dist, out)
    assert (out / MARKER).exists() and not (out / "doc" / "stale.html").exists()
    assert (out / "CNAME").read_text() == "nhskg.example.org"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
