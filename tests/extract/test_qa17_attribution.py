"""QA pass: a key fact's 'per ...' must name a source or nothing; a measure ('the number of') or a
counted noun before a participle ('Cases reported this week rose') is no source. Invented sentences."""

from datetime import date

import pytest

from newsfuse.extract.claims import claims_in_sentence
from newsfuse.extract.speakers import find_attribution


@pytest.mark.parametrize("text", [
    "The number of deaths recorded in the province climbed to 45 on Tuesday.",
    "The number of ballots counted reached 1.2 million.",
    "The share of votes counted stood at 87 percent.",
    "The total of incidents logged by firefighters was 31.",
    "By noon, the number of voters registered was 4,500.",
    "According to the number of registered voters, turnout reached 54 percent.",
    "The tally of votes recorded so far is 44,000.",
    "Cases reported this week rose to 40.",
    "Ballots counted overnight showed the mayor ahead with 52 percent.",
    "Fires logged by the brigade since June numbered 312.",
])
def test_a_measure_or_a_counted_noun_is_no_source(text):
    assert find_attribution(text) is None


def test_a_real_source_later_in_the_sentence_still_counts():
    assert find_attribution("The number of cases reported rose to 210, health officials said.") == "health officials"
    assert find_attribution("Police said the number of arrests had doubled to 60.") == "Police"
    assert find_attribution("Police recorded 31 burglaries in March.") == "Police"
    assert find_attribution("The coast guard said on Monday the toll had risen to 14.") == "the coast guard"
    # a that-clause after the verb is what was said, not a main verb after a participle
    assert find_attribution("Surveyors warned in 2019 that the levee was sinking 4 cm a year.") == "Surveyors"
    assert find_attribution("The operator informed in a statement that 12 lifts were closed.") == "the operator"


def test_key_fact_carries_no_measure_as_attribution():
    got = claims_in_sentence("The number of deaths recorded in the province climbed to 45 on Tuesday.",
                             "a", 0, date(2026, 3, 1))
    assert got and all(c.attribution is None for c in got)
