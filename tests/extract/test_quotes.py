from newsfuse.extract.quotes import extract_quotes, quote_similarity, same_quote

from helpers import make_article


def _speakers(text):
    return [(q.speaker, q.direct) for q in extract_quotes(make_article(text))]


def test_direct_quote_after_speaker_with_role():
    qs = extract_quotes(make_article("“Several of the gunmen were neutralised,” police spokeswoman Irina "
                                     "Volkova told the regional channel Vesti-9."))
    assert len(qs) == 1
    q = qs[0]
    assert (q.speaker, q.role, q.direct) == ("Irina Volkova", "police spokeswoman", True)
    assert q.text.startswith("Several of the gunmen")


def test_colon_quote_and_pronoun_across_sentences():
    text = ("Union leader Kofi Mensah accused the port authority of lying. "
            "“They want to break us,” he said. "
            "Port chairman Richard Hale said: \"No one has been hired to replace anyone.\" "
            "\"We will reopen soon,\" he added.")
    assert _speakers(text) == [("Kofi Mensah", True), ("Richard Hale", True), ("Richard Hale", True)]


def test_surname_resolves_to_full_name_and_inverted_translation():
    text = ("Interior Minister Paul Sadek visited the scene. “It was a textbook operation,” Sadek said. "
            "“We will not allow chaos,” declared the Minister of the Interior, Rafael Ortuño, in statements.")
    assert _speakers(text) == [("Paul Sadek", True), ("Rafael Ortuño", True)]


def test_indirect_and_scare_quotes():
    assert _speakers("Police said Friday that nine officers had been hurt in the clashes.") == [("Police", False)]
    assert _speakers("'Dozens' of Veska strikers detained by police in Orlan") == []
    assert _speakers("Dozens died, authorities said.") == []  # trailing attribution, not a quote


def test_same_quote_across_translations():
    a = "Several of the gunmen were neutralised."
    b = "Several of the attackers were eliminated."
    c = "We urge everyone to stay calm and we reject violence and looting of shops."
    assert same_quote(a, b)
    assert not same_quote(a, c)
    assert quote_similarity(a, a) == 1.0
    long = ("Overnight, armed groups tried to storm government offices, the Orlan city police "
            "headquarters, as well as district police stations.")
    other = ("armed groups attempted to capture several government offices, the Orlan police "
             "headquarters, as well as several district police posts.")
    assert same_quote(long, other)


def test_non_english_has_no_quotes():
    assert extract_quotes(make_article("«Hemos perdido todo», dijo la alcaldesa María Ruiz.", language="es")) == []


def test_an_adverb_before_the_speech_verb_is_not_part_of_the_speaker():
    for text in ("Officials now say 300 cattle have drowned in the lower fields.",
                 "Officials earlier said 300 cattle had drowned in the lower fields.",
                 "Officials still say 300 cattle have drowned in the lower fields."):
        assert _speakers(text) == [("Officials", False)], text


def test_the_hearer_of_told_is_not_part_of_the_reported_clause():
    cases = {
        "Harbour master Ines Dorn told the court that two days before the fire she had warned the owners.":
            "two days before the fire she had warned the owners.",
        "Ines Dorn told the inquiry the ferry had sailed without a second engineer.":
            "the ferry had sailed without a second engineer.",
        "The mayor told a news conference that 30 homes had been lost.": "30 homes had been lost.",
        "Ines Dorn told reporters staff had been moved to the north quay.": "staff had been moved to the north quay.",
    }
    for text, clause in cases.items():
        assert [q.text for q in extract_quotes(make_article(text))] == [clause], text


def test_the_circumstance_of_the_saying_is_not_part_of_the_speaker():
    for text in ("“We are cooperating with the inquiry,” said a Lumen spokesperson when contacted by the Courier.",
                 "“We are cooperating with the inquiry,” said Ada Penn, when asked about the report."):
        (q,) = extract_quotes(make_article(text))
        assert "when" not in (q.speaker or "") + (q.role or ""), (q.speaker, q.role)
        assert q.speaker in ("Lumen spokesperson", "Ada Penn")


def test_told_someone_about_a_topic_is_no_reported_speech():
    assert extract_quotes(make_article("The ferry's engineer told the inquiry about a call he received from the "
                                       "captain before the fire.")) == []
    said = extract_quotes(make_article("The council tells us about 40 cottages on the quay have been flooded."))
    assert [q.text for q in said] == ["about 40 cottages on the quay have been flooded."]
