"""The extract stage: numeric claims, quotes, entities and dated happenings per sentence.

``extract(articles)`` runs all four extractors over every sentence of every article and merges
entities across articles. Articles must carry sentences (ingest fills them); articles without
any are segmented here so the stage also works on hand-built records. Non-English articles get
only numbers-with-units and numeric dates; quotes, entities and events are not analysed for them,
and ``Extraction.not_analysed`` lists them with their language (see ``extract.language``).
"""

from __future__ import annotations

from ..ingest.segment import ensure_sentences
from ..records import Article, Extraction
from .claims import extract_claims
from .dates import extract_happenings, resolve_date
from .entities import extract_entities
from .language import is_english, language_of
from .quotes import extract_quotes, same_quote
from .speakers import ArticleContext
from .witness import mark_eyewitness

__all__ = ["extract", "extract_claims", "extract_quotes", "extract_entities", "extract_happenings",
           "resolve_date", "same_quote", "ensure_sentences", "attribute_quoted", "claims_and_quotes"]


def attribute_quoted(claims: list, quotes: list) -> None:
    """A figure inside someone's quoted words is theirs: a claim with no attribution of its own gets
    the speaker of the direct quote of its sentence that contains it ("'Straight away about 10 were
    killed.'" after "'We saw the deaths,' she told AFP" is the witness's figure, not the outlet's)."""
    by_sentence: dict = {}
    for q in quotes:
        who = q.speaker or q.role or q.organization
        if q.direct and who:
            by_sentence.setdefault((q.article_id, q.sentence), []).append((q.text.lower(), who))
    for c in claims:
        if c.attribution or not c.value:
            continue
        value = c.value.lower()
        who = {w for text, w in by_sentence.get((c.article_id, c.sentence), ()) if value in text}
        if len(who) == 1:
            c.attribution = who.pop()


def claims_and_quotes(art: Article) -> tuple[list, list]:
    """One article's claims and quotes, a figure inside quoted words attributed to its speaker and
    marked when the speaker is an eyewitness (the evaluation harness reads articles through this
    too, so it scores what the brief gets)."""
    claims, quotes = extract_claims(art, ArticleContext()), extract_quotes(art, ArticleContext())
    attribute_quoted(claims, quotes)
    mark_eyewitness(claims, quotes, art)
    return claims, quotes


def extract(articles: list[Article]) -> Extraction:
    """Claims, quotes, entities and happenings over all sentences of all articles."""
    out = Extraction()
    for art in articles:
        ensure_sentences(art)
        if not is_english(art):
            out.not_analysed[art.id] = language_of(art)
        claims, quotes = claims_and_quotes(art)
        out.claims.extend(claims)
        out.quotes.extend(quotes)
        out.happenings.extend(extract_happenings(art))
    out.entities = extract_entities(articles)
    return out
