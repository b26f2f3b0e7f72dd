"""Unnamed sources: the speaker a description gives when the article names nobody.

`one diplomat`, `analysts`, `a senior Democratic aide` speak as what they are described as; so do
`a former White House official who worked with her` (the relative clause says why the source
knows, not who it is) and `another person familiar with the plans` (a person is nobody until the
description says what they know). `the president` or `the aide` point back at someone and are
resolved elsewhere (see `cast.py`). One thing is resolved here: a description exact enough
to be one office (`China's ambassador to Britain accused …`), whose one holder the article names
elsewhere with the same words (`China's ambassador to Britain Liu Xiaming has said`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .actors import ROLE_NOUNS
from .descriptions import title_head
from .lexicon import TITLES
from .speakers import _GROUP_NOUNS, PRONOUNS, Speaker, _trim, bare_word, name_at_start

# Nouns for what an unnamed speaker does, beyond the role nouns (`a senior Democratic aide`,
# `a Border Patrol agent`, `one delegate`); never `insider` or `source`, which say nothing of who
# speaks.
SOURCE_NOUNS = frozenset({"aide", "aides", "staffer", "staffers", "agent", "agents", "pollster",
                          "pollsters", "delegate", "delegates",
                          # One unnamed person of politics (`A Republican holdout, who asked
                          # not to be named, said`); their plurals are left to silence.
                          "holdout", "defector", "operative", "donor", "organizer",
                          "organiser", "lobbyist", "confidant", "confidante", "fundraiser",
                          "bundler", "elector", "juror", "attendee", "commenter", "appropriator",
                          # Who runs a floor or a store (`a district manager told her`).
                          "manager", "managers", "supervisor", "supervisors", "foreman",
                          "forewoman",
                          # One unnamed person of a trade or a workplace (`one Singapore-based
                          # trader said`, `An extension employee who attended …, said`).
                          "trader", "employee", "banker", "broker", "dealer", "worker"})
# Determiners that make a description one of several unnamed people, not someone named before.
_INDEFINITE = frozenset({"a", "an", "one", "another", "two", "three", "several"})
# What a source knows, the only thing that makes `a person` a speaker (`a person familiar with
# the plans`, `a source with knowledge of the talks`, `a person briefed on the matter`), or
# that they were there (`a person on the call`, `one person in the room`).
_KNOWS = re.compile(r"\s+(?:familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|"
                    r"close\s+to|(?=(?:on|in|at)\s+the\s+(?:[\w-]+\s+)?(?:call|room|meeting|"
                    r"briefing|session|dinner|lunch|breakfast)\b))\s*\S", re.IGNORECASE)
# A relative clause or participle after the description (`… who worked with her`, `…, speaking
# on condition of anonymity`).
_QUALIFYING = r"\s+(?:who|whom|speaking|requesting|declining|asking)\b"
_QUALIFIER = re.compile(r",?" + _QUALIFYING, re.IGNORECASE)
# A comma and what it adds after a description (`…, who asked not to be named`).
_ASIDE = re.compile(r"," + _QUALIFYING, re.IGNORECASE)
# A restrictive relative clause ending the description: no comma, no pronoun, no second clause
# (`who works with several large technology companies`, not `who worked with her`).
_RESTRICTIVE = re.compile(r"\s+who(?:\s+(?!(?:he|she|him|her|his|they|them|their|and|but|or|"
                          r"said|says|told|tells|asked)\b)[\w-]+){2,10}?"
                          r"(?=\s*(?:,|$)|\s+(?:said|says|told|tells)\b)", re.IGNORECASE)
_PERSON_NOUNS = frozenset({"person", "people", "source", "sources"})
# Where an unnamed source works or what they know, after their role (`a teacher at one of the
# network's schools`, `a diplomat familiar with the talks in Jeddah`): the role is who speaks.
_PLACED = re.compile(r"(?P<head>(?:a|an|one|another)\s+(?:[\w-]+\s+){0,3}?(?P<noun>[a-z]+))\s+"
                     r"(?:at|in|from|with|familiar\s+with|briefed\s+on|close\s+to)\s+\S",
                     re.IGNORECASE)


def description_speaker(phrase: str, texts: dict[int, str] | None = None) -> Speaker | None:
    """Return an unnamed speaker a description gives (`one diplomat`, `analysts`, `a former
    official who worked with her`, `another person familiar with the plans`); with the
    article's paragraph `texts`, also the one named holder of an office it gives."""
    # `…, though critics called it “…”`: the conjunction opens the clause, it is no description.
    phrase = re.sub(r"^\s*(?:though|although|while|whereas|but|and|yet|as|so)\s+", "", phrase,
                    flags=re.IGNORECASE)
    placed = _PLACED.match(phrase)
    if placed is not None and (placed.group("noun").lower() in ROLE_NOUNS or
                               placed.group("noun").lower() in SOURCE_NOUNS):
        # `a student from the Buckeye-Shaker neighborhood`: the whole description where it
        # reads as one (`a teacher at one of the network's schools`), else the role alone;
        # what a comma adds after it (`…, who asked not to be named`) is no part of it.
        # (Where it works may take a few words: `an executive at a regional bank in the Midwest`.)
        aside = _ASIDE.search(phrase)
        whole = _plain_description(phrase[:aside.start()] if aside else phrase, longest=9)
        if whole is not None:
            return whole
        phrase = placed.group("head")
    plain = _plain_description(phrase)
    if plain is not None:
        return plain
    qualifier = _QUALIFIER.search(phrase)
    if qualifier is not None:
        # `a former White House official who worked with her`: the head is who speaks.
        head = phrase[:qualifier.start()]
        words = head.lower().split()
        if len(words) == 2 and words[0] in _INDEFINITE and words[1] in SOURCE_NOUNS | ROLE_NOUNS \
                and _RESTRICTIVE.fullmatch(phrase, qualifier.start()):
            # `a lobbyist who works with several large technology companies`: a bare noun says
            # too little; the clause tells which one.
            return Speaker(_trim(phrase), "person", named=False)
        if len(words) >= 2 and words[0] in _INDEFINITE and words[-1] not in _PERSON_NOUNS:
            return _plain_description(head)
        phrase = head
    known = _knowing_person(phrase)
    if known is None and texts is not None:
        return office_holder(phrase, texts) or described_body(phrase, texts)
    return known


_AGENCY_NAME = re.compile(r"[A-Z][\w.&\u2019'-]*(?:\s+(?:and|of|for|the)?\s*[A-Z][\w.&\u2019'-]*)*")


def _plain_description(phrase: str, longest: int = 6) -> Speaker | None:
    words = phrase.lower().split()
    if any(w.endswith("ed") and "-" not in w and w not in ROLE_NOUNS for w in words) or \
            any(w in PRONOUNS for w in words):
        return None  # `Audience members laughed when …`: a clause, not a description
    if "not" in words or words[-1] in ("but", "and", "or"):
        return None  # `that people not bring gifts but`: a clause, not who speaks
    group = _GROUP_NOUNS.search(phrase)
    if group and len(words) <= 8:
        return Speaker(_trim(phrase), "group", named=False)
    nouns = [w.strip(",.") for w in words]
    # (An agency's name counts as one word: `a senior U.S. Immigration and Customs Enforcement
    # official`.)
    own_words = len(_AGENCY_NAME.sub("X", phrase).split())
    # `the president`, `the company's chief executive`: one person the article names elsewhere,
    # which the description alone does not tell; `a diplomat`, `one official` is all we know.
    if nouns and own_words <= longest and len(nouns) <= 10 and \
            any(w in ROLE_NOUNS or w in SOURCE_NOUNS for w in nouns) and nouns[0] in _INDEFINITE:
        return Speaker(_trim(phrase), "group" if nouns[-1].endswith("s") else "person",
                       named=False)
    return None


def _knowing_person(phrase: str) -> Speaker | None:
    """Return `person familiar with the plans` for `another person familiar with the plans`: a
    person or source whose description says what they know; None for anything else."""
    m = _KNOWS.search(phrase)
    if m is None:
        return None
    words = phrase[:m.start()].lower().split()
    rest = phrase[m.start():].split()
    if not 2 <= len(words) <= 3 or words[0] not in _INDEFINITE or \
            words[-1] not in _PERSON_NOUNS or len(rest) > 6:
        return None
    if len(words) == 3 and not words[1].isalpha():
        return None
    name = re.sub(r"^(?:another|one|two|three|several)\s+", "", _trim(phrase), flags=re.I)
    return Speaker(name, "group" if words[-1].endswith("s") or words[0] not in
                   {"a", "an", "one", "another"} else "person", named=False)


# An office: an owner (`China's`, `the`), up to three words ending in a role or title, then
# where it is held (`to Britain`, `of the Federal Reserve`); a coordinated predicate may follow
# (`… accused the UK of meddling and` before `warned that …`).
_OFFICE = re.compile(r"(?P<office>(?:[Tt]he|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*[\u2019']s)\s+"
                     r"(?P<role>(?:[\w-]+\s+){0,2}[\w-]+)\s+(?:to|of|for|in)\s+(?:the\s+)?"
                     r"(?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w.\u2019'-]*)(?P<rest>(?:\s+[a-z].*\s+and)?)$")


def office_holder(phrase: str, texts: dict[int, str]) -> Speaker | None:
    """Return the one person the article names with the office a description gives
    (`China's ambassador to Britain accused … and`, then `China's ambassador to Britain Liu
    Xiaming` or `…, Liu Xiaming,` elsewhere); None when nobody or several are so named."""
    m = _OFFICE.fullmatch(phrase.strip())
    if m is None or not any(bare_word(w) in ROLE_NOUNS or bare_word(w) in TITLES
                            for w in m.group("role").split()[-1:]):
        return None
    office = m.group("office")
    apostrophe = "[\u2019']"
    written = re.compile(apostrophe.join(map(re.escape, re.split(apostrophe, office))) + r",?\s+",
                         re.IGNORECASE if office[:3].lower() == "the" else 0)
    holders: set[str] = set()
    for text in texts.values():
        for at in written.finditer(text):
            name = name_at_start(text, at.end(), min(len(text), at.end() + 60))
            if name is not None and name.start == at.end() and len(name.words) >= 2:
                holders.add(name.text)
    if len(holders) != 1:
        return None
    return Speaker(holders.pop(), "person", attribution="resolved")


# A body described by what it is (`the electoral commission`, `the state health department`).
_BODY_HEADS = (r"(?:commission|department|ministry|court|agency|council|regulator|bureau|"
               r"authority|office)")
_BODY = re.compile(r"[Tt]he\s+(?P<body>(?P<mods>(?:[a-z][a-z-]*\s+){1,3})" + _BODY_HEADS + r")")
# Modifiers that say which of several bodies the article named, not what the body is.
_POINTING = frozenset({"new", "full", "same", "other", "former", "whole", "entire", "old", "last",
                       "next", "first", "second", "relevant", "lower", "higher", "top", "two"})


def described_body(phrase: str, texts: dict[int, str]) -> Speaker | None:
    """Return the body a description names by what it is (`the electoral commission said`):
    an organisation that speaks; None when the article names a body with the same head
    (`the Electoral Commission of Zambia`: the other rules point back at it) or a modifier
    only points (`the full committee`)."""
    m = _BODY.fullmatch(phrase.strip())
    if m is None or any(w in _POINTING for w in m.group("mods").split()):
        return None
    head = m.group("body").split()[-1]
    named = re.compile(r"\b[A-Z][\w.\u2019'-]*\s+(?:[\w.\u2019'-]+\s+){0,3}?"
                       + head.capitalize() + r"\b")
    if any(named.search(text) for text in texts.values()):
        return None
    return Speaker(m.group("body"), "organisation", attribution="explicit")


# Heads of a description an unnamed source is first given and then named by again (`A senior
# Republican strategist … told CNN …` then `“…,” the strategist said`).
_SOURCE_HEADS = ROLE_NOUNS | SOURCE_NOUNS | {
    "nurse", "nurses", "worker", "workers", "operative", "operatives", "employee", "employees",
    "technician", "teacher", "doctor", "physician", "resident", "voter", "volunteer", "lawyer",
    "attorney", "officer", "contractor", "engineer", "manager", "executive", "organizer",
    "organiser", "strategist", "consultant", "donor", "lobbyist", "witness", "parent", "member",
    "administrator", "analyst", "investigator", "prosecutor", "detective", "deputy", "trooper",
    # `A woman near the front who did not give her name …` then `the woman said`; `A father
    # from the Maxwell Park area said …`.
    "man", "woman", "father", "mother", "grandmother", "grandfather", "student", "neighbor",
    "neighbour", "owner", "retiree"}
# What `the …` may name again besides a source's heads: `A person familiar with the discussions
# … said` then `the person said` (a pronoun after such a source stays with the rules for names).
_NAMED_AGAIN_HEADS = _SOURCE_HEADS | {"person", "people", "source"}
_NOT_MODIFIERS = frozenset({"who", "whom", "which", "that", "said", "says", "told", "is", "was",
                            "were", "are", "has", "had", "have"})


# What makes an indefinite description a source: a speech verb of its own later in its sentence
# (`One GOP lawmaker from the state, granted anonymity, said`), or right before it (`said one
# legal expert`).
_SPEAKS_AFTER = re.compile(r"[^.;:!?\u201c\u201d\"]{0,200}?\b(?:said|says|told|"
                           r"tells|added|wrote|writes|predicted|warned|argued|noted|explained|"
                           r"acknowledged|described|called|insisted)\b")


# Where a sentence starts: the text's start, or after a full stop and a closing mark.
_SENTENCE_START = r"(?:^|[.!?][\u201d\u2019\"']?\s+)"
# An unnamed person opening a sentence in which they speak: `A woman who identified herself
# only as a poll worker … said`.
_WHO_AFTER = re.compile(r"[^.;!?\u201c\u201d\"]{0,60}?,?\s+who\b")
_UNNAMED_OPENS = re.compile(_SENTENCE_START + r"(?:A|An|One|Another)\s+"
                            r"((?:[\w-]+\s+){0,4}?[\w-]+)\b")


# A sentence whose subject is a definite description of a person (`On election night, the
# county's election administrator, who …, sat`).
_DESCRIBED_OPENS = re.compile(_SENTENCE_START + r"(?:[A-Z][\w' ]{0,30},\s+)?"
                              r"[Tt]he\s+((?:[\w\u2019'-]+\s+){0,3}?[\w-]+)(?=,|\s+(?:who|"
                              r"said|says|told|sat|stood|was|is|has|had)\b)")
# A sentence opening on a title, after a fronted phrase (`Asked about his cousin’s opposition,
# the speaker laughed.`).
_TITLE_OPENS = re.compile(_SENTENCE_START + r"(?:[A-Z][^.!?\u201c\u201d\"]{0,80}?,\s+)?"
                          r"[Tt]he\s+((?:[\w\u2019'-]+\s+){0,2}?[\w-]+)(?=\s+(?:laughed|"
                          r"smiled|shrugged|nodded|paused|sighed|said|says)\b)")


def described_subject_before(text: str, offset: int) -> str | None:
    """Return the head noun of a definite description of a person opening a sentence of
    `text` before `offset` as its subject (`the county's election administrator, who …`), or
    None."""
    found = None
    for m in _DESCRIBED_OPENS.finditer(text, 0, offset):
        words = m.group(1).lower().split()
        # `the county's director of elections`: the noun before `of` heads it.
        head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
        if head in _SOURCE_HEADS:
            found = head
    return found


def titled_subject_before(text: str, offset: int) -> str | None:
    """Return the title of the last sentence of `text` before `offset` that opens on a title
    as its subject (`Asked about his cousin’s opposition, the speaker laughed.` → `speaker`),
    or None."""
    found = None
    for m in _TITLE_OPENS.finditer(text, 0, offset):
        found = title_head("the " + m.group(1))
    return found


# An unnamed man or woman anywhere in a sentence (`was to a woman who had run the county
# committee`), not said of someone (`she is a woman who …`).
# (Nor set beside a noun: `a second physician, a woman from Childress`.)
_NOT_PREDICATE = r"(?<!\bis\s)(?<!\bwas\s)(?<!\bas\s)(?<!\bbe\s)"
_A_MAN_OR_WOMAN = (r"\b(?:[Aa]|[Aa]n|[Oo]ne|[Aa]nother)\s+(?:[a-z-]+\s+){0,2}?"
                   r"(woman|man|girl|boy|lady|gentleman)\b")
_UNNAMED_GENDERED = re.compile(_NOT_PREDICATE + r"(?<!,\s)" + _A_MAN_OR_WOMAN)
_GENDER_OF = {"woman": "f", "girl": "f", "lady": "f", "man": "m", "boy": "m", "gentleman": "m"}


def unnamed_gendered_after(text: str, start: int, offset: int, gender: str) -> bool:
    """Return True if `text[start:offset]` mentions an unnamed man or woman (as `gender` says)
    outside a predicate: a pronoun after it may be theirs."""
    return any(_GENDER_OF[m.group(1)] == gender
               for m in _UNNAMED_GENDERED.finditer(text, start, offset))


def unnamed_then_pronoun(text: str, start: int, gender: str) -> bool:
    """Return True if `text` after `start` mentions an unnamed man or woman (as `gender` says)
    and a later sentence of it opens with that person's pronoun (`… a young woman in a ribbon
    skirt stood near the door. She said …`): the person the text goes on about."""
    pronoun = _PRONOUN_OPENS[gender]
    return any(_GENDER_OF[m.group(1)] == gender and pronoun.search(text, m.end())
               for m in _UNNAMED_GENDERED_ANY.finditer(text, start))


# (Here also after a comma: `As the meeting ended, a young woman …`, `a second physician, a
# woman from Childress`, are as unnamed.)
_UNNAMED_GENDERED_ANY = re.compile(_NOT_PREDICATE + _A_MAN_OR_WOMAN)
_PRONOUN_OPENS = {"f": re.compile(r"[.!?][\u201d\u2019\"']?\s+She\b"),
                  "m": re.compile(r"[.!?][\u201d\u2019\"']?\s+He\b")}


def unnamed_speaker_before(text: str, offset: int) -> bool:
    """Return True if a sentence of `text` before `offset` opens with an unnamed person who
    speaks in it (`A woman who identified herself only as a poll worker … said`): a pronoun
    after it may be hers rather than a name's from the paragraphs before."""
    for m in _UNNAMED_OPENS.finditer(text, 0, offset):
        # (`A consultant who introduced himself only as Rick ran the meetings. He told …`, `A
        # courier in a yellow poncho, who would not give his name, …`: anyone introduced by a
        # relative clause is as near.)
        if _WHO_AFTER.match(text, m.end(), offset) or (
                m.group(1).split()[-1].lower() in _SOURCE_HEADS and
                _SPEAKS_AFTER.match(text, m.end(), offset)):
            return True
    return False


# `a suburban House Democrat who was counted as a yes`, `A consultant, who …`: a person the
# text introduces without a name (not an appositive: `The Republican, a former sheriff who …`).
_UNNAMED_WHO = re.compile(r"(?<!,\s)\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w\u2019'-]+\s+){0,4}?"
                          r"[\w-]+,?\s+who\b")


def unnamed_since(texts: dict[int, str], paragraph: int, offset: int, name: str,
                  in_quote: Callable[[int, int], bool]) -> bool:
    """Return True if this paragraph before `offset`, or the one before, introduces a person
    without a name (`a suburban House Democrat who …`) after the last time `name`'s surname is
    written: `the lawmaker told me` may be that person, not the one lawmaker named before."""
    surname = name.split()[-1]
    for p in (paragraph, paragraph - 1):
        text = texts.get(p, "")
        end = offset if p == paragraph else len(text)
        hits = [h for h in _UNNAMED_WHO.finditer(text, 0, end) if not in_quote(p, h.start())]
        if hits:
            return text.find(surname, hits[-1].end(), end) < 0
        if surname in text[:end]:
            return False
    return False


# `Both leaders …`, `The two senators …` as a sentence's subject: several people at once, after
# which a singular pronoun may be any of them (not `courted both union leaders`).
_SEVERAL = re.compile(r"(?:^|(?<=[.!?]\s))(?:(?:Both|The\s+(?:two|three))\s+(?:[a-z-]+\s+)?"
                      r"(?P<people>[a-z-]+)s\b|Both\s+(?P<verb>(?:have|had|were|are|will|would)\s+)?"
                      r"(?:[a-z]+ed|said|say|met|spoke|told|went|came|took|left|sat|stood)\b)")
_PEOPLE = ROLE_NOUNS | TITLES.keys() | {"woman", "man", "candidate", "lawmaker", "leader"}


def several_since(texts: dict[int, str], paragraph: int, start: int, offset: int,
                  in_quote: Callable[[int, int], bool]) -> bool:
    """Return True if `texts[paragraph][start:offset]` (outside quotations) turns to several
    people at once (`Both leaders took questions afterward. Asked …, she said`; not `one of
    the two no votes`, nor `both legs`)."""
    return any(not in_quote(paragraph, m.start()) and
               (m.group("people") is None or m.group("people") in _PEOPLE or
                m.group().endswith(("men", "women")))
               for m in _SEVERAL.finditer(texts.get(paragraph, ""), start, offset))


# `A forklift driver who asked not to be named …`, `A courier in a yellow rain poncho, who would
# not give his name, …`: a sentence opening on an unnamed person, described, then `who`.
_UNNAMED_WHO_OPENS = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\u201d\"]\s))(?:An?|One|Another|"
                                # (after a scene: `Near the truck, a woman who …`)
                                r"(?:In|At|On|Near|Outside|Inside|Behind|Beside|Across|Along|"
                                r"After|Before|During|Later|Earlier|Nearby|Back|Asked)\b"
                                r"[\w\u2019' ]{0,40},\s+(?:an?|one|another))\s+"
                                # (`One speaker, a construction foreman who …`: what the
                                # appositive says the person is)
                                r"(?:[\w\u2019'-]+,\s+(?:an?)\s+)?"
                                r"(?P<desc>[\w\u2019'-]+(?:\s+[\w\u2019'-]+){0,6}?),?\s+who\s")
# `… who identified herself only as …`, `… who gave only his first name, …`, `… who asked to be
# identified only as …`: what an unnamed person goes by.
_CALLED_ONLY = re.compile(r"(?:(?:identified|introduced|described)\s+(?:him|her|them)"
                          r"sel(?:f|ves)\s+(?:only\s+)?as|(?:would\s+)?(?:gave|give|giving)\s+"
                          r"(?:only\s+)?(?:his|her|their)\s+"
                          r"(?:first\s+)?name(?:\s+(?:only\s+)?as|,)|(?:ask|agree|want)(?:ed|s)\s+"
                          r"to\s+be\s+(?:identified|called|named)\s+(?:only\s+)?(?:by\s+(?:his|"
                          r"her|their)\s+first\s+name,?\s+)?as)\s+(?:an?\s+|the\s+)?"
                          r"(?P<as>[\w\u2019'-]+(?:\s+[a-z][\w-]*){0,3}?)"
                          r"(?=[,.;]|\s+(?:and|who|said|says|ran|told|at|in|on|from|after|was|is|"
                          r"had|has|because|for)\b)")
_BARE_PERSON = frozenset({"man", "woman", "person", "young man", "young woman", "older man",
                          "older woman"})
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")
_HIS = re.compile(r"\b(?:he|his|him|himself)\b")
_HER = re.compile(r"\b(?:she|her|hers|herself)\b")


def unnamed_who_before(texts: dict[int, str], paragraph: int, offset: int, pronoun: str,
                       named_between: Callable[[int, int, int], bool]) -> Speaker | None:
    """Return the unnamed person a `he` or `she` points at: the last sentence opening on one
    described and then `who` (`A forklift driver who asked not to be named … said …`, then
    `“…,” he said`), in this paragraph before `offset` or the one before, when no person is
    named between it and the pronoun and the sentence's own pronouns are of the same gender."""
    for p in (paragraph, paragraph - 1):
        text = texts.get(p, "")
        end = offset if p == paragraph else len(text)
        hits = list(_UNNAMED_WHO_OPENS.finditer(text, 0, end))
        if not hits:
            continue
        hit = hits[-1]
        called = _CALLED_ONLY.match(text, hit.end())
        # (The name a person gave, `only as Tina`, is no one else named.)
        if named_between(p, hit.start() if called is None else called.end(), end) or (
                p < paragraph and named_between(paragraph, 0, offset)):
            return None
        stop = _SENTENCE_STOP.search(text, hit.end())  # (the match ends in `who `)
        sentence_end = stop.end() if stop else len(text)
        told = text[hit.end():min(sentence_end, end)]
        if p < paragraph and not _SPEAKS_AFTER.match(told) and not (
                called is not None and called.group("as")[:1].isupper()):
            # Described in the paragraph before, but not speaking there (a person who gave a
            # name, `only as Tina`, is as near as one named).
            return None
        other = _HER if pronoun == "he" else _HIS
        if other.search(told) or any(w[:1].isupper() for w in hit.group("desc").split()[:1]):
            return None
        if called is not None:
            # `A woman who identified herself only as a precinct volunteer`, `A consultant who
            # introduced himself only as Rick`: what the person goes by.
            known = called.group("as")
            return Speaker(known, "person", attribution="resolved", named=known[:1].isupper())
        if hit.group("desc").lower() in _BARE_PERSON:
            return None  # `A man who declined to give his name`: `man` tells a reader nothing
        return Speaker(hit.group("desc"), "person", attribution="resolved", named=False)
    return None


_PLACE_PREPOSITIONS = frozenset({"at", "in", "on", "from", "near", "outside", "inside"})
_FUNCTION_WORDS = frozenset({"the", "of", "to", "and", "or", "in", "on", "at", "for", "with",
                            "by", "from"})
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|(?-i:[Pp]er)|according\s+to)\s+$")


_NAME_APPOSITIVE = re.compile(r",\s+(?:[A-Z][\w.\u2019'-]*\s+){1,3}[A-Z][\w\u2019'-]+\s*,")


def earlier_source(description: str, texts: dict[int, str], paragraph: int, offset: int,
                   in_quote: Callable[[int, int], bool]) -> Speaker | None:
    """Return the unnamed source `the aide` names again (`A senior Republican strategist …
    told CNN …`, then `“…,” the strategist said`): the one description with that head noun,
    indefinite, in this paragraph before `offset` or the three before; None when there are
    several, or the description is an appositive to a name (`Jane Roe, a nurse,`: the rules
    for titles and descriptions point back at her)."""
    # (`that official said`, `this person said`: the one just described too.)
    m = re.fullmatch(r"(?:the|that|this)\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)", description.strip(),
                     re.IGNORECASE)
    if m is None or m.group(1).lower() not in _NAMED_AGAIN_HEADS:
        return None
    head = m.group(1).lower()
    # (Up to six words before the head: `A senior Democratic Senatorial Campaign Committee
    # official`.)
    pattern = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:[\w\u2019'-]+\s+){0,6}?"
                         + re.escape(head) + r"(?:\s+(?:from|at|in|with|for|of|near|outside|"
                         r"inside|behind|familiar\s+with|briefed\s+on|close\s+to)\s+(?:the\s+)?"
                         r"[\w.\u2019'-]+(?:\s+(?:of|and|for|the|[A-Z][\w.\u2019'-]*|"
                         r"(?!(?:that|which|who|whose)\b)[a-z][\w-]*)){0,6}?"
                         r"(?=[,.]|\s+(?:said|says|told|who|which|[a-z]{3,}ed)\b))?)(?!\w)")
    found: set[str] = set()
    for text, hit in _hits_before(pattern, texts, paragraph, offset, in_quote):
        words = hit.group(1).split()
        words = words[:[w.lower() for w in words].index(head) + 1]  # the modifiers and head
        if any(w.lower() in _NOT_MODIFIERS or w.lower() in _FUNCTION_WORDS for w in words):
            continue
        before = text[:hit.start()].rstrip()
        opens = not before or before[-1] in ".!?;:\u201d\""
        if not opens and not _SPEAKS_AFTER.match(text, hit.end()) and \
                not _SAID_BEFORE.search(text, max(0, hit.start() - 12), hit.start()):
            continue  # `… that a sitting governor had been impeached`: no source
        if _NAME_APPOSITIVE.match(text, hit.end()):
            return None  # `A deputy governor, Hossein Farahani, …`: a named person's post
        if before.endswith(","):
            lead = before[:-1].split()[-2:] or [""]
            if lead[-1][:1].isupper() and lead[-1].lower() not in _INDEFINITE and \
                    not (len(lead) == 2 and lead[0].lower() in _PLACE_PREPOSITIONS):
                # (`At Flint, a UAW official …`: where, then the source.)
                return None  # `Jane Roe, a nurse,`: an appositive to a name
        which = _RESTRICTIVE.match(text, hit.end()) if len(words) == 1 else None
        # (`A lobbyist who works with several large technology companies, …`: a bare noun
        # says too little; its restrictive clause tells which one.)
        found.add(hit.group(1) + (which.group() if which is not None else ""))
    if len(found) != 1:
        return None
    name = found.pop()
    return Speaker(name, "group" if head.endswith("s") else "person", attribution="resolved",
                   named=False)


def _hits_before(pattern: re.Pattern[str], texts: dict[int, str], paragraph: int, offset: int,
                 in_quote: Callable[[int, int], bool]) -> Iterator[tuple[str, re.Match[str]]]:
    """Yield `pattern`'s matches outside quotations in this paragraph before `offset` and the
    three paragraphs before it, each with its paragraph's text."""
    for p in range(max(1, paragraph - 3), paragraph + 1):
        text = texts.get(p, "")
        for hit in pattern.finditer(text, 0, offset if p == paragraph else len(text)):
            if not in_quote(p, hit.start()):
                yield text, hit


_ONE_OF = re.compile(r"one\s+of\s+(?:the|those|these)\s+(?:[a-z-]+\s+){0,2}?([a-z]+s|people)",
                     re.IGNORECASE)


def one_of_earlier(description: str, texts: dict[int, str], paragraph: int, offset: int,
                   in_quote: Callable[[int, int], bool]) -> Speaker | None:
    """Return the one source `one of the sources` is, described as the several were (`Two
    sources with knowledge of the discussions said …`, then `“…,” one of the sources said`:
    `source with knowledge of the discussions`), in this paragraph before `offset` or the three
    before; None when no or several such descriptions came before."""
    m = _ONE_OF.fullmatch(description.strip())
    if m is None:
        return None
    plural = m.group(1).lower()
    pattern = re.compile(r"\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|[Bb]oth|\d+)\s+((?:[\w'-]+\s+)"
                         r"{0,3}?" + re.escape(plural) + r")\b((?:\s+(?:with|familiar\s+with|"
                         r"close\s+to|briefed\s+on)\s+[^,.;\u201c\u201d\"]{1,60}?)?)(?=\s+(?:said|say|"
                         r"told|spoke|described)\b|[,:.])")
    # (`people` stays as written: a `person familiar with …` is how nobody writes it.)
    found = {(hit.group(1) if plural == "people" else _singular(hit.group(1))) + hit.group(2)
             for _, hit in _hits_before(pattern, texts, paragraph, offset, in_quote)}
    # Or several with no number, described by what they know (`…, people familiar with the
    # terms said`, `according to people familiar with the board’s deliberations`): the
    # description as written.
    bare = re.compile(r"\b(" + re.escape(plural) + r"\s+(?:familiar\s+with|"
                      r"briefed\s+on|close\s+to|with\s+(?:direct\s+)?knowledge\s+of)\s+"
                      r"[^,.;:\u201c\u201d\"]{1,60}?)(?=\s+(?:said|say|told)\b|[,.;:])")
    found |= {hit.group(1) for text, hit in _hits_before(bare, texts, paragraph, offset, in_quote)
              if not _COUNTED.search(text, max(0, hit.start() - 60), hit.start())}
    if len(found) != 1:
        return None
    return Speaker(found.pop(), "person", attribution="resolved", named=False)


# A number or quantifier before several sources and their modifiers (`Two Senate aides`).
_COUNTED = re.compile(r"\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ss]everal|[Bb]oth|\d+)\s+"
                      r"(?:[\w'-]+\s+){0,3}$")


def _singular(phrase: str) -> str:
    *lead, head = phrase.split()
    head = head[:-3] + "y" if head.endswith("ies") else head[:-1]
    return " ".join([*lead, head])


__all__ = [
    "SOURCE_NOUNS",
    "described_body",
    "description_speaker",
    "earlier_source",
    "office_holder",
    "one_of_earlier",
    "several_since",
    "unnamed_since",
    "unnamed_who_before",
]
