"""Worker processes give the same results as one process, also when a worker fails or dies."""

import json
import os
from pathlib import Path

import pytest

import newsfuse.ingest as ingest
from newsfuse.ingest import parallel, read_records
from newsfuse.records import Article

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "events" / "articles.jsonl"


def _records() -> list[dict]:
    recs = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return recs[:20] + [{"title": "a record with no body"}] + recs[20:]


def _key(items) -> list:
    return [(x.id, x.text, x.published, [s.text for s in x.sentences]) if isinstance(x, Article)
            else (x.path, x.message) for x in items]


@pytest.fixture
def small(monkeypatch):
    """Batches of 12 documents, chunks of 5 articles: several of each."""
    monkeypatch.setattr(ingest, "BATCH", 12)
    monkeypatch.setattr(parallel, "CHUNK", 5)


def test_workers_match_one_process(small):
    want = _key(read_records(_records(), "fx"))
    assert _key(read_records(_records(), "fx", workers=1)) == want
    assert _key(read_records(_records(), "fx", workers=2)) == want


def test_a_failing_batch_is_prepared_here(small, monkeypatch):
    want = _key(read_records(_records(), "fx"))
    real = parallel.iter_prepared
    seen = []

    def flaky(raws):  # runs in the worker: its second batch fails after handing on some articles
        seen.append(1)
        for i, item in enumerate(real(raws)):
            if i == 7 and len(seen) == 2:
                raise RuntimeError("boom")
            yield item

    monkeypatch.setattr(parallel, "iter_prepared", flaky)
    assert _key(read_records(_records(), "fx", workers=1)) == want


def test_a_dead_worker_is_replaced_by_this_process(small, monkeypatch):
    want = _key(read_records(_records(), "fx"))
    real = parallel.iter_prepared
    seen = []

    def dying(raws):  # the worker dies in its second batch, after handing on some articles
        seen.append(1)
        for i, item in enumerate(real(raws)):
            if i == 6 and len(seen) == 2:
                os._exit(1)
            yield item

    monkeypatch.setattr(parallel, "iter_prepared", dying)
    assert _key(read_records(_records(), "fx", workers=1)) == want


def test_the_consumer_collects_less_often_while_the_stream_is_open(small):
    import gc

    before = gc.get_threshold()
    stream = read_records(_records(), "fx", workers=1)
    first = next(x for x in stream if isinstance(x, Article))
    assert first.sentences and gc.get_threshold()[0] >= parallel._GC_GEN0
    rest = list(stream)
    assert rest and gc.get_threshold() == before  # restored once the stream ends
