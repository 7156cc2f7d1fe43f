"""Timeline17 loading shared by the timeline, summary and speed evaluations.

T17 text is tokenised ("Mexico 's", ``quotes''), one sentence per line. We detokenise each line
into real article text (what newsfuse sees in production) and keep the tokenised line beside it,
because the timeline metrics (tilse) compare space-separated tokens. Parsing is cached on disk
(pickle keyed by file size and mtime) so repeated runs skip it.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from newsfuse.ingest.clean import glued_credit_end
from newsfuse.records import Article, Sentence

__all__ = ["Topic", "detokenise", "load_topic", "topic_dirs", "default_t17_dir"]

CACHE_VERSION = 2


def default_t17_dir() -> Path:
    """../shared/data/t17 beside the checkout (NEWSFUSE_T17 overrides)."""
    env = os.environ.get("NEWSFUSE_T17")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared" / "data" / "t17"


def topic_dirs(data_dir: Path, topics: list[str] | None = None) -> list[Path]:
    """Topic folders, optionally filtered by name or by topic prefix ("bpoil" matches bpoil_*)."""
    dirs = sorted(p for p in Path(data_dir).iterdir() if (p / "articles.jsonl").is_file())
    if topics:
        wanted = {t.strip() for t in topics if t.strip()}
        dirs = [p for p in dirs if p.name in wanted or p.name.split("_")[0] in wanted]
    return dirs


_DETOK = [
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"\s+([.,;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$])\s+"), r"\1"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE), r"\1"),
    (re.compile(r"\s+'(\s|$)"), r"'\1"),
    (re.compile(r"-LRB-\s*"), "("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"\\/"), "/"),  # PTB escapes slashes: "Reuters\/AP", "24\/7"
    (re.compile(r"\s{2,}"), " "),
]


def detokenise(line: str) -> str:
    """Undo PTB-style tokenisation: "Mexico 's `` full '' ( 5 % )" -> "Mexico's "full" (5%)"."""
    s = line.strip()
    for pat, rep in _DETOK:
        s = pat.sub(rep, s)
    return s.strip()


@dataclass
class Topic:
    """One T17 folder: its articles (detokenised, with sentences) and reference timelines."""

    name: str
    articles: list[Article]
    tokens: dict[tuple[str, int], str]  # (article id, sentence index) -> tokenised line
    timelines: list[dict[date, list[str]]] = field(default_factory=list)


def _without_credit(raw: str) -> str:
    """A tokenised line without the photo credit glued into its opening, as ingest cuts it from a
    paragraph ("Photograph : Jane Roe\\/AP The council ..."): the scored tokens must be the
    sentence's. The cut is the whole tokens whose detokenised form is the credit."""
    txt = detokenise(raw)
    cut = glued_credit_end(txt)
    if not cut:
        return raw
    toks = raw.split()
    for k in range(1, len(toks)):
        if detokenise(" ".join(toks[k:])) == txt[cut:]:
            return " ".join(toks[k:])
    return raw


def _parse_date(s: str) -> date:
    return date.fromisoformat(s[:10])


def _build(folder: Path) -> Topic:
    articles: list[Article] = []
    tokens: dict[tuple[str, int], str] = {}
    with open(folder / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            aid = f"{folder.name}:{rec['id']}"
            pub = _parse_date(rec["time"])
            parts: list[str] = []
            sents: list[Sentence] = []
            pos = 0
            for raw in rec["text"].split("\n"):
                raw = raw.strip()
                if not raw:
                    continue
                raw = _without_credit(raw)
                txt = detokenise(raw)
                if not txt:
                    continue
                if parts:
                    pos += 1  # the joining space
                sents.append(Sentence(aid, len(sents), txt, pos, pos + len(txt), pub))
                tokens[(aid, len(sents) - 1)] = raw
                parts.append(txt)
                pos += len(txt)
            text = " ".join(parts)
            art = Article(
                id=aid, text=text, outlet=folder.name.split("_", 1)[-1],
                published=datetime(pub.year, pub.month, pub.day, tzinfo=timezone.utc),
                language="en", path=str(folder / "articles.jsonl") + f"#{rec['id']}",
                format="json", sentences=sents,
            )
            articles.append(art)
    articles.sort(key=lambda a: (a.published, a.id))
    timelines = []
    tl_path = folder / "timelines.jsonl"
    if tl_path.is_file():
        with open(tl_path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                merged: dict[date, list[str]] = {}
                # A date may appear twice in one reference; its sentences are merged.
                for d, sents in json.loads(line):
                    merged.setdefault(_parse_date(d), []).extend(s.strip() for s in sents)
                timelines.append(dict(sorted(merged.items())))
    return Topic(folder.name, articles, tokens, timelines)


def _cache_path(folder: Path) -> Path:
    st = (folder / "articles.jsonl").stat()
    tl = folder / "timelines.jsonl"
    tl_st = tl.stat() if tl.exists() else None
    key = f"{CACHE_VERSION}:{folder.resolve()}:{st.st_size}:{st.st_mtime_ns}:" + (
        f"{tl_st.st_size}:{tl_st.st_mtime_ns}" if tl_st else "-"
    )
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsfuse" / "t17"
    return base / (folder.name + "-" + hashlib.sha1(key.encode()).hexdigest()[:12] + ".pkl")


def load_topic(folder: Path, use_cache: bool = True) -> Topic:
    """Parse a topic folder (cached on disk: parsing once per data version)."""
    folder = Path(folder)
    cp = _cache_path(folder) if use_cache else None
    if cp is not None and cp.is_file():
        try:
            with open(cp, "rb") as fh:
                return pickle.load(fh)
        except Exception:  # noqa: BLE001 - a stale or broken cache is rebuilt
            pass
    topic = _build(folder)
    if cp is not None:
        try:
            cp.parent.mkdir(parents=True, exist_ok=True)
            tmp = cp.with_suffix(".tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(topic, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cp)
        except OSError:
            pass
    return topic
