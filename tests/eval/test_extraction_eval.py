"""Extraction benchmark scorer: measure on a tiny known case, and a 3-page run on ../shared."""

import pytest

from newsfuse.eval.extraction import aggregate, evaluate_extraction, page_scores


def test_shingle_scores_on_known_texts():
    true = "one two three four five six"
    assert page_scores(true, true) == (1.0, 0.0, 0.0)
    tp, fp, fn = page_scores(true, "one two three four five")  # 2 shared shingles, 1 missed
    assert (tp, fp, fn) == pytest.approx((2 / 3, 0.0, 1 / 3))
    m = aggregate([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert m["precision"] == pytest.approx(0.75) and m["recall"] == pytest.approx(1.0)


@pytest.mark.shared
def test_extraction_eval_three_pages(shared_dir):
    bench = shared_dir / "data" / "article-extraction-benchmark"
    if not (bench / "ground-truth.json").exists():
        pytest.skip("benchmark data absent")
    res = evaluate_extraction(bench, limit=3)
    assert set(res) == {"trafilatura.extract", "newsfuse.ingest"}
    for m in res.values():
        assert m["pages"] == 3
        for k in ("precision", "recall", "f1"):
            assert 0.0 <= m[k] <= 1.0
