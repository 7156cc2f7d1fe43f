"""Sentences are verbatim slices and never cross paragraph breaks."""

from datetime import datetime

from newsfuse.ingest.segment import split_sentences
from newsfuse.records import Article, article_id_for


def test_sentences_are_slices_within_paragraphs():
    text = ("Dr. Lind said the U.S. team arrived on Tuesday. It brought 12 boats.\n\n"
            "A heading without a full stop\n\n\u201cWe are safe now,\u201d she said. Then she left.")
    a = Article(id=article_id_for(text), text=text, published=datetime(2023, 3, 14, 9, 0))
    split_sentences(a)
    assert [s.text for s in a.sentences] == [
        "Dr. Lind said the U.S. team arrived on Tuesday.", "It brought 12 boats.",
        "A heading without a full stop", "\u201cWe are safe now,\u201d she said.", "Then she left."]
    for i, s in enumerate(a.sentences):
        assert s.text == text[s.start:s.end] and "\n\n" not in s.text
        assert s.index == i and s.article_id == a.id and s.ref_date.isoformat() == "2023-03-14" and s.entry is None


def test_no_publish_date_no_ref_date():
    a = split_sentences(Article(id="x", text="One. Two."))
    assert [s.ref_date for s in a.sentences] == [None, None]


def test_wide_full_stops_end_sentences_except_inside_a_quotation():
    text = "洪水造成9人死亡。救援人员转移了3000名居民！「危ない！」と住民が叫んだ。هل انتهى الخطر؟ لا أحد يعرف."
    a = split_sentences(Article(id="x", text=text))
    assert [s.text for s in a.sentences] == [
        "洪水造成9人死亡。", "救援人员转移了3000名居民！", "「危ない！」と住民が叫んだ。", "هل انتهى الخطر؟", "لا أحد يعرف."]
    assert all(s.text == text[s.start:s.end] for s in a.sentences)


def test_a_wire_dateline_opening_a_paragraph_is_not_part_of_the_sentence():
    text = ("VESKA, March 3 (Reuters) - Nine miners were rescued on Friday. They were unhurt.\n\n"
            "The union said (AP) - not a dateline here - that talks would go on.")
    a = split_sentences(Article(id="x", text=text))
    assert [s.text for s in a.sentences] == [
        "Nine miners were rescued on Friday.", "They were unhurt.",
        "The union said (AP) - not a dateline here - that talks would go on."]
    assert all(s.text == text[s.start:s.end] for s in a.sentences)


def test_a_flattened_table_is_cut_into_bounded_verbatim_pieces():
    from newsfuse.ingest.segment import MAX_SENTENCE_CHARS

    rows = " ".join(f"District {i} | {i * 3} dead | {i * 7} hurt |" for i in range(1, 301))
    text = "Casualties by district. " + rows
    a = split_sentences(Article(id="x", text=text))
    assert len(a.sentences) > 2
    assert all(len(s.text) <= MAX_SENTENCE_CHARS and s.text == text[s.start:s.end] for s in a.sentences)
    assert "".join(s.text for s in a.sentences).replace(" ", "") == text.replace(" ", "")


def _first_sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(Article(id="x", text=text)).sentences]


def test_datelines_of_every_common_shape_leave_the_first_sentence():
    body = "Two ferries ran aground near the harbour on Tuesday. Nobody was hurt."
    for dateline in ("LISK, 12 March (OV) - ", "ALDENMOOR (Reuters) \u2014 ", "Kadris, 3 June (NWA).- ",
                     "PARIS, Jan 5 (AFP) - ", "WASHINGTON \u2014 ", "GRAND HAVEN, Mich. -- ",
                     "VELMORE, Ostland, March 3 \u2014 ", "NEW HARBOUR -- NEW HARBOUR (AP) -- "):
        assert _first_sentences(dateline + body) == [
            "Two ferries ran aground near the harbour on Tuesday.", "Nobody was hurt."], dateline


def test_sentence_starts_that_look_like_datelines_stay():
    assert _first_sentences("US forces said on Monday that the bridge was shut. It reopened later.")[0] == \
        "US forces said on Monday that the bridge was shut."
    assert _first_sentences("BREAKING \u2014 The bridge is shut.")[0] == "BREAKING \u2014 The bridge is shut."
    assert _first_sentences("EDGAR VANCE - FIRST PATIENT He felt better by May.")[0].startswith("EDGAR VANCE")


def test_a_plain_dateline_goes_only_at_the_start_of_the_body():
    text = ("TORVIK \u2014 The festival opened on Friday.\n\n"
            "PARIS \u2014 a city the organisers love \u2014 lent three stages.\n\n"
            "Paris \u2014 a city of bridges \u2014 sent a choir.")
    assert _first_sentences(text) == [
        "The festival opened on Friday.", "PARIS \u2014 a city the organisers love \u2014 lent three stages.",
        "Paris \u2014 a city of bridges \u2014 sent a choir."]


def test_each_live_blog_entry_may_open_with_a_dateline():
    from newsfuse.records import Entry

    first = "KESSEL \u2014 Rain closed the pass. Crews waited."
    second = "BRANDT, 4 May (NWA).- The pass reopened at noon."
    text = first + "\n\n" + second
    entries = [Entry(text=first, start=0, end=len(first)),
               Entry(text=second, start=len(first) + 2, end=len(text))]
    a = split_sentences(Article(id="x", text=text, entries=entries, is_liveblog=True))
    assert [s.text for s in a.sentences] == ["Rain closed the pass.", "Crews waited.", "The pass reopened at noon."]
    assert [s.entry for s in a.sentences] == [0, 0, 1]
    assert all(s.text == text[s.start:s.end] for s in a.sentences)
