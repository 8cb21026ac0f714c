"""Benchmark: the fact-checker's trace, on three slices, each beside a number-only baseline, and its speed.

Slices: the source sentences (every figure of the five texts in its own sentence), the hand-written
paraphrases and negatives of ``tests/trace_cases.py``, its meaning cases (reversed meaning, complements,
other waves) as a slice of their own, the cases another session wrote without reading the matcher
(``tests/trace_unseen.py``, ``tests/trace_passages.py``: measured unseen once, then read, so development
data; ``tests/trace_sealed.py``:
sealed, its misses never printed), and the real
articles in ``../shared/articles/`` (read from beside the project, never copied into it; the slice is
skipped, saying so, when the folder is absent). For each: precision, recall, verdict accuracy, false
matches (share of figures that should match nothing) and false ``contradicts``. The baseline matches a
figure to the finding of the same unit with the nearest value, whatever the words say.

Speed: matching time (after the index is loaded) for a 2,000-character article, 100 KB and 1 MB, made by
repeating the seed texts. Targets on the project's 2-core machine: 2 KB <= 50 ms, 1 MB <= 10 s.
Run with `make bench` (or `.venv/bin/python benchmarks/bench_trace.py`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import real_articles  # noqa: E402
from trace_cases import MEANING, NEGATIVES, PARAPHRASES, evaluate, source_cases  # noqa: E402

from nhskg import paths  # noqa: E402
from nhskg.query.store import load_store  # noqa: E402
from nhskg.release.freshness import fresh_trig  # noqa: E402
from nhskg.trace.index import load_index  # noqa: E402
from nhskg.trace.matcher import Match, TracedFigure, Tracer  # noqa: E402


class NumberOnly(Tracer):
    """Baseline: the finding of the same unit whose value is nearest, whatever the words say."""

    def trace_figure(self, figure, text, neighbours=None, article=None):
        kinds = self._kind(figure, text)
        pool = [f for f in self.index.values() if f.unit in kinds]
        if not pool:
            return TracedFigure(figure, "no-match")
        best = min(pool, key=lambda f: (abs(f.value - figure.value), f.iri))
        verdict = "exact" if best.value == figure.value else "approximate"
        return TracedFigure(figure, verdict, [Match(best, 1.0, 0.0, verdict)])


def _line(name: str, result: dict, negatives: int, false_matches: int) -> str:
    share = f"{100 * false_matches / negatives:.1f}% ({false_matches}/{negatives})" if negatives else "n/a"
    return (f"  {name:<9} precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
            f"verdicts {result['verdict_accuracy']:.3f}  false matches {share}  "
            f"false contradicts {result['false_contradicts']}  (tp {result['tp']}, fp {result['fp']}, fn {result['fn']})")


def _slice(title: str, tracer: Tracer, baseline: Tracer, cases) -> dict:
    ours, base = evaluate(tracer, cases), evaluate(baseline, cases)
    print(f"{title} ({len(cases)} labelled figures):")
    print(_line("trace", ours, ours["negatives"], ours["false_matches"]))
    print(_line("baseline", base, base["negatives"], base["false_matches"]))
    return ours


def _articles(tracer: Tracer, baseline: Tracer) -> dict | None:
    if not real_articles.available():
        print(f"real articles: {real_articles.ARTICLES_DIR} is absent, so this slice is skipped "
              "(clone or copy the shared articles beside the project to measure it)")
        return None
    bodies, labels = real_articles.load(tracer.index)
    ours, base = real_articles.evaluate(tracer, bodies, labels), real_articles.evaluate(baseline, bodies, labels)
    print(f"real articles in {real_articles.ARTICLES_DIR} ({len(bodies)} articles, {ours['positives']} figures "
          f"of seed findings, {ours['negatives']} others):")
    print(_line("trace", ours, ours["negatives"], ours["false_matches"]))
    print(_line("baseline", base, base["negatives"], base["false_matches"]))
    return ours


def _speed(tracer: Tracer) -> None:
    seed = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(paths.SOURCES_DIR.glob("00*.txt")))
    for name, size, target in (("2 KB", 2_000, 0.05), ("100 KB", 100_000, None), ("1 MB", 1_000_000, 10.0)):
        text = (seed * (size // len(seed) + 1))[:size]
        start = time.perf_counter()
        traced = tracer.trace(text, progress=False)
        elapsed = time.perf_counter() - start
        verdict = "" if target is None else f" ({'meets' if elapsed <= target else 'MISSES'} the {target:g} s target)"
        print(f"  {name}: {len(traced)} figures matched in {elapsed:.3f} s{verdict}")


def main() -> None:
    index = load_index(load_store(fresh_trig()))
    tracer, baseline = Tracer(index), NumberOnly(index)
    _slice("source sentences", tracer, baseline, source_cases(index))
    hand = _slice("hand-written paraphrases and negatives", tracer, baseline,
                  [*PARAPHRASES, *((t, f, None, "no-match") for t, f in NEGATIVES)])
    meaning = _slice("meaning: reversed, complements, other waves (written here, tuned on)", tracer, baseline, MEANING)
    from trace_unseen import UNSEEN
    unseen = _slice("sentences written by another session without the matcher; read after its first "
                    "measurement, so development data now", tracer, baseline, UNSEEN)
    from trace_passages import PASSAGES
    passages = _slice("passages written by a third session without the matcher; read after its first "
                      "measurement, so development data now", tracer, baseline, PASSAGES)
    sealed = None
    try:
        from trace_sealed import SEALED
    except ImportError:
        print("sealed set: tests/trace_sealed.py is absent")
    else:
        sealed = _slice("SEALED: written by another session without the matcher, never tuned on", tracer, baseline,
                        SEALED)
    real = _articles(tracer, baseline)
    if sealed:
        print("  (the sealed set's misses are not printed: reading them would make it development data)")
    print("speed (matching after the index is loaded):")
    _speed(tracer)
    for title, result in (("hand-written", hand), ("meaning", meaning), ("other session's sentences", unseen),
                          ("other session's passages", passages),
                          ("real articles", real)):
        if result:
            print(f"misses, {title} ({len(result['misses'])}):")
            for miss in result["misses"]:
                if title != "real articles":
                    _text, words, expected, predicted = miss
                    print(f"  “{words}” expected {expected}, traced {predicted}")
                else:
                    label, best, verdict = miss
                    print(f"  {label.file} “{label.figure}” ({label.relation}) traced "
                          f"{best.rsplit('/finding/', 1)[-1] if best else None} {verdict}")


if __name__ == "__main__":
    main()
