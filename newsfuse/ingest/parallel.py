"""Batches prepared in worker processes and handed back a few articles at a time.

Why: preparing articles (cleaning, language, sentences) is the larger per-article cost of a run,
and the stories stage that follows needs one process. Worker processes prepare the batches (the
same ``BATCH``-document batches as in one process, so the same Articles in the same order) and
send each batch's articles back in chunks of ``CHUNK`` as they are finished: a consumer that
dedups and clusters articles as they arrive starts after the first chunk, not after the first
whole batch. While the consumer is behind, workers also send the stories stage's per-article
features (``newsfuse.stories.features``), which balances the work between the processes.

Robustness: a batch whose worker fails, or any batch once a worker has died, is prepared in this
process instead (articles already handed on are not repeated).
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import queue
from collections import deque
from typing import Iterable, Iterator

from ..records import Article, ReadProblem, Sentence
from .prepare import iter_prepared, prepare_docs

__all__ = ["prepare_parallel", "CHUNK"]

CHUNK = 64  # articles per message from a worker
AHEAD = 2  # chunks waiting for the consumer before a worker also computes their features
_GC_GEN0 = 10_000  # allocations between young-generation collections, in workers and consumer


def _export(items: list, results) -> object:
    """The chunk's stories-stage features, when the consumer is behind: with at least
    ``AHEAD`` chunks waiting for it, time spent here saves the consumer time; otherwise the
    articles go out at once and the consumer computes the features itself (the same values, so
    the split of the work never changes a result)."""
    try:
        if results.qsize() < AHEAD:
            return None
    except NotImplementedError:  # platforms without qsize: always help
        pass
    try:
        from newsfuse.stories import features

        return features.export(items)
    except Exception:  # features are an optimisation: the consumer computes them itself
        return None


def _pack(items: list) -> list[tuple]:
    """Take the sentences off the Articles among ``items`` as (position, spans, ref dates,
    entries): a Sentence is a slice of its article's text, and rebuilding one from its span costs
    a tenth of unpickling it. Articles whose sentences are not plain slices keep them."""
    packed = []
    for pos, a in enumerate(items):
        if not isinstance(a, Article) or not a.sentences:
            continue
        ss, text, aid = a.sentences, a.text, a.id
        if all(s.article_id == aid and s.index == i and s.text == text[s.start:s.end] for i, s in enumerate(ss)):
            packed.append((pos, [(s.start, s.end) for s in ss], [s.ref_date for s in ss], [s.entry for s in ss]))
            a.sentences = []
    return packed


def _unpack(items: list, packed: list[tuple]) -> None:
    for pos, spans, refs, entries in packed:
        a = items[pos]
        text, aid = a.text, a.id
        a.sentences = [Sentence(aid, i, text[s:e], s, e, r, en)
                       for i, ((s, e), r, en) in enumerate(zip(spans, refs, entries))]


def _send(results, seq: int, part: int, last: bool | None, chunk: list) -> None:
    blob = _export(chunk, results) if chunk else None  # features first: they read the sentences
    results.put((seq, part, last, chunk, blob, _pack(chunk)))


def _worker(jobs, results) -> None:
    """Worker loop: ``(seq, raws)`` in; ``(seq, part, last, items, features)`` out, where ``last``
    is None when the batch failed (the consumer then prepares it itself).

    The cyclic garbage collector is told to leave alone what the worker inherited and to run
    less often: preparing articles allocates many small objects that die young (freed by
    reference counting), and the default collections cost ~12% of the worker's time."""
    gc.freeze()
    gc.set_threshold(_GC_GEN0, 20, 20)
    try:
        from .meta import preload_language_model

        preload_language_model()  # while the first batch is cleaned
    except Exception:
        pass
    while True:
        job = jobs.get()
        if job is None:
            return
        seq, raws = job
        part, chunk = 0, []
        try:
            for item in iter_prepared(raws):
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    _send(results, seq, part, False, chunk)
                    part, chunk = part + 1, []
            _send(results, seq, part, True, chunk)
        except Exception:
            results.put((seq, part, None, [], None, []))


def _get(results) -> tuple:
    """One message, unpickled with the cyclic garbage collector paused: it makes many objects
    that all live on (the articles), which collections would only scan again and again."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return results.get(timeout=1.0)
    finally:
        if paused:
            gc.enable()


def prepare_parallel(units: Iterable[tuple[str, list]], workers: int) -> Iterator[Article | ReadProblem]:
    """Results of ``units`` in order: ``("raws", batch)`` is prepared by a worker,
    ``("items", results)`` is passed through. Up to ``workers + 2`` batches are handed out
    ahead of the consumer, so that a worker finishing a batch finds the next one waiting."""
    from newsfuse.stories import features

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    jobs, results = ctx.Queue(), ctx.Queue()
    # The consumer keeps what it receives (articles, their sentences and features): with the
    # default thresholds the cyclic collector scanned them again and again while the caller
    # deduplicated and clustered (~0.7 s of T17's ~16 s in that process, 3 full collections).
    # Collections run less often while this stream is open, as in the workers; restored at the end.
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _GC_GEN0), *thresholds[1:])
    procs = [ctx.Process(target=_worker, args=(jobs, results), daemon=True) for _ in range(workers)]
    broken = False
    try:
        for p in procs:
            p.start()
    except Exception:
        broken = True
    pending: deque = deque()  # (seq or None, raws or items), in input order
    parts: dict[int, dict[int, tuple]] = {}  # received chunks not yet handed on
    inflight = 0

    def receive() -> bool:
        """One message into ``parts``; False if the workers are gone."""
        nonlocal broken
        while not broken:
            try:
                seq, part, last, items, blob, packed = _get(results)
            except queue.Empty:
                if not all(p.is_alive() for p in procs):
                    broken = True
                continue
            _unpack(items, packed)
            parts.setdefault(seq, {})[part] = (last, items, blob)
            return True
        return False

    def drain_head() -> Iterator[Article | ReadProblem]:
        nonlocal inflight
        seq, payload = pending.popleft()
        if seq is None:
            yield from payload
            return
        inflight -= 1
        done, part = 0, 0
        while True:
            got = parts.get(seq, {}).pop(part, None)
            if got is None and not broken and receive():
                continue
            if got is None or got[0] is None:  # the workers are gone, or this batch failed
                yield from prepare_docs(payload)[done:]
                break
            last, items, blob = got
            features.install(items, blob)
            yield from items
            done += len(items)
            part += 1
            if last:
                break
        parts.pop(seq, None)

    try:
        seq = 0
        for kind, payload in units:
            if kind == "raws" and not broken:
                jobs.put((seq, payload))
                pending.append((seq, payload))
                seq += 1
                inflight += 1
            elif kind == "raws":
                pending.append((None, prepare_docs(payload)))
            else:
                pending.append((None, payload))
            while pending and (pending[0][0] is None or inflight > workers + 2):
                yield from drain_head()
        while pending:
            yield from drain_head()
    finally:
        gc.set_threshold(*thresholds)
        for _ in procs:
            try:
                jobs.put(None)
            except Exception:
                pass
        for p in procs:
            p.join(timeout=5)
            if p.is_alive():
                p.terminate()
        for q in (jobs, results):  # never wait at exit for data a dead worker will not read
            q.cancel_join_thread()
            q.close()
