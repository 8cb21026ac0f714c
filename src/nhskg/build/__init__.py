"""The build side: curated inputs and registers in, one in-memory RDF dataset of named graphs out.

In: ``graph/sources/`` (verbatim texts), ``graph/reference/`` (registers), ``graph/curation/`` (the
curators' YAML), ``ontology/nhskg.ttl``. Out: ``dataset.build_dataset()``, an rdflib ``Dataset``. Bad
input stops here with a ``UserError`` naming the file, line and field.

``curation``/``sources``/``registers`` read the files; ``context`` gathers them; ``anchor`` finds the
exact words; ``evidence``, ``people``, ``claims`` and ``shared`` emit the triples; ``formatting`` (and
``nhskg fmt`` in ``commands``) keeps the curated files canonical.
"""
