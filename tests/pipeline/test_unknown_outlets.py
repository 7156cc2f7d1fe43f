"""Plain-text files without a metadata header still get an outlet when one can be read from them,
and files whose outlet stays unknown are never pooled into one source."""

from newsfuse import brief
from newsfuse.ingest import read_paths

BODY = "Two ferries ran aground near Lisk on Tuesday, the coast guard said.\n\nNobody was hurt.\n"


def _read_one(path):
    (art,) = [a for a in read_paths([path]) if hasattr(a, "sentences")]
    return art


def test_a_url_line_opening_the_file_names_the_outlet(tmp_path):
    f = tmp_path / "ferry.txt"
    f.write_text("https://www.harbourcourier.example/2024/03/ferries\n\n" + BODY, encoding="utf-8")
    art = _read_one(f)
    assert art.url == "https://www.harbourcourier.example/2024/03/ferries"
    assert art.outlet == "harbourcourier.example" and art.domain == "harbourcourier.example"
    assert "http" not in art.text and art.sentences[0].text.startswith("Two ferries")
    f.write_text("Source: https://www.reuters.com/world/ferries-lisk\n" + BODY, encoding="utf-8")
    assert _read_one(f).outlet == "Reuters"


def test_a_site_beats_the_agency_of_its_dateline_and_a_header_beats_both(tmp_path):
    f = tmp_path / "ferry.txt"
    f.write_text("PORT VALE, March 12 (AFP) - " + BODY, encoding="utf-8")
    art = _read_one(f)
    assert art.outlet == "Agence France-Presse" and art.wires == ["AFP"]
    assert art.sentences[0].text.startswith("Two ferries")
    f.write_text("https://harbourcourier.example/ferries\nPORT VALE, March 12 (AFP) - " + BODY, encoding="utf-8")
    art = _read_one(f)
    assert art.outlet == "harbourcourier.example" and art.wires == ["AFP"]
    f.write_text("Outlet: Harbour Courier\nURL: https://harbourcourier.example/ferries\n\n"
                 "PORT VALE, March 12 (AFP) - " + BODY, encoding="utf-8")
    assert _read_one(f).outlet == "Harbour Courier"


def test_a_folder_name_is_not_taken_for_an_outlet(tmp_path):
    folder = tmp_path / "lisk-ferries"
    folder.mkdir()
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    assert _read_one(folder / "a.txt").outlet is None


def test_files_of_unknown_outlets_count_as_separate_sources(tmp_path):
    """Three unknown-outlet files agreeing on a figure outrank two named outlets agreeing on another
    (they were pooled into one source before)."""
    texts = {
        "u1.txt": "Rescuers pulled 140 passengers from the stranded Lisk ferry on Tuesday, the coast guard said.\n\n"
                  "Divers checked the hull for damage before dusk.\n",
        "u2.txt": "A total of 140 passengers were rescued after the ferry grounded off Lisk, according to the port office.\n\n"
                  "The operator apologised to travellers.\n",
        "u3.txt": "By nightfall, lifeboats had rescued 140 passengers near Lisk, a harbour official told reporters.\n\n"
                  "Schools in Lisk opened their halls to the travellers.\n",
        "c.txt": "Outlet: Harbour Courier\nDate: 2024-03-12\n\nTwelve crew members were injured when the Lisk "
                 "ferry ran aground on Tuesday, officials said.\n\nThe ferry had left Lisk harbour in the morning.\n",
        "t.txt": "Outlet: Coast Times\nDate: 2024-03-12\n\nTwelve crew members were injured when the ferry from "
                 "Lisk ran aground on Tuesday, the operator said.\n\nThe ferry had left Lisk harbour in the morning.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (b,) = brief([tmp_path])
    assert len(b.sources) == 5
    rescued = next(f for f in b.facts if "rescued" in f.quantity)
    assert [r.outlet for r in rescued.reports] == [None, None, None] and rescued.status == "agree"
    assert b.facts[0] is rescued


def test_the_stories_list_counts_each_unknown_outlet_article_as_a_source(tmp_path):
    from newsfuse import pipeline
    from newsfuse.store import Store

    body = ("Rescuers pulled 140 passengers from the stranded Lisk ferry on Tuesday, {who} said.\n\n"
            "The ferry had left Lisk harbour in the morning and ran aground near the {where}.\n")
    for k, (who, where) in enumerate([("the coast guard", "pier"), ("the port office", "breakwater"),
                                      ("a harbour official", "lighthouse")]):
        (tmp_path / f"f{k}.txt").write_text(body.format(who=who, where=where), encoding="utf-8")
    with Store(tmp_path / "w.db") as store:
        pipeline.ingest([tmp_path], store)
        (row,), _ = store.list_stories()
        assert row.n_articles == 3 and row.outlets == [] and row.n_outlets == 3
