"""Renderers: Brief -> Markdown, standalone HTML, JSON (contract v1), and back from JSON."""

from newsfuse.render.html import to_html
from newsfuse.render.json import from_json, index_json, to_json
from newsfuse.render.markdown import to_markdown

__all__ = ["to_markdown", "to_html", "to_json", "from_json", "index_json"]
