"""Validation: a dataset (or any RDF) in, reports and check results out.

In: a graph from ``build`` or RDF files, and ``shapes/``. Out: ``shapes.validate_graph`` (SHACL: core
constraints compiled to SPARQL by ``shacl_core``, or pyshacl; SHACL-SPARQL by ``shacl_sparql``; on
Oxigraph, shape by shape, in one process or two: ``workers``), ``checks.run_checks`` (graph-wide consistency results) and ``checks.with_check_results`` (the
dataset with those results as a named graph). ``nhskg validate`` and ``nhskg check`` (``commands``) always
read the curated inputs, never ``dist/``.
"""
