"""A text file opening with a bare ISO date ("2031-04-09 Headline") is dated and titled by it, as
by the documented " date 2031-04-09 Headline" line; a first sentence after the date stays body."""

from datetime import date

from newsfuse.ingest import read_paths

BODY = "Engineers from the county council say the Tarrow bridge will stay shut until at least Friday.\n"


def _read(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (article,) = read_paths([path])
    return article


def test_bare_date_and_headline(tmp_path):
    art = _read(tmp_path, "2031-04-09 Tarrow bridge shut after lorry strike\n" + BODY)
    assert art.title == "Tarrow bridge shut after lorry strike"
    assert art.published.date() == date(2031, 4, 9)
    assert art.sentences[0].text.startswith("Engineers from the county council")
    art = _read(tmp_path, "2031-04-09 – Tarrow bridge shut after lorry strike\n\n" + BODY)
    assert art.title == "Tarrow bridge shut after lorry strike"


def test_bare_date_then_a_sentence_keeps_the_sentence(tmp_path):
    art = _read(tmp_path, "2031-04-09 " + BODY + "\nPolice say a lorry struck it.\n")
    assert art.published.date() == date(2031, 4, 9)
    assert art.sentences[0].text.startswith("Engineers from the county council")
    art = _read(tmp_path, "2031-04-09 06:50 " + BODY)
    assert art.published.date() == date(2031, 4, 9)
    assert "Engineers from the county council" in art.text


def test_not_a_date_is_left_alone(tmp_path):
    art = _read(tmp_path, "2031-13-40 Tarrow bridge shut after lorry strike\n" + BODY)
    assert art.published is None
