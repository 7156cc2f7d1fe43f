"""The README.md written beside a folder of briefs: one line per story, newest first, then one
per storyline of two or more stories."""

from __future__ import annotations

from newsfuse.records import Brief, Story, StorylineBrief
from newsfuse.render.markdown import md_escape


def index_markdown(briefs: list[Brief], stories: list[Story], storylines: list[StorylineBrief] = ()) -> str:
    sizes = {s.id: len(s.article_ids) for s in stories}
    lines = ["# Briefs", "", "| story | articles | headline |", "|---|---:|---|"]
    for b in briefs:
        headline = md_escape(b.headline, table=True)
        lines.append(f"| [{b.story_id}]({b.story_id}.md) | {sizes.get(b.story_id, 0)} | {headline} |")
    if storylines:
        lines += ["", "## Storylines", "", "| storyline | stories | headline |", "|---|---|---|"]
        for sb in storylines:
            ids = ", ".join(f"[{b.story_id}]({b.story_id}.md)" for b in sb.stories)
            lines.append(f"| [{sb.storyline_id}]({sb.storyline_id}.md) | {ids} | {md_escape(sb.headline, table=True)} |")
    return "\n".join(lines) + "\n"
