"""Networks: an Oxigraph store of the built graph in; networkx graphs, analyses, exports and pictures out.

``graphs`` reads the structure, provenance and co-mention graphs by SPARQL and exports them (GraphML,
GEXF, node-link JSON); ``report`` ranks and traces on them; ``plots`` draws them (matplotlib, loaded
only for ``nhskg network plot``).
"""
