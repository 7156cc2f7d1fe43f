"""A wire dateline that names the place's region or state ("MELK, Vanteria, March 2 (Reuters) -",
"GRAND HAVEN, Mich. (AP) —") is no part of the first sentence either: summary lines began with it."""

import pytest

from newsfuse.ingest.meta import dateline_end


@pytest.mark.parametrize("line, rest", [
    ("MELK, Vanteria, March 2 (Reuters) - Floodwater closed the Melk bridge on Sunday.", "Floodwater"),
    ("MELK, Vanteria, March 2 (Tessel Wire) - Floodwater closed the Melk bridge.", "Floodwater"),
    ("PORT ARLEN, Vanteria (AP) — Floodwater closed the bridge.", "Floodwater"),
    ("GRAND HAVEN, Mich. (AP) — Floodwater closed the bridge.", "Floodwater"),
])
def test_a_dateline_naming_its_region_is_cut(line, rest):
    assert line[dateline_end(line):].startswith(rest)


@pytest.mark.parametrize("line", [
    "Officials said, in Melk (Reuters) - that the bridge would close.",
    "The union, Melk branch, said (AP) - the bridge would close.",
])
def test_a_clause_is_still_no_dateline(line):
    assert dateline_end(line) == 0
