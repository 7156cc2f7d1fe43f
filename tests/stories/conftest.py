"""Tiny builders for Articles in story tests (no dependency on the ingest stage)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from newsfuse.records import Article, Sentence, article_id_for

T0 = datetime(2024, 3, 4, 8, 0, tzinfo=timezone.utc)


def make_article(text: str, *, hours: float = 0.0, outlet: str | None = None, title: str | None = None,
                 aid: str | None = None) -> Article:
    """An Article whose sentences are split on '. ' (spans index the text)."""
    aid = aid or article_id_for(text)
    sentences, start = [], 0
    parts = text.split(". ")
    for i, part in enumerate(parts):
        piece = part + (". " if i < len(parts) - 1 else "")
        s_text = piece.rstrip()
        sentences.append(Sentence(article_id=aid, index=i, text=s_text, start=start, end=start + len(s_text)))
        start += len(piece)
    return Article(id=aid, text=text, title=title, outlet=outlet, published=T0 + timedelta(hours=hours),
                   sentences=sentences)


import pytest  # noqa: E402


@pytest.fixture
def art():
    """The ``make_article`` builder as a fixture (tests run with --import-mode=importlib)."""
    return make_article
