"""Key facts: a witness's count of one scene is not the event's total (invented reports, read by the
real extractors and fused by build_brief)."""

from datetime import datetime, timezone

from newsfuse.extract import extract
from newsfuse.fuse import build_brief
from newsfuse.fuse.facts import fuse_claims
from newsfuse.ingest.segment import ensure_sentences
from newsfuse.records import Article, Claim, Story, article_id_for


def _article(outlet: str, title: str, text: str) -> Article:
    return Article(id=article_id_for(text, outlet), text=text, title=title, outlet=outlet, language="en",
                   published=datetime(2031, 6, 12, 15, tzinfo=timezone.utc))


TOLL = _article(
    "Lake Courier", "Gunmen attack market town",
    "Gunmen attacked the market town of Orsk-Bel on Tuesday, killing several dozen people, local officials said.\n\n"
    "The attackers arrived on motorbikes shortly after dawn and set fire to stalls.")


def _rows(*articles: Article) -> dict[str, tuple[str, list[str]]]:
    arts = list(articles)
    brief = build_brief(Story(id="s1", article_ids=[a.id for a in arts]), arts, extract(arts))
    return {f.quantity: (f.status, sorted(r.value for r in f.reports)) for f in brief.facts}


def test_a_resident_s_count_is_an_eyewitness_row_not_a_conflict_with_the_toll():
    witness = _article(
        "Delta Times", "Survivors describe market attack",
        "Survivors of Tuesday's attack on Orsk-Bel described panic as gunmen opened fire on traders.\n\n"
        "\"We saw the bodies lying near the well,\" said Amina, a resident who hid in a grain store. "
        "\"Straight away about 10 were killed.\"")
    rows = _rows(TOLL, witness)
    assert rows["people killed"] == ("single", ["several dozen"]), rows
    assert rows["people killed (eyewitness account)"] == ("single", ["about 10"]), rows


def test_first_person_words_make_an_account_without_a_described_witness():
    """No "resident" anywhere: "around me" in her quoted words says she counts what she saw."""
    witness = _article(
        "Delta Times", "Market attack",
        "Gunmen opened fire on traders in Orsk-Bel on Tuesday.\n\n"
        "\"About 10 were killed around me before the shooting stopped,\" said Amina Odu.")
    rows = _rows(TOLL, witness)
    assert rows.get("people killed (eyewitness account)") == ("single", ["About 10"]), rows
    assert rows["people killed"][0] != "conflict", rows


def test_two_witnesses_with_different_counts_do_not_conflict_among_themselves():
    one = _article("Delta Times", "Attack", "Gunmen opened fire on traders in Orsk-Bel on Tuesday.\n\n"
                   "\"I counted seven bodies near the mosque,\" said Amina Odu, a survivor.")
    two = _article("Hill Post", "Attack", "Gunmen opened fire on traders in Orsk-Bel on Tuesday.\n\n"
                   "\"We saw 15 bodies by the bus station,\" said Musa Kari, a witness.")
    facts = [(q, st) for q, (st, _v) in _rows(TOLL, one, two).items() if "eyewitness" in q]
    assert len(facts) == 2 and all(st == "single" for _q, st in facts), facts
    # the second witness's row is named as another account, not "(eyewitness account) (other figure)"
    assert sorted(q for q, _st in facts) == ["people killed (another eyewitness account)",
                                             "people killed (eyewitness account)"], facts


def test_an_official_counting_in_the_first_person_is_still_a_total():
    official = _article(
        "Delta Times", "Governor gives toll",
        "Gunmen opened fire on traders in Orsk-Bel on Tuesday.\n\n"
        "\"We counted 14 bodies at the morgue this morning,\" the provincial governor told reporters.")
    rows = _rows(TOLL, official)
    assert not any("eyewitness" in q for q in rows), rows
    assert rows["people killed"] == ("conflict", ["14", "several dozen"]), rows


def test_a_named_speaker_recovering_bodies_is_no_eyewitness():
    """First person but no seeing ("we have recovered"): a rescuer's running count, a total."""
    rescuer = _article(
        "Delta Times", "Bodies recovered",
        "Gunmen opened fire on traders in Orsk-Bel on Tuesday.\n\n"
        "\"We have recovered 14 bodies so far,\" said Sani Lawal.")
    rows = _rows(TOLL, rescuer)
    assert not any("eyewitness" in q for q in rows), rows
    assert rows["people killed"][0] == "conflict", rows


def test_accounts_that_share_a_figure_agree_and_leave_the_totals_and_their_folding_alone():
    """At fusion: two witnesses' "about 10" agree as accounts; the toll of 40 from two outlets and a
    third outlet's "40 workers" still fold into one agreed "people killed" row."""
    texts = {"Lake Courier": "Forty people were killed, officials said.",
             "Delta Times": "Officials said 40 people were killed. \"About 10 died around me,\" said Ada Ibe.",
             "Hill Post": "Forty workers were killed. \"We saw about 10 killed at the gate,\" said Musa Kari."}
    arts = {o: _article(o, "Attack", t) for o, t in texts.items()}
    for a in arts.values():
        ensure_sentences(a)
    lake, delta, hill = arts["Lake Courier"], arts["Delta Times"], arts["Hill Post"]
    claims = [Claim(lake.id, 0, "people killed", "Forty", number=40, text=lake.sentences[0].text),
              Claim(delta.id, 0, "people killed", "40", number=40, text=delta.sentences[0].text),
              Claim(delta.id, 1, "people killed", "About 10", number=10, qualifier="about", attribution="Ada Ibe",
                    eyewitness=True, text=delta.sentences[1].text),
              Claim(hill.id, 0, "workers killed", "Forty", number=40, text=hill.sentences[0].text),
              Claim(hill.id, 1, "people killed", "about 10", number=10, qualifier="about", attribution="Musa Kari",
                    eyewitness=True, text=hill.sentences[1].text)]
    facts = {f.quantity: f for f in fuse_claims(claims, {a.id: a for a in arts.values()})}
    assert set(facts) == {"people killed", "people killed (eyewitness account)"}, list(facts)
    assert facts["people killed"].status == "agree"
    assert len(facts["people killed"].reports) == 3
    assert facts["people killed (eyewitness account)"].status == "agree"
