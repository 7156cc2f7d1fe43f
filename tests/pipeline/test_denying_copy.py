"""Two outlets whose reports match word for word except that one denies what the other states:
the brief must show both statements, each citing its own outlet (not one outlet as a copy)."""

from newsfuse import pipeline

FIRST = """Title: Fire at Quarnby mill
Date: 2026-10-02
Source: Quarnby Post
URL: https://quarnbypost.example/mill-fire

A fire destroyed the old Pellow flour mill in Quarnby on Thursday, injuring three workers, the fire brigade said.
The mill had passed its last safety inspection in April, the owners said.
The blaze was started by an overheated grain dryer, investigators said.
Flour deliveries will come from the Ardley depot for now.
"""
SECOND = FIRST.replace("Quarnby Post", "Western Almanac").replace("quarnbypost", "westernalmanac").replace(
    "had passed", "had not passed").replace("was started by", "was not started by").replace(
    "Flour deliveries will come from the Ardley depot for now.", "Bakers in the valley fear a shortage.")


def test_a_report_denying_another_is_a_source_of_its_own(tmp_path):
    (tmp_path / "post.txt").write_text(FIRST)
    (tmp_path / "almanac.txt").write_text(SECOND)
    run = pipeline.brief_run([tmp_path])
    (brief,) = run.briefs
    assert all(s.duplicate_of is None for s in brief.sources)
    outlet = {s.article_id: s.outlet for s in brief.sources}
    said = {item.text: {outlet[c.article_id] for c in item.citations} for item in brief.summary}
    assert said.get("The mill had not passed its last safety inspection in April, the owners said.") == {"Western Almanac"}
    assert said.get("The mill had passed its last safety inspection in April, the owners said.") == {"Quarnby Post"}
