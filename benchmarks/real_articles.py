"""The real articles in ``../shared/articles/`` (beside the project, never copied into it) as labelled cases.

Each label row names a figure by an exact fragment of its article and says which seed finding it reports
(``NNN: "seed sentence"``, ``A || B`` for either) or ``none``. The seed sentence is found in the seed
text NNN and every finding whose evidence overlaps it is accepted (with the findings judged the same).
The whole article is traced once, as a fact-checker would paste it, and each label is scored on the
traced figure that overlaps its words.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from nhskg import paths

ARTICLES_DIR = paths.ROOT.parent / "shared" / "articles"
#: verdicts that count as right for each relation of a positive label
RIGHT_VERDICTS = {"same-value": {"exact", "rounded", "approximate"}, "rounded": {"rounded", "approximate"},
                  "value-differs": {"contradicts", "stretched", "approximate"}}


@dataclass
class Label:
    file: str
    figure: str
    start: int  # offsets of the figure in the article body
    end: int
    accepted: set[str]  # finding IRIs; empty for "none"
    relation: str


def available() -> bool:
    return (ARTICLES_DIR / "LABELS.tsv").is_file()


def _seed_findings(index, seed: str, sentence: str) -> set[str]:
    [source] = sorted(paths.SOURCES_DIR.glob(f"{seed}_*.txt"))
    text = source.read_text(encoding="utf-8")
    # the labels quote loosely (single quotes for double, punctuation dropped): match word by word
    words = re.findall(r"[\w%]+", sentence)
    found_at = re.search(r"[^\w%]+".join(re.escape(w) for w in words), text, re.IGNORECASE)
    if found_at is None:
        raise ValueError(f"seed sentence not found in {source.name}: {sentence!r}")
    at, end = found_at.span()
    found = {info.iri for info in index.values() for e in info.evidence
             if e.file == source.name and e.via != "derivation" and e.start < end and e.end > at}
    return found | {same for iri in found for same in index[iri].same_as}


def load(index) -> tuple[dict[str, str], list[Label]]:
    """The article bodies by file name, and the labels with offsets into them."""
    bodies = {p.name: p.read_text(encoding="utf-8").split("\n\n", 1)[1] for p in sorted(ARTICLES_DIR.glob("*.txt"))}
    labels = []
    with open(ARTICLES_DIR / "LABELS.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            body = bodies[row["file"]]
            at = body.find(row["fragment"])
            if at < 0:
                raise ValueError(f"{row['file']}: fragment not found: {row['fragment']!r}")
            inner = row["fragment"].lower().find(row["figure"].lower())
            start = at + max(inner, 0)
            accepted: set[str] = set()
            if row["label"] != "none":
                for seed, sentence in re.findall(r'(\d{3}): "(.*?)"(?=\s|$)', row["label"]):
                    accepted |= _seed_findings(index, seed, sentence)
            labels.append(Label(row["file"], row["figure"], start, start + len(row["figure"]), accepted,
                                row["relation"]))
    return bodies, labels


def evaluate(tracer, bodies: dict[str, str], labels: list[Label]) -> dict:
    """Precision, recall, verdict accuracy, false matches and false ``contradicts`` over the labels."""
    from nhskg.trace.matcher import flatten

    # a change's ends first: a label names one end ("19%"), and its trace is that end's
    traced = {name: flatten(tracer.trace(body)) for name, body in bodies.items()}
    tp = fp = fn = right = positives = false_matches = negatives = false_contradicts = 0
    misses = []
    for label in labels:
        hit = next((t for t in traced[label.file] if t.figure.start < label.end and t.figure.end > label.start), None)
        best = hit.matches[0].finding.iri if hit and hit.matches else None
        verdict = hit.verdict if hit else "no-match"
        if label.accepted:
            positives += 1
            if best in label.accepted:
                tp += 1
                right += verdict in RIGHT_VERDICTS.get(label.relation, {"exact"})
            else:
                fn += 1
                fp += best is not None
                misses.append((label, best, verdict))
            false_contradicts += verdict == "contradicts" and label.relation != "value-differs"
        else:
            negatives += 1
            if best is not None:
                fp += 1
                false_matches += 1
                false_contradicts += verdict == "contradicts"
                misses.append((label, best, verdict))
    return {"labels": len(labels), "tp": tp, "fp": fp, "fn": fn, "positives": positives, "negatives": negatives,
            "precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / positives if positives else 1.0,
            "verdict_accuracy": (right + negatives - false_matches) / len(labels) if labels else 1.0,
            "false_matches": false_matches,
            "false_contradicts": false_contradicts, "misses": misses}
