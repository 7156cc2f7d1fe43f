"""Brief <-> JSON (contract v1 in DESIGN.md) and the index.json of a run.

Fields may be added to the contract, never renamed. Added here: ``facts[].note`` (who
disagrees, how a figure moved), ``entities[].variants`` and ``entities[].article_ids``, the
top-level ``storyline_id``, ``quotes[].direct`` (false for reported speech; absent in older
briefs, read as true) and ``facts[].reports[].copies`` (the figure's sentence in duplicates of the
report's article, e.g. outlets that ran the wire text: cited, not counted; absent in older briefs) and
``timeline[].time`` (when the live-blog entry the item comes from was posted, that day; null for
other items, absent in older briefs). Dates are YYYY-MM-DD, datetimes ISO-8601.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Iterable

from newsfuse.records import (
    Article,
    Brief,
    BriefQuote,
    Citation,
    Entity,
    Fact,
    Report,
    Source,
    StorylineBrief,
    SummaryItem,
    TimelineItem,
    UniqueItem,
)
from newsfuse.render.common import day, stamp


def _cite(c: Citation) -> dict:
    return {"article_id": c.article_id, "sentence": int(c.sentence), "text": c.text}


def _number(x: float | None) -> float | None:
    return None if x is None else float(x)


def to_json(brief: Brief) -> dict[str, Any]:
    """The brief as a JSON-ready dict, exactly the keys and types of contract v1."""
    return {
        "story_id": brief.story_id,
        "headline": brief.headline,
        "generated_at": stamp(brief.generated_at),
        "summary": [{"text": s.text, "citations": [_cite(c) for c in s.citations]} for s in brief.summary],
        "facts": [
            {
                "quantity": f.quantity,
                "status": f.status,
                "reports": [
                    {
                        "article_id": r.article_id,
                        "outlet": r.outlet,
                        "value": r.value,
                        "number": _number(r.number),
                        "qualifier": r.qualifier,
                        "as_of": day(r.as_of),
                        "attribution": r.attribution,
                        "method": r.method,
                        "citation": _cite(r.citation),
                        "copies": [_cite(c) for c in r.copies],
                    }
                    for r in f.reports
                ],
                "note": f.note,
            }
            for f in brief.facts
        ],
        "quotes": [{"speaker": q.speaker, "text": q.text, "citations": [_cite(c) for c in q.citations],
                    "direct": bool(q.direct)}
                   for q in brief.quotes],
        "timeline": [{"date": day(t.date), "time": stamp(t.time), "text": t.text,
                      "citations": [_cite(c) for c in t.citations]} for t in brief.timeline],
        "entities": [{"name": e.name, "type": e.type, "mentions": int(e.mentions),
                      "variants": list(e.variants), "article_ids": list(e.article_ids)}
                     for e in brief.entities],
        "unique": [{"article_id": u.article_id, "text": u.text, "citation": _cite(u.citation)}
                   for u in brief.unique],
        "sources": [
            {
                "article_id": s.article_id,
                "outlet": s.outlet,
                "title": s.title,
                "published": stamp(s.published),
                "url": s.url,
                "path": s.path,
                "duplicate_of": s.duplicate_of,
                "duplicate_kind": s.duplicate_kind,
                "not_analysed": s.not_analysed,
            }
            for s in brief.sources
        ],
        "storyline_id": brief.storyline_id,
    }


def _date(v: str | None) -> date | None:
    if not v:
        return None
    return date.fromisoformat(v[:10])


def _datetime(v: str | None) -> datetime | None:
    if not v:
        return None
    return datetime.fromisoformat(v)


def _uncite(d: dict) -> Citation:
    return Citation(d["article_id"], int(d["sentence"]), d["text"])


def from_json(d: dict[str, Any]) -> Brief:
    """A Brief back from to_json's dict (the store caches briefs as JSON)."""
    return Brief(
        story_id=d["story_id"],
        headline=d.get("headline") or "",
        generated_at=_datetime(d.get("generated_at")) or datetime.fromtimestamp(0),
        summary=[SummaryItem(s["text"], [_uncite(c) for c in s.get("citations", [])])
                 for s in d.get("summary", [])],
        facts=[
            Fact(
                quantity=f["quantity"],
                status=f["status"],
                reports=[
                    Report(
                        article_id=r["article_id"],
                        outlet=r.get("outlet"),
                        value=r.get("value", ""),
                        number=r.get("number"),
                        qualifier=r.get("qualifier"),
                        as_of=_date(r.get("as_of")),
                        attribution=r.get("attribution"),
                        citation=_uncite(r["citation"]),
                        method=r.get("method", "rules"),
                        copies=[_uncite(c) for c in r.get("copies", [])],
                    )
                    for r in f.get("reports", [])
                ],
                note=f.get("note"),
            )
            for f in d.get("facts", [])
        ],
        quotes=[BriefQuote(q.get("speaker"), q["text"], [_uncite(c) for c in q.get("citations", [])],
                           q.get("direct") is not False)  # briefs older than the field: direct
                for q in d.get("quotes", [])],
        timeline=[TimelineItem(_date(t["date"]), t["text"], [_uncite(c) for c in t.get("citations", [])],
                               _datetime(t.get("time")))  # absent in older briefs
                  for t in d.get("timeline", [])],
        entities=[Entity(e["name"], e.get("type", "other"), int(e.get("mentions", 0)),
                         list(e.get("variants") or []), list(e.get("article_ids") or []))
                  for e in d.get("entities", [])],
        unique=[UniqueItem(u["article_id"], u["text"], _uncite(u["citation"])) for u in d.get("unique", [])],
        sources=[
            Source(s["article_id"], s.get("outlet"), s.get("title"), _datetime(s.get("published")),
                   s.get("url"), s.get("path"), s.get("duplicate_of"), s.get("not_analysed"), s.get("duplicate_kind"))
            for s in d.get("sources", [])
        ],
        storyline_id=d.get("storyline_id"),
    )


def storyline_to_json(sb: StorylineBrief) -> dict[str, Any]:
    """A storyline as JSON: each story's full brief (contract v1) and the timeline across them,
    each entry naming the story whose brief it comes from."""
    return {
        "storyline_id": sb.storyline_id,
        "headline": sb.headline,
        "generated_at": stamp(sb.generated_at),
        "stories": [to_json(b) for b in sb.stories],
        "timeline": [{"date": day(e.item.date), "time": stamp(e.item.time), "text": e.item.text, "story_id": e.story_id,
                      "citations": [_cite(c) for c in e.item.citations]} for e in sb.timeline],
    }


def index_json(stories: Iterable, articles: Iterable[Article], briefs: Iterable[Brief] = (),
               duplicates=None, storylines: Iterable[StorylineBrief] = ()) -> dict:
    """index.json of a run: every story with its articles and input files, every article's story.

    ``stories`` are Story records (or Briefs); headlines come from ``briefs`` when given,
    else from the story title. ``duplicates`` (a dedup result) fills ``duplicate_of`` where
    the articles themselves do not say.
    """
    dup_map = getattr(duplicates, "duplicate_of", None) or {}
    arts = list(articles)
    by_id = {a.id: a for a in arts}
    headlines = {b.story_id: b.headline for b in briefs}
    story_of: dict[str, str] = {}
    out_stories = []
    for s in stories:
        sid = getattr(s, "id", None) or getattr(s, "story_id")
        if hasattr(s, "article_ids"):
            ids = list(s.article_ids)
        else:  # a Brief
            ids = [src.article_id for src in s.sources]
        paths: list[str] = []
        for aid in ids:
            story_of.setdefault(aid, sid)
            p = by_id[aid].path if aid in by_id else None
            if p and p not in paths:
                paths.append(p)
        headline = headlines.get(sid) or getattr(s, "headline", None) or getattr(s, "title", None) or ""
        merged = sorted(a for a in getattr(s, "aliases", None) or [] if a != sid)  # old ids, their files now this one's
        out_stories.append({"story_id": sid, "headline": headline, "article_ids": ids, "paths": paths, "merged_ids": merged})
    out_articles = [
        {"article_id": a.id, "path": a.path, "story_id": story_of.get(a.id, a.story_id),
         "duplicate_of": a.duplicate_of or dup_map.get(a.id)}
        for a in arts
    ]
    out = {"stories": out_stories, "articles": out_articles}
    lines = [{"storyline_id": sb.storyline_id, "headline": sb.headline, "story_ids": [b.story_id for b in sb.stories]}
             for sb in storylines]
    if lines:  # storylines of two or more stories, each with its own brief file
        out["storylines"] = lines
    return out
