"""One place where an article names an actor: the record `mentions` makes and every later step
(`merge`, `leftovers`, the quotation rules' cast) reads."""

from __future__ import annotations

from dataclasses import dataclass

from ...model import ActorKind


@dataclass(frozen=True, slots=True)
class Mention:
    """One place where the article names an actor."""

    key: str
    """Canonical name of the actor."""
    kind: ActorKind
    paragraph: int
    start: int
    end: int
    text: str
    """The words as written."""
    form: str = "name"
    """`name`, `alias`, `capital`, `demonym`, `metonym`, `surname`, `acronym`, `short` (an
    organisation's first word alone)."""
    role: str | None = None
    """Role the text gives at this mention."""


__all__ = ["Mention"]
