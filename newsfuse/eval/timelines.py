"""Timeline17 evaluation: newsfuse's timeline builder against a simple baseline in the same run.

Standard set-up (Gholipour Ghalandari & Ifrim 2020): for each reference timeline, use the topic's
articles published within the reference's first..last date, and ask for as many dates as the
reference has and round(mean sentences per date) sentences per date. Metrics (tilse): Date-F1
and alignment-based ROUGE-1/2 ("align date-content costs, many-to-one", Martschat & Markert
2018) on space-separated tokens. Averages follow news-tls: mean precision and mean recall over
timelines, F from those means.

The baseline ranks days by how many sentences mention them and takes the first sentences of the
articles published that day, so every figure has a ratio on identical data.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from newsfuse.eval.t17 import Topic, default_t17_dir, load_topic, topic_dirs
from newsfuse.records import Article, Happening

__all__ = [
    "evaluate_timeline",
    "baseline_timeline",
    "newsfuse_timeline",
    "run",
    "format_report",
    "train_date_model",
    "date_examples",
    "PUBLISHED",
]

# Published T17 results (original split; ours differs slightly, compare ratios to the baseline).
PUBLISHED = {
    "Datewise": {"rouge_1": 0.120, "rouge_2": 0.035, "date_f1": 0.544},
    "CLUST": {"rouge_1": 0.082, "rouge_2": 0.020, "date_f1": 0.407},
}

_EVALUATOR = None


def _evaluator():
    """tilse's evaluator with the pure-Python ROUGE (no Perl); built once per process."""
    global _EVALUATOR
    if _EVALUATOR is None:
        from tilse.evaluation import rouge

        _EVALUATOR = rouge.TimelineRougeEvaluator(
            measures=["rouge_1", "rouge_2"], rouge_computation="reimpl"
        )
    return _EVALUATOR


def evaluate_timeline(
    pred: dict[date, list[str]], ref: dict[date, list[str]]
) -> dict[str, dict[str, float]]:
    """Date P/R/F and alignment-based ROUGE-1/2 P/R/F of one predicted timeline.

    Both timelines map a date to sentences of space-separated tokens. An empty prediction
    scores 0 everywhere (tilse itself would divide by zero).
    """
    from tilse.data.timelines import GroundTruth, Timeline
    from tilse.evaluation.dates import evaluate_dates

    zero = {"precision": 0.0, "recall": 0.0, "f_score": 0.0}
    pred = {d: s for d, s in pred.items() if s}
    if not pred or not ref:
        return {"rouge_1": dict(zero), "rouge_2": dict(zero), "date": dict(zero)}
    p_tl = Timeline(pred)
    gt = GroundTruth([Timeline(ref)])
    scores = _evaluator().evaluate_align_date_content_costs_many_to_one(p_tl, gt)
    dates = evaluate_dates(p_tl, gt)
    return {
        "rouge_1": {k: float(v) for k, v in scores["rouge_1"].items()},
        "rouge_2": {k: float(v) for k, v in scores["rouge_2"].items()},
        "date": {k: float(v) for k, v in dates.items()},
    }


# ---------------------------------------------------------------------------------------------
# Systems
# ---------------------------------------------------------------------------------------------


@dataclass
class Task:
    """One reference timeline's request: the input articles and the output size."""

    articles: list[Article]
    happenings: list[Happening]
    start: date
    end: date
    n_dates: int
    per_date: int


def newsfuse_timeline(
    topic: Topic, task: Task, date_model: dict | str | None = None
) -> dict[date, list[str]]:
    """newsfuse.fuse.timeline.build_timeline, mapped back to T17's tokenised sentences."""
    from newsfuse.fuse.timeline import build_timeline

    kwargs = {"date_model": date_model} if date_model is not None else {}
    items = build_timeline(
        task.articles, task.happenings, max_dates=task.n_dates, per_date=task.per_date,
        span=(task.start, task.end), **kwargs,
    )
    out: dict[date, list[str]] = defaultdict(list)
    for it in items:
        c = it.citations[0]
        out[it.date].append(topic.tokens[(c.article_id, c.sentence)])
    return dict(out)


def baseline_timeline(topic: Topic, task: Task) -> dict[date, list[str]]:
    """Most-mentioned days; for each, the first sentences of the articles published that day."""
    counts = Counter(h.date for h in task.happenings if h.date and task.start <= h.date <= task.end)
    by_pub: dict[date, list[Article]] = defaultdict(list)
    for a in task.articles:
        if a.published_date:
            by_pub[a.published_date].append(a)
    out: dict[date, list[str]] = {}
    for d, _n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if len(out) >= task.n_dates:
            break
        leads = [a.sentences[0] for a in by_pub.get(d, []) if a.sentences]
        if not leads:
            continue
        out[d] = [topic.tokens[(s.article_id, s.index)] for s in leads[: task.per_date]]
    return out


SYSTEMS: dict[str, Callable[[Topic, Task], dict[date, list[str]]]] = {
    "newsfuse": newsfuse_timeline,
    "baseline": baseline_timeline,
}


# ---------------------------------------------------------------------------------------------
# Harness
# ---------------------------------------------------------------------------------------------


def _happenings(articles: list[Article], source: str) -> list[Happening]:
    """Dated sentences: the fast resolver in fuse.timeline, or the extract stage's when asked."""
    if source == "extract":
        from newsfuse.extract.dates import extract_happenings  # type: ignore

        return [h for a in articles for h in extract_happenings(a)]
    from newsfuse.fuse.timeline import happenings_for

    return [h for a in articles for h in happenings_for(a)]


def _sample(articles: list[Article], limit: int | None) -> list[Article]:
    """Evenly spaced articles over time, so a small limit still spans the reference dates."""
    if not limit or len(articles) <= limit:
        return articles
    step = len(articles) / limit
    return [articles[int(i * step)] for i in range(limit)]


def _prepare(folder: Path, limit: int | None, dates: str) -> tuple[Topic, list[tuple[Task, dict]], dict]:
    """Load a topic, resolve its dates once, and build one Task per reference timeline."""
    t0 = time.perf_counter()
    topic = load_topic(folder)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    happenings = _happenings(topic.articles, dates)
    dates_s = time.perf_counter() - t0
    by_article: dict[str, list[Happening]] = defaultdict(list)
    for h in happenings:
        by_article[h.article_id].append(h)
    tasks = []
    for ref in topic.timelines:
        ref_dates = sorted(ref)
        start, end = ref_dates[0], ref_dates[-1]
        arts = [a for a in topic.articles if start <= a.published_date <= end]
        arts = _sample(arts, limit)
        hs = [h for a in arts for h in by_article.get(a.id, [])]
        per_date = max(1, round(sum(len(v) for v in ref.values()) / len(ref)))
        tasks.append((Task(arts, hs, start, end, len(ref), per_date), ref))
    return topic, tasks, {"load_seconds": round(load_s, 3), "dates_seconds": round(dates_s, 3)}


def date_examples(task: Task, ref: dict[date, list[str]]):
    """(features, labels) of every candidate day in the task's span: is the day in the reference?"""
    from newsfuse.fuse.timeline import date_stats, feature_matrix

    stats = date_stats(task.articles, task.happenings)
    days = [d for d in sorted(stats) if task.start <= d <= task.end]
    X = feature_matrix([stats[d] for d in days])
    y = [1 if d in ref else 0 for d in days]
    return X, y


def train_date_model(examples: list) -> dict[str, float]:
    """Logistic regression over the scaled date features (Datewise's supervised date ranker).

    Each timeline weighs the same in training, whatever its number of candidate days: otherwise
    the three long timelines (100-300 candidate days) decide the model for the short ones.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from newsfuse.fuse.timeline import FEATURES

    kept = [(x, lab) for x, lab in examples if len(x)]
    X = np.vstack([x for x, _ in kept])
    y = np.concatenate([np.array(lab) for _, lab in kept])
    w = np.concatenate([np.full(len(x), 1.0 / len(x)) for x, _ in kept])
    clf = LogisticRegression(C=1.0, max_iter=5000)
    clf.fit(X, y, sample_weight=w / w.mean())
    model = {f: float(w) for f, w in zip(FEATURES, clf.coef_[0])}
    model["bias"] = float(clf.intercept_[0])
    return model


# Filled before scoring so forked workers see the prepared topics without pickling them.
_STATE: dict = {}


def _score_one(i: int) -> dict:
    topic, task, ref, model, info, j = _STATE["jobs"][i]
    row = {
        "topic": topic.name, "timeline": j, "articles": len(task.articles),
        "ref_dates": len(ref), "per_date": task.per_date,
        "span": [task.start.isoformat(), task.end.isoformat()], **info, "systems": {},
    }
    for name in _STATE["systems"]:
        t0 = time.perf_counter()
        if name == "newsfuse":
            pred = newsfuse_timeline(topic, task, model)
        else:
            pred = SYSTEMS[name](topic, task)
        secs = time.perf_counter() - t0
        scores = evaluate_timeline(pred, ref)
        scores["seconds"] = round(secs, 3)
        scores["pred_dates"] = len(pred)
        row["systems"][name] = scores
    if isinstance(model, dict):
        row["date_model"] = {k: round(v, 4) for k, v in model.items()}
    return row


def _average(rows: list[dict], system: str) -> dict[str, float]:
    """news-tls averaging: mean P and mean R over timelines; F from the means."""
    out: dict[str, float] = {}
    n = len(rows)
    for metric in ("rouge_1", "rouge_2", "date"):
        p = sum(r["systems"][system][metric]["precision"] for r in rows) / n
        rc = sum(r["systems"][system][metric]["recall"] for r in rows) / n
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        out[metric] = f
        out[metric + "_mean_f"] = sum(r["systems"][system][metric]["f_score"] for r in rows) / n
    out["seconds"] = sum(r["systems"][system]["seconds"] for r in rows)
    return out


def run(
    data_dir: Path | None = None,
    topics: list[str] | None = None,
    limit: int | None = None,
    dates: str = "fast",
    jobs: int = 1,
    systems: list[str] | None = None,
    date_ranker: str = "learned",
) -> dict:
    """Evaluate every reference timeline of the chosen topics; returns rows and averages.

    limit: at most this many articles per reference timeline (evenly spaced in time).
    dates: "fast" (fuse.timeline resolver) or "extract" (newsfuse.extract.dates).
    jobs:  worker processes for scoring (the machine has 2 shared cores: default 1).
    date_ranker: "learned" (the honest figure) trains the date model leave-one-topic-out: the
           held-out topic's timelines never train the model that ranks its days (all sources of
           one event, e.g. every bpoil_* folder, count as one topic). "fixed" uses
           build_timeline's ``DATE_MODEL`` (what briefs use; trained on all of T17, so
           optimistic); "hand" the older hand-set ``DATE_WEIGHTS`` (also chosen on T17).
    """
    if date_ranker not in ("learned", "fixed", "hand"):
        raise ValueError(f"unknown date ranker {date_ranker!r}")
    data_dir = Path(data_dir) if data_dir else default_t17_dir()
    systems = systems or list(SYSTEMS)
    folders = topic_dirs(data_dir, topics)
    t0 = time.perf_counter()
    prepared = [_prepare(f, limit, dates) for f in folders]
    # Training examples come from every topic folder present in data_dir, not just those asked.
    train_pool = prepared
    if date_ranker == "learned" and topics:
        asked = {f.name for f in folders}
        train_pool = prepared + [_prepare(f, limit, dates) for f in topic_dirs(data_dir)
                                 if f.name not in asked]
    models: dict[str, dict | None] = {}
    jobs_list = []
    for topic, tasks, info in prepared:
        event = topic.name.split("_")[0]
        if date_ranker == "learned" and event not in models:
            ex = [date_examples(t, r) for tp, ts, _ in train_pool
                  if tp.name.split("_")[0] != event for t, r in ts]
            models[event] = train_date_model(ex) if ex else None
        model = models.get(event) if date_ranker == "learned" else (
            "hand" if date_ranker == "hand" else None)
        for j, (task, ref) in enumerate(tasks):
            jobs_list.append((topic, task, ref, model, info, j))
    _STATE.update(jobs=jobs_list, systems=systems)
    if jobs > 1 and len(jobs_list) > 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        # Longest first, so one big timeline does not finish alone at the end.
        order = sorted(range(len(jobs_list)), key=lambda i: -len(jobs_list[i][2]))
        with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("fork")) as ex:
            by_i = dict(zip(order, ex.map(_score_one, order)))
        rows = [by_i[i] for i in range(len(jobs_list))]
    else:
        rows = [_score_one(i) for i in range(len(jobs_list))]
    _STATE.clear()
    avg = {s: _average(rows, s) for s in systems} if rows else {}
    ratios = {}
    if "newsfuse" in avg and "baseline" in avg:
        ratios = {
            m: (avg["newsfuse"][m] / avg["baseline"][m] if avg["baseline"][m] else None)
            for m in ("rouge_1", "rouge_2", "date")
        }
    published_ratio = {}
    if "newsfuse" in avg:
        pub = PUBLISHED["Datewise"]
        published_ratio = {
            "rouge_1": avg["newsfuse"]["rouge_1"] / pub["rouge_1"],
            "rouge_2": avg["newsfuse"]["rouge_2"] / pub["rouge_2"],
            "date": avg["newsfuse"]["date"] / pub["date_f1"],
        }
    return {
        "data_dir": str(data_dir), "limit": limit, "dates": dates, "date_ranker": date_ranker,
        "timelines": len(rows), "seconds": round(time.perf_counter() - t0, 2),
        "rows": rows, "average": avg, "ratio_to_baseline": ratios,
        "published": PUBLISHED, "ratio_to_datewise": published_ratio,
    }


def format_report(res: dict) -> str:
    """Plain-text table: per timeline and averaged, each system's AR1-F / AR2-F / Date-F1."""
    systems = list(res["average"]) or ["newsfuse", "baseline"]
    head = f"{'topic':28} {'arts':>5} {'l':>3} {'k':>2}  " + "  ".join(
        f"{s[:8]:>8} R1   R2   DF1" for s in systems
    )
    lines = [head, "-" * len(head)]
    for r in res["rows"]:
        cells = []
        for s in systems:
            sc = r["systems"][s]
            cells.append(f"{'':>8} {sc['rouge_1']['f_score']:.3f} {sc['rouge_2']['f_score']:.3f}"
                         f" {sc['date']['f_score']:.3f}")
        name = f"{r['topic']}#{r['timeline']}"
        lines.append(f"{name:28} {r['articles']:>5} {r['ref_dates']:>3} {r['per_date']:>2}  "
                     + "  ".join(cells))
    lines.append("-" * len(head))
    for s in systems:
        a = res["average"][s]
        lines.append(f"average {s:10} AR1-F {a['rouge_1']:.4f}  AR2-F {a['rouge_2']:.4f}  "
                     f"Date-F1 {a['date']:.4f}   ({a['seconds']:.1f}s)")
    if res.get("ratio_to_baseline"):
        rb = res["ratio_to_baseline"]
        lines.append("newsfuse / baseline: " + "  ".join(
            f"{m} {v:.2f}" if v is not None else f"{m} n/a" for m, v in rb.items()))
    if res.get("ratio_to_datewise"):
        rd = res["ratio_to_datewise"]
        lines.append("newsfuse / published Datewise (0.120/0.035/0.544; all T17 topics, other "
                     "split: meaningful only for a full run): "
                     + "  ".join(f"{m} {v:.2f}" for m, v in rd.items()))
    lines.append(f"{res['timelines']} timelines in {res['seconds']:.1f}s "
                 f"(dates: {res.get('dates')}, date ranker: {res.get('date_ranker')})")
    return "\n".join(lines)

