"""Genders the text tells: a person's name in, he or she (or nothing) out.

A pronoun (`she said`) is only resolved to a person of a compatible gender, and many people in
the news have first names no list holds (`Oksana Hrytsenko`, `Sipho Ndlovu`). Besides a common
first name (or its short form: `Tom` for Thomas), the text itself tells: an appositive's head
noun (`, the chairwoman of …`, `, his wife,`, `, a former congressman`) and a subject or
possessive pronoun that follows the name in its sentence or opens the next one (`Volker disputed
that he had …`), never an object pronoun (`followed her`), which points at someone else more
often than not. `cast.Cast` asks these for each person it knows.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import ActorKind
from .actors import STOP, Mention
from .actors.cues import THE_BEFORE
from .lexicon import FIRST_NAMES, NICKNAMES, RELATION_GENDERS, TITLES, Gender, census_first_names
from .speakers import CLAUSE_OPENERS, DETERMINERS, PREPOSITIONS

_NAME_BEFORE = re.compile(r"\b[A-Z][\w\u2019'-]+\s+$")
_GENDERED = re.compile(r"\b(?:he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)
# `… since 1976. This year, she isn’t sure`: the next sentence's subject pronoun.
_NEXT_SUBJECT = re.compile(r"\s+(?:(\w+)[^,.!?A-Z]{0,30},\s+)?(?i:he|she)\b")
# `Oksana Hrytsenko, the chairwoman of …`, `Ravi Menon, 34, her husband,`: an appositive whose
# head noun (the last word before a comma or a preposition) tells the gender of the name.
_APPOSITIVE_NOUN = re.compile(r",\s+(?:\d+,\s+)?(?:the|a|an|his|her|their|its|one)\s+"
                              r"((?:[a-z][\w\u2019'-]*\s+){0,3}?[a-z]+)"
                              r"(?=[,.;]|\s+(?:of|for|at|in|from|to|who|with|on)\b)")
# Only titles and capitalised words between a sentence's start and a name: the name is the
# sentence's subject (`… the granddaughter of its founder, Kanemori Tetsuo. In a statement, she
# said`: the next sentence's `she` is not the founder's).
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?][\u201d\u2019\"']?\s+)(?:[A-Z][\w.\u2019'-]*\s+){0,4}$")
# A name right after a preposition or a verb's object position is no sentence's subject.
_OBJECT_BEFORE = re.compile(r"\b(?:to|at|with|by|for|from|of|about|on|against|toward|towards|"
                            r"into|than|like|and|or)\s+(?:[A-Z][\w.\u2019'-]*\s+){0,3}$")
_WHO_NEXT = re.compile(r",?\s+who\b")  # `a letter to Kim, who said she …`: hers, all the same
# Words after `her` that make it an object (`stood beside her without a word`), beyond the
# prepositions the speaker rules list.
_AFTER_OBJECT = frozenset({"without", "across", "through", "around", "during", "as", "down",
                           "up", "out", "off", "back", "again", "too", "alone", "into",
                           "onto", "that", "if", "whether", "how", "why", "what"})


def first_name_gender(word: str, *, census: bool = False) -> Gender | None:
    """Return the gender a first name or its short form (`Tom` for Thomas) usually marks; with
    `census`, for a word known to open a full name, the census lists' too (a lone word may be a
    surname: `Warren said` of Elizabeth Warren)."""
    low = word.lower()
    return FIRST_NAMES.get(low) or FIRST_NAMES.get(NICKNAMES.get(low, low)) or (
        census_first_names().get(low) if census else None)


def appositive_gender(text: str, end: int) -> Gender | None:
    """Return the gender the appositive right after a name ending at `end` tells (`, the
    chairwoman`, `, his wife,`, `, a former congressman`), or None."""
    m = _APPOSITIVE_NOUN.match(text, end)
    if m is None:
        return None
    noun = m.group(1).split()[-1]
    return TITLES.get(noun) or RELATION_GENDERS.get(noun)


def pronoun_genders(by_paragraph: dict[int, list[Mention]], texts: dict[int, str],
                    known: Callable[[str], Gender | None]) -> dict[str, Gender]:
    """Return the gender of people `known` cannot tell, learned from the pronoun that follows
    them in their sentence (`Volker disputed that he had …`) when no other mention comes
    between, or opens the next sentence; people the pronouns disagree about are left out."""
    told: dict[str, set[Gender]] = {}
    for p, ms in by_paragraph.items():
        text = texts.get(p, "")
        for i, m in enumerate(ms):
            if m.kind is not ActorKind.PERSON or THE_BEFORE.search(text, max(0, m.start - 5),
                                                                     m.start):
                continue  # `the Harlan campaign, which her campaign …`: a name as a modifier
            stop = ms[i + 1].start if i + 1 < len(ms) else len(text)
            window = text[m.end:min(stop, m.end + 200)]
            first = re.split(r"[.!?;\u201c\"]", window, maxsplit=1)
            hits = [h for h in _GENDERED.finditer(first[0]) if not _object_pronoun(first[0], h)]
            prior = known(m.key)
            if prior is not None:
                # A first name that usually marks one gender, and a sentence that says the
                # other twice over (`Marion Szabo, … himself, told reporters that he …`, or
                # `Beverly Oakes is a retired machinist. He spent …, and said he …`): the text
                # wins. Only for the sentence's subject: after `to Omar’s office, in which he
                # said he’d` the pronouns are someone else's.
                if _OBJECT_BEFORE.search(text, max(0, m.start - 30), m.start) or \
                        re.match(r"[\u2019']s?\b", text[m.end:m.end + 2]) or \
                        (_LOWER_BEFORE.search(text, max(0, m.start - 200), m.start) and
                         not _VERB_AFTER_NAME.match(text, m.end)):
                    # (`She grew up …, the daughter of a court stenographer, Salvatore
                    # Marchetti, …, and she has her father's habit`: a name inside the
                    # sentence is not its subject.)
                    continue
                if not hits and len(first) > 1 and window[len(first[0])] in ".!?":
                    after = text[m.end + len(first[0]) + 1:min(stop, m.end + 500)]
                    nxt = _NEXT_SUBJECT.match(after)
                    if nxt and (nxt.group(1) is None or nxt.group(1).lower() in STOP):
                        sentence = re.split(r"[.!?;\u201c\"]", after, maxsplit=1)[0]
                        hits = [h for h in _GENDERED.finditer(sentence)
                                if not _object_pronoun(sentence, h)]
                said = {_pronoun_gender(h.group()) for h in hits}
                if len(hits) >= 2 and said == {"f" if prior == "m" else "m"}:
                    told.setdefault(m.key, set()).update(said)
                continue
            hit = hits[0] if hits else None
            if hit is not None and _OBJECT_BEFORE.search(text, max(0, m.start - 30), m.start) \
                    and not _WHO_NEXT.match(window):
                # `He stood on the sidewalk with Tanabe and his sister`: after a name inside a
                # phrase, the pronoun is the subject's.
                hit = None
            if hit is not None and _NAME_BEFORE.search(first[0], 0, hit.start()):
                # `Thorne …, telling Dunning her time had expired`: the pronoun right after
                # another name (one the mentions may have missed) is that name's.
                hit = None
            if hit is None and not hits and len(first) > 1 and \
                    window[len(first[0])] in ".!?" and \
                    _OPENS_SENTENCE.search(text, max(0, m.start - 60), m.start):
                # `Lupe Ortiz has voted since 1976. This year, she isn’t sure`: the next
                # sentence's subject, after no name but an opening phrase.
                nxt = _NEXT_SUBJECT.match(first[1])
                if nxt and (nxt.group(1) is None or nxt.group(1).lower() in STOP):
                    hit = nxt
            if hit:
                told.setdefault(m.key, set()).add(_pronoun_gender(hit.group().split()[-1]))
    return {key: next(iter(genders)) for key, genders in told.items() if len(genders) == 1}


# A lower-case word between the start of the sentence and a name: the name is not its subject.
_LOWER_BEFORE = re.compile(r"(?:^|[.!?][\u201d\u2019\"']?\s)[^.!?]*\b[a-z][\w\u2019'-]*[^.!?]*$")


# (Unless a verb follows it: `The board member who raised it, Beverly Oakes, is a machinist.`)
_VERB_AFTER_NAME = re.compile(r",?\s+(?:is|was|has|had|became|spent|said|says|told)\b")


def _pronoun_gender(word: str) -> Gender:
    return "m" if word.lower() in {"he", "his", "him", "himself"} else "f"


def _object_pronoun(text: str, hit: re.Match[str]) -> bool:
    """Return True if the pronoun at `hit` is an object (`followed her.`, `asked him to`)."""
    word = hit.group().lower()
    if word == "him":
        return True
    if word != "her":
        return False
    after = re.match(r"\s+([a-z][\w-]*)", text[hit.end():])
    word = after.group(1) if after else ""
    return not word or word in PREPOSITIONS or word in DETERMINERS or word in CLAUSE_OPENERS \
        or word in _AFTER_OBJECT


__all__ = ["appositive_gender", "first_name_gender", "pronoun_genders"]
