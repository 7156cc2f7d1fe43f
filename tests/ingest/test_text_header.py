"""Plain-text files that start with a metadata block ("Title: ...", "Date: ...", or front matter)."""

from datetime import date

from newsfuse.ingest import read_bytes
from newsfuse.ingest.readers import split_header
from newsfuse.records import Article

BODY = ("Four firefighters were injured as a fire swept through a paint warehouse in Dunmore on "
        "Wednesday evening, the fire service said.\n\nCrews from three stations fought the flames "
        "for nine hours before the roof fell in.\n")


def _one(name: str, text: str) -> Article:
    got = list(read_bytes(name, text.encode("utf-8")))
    assert len(got) == 1 and isinstance(got[0], Article), got
    return got[0]


def test_key_value_lines_become_title_outlet_authors_date_and_url():
    head = ("Title: Warehouse fire in Dunmore injures four firefighters\nSource: Dunmore Gazette\n"
            "Author: Ines Farrow and Tom Keel\nPublished: 2031-05-08 14:20\n"
            "URL: https://example.org/news/dunmore-fire\n\n")
    a = _one("fire.txt", head + BODY)
    assert a.title == "Warehouse fire in Dunmore injures four firefighters"
    assert a.outlet == "Dunmore Gazette"
    assert a.authors == ["Ines Farrow", "Tom Keel"]
    assert a.published.date() == date(2031, 5, 8) and a.published.hour == 14
    assert a.url == "https://example.org/news/dunmore-fire"
    assert "Source:" not in a.text and "Title:" not in a.text
    assert a.text.startswith("Four firefighters were injured")


def test_front_matter_between_dashes_skips_keys_it_does_not_know():
    head = ('---\ntitle: "Warehouse fire in Dunmore"\ntags: fire, Dunmore\ndate: 2031-05-08\n'
            "publisher: Northern Wire\n---\n")
    a = _one("fire.md", head + BODY)
    assert a.title == "Warehouse fire in Dunmore"
    assert a.outlet == "Northern Wire"
    assert a.published.date() == date(2031, 5, 8)
    assert "tags:" not in a.text and not a.text.startswith("---")


def test_one_labelled_first_line_is_body_text_not_a_header():
    for first in ("Update: the road has reopened after the warehouse fire in Dunmore.\n",
                  "Date: 2031-05-08\n"):
        fields, rest = split_header(first + BODY)
        assert fields == {} and rest == first + BODY
    a = _one("fire.txt", "Update: the ring road has reopened after the Dunmore warehouse fire.\n\n" + BODY)
    assert "ring road has reopened" in a.text


def test_unclosed_front_matter_and_unknown_keys_leave_the_text_alone():
    text = "---\ntitle: Warehouse fire\n" + BODY
    assert split_header(text) == ({}, text)
    text = "Weather: rain\nMood: grim\n\n" + BODY
    assert split_header(text) == ({}, text)


def test_camel_case_date_keys_in_any_case_give_the_date():
    """"PublishedAt:" and "pubDate:" are the JSON reader's own keys; written in a header they
    were accepted but their date was dropped."""
    for key in ("PublishedAt", "pubDate", "datePublished"):
        a = _one("fire.txt", f"Title: Warehouse fire in Dunmore\n{key}: 2031-05-08 14:20\n\n" + BODY)
        assert a.published is not None and a.published.date() == date(2031, 5, 8), key
