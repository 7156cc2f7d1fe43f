"""Quality pass on extraction: attributions, grouping, quote clauses, speakers, entity types.

All sentences are invented (same style as wire copy), none is taken from the seed corpus.
"""

from newsfuse.extract.claims import extract_claims
from newsfuse.extract.entities import extract_entities
from newsfuse.extract.quotes import extract_quotes, quotes_in_sentence
from newsfuse.extract.speakers import ArticleContext, find_attribution

from helpers import make_article


def _claims(text, published="2022-01-06"):
    return [(c.quantity, c.value, c.attribution) for c in extract_claims(make_article(text, published))]


# --- attribution -------------------------------------------------------------------------

def test_date_opener_is_not_the_attribution():
    claims = _claims("On Wednesday officials reported the deaths of at least 7 rescue workers in the tunnel.")
    assert claims == [("rescue workers killed", "at least 7", "officials")]


def test_sentence_openers_and_date_words_never_attribute():
    assert find_attribution("Yesterday the ministry said 40 people were hurt.") == "the ministry"
    assert find_attribution("In March officials reported 12 arrests.") == "officials"
    assert find_attribution("Jan 6 police said 3 people died.") == "police"
    for text in ["On Monday 4 people were hurt.", "Early on Friday 9 miners were rescued."]:
        assert find_attribution(text) is None, text


# --- grouping: the counted noun decides, not who is credited ------------------------------

def test_quoted_figure_about_attackers_stays_attackers():
    text = ("Four police officers died on Monday. “Scores of gunmen were eliminated,” police spokesman "
            "Ivo Brant told the broadcaster Nord-5.")
    assert _claims(text)[-1] == ("attackers killed", "Scores", "Ivo Brant")


def test_vague_bare_count_does_not_borrow_an_earlier_group():
    text = "Four police officers died on Monday. Dozens killed in Vessland unrest, police say."
    assert _claims(text)[-1][:2] == ("people killed", "Dozens")


def test_one_figure_for_two_groups_counts_people():
    assert _claims("Dozens of police and civilians died in the street fighting.")[0][0] == "people killed"
    # two figures, two groups: unchanged
    assert [c[0] for c in _claims("11 police officers and dozens of marchers died.")] == [
        "security forces killed", "protesters killed"]


# --- quotes ----------------------------------------------------------------------------------

def test_denied_a_report_is_not_reported_speech():
    text = ("The transport ministry denied a media report on Friday that all ferries had been halted, "
            "the Nordia news agency quoted it as saying.")
    assert extract_quotes(make_article(text)) == []


def test_announced_object_is_not_a_quote():
    assert extract_quotes(make_article("The regional council announced a week of mourning for the victims.")) == []


def test_indirect_clause_stops_at_its_sentence_and_drops_time_adverbials():
    text = ("The Glassmakers' Union said earlier this week that it had warned the owners about cracked beams "
            "in the depot. Brannick Foods said it was helping the inquiry.")
    qs = quotes_in_sentence(text, "a", 0, ArticleContext())
    assert len(qs) == 1 and not qs[0].direct
    assert qs[0].text == "it had warned the owners about cracked beams in the depot."


def test_told_reporters_on_day_that():
    qs = extract_quotes(make_article("Mayor Lena Pohl told reporters on Monday that the bridge would stay "
                                     "closed until spring."))
    assert [(q.speaker, q.text) for q in qs] == [("Lena Pohl", "the bridge would stay closed until spring.")]


def test_mixed_quote_marks_leave_no_stray_punctuation():
    qs = extract_quotes(make_article("The alliance said the unrest was caused by “foreign meddling and paid "
                                     "agitators from abroad\"."))
    assert [q.text for q in qs] == ["foreign meddling and paid agitators from abroad"]


def test_role_words_before_the_title_stay_in_the_role():
    qs = extract_quotes(make_article("“We will find out who is to blame, and no one will be spared,” "
                                     "Emergency Situations Minister Pavel Rusu told reporters on Friday."))
    assert qs[0].speaker == "Pavel Rusu"
    assert qs[0].role == "Emergency Situations Minister"


# --- entity types ---------------------------------------------------------------------------

_TOWN = ("BRENNA, March 3 (Coastal Wire) — The depot, run by Talvik Agrotech, burned down overnight. "
         "The company Talvik Agrotech did not reply to questions from the Brenna Sentinel. "
         "The Glassmakers and Millers' Federation said it had warned managers. "
         "Brenna is a former Soviet mining town in the Central Asian steppe. "
         "Mayor Lena Pohl spoke in English at 10.40pm on Jan 6. "
         "The town of Ostrel was also hit.")


def test_entity_types_by_rules_and_context():
    ents = {e.name: e.type for e in extract_entities([make_article(_TOWN)])}
    assert ents["Talvik Agrotech"] == "organization"
    assert ents["Brenna Sentinel"] == "organization"
    assert ents["Coastal Wire"] == "organization"
    assert ents["Glassmakers and Millers' Federation"] == "organization"
    assert ents["Brenna"] == "place"  # dateline and "in"/"town of" cues, though not in any gazetteer
    assert ents["Ostrel"] == "place"
    assert ents["Lena Pohl"] == "person"


def test_adjectives_months_and_times_are_not_entities():
    names = {e.name for e in extract_entities([make_article(_TOWN)])}
    for bad in ("Soviet", "Central Asian", "English", "Jan", "40pm", "Millers", "BRENNA"):
        assert bad not in names, bad


def test_places_and_venues_named_by_their_kind():
    from newsfuse.extract.entities import _type_of
    assert [_type_of(n, "") for n in ("Lake Orrin", "Port Adda", "Riverside Terrace", "Café Lumo")] == [
        "place", "place", "place", "organization"]
