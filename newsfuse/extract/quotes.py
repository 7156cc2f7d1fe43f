"""Quotes with their speakers: direct (curly or straight marks), partial and indirect speech.

Direct: a quoted span plus a speech verb next to it ("..." police spokeswoman X told Y;
X said: "..."; "...," he said). Pronouns and bare surnames resolve to the nearest preceding
full name in the article. Short quoted phrases without any speech verb are scare quotes and
are skipped. Indirect: a sentence that opens with a speaker and a reporting verb followed by a
clause ("Police said Thursday that 12 officers..."); trailing attributions ("..., police said.")
are claim attributions, not quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

import re
import unicodedata

from ..records import Article, Quote
from .language import is_english
from .speakers import (ORG_WORDS, PRONOUNS, ROLE_WORDS, SPEECH_VERBS, TITLES, ArticleContext, in_quotation, person_names,
                       person_role, split_speaker, undot_titles)


__all__ = ["extract_quotes", "quotes_in_sentence", "same_quote", "quote_similarity"]

_QUOTE_SPANS = [
    re.compile(r"“([^“”]{2,}?)(?:”|$)"),
    re.compile(r"(?:^|(?<=[\s(:,—-]))\"([^\"]{2,}?)\""),
    re.compile(r"‘([^‘’]{2,}?)’(?!\w)"),
    re.compile(r"(?:^|(?<=[\s(:]))'([A-Z][^']{2,}?[.,!?])'(?!\w)"),
    re.compile(r"«\s*([^«»]{2,}?)\s*(?:»|$)"),  # guillemets of translated French, Spanish, Italian copy
    # a quotation running on from the sentence before: opened and not closed, or closed and not opened
    # before its speaker ('They were afraid," said Ana Ruiz.')
    re.compile(r'^"([^"“”]{8,})$'),
    re.compile(rf'^([^“”"]{{8,}}?[,.!?])[”"](?=\s*(?:(?:[a-z]+\s+)?(?:{SPEECH_VERBS})\b|(?:[A-Z][\w.\'’-]*\s+){{1,4}}(?:{SPEECH_VERBS})\b))'),
]
_SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.I)
# right after a closing quote more verbs introduce the speaker than elsewhere (translated copy:
# '..." pronounced the spokesperson'; '..." she lamented') -- there they cannot mean anything else
_AFTER_QUOTE_VERBS = (SPEECH_VERBS + "|pronounced|indicated|asked|answered|responded|lamented|reiterated|"
                      "regretted|deplored|recalled|recounted|conceded|concluded|continued|"
                      "maintained|asserted|sentenced|manifested|highlighted|underlined|underscored|summed up|"
                      "promised|pledged|predicted|demanded|begged|testified|narrated|related|accused|denounced|complained")
_AFTER_SPK_VERB = re.compile(rf"^\s*[,.!?]?\s*([^,.;:“”\"«»]{{1,60}}?)\s+(?:{_AFTER_QUOTE_VERBS})\b", re.I)
# '..." declared to the press the minister, Dr. Ana Ruiz.': the audience is not the speaker, and the
# full stop of a title abbreviation does not end the speaker
# (translated copy also names the outlet or agency heard: '..." has declared to Agence Nord a miner')
_AUDIENCE = (r"(?:to\s+(?:the\s+)?(?:press|reporters|journalists|media|local\s+media|agency|"
             r"(?:[A-Z][\w-]*\s+){1,3}(?=(?:the|a|an|[A-Z])\b))\s*)?")
# a perfect tense in translated copy: '..." has declared the minister' ("has" is no speaker)
_PERFECT = r"(?:(?:has|have|had)\s+)?"
_TITLE_DOT = r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)(?<!\bGen)(?<!\bCol)(?<!\bSgt)(?<!\bSt)"
_AFTER_VERB_SPK = re.compile(rf"^\s*[,.!?]?\s*{_PERFECT}(?:{_AFTER_QUOTE_VERBS})\s+{_AUDIENCE}(.{{2,90}}?)"
                             rf"(?=\s+(?:in|on|at|during|after|to|from)\s|{_TITLE_DOT}[.;]|,\s*(?:who|whose|which)\b|$)", re.I)
# an aside between a subject and its verb: a participle clause or a prepositional phrase in lower case
# (or a relative clause, or an age: "a nurse, who asked not to be named, told", "Lisa, 41, said")
_ASIDE_PIECE = re.compile(r"^\s*(?:(?:[a-z]+(?:ing|ed)|in|on|at|for|with|after|before|during|flanked|surrounded|"
                          r"who|whose|which)\b|\d{1,3}\s*$)")
# a conjunction right after a quote joins another predicate ('was "heartbroken" and promised'): no speaker there
_NOT_AFTER_SPK = {"and", "but", "or", "then", "so", "that", "which", "who", "to", "as", "while", "when",
                  "has", "have", "had",
                  # a place or source of a quoted word ('"a traitor" in the Sun - said'): no speaker
                  "in", "on", "at", "by", "for", "from", "of", "with"}
# "X described the attack as 'a cowardly act'": the quoted words are X's
_DESCRIBED_AS = re.compile(r"\b(?:described|branded|labell?ed|characteri[sz]ed)\s+(?:[\w'’-]+\s+){0,6}?as\s*$"
                           # "X called the attack 'an act of war'" (not "so-called", not "called for")
                           r"|(?<![\w-])(?:called|dubbed|termed)\s+(?!for\b|on\b|off\b|in\b)(?:[\w'’-]+\s+){1,4}?$", re.I)
_BEFORE = re.compile(rf"(?:^|[.;]\s)?(.{{1,120}}?)\s+(?:{SPEECH_VERBS})(?:\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|\s+(?:reporters|us|me|him|her|them|journalists))?\s*[:,]?\s*$", re.I)
# words that open a scene-setting phrase, never a speaker: prepositions, conjunctions, participles
_SCENE_WORDS = (r"(?:In|On|At(?!\s+(?:least|most)\b)|With|Without|After|Before|During|Despite|Following|Outside|Inside|"
                r"From|By|Under|Amid|Even|If|When|While|Although|Though|Because|As|Since|Once|Unless|Asked|Speaking|"
                r"Addressing|Referring|Based|Haunted|Faced|Pressed|Writing)\b")
# (a lead phrase may also open with any participle: "Highlighting the region's potential, GSK said";
# a subject may not only when it is one of the words above: "Mining company officials say" speak)
_SCENE = rf"(?:{_SCENE_WORDS}|[A-Z][a-z]+ing\b)"
_INDIRECT = re.compile(
    # (a correspondent's answer opens with "Well," or "Yes,": "Well, the police told me ...")
    # (and a scene-setting phrase before the subject: "In court on Monday, the lawyer said ...",
    # "With parts of the city ablaze, Mubarak said ...")
    rf"^(?:(?i:earlier|later|meanwhile|separately|on \w+|in a statement|however)\s*,\s*|(?i:well|yes)\s*,\s*(?:[A-Z][a-z]+\s*,\s*)?"
    rf"|{_SCENE}[^,;:“”\"]{{0,90}},\s*)?"
    rf"(?P<spk>(?:[A-Z]|the\s)[^;:“”\"]{{0,110}}?)\s+(?:(?:has|have)\s+)?(?P<verb>said|says|say|told|tells|tell|added|adds|estimate|estimates|claim|stated|announced|confirmed|"
    rf"estimated|denounced|warned|insisted|explained|claimed|denied|reported|noted|stressed|"
    rf"expressed|tweeted|wrote|posted|fumed|vowed|revealed|observed|cautioned|reports|pointed out|"
    # translated copy reports speech with these; only with "that" (see _THAT_ONLY)
    r"informed|indicated|specified|detailed|affirmed|declared|assured|maintained|asserted|acknowledged|"
    r"admitted|emphasi[sz]ed|highlighted|underlined)\b"
    rf"(?P<rest>.*)$")
_ROLE_WORDS = re.compile(r"\b(?:spokes(?:man|woman|person)|minister|president|chief|official|head|leader|"
                         r"chairman|director|mayor|witness|resident|survivor|passenger|colonel)\b", re.I)


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    s = s.replace("’", "'").replace("‘", "'")
    return re.sub(r"[^\w\s']", " ", s)


@dataclass(frozen=True)
class QuoteSignature:
    """What quote matching compares, computed once per quote (matching is pairwise)."""

    words: frozenset
    grams: frozenset


def quote_signature(text: str) -> QuoteSignature:
    words = _norm(text).split()
    return QuoteSignature(frozenset(words), frozenset(x for w in words for x in _grams(w)))


def signature_similarity(a: QuoteSignature, b: QuoteSignature) -> float:
    """0..1: how likely two quotes are the same statement (e.g. two translations).

    Mix of word overlap coefficient (containment handles partial quotes) and character
    trigram Dice (handles inflection and small wording changes).
    """
    if not a.words or not b.words:
        return 0.0
    overlap = len(a.words & b.words) / min(len(a.words), len(b.words))
    dice = 2 * len(a.grams & b.grams) / (len(a.grams) + len(b.grams)) if a.grams and b.grams else 0.0
    return 0.5 * overlap + 0.5 * dice


def quote_similarity(a: str, b: str) -> float:
    """0..1 similarity of two quote texts (see signature_similarity)."""
    return signature_similarity(quote_signature(a), quote_signature(b))


def _grams(w: str, n: int = 3) -> list[str]:
    w = f" {w} "
    return [w[i:i + n] for i in range(max(1, len(w) - n + 1))]


SAME_QUOTE = 0.5


def same_quote(a: str, b: str, threshold: float = SAME_QUOTE) -> bool:
    """True when two quote texts are the same statement, allowing for translation drift."""
    return quote_similarity(a, b) >= threshold


def _tidy(inner: str) -> str:
    """Quoted words without stray marks from mixed quote styles: 'interference".' -> 'interference'."""
    inner = inner.strip()
    inner = re.sub(r"[\"'”’]+[.,;:]*$", "", inner)
    inner = re.sub(r"^[\"'“‘]+", "", inner)
    return inner.strip()


def _quoted_spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for pat in _QUOTE_SPANS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < pe and ps < e for ps, pe, _ in spans):
                continue
            spans.append((s, e, _tidy(m.group(1))))
    spans.sort()
    return spans


_ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+([^,;:“”\"]{2,60}?)\s*,\s*$")
_SAYING = re.compile(r",?\s*(?:saying|adding|telling\s+[\w ]{1,30}?)\s*[:,]?\s*$", re.I)


# a manner adverb after an inverted speaker: '"...," says Shona casually'
_TRAILING_MANNER = re.compile(r"^(.*[A-Z][\w'’.-]*)\s+[a-z]+ly$")
# a body or role named with a / an / the, a verb that is plainly finite (a past tense, a perfect, or a
# verb after "now"/"also"/"then"), then the speech verb joined by "but" / "and": the speaker is that
# body, not the conjunction ('An army spokesman declined to comment, but confirmed: "..."', "The ministry
# denied the charge and said ...", "The regional hospital has declared ... and says ...")
_JOINED_BODY = re.compile(r"^(?P<lead>(?:[Aa]n?|[Tt]he)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+?)\s+"
                          r"(?:(?:has|have|had)\s+[a-z]+(?:ed|en)|(?:now|also|then)\s+[a-z]+s|[a-z]{3,}ed)\b"
                          r"[^\"“”]*?,?\s+(?:and|but)$")


def _speaker_for(text: str, s: int, e: int, spans) -> str | None:
    text = undot_titles(text)  # '..." Rear Adm. Ana Ruiz said': the rank's full stop ends nothing
    after = text[e:]
    nxt = next((ps for ps, _, _ in spans if ps >= e), len(text))
    after = after[: nxt - e]
    m = _AFTER_SPK_VERB.match(after)
    if m and len(m.group(1).split()) <= 8 and m.group(1).split()[0].lower() not in _NOT_AFTER_SPK:
        return m.group(1)
    m = _AFTER_VERB_SPK.match(after)
    if m:
        return _TRAILING_MANNER.sub(r"\1", _before_apposition(m.group(1)))  # 'says Shona casually': the name
    prev = max((pe for _, pe, _ in spans if pe <= s), default=0)
    before = text[prev:s]
    saying = _SAYING.search(before)
    if saying:
        names = person_names(before[:saying.start()])
        if names:
            return names[0][2]  # "Minister Elin Brask welcomed the deal, saying: ..."
    acc = _ACCORDING_TO.search(before)
    if acc:
        return acc.group(1)  # 'According to Holm, "the town will get through this"'
    m = _BEFORE.search(before)
    if m:
        chunk = m.group(1)
        joined = _JOINED_BODY.match(chunk.strip())
        if joined:
            return joined.group("lead")  # 'An army spokesman declined to comment, but confirmed: "..."'
        scene = re.match(_SCENE, chunk.strip())
        if scene and "," in chunk:
            chunk = chunk.rsplit(",", 1)[1]  # "Speaking at the White House, Allen observed:": Allen
        if person_names(chunk):
            return chunk
        # "The airline, Aerolux, said": the last piece that is not empty is the speaker, but not an
        # aside opened by a lower-case word ("Ruiz, reading a statement, said")
        pieces = [p for p in chunk.split(",") if p.strip()]
        named = [p for p in pieces if not _ASIDE_PIECE.match(p)]
        return (named or pieces)[-1] if pieces else None  # ', said he was ...': no speaker left
    return None


# a name (one to five capitalised words, a courtesy title allowed) and nothing else
_BARE_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]*")


def _before_apposition(spk: str) -> str:
    """'Salamah, 36' / 'Ahmida, an analyst at ...' -> the name before its apposition, so that a surname
    resolves to the person named earlier ('said the head of the agency, Ana Ruiz' is kept whole)."""
    first, _, rest = spk.partition(",")
    first = first.strip()
    if rest and _BARE_NAME.fullmatch(first) and not person_names(rest):
        return first
    return spk


# the subject right before a speech verb: "He said that X ...", "After meeting Y, Z told ..."
_SUBJECT_BEFORE = re.compile(rf"(?:^|[,;]\s*|\b(?:and|but)\s+)(?P<subj>[^,;“”\"]{{1,80}}?)\s+(?:{SPEECH_VERBS})\b", re.I)


_NOT_SUBJECT = {"it", "this", "that", "there", "they", "we", "i", "you", "who", "which", "what", "one", "some", "many"}


def _verb_subject(text: str, spans) -> str | None:
    """Who speaks in a sentence that carries a partial quote: the pronoun or the name just before
    the first speech verb outside the quotes (not the first name in the sentence: "He said Oslo and
    its partners had 'pushed for talks'" is his quote, not Oslo's)."""
    for m in _SUBJECT_BEFORE.finditer(text):
        if any(ps <= m.start("subj") < pe for ps, pe, _ in spans):
            continue
        subj = m.group("subj").strip()
        if subj.lower() in ("he", "she") or (re.fullmatch(r"[A-Z][a-zà-ÿ'’-]+", subj) and subj.lower() not in _NOT_SUBJECT):
            return subj  # a pronoun, or a surname given alone ('..., Beck said.'): resolved by the caller
        names = person_names(subj)
        if names and names[-1][1] == len(subj):
            return names[-1][2]
        return None
    return None


def quotes_in_sentence(text: str, article_id: str, index: int, ctx: ArticleContext) -> list[Quote]:
    """Direct and partial quotes in one sentence, or one indirect quote when there are none."""
    spans = _quoted_spans(text)
    has_verb = bool(_SPEECH.search(text))
    passive = _SAID_TO.search(text)
    if passive and len(_SPEECH.findall(text)) > 1:
        passive = None  # someone still speaks: 'Ruiz said the fire is said to "spread fast"'
    out: list[Quote] = []
    for s, e, inner in spans:
        words = len(inner.split())
        described = bool(_DESCRIBED_AS.search(text[max(0, s - 80):s]))
        if words < 4 and not has_verb and not described:
            continue  # scare quotes: the 'dozens' of a headline
        if words < 4 and not described and _QUOTED_NAME.match(inner):
            continue  # a name in quotes, not speech: operation "Silver Lantern", the ship "Morning Star"
        if passive and passive.start() < s:
            out.append(_make(article_id, index, text, inner, None, ctx, direct=True))
            continue  # 'Protest is said to "flare up" and "boil"': words put in no one's mouth
        raw = _speaker_for(text, s, e, spans)
        if raw is None and (has_verb or described):
            # "X praised the officers and said that the negotiators had 'saved lives'"
            names = [n for n in person_names(text) if not any(ps <= n[0] < pe for ps, pe, _ in spans)]
            raw = _verb_subject(text, spans) or (names[0][2] if names else None)
            if raw is None:
                m = _INDIRECT.match(text)
                raw = m.group("spk") if m else None
        if raw is None and not out:
            raw = _colon_speaker(text[:s], ctx)
        if raw is None and out:
            raw = out[-1].speaker
        out.append(_make(article_id, index, text, inner, raw, ctx, direct=True))
    if out:
        return out
    # reported speech opening the sentence, or one of its coordinated clauses ("..., and the
    # coastguard said up to 28 could still be missing"; "...; critics say that is not enough")
    body = _REL_ASIDE.sub(_aside_name, _LIVE_STAMP.sub("", undot_titles(text), count=1))
    inverted = _INVERTED_SAID.search(body)
    if inverted and body[inverted.end():].strip():
        words = _inverted_quote(body, inverted)
        return [_make(article_id, index, text, words, inverted.group("spk"), ctx, direct=False)] if words else []
    if inverted:
        return []  # "..., said Colonel Ana Ruiz, the head of rescue.": a claim's attribution, no quote
    bounds = [0] + [m.end() for m in _CLAUSES.finditer(body)]
    done = -1  # where the last reported clause found ends
    for k, start in enumerate(bounds):
        if start < done:
            continue
        m = _INDIRECT.match(_capitalised(body[start:]) if k else body[start:])
        if not (m and len(m.group("rest").split()) >= 3 and not re.match(r"\s*[,.]", m.group("rest"))):
            continue
        spk = _coordinated_subject(body[start + m.start("spk"):start + m.end("spk")].strip())
        if re.match(_SCENE, body[start:]):
            spk = _after_place(spk)
        spk = _subject_proper(spk, body if k else "")
        if out and spk.lower() in ("he", "she"):
            spk = out[-1].speaker or spk  # "Ruiz said ..., but he said ...": the clause before named him
        rest = m.group("rest")
        verb_end = start + m.end("verb")
        later = next((b for b in bounds if b > verb_end), None)
        if later is not None and _INDIRECT.match(body[later:]):
            # the reported clause stops where another speaker's clause begins
            rest = body[start + m.start("rest"):_CLAUSES.search(body, verb_end).start()] + "."
        clause = _reported_clause(m.group("verb"), rest)
        if clause is None:
            # the first verb took a thing ("The ministry denied the charge and said ..."): the speech
            # verb coordinated with it reports
            spk, clause = _said_after_and(body[start:later] if later else body[start:], spk)
        if clause and _ok_indirect_subject(spk):
            out.append(_make(article_id, index, text, clause, spk, ctx, direct=False))
            done = verb_end
    if not out:
        m = _WHO_SAYS.search(body)
        clause = _reported_clause(m.group("verb"), m.group("rest")) if m else None
        if clause:  # "I've just spoken to the head of the rescue team, who says 90 are working"
            out.append(_make(article_id, index, text, clause, m.group("spk"), ctx, direct=False))
    return out


# the speaker set off after the verb inside or after the reported words: "The plan, said Ruiz, is dead",
# "That depends on the weather, said Colonel Ana Ruiz, the head of the agency."
_INVERTED_SAID = re.compile(r"(?<=[A-Za-z0-9%)]),\s+(?:said|says|added|adds)\s+(?P<spk>(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]*)"
                            r"(?P<tail>\s*,\s*(?:the|a|an|one|who|whose|\d|[a-z]+\s+(?:of|at|for|with|in)\b)[^,]*?(?=,|\.?\s*$)|)(?:,|\.?\s*$)")


def _inverted_quote(body: str, m: re.Match) -> str | None:
    """The reported words of a sentence whose speaker stands in a parenthesis after the verb."""
    if len(body[:m.start()].split()) < 2:
        return None
    words = re.sub(r"\s+([.,])", r"\1", (body[:m.start()] + " " + body[m.end():].strip()).strip())
    return words if len(words.split()) >= 4 else None


# a relative aside between a speaker and the verb: "Saida Morrow, who says she won, said ...",
# "The firm, which runs 40 depots, said ..."
_REL_ASIDE = re.compile(r",\s+(?:who|which)\s+[^,;:“”\"]{3,80},\s+(?=(?:said|says|told|added)\b)")


def _aside_name(m: re.Match) -> str:
    """A relative aside dropped, but a name it gives to an unnamed role kept in apposition:
    "the rebels' spokesman, who uses the name Commander Tarik, said" -> "..., Commander Tarik, said"."""
    name = re.search(r"((?:[A-Z][\w'’-]+\s+)+[A-Z][\w'’-]+),\s+$", m.group(0))
    subject = re.split(r"[,;]", m.string[:m.start()])[-1]
    if name and not person_names(subject) and re.search(r"\b[a-z]+$", subject):
        return f", {name.group(1)}, "
    return " "


# a speaker introduced by what the reporter did ("spoken to", "hearing from") with a relative
# clause that reports: "..., who says ..."
_WHO_SAYS = re.compile(r"\b(?:to|with|from)\s+(?P<spk>(?:the|a|an)\s+[^,;:“”\"]{2,60}?|[A-Z][^,;:“”\"]{2,60}?),"
                       r"\s+who\s+(?P<verb>says|said)\b(?P<rest>.+)$")


# a lead-in phrase without a comma before a pronoun subject: "but given the interest he said ..."
_LEAD_IN_PRONOUN = re.compile(r"^[a-z][\w'’ -]*?\s(?P<p>he|she|they|we)$")
# the people a relative clause is about: "That angers many protesters who say ..."
_WHO_ANTECEDENT = re.compile(r"\b(?P<who>(?:many|some|most|several|other|the|a|an)\s+[\w'’ -]+?)\s+who$")
# the sentence's own subject, when a later clause goes on about it: "He reviewed X, and as an expert stressed ..."
_FIRST_SUBJECT = re.compile(r"^(?P<s>He|She|(?:[A-Z][\w'’.-]+\s+){1,2}[A-Z][\w'’-]+)\s+(?:also\s+)?[a-z]+\b")


def _subject_proper(spk: str, sentence: str) -> str:
    """The speaker a reported clause's subject chunk stands for: the pronoun after a lead-in phrase,
    the people before "who", the sentence's subject for a coordinated "as an expert" ('' for none)."""
    m = _LEAD_IN_PRONOUN.match(spk)
    if m:
        return m.group("p")
    m = _WHO_ANTECEDENT.search(spk)
    if m:
        return m.group("who")
    if re.match(r"as\s+(?:a|an|the)\s", spk, re.I):
        first = _FIRST_SUBJECT.match(sentence)
        ok = first and (first.group("s") in ("He", "She") or person_names(first.group("s")))
        return first.group("s") if ok else ""
    return spk


def _after_place(spk: str) -> str:
    """'Alabama, Obama' -> 'Obama': the second half of a place ('Speaking in Theodore, Alabama, Obama
    said') left before the subject of a sentence that opens on a scene phrase."""
    first, _, rest = spk.partition(",")
    if rest and re.fullmatch(r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)?", first.strip()) and re.match(r"\s*(?:[A-Z]|the\s)", rest):
        return rest.strip()
    return spk


def _capitalised(clause: str) -> str:
    """A coordinated clause read as if it opened a sentence: its subject may be in lower case
    ("..., and fire crews say it has spread"; "...; organisers say it was 30,000")."""
    return clause[:1].upper() + clause[1:]


# a live blog or transcript line giving the speaker before a colon: '16:30 – Ruiz: "..."'
_COLON_LEAD = re.compile(r"^\s*(?P<spk>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s*:\s*$")


# the same line with the person's role before the name and where they spoke after it: '10:55 – Fire chief
# Ana Ruiz: "..."', '09:05 – Union general secretary Ana Ruiz, outside the depot: "..."'
_LEAD_ROLES = TITLES | ROLE_WORDS
_ROLE_COLON_LEAD = re.compile(r"^\s*(?P<role>(?:[\w'’-]+\s+){1,4}?)(?P<spk>(?:[A-Z][\w'’.-]*\s+){1,2}[A-Z][\w'’-]*)"
                              r"(?:\s*,\s*(?:[a-z][\w'’-]*\s*){1,5})?\s*:\s*$")


def _colon_speaker(before: str, ctx: ArticleContext) -> str | None:
    """The name before a colon that opens a quotation, when it is a person: a full name, or a
    surname of someone already named ('Update:' or 'Correction:' opens a line too, but names no one)."""
    lead = _LIVE_STAMP.sub("", before, count=1)
    m = _COLON_LEAD.match(lead)
    role = _ROLE_COLON_LEAD.match(lead) if not m else None
    if role and role.group("role").split()[-1].lower() in _LEAD_ROLES:
        names = person_names(role.group("spk"))
        return role.group("spk") if names and names[-1][1] == len(role.group("spk")) else None
    if not m:
        return None
    spk = m.group("spk")
    names = person_names(spk)
    if names and names[-1][1] == len(spk):
        return spk
    return spk if ctx.resolve(spk) != spk else None


# a short quoted span of capitalised words only: a title or a name, not someone's words
_QUOTED_NAME = re.compile(r"^(?:[A-Z][\w'’-]*\s*){1,3}$")
# (a presenter's question joined to the answer is a clause of its own: "Milo, what are you seeing?
# Well, the police tell me ...")
_CLAUSES = re.compile(r",\s*(?:and|but|while|whereas)\s+|;\s+|\s+but\s+(?=the\s|[A-Z])"
                      r"|\?\s+(?:(?i:well|yes|so|now|right)\s*,\s*)?")


_WHEN = (r"(?:(?:early|late|earlier|later)\s+)?(?:on\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|"
         r"sunday|yesterday|today|tonight|overnight)(?:\s+(?:morning|afternoon|evening|night))?|"
         r"(?:earlier|later|last|this)\s+(?:this\s+)?(?:week|month|year|morning|afternoon|evening)|"
         r"in\s+a\s+statement|in\s+statements|on\s+\w+\s+\d{1,2}|"
         # translated copy names the channel: "declared in a press conference that", "informed in a communiqué that"
         r"in\s+a\s+(?:press\s+conference|communiqu[ée]|note|press\s+release|written\s+statement))")
_LEAD_WHEN = re.compile(rf"^\s*,?\s*(?:{_WHEN}\s*,?\s*)+", re.I)
# verbs whose object is often a thing, not speech ("denied the story", "announced a day of mourning")
_THAT_ONLY = {"denied", "confirmed", "estimate", "estimates", "claim", "announced", "reported", "reports", "noted", "estimated", "denounced", "claimed",
              "expressed", "wrote", "posted", "tweeted", "revealed", "observed", "informed", "indicated", "specified",
              "detailed", "affirmed", "declared", "assured", "maintained", "asserted", "acknowledged", "admitted",
              "emphasized", "emphasised", "highlighted", "underlined"}
# a broadcast's or live blog's source speaking to the newsroom: "the council tells us ...", "tell me"
_HEARER = re.compile(r"\s*(?:us|me|this\s+programme|this\s+station|listeners|viewers|reporters|journalists)\b")
# who was told: "told the court (that)", "told a news conference", "told Radio Nord", "told us"
_TOLD_HEARER = re.compile(
    r"\s*(?:(?:the|a|an|his|her|their|its|local|state|foreign|national|regional|news|press)\s+)*"
    r"(?:(?:[A-Z][\w-]*\s*)+|(?:reporters|journalists|us|me|court|jury|judge|inquiry|hearing|committee|parliament|"
    r"lawmakers|legislators|senators|council|assembly|meeting|conference|briefing|media|newspaper|paper|agency|"
    r"broadcaster|radio|television|channel|station|crowd|audience|supporters|residents|staff|workers|delegates|"
    r"investigators|officers|colleagues|listeners|viewers|this\s+programme)\s+)(?:that\s+)?")
# "told the court about a call" is a topic; "tells us about 70 homes were flooded" an amount
_TOLD_ABOUT = re.compile(r"\s*(?:about|of)\s+(?!\d|(?:a|an)\s+(?:dozen|hundred|thousand|million|third|quarter)\b"
                         r"|(?:some|several|dozens|hundreds|thousands|half|"
                         r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                         r"forty|fifty|sixty|seventy|eighty|ninety)\b)", re.I)
_NEXT_SENTENCE = re.compile(r"(?<=[a-z0-9%)])[.!?]\s+(?=[A-Z“\"])")


def _reported_clause(verb: str, rest: str) -> str | None:
    """The reported clause after 'X said ...', or None when there is no reported speech.

    Time adverbials before the clause ("said earlier this week that") are dropped; verbs that
    usually take a noun object ("rejected a claim on Monday that ...") count only when
    "that" follows them directly; the clause never runs past its own sentence (segmentation
    sometimes joins two).
    """
    rest = _LEAD_WHEN.sub("", rest)
    lead_that = re.match(r"\s*that\s+", rest)
    if verb.lower() in _THAT_ONLY and not lead_that:
        return None
    if verb.lower() in ("tells", "tell") and not _HEARER.match(rest):
        return None  # "police tell residents to stay indoors" is an order, "police tell us ..." speech
    if verb.lower() in ("told", "tells", "tell"):
        m = _TOLD_HEARER.match(rest)
        if not lead_that and m:
            rest = _LEAD_WHEN.sub("", rest[m.end():])
            if _TOLD_ABOUT.match(rest):
                return None  # "told the court about a phone call": a topic, no reported words
    rest = re.sub(r"^\s*(?:that\s+)?", "", rest)
    cut = _NEXT_SENTENCE.search(rest)
    if cut:
        rest = rest[: cut.start() + 1]
    tail = _TRAILING_SOURCE.search(rest)
    if tail:
        rest = rest[: tail.start()] + "."  # "... is under control, the fire service said on Saturday."
    rest = rest.strip()
    return rest if len(rest.split()) >= 3 else None


# a second attribution closing the reported clause: ", the fire service said on Saturday morning."
_TRAILING_SOURCE = re.compile(r",\s+(?:the\s+|a\s+)?[\w'’ -]{2,60}?\s+(?:said|says|reported|added|confirmed|told\s+\w+)"
                              r"(?:\s+[\w ]{0,30})?\.?\s*$", re.I)


# a live blog's time stamp opening the entry: "13:10 – Reuters reports that ..."
_LIVE_STAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,4})?\s*(?:[–—-]\s*|\s(?=[A-Z]))")
_AGE = re.compile(r",\s*\d{1,3}\s*(?=,|$)")


# "Ruiz visited the site and said ...": the speaker is the subject of the first verb, a name
_COORDINATED = re.compile(r"^(?P<lead>(?:[A-Z][\w'’.-]*\s+)*?[A-Z][\w'’.-]*)\s+[a-z][\w'’-]*\b.*?,?\s+(?:and|but)$")


_AND_SAYS = re.compile(r"\s+and\s+(?:now\s+|also\s+)?(?P<verb>says|said|adds|added)\b(?P<rest>.*)$")


def _said_after_and(clause: str, spk: str) -> tuple[str, str | None]:
    """(speaker, reported clause) of "<subject> <verb> <object> and says ...", or (spk, None)."""
    m = _AND_SAYS.search(clause)
    if not m:
        return spk, None
    subject = _coordinated_subject(clause[:m.start()].strip() + " and")
    return subject, _reported_clause(m.group("verb"), m.group("rest"))


def _coordinated_subject(spk: str) -> str:
    """The subject of a predicate coordinated with the speech verb; unchanged when not coordinated,
    '' (no quote) when the subject is neither a capitalised name nor a body before a plain verb."""
    if not re.search(r"\s(?:and|but)$", spk):
        return spk
    m = _COORDINATED.match(spk)
    if not m or m.group("lead").lower() in ("the", "a", "an", "it", "this", "that", "there"):
        m = _JOINED_BODY.match(spk)  # "The ministry denied the charge and said ..."
        return m.group("lead") if m else ""
    return m.group("lead")


# an organisation's name in apposition: "The miners' union, SGM, said", "The operator, Raillink, says"
_ORG_NAME = re.compile(r"[A-Z][\w&'’-]*(?:\s+(?:of\s+)?[A-Z][\w&'’-]*){0,3}")


def _ok_indirect_subject(spk: str) -> bool:
    if not spk:
        return False
    spk = _AGE.sub("", spk).strip(" ,")  # "Ahmed Saleh, 61," -- an age is not a figure in the subject
    if re.search(r"\d|\b(?:were|was|is|are|am|have|has|had|been|will|would|could|can|it|its)\b|['’]m$|n['’]t\b", spk, re.I):
        # (also "I'm told that ...": the reporter was told, nobody is named; "We can confirm that" is
        # a press release's own voice)
        return False
    if re.search(r"\bto$", spk):
        return False  # "I want to say ...": an infinitive, no source
    if spk.lower() in ("it", "this", "that", "there", "the", "a", "an", "these", "those"):
        return False
    if re.match(_SCENE_WORDS, spk) or re.match(r"(?:please|let)\b", spk, re.I):
        return False  # "If estimates that ...", "Based on the claim that ...", "Please don't tell us"
    if "," in spk:
        # only appositions: "The head of the department, Colonel Viktor Asanov,"
        parts = [p.strip() for p in spk.split(",") if p.strip()]
        if any(person_names(p) or _ORG_NAME.fullmatch(p) for p in parts[1:]):
            return True  # (or a body and its name: "The miners' union, SGM")
        # or a name with its apposition after it: "Maya Okafor, a lawyer for the family,"
        names = person_names(parts[0])
        return bool(names) and names[-1][1] == len(parts[0]) and len(parts) <= 3 \
            and all(len(p.split()) <= 8 for p in parts[1:])
    return len(spk.split()) <= 9


_SAID_TO = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:often\s+|widely\s+)?said\s+to\s+[“\"‘']")


def _make(article_id, index, text, inner, raw, ctx: ArticleContext, direct: bool) -> Quote:
    name = role = org = None
    if raw:
        raw = re.sub(r"^\d{4}\s+(?=[A-Z])", "", raw.strip())  # a year or a live blog's "1535" before the source
        name, role, org = split_speaker(raw)
        by_role = ctx.resolve_role(raw.strip(" ,.;:")) if name and not person_names(name) else None
        if by_role:
            name, role = by_role, raw.strip(" ,.;:")  # "the president" named earlier in the article
        elif name:
            name = ctx.resolve(name)
            if name and name.lower() in ("he", "she", "they", "it", "we", "i"):
                name = None
    if role is None and name and _ROLE_WORDS.search(text):
        pass
    return Quote(article_id=article_id, sentence=index, text=inner, speaker=name, role=role,
                 organization=org, direct=direct, sentence_text=text)


def extract_quotes(article: Article, ctx: ArticleContext | None = None) -> list[Quote]:
    """Quotes of every sentence; English only (other languages: none, not analysed)."""
    if not is_english(article):
        return []
    ctx = ctx if ctx is not None else ArticleContext()
    out: list[Quote] = []
    last: Quote | None = None  # the previous sentence's quote
    for s in article.sentences:
        qs = quotes_in_sentence(s.text, article.id, s.index, ctx)
        if (len(qs) == 1 and qs[0].speaker is None and qs[0].direct and last is not None and last.speaker
                and (last.direct or person_names(last.speaker)) and _WHOLE_QUOTE.match(s.text)):
            # (after a named person's reported words too: 'Ana Ruiz said aid was late. "People are desperate."')
            # a quotation standing alone right after a quoted speaker goes on in their voice
            qs[0].speaker, qs[0].role, qs[0].organization = last.speaker, last.role, last.organization
        if qs and qs[0].speaker is None and _RUN_ON_STRAIGHT.match(s.text):
            qs = []  # a straight-quoted passage nobody is found for: left out, as before (no speakerless extras)
        ctx.see(s.text)
        for q in qs:
            if q.speaker and ((len(q.speaker.split()) >= 2 and person_names(q.speaker)) or _one_person(q)):
                ctx.note(q.speaker)  # the last one quoted is who a following "he said" means
        role = None if qs else _ROLE_SAYS.match(s.text)
        if role and person_role(role.group("who")):
            ctx.note(role.group("who"))  # "A doctor in the town, reached by phone, said ..." (no quote kept)
        out.extend(qs)
        last = qs[-1] if qs else None
    return out


def _one_person(q: Quote) -> bool:
    """Whether an unresolved speaker is one person a following "he said" may mean: a surname given
    alone ('..., Fermin said') or one person named by role ('a doctor in the city said'), so that the
    pronoun does not reach back past them to someone quoted before."""
    spk = q.speaker or ""
    if q.direct and re.fullmatch(r"[A-Z][a-zà-ÿ'’-]+", spk):
        return spk.lower() not in ORG_WORDS and spk.lower() not in PRONOUNS
    return person_role(spk)


# a sentence opening on someone named by role and a speech verb
_ROLE_SAYS = re.compile(r"^(?P<who>(?:An?|The|One)\s+[^,;:“”\"]{1,80}?)(?:,\s+[a-z][^,;:“”\"]{1,80},)?\s+(?:said|says|told|tells|added)\b")


_RUN_ON_STRAIGHT = re.compile(r'^\s*"[^"“”]+$')
_WHOLE_QUOTE = re.compile(r'^\s*[“"][^“”"]+[”"]?\s*$')
