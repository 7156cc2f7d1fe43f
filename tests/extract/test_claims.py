from datetime import date

from newsfuse.extract.claims import claims_in_sentence, extract_claims

from helpers import make_article

THU = date(2022, 1, 6)


def _c(text, ref=THU):
    return claims_in_sentence(text, "a", 0, ref)


def test_security_forces_variants_share_one_key():
    texts = [
        "Police said 12 police officers were killed.",
        "At least eight law enforcement officers have been killed.",
        "By Thursday evening the official toll had reached 13 security officers.",
        "On Wednesday officials confirmed that at least 10 uniformed personnel had died in the port.",
    ]
    keys = [[c.quantity for c in _c(t)] for t in texts]
    assert keys == [["security forces killed"]] * 4
    c = _c(texts[1])[0]
    assert (c.value, c.number, c.qualifier) == ("At least eight", 8, "at least")
    assert _c(texts[3])[0].as_of == date(2022, 1, 5)


def test_protesters_and_injured_are_separate_groups():
    both = _c("Twelve riot police and dozens of protesters died in the riots in Veska.")
    assert sorted((c.quantity, c.number, c.vague) for c in both) == [
        ("protesters killed", None, True), ("security forces killed", 12, False)]
    inj = _c("The regional broadcaster said a further 218 law-enforcement officers had been injured.")
    assert [(c.quantity, c.number) for c in inj] == [("security forces injured", 218)]


def test_attribution_and_as_of():
    c = _c("Some 1,400 people were detained across Veska, a regional wire service quoted the Interior Ministry "
           "as saying late on Thursday.")[0]
    assert (c.quantity, c.number, c.qualifier) == ("people detained", 1400, "about")
    assert c.attribution == "Interior Ministry"
    assert c.as_of == THU
    c = _c("Demonstrators were arrested, with 300 held overnight, according to TASS.")
    assert c and c[0].attribution == "TASS"


def test_ranges_durations_and_backward_events():
    c = _c("Officials estimated that 5,800 to 6,000 commuters were stranded.")[0]
    assert (c.quantity, c.low, c.high) == ("passengers stranded", 5800, 6000)
    c = _c("The siege lasted nearly 11 hours.")[0]
    assert (c.quantity, c.number, c.qualifier) == ("duration hours", 11, "nearly")
    got = sorted((c.quantity, c.number) for c in _c(
        "The quake struck on Sunday, killing at least 42 people and injuring more than 300."))
    assert got == [("people injured", 300), ("people killed", 42)]


def test_non_claims_are_ignored():
    for text in ["The country gained independence three decades ago.",
                 "A nation of 19 million people watched in 2019.",
                 "Marta, a 61-year-old baker, arrived at 9:15 PM.",
                 "The next 24 hours are critical, he said.",
                 "Call 0800 555 0199 for help."]:
        assert _c(text) == [], text


def test_bare_toll_inherits_article_category():
    art = make_article("At least 14 miners were killed on Wednesday. The death toll rose to 16 by Thursday.",
                       "2023-03-16")
    claims = extract_claims(art)
    assert [(c.quantity, c.number) for c in claims] == [("workers killed", 14), ("workers killed", 16)]


def test_non_english_gets_numbers_only():
    art = make_article("La policía detuvo a 2000 personas el 2022-01-06. Murieron 12 policías.", language="es")
    claims = extract_claims(art)
    assert any(c.number == 12 and c.quantity == "es: policías" for c in claims)


def test_date_after_a_baseline_figure_is_not_the_new_figures_date():
    """'3,400 now, up from 1,200 on Wednesday': Wednesday dates the 1,200 (the earlier figure of the same
    count, a claim of its own), not the 3,400."""
    c = _c("About 3,400 residents have now been evacuated from Orlan, up from roughly 1,200 on Wednesday, "
           "the agency said.")
    assert [(x.quantity, x.number, x.as_of, x.as_of_text) for x in c] == [
        ("civilians evacuated", 3400, THU, None), ("civilians evacuated", 1200, date(2022, 1, 5), "on Wednesday")]
    c = _c("On Wednesday, 12 workers were killed and 30 injured.")
    assert {x.as_of for x in c} == {date(2022, 1, 5)}  # a leading date still dates every figure
