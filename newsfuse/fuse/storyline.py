"""A storyline's brief: its stories' briefs side by side and one timeline across them.

A storyline links the stories of one long-running topic (a strike, then the deal that ended it),
so its brief is made from the stories' own briefs rather than from their articles pooled: each
figure keeps the event it counts, while the timeline runs across the whole topic.
"""

from __future__ import annotations

from datetime import datetime, timezone

from newsfuse.fuse.timeline import timeline_order
from newsfuse.ingest.liveblog import is_live_title
from newsfuse.records import Brief, StorylineBrief, StorylineItem, TimelineItem


def _start(brief: Brief) -> datetime:
    """When a story began: its first source's publication, else its first dated happening."""
    times = [s.published for s in brief.sources if s.published is not None]
    if times:
        return min(t if t.tzinfo else t.replace(tzinfo=timezone.utc) for t in times)
    days = [t.date for t in brief.timeline]
    if days:
        first = min(days)
        return datetime(first.year, first.month, first.day, tzinfo=timezone.utc)
    return datetime.max.replace(tzinfo=timezone.utc)


def _size(brief: Brief) -> int:
    return sum(1 for s in brief.sources if not s.duplicate_of)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def merged_timeline(briefs: list[Brief]) -> list[StorylineItem]:
    """Every story's timeline in one date order (within a day as ``timeline_order`` puts it, then
    stories in the order given).

    The same happening told in the same words by two stories (the strike's date in the deal's
    background) is one entry citing both, kept under the story that told it first."""
    out: list[StorylineItem] = []
    seen: dict[tuple, StorylineItem] = {}
    for brief in briefs:
        for t in brief.timeline:
            key = (t.date, _key(t.text))
            if key in seen:
                have = seen[key].item
                known = {(c.article_id, c.sentence) for c in have.citations}
                have.citations.extend(c for c in t.citations if (c.article_id, c.sentence) not in known)
                continue
            entry = StorylineItem(brief.story_id, TimelineItem(t.date, t.text, list(t.citations), t.time))
            seen[key] = entry
            out.append(entry)
    order = {b.story_id: i for i, b in enumerate(briefs)}
    out.sort(key=lambda e: (timeline_order(e.item), order[e.story_id]))
    return out


def build_storyline_brief(storyline_id: str, briefs: list[Brief]) -> StorylineBrief:
    """The storyline's brief from its stories' briefs: stories in the order they began, the
    headline of the story with the most (non-duplicate) sources, the earliest on a tie; a live
    page's title ("Live: ...", which names one day's coverage) only when every story has one."""
    stories = sorted(briefs, key=_start)
    lead = max(stories, key=lambda b: (not is_live_title(b.headline), _size(b), -stories.index(b))) if stories else None
    return StorylineBrief(
        storyline_id=storyline_id,
        headline=lead.headline if lead else storyline_id,
        generated_at=datetime.now(timezone.utc),
        stories=stories,
        timeline=merged_timeline(stories),
    )
