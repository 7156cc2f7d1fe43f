"""The fixture harness scores what users get: `--pipeline` reads the records as ingest does."""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse.eval.clustering import evaluate_fixture

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "events" / "articles.jsonl"


def _copy_with_a_reprint(tmp_path: Path) -> Path:
    """The fixture plus a word-for-word reprint of one article under another outlet (same event)."""
    recs = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    first = dict(recs[0], id="reprint", outlet="The Reprinter", url="https://reprinter.example/copy")
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs + [first]), encoding="utf-8")
    return path


def test_pipeline_scores_every_record_under_its_gold_labels(tmp_path):
    path = _copy_with_a_reprint(tmp_path)
    plain = evaluate_fixture(path, batches=(1000,))
    piped = evaluate_fixture(path, batches=(1000,), pipeline=True)
    assert piped["articles"] == plain["articles"] == 48
    for res in (plain, piped):
        story = res["batch_1000"]["story"]
        assert 0.0 < story["P"] <= 1.0 and 0.0 < story["R"] <= 1.0
    # the reprint is a duplicate through ingest: it sits in its original's story, so the story
    # level is at least as good as without dedup, and it is perfect on this fixture
    assert piped["batch_1000"]["story"]["F"] == 1.0
