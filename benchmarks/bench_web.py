"""Load test of the web app on loopback: N concurrent clients for a few seconds per target.

Not part of CI. The server runs in its own process (uvicorn, one worker) so the load generator
does not share its interpreter lock; clients are httpx async tasks. Counts and durations are
bounded so a typo cannot hammer the machine.

    .venv/bin/python benchmarks/bench_web.py                     # synthetic store, 8 clients, 5 s
    .venv/bin/python benchmarks/bench_web.py --clients 16 --seconds 10 --stories 200
    .venv/bin/python benchmarks/bench_web.py --db newsfuse.db    # an existing workspace
    .venv/bin/python benchmarks/bench_web.py --ingest examples/   # real pipeline on files

Prints one line per target (req/s, p50, p99 in ms, errors) and a JSON summary at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MAX_CLIENTS = 64
MAX_SECONDS = 60

WORDS = ("ferry harbour council river dam police minister strike vote storm bridge fire rail "
         "union hospital school market court border flood").split()


def synthetic_store(path: Path, n_stories: int, per_story: int = 5) -> list[str]:
    """Stories with articles and a contract-v1 brief each, written straight to the store."""
    from newsfuse.records import Article, Sentence, Story, article_id_for
    from newsfuse.store import Store

    store = Store(path)
    base = datetime(2025, 1, 1, tzinfo=timezone.utc)
    ids = []
    try:
        with store.transaction() as conn:
            stories = []
            briefs = {}
            for s in range(n_stories):
                sid = f"bench-{s:05d}"
                arts = []
                for k in range(per_story):
                    sents = [
                        f"Story {s} report {k} says {WORDS[(s + j) % len(WORDS)]} news number {j + s}."
                        for j in range(12)
                    ]
                    text = " ".join(sents)
                    aid = article_id_for(text)
                    pos, spans = 0, []
                    for j, t in enumerate(sents):
                        spans.append(Sentence(aid, j, t, pos, pos + len(t)))
                        pos += len(t) + 1
                    arts.append(Article(
                        id=aid, text=text, title=f"Story {s} headline from outlet {k}",
                        outlet=f"Outlet {k}", url=f"https://outlet{k}.example/{s}",
                        published=base + timedelta(hours=s * 3 + k), story_id=sid, sentences=spans,
                    ))
                store.add_articles(conn, arts)
                stories.append(Story(id=sid, article_ids=[a.id for a in arts], title=arts[0].title,
                                     first_seen=arts[0].published, last_seen=arts[-1].published))

                def cite(a, j):
                    return {"article_id": a.id, "sentence": j, "text": a.sentences[j].text}

                briefs[sid] = {
                    "story_id": sid, "headline": arts[0].title, "generated_at": base.isoformat(),
                    "summary": [{"text": a.sentences[0].text, "citations": [cite(a, 0)]} for a in arts],
                    "facts": [{"quantity": "people counted", "status": "conflict", "reports": [
                        {"article_id": a.id, "outlet": a.outlet, "value": str(10 + i), "number": 10.0 + i,
                         "qualifier": None, "as_of": None, "attribution": None, "citation": cite(a, 1)}
                        for i, a in enumerate(arts)]}],
                    "quotes": [],
                    "timeline": [{"date": (a.published.date()).isoformat(), "text": a.sentences[2].text,
                                  "citations": [cite(a, 2)]} for a in arts],
                    "entities": [{"name": w.title(), "type": "other", "mentions": 2} for w in WORDS[:6]],
                    "unique": [],
                    "sources": [{"article_id": a.id, "outlet": a.outlet, "title": a.title,
                                 "published": a.published.isoformat(), "url": a.url, "path": None,
                                 "duplicate_of": None} for a in arts],
                }
                ids.append(sid)
            store.save_stories(conn, stories)
        for sid, b in briefs.items():
            store.save_brief(sid, b)
    finally:
        store.close()
    return ids


def ingested_store(path: Path, sources: list[str]) -> list[str]:
    from newsfuse import pipeline
    from newsfuse.store import Store

    with Store(path) as store:
        pipeline.ingest(sources, store)
        return store.story_ids()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    code = (
        "import uvicorn, sys; from newsfuse.web.app import create_app; "
        f"uvicorn.run(create_app({str(db)!r}, token='bench'), host='127.0.0.1', port={port}, "
        "log_level='warning', access_log=False)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=str(ROOT),
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/version", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("server did not start")


async def load(base: str, paths: list[str], clients: int, seconds: float) -> dict:
    """``clients`` tasks each request paths round-robin until ``seconds`` have passed."""
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker(offset: int) -> None:
            nonlocal errors
            i = offset
            while time.perf_counter() < stop:
                t0 = time.perf_counter()
                try:
                    r = await client.get(paths[i % len(paths)])
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - t0)
                i += 1

        t_start = time.perf_counter()
        await asyncio.gather(*(worker(k) for k in range(clients)))
        elapsed = time.perf_counter() - t_start
    latencies.sort()

    def pct(p: float) -> float:
        return 1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else 0.0

    return {"requests": len(latencies), "req_per_s": round(len(latencies) / elapsed, 1),
            "p50_ms": round(pct(0.50), 1), "p99_ms": round(pct(0.99), 1),
            "mean_ms": round(1000 * statistics.fmean(latencies), 1) if latencies else 0.0,
            "errors": errors}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=5.0, help="per target")
    ap.add_argument("--stories", type=int, default=100, help="synthetic stories to create")
    ap.add_argument("--db", help="use an existing workspace store instead of a synthetic one")
    ap.add_argument("--ingest", nargs="*", help="build the store with the real pipeline from these paths")
    args = ap.parse_args()
    clients = max(1, min(args.clients, MAX_CLIENTS))
    seconds = max(0.5, min(args.seconds, MAX_SECONDS))

    tmp = tempfile.TemporaryDirectory()
    if args.db:
        from newsfuse.store import Store

        db = Path(args.db)
        with Store(db) as store:
            story_ids = store.story_ids()
    else:
        db = Path(tmp.name) / "bench.db"
        t0 = time.perf_counter()
        story_ids = ingested_store(db, args.ingest) if args.ingest else synthetic_store(db, args.stories)
        print(f"store ready: {len(story_ids)} stories in {time.perf_counter() - t0:.1f}s")
    if not story_ids:
        raise SystemExit("the store has no stories")

    port = free_port()
    server = start_server(db, port)
    base = f"http://127.0.0.1:{port}"
    sample = story_ids[: min(len(story_ids), 50)]
    targets = {
        "story page": [f"/stories/{s}" for s in sample],
        "stories list page": ["/"],
        "GET /api/stories": ["/api/stories?limit=50"],
        "GET /api/stories/{id}": [f"/api/stories/{s}" for s in sample],
    }
    results = {}
    try:
        for name, paths in targets.items():
            asyncio.run(load(base, paths[:1], 1, 0.5))  # warm-up
            r = asyncio.run(load(base, paths, clients, seconds))
            results[name] = r
            print(f"{name:24s} {r['req_per_s']:8.1f} req/s  p50 {r['p50_ms']:7.1f} ms  "
                  f"p99 {r['p99_ms']:7.1f} ms  errors {r['errors']}  ({r['requests']} requests)")
    finally:
        server.terminate()
        server.wait(timeout=10)
        tmp.cleanup()
    print(json.dumps({"clients": clients, "seconds": seconds, "stories": len(story_ids),
                      "results": results}))


if __name__ == "__main__":
    main()
