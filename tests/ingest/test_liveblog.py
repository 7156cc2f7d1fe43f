"""Live blogs: markers glued to text are split off; entries carry time, author and title."""

from pathlib import Path

from newsfuse.ingest import read_paths
from newsfuse.ingest.liveblog import Marker, is_live_title, split_markers

FIX = Path(__file__).parent / "fixtures"


def test_split_glued_marker():
    pieces = split_markers("We will bring you updates through the day.Nadia Okafor14 March 2023 09:05")
    assert pieces[0] == "We will bring you updates through the day."
    assert isinstance(pieces[1], Marker) and pieces[1].author == "Nadia Okafor"
    assert pieces[1].time.isoformat() == "2023-03-14T09:05:00"
    assert split_markers("The bridge shut on 14 March 2023 13:10 and reopened later.") is None


def test_live_titles():
    assert is_live_title("Valley floods \u2013live: rescuers reach villages")
    assert is_live_title("Floods live updates: river rising")
    assert not is_live_title("Residents live in fear as the river rises")


def test_liveblog_entries():
    (a,) = list(read_paths([FIX / "liveblog.txt"]))
    assert a.is_liveblog
    assert [e.time.strftime("%H:%M") for e in a.entries] == ["09:05", "10:20", "11:45", "13:10"]
    assert [e.author for e in a.entries] == ["Nadia Okafor", "Nadia Okafor", "Samir Patel", "Samir Patel"]
    assert [e.title for e in a.entries][1:] == ["Death toll rises to 14", "Army sends 200 soldiers", "Bridge closed in Port Elvan"]
    assert a.entries[0].text.startswith("Good morning")
    for e in a.entries:
        assert a.text[e.start:e.end] == e.text
        assert e.time.tzinfo is not None  # borrowed from the page's "18:00 GMT"
    # the furniture is gone from the body, the epoch stamp too
    assert "Okafor14" not in a.text and "1678816800" not in a.text and "As it happened" not in a.text
    assert "Join our commenting forum" not in a.text and "Thank you for registering" not in a.text
    assert a.published.isoformat() == "2023-03-14T18:00:00+00:00" and a.authors == ["Nadia Okafor"]
    in_entry = [s for s in a.sentences if s.entry is not None]
    assert in_entry and all(s.ref_date.isoformat() == "2023-03-14" for s in in_entry)
    bridge = next(s for s in a.sentences if "old bridge" in s.text)
    assert a.entries[bridge.entry].title == "Bridge closed in Port Elvan"


def test_leading_markers(tmp_path):
    text = ("Floods live: the latest\n\n"
            "Samir Patel15 March 2023 08:00\n\nWater levels are falling in the lower valley this morning, officials said.\n\n"
            "Samir Patel15 March 2023 09:30\n\nSchools in Port Elvan will stay closed until Monday, the council said.\n\n"
            "Samir Patel15 March 2023 11:00\n\nThe main road north reopened to traffic shortly before eleven o'clock today.\n")
    (tmp_path / "lb.txt").write_text(text)
    (a,) = list(read_paths([tmp_path / "lb.txt"]))
    assert [e.time.strftime("%H:%M") for e in a.entries] == ["08:00", "09:30", "11:00"]
    assert a.entries[0].text.startswith("Water levels") and a.entries[2].text.startswith("The main road")
