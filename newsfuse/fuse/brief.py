"""build_brief: one story's articles + extraction -> a cited Brief.

Every piece of text a brief shows is a verbatim source sentence (or a title) and carries
citations to every source sentence that states it; numbers in key facts come with the outlet,
qualifier, as-of date and attribution that go with them.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from newsfuse.extract.dates import dates_earlier_figure, looks_ahead
from newsfuse.fuse.corpus import StoryCorpus
from newsfuse.fuse.facts import fuse_claims, reporting_outlets
from newsfuse.fuse.parts import merge_quotes, sources, top_entities, unique_items
from newsfuse.fuse.summary import choose_headline, salience, summarize
from newsfuse.fuse.timeline import build_timeline
from newsfuse.ingest.segment import ensure_sentences
from newsfuse.records import Article, Brief, Citation, Extraction, Story


def _story_articles(story: Story, articles: list[Article]) -> list[Article]:
    """The story's own articles (all of them when the story lists none we know)."""
    wanted = set(story.article_ids)
    mine = [a for a in articles if a.id in wanted]
    seen: set[str] = set()
    out = []
    for a in mine or articles:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


def build_brief(
    story: Story,
    articles: list[Article],
    extraction: Extraction,
    duplicates=None,
    words: int | None = None,
    max_sentences: int = 6,
) -> Brief:
    """Fuse a story's articles into a Brief (see module docstring and newsfuse.fuse.facts)."""
    arts = _story_articles(story, articles)
    for a in arts:
        ensure_sentences(a)
    ids = {a.id for a in arts}
    duplicate_of = {k: v for k, v in (getattr(duplicates, "duplicate_of", None) or {}).items() if k in ids}
    for a in arts:
        if a.duplicate_of and a.id not in duplicate_of:
            duplicate_of[a.id] = a.duplicate_of
    copies = getattr(duplicates, "sentence_copies", None) or {}
    corpus = StoryCorpus(arts, duplicate_of, copies)
    by_id = {a.id: a for a in arts}

    claims = [c for c in extraction.claims if c.article_id in ids]
    facts = fuse_claims(claims, by_id, duplicate_of, corpus.copy_roots(),
                        not_analysed=getattr(extraction, "not_analysed", None) or ())
    entities = top_entities(extraction.entities, ids)
    key_sents = {(r.article_id, r.citation.sentence) for f in facts if reporting_outlets(f) > 1 for r in f.reports}
    scores = salience(corpus, key_sents, [e.name for e in entities[:10]])
    summary = summarize(corpus, scores, max_sentences=max_sentences, words=words,
                        claims_of=_figures_by_sentence(corpus, facts))

    happenings = [h for h in extraction.happenings if h.article_id in ids]
    originals = [a for a in arts if a.id not in duplicate_of]
    # pub_window=1: a sentence that names no day is dated only by its own article's day -- the day
    # before is where Timeline17's editors often put such news, but in a brief it would be a guess
    # and a day that only dates an earlier figure ("up from 1,200 on Wednesday") stands for nothing
    # and a day more than a day after its article was written is kept only when the sentence
    # looks ahead to it (a plan, a forecast): otherwise it is a comment's stamp or a slip
    published = {a.id: a.published.date() for a in arts if a.published}
    timeline = build_timeline(originals, [h for h in happenings if h.article_id not in duplicate_of
                                          and not dates_earlier_figure(h.text, h.date_text or "")
                                          and not _after_writing(h, published)],
                              pub_window=1)
    for t in timeline:  # a wire sentence is dated once but, as in the summary, cites every outlet that ran it
        t.citations = _with_copies(t.citations, corpus)

    in_summary = {(c.article_id, c.sentence) for item in summary for c in item.citations}
    unique = unique_items(corpus, facts, happenings, scores, in_summary)
    quotes = merge_quotes([q for q in extraction.quotes if q.article_id in ids], corpus,
                          people=[e for e in extraction.entities if e.type == "person"])

    return Brief(
        story_id=story.id,
        headline=choose_headline(originals or arts, story, summary),
        generated_at=datetime.now(timezone.utc),
        summary=summary,
        facts=facts,
        quotes=quotes,
        timeline=timeline,
        entities=entities,
        unique=unique,
        sources=sources(arts, duplicate_of, getattr(extraction, "not_analysed", None),
                        getattr(duplicates, "kind", None)),
        storyline_id=story.storyline_id,
    )


def _with_copies(citations: list[Citation], corpus) -> list[Citation]:
    """These citations, each followed by the copies of its sentence in other articles (one per article)."""
    out = list(citations)
    cited = {c.article_id for c in citations}
    for c in citations:
        i = corpus.pos.get((c.article_id, c.sentence))
        for x in corpus.citations(i) if i is not None else []:
            if x.article_id not in cited:
                cited.add(x.article_id)
                out.append(x)
    return out


def _after_writing(h, published: dict) -> bool:
    """A happening dated by a written-out date ("February 14, 2011") more than a day after its
    article was published, with no word that looks ahead to that day. (A weekday the date
    resolver put ahead -- "declared Friday a day of mourning" -- was put there for a reason.)"""
    pub = published.get(h.article_id)
    return (pub is not None and h.date is not None and (h.date - pub).days > 1
            and bool(re.search(r"\d", h.date_text or "")) and not looks_ahead(h.text, h.date_text or ""))


def _figures_by_sentence(corpus: StoryCorpus, facts) -> dict[int, frozenset]:
    """Each sentence's key figures as (quantity, value), on every copy of it: the summary leaves
    out a sentence that only repeats figures it already gives."""
    out: dict[int, set] = {}
    for f in facts:
        for r in f.reports:
            i = corpus.pos.get((r.article_id, r.citation.sentence))
            if i is None:
                continue
            value = r.number if r.number is not None else r.value.lower().strip()
            for j in corpus.copies(i):
                out.setdefault(j, set()).add((f.quantity, value))
    return {i: frozenset(v) for i, v in out.items()}
