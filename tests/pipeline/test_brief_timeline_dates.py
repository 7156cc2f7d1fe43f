"""A brief's timeline dates a sentence only by a day it names or by its own article's day."""

from datetime import date

import newsfuse
from newsfuse.extract.dates import happening_phrase

FILES = {
    "gazette.txt": ("Dunmore Gazette", "Warehouse fire in Dunmore leaves four firefighters injured", [
        "Four firefighters were injured as a fire swept through a paint warehouse in Dunmore.",
        "Her dog started barking on Wednesday before anyone had noticed anything, said one resident.",
        "Crews from three stations fought the flames for nine hours before the roof fell in."]),
    "wire.txt": ("Northern Wire", "Dunmore paint warehouse fire: investigators search the ruins", [
        "Investigators searched the ruins of a Dunmore paint warehouse for the cause of a fire that "
        "injured four firefighters.",
        "A neighbour said she first smelled smoke on Wednesday around dinner time.",
        "Two of the injured firefighters remained in hospital, according to the regional health board."]),
    "courier.txt": ("Valley Courier", "Four firefighters hurt in Dunmore warehouse blaze", [
        "Four firefighters were hurt when a paint warehouse went up in flames in Dunmore, officials said.",
        "Police closed the ring road for several hours while crews fought the fire."]),
}
PUBLISHED = date(2031, 5, 8)  # a Thursday: "Wednesday" is 7 May


def _write(folder, files):
    """Each (outlet, title, paragraphs) as a text file with a metadata header, published PUBLISHED."""
    for name, (outlet, title, paras) in files.items():
        head = f"Title: {title}\nSource: {outlet}\nDate: {PUBLISHED.isoformat()}\n\n"
        (folder / name).write_text(head + "\n\n".join(paras) + "\n", encoding="utf-8")


def test_undated_lead_sentences_are_not_moved_to_the_day_before(tmp_path):
    _write(tmp_path, FILES)
    briefs = newsfuse.brief([tmp_path])
    assert len(briefs) == 1
    timeline = briefs[0].timeline
    assert timeline, "the day three sources name is in the timeline"
    assert date(2031, 5, 7) in [t.date for t in timeline]
    for item in timeline:
        named = happening_phrase(item.text, PUBLISHED)
        if item.date != PUBLISHED:
            # only a sentence that names the day itself may stand for a day it was not published on
            assert named is not None and named.date == item.date, (item.date, item.text)


def test_the_day_of_an_earlier_figure_is_no_timeline_day(tmp_path):
    texts = {
        "a.txt": ("Dunmore Gazette", "Dunmore flood: 3,400 now evacuated", [
            "About 3,400 residents of Dunmore have now been evacuated, up from roughly 1,200 on Wednesday, the council said.",
            "Water levels on the Kettle river were still rising on Thursday afternoon."]),
        "b.txt": ("Northern Wire", "Dunmore evacuations widened as river keeps rising", [
            "Evacuation orders in Dunmore now cover 3,400 residents, up from 1,200 on Wednesday, officials said.",
            "The Kettle river burst its banks in two places on Thursday, the environment agency said."]),
    }
    _write(tmp_path, texts)
    timeline = newsfuse.brief([tmp_path])[0].timeline
    assert timeline and date(2031, 5, 7) not in [t.date for t in timeline]


def test_a_written_date_after_the_article_is_kept_only_when_it_looks_ahead(tmp_path):
    """A past happening dated after the article was written is a slip (or a reader comment's
    stamp) and no timeline day; a hearing that "will open on 20 May 2031" is a plan and stays."""
    texts = {
        "a.txt": ("Dunmore Gazette", "Dunmore warehouse owner charged over fire", [
            "The owner of the Dunmore paint warehouse was charged on Wednesday over the fire.",
            "His first hearing will open on 20 May 2031 at the county court, prosecutors said.",
            "The warehouse was finally pulled down by the council on June 2, 2031, officials said."]),
        "b.txt": ("Northern Wire", "Warehouse owner charged after Dunmore blaze", [
            "Prosecutors charged the owner of a Dunmore paint warehouse on Wednesday over the fire.",
            "The hearing will open on 20 May 2031, the county court said.",
            "On June 2, 2031 the council pulled down what was left of the warehouse."]),
    }
    _write(tmp_path, texts)
    days = [t.date for t in newsfuse.brief([tmp_path])[0].timeline]
    assert date(2031, 5, 20) in days
    assert date(2031, 6, 2) not in days
