"""Clauses around a speech verb: how the words of a sentence tie a partial quotation to a speaker.

Patterns and one reader, no cast: a speech verb that takes a thing rather than a clause
(`confirmed nominees`), a speech participle (`…, calling him “…”`) and the finite verb that
makes a name a clause's subject (`that Holbrook had defended …`), a verb joined to an earlier
predicate (`…, and told`), a clause opened by `when` or `because` after a quotation, `with X
warning of “…”`, `X’s claim that “…”`, `That was how X described it`, and the subject that opens
a clause (`opening_phrase`). `attribution` applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import WEEKDAYS
from .actors import ORG_HEADS, ROLE_NOUNS, STOP
from .descriptions import anaphor_head, title_head
from .lexicon import SPEECH_PARTICIPLES, SPEECH_VERBS, TITLES
from .quotemarks import CLOSE_DOUBLE, Span
from .speakers import (
    POSSESSIVE,
    Name,
    Phrase,
    bare_word,
    is_capitalised,
    is_title,
    name_at_start,
    segments,
    speaker_after,
)


def alternatives(words: list[str]) -> str:
    """Return a regular-expression alternation of `words`, longest first, spaces as `\\s+`."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                           reverse=True))


# A manner adverb between a subject and its verb (`Brooke tearfully asked`, `The label flatly
# denied`): lower case always, and none of the nouns and adjectives ending the same way that may
# head a subject themselves (`the family said`, `the elderly`).
MANNER_ADVERB = (r"(?-i:(?!(?:family|ally|assembly|rally|supply|monopoly|anomaly|reply|daily|"
                 r"weekly|monthly|quarterly|nightly|yearly|bully|elderly|butterfly|italy)\b)"
                 r"[a-z]{2,}ly)")
# Lower case: a capital makes a name of the word (`the United States`, `Says Who`).
VERB = re.compile(r"\b(?:" + alternatives(list(SPEECH_VERBS)) + r")\b")
# A determiner right before a speech verb makes it a participle describing a noun (`said in an
# emailed statement`, `closed his remarks with a promise:`), no verb.
DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|his|her|their)\s+$")
# A reported clause that joins another clause is no longer the speaker's: `X said …, while Y
# called it “…”` (but `X argued that …, and that judges should not “…”` goes on reporting X).
CLAUSE_BREAK = re.compile(r",\s+(?:while|whereas|but|and|although|though)\s(?!that\b)|;|"
                           r"\u2014\s+[a-z]+\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a quotation stands: its paragraph, the text (party tags blanked) and its sentence."""

    paragraph: int
    text: str
    span: Span
    sentence_start: int
    sentence_end: int
    """End of the sentence holding the closing mark, or of the next one when the quotation
    ends its sentence with `?` or `!` (`“Get off my land!” Abebe Girma shouted.`)."""


def previous_close(text: str, start: int, floor: int = 0) -> int:
    """Return the offset after the last closing quotation mark in `text[floor:start - 1]`, or
    `floor` (the search stops there, so a long paragraph is not read again for each mark)."""
    k = max(text.rfind(c, floor, max(floor, start - 1)) for c in (CLOSE_DOUBLE, '"'))
    return k + 1 if k >= 0 else floor


# A clause that a quotation's sentence goes on with, never its attribution (`“…” when they
# wrote the bill`).
SUBORDINATE = re.compile(r"(?:when|whenever|if|because|after|before|while|until|unless|"
                         r"once|since|though|although|so\s+that)\s", re.IGNORECASE)
# A speech verb right before another quotation, which it introduces.
NEXT_QUOTE = re.compile(r"\s*(?:[\w\u2019'-]+\s+){0,4}?[\u201c\"]")


# Speech verbs that also take a plain object (`confirmed the nominee`, `claimed the title`,
# `argued the case`, `reported earnings`): speech only when a clause or the quotation follows.
OBJECT_SENSES = frozenset({"confirmed", "confirms", "claimed", "claims", "argued", "argues",
                           "maintained", "maintains", "continued", "continues", "concluded",
                           "concludes", "recalled", "recalls", "observed", "observes",
                           "reported", "answered", "admitted", "admits", "agreed", "agrees",
                           "posted", "predicted", "predicts", "advised", "advises"})
# A day's name, capitalised as a name is (`posted Monday night:`, `X on Tuesday said`).
WEEKDAY = r"(?-i:" + "|".join(day.capitalize() for day in WEEKDAYS) + r")"
# What shows a clause after such a verb: nothing but punctuation, `that`, or a finite verb.
CLAUSE_TAIL = re.compile(r"^[\s,:\u2014\u2013-]*$|^\s*that\b|"
                         # `argued in a filing last month that`: where, then the clause.
                         r"^\s*(?:in|on|at|during|before|to|with)\s+(?:[\w\u2019'-]+\s+){1,5}?that\b|"
                         # `posted on Facebook:`, `posted on X minutes after the vote:`,
                         # `posted Monday night:`: where or when, then the words themselves.
                         r"^\s*(?:(?:on|in|to|via)\s+(?:[\w\u2019'.-]+\s*){1,6}|"
                         r"(?:late\s+|early\s+)?" + WEEKDAY +
                         r"(?:\s+(?:night|morning|afternoon|evening))?)\s*:\s*$|"
                         # `posted a longer message, pinned to the top of his profile:`.
                         r"^\s*(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:message|"
                         r"statement|note|reply|response|thread|post|video)\b[^:.;]{0,60}:?\s*$|"
                         r"\b(?:is|was|were|are|be|been|had|has|"
                         r"have|would|will|could|should|can|may|might|must|did|does|do|"
                         r"isn[\u2019']t|wasn[\u2019']t|won[\u2019']t)\b", re.IGNORECASE)


# `…, writing that “…”`, `…, at one point telling the lawyer that his argument “…”`, `opened by
# accusing the industry of “…”`: a speech participle after a comma (or `by`, `after`, `while`),
# whose subject is the sentence's.
PARTICIPLE = re.compile(r"(?:,|\s+(?:by|after|while|and))\s+(?:(?:at\s+one\s+point|then|later|also|"
                        r"again)\s+)?"
                        r"(?:" + alternatives(list(SPEECH_PARTICIPLES)) + r")\b", re.IGNORECASE)
THAT = re.compile(r"\s*(?:that\s+)?")
# A speech verb joined to an earlier predicate of its clause (`…, and told`, `… but called`).
JOINED = re.compile(r"\b(?:and|but|then)\s*$")
# A finite verb after a name makes it a clause's subject (`Holbrook had defended`), where `to`
# makes it an object (`urged Trump to make a deal`).
FINITE = re.compile(r"\s+(?:\w+ly\s+)?(?:had|has|have|was|is|were|are|would|will|could|should|"
                    r"did|does|can|may|might|must|[a-z]+ed|[a-z]+[^s\W]s)\b")


BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# `“…” That was how Tyler Vance, a state representative, described the tariffs`: a named
# speaker owning the quotation before.
HOW_NAMED = re.compile(r"\s*(?:This|That|Such)\s+(?:is|was)\s+how\s+"
                       r"(?P<np>[A-Z][^.!?;:\u201c\u201d\"]{1,150}?)\s+(?:\w+ly\s+)?"
                       r"(?:described|describes|put|puts|summed|sums|phrased|characteri[sz]ed|"
                       r"explained|explains)\b")
# `“…” So said Frank Yazzie, …`: the speaker after an inverted verb opening the next sentence.
SO_SAID = re.compile(r"\s*So\s+(?:said|says|wrote|writes|argued|argues)\s+")
# `…, with Jordanian Foreign Minister Ayman Safadi warning of “…”`: a `with` clause whose
# subject speaks through a participle.
WITH_PARTICIPLE = re.compile(r"\bwith\s+(?P<np>[^,;:\u201c\u201d\"]{2,80}?)\s+(?:"
                             + alternatives(list(SPEECH_PARTICIPLES)) + r")\b", re.IGNORECASE)
# `…, with X calling the move “…” and its chief opponent, Y, warning of a “…”`: a second subject
# of the `with` clause, with its own participle.
AND_PARTICIPLE = re.compile(r"\band\s+(?P<np>[^;:\u201c\u201d\"]{2,80}?),?\s+(?:"
                            + alternatives(list(SPEECH_PARTICIPLES)) + r")\b")
# `Mr. Trump’s Oct. 11 announcement that … a “historic” deal`: what someone said, named by a noun
# their name owns.
_SPEECH_NOUNS = (r"announcement|statement|claims?|remarks?|comments?|assertion|promise|pledge|"
                 r"warning|insistence|argument|tweet|post|letter|testimony|admission|accusation|"
                 r"suggestion|threat|vow|prediction|boast|complaint|plea|description")
OWNED_SPEECH = re.compile(r"(?P<owner>(?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w.-]*)[\u2019']s\s+"
                          r"(?:[\w.-]+\s+){0,3}?(?:" + _SPEECH_NOUNS + r")\s+(?:that|of|about)\b")


_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# A time or place phrase that may open a clause before its subject (`Last week`, `Earlier this
# year,`, `In the 90-page opinion,`).
_OPENING_TIME = re.compile(r"\s*(?:(?:last|this|next)\s+(?:week|month|year|" + _DAYS + r")|"
                           r"(?:earlier|later)(?:\s+(?:this|that)\s+(?:week|month|year))?|"
                           r"on\s+" + _DAYS + r"|(?:in|at|on|during|after|before|over|within|"
                           r"throughout)\s+[^,;:\u201c\u201d\"]{1,60}?,)\s*,?\s+", re.IGNORECASE)


_UNNAMED_SOURCE = re.compile(
    r"\s*((?:A|An|One)\s+(?:[\w-]+\s+){0,3}?(?:spokes(?:man|woman|person)|official|aide|adviser|"
    r"advisor)(?:\s+(?:for|to|at|with|in)\s+(?:the\s+)?(?:[A-Z][\w.&\u2019'-]*\s+){1,5})?)"
    r"(?=\s*[a-z])")


def opening_phrase(text: str, start: int, end: int) -> Phrase | None:
    """Return the subject that opens the clause `text[start:end]` right before its lower-case
    predicate: `she`, `Jane Doe`, `Sen. Jane Doe`, `State Department official David Holmes`,
    `the company` (after a time phrase: `Last week`); None for anything else (`When Smith
    arrived, …`)."""
    time = _OPENING_TIME.match(text, start, end)
    start = time.end() if time else start
    lead = re.match(r"\s*(?:he|she)\b(?=\s+[a-z])", text[start:end], re.IGNORECASE)
    if lead:
        return Phrase(pronoun=lead.group().strip().lower())
    org = re.match(r"\s*((?:the|The)\s+[a-z]+)(?=\s+[a-z])", text[start:end])
    if org and anaphor_head(org.group(1)):
        return Phrase(description=org.group(1))
    source = _UNNAMED_SOURCE.match(text, start, end)
    if source:
        # `A company spokeswoman declined to comment but said …`: an unnamed source.
        return Phrase(description=source.group(1))
    # `The Republican governor also took aim at …`: a title the article gave one person.
    title = re.match(r"\s*((?:the|The)\s+(?:[A-Za-z-]+\s+){0,2}?[a-z-]+)(?=\s+[a-z])",
                     text[start:end])
    if title and title_head(title.group(1)):
        return Phrase(description=title.group(1))
    phrase = speaker_after(text, start, end)
    name = phrase.name if phrase is not None else None
    if phrase is None or name is None or not re.match(r"\s+[a-z]", text[name.end:end]):
        return None
    before = text[start:name.start].split()
    if before in (["The"], ["the"]) and len(name.words) >= 2 and \
            bare_word(name.words[-1]) in ORG_HEADS:
        return phrase  # `The Florida Association of Counties sent a memo …`: a body's name
    if tuple(before) != name.title and not ((phrase.role or before[-len(name.title):] == list(
            name.title)) and before and all((is_capitalised(w) and bare_word(w) not in STOP)
                                             or bare_word(w) in ROLE_NOUNS or is_title(w)
                                             for w in before)):
        # Only a title or a role may stand before the name (`When Smith arrived`), a body's
        # post before the title (`Committee chair Sen. Dorothy Lindahl opened …`) too.
        return None
    return phrase


def lead_name(text: str, start: int, end: int) -> Name | None:
    """Return the name that opens a clause with only a title before it (`Senate Majority
    Leader Jane Doe`), or stands in commas after a role that opens it (`Her campaign manager,
    Derek Lam,`); None for anything else."""
    name = name_at_start(text, start, end)
    if name is not None and tuple(text[start:name.start].split()) == name.title:
        return name
    segs = segments(text, start, end)
    if len(segs) < 3:
        return None
    role = text[slice(*segs[0])].split()
    if len(role) > 5 or not (role[0].lower() in _OWNERS or POSSESSIVE.search(role[0])) or \
            not any(bare_word(w) in ROLE_NOUNS or bare_word(w) in TITLES for w in role[1:]):
        return None
    name = name_at_start(text, *segs[1])
    if name is None or name.start != segs[1][0] or name.end < segs[1][1] - 1 or \
            len(name.words) < 2:
        return None
    return name


_OWNERS = frozenset({"her", "his", "their", "its", "the", "our"})

# `Asked about the post, he laughed.`, `Moments later, Kaine paused.`: what may open a sentence
# before its subject.
ACTION_LEAD = re.compile(r"\s*(?:(?:(?:Asked|Pressed|Questioned|Reached|Told|Moments\s+later|"
                         r"Minutes\s+later|At\s+one\s+point|For\s+a\s+moment|In|At|On|During|"
                         r"After|Before|Earlier|Later)\b[^,]{0,80},"
                         r"|Then|Later|Finally|Still|Instead|Again|Now)\s*)+")


__all__ = [
    "ACTION_LEAD",
    "AND_PARTICIPLE",
    "BE",
    "CLAUSE_BREAK",
    "CLAUSE_TAIL",
    "DETERMINER_BEFORE",
    "FINITE",
    "HOW_NAMED",
    "JOINED",
    "NEXT_QUOTE",
    "OBJECT_SENSES",
    "OWNED_SPEECH",
    "PARTICIPLE",
    "SO_SAID",
    "SUBORDINATE",
    "THAT",
    "VERB",
    "WITH_PARTICIPLE",
    "Place",
    "alternatives",
    "lead_name",
    "opening_phrase",
    "previous_close",
]
