"""A CMS that has no publication date often writes a placeholder ("0001-01-01T00:00:00Z",
"9999-12-31"): it is no date at all, and an article carrying one must neither be dated by it
nor stop the run (dedup looks back 14 days from the oldest arrival: before year 1 is no date)."""

import json
from datetime import date, datetime, timezone

import pytest

from newsfuse import pipeline
from newsfuse.ingest import read_bytes, read_records
from newsfuse.ingest.meta import parse_datetime
from newsfuse.records import Article
from newsfuse.store import Store

BODY = ("Workers finished repairing the Hollin canal lock on Thursday, the waterways board said. "
        "Boats queued for two days while the gates were replaced.")


def _page(stamp: str) -> bytes:
    ld = json.dumps({"@type": "NewsArticle", "datePublished": stamp, "dateModified": stamp})
    return (f"<html><head><script type='application/ld+json'>{ld}</script>"
            f"<meta property='article:published_time' content='{stamp}'></head>"
            f"<body><article><h1>Hollin lock reopens</h1><p>{BODY}</p></article></body></html>").encode()


@pytest.mark.parametrize("stamp", ["0001-01-01T00:00:00Z", "0001-01-01", "9999-12-31T23:59:59Z"])
def test_a_placeholder_date_is_no_date(stamp):
    assert parse_datetime(stamp) is None
    (page,) = [a for a in read_bytes("lock.html", _page(stamp)) if isinstance(a, Article)]
    assert page.published is None
    results = list(read_records([{"title": "Hollin lock reopens", "text": BODY, "published": stamp}], "feed.json"))
    (rec,) = [r for r in results if isinstance(r, Article)]
    assert rec.published is None
    assert all(p.kept and stamp in p.message for p in results if not isinstance(p, Article))


def test_real_dates_still_parse():
    assert parse_datetime("2026-03-05T10:00:00Z") == datetime(2026, 3, 5, 10, tzinfo=timezone.utc)
    assert parse_datetime("1998-07-14").year == 1998


def test_a_page_with_a_placeholder_date_is_briefed(tmp_path):
    (tmp_path / "lock.html").write_bytes(_page("0001-01-01T00:00:00Z"))
    run = pipeline.brief_run([tmp_path])
    assert len(run.briefs) == 1 and not run.brief_errors


def test_a_stored_article_dated_year_one_does_not_stop_grouping(tmp_path):
    """A store written before placeholders were refused may hold such a date already."""
    (art,) = list(read_records([{"title": "Hollin lock reopens", "text": BODY}], "old.json"))
    art.published = datetime(1, 1, 1, tzinfo=timezone.utc)
    for sentence in art.sentences:  # its sentences were dated by it too
        sentence.ref_date = date(1, 1, 1)
    with Store(tmp_path / "w.db") as store:
        report = pipeline.ingest_articles([art], store, [])
        assert len(report.new) == 1 and len(report.stories_changed) == 1 and not report.brief_errors
