"""Renderers: Markdown content, HTML escaping and links, JSON contract v1, round trip."""

import json
import re
from datetime import datetime, timezone

import pytest

from newsfuse.fuse import build_brief
from newsfuse.records import Brief, Citation, Source, SummaryItem
from newsfuse.render import from_json, index_json, to_html, to_json, to_markdown
from newsfuse.render.common import safe_url
from newsfuse.render.contract import validate_brief, validate_index

from .conftest import make_article

XSS_TEXT = "Officials said <script>alert(1)</script> was seen near <img src=x onerror=alert(1)> the river."


@pytest.fixture
def brief(event):
    return build_brief(event.story, event.articles, event.extraction, event.duplicates)


def test_markdown_has_every_section_with_footnote_markers(brief):
    md = to_markdown(brief)
    for heading in ("# ", "## Summary", "## Key facts", "## Quotes", "## Timeline",
                    "## People, organisations, places", "## Only in one source", "## Sources"):
        assert heading in md
    assert md.startswith(f"# {brief.headline}")
    # every summary line ends in markers; numbers point into the numbered source list
    lines = [ln for ln in md.split("## Summary")[1].split("## Key facts")[0].splitlines() if ln.startswith("- ")]
    assert len(lines) == len(brief.summary)
    for ln in lines:
        assert re.search(r"(\[\d+\])( \[\d+\])*$", ln)
    assert "[1]: https://herald.example/bridge" in md
    assert "\n3. **Northern Times**" in md and re.search(r"(exact|near) copy of \[2\]", md)  # the kind of copy is named


def test_markdown_fact_table_names_outlets_values_and_status(brief):
    md = to_markdown(brief)
    row = next(ln for ln in md.splitlines() if ln.startswith("| people injured"))
    assert "CONFLICT" in row
    assert "Harbour Post: **45** (as of 2031-03-05; per hospital officials)" in row
    assert "Harbour Post reports 45; the others report 30." in row
    killed = next(ln for ln in md.splitlines() if ln.startswith("| people killed"))
    assert "evolving" in killed and "Meridian Herald: **at least 8**" in killed


def _xss_brief():
    art = make_article("Evil <b>Outlet</b>", "<script>alert(1)</script> Bridge",
                       datetime(2031, 3, 4, tzinfo=timezone.utc), [[XSS_TEXT]],
                       url="javascript:alert(1)")
    c = Citation(art.id, 0, XSS_TEXT)
    brief = Brief("s-x", art.title, datetime(2031, 3, 5, tzinfo=timezone.utc),
                  summary=[SummaryItem(XSS_TEXT, [c])],
                  sources=[Source(art.id, art.outlet, art.title, art.published, art.url, art.path, None)])
    return brief


def test_html_escapes_article_text_and_refuses_javascript_urls():
    html = to_html(_xss_brief())
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript' not in html.lower()
    assert "<b>Outlet</b>" not in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith("#src-") for h in hrefs)


def test_html_links_only_http_urls_and_cites_with_hover_text(brief):
    html = to_html(brief)
    assert html.lstrip().lower().startswith("<!doctype html>")
    for h in re.findall(r'href="([^"]*)"', html):
        assert h.startswith("#src-") or h.startswith("https://")
    assert 'href="https://herald.example/bridge"' in html
    assert "Content-Security-Policy" in html
    assert not re.search(r'<(link|script|img|iframe)\b', html)  # standalone, nothing external
    first = brief.summary[0].citations[0]
    assert f'title="{first.text}"' in html.replace("&#39;", "'")
    for status in ("conflict", "evolving", "agree", "single"):
        assert f'badge badge-{status}' in html
    for n in range(1, len(brief.sources) + 1):
        assert f'id="src-{n}"' in html


def test_safe_url():
    assert safe_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    assert safe_url("http://a.example") == "http://a.example"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//a.example",
                "https://a.example/\"onmouseover=x", "file:///etc/passwd", None, ""):
        assert safe_url(bad) is None


def test_markdown_escapes_html_and_does_not_link_javascript():
    md = to_markdown(_xss_brief())
    outside_code = re.sub(r"`[^`]*`", "", md)  # code spans show their content literally
    assert not re.search(r"(?<!\\)<(script|img|b)", outside_code)
    assert "\\<script\\>" in md
    assert "](javascript" not in md and "]: javascript" not in md and "<javascript" not in md


def test_json_follows_contract_v1_exactly(brief):
    doc = to_json(brief)
    assert validate_brief(doc) == []
    assert list(doc)[:11] == ["story_id", "headline", "generated_at", "summary", "facts", "quotes",
                              "timeline", "entities", "unique", "sources", "storyline_id"]
    json.dumps(doc)  # plain JSON types only
    datetime.fromisoformat(doc["generated_at"])
    fact = doc["facts"][0]
    assert set(fact) >= {"quantity", "status", "reports"}
    rep = fact["reports"][0]
    assert set(rep) == {"article_id", "outlet", "value", "number", "qualifier", "as_of", "attribution",
                        "method", "citation", "copies"}  # copies: added after v1, as the contract allows
    assert rep["method"] in ("rules", "learned")
    assert all(set(c) == {"article_id", "sentence", "text"} for c in rep["copies"])
    assert isinstance(rep["number"], float)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rep["as_of"])
    assert set(rep["citation"]) == {"article_id", "sentence", "text"}
    assert all(set(s) == {"text", "citations"} for s in doc["summary"])
    assert all(set(q) == {"speaker", "text", "citations", "direct"} for q in doc["quotes"])
    assert all(isinstance(q["direct"], bool) for q in doc["quotes"])
    assert all(set(t) == {"date", "time", "text", "citations"} and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t["date"])
               and t["time"] is None for t in doc["timeline"])  # time: only items from a live blog's entries
    assert all(set(e) >= {"name", "type", "mentions"} for e in doc["entities"])
    assert all(set(u) == {"article_id", "text", "citation"} for u in doc["unique"])
    src = doc["sources"][0]
    assert set(src) == {"article_id", "outlet", "title", "published", "url", "path", "duplicate_of", "not_analysed",
                        "duplicate_kind"}  # duplicate_kind: added after v1
    datetime.fromisoformat(src["published"])


def test_json_round_trip(brief):
    doc = to_json(brief)
    again = from_json(json.loads(json.dumps(doc)))
    assert again == brief
    assert to_json(again) == doc
    assert to_markdown(again) == to_markdown(brief)


def test_index_json(event, brief):
    doc = index_json([event.story], event.articles, [brief], duplicates=event.duplicates)
    assert validate_index(doc) == []
    story = doc["stories"][0]
    assert story["story_id"] == "s-kessel" and story["headline"] == brief.headline
    assert story["article_ids"] == [a.id for a in event.articles]
    assert len(story["paths"]) == 5
    row = next(a for a in doc["articles"] if a["article_id"] == event.copy.id)
    assert row["duplicate_of"] == event.wire.id and row["story_id"] == "s-kessel"


def test_briefs_index_keeps_each_story_on_one_table_row():
    from newsfuse.records import Brief, Story
    from newsfuse.render.index import index_markdown

    b = Brief(story_id="s-1", headline="Bridge\nclosed | *today*", generated_at=datetime(2031, 5, 6))
    rows = index_markdown([b], [Story("s-1", ["a"])]).splitlines()
    assert rows[-1] == r"| [s-1](s-1.md) | 1 | Bridge closed \| \*today\* |"
