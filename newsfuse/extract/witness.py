"""Eyewitness figures: a number in the quoted words of someone who saw part of the event.

"We saw the bodies ... Straight away about 10 were killed around me," a resident says: she counts
what she saw at one place, not the event's toll, so the brief must not set her figure against the
reported totals as a dispute. A figure is an eyewitness's when it stands in one speaker's direct
quote and that speaker is

* described as a witness, resident, survivor, passenger... (in the quote's role, or in an
  apposition anywhere in the article: "Amina, a resident who hid in a grain store"), or
* speaking of what they perceived, in the first person, somewhere in the same run of quoted
  sentences: "we saw", "I counted", "around me", "in front of us";

and nobody calls the speaker an official or a body: "We counted 40 bodies," the governor said,
is still a total (conservative: an office or organisation word anywhere in the speaker's
description vetoes).
"""

from __future__ import annotations

import re

from ..records import Article, Claim, Quote
from .speakers import ORG_WORDS, ROLE_WORDS

WITNESS_WORDS = frozenset({
    "witness", "witnesses", "eyewitness", "eyewitnesses", "resident", "residents", "survivor", "survivors",
    "passenger", "passengers", "villager", "villagers", "bystander", "bystanders", "onlooker", "onlookers",
    "neighbour", "neighbor", "neighbours", "neighbors"})
_OFFICIAL_WORDS = frozenset(ROLE_WORDS | ORG_WORDS | {"official", "officials", "spokesperson", "coroner",
                                                      "prosecutor", "sheriff", "prefect", "superintendent"})

# first-person perception: "we saw", "I counted", "I could see", "with my own eyes", "around me"
_FIRST_PERSON_SAW = re.compile(
    r"\b(?:I|we)\s+(?:(?:could|had|have|just|then|all|both|only|also|myself|ourselves)\s+){0,2}"
    r"(?:saw|see|seen|counted|count|watched|witnessed|heard|spotted)\b"
    r"|\bwith\s+(?:my|our)\s+own\s+eyes\b"
    r"|\b(?:around|in\s+front\s+of|next\s+to|beside|near)\s+(?:me|us)\b", re.IGNORECASE)

# how far a run of one speaker's quoted sentences is searched for first-person words, each way
_RUN = 3


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[a-z]+", (text or "").lower()))


def _descriptions(speaker: str, quote: Quote, article: Article) -> set[str]:
    """Words the article uses to say who the speaker is: the quote's role and organisation, an
    apposition after the name ("Amina, a resident who ...") or a word in front of it ("resident
    Amina Bello")."""
    words = _words(quote.role) | _words(quote.organization) | _words(speaker)
    name = re.escape(speaker)
    after = re.compile(rf"\b{name},\s+(?:a|an|one|another|the)\s+([^,.;:“”\"]{{1,60}})")
    before = re.compile(rf"\b([A-Za-z]+)\s+{name}\b")
    for s in article.sentences:
        if speaker not in s.text:
            continue
        for m in after.finditer(s.text):
            # what the apposition names, not its relative clause ("a resident who hid ...")
            head = re.split(r"\b(?:who|whom|whose|that|which|when|where|as|after|before)\b", m.group(1))[0]
            words |= _words(" ".join(head.split()[:6]))
        for m in before.finditer(s.text):
            words.add(m.group(1).lower())
    return words


def _run_of(quote: Quote, quotes: list[Quote]) -> list[Quote]:
    """The speaker's direct quotes in the sentences next to this one, without a gap."""
    by_sentence = {(q.sentence, q.speaker): q for q in quotes if q.direct}
    run = [quote]
    for step in (-1, 1):
        k = quote.sentence + step
        while abs(k - quote.sentence) <= _RUN and (k, quote.speaker) in by_sentence:
            run.append(by_sentence[(k, quote.speaker)])
            k += step
    return run


def is_eyewitness(quote: Quote, quotes: list[Quote], article: Article) -> bool:
    """Whether a direct quote is a first-hand account of someone who saw it (module docstring)."""
    speaker = quote.speaker or quote.role
    if not quote.direct or not speaker:
        return False
    described = _descriptions(speaker, quote, article)
    if described & _OFFICIAL_WORDS:
        return False
    if described & WITNESS_WORDS:
        return True
    return any(_FIRST_PERSON_SAW.search(q.text) for q in _run_of(quote, quotes))


def mark_eyewitness(claims: list[Claim], quotes: list[Quote], article: Article) -> None:
    """Mark the claims whose figure stands in an eyewitness's quoted words (``Claim.eyewitness``):
    the figure must be inside one speaker's direct quote, and the claim credited to that speaker."""
    by_sentence: dict[int, list[Quote]] = {}
    for q in quotes:
        if q.direct and q.article_id == article.id:
            by_sentence.setdefault(q.sentence, []).append(q)
    for c in claims:
        value = (c.value or "").lower()
        holding = [q for q in by_sentence.get(c.sentence, ()) if value and value in q.text.lower()]
        if len({q.speaker for q in holding}) != 1:
            continue
        q = holding[0]
        if c.attribution and c.attribution in (q.speaker, q.role, q.organization) and is_eyewitness(q, quotes, article):
            c.eyewitness = True
