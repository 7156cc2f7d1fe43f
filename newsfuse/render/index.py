"""The README.md written beside a folder of briefs: one line per story, newest first."""

from __future__ import annotations

from newsfuse.records import Brief, Story
from newsfuse.render.markdown import md_escape


def index_markdown(briefs: list[Brief], stories: list[Story]) -> str:
    sizes = {s.id: len(s.article_ids) for s in stories}
    lines = ["# Briefs", "", "| story | articles | headline |", "|---|---:|---|"]
    for b in briefs:
        headline = md_escape(b.headline, table=True)
        lines.append(f"| [{b.story_id}]({b.story_id}.md) | {sizes.get(b.story_id, 0)} | {headline} |")
    return "\n".join(lines) + "\n"
