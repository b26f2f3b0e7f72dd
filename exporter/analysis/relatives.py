"""Relatives a text names by their tie to someone (`Her son, standing beside her, shrugged.`,
`she texted her husband`), and whom it introduced so (`Caleb Marchbanks, the nominee’s son`,
`Her father, Abdullah bin Saleh,`): for the pronouns after them."""

from __future__ import annotations

import re
from collections.abc import Callable

from .lexicon import RELATION_GENDERS, RELATIONS

# A sentence whose subject is someone's relative (`Her son, standing beside her, shrugged.`).
_RELATIVE_OPENS = re.compile(r"(?:^|[.!?][\u201d\u2019\"']?\s+)(?:His|Her|Their)\s+"
                             r"(?:[\w-]+\s+)?([\w-]+)(?=,|\s+(?:who|said|says|told|sat|stood|"
                             r"(?:was|is)(?:n[\u2019']t)?|has|had|shrugged|nodded|laughed|smiled)\b)")

# Relations each side holds (`His brother` of a man introduced as `his older brother, Conor`
# may be Conor's brother): which of the two is meant, the noun does not tell.
_SYMMETRIC = frozenset({"brother", "sister", "sibling", "twin", "cousin", "friend", "partner",
                        "colleague", "neighbor", "neighbour", "teammate", "classmate",
                        "roommate", "co-founder", "cofounder"})


def relative_subject_before(text: str, offset: int) -> tuple[str, int] | None:
    """Return the relation noun of the last sentence of `text` before `offset` whose subject
    is someone's relative (`Her son, standing beside her, shrugged.` → `son`), with where it
    stands; or None."""
    found = None
    for m in _RELATIVE_OPENS.finditer(text, 0, offset):
        if m.group(1).lower() in RELATIONS:
            found = m.group(1).lower(), m.start(1)
    return found


# `her husband`, `their daughter`: a relative, by the possessor's pronoun; not one named right
# after (`her husband, Vince`) nor something of theirs (`her husband’s plaque`).
_KIN = re.compile(r"\b([Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+)?([a-z]+)\b(?![\u2019']s|,?\s+[A-Z])")
_OTHER_POSSESSOR = {"m": {"her", "their"}, "f": {"his", "their"}}


def kin_after(text: str, start: int, offset: int, gender: str,
              in_quote: Callable[[int], bool]) -> str | None:
    """Return the last relation noun of `gender` in `text[start:offset]`, outside quotations,
    whose possessor is someone else than the one a pronoun of `gender` means (`she texted her
    husband …. He texted back`: `husband`); None when there is none (`Smith said his son was
    ill. “…,” he said` keeps Smith)."""
    found = None
    for m in _KIN.finditer(text, start, offset):
        if m.group(1).lower() in _OTHER_POSSESSOR.get(gender, ()) and \
                RELATION_GENDERS.get(m.group(2)) == gender and not in_quote(m.start()):
            found = m.group(2)
    return found


def symmetric(noun: str) -> bool:
    """Return True if each of two people may be the other's `noun` (`brother`, `colleague`)."""
    return noun in _SYMMETRIC


def introduced_as(texts: dict[int, str], name: str, noun: str) -> bool:
    """Return True if the text introduces the person `name` as someone's `noun` (`Her father,
    Abdullah bin Saleh, came …`, `Caleb Marchbanks, the nominee’s son`)."""
    pattern = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+)?" + re.escape(noun)
                         + r",?\s+" + re.escape(name) + r"\b|\b" + re.escape(name) + r",\s+"
                         r"(?:his|her|their|the\s+[\w\s-]{0,40}?[\u2019']s)\s+(?:[\w-]+\s+){0,2}?"
                         + re.escape(noun) + r"\b")
    spouse = _SPOUSE_OF.get(noun)
    if spouse is not None:
        # `June Hessler runs cattle with her husband, Dwight,`: she is his wife.
        pattern = re.compile(r"\b(?:" + pattern.pattern + r")|\b" + re.escape(name)
                             + r"\b[^.;:!?]{0,80}?\b(?:with|and)\s+(?:her|his)\s+" + spouse
                             + r",?\s+[A-Z]")
    if noun in _PARENTS:
        # `Mr. Dufresne’s daughter, Nicole Dufresne,`: he is her father (she, named after the
        # noun, is not).
        pattern = re.compile(r"\b(?:" + pattern.pattern + r")|\b(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?(?:"
                             + re.escape(name) + "|" + re.escape(name.split()[-1])
                             + r")[\u2019']s\s+(?:[\w-]+\s+)?(?:daughter|son|child|children|"
                             r"kids|boy|girl)\b(?!,?\s+" + re.escape(name.split()[0]) + r"\b)")
    return any(pattern.search(text) for text in texts.values())


_PARENTS = frozenset({"father", "mother", "dad", "mom"})
# Whose spouse a spouse is: a wife's is her husband.
_SPOUSE_OF = {"wife": "husband", "husband": "wife"}


def written_age(texts: dict[int, str], name: str) -> int | None:
    """Return the age the text gives the person `name` after their full name or their given
    name (`Arvid Fjelstad, 84,`, `His son, Roger, 57,`), when it gives one age only."""
    first = name.split()[0]
    pattern = re.compile(r"\b(?:" + re.escape(name) + "|" + re.escape(first)
                         + r"),\s+(?:now\s+|aged\s+)?(\d{1,3})(?=[,.;]|$)")
    ages = {int(m.group(1)) for text in texts.values() for m in pattern.finditer(text)}
    return ages.pop() if len(ages) == 1 else None


__all__ = ["introduced_as", "kin_after", "relative_subject_before", "symmetric", "written_age"]
