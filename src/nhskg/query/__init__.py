"""The use side's query layer: ``dist/nhskg.trig`` in, SPARQL results out.

In: the built TriG, as ``store.open_store`` opens it (``dist/store/`` read-only when current, else the
TriG in memory), and the catalogue of ``queries/`` (``nhskg.catalogue``). Out:
solutions rendered as a table or in the W3C results formats (``results``). Never builds: the command
layer hands it a current file.
"""
