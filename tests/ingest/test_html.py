"""HTML pages: trafilatura body plus our own publish-time reading."""

from pathlib import Path

from newsfuse.ingest import read_paths
from newsfuse.ingest.html import extract_html, published_from_html

FIX = Path(__file__).parent / "fixtures"


def test_html_page_metadata_and_body():
    (a,) = list(read_paths([FIX / "page.html"]))
    assert a.title == "Valley floods: army joins rescue effort"
    assert a.outlet == "The Harbour Ledger"
    assert a.domain == "harbourledger.example"
    assert a.authors == ["Ines Maro"]
    assert a.published.isoformat() == "2023-03-14T16:30:00+01:00"  # time kept, not only the day
    assert a.language == "en" and a.format == "html"
    paras = a.text.split("\n\n")
    assert len(paras) == 5 and paras[0].startswith("Soldiers arrived")
    assert "Back to top" not in a.text and "Share this article" not in a.text and "Sport" not in a.text


def test_published_time_from_json_ld_and_itemprop():
    from lxml import html as lh

    ld = lh.fromstring('<html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
                       ' "datePublished": "2023-03-14T07:15:00-05:00"}]}</script></head><body></body></html>')
    assert published_from_html(ld).isoformat() == "2023-03-14T07:15:00-05:00"
    ip = lh.fromstring('<html><body><time itemprop="datePublished" datetime="2023-03-15T10:00:00Z">15 March</time></body></html>')
    assert published_from_html(ip).isoformat() == "2023-03-15T10:00:00+00:00"


def test_extract_html_without_article_returns_none():
    assert extract_html("<html><body></body></html>") is None
