"""Generations of one family: `the elder X`, `the younger X` and the pronouns after them, told
apart by how the text writes each namesake (`Her daughter, Emma Stiles`, `Jr.`, `Sr.`, their
ages). `Generations` holds these rules for `cast.Cast`."""

from __future__ import annotations

import re
from typing import Protocol

from ..model import ActorKind
from .actors import Mention
from .lexicon import Gender
from .matching import last_match
from .relatives import written_age
from .speakers import AMBIGUOUS, GENERATION, PRONOUN_GENDER, Attribution, Speaker, bare_word

# How late in a family's line each suffix comes (no suffix: 1), when both namesakes carry one.
_GENERATIONS = {"sr": 0, "jr": 2, "ii": 2, "iii": 3, "iv": 4}
# `Her daughter, Emma Stiles`, `the owner's son Marco DiSantis`: a child named after the word.
_OWNER = r"(?:[Hh]is|[Hh]er|[Tt]heir|(?:the\s+)?[\w-]+[\u2019']s)\s+(?:\w+\s+)?"
# `The younger Mr. Ashby said … what he called “…”`: a sentence whose subject is one of two
# generations, for the pronouns after it.
# (A fronted phrase may come first: `Asked …, the elder X said`.)
_GENERATION_OPENS = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\u201d\"]\s))"
                               r"(?:The|[A-Z][^.!?\u201c\u201d\"]{0,100}?,\s+the)\s+" + GENERATION)
_CHILDREN = r"(?:son|daughter|child|grandson|granddaughter|niece|nephew)"
_ELDERS = r"(?:father|mother|aunt|uncle|grandfather|grandmother|grandparent|parent)"
# (A role may stand between: `Marchetti-Lowe's father, retired furniture-plant supervisor Paolo
# Marchetti`.)
_CHILD_BEFORE = r"\b" + _OWNER + _CHILDREN + r",?\s+(?:[a-z][\w-]*\s+){0,4}"
_CHILD_AFTER = r",\s+(?:the\s+)?" + _OWNER + _CHILDREN + r"\b"
_ELDER_BEFORE = r"\b" + _OWNER + _ELDERS + r",?\s+(?:[a-z][\w-]*\s+){0,4}"
_ELDER_AFTER = r",\s+(?:the\s+)?" + _OWNER + _ELDERS + r"\b"


class _CastParts(Protocol):
    """What the generation rules read of the cast (`Cast` holds them all)."""

    texts: dict[int, str]
    by_last: dict[str, list[str]]
    pairs: dict[str, list[str]]

    def gender(self, key: str) -> Gender | None: ...

    def _in_quote(self, paragraph: int, offset: int) -> bool: ...

    def _object(self, paragraph: int, start: int) -> bool: ...

    def _between(self, paragraph: int, start: int, end: int) -> list[Mention]: ...

    def _person(self, key: str, how: Attribution, title: tuple[str, ...] = ()) -> Speaker: ...


class Generations(_CastParts):
    """The generation rules of a `Cast`."""

    def generation(self, surname: str, elder: bool) -> Speaker | None:
        """Return the elder or the younger of the two people the article calls `surname`: the
        child is the one written as someone's son or daughter (`Her daughter, Emma Stiles`),
        or as `Jr.`; None unless exactly two people share it and one is so written."""
        keys = list(self.by_last.get(surname, []))
        for first in self.pairs.get(surname, ()):
            if not any(first in k.split() for k in keys):
                keys.append(f"{first} {surname}")
        if len(keys) == 1 and self._written_as(keys[0], *((_ELDER_BEFORE, _ELDER_AFTER) if elder
                                                          else (_CHILD_BEFORE, _CHILD_AFTER))):
            # `the elder Marchetti` after `Marchetti-Lowe's father, … Paolo Marchetti`: the one
            # Marchetti, written as someone's parent (his child goes by another name).
            return self._person(keys[0], "resolved")
        ages = [written_age(self.texts, k) or 0 for k in keys] if len(keys) > 2 else []
        if ages and 0 not in ages and len(set(ages)) == len(ages):  # three generations, aged
            return self._person(keys[ages.index((max if elder else min)(ages))], "resolved")
        if len(keys) != 2:
            return None
        ranks = [_GENERATIONS.get(bare_word(k.split()[-1]), 1) for k in keys]
        if ranks[0] != ranks[1]:
            # `Delbert Haskins Jr.` and his son `Delbert Haskins III`, `Sr.` and none: the
            # suffixes tell.
            young = keys[ranks.index(max(ranks))]
            old = keys[ranks.index(min(ranks))]
            return self._person(old if elder else young, "resolved")
        children = [k for k in keys if k.endswith(("Jr.", "Jr")) or self._written_as(
            k, _CHILD_BEFORE, _CHILD_AFTER)]
        if len(children) != 1:
            # `Dolores Szymczak, the alderperson’s aunt`: the one written as a parent, aunt
            # or grandparent is the elder.
            elders = [k for k in keys if self._written_as(k, _ELDER_BEFORE, _ELDER_AFTER)]
            if len(elders) != 1 or children:
                return None
            children = [k for k in keys if k != elders[0]]
        child = children[0]
        parent = keys[1] if keys[0] == child else keys[0]
        return self._person(parent if elder else child, "resolved")

    def _written_as(self, key: str, before: str, after: str) -> bool:
        """Return True if some paragraph writes `key` as a relation (`Her daughter, Emma
        Stiles`, `Emma Stiles, her daughter`), by the patterns before and after the name."""
        name = re.escape(key)
        # (Or by the given name alone, with a comma after it: `His son, Kyle, who farms …`.)
        given = re.escape(key.split()[0]) + r",\s"
        # (The name set off as an appositive: `Asked about his son, Jim Pruett smiled` is Jim
        # asked about his son, no son.)
        set_off = r"(?=\s*[,.;:)\u2014]|\s*$)"
        return any(re.search(before + name + set_off, text) or re.search(name + after, text)
                   or re.search(before + given, text) for text in self.texts.values())

    def generation_before(self, pronoun: str, paragraph: int, offset: int) -> Speaker | None:
        """Return the elder or younger of two namesakes a sentence of this paragraph (or of the
        one before, for a quotation opening its paragraph) opens on (`The younger Mr. Ashby said
        … what he called “…”`), when no person is named between it and the pronoun but as an
        object, and the pronoun's gender fits; else None."""
        p, text = paragraph, self.texts.get(paragraph, "")
        hit = last_match(_GENERATION_OPENS, text, 0, offset)
        if hit is None and not text[:offset].strip(" \u201c\"'"):
            # (Or the paragraph before, for a quotation opening its own: `The elder Mattingly
            # says …` then `“…,” he says.`)
            p, text = paragraph - 1, self.texts.get(paragraph - 1, "")
            hit = last_match(_GENERATION_OPENS, text, 0, len(text))
        end = offset if p == paragraph else len(text)
        if hit is None or pronoun not in PRONOUN_GENDER or any(
                m.kind is ActorKind.PERSON and not self._in_quote(p, m.start)
                and not self._object(p, m.start)
                for m in self._between(p, hit.end(), end)):
            return None  # (`… his support for Mr. Hensley …`: an object is no rival)
        found = self.generation(hit.group(2), hit.group(1).lower() != "younger")
        if found is None or found is AMBIGUOUS or \
                self.gender(found.name) not in (PRONOUN_GENDER[pronoun], None):
            return None
        return found


__all__ = ["Generations"]
