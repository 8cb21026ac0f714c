"""The web: the built graph in; a SPARQL endpoint, dereferenceable IRIs, pages and a static site out.

In: ``dist/`` (the TriG loaded into an Oxigraph store, the dumps and VoID served as files). ``app`` owns
all of HTTP (routes, content negotiation, the SPARQL 1.1 Protocol, redirects, errors) and calls the same
guarded query path as the command line (``query.guard``) and the same trace as ``nhskg trace``;
``resources`` reads what a page says about one IRI, ``pages`` renders it (Jinja2, autoescaped),
``service`` writes the SPARQL Service Description, ``site`` writes the same pages and RDF files as a
static site with the redirect rules a static host needs. ``nhskg serve`` and ``nhskg site`` are in
``commands``.
"""
