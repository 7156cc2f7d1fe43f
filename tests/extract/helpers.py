"""Build Articles with sentences for extract tests (ingest's segmenter, nupunkt underneath)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from newsfuse.ingest.segment import split_sentences
from newsfuse.records import Article, article_id_for


def make_article(text: str, published: str = "2022-01-06", language: str = "en", outlet: str | None = None) -> Article:
    d = date.fromisoformat(published)
    art = Article(id=article_id_for(text), text=text, language=language, outlet=outlet,
                  published=datetime(d.year, d.month, d.day, 12, tzinfo=timezone.utc))
    return split_sentences(art)
