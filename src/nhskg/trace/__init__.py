"""Trace: a sentence or an article in, each figure matched to the findings of the built graph out.

In: text, and an Oxigraph store of the built graph (``index.load_index`` reads every finding with its
evidence). ``matcher`` finds figures (with ``nhskg.figures``) and scores them against the index;
``report`` prints the marked text and the trails, or JSON; ``claimreview`` writes schema.org ClaimReview
JSON-LD. ``words``, ``meaning`` and ``identity`` read a claim's words, its polarity and its survey cues.
"""
