"""The pure helpers behind the pages: which URLs may be links, how text is cut, chart geometry."""

from newsfuse.records import Article, Entry, Sentence
from newsfuse.web import views
from newsfuse.web.views import article_segments, coverage_bars, safe_url, timeline_dots


def test_only_absolute_http_urls_become_links():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("HTTP://Example.org") == "HTTP://Example.org"
    for bad in [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/x", "/relative",
        "https://", "http:///nohost", "", None, 42, "https://ex.org/\nx",
    ]:
        assert safe_url(bad) is None, bad


def test_segments_cover_the_text_and_keep_sentence_indexes():
    text = "First one. Second one.\n\nThird one."
    sents = [Sentence("a", 0, "First one.", 0, 10), Sentence("a", 1, "Second one.", 11, 22),
             Sentence("a", 2, "Third one.", 24, 34)]
    segs = article_segments(Article(id="a", text=text, sentences=sents))
    assert "".join(s.text for s in segs) == text
    assert [s.index for s in segs if s.index is not None] == [0, 1, 2]
    assert [s.text for s in segs if s.index == 1] == ["Second one."]


def test_segments_skip_broken_spans_but_lose_no_text():
    text = "Alpha beta. Gamma delta."
    sents = [Sentence("a", 0, "Alpha beta.", 0, 11), Sentence("a", 1, "bad", 5, 99),
             Sentence("a", 2, "Gamma delta.", 12, 24)]
    segs = article_segments(Article(id="a", text=text, sentences=sents))
    assert "".join(s.text for s in segs) == text
    assert [s.index for s in segs if s.index is not None] == [0, 2]


def test_liveblog_entries_get_a_header_before_their_first_sentence():
    from datetime import datetime

    text = "Entry one. More.\n\nEntry two."
    art = Article(id="a", text=text, is_liveblog=True,
                  entries=[Entry("Entry one. More.", 0, 16, datetime(2025, 3, 13, 7, 10), title="Fire"),
                           Entry("Entry two.", 18, 28, datetime(2025, 3, 13, 8, 0))],
                  sentences=[Sentence("a", 0, "Entry one.", 0, 10, entry=0), Sentence("a", 1, "More.", 11, 16, entry=0),
                             Sentence("a", 2, "Entry two.", 18, 28, entry=1)])
    headers = [(s.index, s.entry_header) for s in article_segments(art) if s.entry_header]
    assert headers == [(0, "2025-03-13 07:10 · Fire"), (2, "2025-03-13 08:00")]


def test_coverage_bars_sorted_by_count_and_scaled_to_the_largest():
    chart = coverage_bars([{"outlet": "B"}, {"outlet": "A"}, {"outlet": "B"}, {"outlet": None}],
                          width=100)
    assert [(b.label, b.count) for b in chart["bars"]] == [("B", 2), ("A", 1), ("unknown", 1)]
    assert chart["bars"][0].width == 100 and chart["bars"][1].width == 50


def test_timeline_dots_place_dates_on_a_day_axis():
    chart = timeline_dots([{"date": "2025-03-11"}, {"date": "2025-03-13"}, {"date": "2025-03-13"},
                           {"date": "not a date"}], width=120)
    xs = [(d.date, d.x, d.count, d.anchor) for d in chart["dots"]]
    assert xs == [("2025-03-11", 24.0, 1, "t0"), ("2025-03-13", 96.0, 2, "t1")]
    assert timeline_dots([]) is None


def test_citations_are_listed_in_source_order():
    number = {"a": 1, "b": 2, "c": 3}
    cs = [{"article_id": "c", "sentence": 4}, {"article_id": "a", "sentence": 0},
          {"article_id": "zz", "sentence": 1}, {"article_id": "c", "sentence": 1}, {"article_id": "b", "sentence": 2}]
    got = views.in_source_order(cs, number)
    assert [(c["article_id"], c["sentence"]) for c in got] == [("a", 0), ("b", 2), ("c", 4), ("c", 1), ("zz", 1)]
    assert views.in_source_order(None, number) == []
