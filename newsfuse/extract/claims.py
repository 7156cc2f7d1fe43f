"""Numeric claims: a number bound to what it counts and what happened to it.

For each amount found by ``numbers.find_numbers`` we read the noun phrase after it ("police
officers", "of protesters"), then look for the event: first directly before the number
("killing at least 42", "the deaths of 10", "the death toll stood at 13"), then forward in
the same clause ("... were killed", "... and dozens of protesters died"), stopping at another
predicate ("flights were cancelled and dozens were injured"). A number with neither an event
nor a duration unit is not a claim, which is what drops years, ages, populations and other
furniture. Bare counts ("150 were injured", "the toll rose to 16") take the category of the
previous claim in the sentence (a vague one only when it says "more"/"others" or shares the
event), else (exact figures only) of the article's last claim about the same event, else
"people". Parts of a figure ("three of them firefighters", "three of the injured were flown to
hospital") and restatements ("put the figure at 92,000") are read too. The group comes from the
counted noun, never from who is quoted or credited with the figure. A present state ("are still
missing") is as of the reference date, whatever a subordinate clause dates. A count with a verb of
its own ("... and 23 were pulled alive") is never a bare list item; counts of things (destroyed,
damaged) never borrow a group of people nor lend theirs to people; a figure dated to an earlier
period does not borrow the article's group. Round 3: a number inside a prepositional modifier ("people
from 11 villages") does not end the subject; an "including" aside never lends its group; an unknown
group is named by its head without leading adjectives ("heavy excavators" -> "excavators"); a sending
verb with a hospital destination is an admission; "put the death toll / number of X at N" restates;
a release that is only demanded is no event.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace

from ..records import Article, Claim
from .dates import find_date_phrases, happening_phrase
from .language import amount_qualifier, is_english, language_of, unit_amounts
from .lexicon import _EV_PATTERN_RES, NOT_GROUPS, PERSON_CATEGORIES, THING_CATEGORIES, UNITS_OF_MACHINES, EVENT_NOUNS, EVENT_RE, category_of, event_of, quantity_key, split_key
from .numbers import NUMBER_WORDS, NumberMention, find_numbers
from .quotes import in_quotation
from .speakers import ArticleContext, counted_by, find_attribution

__all__ = ["extract_claims", "claims_in_sentence", "rule_claims"]

_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][\w'’-]*|\d+(?:[.,]\d+)*|--|[^\w\s]")
_STOP_NP = {
    "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "from", "for", "with", "by", "as",
    "were", "was", "is", "are", "be", "been", "being", "have", "has", "had", "will", "would", "could",
    "who", "that", "which", "while", "when", "after", "during", "since", "among", "including",
    "still", "also", "reportedly", "allegedly", "all", "more", "other", "others", "so", "far", "had",
    "remain", "remained", "remains", "than", "into", "near", "over", "under", "feared", "believed",
    "said", "says", "told", "officially", "now", "already", "there", "their", "its", "his", "her",
    "them", "whom", "these", "those", "then", "further", "another", "out", "up", "alive", "ashore",
    "about", "around", "nearly", "some", "suffered", "sustained", "received", "went", "got",
    # time and manner adverbs end the counted phrase: "detained 112 people overnight"
    "overnight", "yesterday", "today", "tonight", "again", "briefly", "seriously", "critically",
    "badly", "severely", "slightly", "lightly", "gravely", "last", "this", "early", "late",
    # a modal opens the predicate: "15 people may still be trapped"
    "may", "might", "must", "can", "should", "shall",
    # a preposition ends it too: "thousands of people along the coast"
    "along", "across", "outside", "inside", "throughout", "aboard", "beyond", "amid", "amidst", "without",
    "within", "through", "below", "above", "beneath", "onto", "towards", "toward", "via", "behind", "beside", "despite", "before", "until", "because", "unless",
    # verbs of the forces' own predicate: "300 police officers sealed off the old town"
    "sealed", "cordoned", "surrounded", "attended", "stood", "battled", "tackled", "fought", "came", "ran", "spent",
    "nearby", "off", "underground",
    # a relative clause about something else: "residents whose homes lost power" counts residents
    "whose",
    # a conjunction or a verb of saying opens another clause: "2,200 marines but correspondents say ..."
    "but", "say",
    # a personal pronoun opens a relative clause: "9 geologists they had held"
    "they", "we", "you", "he", "she", "it",
    # where or how often, not who: "has killed 306 worldwide", "kills 500,000 people globally every year"
    "worldwide", "globally", "annually", "nationwide", "countrywide", "every",
    # "412 homes were flooded and 37 totally destroyed"
    "totally", "completely", "partially", "partly", "entirely",
    # a place adverb or a relative of place: "120 homes here have been damaged", "58 properties where roofs ..."
    "here", "there", "where",
    # tabloid verbs: "9 kids land in hospital"
    "land", "landed", "lands",
}
# "Eleven passengers remain in hospital, one seriously": a degree adverb after a bare number
# describes part of the figure already counted, it is not a new claim
_IN_CONDITION = re.compile(r"\s+in\s+(?:a\s+)?(?:\w+\s+)?(?:condition|state)\b", re.I)
_DEGREE = {"seriously", "critically", "badly", "severely", "slightly", "lightly", "gravely", "fatally"}
# a number that is the object of one of these counts places or things, not the event's subject:
# "Passengers on 240 cancelled flights are stranded", "Pupils at two schools were sent home"
_PLACE_PREP = {"on", "in", "at", "from", "across", "near", "into", "inside", "aboard", "onto", "off",
               "between", "for"}
_SPEECH_AFTER = {"said", "say", "says", "told", "reported", "confirmed", "added", "stated", "announced",
                 "estimated", "wrote", "tweeted", "posted", "warned", "claimed", "noted"}
# crowd nouns and verbs that govern a count from the left: "a rally of some 20,000 people"
_CROWD_BACK = {"rally", "rallies", "march", "marches", "demonstration", "gathering", "procession",
               "vigil", "participation", "attendance", "drew", "attracted", "picket", "mobilisation", "mobilization",
               "sit-in", "blockade",
               # "police used tear gas to disperse about 300 of them"
               "disperse", "dispersed", "dispersing"}
_HARD_STOP = {";", ":", "(", ")", "“", "”", '"', "—", "–", "--", "but", "while", "when", "after",
              "because", "said", "says", "told", "that", "which", "although", "though", "since",
              "according", "if", "whereas", "before", "as", "until"}
# verbs that move or state a running total: "the toll has risen to", "stood at"; live-page headlines
# speak in the present ("Death toll rises to 18"), translated copy ascends ("ascended to 22", "amounts to 40")
_TOLL_MOVES = {"risen", "rose", "climbed", "reached", "hit", "jumped", "increased", "stood", "stands", "stand",
               "rises", "climbs", "reaches", "hits", "jumps", "increases", "ascended", "ascends", "amounted", "amounts",
               "doubled", "tripled", "trebled",
               "rising", "climbing", "reaching", "revised", "corrected", "lowered", "raised", "fell", "fallen",
               "dropped"}
_BRIDGE_BACK = _TOLL_MOVES | {"the", "a", "an", "additional", "extra", "had", "has", "have", "was", "is", "are", "were", "be", "been", "now",
                "to", "at", "of", "there", "officially", "already", "only", "further", "another",
                "all", "official", "among", "total", "some", "reported", "confirmed", "risen",
                # "the crowd has swelled to perhaps 15,000"
                "swelled", "swollen", "grown", "grew", "down", "up", "included", "include", "includes", "estimated", "calculated",
                # "liberated this Thursday 27 students" (translated copy puts the day first)
                "this", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                # a figure in scare quotes: 'reported treating “dozens” of demonstrators'
                "“", '"',
                # an adverb between a toll's verb and its figure: "has risen overnight to 11"
                "overnight", "again", "sharply", "steadily"}
_TOLL_VERBS = _TOLL_MOVES | {
    # a toll that "passes 2,000" is more than 2,000
    "passes", "passed", "passing", "surpasses", "surpassed", "exceeds", "exceeded", "tops", "topped",
    "crosses", "crossed"}
_OVER_VERBS = re.compile(r"\b(?:pass(?:es|ed|ing)?|surpass(?:es|ed)?|exceed(?:s|ed)?|tops|topped|cross(?:es|ed))\s+$", re.I)
# "The ministry put the figure at 92,000" restates the figure the article just gave
_RESTATED = re.compile(r"\b(?:put|puts|putting|placed|places|set|sets|estimated|estimates)\s+"
                       # "put last night's turnout at 40,000"
                       r"(?:the|its|their|this|that|(?:(?:last|this|the)\s+)?[\w-]+['’]s)\s+"
                       r"(?P<what>(?:(?:overall|total|official|latest|final|provisional|combined)\s+)?(?:death\s+)?toll|(?:number|total)\s+of\s+[^,.;:]{1,70}?|"
                       # "put the number taking part in the strike at 1,850", "the number on strike at 19,000"
                       r"number\s+(?:(?:taking|who\s+took)\s+part\s+in|who\s+(?:joined|went\s+on))\s+[^,.;:]{1,40}?|number\s+on\s+strike|"
                       r"figure|number|total|tally|"
                       r"count|estimate|(?:crowd|turnout|attendance)(?:\s+[^,.;:]{1,50}?)?)(?:\s+(?:higher|lower|even\s+higher|"
                       r"slightly\s+higher))?\s*,?\s+at\s+$", re.I)
# "bringing the total to 23", "raised the death toll from Sunday's tornadoes to 11": a new total
_BROUGHT_TO = re.compile(r"\b(?:bringing|brings|brought|taking|takes|took|raising|raises|raised|pushing|pushes|pushed|"
                         r"lifting|lifts|lifted)\s+(?:the|its|their)\s+(?P<what>(?:death\s+)?toll|(?:number|total)\s+of\s+"
                         r"[^,.;:]{1,50}?|(?:number|total)\s+[a-z]+(?:\s+(?:so\s+far|today|overall|in\s+all))?|figure|number|total|"
                         r"tally|count)"
                         r"(?:\s+(?:from|for|in|since)\s+[^,.;:]{1,50}?)?\s+to\s+$", re.I)
# verbs that carry people out of danger: "pulled 12 survivors from the rubble"
_PULLED = {"pulled", "plucked", "carried", "extracted",
           # a bare infinitive: "helped pull six people out"
           "pull", "carry",
           # headlines speak in the present: "Grandad pulls SIX from blazing house"
           "pulls", "plucks", "extracts"}  # not "dragged": police drag protesters too
# hedges and participles in front of an unknown head: "suspected smugglers", "water-bombing aircraft"
_HEDGES = {"suspected", "alleged", "presumed", "would-be", "so-called", "reported", "apparent"}
# heads that name no group by themselves: "suspected members of a cartel"
_GENERIC_HEADS = {"members", "associates", "affiliates", "operatives", "accomplices"}
# adjectives in front of an unknown head, known by their ending or as common words of size and kind
_ADJ_SUFFIX = ("al", "ous", "ive", "ful", "less", "ic", "able", "ible", "ary", "ish")
_ADJECTIVES = {"heavy", "light", "large", "small", "big", "huge", "new", "old", "extra", "additional", "more",
               "specialist", "elite", "private", "foreign", "local", "other", "several", "many", "few", "modern",
               "elderly", "young", "older", "younger", "teenage"}


def _adjective(word: str) -> bool:
    """'heavy', 'military', 'mechanical': a modifier to drop from an unknown group's name."""
    return word in _ADJECTIVES or (len(word) > 5 and word.endswith(_ADJ_SUFFIX))


# an event that is asked for has not happened: "kidnappers demanded the release of 20 fighters"
_WANTED = re.compile(r"\b(?:demand\w*|call\w*\s+for|calls\s+for|seek\w*|sought|urg\w*|ask\w*\s+for|plann?\w*)\s+"
                     r"(?:the\s+)?(?:immediate\s+|swift\s+)?(?:release|freeing|evacuation|return|deployment)\s+of\s+$", re.I)
# an event still being weighed: "decide whether to evacuate dozens of rigs"
_WEIGHED = re.compile(r"\bwhether\s+(?:or\s+not\s+)?to\s+[a-z]+\s+$", re.I)
# a count described by its hurt and then sent somewhere: "11 with injuries were transported to the hospital"
_HURT_SENT = re.compile(r"\s+(?:[a-z]+\s+)?with\s+(?:[a-z]+\s+)?(?:injuries|wounds|burns|fractures)\s+"
                        r"(?:were|was|have\s+been|had\s+been)\s+(?:[a-z]+\s+)?(?:taken|transported|rushed|brought|sent|"
                        r"flown|airlifted|carried|driven|admitted)\s+", re.I)
# the destination that turns a verb of sending into a hospital admission
_TO_HOSPITAL = re.compile(r"to\s+(?:a\s+|the\s+)?(?:[\w'-]+\s+){0,3}?(?:hospitals?|clinics?|infirmary|"
                          r"(?:burns?|trauma)\s+units?)\b", re.I)
# a state in the present tense is as of the reference date, whatever the subordinate clause dates
_PRESENT_STATE = re.compile(
    r"^(?:are|is|remain|remains)\s+(?:(?:still|now|currently|all|also|yet)\s+)*(?:missing|unaccounted|trapped|"
    r"stranded|in\s+hospital|hospitali[sz]ed|in\s+custody|homeless|displaced|in\s+shelters|without\s+power|"
    r"in\s+(?:a\s+)?(?:critical|serious|stable)\s+condition|critical)\b", re.I)
_PREDICATE = re.compile(r"\b(?:are|is|remain|remains|remained|were|was|have|has|had)\b", re.I)
# the verb of another predicate between a count and an event word: "Hundreds of flights were cancelled
# and dozens were injured" -- "cancelled" is what happened to the flights
_BE_PRED = re.compile(
    r"\b(?:were|was|are|is|been|be|remain|remains|remained)\s+((?:(?:\w+ly|later|also|still|all|then|now|being|"
    r"either|both|not|never|already|again|since|reported|confirmed|feared|believed|thought|presumed|said|known|considered|"
    r"found|listed|declared|pronounced|to|have|be|been|officially|left)\s+|among\s+(?:the\s+|those\s+)?|(?<=listed\s)as\s+|(?<=registered\s)as\s+|(?<=confirmed\s)as\s+)*)([\w'-]+)", re.I)
_CHAIN = {"and", "or", "plus", ","}
# verbs in their base form govern a count only after "to" or a modal: "to rescue 18 people" (the word
# alone is often a noun: "18 rescue workers")
_BASE_VERBS = {"rescue": "rescued", "evacuate": "evacuated", "free": "released", "release": "released",
               "deploy": "deployed", "send": "deployed", "arrest": "detained", "detain": "detained"}
# the endings of nouns for people by their trade: "collectors", "cleaners", "cashiers", "machinists"
_AGENT_NOUN = ("ers", "ors", "ists", "ians")
_CAPTURED = re.compile(r"\bcaptured\b", re.I)
_ASIDE_END = {"were", "was", "have", "had", "has", "are", "needed", "required"}
# a count followed by a verb of its own is not a bare item of a list: "61 were killed and 23 were pulled
# from the wreckage", "... and 9,000 customers remain without power"
_OWN_PREDICATE = {"were", "was", "are", "is", "have", "has", "had", "remain", "remains", "remained", "will",
                  "would", "could", "may", "might"}
# events that befall things, not people: a bare count of people does not borrow a group of things
_THING_EVENTS = {"destroyed", "damaged", "flooded"}
_OTHERS = {"others", "more", "other"}
# events that befall only people
_PERSON_EVENTS = {"killed", "injured", "hospitalised", "detained", "charged", "striking"}
# "in the last 24 hours" is a window, not a duration; "due to last 72 hours" is one
_HOURS_WINDOW = re.compile(r"\b(?:next|past|(?<!\bto\s)(?<!\bwill\s)(?<!\bcould\s)(?<!\bwould\s)(?<!\bmay\s)"
                           r"(?<!\bmight\s)(?<!\bcan\s)last|coming|within|every|first|in)\s+$"
                           # "rose two metres in less than an hour", "300 mm in 24 hours": a time frame
                           r"|\b(?:in|within)\s+(?:less\s+than|under|just|only|barely)\s+$", re.I)


@dataclass
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _np_after(toks: list[_Tok], i: int, vague: bool, ev_starts: frozenset = frozenset()) -> tuple[list[_Tok], int, bool]:
    """Noun phrase starting at token i; returns (words, next index, is_subset 'of them')."""
    j = i
    if j < len(toks) and toks[j].low in ("“", "”", '"'):
        j += 1
    if j < len(toks) and toks[j].low == "of":
        nxt = toks[j + 1].low if j + 1 < len(toks) else ""
        if nxt in ("them", "whom", "those", "these", "which"):
            if nxt in ("those", "these") and j + 2 < len(toks) and event_of(toks[j + 2].low):
                return [], j + 3, True  # "Eleven of those arrested have been charged": the part's own verb follows
            return [], j + 2, True
        j += 1
        if j < len(toks) and toks[j].low in ("the", "its", "their", "his", "her", "our"):
            j += 1
            if j + 1 < len(toks) and toks[j].low.endswith(("'s", "’s")) and toks[j + 1].text[0].isdigit():
                j += 1  # "900 of the site's 1,050 employees": the owner, then the whole
        if j + 1 < len(toks) and (toks[j].text[0].isdigit() or toks[j].low in NUMBER_WORDS) and toks[j + 1].text[0].isalpha():
            j += 1  # "seven of the 12 boys on board": the group is the container's
        if (j + 1 < len(toks) and (toks[j].low.endswith("ed") or toks[j].low == "missing") and event_of(toks[j].low)
                and category_of([toks[j + 1].text])[0]):
            j += 1  # "Eleven of the freed hostages", "two of the missing divers": the group, not the event that made them
    if (j + 1 < len(toks) and toks[j].low in ("other", "more", "further", "additional", "nearby") and toks[j + 1].text[0].isalpha()
            and toks[j + 1].low not in _STOP_NP and not event_of(toks[j + 1].low) and toks[j + 1].low not in EVENT_NOUNS):
        j += 1  # "injuring four other people", "12 more soldiers", "three nearby villages": the group is the noun after
    words: list[_Tok] = []
    while j < len(toks) and len(words) < 4:
        t = toks[j]
        if (not t.text[0].isalpha() or t.low in _STOP_NP or event_of(t.low) or t.low in EVENT_NOUNS
                or t.start in ev_starts):
            if t.low in EVENT_NOUNS and not words:
                words.append(t)
                j += 1
            break
        if words and (t.low in _NOT_NOUNS or t.low in _IRREGULAR_PARTICIPLES or (t.low.endswith("ed") and len(t.low) > 4)) \
                and category_of([w.text for w in words])[0]:
            break  # "14 soldiers lay scattered", "three prison officers needed treatment": the group ends at its verb
        if t.low.endswith("ed") and len(t.low) > 4:
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if not (nxt and nxt.text[0].isalpha() and nxt.low not in _STOP_NP and not event_of(nxt.low)
                    and not nxt.low.endswith("ed")):
                break
        words.append(t)
        j += 1
    if words and words[0].low in _OTHERS:
        return words[:1], j, False
    return words, j, False


_ARMED = frozenset({"security forces", "troops"})


def _mixed_group(toks: list[_Tok], j: int, cat: str, numbers_at: set[int],
                 ev_starts: frozenset = frozenset()) -> str | None:
    """The group of one figure for two groups: 'Dozens of police and civilians died' counts people;
    '600 police officers and soldiers' are security forces. None when the figure has one group."""
    if j >= len(toks) or toks[j].low != "and" or j + 1 in numbers_at:
        return None
    # the second group ends where the verb begins: "soldiers and police officers took part in the raid"
    other, _, _ = _np_after(toks, j + 1, False, ev_starts)
    if not other:
        return None
    ocat, _ = category_of([t.text for t in other])
    if ocat is None or ocat == cat or {cat, ocat} & THING_CATEGORIES:
        return None  # "four helicopters and sniffer dogs": the figure counts the helicopters
    return "security forces" if {cat, ocat} <= _ARMED else "people"


def _own_verb(toks: list[_Tok], j: int) -> bool:
    """A past-tense verb that is no event right after a figure's noun phrase (or its 'and <group>'):
    "..., and about 600 police officers and soldiers surrounded the prison" has a predicate of its own."""
    if j < len(toks) and toks[j].low == "and":
        more, k, _ = _np_after(toks, j + 1, False)
        j = k if more else j
    return j < len(toks) and toks[j].low.endswith("ed") and not event_of(toks[j].low)


def _forward_reach(toks: list[_Tok], j: int, numbers_at: set[int], limit: int = 8,
                   ev_starts: frozenset = frozenset()) -> int:
    """Char offset up to which an event after the noun phrase still belongs to this number."""
    count = 0
    end = toks[j - 1].end if j > 0 else 0

    def aside_end(k: int) -> bool:
        # the aside closes on a comma before the count's own verb: "..., were arrested", "..., lost their lives"
        return (toks[k].low == "," and k + 1 < len(toks)
                and (toks[k + 1].low in _ASIDE_END or toks[k + 1].start in ev_starts))

    part_aside = False  # the list step walked into ", N of them ..."
    # the count itself stands in an aside: "Reinforcements, including some 200 soldiers, were sent"
    in_aside = any(toks[k].low in ("including", "among") and toks[k - 1].low == ","
                   and (k + 1 in numbers_at or toks[k + 1].low in _QUALIFIER_WORDS) for k in range(max(1, j - 8), j - 1))
    while j < len(toks) and count < limit:
        t = toks[j]
        if t.low == "(":
            close = next((k for k in range(j + 1, min(len(toks), j + 16)) if toks[k].low == ")"), None)
            if close is not None:
                j = close + 1  # "Nineteen of those arrested (16 men and three women) have been charged"
                continue
        if (t.low == "as" and j > 0 and toks[j - 1].low in _AS_VERBS) or (
                t.low == "since" and j + 1 < len(toks) and toks[j + 1].low in ("been", "then")):
            pass  # "are listed as missing", "have since been charged"
        elif t.low == "told" and j + 1 < len(toks) and toks[j + 1].low == "to" and toks[j - 1].low in ("were", "was", "been"):
            pass  # "were told to leave their homes" is an order, not a source
        elif t.low in _HARD_STOP:
            break
        if t.low == "," and j + 1 < len(toks) and j + 1 in numbers_at:
            # a list of counts sharing one verb: "Two police officers, three firefighters and a child were hurt"
            part_aside = j + 3 < len(toks) and toks[j + 2].low == "of" and toks[j + 3].low in ("them", "whom")
            j += 1
            limit += 6
            continue
        if t.low == "," and _list_to_verb(toks, j + 1):
            # "Two lifeboats, a coastguard helicopter and the supply ship Ocean Tern were sent"
            j += 1
            limit += 10
            continue

        if aside_end(j) and (part_aside or in_aside):
            j += 1  # the comma closing an aside the list step walked into: "Nine riders, six of them children, were hurt"
            continue
        if t.low == ",":
            # skip a short aside: "Two suspects, aged 19 and 23, were arrested", "Two of the injured, a man
            # and a teenage girl, were taken to hospital"
            k = j + 1
            while k < len(toks) and k - j <= 12 and toks[k].low not in _HARD_STOP and not aside_end(k):
                k += 1
            if k < len(toks) and aside_end(k):
                j = k + 1
                continue
            break
        # a number in a prepositional modifier stays inside the phrase: "23,000 people from 11
        # villages have been evacuated"
        # nor does a part named without commas: "Seven persons including three children were killed"
        # nor an age inside an aside: "64 patients, 51 of them children under five, are being treated"
        if j in numbers_at and toks[j - 1].low not in {"and", "or", "among", "including", "“", '"', ","} | _PLACE_PREP \
                and toks[j].low not in ("under", "aged") and toks[j - 1].low not in ("under", "aged") \
                and not _after_qualifier(toks, j, numbers_at) and not _in_place_phrase(toks, j) \
                and not (j >= 2 and toks[j - 1].low == "the" and toks[j - 2].low == "among"):
            break
        end = t.end
        count += 1
        j += 1
    return end


_QUALIFIER_WORDS = {"more", "than", "at", "least", "about", "around", "some", "nearly", "almost", "over", "up", "to",
                    "roughly", "approximately", "as", "many", "fewer", "less", "well", "just", "under"}


def _after_qualifier(toks: list[_Tok], j: int, numbers_at: set[int]) -> bool:
    """The number at j closes a qualifier that opened a count already walked past: "30 boats and more
    than 1,100 personnel had been deployed" (the count was checked at "more")."""
    k = j - 1
    while k >= 0 and j - k <= 3 and toks[k].low in _QUALIFIER_WORDS:
        if k in numbers_at:
            return True
        k -= 1
    return False


def _in_place_phrase(toks: list[_Tok], j: int) -> bool:
    """The number at j counts places inside a prepositional modifier: "9,000 dockworkers at the
    country's three largest ports went on strike" (the strike is the dockworkers')."""
    for k in range(j - 1, max(-1, j - 4), -1):
        low = toks[k].low
        if low in _PLACE_PREP:
            return True
        if not (low in ("the", "its", "their", "his", "her") or low.endswith(("'s", "’s"))):
            return False
    return False


# "listed as missing", "confirmed as dead": the state after "as" is the count's
_AS_VERBS = {"listed", "registered", "reported", "classed", "classified", "counted", "recorded", "confirmed",
             "described", "identified"}


def _in_dashes(text: str, pos: int) -> bool:
    """Inside a dash aside (" – ... – "): an odd number of spaced dashes before ``pos``."""
    return len(re.findall(r"\s[–—]\s", text[:pos])) % 2 == 1


def _in_parens(text: str, pos: int) -> bool:
    """Inside a parenthesis that is still open at ``pos``."""
    return text.rfind("(", 0, pos) > text.rfind(")", 0, pos)


# verbs in the past that close a list of what was sent: "Two patrol boats, a helicopter and four fishing boats
# took part in the search"
_LIST_VERBS = {"took", "joined", "responded", "arrived", "helped",
               # a crowd named as a list: "3,000 drivers, their families and supporters rallied"
               "rallied", "marched", "gathered", "protested", "demonstrated"}


def _list_to_verb(toks: list[_Tok], k: int) -> bool:
    """From k, the rest of a list ("a helicopter and the ship X") then its verb, with no other comma."""
    seen_and = False
    if k >= len(toks) or toks[k].low in ("and", "or", "but"):
        return False  # ", and 417 have been admitted" opens a clause of its own
    for m in range(k, min(len(toks), k + 14)):
        low = toks[m].low
        if low in _HARD_STOP or low == ",":
            return False
        if low == "and":
            seen_and = True
        elif seen_and and (low in _OWN_PREDICATE or low in _LIST_VERBS):
            return True
    return False


# a second source's figure for the count just given: "...; the unions said it was as many as 100,000"
_RIVAL_FIGURE = re.compile(r"\b(?:said|say|says|claimed|claims|insisted|insists|estimated|estimates|put)\s+(?:it|that\s+it|"
                           r"the\s+(?:figure|number|total|turnout|crowd|toll))\s+(?:was|were|is|had\s+been|at|stood\s+at)\s+"
                           r"(?:(?:at\s+least|about|around|some|nearly|almost|more\s+than|over|up\s+to|as\s+many\s+as|closer\s+to)\s+)?$",
                           re.I)
# "Police put the crowd at 25,000; organisers claim more than 100,000": a bare rival figure said by another source
_RIVAL_SAYS = re.compile(r"[;,]\s+(?:the\s+|its\s+|their\s+)?[\w'’ -]{2,40}?\s+(?:claim|claims|claimed|say|says|said|estimate|"
                         r"estimates|estimated|counted|count|reckon|reckons)\s+(?:that\s+)?(?:(?:at\s+least|about|around|some|nearly|"
                         r"almost|more\s+than|over|up\s+to|as\s+many\s+as|closer\s+to|only|just)\s+)?$", re.I)
_RIVAL_END = re.compile(r"\s*(?:[.;]|,\s|$)|\s+(?:took\s+part|were\s+there|attended|turned\s+out)\b", re.I)
_PHRASE_GAP = re.compile(r"(?:\s+(?:now|another|a|the|further))*\s*$", re.I)


def _phrase_back(text: str, start: int) -> str | None:
    """The event of a phrase of several words that ends right before the number: "cutting off some
    600 villagers", "bringing down several buildings" (the word-by-word walk sees only the last word)."""
    last = None
    for m in EVENT_RE.finditer(text, max(0, start - 60)):
        if m.end() > start:
            break
        last = m
    if last is None or " " not in last.group(0).strip() or not _PHRASE_GAP.fullmatch(text, last.end(), start):
        return None
    # a pattern may look ahead past the phrase ("in front of" a number), so match it in the whole text
    return event_of(last.group(0)) or next((ev for rx, ev in _EV_PATTERN_RES
                                            if (m := rx.match(text, last.start())) and m.end() == last.end()), None)


def _event_back(text: str, toks: list[_Tok], i: int) -> tuple[str | None, str | None]:
    """Event directly governing the number from the left; also a category named there."""
    if _LIVES_OF.search(text, max(0, toks[i].start - 40), toks[i].start):
        return "killed", None  # "took the lives of 36 people"
    if _ALIVE_FROM_BACK.search(text, max(0, toks[i].start - 60), toks[i].start):
        return "rescued", None  # "The firemen have extracted alive from the mud three children"
    if _INVOLVED_BACK.search(text, max(0, toks[i].start - 90), toks[i].start):
        return "deployed", None  # "a search for a kayaker ... involved two lifeboats"
    phrase = _phrase_back(text, toks[i].start)
    if phrase:
        return phrase, None
    k = i - 1
    steps = 0
    toll = bool(_ROSE_FROM_TO.search(text, max(0, toks[i].start - 80), toks[i].start))
    if toll:
        k = -1  # "rose from 9 on Tuesday to 18": the toll named before "rose"
    while k >= 0 and steps < 6:
        t = toks[k]
        ev = event_of(t.low)
        if ev and not (t.low in ("held",)):
            if t.low == "toll" or (k > 0 and toks[k - 1].low == "death"):
                ev = "killed"
                if t.low == "toll" and any(toks[x].low in ("overall", "total", "combined") for x in range(max(0, k - 3), k)):
                    return ev, "people"  # "put the overall death toll at 12": every group together
            elif t.low in ("treated", "treating") and _BY_HOSPITALS.search(text, max(0, t.start - 50), t.start):
                ev = "hospitalised"  # "Hospitals in the capital treated 600 people"
            elif toll:
                thing = category_of([x.text for x in toks[max(0, k - 3):k]])[0]
                if thing in THING_CATEGORIES:
                    return ev, thing  # "The number of vehicles stuck has risen to 2,000": things lend no group to people
            return ev, None
        if k > 0 and f"{toks[k - 1].low} {t.low}" in _SEARCH_FOR:
            return "missing", None  # "still searching for dozens of others"
        if t.low in EVENT_NOUNS:
            return EVENT_NOUNS[t.low], None
        if t.low in _BASE_VERBS and k > 0 and toks[k - 1].low in ("to", "will", "would", "could", "helped", "help"):
            return _BASE_VERBS[t.low], None  # "used boats to rescue 18 people"
        if t.low == "crowd" or t.low in _CROWD_BACK:
            return "crowd", None
        if t.low == "bodies":
            # "recovered the bodies of six victims"; "the bodies of two others" are people
            return "killed", "people"
        if t.low in _TOLL_VERBS:
            toll = True
        if t.low == "death" and toks[k + 1].low == "of":
            return "killed", None  # translated copy: "the death of 5 persons and the injury of 23"
        if t.low not in _BRIDGE_BACK:
            break
        k -= 1
        steps += 1
    if toll:
        # "The number of people killed in the floods has risen to 27"
        clause_start = max(text.rfind(",", 0, toks[i].start), text.rfind(";", 0, toks[i].start), -1) + 1
        span = text[clause_start:toks[i].start]
        evm = EVENT_RE.search(span)
        if evm is None and re.search(r"\bbodies\b", span, re.I):
            return "killed", "people"  # "the number of bodies recovered had risen to 41"
        if evm:
            ev = event_of(evm.group(1))
            if evm.group(1).lower() == "toll":
                ev = "killed"
            cat, _ = category_of(re.findall(r"[\w-]+", span[:evm.start()])[-3:])
            return ev, cat
    return None, None


_VERB_BEFORE = re.compile(r"\b([a-z]+ed)\s+$")
_OWN_PARTICIPLE = re.compile(r"\s+([a-z]+ed)\s*(?:[.,;]|$)")


def _chain_broken(text: str, nums: list[NumberMention], prev_value: str, n: NumberMention) -> bool:
    """'has killed 40 people, infected 300 in the capital and 12 in the ports': a count between the
    chain's last claim and this one has a verb of its own that is no event, so this count is that
    verb's (sickened, infected), not the chain's; 'and up to 1m affected' likewise."""
    own = _OWN_PARTICIPLE.match(text, n.end)
    if own and not event_of(own.group(1)) and own.group(1) not in _TOLL_MOVES:
        return True
    p = text.rfind(prev_value, 0, n.start)
    if p < 0:
        return False
    for m in nums:
        if p + len(prev_value) <= m.start < n.start:
            v = _VERB_BEFORE.search(text, max(0, m.start - 20), m.start)
            if v and not event_of(v.group(1)) and v.group(1) not in _BRIDGE_BACK:
                return True
    return False


def _listed_object_event(toks: list[_Tok], a: int, j: int) -> str | None:
    """'Police arrested the owner and two managers': the verb before a listed object also governs the
    count after 'and', unless the count has a verb of its own ('... and two civilians were hurt')."""
    if a < 3 or toks[a - 1].low != "and" or (j < len(toks) and (toks[j].low in _OWN_PREDICATE or event_of(toks[j].low))):
        return None
    for k in range(a - 2, max(-1, a - 9), -1):
        t = toks[k]
        if not t.text[0].isalpha() or t.low in _HARD_STOP or t.low in ("and", "or"):
            return None
        ev = event_of(t.low)
        if ev:
            return ev if k < a - 2 and t.low.endswith("ed") and t.low != "held" else None
    return None


# a group's share of a toll: "Children under five account for nine of the deaths"
_ACCOUNT_VERB = re.compile(r"\s+(?:account(?:s|ed)?|made\s+up|make\s+up|makes\s+up)\s+for\b", re.I)
_ACCOUNT_FOR = re.compile(r"\b(?:account(?:s|ed)?\s+for|made\s+up|make\s+up|makes\s+up)\s+$", re.I)
_OF_THE_EVENT = re.compile(r"\s+of\s+(?:the|those|these)\s+([\w'’-]+)", re.I)


def _share_of(text: str, toks: list[_Tok], a: int, n: NumberMention) -> tuple[str, str] | tuple | None:
    """(group, event) of "<group> account for N of the <dead|deaths|injured>"; () when the count is such a
    share whose group is unknown; None when it is no share."""
    if not _ACCOUNT_FOR.search(text, max(0, n.start - 20), n.start):
        return None
    m = _OF_THE_EVENT.match(text, n.end)
    word = m.group(1).lower() if m else ""
    ev = EVENT_NOUNS.get(word) or event_of(word)
    if ev is None:
        return None
    if word in ("dead", "deceased", "victims"):
        ev = "killed"
    verb = next((k for k in range(a - 1, -1, -1) if toks[k].low in ("account", "accounts", "accounted", "made", "make",
                                                                    "makes")), None)
    for k in range(verb - 1 if verb else -1, max(-1, (verb or 0) - 7), -1):
        cat = category_of([toks[k].text])[0]
        if cat in PERSON_CATEGORIES:
            return cat, ev
        if toks[k].low in _HARD_STOP or toks[k].low == ",":
            break
    return ()


# time words inside the relative clause do not end it: "who set out before the storm were missing"
_TIME_CONJ = {"before", "after", "when", "since", "until", "as", "while"}
# words that open a clause with a subject of its own
_NEW_SUBJECT = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "he", "she", "they", "it", "we",
                "i", "you", "there", "this", "these", "those", "us", "them"}
_PRONOUNS = _NEW_SUBJECT - {"the", "a", "an", "this", "these", "those"}
_AUX = {"were", "was", "are", "is", "have", "has", "had", "remain", "remains", "remained"}
_REL_SKIP = {"were", "was", "are", "is", "have", "has", "had", "been", "being", "still", "also", "not", "later",
             "first", "then", "all"}


def _main_event(text: str, toks: list[_Tok], j: int, numbers_at: set[int], ev_starts: frozenset) -> str | None:
    """The event of the main clause when the counted noun carries a relative clause or a participle phrase of
    its own: "30 drivers who fled into the hills were still missing" (missing), "the seven hostages held by
    gunmen at a bank have walked out unharmed" (released)."""
    if j + 1 >= len(toks):
        return None
    low = toks[j].low
    relative = low in ("who", "that")
    participle = (event_of(low) is not None and (low.endswith("ed") or low == "held")
                  and toks[j + 1].low in ("by", "in", "at", "on", "inside", "for", "since", "during"))
    if not (relative or participle):
        return _second_verb_event(text, toks, j, numbers_at, ev_starts)
    k = j + 1
    if relative:
        nxt = toks[k]
        if nxt.low in _NEW_SUBJECT or nxt.low.split("'")[0] in _NEW_SUBJECT or nxt.text[0].isupper() \
                or category_of([nxt.text])[0] or k in numbers_at:
            return None  # "told one of us that civilians were shot": "that" opens what was said, not a relative clause
        while k < len(toks) and toks[k].low in _REL_SKIP:
            k += 1
        if k == j + 1 and (toks[k].low in _HARD_STOP or toks[k].low in _SPEECH_AFTER):
            return None  # "one of the journalists that said the girl was hurt": a clause of speech
        k += 1  # the relative clause's own verb
    for m in range(k, min(len(toks), k + 14)):
        t = toks[m]
        if (t.low in _HARD_STOP and t.low not in _TIME_CONJ) or t.low == "," or m in numbers_at \
                or t.low in _PRONOUNS or t.low.split("'")[0] in _PRONOUNS:
            return None  # "one commander who fled after his house was destroyed": another clause's subject
        if t.low in _AUX and toks[m - 1].low not in ("who", "that", "which"):
            return _event_forward(text, toks, m, numbers_at, 8, ev_starts)
    return None


# a court's sentence is no count of arrests
_COURT_JAILED = re.compile(r"\b(?:court|judge|judges|tribunal|magistrates?)\b[^.;]{0,60}?\b(?:jailed|sentenced|imprisoned|convicted)\b",
                           re.I)
# a crowd named by what police did to it
_TEAR_GAS = re.compile(r"\b(?:tear\s*gas|water\s+cannons?|rubber\s+bullets|stun\s+grenades|pepper\s+spray)\s+(?:at|on|against|to\s+disperse)\s+$", re.I)
# where people are taken out of danger: "taken 85 people, including children, to an emergency rest centre"
_TO_SHELTER = re.compile(r"(?:,[^,;]{1,40},\s*)?to\s+(?:a\s+|an\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?:shelters?|rest\s+cent(?:re|er)s?|"
                         r"evacuation\s+cent(?:re|er)s?|reception\s+cent(?:re|er)s?|safety|higher\s+ground)\b", re.I)
# verbs that take people off a ship, a roof or a ledge: "has taken 19 people off a stranded ferry"
_TOOK_OFF = {"taken", "took", "take", "takes", "taking", "lifted", "lifts", "winched", "airlifted", "plucked", "got"}
# verbs that put forces or machines at an incident's disposal: "the army would provide four helicopters"
_PROVIDED = {"provide", "provided", "provides", "providing", "contributed", "contributes", "committed", "commits",
             "lent", "lends", "loaned"}
# a service at work before "with N firefighters": "attended, with 50 firefighters", "was in use with 3 helicopters"
_AT_WORK = re.compile(r"\b(?:attended|responded|in\s+use|in\s+action|at\s+the\s+scene|on\s+(?:the\s+)?scene|on\s+site|"
                      r"tackl\w+|battl\w+|fought|fighting)\b", re.I)


# responders at work, said after their count: "remain on site", "worked through the night", "reached the wreckage"
_AT_WORK_AFTER = re.compile(r"(?:\s+(?:and|or)\s+[\w'’-]+(?:\s+[\w'’-]+){0,2})?\s+(?:(?:remain(?:s|ed)?|are|were|stay(?:s|ed)?)\s+"
                            r"(?:still\s+)?(?:on\s+site|at\s+the\s+(?:site|scene))|worked\s+(?:into|through)\s+the\s+night|"
                            r"reached\s+the\s+(?:wreckage|scene|site|crash\s+site|survivors?|stranded|last\s+of))\b", re.I)
_GUARDED_BY = re.compile(r"\b(?:enforced|guarded|patrolled|policed|secured)\s+by\s+$", re.I)
_ESTIMATE_OF = re.compile(r"\b(?:estimate|estimates|figure|count|tally)\s+of\s+$", re.I)
_GAPPED = re.compile(r",\s+(?:while\s+|whereas\s+|and\s+|but\s+)?(?:the\s+|its\s+|their\s+)?([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)?)\s+$")
_NOT_SOURCE = {"not", "only", "just", "perhaps", "maybe", "possibly", "even", "but", "and", "or", "nor", "yet", "now",
               "then", "one", "each"}
_GAP_END = re.compile(r"\s*(?:[.;]|$)")


def _gapped(text: str, n: NumberMention) -> bool:
    """A figure whose verb is left out, closing the sentence: "..., the unions more than 30,000."""
    m = _GAPPED.search(text, max(0, n.start - 40), n.start)
    if not m or not _GAP_END.match(text, n.end):
        return False
    words = m.group(1).lower().split()
    return not any(w in _STOP_NP or w in _PLACE_PREP or w in _HARD_STOP or w in _NOT_SOURCE or event_of(w)
                   or w.endswith(("ed", "ing", "ly")) for w in words)


# what befalls motorists on a road: drivers named by their trade are people then
# states bare "men" share with the group the article named in the same state (not arrests: "three men were
# arrested" in a story about miners are no miners)
_MEN_EVENTS = {"trapped", "missing", "rescued", "stranded"}
_BLOCKED_INSIDE = re.compile(r"\bblocked\s+(?:in|inside|under|underground|below)\b", re.I)
# the same in translated inverted order: "under the earth were blocked 112 miners"
_INSIDE_BLOCKED = re.compile(r"\b(?:under|underground|beneath|below|inside)\b[^.;]{0,60}?\bblocked\s+$", re.I)
_ON_THE_ROAD = {"stranded", "trapped", "rescued", "evacuated", "displaced"}


# a group named in an earlier sentence, taken up by "them": "Most of them climbed out, but ..."
_OF_THEM = re.compile(r"\b(?:most|all|many|some|several|none|each|both|the\s+rest|half)\s+of\s+them\b", re.I)


def _speaker_group(toks: list[_Tok], a: int) -> str | None:
    """The known group named before a count of "their colleagues", in the same clause: "Police said two of
    their colleagues were hurt" -> security forces."""
    for k in range(a - 1, max(-1, a - 10), -1):
        if toks[k].low in (";", ".", "but", "while"):
            return None
        cat = category_of([toks[k].text])[0]
        if cat in PERSON_CATEGORIES and cat != "people":
            return cat
    return None


def _second_verb_event(text: str, toks: list[_Tok], j: int, numbers_at: set[int], ev_starts: frozenset) -> str | None:
    """The event of a second predicate joined by "and" after a verb of the count's own: "the two gunmen
    surrendered a few minutes later and have been taken into custody" (detained)."""
    low = toks[j].low
    if not (low.endswith("ed") and event_of(low) is None and toks[j].start not in ev_starts):
        return None
    for m in range(j + 1, min(len(toks) - 1, j + 10)):
        t = toks[m]
        if (t.low in _HARD_STOP and t.low not in _TIME_CONJ) or t.low == "," or m in numbers_at or toks[m].start in ev_starts:
            return None
        if t.low == "and" and toks[m + 1].low in _AUX | {"been", "later"}:
            return _event_forward(text, toks, m + 1, numbers_at, 8, ev_starts)
    return None


def _partitive_event(toks: list[_Tok], i: int) -> tuple[str, str | None] | None:
    """'Two of the dead were children' -> ('killed', 'children'); ('killed', None) when the
    predicate names no group ("Two of the injured are in a critical condition")."""
    if i + 2 >= len(toks) or toks[i].low != "of" or toks[i + 1].low != "the":
        return None
    ev = event_of(toks[i + 2].low)
    if ev is None or toks[i + 2].low in EVENT_NOUNS:
        return None
    if i + 3 < len(toks) and category_of([toks[i + 3].text])[0]:
        # "of the freed hostages" counts hostages, unless the part is said to be of another group:
        # "Nine of the freed hostages were foreign nationals" -> foreign nationals released
        group, k, _ = _np_after(toks, i + 3, False)
        if k < len(toks) and toks[k].low in ("were", "was", "are", "is") and toks[i + 2].low.endswith("ed"):
            words, _, _ = _np_after(toks, k + 1, False)
            cat = category_of([t.text for t in words])[0] if words else None
            if cat and cat != category_of([t.text for t in group])[0]:
                return ev, cat
        return None
    k = i + 3
    if k < len(toks) and toks[k].low in ("were", "was", "are", "is"):
        words, _, _ = _np_after(toks, k + 1, False)
        cat, _ = category_of([t.text for t in words]) if words else (None, 0)
        return ev, cat
    return ev, None


def _continues(toks: list[_Tok], j: int) -> bool:
    """'dozens more', 'two others', 'hundreds of others': a count of the same group as before."""
    if j < len(toks) and toks[j].low == "of":
        j += 1
    return j < len(toks) and toks[j].low in ("more", "others", "other")


def _subset_group(toks: list[_Tok], j: int) -> str | None:
    """Group named after 'N of them' / 'N of whom were': 'three of them firefighters' -> rescue workers."""
    if j < len(toks) and toks[j].low in ("were", "was", "are", "is"):
        j += 1
    words, _, _ = _np_after(toks, j, False)
    cat, _ = category_of([t.text for t in words]) if words else (None, 0)
    return cat


def _antecedent_group(toks: list[_Tok], spans, a: int, out: list[Claim]) -> str | None:
    """The group 'of them' refers to: the last claim's, else the known group counted just before."""
    if out:
        # "7 were pulled out, including 2 children; 4 of them ...": "them" are the 7, not the aside
        last = next((c for c in reversed(out) if not _is_aside(c)), out[-1])
        return _claimed_group(last)
    before = [b for _, a2, b in spans if a2 < a]
    if not before:
        return None
    words, _, _ = _np_after(toks, before[-1] + 1, False)
    for k in range(len(words), 0, -1):  # "70 pupils fell ill": the noun phrase may run into its verb
        cat = category_of([t.text for t in words[:k]])[0]
        if cat:
            return cat
    return None


def _members_of(text: str, end: int) -> str | None:
    """The known group of 'members of the security forces', read after the head ending at ``end``."""
    m = _MEMBERS_OF.match(text, end)
    words = m.group(1).split() if m else []
    # the longest known opening: "members of the forces of order were hurt"; not across an article ("members of
    # the Save the Children team" are no children)
    words = words[:next((k for k, w in enumerate(words) if k and w.lower() in ("the", "a", "an")), len(words))]
    known = next((category_of(words[:k])[0] for k in range(len(words), 0, -1) if category_of(words[:k])[0]), None)
    # else the service they belong to: "members of the rescue services", "200 effectives of the Military Emergency Unit"
    return known or next((_SERVICE_GROUPS[w.lower()] for w in words if w.lower() in _SERVICE_GROUPS), None)


# the group of the people a service is made of, named by the service's own word
_SERVICE_GROUPS = {"army": "troops", "military": "troops", "navy": "troops", "police": "security forces",
                   "gendarmerie": "security forces", "rescue": "rescue workers", "fire": "rescue workers",
                   "firefighting": "rescue workers", "ambulance": "rescue workers"}
# heads that say only "staff of": "350 effectives of the police", "90 forces of the fire brigade" (translated copy)
_STAFF_HEADS = {"effectives", "forces"}


def _predicate_group(text: str, end: int) -> str | None:
    """The known group a count is said to be: '..., of whom 9 are police agents' -> security forces."""
    pred = _IS_GROUP.match(text, end)
    words = pred.group(1).split() if pred else []
    return category_of(words)[0] or category_of(words[:1])[0] if words else None


def _np_group(toks: list[_Tok], b: int) -> str | None:
    """The known group named right after the number ending at token ``b``."""
    words, _, _ = _np_after(toks, b + 1, False)
    return category_of([t.text for t in words])[0] if words else None


def _restated_key(what: str, out: list[Claim], history: list[Claim] | None) -> tuple[str, str] | None:
    """Quantity and event of 'put the figure at N': the toll is a death count, 'the number of marchers'
    a crowd, 'the number of people evacuated' its own event; else the figure the article just gave."""
    low = what.lower()
    if low.startswith(("crowd", "turnout", "attendance")):
        return "crowd size", "crowd"
    if re.match(r"number\s+(?:taking|who|on\s+strike)", low) and re.search(r"\b(?:strike|walkout|stoppage)s?\b", low):
        return "workers striking", "striking"  # "put the number on strike at 19,000": strikers are at work
    if low.endswith("toll"):
        # "put the overall death toll at 12": every group, not the one the article counted last
        cat = "people" if re.search(r"\b(?:overall|total|combined|full|whole)\b", low) else _group_of_event("killed", out, history)
        return quantity_key(cat, "killed"), "killed"
    if " of " in low:
        words = re.findall(r"[\w'-]+", what)[2:]
        evm = EVENT_RE.search(what)
        ev = event_of(evm.group(1)) if evm else None
        np = []
        for w in words:
            if w.lower() in _STOP_NP or event_of(w.lower()):
                break
            np.append(w)
        cat = category_of(np)[0] if np else None
        if ev == "striking" and cat in (None, "people", "security forces", "rescue workers"):
            cat = "workers"  # "put the number of drivers and guards taking part in the strike at 9,800": strikers work
        if ev is None and cat == "protesters":
            ev = "crowd"
        if ev is None and np and np[-1].lower() in ("strikers", "evacuees"):
            # "put the number of strikers at fewer than 1,500": the head names the event
            ev, cat = {"strikers": ("striking", "workers"), "evacuees": ("evacuated", "people")}[np[-1].lower()]
        if ev is not None:
            return quantity_key(cat or "people", ev), ev
    evm = EVENT_RE.search(what)
    if evm and event_of(evm.group(1)):
        ev = event_of(evm.group(1))  # "the number freed so far": the group last counted with that event
        return quantity_key(_group_of_event(ev, out, history), ev), ev
    prev = (out or history or [None])[-1]
    if prev is None or prev.event == "hours":
        return None
    return prev.quantity, prev.event


def _other_predicate(text: str, start: int, ev_start: int) -> bool:
    """A 'were/are + word' predicate between start and the event word that is not that event."""
    for m in _BE_PRED.finditer(text, start, ev_start + 1):
        word = m.group(2).lower()
        if m.group(1).lower().startswith("among") and (word[0].isdigit() or word in NUMBER_WORDS):
            continue  # "Two firefighters were among 14 people taken to hospital": one event for both counts
        if m.start(2) < ev_start:
            return True
    return False


def _event_forward(text: str, toks: list[_Tok], j: int, numbers_at: set[int], limit: int = 8,
                   ev_starts: frozenset | None = None) -> str | None:
    """The event of the clause after a count's noun phrase ('... were killed'), if it is the count's.
    ``ev_starts``: where the sentence's event phrases start (found once per sentence by the caller)."""
    if j > len(toks):
        return None
    start = toks[j - 1].end if j > 0 else 0
    m = EVENT_RE.search(text, start)
    while m is not None and _in_name(text, m.start(), m.end()):
        m = EVENT_RE.search(text, m.end())  # "campaigners from the Save Harrow Down group": a name, no rescue
    if m is None or _PURPOSE.search(text, max(0, m.start() - 30), m.start()):
        return None  # "sent 12 boats to help with evacuations": what they were sent for, not what befell them
    if ev_starts is None:
        ev_starts = frozenset(x.start() for x in EVENT_RE.finditer(text, start))
    if m.start() >= _forward_reach(toks, j, numbers_at, limit, ev_starts) or _other_predicate(text, start, m.start()):
        return None
    if _OBJECT_NUMBER.match(text, m.end()) and not _MEASURE_AFTER.match(text, m.end()):
        return None  # "responded to 17 incidents and rescued 44 people": the verb has its own count
    # a non-event phrase ("sent home") in the way ends the search
    return event_of(m.group(1))


_PURPOSE = re.compile(r"\bto\s+(?:help|assist|aid|support)(?:\s+(?:with|in))?\s+(?:the\s+)?$", re.I)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _in_name(text: str, start: int, end: int) -> bool:
    """An event word capitalised inside a run of capitalised words of a sentence in ordinary case is part of a
    name ("the Save Our Meadow group", "Rescue Point Road"); headlines in title case keep their verbs."""
    if not text[start:start + 1].isupper() or text[start:end].isupper():
        return False
    words = _WORD.findall(text)
    if sum(w[0].islower() for w in words) * 2 < len(words):
        return False  # "Miners Trapped In Collapse": a headline
    nxt = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    before = text[:start].rstrip()
    prev = _WORD.findall(before[-30:])
    prev_cap = bool(prev) and prev[-1][0].isupper() and not re.search(r"[.!?:]\s*$", before) and len(before) > len(prev[-1])
    return bool(nxt and nxt.group()[0].isupper()) or prev_cap


# a measure after the verb is where, not a count: "31 miners trapped 450 metres underground"
_MEASURE_AFTER = re.compile(r"\s+(?:about\s+|some\s+|around\s+|nearly\s+|more\s+than\s+)?[\d,.]+\s*-?\s*(?:metres|meters|m|km|"
                            r"kilometres|kilometers|miles|feet|ft|yards)\b", re.I)
# a verb followed by a count of its own: that count is its object
_OBJECT_NUMBER = re.compile(r"\s+(?:(?:at\s+least|about|around|some|more\s+than|nearly|almost|over|up\s+to|another|a\s+further)\s+)?"
                            r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|"
                            r"thousands|scores)\b)", re.I)


# where the dead died, said of a part of the toll: "seven of them at the scene and four in hospital"
_WHERE_DIED = re.compile(r"\s+(?:of\s+(?:them|whom)\s+)?(?:at\s+the\s+scene|on\s+the\s+spot|(?:later\s+)?in\s+(?:a\s+|the\s+)?"
                         r"hospitals?|on\s+the\s+way\s+to\s+(?:a\s+|the\s+)?hospital|on\s+arrival)\s*(?:[,;.]|and\b|$)", re.I)
# how the dead died, said of a bare part of the toll: "Three died, two from the cold and one in a collision"
_HOW_DIED = re.compile(r"\s+(?:from\s+(?:the\s+|their\s+|his\s+|her\s+)?(?!them\b|whom\b|those\b|these\b)[a-z][\w'’-]*"
                       r"|in\s+(?:a|an)\s+[a-z][\w'’-]*)", re.I)
# "..., 150 in Osh, 40 in Talas and 20 in Naryn": a bare number placed in a named town ends its phrase there
_IN_TOWN = re.compile(r"\s+in\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s*(?:[,;.)]|and\b|--|—|–|$)")
_HELD_HOSTAGE = re.compile(r"\s+(?:who\s+|that\s+|they\s+|it\s+|he\s+)?(?:had\s+|have\s+|has\s+)?(?:been\s+)?"
                           r"(?:(?:held|taken|kept|seized)\s+(?:as\s+)?(?:hostages?|captives?)\b|"
                           # "three officers who had been held by inmates since yesterday" (round 16: review13)
                           r"(?:held|kept)\s+(?:captive\s+)?by\s+(?:the\s+|rioting\s+|armed\s+)?(?:inmates|prisoners|detainees|"
                           r"kidnappers|captors|abductors|hijackers|pirates|gunmen|militants|rebels|attackers|rioters)\b)", re.I)
_SET_FREE = re.compile(r"\b(?:released|freed|liberated|set\s+free|walked\s+free)\b", re.I)
# a number followed by a time unit and "ago"/"later" dates something; it counts nothing
_TIME_AFTER = re.compile(r"\s*-?\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?)\s+"
                         r"(?:ago|later|earlier|before|after|afterwards|previously|on)\b", re.I)
_LEADING_ZERO = re.compile(r"0\d")
# one person's age said without "aged": "she was 19 and died ...", "only 28 when he died"
_AGE_OF_ONE_BEFORE = re.compile(r"\b(?:he|she)\s+(?:was|is)\s+(?:only\s+|just\s+|barely\s+)?$", re.I)
_AGE_OF_ONE_AFTER = re.compile(r"\s+when\s+(?:he|she)\b", re.I)
# a vehicle named as the owner just before a count of drivers: "the train's two drivers"
_VEHICLE_OWNER = re.compile(r"\b(?:train|tram|bus|coach|lorry|truck|tanker|van|taxi|ferry|locomotive)['’]s\s+$", re.I)
# a number joined to a unit of measure is a size, not a count: "the 30-kilometre stretch", "a 12-storey block"
_UNIT_JOINED = re.compile(r"-(?:kilomet(?:re|er)|met(?:re|er)|km|mile|foot|feet|yard|tonne|ton|litre|liter|storey|story|"
                          r"inch|centimet(?:re|er)|cm|mm|acre|hectare|lane|seat|bed|room|page|year|month|week|day|minute|"
                          r"second)s?\b", re.I)
_FACILITY_NO = re.compile(r"\b(?:Terminal|Gate|Platform|Ward|Flight|Route|Block|Room|Pier|Berth|Bay|Zone|Sector|Runway|"
                          r"Exit|Junction|Reactor|Floor|Level|Stand|Hall|Track|Carriage|Coach|Bus|Line|No\.?|Number)\s+$")
# a craft named by a call sign or number after its kind: "the coastguard helicopter Rescue 207", "flight SV 218"
_CALL_SIGN = re.compile(r"\b(?i:helicopters?|aircraft|planes?|jets?|ships?|vessels?|boats?|lifeboats?|flights?|trains?|"
                        r"ferry|ferries|frigates?|cutters?|tugs?)\s+[A-Z][\w-]*\s+$")
_REPEATED = re.compile(r"\s+(?:upon|and|on)\s+(hundreds|thousands|millions|dozens|scores)\b", re.I)
# idioms with a number in them: "taught him a thing or two", "one or two things", "a couple of things"
_IDIOM_BEFORE = re.compile(r"\b(?:a\s+thing|things?|a\s+trick|a\s+lesson)\s+or\s+$", re.I)
# heads that are no noun: pronouns, predicate verbs and adjectives ("bodies of 14 soldiers lay scattered", "lorries
# full of families", "12 guards they had held")
_NOT_NOUNS = {"they", "we", "you", "he", "she", "it", "who", "them", "lay", "lie", "lies", "sat", "sit", "stay", "stays",
              "full", "empty", "alive", "dead", "safe", "unharmed", "present", "together", "upon", "ago", "later",
              "earlier", "say", "says", "said"}
# participles not in -ed that end a known group's phrase: "two farm workers found dead in a field"
# (a participle that opens a post-modifier, "protesters held overnight", is read by category_of)
_IRREGULAR_PARTICIPLES = {"found", "feared", "thought", "known"}
# a capitalised plural of no known group: a nationality, people of a faith or a region ("Hungarians", "Yemenis")
_DEMONYM = re.compile(r"[A-Z][a-z]*(?:ians|ans|is|ese|ons|ites|ots|ks|ds|es|ers|ews)$")
# adjectives that leave a nationality counted as people: "300 innocent Egyptians", "40 ethnic Uzbeks"
_PLAIN_ADJECTIVES = {"innocent", "unarmed", "ordinary", "fellow", "ethnic", "native", "young", "elderly", "poor"}
_HUMAN_EVENTS = {"killed", "injured", "hospitalised", "detained", "missing", "evacuated", "displaced", "rescued",
                 "released", "trapped", "stranded", "charged"}
_AGE_PREDICATE = re.compile(r"\b(?:were|was|are|is|aged)\s+$", re.I)


def _place_of_death(text: str, n: NumberMention, out: list[Claim]) -> bool:
    """A bare part of the toll just counted, named by where or how they died: no patients in hospital,
    no second toll. Only while no other event comes between the toll and the part. A part named by
    a town ("210 were killed -- 150 in Osh, 40 in Talas") is a breakdown of any count, not a rival figure."""
    if not out or out[-1].event in ("hours", "crowd"):
        return False
    by_town = _IN_TOWN.match(text, n.end)
    # (only a bare part in a list: "forcing 10,000 from their homes" is a count of its own verb)
    how = _HOW_DIED.match(text, n.end) if re.search(r"(?:,|\band)\s*$", text[max(0, n.start - 6):n.start]) else None
    if not by_town and (out[-1].event != "killed" or not (_WHERE_DIED.match(text, n.end) or how)):
        return False
    if how and not _WHERE_DIED.match(text, n.end) and _PREDICATE.search(re.split(r"[,;.]|\band\b", text[how.end():])[0]):
        return False  # "two from the village were injured": a count with a verb of its own
    at = text.find(out[-1].value)
    if at < 0 or at > n.start:
        return False
    between = text[at + len(out[-1].value):n.start]
    if by_town:
        # "Five died in Osh, and 40 in Talas": the first figure is placed itself, so the next is a toll of its own
        clause = re.split(r"\s*(?:--|[,;:—–])\s*", between, maxsplit=1)
        # (a town ends its phrase: "in the Egyptian protests" names no place)
        if len(clause) < 2 or re.search(r"\b(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s*(?:[,;.)]|and\b|$)",
                                        clause[0]):
            return False
    return all(event_of(m.group(0)) in (None, out[-1].event) for m in EVENT_RE.finditer(between))


def _claimed_group(c: Claim) -> str | None:
    """The group part of a claim's key ("workers killed" -> "workers"); a crowd has none."""
    return c.quantity.rsplit(" ", 1)[0] if c.quantity != "crowd size" else None


def _is_aside(c: Claim) -> bool:
    """'29 were killed, including eight children', '94 were admitted, 71 of them children': the
    eight and the 71 are a part, not the group of the toll."""
    return bool(c.text and c.value) and _aside_in(c.text, c.value)


@lru_cache(maxsize=4096)
def _aside_in(text: str, value: str) -> bool:
    # (asked again for every claim of the article's history at each later number: cached)
    v = re.escape(value)
    return bool(re.search(r"\bincluding\s+" + v, text) or re.search(r",\s*" + v + r"\s+of\s+(?:them|whom)\s+(?!were\b|was\b|are\b|is\b|have\b|had\b)", text))


# groups people are taken hostage from; prisoners, suspects and protesters are released from custody instead
_TAKEN_GROUPS = {"people", "civilians", "security forces", "workers", "passengers", "foreign nationals",
                 "journalists", "students", "children"}
_HOSTAGE = re.compile(r"\bhostages?\b", re.I)


def _hostage_story(sentences: list[str], text: str) -> bool:
    """Whether an earlier sentence of the article speaks of hostages and this one does not name them: then
    a named group released are those hostages, whatever their trade (review13, review17, review18, review19;
    review4's contractors "liberated after captivity" are the one set against)."""
    return not _HOSTAGE.search(text) and any(_HOSTAGE.search(s) for s in sentences if s != text)


def _group_named_with(event: str, history: list[Claim] | None, sentences: list[str], text: str) -> str | None:
    """The one group other than people the article named with ``event`` before this sentence, counted
    ("38 miners are trapped") or not ("rescuers are trying to reach miners trapped below")."""
    groups = {split_key(c.quantity)[0] for c in history or [] if c.event == event and not _is_aside(c)}
    for sent in sentences:
        if sent == text:
            continue
        for m in EVENT_RE.finditer(sent):
            if event_of(m.group(1)) == event:
                groups.add(category_of(re.findall(r"[\w'’-]+", sent[max(0, m.start() - 40):m.start()])[-2:])[0])
    groups = (groups - {None, "people"}) & PERSON_CATEGORIES
    return groups.pop() if len(groups) == 1 else None


def _group_of_event(event: str, out: list[Claim], history: list[Claim] | None) -> str:
    """The group last counted with ``event`` in this sentence or article ('of the injured' -> children)."""
    for c in reversed(list(history or []) + out):
        if c.event == event and c.quantity.endswith(" " + event) and not _is_aside(c):
            return c.quantity[: -len(event) - 1]
    # else the group the article counted last ("Nine of them were taken to hospital" after "12 farm workers ...")
    last = (list(history or []) + out)[-1:]
    if last and split_key(last[0].quantity)[0] in PERSON_CATEGORIES and not _is_aside(last[0]):
        return split_key(last[0].quantity)[0]
    return "people"


def _present_state(text: str, n: NumberMention, nums: list[NumberMention]) -> bool:
    """The count's own predicate is a present state ('are still missing', 'remain in hospital'); a
    count without a predicate of its own ('..., including three children') follows the one before."""
    for m in [x for x in nums if x.start <= n.start][::-1]:
        nxt = min((x.start for x in nums if x.start > m.start), default=len(text))
        p = _PREDICATE.search(text, m.end, nxt)
        if p is not None:
            return bool(_PRESENT_STATE.match(text[p.start():]))
        if m is n and EVENT_RE.search(text, m.end, nxt):
            return False  # "..., including two boys swept away on Monday": a past event of its own
    return False


# translated copy tells the time in hours: "the fire would have started around 23 hours" (French "vers 23 heures")
_HOURS_CLOCK = re.compile(r"\b(?:started|starts|began|begins|broke\s+out|occurred|happened|erupted|took\s+place|at)\s+$", re.I)
# "an hour north of the city": a distance; "an hour ago" a time
_HOURS_AGO = re.compile(r"\s*-?\s*hours?\s+(?:ago|earlier|later|afterwards|north|south|east|west|"
                        r"away|outside)\b", re.I)
# "left 11 hours before the blast", "four hours into the drive" are times; "was there for three hours before
# she was freed", "the shelling lasted four hours before a truce" are lengths. "About 12 hours after they were
# moved out" stays a length: the opened sets label it so (review3, review6)
_HOURS_BEFORE = re.compile(r"\s*-?\s*hours?\s+(?:before|into)\b", re.I)
_FOR_BEFORE = re.compile(r"\b(?:for|during|lasted|lasting|lasts|last|took|spent|wait|waited|waiting|stuck|stranded|trapped)\s+(?:up\s+to\s+|about\s+|around\s+|some\s+|"
                         r"nearly\s+|almost\s+|over\s+|more\s+than\s+|at\s+least\s+)?$", re.I)
# a length someone wants to change, not how long the event lasted: "a plan to extend shifts to 11 hours"
_HOURS_CHANGE = re.compile(r"\b(?:extend\w*|lengthen\w*|cut\w*|reduc\w*|rais\w*|increas\w*|shorten\w*)\s+"
                           r"(?:[\w'’-]+\s+){0,3}?(?:to|from|by)\s+$", re.I)
# "delays of up to five hours", "gave us one hour to pack": waits and deadlines, not how long the event lasted
# a stoppage still to come is no duration of what happened: "workers will hold a two-hour stoppage on Friday"
_HOURS_PLANNED = re.compile(r"\b(?:will|would|shall|to|plans?\s+to|planning\s+to)\s+(?:hold|stage|call|begin|start|launch|"
                            r"mount|go\s+on|observe)\s+(?:an?|the|another|a\s+further|a\s+new)\s+$"
                            # a slot that recurs is no length of the event: "a daily two-hour ceasefire"
                            r"|\b(?:daily|nightly|weekly|regular)\s+$", re.I)
_HOURS_WAIT = re.compile(r"\b(?:delays?|waits?|queues?|gave\s+\w+|given|give\s+\w+)\s+(?:of\s+)?$|"
                         # "wait times that exceeded two hours"
                         r"\bwait(?:ing)?\s+times?\s+(?:that\s+|which\s+)?(?:exceeded|topped|reached|of)\s+(?:up\s+to\s+)?$|"
                         # a witness's sense of time: "hid for what felt like an hour" (review8, review17: no duration)
                         r"\bwhat\s+(?:felt|seemed|felt\s+more|seemed\s+more)\s+like\s+(?:about\s+|almost\s+|nearly\s+)?$", re.I)
# a deadline: "the firm had 24 hours to reply"
_HOURS_DEADLINE = re.compile(r"\b(?:had|has|have|gets?|got)\s+(?:only\s+|just\s+)?$", re.I)
_NONE_OF = re.compile(r"\bnone\s+of\s+(?:the\s+)?[\w'’ -]{0,40}?\b(?:or|nor)\s+$", re.I)
# "nine out of ten" is a share, neither number a count
_OUT_OF = re.compile(r"^\s+out\s+of\s+\w", re.I)
_FREED_FROM_DANGER = re.compile(r"\s+(?:(?:who\s+(?:were|had\s+been)\s+)?trapped\b|(?:alive\s+)?from\s+(?:the\s+)?"
                                r"(?:[\w'’-]+\s+)?(?:rubble|wreckage|debris|ruins|mud|snow|rocks|cars?|vehicles?|carriages?|bus|buses|trains?|lifts?|mines?|caves?))", re.I)
_OF_THE_STATE = re.compile(r"\s+of\s+the\s+([a-z]+)\s+(?:men|women|people|persons|individuals)\b", re.I)
_PARENT_OF = re.compile(r"\b(?:father|mother|dad|mum|mom|parent|grandfather|grandmother|grandad|grandma|granny|"
                        r"grandparent)[- ]of[- ]$", re.I)
_AVERAGE = re.compile(r"\b(?:an\s+)?average\s+of\s+$|\bon\s+average\s+$", re.I)
_OUT_OF_BEFORE = re.compile(r"\bout\s+of\s+$", re.I)
# what an unknown head must not be: adverbs and words that only look like a head ("a toll of 44 given by")
_NOT_HEADS = {"given", "times", "out", "more", "fewer", "less", "than", "per", "each", "apiece"}
_POSSESSIVE_HOUR = re.compile(r"\s*-?\s*hours?['’]s\b", re.I)
# a journey's time is no length of the event: "drove six hours to the coast", "a town about an hour from the
# capital", "it took us four hours to get across the city"; on foot it is the ordeal ("walked for 30 hours without
# water", test) and rescuers' "five hours to reach the wreckage" the rescue (review8): both stay lengths
_TRAVEL_BEFORE = re.compile(r"\b(?:dr[oi]ve|driving|drives|travel\w*|flew|flying|rode|riding|"
                            r"sailed|journeyed)\s+(?:for\s+)?(?:up\s+to\s+|about\s+|around\s+|some\s+|nearly\s+|"
                            r"almost\s+|over\s+|more\s+than\s+|at\s+least\s+)?$", re.I)
_TRAVEL_AFTER = re.compile(r"\s*-?\s*hours?\s+(?:from\s+[A-Z]|by\s+(?:car|road|bus|train|boat|air)\b|"
                           r"to\s+(?:get\s+(?:from|across|through)|travel|drive)\b)")
# a first-person clause tells the speaker's own doings, not the event's length: "I was able to tweet for about an
# hour", "I was in the water two hours"; the speaker's ordeal stays one ("I was trapped for six hours")
_SELF_CLAUSE = re.compile(r"(?:^|[\s“\"‘(])(?:I|I['’](?:ve|m|d))\s+[a-z][^,;:.!?“”\"—–()]*$")
_ORDEAL = re.compile(r"\b(?:trapped|stuck|stranded|buried|pinned|cut\s+off|held|hid|hiding|hidden|clung|clinging|"
                     r"waited|waiting|missing|lost|adrift|surrounded|besieged|under\s+fire)\b", re.I)
# "after two hours you forget which siren is which": a fronted time of a generic or personal clause
# "I thank everyone who worked for 14 hours": a relative clause hands the hours to others
_OTHERS_CLAUSE = re.compile(r"\b(?:who|which|that|whose|whom|everyone|everybody|those)\b", re.I)
_HOURS_THEN_SELF = re.compile(r"\s*-?\s*hours?,?\s+(?:I|you)\s+[a-z]")
_AFTER_BEFORE = re.compile(r"\bafter\s+(?:about\s+|some\s+|nearly\s+|almost\s+|just\s+)?$", re.I)


def _own_doings(text: str, n: NumberMention) -> bool:
    """Hours of the speaker's own doings, which no event lasted: a first-person clause without an ordeal
    or an event word ("I was able to tweet for about an hour"), or "after three hours you don't know"."""
    if _HOURS_THEN_SELF.match(text, n.end) and _AFTER_BEFORE.search(text, max(0, n.start - 16), n.start):
        return True
    m = _SELF_CLAUSE.search(text, max(0, n.start - 80), n.start)
    if m is None:
        return False
    seg = text[m.start():n.start]
    return not (_ORDEAL.search(seg) or EVENT_RE.search(seg) or _OTHERS_CLAUSE.search(seg))


# "in the five hours I was there", "in the two hours that followed": a frame the writer looks through
_IN_THE_HOURS = re.compile(r"\b(?:in|over)\s+the\s+$", re.I)
_HOURS_CLAUSE = re.compile(r"\s*-?\s*hours?\s+(?:that|which|since|I|we|he|she|they|you)\b")
# "worked 20 hours a day": a rate, not how long the event lasted
_HOURS_RATE = re.compile(r"\s*-?\s*hours?\s+(?:a|per|each|every)\s+(?:day|night|shift|week)\b", re.I)
# what a device holds, not how long the event lasted: "up to 24 hours of battery life", "10 hours of footage"
_HOURS_CAPACITY = re.compile(r"\s*-?\s*hours?\s+(?:of\s+)?(?:battery|charge|charging|playback|listening|footage|"
                             r"video|music|recording|recordings|streaming|storage)\b", re.I)
# after a preposition a count's own state may follow its noun: "searching for 12 people reported missing"
_STATE_AFTER = {"who", "reported", "feared", "believed", "thought", "presumed", "still", "listed", "known"}
# an admission with the hospital as subject: "Hospitals have admitted more than 900 patients"
_ADMITTED = {"admitted", "admitting", "admits", "admit"}
# an operation's strength named by presence, for those who are sent (rescuers, police, troops, machines):
# "300 rescuers are working at the site", "1,200 officers had been on duty"
_PRESENT_AT = re.compile(r"\s*(?:[\w,'’-]+\s+){0,9}?(?:(?:are|were|have\s+been|had\s+been|is|was)\s+(?:now\s+|still\s+)?"
                         r"(?:working|operating|searching|combing|scouring|digging|involved|on\s+duty|on\s+the\s+ground|on\s+standby|at\s+work|"
                         r"at\s+the\s+(?:scene|site)|on\s+the\s+(?:fire|front)\s*lines?|tackling|fighting|battling|committed\s+to|"
                         r"in\s+attendance|standing\s+by)|stood\s+by\b|(?:sealed|cordoned)\s+off\b|surrounded\b|"
                         r"attended(?=\s*(?:[.;,]|$|at\b|the\s+(?:scene|incident|fire|blaze|site|call)))|"
                         # "eight firefighters in breathing gear entered the building"
                         r"(?:entered|went\s+into)\s+the\s+(?:burning\s+|collapsed\s+)?(?:building|site|mine|tunnel|plant|premises|"
                         r"wreckage|house|block|hall|factory)|"
                         r"(?:have|had)\s+(?:been\s+)?worked|worked\s+(?:for|through|until|overnight|all\s+night|through\s+the\s+night)\b|(?:battled|tackled|fought)\s+(?:the|a)\s+(?:\w+\s+)?(?:blaze|fire|flames)|"
                         r"backed\s+by|responded(?=\s*(?:[.;,]|$|to\b))|working\s+in\s+shifts|working\s+(?:a)?round\s+the\s+clock|"
                         # "65 firefighters spent almost seven hours making the site safe"
                         r"spent\s+(?:[\w-]+\s+){0,2}?(?:hours|days|the\s+night))\b", re.I)
_USED_THINGS = {"fire engines", "helicopters", "aircraft", "boats", "vessels", "ambulances"}
_SENT_GROUPS = {"rescue workers", "security forces", "troops", "helicopters", "aircraft", "fire engines", "ambulances", "vessels", "search dogs",
                "vehicles", "boats"}
# "Of the fugitives, seven were recaptured": a fronted partitive names the group of a bare count
_FRONTED_OF = re.compile(r"\bOf\s+(?:the|those|these|its|their)\s+([\w'’ -]{2,40}?),\s*(?:only\s+|just\s+)?$", re.I)
# translated and English copy alike: "Among the dead are three children", "Between the injured figure 18 agents"
_AMONG_THE = re.compile(r"\b(?:among|between)\s+the\s+([a-z]+)\s+(?:there\s+)?(?:figure[sd]?|are|were|is|was|included?|includes)\s+"
                        r"(?:also\s+)?(?:(?:at\s+least|about|some|around)\s+)?$", re.I)
_PEOPLE_OF_EVENT = {"detainees": "detained", "evacuees": "evacuated"}
_MEMBERS_OF = re.compile(r"\s+of\s+(?:the\s+)?([\w'’-]+(?:\s+[\w'’-]+){0,3})", re.I)
# "the crew of 11", "a family of five": the group named before the figure
_GROUP_OF = re.compile(r"\b(crew|family|team|group|party)\s+of\s+$", re.I)
_OF_ITS_MEMBERS = re.compile(r"\s+of\s+(?:its|their)\s+members\b", re.I)
_FRONTED_EVENT = re.compile(r"^\s*Of\s+(?:the|those)\s+(?:\d[\d,]*\s+)?([a-z]+),\s*(?:(?:only|just|some|about|around|roughly|nearly|more\s+than|at\s+least)\s+)?$", re.I)
# "... and an undetermined number of demonstrators, of whom 5 were hospitalised": the noun before
_OF_WHOM = re.compile(r"\b([\w'’-]+)\s*,\s*(?:of|among)\s+(?:whom|them|which)\s+(?:only\s+|at\s+least\s+|some\s+|about\s+)?$", re.I)
# heads that count parts of a body, never people: "lost two fingers"
# a whole a later figure is part of: "Of the 230 passengers on the train, 86 were injured", "seven of the 12 boys"
_CONTAINER = re.compile(r"(?:^|[,;:—–-]\s*|\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"[a-z]+teen|[a-z]+ty)\s+)of\s+(?:the\s+[\w-]+['’]s|the|its|their|all)\s+$", re.I)
_CONTAINER_END = re.compile(r"(?:\s+[\w'’ -]{1,60}?)?(?:,|\s+(?:were|was|are|is|have|had|remain|remained)\b)", re.I)
_IS_GROUP = re.compile(r"\s+(?:are|were|was|is)\s+([\w'’-]+(?:\s+[\w'’-]+)?)")
_SUSPECTED_OF = re.compile(r"\s+(?:suspected|accused)\s+of\b", re.I)
# a figure with its key before a colon: "• Death toll: 19", "Missing: at least 30"
_KEY_COLON = re.compile(r"(?:^|[•·*\-–—|]\s*)([A-Za-z][A-Za-z ]{1,20}?)\s*:\s*$")
# a figure set beside the one before it: "compared with 31", "up from 41", "against 23 in 2019"
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?|up\s+from|down\s+from|from)\s+"
                       r"(?:(?:about|around|some|roughly|nearly|at\s+least|more\s+than|just)\s+)?$", re.I)
# inverted order: "Killed in the blast were ...", "Hurt were ...", "Were hospitalised 23 persons"
_INVERTED = re.compile(r"^\s*(?:[A-Z]{2,}[A-Z ]*:\s*)?(?:also\s+)?(?:(?P<ev1>[A-Za-z]+)(?:\s+(?:in|at|on|during|by|from)\s+[^,;:]{0,50}?)?"
                       r"\s+(?:were|was|are|is)|(?:were|was|are|have\s+been)\s+(?P<ev2>[A-Za-z]+)"
                       r"(?:\s+(?:alive|dead|safely))?(?:\s+(?:from|in|at|to)\s+[^,;:]{0,40}?)?)\s+", re.I)
_INVERTED_DEPLOY = re.compile(
    r"^\s*(?:In\s+total,?\s+)?(?:(?:To|In|At|On)\s+the\s+(?:[\w'’-]+\s+){1,6}?(?:were|was|are|have\s+been)\s+(?:attracted|involved|engaged|"
    r"directed|sent|mobili[sz]ed|deployed|working)\b|"
    # "At the site work 137 rescuers", "To the place arrived 60 firefighters"
    r"(?:At|On)\s+the\s+(?:site|scene|spot)\s+(?:work|are\s+working|operate|are\s+operating)\b|"
    r"(?:To|At)\s+the\s+(?:place|site|scene|spot)\s+(?:arrived|came|went)\b|(?:In\s+the\s+(?:operations?|action|search|raid|rescue)\s+)?"
    r"(?:participated|participate|participates|took\s+part)(?:\s+in\s+the\s+(?:operations?|action|search|raid|rescue))?(?=\s+(?:some|about|around|"
    r"more|at|over|nearly|\d|[a-z]+\s)))", re.I)
# translated copy puts the rescued after the place: "have extracted alive from the ruins six persons"
_ALIVE_FROM_BACK = re.compile(r"\b(?:extracted|pulled|taken|brought|dug|rescued|removed)\s+(?:out\s+)?alive\s+(?:from\s+(?:under\s+)?|"
                              r"out\s+of\s+)(?:the\s+)?(?:(?!(?:and|or|but|while|as)\b)[\w'’-]+\s+){1,2}$", re.I)
_INVOLVED_BACK = re.compile(r"\b(?:search|operation|rescue|response|manhunt)\b[^.;:]{0,70}\b(?:involved|involving|"
                            r"mobili[sz]ed|mobili[sz]ing|required|needed)\s+$", re.I)
_TOOK_LIVES = {"claimed", "claiming", "claims", "cost", "costing", "costs", "took", "taking", "takes"}
# "took the lives of 36 people" (and "claimed 36 lives", read with _TOOK_LIVES at the head "lives")
_LIVES_OF = re.compile(r"\b(?:" + "|".join(sorted(_TOOK_LIVES)) + r")\s+the\s+lives?\s+of\s+$", re.I)
_SUPPORTED_BY = re.compile(r"\b(?:supported|backed|assisted|aided|helped)\s+by\s+$", re.I)
_PART_OF_WHICH = re.compile(r",\s*(?:of\s+(?:whom|which|them)|among\s+(?:them|whom|which))\s+$", re.I)
_FLED = re.compile(r"\b(?:fled|flee|flees|fleeing)\b|\bforced\s+(?:from|out\s+of)\s+their\s+homes\b", re.I)
_BUILDING_HAZARD = re.compile(r"\b(?:blaze|fire|flames|smoke|leak|leaks|leaking|gas|fumes|sinkhole|tower|block|hotel|"
                              r"building|stairwells?|explosion|blast|blazing|burning|sinking)\b", re.I)
_FROM_WAR = re.compile(r"\b(?:fighting|violence|attacks?|offensive|war|clashes|gunmen|militants|rebels|troops|"
                       r"towns?|villages?|region|country|province)\b", re.I)
_RESCUE_WORK = re.compile(r"\b(?:search|rescue|liquidation|site|scene|fire|blaze|flood|rubble|debris|mud|snow|clean-?up)\b", re.I)
_CARRIED = {"took", "taken", "take", "takes", "taking", "rushed", "flew", "airlifted", "carried", "brought", "drove"}
_BY_HOSPITALS = re.compile(r"\b(?:hospitals|clinics|infirmaries)(?:\s+(?:in|across|around)\s+[\w'’ -]{1,30}?)?\s+"
                           r"(?:have\s+|had\s+)?$|"
                           # "Marrowgate Hospital says it is treating six patients"
                           r"\b(?:hospitals?|infirmar(?:y|ies))\s+(?:says?|said)\s+(?:it|they)\s+"
                           r"(?:is|are|was|were|has\s+been|had\s+been)\s+$", re.I)
_SEARCH_FOR = {"searching for", "search for", "looking for", "hunting for", "searched for", "looked for"}
_BASELINE_BEFORE = re.compile(r"\b(?:from|compared (?:with|to)|against)\s+(?:\w+\s+)?$", re.I)
# a running total: "the toll from Monday's collapse has risen to 14", "the number freed now stands at 31"
_RUNNING_TOTAL = re.compile(r"\b(?:toll|number|total|tally|count|figure)\b[^.;:]{0,80}?\b(?P<verb>(?:has|have|had)\s+(?:now\s+)?"
                            r"(?:risen|climbed|jumped|increased|grown|reached|hit|passed)|(?:now\s+)?(?:stands|stood)|rose|climbed|"
                            r"rises|climbs|reaches|reached|hit|passed|topped|exceeded|surpassed|jumped|increased)\b(?:[^.;:,]{0,30}?\b(?:to|at))?\s+$", re.I)


# "Sunday's earthquake has now killed 120 people": a count so far, of an event its day names
_PERFECT_COUNT = re.compile(r"\b(?P<verb>(?:has|have)\s+(?:now\s+|so\s+far\s+)?(?:killed|claimed|left|injured|wounded|displaced))\s+"
                            r"(?:the\s+lives\s+of\s+)?$", re.I)


def _names_the_event(text: str, dp, total) -> bool:
    """A date inside a running total's subject dates the event counted, not the count: "the toll
    from Monday's collapse has risen to 14, officials said on Wednesday" is a count as of Wednesday."""
    return total.start() <= dp.start < total.start("verb") or text.startswith(("'s", "’s"), dp.end)


# a count that did not happen: "a raid that would have killed thousands", "the toll could run into thousands";
# a plain "would" is reported future ("said the army would provide four helicopters") and stays
_UNREAL = re.compile(r"\b(?:would\s+have|(?:could|might)(?:\s+have)?)\s+(?:[a-z]+\s+){1,3}$", re.I)
# "thousands of lives could have been saved", "thousands will die if NATO enters": what might have been or
# would be, on a condition, after the number in its clause
# (a possibility stays a claim: "could have been trapped", as the opened sets label it)
_UNREAL_AFTER = re.compile(r"[^.;:,]{0,60}?\b(?:would\s+(?:not\s+)?have\s+[a-z]+|(?:could|might)\s+(?:not\s+)?have\s+been\s+"
                           r"(?:saved|spared|prevented|avoided)|will\s+(?:[a-z]+\s+){1,2}?if)\b", re.I)
_MISSING_NP = re.compile(r"\s+missing\s+([A-Za-z-]+)\b")
# a bare toll placed among a group: "five dead among the presidential guard", "two deaths among the crew"
_AMONG_GROUP = re.compile(r"\s+(?:dead|killed|wounded|injured|hurt|deaths|casualties)\s+among\s+"
                          r"(?:the\s+|its\s+|their\s+)?((?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)", re.I)


def _among_group(text: str, end: int) -> str | None:
    """The group a bare toll is placed among, when the word lists know it: the toll counts its members."""
    m = _AMONG_GROUP.match(text, end)
    words = m.group(1).split() if m else []
    for k in range(len(words), 0, -1):
        cat = category_of(words[:k])[0]
        if cat in PERSON_CATEGORIES:
            return cat
    return None
# "the town's 40,000-strong population", "a population of 90,000": how many live there, not how many the event hit
_POPULATION_AFTER = re.compile(r"(?:-|\s+)strong\s+population\b", re.I)
_POPULATION_BEFORE = re.compile(r"\bpopulation\s+of\s+(?:about\s+|some\s+|around\s+|nearly\s+|over\s+)?$", re.I)
# "a 24 hour helpline", "a 48 hour watch": singular "hour" after a plural number describes the next noun
_HOUR_ATTRIBUTIVE = re.compile(r"\s+hour\s+(?!and\b|or\b|to\b|of\b)[a-z]")
# "the page attracted 4,000 members", "hundreds of posts": people or messages online are no crowd that gathered
_NP_OF = re.compile(r"\s+of\b")  # "2,000 members of the union marched": people
_ONLINE_BEFORE = re.compile(r"\b(?:page|website|forum|blog|petition|hashtag|Facebook|Twitter)\b[^.;]{0,30}?"
                            r"\b(?:attract\w*|dr[ae]w|gain\w*|receiv\w*|collect\w*)\s+$", re.I)
_NOT_BODIES = frozenset({"posts", "comments", "messages", "emails", "e-mails", "signatures", "likes", "followers",
                         "views", "hits", "tweets", "entries", "submissions", "calls", "letters", "pictures",
                         "photos", "videos", "clips"})


def _counts_nothing(text: str, n: NumberMention) -> bool:
    """A number that is no count whatever its words: "freed three weeks ago", "shot four years later": a
    time; "0845 numbers": a code; "Gate 4": a name; "Thousands upon thousands of": the count is the repeated
    word's; "a thing or two": an idiom; "the coastguard helicopter Rescue 207 were sent": a call sign; "she
    was 19 and died", "only 28 when he died": one person's age."""
    return bool((not n.unit_hour and (_TIME_AFTER.match(text, n.end) or _UNIT_JOINED.match(text, n.end)))
                or _LEADING_ZERO.match(text, n.num_start)
                or (not n.unit_hour and (_AGE_OF_ONE_BEFORE.search(text, max(0, n.start - 20), n.start)
                                         or _AGE_OF_ONE_AFTER.match(text, n.end)))
                or _FACILITY_NO.search(text, max(0, n.start - 16), n.start) or _REPEATED.match(text, n.end)
                or (not n.unit_hour and _UNREAL_AFTER.match(text, n.end))
                or _IDIOM_BEFORE.search(text, max(0, n.start - 16), n.start)
                or _CALL_SIGN.search(text, max(0, n.start - 40), n.start)
                or (not n.unit_hour and _UNREAL.search(text, max(0, n.start - 30), n.start))
                or _POPULATION_AFTER.match(text, n.end) or _POPULATION_BEFORE.search(text, max(0, n.start - 30), n.start))


def _hours_not_a_length(text: str, n: NumberMention) -> bool:
    """Hours that tell a time or a frame, never a length: "in the last 24 hours" is a window; "an hour's
    notice" a measure of something else; "the figure they gave an hour ago", "six hours before the blast" a time;
    "had 24 hours to reply" a deadline."""
    return bool(_HOURS_WINDOW.search(text[max(0, n.start - 12):n.start]) or _POSSESSIVE_HOUR.match(text, n.end)
                or _HOURS_RATE.match(text, n.end) or _HOURS_AGO.match(text, n.end)
                or _HOURS_CAPACITY.match(text, n.end)  # "up to 24 hours of battery": a device's capacity
                or _HOURS_DEADLINE.search(text, max(0, n.start - 16), n.start)
                or _TRAVEL_BEFORE.search(text, max(0, n.start - 30), n.start) or _TRAVEL_AFTER.match(text, n.end)
                or (_IN_THE_HOURS.search(text, max(0, n.start - 10), n.start) and _HOURS_CLAUSE.match(text, n.end))
                or (_HOURS_BEFORE.match(text, n.end) and not _FOR_BEFORE.search(text, max(0, n.start - 24), n.start))
                or (n.number is not None and n.number > 1 and _HOUR_ATTRIBUTIVE.match(text, n.end))
                or _own_doings(text, n))


def _no_duration(text: str, n: NumberMention) -> bool:
    """Hours the rules do not read as the event's length: times and frames, and also waits, plans and
    changes of a length (which the learned reader may still read as one: "had to wait up to 9 hours")."""
    return bool(_hours_not_a_length(text, n) or _HOURS_WAIT.search(text, max(0, n.start - 32), n.start)
                or _HOURS_PLANNED.search(text, max(0, n.start - 40), n.start)
                or _HOURS_CHANGE.search(text, max(0, n.start - 50), n.start)
                or (_HOURS_CLOCK.search(text, max(0, n.start - 24), n.start) and n.number is not None
                    and n.number <= 24))


def _rules_veto(text: str, n: NumberMention) -> bool:
    """What the rules rule out before reading any words, which the learned reader must not add back
    ("over the last 24 hours", "killed eight days after ...", "11 hrs ago")."""
    return _counts_nothing(text, n) or (n.unit_hour and _hours_not_a_length(text, n))


# a reader's comment under the story: "At 18:03 2nd Mar 2012, name wrote:", "Posted by name | Report as abusive"
_COMMENT_HEAD = re.compile(r"\bAt\s+\d{1,2}[:.]\d{2}\s*(?:[ap]m\s+)?(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?\s+"
                           r"\d{4},\s+\S+(?:\s+\S+)?\s+wrote:|\bPosted\s+by\s+\S+\s*\|\s*Report\s+as\s+abusive\b")
_QUESTION = re.compile(r"\?[\s\"”’')]*$")
# "seasonal flu kills several thousand people each winter", "every hour 1,200 children die": a rate, no event
_RATE_PHRASE = re.compile(r"\b(?:each|every|per)\s+(?:year|winter|summer|season|week|month|day|hour)\b|"
                          r"\ba\s+(?:year|winter)\b(?!\s+(?:ago|earlier|later|before|after|on)\b)|\bannually\b|"
                          r"\bin\s+an?\s+(?:normal|typical|average|ordinary)\s+(?:[a-z]+\s+)?(?:season|year|winter)\b", re.I)
_HABITUAL = re.compile(r"\b(?:kills|die|dies|are\s+(?:killed|injured|hurt|admitted|hospitali[sz]ed)|is\s+killed)\b", re.I)


def _comments_from(sentences) -> int:
    """Index of the first sentence of the readers' comments under a story (len when none): what readers
    write there is no report of the story's figures."""
    return next((i for i, s in enumerate(sentences) if _COMMENT_HEAD.search(s.text)), len(sentences))


def _not_asserted(text: str) -> bool:
    """A sentence whose figures are not reported as having happened: a question ("Did anyone speak up when
    the army killed 1400 civilians?") or a general rate ("flu kills 36,000 people in a normal season")."""
    return bool(_QUESTION.search(text) or (_RATE_PHRASE.search(text) and _HABITUAL.search(text)))


def claims_in_sentence(text: str, article_id: str, index: int, ref_date, ctx: ArticleContext | None = None,
                       history: list[Claim] | None = None) -> list[Claim]:
    """All numeric claims in one sentence (none in a question or a general rate)."""
    return [] if _not_asserted(text) else _asserted_claims(text, article_id, index, ref_date, ctx, history)


def _asserted_claims(text: str, article_id: str, index: int, ref_date, ctx: ArticleContext | None = None,
                     history: list[Claim] | None = None) -> list[Claim]:
    """The claims of a sentence whose figures are reported as having happened (``_not_asserted``
    already asked by the caller)."""
    nums = find_numbers(text)
    if not nums:
        return []
    dates = find_date_phrases(text, ref_date)
    nums = [n for n in nums if not any(d.start <= n.num_start < d.end for d in dates)]
    if not nums:
        return []
    toks = _tokens(text)
    starts = {t.start: k for k, t in enumerate(toks)}
    ends = {t.end: k for k, t in enumerate(toks)}

    def tok_at(pos: int, table: dict[int, int], fwd: bool) -> int | None:
        for d in range(0, 4):
            p = pos + d if fwd else pos - d
            if p in table:
                return table[p]
        return None

    spans = []
    for n in nums:
        a = tok_at(n.start, starts, True)
        b = tok_at(n.end, ends, False)
        if (a is None or b is None) and n.unit_hour:
            # "a six-hour operation": the hyphenated word is one token, and a duration needs no noun phrase
            a = b = next((k for k, t in enumerate(toks) if t.start <= n.start < t.end), None)
        if a is None or b is None:
            continue
        spans.append((n, a, b))
    numbers_at = {a for _, a, _ in spans} | {
        k for _, a, _ in spans for k in range(a, a + 1)}
    # the number token itself (after a qualifier) also counts as "a number here"
    for n, a, b in spans:
        q = tok_at(n.num_start, starts, True)
        if q is not None:
            numbers_at.add(q)

    ev_starts = frozenset(m.start() for m in EVENT_RE.finditer(text))
    inv = _INVERTED.match(text)
    inverted = None
    sent_to = _INVERTED_DEPLOY.match(text)
    if sent_to:
        # translated copy puts the verb first: "To the search were attracted 64 persons", "Participated in
        # the operation some 800 police agents"
        inverted = ("deployed", sent_to.end())
    elif inv:
        word = (inv.group("ev1") or inv.group("ev2")).lower()
        if event_of(word) and word.endswith(("ed", "t", "en")) or word in ("hurt", "dead", "missing"):
            inverted = (event_of(word), inv.end())
    hp = happening_phrase(text, ref_date)
    as_of, as_of_text = (hp.date, hp.text) if hp and hp.date else (ref_date, None)
    # "3,400 have now been evacuated, up from roughly 1,200 on Wednesday": the date right after a
    # figure introduced by "from"/"compared with" dates that earlier figure only, not the sentence
    baseline: dict[int, tuple] = {}
    for n in nums:
        if not _BASELINE_BEFORE.search(text[max(0, n.start - 24):n.start]):
            continue
        for d in dates:
            if d.date is not None and 0 <= d.start - n.end <= 20:
                baseline[n.start] = (d.date, d.text)
                break
    if hp is not None and any(v[1] == hp.text for v in baseline.values()):
        as_of, as_of_text = ref_date, None  # the sentence's only date belonged to the baseline

    def when(n: NumberMention) -> tuple:
        if n.start in baseline:
            return baseline[n.start]
        own = next((d for d in dates if d.date is not None and 0 <= d.start - n.end <= 2), None)
        if own is not None and hp is not None and own.start != hp.start:
            return own.date, own.text  # "rose from 9 on Tuesday to 18 on Wednesday": each figure its day
        if as_of_text and hp.prep not in ("as of", "by") and _present_state(text, n, nums):
            return ref_date, None  # "Seven divers who set out on Tuesday are missing": missing now
        total = (_RUNNING_TOTAL.search(text, max(0, n.start - 160), n.start)
                 or _PERFECT_COUNT.search(text, max(0, n.start - 40), n.start)) if as_of_text else None
        if total and hp.prep not in ("as of", "by") and _names_the_event(text, hp, total):
            # the count is as of the day it was given ("..., the government said on Wednesday"), else the article's
            later = next((d for d in dates if d.date is not None and d.start >= total.end() and d.prep not in
                          ("until", "till", "since", "before")), None)
            return (later.date, later.text) if later else (ref_date, None)
        return as_of, as_of_text

    def prev_took(k: int) -> bool:
        return k > 0 and toks[k - 1].low in _CARRIED

    attribution = find_attribution(text, ctx)
    out: list[Claim] = []
    parts: set[int] = set()  # ids of claims that are "including ..." asides
    for n, a, b in spans:
        if _counts_nothing(text, n):
            continue
        if n.unit_hour:
            if _no_duration(text, n):
                continue
            out.append(_claim(article_id, index, text, n, "duration hours", None, "hours", *when(n),
                              attribution))
            continue
        np_words, j, subset = _np_after(toks, b + 1, n.vague, ev_starts)
        pre_event = cat_hint = None
        if not np_words and not subset and b + 2 < len(toks) and toks[b + 1].low.endswith("ed"):
            # "about 300 displaced villagers", "12 injured officers": the event stands before the group
            words2, j2, _ = _np_after(toks, b + 2, n.vague, ev_starts)
            if words2 and category_of([t.text for t in words2])[0] and event_of(toks[b + 1].low) not in (None, "flooded"):
                pre_event, np_words, j = event_of(toks[b + 1].low), words2, j2
        if _place_of_death(text, n, out):
            continue  # "Eleven people died, seven of them at the scene and four in hospital": parts of the toll
        if not np_words and not subset and _AGE_PREDICATE.search(text, max(0, n.start - 12), n.start) \
                and n.text.lower().startswith(("over ", "under ")):
            continue  # "Most of the dead were over 75": an age, not a count
        if subset:
            if j < len(toks) and toks[j].low == "with":
                continue  # "..., four of them with serious injuries": how badly, not another count
            if out and out[-1].event == "hospitalised" and j < len(toks) and toks[j].low in _DEGREE:
                continue  # "31 were taken to hospital, four of them critically hurt": how badly, not a second count
            ev0, _ = _event_back(text, toks, a)
            if ev0 and not out:
                # "Gunmen who abducted 26 passengers have freed 19 of them": "them" are the count before
                group = _antecedent_group(toks, spans, a, out) or _group_of_event(ev0, out, history)
                out.append(_claim(article_id, index, text, n, quantity_key(group, ev0), None, ev0, *when(n),
                                  attribution))
                continue
            part = _subset_group(toks, j) if out else None
            if part is not None and part == _claimed_group(out[-1]):
                continue  # "Twelve people died, ten of them guests": a part in the total's own group is no second figure
            if part is not None:
                # "Eleven people were hurt, three of them firefighters": a part with a group of its own
                out.append(_claim(article_id, index, text, n, quantity_key(part, out[-1].event), None,
                                  out[-1].event, *when(n), attribution))
                continue
            # "70 pupils fell ill and 23 of them were treated in hospital": a part with an event of its own
            ev2 = _event_forward(text, toks, j, numbers_at, ev_starts=ev_starts)
            group = _antecedent_group(toks, spans, a, out)
            if j >= 2 and toks[j - 2].low in ("those", "these") and event_of(toks[j - 1].low):
                group = _group_of_event(event_of(toks[j - 1].low), out, history)  # "Eleven of those arrested"
            if group is None and ev2 and not out and not any(a2 < a for _, a2, _ in spans):
                # "Fewer than ten of them are still in hospital": "them" are the article's last
                # group with that event, else people
                group = _group_of_event(ev2, [], history)
            if ev2 and group and not (out and out[-1].event == ev2):
                out.append(_claim(article_id, index, text, n, quantity_key(group, ev2), None, ev2, *when(n),
                                  attribution))
            continue
        if not np_words and j < len(toks) and toks[j].low in _DEGREE and (
                j + 1 >= len(toks) or not toks[j + 1].text[0].isalnum()):
            continue  # "..., one seriously."
        if not np_words and out and j < len(toks) and toks[j].low == "with" and a > 0 and toks[a - 1].low == ",":
            continue  # "..., one with serious head injuries": a part of the figure already counted
        if not np_words and out and a > 0 and toks[a - 1].low == "," and _IN_CONDITION.match(text, n.end):
            continue  # "..., four in a serious condition": a part too
        if not np_words and out and j < len(toks) and toks[j].low == "for" and a > 0 and toks[a - 1].low in (",", "and"):
            continue  # "Eight people were arrested, six for obstruction and two for assault": a breakdown by charge
        if not np_words and n.text.lower().startswith("under ") and n.number is not None and n.number <= 18:
            continue  # "most of the children were under five": an age
        if _in_parens(text, n.start) and out and not _COMPARED.search(text, max(0, n.start - 30), n.start):
            group = category_of([t.text for t in np_words])[0] if np_words else None
            if group in PERSON_CATEGORIES and group != "people":
                # "41 wounded (29 soldiers, 12 civilians)": a split by group; by sex or severity it is not
                out.append(_claim(article_id, index, text, n, quantity_key(group, out[-1].event), None,
                                  out[-1].event, *when(n), attribution))
            continue
        if n.text.lower() == "one" and re.search(r"\bno\s*$", text[max(0, n.start - 4):n.start], re.I):
            continue  # "No one was hurt"
        if _OUT_OF.match(text, n.end) or _OUT_OF_BEFORE.search(text, max(0, n.start - 8), n.start):
            continue  # "nine out of ten of the deaths": a share
        if _NONE_OF.search(text, max(0, n.start - 60), n.start):
            continue  # "none of the passengers or 11 crew was hurt"
        whole = _CONTAINER_END.match(text, n.end) if _CONTAINER.search(text, max(0, n.start - 40), n.start) else None
        if whole and not EVENT_RE.search(text, n.end, whole.end()):
            continue  # "Of the 16 crew on board, 14 were winched to safety": the whole, not a claim
        if re.fullmatch(r"\s*Of\s+(?:the|those)\s+", text[:n.start], re.I) and re.match(r"\s+[a-z]+\s*,", text[n.end:]):
            continue  # "Of the 29 dead, 11 are children": the whole the next figure is part of, said before it
        if _PARENT_OF.search(text, max(0, n.start - 20), n.start):
            continue  # "the father of three was killed": the size of his family, not a count of the dead
        if _AVERAGE.search(text, max(0, n.start - 20), n.start):
            continue  # "messages with an average of four photos": a mean, not a count
        if _WANTED.search(text[max(0, n.start - 60):n.start]) or _WEIGHED.search(text, max(0, n.start - 60), n.start):
            continue  # "demanding the release of 20 fighters": asked for, not done; "whether to evacuate dozens": weighed
        if _ACCOUNT_VERB.match(text, n.end):
            continue  # "Children under five account for ...": an age inside the subject
        share = _share_of(text, toks, a, n)
        if share is not None:
            if share:
                # "Women account for 12 of the deaths": the subject's group and the event of the whole
                out.append(_claim(article_id, index, text, n, quantity_key(*share), None, share[1], *when(n),
                                  attribution))
            continue
        qtok = tok_at(n.num_start, starts, True)
        first = min(a, qtok if qtok is not None else a)
        ev, toll_cat = _event_back(text, toks, first)
        if not ev and np_words and j < len(toks) and toks[j].start not in ev_starts:
            ev = _listed_object_event(toks, first, j)
        if sent_to and ev == "crowd":
            ev = None  # "To the search were attracted 64 persons": sent, not a crowd a rally attracted
        if ev and n.qualifier is None and _OVER_VERBS.search(text[max(0, n.start - 14):n.start]):
            n = replace(n, qualifier="more than", low=n.number)
        if (ev in ("deployed", "evacuated") or (not ev and pre_event in ("injured", None) and prev_took(first))) \
                and j < len(toks) and _TO_HOSPITAL.match(text, toks[j].start):
            # "sent 46 people to hospital", "flew 12 patients to a burns unit", "took 12 injured workers to hospital"
            ev = "hospitalised"
            pre_event = None
        among = None if ev else _AMONG_THE.search(text, max(0, n.start - 50), n.num_start)
        if among and (event_of(among.group(1).lower()) or among.group(1).lower() in _PEOPLE_OF_EVENT) and np_words:
            ev = event_of(among.group(1).lower()) or _PEOPLE_OF_EVENT[among.group(1).lower()]
            if among.group(1).lower() in ("dead", "deceased", "victims"):
                ev = "killed"
        front_ev = None if ev else _FRONTED_EVENT.search(text, 0, n.start)
        if front_ev and event_of(front_ev.group(1).lower()):
            # "Of those displaced, roughly 40,000 are children": the event fronted, the group predicated
            k = j + 1 if j < len(toks) and toks[j].low in ("are", "were", "is", "was") else j
            words2, _, _ = _np_after(toks, k, False)
            pcat = category_of([t.text for t in words2])[0] if words2 else None
            if pcat:
                pev = event_of(front_ev.group(1).lower())
                out.append(_claim(article_id, index, text, n, quantity_key(pcat, pev), None, pev, *when(n), attribution))
                continue
        partitive = _partitive_event(toks, b + 1)
        if partitive is not None and not ev:
            # "Two of the dead were children": the group is the predicate; "Three of the injured were
            # flown to hospital": a new event for a part of a group counted before; else only a part
            pev, pcat = partitive
            if pcat is None:
                ev2 = _event_forward(text, toks, b + 4, numbers_at, ev_starts=ev_starts)
                if ev2 is None or ev2 == pev:
                    continue
                pcat = "people"  # "Three of the injured were taken to hospital": the injured as a whole, whoever they were
                pev = ev2
            out.append(_claim(article_id, index, text, n, quantity_key(pcat, pev), None, pev, *when(n),
                              attribution))
            continue
        restated = None if ev else (_RESTATED.search(text[max(0, n.start - 100):n.start])
                                    or _BROUGHT_TO.search(text[max(0, n.start - 120):n.start]))
        if restated:
            key = _restated_key(restated.group("what"), out, history)
            if key is None:
                continue
            out.append(_claim(article_id, index, text, n, key[0], None, key[1], *when(n), attribution))
            continue
        head = np_words[-1].low if np_words else None
        if not ev and head in EVENT_NOUNS:
            ev = EVENT_NOUNS[head]
            np_words = []
        prev_tok = toks[first - 1].low if first > 0 else ""
        np_cat = category_of([t.text for t in np_words])[0]  # (asked by many rules below: once)
        # "Four people in the two cars were killed": "two" counts cars inside the phrase, not the dead
        after_prep = prev_tok in _PLACE_PREP or _in_place_phrase(toks, first)
        if not ev and prev_tok in _PULLED and (not np_words or np_cat) \
                and (prev_tok in ("extracted", "extracts") or (j < len(toks) and toks[j].low in ("from", "out", "alive", "free", "onto",
                                                                                  "aboard"))):
            ev = "rescued"  # "pulled 46 people from submerged cars"
        if not ev and prev_tok in ("used", "using") and np_words and np_cat in _USED_THINGS:
            ev = "deployed"  # "Crews used 14 fire engines": machines put to work on the incident
        if not ev and prev_tok in _TOOK_OFF and j < len(toks) and toks[j].low == "off" and np_words \
                and np_cat in PERSON_CATEGORIES:
            ev = "rescued"  # "the coastguard has taken 19 people off a stranded ferry"
        if not ev and prev_tok in ("lost", "lose", "losing") and np_words \
                and np_cat in ("homes", "buildings"):
            ev = "destroyed"  # "we have lost at least 60 houses": homes lost to a disaster
        if not ev and prev_tok in ("ordered", "orders", "order") and np_words and j < len(toks) and toks[j].low == "to" \
                and np_cat in _SENT_GROUPS:
            ev = "deployed"  # "ordered 1,200 police officers to patrol the markets"
        if not ev and np_words and prev_took(first) and j < len(toks) and _TO_SHELTER.match(text, toks[j].start):
            ev = "evacuated"  # "rescue teams have taken 85 people, including children, to a rest centre"
        if not ev and _TEAR_GAS.search(text, max(0, n.start - 40), n.start) and (
                not np_words or np_cat in PERSON_CATEGORIES):
            ev = "crowd"  # "police fired tear gas at several hundred supporters": a crowd named by what was done to it
        if not ev and prev_tok in _PROVIDED and np_words and np_cat in _SENT_GROUPS:
            ev = "deployed"  # "the army will provide four helicopters"
        if not ev and np_words and np_cat in _SENT_GROUPS and j < len(toks) and (
                _AT_WORK_AFTER.match(text, toks[j - 1].end) or _GUARDED_BY.search(text, max(0, n.start - 30), n.start)):
            ev = "deployed"  # "21 firefighters worked into the night", "a curfew enforced by 8,000 police officers"
        if not ev and prev_tok == "with" and np_words and np_cat in _SENT_GROUPS \
                and ((out and out[-1].event == "deployed") or _AT_WORK.search(text, 0, n.start)):
            ev = "deployed"  # "Eight engines attended, with around 50 firefighters at the peak"
        if not ev and prev_tok in ("dragged", "hauled") and j <= len(toks) and _FREED_FROM_DANGER.match(text, toks[j - 1].end):
            ev = "rescued"  # "dragged three people from the rubble" (police also drag protesters from a square)
        if not ev and (not after_prep or (j < len(toks) and (toks[j].low in _STATE_AFTER or toks[j].start in ev_starts))):
            # a relative clause names the counted noun's own event: "the search for 20 people who
            # remain missing"
            # a participle after the head ("people living near the plant ... were evacuated")
            # carries a longer modifier before the verb
            # or a prepositional one ("people from 11 villages on the eastern flank ... were evacuated")
            longer = any(t.low.endswith("ing") for t in np_words[1:]) or (
                bool(np_words) and j < len(toks) and toks[j].low in (_PLACE_PREP - {"for", "between"}) | {"of"})
            ev = _event_forward(text, toks, j, numbers_at, 12 if longer else 8, ev_starts)
            if np_words:
                # the phrase may have swallowed the count's own verb: "suspects surrendered shortly after ..."
                k0 = starts[np_words[0].start]
                jv = next((k for k in range(k0 + 1, j) if toks[k].low.endswith("ed") and not event_of(toks[k].low)
                           and category_of([t.text for t in toks[k0:k]])[0]), j)
                main = _main_event(text, toks, jv, numbers_at, ev_starts)
                if main and not (ev and main in _THING_EVENTS):
                    ev = main  # not "70,000 people who died ... have been buried": burial is no loss of things
        if ev == "released" and j <= len(toks) and _FREED_FROM_DANGER.match(text, toks[j - 1].end):
            ev = "rescued"  # "freed 12 people trapped in the rubble": a rescue, not a release from captivity
        if ev == "released" and (pre_event in ("trapped", "stranded") or any(w.low in ("trapped", "buried", "stuck")
                                                                           for w in np_words[:-1])):
            ev = "rescued"  # "to free four trapped colleagues": the trap says rescue
        if head == "bodies":
            ev = "killed"  # "pulled another 11 bodies from the rubble" is a toll, not a rescue
        if head == "lives" and prev_tok in _TOOK_LIVES:
            ev = "killed"  # "a stampede that claimed 36 lives"
        if not ev and _SUPPORTED_BY.search(text, 0, n.start) and (
                (out and out[-1].event == "deployed") or np_cat in _SENT_GROUPS):
            # "150 firefighters were deployed, supported by two helicopters"; "searching ..., helped by
            # two navy vessels": what helps a search or a rescue was sent
            ev = "deployed"
        if not ev and out and (np_words or _predicate_group(text, n.end)) and _PART_OF_WHICH.search(text, max(0, n.start - 20), n.start):
            # "27 injured, of whom 9 are police agents": the part's group is its predicate
            ev = out[-1].event  # "the arrest of 143 persons, of which 12 minors": a part with a group of its own
        if not ev and pre_event:
            ev = pre_event
        if not ev and inverted and n.start >= inverted[1]:
            ev = inverted[0]  # "Killed in the blast were nine dock workers and two firefighters"
        if not ev and not np_words:
            key = _KEY_COLON.search(text, max(0, n.start - 40), n.start)
            if key and event_of(key.group(1).lower()):
                ev = event_of(key.group(1).lower())  # "• Death toll: 19", "Missing: at least 30"
                if key.group(1).lower().endswith("toll"):
                    ev = "killed"
        rival_end = _RIVAL_END.match(text, n.end) if out and not ev else None
        if rival_end and np_words and rival_end.group(0).strip() and _RIVAL_SAYS.search(text, max(0, n.start - 70), n.num_start):
            np_words = []  # "the ministry says 11,000 took part": the verb is no group
        if not ev and out and not np_words and (
                _ESTIMATE_OF.search(text, max(0, n.start - 40), n.start) or (_gapped(text, n) and out[-1].event != "hours")
                or _RIVAL_FIGURE.search(text, max(0, n.start - 50), n.num_start)
                or (rival_end and _RIVAL_SAYS.search(text, max(0, n.start - 70), n.num_start))):
            # "put the turnout at 40,000, far above the police estimate of 9,000"; "The prefecture counted 8,200
            # demonstrators, the unions more than 30,000"; "Police put the number at 38,000; the unions said it
            # was as many as 100,000": a rival figure for the same count
            ev = out[-1].event
            cat_hint = _claimed_group(out[-1])
        if not ev and out and _COMPARED.search(text, max(0, n.start - 30), n.start) and (
                not np_words or head in EVENT_NOUNS or np_cat):
            # "62 people have died, compared with 31 in the same weeks of last year": the same count then
            ev = out[-1].event
            if not np_words:
                cat_hint = _claimed_group(out[-1])
        if not ev and prev_tok in _ADMITTED and np_words and np_cat:
            ev = "hospitalised"
        if not ev and np_words and j < len(toks) and _PRESENT_AT.match(text, toks[j - 1].end):
            if np_cat in _SENT_GROUPS and toks[j].low != "who" and not (
                    n.text.lower() == "one" and toks[b + 1].low == "of"):
                # not "nine guards who were on duty that night were suspended", nor "a leak on one of the
                # tank cars" (a part of something, not a count of what was sent)
                ev = "deployed"
        if not ev and out and not (j < len(toks) and toks[j].low in _SPEECH_AFTER):
            # "..., two diplomats said" is a source, not another count
            prev_tok = toks[a - 1].low if a > 0 else ""
            if prev_tok in ("“", '"') and a > 1:
                prev_tok = toks[a - 2].low
            own_state = (bool(np_words) and np_words[0].low.endswith("ed") and not event_of(np_words[0].low)) or (
                j < len(toks) and toks[j].low in _OWN_PREDICATE) or (
                # "..., and about 600 police officers surrounded the prison": a verb of its own
                bool(np_words) and _own_verb(toks, j))
            dash_part = prev_tok in ("–", "—") and bool(np_words)  # "at 23 – 21 prisoners and two guards –"
            if (prev_tok in _CHAIN or (a > 1 and f"{toks[a - 2].low} {prev_tok}" in ("well as", "among them"))
                    or prev_tok == "including" or dash_part) and not own_state:
                # "36 dead, 12 missing and 2,000 affected families": a participle of its own names
                # another state, not the chain's event; a count after a duration is not one ("nine hours at
                # the centre and two school halls")
                ev = out[-1].event if out[-1].event != "hours" and not _chain_broken(text, nums, out[-1].value, n) else None
        if not ev and np_words and len(np_words) <= 2 and category_of([np_words[-1].text])[0] == "protesters" \
                and np_words[-1].low.endswith("s") and (n.number is None or n.number > 2) and not _in_parens(text, n.start) \
                and not _COURT_JAILED.search(text):
            # "about 5,000 protesters blocked the motorway", "counted 9,000 protesters at the blockades"; not "one
            # protester said"
            ev = "crowd"
        if not ev:
            continue
        cat = None
        subject = " ".join(t.text for t in np_words) or None
        if np_words and np_words[0].low in _OTHERS:
            np_words = []
        if head in ("bodies", "lives"):
            cat = "people"
        elif np_words:
            cat, k = category_of([t.text for t in np_words])
            if cat is None:
                last2 = [t.low for t in np_words[-2:]]
                hedged = len(last2) == 2 and last2[0] in _HEDGES
                if len(last2) == 2 and (category_of([last2[0]])[0] or hedged or _adjective(last2[0])
                                        or last2[0].endswith("ed") or last2[0].endswith("ing")):
                    # "14 people smugglers", "suspected smugglers", "water-bombing aircraft", "40 heavy
                    # excavators" count the head; a noun before it stays ("fire engines")
                    last2 = last2[1:]
                cat = " ".join(last2)
                if last2[-1] in _NOT_HEADS or last2[-1] in _NOT_NOUNS or last2[-1].endswith(("ly", "ing", "able", "ible")) or (
                        len(np_words) > 1 and len(last2[-1]) > 3 and last2[-1].endswith("ed")) or (
                        np_words[-1].text[0].isupper() and not np_words[-1].low.endswith("s")):
                    # not a head noun: "a toll of 44 given by", "one person previously reported", "two ships unable
                    # to dock", "men came
                    # running", "after seven days Elisabeth Joassaint"
                    continue
                if _DEMONYM.match(np_words[-1].text) and ev in _HUMAN_EVENTS \
                        and all(w.text[0].isupper() or w.low in _PLAIN_ADJECTIVES for w in np_words):
                    cat = "people"  # "Some 40 Hungarians have died": a nationality or faith counted as people
                if cat == "units" and UNITS_OF_MACHINES.match(text, np_words[-1].end):
                    cat = "vehicles"  # translated copy: "48 units of special technique" were sent
                if hedged and cat in _GENERIC_HEADS:
                    cat = "suspects"  # "27 suspected members of a gang": the head says only "suspects"
                elif cat in _STAFF_HEADS and _members_of(text, np_words[-1].end):
                    cat = _members_of(text, np_words[-1].end)  # "350 effectives of the police and of the army"
                elif cat.split()[-1] in _GENERIC_HEADS and _members_of(text, np_words[-1].end):
                    # "27 members of the security forces"; "two Oxfam members of staff" are staff whoever employs them
                    cat = _members_of(text, np_words[-1].end)
                elif cat in _GENERIC_HEADS:
                    # "four members of one family"; "the union says 23 of its members were hurt"
                    cat = "workers" if (_OF_ITS_MEMBERS.match(text, n.end)
                                        and re.search(r"\bunions?\b", text[:n.start], re.I)) else "people"
            else:
                cat = _mixed_group(toks, j, cat, numbers_at, ev_starts) or cat
            state = _OF_THE_STATE.match(text, n.end) if cat == "people" else None
            state_ev = event_of(state.group(1)) if state and state.group(1).lower() not in EVENT_NOUNS else None
            if state_ev and any(c.event == state_ev for c in history or []):
                # "three of the trapped men": the men the article counted with that state
                earlier = _group_of_event(state_ev, [], history)
                cat = earlier if earlier in PERSON_CATEGORIES else cat
        if cat is None:
            cat = toll_cat or cat_hint
        if cat is None and not np_words:
            named = _GROUP_OF.search(text, max(0, n.start - 20), n.start)
            cat = category_of([named.group(1)])[0] if named else None
        if cat is None and not np_words:
            front = _FRONTED_OF.search(text, 0, n.start) or _OF_WHOM.search(text, 0, n.start)
            if front:
                words = [w for w in front.group(1).split() if not w[0].isdigit()]
                cut = next((k for k, w in enumerate(words) if w.lower() in _STOP_NP), len(words))
                cat = category_of(words[:cut])[0]  # "Of the 16 crew on board, 14 were ..." -> crew
                pred = _IS_GROUP.match(text, n.end)
                words = pred.group(1).split() if pred else []
                pcat = category_of(words)[0] or category_of(words[:1])[0]
                if pcat:
                    cat = pcat  # "..., of whom three are minors"
        if cat is None and not out and not np_words and not n.vague and any(a2 < a for _, a2, _ in spans) \
                and not (a > 0 and toks[a - 1].low == "among"):
            # not "a mother and two children among 4 dead": the figure is the whole the group is part of
            # "All 340 employees were accounted for, and 96 were evacuated": the group of a figure
            # before it that was no claim of its own
            prior = _antecedent_group(toks, spans, a, out)
            groups = {_np_group(toks, b2) for _, a2, b2 in spans if a2 < a}
            # "carrying 195 passengers and eight crew, ... killing 122": two groups before, so none is lent
            cat = prior if prior in PERSON_CATEGORIES and len(groups) == 1 else None
        if cat is None and out and a > 0 and toks[a - 1].low == "among" and not np_words:
            cat = "people"  # "a mother and two children among 4 dead": the whole the group is part of
        if cat is None and out:
            # a bare count shares the previous count's group ("37 homes were destroyed and 120
            # damaged"), but a vague one only when it says so ("dozens more", "hundreds of others") or
            # shares the event: "Three firefighters were hurt and thousands were evacuated" does not
            # make the thousands firefighters
            # a part named with "including" is an aside: "29 were killed, including eight children, and
            # more than 70 injured" -- the 70 are of the whole, not children
            lead = next((c for c in reversed(out) if id(c) not in parts), out[-1])
            # "21 soldiers had died and several were missing": "several" speaks of the same soldiers
            same = not n.vague or lead.event == ev or _continues(toks, b + 1) or n.text.lower() == "several"
            # "destroyed two houses, killing a woman and injuring four": houses are not injured
            if ev in _THING_EVENTS and lead.event not in _THING_EVENTS:
                continue  # "killing five people and destroying 20": 20 of what is not said
            same = same and (lead.event in _THING_EVENTS) == (ev in _THING_EVENTS)
            if lead.event != "hours":
                cat = lead.quantity.rsplit(" ", 1)[0] if same else "people"
            if lead.quantity == "crowd size":
                cat = "people"
        if cat is None and history and ((not np_words and _OF_THEM.search(text, 0, n.start)) or _continues(toks, b + 1)):
            # "Most of them climbed out, but four were killed": "them" are the group the article counted last;
            # "dozens of others", "two more": that group too, whatever its event, unless that sentence
            # counted several ("11 civilians and five police officers")
            last = [c for c in history if c.sentence == history[-1].sentence and not _is_aside(c)]
            groups = {split_key(c.quantity)[0] for c in last} & PERSON_CATEGORIES
            cat = groups.pop() if len(groups) == 1 else None
        if cat is None and history and not n.vague and not in_quotation(text, n.start):
            # a witness's "about 10 were killed" speaks of what they saw, not of the group the
            # article counted last
            # a vague bare count ("Dozens killed in the unrest, police say") names no group: it
            # stays "people" rather than borrowing the last group the article counted
            this_as_of = when(n)[0]
            for c in reversed(history):
                if c.as_of and this_as_of and (c.as_of - this_as_of).days > 31:
                    continue  # "In March 2021 another riot left 21 dead": an earlier event, not this one
                if c.event == ev and c.quantity != "crowd size" and not _is_aside(c):
                    cat = c.quantity[: -len(ev) - 1] if c.quantity.endswith(" " + ev) else None
                    break
        if cat is None:
            cat = "people"
        if not np_words and ev in _PERSON_EVENTS:
            cat = _among_group(text, n.end) or cat  # "made at least five dead among the presidential guard"
        missing_np = _MISSING_NP.match(text, n.end) if ev == "missing" and cat == "people" else None
        if missing_np and category_of([missing_np.group(1)])[0] not in (None, "people"):
            cat = category_of([missing_np.group(1)])[0]  # "the search for 11 missing workers": the noun after the state
        if ev == "deployed" and cat == "people" and (sent_to or _RESCUE_WORK.search(text)):
            cat = "rescue workers"  # "64 persons were attracted to the search": people sent to a rescue are responders
        if ev == "crowd" and cat in THING_CATEGORIES:
            continue  # "a crowd of 1,000 protesters ... and several government buildings": things are no crowd
        if ev == "crowd" and ((np_words and np_words[-1].low in _NOT_BODIES and not _NP_OF.match(text, np_words[-1].end))
                              or _ONLINE_BEFORE.search(text, max(0, n.start - 80), n.start)):
            continue  # "the page attracted 4,000 members", "hundreds of posts": no one gathered
        if ev == "striking" and cat in ("people", "rescue workers"):
            cat = "workers"  # "212,000 of its members took part in the walkout": strikers are workers
        if ev == "striking" and cat not in PERSON_CATEGORIES and np_words and np_words[-1].low.endswith(_AGENT_NOUN):
            cat = "workers"  # "240 refuse collectors went on strike": who strikes works
        if ev == "striking" and cat not in PERSON_CATEGORIES:
            continue  # "drivers at the city's two bus depots went on strike": only people strike
        if ev == "injured" and (sent := _HURT_SENT.match(text, n.end)) and _TO_HOSPITAL.match(text, sent.end()):
            ev = "hospitalised"  # "of them 11 with injuries were transported to the hospital": the hurt are counted admitted
        if ev == "displaced" and _FLED.search(text) and _BUILDING_HAZARD.search(text) and not _FROM_WAR.search(text):
            ev = "evacuated"  # "400 holidaymakers fled as a blaze tore through the hotel", "forced from their homes by a gas leak"
        if ev == "displaced" and cat in _SENT_GROUPS and re.search(r"\bspen[td]", text):
            ev = "deployed"  # "65 firefighters spent the night at the site": on duty, not driven from home
        if ev == "displaced" and cat == "prisoners":
            continue  # "31 prisoners fled": an escape, not people driven from home
        if cat in NOT_GROUPS or cat.rsplit(" ", 1)[-1] in NOT_GROUPS:
            continue  # "lost two fingers"; "3,412 suspected cases"; "the evacuation of eleven villages"
        if cat == "people" and np_words and np_words[-1].low in ("drivers", "driver") and _VEHICLE_OWNER.search(text, 0, n.start):
            cat = "workers"  # "the train's two drivers were injured": a vehicle's own drivers are its crew, like "train drivers"
        if cat == "workers" and np_words and np_words[-1].low in ("drivers", "driver") and ev in _ON_THE_ROAD:
            cat = "people"  # "2,000 lorry drivers were stranded at the port": motorists stuck, not workers hurt at work
        if ev == "stranded" and cat in PERSON_CATEGORIES and (_BLOCKED_INSIDE.search(text, n.end)
                                                              or _INSIDE_BLOCKED.search(text, 0, n.start)):
            ev = "trapped"  # "Eleven workers remain blocked in the tunnel": shut in, not held up on a road
        if cat == "people" and np_words and np_words[-1].low in ("men", "women") and ev in _MEN_EVENTS and ctx is not None:
            # "14 men are trapped" in an article about miners trapped: the men are the group it named so
            cat = _group_named_with(ev, history, ctx.sentences, text) or cat
        if np_words and np_words[-1].low in ("colleagues", "comrades") and cat == "people":
            cat = _speaker_group(toks, a) or cat  # "Firefighters say three of their colleagues were hurt"
        if np_words and cat == "people" and _SUSPECTED_OF.match(text, toks[j - 1].end):
            cat = "suspects"  # "two men suspected of steering the boat"
        held = _HELD_HOSTAGE.match(text, np_words[-1].end) if np_words and cat in PERSON_CATEGORIES else None
        if ev == "detained" and held and _SET_FREE.search(text, held.end()):
            ev = "released"  # "Two teachers held hostage with them were also freed": the release is the news
        if ev == "released" and held:
            cat = "hostages"  # "released 12 guards they had held hostage": whoever they were, they were hostages
        if ev == "released" and cat in _TAKEN_GROUPS and ctx is not None and _hostage_story(ctx.sentences, text) \
                and not (a > 0 and toks[a - 1].low in ("including", "both")) and not (a > 1 and toks[a - 2].low == "among") \
                and not (when(n)[0] and ref_date and (ref_date - when(n)[0]).days > 14):
            # "All 11 guards were released unharmed" after "inmates took 11 guards hostage"; not a release of weeks
            # before ("In August, another four contractors were freed"), which is another captivity
            cat = "hostages"
        if ev == "missing" and cat in ("suspects", "attackers"):
            continue  # "police are searching for two suspects": a manhunt, not people lost
        if ev == "missing" and cat in ("homes", "buildings"):
            ev = "destroyed"  # "about 40 homes had been swept away"
        if ev == "flooded":
            if cat not in ("homes", "buildings"):
                continue
            ev = "damaged"
        if cat in THING_CATEGORIES and (ev in _PERSON_EVENTS or ev == "displaced"):
            # "two cars ... were killed": things are not killed, hurt or arrested; "lorries full of families fled":
            # the people were driven out, the lorries are no displaced count
            continue
        if ev in _THING_EVENTS and cat in PERSON_CATEGORIES:
            continue  # "40 marathon runners collapsed": people are not destroyed
        if ev == "detained" and _COURT_JAILED.search(text):
            continue  # "A court has jailed eight men for their part in the riots": a sentence, not an arrest count
        if ev == "detained" and cat not in PERSON_CATEGORIES and _CAPTURED.search(text):
            continue  # "captured two villages": only people in a known group are captives
        if _PART_OF_WHICH.search(text, max(0, n.start - 20), n.start) and any(c.quantity == quantity_key(cat, ev) for c in out):
            continue  # "31 patients were admitted, of whom six are in intensive care": a part, not a second count
        if a > 0 and toks[a - 1].low == "including" and any(c.quantity == quantity_key(cat, ev) for c in out):
            continue  # "13 officers died, including two who were beheaded": a part, not a rival figure
        out.append(_claim(article_id, index, text, n, quantity_key(cat, ev), subject, ev, *when(n),
                          attribution))
        if a > 0 and (toks[a - 1].low == "including" or _in_dashes(text, n.start)
                      or _PART_OF_WHICH.search(text, max(0, n.start - 20), n.start)):
            parts.add(id(out[-1]))  # a part named in an aside never lends its group to a later bare count
    _from_to(text, nums, out, when)
    splits = list(_CLAUSE_SPLIT.finditer(text)) if out else []
    if splits:
        # "TVH reported 20 killed, while the ministry said 18 had died": each figure its own source
        for k, c in enumerate(out):
            pos = text.find(c.value)
            start = max((m.end() for m in splits if m.end() <= pos), default=0)
            nxt = next((m.start() for m in splits if m.start() > pos), len(text))
            own = find_attribution(text[start:nxt], ctx)
            if not own and (start or nxt < len(text)):
                # "..., while the number of injured recorded by hospitals reached 40": a clause that names its
                # own counter takes it, or no source at all, never the other clause's
                names, own = counted_by(text[start:nxt], ctx)
                if names and c.attribution != own:
                    out[k] = replace(c, attribution=own)
                    continue
            if own and own != c.attribution:
                out[k] = replace(c, attribution=own)
    return out


# clause boundaries between rival sources: ", while the ministry said ...", "; the union says ..."
_CLAUSE_SPLIT = re.compile(r",\s*(?:while|whereas|but)\s+|;\s+|\s+(?:while|whereas)\s+(?=\w+\s+\w+\s+(?:said|says|reported|put))", re.I)
_CHANGED = (r"\b(?:rose|risen|rising|climbed|climbing|increased|jumped|went\s+up|gone\s+up|fell|fallen|"
            r"dropped|revised(?:\s+(?:up|down)(?:wards)?)?|grew|grown)\s+from\s+")
_ROSE_FROM = re.compile(_CHANGED + "$", re.I)


_ROSE_FROM_TO = re.compile(_CHANGED + r"[^,;]{1,40}?\s+to\s+$", re.I)


def _from_to(text: str, nums, out: list[Claim], when) -> None:
    """'The toll rose from 9 on Tuesday to 18 on Wednesday': the earlier figure is the same count."""
    claimed = {c.value for c in out}
    for n in nums:
        if n.text.strip("“”\" ") in claimed or not _ROSE_FROM.search(text, max(0, n.start - 40), n.start):
            continue
        later = next((c for c in out if text.find(c.value, n.end) != -1
                      and re.fullmatch(r"[^,;.]{0,30}?\bto\s+", text[n.end:text.find(c.value, n.end)])), None)
        if later is not None:
            as_of, as_of_text = when(n)
            out.insert(out.index(later), replace(later, value=n.text.strip("“”\" "), number=n.number, low=n.low,
                                                 high=n.high, vague=n.vague, qualifier=n.qualifier,
                                                 as_of=as_of, as_of_text=as_of_text))


def _claim(article_id, index, text, n: NumberMention, quantity, subject, event, as_of, as_of_text,
           attribution) -> Claim:
    value = n.text.strip("“”\" ")
    if event == "hours" and re.search(r"\ban?$", value, re.I):
        value += " hour"  # "about an hour": the bare "about an" reads as nothing in a table
    return Claim(
        article_id=article_id, sentence=index, quantity=quantity, value=value,
        number=n.number, low=n.low, high=n.high, vague=n.vague, qualifier=n.qualifier, subject=subject,
        event=event, as_of=as_of, as_of_text=as_of_text, attribution=attribution, text=text,
    )


def _claims_foreign(article: Article) -> list[Claim]:
    """Not English: digits followed by a unit word or counter ("12 policías", "12人"), keyed by
    language and that word; what happened to them is not analysed (see extract.language)."""
    lang = language_of(article)
    out = []
    for s in article.sentences:
        for _start, _end, written, value, unit in unit_amounts(s.text):
            out.append(Claim(article.id, s.index, f"{lang}: {unit}", written, value, text=s.text,
                             as_of=s.ref_date, subject=unit, qualifier=amount_qualifier(written)))
    return out


def rule_claims(article: Article, ctx: ArticleContext | None = None) -> list[Claim]:
    """Numeric claims of every sentence of ``article`` by the rules alone."""
    if not is_english(article):
        return _claims_foreign(article)
    ctx = ctx if ctx is not None else ArticleContext()
    out: list[Claim] = []
    comments = _comments_from(article.sentences)
    for i, s in enumerate(article.sentences):
        if i < comments and not _not_asserted(s.text):
            out.extend(_asserted_claims(s.text, article.id, s.index, s.ref_date, ctx, out))
        ctx.see(s.text)
    return out


_PART_INTRO = re.compile(r"\b(?:including|among\s+them|among\s+whom)\s+$", re.I)


def _same_group_part(text: str, mention: NumberMention, key: str, claims: list[Claim]) -> bool:
    """'At least 13 workers were killed, the union said, including two contractors': a part named
    after 'including' in the total's own group is no second figure for that key (a brief would show
    it as a rival toll); a part with a group of its own ('including three children') stays."""
    return bool(_PART_INTRO.search(text, max(0, mention.start - 30), mention.start)) and any(
        c.quantity == key for c in claims)


def extract_claims(article: Article, ctx: ArticleContext | None = None) -> list[Claim]:
    """Numeric claims of every sentence of ``article`` (sentences must be filled): the rules' claims,
    plus figures they left unclaimed that the learned reader (``extract.learned``) is sure of.
    NEWSFUSE_LEARNED_CLAIMS=0 gives the rules alone. Learned claims never feed the rules' history,
    so the rules read every sentence as they would alone."""
    from . import learned

    if not is_english(article) or not learned.enabled():
        return rule_claims(article, ctx)
    ctx = ctx if ctx is not None else ArticleContext()
    per_sentence: list[list[Claim]] = []
    rules_of: list[int] = []  # how many of each sentence's claims are the rules'
    history: list[Claim] = []
    asked: list = []  # (sentence position, candidate)
    context: dict[int, tuple] = {}  # sentence position -> (as_of, as_of_text, attribution)
    comments = _comments_from(article.sentences)
    for i, s in enumerate(article.sentences):
        heard = i < comments and not _not_asserted(s.text)  # no comment, question or rate: a reported figure
        claims = _asserted_claims(s.text, article.id, s.index, s.ref_date, ctx, history) if heard else []
        history.extend(claims)
        per_sentence.append(list(claims))
        rules_of.append(len(claims))
        cands = learned.unclaimed(s.text, s.ref_date, claims) if heard else []
        if cands:
            asked += [(i, c) for c in cands]
            hp = happening_phrase(s.text, s.ref_date)
            as_of = (hp.date, hp.text) if hp and hp.date else (s.ref_date, None)
            context[i] = (*as_of, find_attribution(s.text, ctx))  # the context as of this sentence
        ctx.see(s.text)
    where = {id(c): i for i, c in asked}
    for c, key in learned.accepted([c for _, c in asked]):
        i = where[id(c)]
        s = article.sentences[i]
        event = split_key(key)[1]
        if _rules_veto(s.text, c.mention):
            continue  # a time, a code or a window the rules rule out, not a figure the rules missed
        if _same_group_part(s.text, c.mention, key, per_sentence[i]) or _place_of_death(s.text, c.mention, per_sentence[i]):
            continue  # a part of a figure the rules read, not a figure of its own
        added = _claim(article.id, s.index, s.text, c.mention, key, None, event, *context[i])
        added.method = "learned"
        per_sentence[i].append(added)
    return [c for claims in _second_opinion(article, per_sentence, rules_of) for c in claims]


def _second_opinion(article: Article, per_sentence: list[list[Claim]], rules_of: list[int]) -> list[list[Claim]]:
    """The learned reader's corrections of the rules' keys, when turned on (``learned.correcting``;
    off by default): only the rules' own claims (the first ``rules_of[i]`` of each sentence)."""
    from . import learned

    t = learned.correcting()
    if t is None:
        return per_sentence
    out = []
    for s, claims, n in zip(article.sentences, per_sentence, rules_of):
        out.append(learned.corrected(s.text, s.ref_date, claims[:n], t) + claims[n:])
    return out
