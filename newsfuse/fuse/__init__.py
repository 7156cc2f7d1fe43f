"""Fusion: align claims across sources, summarise, and assemble the cited Brief of a story."""

from newsfuse.fuse.brief import build_brief

__all__ = ["build_brief"]
