"""Claim rules added in round 24: figures that are not reported as the story's (readers' comments, questions,
general rates, counterfactuals) and no group of 'things', from judged Timeline17 samples; invented sentences."""

from datetime import date

from helpers import claim_keys, make_article

from newsfuse.extract.claims import extract_claims, rule_claims
from newsfuse.extract.speakers import ArticleContext

REF = date(2025, 6, 11)


def _keys(text, history=None):
    return claim_keys(text, REF, history)


_STORY = ("At least 14 people were killed when a fuel depot exploded in Varnholt on Monday, officials said. "
          "Another 30 were injured. ")
_COMMENTS = ("At 14:05 3rd Jun 2025, riverwatcher wrote: The same depot caught fire years ago and 200 people "
             "were evacuated then. Nobody listened. At 15:12 3rd Jun 2025, oldtown wrote: At least 50 people "
             "died in the blast of 1998 too. ")
_POSTED = "Posted by harbourfan | Report as abusive I heard that 90 workers were hurt in the depot before."


def test_readers_comments_under_a_story_give_no_figures():
    for tail in (_COMMENTS, _POSTED):
        art = make_article(_STORY + tail, published="2025-06-10")
        for claims in (rule_claims(art, ArticleContext()), extract_claims(art, ArticleContext())):
            assert sorted((c.quantity, c.value) for c in claims) == [
                ("people injured", "30"), ("people killed", "At least 14")]


def test_a_story_that_only_quotes_a_writer_keeps_its_figures():
    art = make_article('The poet wrote: "We buried our dead." At least 9 people were killed in the raid.',
                       published="2025-06-10")
    assert [(c.quantity, c.value) for c in rule_claims(art, ArticleContext())] == [("people killed", "At least 9")]


def test_a_figure_in_a_question_is_not_reported_as_having_happened():
    assert _keys("Who still remembers when the militia killed 300 villagers in the valley?") == []
    assert _keys('Does anyone believe that only 12 protesters were arrested?"') == []
    assert _keys("The militia killed 300 villagers in the valley, witnesses said.") == [("civilians killed", "300")]


def test_a_general_rate_is_no_event():
    assert _keys("Heat kills about 2,000 people in the country each summer.") == []
    assert _keys("Every day more than 40 people die on the country's roads.") == []
    assert _keys("In a normal winter, about 9,000 people die of the flu.") == []
    # a time word without a general verb leaves the story's figures alone
    assert _keys("Rescuers have worked every day since the collapse, and at least 25 people have been pulled out "
                 "alive.") == [("people rescued", "at least 25")]
    assert _keys("At least 12 people were killed on the first day of the protests.") == [("people killed", "At least 12")]


def test_lives_that_could_have_been_saved_are_no_count():
    assert _keys("Hundreds of lives could have been saved if the alarm had sounded.") == []
    assert _keys("Dozens of residents would have died without the warning, the mayor said.") == []
    assert _keys("Thousands of people will die if the aid does not arrive, the agency warned.") == []
    assert _keys("Thousands upon thousands of lives could have been spared by an earlier alert.") == []
    # a possibility stays a claim, as the labelled sets have it
    assert _keys("As many as 20 miners may have been trapped by the collapse.") == [("workers trapped", "As many as 20")]


def test_things_are_no_group():
    assert _keys("Three things saved the crew.") == []


def test_media_sent_or_released_are_no_group():
    assert _keys("About 40 video clips were sent to the newsroom on Friday.") == []
    assert _keys("The band has released three albums since 2019.") == []
    assert _keys("About 40 medics were sent to the scene on Friday.") == [("rescue workers deployed", "About 40")]
