"""Sentences of an article's cleaned text (nupunkt), as verbatim spans.

We segment paragraph by paragraph so that no sentence crosses a paragraph break, trim the
whitespace nupunkt leaves on spans, and give each sentence the date relative phrases resolve
against: its live-blog entry's date, else the publish date.
"""

from __future__ import annotations

import re

from ..records import Article, Sentence
from .liveblog import lead_clock_end
from .meta import dateline_end

__all__ = ["split_sentences", "ensure_sentences", "sentence_spans"]

_PARA = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")
# nupunkt only breaks after one of these; a paragraph with none before its last character is one
# sentence, and skipping the tokenizer for it (most news paragraphs, headings, bylines) saves time.
_BREAK = re.compile("[.?!\u2026\u3002\uff01\uff1f\u061f\u0964]")
# full stops nupunkt does not know (Chinese/Japanese 。！？, Arabic ؟, Devanagari ।); one inside a
# quotation (a closing mark follows: 「火事だ！」と...) does not end the sentence
_WIDE_STOP = re.compile("[\u3002\uff01\uff1f\u061f\u0964]+(?![\u300d\u300f\u201d\uff09)])")


def _wide_splits(seg: str) -> list[tuple[int, int]]:
    """(start, end) pieces of one nupunkt sentence cut after wide full stops."""
    if seg.isascii():  # the wide stops are not ASCII
        return [(0, len(seg))]
    out, at = [], 0
    for m in _WIDE_STOP.finditer(seg):
        if seg[m.end():].strip():
            out.append((at, m.end()))
            at = m.end()
    out.append((at, len(seg)))
    return out


def _one_sentence(para: str) -> bool:
    body = para.rstrip()
    m = _BREAK.search(body, 0, len(body) - 1)
    return m is None and "\n" not in body


# A "sentence" longer than this is a flattened table, list or schedule, not prose: it is cut at
# whitespace into pieces of at most this size, so per-sentence work stays bounded downstream
MAX_SENTENCE_CHARS = 1200


def _bounded(s: int, e: int, text: str) -> list[tuple[int, int]]:
    """Split [s, e) at the last whitespace before each MAX_SENTENCE_CHARS boundary (hard cut if none)."""
    out = []
    while e - s > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", s + MAX_SENTENCE_CHARS // 2, s + MAX_SENTENCE_CHARS)
        cut = cut if cut > s else s + MAX_SENTENCE_CHARS
        out.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        out.append((s, e))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; spans are stripped, never cross a blank line and are at
    most MAX_SENTENCE_CHARS long."""
    import nupunkt

    spans: list[tuple[int, int]] = []
    for pm in _PARA.finditer(text):
        para = pm.group()
        if not para.strip():
            continue
        base = pm.start()
        if _one_sentence(para):
            local = [(0, len(para))]
        else:
            try:
                local = nupunkt.sent_spans(para)
            except Exception:
                local = [(0, len(para))]
        for s0, e0 in local:
            for a, b in _wide_splits(para[s0:e0]):
                s, e = s0 + a, s0 + b
                seg = para[s:e]
                lead = len(seg) - len(seg.lstrip())
                trail = len(seg) - len(seg.rstrip())
                s2, e2 = s + lead, e - trail
                if e2 > s2:
                    spans.extend(_bounded(base + s2, base + e2, text))
    return spans


def split_sentences(article: Article) -> Article:
    """Fill ``article.sentences``; each ``Sentence.text == article.text[start:end]``."""
    text = article.text
    pub = article.published_date
    entries = article.entries
    out: list[Sentence] = []
    ei = 0
    for start, end in sentence_spans(text):
        entry_idx = None
        while ei < len(entries) and entries[ei].end <= start:
            ei += 1
        if ei < len(entries) and entries[ei].start <= start < entries[ei].end:
            entry_idx = ei
        # a sentence quotes the story, not the wire's dateline: "LISK, May 3 (Reuters) - Two ..."
        # starts at "Two" (the dateline stays in the article text and in its metadata). Only the
        # body's or a live-blog entry's first sentence has a plain one ("WASHINGTON —"); later,
        # "PARIS — ..." is prose, and only an agency's dateline opening a paragraph goes.
        first = not out or (entry_idx is not None and out[-1].entry != entry_idx)
        if first or text[start - 1] == "\n":
            start += lead_clock_end(text[start:end])  # "06:40 Crews ...": the post's time, not news
            start += dateline_end(text[start:end], plain=first)
        ref = pub
        if entry_idx is not None and entries[entry_idx].time is not None:
            ref = entries[entry_idx].time.date()
        out.append(Sentence(article_id=article.id, index=len(out), text=text[start:end], start=start,
                            end=end, ref_date=ref, entry=entry_idx))
    article.sentences = out
    return article


def ensure_sentences(article: Article) -> Article:
    """Split only when a caller built the record by hand (readers and the store fill sentences).

    Every stage that needs sentences calls this, so all of them see the same splits and
    citation indices agree across dedup, extraction and the brief.
    """
    if not article.sentences and article.text:
        split_sentences(article)
    return article
