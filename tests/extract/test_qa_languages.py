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


def test_qualifiers_of_other_languages_stay_with_the_amount():
    from newsfuse.extract.claims import rule_claims

    from helpers import make_article

    def written(text):
        return [(w, value) for _, _, w, value, _ in unit_amounts(text)]

    assert written("Al menos 9 personas murieron en el incendio de Velmora.") == [("Al menos 9 personas", 9)]
    assert written("Selon la préfecture, au moins 40 pompiers ont été mobilisés.") == [("au moins 40 pompiers", 40)]
    assert written("Mindestens 12 Häuser wurden geräumt.") == [("Mindestens 12 Häuser", 12)]
    assert written("Plus de 300 familles ont été évacuées.") == [("Plus de 300 familles", 300)]
    assert written("Se evacuaron 300 familias.") == [("300 familias", 300)]
    art = make_article("Al menos 9 personas murieron y más de 40 vecinos fueron evacuados en Velmora.", language="es")
    quals = {c.value: c.qualifier for c in rule_claims(art)}
    assert quals == {"Al menos 9 personas": "at least", "más de 40 vecinos": "more than"}
