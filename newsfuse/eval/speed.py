"""Seconds per brief for stories of 5, 25, 100 and 400 articles, peak memory, vs LexRank.

Stories are real Timeline17 articles: the N articles published closest to the busiest day of the
chosen topics (default: the five BP oil spill folders, 1,461 articles on one event), so the
clusters look like what the story clusterer hands to fusion. Each (system, size) runs in a fresh
process so its peak RSS is its own; newsfuse's time is extract (when that stage exists) plus
``build_brief``, median of up to ``repeats`` runs after a small warm-up (fewer once the runs
add up to two minutes). The peer is sumy's LexRank on the
same articles asked for the same number of sentences; it is pure Python and quadratic in
sentences, so sizes above ``lexrank_max_sentences`` are skipped rather than left running.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import statistics
import time
from collections import Counter
from pathlib import Path

from newsfuse.eval.t17 import default_t17_dir, load_topic, topic_dirs

__all__ = ["run", "format_report", "story_articles", "SIZES"]

SIZES = (5, 25, 100, 400)


def story_articles(data_dir: Path, topics: list[str], n: int):
    """The n articles published closest to the busiest publication day of the topics."""
    arts = []
    for f in topic_dirs(data_dir, topics):
        arts.extend(load_topic(f).articles)
    if not arts:
        return []
    busiest = Counter(a.published_date for a in arts).most_common(1)[0][0]
    arts.sort(key=lambda a: (abs((a.published_date - busiest).days), a.id))
    return arts[:n]


def _rss_mb() -> float:
    """Current resident set size of this process, MB (from /proc; psutil when available)."""
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20
    except Exception:  # noqa: BLE001
        return float("nan")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _newsfuse_once(arts):
    from newsfuse.fuse import build_brief
    from newsfuse.records import Extraction, Story

    try:
        from newsfuse.extract import extract  # type: ignore
    except ImportError:
        extract = None
    t0 = time.perf_counter()
    extraction = extract(arts) if extract else Extraction()
    t1 = time.perf_counter()
    brief = build_brief(Story(id="speed", article_ids=[a.id for a in arts]), arts, extraction)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, brief


def _child(kind: str, data_dir: str, topics: list[str], n: int, repeats: int,
           n_sentences: int, out, budget: float = 120.0) -> None:
    """Runs in a fresh process: times one system on one story size, reports via ``out``."""
    try:
        arts = story_articles(Path(data_dir), topics, n)
        sents = sum(len(a.sentences) for a in arts)
        if kind == "newsfuse":
            import newsfuse.fuse  # noqa: F401 - imports are not part of the brief time

            try:
                import newsfuse.extract  # noqa: F401
            except ImportError:
                pass
            rss0 = _rss_mb()
            _newsfuse_once(arts[: min(len(arts), 3)])  # warm-up (lazy imports inside stages)
            ext, fus, totals = [], [], []
            brief = None
            for _ in range(repeats):
                e, f, brief = _newsfuse_once(arts)
                ext.append(e)
                fus.append(f)
                totals.append(e + f)
                if sum(totals) > budget:  # slow sizes: one or two runs say enough
                    break
            res = {
                "seconds": statistics.median(totals), "extract_seconds": statistics.median(ext),
                "brief_seconds": statistics.median(fus), "summary_sentences": len(brief.summary),
                "timeline_items": len(brief.timeline), "facts": len(brief.facts),
                "runs": len(totals),
            }
        else:
            from newsfuse.eval.summaries import lexrank_ranked

            import sumy.summarizers.lex_rank  # noqa: F401

            rss0 = _rss_mb()
            times = []
            for _ in range(repeats):
                t0 = time.perf_counter()
                lexrank_ranked(arts, max_sentences=n_sentences)
                times.append(time.perf_counter() - t0)
                if sum(times) > budget:
                    break
            res = {"seconds": statistics.median(times), "runs": len(times)}
        res.update({"articles": len(arts), "sentences": sents, "rss_before_mb": round(rss0, 1),
                    "peak_rss_mb": round(_peak_mb(), 1)})
        out.put(res)
    except Exception as exc:  # noqa: BLE001 - report the failure, keep the benchmark going
        out.put({"error": f"{type(exc).__name__}: {exc}"})


def _in_process(kind, data_dir, topics, n, repeats, n_sentences, timeout):
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(kind, str(data_dir), topics, n, repeats, n_sentences, q))
    p.start()
    try:
        res = q.get(timeout=timeout)
    except Exception:  # noqa: BLE001 - queue.Empty on timeout
        res = {"error": f"timed out after {timeout}s"}
    p.join(5)
    if p.is_alive():
        p.terminate()
        p.join()
    return res


def run(
    data_dir: Path | None = None,
    topics: list[str] | None = None,
    limit: int | None = None,
    repeats: int = 3,
    sizes: tuple[int, ...] = SIZES,
    lexrank_max_sentences: int = 3000,
    timeout: float = 1800,
) -> dict:
    """Time newsfuse and LexRank briefs per story size; ``limit`` drops sizes above it."""
    data_dir = Path(data_dir) if data_dir else default_t17_dir()
    topics = topics or ["bpoil"]
    sizes = tuple(s for s in sizes if not limit or s <= limit)
    rows = []
    for n in sizes:
        ours = _in_process("newsfuse", data_dir, topics, n, repeats, 0, timeout)
        row = {"size": n, "newsfuse": ours}
        k = ours.get("summary_sentences") or 6
        sents = ours.get("sentences", 0)
        if sents and sents > lexrank_max_sentences:
            row["lexrank"] = {"skipped": f"{sents} sentences > {lexrank_max_sentences}"}
        else:
            row["lexrank"] = _in_process("lexrank", data_dir, topics, n, max(1, min(repeats, 2)),
                                         k, timeout)
        lt = row["lexrank"].get("seconds")
        row["ratio"] = (ours["seconds"] / lt) if lt and ours.get("seconds") else None
        rows.append(row)
    return {"data_dir": str(data_dir), "topics": topics, "repeats": repeats, "rows": rows}


def format_report(res: dict) -> str:
    lines = [f"brief speed on T17 {','.join(res['topics'])} stories (median of {res['repeats']})",
             f"{'articles':>8} {'sents':>6} {'newsfuse s':>10} {'extract':>8} {'brief':>8} "
             f"{'peak MB':>8} {'runs':>4} {'lexrank s':>10} {'peak MB':>8} {'ours/lexrank':>12}"]
    for r in res["rows"]:
        o, lx = r["newsfuse"], r["lexrank"]
        if "error" in o:
            lines.append(f"{r['size']:>8} newsfuse error: {o['error']}")
            continue
        lx_s = f"{lx['seconds']:.3f}" if "seconds" in lx else ("skipped" if "skipped" in lx else "error")
        lx_m = f"{lx['peak_rss_mb']:.0f}" if "peak_rss_mb" in lx else "-"
        ratio = f"{r['ratio']:.3f}" if r["ratio"] else "-"
        lines.append(f"{o['articles']:>8} {o['sentences']:>6} {o['seconds']:>10.3f} "
                     f"{o['extract_seconds']:>8.3f} {o['brief_seconds']:>8.3f} "
                     f"{o['peak_rss_mb']:>8.0f} {o.get('runs', 1):>4} {lx_s:>10} {lx_m:>8} "
                     f"{ratio:>12}")
        if "skipped" in lx:
            lines.append(f"{'':>8} lexrank skipped: {lx['skipped']}")
    return "\n".join(lines)
