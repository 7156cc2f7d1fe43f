"""Fusion: align claims across sources, summarise, and assemble the cited Brief of a story."""

from newsfuse.fuse.brief import build_brief
from newsfuse.fuse.storyline import build_storyline_brief

__all__ = ["build_brief", "build_storyline_brief"]
