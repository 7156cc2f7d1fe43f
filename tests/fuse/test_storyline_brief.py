"""A storyline's brief: its stories side by side, figures kept per story, one timeline across them."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from newsfuse.fuse import build_storyline_brief
from newsfuse.records import Brief, Citation, Fact, Report, Source, SummaryItem, TimelineItem
from newsfuse.render import storyline_to_html, storyline_to_json, storyline_to_markdown


def _when(d: int) -> datetime:
    return datetime(2026, 3, d, 9, 0, tzinfo=timezone.utc)


def _brief(sid: str, headline: str, sources: list[tuple[str, str, int]], facts=(), timeline=(), summary=()) -> Brief:
    return Brief(story_id=sid, headline=headline, generated_at=_when(28),
                 summary=list(summary), facts=list(facts), timeline=list(timeline),
                 sources=[Source(aid, outlet, f"{outlet} on {sid}", _when(d), None, None, None)
                          for aid, outlet, d in sources])


def _cite(aid: str, i: int, text: str) -> Citation:
    return Citation(aid, i, text)


STRIKE_SENTENCE = "Dock workers at Harlow Quay walked out on Monday over a pay offer of 3 per cent."
DEAL_SENTENCE = "The dock strike at Harlow Quay ended on Friday with a 5 per cent rise."


def _strike() -> Brief:
    c = _cite("a1", 0, STRIKE_SENTENCE)
    return _brief(
        "s-strike", "Harlow Quay dockers strike over pay", [("a1", "Coast Wire", 2), ("a2", "Harlow Echo", 3)],
        facts=[Fact("workers on strike", "agree", [Report("a1", "Coast Wire", "1,200", 1200, None, None, None, c)])],
        timeline=[TimelineItem(date(2026, 3, 2), STRIKE_SENTENCE, [c])],
        summary=[SummaryItem(STRIKE_SENTENCE, [c])])


def _deal() -> Brief:
    c = _cite("b1", 0, DEAL_SENTENCE)
    again = _cite("b2", 3, STRIKE_SENTENCE)  # the deal's coverage retells the walkout in the same words
    return _brief(
        "s-deal", "Harlow Quay dock strike ends with pay deal",
        [("b1", "Coast Wire", 20), ("b2", "Harlow Echo", 20), ("b3", "Port Trade Daily", 21)],
        facts=[Fact("workers on strike", "single", [Report("b1", "Coast Wire", "none", 0, None, None, None, c)])],
        timeline=[TimelineItem(date(2026, 3, 20), DEAL_SENTENCE, [c]),
                  TimelineItem(date(2026, 3, 2), STRIKE_SENTENCE, [again])],
        summary=[SummaryItem(DEAL_SENTENCE, [c])])


def test_stories_in_the_order_they_began_and_the_biggest_gives_the_headline():
    sb = build_storyline_brief("l-dock", [_deal(), _strike()])
    assert [b.story_id for b in sb.stories] == ["s-strike", "s-deal"]
    assert sb.headline == "Harlow Quay dock strike ends with pay deal"  # three sources against two


def test_timeline_runs_across_the_stories_and_one_happening_told_twice_is_one_entry():
    sb = build_storyline_brief("l-dock", [_deal(), _strike()])
    assert [(e.item.date.day, e.story_id) for e in sb.timeline] == [(2, "s-strike"), (20, "s-deal")]
    walkout = sb.timeline[0].item
    assert [(c.article_id, c.sentence) for c in walkout.citations] == [("a1", 0), ("b2", 3)]


def test_figures_stay_with_their_story():
    sb = build_storyline_brief("l-dock", [_strike(), _deal()])
    # the strike's 1,200 and the deal's "none" count different days: never one fact in conflict
    assert [[f.status for f in b.facts] for b in sb.stories] == [["agree"], ["single"]]
    md = storyline_to_markdown(sb)
    assert "CONFLICT" not in md
    assert md.index("## 1. Harlow Quay dockers strike over pay") < md.index("## 2. Harlow Quay dock strike ends")
    assert "(story 1)" in md and "(story 2)" in md


def test_sources_are_numbered_once_across_the_stories_in_every_format():
    sb = build_storyline_brief("l-dock", [_strike(), _deal()])
    md = storyline_to_markdown(sb)
    assert [line.split(".")[0] for line in md.split("## Sources")[1].strip().splitlines()] == ["1", "2", "3", "4", "5"]
    assert f"{DEAL_SENTENCE} [3]" in md  # b1 is the third source: the strike's two come first
    html = storyline_to_html(sb)
    assert html.count('<li id="src-') == 5 and 'href="#src-3"' in html
    data = json.loads(json.dumps(storyline_to_json(sb)))
    assert [s["story_id"] for s in data["stories"]] == ["s-strike", "s-deal"]
    assert data["timeline"][0] == {"date": "2026-03-02", "time": None, "text": STRIKE_SENTENCE, "story_id": "s-strike",
                                   "citations": [{"article_id": "a1", "sentence": 0, "text": STRIKE_SENTENCE},
                                                 {"article_id": "b2", "sentence": 3, "text": STRIKE_SENTENCE}]}


def test_article_text_is_escaped_in_the_storyline_page():
    evil = _strike()
    evil.headline = "<script>alert(1)</script> dockers"
    evil.summary[0].text = "Pay <img src=x onerror=alert(2)> talks"
    html = storyline_to_html(build_storyline_brief("l-dock", [evil, _deal()]))
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_live_page_title_heads_the_storyline_only_when_every_story_has_one():
    live = _deal()
    live.headline = "LIVE: Harlow Quay dock strike ends"
    sb = build_storyline_brief("l-dock", [live, _strike()])
    assert sb.headline == "Harlow Quay dockers strike over pay"  # fewer sources, but not a live page
    strike = _strike()
    strike.headline = "Live: dockers walk out"
    assert build_storyline_brief("l-dock", [live, strike]).headline == "LIVE: Harlow Quay dock strike ends"
