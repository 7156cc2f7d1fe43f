"""Summary, headline, quotes, unique items, entities, timeline and sources of a brief."""

import pytest

from newsfuse.fuse import build_brief
from newsfuse.fuse.checks import check_brief
from newsfuse.fuse.summary import is_candidate

from .conftest import WIRE, build_event


def _brief(ev, **kw):
    return build_brief(ev.story, ev.articles, ev.extraction, ev.duplicates, **kw)


def test_summary_is_cited_extractive_and_faithful(event):
    brief = _brief(event)
    assert 4 <= len(brief.summary) <= 6
    by_id = {a.id: a for a in event.articles}
    for item in brief.summary:
        assert item.citations
        for c in item.citations:
            assert by_id[c.article_id].sentences[c.sentence].text == c.text
        assert any(item.text == c.text for c in item.citations)
    assert check_brief(brief, event.articles) == []


def test_wire_sentence_appears_once_and_cites_every_copy(event):
    brief = _brief(event)
    texts = [s.text for s in brief.summary]
    assert texts.count(WIRE) == 1
    item = next(s for s in brief.summary if s.text == WIRE)
    assert {c.article_id for c in item.citations} == {event.herald.id, event.ledger.id}


def test_duplicate_article_sentences_are_cited_not_repeated(event):
    brief = _brief(event)
    lead = next(s for s in brief.summary if "people were killed" in s.text)
    # the wire lead, its verbatim copy and the Herald's near-identical rewrite are one sentence
    assert {c.article_id for c in lead.citations} == {event.wire.id, event.copy.id, event.herald.id}
    assert len({s.text for s in brief.summary}) == len(brief.summary)


def test_without_dedup_result_identical_sentences_still_merge(event):
    brief = build_brief(event.story, event.articles, event.extraction, None)
    lead = next(s for s in brief.summary if "people were killed" in s.text)
    assert {c.article_id for c in lead.citations} >= {event.wire.id, event.copy.id}
    # the copy is not an independent outlet even without Duplicates: Article.duplicate_of says so
    killed = next(f for f in brief.facts if f.quantity == "people killed")
    assert "Northern Times" not in [r.outlet for r in killed.reports]


def test_boilerplate_and_questions_never_summarised(event):
    texts = " ".join(s.text for s in _brief(event, max_sentences=12).summary)
    assert "newsletter" not in texts
    assert "What caused the collapse?" not in texts


def test_summary_is_in_chronological_order(event):
    brief = _brief(event)
    by_id = {a.id: a for a in event.articles}
    days = [min(by_id[c.article_id].published.date() for c in s.citations) for s in brief.summary]
    assert days == sorted(days)


def test_word_budget_and_sentence_cap(event):
    short = _brief(event, words=40)
    assert 1 <= len(short.summary) and sum(len(s.text.split()) for s in short.summary) <= 40
    assert len(_brief(event, max_sentences=2).summary) == 2


def test_paraphrases_are_not_both_selected(event):
    texts = [s.text for s in _brief(event, max_sentences=8).summary]
    leads = [t for t in texts if "killed" in t and "Tuesday" in t]
    assert len(leads) == 1  # the Herald's "At least 8 ... killed" restates the wire lead


def test_headline_is_a_real_title(event):
    brief = _brief(event)
    assert brief.headline in {a.title for a in event.articles}


def test_headline_falls_back_to_story_title_then_summary(event):
    for a in event.articles:
        a.title = None
    assert _brief(event).headline == "Kessel Bridge collapse"
    event.story.title = None
    brief = _brief(event)
    assert brief.headline and brief.headline.rstrip("…") in brief.summary[0].text


def test_same_quote_in_two_wordings_is_merged_with_speaker(event):
    quotes = _brief(event).quotes
    assert len(quotes) == 1
    q = quotes[0]
    assert q.speaker == "Lina Ostrova"
    assert {c.article_id for c in q.citations} == {event.herald.id, event.ledger.id}
    assert q.text == "We will rebuild the bridge stronger than before."


def test_unique_items_are_single_outlet_claims_and_happenings(event):
    brief = _brief(event)
    texts = [u.text for u in brief.unique]
    assert any("200 rescuers" in t for t in texts)
    assert any("independent inquiry" in t for t in texts)
    for u in brief.unique:
        assert u.citation.article_id == u.article_id and u.text == u.citation.text
    assert not any("Eight people" in t or t == WIRE for t in texts)


def test_entities_are_the_storys_top_mentions(event):
    names = [e.name for e in _brief(event).entities]
    assert names[:2] == ["Kessel Bridge", "Port Meridian"]
    assert "Elsewhere Corp" not in names  # another story's entity


def test_timeline_is_dated_and_cited(event):
    brief = _brief(event)
    assert brief.timeline
    for t in brief.timeline:
        assert t.citations and any(t.text in c.text for c in t.citations)


def test_timeline_keeps_the_days_several_sources_name(event):
    """In a story of 3+ articles a day only one article names is left out: a weekday one source
    resolved wrongly would otherwise become a timeline entry of its own."""
    brief = _brief(event)
    assert [t.date.isoformat() for t in brief.timeline] == ["2031-03-04"]
    first = brief.timeline[0]
    cited = {c.article_id for c in first.citations}
    assert cited & {event.herald.id, event.wire.id}
    if event.wire.id in cited:  # the wire sentence cites its verbatim copy too
        assert event.copy.id in cited


def test_sources_list_every_article_and_mark_the_duplicate(event):
    brief = _brief(event)
    assert {s.article_id for s in brief.sources} == {a.id for a in event.articles}
    dup = next(s for s in brief.sources if s.article_id == event.copy.id)
    assert dup.duplicate_of == event.wire.id


def test_only_the_storys_articles_are_used():
    ev = build_event()
    other = build_event().post
    other.id = "zz-other"
    ev.story.article_ids = [a.id for a in ev.articles if a is not ev.post]
    brief = build_brief(ev.story, ev.articles + [other], ev.extraction, ev.duplicates)
    assert {s.article_id for s in brief.sources} == set(ev.story.article_ids)
    assert all(c.article_id != ev.post.id for s in brief.summary for c in s.citations)


def test_candidate_filter():
    assert is_candidate("Rescuers ended the search for survivors on Wednesday evening.")
    assert not is_candidate("What caused the collapse of the bridge on Tuesday?")
    assert not is_candidate("Back to top button and more links here today.")
    assert not is_candidate("Sirens and gunfire heard in Orlan as armoured trucks roll in")
    assert not is_candidate("“We will rebuild the bridge stronger than before and better.”")
    assert not is_candidate("Too short.")
    assert not is_candidate('"I thought it was an earthquake, the whole house was shaking.')
    assert not is_candidate("| `a.txt` | The Daily Beacon | 2025-03-12 | first report, tabloid style.")
    assert not is_candidate("- Ilona Marek, fire service spokeswoman, said so on Monday.")
    assert is_candidate('"Several of the gunmen were neutralised," police spokeswoman Irina Volkova said.')
    assert not is_candidate(" ".join(["word"] * 80) + ".")


def test_articles_without_sentences_are_segmented(event):
    pytest.importorskip("newsfuse.ingest.segment")
    for a in event.articles:
        a.sentences = []
    brief = build_brief(event.story, event.articles, type(event.extraction)(), None)
    assert brief.summary
    assert check_brief(brief, event.articles) == []


def test_unattributed_speech_is_not_a_summary_candidate():
    """A transcript line, a reader's comment or a line of a speech speaks as "I", "we" or "you"
    with no one named as saying it: out of its page it reads as the outlet's own claim."""
    assert not is_candidate("We know we will get the harbour open again in the end.")
    assert not is_candidate("I do not know and neither do the port authorities here.")
    assert not is_candidate("You will never take this city from its people, never!")
    assert not is_candidate("None of us yet knows why the dam gave way that night.")
    assert not is_candidate("MARA LENSKY, NEWS ANCHOR: Good evening and welcome, everyone.")
    assert not is_candidate("DOVRIN: That is one of the people we heard from in the square.")
    assert not is_candidate("I only want to say, with all my heart, thank you to every one of you.")


def test_reader_comments_and_photo_captions_are_not_summary_candidates():
    """A comment's stamp ("May 3, 2014 at 6:20 pm |", "kestrel77 wrote:") or a caption's
    "left"/"right" marks a line of the page around the report, not the report."""
    assert not is_candidate("May 3 , 2014 at 6:20 pm | The council does NOT need to pay for the bridge.")
    assert not is_candidate("At 20:04 3rd May 2014 , kestrel77 wrote : twelve cases reported on the news today.")
    assert not is_candidate("Bleach is cheap and kills germs, to name a few. At 23:51 3rd May 2014 , marrow wrote : calm down.")
    assert not is_candidate("Port chief Ola Brenn , left , listens to mayor Ivo Stal speak outside the town hall.")
    assert not is_candidate("Mayor Ivo Stal (R) greets rescuers at the harbour in Orlan on Monday.")
    assert is_candidate("The mayor turned left at the bridge and walked to the harbour on Monday.")
    # named speakers, quoted speech and the US stay
    assert is_candidate("We will rebuild the bridge, the mayor said on Tuesday evening.")
    assert is_candidate('"We know we will get there," harbour master Ilse Varn told reporters.')
    assert is_candidate("The US sent two ships to help us, local officials said on Friday.")
    assert is_candidate("Flood waters reached the US border town of Ardley on Monday night.")
    assert is_candidate("Our correspondent says the streets of Orlan were quiet by the evening.")
