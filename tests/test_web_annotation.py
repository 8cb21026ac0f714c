"""Web Annotation as its authors meant it: the annotator as dcterms:creator, dcterms:created the curation
date (never the build's), and oa:hasSource the plain-text rendition a client can fetch
(https://w3id.org/nhskg/texts/NNN.txt, shipped as dist/texts/NNN.txt) with its SHA-256, so the offsets
can be re-checked on the bytes served."""

from __future__ import annotations

import hashlib

from rdflib import Literal
from rdflib.namespace import DCTERMS, RDF, XSD

from nhskg import vocab
from nhskg.vocab import OA, SPDX


def test_every_annotation_names_its_creator_date_and_text(union):
    annotations = set(union.subjects(RDF.type, OA.Annotation))
    assert len(annotations) > 200
    for ann in annotations:
        assert union.value(ann, DCTERMS.creator) == vocab.CURATORS
        created = union.value(ann, DCTERMS.created)
        assert created is not None and created.datatype == XSD.date, ann
        source = union.value(union.value(ann, OA.hasTarget), OA.hasSource)
        assert str(source).startswith("https://w3id.org/nhskg/texts/") and str(source).endswith(".txt"), source
        assert union.value(source, DCTERMS.isFormatOf) is not None


def test_created_is_the_curation_date_not_today(ctx, union):
    for doc_id, source in ctx.sources.items():
        curated = Literal(str(source.record["curated"]), datatype=XSD.date)
        graph_anns = [a for a in union.subjects(RDF.type, OA.Annotation) if f"/annotation/{doc_id}/" in str(a)]
        assert graph_anns and all(union.value(a, DCTERMS.created) == curated for a in graph_anns)


def test_the_release_ships_each_text_with_its_checksum_and_offsets_hold(built, union):
    _, dist = built
    for doc_id in ("000", "001", "002", "003", "004"):
        text_iri = vocab.text(doc_id)
        data = (dist / "texts" / f"{doc_id}.txt").read_bytes()
        checksum = union.value(text_iri, SPDX.checksum)
        assert str(union.value(checksum, SPDX.checksumValue)) == hashlib.sha256(data).hexdigest()
        text = data.decode("utf-8")
        for target in union.subjects(OA.hasSource, text_iri):
            selectors = list(union.objects(target, OA.hasSelector))
            start = next(int(union.value(s, OA.start)) for s in selectors if union.value(s, OA.start) is not None)
            end = next(int(union.value(s, OA.end)) for s in selectors if union.value(s, OA.end) is not None)
            exact = next(str(union.value(s, OA.exact)) for s in selectors if union.value(s, OA.exact) is not None)
            assert text[start:end] == exact
