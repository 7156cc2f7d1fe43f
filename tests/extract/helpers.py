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


def claim_keys(text: str, ref: date, history=None) -> list[tuple[str, str]]:
    """(quantity key, value as written) of each claim the rules read in one sentence."""
    from newsfuse.extract.claims import claims_in_sentence

    return [(c.quantity, c.value) for c in claims_in_sentence(text, "a", 0, ref, history=history)]
