"""Clustering metrics (B-cubed, pairwise) and the Timeline17 mixed-stream evaluation.

Why B-cubed: it scores every article by how pure and how complete its own cluster is, so one
giant wrong cluster or a shower of singletons both show up (Amigó et al. 2009). Pairwise P/R is
printed beside it because it weighs big clusters more, as a reader of a story list would.

T17 set-up: all topics' articles are mixed into one publish-ordered stream and fed day by day to
``StoryClusterer``; the gold label is the topic (folder name before "_"), which the *storyline*
level must match. The story level is reported too, but is expected to be finer than topics.
``--pipeline`` feeds the same stream the way ``newsfuse ingest`` does instead: detokenised records
through ``ingest.read_records`` (cleaning, segmentation) and each day through ``find_duplicates``
(against the previous three days) before clustering, as ``benchmarks/bench_cluster.py`` times it.

Fixtures: ``--fixture FILE`` scores an invented JSONL corpus (fields ``event`` = gold story,
``storyline`` = gold storyline) fed in publish order, in one batch and in batches of five; with
``--pipeline`` read as ``newsfuse ingest`` reads them and each batch deduplicated first.

Run: ``python -m newsfuse.eval.clustering [T17_DIR] [--limit N] [--seed S] [--pipeline] [--fixture FILE]``
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Hashable

from newsfuse.records import Article

__all__ = ["bcubed", "pairwise", "load_t17", "detokenise", "evaluate_t17_clustering", "evaluate_fixture", "main"]


def _cells(pred: dict, gold: dict):
    items = [k for k in gold if k in pred]
    cell = Counter((pred[k], gold[k]) for k in items)
    psize = Counter(pred[k] for k in items)
    gsize = Counter(gold[k] for k in items)
    return len(items), cell, psize, gsize


def bcubed(pred: dict[Hashable, Hashable], gold: dict[Hashable, Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over the items present in both mappings (item -> cluster)."""
    n, cell, psize, gsize = _cells(pred, gold)
    if n == 0:
        return 0.0, 0.0, 0.0
    p = sum(c * c / psize[pc] for (pc, _), c in cell.items()) / n
    r = sum(c * c / gsize[gc] for (_, gc), c in cell.items()) / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def pairwise(pred: dict[Hashable, Hashable], gold: dict[Hashable, Hashable]) -> tuple[float, float, float]:
    """Pairwise precision/recall/F1 over same-cluster pairs; no predicted (gold) pairs -> P (R) = 1."""
    n, cell, psize, gsize = _cells(pred, gold)
    if n == 0:
        return 0.0, 0.0, 0.0
    both = sum(c * (c - 1) / 2 for c in cell.values())
    ppairs = sum(c * (c - 1) / 2 for c in psize.values())
    gpairs = sum(c * (c - 1) / 2 for c in gsize.values())
    p = both / ppairs if ppairs else 1.0
    r = both / gpairs if gpairs else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


_DETOK = [
    (re.compile(r"-LRB-|-LSB-|-LCB-"), "("),
    (re.compile(r"-RRB-|-RSB-|-RCB-"), ")"),
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"\( "), "("),
    (re.compile(r" ([.,;:!?%)])"), r"\1"),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.I), r"\1"),
    (re.compile(r"\$ (?=\d)"), "$"),
    (re.compile(r"# (?=\d)"), "\u00a3"),
    (re.compile(r"` ([^`']*) '"), r"'\1'"),
    (re.compile(r"[ \t]+"), " "),
]


def detokenise(text: str) -> str:
    """Undo the PTB tokenisation of T17 text enough for capitalisation and sentence cues to work."""
    lines = []
    for line in text.split("\n"):
        for pat, rep in _DETOK:
            line = pat.sub(rep, line)
        line = line.strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def load_t17(t17_dir: str | Path, limit_per_topic: int | None = None, seed: int = 0) -> tuple[list[dict], dict[str, str]]:
    """Records ``{id, time, text, folder}`` of every T17 folder (ids made unique by folder) and
    the gold topic per id. ``limit_per_topic`` samples that many articles per topic (seeded)."""
    t17_dir = Path(t17_dir)
    by_topic: dict[str, list[dict]] = defaultdict(list)
    for f in sorted(t17_dir.glob("*/articles.jsonl")):
        folder = f.parent.name
        topic = folder.split("_", 1)[0]
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    rec["id"] = f"{folder}/{rec['id']}"
                    rec["folder"] = folder
                    by_topic[topic].append(rec)
    rng = random.Random(seed)
    records, gold = [], {}
    for topic, recs in sorted(by_topic.items()):
        if limit_per_topic is not None and len(recs) > limit_per_topic:
            recs = rng.sample(recs, limit_per_topic)
        for r in recs:
            records.append(r)
            gold[r["id"]] = topic
    return records, gold


def t17_article(rec: dict) -> Article:
    """An Article from a T17 record (no sentences: stages fall back to their own split)."""
    text = detokenise(rec["text"])
    day = datetime.strptime(rec["time"][:10], "%Y-%m-%d").replace(hour=12, tzinfo=timezone.utc)
    return Article(id=rec["id"], text=text, published=day, outlet=rec.get("folder", "").split("_")[-1] or None,
                   path=rec.get("folder"))


def _ingested(records: list[dict], gold: dict[str, str]) -> tuple[list[Article], dict[str, str]]:
    """The records as ``newsfuse ingest`` reads them (ids become content hashes) and their gold."""
    from newsfuse.ingest import read_records

    recs = [{"id": r["id"], "text": detokenise(r["text"]), "published": r["time"], "url": None} for r in records]
    arts = [a for a in read_records(recs, "t17") if isinstance(a, Article)]
    return arts, {a.id: gold[records[int(a.path.rsplit("#", 1)[1])]["id"]] for a in arts}


def evaluate_t17_clustering(t17_dir: str | Path, limit_per_topic: int | None = None, seed: int = 0,
                            config=None, pipeline: bool = False) -> dict:
    """Mix all topics into one day-by-day stream, cluster it, score stories and storylines
    (``pipeline``: ingest and dedup first, see the module docstring)."""
    from newsfuse.stories.cluster import StoryClusterer
    from newsfuse.stories.dedup import find_duplicates

    records, gold = load_t17(t17_dir, limit_per_topic, seed)
    rng = random.Random(seed)
    rng.shuffle(records)  # within a day, arrival order is arbitrary
    records.sort(key=lambda r: r["time"][:10])
    if pipeline:
        articles, gold = _ingested(records, gold)
    else:
        articles = [t17_article(r) for r in records]
    by_day: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_day[a.published.date().isoformat()].append(a)
    clusterer = StoryClusterer(config)
    t0 = time.perf_counter()
    recent: list[tuple[str, Article]] = []
    for day in sorted(by_day):
        batch = by_day[day]
        if pipeline:
            d0 = datetime.fromisoformat(day)
            recent = [(d, a) for d, a in recent if (d0 - datetime.fromisoformat(d)).days <= 3]
            dups = find_duplicates(batch, known=[a for _, a in recent])
            for a in batch:
                a.duplicate_of = dups.duplicate_of.get(a.id)
            recent += [(day, a) for a in batch]
        clusterer.add(batch)
    seconds = time.perf_counter() - t0
    story = {a.id: clusterer.resolve(a.story_id) for a in articles}
    line_of_story = {}
    for lid, sids in clusterer.storylines().items():
        for s in sids:
            line_of_story[s] = lid
    line = {aid: line_of_story.get(sid, sid) for aid, sid in story.items()}
    sp, sr, sf = bcubed(story, gold)
    lp, lr, lf = bcubed(line, gold)
    pp, pr, pf = pairwise(line, gold)
    return {
        "articles": len(articles),
        "topics": len(set(gold.values())),
        "stories": len(set(story.values())),
        "storylines": len(set(line.values())),
        "story_bcubed": {"P": sp, "R": sr, "F": sf},
        "storyline_bcubed": {"P": lp, "R": lr, "F": lf},
        "storyline_pairwise": {"P": pp, "R": pr, "F": pf},
        "cluster_seconds": seconds,
        "articles_per_second": len(articles) / seconds if seconds else None,
    }


def evaluate_fixture(path: str | Path, config=None, batches: tuple[int, ...] = (1000, 5),
                     pipeline: bool = False) -> dict:
    """Story and storyline B-cubed on an invented fixture, per batch size (publish order).

    ``path`` is the fixture's JSONL file or its folder (which holds ``articles.jsonl``).
    ``pipeline``: the records as ``newsfuse ingest`` reads them (page furniture cut, ids from the
    text) and each batch deduplicated against the earlier ones first, as the store does."""
    from newsfuse.stories.cluster import StoryClusterer
    from newsfuse.stories.dedup import find_duplicates

    path = Path(path)
    if path.is_dir():
        path = path / "articles.jsonl"
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    recs.sort(key=lambda r: r["published"])
    out = {"articles": len(recs), "events": len({r["event"] for r in recs})}
    for batch in batches:
        arts, rec_of = _fixture_articles(recs, pipeline)
        sc = StoryClusterer(config)
        for i in range(0, len(arts), batch):
            part = arts[i:i + batch]
            if pipeline:
                dups = find_duplicates(part, known=arts[:i])
                for a in part:
                    a.duplicate_of = dups.duplicate_of.get(a.id)
            sc.add(part)
        story = {a.id: sc.resolve(a.story_id) for a in arts}
        line_of = {s: lid for lid, sids in sc.storylines().items() for s in sids}
        line = {aid: line_of.get(sid, sid) for aid, sid in story.items()}
        res = {}
        for name, pred, key in (("story", story, "event"), ("storyline", line, "storyline")):
            p, r, f = bcubed(pred, {aid: rec_of[aid][key] for aid in pred})
            res[name] = {"P": p, "R": r, "F": f, "clusters": len(set(pred.values()))}
        out[f"batch_{batch}"] = res
    return out


def _fixture_articles(recs: list[dict], pipeline: bool) -> tuple[list[Article], dict[str, dict]]:
    """A fixture's records as Articles (as written, or as ingest reads them) and each one's record."""
    if not pipeline:
        arts = [Article(id=r["id"], text=r["text"], title=r.get("title"), outlet=r.get("outlet"),
                        url=r.get("url"), published=datetime.fromisoformat(r["published"])) for r in recs]
        return arts, {r["id"]: r for r in recs}
    from newsfuse.ingest import read_records

    fields = ("url", "outlet", "title", "published", "text")
    arts = [a for a in read_records([{k: r[k] for k in fields if k in r} for r in recs], "fixture")
            if isinstance(a, Article)]
    return arts, {a.id: recs[int(a.path.rsplit("#", 1)[1])] for a in arts}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(__file__).resolve().parents[3] / "shared" / "data" / "t17"
    ap.add_argument("t17_dir", nargs="?", default=str(default))
    ap.add_argument("--limit", type=int, default=None, help="articles per topic (sampled)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pipeline", action="store_true", help="through ingest and dedup first (T17 or --fixture)")
    ap.add_argument("--fixture", help="score an invented JSONL fixture instead of T17")
    args = ap.parse_args(argv)
    if args.fixture:
        res = evaluate_fixture(args.fixture, pipeline=args.pipeline)
        print(f"{args.fixture}: {res['articles']} articles, {res['events']} events")
        for key, val in res.items():
            if key.startswith("batch_"):
                for level, m in val.items():
                    print(f"  {key:10s} {level:9s} P={m['P']:.3f} R={m['R']:.3f} F={m['F']:.3f} "
                          f"({m['clusters']} clusters)")
        return res
    res = evaluate_t17_clustering(args.t17_dir, args.limit, args.seed, pipeline=args.pipeline)
    print(f"T17 mixed stream{' (ingest + dedup)' if args.pipeline else ''}: {res['articles']} articles, {res['topics']} topics -> "
          f"{res['stories']} stories, {res['storylines']} storylines")
    for key in ("story_bcubed", "storyline_bcubed", "storyline_pairwise"):
        m = res[key]
        print(f"  {key:20s} P={m['P']:.3f} R={m['R']:.3f} F={m['F']:.3f}")
    print(f"  clustering {res['cluster_seconds']:.1f}s ({res['articles_per_second']:.0f} articles/s)")
    return res


if __name__ == "__main__":
    main()
