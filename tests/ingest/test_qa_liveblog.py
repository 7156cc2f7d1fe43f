"""Live blogs whose posts are timed by a bare time line, or by <time datetime> in a post header
(which trafilatura drops), keep their posts' times; ordinary articles with a published and an
updated stamp do not become live blogs."""

from datetime import datetime, timedelta, timezone

from newsfuse.ingest import read_paths
from newsfuse.records import Article

BST = timezone(timedelta(hours=1))

LIVE_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Kelby floods – live updates</title><meta property="og:site_name" content="Kelby Post">
</head><body>
<header class="site"><a href="/">Kelby Post</a><nav><a href="/news">News</a></nav>
<time datetime="2031-07-02T07:00:00+01:00">Tuesday 2 July</time></header>
<main><h1>Kelby floods – live updates</h1>
<article class="post"><header><time datetime="2031-07-02T16:45:00+01:00">4.45pm BST</time>
<span class="by">By Ana Lind</span></header>
<div class="body"><p>The river has peaked at 5.2 metres, the water board says, slightly below last night's forecast.</p></div></article>
<article class="post"><header><time datetime="2031-07-02T11:20:00+01:00">11.20am BST</time></header>
<div class="body"><p>About 310 people have now been evacuated from the lower valley, officials say.</p>
<p>Two schools in the valley have been turned into shelters for the night.</p></div></article>
<article class="post"><header><time datetime="2031-07-02T08:05:00+01:00">8.05am BST</time></header>
<div class="body"><p>Overnight rain has pushed the Kelby river close to its record level, and 120 people were evacuated before dawn.</p></div></article>
</main><footer>Kelby Post, all rights reserved</footer></body></html>"""

PLAIN_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Kelby river peaks below forecast</title></head><body><main><article>
<h1>Kelby river peaks below forecast</h1>
<p class="stamp">Published <time datetime="2031-07-02T17:30:00+01:00">2 July 2031, 5.30pm</time></p>
<p class="stamp">Updated <time datetime="2031-07-02T19:10:00+01:00">2 July 2031, 7.10pm</time></p>
<p>The Kelby river peaked at 5.2 metres on Tuesday afternoon, slightly below the forecast, the water board said.</p>
<p>About 310 people were evacuated from the lower valley during the day, officials said.</p>
<p>Two schools in the valley were turned into shelters for the night, and roads stayed closed.</p>
</article></main></body></html>"""

LIVE_TXT = (" date 2031-07-02 Kelby floods live: river nears record\n"
            "2 July 2031 08:05\n"
            "Overnight rain has pushed the Kelby river close to its record level, and 120 people were evacuated before dawn.\n"
            "2 July 2031 11:20\n"
            "About 310 people have now been evacuated from the lower valley, officials say.\n"
            "2 July 2031 16:45\n"
            "The river has peaked at 5.2 metres, the water board says.\n")

PLAIN_TXT = (" date 2031-07-02 Kelby river peaks below forecast\n"
             "2 July 2031 17:30\n"
             "2 July 2031 19:10\n"
             "The Kelby river peaked at 5.2 metres on Tuesday afternoon, slightly below the forecast, the water board said.\n\n"
             "About 310 people were evacuated from the lower valley during the day, officials said.\n")


def read_one(path) -> Article:
    (a,) = [x for x in read_paths([path]) if isinstance(x, Article)]
    return a


def test_html_live_blog_posts_keep_their_times_and_authors(tmp_path):
    f = tmp_path / "kelby-live.html"
    f.write_text(LIVE_HTML)
    a = read_one(f)
    assert a.is_liveblog
    got = sorted((e.time, e.text.split()[0]) for e in a.entries)
    assert [t for t, _ in got] == [datetime(2031, 7, 2, h, m, tzinfo=BST) for h, m in ((8, 5), (11, 20), (16, 45))]
    assert [w for _, w in got] == ["Overnight", "About", "The"]
    assert {e.author for e in a.entries} == {"Ana Lind", None}
    assert "BST" not in a.text and "2031" not in a.text  # the stamps are entry times, not body text
    toll = next(s for s in a.sentences if "310" in s.text)
    assert a.entries[toll.entry].time.hour == 11


def test_html_article_with_published_and_updated_stamps_is_not_a_live_blog(tmp_path):
    f = tmp_path / "kelby-river.html"
    f.write_text(PLAIN_HTML)
    a = read_one(f)
    assert not a.is_liveblog and not a.entries
    assert "310 people" in a.text


def test_text_live_blog_with_bare_time_lines_keeps_its_posts(tmp_path):
    f = tmp_path / "kelby-live.txt"
    f.write_text(LIVE_TXT)
    a = read_one(f)
    assert a.is_liveblog
    assert [(e.time.hour, e.time.minute) for e in a.entries] == [(8, 5), (11, 20), (16, 45)]
    assert "310 people" in a.entries[1].text


def test_text_article_with_two_bare_stamps_on_top_is_not_a_live_blog(tmp_path):
    f = tmp_path / "kelby-river.txt"
    f.write_text(PLAIN_TXT)
    a = read_one(f)
    assert not a.is_liveblog and not a.entries
    assert a.text.startswith("The Kelby river peaked")


def test_a_bare_stamp_on_top_of_a_bylined_live_blog_stays_furniture(tmp_path):
    """Posts closed by glued bylines ("...says.Ana Lind2 July 2031 11:20") keep their own times;
    the page's bare publish stamp on top does not shift them by one post."""
    f = tmp_path / "kelby-live.txt"
    f.write_text(" date 2031-07-02 Kelby floods live: river nears record\n"
                 "2 July 2031 07:00\n"
                 "Overnight rain pushed the Kelby river close to its record level.Ana Lind2 July 2031 08:05\n"
                 "About 310 people have now been evacuated from the lower valley, officials say.Ana Lind2 July 2031 11:20\n"
                 "The river has peaked at 5.2 metres, the water board says.Ana Lind2 July 2031 16:45\n")
    a = read_one(f)
    assert [(e.time.hour, e.text.split()[0]) for e in a.entries] == [(8, "Overnight"), (11, "About"), (16, "The")]
    assert a.published.hour == 7


SHORT_POSTS_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Live: Orrin storm latest</title></head><body><main><h1>Live: Orrin storm latest</h1>
<div class="entry"><time datetime="2031-07-02T08:00:00Z">08:00</time><p>Winds of 120 km/h closed the Orrin bridge overnight.</p></div>
<div class="entry"><time datetime="2031-07-02T10:30:00Z">10:30</time><p>Officials now say 450 homes have lost power.</p></div>
<div class="entry"><time datetime="2031-07-02T13:15:00Z">13:15</time><p>The coastguard said 9 boats had been damaged.</p></div>
</main></body></html>"""


def test_short_html_live_posts_keep_their_text(tmp_path):
    """A post whose time sits in the same block as its short text: the time becomes the post's
    marker and the text stays (it was replaced by the marker, and the post lost)."""
    f = tmp_path / "orrin-live.html"
    f.write_text(SHORT_POSTS_HTML)
    a = read_one(f)
    assert "Orrin bridge overnight" in a.text and "450 homes" in a.text and "9 boats" in a.text
    assert a.is_liveblog
    when = {e.text.split()[0]: e.time.hour for e in a.entries}
    assert when == {"Winds": 8, "Officials": 10, "The": 13}


def test_a_time_opening_a_longer_html_post_stamps_it():
    page = SHORT_POSTS_HTML.replace(
        "<p>Officials now say 450 homes have lost power.</p>",
        "<p>Officials now say 450 homes have lost power across the county, and crews are out in every "
        "district of the coast.</p>")
    from newsfuse.ingest import read_bytes

    (a,) = [x for x in read_bytes("orrin-live.html", page.encode()) if isinstance(x, Article)]
    when = {e.text.split()[0]: e.time.hour for e in a.entries}
    assert when == {"Winds": 8, "Officials": 10, "The": 13}


def test_a_time_inside_prose_does_not_make_a_post():
    page = PLAIN_HTML.replace(
        "<p>Two schools in the valley",
        "<p>The board met at <time datetime=\"2031-07-02T15:00:00+01:00\">3pm</time> and again at "
        "<time datetime=\"2031-07-02T18:00:00+01:00\">6pm</time> to review the gauges, and said the river "
        "would be watched all night.</p><p>Two schools in the valley")
    from newsfuse.ingest import read_bytes

    (a,) = [x for x in read_bytes("kelby.html", page.encode()) if isinstance(x, Article)]
    assert not a.is_liveblog and "The board met at" in a.text


CLOCK_LIVE = (" date 2031-07-04 LIVE: Kelby floods day three\n"
              "Tasha Orme\n\n"
              "08:05 Good morning. The Kelby river is still 40cm above its banks at Millford.\n\n"
              "09:40 Crews reopen the Aldgate road bridge to emergency traffic.\n\n"
              "11.20am The water board says 1,400 homes remain without drinking water.\n\n"
              "2.15 pm : Volunteers fill sandbags at the Moor Lane depot.\n")

CLOCK_NEWEST_FIRST = (" date 2031-07-05 Kelby count – live\n"
                      "00:40 Turnout in Kelby East is 61 per cent, the returning officer says.\n\n"
                      "00:05 The first boxes reach the hall.\n\n"
                      "23:30 Polls have closed.\n")

TIMED_REPORT = (" date 2031-07-05 Kelby market report\n"
                "09:30 The market opened flat as traders waited for the flood bill.\n\n"
                "12:00 Trading was thin over lunch.\n\n"
                "14:15 The insurer Orme Mutual said claims would reach 12 million.\n\n"
                "16:30 Shares in Kelby Water closed 4 per cent lower.\n")


def test_posts_opened_by_a_bare_clock_become_entries(tmp_path):
    f = tmp_path / "kelby-day3.txt"
    f.write_text(CLOCK_LIVE)
    a = read_one(f)
    assert a.is_liveblog
    assert [(e.time.day, e.time.hour, e.time.minute) for e in a.entries] == [(4, 8, 5), (4, 9, 40), (4, 11, 20), (4, 14, 15)]
    assert a.entries[1].text == "Crews reopen the Aldgate road bridge to emergency traffic."
    assert a.entries[3].text == "Volunteers fill sandbags at the Moor Lane depot."
    assert all(a.text[e.start:e.end] == e.text for e in a.entries)
    assert not any(s.text.startswith(("08:05", "09:40", "11.20", "2.15")) for s in a.sentences)


def test_a_newest_first_clock_page_crosses_midnight_backwards(tmp_path):
    f = tmp_path / "kelby-count.txt"
    f.write_text(CLOCK_NEWEST_FIRST)
    a = read_one(f)
    assert [(e.time.day, e.time.hour) for e in a.entries] == [(5, 0), (5, 0), (4, 23)]


def test_timed_paragraphs_make_no_live_page_without_a_live_signal(tmp_path):
    f = tmp_path / "kelby-market.txt"
    f.write_text(TIMED_REPORT)
    a = read_one(f)
    assert not a.is_liveblog and not a.entries
    assert a.text.startswith("09:30 The market opened")
