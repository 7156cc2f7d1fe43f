"""Per-article features prepared in another process give the same duplicates and stories."""

import json
import pickle
from pathlib import Path

from newsfuse.ingest import read_records
from newsfuse.records import Article
from newsfuse.stories import cluster, dedup, features
from newsfuse.stories.cluster import StoryClusterer
from newsfuse.stories.dedup import find_duplicates

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "events" / "articles.jsonl"


def _records() -> list[dict]:
    recs = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    recs.sort(key=lambda r: r["published"])
    # a syndicated copy under another outlet, so dedup has something to find
    recs.append(dict(recs[0], id="copy", outlet="Other Wire", url=None, published=recs[1]["published"]))
    return recs


def _run(arts: list[Article]) -> tuple[dict, str]:
    dups = find_duplicates(arts)
    for a in arts:
        a.duplicate_of = dups.duplicate_of.get(a.id)
    sc = StoryClusterer()
    for i in range(0, len(arts), 5):
        sc.add(arts[i:i + 5])
    return dups.duplicate_of, json.dumps(sc.state(), sort_keys=True)


def _clear() -> None:
    dedup._CACHE.clear()
    cluster._COUNTS.clear()


def test_installed_features_give_the_same_results():
    _clear()
    plain = [a for a in read_records(_records(), "fx") if isinstance(a, Article)]
    want = _run(plain)
    assert want[0], "the copy should be found"
    _clear()
    arts = [a for a in read_records(_records(), "fx") if isinstance(a, Article)]
    blob = pickle.loads(pickle.dumps(features.export(arts)))  # as a worker would send it
    _clear()
    arts = pickle.loads(pickle.dumps(arts))
    features.install(arts, blob)
    assert len(cluster._COUNTS) == len(arts)
    assert _run(arts) == want
    vectorised = {a.id for a in arts if not a.duplicate_of}  # copies and repeated ids are not
    assert len(cluster._COUNTS) == len(arts) - len(vectorised)


def test_workers_give_the_same_articles_in_the_same_order():
    recs = _records() + [{"title": "no body"}]  # a problem record keeps its place
    local = list(read_records(recs, "fx"))
    _clear()
    remote = list(read_records(recs, "fx", workers=1))
    assert [type(x).__name__ for x in remote] == [type(x).__name__ for x in local]
    for a, b in zip(local, remote):
        if isinstance(a, Article):
            assert (a.id, a.text, a.title, a.published, a.sentences) == (b.id, b.text, b.title, b.published, b.sentences)
        else:
            assert (a.path, a.message) == (b.path, b.message)
    _clear()
