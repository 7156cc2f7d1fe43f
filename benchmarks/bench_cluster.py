"""Throughput and memory of ingest -> dedup -> cluster on all of Timeline17, plus a long stream.

Why: the stories stage sees every article, so it must keep up with a feed (target >= 300
articles/s on 2 cores without embeddings) and its memory must not grow with history. A peer is
timed in the same run (datasketch MinHashLSH for the near-duplicate pass) to give a ratio that
does not depend on the machine.

T17's text is PTB-tokenised; undoing that (``detokenise``) is preparing the test data, not
newsfuse's ingest, so it runs before the clock starts and is reported on its own line.

Two T17 measurements: *stage by stage* in one process (ingest everything, then dedup and cluster
day by day; one line per stage), and *pipelined* (``read_records(..., workers=N)``: N ingest worker
processes prepare batches, and the stories stage's per-article features, while the main process
dedups and clusters each day as it completes; run in a fresh process so no cache is warm).

Run: ``nice python benchmarks/bench_cluster.py [--t17 DIR] [--synthetic 100000] [--workers 1]``
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsfuse.eval.clustering import detokenise, load_t17, t17_article  # noqa: E402
from newsfuse.records import Article, article_id_for  # noqa: E402
from newsfuse.stories.cluster import ClusterConfig, StoryClusterer  # noqa: E402
from newsfuse.stories.dedup import find_duplicates  # noqa: E402
from newsfuse.stories.text import shingles, words  # noqa: E402


def rss_mb() -> float:
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20
    except ImportError:  # pragma: no cover
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_mb() -> float:
    """Peak RSS of this process: VmHWM where there is /proc (a process started from this one would
    otherwise report its parent's peak, which ru_maxrss carries over), else ru_maxrss."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def detokenised(records: list[dict]) -> list[dict]:
    """Ingest input: JSON records with T17's tokenisation undone (test-data preparation)."""
    return [{"id": r["id"], "text": detokenise(r["text"]), "published": r["time"], "url": None} for r in records]


def ingest(records: list[dict], recs: list[dict]) -> tuple[list[Article], str]:
    """The ingest stage from preloaded (detokenised) records when it exists, else T17 + segment."""
    try:
        from newsfuse.ingest import read_records

        arts = [a for a in read_records(recs, "t17") if isinstance(a, Article)]
        if len(arts) >= 0.9 * len(records):
            return arts, "newsfuse.ingest.read_records"
    except Exception as e:  # the ingest stage is written in parallel; fall back
        print(f"  (ingest.read_records unavailable: {type(e).__name__}: {e})")
    arts = [t17_article(r) for r in records]
    try:
        from newsfuse.ingest.segment import split_sentences

        for a in arts:
            split_sentences(a)
        how = "t17_article + ingest.segment.split_sentences"
    except Exception:
        how = "t17_article (no segmentation)"
    return arts, how


def day_batches(articles: list[Article]):
    """(day, articles of that day) in day order, None last."""
    by_day: dict = defaultdict(list)
    for a in articles:
        by_day[a.published_date].append(a)
    for day in sorted(by_day, key=lambda d: (d is None, d)):
        yield day, by_day[day]


def streamed_day_batches(articles):
    """``day_batches`` of a stream already in day order, each day as soon as the next begins (a
    stream out of day order raises: this replay needs T17's time-sorted records)."""
    batch, day, last, undated_done = [], None, None, False
    for a in articles:
        d = a.published_date
        if batch and d != day:
            yield day, batch
            undated_done, last = day is None, (day if day is not None else last)
            batch = []
        if undated_done or (d is not None and last is not None and d <= last):
            raise ValueError("articles out of day order")
        day = d
        batch.append(a)
    if batch:
        yield day, batch


def run_pipeline(articles, batch_days: int = 1, streamed: bool = False) -> dict:
    """Dedup each day against the previous 3 days, then cluster that day."""
    sc = StoryClusterer()
    recent: list[tuple] = []
    t_dedup = t_cluster = c_dedup = c_cluster = 0.0
    n_dups = 0
    for day, batch in (streamed_day_batches(articles) if streamed else day_batches(articles)):
        known = [a for d, a in recent if day is None or d is None or (day - d).days <= 3]
        t0, c0 = time.perf_counter(), time.process_time()
        dups = find_duplicates(batch, known=known)
        for a in batch:
            a.duplicate_of = dups.duplicate_of.get(a.id)
        n_dups += len(dups.duplicate_of)
        t1, c1 = time.perf_counter(), time.process_time()
        sc.add(batch)
        t2, c2 = time.perf_counter(), time.process_time()
        t_dedup += t1 - t0
        t_cluster += t2 - t1
        c_dedup += c1 - c0
        c_cluster += c2 - c1
        recent = [(d, a) for d, a in recent if day is None or d is None or (day - d).days <= 3]
        recent += [(day, a) for a in batch]
    return {"dedup_s": t_dedup, "cluster_s": t_cluster, "dedup_cpu": c_dedup, "cluster_cpu": c_cluster,
            "duplicates": n_dups, "stories": len(sc.stories),
            "storylines": len(sc.storylines())}


def pipelined(recs: list[dict], workers: int) -> None:
    """The pipelined run: ``read_records(..., workers=N)`` feeding day-by-day dedup and clustering."""
    from newsfuse.ingest import read_records

    n = len(recs)
    t0, c0 = time.perf_counter(), time.process_time()
    stream = (a for a in read_records(recs, "t17", workers=workers) if isinstance(a, Article))
    res = run_pipeline(stream, streamed=True)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"  ingest->dedup->cluster pipelined (read_records workers={workers}: {workers + 1} processes): "
          f"{wall:.1f}s = {n / wall:.0f} articles/s; cpu main {cpu:.1f}s (dedup {res['dedup_cpu']:.1f}s, "
          f"cluster {res['cluster_cpu']:.1f}s, waiting for or receiving batches the rest), "
          f"workers {ch.ru_utime + ch.ru_stime:.1f}s ({res['duplicates']} duplicates, {res['stories']} stories, "
          f"{res['storylines']} storylines); peak RSS main {peak_mb():.0f} MB")


def peer_datasketch(articles: list[Article]) -> tuple[float, float]:
    """Near-duplicate candidates with datasketch vs rensa on the same shingles (seconds each)."""
    from datasketch import MinHash, MinHashLSH
    from rensa import RMinHash, RMinHashLSH

    sets = [sorted(shingles(words(a.text))) for a in articles]
    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=192)
    hs = []
    for i, s in enumerate(sets):
        m = MinHash(num_perm=192)
        m.update_batch([x.encode("utf-8") for x in s])
        lsh.insert(str(i), m)
        hs.append(m)
    for m in hs:
        lsh.query(m)
    t_ds = time.perf_counter() - t0
    t0 = time.perf_counter()
    rh = RMinHash.from_token_sets(sets, 192, 1)
    rl = RMinHashLSH(0.5, 192, 64)
    rl.insert_pairs(list(enumerate(rh)))
    rl.query_all(rh)
    t_rs = time.perf_counter() - t0
    return t_ds, t_rs


def synthetic_stream(n: int, seed: int = 0):
    """n short articles: ~40 live topics at a time, each lasting a few days, 500 articles/day."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(30000)]
    names = [f"Name{i}" for i in range(20000)]
    t0 = datetime(2020, 1, 1, tzinfo=timezone.utc)
    topics: list[tuple[list[str], list[str], int]] = []
    next_topic = 0
    for i in range(n):
        day = i // 500
        topics = [t for t in topics if t[2] >= day]
        while len(topics) < 40:
            topics.append((rng.sample(vocab, 60), rng.sample(names, 5), day + rng.randint(1, 6)))
            next_topic += 1
        tw, tn, _ = rng.choice(topics)
        body = " ".join(rng.choice(tw) if rng.random() < 0.6 else rng.choice(vocab) for _ in range(120))
        body += ". " + " ".join(rng.choice(tn) for _ in range(6)) + " said."
        yield Article(id=article_id_for(body + str(i)), text=body,
                      published=t0 + timedelta(days=day, seconds=i % 500 * 60))


def bench_synthetic(n: int) -> None:
    sc = StoryClusterer(ClusterConfig(keep_cold_stories=False))
    batch: list[Article] = []
    t0 = time.perf_counter()
    marks = {n // 4, n // 2, 3 * n // 4, n}
    for i, a in enumerate(synthetic_stream(n), 1):
        batch.append(a)
        if len(batch) == 250:
            sc.add(batch)
            batch = []
        if i in marks:
            if batch:
                sc.add(batch)
                batch = []
            el = time.perf_counter() - t0
            print(f"  {i:>7} articles  {i / el:6.0f}/s  RSS {rss_mb():6.0f} MB  hot stories {len(sc._hot):5d}  "
                  f"hot storylines {len(sc._lines):4d}  stories kept {len(sc.stories):6d}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--t17", default=str(ROOT.parent / "shared" / "data" / "t17"))
    ap.add_argument("--synthetic", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=1,
                    help="ingest worker processes of the pipelined T17 run (0: no pipelined run)")
    ap.add_argument("--pipelined-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    records, _ = load_t17(args.t17)
    records.sort(key=lambda r: r["time"])
    n = len(records)
    t0 = time.perf_counter()
    recs = detokenised(records)
    t_detok = time.perf_counter() - t0
    if args.pipelined_only:
        pipelined(recs, args.workers)
        return
    print(f"T17: {n} articles (preloaded)")
    t0, c0 = time.perf_counter(), time.process_time()
    articles, how = ingest(records, recs)
    t_ingest, c_ingest = time.perf_counter() - t0, time.process_time() - c0
    res = run_pipeline(articles)
    t_dedup, t_cluster = res["dedup_s"], res["cluster_s"]
    total = t_ingest + t_dedup + t_cluster
    print(f"  (test-data preparation, not timed below: T17 detokenise {t_detok:.1f}s)")
    c_total = c_ingest + res["dedup_cpu"] + res["cluster_cpu"]
    # CPU seconds of this process next to wall seconds: on a shared machine wall time grows with
    # other jobs' load, CPU time much less (threads of numpy/rensa count in both).
    print(f"  ingest ({how}): {t_ingest:.1f}s (cpu {c_ingest:.1f}s) = {n / t_ingest:.0f} articles/s")
    print(f"  dedup: {t_dedup:.1f}s (cpu {res['dedup_cpu']:.1f}s) = {n / t_dedup:.0f} articles/s "
          f"({res['duplicates']} duplicates)")
    print(f"  cluster: {t_cluster:.1f}s (cpu {res['cluster_cpu']:.1f}s) = {n / t_cluster:.0f} articles/s "
          f"({res['stories']} stories, {res['storylines']} storylines)")
    print(f"  ingest->dedup->cluster: {total:.1f}s (cpu {c_total:.1f}s) = {n / total:.0f} articles/s "
          f"(by cpu {n / c_total:.0f}/s); without ingest {n / (t_dedup + t_cluster):.0f}/s; "
          f"peak RSS {peak_mb():.0f} MB")
    if args.workers > 0:  # in a fresh process: no cache warmed by the run above
        sys.stdout.flush()
        subprocess.run([sys.executable, __file__, "--t17", args.t17, "--synthetic", "0", "--workers",
                        str(args.workers), "--pipelined-only"], check=False, env=os.environ.copy())
    t_ds, t_rs = peer_datasketch(articles)
    print(f"  peer, near-dup LSH over all articles (same run): datasketch {t_ds:.2f}s vs rensa {t_rs:.2f}s "
          f"(x{t_ds / t_rs:.1f})")
    print(f"  machine-independent ratios, stage time / datasketch peer time: ingest {t_ingest / t_ds:.2f}, "
          f"dedup {t_dedup / t_ds:.2f}, cluster {t_cluster / t_ds:.2f}, end to end {total / t_ds:.2f}")
    if args.synthetic:
        print(f"synthetic stream of {args.synthetic} articles (keep_cold_stories=False):")
        bench_synthetic(args.synthetic)
        print(f"  peak RSS {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
