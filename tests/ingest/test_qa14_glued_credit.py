"""A photo credit run into an article's first sentence is page furniture, like a dateline."""

from newsfuse.ingest import read_records
from newsfuse.ingest.clean import glued_credit_end


def _body(text: str) -> str:
    rec = {"title": "Harbour ferry strike ends", "text": text, "published": "2024-03-05"}
    return next(iter(read_records([rec], "test"))).text


def test_credit_with_agency_cut_from_first_sentence():
    body = _body("Photograph: Lena Vasquez/Reuters The ferry crews of Port Mirren returned to work on "
                 "Tuesday after a two-day strike.\n\nThe operator said timetables would recover by Friday.")
    assert body.startswith("The ferry crews of Port Mirren returned")
    assert "Photograph" not in body


def test_caption_and_credit_before_the_sentence_cut():
    body = _body("Crews tie up at the north quay Photograph: Getty Images Ferry services resumed on "
                 "Tuesday, the operator said.")
    assert body.startswith("Ferry services resumed on Tuesday")


def test_credit_shapes():
    cases = {
        "Photograph: AP/Dana Holt The council met on Monday to vote.": "The council met",
        "Photo: Dana Holt The council met on Monday to vote.": "The council met",
        "Photograph: Omar Reyes for the Observer Councillors met on Monday.": "Councillors met",
        "Photograph: Reuters Mayor Ilse Brandt resigned on Monday evening.": "Mayor Ilse Brandt",
        "(Photo: Boats at the quay/Dana Holt) The strike ended on Tuesday night.": "The strike ended",
        "Photograph: Priya Nair Mayor Ilse Brandt resigned on Monday.": "Mayor Ilse Brandt",
    }
    for text, start in cases.items():
        assert text[glued_credit_end(text):].startswith(start), text


def test_sentences_about_photographs_kept():
    for text in ("The photograph: a blurred image of the quay, was shared widely on Monday.",
                 "Police released a photo: it shows two men near the quay at night.",
                 "The mayor said the strike was over. Photograph: Dana Holt/AP",
                 "Photograph: Dana Holt/AP",
                 "An exhibition, Photo: A History, opens on Monday in the town hall."):
        assert glued_credit_end(text) == 0, text
    assert _body("Police released a photo: it shows two men near the quay at night. "
                 "The inquiry continues.").startswith("Police released a photo")
