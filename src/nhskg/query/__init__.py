"""The use side's query layer: ``dist/nhskg.trig`` in, SPARQL results out.

In: the built TriG (``store.load_store``) and the catalogue of ``queries/`` (``nhskg.catalogue``). Out:
solutions rendered as a table or in the W3C results formats (``results``). Never builds: the command
layer hands it a current file.
"""
