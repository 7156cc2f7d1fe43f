"""Renderers: Brief -> Markdown, standalone HTML, JSON (contract v1), and back from JSON; a
storyline's brief (its stories side by side, one timeline) -> the same three formats."""

from newsfuse.render.html import storyline_to_html, to_html
from newsfuse.render.json import from_json, index_json, storyline_to_json, to_json
from newsfuse.render.markdown import storyline_to_markdown, to_markdown

__all__ = ["to_markdown", "to_html", "to_json", "from_json", "index_json",
           "storyline_to_markdown", "storyline_to_html", "storyline_to_json"]
