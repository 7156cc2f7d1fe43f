"""newsfuse: many news articles about one event in, one trustworthy, source-attributed brief out.

    import newsfuse
    briefs = newsfuse.brief(["./articles"])   # list[newsfuse.records.Brief]
"""

from newsfuse.records import Article, Brief, Claim, Quote, Sentence, Story

__version__ = "0.1.0"
__all__ = ["brief", "Article", "Brief", "Claim", "Quote", "Sentence", "Story", "__version__"]


def brief(paths, words=None):
    """Read, group and brief every story in ``paths``; returns one Brief per story."""
    from newsfuse.pipeline import brief as _brief

    return _brief(paths, words=words)
