"""A demanding user's pass over the stories workflow (ingest, stories, show, watch -o): what they
noticed, each pinned by a test. Every article here is invented."""

import json

from typer.testing import CliRunner

from newsfuse import pipeline
from newsfuse.cli import app
from newsfuse.store import Store

runner = CliRunner()

FERRY = ("Title: Ferry capsizes off Calver Point\n"
         "Date: 2026-03-12T09:40:00+01:00\n"
         "Source: Meridian Press\n\n"
         "At least 14 people died when a passenger ferry capsized in heavy seas off Calver Point early on "
         "Thursday, the regional coastguard said.\n\n"
         "The Saint Alma, carrying 212 passengers and 19 crew, overturned about two nautical miles from the "
         "harbour entrance, coastguard spokesman Ivo Tarrant told reporters.\n")
STRIKE = (" date 2026-03-16 Dunmore teachers walk out over pay\n"
          "Teachers across Dunmore went on strike on Monday, closing 84 of the district's 97 schools in a "
          "dispute over pay.\n\n"
          "Union leader Alys Brennan told a rally of about 4,000 people that salaries had fallen.\n")


def test_a_file_edited_only_in_its_title_and_date_updates_the_stored_article(tmp_path):
    """The body is what makes an article's id, so a corrected headline or date line used to leave
    the file "already stored": the old title and date stayed in lists, briefs and --since."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    f = inbox / "meridian-ferry.txt"
    f.write_text(FERRY)
    (inbox / "dunmore.txt").write_text(STRIKE)
    db = tmp_path / "w.db"
    with Store(db) as store:
        pipeline.ingest([inbox], store)
        (old,) = [a for a in store.all_articles() if a.outlet == "Meridian Press"]
    f.write_text(FERRY.replace("Title: Ferry capsizes off Calver Point", "Title: Calver Point ferry toll rises")
                 .replace("Date: 2026-03-12T09:40:00+01:00", "Date: 2026-03-13T07:00:00+00:00"))
    with Store(db) as store:
        report = pipeline.ingest([inbox], store)
        assert report.updated == [old.id] and report.new == [] and old.id not in report.existing
        assert report.stories_changed == [old.story_id]  # re-briefed
        (now,) = [a for a in store.all_articles() if a.outlet == "Meridian Press"]
        assert (now.id, now.title) == (old.id, "Calver Point ferry toll rises")
        assert now.published.isoformat() == "2026-03-13T07:00:00+00:00"
        assert {s.ref_date.isoformat() for s in now.sentences if s.ref_date} == {"2026-03-13"}
        row = next(r for r in store.list_stories()[0] if r.id == old.story_id)
        assert row.last_seen.isoformat() == "2026-03-13T07:00:00+00:00"  # the span follows the date
        assert store.get_brief(old.story_id)["headline"] == "Calver Point ferry toll rises"
        assert [h["article_id"] for h in store.search("toll rises")] == [old.id]  # search sees the new title
        again = pipeline.ingest([inbox], store)  # unchanged now: nothing to do
        assert again.updated == [] and again.stories_changed == []


def test_cli_ingest_says_an_article_was_updated(tmp_path):
    f = tmp_path / "dunmore.txt"
    f.write_text(STRIKE)
    db = str(tmp_path / "w.db")
    assert runner.invoke(app, ["ingest", str(f), "--db", db]).exit_code == 0
    f.write_text(STRIKE.replace("2026-03-16", "2026-03-17"))
    result = runner.invoke(app, ["ingest", str(f), "--db", db])
    assert result.exit_code == 0, result.output
    assert "0 new, 1 updated, 0 already stored" in result.output


def test_a_kept_folder_of_briefs_follows_changes_made_by_another_process(tmp_path):
    """`watch -o` rewrote its folder only after its own polls changed a story: a second watcher
    or an `ingest` in another terminal on the same store left the folder without their stories."""
    inbox, extra, out, db = tmp_path / "in", tmp_path / "extra", tmp_path / "briefs", tmp_path / "w.db"
    inbox.mkdir()
    extra.mkdir()
    (inbox / "meridian-ferry.txt").write_text(FERRY)
    (extra / "dunmore.txt").write_text(STRIKE)
    with Store(db) as store:
        watcher = pipeline.Watcher(inbox, store)
        folder = pipeline.BriefsFolder(out, store, ["json"])
        watcher.poll()
        watcher.poll()
        assert folder.sync() == [] and len(json.loads((out / "index.json").read_text())["stories"]) == 1
        watcher.poll()  # nothing new anywhere: the folder is not written again
        assert folder.sync() is None
        with Store(db) as other:  # `newsfuse ingest extra/` in another terminal
            pipeline.ingest([extra], other)
        assert watcher.poll().stories_changed == []  # this watcher saw nothing of its own
        assert folder.sync() == []
        index = json.loads((out / "index.json").read_text())
        assert len(index["stories"]) == 2 and any("Dunmore" in s["headline"] for s in index["stories"])
        assert len(list(out.glob("s-*.json"))) == 2
        folder.close()


def test_watch_o_writes_the_stories_another_ingest_added(tmp_path, monkeypatch):
    import newsfuse.cli as cli

    inbox, extra, out, db = tmp_path / "in", tmp_path / "extra", tmp_path / "briefs", tmp_path / "w.db"
    inbox.mkdir()
    extra.mkdir()
    (inbox / "meridian-ferry.txt").write_text(FERRY)
    (extra / "dunmore.txt").write_text(STRIKE)
    polls = []

    class Stop(Exception):
        pass

    def sleep(_seconds):  # between the watcher's polls: another process ingests, then we stop
        polls.append(1)
        if len(polls) == 2:
            with Store(db) as other:
                pipeline.ingest([extra], other)
        if len(polls) == 4:
            raise Stop

    monkeypatch.setattr(cli.time, "sleep", sleep)
    result = runner.invoke(app, ["watch", str(inbox), "--db", str(db), "-o", str(out), "-f", "json"])
    assert isinstance(result.exception, Stop), result.output
    index = json.loads((out / "index.json").read_text())
    assert sorted(len(s["article_ids"]) for s in index["stories"]) == [1, 1]


def test_stories_search_finds_every_story_however_many_articles_match(tmp_path):
    """`stories --search` looked at the first 1,000 matching articles only: on a big store a
    common word ("flood") silently dropped stories and gave a wrong total."""
    from datetime import datetime, timedelta, timezone

    from newsfuse.records import Article, Story

    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    arts = [Article(id=f"a{k:05d}", text=f"River Tarn flooded {k} homes in Marden, the council said.",
                    title=f"Flood in Marden district {k}", outlet="Harbour Courier",
                    published=start + timedelta(hours=k)) for k in range(1100)]
    with Store(tmp_path / "big.db") as store:
        with store.transaction() as conn:
            store.add_articles(conn, arts)
            store.save_stories(conn, [Story(id=f"s-{k:05d}", article_ids=[a.id]) for k, a in enumerate(arts)])
        rows, total = store.list_stories(q="Marden", limit=2000)
        assert total == 1100 and len(rows) == 1100
        rows, total = store.list_stories(q="Marden", limit=10)
        assert total == 1100 and [r.id for r in rows] == [f"s-{k:05d}" for k in range(1099, 1089, -1)]


def _two_dated_stories(store):
    from datetime import datetime, timezone

    from newsfuse.records import Article, Story

    arts = [Article(id="early", text="Dockers at Salden walked out at dawn.", outlet="Harbour Courier",
                    published=datetime(2026, 3, 14, 8, 30, tzinfo=timezone.utc)),
            Article(id="late", text="Velmar schools stay shut after the plant fire.", outlet="Valley Sentinel",
                    published=datetime(2026, 3, 14, 9, 30, tzinfo=timezone.utc))]
    with store.transaction() as conn:
        store.add_articles(conn, arts)
        store.save_stories(conn, [Story(id="s-early", article_ids=["early"]), Story(id="s-late", article_ids=["late"])])


def test_since_a_time_in_another_zone_is_compared_as_an_instant(tmp_path):
    """list_stories compared an aware time as text: 10:00+01:00 (09:00 UTC) came after 09:30 UTC."""
    from datetime import datetime, timedelta, timezone

    paris = timezone(timedelta(hours=1))
    with Store(tmp_path / "w.db") as store:
        _two_dated_stories(store)
        ids = lambda **kw: [r.id for r in store.list_stories(**kw)[0]]  # noqa: E731
        assert ids(since=datetime(2026, 3, 14, 10, 0, tzinfo=paris)) == ["s-late"]
        assert ids(since=datetime(2026, 3, 14, 9, 0)) == ["s-late"]  # no zone: UTC, as stored times
        assert ids(until=datetime(2026, 3, 14, 10, 0, tzinfo=paris)) == ["s-early"]
        assert ids(since=datetime(2026, 3, 14).date()) == ["s-late", "s-early"]


def test_cli_since_takes_a_time_with_or_without_a_zone(tmp_path):
    db = tmp_path / "w.db"
    with Store(db) as store:
        _two_dated_stories(store)
    for since, expect in [("2026-03-14T10:00+01:00", ["s-late"]), ("2026-03-14 09:00", ["s-late"]),
                          ("2026-03-14T09:00Z", ["s-late"]), ("2026-03-14", ["s-late", "s-early"])]:
        result = runner.invoke(app, ["stories", "--db", str(db), "--since", since, "--json"])
        assert result.exit_code == 0, (since, result.output)
        assert [s["story_id"] for s in json.loads(result.output)["stories"]] == expect, since
    bad = runner.invoke(app, ["stories", "--db", str(db), "--since", "yesterday"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_api_since_takes_a_time_too(tmp_path):
    from fastapi.testclient import TestClient

    from newsfuse.web.app import create_app

    db = tmp_path / "w.db"
    with Store(db) as store:
        _two_dated_stories(store)
    with TestClient(create_app(str(db))) as client:
        got = client.get("/api/stories", params={"since": "2026-03-14T10:00+01:00"})
        assert got.status_code == 200 and [s["story_id"] for s in got.json()["stories"]] == ["s-late"]
        assert client.get("/api/stories", params={"since": "soon"}).status_code == 400


def _merged_store(tmp_path):
    """A store where story s-old was merged into s-new (as the clusterer records a merge)."""
    from datetime import datetime, timezone

    from newsfuse.records import Article, Story

    db = tmp_path / "w.db"
    arts = [Article(id=f"a{k}", text=f"The Saint Alma ferry capsized off Calver Point, report {k}.",
                    outlet=o, published=datetime(2026, 3, 12, 9 + k, tzinfo=timezone.utc))
            for k, o in enumerate(["Harbour Courier", "Northgate Daily"])]
    with Store(db) as store:
        with store.transaction() as conn:
            store.add_articles(conn, arts)
            store.save_stories(conn, [Story(id="s-old", article_ids=["a1"])])
            store.save_stories(conn, [Story(id="s-new", article_ids=["a0", "a1"], aliases=["s-old"])])
    return db


def test_stories_json_names_the_ids_merged_into_each_story(tmp_path):
    """A script that kept a story id from an earlier listing found it nowhere in `stories --json`
    after a merge (show and the API resolve it; the list did not say where it went)."""
    db = _merged_store(tmp_path)
    result = runner.invoke(app, ["stories", "--db", str(db), "--json"])
    (row,) = json.loads(result.stdout)["stories"]
    assert row["story_id"] == "s-new" and row["merged_ids"] == ["s-old"]
    assert row["n_outlets"] == 2 and row["articles"] == 2  # the count the table shows, next to the names


def test_show_of_a_merged_id_says_where_the_story_went(tmp_path):
    db = _merged_store(tmp_path)
    result = runner.invoke(app, ["show", "s-old", "--db", str(db), "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["story_id"] == "s-new"  # stdout stays the brief alone
    assert "s-old was merged into s-new" in result.stderr
    assert "merged" not in runner.invoke(app, ["show", "s-new", "--db", str(db), "-f", "json"]).stderr


def test_api_story_rows_name_their_merged_ids(tmp_path):
    from fastapi.testclient import TestClient

    from newsfuse.web.app import create_app

    db = _merged_store(tmp_path)
    with TestClient(create_app(str(db))) as client:
        (row,) = client.get("/api/stories").json()["stories"]
        assert row["story_id"] == "s-new" and row["merged_ids"] == ["s-old"]
        old = client.get("/api/stories/s-old", follow_redirects=False)
        assert old.status_code == 308 and old.headers["location"] == "/api/stories/s-new"


LIVE = ("<!doctype html><html><head><meta charset='utf-8'>"
        "<title>Live: Calver Point ferry disaster - latest updates</title>"
        "<meta property='og:site_name' content='Harbour Courier'>"
        "<meta property='article:published_time' content='2026-03-12T06:15:00+01:00'></head><body><article>"
        "<h1>Live: Calver Point ferry disaster - latest updates</h1>"
        "<div class='live-entry'><time datetime='2026-03-12T11:20:00+01:00'>11:20</time>"
        "<p>Coastguard spokesman Ivo Tarrant says 171 people have been rescued from the Saint Alma so far.</p></div>"
        "<div class='live-entry'><time datetime='2026-03-12T08:05:00+01:00'>08:05</time>"
        "<p>Two helicopters have joined the rescue operation off Calver Point.</p></div>"
        "</article></body></html>")
SURVIVORS = ("Title: Survivors describe chaos as Saint Alma went down\n"
             "Date: 2026-03-12T16:30:00+01:00\n"
             "Source: Northgate Daily\n\n"
             "Survivors of the Saint Alma ferry disaster described panic on the car deck as the vessel rolled "
             "over off Calver Point on Thursday.\n\n"
             "The death toll rose to 17, the regional coastguard said, with nine people still missing.\n")


def test_a_live_pages_title_is_not_the_storys_headline_when_a_report_has_one(tmp_path):
    """The most central title was often the live page's ("Live: ... - latest updates"): the
    storylines list already passed it over, the story's own brief and list line did not."""
    for name, text in [("live.html", LIVE), ("meridian.txt", FERRY), ("survivors.txt", SURVIVORS)]:
        (tmp_path / name).write_text(text)
    (brief,) = pipeline.brief([tmp_path])
    assert brief.headline in ("Ferry capsizes off Calver Point", "Survivors describe chaos as Saint Alma went down")
    (only_live,) = pipeline.brief([tmp_path / "live.html"])  # a live page alone keeps its own title
    assert only_live.headline.startswith("Live: Calver Point")


def _wire_copy(outlet: str, title: str, when: str) -> str:
    return (FERRY.replace("Source: Meridian Press", f"Source: {outlet}")
            .replace("Title: Ferry capsizes off Calver Point", f"Title: {title}")
            .replace("2026-03-12T09:40:00+01:00", when))


def test_a_wire_figure_in_the_key_facts_cites_every_outlet_that_carried_it(tmp_path):
    """The summary cited the wire sentence in every outlet that ran it, but the key facts gave the
    figure to the agency alone: the papers that carried it were nowhere in the table."""
    from newsfuse.render import from_json, to_json, to_markdown

    (tmp_path / "meridian.txt").write_text(FERRY)
    (tmp_path / "courier.txt").write_text(_wire_copy("Harbour Courier", "At least 14 dead off Calver Point", "2026-03-12T10:05:00+01:00"))
    (tmp_path / "sentinel.txt").write_text(_wire_copy("Valley Sentinel", "Ferry disaster at Calver Point", "2026-03-12T10:20:00+01:00"))
    (tmp_path / "survivors.txt").write_text(SURVIVORS)
    (brief,) = pipeline.brief([tmp_path])
    by_outlet = {s.outlet: s.article_id for s in brief.sources}
    killed = next(f for f in brief.facts if f.quantity == "people killed")
    (wire,) = [r for r in killed.reports if r.number == 14]
    assert wire.outlet == "Meridian Press"  # counted once, as the agency's
    assert sorted(c.article_id for c in wire.copies) == sorted([by_outlet["Harbour Courier"], by_outlet["Valley Sentinel"]])
    for c in wire.copies:  # each a verbatim sentence of the outlet that carried it
        art = next(s for s in brief.sources if s.article_id == c.article_id)
        assert "At least 14 people died" in c.text and art.duplicate_of == by_outlet["Meridian Press"]
    assert killed.status == "evolving"  # 14 then 17: the copies add no voice of their own
    numbers = {s.article_id: n for n, s in enumerate(brief.sources, 1)}
    md = to_markdown(brief)
    marks = " ".join(f"[{numbers[a]}]" for a in sorted([by_outlet["Meridian Press"], by_outlet["Harbour Courier"],
                                                        by_outlet["Valley Sentinel"]], key=numbers.get))
    assert f"**At least 14** (" in md and marks in next(line for line in md.splitlines() if "**At least 14**" in line)
    again = from_json(to_json(brief))  # the JSON keeps them
    (wire2,) = [r for f in again.facts if f.quantity == "people killed" for r in f.reports if r.number == 14]
    assert [c.article_id for c in wire2.copies] == [c.article_id for c in wire.copies]


def test_the_sources_list_says_what_kind_of_duplicate_each_is(tmp_path):
    """Every duplicate was "duplicate of [n]": a wire text run word for word, one with a clause
    edited and an outlet's own condensed page of its longer report read alike."""
    from newsfuse.render import from_json, to_json, to_markdown

    long_report = ("Title: Huge fire at Velmar chemical plant\nDate: 2026-03-14T08:10:00+01:00\n"
                   "Source: Valley Sentinel\nURL: https://valleysentinel.example/velmar-fire\n\n"
                   "A fire broke out at the Orlen-Gast chemical plant on the edge of Velmar late on Friday, forcing "
                   "about 3,000 residents to leave their homes.\n\n"
                   "The blaze started in a storage hall holding solvents shortly before 23:00, the fire service said.\n\n"
                   "Fire chief Dorota Wilk said the fire was under control by 06:00 on Saturday.\n\n"
                   "Four workers were taken to hospital with burns, one of them in a serious condition.\n\n"
                   "Mayor Anselm Reiter asked people living near the plant to keep their windows closed.\n\n"
                   "The environment agency said it had found no dangerous levels of toxic gases so far.\n\n"
                   "More than 120 firefighters fought the flames through the night, using foam brought from Kessel.\n\n"
                   "Schools in Velmar will stay shut on Monday, and the ring road remains closed to lorries.\n\n"
                   "Orlen-Gast said it had begun its own investigation and would publish what it found.\n")
    summary_page = ("Title: Velmar plant fire: what we know\nDate: 2026-03-14T09:00:00+01:00\n"
                    "Source: Valley Sentinel\nURL: https://valleysentinel.example/velmar-fire-summary\n\n"
                    "A fire broke out at the Orlen-Gast chemical plant on the edge of Velmar late on Friday, forcing "
                    "about 3,000 residents to leave their homes.\n\n"
                    "Fire chief Dorota Wilk said the fire was under control by 06:00 on Saturday.\n\n"
                    "Four workers were taken to hospital with burns, one of them in a serious condition.\n")
    (tmp_path / "meridian.txt").write_text(FERRY)
    (tmp_path / "courier.txt").write_text(_wire_copy("Harbour Courier", "At least 14 dead off Calver Point", "2026-03-12T10:05:00+01:00"))
    (tmp_path / "sentinel.txt").write_text(_wire_copy("Valley Sentinel", "Ferry disaster at Calver Point", "2026-03-12T10:20:00+01:00")
                                           .replace("The Saint Alma, carrying", "The Saint Alma, which was carrying"))
    (tmp_path / "velmar.txt").write_text(long_report)
    (tmp_path / "velmar-summary.txt").write_text(summary_page)
    briefs = pipeline.brief([tmp_path])
    kinds = {s.title: s.duplicate_kind for b in briefs for s in b.sources}
    assert kinds == {"Ferry capsizes off Calver Point": None, "At least 14 dead off Calver Point": "exact",
                     "Ferry disaster at Calver Point": "near", "Huge fire at Velmar chemical plant": None,
                     "Velmar plant fire: what we know": "contained"}
    md = "\n".join(to_markdown(b) for b in briefs)
    assert "exact copy of [1]" in md and "near copy of [1] (lightly edited)" in md
    assert "shorter version of [1] (same outlet)" in md and "duplicate of" not in md
    for b in briefs:
        assert [s.duplicate_kind for s in from_json(to_json(b)).sources] == [s.duplicate_kind for s in b.sources]


def test_watch_says_which_story_a_deleted_file_removed_and_that_a_broken_edit_kept_the_old_version(tmp_path, monkeypatch):
    """`watch` printed "stories updated: none" when a deleted file took its story with it, and
    "skipped x.txt: empty file" for a file emptied after it was read, while its earlier version
    stayed in every brief: the user could not tell either from the output."""
    import newsfuse.cli as cli

    inbox, db = tmp_path / "in", tmp_path / "w.db"
    inbox.mkdir()
    (inbox / "meridian-ferry.txt").write_text(FERRY)
    (inbox / "dunmore.txt").write_text(STRIKE)
    with Store(db) as store:
        pipeline.watch_once(inbox, store, settle=0.01)
        dunmore = next(a.story_id for a in store.all_articles() if "Dunmore" in a.text)
    (inbox / "dunmore.txt").unlink()
    (inbox / "meridian-ferry.txt").write_text("")
    with Store(db) as store:
        watcher = pipeline.Watcher(inbox, store)
        watcher.pending()
        report = watcher.poll()
        assert report.stories_removed == [dunmore] and report.stories_changed == []
        (problem,) = report.problems
        assert problem.path.endswith("meridian-ferry.txt") and "empty file" in problem.message
        assert "the version read before is kept" in problem.message
        assert store.count_articles() == 1
    printed = []
    monkeypatch.setattr(cli.out, "print", lambda text, **kw: printed.append(text))
    cli._watch_report(report)
    assert any(f"stories removed (no article left): {dunmore}" in line for line in printed), printed


def test_stories_says_when_limit_cut_the_list(tmp_path):
    """Piped into a script, `stories` stopped at --limit (100 by default) without a word."""
    db = tmp_path / "w.db"
    with Store(db) as store:
        _two_dated_stories(store)
    cut = runner.invoke(app, ["stories", "--db", str(db), "--limit", "1"])
    assert cut.exit_code == 0 and len(cut.stdout.splitlines()) == 2  # header and one story
    assert "showing 1 of 2 stories" in cut.stderr and "--limit" in cut.stderr
    whole = runner.invoke(app, ["stories", "--db", str(db)])
    assert len(whole.stdout.splitlines()) == 3 and whole.stderr == ""


def test_a_wire_sentence_in_the_timeline_cites_every_outlet_that_ran_it(tmp_path):
    """The summary cited all copies of a wire sentence; the same sentence in the timeline cited
    the agency alone."""
    (tmp_path / "meridian.txt").write_text(FERRY)
    (tmp_path / "courier.txt").write_text(_wire_copy("Harbour Courier", "At least 14 dead off Calver Point", "2026-03-12T10:05:00+01:00"))
    (tmp_path / "sentinel.txt").write_text(_wire_copy("Valley Sentinel", "Ferry disaster at Calver Point", "2026-03-12T10:20:00+01:00"))
    (brief,) = pipeline.brief([tmp_path])
    lead = "The Saint Alma, carrying"
    (item,) = [t for t in brief.timeline if t.text.startswith(lead)]
    (summary,) = [s for s in brief.summary if s.text.startswith(lead)]
    assert len(summary.citations) == 3
    assert sorted(c.article_id for c in item.citations) == sorted(c.article_id for c in summary.citations)
    assert all(c.text.startswith(lead) for c in item.citations)
    assert [c.article_id for c in item.citations][0] == next(s.article_id for s in brief.sources if s.outlet == "Meridian Press")


def test_a_folder_of_briefs_names_the_ids_merged_into_each_story(tmp_path):
    """After a merge `watch -o`/`export` removed the old id's brief files, and index.json did not
    say which file now holds that story: a link or script holding the old id was left with nothing."""
    db = _merged_store(tmp_path)
    result = runner.invoke(app, ["export", "--db", str(db), "-o", str(tmp_path / "briefs"), "-f", "json"])
    assert result.exit_code == 0, result.output
    (story,) = json.loads((tmp_path / "briefs" / "index.json").read_text())["stories"]
    assert story["story_id"] == "s-new" and story["merged_ids"] == ["s-old"]


def test_an_ingest_that_read_nothing_leaves_no_folders_it_made_for_the_store(tmp_path):
    """The empty store was removed, but the folders made for it (--db new/sub/w.db) stayed."""
    (tmp_path / "kept").mkdir()
    db = tmp_path / "kept" / "new" / "sub" / "w.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "no-such.txt"), "--db", str(db)])
    assert result.exit_code == 1
    assert not (tmp_path / "kept" / "new").exists() and (tmp_path / "kept").is_dir()


def _killed_while_grouping(inbox, db, monkeypatch):
    """A watch killed after storing a poll's files and before grouping them (SIGKILL mid-ingest)."""
    class Killed(BaseException):
        pass

    def killed(*_a, **_k):
        raise Killed

    with Store(db) as store, monkeypatch.context() as m:
        m.setattr(pipeline, "_group_new", killed)
        watcher = pipeline.Watcher(inbox, store)
        watcher.pending()
        try:
            watcher.poll()
        except Killed:
            pass
        assert store.count_articles() == 2 and len(store.unclustered_ids()) == 2


def test_a_watch_restarted_after_a_kill_mid_ingest_finishes_what_was_stored(tmp_path, monkeypatch):
    """The files were recorded as read, so a restarted watch found nothing new to read and left
    the stored articles out of every story (and their briefs unmade) until some new file came."""
    inbox, db = tmp_path / "in", tmp_path / "w.db"
    inbox.mkdir()
    (inbox / "meridian-ferry.txt").write_text(FERRY)
    (inbox / "dunmore.txt").write_text(STRIKE)
    _killed_while_grouping(inbox, db, monkeypatch)
    with Store(db) as store:  # `watch --once` again
        report = pipeline.watch_once(inbox, store, settle=0.01)
        assert store.unclustered_ids() == [] and len(report.stories_changed) == 2
        assert store.stale_brief_ids() == [] and all(store.get_brief(s) for s in store.story_ids())
    db = tmp_path / "w2.db"
    _killed_while_grouping(inbox, db, monkeypatch)
    with Store(db) as store:  # a long-running `watch` restarted
        report = pipeline.Watcher(inbox, store).poll()
        assert store.unclustered_ids() == [] and len(report.stories_changed) == 2
        assert store.stale_brief_ids() == []
    import newsfuse.cli as cli

    printed = []  # and watch says so (it printed nothing: no file was new)
    monkeypatch.setattr(cli.out, "print", lambda text, **kw: printed.append(text))
    cli._watch_report(report)
    assert any("stories updated: " + ", ".join(report.stories_changed) in line for line in printed), printed


def test_a_live_pages_later_entries_count_for_when_its_story_was_last_seen(tmp_path):
    """A live page is published when it opens; its story's "last seen" (and --since) ignored the
    entries added all day, so a story with news at 20:30 was listed as last seen at 16:30."""
    from datetime import datetime, timedelta, timezone

    from newsfuse.records import Article, Entry, Story

    cet = timezone(timedelta(hours=1))
    text = "The toll has risen to 18.\n\nTwo helicopters have joined the rescue."
    live = Article(id="live", text=text, outlet="Harbour Courier", is_liveblog=True,
                   published=datetime(2026, 3, 12, 6, 15, tzinfo=cet),
                   entries=[Entry(text[:25], 0, 25, time=datetime(2026, 3, 12, 20, 30, tzinfo=cet)),
                            Entry(text[27:], 27, len(text), time=datetime(2026, 3, 12, 8, 5, tzinfo=cet)),
                            Entry("x", 0, 1, time=datetime(2027, 1, 1, tzinfo=cet))])  # a stray stamp a year on
    report = Article(id="report", text="Survivors described panic on the car deck.", outlet="Northgate Daily",
                     published=datetime(2026, 3, 12, 16, 30, tzinfo=cet))
    with Store(tmp_path / "w.db") as store:
        with store.transaction() as conn:
            store.add_articles(conn, [live, report])
            store.save_stories(conn, [Story(id="s-ferry", article_ids=["live", "report"])])
        (row,), _ = store.list_stories()
        assert row.first_seen.isoformat() == "2026-03-12T05:15:00+00:00"
        assert row.last_seen.isoformat() == "2026-03-12T19:30:00+00:00"
        assert [r.id for r in store.list_stories(since=datetime(2026, 3, 12, 18, 0, tzinfo=timezone.utc))[0]] == ["s-ferry"]
