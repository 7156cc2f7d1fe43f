"""Reported (indirect) speech is never shown in quotation marks, in any output (invented text)."""

import json
from datetime import datetime, timezone

from newsfuse.records import Brief, BriefQuote, Citation, Source
from newsfuse.render import from_json, to_html, to_json, to_markdown
from newsfuse.render.contract import validate_brief

from .conftest import make_article

DIRECT = "We have enough pumps for every street in the old town"
REPORTED = "the pumps would run through the night."


def _brief():
    art = make_article("Vale Courier", "Flood", datetime(2031, 5, 6, tzinfo=timezone.utc), [[
        f"“{DIRECT},” fire chief Rosa Imre said.",
        f"Mayor Jon Hale said {REPORTED}",
        f"Officials said {REPORTED}"]])
    cite = [Citation(art.id, i, s.text) for i, s in enumerate(art.sentences)]
    return Brief("s-r", "Flood", datetime(2031, 5, 7, tzinfo=timezone.utc),
                 quotes=[BriefQuote("Rosa Imre", DIRECT, [cite[0]]),
                         BriefQuote("Jon Hale", REPORTED, [cite[1]], direct=False),
                         BriefQuote(None, REPORTED, [cite[2]], direct=False),
                         BriefQuote("harbour office", REPORTED, [cite[2]], direct=False)],
                 sources=[Source(art.id, art.outlet, art.title, art.published, art.url, art.path, None)])


def test_markdown_shows_reported_speech_without_quotation_marks():
    md = to_markdown(_brief())
    assert f"> “{DIRECT}” — Rosa Imre [1]" in md
    assert f"\nJon Hale said {REPORTED} [1]" in md
    assert f"\nReported (speaker not named): {REPORTED} [1]" in md
    assert f"\nHarbour office said {REPORTED} [1]" in md
    assert f"“{REPORTED}" not in md and f"> Jon Hale" not in md


def test_html_shows_reported_speech_without_quotation_marks():
    html = to_html(_brief())
    assert f"“{DIRECT}”" in html
    assert f'<p class="reported">Jon Hale said {REPORTED}' in html
    assert f"“{REPORTED}" not in html


def test_json_says_direct_or_indirect_and_reads_older_briefs_as_direct():
    doc = to_json(_brief())
    assert validate_brief(doc) == []
    assert [q["direct"] for q in doc["quotes"]] == [True, False, False, False]
    again = from_json(json.loads(json.dumps(doc)))
    assert [q.direct for q in again.quotes] == [True, False, False, False]
    for q in doc["quotes"]:
        del q["direct"]  # a brief written before the field existed
    assert validate_brief(doc) == []
    assert all(q.direct for q in from_json(doc).quotes)
    doc["quotes"][0]["direct"] = "no"
    assert validate_brief(doc) == ["quotes[0].direct: expected true or false"]


def test_a_speaker_that_is_no_name_keeps_the_article_of_its_source_sentence():
    art = make_article("Vale Courier", "Flood", datetime(2031, 5, 6, tzinfo=timezone.utc), [[
        "The water company said the pumps would run through the night.",
        "Residents said the pumps were too late."]])
    cite = [Citation(art.id, i, s.text) for i, s in enumerate(art.sentences)]
    brief = Brief("s-n", "Flood", datetime(2031, 5, 7, tzinfo=timezone.utc),
                  quotes=[BriefQuote("water company", "the pumps would run through the night.", [cite[0]], direct=False),
                          BriefQuote("residents", "the pumps were too late.", [cite[1]], direct=False)],
                  sources=[Source(art.id, art.outlet, art.title, art.published, art.url, art.path, None)])
    md = to_markdown(brief)
    assert "The water company said the pumps would run through the night." in md
    assert "Water company said" not in md
    assert "Residents said the pumps were too late." in md  # no article in the source, none added
    assert "The water company said the pumps" in to_html(brief)


def test_a_role_speaker_keeps_its_article_when_only_a_later_citation_names_it_in_full():
    from newsfuse.records import Citation
    from newsfuse.render.common import reported

    cites = [Citation("a", 0, "The board said 7 ferries were cancelled."),
             Citation("b", 0, "The harbour board said 7 ferries were cancelled on Friday.")]
    assert reported("harbour board", "7 ferries were cancelled.", cites) == \
        "The harbour board said 7 ferries were cancelled."
