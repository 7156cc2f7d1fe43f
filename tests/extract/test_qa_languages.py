"""Not English: a date written with an abbreviated month ("12 mar", "3 janv.", "5 Okt.") is a
date, not an amount of 'mar' to list among the key facts."""

from newsfuse.extract.language import unit_amounts


def amounts(text):
    return [(value, unit) for _, _, _, value, unit in unit_amounts(text)]


def test_abbreviated_months_are_not_unit_words():
    assert amounts("VELMORA, 12 mar (EFE).- Al menos 9 personas murieron en el incendio.") == [(9, "personas")]
    assert amounts("Paris, le 3 janv. 2031 — 40 pompiers ont été mobilisés.") == [(40, "pompiers")]
    assert amounts("Am 5 Okt. wurden 12 Häuser geräumt.") == [(12, "häuser")]
    assert amounts("El 14 dic. se evacuaron 300 familias.") == [(300, "familias")]
