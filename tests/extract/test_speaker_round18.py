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


def test_a_witness_named_by_one_name_and_an_age_is_who_she_said_means():
    text = ('Police spokeswoman Maria Lenk said on Thursday that order had been restored. '
            'Mira, a 44-year-old teacher who joined the march, said she was frightened. '
            '"We saw people fall," she told reporters. "At least five were hit."')
    assert _speakers(text) == ["Maria Lenk", "Mira", "Mira"]


def test_children_listed_with_ages_inside_a_sentence_are_not_the_speaker():
    text = ('Tarek Wahbi, the boy\'s uncle, wept at the funeral. '
            'He carried the coffins of his nephews, Sami, 6, and Adel, 4. '
            '"We are not leaving," he shouted.')
    assert _speakers(text) == ["Tarek Wahbi"]
