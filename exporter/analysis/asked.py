"""The person a question before a quotation was put to (`Vanterpool asked Olawale what she would
tell them. “Hang on,” she said`), who answers whoever spoke before; the one person a bare
surname or a family name written first can mean so far; the relative a sentence makes its subject
(`Her son, standing beside her, shrugged.`); and who answers a question put in the paragraph
before. A mixin of `antecedents.Antecedents`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from typing import Protocol

from ..model import ActorKind
from .actors import Mention
from .lexicon import FIRST_NAMES, RELATION_GENDERS, Gender
from .matching import last_match
from .relatives import introduced_as, kin_after, relative_subject_before, symmetric
from .sentences import split_sentences
from .speakers import AMBIGUOUS, POSSESSIVE, Attribution, Speaker

# A question put in a paragraph, and who asked it (`“…?” he asked.`).
_QUESTION_TURN = re.compile(r"\?[\u201d\"]\s+(?:he|she|[A-Z][\w.\s-]{0,40}?)\s+asked\b")
# A capitalised word: a first name or a surname written alone (`Amos`, `Kittredge`).
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w\u2019'-]*")
# `… asked Olawale what …`: the one asked, right after the verb.
_ASKED = re.compile(r"\basked\s+$")
_ASKED_SURNAME = re.compile(r"\basked\s+(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?([A-Z][\w\u2019'-]+)\b")
# `… asked whether she would …`: a question about someone the pronoun means, not the asker.
_ASKS_WHETHER = re.compile(r"\s+asked\s+(?:[a-z]+\s+)?(?:whether|if|how|why|what|when|where)\s+"
                           r"(he|she)\b")
# `… pressed the nominee on whether she had met …`: a question put to someone described, about
# them.
_ASKED_DESCRIBED = re.compile(r"\b(?:asked|pressed|questioned|quizzed)\s+the\s+"
                              r"((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:on\s+|about\s+)?"
                              r"(?:whether|if|how|why|what|when)\s+(he|she)\b")
# A sentence in which the one just asked answers (`She said it would.`).
_PRONOUN_ANSWER = re.compile(r"(?:He|She)\s+(?:said|replied|answered|responded|told)\b")


class _Turn(Protocol):
    """A speaker attributed so far (`antecedents._Seen`)."""

    @property
    def key(self) -> str: ...

    @property
    def paragraph(self) -> int: ...

    @property
    def start(self) -> int: ...

    @property
    def gender(self) -> Gender | None: ...


class _AskedParts(Protocol):
    """What these rules read of the cast."""

    display: dict[str, str]
    texts: dict[int, str]
    mentions: tuple[Mention, ...]
    by_last: dict[str, list[str]]
    by_first: dict[str, list[str]]
    roles: dict[str, str | None]
    first_named: dict[str, tuple[int, int]]

    def _in_quote(self, paragraph: int, offset: int) -> bool: ...

    def _between(self, paragraph: int, start: int, end: int) -> list[Mention]: ...

    def gender_told(self, key: str) -> Gender | None: ...

    def titled(self, title: str) -> Speaker | None: ...

    def title_holders(self, title: str) -> set[str]: ...

    def gender(self, key: str) -> Gender | None: ...

    def _person(self, key: str, how: Attribution, title: tuple[str, ...] = ()) -> Speaker: ...


class Asked(_AskedParts):
    """The one asked, who a bare name can mean so far, and the relative a sentence names, for
    `Antecedents`."""

    def _surname_of_other_gender(self, key: str, paragraph: int, offset: int,
                                 gender: Gender) -> bool:
        """Return True if `key` is a bare surname every person introduced so far under it is
        known to be of the other gender (`“That's not —” Abruzzese began. “Twice, Nick,” she
        said`, with only Nicholas Abruzzese named yet)."""
        if " " in key or self.gender_told(key) == gender:
            return False  # (`Mr Mwale` is a man, whatever `Chanda Mwale` alone would say)
        holders = [k for k in self.by_last.get(key, []) if self._introduced(k, paragraph, offset)]
        return bool(holders) and all(self.gender_told(k) not in (gender, None) for k in holders)

    def _named_by_part(self, paragraph: int, offset: int, gender: Gender, other: str) -> bool:
        """Return True if the paragraph names, before `offset` and outside quotations, a known
        person other than `other` and of a gender compatible with `gender` by first name or
        surname alone."""
        text = self.texts.get(paragraph, "")
        own = set(other.split())
        for m in _CAPITALISED.finditer(text, 0, offset):
            word = POSSESSIVE.sub("", m.group())
            if word in own or self._in_quote(paragraph, m.start()):
                continue
            keys = self.by_first.get(word, []) + self.by_last.get(word, [])
            if any(k != other and self.gender(k) in (gender, None) for k in keys):
                return True
        return False

    def _introduced(self, key: str, paragraph: int, offset: int) -> bool:
        """Return True if the text names `key` in full before `offset` of `paragraph`."""
        first = self.first_named.get(key)
        return first is not None and first < (paragraph, offset)

    def _family_first(self, word: str) -> list[str]:
        """Return the people whose full name opens with `word` when it is no given name the
        lexicon knows: a family name written first (`Varga Tamás`, `Mr. Varga`)."""
        return [] if word.lower() in FIRST_NAMES else list(self.by_first.get(word, []))

    def _introduced_namesake(self, key: str, paragraph: int, offset: int) -> str:
        """Return the one person a bare surname can mean so far (`asked Thibodeau`, before an
        unrelated Paul Thibodeau is introduced), else `key` itself."""
        shared = self.by_last.get(key, []) if " " not in key else []
        introduced = [k for k in shared if self._introduced(k, paragraph, offset)]
        return introduced[0] if len(shared) > 1 and len(introduced) == 1 else key

    def _asked(self, paragraph: int, offset: int) -> Mention | None:
        """Return the person the sentence right before a quotation asks by name (`Host Elliot
        Vanterpool asked Olawale what …`), when the quotation opens its paragraph or follows
        that sentence in it; else None."""
        text = self.texts.get(paragraph, "")
        before = text[:offset].rstrip(" \u201c\"")
        if before and before[-1] not in ".?!":
            return None  # `… asked Calloway …, and thanked her for what she called “…”`
        if before:
            p, end = paragraph, len(before)
        else:
            p = paragraph - 1
            end = len(self.texts.get(p, ""))
        source = self.texts.get(p, "")
        starts = [a for a, _ in split_sentences(source) if a < end]
        start = max(starts, default=0)
        if _PRONOUN_ANSWER.match(source, start) and len(starts) >= 2:
            # `Lutjens asked Sorrenson-Abboud whether … . She said it would.` then `“…,” she
            # said`: the one asked goes on answering.
            start, end = sorted(starts)[-2], start
        for m in self._between(p, start, end):
            if m.kind is ActorKind.PERSON and not self._in_quote(p, m.start) and \
                    _ASKED.search(source, max(0, m.start - 12), m.start):
                return m
        for hit in _ASKED_SURNAME.finditer(source, start, end):
            # `… asked Thibodeau how many …`: a surname two people share is no mention of its
            # own, yet names the one asked.
            # (Or a person known by one name only: `asked Marleny whether …`.)
            if (hit.group(1) in self.by_last or hit.group(1) in self.roles) and \
                    not self._in_quote(p, hit.start(1)):
                return Mention(hit.group(1), ActorKind.PERSON, p, hit.start(1), hit.end(1),
                               hit.group(1), "surname")
        return None

    def asked_holder(self, title: str, paragraph: int, offset: int) -> Speaker | None:
        """Return the person the sentence before asks by name (`Hemphill asked Ruisch how many
        …. “…,” the senator replied`) when they are one of several who hold `title`."""
        asked = self._asked(paragraph, offset)
        if asked is None:
            return None
        # (A surname two people share names the one of them who holds the title.)
        keys = self.by_last.get(asked.key) if " " not in asked.key else None
        names = {self.display.get(k, k) for k in keys or [asked.key]}
        held = names & self.title_holders(title)
        return self._person(held.pop(), "resolved") if len(held) == 1 else None

    def _asks_after(self, paragraph: int, end: int, pronoun: str) -> bool:
        """Return True if the person named up to `end` asks, right after the name, a question
        about someone the same pronoun means (`Vantongeren asked whether she would back it.`):
        the pronoun of the answer after it is the one asked, not the asker."""
        asks = _ASKS_WHETHER.match(self.texts.get(paragraph, ""), end)
        return asks is not None and asks.group(1) == pronoun

    def _asked_described(self, paragraph: int, offset: int,
                         pronoun: str) -> tuple[bool, Speaker | None]:
        """For a quotation opening its paragraph after `X pressed the nominee on whether she
        …`, return (True, the one person the article gives that title, or None); else (False,
        None)."""
        if self.texts.get(paragraph, "")[:offset].strip(" \u201c\""):
            return False, None
        source = self.texts.get(paragraph - 1, "")
        hit = last_match(_ASKED_DESCRIBED, source, 0, len(source))
        if hit is None or hit.group(2) != pronoun or self._in_quote(paragraph - 1, hit.start()):
            return False, None
        found = self.titled(hit.group(1))
        return True, found if found is not None and found is not AMBIGUOUS else None

    def _relative_speaking(self, paragraph: int, offset: int, gender: Gender,
                           named: list[tuple[int, int]],
                           nearest: str | None) -> tuple[bool, Speaker | None]:
        """For a pronoun after a sentence whose subject is someone's relative (`Her son,
        standing beside her, shrugged. “…,” he said`; for a quotation opening its paragraph,
        the last paragraph's), return (True, the one person the text introduced as such a
        relative (`Caleb Marchbanks, the nominee’s son`), or None when it introduced none or
        several); (False, None) when no such sentence is the last to name anyone before the
        pronoun (`named`: where names stand, by paragraph), or when the person last named
        (`nearest`) is that relative."""
        text = self.texts.get(paragraph, "")
        where, relative = paragraph, relative_subject_before(text, offset)
        if relative is None and not text[:offset].strip(" \u201c\""):
            before = self.texts.get(paragraph - 1, "")
            where, relative = paragraph - 1, relative_subject_before(before, len(before))
        if relative is None or any(p > where or (p == where and start > relative[1])
                                   for p, start in named):
            return False, None
        if RELATION_GENDERS.get(relative[0]) not in (gender, None):
            return False, None  # `Her husband … was detained. “…,” she said`: not him
        if symmetric(relative[0]):
            return True, None  # `His brother, …`: each brother is the other's
        if nearest is not None and introduced_as(self.texts, nearest, relative[0]):
            return False, None
        return True, self._kin(relative[0], gender)  # the son, not the man last named

    def _kin_since(self, since: int, end: int, paragraph: int, offset: int,
                   gender: Gender) -> tuple[bool, Speaker | None]:
        """For a pronoun after a relative the text mentions in a sentence after the person
        last named (`Quaranta told me she texted her husband …. He texted back, “…”`), return
        (True, the one person the text introduced as that relative, or None); else (False,
        None). `since` and `end`: the paragraph and end of the last name."""
        for p in range(paragraph, since - 1, -1):
            text = self.texts.get(p, "")
            start = 0 if p > since else next(
                (a for a, _ in split_sentences(text) if a >= end), len(text))
            noun = kin_after(text, start, offset if p == paragraph else len(text), gender,
                             partial(self._in_quote, p))
            if noun is not None:
                return True, None if symmetric(noun) else self._kin(noun, gender)
        return False, None

    def _kin(self, noun: str, gender: Gender) -> Speaker | None:
        """Return the one person of `gender` the text introduced as someone's `noun` (`her
        husband, Vince Quaranta`, `Caleb Marchbanks, the nominee’s son`), else None."""
        # (A noun of the gender asked says it for itself, whatever a pronoun taught the cast.)
        told = RELATION_GENDERS.get(noun) == gender
        # (Each person once, not once per mention: each test scans the whole text.)
        people = {m.key for m in self.mentions if m.kind is ActorKind.PERSON}
        kin = {key for key in people if (told or self.gender(key) in (gender, None)) and
               introduced_as(self.texts, key, noun)}
        # (A surname written alone is the full name beside it: `Dufresne`, `Ray Dufresne`.)
        kin -= {key for key in kin if " " not in key and any(
            other.endswith(" " + key) for other in kin)}
        return self._person(kin.pop(), "resolved") if len(kin) == 1 else None

    def _turn_back(self, paragraph: int, offset: int, gender: Gender,
                   said: Sequence[_Turn]) -> Speaker | None:
        """Return, for a quotation opening its paragraph right after another person's question
        (`“Who pays for the audit, senator?” he asked.` then `“…,” she replied`), the one
        speaker of the pronoun's gender quoted in the four paragraphs before (`said`: the
        speakers attributed so far), when no one of that gender is named nearer; else None."""
        text, before = self.texts.get(paragraph, ""), self.texts.get(paragraph - 1, "")
        if text[:offset].strip(" \u201c\"") or not _QUESTION_TURN.search(before):
            return None
        turns = [s for s in said if paragraph - 4 <= s.paragraph < paragraph - 1
                 and s.gender == gender]
        if len({s.key for s in turns}) != 1:
            return None
        last = turns[-1]
        # (Anyone of that gender named since, even as an object, may be the one who answers:
        # `Scripps News asked Solis-Whitcomb whether …`.)
        since = [m for p in range(last.paragraph, paragraph + 1)
                 for m in self._between(p, last.start if p == last.paragraph else 0,
                                        offset if p == paragraph else 1 << 62)
                 if m.kind is ActorKind.PERSON and self.gender(m.key) in (gender, None)
                 and self.display.get(m.key, m.key) != self.display.get(last.key, last.key)]
        return None if since else self._person(last.key, "resolved")


__all__ = ["Asked"]
