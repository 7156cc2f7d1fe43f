"""The typed records every stage reads and writes: the spine of newsfuse.

Stages are plain functions from one record to the next (readers -> Article, segment -> Sentence,
extract -> Claim/Quote/Entity/Happening, fuse -> Brief). Records are small dataclasses with no
behaviour beyond simple derived values, so they pickle cleanly (Dask) and map onto the SQLite
schema in ``newsfuse.store`` one table each.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

__all__ = [
    "Article",
    "Entry",
    "Sentence",
    "Story",
    "Claim",
    "Quote",
    "Entity",
    "Happening",
    "Extraction",
    "Citation",
    "SummaryItem",
    "Report",
    "Fact",
    "BriefQuote",
    "TimelineItem",
    "UniqueItem",
    "Source",
    "Brief",
    "StorylineItem",
    "StorylineBrief",
    "ReadProblem",
    "article_id_for",
    "normalise_for_hash",
]

FactStatus = Literal["agree", "conflict", "evolving", "single"]
ClaimMethod = Literal["rules", "learned"]
EntityType = Literal["person", "organization", "place", "other"]


def normalise_for_hash(text: str) -> str:
    """Fold the body so that whitespace, case and Unicode form do not change an article's id."""
    if not text.isascii():  # NFKC is a no-op on ASCII
        text = unicodedata.normalize("NFKC", text)
    # str.split() splits on exactly what re's \s matches: same as re.sub(r"\s+", " ", t).strip()
    return " ".join(text.casefold().split())


def article_id_for(text: str, source: str | None = None) -> str:
    """Stable article id: a short hash of the normalised cleaned body, plus where it was published
    (``source``: its URL, else its outlet) when that is known. The same file read twice keeps its
    id (ingestion is idempotent); the same wire text carried by two outlets gets two ids, and the
    dedup stage marks the second an exact copy (``duplicate_of``) so both outlets are credited."""
    key = normalise_for_hash(text)
    if source:
        key += "\n\x00" + source.strip().lower()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Entry:
    """One timestamped entry of a live blog; ``start``/``end`` index into ``Article.text``."""

    text: str
    start: int
    end: int
    time: datetime | None = None
    author: str | None = None
    title: str | None = None


@dataclass
class Sentence:
    """A sentence of an article's cleaned text, with the date relative phrases resolve against."""

    article_id: str
    index: int  # position in the article, 0-based; citations use it
    text: str  # verbatim slice of Article.text[start:end]
    start: int
    end: int
    ref_date: date | None = None  # publish date, or the live-blog entry's date
    entry: int | None = None  # index into Article.entries, for live blogs


@dataclass
class Article:
    """A cleaned article: the unit readers produce and the store keeps."""

    id: str  # article_id_for(text)
    text: str  # cleaned body, paragraphs separated by "\n\n"
    title: str | None = None
    url: str | None = None
    outlet: str | None = None  # human name, e.g. "The Daily Ledger"
    domain: str | None = None  # e.g. "dailyledger.example"
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None  # timezone-aware where the source says so
    language: str | None = None  # ISO 639-1, e.g. "en"
    path: str | None = None  # origin file (and "#record" for multi-record files)
    format: str | None = None  # txt | html | json | warc
    wires: list[str] = field(default_factory=list)  # wire credits: AP, Reuters, AFP, EFE, TASS...
    is_liveblog: bool = False
    entries: list[Entry] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    duplicate_of: str | None = None  # id of the article this one copies
    story_id: str | None = None
    # how it copies it: "exact" (same text), "near" (lightly edited), "contained" (a shorter page of
    # the same outlet whose sentences are in the longer one); None when not a copy or not known
    duplicate_kind: str | None = None

    @property
    def published_date(self) -> date | None:
        return self.published.date() if self.published else None


@dataclass
class Story:
    """A group of articles about one event; the id never changes once given."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    title: str | None = None
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    storyline_id: str | None = None
    aliases: list[str] = field(default_factory=list)  # ids of stories merged into this one


@dataclass
class Claim:
    """A numeric claim: what is counted, how many, how sure, as of when, and who says so."""

    article_id: str
    sentence: int
    quantity: str  # canonical key, e.g. "security forces killed"
    value: str  # as written: "at least 8", "dozens", "5,800 to 6,000"
    number: float | None = None  # point value (lower bound for "at least", None for vague)
    low: float | None = None  # range low / lower bound
    high: float | None = None  # range high / upper bound
    vague: bool = False  # "dozens", "hundreds"
    qualifier: str | None = None  # "at least", "about", "more than", "nearly", "up to"
    subject: str | None = None  # the noun phrase as written: "police officers"
    event: str | None = None  # "killed", "injured", "detained", ...
    as_of: date | None = None
    as_of_text: str | None = None  # the phrase it was resolved from, e.g. "on Wednesday"
    attribution: str | None = None  # "police", "Interior Ministry", "TASS"
    text: str = ""  # the source sentence, verbatim
    # who read it: the claim rules, or the learned reader (``extract.learned``), which is right far
    # less often on real pages, so the brief marks its readings and never lets them decide a status
    method: ClaimMethod = "rules"
    # the figure stands in the quoted words of someone who saw part of the event ("Straight away about
    # 10 were killed around me," a resident said): a count of one scene, never set against the totals
    eyewitness: bool = False


@dataclass
class Quote:
    """A quoted statement with its speaker."""

    article_id: str
    sentence: int
    text: str  # the quoted words (direct) or the reported clause (indirect)
    speaker: str | None = None
    role: str | None = None  # "police spokeswoman", "President"
    organization: str | None = None
    direct: bool = True
    sentence_text: str = ""


@dataclass
class Entity:
    """A person, organisation or place with its merged variants."""

    name: str  # canonical (longest) form
    type: EntityType = "other"
    mentions: int = 0
    variants: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


@dataclass
class Happening:
    """A sentence that reports something happening on a resolvable date."""

    article_id: str
    sentence: int
    text: str  # the sentence, verbatim
    date: date | None
    date_text: str | None = None  # the phrase: "on Wednesday", "Jan 2"
    precision: Literal["day", "month", "year", "vague"] = "day"


@dataclass
class Extraction:
    """Everything the extractors found in a set of articles."""

    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    happenings: list[Happening] = field(default_factory=list)
    # articles the English rules did not read (id -> language code): only amounts with a unit
    # and numeric dates were taken from them; quotes, entities and events are not analysed
    not_analysed: dict[str, str] = field(default_factory=dict)


# --- the brief (contract v1 in DESIGN.md; to_json lives in newsfuse.render.json) ---


@dataclass
class Citation:
    article_id: str
    sentence: int
    text: str  # the source sentence, verbatim


@dataclass
class SummaryItem:
    text: str
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Report:
    article_id: str
    outlet: str | None
    value: str
    number: float | None
    qualifier: str | None
    as_of: date | None
    attribution: str | None
    citation: Citation
    method: ClaimMethod = "rules"  # "learned": a figure only the learned reader found (shown marked)
    # the same figure in duplicates of this article (outlets that ran the wire text): cited so every
    # outlet that carried it is credited, never counted as sources of their own
    copies: list[Citation] = field(default_factory=list)


@dataclass
class Fact:
    quantity: str
    status: FactStatus
    reports: list[Report] = field(default_factory=list)
    note: str | None = None  # e.g. "The Daily Ledger reports 13; others 12"


@dataclass
class BriefQuote:
    speaker: str | None
    text: str
    citations: list[Citation] = field(default_factory=list)
    direct: bool = True  # False: reported (indirect) speech, shown without quotation marks


@dataclass
class TimelineItem:
    date: date
    text: str
    citations: list[Citation] = field(default_factory=list)
    # the time stamp of the live-blog entry the sentence comes from, when that entry was posted on
    # ``date`` (a live blog's "14:05"); None for other sentences (reports say the day, not the hour)
    time: datetime | None = None


@dataclass
class UniqueItem:
    article_id: str
    text: str
    citation: Citation


@dataclass
class Source:
    article_id: str
    outlet: str | None
    title: str | None
    published: datetime | None
    url: str | None
    path: str | None
    duplicate_of: str | None
    # set when the article's language is not analysed beyond figures and numeric dates (its code)
    not_analysed: str | None = None
    duplicate_kind: str | None = None  # "exact", "near" or "contained" (see Article.duplicate_kind)


@dataclass
class Brief:
    story_id: str
    headline: str
    generated_at: datetime
    summary: list[SummaryItem] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    quotes: list[BriefQuote] = field(default_factory=list)
    timeline: list[TimelineItem] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    unique: list[UniqueItem] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    storyline_id: str | None = None


@dataclass
class StorylineItem:
    """A dated happening on a storyline's timeline, with the story whose brief reported it."""

    story_id: str
    item: TimelineItem


@dataclass
class StorylineBrief:
    """The days of one topic: its stories' briefs in time order and one timeline across them.

    Figures stay inside their story's brief: two events' counts (a strike's schools shut, the
    deal's pay rise) are not one fact told two ways, so they are never fused across stories."""

    storyline_id: str
    headline: str
    generated_at: datetime
    stories: list[Brief] = field(default_factory=list)
    timeline: list[StorylineItem] = field(default_factory=list)


@dataclass
class ReadProblem:
    """A file (or record) that could not be read; the run goes on and reports it."""

    path: str
    message: str
    kept: bool = False  # a warning about a document that was still read (e.g. a date it ignored)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
