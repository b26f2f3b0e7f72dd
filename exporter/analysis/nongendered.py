"""Antecedents of the pronouns with no gender: the organisation `it said` points at, and the one
person a singular `they` may mean (`Kym Lino, a spokesperson for Instagram, confirmed … “…,”
they said`). A mixin of `antecedents.Antecedents`, whose clause tests these use.
"""

from __future__ import annotations

import re
from typing import Protocol

from ..model import ActorKind
from .actors import Mention
from .lexicon import Gender
from .sentences import split_sentences
from .speakers import Attribution, Speaker

# `Kym Lino, a spokesperson for Instagram,`: a role in an appositive right after a name.
_ROLE_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:spokesperson|"
                              r"spokeswoman|spokesman|representative|rep|organizer|organiser|"
                              r"activist|advocate|director|manager|official|employee|"
                              r"analyst|student|resident|worker)\b")


class _NeuterParts(Protocol):
    """What these rules read of the cast and of its clause tests."""

    texts: dict[int, str]
    display: dict[str, str]

    def gender_told(self, key: str) -> Gender | None: ...

    def _in_quote(self, paragraph: int, offset: int) -> bool: ...

    def _between(self, paragraph: int, start: int, end: int) -> list[Mention]: ...

    def _person(self, key: str, how: Attribution, title: tuple[str, ...] = ()) -> Speaker: ...

    def _subject(self, paragraph: int, start: int) -> bool: ...

    def _object(self, paragraph: int, start: int) -> bool: ...


class NonGendered(_NeuterParts):
    """The `it` and singular `they` rules of `Antecedents`."""

    def _singular_they(self, paragraph: int, offset: int) -> Speaker | None:
        """Return the person a singular `they` points at: `Kym Lino, a spokesperson for
        Instagram, confirmed … “…,” they said` — the one person the sentence before names, as
        its subject, with a role in an appositive and no gender the text tells; else None
        (`they` is a group far more often)."""
        text = self.texts.get(paragraph, "")
        before = [(a, b) for a, b in split_sentences(text) if b <= offset]
        if not before:
            return None
        a, b = before[-1]
        people = [m for m in self._between(paragraph, a, b)
                  if m.kind is ActorKind.PERSON and not self._in_quote(paragraph, m.start)]
        if len({m.key for m in people}) != 1 or self.gender_told(people[0].key) is not None:
            return None
        first = people[0]
        if not self._subject(paragraph, first.start) or \
                not _ROLE_APPOSITIVE.match(text, first.end):
            return None
        return self._person(first.key, "resolved")

    def _speaking_org(self, paragraph: int, offset: int) -> Speaker | None:
        """Return the organisation `it said` points at: the last one named (outside
        quotations) in this paragraph or the one before, as the subject of its clause, with no
        other organisation named after it; else None (`it` may be a report, a plan, a law)."""
        last: Mention | None = None
        for p in (paragraph - 1, paragraph):
            for m in self._between(p, 0, offset if p == paragraph else 1 << 62):
                if m.kind is ActorKind.ORGANISATION and not self._in_quote(p, m.start):
                    last = m
        if last is None or not self._subject(last.paragraph, last.start) or \
                self._object(last.paragraph, last.start):
            return None
        key = self.display.get(last.key, last.key)
        return Speaker(key, "organisation", attribution="resolved")


__all__ = ["NonGendered"]
