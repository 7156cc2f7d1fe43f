"""Odd inputs an analyst meets: pages that are only site chrome, record URLs that are not web
addresses, JSON nested beyond reason."""

import json

from newsfuse.ingest import read_paths, read_records
from newsfuse.records import Article, ReadProblem


def _read_one(tmp_path, name: str, text: str):
    """What ingest makes of one file holding ``text``."""
    f = tmp_path / name
    f.write_text(text)
    (item,) = list(read_paths([f]))
    return item


def test_a_page_of_only_navigation_is_not_an_article(tmp_path):
    item = _read_one(tmp_path, "menu.html",
                     "<html><head><title>Mornby Gazette</title></head><body><nav><a href='/'>Home</a>"
                     "<a href='/sport'>Sport</a></nav><footer>Contact us</footer></body></html>")
    assert isinstance(item, ReadProblem) and "no article text" in item.message


def test_a_short_page_with_real_paragraphs_is_still_read(tmp_path):
    item = _read_one(tmp_path, "short.html",
                     "<html><body><nav>Home</nav><p>The Mornby lifeboat rescued two kayakers on Sunday.</p>"
                     "</body></html>")
    assert isinstance(item, Article) and "two kayakers" in item.text


def test_a_script_url_names_no_outlet(tmp_path):
    recs = [{"title": "Mornby pier reopens", "url": "javascript:alert(1)",
             "text": "Mornby pier reopened to walkers on Saturday after a six-month repair, the council said."},
            {"title": "Mornby pier reopens", "url": "mailto:desk@mornby-gazette.example",
             "text": "The council said the repair of Mornby pier cost less than planned, and it reopened on Saturday."}]
    arts = [a for a in read_records(recs, "api") if isinstance(a, Article)]
    assert len(arts) == 2
    for a in arts:
        assert a.domain is None and a.outlet is None, (a.url, a.domain, a.outlet)


def test_a_web_url_still_gives_its_domain():
    from newsfuse.ingest.meta import domain_of

    assert domain_of("https://www.mornby-gazette.example/news/1") == "mornby-gazette.example"
    assert domain_of("mornby-gazette.example/news/1") == "mornby-gazette.example"
    assert domain_of("mornby-gazette.example:8080/news") == "mornby-gazette.example"
    assert domain_of("javascript://%0aalert(1)") is None


def test_deeply_nested_json_is_named_as_malformed(tmp_path):
    f = tmp_path / "dump.json"
    f.write_text("[" * 100_000 + "]" * 100_000)
    g = tmp_path / "dump.jsonl"
    g.write_text(json.dumps({"title": "ok", "text": "Mornby pier reopened on Saturday, the council said."})
                 + "\n" + "[" * 100_000 + "]" * 100_000 + "\n")
    items = list(read_paths([f, g]))
    problems = [i for i in items if isinstance(i, ReadProblem)]
    assert len(problems) == 2 and len(items) == 3
    for p in problems:
        assert "nested too deeply" in p.message and "RecursionError" not in p.message, p


def test_an_outlet_named_in_a_welcome_line_keeps_its_capital(tmp_path):
    item = _read_one(tmp_path, "live.txt",
                     "Floods live: river peaks in Mornby\n\n"
                     "Good morning and welcome to the Mornby Gazette's live coverage of the floods.\n\n"
                     "The river peaked at 5.2 metres overnight, the environment agency said, and 300 homes were evacuated.\n")
    assert isinstance(item, Article) and item.outlet == "The Mornby Gazette"


def test_a_json_record_with_an_html_body_keeps_the_records_metadata():
    """The body is an HTML fragment, so the record's own date, outlet and authors are all there is."""
    from datetime import datetime, timezone

    from newsfuse.ingest import read_records
    from newsfuse.records import Article

    rec = {"url": "https://orrinpost.example/bridges", "published": "2031-03-02T10:00:00Z",
           "outlet": "Orrin Post", "authors": ["Ada Penn"], "title": "Orrin bridges to be repaired",
           "text": "<p>The Orrin council said on Monday that 14 bridges would be repaired this year.</p>"
                   "<p>Four of them will close for a month, the council said.</p>"}
    (a,) = [x for x in read_records([rec], "feed") if isinstance(x, Article)]
    assert (a.title, a.outlet, a.authors) == ("Orrin bridges to be repaired", "Orrin Post", ["Ada Penn"])
    assert a.published == datetime(2031, 3, 2, 10, tzinfo=timezone.utc)
    assert "<p>" not in a.text and "14 bridges" in a.text


def test_wordpress_rendered_fields_are_read_and_a_title_that_is_no_text_is_ignored():
    from newsfuse.ingest import read_records
    from newsfuse.records import Article

    wp = {"link": "https://orrinpost.example/b", "date": "2031-03-02T10:00:00",
          "title": {"rendered": "Orrin bridges to be repaired"},
          "content": {"rendered": "<p>The Orrin council said on Monday that 14 bridges would be repaired this year.</p>"
                                  "<p>Four of them will close for a month, the council said.</p>"}}
    odd = {"title": ["x"], "text": "The Orrin council said on Monday that 14 bridges would be repaired."}
    got = [x for x in read_records([wp, odd], "feed")]
    assert all(isinstance(x, Article) for x in got), got
    assert got[0].title == "Orrin bridges to be repaired" and "14 bridges" in got[0].text
    assert got[1].title != "['x']"


def test_titles_outlets_and_authors_are_one_line():
    from newsfuse.ingest import read_records
    from newsfuse.records import Article

    rec = {"title": "Orrin bridge\nclosed  today", "outlet": "Orrin\nPost", "authors": ["Ada\n Penn"],
           "text": "The Orrin bridge was closed on Monday after three cracks were found, the council said."}
    (a,) = [x for x in read_records([rec], "feed") if isinstance(x, Article)]
    assert (a.title, a.outlet, a.authors) == ("Orrin bridge closed today", "Orrin Post", ["Ada Penn"])
