"""Batch briefs on Dask: the same stage functions, mapped over partitions.

Reading files and briefing stories are embarrassingly parallel and run as Dask bag tasks (on a
local cluster by default, or on any cluster whose scheduler address you pass). Grouping articles
into stories needs every article at once, so it runs on the client through the same
``pipeline.ingest_articles`` a laptop run uses. Differences from a one-process run: lines repeated
across articles of one outlet are recognised within a partition of files, not across all of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from newsfuse.pipeline import BriefRun, brief_for, brief_run
from newsfuse.records import Article, ReadProblem

__all__ = ["brief_dask", "list_files"]


def list_files(paths: Iterable[str | Path]) -> list[str]:
    """Expand folders into their files, as the readers would, so they can be partitioned (a URL
    stays one item: its feed's entries are fetched by the worker that reads it)."""
    from newsfuse.ingest.fetch import is_url
    from newsfuse.ingest.readers import iter_files

    out: list[str] = []
    for p in paths:
        if is_url(p):
            out.append(str(p).strip())
        else:
            out += [str(f) if isinstance(f, Path) else f.path for f in iter_files([p])]
    return out


def _read_partition(files: list[str]) -> list[Article | ReadProblem]:
    from newsfuse.ingest import read_paths

    return list(read_paths(files))


def _brief_partition(items: list, words: int | None) -> list:
    return [brief_for(story, articles, copies, words=words) for story, articles, copies in items]


def brief_dask(paths: Iterable[str | Path], scheduler: str | None = None, npartitions: int | None = None,
               words: int | None = None) -> BriefRun:
    """``newsfuse brief --dask``: read and brief on Dask; ``scheduler`` is a Dask address or None
    for a local cluster of processes on this machine."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
    try:
        def read(ps):
            files = list_files(ps)
            n = npartitions or max(1, min(len(files), 4 * len(client.scheduler_info()["workers"])))
            items = db.from_sequence(files, npartitions=n).map_partitions(_read_partition).compute()
            return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadProblem)])

        def map_briefs(inputs, w):
            if not inputs:
                return []
            n = npartitions or min(len(inputs), 4 * len(client.scheduler_info()["workers"]))
            bag = db.from_sequence(inputs, npartitions=max(1, n))
            return bag.map_partitions(_brief_partition, w).compute()

        return brief_run(paths, words=words, read=read, map_briefs=map_briefs)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
