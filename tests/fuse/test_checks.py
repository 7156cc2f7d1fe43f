"""check_brief finds unfaithful briefs and passes faithful ones."""

from newsfuse.fuse import build_brief
from newsfuse.fuse.checks import check_brief
from newsfuse.fuse.text import numbers_in
from newsfuse.records import Citation, SummaryItem, TimelineItem


def _brief(ev):
    return build_brief(ev.story, ev.articles, ev.extraction, ev.duplicates)


def test_faithful_brief_has_no_problems(event):
    assert check_brief(_brief(event), event.articles) == []


def test_tampered_citation_text_is_caught(event):
    brief = _brief(event)
    brief.summary[0].citations[0].text += " Extra words."
    problems = check_brief(brief, event.articles)
    assert any("not in article" in p for p in problems)


def test_citation_to_the_wrong_sentence_is_caught(event):
    brief = _brief(event)
    c = brief.summary[0].citations[0]
    c.sentence = c.sentence + 1
    assert any("differs from the sentence" in p for p in check_brief(brief, event.articles))


def test_unknown_article_is_caught(event):
    brief = _brief(event)
    brief.quotes[0].citations.append(Citation("nope", 0, "x"))
    assert any("unknown article nope" in p for p in check_brief(brief, event.articles))


def test_number_no_source_states_is_caught(event):
    brief = _brief(event)
    c = brief.summary[0].citations[0]
    brief.summary.append(SummaryItem("The toll reached 17.", [c]))
    problems = check_brief(brief, event.articles)
    assert any("17" in p and "in no source" in p for p in problems)
    assert any("in none of its cited sentences" in p for p in problems)


def test_number_words_match_digits(event):
    # "Thirty" is in the Ledger, "30" in the Herald: a timeline line saying 30 is grounded
    brief = _brief(event)
    herald = event.herald
    s = next(x for x in herald.sentences if x.text.startswith("By Wednesday, 30"))
    brief.timeline = [TimelineItem(s.ref_date, s.text, [Citation(herald.id, s.index, s.text)])]
    assert check_brief(brief, event.articles) == []
    assert numbers_in("twenty-five thousand") == {25000.0}
    assert numbers_in("Twelve police and 5,800 people") == {12.0, 5800.0}


def test_report_value_must_be_in_its_sentence(event):
    brief = _brief(event)
    brief.facts[0].reports[0].number = 999
    assert any("is not in the cited sentence" in p for p in check_brief(brief, event.articles))
