"""Ingest: files, uploads and JSON records -> cleaned, segmented Articles (or ReadProblems).

Bad input never raises: each unreadable file or record becomes a ``ReadProblem`` and the run goes
on. Articles are prepared in batches (``BATCH`` documents) so that lines repeated across one
outlet's articles can be recognised as furniture before ids are computed.

``workers=N`` prepares the batches in N worker processes (the same batches, so the same
Articles, in the same order), a few batches ahead of the consumer and handed back a few articles
at a time: a caller that dedups and clusters articles as they come runs alongside the workers.
The workers also compute the stories stage's per-article features (see ``.parallel``).
"""

from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator

from ..records import Article, ReadProblem
from .fetch import is_url, read_url, url_list
from .prepare import prepare_docs
from .readers import MAX_BYTES, RawDoc, iter_files, read_bytes_raw, read_file, records_to_raw

__all__ = ["read_paths", "read_urls", "read_records", "read_bytes", "MAX_BYTES", "BATCH"]

BATCH = 500


def _emit(results, on_problem) -> Iterator[Article | ReadProblem]:
    for r in results:
        if isinstance(r, ReadProblem) and on_problem is not None:
            on_problem(r)
        yield r


def _units(sources: Iterable) -> Iterator[tuple[str, list]]:
    """``("items", [problem])`` for each ReadProblem, ``("raws", batch)`` for each BATCH documents."""
    raws: list[RawDoc] = []
    for item in sources:
        if isinstance(item, ReadProblem):
            yield "items", [item]
        else:
            raws.append(item)
            if len(raws) >= BATCH:
                yield "raws", raws
                raws = []
    if raws:
        yield "raws", raws


def _batched(sources: Iterable, on_problem, workers: int = 0) -> Iterator[Article | ReadProblem]:
    if workers > 0:
        from .parallel import prepare_parallel

        yield from _emit(prepare_parallel(_units(sources), workers), on_problem)
        return
    for kind, payload in _units(sources):
        yield from _emit(payload if kind == "items" else prepare_docs(payload), on_problem)


def _raw_from_paths(paths) -> Iterator[RawDoc | ReadProblem]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in paths:
        if is_url(p):
            yield from _raw_from_url(p)
        else:
            yield from _raw_from_files(p)


def _raw_from_files(path) -> Iterator[RawDoc | ReadProblem]:
    for f in iter_files([path]):
        if isinstance(f, ReadProblem):
            yield f
            continue
        urls = url_list(f)
        if urls:  # a list of pages and feeds to fetch, not an article
            for url in urls:
                yield from _raw_from_url(url)
            continue
        try:
            yield from read_file(f)
        except Exception as e:  # a reader bug must not stop the run
            yield ReadProblem(str(f), f"could not read: {type(e).__name__}: {e}"[:200])


def read_paths(paths, on_problem: Callable[[ReadProblem], None] | None = None,
               workers: int = 0) -> Iterator[Article | ReadProblem]:
    """Read files and directories (recursive, sorted, hidden entries skipped), and URLs (an article
    page, or an RSS/Atom feed whose entries' pages are read: see ``.fetch``).

    Formats: .txt, .html/.htm, .json/.jsonl, .warc/.warc.gz and .gz of any of these.
    ``on_problem`` is called for each ReadProblem as well as it being yielded. ``workers``:
    processes that prepare the batches (0: this one), see the module docstring.
    """
    return _batched(_raw_from_paths(paths), on_problem, workers)


def _raw_from_url(url: str, skip=None) -> Iterator[RawDoc | ReadProblem]:
    try:
        yield from read_url(url, skip)
    except Exception as e:  # a reader bug must not stop the run
        yield ReadProblem(url, f"could not read: {type(e).__name__}: {e}"[:200])


def read_urls(urls: Iterable[str], skip=None) -> Iterator[Article | ReadProblem]:
    """Pages and feeds at ``urls`` (``skip(link, stamp)``: feed entries not to fetch; see
    ``.fetch.read_url``)."""
    return _batched((r for url in urls for r in _raw_from_url(url, skip)), None)


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
