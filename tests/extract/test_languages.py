"""Issue #5 §6, other languages (invented snippets): never crash, keep what needs no English
(amounts with a unit word or counter, numeric dates), mark the rest as not analysed."""

from datetime import date

import pytest

from newsfuse.extract import extract
from newsfuse.extract.language import is_english, language_of, numeric_dates, unit_amounts

from helpers import make_article

SNIPPETS = {
    "fr": ("Au moins 14 personnes ont péri lundi 13 mai dans l'incendie d'un entrepôt à Vernay. "
           "La préfecture a évacué 2 300 habitants le 2024-05-13. « Tout a brûlé », a confié le maire Paul Arnaud. "
           "Près de 1,2 million de foyers sont privés de courant, soit 9 % du total."),
    "de": ("Beim Einsturz einer Brücke in Hollstadt sind am 13.05.2024 mindestens 7 Menschen ums Leben gekommen. "
           "Die Feuerwehr rettete 45 Fahrgäste, sagte Sprecherin Anna Kolb um 14 Uhr."),
    "ru": ("В понедельник в результате паводка погибли 9 человек. "
           "Спасатели эвакуировали 3 тыс. жителей из 12 сёл, сообщили 2024-05-13 в МЧС."),
    "ar": "غرق 11 مهاجرا قبالة الساحل يوم الاثنين. وأنقذ خفر السواحل ٤٠ شخصا في 2024-05-13.",
    "zh": "周一的洪水造成至少9人死亡。救援人员于2024-05-13转移了3000名居民。2024年5月13日下午4点，水位开始回落。",
    "ja": "「危ない！」と住民が叫んだ。消防士120人が出動し、5人が負傷した。",
}


@pytest.mark.parametrize("lang", sorted(SNIPPETS))
@pytest.mark.parametrize("declared", [True, False])
def test_non_english_never_crashes_and_is_marked_not_analysed(lang, declared):
    art = make_article(SNIPPETS[lang], published="2024-05-14", language=lang)
    if not declared:
        art.language = None  # not declared: detected here as ingest does
    ex = extract([art])
    assert ex.quotes == [] and ex.entities == []
    assert ex.not_analysed == {art.id: lang}
    assert all(c.quantity.split(":")[0] == lang for c in ex.claims)
    assert all(h.precision == "day" and h.date == date(2024, 5, 13) for h in ex.happenings)


def _amounts(text):
    return [(value, unit) for _, _, _, value, unit in unit_amounts(text)]


def test_amounts_with_units_in_several_languages():
    assert _amounts(SNIPPETS["fr"]) == [(14, "personnes"), (2300, "habitants"), (1_200_000, "foyers")]
    assert _amounts(SNIPPETS["de"]) == [(7, "menschen"), (45, "fahrgäste")]
    assert _amounts(SNIPPETS["ru"]) == [(9, "человек"), (3000, "жителей"), (12, "сёл")]
    assert _amounts(SNIPPETS["ar"]) == [(11, "مهاجرا"), (40, "شخصا")]
    assert _amounts(SNIPPETS["zh"]) == [(9, "人"), (3000, "名")]
    assert _amounts(SNIPPETS["ja"]) == [(120, "人"), (5, "人")]


def test_things_that_are_not_counts_are_skipped():
    assert _amounts("Am 14. Mai 2024, um 9 Uhr, stiegen die Preise um 12 Prozent.") == []
    assert _amounts("Le 14 mai 2024, le taux a atteint 12 % et la crue 1,5 mètre.") == []
    assert _amounts("Der Airbus A320 landete 2019 in Hollstadt.") == []
    assert _amounts("30岁男子于下午3点在2024年被捕。") == []


def test_numeric_dates_glued_to_cjk_and_day_first_with_dots():
    assert [d for *_, d in numeric_dates("救援人员于2024-05-13转移")] == [date(2024, 5, 13)]
    assert [d for *_, d in numeric_dates("2024年5月13日下午")] == [date(2024, 5, 13)]
    assert [d for *_, d in numeric_dates("am 03.04.2024 gegen Mittag")] == [date(2024, 4, 3)]
    assert numeric_dates("am 31.02.2024 und 2024-13-01") == []


def test_language_of_an_article_without_a_declared_language():
    art = make_article(SNIPPETS["ru"], language="ru")
    art.language = None
    assert language_of(art) == "ru" and not is_english(art)
    art = make_article("Two people were hurt.", language="en")
    art.language = None
    assert is_english(art)  # too short to detect: a Latin-script text stays with the English rules
    art = make_article("Пострадали двое.", language="en")
    art.language = None
    assert language_of(art) == "und" and not is_english(art)
    art = make_article("Zwei Menschen wurden verletzt.", language="de-AT")
    assert language_of(art) == "de" and not is_english(art)
