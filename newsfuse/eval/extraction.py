"""Article-body extraction quality on the Zyte/ScrapingHub article-extraction benchmark.

Measure (the benchmark's own scorer, re-implemented here):
- Tokens are the runs of word characters (regex ``\\w+``, Unicode), case kept as written.
- A text becomes the multiset of its 4-token shingles (every window of 4 consecutive tokens); a
  text with fewer than 4 tokens gives one shorter shingle, an empty text none.
- Per page, true positives are the shingles shared by extracted and true body (counted with
  multiplicity: min of the two counts), false positives the surplus in the extraction, false
  negatives the surplus in the truth. The three counts are divided by their sum so that long
  pages weigh no more than short ones.
- Precision (tp/(tp+fp)) is averaged over pages that predicted something, recall (tp/(tp+fn))
  over pages with a true body; a page where both texts are empty counts as perfect. F1 is the
  harmonic mean of the two averages (not an average of per-page F1s).

We score plain ``trafilatura.extract`` and newsfuse's full HTML ingest path (``read_bytes``: the
same extractor plus our cleaning) in the same run, so cleaning that removes content shows up as
lower recall than the plain extractor.

Run: ``python -m newsfuse.eval.extraction [--limit N] [--bench DIR]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

__all__ = ["shingle_counts", "page_scores", "aggregate", "evaluate_extraction", "DEFAULT_BENCH"]

DEFAULT_BENCH = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "article-extraction-benchmark"
_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingle_counts(text: str, n: int = SHINGLE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def page_scores(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    t, p = shingle_counts(true), shingle_counts(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _prec(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _rec(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def aggregate(pages: list[tuple[float, float, float]]) -> dict:
    ps = [_prec(*x) for x in pages if x[0] + x[1] > 0 or x == (0.0, 0.0, 0.0)]
    rs = [_rec(*x) for x in pages if x[0] + x[2] > 0 or x == (0.0, 0.0, 0.0)]
    precision = sum(ps) / len(ps) if ps else 0.0
    recall = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "pages": len(pages)}


def _plain(html: bytes) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def _ours(name: str, html: bytes) -> str:
    from newsfuse.ingest import read_bytes
    from newsfuse.records import Article

    texts = [a.text for a in read_bytes(name, html) if isinstance(a, Article)]
    return "\n\n".join(texts)


def evaluate_extraction(bench_dir: str | Path = DEFAULT_BENCH, limit: int | None = None) -> dict:
    """Score plain trafilatura and our HTML ingest path; returns {system: metrics}."""
    bench = Path(bench_dir)
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    if limit:
        ids = ids[:limit]
    systems = {"trafilatura.extract": _plain, "newsfuse.ingest": None}
    scores: dict[str, list] = {k: [] for k in systems}
    seconds: dict[str, float] = {k: 0.0 for k in systems}
    for pid in ids:
        html = gzip.decompress((bench / "html" / f"{pid}.html.gz").read_bytes())
        true = truth[pid].get("articleBody", "")
        t0 = time.perf_counter()
        plain = _plain(html)
        t1 = time.perf_counter()
        ours = _ours(f"{pid}.html", html)
        t2 = time.perf_counter()
        seconds["trafilatura.extract"] += t1 - t0
        seconds["newsfuse.ingest"] += t2 - t1
        scores["trafilatura.extract"].append(page_scores(true, plain))
        scores["newsfuse.ingest"].append(page_scores(true, ours))
    out = {}
    for k, pages in scores.items():
        out[k] = aggregate(pages)
        out[k]["seconds"] = seconds[k]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsfuse.eval.extraction", description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="score only the first N pages (sorted by id)")
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="benchmark folder (html/, ground-truth.json)")
    args = ap.parse_args(argv)
    if not (args.bench / "ground-truth.json").exists():
        print(f"benchmark not found: {args.bench}")
        return 2
    res = evaluate_extraction(args.bench, args.limit)
    print(f"{'system':<22}{'pages':>6}{'precision':>11}{'recall':>9}{'F1':>8}{'seconds':>9}")
    for name, m in res.items():
        print(f"{name:<22}{m['pages']:>6}{m['precision']:>11.3f}{m['recall']:>9.3f}{m['f1']:>8.3f}{m['seconds']:>9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
