"""Round 21: live-blog lines that give the speaker's role before the name (invented sentences only)."""
from helpers import make_article

from newsfuse.extract.quotes import extract_quotes
from newsfuse.extract.speakers import ArticleContext


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(make_article(text), ArticleContext())]


def test_a_role_before_the_name_of_a_live_blog_line():
    assert _speakers("14:20 – Coastguard commander Elin Vaskar: “The tide turns at four and we will lose the light.”") == [
        "Elin Vaskar"]


def test_where_the_speaker_stood_may_follow_the_name():
    assert _speakers("08:40 – Council leader Tomas Adebe, at the rest centre: “Everyone here has a bed tonight.”") == [
        "Tomas Adebe"]


def test_a_role_without_a_full_name_names_no_one():
    assert _speakers("16:05 – Our reporter at the scene: “Smoke is still pouring from the upper floors.”") == [None]
