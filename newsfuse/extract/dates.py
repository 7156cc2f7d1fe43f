"""Date phrases in news sentences, resolved against the sentence's reference date.

News writes "on Wednesday", "overnight", "Jan. 5" and "last year" and means a day relative to
when the piece (or the live-blog entry) was published. Rules here are plain regexes: faster
than dateparser and easier to make past-preferring ("Wednesday" in a Thursday story is the day
before; a weekday equal to the publish day's weekday is the publish day itself). The verb of the
clause a phrase sits in decides the direction: "will reopen on Monday", "is due in court on
Friday", "the funeral is on Saturday" and "schools reopen on Monday" look forward; "reopened on
Monday" and a phrase with no verb to go by look back.

Decision on undated sentences: ``extract_happenings`` reports only sentences that carry a date
phrase. An undated past-tense sentence may be background ("The mine has operated since...") or
yesterday's news, so giving it the publish date would invent precision; callers that want that
behaviour pass ``assume_ref_date=True`` (past-tense sentences then get ``ref_date``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from ..ingest.meta import MONTHS, nearest_year
from ..records import Article, Happening
from .language import is_english, numeric_dates
from .speakers import in_quotation

__all__ = ["DatePhrase", "find_date_phrases", "resolve_date", "extract_happenings", "in_side_clause", "Precision"]

Precision = Literal["day", "month", "year", "vague"]

_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))"
# "March 3 last year", "in May next year": the year named relative to the reference date
_REL_YEAR = r"(?:\s+of)?\s+(?P<ry>last|this|next)\s+year"
# "until at least Tuesday" bounds a state like "until Tuesday" (the prep stays "until")
_PREP = r"(?:(?P<prep>on|by|until|till|since|from|in|before|after|as of|through|throughout|for)(?:(?:(?<=until)|(?<=till))\s+at\s+least)?\s+)?"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # Wednesday, Jan. 5, 2022 / Sunday, February 23 / Jan 6 / January 06, 2022
    ("mdy", re.compile(rf"\b{_PREP}(?:(?:early|late)\s+(?:on\s+)?)?(?:{_WD},?\s+)?{_MON}\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
                       rf"(?:\s?,?\s+(?P<y>(?:19|20)\d\d)|{_REL_YEAR})?\b(?!:)", re.I)),
    # 2 January 2022 / Thursday 06 January 2022
    ("dmy", re.compile(rf"\b{_PREP}(?:{_WD},?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\b\.?"
                       rf"(?:,?\s+(?P<y>(?:19|20)\d\d)|{_REL_YEAR})?", re.I)),
    # "March 2021", "in July of 2022"
    ("my", re.compile(rf"\b{_PREP}{_MON}\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b", re.I)),
    ("holiday", re.compile(rf"\b{_PREP}(?:(?:the\s+)?(?P<hol>new\s+year'?s\s+(?:day|eve)|christmas\s+(?:day|eve)))", re.I)),
    ("weekday", re.compile(rf"\b{_PREP}(?P<mod>(?:early|late|last|next|this|(?:by\s+)?the\s+(?:morning|afternoon|evening|night)\s+(?:on|of))\s+)?(?:(?:on|of)\s+)?{_WD}{_PART}?\b", re.I)),
    ("yesterday", re.compile(r"\b(?:(?P<dby>the\s+day\s+before\s+)?yesterday|last\s+night)(?:\s+(?:morning|afternoon|evening))?\b", re.I)),
    ("today", re.compile(r"\b(?:(?:earlier|later)\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)),
    ("tomorrow", re.compile(r"\btomorrow\b", re.I)),
    ("overnight", re.compile(r"\bovernight\b(?!\s+(?!(?:when|as|on|in|to|and|but|while|into|after|before|at|from|the|a|an|"
                             r"clash(?:es)?|fighting|attacks?|raids?|shelling|storms?|fires?|blaze|rain|downpours?|"
                             r"riots?|violence|protests?|strikes?|bombardment|explosions?|blasts?)\b)[a-z])", re.I)),
    # a day of this month: "on the 4th", "on the 2nd of this month"
    ("ordinal", re.compile(r"\b(?P<prep>on)\s+the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?:\s+of\s+(?P<which>this|last|next)\s+month)?"
                            r"(?!\s+(?:floor|storey|story|level|anniversary|time|round|century|minute|hole|lap|day|week|place|"
                            r"birthday|year|attempt|victim|person|consecutive|deck|row|tee|mile|kilomet))", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|ten)\s+(?P<u>days?|weeks?)\s+ago\b", re.I)),
    ("inmonth", re.compile(rf"\b(?P<prep>in|since|until|by|early|late|mid|last)[\s-]+{_MON}\b(?:{_REL_YEAR}\b)?(?!\s+\d)", re.I)),
    ("relperiod", re.compile(r"\b(?P<rel>last|this|next|earlier\s+this|later\s+this|past)\s+(?P<u>week|weekend|month|year)\b", re.I)),
    ("vague", re.compile(r"\b(?:(?:on|at|over)\s+the\s+weekend|recently|in\s+recent\s+(?:days|weeks)|decades?\s+ago|years\s+ago)\b", re.I)),
    ("year", re.compile(r"(?<![\d,.$€£/-])\b(?:(?P<prep>in|since|until|by|from|before|after)\s+)?(?P<y>(?:19|20)\d\d)\b(?![,.]?\d|[-/]\d|\s*(?:people|persons|residents|troops|soldiers|officers|workers|protesters|km|%))", re.I)),
]
# --- tense of the clause a date phrase sits in (see module docstring) ---
_ADV = r"(?:\s+(?:also|now|still|then|only|again|likely|probably|not|never|soon|already|officially|finally))*"
_PAST_IRREGULAR = (
    "said|told|died|began|became|broke|took|fled|fell|struck|left|met|made|went|came|gave|found|held|sent|"
    "saw|spoke|led|won|lost|ran|rose|heard|knew|thought|brought|bought|caught|fought|sought|felt|kept|"
    "swept|built|spent|stood|sold|paid|laid|wrote|drove|flew|threw|grew|drew|blew|chose|froze|woke|tore|"
    "sank|rang|got|sat|hid|dug|stuck|hung|stole|shook|rode|arose|fed|bled|dealt|meant|lit|slid|overran|"
    "withdrew|undertook|overtook|foresaw|forbade|sped|swore|shot")
# after a determiner a verb-like word is a noun or an adjective: "the vote", "a televised address"
_NOT_AFTER_DET = r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\bthis )"
# present-tense verbs of scheduled events, lower case only ("the Aussie Open" is a name): "schools
# reopen on Monday", "the trial begins on Friday"; a bare form after "to", "not" or "did" is an
# infinitive, and bare forms that double as nouns or adjectives ("open", "visit") are left out
_PRES_SCHEDULED = (
    r"(?-i:(?<!\bto )(?<!\bnot )(?<!\bdid )" + _NOT_AFTER_DET +
    r"(?:begins?|starts?|opens|reopens?|resumes?|reconvenes?|closes|takes?\s+place|goes|go\s+to\s+the\s+polls|"
    r"meets|votes|returns|arrives|travels|visits|hosts|kicks?\s+off|expires|ends|"
    r"(?:comes?|enters?)\s+into\s+force|launches|observes|celebrates|gets?\s+under\s+way|"
    r"faces|appears?\s+in\s+court|stands?\s+trial|is\s+(?:on|to\s+be)|are\s+(?:on|to\s+be)))")
_TENSE_CUE = re.compile(
    r"(?:\b|(?='(?:ll|ve|d)\b))(?:"
    # a modal perfect is past: "would have turned 40 on Friday"
    rf"(?P<modperf>(?:would|could|should|might|may|must)(?:n't)?{_ADV}\s+have\s+(?:been\s+)?\w+)"
    # a planned or expected event is ahead
    rf"|(?P<fut>(?:will|shall|won't|would|'ll)(?:n't)?{_ADV}(?:\s+be)?(?:\s+\w+)?(?:\s+(?-i:[a-z]+ed)\b)?"
    rf"|(?:is|are|am)(?:n't)?{_ADV}\s+(?:due|set|scheduled|slated|expected|planned|poised|likely|forecast|predicted|"
    rf"going|to)\b(?:\s+(?:to|for|on|in|at))?(?:\s+be)?(?:\s+\w+)?"
    # "a rally planned for Friday" looks ahead; "who planned to attend" is a past verb
    r"|(?:due|scheduled|slated)\s+(?:to|for|on|in|at|back)\b(?:\s+be)?(?:\s+\w+)?|planned\s+(?:for|on)\b"
    # "forecasters expect the heat to ease"
    r"|expect(?:s|ing)?\s+(?:[\w'’-]+\s+){0,3}?to\s+\w+|(?<!\bwas\s)(?<!\bwere\s)expects?\b"
    # "residents can return home on Monday" (not "police can confirm that on Monday ...")
    r"|can\s+(?!confirm|say|tell|reveal|report|see|hear|only|not|now\s+confirm)[a-z]+"
    r"|(?:plans?|planning|intends?|intending|aims?|hopes?|prepares?|preparing|expected|forecast(?:s|ed)?|"
    r"predicted|set|poised)\s+to(?:\s+be)?\s+\w+"
    r"|going\s+to\s+\w+|upcoming|forthcoming)"
    # was due / was expected: the plan itself is in the past
    rf"|(?P<past>(?:was|were)(?:n't)?{_ADV}\s+(?:due|set|scheduled|slated|expected|planned|supposed|meant|going)\b"
    r"(?:\s+(?:to|for|on|in|at))?(?:\s+be)?(?:\s+\w+)?"
    rf"|(?:has|have|had|'ve|'d)(?:n't)?{_ADV}\s+(?:been\s+)?(?:\w+ed|\w+en|{_PAST_IRREGULAR})"
    rf"|was|were|had|did|ago|{_PAST_IRREGULAR}|{_NOT_AFTER_DET}(?-i:[a-z]{{2,}}ed))"  # "United" is a name
    rf"|(?P<pres>{_PRES_SCHEDULED})"
    r")(?=\W|$)", re.I)
# a day named right after an event that is called for, planned or threatened is the event's day,
# ahead of the call: "unions called for a strike on Thursday", "plans a protest march on Friday"
# (not "called on Thursday for a strike", the day of the call, nor "called for calm on Thursday")
_EVENT_NOUNS = (r"strikes?|walk-?outs?|stoppages?|shutdowns?|protests?|marches|march|rall(?:y|ies)|"
                r"demonstrations?|boycotts?|sit-ins?|vigils?|blockades?|votes?|referend(?:um|a)|elections?|"
                r"ballots?|talks|meetings?|summits?|hearings?|debates?|days?\s+of\s+(?:action|protest|mourning)")
_CALLED_FOR = re.compile(
    r"\b(?:call(?:s|ed|ing)?(?:\s+for)?|plan(?:s|ned|ning)?|urg(?:e|es|ed|ing)|threaten(?:s|ed|ing)?)\s+"
    rf"(?:[\w'’-]+\s+){{0,4}}?(?:{_EVENT_NOUNS})(?:\s+(?:of|against|over|at|in)\s+[\w'’-]+(?:\s+[\w'’-]+)?)?\s*$",
    re.I)
# a date right after a copula is what is being scheduled: "the funeral is on Friday"
_COPULA_BEFORE = re.compile(r"\b(?:is|are)(?:\s+(?:also|now|still|only))?\s*$", re.I)
# clauses: punctuation and the words that open a new clause
_CLAUSE_BREAK = re.compile(
    r"[;()\[\]“”\"—–]|:(?!\d)|,|\b(?:that|which|who|whom|whose|where|and|but|or|while|whereas|although|though|"
    r"because|after|before|when|if|unless)\b", re.I)
# habits are not happenings: "temperatures regularly exceed 45C in August"
_HABITUAL = re.compile(
    r"\b(?:usually|regularly|often|routinely|traditionally|customarily|annually|"
    r"every\s+(?:year|summer|winter|spring|autumn|month|week)|each\s+(?:year|summer|winter|spring|autumn|month|week))\b",
    re.I)
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|added|stated)\s+(?:\w+\s+){0,2}$", re.I)
_DATELINE = re.compile(r"^[A-Z][\w .'’-]{1,30}(?:\([\w .'’-]{1,25}\))?,\s*$")  # "MYRTOS (Kalinos), "
_FURNITURE = re.compile(r"^\s*(?:updated|last\s+updated|published|posted|first\s+published|modified|issued)\b", re.I)
_PAST = re.compile(
    r"\b(?:was|were|had|said|told|died|killed|began|broke|took|fled|fell|struck|left|met|made|went|came|"
    r"gave|found|held|sent|saw|spoke|led|won|lost|ran|rose|set|shot|hit|cut|put|\w{3,}ed)\b", re.I)


@dataclass(frozen=True)
class DatePhrase:
    """A date expression found in text and what it resolves to."""

    start: int
    end: int
    text: str
    date: date | None
    precision: Precision
    prep: str | None = None  # "on", "until", "since", ...


def _weekday(wd: int, ref: date, mode: str) -> date:
    """Past-preferring weekday: same weekday means ref itself; 'last' is strictly before;
    'future' is the next such day (ref itself when it matches), 'next' strictly after."""
    if mode in ("future", "next"):
        delta = (wd - ref.weekday()) % 7
        if mode == "next" and delta == 0:
            delta = 7
        return ref + timedelta(days=delta)
    back = (ref.weekday() - wd) % 7
    if mode == "last" and back == 0:
        back = 7
    return ref - timedelta(days=back)


def _clause(text: str, s: int, e: int) -> tuple[int, int]:
    """Bounds of the clause around text[s:e] (a break inside the phrase, "until Monday", does not count)."""
    start, end = 0, len(text)
    for b in _CLAUSE_BREAK.finditer(text):
        if b.end() <= s:
            start = b.end()
        elif b.start() >= e:
            end = b.start()
            break
    return start, end


_LEAD_WORDS = re.compile(r"\b(?:on|early|late|by|and|but|then|so|now|also|later|earlier|meanwhile|however)\b", re.I)


def _tense(text: str, s: int, e: int) -> str | None:
    """'future', 'past' or None for the phrase text[s:e]: the nearest tense cue before it in its
    clause, else the first after it; a leading phrase ("On Friday, the country will ...") takes
    the next clause's verb, a clause with no verb ("... will resume and run on Monday") the one
    it is joined to by "and"/"or"; past cues count from anywhere before. A possessive ("Monday's
    raid") names an event: only a cue before it in its clause can move it forward."""
    if _SPEECH_BEFORE.search(text[max(0, s - 40):s]):
        return "past"  # "said on Monday" dates the saying
    if _COPULA_BEFORE.search(text[max(0, s - 20):s]):
        return "future"
    cs, ce = _clause(text, s, e)
    cues = [(m.start(), m.end(), {"fut": "future", "pres": "future"}.get(m.lastgroup, "past"), m.lastgroup)
            for m in _TENSE_CUE.finditer(text)]
    # a cue may run into the phrase ("is due on Monday"): where it starts is what counts
    before = next((c for c in reversed(cues) if cs <= c[0] < s), None)
    if before is not None:
        return before[2]
    if re.match(r"['’]s\b", text[e:e + 2]):
        return None
    after = next((c for c in cues if e <= c[0] < ce), None)
    if after is not None:
        return after[2]
    if not re.search(r"[^\W\d_]", _LEAD_WORDS.sub("", text[:s])):
        # a phrase opening the sentence: the verb of the clause that follows it
        nxt = _clause(text, ce + 1, ce + 1) if ce < len(text) else None
        follow = next((c for c in cues if nxt and nxt[0] <= c[0] < nxt[1]), None)
        if follow is not None:
            return follow[2]
    prev = next((c for c in reversed(cues) if c[0] < cs), None)
    if prev is None:
        return None
    if prev[2] == "past" or re.search(r"\b(?:and|or)\s*$", text[:cs]):
        return prev[2]
    if prev[3] == "fut" and not re.search(r"[;:.!?]\s", text[prev[0]:s]):
        return "future"  # "I'll be on air on Friday, then for my show on Saturday night"
    return None


def _resolve(kind: str, m: re.Match, ref: date, future: bool) -> tuple[date | None, Precision]:
    g = m.groupdict()
    if g.get("ry") and not g.get("y"):
        # "March 3 last year": the year is given relative to ref, the day and month as written
        year = ref.year + {"last": -1, "this": 0, "next": 1}[g["ry"].lower()]
        mon = MONTHS[g["mon"].lower()[:3]]
        try:
            return (date(year, mon, int(g["d"])), "day") if g.get("d") else (date(year, mon, 1), "month")
        except ValueError:
            return None, "vague"
    if kind == "iso":
        try:
            return date(int(g["y"]), int(g["m"]), int(g["d"])), "day"
        except ValueError:
            return None, "vague"
    if kind in ("mdy", "dmy"):
        mon = MONTHS[g["mon"].lower()[:3] if g["mon"].lower()[:4] != "sept" else "sep"]
        day = int(g["d"])
        if g.get("y"):
            try:
                return date(int(g["y"]), mon, day), "day"
            except ValueError:
                return None, "vague"
        if not 1 <= day <= 31:
            return None, "vague"
        return nearest_year(mon, day, ref), "day"
    if kind == "my":
        return date(int(g["y"]), MONTHS[g["mon"].lower()[:3]], 1), "month"
    if kind == "inmonth":
        mon = MONTHS[g["mon"].lower()[:3]]
        y = ref.year if mon <= ref.month or future else ref.year - 1
        if g["prep"].lower() == "last":
            y = ref.year - 1 if mon >= ref.month else ref.year
        return date(y, mon, 1), "month"
    if kind == "holiday":
        hol = g["hol"].lower()
        md = (1, 1) if hol.startswith("new") and hol.endswith("day") else (12, 31) if hol.startswith("new") else (
            (12, 25) if hol.endswith("day") else (12, 24))
        return nearest_year(md[0], md[1], ref), "day"
    if kind == "weekday":
        mod = (g.get("mod") or "").strip().lower()
        wd = _WEEKDAYS[g["wd"].lower()]
        if mod == "last":
            return _weekday(wd, ref, "last"), "day"
        if mod == "next":
            return _weekday(wd, ref, "next"), "day"
        if future:
            return _weekday(wd, ref, "future"), "day"
        return _weekday(wd, ref, "past"), "day"
    if kind == "ordinal":
        day, which = int(g["d"]), (g.get("which") or "").lower()
        months = {"last": -1, "next": 1, "this": 0}.get(which)
        if months is None:  # the latest such day on or before the reference (the next one ahead)
            months = 0 if (day <= ref.day) != future else (1 if future else -1)
        y, mo = divmod(ref.year * 12 + ref.month - 1 + months, 12)
        try:
            return date(y, mo + 1, day), "day"
        except ValueError:
            return None, "vague"
    if kind == "yesterday":
        return ref - timedelta(days=2 if g.get("dby") else 1), "day"
    if kind in ("today", "overnight"):
        return ref, "day"
    if kind == "tomorrow":
        return ref + timedelta(days=1), "day"
    if kind == "ago":
        n = g["n"].lower()
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}.get(n) or int(n)
        return ref - timedelta(days=n * (7 if g["u"].lower().startswith("week") else 1)), "day"
    if kind == "relperiod":
        rel, unit = g["rel"].lower(), g["u"].lower()
        if unit == "year":
            off = {"last": -1, "past": -1, "next": 1}.get(rel, 0)
            if rel in ("past", "this"):
                # "this year" is the running year: it says no more than the publish date does
                return None, "vague"
            return date(ref.year + off, 1, 1), "year"
        if unit == "month":
            if rel == "past":
                return None, "vague"
            off = {"last": -1, "next": 1}.get(rel, 0)
            y, mo = divmod(ref.year * 12 + ref.month - 1 + off, 12)
            return date(y, mo + 1, 1), "month"
        return None, "vague"
    if kind == "year":
        return date(int(g["y"]), 1, 1), "year"
    return None, "vague"


_TITLE_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z]+)\b(?<!January)(?<!February)(?<!March)(?<!April)(?<!May)(?<!June)"
                          r"(?<!July)(?<!August)(?<!September)(?<!October)(?<!November)(?<!December)")


@lru_cache(maxsize=1024)
def find_date_phrases(text: str, ref: date | None) -> tuple[DatePhrase, ...]:
    """Every date phrase in ``text``, longest match first where they overlap, left to right.

    Without a ``ref`` only absolute dates (with a year) resolve; the rest come back vague.
    Memoised (immutable result): claims, the learned reader, happenings and the as-of date all
    ask about the same sentence, and this scan (with its tense look-ups) is the costly part.
    """
    taken: list[tuple[int, int]] = []
    found: list[DatePhrase] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "year" and re.match(r"\s*(?:hours?|days?|people|years?)", text[e:e + 8], re.I):
                continue
            if kind == "weekday" and not m.group("prep") and not m.group("mod") and _TITLE_AFTER.match(text, e):
                continue  # "the Sunday Echo", "Monday Night Football": a name
            future = kind in ("weekday", "inmonth", "relperiod", "ordinal") and (
                _tense(text, s, e) == "future" or (m.groupdict().get("prep") or "").lower() == "for"
                or bool(_CALLED_FOR.search(text[max(0, s - 120):s])))
            prep = (m.groupdict().get("prep") or "").lower() or None
            if ref is None:
                if kind in ("iso",) or (kind in ("mdy", "dmy") and m.groupdict().get("y")) or kind in ("my", "year"):
                    d, p = _resolve(kind, m, date(2000, 1, 1), False)
                else:
                    d, p = None, "vague"
            else:
                d, p = _resolve(kind, m, ref, future)
            taken.append((s, e))
            found.append(DatePhrase(s, e, m.group(), d, p, prep))
    found.sort(key=lambda x: x.start)
    return tuple(found)


def resolve_date(phrase: str, ref: date) -> tuple[date | None, Precision]:
    """Resolve one phrase ("on Wednesday", "Jan. 2", "last year") against ``ref``."""
    for dp in find_date_phrases(phrase, ref):
        return dp.date, dp.precision
    return None, "vague"


# a bare day word in a direct quotation is the speaker's now: the opened sets label these null 7 to 2 (round 17)
_SPEAKERS_DAY = re.compile(r"today|tonight|this\s+(?:morning|afternoon|evening)", re.I)
# ... unless a clock time pins it: "went down at six this morning"
_CLOCK_BEFORE = re.compile(r"\b(?:at\s+(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|one|two|three|four|five|six|seven|"
                           r"eight|nine|ten|eleven|twelve)(?:\s+o'clock)?)\s+$", re.I)
_RUNNING = re.compile(r"\b(?:so\s+far|thus\s+far)\s*,?\s*$", re.I)


# what is left of a masthead or byline once its date is taken out: a few capitalised words
_MASTHEAD_REST = re.compile(r"^(?:by\s+)?(?:[A-Z][\w'’&.-]*\s*){0,6}$")


# one piece of a release's heading: capitalised words, joiners and the name of the document
_RELEASE_PIECE = re.compile(r"^[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|and|of|for|the|on|press|news|media|release|"
                            r"statement|update|bulletin|notice|briefing))*$")
_STAMP_BITS = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?:\s*(?:[A-Z]{2,5}|am|pm))?|^\s*(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|"
                         r"Fri|Sat|Sun)\b\.?")


def _masthead(text: str, phrases: list[DatePhrase]) -> bool:
    """'Dunmore Courier, Wednesday 22 January 2025' or a bare date line: page furniture, no event."""
    if not phrases or re.match(r"\s*[-–—]", text):
        return False  # "-- Senator X, Dec. 20, 2007." signs a quotation
    rest, at = "", 0
    for dp in phrases:
        rest, at = rest + text[at:dp.start] + " ", dp.end
    rest += text[at:]
    rest = _STAMP_BITS.sub(" ", rest)  # "Sat 2 Aug 2025, 18:05": the time and the short weekday are furniture too
    pieces = [p.strip() for p in re.split(r"[,|•·–—/-]", rest) if p.strip(" .")]
    if "|" in text and len(pieces) <= 4 and all(_MASTHEAD_REST.match(p.strip(" .")) for p in pieces):
        return True  # "NEWS RELEASE | Coastguard Centre | 2024-06-22"
    if 1 < len(pieces) <= 4 and not text[phrases[-1].end:].strip(" ."):
        # "Coastguard – Press Statement – Wexholm, 15 October 2025", "Fire Service – Incident update, 3 June 2026":
        # a release's heading, labelled null in review16 and review17 (4 of 4)
        return re.search(r"[,–—]\s*$", text[:phrases[-1].start]) is not None and all(
            _RELEASE_PIECE.match(p.strip(" .")) for p in pieces)
    return len(pieces) <= 1 and all(_MASTHEAD_REST.match(p.strip(" .")) for p in pieces) and (
        not pieces or bool(re.search(r"[,|•·–—/-]\s*$", text[:phrases[0].start])))


def _habitual(text: str, dp: DatePhrase) -> bool:
    """A relative date in a clause that states a habit: 'usually floods in March'."""
    if re.search(r"(?:19|20)\d\d", dp.text):
        return False
    cs, _ = _clause(text, dp.start, dp.end)
    return bool(_HABITUAL.search(text, cs, dp.start))


# an aside about the subject's past opens with a comma and a relative pronoun or a participle
_BACKGROUND_ASIDE = re.compile(r",\s+(?:which|who|that)?\s*(?:was\s+|were\s+|had\s+been\s+)?(?:first\s+|originally\s+)?"
                               r"(?:built|opened|founded|established|erected|completed|launched|set\s+up|created|"
                               r"constructed|inaugurated|born|elected|appointed|renovated|formed)\s+[^,;]{0,30}$", re.I)


# a side clause set off by commas after the subject: a relative clause ("The minister, who took office
# on 3 May, resigned on Tuesday") or a participle ("The suspect, arrested on Monday, appeared ..."):
# its date is the subject's past, the main clause's date is the happening's
_SIDE_CLAUSE = re.compile(r",\s+(?:(?:who|which|whose|whom|where)\b|(?:\w+ly\s+)?(?:\w+ed|" + "|".join(
    ("born", "built", "chosen", "given", "held", "hit", "known", "made", "seen", "set", "shot", "sworn", "taken",
     "won", "written")) + r")\b)[^,;()]{0,80}$", re.I)


# "since 14:20 on Sunday", "the highest since records began in 1961"
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:\d{1,2}[:.]\d{2}\s*(?:[ap]m\s+)?|(?:records|measurements|monitoring)\s+"
                           r"(?:began|started)\s+)?$", re.I)


_BASELINE_DATE = re.compile(r"\b(?:compared\s+(?:with|to)|against|up\s+from|down\s+from|versus)\s+[^,;:.]{0,50}$", re.I)
# "3,400 have been evacuated, up from roughly 1,200 on Wednesday": the day of an earlier figure.
# The labelled sets date such a sentence by that day (every writer did), so happenings keep it;
# a brief's timeline does not let it stand for the day (see ``dates_earlier_figure``).
_EARLIER_FIGURE_DAY = re.compile(
    r"\b(?:up|down|rising|risen|falling|fallen)\s+from\s+(?:(?:about|around|roughly|some|nearly|almost|"
    r"at\s+least|more\s+than|fewer\s+than|just)\s+)?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|dozens|hundreds|thousands)\b(?:\s+[a-z]+){0,3}\s+$", re.I)


def dates_earlier_figure(text: str, phrase: str) -> bool:
    """Does ``phrase`` in ``text`` give the day of an earlier figure ("up from 1,200 on Wednesday")?"""
    at = text.find(phrase)
    return at >= 0 and _EARLIER_FIGURE_DAY.search(text, max(0, at - 60), at) is not None


def looks_ahead(text: str, phrase: str) -> bool:
    """Does ``text`` put the day of ``phrase`` ahead ("the trial will open on 3 March", "is due
    on Friday")? A day after the article was written can only be a plan or a forecast; without
    such a cue it is page furniture (a reader comment's stamp) or a typing slip."""
    at = text.find(phrase) if phrase else -1
    return at >= 0 and _tense(text, at, at + len(phrase)) == "future"


def in_side_clause(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Is the date at [start, end) in an aside about the subject's past (a dated background aside,
    a relative or participle clause) that a comma closes before another date of the sentence
    (``spans``) that is not ahead? Then the main clause's date is the happening's; a plan in the
    main clause ("..., which buckled on Monday, will reopen on Friday") leaves the aside's."""
    if not (_BACKGROUND_ASIDE.search(text, 0, start) or _SIDE_CLAUSE.search(text, max(0, start - 100), start)):
        return False
    comma = text.find(",", end)
    return comma != -1 and comma - end < 30 and any(s > comma and _tense(text, s, e) != "future" for s, e in spans)


def happening_phrase(text: str, ref: date | None) -> DatePhrase | None:
    """The date phrase a sentence's happening is dated by: the first that is not 'until'/'since'."""
    if _FURNITURE.match(text):
        return None
    vague = None
    phrases = find_date_phrases(text, ref)
    if _masthead(text, phrases):
        return None
    if len(phrases) > 1 and _DATELINE.match(text[:phrases[0].start]) and phrases[0].start < 50:
        phrases = phrases[1:]  # "DARVAN, November 5. /Agency/." is when it was filed, not what happened
    if len(phrases) > 1:
        # "The mall, which opened in 2008, was fined last year": a dated aside is background
        # (likewise a date in any side clause, when the main clause has a date of its own)
        spans = [(dp.start, dp.end) for dp in phrases]
        phrases = [dp for dp in phrases if not in_side_clause(text, dp.start, dp.end, spans)] or phrases
    if any(dp.precision == "day" for dp in phrases):
        # "this month: on the 4th, ...": the day says more than the running month
        phrases = [dp for dp in phrases if dp.text.lower() not in ("this month", "this week", "later this month")]
    running_year = False
    for dp in phrases:
        if dp.prep in ("until", "till", "since", "before") or (dp.prep == "through" and " the " not in dp.text):
            continue  # ("worked through the night on Thursday" is dated by Thursday)
        if _SINCE_BEFORE.search(text, max(0, dp.start - 32), dp.start):
            continue  # "erupting since yesterday"
        if dp.precision in ("year", "month") and _BASELINE_DATE.search(text, max(0, dp.start - 60), dp.start):
            continue  # "62 have died, compared with 31 in the same weeks of last year": the baseline's date
        if _habitual(text, dp) or (running_year and dp.precision == "year"):
            continue
        running_year = running_year or dp.text.lower() == "this year"
        if _SPEAKERS_DAY.fullmatch(dp.text) and in_quotation(text, dp.start) \
                and not _CLOCK_BEFORE.search(text, max(0, dp.start - 20), dp.start) \
                and _tense(text, dp.start, dp.end) != "future":
            # "“... and today we have shut it down,” she said": the speaker's day, not a dated happening
            # ("we expect it to peak tonight" is a forecast and stays dated)
            continue
        if _RUNNING.search(text[max(0, dp.start - 12):dp.start]) and dp.text.lower().startswith("this"):
            continue  # "so far this year" is a running total's window, not when something happened
        if dp.date is None:
            vague = vague or dp
            continue
        return dp
    return vague


def extract_happenings(article: Article, assume_ref_date: bool = False) -> list[Happening]:
    """Sentences reporting something on a resolvable date (see module note on undated ones)."""
    if not is_english(article):
        return _numeric_only(article)
    out: list[Happening] = []
    for s in article.sentences:
        dp = happening_phrase(s.text, s.ref_date)
        if dp is not None:
            out.append(Happening(article.id, s.index, s.text, dp.date, dp.text, dp.precision))
        elif assume_ref_date and s.ref_date and _PAST.search(s.text) and len(s.text.split()) > 5:
            out.append(Happening(article.id, s.index, s.text, s.ref_date, None, "day"))
    return out


def _numeric_only(article: Article) -> list[Happening]:
    """Not English: only numeric dates are trusted (ISO, 14.05.2024, 2024年5月14日), the first per sentence."""
    out = []
    for s in article.sentences:
        found = numeric_dates(s.text)
        if found:
            _start, _end, written, d = found[0]
            out.append(Happening(article.id, s.index, s.text, d, written, "day"))
    return out


def month_days(year: int, month: int) -> int:
    """Days in a month (kept for callers that widen month-precision dates)."""
    return calendar.monthrange(year, month)[1]
