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


def test_he_means_the_subject_of_the_last_sentence_not_a_person_named_in_its_object():
    text = ('Governor Ilse Marov opened the session by announcing the dismissal of the cabinet led by '
            'Prime Minister Teodor Brankov. '
            'He said, "We will rebuild trust from the ground up."')
    assert _speakers(text) == ["Ilse Marov"]


def test_after_x_talks_to_y_he_may_be_the_one_interviewed():
    text = ('Rafe Dunmore talks to farmers on both sides of the dispute, including Olwen Price, who has lost two fields. '
            '"Nobody asked us," he says.')
    assert _speakers(text) == ["Olwen Price"]


def test_a_name_modifying_a_role_before_another_name_is_not_the_subject():
    text = ('Kessler biographer Anton Ruhl was the first witness called. '
            'He told the court, "The letters were written in haste."')
    assert _speakers(text) == ["Anton Ruhl"]


def test_a_figure_inside_a_witness_quote_is_attributed_to_the_witness():
    from newsfuse.extract import extract

    art = make_article('Officials said on Friday the bridge had reopened. '
                       'Lina, a 30-year-old nurse, said she had run towards the river. '
                       '"We saw it go," she told reporters. "About 12 people were hurt."')
    hurt = [c for c in extract([art]).claims if c.quantity == "people injured"]
    assert hurt and hurt[0].attribution == "Lina"
