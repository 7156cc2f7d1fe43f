"""Lexicon and rule gaps found on the tune set: new groups, event synonyms, speech verbs, and
numbers that look like claims but are not."""

from datetime import date

from newsfuse.eval.extract_eval import _articles
from newsfuse.extract.claims import claims_in_sentence
from newsfuse.extract.dates import happening_phrase
from newsfuse.extract.numbers import find_numbers
from newsfuse.extract.quotes import extract_quotes
from newsfuse.extract.speakers import ArticleContext

REF = date(2024, 5, 15)


def _keys(text):
    return [(c.quantity, c.number) for c in claims_in_sentence(text, "a", 0, REF)]


def _speakers(*sentences):
    rows = [{"doc": "d", "ref_date": REF.isoformat(), "text": t} for t in sentences]
    arts, _ = _articles(rows)
    return [(q.sentence, q.speaker, q.direct) for q in extract_quotes(arts[0], ArticleContext())]


def test_members_of_the_public_count_as_civilians():
    assert _keys("Officers arrested 52 fans after the final whistle.") == [("civilians detained", 52)]
    assert _keys("Nine pilgrims drowned when the ferry capsized.") == [("civilians killed", 9)]
    assert _keys("The clinic evacuated 30 patients overnight.") == [("people evacuated", 30)]


def test_event_synonyms_shelters_named_hospitals_bodies_and_treated():
    assert _keys("About 500 villagers were moved to emergency shelters.") == [("civilians evacuated", 500)]
    assert _keys("Four miners were taken to St Luke's Hospital.") == [("workers hospitalised", 4)]
    assert _keys("Divers recovered the bodies of seven fishermen.") == [("workers killed", 7)]
    assert _keys("Medics treated 35 protesters for burns.") == [("protesters injured", 35)]
    assert _keys("Crews brought 14 miners to the surface.") == [("workers rescued", 14)]


def test_counted_noun_with_a_participle_or_a_time_adverb_keeps_its_group():
    assert _keys("Police detained 40 people overnight.") == [("people detained", 40)]
    assert _keys("Six reporters covering the march were detained.") == [("journalists detained", 6)]
    assert _keys("Guards detained 8 people smugglers.") == [("smugglers detained", 8)]


def test_parts_of_a_figure_and_places_are_not_new_claims():
    assert _keys("Twenty workers are in hospital, three critically.") == [("workers hospitalised", 20)]
    assert _keys("Three of the dead were soldiers.") == [("troops killed", 3)]
    assert _keys("Two of the dead were from the same village.") == []
    assert _keys("Travellers on 80 delayed trains were stranded.") == []
    assert _keys("Pupils at three schools were sent home.") == []
    assert _keys("Nine people died in the blast, three officials said.") == [("people killed", 9)]


def test_clock_times_and_am_do_not_hide_the_next_number():
    assert [n.number for n in find_numbers("09:45 – Three medics were hurt")] == [3]
    assert [n.number for n in find_numbers("and 40 ambulances were sent")] == [40]
    assert find_numbers("shortly after 4am on Friday") == []


def test_so_far_this_year_is_not_a_happening_date():
    assert happening_phrase("So far this year, 300 people have died on the route.", REF) is None
    assert happening_phrase("The plant closed last year.", REF).date == date(2023, 1, 1)


def test_coloured_speech_verbs_and_live_blog_stamps():
    got = _speakers(
        "Club owner Rita Holm fumed: “This is a disgrace to the sport.”",
        "“Nobody warned us about the flood,” she wept.",
        "The minister, Jonas Berg, expressed that talks “must resume this week.”",
        "10:05 – A nurses' union tweeted that wards were full.",
        "Omar Bekri, 44, said he had waited for hours outside the gate.",
    )
    assert got == [(0, "Rita Holm", True), (1, "Rita Holm", True), (2, "Jonas Berg", True),
                   (3, "nurses' union", False), (4, "Omar Bekri", False)]
