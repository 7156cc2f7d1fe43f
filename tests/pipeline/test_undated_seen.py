"""An article with no date gets the clusterer's latest time for its windows; the stories list must
not show that invented time as when the story was seen, nor count it for --since."""

from datetime import date

from newsfuse import pipeline
from newsfuse.store import Store

# invented reports
CRANE = ("Title: Harbor crane collapses at Velmont port\nDate: 2024-03-04\n\n"
         "A harbor crane collapsed at the Velmont port on Monday, officials said. The crane operator was "
         "unhurt, said port director Lina Oskar. Work at the Velmont container terminal stopped for the day.\n")
CRANE_COPY = CRANE.split("\n\n", 1)[1] + "Inspectors will examine the crane on Tuesday.\n"  # reposted, no date
ORCHARD = ("Title: Orchard festival draws crowds in Tamsby\nDate: 2024-09-20\n\n"
           "The orchard festival in Tamsby drew large crowds on Saturday, organizer Pim Ruud said. Apple growers "
           "from across the valley sold cider at the festival.\n")
LOOSE = ("Gravel road to Osk farm washed out\n\nHeavy rain washed out the gravel road to the Osk farm, the "
         "farmer Edda Brun said. A tractor pulled a stuck van from the mud near the farm gate.\n")


def test_undated_articles_do_not_get_a_first_or_last_seen(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(CRANE)
    (d / "b.txt").write_bytes(CRANE_COPY.encode("cp1252"))
    (d / "c.txt").write_text(ORCHARD)
    (d / "d.txt").write_bytes(LOOSE.encode("cp1252"))
    with Store(tmp_path / "w.db") as store:
        pipeline.ingest([d], store)
        rows, _ = store.list_stories(limit=10)
        by_path = {a.path: a.story_id for a in store.all_articles()}
        seen = {r.id: (r.first_seen, r.last_seen) for r in rows}
        crane = seen[by_path[str(d / "a.txt")]]
        assert by_path[str(d / "b.txt")] == by_path[str(d / "a.txt")]
        assert [t.date() for t in crane] == [date(2024, 3, 4), date(2024, 3, 4)]
        assert seen[by_path[str(d / "d.txt")]] == (None, None)
        # dated stories by recency, the undated one after them (not first, by its ingest time)
        assert [r.id for r in rows][-1] == by_path[str(d / "d.txt")]
        assert [r.id for r in rows][0] == by_path[str(d / "c.txt")]
        recent, n = store.list_stories(since=date(2024, 6, 1))
        assert n == 1 and recent[0].id == by_path[str(d / "c.txt")]
