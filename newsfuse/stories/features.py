"""Per-article features of the stories stage, computed where the articles are made.

Why: dedup's sentence keys, band hashes and MinHash, and clustering's term counts depend on the
article alone. An ingest worker process (``newsfuse.ingest.read_*(..., workers=N)``) computes them
right after cleaning and segmenting, and the process that runs ``find_duplicates`` and
``StoryClusterer.add`` finds them in the caches it would otherwise fill itself: the same functions
on the same input, so the same values, while that process keeps to the per-batch work.
Only default configurations are prepared; other configurations compute their own as before.
"""

from __future__ import annotations

from newsfuse.records import Article

__all__ = ["export", "install", "put_bounded"]


def put_bounded(cache, items, limit: int) -> None:
    """Put (key, value) pairs into an OrderedDict cache and drop its oldest entries beyond ``limit``
    (the one eviction rule of the stories stage's per-article caches)."""
    for key, value in items:
        cache[key] = value
    while len(cache) > limit:
        cache.popitem(last=False)


def export(items: list) -> tuple[list, list] | None:
    """Features of the Articles among ``items`` (other items are skipped), to send with them."""
    from newsfuse.stories.cluster import export_counts
    from newsfuse.stories.dedup import export_features

    arts = [a for a in items if isinstance(a, Article)]
    if not arts:
        return None
    return export_features(arts), export_counts(arts)


def install(items: list, blob: tuple[list, list] | None) -> None:
    """Put ``export``'s result into this process's caches, under the received Article objects."""
    if not blob:
        return
    from newsfuse.stories.cluster import remember_counts
    from newsfuse.stories.dedup import remember_features

    arts = [a for a in items if isinstance(a, Article)]
    dedup_feats, counts = blob
    if len(arts) == len(dedup_feats) == len(counts):
        remember_features(arts, dedup_feats)
        remember_counts(arts, counts)
