"""Round 18: speaker errors found auditing quotes on real coverage (invented sentences only)."""
from helpers import make_article

from newsfuse.extract.quotes import extract_quotes
from newsfuse.extract.speakers import ArticleContext


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(make_article(text), ArticleContext())]


def test_a_manner_adverb_is_not_part_of_the_name():
    assert _speakers('"I have seen floods like this before," says Mara casually.') == ["Mara"]


def test_a_body_whose_speech_verb_is_joined_by_but_is_the_speaker():
    spk = _speakers('An army spokesman declined to comment, but confirmed: "Four cases are closed."')
    assert spk and spk[0] and "spokesman" in spk[0]
