"""Dates, datelines, wires and outlets read from text."""

from datetime import date, timezone

from newsfuse.ingest.meta import (
    date_furniture, detect_language, find_dateline, find_epoch, find_wires, outlet_for_domain, resolve_year,
)


def test_date_furniture_lines():
    dt, has_time = date_furniture("Updated: March 14, 2023, 6:45 PM")
    assert (dt.year, dt.month, dt.day, dt.hour, dt.minute, has_time) == (2023, 3, 14, 18, 45, True)
    dt, _ = date_furniture("Tuesday 14 March 2023 18:00 GMT")
    assert dt.tzinfo is not None and dt.utcoffset().total_seconds() == 0 and dt.hour == 18
    dt, has_time = date_furniture("Published 2023-03-14")
    assert dt.date() == date(2023, 3, 14) and not has_time
    assert date_furniture("On 14 March 2023 the river rose by two metres in the valley.") is None


def test_epoch_glued_to_word_is_stripped_and_used():
    text, dt = find_epoch("As it happenedended1678816800\nBody text 2023 stays.")
    assert text.startswith("As it happenedended\n") and "2023" in text
    assert dt.tzinfo == timezone.utc and dt.isoformat() == "2023-03-14T18:00:00+00:00"
    assert find_epoch("Call 1678816800 now")[1] is None  # a number standing alone is not a glued stamp


def test_agency_dateline():
    dl = find_dateline("Port Elvan, Mar 14 (EFE).- Rescue teams reached the town.")
    assert dl == {"place": "Port Elvan", "wire": "EFE", "month": 3, "day": 14, "year": None}
    assert find_dateline("PORT ELVAN (AP) \u2014 Rescue teams reached the town.")["wire"] == "AP"
    assert find_dateline("Port Elvan (Flood Desk) - something") is None


def test_resolve_year_from_context_then_weekday():
    assert resolve_year(3, 14, "", context=[date(2023, 3, 13)]) == date(2023, 3, 14)
    # 14 March was a Tuesday in 2023 (and 2017); the most recent such year before "today"
    assert resolve_year(3, 14, "officials said on Tuesday", today=date(2024, 6, 1)) == date(2023, 3, 14)


def test_wire_credits_not_mentions():
    assert find_wires(["PORT ELVAN (AP) \u2014 The river rose.", "More text here."]) == ["AP"]
    assert find_wires(["The river rose again on Tuesday, flooding homes. \u2014 Reuters"]) == ["Reuters"]
    assert find_wires(["Officials gave no figure for the missing. EFE"]) == ["EFE"]
    assert find_wires(["\u201cWe saw it,\u201d she told AFP on the phone from the town of Port Elvan on Tuesday evening."]) == []
    assert find_wires(["Volunteers at work on Tuesday. (AP Photo/Lena Ortiz)"]) == []


def test_outlet_by_domain_and_language():
    assert outlet_for_domain("edition.cnn.com") == "CNN"
    assert outlet_for_domain("unknown.example") is None
    assert detect_language("Die Rettungskr\u00e4fte erreichten am Dienstag das \u00fcberflutete Dorf im Norden des Landes.") == "de"
    assert detect_language("anything", hint="en-GB") == "en"
    assert detect_language("周一的洪水造成至少九人死亡。") == "zh"  # ten CJK characters are enough
    assert detect_language("Nine died.") is None  # too short to tell


def test_datelines_day_first_and_without_an_agency_keep_place_and_date():
    assert find_dateline("Kadris, 3 June (NWA).- Rescue teams reached the town.") == {
        "place": "Kadris", "wire": "NWA", "month": 6, "day": 3, "year": None}
    assert find_dateline("LISK, 12 March (OV) - Rescue teams reached the town.")["wire"] == "OV"
    assert find_dateline("WASHINGTON \u2014 Rescue teams reached the town.") == {
        "place": "WASHINGTON", "wire": None, "month": None, "day": None, "year": None}
    assert find_dateline("Paris \u2014 a city of bridges \u2014 welcomed them.") is None
    assert find_dateline("US forces said - quietly - that they left.") is None
