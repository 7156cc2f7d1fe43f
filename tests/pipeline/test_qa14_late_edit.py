"""An early file edited after the store moved on (a correction) rejoins the story of the version it
replaces, although that story has left the clusterer's hot window."""

from datetime import date, timedelta

from newsfuse import pipeline
from newsfuse.store import Store

BRIDGE = (" date 2024-11-05 Corran bridge closed after crack found\n"
          "Engineers closed the Corran river bridge on Tuesday after finding a crack in its main span, the city said.\n\n"
          "About 9,000 vehicles cross the Corran bridge each day, and commuters face long detours.\n")
BRIDGE_2 = (" date 2024-11-05 Crack shuts Corran river bridge\n"
            "The city shut the Corran river bridge on Tuesday when engineers found a crack in the main span.\n\n"
            "Commuters who cross the Corran bridge face detours of up to an hour, the city said.\n")
TOPICS = ["orchard frost ruins apple harvest in Velden", "library in Aster reopens after fire",
          "marathon in Brisk draws record runners", "zoo in Tarrow welcomes twin otters",
          "tram strike halts Lumen city centre", "choir from Oskar wins national prize",
          "flood barrier tested at Pell harbour", "chess prodigy from Mirren takes title",
          "bakery chain in Quill cuts prices", "wildfire near Sorrel forces evacuations",
          "new ferry route links Hale and Dunmore", "school in Ferris gets solar roof"]


def _later(day: date, topic: str) -> str:
    return (f" date {day.isoformat()} {topic.capitalize()}\n"
            f"Residents reacted on Monday as the {topic} story unfolded, officials said.\n\n"
            f"Officials said more details on the {topic} would follow this week.\n")


def _two_reports(tmp_path):
    """A folder holding two outlets' reports of one event; the first report's path."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    first = inbox / "corran-courier.txt"
    first.write_text(BRIDGE)
    (inbox / "river-gazette.txt").write_text(BRIDGE_2)
    return inbox, first


def test_an_early_file_edited_late_rejoins_its_story(tmp_path):
    inbox, first = _two_reports(tmp_path)
    with Store(tmp_path / "w.db") as store:
        pipeline.ingest([inbox], store)
        story = {a.path: a.story_id for a in store.all_articles()}
        assert story[str(first)] == story[str(inbox / "river-gazette.txt")]
        for k, topic in enumerate(TOPICS):  # six weeks of other news
            later = tmp_path / f"day{k}.txt"
            later.write_text(_later(date(2024, 11, 8) + timedelta(days=3 * k), topic))
            pipeline.ingest([later], store)
        first.write_text(BRIDGE.replace("About 9,000 vehicles", "About 11,000 vehicles"))  # a correction
        report = pipeline.ingest([first], store)
        assert len(report.replaced) == 1
        (now,) = [a.story_id for a in store.all_articles() if a.path == str(first)]
        assert store.resolve_story_id(now) == store.resolve_story_id(story[str(first)])
        assert sorted(r.n_articles for r in store.list_stories(limit=100)[0] if r.id == now) == [2]


def test_an_early_file_rewritten_as_another_story_is_clustered_anew(tmp_path):
    inbox, first = _two_reports(tmp_path)
    with Store(tmp_path / "w.db") as store:
        pipeline.ingest([inbox], store)
        old = {a.path: a.story_id for a in store.all_articles()}[str(first)]
        first.write_text(_later(date(2024, 11, 6), "choir from Oskar wins national prize"))
        pipeline.ingest([first], store)
        (now,) = [a.story_id for a in store.all_articles() if a.path == str(first)]
        assert store.resolve_story_id(now) != store.resolve_story_id(old)
