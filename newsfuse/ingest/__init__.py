"""Ingest: files, uploads and JSON records -> cleaned, segmented Articles (or ReadProblems).

Bad input never raises: each unreadable file or record becomes a ``ReadProblem`` and the run goes
on. Articles are prepared in batches (``BATCH`` documents) so that lines repeated across one
outlet's articles can be recognised as furniture before ids are computed.
"""

from __future__ import annotations

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


def _batched(sources: Iterable, on_problem) -> Iterator[Article | ReadProblem]:
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


def read_paths(paths, on_problem: Callable[[ReadProblem], None] | None = None) -> Iterator[Article | ReadProblem]:
    """Read files and directories (recursive, sorted, hidden entries skipped).

    Formats: .txt, .html/.htm, .json/.jsonl, .warc/.warc.gz and .gz of any of these.
    ``on_problem`` is called for each ReadProblem as well as it being yielded.
    """
    return _batched(_raw_from_paths(paths), on_problem)


def read_records(records: list[dict], origin: str) -> Iterator[Article | ReadProblem]:
    """JSON records (url, title, text|content|body, published|date, outlet|source, authors)."""
    try:
        raws = records_to_raw(records, origin)
    except Exception as e:
        raws = [ReadProblem(origin, f"could not read records: {type(e).__name__}: {e}"[:200])]
    return _batched(raws, None)


def read_bytes(name: str, data: bytes) -> Iterator[Article | ReadProblem]:
    """An uploaded file: dispatch by its name, or by content when the name has no known type."""
    try:
        raws = read_bytes_raw(name, data)
    except Exception as e:
        raws = [ReadProblem(name, f"could not read: {type(e).__name__}: {e}"[:200])]
    return _batched(raws, None)
