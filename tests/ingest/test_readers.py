"""Readers: formats, dispatch and bad input (every bad file is a ReadProblem, never an exception)."""

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from newsfuse.ingest import MAX_BYTES, read_bytes, read_paths, read_records
from newsfuse.records import Article, ReadProblem

FIX = Path(__file__).parent / "fixtures"
BODY = (
    "Rescue teams reached the last stranded village on Wednesday, officials said.\n\n"
    "The river fell by 40 centimetres overnight, according to the water authority.\n"
)


def split(results):
    results = list(results)
    return ([r for r in results if isinstance(r, Article)], [r for r in results if isinstance(r, ReadProblem)])


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    arts, probs = split(read_paths([tmp_path / "empty.txt"]))
    assert not arts and len(probs) == 1 and "empty" in probs[0].message


def test_binary_file(tmp_path):
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 40)
    arts, probs = split(read_paths([tmp_path / "photo.txt"]))
    assert not arts and "binary" in probs[0].message


def test_cp1252_curly_quotes(tmp_path):
    text = "\u201cThe water came fast,\u201d said the mayor \u2013 who lost her caf\u00e9 to the flood on Monday.\n"
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1252"))
    arts, probs = split(read_paths([tmp_path / "cp.txt"]))
    assert not probs
    assert "\u201cThe water came fast,\u201d" in arts[0].text and "caf\u00e9" in arts[0].text


def test_latin1_text(tmp_path):
    # 0x81 is unassigned in cp1252, so this only decodes as latin-1
    data = "S\u00e3o Ber\u00e7o residents returned home after the flood receded on Friday.\n".encode("latin-1") + b"\x81\n"
    (tmp_path / "l1.txt").write_bytes(data)
    arts, probs = split(read_paths([tmp_path / "l1.txt"]))
    assert not probs and "S\u00e3o Ber\u00e7o" in arts[0].text


def test_file_above_limit_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    line = ("The river rose again overnight in the northern valley towns. " * 16 + "\n").encode()
    with open(big, "wb") as fh:
        for _ in range(MAX_BYTES // len(line) + 2):
            fh.write(line)
    assert big.stat().st_size > MAX_BYTES
    arts, probs = split(read_paths([big]))
    assert not arts and "too large" in probs[0].message and "limit" in probs[0].message


def test_default_limit_is_5_mb_and_the_message_names_file_size_and_limit(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSFUSE_MAX_BYTES", raising=False)
    big = tmp_path / "huge-record.txt"
    line = b"The council published another long annex of permit numbers for the harbour works.\n"
    big.write_bytes(line * (6 * 1024 * 1024 // len(line)))  # about 6 MB: read before, refused now
    (tmp_path / "small.txt").write_text(BODY)
    arts, probs = split(read_paths([tmp_path]))
    assert len(arts) == 1 and "stranded village" in arts[0].text  # the other file still counts
    assert len(probs) == 1 and probs[0].path == str(big)
    assert "too large" in probs[0].message and "6.0 MB" in probs[0].message and "5.0 MB limit" in probs[0].message
    assert "NEWSFUSE_MAX_BYTES" in probs[0].message


def test_limit_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFUSE_MAX_BYTES", "2K")
    (tmp_path / "long.txt").write_text(BODY * 20)  # about 3 kB
    (tmp_path / "short.txt").write_text(BODY)
    arts, probs = split(read_paths([tmp_path]))
    assert [a.path for a in arts] == [str(tmp_path / "short.txt")]
    assert [p.path for p in probs] == [str(tmp_path / "long.txt")] and "2,048 bytes limit" in probs[0].message
    arts, probs = split(read_bytes("long.txt.gz", gzip.compress((BODY * 20).encode())))  # counted unpacked
    assert not arts and "too large" in probs[0].message
    arts, probs = split(read_bytes("upload.txt", (BODY * 20).encode()))
    assert not arts and "too large" in probs[0].message


@pytest.mark.parametrize("text,expected", [("5000000", 5000000), ("500K", 500 * 1024), ("5M", 5 * 1024 ** 2),
                                           ("5mb", 5 * 1024 ** 2), ("1G", 1024 ** 3), ("1.5M", 1572864)])
def test_parse_size(text, expected):
    from newsfuse.ingest.readers import parse_size

    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "five", "5Q", "-1", "0"])
def test_parse_size_refuses_nonsense(text):
    from newsfuse.ingest.readers import parse_size

    with pytest.raises(ValueError):
        parse_size(text)


def test_gzip_bomb_is_refused():
    data = gzip.compress(b"a" * (MAX_BYTES + 10))
    arts, probs = split(read_bytes("bomb.txt.gz", data))
    assert not arts and "too large" in probs[0].message


def test_malformed_html(tmp_path):
    html = "<html><head><title>Flood update</title><body><div><table><tr><td><p>" + BODY.replace("\n\n", "<p>") + "<p>unclosed <b>bold <i>"
    (tmp_path / "bad.html").write_text(html)
    (tmp_path / "junk.html").write_text("<<<<>>>> </div></div></p>")
    results = list(read_paths([tmp_path]))
    arts, probs = split(results)
    assert len(results) == 2
    assert any("stranded village" in a.text for a in arts)
    assert any(p.path.endswith("junk.html") for p in probs)


def test_broken_symlink_fifo_and_directory_named_txt(tmp_path):
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inner.txt").write_text(BODY)
    arts, probs = split(read_paths([tmp_path]))
    assert len(arts) == 1 and arts[0].path.endswith("inner.txt")
    msgs = {Path(p.path).name: p.message for p in probs}
    assert "FIFO" in msgs["pipe.txt"]
    assert "broken.txt" in msgs
    # the broken link given directly
    _, probs = split(read_paths([tmp_path / "broken.txt"]))
    assert "broken" in probs[0].message or "cannot" in probs[0].message


def test_missing_path_and_unknown_type(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 whatever")
    arts, probs = split(read_paths([tmp_path / "nope.txt", tmp_path / "report.pdf"]))
    assert not arts
    assert "no such file" in probs[0].message
    assert "unknown file type" in probs[1].message


def test_on_problem_callback(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    seen = []
    list(read_paths([tmp_path], on_problem=seen.append))
    assert len(seen) == 1 and isinstance(seen[0], ReadProblem)


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second: the bridge reopened on Thursday after inspections.\n")
    (tmp_path / "1.txt").write_text("First: the school reopened on Thursday after the clean-up.\n")
    (tmp_path / ".secret.txt").write_text("Hidden: should not be read at all by the reader.\n")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden: should not be read at all by the reader.\n")
    arts, probs = split(read_paths([tmp_path]))
    assert [Path(a.path).name for a in arts] == ["1.txt", "2.txt"] and not probs


def test_ten_thousand_small_files(tmp_path):
    for i in range(10_000):
        sub = tmp_path / f"d{i // 1000}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:05d}.txt").write_text(f"Gauge {i} rose by {i % 7} cm overnight.\n")
    n = sum(1 for r in read_paths([tmp_path]) if isinstance(r, Article))
    assert n == 10_000


def test_jsonl_with_one_bad_line(tmp_path):
    good = {"title": "Bridge reopens", "text": BODY, "url": "https://news.example/a"}
    lines = [json.dumps(good), "{not json", json.dumps({**good, "text": BODY + "More later.\n"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    arts, probs = split(read_paths([tmp_path / "feed.jsonl"]))
    assert len(arts) == 2
    assert len(probs) == 1 and "feed.jsonl" in probs[0].path and "line 2" in probs[0].message


def test_json_list_and_field_variants():
    recs = [
        {"headline": "Valley floods", "content": BODY, "date": "2023-03-14T08:00:00Z",
         "source": "The Harbour Ledger", "author": "Ines Maro, Tom Reyes", "url": "https://www.harbourledger.example/x"},
        {"title": "No body here"},
        {"title": "Epoch date", "body": BODY.replace("Wednesday", "Thursday"), "published_at": 1678780800},
    ]
    arts, probs = split(read_records(recs, "feed.json"))
    assert len(arts) == 2 and len(probs) == 1 and probs[0].path == "feed.json#1"
    a = arts[0]
    assert a.title == "Valley floods" and a.authors == ["Ines Maro", "Tom Reyes"]
    assert a.outlet == "The Harbour Ledger" and a.domain == "harbourledger.example"
    assert a.published.isoformat() == "2023-03-14T08:00:00+00:00" and a.format == "json"
    assert arts[1].published.date().isoformat() == "2023-03-14"


def test_json_file_and_malformed_json(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"articles": [{"title": "T", "text": BODY}]}))
    (tmp_path / "broken.json").write_text('{"title": "T", "text": ')
    arts, probs = split(read_paths([tmp_path]))
    assert len(arts) == 1 and "malformed JSON" in probs[0].message


def test_read_bytes_dispatches_by_content_and_gzip():
    html = (FIX / "page.html").read_bytes()
    arts, _ = split(read_bytes("upload", html))
    assert arts and arts[0].format == "html"
    arts, _ = split(read_bytes("story.txt.gz", gzip.compress(BODY.encode())))
    assert arts and "stranded village" in arts[0].text and arts[0].format == "txt"
    _, probs = split(read_bytes("x.bin", b"\x00\x01\x02" * 100))
    assert probs


def _write_warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        html = (FIX / "page.html").read_bytes()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://www.harbourledger.example/world/valley-floods-army",
                                            "response", payload=io.BytesIO(html), http_headers=headers))
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://www.harbourledger.example/logo.png", "response",
                                            payload=io.BytesIO(b"\x89PNG...."), http_headers=img))


@pytest.mark.parametrize("name,gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc(tmp_path, name, gz):
    _write_warc(tmp_path / name, gz)
    arts, probs = split(read_paths([tmp_path / name]))
    assert len(arts) == 1 and not probs
    a = arts[0]
    assert a.format == "warc" and a.domain == "harbourledger.example"
    assert "field hospital" in a.text


def test_warc_gzipped_whole_is_read_like_a_gz_of_a_warc(tmp_path):
    """`gzip crawl.warc` makes one gzip member, not one per record: it is still a .gz of a WARC."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    raw = io.BytesIO()
    w = WARCWriter(raw, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    towns = ["Quellbrook", "Ostenfirth", "Marrowby", "Tillingcross", "Eastwold", "Harnham"]
    for i, town in enumerate(towns):
        page = f"<html><body><article><p>The ferry to {town} ran again on Monday after {i + 3} days, the port said.</p></article></body></html>"
        w.write_record(w.create_warc_record(f"https://ferrynews.example/{town.lower()}", "response",
                                            payload=io.BytesIO(page.encode()), http_headers=headers))
    data = gzip.compress(raw.getvalue())
    (tmp_path / "whole.warc.gz").write_bytes(data)
    for results in (read_paths([tmp_path / "whole.warc.gz"]), read_bytes("upload.warc.gz", data)):
        arts, probs = split(results)
        assert not probs and sorted(a.url for a in arts) == sorted(f"https://ferrynews.example/{t.lower()}"
                                                                   for t in towns)


def test_a_warc_gzipped_per_record_is_streamed_not_read_whole_first(tmp_path, monkeypatch):
    """Only the first records wait to see whether the WARC reads; the rest come as they are read."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from newsfuse.ingest import readers

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        for i in range(12):
            page = f"<html><body><article><p>Pier {i} at Lowmarsh reopened on Monday, the harbour office said.</p></article></body></html>"
            w.write_record(w.create_warc_record(f"https://harbour.example/{i}", "response",
                                                payload=io.BytesIO(page.encode()), http_headers=headers))
    read = []
    real = readers._html_doc
    monkeypatch.setattr(readers, "_html_doc", lambda *a, **k: read.append(1) or real(*a, **k))
    stream = readers._read_warc_path(path)
    first = next(stream)
    assert first.path.endswith("/0") and len(read) <= readers._WARC_HELD
    assert len(list(stream)) == 11


def test_malformed_warc(tmp_path):
    (tmp_path / "bad.warc").write_bytes(b"this is not a warc file at all\n" * 10)
    arts, probs = split(read_paths([tmp_path / "bad.warc"]))
    assert not arts and "WARC" in probs[0].message


def test_wire_as_author_becomes_wire_credit():
    recs = [{"title": "Bridge reopens", "text": BODY, "authors": ["Associated Press", "Kim Lee", "AP Auto Writer"]}]
    (a,) = list(read_records(recs, "feed.json"))
    assert a.authors == ["Kim Lee"] and a.wires == ["AP"]


def test_a_json_record_with_an_unreadable_date_is_read_and_the_date_named():
    """As for a text file's header: the article is kept, undated, and the user is told why."""
    recs = [{"title": "Dock strike ends", "text": BODY, "published": "sometime last week"},
            {"title": "Dock strike ends", "text": BODY + "\nUnions voted on Friday.", "published": "2026-02-06"}]
    arts, probs = split(read_records(recs, "feed.json"))
    assert len(arts) == 2 and arts[0].published is None and arts[1].published is not None
    (p,) = probs
    assert p.kept and p.path == "feed.json#0" and "'sometime last week'" in p.message


def test_a_jsonl_line_with_an_unreadable_date_names_its_line(tmp_path):
    lines = [json.dumps({"title": "Dock strike ends", "text": BODY, "date": "0000-00-00"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    arts, probs = split(read_paths([tmp_path / "feed.jsonl"]))
    assert len(arts) == 1 and len(probs) == 1 and probs[0].kept and probs[0].path.endswith("feed.jsonl:1")


def test_a_json_timestamp_in_milliseconds_dates_the_record():
    """JavaScript writes epoch milliseconds (Date.now()); seconds and milliseconds give one date."""
    recs = [{"title": "Dock strike ends", "text": BODY, "published": 1770370200000},
            {"title": "Dock strike ends", "text": BODY + "\nUnions voted.", "published": 1770370200}]
    arts, probs = split(read_records(recs, "feed.json"))
    assert not probs and arts[0].published == arts[1].published
    assert arts[0].published.date().isoformat() == "2026-02-06"
