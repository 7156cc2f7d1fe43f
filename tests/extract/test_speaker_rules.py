"""General speaker rules added for issue #5 (invented sentences): roles named earlier, more speech
verbs, verbs that introduce a speaker only after a quote, appositions and 'described ... as'."""

from datetime import date

from newsfuse.eval.extract_eval import _articles
from newsfuse.extract.quotes import extract_quotes
from newsfuse.extract.speakers import ArticleContext


def _speakers(*sentences):
    rows = [{"doc": "d", "ref_date": date(2024, 5, 15).isoformat(), "text": t} for t in sentences]
    arts, _ = _articles(rows)
    return [(q.sentence, q.speaker, q.direct) for q in extract_quotes(arts[0], ArticleContext())]


def test_a_definite_role_resolves_to_the_person_introduced_with_it():
    got = _speakers("The governor, Ilse Marken, toured the flooded district on Monday.",
                    "“Nobody will be forgotten,” promised the governor.")
    assert got == [(1, "Ilse Marken", True)]
    got = _speakers("Transport Minister Oskar Lind visited the depot.",
                    "“The line reopens in a week,” said the minister.")
    assert got == [(1, "Oskar Lind", True)]
    got = _speakers("“We acted fast,” said Nuno Prieto, the town's mayor.",
                    "The mayor said: “The water is going down.”")
    assert got == [(0, "Nuno Prieto", True), (1, "Nuno Prieto", True)]


def test_an_unknown_or_indefinite_role_stays_a_role():
    got = _speakers("“The road is shut,” said the sheriff.")
    assert got == [(0, "sheriff", True)]
    got = _speakers("The governor, Ilse Marken, toured the district.",
                    "“We are stretched,” said a spokesman for the fire service.")
    assert got[0][1] != "Ilse Marken"


def test_tabloid_speech_verbs():
    assert _speakers("Grandad Ray Moss, 70, yelled: “Get out of the water!”") == [(0, "Ray Moss", True)]
    assert _speakers("Student Amy Cole, 19, screamed: “The roof is coming down.”") == [(0, "Amy Cole", True)]


def test_verbs_that_introduce_a_speaker_after_a_quote():
    got = _speakers("“We urge calm on every side,” pronounced the envoy of the regional bloc, Tomas Ferrer.")
    assert got == [(0, "Tomas Ferrer", True)]
    got = _speakers("“We have lost everything,” lamented farmer Rosa Alba.")
    assert got == [(0, "Rosa Alba", True)]


def test_the_name_in_apposition_speaks():
    assert _speakers("The operator, Nordlink, said it was “shocked.”") == [(0, "Nordlink", True)]


def test_described_as_quotes_the_subject():
    got = _speakers("Interior Minister Lea Vos described the blast as “a cowardly act.”")
    assert got == [(0, "Lea Vos", True)]
    assert _speakers("The so-called “green wall” was finished in May.") == []


def test_translated_reporting_verbs_need_that():
    got = _speakers("The health ministry informed that 40 people were treated for burns.")
    assert got == [(0, "health ministry", False)]
    got = _speakers("Cortes indicated that the trapped men have water and food.")
    assert got == [(0, "Cortes", False)]
    assert _speakers("The government declared a state of emergency in four provinces.") == []
