"""The store's storyline ids follow the clusterer's when storylines merge in a later batch."""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse.pipeline import CLUSTER_STATE_KEY, ingest_records
from newsfuse.store import Store
from newsfuse.stories.cluster import StoryClusterer

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "events6" / "articles.jsonl"


def test_stored_storyline_ids_match_the_clusterer_after_batches(tmp_path):
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    with Store(str(tmp_path / "w.db")) as store:
        for i in range(0, len(rows), 5):  # batches of five: later batches relink earlier storylines
            ingest_records([{k: r[k] for k in ("url", "outlet", "title", "published", "text")}
                            for r in rows[i:i + 5]], store, origin=f"batch{i // 5}")
        clusterer = StoryClusterer.from_state(json.loads(store.state_text(CLUSTER_STATE_KEY)))
        stored, total = store.list_stories(limit=1000)
    want = {sid: line for line, sids in clusterer.storylines().items() for sid in sids}
    assert total == len(stored) == len(want)
    assert {r.id: r.storyline_id for r in stored} == want
