"""``nhskg site OUT/``: the server's pages and RDF documents as a static site, with the redirect rules.

Every thing under ``/id/`` gets ``doc/{ref}.html``, ``.ttl``, ``.jsonld`` and ``.nt``; the home, browse and
ontology pages, the dumps, VoID and the scripts and styles come along. Links point at the ``.html``
files under the path of ``--base-url`` (``https://user.github.io/nhskg`` → ``/nhskg/…``), so any plain static
file server shows a site whose links all work, at a host's root or in a folder of it. Two Apache rule files make the
IRIs dereference as they do under ``nhskg serve``:

- ``.htaccess`` (for the static host): ``/id/…`` answers 303 to ``/doc/…``, and ``/doc/…`` chooses
  the file by the Accept header;
- ``w3id.htaccess`` (for the ``nhskg/`` folder of the w3id.org repository): ``https://w3id.org/nhskg/id/…``
  answers 303 to the static host's ``/doc/…`` file in the format asked for.

The site is written to a temporary folder beside OUT and moved into place, so OUT is never half-written.
"""

from __future__ import annotations

import shutil
import tempfile
import urllib.parse
from pathlib import Path

import pyoxigraph as ox

from .. import paths
from ..errors import UserError
from ..iris import BASE, PREFIXES
from . import pages, resources

MARKER = ".nhskg-site"
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".jsonld": ox.RdfFormat.JSON_LD, ".nt": ox.RdfFormat.N_TRIPLES}
NEGOTIATION = (("text/turtle", "ttl"), ("application/ld\\+json", "jsonld"), ("application/n-triples", "nt"))


def things(store: ox.Store) -> list[str]:
    """Every IRI under ``/id/`` the graph names (hash IRIs belong to the document of their base IRI)."""
    found = set()
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        for term in (quad.subject, quad.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(BASE + "id/"):
                found.add(term.value.split("#", 1)[0])
    return sorted(found)


def site_root(base_url: str) -> str:
    """The path the site is published under (``https://user.github.io/nhskg/`` → ``/nhskg``; a host's root → "")."""
    return urllib.parse.urlparse(base_url).path.rstrip("/")


def htaccess_static(root: str = "") -> str:
    """The rules for the static host, the site published at ``root`` (the ``.htaccess`` sits in that folder: its
    patterns are relative to it, its targets are not)."""
    rules = ["# nhskg static site: /id/ redirects to /doc/, and /doc/ chooses the file by Accept.",
             "RewriteEngine On", f"RewriteRule ^id/(.+)$ {root}/doc/$1 [R=303,L]"]
    for media, suffix in NEGOTIATION:
        rules += [f"RewriteCond %{{HTTP_ACCEPT}} {media}", "RewriteCond %{REQUEST_FILENAME} !-f",
                  f"RewriteRule ^doc/(.+)$ {root}/doc/$1.{suffix} [L]"]
    for media, suffix in NEGOTIATION:  # the ontology at /def/ in the format asked for
        rules += [f"RewriteCond %{{HTTP_ACCEPT}} {media}", f"RewriteRule ^def/?$ {root}/def/nhskg.{suffix} [L]"]
    rules += ["RewriteCond %{REQUEST_FILENAME} !-f", f"RewriteRule ^doc/(.+)$ {root}/doc/$1.html [L]",
              "AddType text/turtle .ttl", "AddType application/ld+json .jsonld", "AddType application/n-triples .nt",
              "AddType application/trig .trig", "AddType application/n-quads .nq", ""]
    return "\n".join(rules)


def htaccess_w3id(base_url: str) -> str:
    base_url = base_url.rstrip("/")
    rules = ["# For https://w3id.org/nhskg/ (the w3id.org repository's nhskg/.htaccess): IRIs to documents.",
             "RewriteEngine On"]
    for media, suffix in NEGOTIATION:
        rules += [f"RewriteCond %{{HTTP_ACCEPT}} {media}", f"RewriteRule ^id/(.+)$ {base_url}/doc/$1.{suffix} [R=303,L]"]
    rules += [f"RewriteRule ^id/(.+)$ {base_url}/doc/$1.html [R=303,L]",
              f"RewriteRule ^(texts|dumps)/(.+)$ {base_url}/$1/$2 [R=302,L]",
              *(rule for media, suffix in NEGOTIATION for rule in (
                  f"RewriteCond %{{HTTP_ACCEPT}} {media}", f"RewriteRule ^def/?.*$ {base_url}/def/nhskg.{suffix} [R=303,L]")),
              f"RewriteRule ^def/?(.*)$ {base_url}/def/index.html#$1 [R=303,NE,L]", ""]
    return "\n".join(rules)


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def write_site(store: ox.Store, dist_dir: Path, out: Path, base_url: str = "https://nhskg.example.org") -> int:
    """Write the static site into ``out`` (replacing a site written there before); returns the file count."""
    out = out.resolve()
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise UserError(f"{out}: exists and is not a site written by `nhskg site` — give an empty or new folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        count = _fill(store, dist_dir, staging, base_url)
        staging.chmod(0o755)
        if out.exists():
            for entry in out.iterdir():  # what the site does not write (.git, CNAME …) is carried over
                if not (staging / entry.name).exists():
                    shutil.move(str(entry), staging / entry.name)
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
            out.rename(old / "site")
            try:
                staging.rename(out)
            except BaseException:
                (old / "site").rename(out)  # put the previous site back before giving up
                raise
            shutil.rmtree(old)
        else:
            staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count


def _fill(store: ox.Store, dist_dir: Path, root: Path, base_url: str) -> int:
    published_at = site_root(base_url)
    renderer = pages.Renderer(store, dist_dir, static=True, root=published_at)
    files = {"index.html": renderer.home(), "def/index.html": renderer.ontology(),
             ".htaccess": htaccess_static(published_at), "w3id.htaccess": htaccess_w3id(base_url), MARKER: "written by nhskg site\n"}
    files.update({f"{name}.html": renderer.browse(name) for name in pages.BROWSE})
    for iri in things(store):
        ref = iri[len(BASE + "id/"):]
        files[f"doc/{ref}.html"] = renderer.resource(iri)
        triples = resources.description(store, iri)
        for suffix, fmt in FORMATS.items():
            files[f"doc/{ref}{suffix}"] = ox.serialize(triples, format=fmt,
                                                      prefixes=PREFIXES if suffix == ".ttl" else None)
    for relative, data in files.items():
        _write(root / relative, data)
    shutil.copytree(pages.STATIC_DIR, root / "static")
    copied = 0
    for name in pages.DUMPS:
        if (dist_dir / name).is_file():
            _write(root / "dumps" / name, (dist_dir / name).read_bytes())
            copied += 1
    for text in sorted((dist_dir / "texts").glob("*.txt")):  # the plain-text sources the annotations point at
        _write(root / "texts" / text.name, text.read_bytes())
        copied += 1
    if (dist_dir / "void.ttl").is_file():
        _write(root / "void.ttl", (dist_dir / "void.ttl").read_bytes())
        _write(root / ".well-known" / "void", (dist_dir / "void.ttl").read_bytes())
    _write(root / "def" / "nhskg.ttl", paths.ONTOLOGY.read_bytes())
    for suffix in (".jsonld", ".nt"):
        _write(root / "def" / f"nhskg{suffix}", ox.serialize(
            ox.parse(path=str(paths.ONTOLOGY), format=ox.RdfFormat.TURTLE), format=FORMATS[suffix]))
    return len(files) + copied + len(list((root / "static").iterdir()))
