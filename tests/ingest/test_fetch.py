"""URLs and feeds, read from a real HTTP server on this machine (no network needed).

The pages and feeds are invented; the server is Python's own ``http.server`` in a thread, so
every request goes through the same sockets, redirects and headers a real site's would."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from newsfuse.cli import app
from newsfuse.ingest import read_paths
from newsfuse.ingest.fetch import is_url
from newsfuse.pipeline import ingest
from newsfuse.records import Article, ReadProblem
from newsfuse.store import Store

BODY = (
    "Crews from three districts worked through the night to stop the Varnel river breaching a "
    "second levee north of Ostrow, the regional emergency office said on Tuesday. "
    "About 1,400 residents of the low-lying Ketterby quarter were moved to school halls as a "
    "precaution, and two pumping stations were switched to generators after the grid failed. "
    "Water levels at the Ostrow gauge peaked at 6.2 metres shortly after midnight, the highest "
    "reading since the gauge was installed, before falling slowly through the morning. "
    "The office said no one had been hurt, but warned that more rain was forecast for the hills "
    "upstream on Thursday and that the evacuation order would stay in place until then."
)


def page(title: str, body: str = BODY, date: str | None = "2029-04-10T06:45:00+02:00", site: str = "Ostrow Evening Post") -> bytes:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip())
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (f"<!doctype html><html><head><title>{title}</title>{meta}"
            f'<meta property="og:site_name" content="{site}"></head>'
            f"<body><nav>Home | Local | Sport</nav><article><h1>{title}</h1>{paras}</article>"
            f"<footer>Back to top</footer></body></html>").encode()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        self.server.hits[self.path] = self.server.hits.get(self.path, 0) + 1
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_response(404)
            self.end_headers()
            return
        if callable(route):  # a route that answers slowly, or differently at each request
            route = route()
        status, ctype, data = route
        self.send_response(status)
        if status in (301, 302):
            self.send_header("Location", data.decode())
            data = b""
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


_HITS: dict[str, dict[str, int]] = {}


@pytest.fixture()
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.routes, server.hits = {}, {}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _HITS[base] = server.hits
    yield base, server.routes
    server.shutdown()
    server.server_close()


@pytest.fixture()
def hits(site):
    """Requests per path the site has answered."""
    return _HITS[site[0]]


def _read(*paths):
    items = list(read_paths(list(paths)))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, ReadProblem)]


def test_is_url():
    assert is_url("https://example.org/a") and is_url("HTTP://example.org")
    assert not is_url("example.org/a") and not is_url("./https:/a.txt") and not is_url(None)


def test_page_is_read_with_its_final_url_outlet_and_time(site):
    base, routes = site
    routes["/news/levee"] = (200, "text/html; charset=utf-8", page("Night crews hold the Varnel levee"))
    routes["/old-link"] = (301, "text/html", f"{base}/news/levee".encode())
    arts, probs = _read(f"{base}/old-link")
    assert probs == []
    (a,) = arts
    assert a.title == "Night crews hold the Varnel levee"
    assert a.outlet == "Ostrow Evening Post"
    assert a.url == f"{base}/news/levee"  # after the redirect
    assert a.published.isoformat() == "2029-04-10T06:45:00+02:00"
    assert "Back to top" not in a.text and "Ketterby" in a.text


def test_feed_entries_are_fetched_and_filled_from_the_feed(site):
    base, routes = site
    routes["/a"] = (200, "text/html", page("Levee holds overnight", date="2029-04-10"))
    full = BODY.replace("Varnel", "Oskel").replace("Ostrow", "Dunmere")
    rss = f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Ostrow Evening Post - Region</title><link>{base}/</link>
<item><title>Levee holds overnight</title><link>{base}/a</link>
  <pubDate>Tue, 10 Apr 2029 04:45:00 GMT</pubDate><dc:creator>Ilse Marrow</dc:creator></item>
<item><title>Dunmere pumps run on generators</title><link>{base}/gone</link>
  <pubDate>Tue, 10 Apr 2029 09:10:00 GMT</pubDate>
  <content:encoded><![CDATA[<p>{full}</p>]]></content:encoded></item>
<item><title>Rain due on Thursday</title><link>{base}/also-gone</link>
  <pubDate>Tue, 10 Apr 2029 11:00:00 GMT</pubDate><description>More rain is on its way.</description></item>
</channel></rss>"""
    routes["/feed.xml"] = (200, "application/rss+xml", rss.encode())
    arts, probs = _read(f"{base}/feed.xml")
    by_title = {a.title: a for a in arts}
    assert set(by_title) == {"Levee holds overnight", "Dunmere pumps run on generators"}
    first = by_title["Levee holds overnight"]
    # the page gives only its day; the feed gives the time on that day, and the author
    assert first.published.isoformat() == "2029-04-10T04:45:00+00:00"
    assert first.authors == ["Ilse Marrow"]
    assert first.url == f"{base}/a"
    second = by_title["Dunmere pumps run on generators"]  # its page is gone: the feed's full text stands in
    assert "Dunmere" in second.text and second.path == f"{base}/gone"
    (p,) = probs  # a teaser is no article: the entry is named with why
    assert p.path == f"{base}/also-gone"
    assert "HTTP 404" in p.message and "no full text" in p.message


def test_atom_feed(site):
    base, routes = site
    routes["/b"] = (200, "text/html", page("Ketterby families return home", date=None))
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Regional desk</title>
<entry><title>Ketterby families return home</title><link href="{base}/b"/>
<updated>2029-04-12T15:30:00+02:00</updated><author><name>Tomas Reyll</name></author></entry></feed>"""
    routes["/atom"] = (200, "application/atom+xml", atom.encode())
    (a,), probs = _read(f"{base}/atom")
    assert probs == []
    assert a.published.isoformat() == "2029-04-12T13:30:00+00:00" and a.authors == ["Tomas Reyll"]


def test_unreachable_and_unusable_urls_are_problems_and_the_run_goes_on(site, tmp_path):
    base, routes = site
    routes["/logo.png"] = (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    routes["/empty-feed"] = (200, "application/rss+xml", b'<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>')
    closed = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    dead = f"http://127.0.0.1:{closed.server_address[1]}/story"
    closed.server_close()  # nothing listens there now
    f = tmp_path / "local.txt"
    f.write_text("Levee crews in Ostrow worked through the night as the Varnel rose. " * 5)
    arts, probs = _read(dead, f"{base}/missing", f"{base}/logo.png", f"{base}/empty-feed", str(f))
    assert [a.path for a in arts] == [str(f)]
    why = {p.path: p.message for p in probs}
    assert "connection refused" in why[dead]
    assert "HTTP 404" in why[f"{base}/missing"]
    assert "image/png" in why[f"{base}/logo.png"]
    assert "no entries" in why[f"{base}/empty-feed"]


def test_size_limit_applies_to_downloads(site, monkeypatch):
    base, routes = site
    routes["/huge"] = (200, "text/html", page("Huge", BODY * 40))
    monkeypatch.setenv("NEWSFUSE_MAX_BYTES", "20K")
    arts, (p,) = _read(f"{base}/huge")
    assert arts == [] and "exceeds the" in p.message and "limit" in p.message


def test_a_changed_page_replaces_its_earlier_version(site, tmp_path):
    base, routes = site
    url = f"{base}/news/levee"
    routes["/news/levee"] = (200, "text/html", page("Night crews hold the Varnel levee"))
    with Store(tmp_path / "w.db") as store:
        first = ingest([url], store)
        assert len(first.new) == 1
        again = ingest([url], store)  # unchanged: already stored
        assert again.new == [] and len(again.existing) == 1
        routes["/news/levee"] = (200, "text/html", page("Night crews hold the Varnel levee",
                                                        BODY.replace("About 1,400", "About 1,900")))
        third = ingest([url], store)
        assert len(third.new) == 1 and third.replaced == first.new
        assert "1,900" in store.get_article(third.new[0]).text
        assert store.get_article(first.new[0]) is None and store.count_articles() == 1


def test_cli_ingest_takes_urls(site, tmp_path):
    base, routes = site
    routes["/news/levee"] = (200, "text/html", page("Night crews hold the Varnel levee"))
    res = CliRunner().invoke(app, ["ingest", f"{base}/news/levee", "--db", str(tmp_path / "w.db")])
    assert res.exit_code == 0, res.output
    assert "1 new" in res.output


def test_dask_partitions_keep_a_url_whole(tmp_path):
    from newsfuse.scale import list_files

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("y")
    url = "https://news.example/feed.xml"
    assert list_files([url, str(tmp_path)]) == [url, str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def _feed(base: str, items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(f"<item><title>{t}</title><link>{base}{path}</link><pubDate>{stamp}</pubDate></item>"
                   for t, path, stamp in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>{body}</channel></rss>'.encode()


def test_feed_watcher_fetches_only_new_or_changed_entries(site, hits, tmp_path):
    from newsfuse.pipeline import FeedWatcher

    base, routes = site
    routes["/p1"] = (200, "text/html", page("Night crews hold the Varnel levee"))
    routes["/p2"] = (200, "text/html", page("Ketterby families return home",
                                            BODY.replace("were moved to school halls", "began to return")))
    one = ("Levee holds", "/p1", "Tue, 10 Apr 2029 04:45:00 GMT")
    routes["/feed"] = (200, "application/rss+xml", _feed(base, [one]))
    with Store(tmp_path / "w.db") as store:
        w = FeedWatcher([f"{base}/feed"], store)
        assert len(w.poll().new) == 1
        assert w.poll().new == [] and hits["/p1"] == 1  # unchanged entry: its page is not fetched again
        two = ("Families return", "/p2", "Wed, 11 Apr 2029 08:00:00 GMT")
        routes["/feed"] = (200, "application/rss+xml", _feed(base, [two, one]))
        r = w.poll()
        assert len(r.new) == 1 and hits == {"/feed": 3, "/p1": 1, "/p2": 1}
        # the feed says the first entry changed: its page is read again and replaces the old version
        routes["/p1"] = (200, "text/html", page("Night crews hold the Varnel levee",
                                                BODY.replace("About 1,400", "About 1,900")))
        routes["/feed"] = (200, "application/rss+xml", _feed(base, [two, (one[0], one[1], "Tue, 10 Apr 2029 09:00:00 GMT")]))
        r = w.poll()
        assert len(r.new) == 1 and len(r.replaced) == 1 and hits["/p1"] == 2
        # a new watcher (a restart) does not fetch pages the store already holds
        w2 = FeedWatcher([f"{base}/feed"], store)
        assert w2.poll().new == [] and hits["/p1"] == 2 and hits["/p2"] == 1
        assert store.count_articles() == 2


def test_feed_watcher_retries_a_failed_entry_and_names_a_problem_once(site, hits, tmp_path):
    from newsfuse.pipeline import FeedWatcher

    base, routes = site
    routes["/feed"] = (200, "application/rss+xml", _feed(base, [("Levee holds", "/late", "Tue, 10 Apr 2029 04:45:00 GMT")]))
    with Store(tmp_path / "w.db") as store:
        w = FeedWatcher([f"{base}/feed"], store)
        first = w.poll()
        assert first.new == [] and [p.path for p in first.problems] == [f"{base}/late"]
        assert w.poll().problems == []  # still failing: not named again
        routes["/late"] = (200, "text/html", page("Night crews hold the Varnel levee"))
        assert len(w.poll().new) == 1 and hits["/late"] == 3


def test_cli_watch_feed_once(site, tmp_path):
    base, routes = site
    routes["/p1"] = (200, "text/html", page("Night crews hold the Varnel levee"))
    routes["/feed"] = (200, "application/rss+xml", _feed(base, [("Levee holds", "/p1", "Tue, 10 Apr 2029 04:45:00 GMT")]))
    db = str(tmp_path / "w.db")
    res = CliRunner().invoke(app, ["watch", "--feed", f"{base}/feed", "--once", "--db", db])
    assert res.exit_code == 0, res.output
    with Store(db) as store:
        assert store.count_articles() == 1
    bad = CliRunner().invoke(app, ["watch", "--db", db])
    assert bad.exit_code == 2


def test_a_text_file_of_urls_is_a_list_to_fetch(site, tmp_path):
    base, routes = site
    routes["/p1"] = (200, "text/html", page("Night crews hold the Varnel levee"))
    routes["/feed"] = (200, "application/rss+xml", _feed(base, [("Families return", "/p2", "Wed, 11 Apr 2029 08:00:00 GMT")]))
    routes["/p2"] = (200, "text/html", page("Ketterby families return home",
                                            BODY.replace("were moved to school halls", "began to return")))
    lst = tmp_path / "feeds.txt"
    lst.write_text(f"# regional desk\n{base}/p1\n\n{base}/feed\n")
    art = tmp_path / "saved.txt"  # a saved article opening with its address is still an article
    art.write_text(f"{base}/p9\n\n{BODY}\n")
    arts, probs = _read(str(tmp_path))
    assert probs == []
    assert sorted(a.path for a in arts) == sorted([f"{base}/p1", f"{base}/p2", str(art)])


def _rss(base: str, items: str) -> bytes:
    return (f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Harbour desk</title>'
            f"<link>{base}/</link><description>x</description>{items}</channel></rss>").encode()


def test_a_feed_served_as_html_is_read_as_a_feed_and_an_xhtml_page_as_a_page(site):
    base, routes = site
    routes["/a"] = (200, "text/html", page("Levee holds overnight"))
    routes["/feed"] = (200, "text/html; charset=utf-8", _rss(base, f"<item><title>Levee</title><link>{base}/a</link></item>"))
    xhtml = page("Ketterby families return home").replace(b"<!doctype html>", b'<?xml version="1.0"?>\n<!DOCTYPE html>')
    routes["/x"] = (200, "application/xhtml+xml", xhtml)
    routes["/x-as-xml"] = (200, "application/xml", xhtml)
    arts, probs = _read(f"{base}/feed", f"{base}/x", f"{base}/x-as-xml")
    assert probs == []
    assert [a.title for a in arts] == ["Levee holds overnight", "Ketterby families return home",
                                       "Ketterby families return home"]


def test_relative_entry_links_resolve_against_the_feed_address(site):
    base, routes = site
    routes["/news/a"] = (200, "text/html", page("Levee holds overnight"))
    routes["/news/b"] = (200, "text/html", page("Ketterby families return home", body=BODY.replace("Varnel", "Oskel")))
    routes["/news/feed.xml"] = (200, "application/rss+xml", _rss(base, "<item><title>A</title><link>/news/a</link></item>"))
    routes["/old-feed"] = (301, "text/html", f"{base}/news/feed.xml".encode())  # relative to where it moved
    atom = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>'
            '<entry><title>B</title><link rel="alternate" href="b"/><updated>2029-04-12T15:30:00Z</updated></entry></feed>')
    routes["/news/atom"] = (200, "application/atom+xml", atom.encode())
    arts, probs = _read(f"{base}/old-feed", f"{base}/news/atom")
    assert probs == []
    assert sorted(a.url for a in arts) == [f"{base}/news/a", f"{base}/news/b"]


def test_an_entry_listed_twice_is_fetched_and_named_once(site, hits):
    base, routes = site
    routes["/a"] = (200, "text/html", page("Levee holds overnight"))
    item = "<item><title>{}</title><link>{}</link></item>"
    routes["/feed"] = (200, "application/rss+xml", _rss(base, item.format("Levee", f"{base}/a") + item.format("Gone", f"{base}/gone")
                                                       + item.format("Levee (Region)", f"{base}/a") + item.format("Gone again", f"{base}/gone")))
    arts, probs = _read(f"{base}/feed")
    assert [a.url for a in arts] == [f"{base}/a"] and [p.path for p in probs] == [f"{base}/gone"]
    assert hits["/a"] == 1 and hits["/gone"] == 1


def test_ctrl_c_stops_a_feed_fetch_without_waiting_for_slow_pages(site, hits, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    base, routes = site
    release = threading.Event()

    def slow():
        release.wait(20)  # a site that takes its time (well within the 30 s read timeout)
        return 200, "text/html", page("Levee holds overnight")

    items = "".join(f"<item><title>P{i}</title><link>{base}/slow/{i}</link></item>" for i in range(12))
    routes["/feed"] = (200, "application/rss+xml", _rss(base, items))
    for i in range(12):
        routes[f"/slow/{i}"] = slow
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen([sys.executable, "-m", "newsfuse", "ingest", f"{base}/feed", "--db", str(tmp_path / "w.db")],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            # as typed in a terminal, also when these tests run in the background (SIGINT ignored)
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        while not any(p.startswith("/slow/") for p in hits) and time.monotonic() < deadline:
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        start = time.monotonic()
        proc.wait(timeout=30)
        assert time.monotonic() - start < 5
        assert sum(hits.get(f"/slow/{i}", 0) for i in range(12)) <= 4  # no queued page fetched after
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


def test_feed_authors_are_people_not_addresses(site):
    base, routes = site
    for p in "abc":
        routes[f"/{p}"] = (200, "text/html", page(f"Levee report {p}", body=BODY.replace("Varnel", f"Varnel-{p}")))
    routes["/feed"] = (200, "application/rss+xml", (
        f'<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>D</title>'
        f"<item><title>a</title><link>{base}/a</link><author>desk@post.example (Ilse Marrow)</author></item>"
        f"<item><title>b</title><link>{base}/b</link><author>desk@post.example</author></item>"
        f"<item><title>c</title><link>{base}/c</link><dc:creator>Ilse Marrow and Tomas Reyll</dc:creator></item>"
        f"</channel></rss>").encode())
    arts, probs = _read(f"{base}/feed")
    assert probs == []
    assert {a.url.rsplit("/", 1)[1]: a.authors for a in arts} == {
        "a": ["Ilse Marrow"], "b": [], "c": ["Ilse Marrow", "Tomas Reyll"]}
