"""Speaker rules of session 7 for issue #5 (invented sentences): translated copy's perfect-tense
inverted verbs, live-blog 'Name: "..."' lines, an organisation set off by commas, broadcast
'tells us', lower-case speakers opening a coordinated clause, an interviewee named by role."""

from datetime import date

from newsfuse.eval.extract_eval import _articles
from newsfuse.extract.quotes import extract_quotes
from newsfuse.extract.speakers import ArticleContext


def _speakers(*sentences):
    rows = [{"doc": "d", "ref_date": date(2024, 5, 15).isoformat(), "text": t} for t in sentences]
    arts, _ = _articles(rows)
    return [(q.sentence, q.speaker, q.direct) for q in extract_quotes(arts[0], ArticleContext())]


def test_a_perfect_tense_inverted_verb_names_the_speaker_after_it():
    got = _speakers("“The water rose in one hour, we lost everything,” has declared to Radio Norvaln a "
                    "baker of 47 years, Ilse Vantrow.")
    assert got == [(0, "Ilse Vantrow", True)]
    got = _speakers("“Everything is being done to find them,” has assured the deputy governor Oren Maltk to the press.")
    assert got == [(0, "Oren Maltk", True)]
    got = _speakers("“I heard the roof crack and ran,” testified Mr Pavel Droska, 66 years, whose barn burned.")
    assert got == [(0, "Pavel Droska", True)]
