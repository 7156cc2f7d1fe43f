"""Speaker rules narrowed or added in round 2 of issue #5 (invented sentences): no speaker after a
conjunction, asides between subject and verb, coordinated predicates, appositive names, the
audience and title abbreviations after an inverted verb, 'called X "..."'."""

from datetime import date

from newsfuse.eval.extract_eval import _articles
from newsfuse.extract.quotes import extract_quotes
from newsfuse.extract.speakers import ArticleContext, split_speaker


def _speakers(*sentences):
    rows = [{"doc": "d", "ref_date": date(2024, 5, 15).isoformat(), "text": t} for t in sentences]
    arts, _ = _articles(rows)
    return [(q.sentence, q.speaker, q.direct) for q in extract_quotes(arts[0], ArticleContext())]


def test_a_conjunction_after_a_partial_quote_is_not_a_speaker():
    got = _speakers("Harbour master Lena Gruber said she was “appalled” and ordered a review of the moorings.")
    assert got == [(0, "Lena Gruber", True)]
    got = _speakers("The mayor called the delay “unacceptable” but promised to keep the shelters open.")
    assert all(spk != "but" for _, spk, _ in got)


def test_a_participle_aside_between_subject_and_verb_is_not_the_speaker():
    got = _speakers("The fire chief, Otto Brandt, arrived at noon.",
                    "Brandt, speaking beside the burnt-out depot, said the crews had worked “without a break”.")
    assert got == [(1, "Otto Brandt", True)]


def test_a_coordinated_predicate_keeps_the_first_subject():
    got = _speakers("Councillor Mira Tal spoke to residents.",
                    "Tal visited the pumping station and said two more pumps would arrive by Friday.")
    assert got == [(1, "Mira Tal", False)]
    got = _speakers("Dorren County Council closed three roads, and said the bridge would stay shut.")
    assert got == [(0, "Dorren County Council", False)]


def test_a_coordinated_predicate_without_a_named_subject_gives_no_speaker():
    # session 7: a body named with "the" before a plainly finite verb is a speaker (the opened sets
    # label "The ministry denied the charge and said ..." as the ministry's indirect quote); a subject
    # that is not a body before such a verb still gives none
    assert _speakers("The council closed the road and said it would reopen on Monday.") == [(0, "council", False)]
    assert _speakers("It rained all night and said nothing about the floods to come.") == []


def test_the_name_set_off_by_commas_is_the_person_not_the_office():
    assert split_speaker("The head of Coastal Rescue, Pia Lund,")[0] == "Pia Lund"
    assert split_speaker("the Minister of Public Works, Dr. Sven Hale")[0] == "Sven Hale"
    got = _speakers("The director of Civil Defence, Marta Quiroga, indicated that the river had peaked.")
    assert got == [(0, "Marta Quiroga", False)]


def test_after_an_inverted_verb_the_audience_and_a_title_dot_are_skipped():
    got = _speakers("“The dam is holding,” declared to reporters the Minister of Water, Dr. Kofi Amadi.")
    assert got == [(0, "Kofi Amadi", True)]


def test_called_something_in_quotes_is_the_subjects_words():
    got = _speakers("Premier Ada Voss has called the shelling “a war crime” and recalled her envoy.")
    assert got == [(0, "Ada Voss", True)]
    # "so-called" is not a speech act: a short scare quote stays skipped
    assert _speakers("The so-called “safe zone” was shelled again.") == []
