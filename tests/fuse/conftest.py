"""A hand-built invented event: the Kessel Bridge collapse in Port Meridian.

Outlets and what they say (so tests can assert exact outcomes):
- Meridian Herald (Mar 4): 8 killed (police, as of Mar 4), 30 injured (as of Mar 5), "at least 20" cars.
- Coastal Wire (Mar 4): 8 killed (police, Mar 4), 20 cars; its text is run verbatim by
  Northern Times (a duplicate article, duplicate_of = Coastal Wire).
- Daily Ledger (Mar 5): toll rose to 12 (emergency service, Mar 5) -> "people killed" evolves;
  30 injured (Mar 5); shares one wire sentence verbatim with the Herald.
- Harbour Post (Mar 5): 45 injured (hospital officials, Mar 5) -> "people injured" conflicts;
  200 rescuers (only outlet) -> single; an inquiry only it reports -> unique.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

import pytest

from newsfuse.records import (
    Article,
    Claim,
    Entity,
    Extraction,
    Happening,
    Quote,
    Sentence,
    Story,
    article_id_for,
)

WIRE = ("The Kessel Bridge, which carried about 40,000 vehicles a day, was built in 1968 and had "
        "been scheduled for repairs next year.")


def make_article(outlet: str, title: str, published: datetime, paragraphs: list[list[str]],
                 url: str | None = None, duplicate_of: str | None = None) -> Article:
    """An Article whose sentences are exact slices of its text (as ingest guarantees)."""
    text = "\n\n".join(" ".join(p) for p in paragraphs)
    aid = article_id_for(outlet + "\n" + text)  # outlet in the hash: copies stay distinct here
    art = Article(id=aid, text=text, title=title, url=url, outlet=outlet, published=published,
                  path=f"/in/{outlet.lower().replace(' ', '_')}.txt", duplicate_of=duplicate_of)
    pos = 0
    idx = 0
    for p in paragraphs:
        for s in p:
            start = text.index(s, pos)
            art.sentences.append(Sentence(aid, idx, s, start, start + len(s), ref_date=published.date()))
            pos = start + len(s)
            idx += 1
    return art


def sent_idx(article: Article, fragment: str) -> int:
    return next(s.index for s in article.sentences if fragment in s.text)


def claim(article: Article, fragment: str, quantity: str, value: str, number=None, *,
          qualifier=None, as_of=None, attribution=None, low=None, high=None, vague=False) -> Claim:
    i = sent_idx(article, fragment)
    return Claim(article.id, i, quantity, value, number=number, low=low, high=high, vague=vague,
                 qualifier=qualifier, as_of=as_of, attribution=attribution,
                 text=article.sentences[i].text)


def happening(article: Article, fragment: str, day: date) -> Happening:
    i = sent_idx(article, fragment)
    return Happening(article.id, i, article.sentences[i].text, day, date_text=None)


def quote(article: Article, fragment: str, text: str, speaker: str | None) -> Quote:
    i = sent_idx(article, fragment)
    return Quote(article.id, i, text, speaker=speaker, sentence_text=article.sentences[i].text)


@dataclass
class Dups:
    """Stands in for newsfuse.stories.dedup.Duplicates (same fields)."""

    duplicate_of: dict
    sentence_copies: dict
    kind: dict


@dataclass
class Event:
    story: Story
    articles: list[Article]
    extraction: Extraction
    duplicates: Dups
    herald: Article
    wire: Article
    copy: Article
    ledger: Article
    post: Article


def _utc(*a) -> datetime:
    return datetime(*a, tzinfo=timezone.utc)


@pytest.fixture
def event() -> Event:
    return build_event()


def build_event() -> Event:
    """The invented event (a plain function too, for scripts and other fixtures)."""
    herald = make_article("Meridian Herald", "Kessel Bridge collapses in Port Meridian, killing 8",
                          _utc(2031, 3, 4, 9, 0), [
        ["At least 8 people were killed when the Kessel Bridge collapsed into the Varn River in "
         "Port Meridian on Tuesday, police said.",
         "At least 20 cars were on the bridge when its central span gave way during the morning rush hour."],
        [WIRE,
         "Mayor Lina Ostrova said: “We will rebuild the bridge stronger than before.”",
         "By Wednesday, 30 people were being treated in hospital for their injuries, officials said."],
        ["Sign up for our newsletter to get the latest news every morning.",
         "What caused the collapse?"],
    ], url="https://herald.example/bridge")
    wire_paras = [
        ["Eight people were killed on Tuesday when the Kessel Bridge collapsed in Port Meridian, "
         "police said.",
         "Twenty cars fell into the Varn River as the central span of the bridge gave way."],
        ["Divers from the coast guard searched the river for survivors throughout the night."],
    ]
    wire = make_article("Coastal Wire", "Eight killed as bridge collapses in Port Meridian",
                        _utc(2031, 3, 4, 12, 0), wire_paras, url="https://wire.example/a1")
    copy = make_article("Northern Times", "Eight killed as bridge collapses in Port Meridian",
                        _utc(2031, 3, 4, 14, 0), wire_paras, url="https://northern.example/x",
                        duplicate_of=wire.id)
    ledger = make_article("Daily Ledger", "Port Meridian bridge collapse toll rises to 12",
                          _utc(2031, 3, 5, 10, 0), [
        ["The death toll from the collapse of the Kessel Bridge in Port Meridian rose to 12 on "
         "Wednesday, the city's emergency service said.",
         "Thirty people were injured, the emergency service said on Wednesday."],
        [WIRE,
         "Mayor Lina Ostrova promised: “We will rebuild this bridge stronger than before,” "
         "speaking at the riverbank.",
         "Rescuers ended the search for survivors on Wednesday evening."],
    ], url="https://ledger.example/toll")
    post = make_article("Harbour Post", "Hospitals in Port Meridian treat 45 after bridge disaster",
                        _utc(2031, 3, 5, 11, 0), [
        ["Hospital officials said 45 people were injured in the Kessel Bridge collapse, as of "
         "Wednesday.",
         "About 200 rescuers took part in the search along the Varn River, the fire brigade said."],
        ["The regional governor ordered an independent inquiry into the bridge's maintenance on "
         "Thursday, citing years of delayed repairs."],
    ], url="https://post.example/45")
    arts = [herald, wire, copy, ledger, post]
    tue, wed, thu = date(2031, 3, 4), date(2031, 3, 5), date(2031, 3, 6)
    claims = [
        claim(herald, "At least 8 people", "people killed", "at least 8", 8, qualifier="at least",
              low=8, as_of=tue, attribution="police"),
        claim(wire, "Eight people were killed", "people killed", "Eight", 8, as_of=tue, attribution="police"),
        claim(copy, "Eight people were killed", "people killed", "Eight", 8, as_of=tue, attribution="police"),
        claim(ledger, "rose to 12", "people killed", "12", 12, as_of=wed, attribution="emergency service"),
        claim(herald, "30 people were being treated", "people injured", "30", 30, as_of=wed,
              attribution="officials"),
        claim(ledger, "Thirty people were injured", "people injured", "Thirty", 30, as_of=wed,
              attribution="emergency service"),
        claim(post, "45 people were injured", "people injured", "45", 45, as_of=wed,
              attribution="hospital officials"),
        claim(herald, "At least 20 cars", "cars on the bridge", "at least 20", 20, qualifier="at least",
              low=20, as_of=tue),
        claim(wire, "Twenty cars fell", "cars on the bridge", "Twenty", 20, as_of=tue),
        claim(post, "About 200 rescuers", "rescuers deployed", "about 200", 200, qualifier="about",
              as_of=wed, attribution="fire brigade"),
    ]
    quotes = [
        quote(herald, "Mayor Lina Ostrova said", "We will rebuild the bridge stronger than before.",
              "Lina Ostrova"),
        quote(ledger, "Mayor Lina Ostrova promised", "We will rebuild this bridge stronger than before,",
              "Lina Ostrova"),
    ]
    happenings = [
        happening(herald, "At least 8 people", tue),
        happening(wire, "Eight people were killed", tue),
        happening(ledger, "Rescuers ended the search", wed),
        happening(post, "independent inquiry", thu),
    ]
    entities = [
        Entity("Port Meridian", "place", 6, article_ids=[a.id for a in arts]),
        Entity("Kessel Bridge", "place", 7, article_ids=[a.id for a in arts]),
        Entity("Lina Ostrova", "person", 2, article_ids=[herald.id, ledger.id]),
        Entity("Elsewhere Corp", "organization", 99, article_ids=["not-in-story"]),
    ]
    ext = Extraction(claims=claims, quotes=quotes, entities=entities, happenings=happenings)
    story = Story(id="s-kessel", article_ids=[a.id for a in arts], title="Kessel Bridge collapse")
    wi = sent_idx(wire, "Eight people were killed")
    ci = sent_idx(copy, "Eight people were killed")
    dups = Dups(duplicate_of={copy.id: wire.id},
                sentence_copies={(wire.id, wi): [(copy.id, ci)], (copy.id, ci): [(wire.id, wi)]},
                kind={copy.id: "exact"})
    return Event(story, arts, ext, dups, herald, wire, copy, ledger, post)
