"""QA pass: a ship is no person, and common words that open sentences are no entities. Invented text."""

from newsfuse.extract.entities import entity_mentions, extract_entities

from .helpers import make_article

_A = ("The ferry Saint Alma sank off Port Velden on Tuesday, the coast guard said.\n\n"
      "Families gathered at the harbour as divers searched the wreck. Everyone aboard the Saint Alma had "
      "been accounted for by nightfall, said Captain Rui Orta, a coast guard spokesman.\n\n"
      "Families Say They Were Not Told, read one banner. Everyone Knew, read another.\n\n"
      '"Everyone was screaming," said passenger Lena Marsh. Aboard the Saint Alma were 212 passengers and crew.')
_B = ("Divers returned to the Saint Alma on Wednesday.\n\n"
      "Everyone in the town knows someone who was on board, said mayor Ana Duric.")


def _entities():
    return {e.name: e.type for e in extract_entities([make_article(_A, "2026-03-10"), make_article(_B, "2026-03-11")])}


def test_a_ship_named_like_a_person_is_no_person():
    got = _entities()
    assert got.get("Saint Alma") == "other"
    assert got.get("Rui Orta") == "person" and got.get("Ana Duric") == "person"


def test_sentence_opening_common_words_are_no_entities():
    got = _entities()
    assert not any(n.split()[0] in ("Families", "Everyone", "Knew", "Aboard") for n in got), got
    assert got.get("Lena Marsh") == "person"  # a full stop the segmenter kept ends the name


def test_cues_stay_narrow():
    assert ("Ana Duric", "person") in entity_mentions("Ms Ana Duric said the MS Saint Alma left late.")
    assert ("Saint Alma", "vessel") in entity_mentions("Ms Ana Duric said the MS Saint Alma left late.")
    assert ("Edward Said", "person") in entity_mentions("The scholar Edward Said wrote it.")
    assert entity_mentions("Residents Association chair Ana Duric spoke.")[0] == ("Residents Association", "organization")
    assert ("Rui Orta", "person") in entity_mentions("Capt. Rui Orta said the crew were safe.")
