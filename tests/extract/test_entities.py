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
