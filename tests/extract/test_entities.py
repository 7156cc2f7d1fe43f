from newsfuse.extract.entities import extract_entities

from helpers import make_article


def test_variants_merge_across_articles_and_types():
    a = make_article("President Kassym-Jomart Tokayev asked the Collective Security Treaty Organization (CSTO) "
                     "for help. Mr Tokayev spoke in Almaty.")
    b = make_article("Tokayev said the Interior Ministry had detained protesters in Kazakhstan. "
                     "The CSTO agreed.")
    ents = {e.name: e for e in extract_entities([a, b])}
    tok = ents["Kassym-Jomart Tokayev"]
    assert tok.type == "person" and tok.mentions == 3
    assert set(tok.article_ids) == {a.id, b.id}
    cs = ents["Collective Security Treaty Organization"]
    assert cs.type == "organization" and cs.mentions == 3
    assert ents["Interior Ministry"].type == "organization"
    assert ents["Almaty"].type == "place" and ents["Kazakhstan"].type == "place"
    assert "Thursday" not in ents and "The" not in ents


def test_non_english_not_analysed():
    assert extract_entities([make_article("El presidente Tokayev habló en Almaty.", language="es")]) == []


def test_ordinary_capitalised_words_are_not_entities():
    a = make_article("Union leaders at the Brenmoor smelter said the strike would go ahead on Monday. "
                     "Police and Safety officials closed the road to the plant. "
                     "Crews from the Fire and Safety teams stood by. "
                     "The union said worker safety had been ignored for years, and Aldara Metals denied it.")
    b = make_article("Union officials met managers of Aldara Metals in Brenmoor. "
                     "Council workers cleared the site after the fire, said union steward Joss Penhale.")
    ents = {e.name: e for e in extract_entities([a, b])}
    assert not {"Union", "Safety", "Council", "Fire"} & set(ents)
    assert "Aldara Metals" in ents and "Joss Penhale" in ents
    assert "Brenmoor" in ents  # a name that is never written in lower case stays


def test_a_place_is_not_merged_into_a_person_named_after_a_sentence_opening():
    """ "Addressing Velmark, the envoy said ..." must not turn Velmark (a place, named often) into
    a person called "Addressing Velmark"; nor may a question's "Could" or a weekday join a name."""
    a = make_article("Addressing Velmark, the envoy urged calm. Troops patrolled in Velmark on Monday. "
                     "Could Ida Rensk still win? Aid reached Velmark Thursday. Reporters waited in Velmark.")
    ents = {e.name: e for e in extract_entities([a])}
    assert ents["Velmark"].type == "place" and ents["Velmark"].mentions >= 4
    assert "Addressing Velmark" not in ents and "Velmark Thursday" not in ents
    assert "Ida Rensk" in ents and "Could Ida Rensk" not in ents


def test_lone_words_of_nationality_are_not_entities():
    a = make_article("Egyptians queued in Cairo. Many Egyptians said the Egyptian economy was weak. "
                     "Officials in Cairo met again.")
    names = {e.name for e in extract_entities([a])}
    assert "Cairo" in names and "Egyptians" not in names and "Egyptian" not in names


def test_time_zones_are_not_organisations():
    a = make_article("The vote closed at 9 p.m. ET on Tuesday in Cairo. Results came at 11 p.m. ET, officials in Cairo said.")
    names = {e.name for e in extract_entities([a])}
    assert "Cairo" in names and "ET" not in names


def test_plural_landform_names_are_places():
    """'Kestrel Hills', 'Ashby Falls': a plural landform word ends a place name as the singular does."""
    a = make_article("A landslide buried homes in Kestrel Hills on Sunday. Crews from Ashby Falls "
                     "and the Morrow Islands joined the search in Kestrel Hills on Monday.")
    ents = {e.name: e.type for e in extract_entities([a])}
    assert ents["Kestrel Hills"] == "place" and ents["Ashby Falls"] == "place"
    assert ents["Morrow Islands"] == "place"


def test_a_persons_surname_after_to_or_from_stays_with_the_person():
    """ "pressure to Morvath", "a letter from Morvath": a few place-like cues on the surname of the
    story's central person must not make him a place, nor split him from his full name."""
    a = make_article("Colonel Tavin Morvath addressed supporters in Remsa on Tuesday. "
                     "Morvath said the rebels would be crushed. Envoys turned up the pressure to Morvath. "
                     "Morvath refused to quit. A letter from Morvath reached the council. "
                     "Loyalists still listen to Morvath, and Morvath warned of a long war. "
                     "Aides of Morvath fled, and rebels mocked Morvath on the radio.")
    ents = {e.name: e for e in extract_entities([a])}
    assert "Morvath" not in ents
    assert ents["Tavin Morvath"].type == "person" and ents["Tavin Morvath"].mentions >= 8


def test_a_place_named_like_a_person_stays_a_place():
    """ "in Dunmore" over and over is a town, even when a Mr Dunmore is quoted once."""
    a = make_article("Floods hit homes in Dunmore on Monday. Crews worked in Dunmore all night. "
                     "Schools near Dunmore closed, said mayor Alys Dunmore. Roads to Dunmore were shut.")
    ents = {e.name: e for e in extract_entities([a])}
    assert ents["Dunmore"].type == "place"


def test_a_word_of_nationality_or_a_company_is_not_taken_for_a_surname():
    """ "Tthe Velmani" (a typo) or "Between Corvex" read as people must not swallow the
    nationality "Velmani" or the company "Corvex" met after "to" and "from"."""
    a = make_article("Aid went to Velmani families. Tthe Velmani army fled. Velmanis marched. "
                     "Orders came from Velmani commanders. Leaders met Velmani envoys. Crowds cheered Velmani "
                     "troops, and many waved Velmani flags. Between Corvex and its rivals, talks stalled. "
                     "Data flows to Corvex daily. Complaints came from Corvex users. Investors sold Corvex "
                     "shares, analysts praised Corvex staff, and Corvex said so. Talks between the firms resume soon.")
    ents = {e.name: e for e in extract_entities([a])}
    assert "Tthe Velmani" not in ents or ents["Tthe Velmani"].mentions == 1
    assert "Between Corvex" not in ents or ents["Between Corvex"].mentions == 1


def test_seats_of_power_and_firms_named_by_their_trade_are_organisations():
    """'the White House said', 'Ocean Harvest Solutions' are bodies, not people with two names."""
    a = make_article("The White House said the talks went well. Brenna Tolk met White House aides on Monday. "
                     "Divers from Ocean Harvest Solutions joined the clean-up. Ocean Harvest Solutions sent "
                     "two boats, said Brenna Tolk. Kelvar Systems built the pumps.")
    ents = {e.name: e.type for e in extract_entities([a])}
    assert ents["White House"] == "organization"
    assert ents["Ocean Harvest Solutions"] == "organization" and ents["Kelvar Systems"] == "organization"
    assert ents["Brenna Tolk"] == "person"


def test_a_person_and_a_firm_named_by_its_trade_stay_two_names():
    a = make_article("The deal between Ada Quell and Ocean Harvest Solutions was signed on Monday. "
                     "Ada Quell said Ocean Harvest Solutions would send boats.")
    names = {e.name for e in extract_entities([a])}
    assert "Ocean Harvest Solutions" in names and not any(" and " in n for n in names)


def test_a_persons_name_does_not_keep_a_word_of_description_before_it():
    """ "Actor Brand Ostley", "Doctor Ivo Marsk": the name is the person's, the first word describes
    him (the articles write it in lower case elsewhere)."""
    a = make_article("Actor Brand Ostley backed the clean-up. The actor said Brand Ostley would pay. "
                     "Doctor Ivo Marsk was charged. The doctor, Ivo Marsk, denied it. Ostley arrived on Monday.")
    ents = {e.name: e for e in extract_entities([a])}
    assert ents["Brand Ostley"].type == "person" and ents["Brand Ostley"].mentions >= 3
    assert "Ivo Marsk" in ents and not {"Actor Brand Ostley", "Doctor Ivo Marsk"} & set(ents)


def test_a_word_cut_at_a_hyphen_is_no_name():
    """Tokenised text writes brackets as "-LRB- Reuters -RRB-": "LRB-" and "RRB-" are not names,
    and the agency beside them still is one."""
    a = make_article("ORLAN -LRB- Reuters -RRB- - Troops entered Orlan on Monday. "
                     "Aid reached Orlan -LRB- the capital -RRB- on Tuesday, Reuters said.")
    names = {e.name for e in extract_entities([a])}
    assert not [n for n in names if n.startswith("-") or n.endswith("-") or "RRB" in n or "LRB" in n]
    assert "Orlan" in names and "Reuters" in names
