"""Ingest: files, uploads and JSON records -> cleaned, segmented Articles (or ReadProblems).

Bad input never raises: each unreadable file or record becomes a ``ReadProblem`` and the run goes
on. Articles are prepared in batches (``BATCH`` documents) so that lines repeated across one
outlet's articles can be recognised as furniture before ids are computed.

``workers=N`` prepares the batches in N worker processes (the same batches, so the same
Articles, in the same order), a few batches ahead of the consumer: a caller that dedups and
clusters articles as they come runs alongside the workers. The workers also compute the stories
stage's per-article features (``newsfuse.stories.features``).
"""

from __future__ import annotations

from collections import deque
from typing import Callable, Iterable, Iterator

from ..records import Article, ReadProblem
from .prepare import prepare_docs
from .readers import MAX_BYTES, RawDoc, iter_files, read_bytes_raw, read_file, records_to_raw

__all__ = ["read_paths", "read_records", "read_bytes", "MAX_BYTES", "BATCH"]

BATCH = 500


def _emit(results, on_problem) -> Iterator[Article | ReadProblem]:
    for r in results:
        if isinstance(r, ReadProblem) and on_problem is not None:
            on_problem(r)
        yield r


def _prepare_remote(raws: list[RawDoc]) -> tuple[list[Article | ReadProblem], object]:
    """In a worker process: one batch, plus the stories stage's features of its articles."""
    out = prepare_docs(raws)
    try:
        from newsfuse.stories import features

        blob = features.export(out)
    except Exception:  # features are an optimisation: the consumer computes them itself
        blob = None
    return out, blob


def _batched_workers(sources: Iterable, on_problem, workers: int) -> Iterator[Article | ReadProblem]:
    """``_batched`` with batches prepared by ``workers`` processes, at most ``workers + 1`` batches
    ahead of the consumer; results keep the input order. A batch whose worker fails (or a pool
    that cannot start) is prepared in this process instead."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    from newsfuse.stories import features

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    pending: deque = deque()  # (future or None, raws or problems), in input order

    def ready(limit: int) -> Iterator[Article | ReadProblem]:
        while pending and (pending[0][0] is None or sum(f is not None for f, _ in pending) > limit):
            fut, got = pending.popleft()
            if fut is None:
                yield from _emit(got, on_problem)
                continue
            try:
                out, blob = fut.result()
                features.install(out, blob)
            except Exception:
                out = prepare_docs(got)
            yield from _emit(out, on_problem)

    try:
        ex = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
    except Exception:
        yield from _batched(sources, on_problem)
        return
    with ex:
        raws: list[RawDoc] = []

        def submit(batch: list[RawDoc]) -> None:
            try:
                pending.append((ex.submit(_prepare_remote, batch), batch))
            except Exception:  # a broken pool: this batch is prepared here when its turn comes
                pending.append((None, prepare_docs(batch)))

        for item in sources:
            if isinstance(item, ReadProblem):
                pending.append((None, [item]))
            else:
                raws.append(item)
                if len(raws) >= BATCH:
                    submit(raws)
                    raws = []
            yield from ready(workers + 1)
        if raws:
            submit(raws)
        yield from ready(0)


def _batched(sources: Iterable, on_problem, workers: int = 0) -> Iterator[Article | ReadProblem]:
    if workers > 0:
        yield from _batched_workers(sources, on_problem, workers)
        return
    raws: list[RawDoc] = []
    for item in sources:
        if isinstance(item, ReadProblem):
            yield from _emit([item], on_problem)
        else:
            raws.append(item)
            if len(raws) >= BATCH:
                yield from _emit(prepare_docs(raws), on_problem)
                raws = []
    if raws:
        yield from _emit(prepare_docs(raws), on_problem)


def _raw_from_paths(paths) -> Iterator[RawDoc | ReadProblem]:
    for f in iter_files(paths):
        if isinstance(f, ReadProblem):
            yield f
            continue
        try:
            yield from read_file(f)
        except Exception as e:  # a reader bug must not stop the run
            yield ReadProblem(str(f), f"could not read: {type(e).__name__}: {e}"[:200])


def read_paths(paths, on_problem: Callable[[ReadProblem], None] | None = None,
               workers: int = 0) -> Iterator[Article | ReadProblem]:
    """Read files and directories (recursive, sorted, hidden entries skipped).

    Formats: .txt, .html/.htm, .json/.jsonl, .warc/.warc.gz and .gz of any of these.
    ``on_problem`` is called for each ReadProblem as well as it being yielded. ``workers``:
    processes that prepare the batches (0: this one), see the module docstring.
    """
    return _batched(_raw_from_paths(paths), on_problem, workers)


def read_records(records: list[dict], origin: str, workers: int = 0) -> Iterator[Article | ReadProblem]:
    """JSON records (url, title, text|content|body, published|date, outlet|source, authors).
    ``workers``: processes that prepare the batches (0: this one), see the module docstring."""
    try:
        raws = records_to_raw(records, origin)
    except Exception as e:
        raws = [ReadProblem(origin, f"could not read records: {type(e).__name__}: {e}"[:200])]
    return _batched(raws, None, workers)


def read_bytes(name: str, data: bytes) -> Iterator[Article | ReadProblem]:
    """An uploaded file: dispatch by its name, or by content when the name has no known type."""
    try:
        raws = read_bytes_raw(name, data)
    except Exception as e:
        raws = [ReadProblem(name, f"could not read: {type(e).__name__}: {e}"[:200])]
    return _batched(raws, None)
