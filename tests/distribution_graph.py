"""A graph of one single-answer question whose options are given percentages: the fixture both the
distribution check (``validation.checks``) and its SHACL shape are tested on."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, RDFS, XSD

NHSKG = Namespace("https://w3id.org/nhskg/def/")
ID = Namespace("https://w3id.org/nhskg/id/")


def distribution_graph(values: list[str], exhaustive: bool = True, label: str | None = None) -> Graph:
    """One question (``label``, exhaustive or not), and one percentage finding of it per value."""
    data, question = Graph(), ID["question/case/q"]
    data.add((question, RDF.type, NHSKG.Question))
    if label is not None:
        data.add((question, RDFS.label, Literal(label)))
    data.add((question, NHSKG.exhaustive, Literal(exhaustive)))
    data.add((question, NHSKG.multipleResponse, Literal(False)))
    for i, value in enumerate(values):
        finding = ID[f"finding/case/{i}"]
        data.add((finding, NHSKG.question, question))
        data.add((finding, NHSKG.value, Literal(Decimal(value), datatype=XSD.decimal)))
        data.add((finding, NHSKG.unit, ID["unit/percent"]))
        data.add((finding, NHSKG.measure, ID["measure/answer"]))
    return data
