"""Story summaries on Timeline17: newsfuse vs sumy's LexRank and a lead baseline.

A "story" is the articles of one topic published within a day of a reference-timeline date;
the reference summary is that date's timeline sentences. Every system gets the same articles and
the same word budget (the reference's length); each output is cut to that budget before ROUGE
(rouge-score, Porter stemming), so no system wins by writing more.

newsfuse's summary is ``newsfuse.fuse.build_brief(...).summary`` (with ``newsfuse.extract.extract``
when that stage is importable). We also check that every citation's text really is in the cited
article (design rule: every cited sentence is in the cited article).
"""

from __future__ import annotations

import re
import time
from datetime import date, timedelta
from pathlib import Path

from newsfuse.eval.t17 import Topic, default_t17_dir, load_topic, topic_dirs
from newsfuse.records import Article, Extraction, Story

__all__ = ["run", "format_report", "lexrank_ranked", "lead_ranked", "newsfuse_summary",
           "cut_to_words", "WordTokenizer"]

_WORD = re.compile(r"\w+(?:[-']\w+)*", re.UNICODE)
_SENT = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


class WordTokenizer:
    """sumy tokenizer without NLTK punkt data (which cannot be downloaded here)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return [s.strip() for s in _SENT.split(paragraph) if s.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def cut_to_words(sentences: list[str], budget: int) -> str:
    """Join sentences in order and cut at ``budget`` words (the common output length)."""
    out: list[str] = []
    for s in sentences:
        words = s.split()
        room = budget - len(out)
        if room <= 0:
            break
        out.extend(words[:room])
    return " ".join(out)


def lead_ranked(articles: list[Article]) -> list[str]:
    """Lead baseline: first sentences of the articles in publication order, then second ones..."""
    out: list[str] = []
    depth = max((len(a.sentences) for a in articles), default=0)
    for i in range(min(depth, 5)):
        out.extend(a.sentences[i].text for a in articles if len(a.sentences) > i)
    return out


def lexrank_ranked(articles: list[Article], max_sentences: int | None = None) -> list[str]:
    """sumy LexRank over the story (one paragraph per article): sentences, best first.

    sumy returns its top-N in document order; a callable ``count`` receives the rating-sorted
    list, which is how we keep the ranking and cut to a word budget like the other systems.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tok = WordTokenizer()
    paras = []
    for a in articles:
        sents = [SumySentence(s.text, tok) for s in a.sentences]
        if sents:
            paras.append(Paragraph(sents))
    doc = ObjectDocumentModel(paras)
    summ = LexRankSummarizer(Stemmer("english"))
    summ.stop_words = get_stop_words("english")
    ranked: list = []

    def keep_ranking(infos):
        ranked.extend(infos)
        return infos[:0]

    summ(doc, keep_ranking)
    out = [str(i.sentence) for i in ranked]
    return out[:max_sentences] if max_sentences else out


def newsfuse_summary(articles: list[Article], words: int, story_id: str = "eval") -> tuple[list[str], int, int]:
    """newsfuse's summary sentences, plus (citations checked, citations found verbatim)."""
    from newsfuse.fuse import build_brief

    extraction = _extract(articles)
    story = Story(id=story_id, article_ids=[a.id for a in articles])
    brief = build_brief(story, articles, extraction, words=words)
    by_id = {a.id: a for a in articles}
    checked = ok = 0
    for item in brief.summary:
        for c in item.citations:
            checked += 1
            art = by_id.get(c.article_id)
            if art is not None and c.text in art.text and any(
                s.index == c.sentence and s.text == c.text for s in art.sentences
            ):
                ok += 1
    return [it.text for it in brief.summary], checked, ok


def _extract(articles: list[Article]) -> Extraction:
    """The extract stage's output when it exists (it feeds salience); empty otherwise."""
    try:
        from newsfuse.extract import extract  # type: ignore
    except ImportError:
        return Extraction()
    try:
        return extract(articles)
    except Exception:  # noqa: BLE001 - a broken sibling stage must not hide the summary numbers
        return Extraction()


def _stories(topic: Topic, limit: int | None, min_articles: int, max_articles: int,
             held_out: bool = False):
    """(date, reference sentences, articles) for reference dates with enough nearby articles.

    held_out: instead, ``limit`` stories evenly spread over the dates the default selection
    (same limit) does *not* use: a check on stories no setting was chosen on.
    """
    if held_out:
        used = {d for d, _, _ in _stories(topic, limit, min_articles, max_articles)}
        rest = [x for x in _stories(topic, None, min_articles, max_articles) if x[0] not in used]
        step = max(1, len(rest) // limit) if limit else 1
        return rest[::step][:limit] if limit else rest
    by_day: dict[date, list[Article]] = {}
    for a in topic.articles:
        by_day.setdefault(a.published_date, []).append(a)
    seen: set[date] = set()
    found = []
    for ref in topic.timelines:
        for d, sents in ref.items():
            if d in seen:
                continue
            seen.add(d)
            # Closest days first: the date itself, the day after (reports), the day before.
            arts = []
            for off in (0, 1, -1):
                arts.extend(by_day.get(d + timedelta(days=off), []))
            arts = [a for a in arts if a.sentences][:max_articles]
            if len(arts) >= min_articles:
                found.append((d, sents, arts))
    found.sort(key=lambda x: x[0])
    if limit and len(found) > limit:
        step = len(found) / limit
        found = [found[int(i * step)] for i in range(limit)]
    return found


def run(
    data_dir: Path | None = None,
    topics: list[str] | None = None,
    limit: int | None = 5,
    min_articles: int = 3,
    max_articles: int = 10,
    held_out: bool = False,
) -> dict:
    """ROUGE-1/2/L F of newsfuse, LexRank and lead on T17 day stories.

    held_out: score day stories outside the default selection (see ``_stories``).
    limit: stories per topic (evenly spaced over the timeline; default 5 keeps LexRank, which is
    pure Python and quadratic in sentences, to a few minutes for all topics).
    """
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    data_dir = Path(data_dir) if data_dir else default_t17_dir()
    systems = ("newsfuse", "lexrank", "lead")
    rows = []
    seconds = {s: 0.0 for s in systems}
    cites = [0, 0]
    # Import every system's code first so its one-off import cost is not charged to a story.
    import newsfuse.fuse  # noqa: F401
    import sumy.summarizers.lex_rank  # noqa: F401

    try:
        import newsfuse.extract  # noqa: F401
    except ImportError:
        pass
    t_all = time.perf_counter()
    for folder in topic_dirs(data_dir, topics):
        topic = load_topic(folder)
        for d, ref_sents, arts in _stories(topic, limit, min_articles, max_articles, held_out):
            reference = " ".join(ref_sents)
            budget = max(15, len(reference.split()))
            row = {"topic": topic.name, "date": d.isoformat(), "articles": len(arts),
                   "words": budget, "systems": {}}
            for name in systems:
                t0 = time.perf_counter()
                if name == "newsfuse":
                    sents, checked, ok = newsfuse_summary(arts, budget, f"{topic.name}:{d}")
                    cites[0] += checked
                    cites[1] += ok
                elif name == "lexrank":
                    sents = lexrank_ranked(arts)
                else:
                    sents = lead_ranked(arts)
                seconds[name] += time.perf_counter() - t0
                text = cut_to_words(sents, budget)
                sc = scorer.score(reference, text)
                row["systems"][name] = {k: round(v.fmeasure, 5) for k, v in sc.items()}
                row["systems"][name]["words_out"] = len(text.split())
            rows.append(row)
    avg = {}
    for name in systems:
        if rows:
            avg[name] = {m: sum(r["systems"][name][m] for r in rows) / len(rows)
                         for m in ("rouge1", "rouge2", "rougeL")}
            avg[name]["seconds"] = round(seconds[name], 2)
    ratios = {}
    for other in ("lexrank", "lead"):
        if rows:
            ratios[other] = {m: (avg["newsfuse"][m] / avg[other][m] if avg[other][m] else None)
                             for m in ("rouge1", "rouge2", "rougeL")}
    return {
        "data_dir": str(data_dir), "limit": limit, "stories": len(rows),
        "max_articles": max_articles, "held_out": held_out, "rows": rows, "average": avg, "ratio": ratios,
        "citations_checked": cites[0], "citations_verbatim": cites[1],
        "seconds": round(time.perf_counter() - t_all, 2),
    }


def format_report(res: dict) -> str:
    kind = "held-out " if res.get("held_out") else ""
    lines = [f"{res['stories']} {kind}T17 day stories (<= {res['max_articles']} articles each), "
             "all systems cut to the reference's word count"]
    for name, a in res["average"].items():
        lines.append(f"  {name:9} ROUGE-1 F {a['rouge1']:.4f}  ROUGE-2 F {a['rouge2']:.4f}  "
                     f"ROUGE-L F {a['rougeL']:.4f}   ({a['seconds']:.1f}s)")
    for other, r in res["ratio"].items():
        lines.append(f"  newsfuse / {other}: " + "  ".join(
            f"{m} {v:.2f}" if v is not None else f"{m} n/a" for m, v in r.items()))
    lines.append(f"  citations verbatim in cited article: {res['citations_verbatim']}/"
                 f"{res['citations_checked']}")
    lines.append(f"  total {res['seconds']:.1f}s")
    return "\n".join(lines)
