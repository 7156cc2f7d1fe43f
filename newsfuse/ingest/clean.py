"""Line-level cleaning of article bodies: page furniture out, content in.

Rules are about the *shape* of furniture (UI phrases, share buttons, lone section labels, captions
with photo credits, ALL-CAPS teasers of other stories, lines repeated inside one article or across
one outlet's articles), never about the wording of particular stories. Everything here errs on the
side of keeping a line: a long line that reads like prose is never dropped by a phrase rule.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

__all__ = [
    "split_paragraphs",
    "norm_line",
    "is_boilerplate",
    "is_caps_teaser",
    "is_caption",
    "glued_credit_end",
    "drop_repeated",
    "looks_like_heading",
    "looks_like_title",
    "cross_article_boilerplate",
    "cross_article_strays",
    "comments_start",
    "reader_call_lines",
]

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# Unicode category Cc (C0 and C1 controls) except tab: one regex pass instead of a per-character
# unicodedata.category() call, which was the single largest cost of reading a plain-text body.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def split_paragraphs(text: str) -> tuple[list[str], set[int]]:
    """Non-empty lines become paragraphs; ``breaks`` holds indices preceded by 2+ blank lines.

    Both plain-text styles occur: one paragraph per line, and blank-line separated paragraphs.
    A wider gap marks a section change (e.g. where a live blog's posts begin).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    paras: list[str] = []
    breaks: set[int] = set()
    blanks = 0
    for raw in text.split("\n"):
        # _WS's only ASCII members are " " and tab: a plain ASCII line needs no substitution
        if raw.isascii() and "\t" not in raw and "  " not in raw:
            line = raw.strip()
        else:
            line = _WS.sub(" ", raw).strip()
        if not line.isprintable():  # control characters are never printable
            line = _CONTROL.sub("", line)
        if not line:
            blanks += 1
            continue
        if blanks >= 2 and paras:
            breaks.add(len(paras))
        blanks = 0
        paras.append(line)
    return paras, breaks


_NORM_QUOTES = str.maketrans({**{c: "'" for c in "‘’‚‛`´"}, **{c: '"' for c in "“”„‟"}})
_NORM_QUOTE_CHARS = re.compile("[" + re.escape("".join(map(chr, _NORM_QUOTES))) + "]")
_NORM_PUNCT = re.compile(r"[^\w'\"%$€£]+")


@lru_cache(maxsize=1 << 16)
def norm_line(line: str) -> str:
    """Fold case, quotes and punctuation so that near-identical copies compare equal.

    Cached: each paragraph is normalised by several rules (boilerplate, repeats, per outlet).
    """
    if line.isascii():  # NFKC is a no-op on ASCII, and "`" is the only ASCII quote to fold
        # one byte-table pass does the case fold, the quote and _NORM_PUNCT's blanking; joining
        # the words then gives what collapsing each blank run to one space and stripping gives
        return " ".join(line.encode("ascii").translate(_ASCII_NORM).decode("ascii").split())
    line = unicodedata.normalize("NFKC", line).casefold()
    if _NORM_QUOTE_CHARS.search(line):  # translate() with a dict looks up every character: slow
        line = line.translate(_NORM_QUOTES)
    return _NORM_PUNCT.sub(" ", line).strip()


# ASCII byte -> what norm_line makes of it: lower case, "`" -> "'", and " " for every character
# _NORM_PUNCT removes (all but word characters and ' " % $)
_ASCII_NORM = bytes(
    ord(c.lower()) if (c.isalnum() or c in "_'\"%$") else ord("'") if c == "`" else ord(" ")
    for c in map(chr, range(128))
) + bytes(128)  # bytes.translate wants 256 entries; non-ASCII bytes never occur here


# Whole-line UI furniture (matched against norm_line output).
_UI_LINES = [
    r"expand collapse search", r"back to top( button)?", r"join (our|the) (commenting forum|conversation|discussion)",
    r"powered by automated translation", r"(related|recommended|more|latest|top|trending) (articles?|stories|story|content|coverage|news|videos?|reads?)",
    r"(most )?(read|popular|viewed|shared)( now| today)?", r"advertisement|advert|sponsored( content)?|ad",
    r"published|updated|last updated|posted", r"share( this)?( article| story| page| on \w+| via \w+)?",
    r"(share on |follow us on )?(facebook|twitter|x|whatsapp|linkedin|email|e mail|print|copy link|reddit|telegram|pinterest|messenger)",
    r"(tweet|comments?|comment now|leave a comment|show comments|view comments|\d+ comments?)",
    r"(sign|log) (in|up|out)( to (comment|continue|read more|\w+))?( \w+){0,4}", r"register|subscribe( now| today)?|sign up",
    r"thank you for (registering|subscribing|signing up).*", r"please (refresh|log in|sign in|login).{0,200}",
    r"join .{0,40}conversations?.{0,120}", r".{0,80}\b(commenting forum|comments section|see their replies|community guidelines)\b.{0,80}",
    r".{0,60}contributed to this (report|story|article)",
    r"(you must be|you are now|you have been) (logged|signed) in.*", r"already (have an account|a subscriber).*",
    r"create (a free )?(an )?account.*", r"(subscribe|sign up) (to|for) (our|the) .{0,60}newsletters?.*",
    r"(get|receive) (our|the) .{0,40}newsletters?.*", r"skip to (main )?content|skip navigation|menu|search|close|open",
    r"(we use )?cookies.{0,120}", r"click here.{0,80}", r"read (more|next|the full (piece|story|article)( here)?|full article)",
    r"continue reading.*", r"(watch|listen)( now| live)?", r"(play|pause) (video|audio)|video|audio|gallery",
    r"image (source|caption|credit).{0,80}", r"(photo|image|picture|video) ?(credit)?: .{0,80}",
    r"(getty images|afp via getty images|shutterstock|ap photo|reuters|epa|ap)( ?/ ?.{0,40})?",
    r"(this (article|story) (was|has been) (updated|amended|corrected).{0,80})",
    r"(join|follow) .{0,40} on (twitter|facebook|telegram|instagram|whatsapp|google news).*",
    r"(report an error|editorial standards|corrections?)", r"(previous|next)( article| story| post)?",
    r"(loading|load more|show more|see more|view more)( \w+)?", r"(listen to (this )?article).*",
    r"(breaking( news)?|live( updates)?|developing( story)?|exclusive|opinion|analysis|explainer)",
    r"(the )?(latest|trending|in pictures|in brief)", r"(see|view) (all|also).{0,40}", r"tags?",
    r"topics?", r"(filed|posted) (under|in) .{0,60}", r"\d+ min(ute)?s? read", r"copyright .{0,120}|all rights reserved.*",
    r"as it happened(ended)?|(live )?(blog )?ended",
    # "Read more: <linked headline>", "Share this article: Facebook Twitter Email", "Comments (12) - Have your say"
    r"(read|see) (more|also|next) .{1,150}",
    r"share (this|the) (article|story|page)( (on|via|with))?( (facebook|twitter|x|whatsapp|linkedin|email|e mail|print|copy link|reddit|telegram))+",
    r"(comments? )?(\d+ )?.{0,60}\bhave your say\b.{0,80}",
]
_UI_RE = re.compile(r"^(?:" + "|".join(_UI_LINES) + r")$")
# The same test split for speed: most shapes start with a word, but a ".{0,N}X" shape is tried at
# every offset of every line. Those run only where X itself (a leading \b dropped) occurs, which
# a plain search finds quickly; a line matches _UI_RE exactly when one of the shapes matches it.


def _uncaptured(shape: str) -> str:
    """``shape`` with its groups non-capturing: only whether a line matches is asked, and re then
    skips the group bookkeeping in every alternative it enters (~40% of the test's time)."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", shape)


_UI_HEAD = re.compile(r"^(?:" + "|".join(_uncaptured(a) for a in _UI_LINES if not a.startswith(".")) + r")$")
_UI_ANYWHERE = [(re.compile(r"^(?:" + _uncaptured(a) + r")$"), re.compile(re.sub(r"^\.\{0,\d+\}(?:\\b)?", "", _uncaptured(a))))
                for a in _UI_LINES if a.startswith(".")]
assert _UI_HEAD.groups == 0 and not any(w.groups or c.groups for w, c in _UI_ANYWHERE)
# Caption and credit shapes: "(AP Photo/Jane Doe)", "Photo: X/Reuters", "Credit: Getty Images".
_CREDIT_TAIL = re.compile(
    r"(\((?:AP|AFP|EPA|Reuters|Getty|Xinhua|TASS|Sputnik|EFE|PA)\s*(?:Photo|Images|via|/)[^)]{0,60}\)\s*)+$"
    r"|\b(?:Photo|Image|Picture|Photograph|Credit|Foto)s?\s*(?:credit)?\s*[:/]\s*[^.]{2,60}$"
    r"|(?:AFP|Reuters|EPA|AP|Getty Images|Shutterstock)\s*(?:via Getty Images)?\s*/\s*[\w .'-]{2,40}$",
    re.IGNORECASE,
)


def is_boilerplate(line: str) -> bool:
    """A whole line of UI text (short by construction: the patterns match whole lines)."""
    n = norm_line(line)
    if not n:
        return True  # only punctuation/symbols: bullets, separators
    if len(n) > 200:
        return False
    if _UI_HEAD.match(n):
        return True
    for whole, core in _UI_ANYWHERE:
        if core.search(n) and whole.match(n):
            return True
    return False


_ASCII_UPPER = bytes(range(65, 91))


def _uppers(text: str) -> int:
    """How many upper-case characters ``text`` has (ASCII: counted by deleting A-Z bytes)."""
    if text.isascii():
        return len(text) - len(text.encode("ascii").translate(None, _ASCII_UPPER))
    return sum(map(str.isupper, text))


def is_caps_teaser(line: str) -> bool:
    """ALL-CAPS headline of another story ("MAYOR'S OFFICE STORMED AS CROWDS GROW: WITNESSES").

    Short capitalised lines are often the article's own section headings, so only long ones
    (8+ words) or ones with a call to action count as teasers.
    """
    if line.lstrip().startswith("|") or _uppers(line[:40]) < 10:
        return False  # a table row, or not shouting
    words = line.split()
    letters = sum(map(str.isalpha, line))
    if letters < 12 or len(words) < 3:
        return False
    if sum(map(str.isupper, line)) / letters <= 0.9:
        return False
    return len(words) >= 8 or bool(_CALL_TO_ACTION.search(line))


def _may_have_credit(line: str) -> bool:
    """Necessary conditions of _CREDIT_TAIL's three shapes, so that most lines skip its slow
    search: a "(AP Photo/...)" run ends the line with ")"; "Photo: ..." needs a ":" or "/" with no
    "." after it; "AFP / name" needs its text after the last "/" to be at most 40 characters."""
    if line.rstrip().endswith(")"):
        return True
    slash = line.rfind("/")
    if max(line.rfind(":"), slash) > line.rfind("."):
        return True
    return slash >= 0 and len(line[slash + 1 :].strip()) <= 40


def is_caption(line: str) -> bool:
    """A photo caption: ends with an agency photo credit."""
    return _may_have_credit(line) and bool(_CREDIT_TAIL.search(line))


def strip_credit(line: str) -> str:
    return (_CREDIT_TAIL.sub("", line) if _may_have_credit(line) else line).strip()


# A photo credit run into the text it sits on, as flattened pages print it: "<caption> Photograph:
# Jane Roe/Agency The council said ...". The credit names a person and/or an agency, so it is read
# as capitalised words up to a slash and its agency, a known agency, "X for the Y", or a name that
# a sentence's opening word follows.
_CREDIT_LABEL = re.compile(r"(?:(?<=\s)|^)\(?(?:Photograph|Photo|Picture|Image)s?\s?:\s+")
_PHOTO_AGENCIES = (r"(?:Getty Images|Getty|Rex Features|Rex/Shutterstock|Rex|Shutterstock|Alamy|Corbis|Magnum"
                   r"|Associated Press|AP|AFP|EPA|PA Wire|PA|Reuters|REUTERS|Xinhua|Sipa|Zuma|Bloomberg)")
_NAME = r"[A-Z][\w.'&-]*"
_PARTICLE = r"(?:for|of|the|and|de|di|da|du|van|von|der|le|la|al|el|bin)"
_SLASH_CREDIT = re.compile(
    rf"(?:(?:{_PARTICLE}-)?{_NAME}(?:\s(?:{_PARTICLE}\s)?{_NAME}){{0,5}}\s?/\s?)+"
    rf"(?:(?i:{_PHOTO_AGENCIES})(?:\s(?:Photos|Images))?|{_NAME})(?=\s)")
_AGENCY_CREDIT = re.compile(rf"{_PHOTO_AGENCIES}(?=\s)")
_FOR_CREDIT = re.compile(rf"{_NAME}(?:\s{_NAME}){{0,3}}\sfor\s(?:the\s)?{_NAME}(?=\s)")
# words that open sentences, not names: where a credit's name run stops
_OPENERS = frozenset(
    "The A An It Its As In On At He She They We I You This That These Those There Here When While After Before "
    "If But And Or For One Two Three Some Many More Most Last Next Why How What Who Where Of From With By "
    "Another Every Each No Not Yet So Since Until Under Over Now Today Yesterday Earlier Later".split())
_SENTENCE_START = re.compile(r"[A-Z0-9\"“‘'`$£€]")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')]*\s")


def _name_credit(rest: str) -> int:
    """Length of a credit that is a bare name ("Jane Roe The council ..."): the capitalised words
    before a sentence's opening word, digit or quote; or, before a longer run of capitalised words
    (the sentence's subject), a person's first and last name. 0 where the end is not clear."""
    words = list(re.finditer(r"\S+", rest[:200]))
    run = 0
    while run < min(len(words), 6) and words[run].group()[0].isupper() and words[run].group() not in _OPENERS \
            and words[run].group().isalpha():
        run += 1
    if run == 0 or run >= len(words) or run > 5:
        return 0
    nxt = words[run].group()
    if nxt in _OPENERS or not nxt[0].isalpha():
        return words[run - 1].end()
    return words[1].end() if run >= 3 else 0


def _trailing_surname(rest: str) -> int:
    """Length of one more name word after a slash credit's last part when a sentence's opening
    word follows it ("AP/Jane Roe The ...": the part after the slash was a first name)."""
    m = re.match(r"\s[A-Z][a-z'-]+(?=\s(\S+))", rest)
    return m.end() if m and m.group(1) in _OPENERS and rest[1:m.end()] not in _OPENERS else 0


def glued_credit_end(text: str) -> int:
    """Where a paragraph's own text starts after a photo credit glued into its opening (0: none).

    Only a credit in the opening, with no sentence end before it (what precedes is the photo's
    caption, or the page's headline run into it), and followed by a sentence counts: a sentence
    that mentions a photograph has no "Photograph: Name" label in it."""
    m = _CREDIT_LABEL.search(text, 0, 400)
    if m is None or _SENTENCE_BREAK.search(text, 0, m.start()):
        return 0
    rest = text[m.end():]
    if m.group().startswith("("):  # "(Photo: Jane Roe/Agency) The ...": the credit ends at ")"
        close = rest.find(")", 0, 160)
        end = close + 1 if close >= 0 and "(" not in rest[:close] else 0
    else:
        found = _SLASH_CREDIT.match(rest) or _AGENCY_CREDIT.match(rest) or _FOR_CREDIT.match(rest)
        end = found.end() if found else _name_credit(rest)
        if found and found.re is _SLASH_CREDIT:  # "Agency/Jane Roe The ...": a name after the slash
            end += _trailing_surname(rest[end:])
    after = rest[end:].lstrip()
    if not end or not _SENTENCE_START.match(after) or len(after.split()) < 3:
        return 0
    return len(text) - len(after)


# closing punctuation, wide full stops included (。！？ in CJK text, ؟ in Arabic, । in Devanagari)
_END_PUNCT = re.compile(r"[.!?…:;\"”’)\]。！？؟।」』]\s*$")


def looks_like_heading(line: str) -> bool:
    """Short line without closing punctuation: a title, sub-heading or link text."""
    words = line.split()
    return 1 <= len(words) <= 18 and not _END_PUNCT.search(line.rstrip("'’\"”")) and len(line) <= 140


def looks_like_title(line: str) -> bool:
    words = line.split()
    if not (4 <= len(words) <= 30) or len(line) > 250:
        return False
    if is_boilerplate(line) or is_caps_teaser(line):
        return False
    return not line.rstrip().endswith((".", ",", ";"))


_CLOSED = re.compile(r"[.!”\"。！؟।」]\s*$")
_SENTENCE_END = re.compile(r"[.!?”\"’。！？؟।」』]\s*$")
_CALL_TO_ACTION = re.compile(r"\b(CLICK|CLICKING|SUBSCRIBE|SIGN UP|DOWNLOAD|READ MORE|WATCH)\b")


def drop_repeated(paras: list[str]) -> list[bool]:
    """Mark lines to keep. A line that occurs exactly twice, close together, is a duplicated photo
    caption or a link/video title (credit stripped, so "caption" and "caption (AP Photo/X)" match):
    both copies go when it is short or a caption, else only the second copy. Lines repeated more
    often are structure (recipe steps, table cells, interview prompts) and stay. A lone caption
    ending in an agency photo credit goes too."""
    # one _CREDIT_TAIL pass per line: a line is a caption exactly when stripping changes it
    # (every credit match is non-empty)
    bare = [_CREDIT_TAIL.sub("", p) if _may_have_credit(p) else p for p in paras]
    caption = [b != p for b, p in zip(bare, paras)]
    keys = [norm_line(b.strip()) if not p.startswith("|") else "" for b, p in zip(bare, paras)]
    where: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if k:
            where.setdefault(k, []).append(i)
    keep = [True] * len(paras)
    for k, idx in where.items():
        if len(idx) == 2 and idx[1] - idx[0] <= 3:
            a, b = idx
            short = len(paras[a].split()) < 12 and not _CLOSED.search(paras[a])
            if short or caption[a] or caption[b]:
                keep[a] = keep[b] = False
            else:
                keep[b] = False
        elif len(idx) == 1 and caption[idx[0]] and len(paras[idx[0]].split()) < 80:
            keep[idx[0]] = False
    return keep


# A reader comment's signature: "March 3, 2011 at 9:15 pm | Report abuse |", "Posted by: name |
# April 9, 2012 7:40 AM | Report abuse", "Posted by name | Report as abusive" -- a moderation link
# next to a "|" separator. One is enough: no article prints a moderation link.
_COMMENT_STAMP = re.compile(r"\|\s*report (?:as )?abus(?:e|ive)\b|\breport (?:as )?abus(?:e|ive)\s*\|", re.IGNORECASE)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A comment's own header, opening its paragraph: "At 14:05 on 16 Jun 2010, dunmore_reader wrote:",
# "May 2, 2013 at 7:41 pm | Reply", "June 3rd, 2012 10:02 am ET". A story's date line has
# no "wrote:" or "| Reply", so these count only where a page has two: a thread, not a date.
_COMMENT_HEADER = re.compile(
    r"^(?:At \d{1,2}[:.]\d\d(?:\s?[ap]m)? on \d{1,2}(?:st|nd|rd|th)? " + _MONTH + r",? \d{4}, .{1,60}? wrote:"
    r"|" + _MONTH + r" \d{1,2}(?:st|nd|rd|th)?, \d{4},? (?:at \d{1,2}:\d\d\s?[ap]m\s?\||\d{1,2}:\d\d\s?[ap]m ET\b))",
    re.IGNORECASE)
# Where a page's comment thread begins: its disclaimer, or the note that readers' comments follow
# ("Views expressed in the comments are ...", "A selection of your comments
# appears below", "Leave your comments below"). The phrases speak to or about the page's readers as
# commenters, which a news story does not.
_THREAD_OPEN = re.compile(
    r"\b(?:views expressed in the comments|we welcome comments that advance"
    r"|a selection of your comments (?:appears?|is|are) (?:published )?below"
    r"|(?:add|post|leave|send in) (?:a|all your|your) (?:comments?|questions) (?:below|here)"
    r"|(?:here are )?tips on taking part|this (?:debate|discussion) is (?:now )?closed"
    r"|welcomes a lively and courteous discussion|comments are not pre-?screened)|^your comments:?$",
    re.IGNORECASE)
# A call for readers' input with its form ("Send us your views via the form below", "Your
# comments may be published"): the form, not a thread, so only the notes to the reader go.
_FORM_CALL = re.compile(
    r"\b(?:send us your (?:comments|views|experiences)|(?:using|via|with|in) the form below"
    r"|your comments? (?:may|will) be published)",
    re.IGNORECASE)
_QUOTE_MARK = re.compile("[\"“”«»]")
# A question put to readers right above the call for comments ("Are you in the region?")
_READER_QUESTION = re.compile(r"\byou(?:r)?\b[^.!]*\?$", re.IGNORECASE)
_TO_READER = re.compile(r"\byou(?:r|rself|rs)?\b", re.IGNORECASE)


# a word every phrase of each pattern holds: most lines have none, and a substring test is far
# cheaper than the pattern (ingest tests every paragraph of every page)
_CUES = {_THREAD_OPEN: ("comment", "question", "taking part", "closed", "discussion"),
         _FORM_CALL: ("send us your", "form below", "be published")}


def _notice(p: str, pattern: re.Pattern) -> bool:
    """One of ``pattern``'s phrases, in a line too short to be a story's prose and quoting nobody
    (a story may quote someone calling a debate closed)."""
    low = p.lower()
    return (any(c in low for c in _CUES[pattern]) and len(p.split()) <= 60 and not _QUOTE_MARK.search(p)
            and bool(pattern.search(p)))


def _questions_above(paras: list[str], i: int) -> int:
    """Start of the questions put to readers just above line ``i`` ("Are you in the region?")."""
    top = i
    while top - i < 4 and i > 0 and len(paras[i - 1].split()) <= 25 and _READER_QUESTION.search(paras[i - 1]):
        i -= 1
    return i


def reader_call_lines(paras: list[str]) -> list[int]:
    """Lines of a call for readers' input: the questions put to them, the call, and the notes to
    the reader under it (contact details, terms, "at no time should you endanger yourself").
    A page may go on after the form (a summary, more updates), so the block ends at the first
    line not addressed to the reader."""
    out: list[int] = []
    i = 0
    while i < len(paras):
        if not _notice(paras[i], _FORM_CALL):
            i += 1
            continue
        out.extend(range(_questions_above(paras, i), i + 1))
        i += 1
        while i < len(paras) and len(paras[i].split()) <= 60 and (_TO_READER.search(paras[i]) or _FORM_CALL.search(paras[i])):
            out.append(i)
            i += 1
    return sorted(set(out))


def comments_start(paras: list[str]) -> int:
    """Index of the first paragraph of a reader comment section, else ``len(paras)``.

    Pages saved with their comment thread put it under the article, so from there on the text is
    readers', not the outlet's: its figures and quotes must not become the outlet's claims. The
    section starts at its disclaimer or the note that comments follow (with the questions put to
    readers just above it), else at the first comment signature: a moderation link, or the first
    of two or more comment headers. Missing the thread costs less than cutting a story, so every
    sign is a shape no news text takes."""
    headers = []
    for i, p in enumerate(paras):
        if "bus" in p and _COMMENT_STAMP.search(p):
            break
        if _notice(p, _THREAD_OPEN):
            i = _questions_above(paras, i)
            break
        if _COMMENT_HEADER.match(p):
            headers.append(i)
    else:
        i = len(paras)
    return min(i, headers[0]) if len(headers) >= 2 else i


def _furniture_shaped(line: str) -> bool:
    """Short, or not closed like a sentence: prose that outlets reuse does not qualify."""
    words = len(line.split())
    return words <= 8 or (words <= 25 and not _SENTENCE_END.search(line))


def cross_article_boilerplate(docs_paras: list[list[str]], min_docs: int = 3) -> set[str]:
    """Normalised lines that recur in several articles of one outlet: that outlet's furniture.

    Only short lines count (prose shared by a live blog and its condensed copy is content), and a
    line must appear in at least ``min_docs`` articles and half of the outlet's articles.
    """
    if len(docs_paras) < min_docs:
        return set()
    df: Counter[str] = Counter()
    for paras in docs_paras:
        df.update({norm_line(p) for p in paras if _furniture_shaped(p)})
    need = max(min_docs, (len(docs_paras) + 1) // 2)
    return {k for k, c in df.items() if k and c >= need}


_SHORT_WORDS = frozenset(
    "the and for from with that this these those who what which when where will would could after before over "
    "into about than more most says said have been were their there they them into also just only very".split())


def _content_words(key: str) -> set[str]:
    """Words of a normalised line that carry its topic (4+ letters, not a common function word)."""
    return {w for w in key.split() if len(w) >= 4 and w not in _SHORT_WORDS and not w.isdigit()}


def cross_article_strays(docs_paras: list[list[str]], min_docs: int = 4) -> set[str]:
    """Normalised headline-like lines that sit at the top or bottom of several of one outlet's
    pages and are foreign to most of the pages they sit on: links to other stories ("Two held
    over blaze at harbour warehouse") saved with the page, which recur but are no page's story.

    A line counts when it is short (4-15 words, 3+ topic words), is one of the first or last two
    lines of at least ``min_docs`` pages, and in two thirds of them shares at most a fifth of its
    topic words with the rest of the page. A story's own recurring background sentence shares
    its topic with the story, so it stays."""
    if len(docs_paras) < min_docs:
        return set()
    at_edge: dict[str, list[int]] = {}
    for d, paras in enumerate(docs_paras):
        for p in {*paras[:2], *paras[-2:]}:
            if 4 <= len(p.split()) <= 15:
                at_edge.setdefault(norm_line(p), []).append(d)
    out = set()
    lines: dict[int, list[tuple[str, set[str]]]] = {}  # a page's lines and their topic words, once
    for key, docs in at_edge.items():
        words = _content_words(key)
        if len(docs) < min_docs or len(words) < 3:
            continue
        foreign = 0
        for d in docs:
            if d not in lines:
                lines[d] = [(n, _content_words(n)) for n in map(norm_line, docs_paras[d])]
            rest = set().union(*(w for n, w in lines[d] if n != key))
            foreign += len(words & rest) <= len(words) // 5
        if 3 * foreign >= 2 * len(docs):
            out.add(key)
    return out
