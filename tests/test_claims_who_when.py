"""Issue 12, "claims that say who and when": what a document states is told apart, in the flat dumps,
from what the curators derived, reconstructed or judged; findings name who voiced them; every date says
how it is known."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import PROV, QB, RDF, RDFS, XSD

from nhskg import vocab
from nhskg.vocab import NHSKG


def test_no_document_reports_a_derived_figure(union):
    """No consumer of a flat dump can read "001 reports 73%": a derived finding is only nhskg:impliedBy
    its document, and sits in its survey's data set of derived figures, attributed to the curators."""
    derived = set(union.subjects(RDF.type, NHSKG.DerivedFinding))
    assert len(derived) == 4
    for f in derived:
        assert union.value(f, NHSKG.reportedIn) is None, f
        assert union.value(f, NHSKG.impliedBy) is not None, f
        assert (f, PROV.wasAttributedTo, vocab.CURATORS) in union
        data_set = union.value(f, QB.dataSet)
        assert "/derived/" in str(data_set), data_set
        assert (data_set, PROV.wasAttributedTo, vocab.CURATORS) in union
        assert not [o for o in union.subjects(QB.dataSet, data_set) if (o, RDF.type, NHSKG.DerivedFinding) not in union]
    rows = union.query("""SELECT ?f WHERE { ?f <https://w3id.org/nhskg/def/reportedIn> ?d ;
                                               <https://w3id.org/nhskg/def/value> ?v . FILTER (?v = 73) }""")
    assert not [r for r in rows if str(r.f).endswith("area-team-good-january")]


def test_figures_in_a_quotation_are_voiced_by_its_speaker(union):
    """004's "a third ... two thirds" are Michael Dixon's words (reported speech): the findings say so."""
    dixon = vocab.person("michael-dixon")
    voiced = {str(f).rsplit("/", 1)[-1] for f in union.subjects(NHSKG.voicedBy, dixon)}
    assert {"pressure-to-grow", "expect-debts"} <= voiced, voiced
    for f in union.subjects(NHSKG.voicedBy, dixon):
        q = union.value(f, NHSKG.voicedIn)
        assert (q, NHSKG.speaker, dixon) in union
    # a figure the document states in its own voice names no speaker
    assert union.value(vocab.finding("nhsa-napc-survey-000", "fully-involved"), NHSKG.voicedBy) is None


def test_question_wordings_say_whether_the_text_gives_them(union):
    """38 of the 40 wordings are the curators' reconstructions, marked so nobody cites them as the survey's;
    the two the text gives (001's budget and area-team questions) are anchored to its words."""
    in_text, reconstructed = vocab.concept("basis", "in-text"), vocab.concept("basis", "reconstructed")
    questions = set(union.subjects(RDF.type, NHSKG.Question))
    given = {q for q in questions if (q, NHSKG.wordingBasis, in_text) in union}
    rebuilt = {q for q in questions if (q, NHSKG.wordingBasis, reconstructed) in union}
    assert (len(questions), len(given), len(rebuilt)) == (40, 2, 38)
    assert {str(q).rsplit("/", 1)[-1] for q in given} == {"budget-confidence", "area-team-interactions"}
    for q in given:
        assert list(union.subjects(vocab.OA.hasBody, q)), q


def test_who_ran_004s_survey_comes_only_from_the_judgement(union):
    """004 names no one as having run its survey: neither its label nor its IRI says who did; the
    attribution is the curators' same-survey judgement linking it to 000's survey."""
    s = vocab.survey("ccg-leaders-survey-004")
    assert (s, RDF.type, NHSKG.Survey) in union
    assert not [x for x in union.subjects(RDF.type, NHSKG.Survey) if "nhsa-napc-survey-004" in str(x)]
    label = str(union.value(s, RDFS.label)).lower()
    assert "alliance" not in label and "napc" not in label, label
    assert union.value(s, NHSKG.conductedBy) is None
    judged = [j for j in union.subjects(NHSKG.judgementSubject, s)
              if union.value(j, NHSKG.judgementKind) == vocab.concept("judgement-kind", "same-survey")]
    assert len(judged) == 1
    other = next(o for o in union.objects(judged[0], NHSKG.judgementSubject) if o != s)
    assert {str(o).rsplit("/", 1)[-1] for o in union.objects(other, NHSKG.conductedBy)} == {"nhs-alliance", "napc"}


def test_000s_verbal_figures_and_lead_are_read_with_a_judgement(union):
    """000's "most CCGs are confident" (17 + 43) and "Only a small percentage ... feel confident" (4 + 27)
    stand for sums the build computes from the stated findings; the readings of those and of the lead
    "Over a third ... not fully involved" (32%, not 100 - 47 = 53%) are judgements with a rationale."""
    def verbal(vid):
        return vocab.thing("verbal-figure", "000", vid)
    for vid, value, fit in (("most-confident-of-authorisation", "60.0", "fits"),
                            ("small-percentage-confident-within-resources", "31.0", "fits"),
                            ("lead-over-a-third", "32.0", "stretched")):
        v = verbal(vid)
        target = union.value(v, NHSKG.standsFor)
        assert str(union.value(target, NHSKG.value)) == value, vid
        assert union.value(v, NHSKG.fit) == vocab.concept("fit", fit)
        judged = [j for j in union.subjects(NHSKG.judgementSubject, v)
                  if union.value(j, NHSKG.judgementKind) == vocab.concept("judgement-kind", "reading")]
        assert len(judged) == 1 and union.value(judged[0], NHSKG.rationale), vid
    total = union.value(verbal("most-confident-of-authorisation"), NHSKG.standsFor)
    assert (total, RDF.type, NHSKG.DerivedFinding) in union
    assert {str(x).rsplit("/", 1)[-1] for x in union.objects(total, PROV.wasDerivedFrom)} == {
        "authorisation-very-confident", "authorisation-confident"}


def test_every_date_says_how_it_is_known(union):
    """Each document's date and each survey's fieldwork carries its basis (in the text, from the address of
    a public copy, inferred, not in the text) and, unless stated in the text, a note saying from what; the
    000/004 survey is about September 2011, before 003's January 2012 survey."""
    bases = {vocab.concept("basis", b) for b in ("in-text", "from-address", "inferred", "not-in-text")}
    things = [*union.subjects(RDF.type, NHSKG.Survey), *union.subjects(RDF.type, NHSKG.NewsReport),
              *union.subjects(RDF.type, NHSKG.PressRelease)]
    assert len(things) == 12
    for x in things:
        basis = union.value(x, NHSKG.dateBasis)
        assert basis in bases, x
        if basis != vocab.concept("basis", "in-text"):
            assert union.value(x, NHSKG.dateNote), x
    s000 = vocab.survey("nhsa-napc-survey-000")
    assert union.value(s000, NHSKG.fieldworkPeriod) == Literal("2011-09", datatype=XSD.gYearMonth)
    assert union.value(s000, NHSKG.dateBasis) == vocab.concept("basis", "inferred")
    s003 = vocab.survey("coalition-support-survey-2012")
    assert str(union.value(s000, NHSKG.fieldworkPeriod)) < str(union.value(s003, NHSKG.fieldworkPeriod))
    # a date in the text is anchored to the words that state it
    assert list(union.subjects(vocab.OA.hasBody, s003))
