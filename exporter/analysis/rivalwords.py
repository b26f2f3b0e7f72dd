"""Words around a capitalised word that say it names no rival to a pronoun's person: a place
(`a Durham Democrat`), a date (`since Labor Day`), a thing's name (`the Miss Evangeline`, `Web of
Angels`), many people (`Children are …`), a party member, or the rest of a run of one name
(`Universidad de los Andes`). `antecedents.Antecedents._unplaced_name` reads them.
"""

from __future__ import annotations

import re

from .speakers import LOWER_CONNECTORS

DESCRIBING_APPOSITIVE = re.compile(r"\s*,\s+(?:\d{1,3},\s+)?(?:a|an|(?:[A-Z][\w.&-]*\s+){0,3}"
                                   r"[A-Z][\w.&-]*[\u2019']s)\s+[^,;:.!?\u201c\"]{1,120}[,.]"
                                   r"(?:\s+[A-Z][a-z]{1,5}\.,)?")
"""`, a Suffolk County legislator from Setauket,`, `, a Dover commuter who said so.`, `, Ashby
Federal’s chief executive,`, `, 74, a retired machinist in Lake Harbor, Pa.,`: a description set
off after a name (after an age), to the comma or the sentence's end, with a state's abbreviation
after a town."""
PARTY_AFTER = re.compile(r"(?:\s+[A-Z][\w.’']*)?\s+(?:Democrat|Republican|Independent)s?\b")
"""After a capitalised word, a party member noun makes it a place (`a Durham Democrat`)."""
FEAST_DAY = re.compile(r"\s+(?:Day|Eve)\b")
# `the Miss Evangeline`, `the Dockside`: a capital after `the` names a thing.
THE_BEFORE = re.compile(r"\bthe\s+$")
# `Children are …`: a plural subject, never one person.
PLURAL_VERB = re.compile(r"\s+(?:are|were|have|do|say)\b")
# `Web of Angels`, `Bank of America`: a capitalised word before `of` and another capital names
# a thing or a body; a person's name does not go on so.
OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# A name's particles, between two of its capitalised words (`Universidad de los Andes`).
PARTICLES = re.compile(r"\s+(?:(?:" + "|".join(sorted(LOWER_CONNECTORS)) + r")\s+)*")


def next_in_run(text: str, end: int) -> int:
    """Return where the next capitalised word of the run ending at `end` would start, past the
    particles of a name."""
    m = PARTICLES.match(text, end)
    return m.end() if m else end + 1


NAME_FOLLOWS = re.compile(r"\s+[A-Z][a-z]")
# Party members (`one of the four Democrats`, `Derek Ambrose, a Democrat from Parma,`) name a
# group or describe someone, never a rival person.
PARTY_MEMBERS = frozenset({"democrats", "republicans", "conservatives", "liberals", "tories",
                            "progressives", "socialists", "independents", "libertarians",
                            "democrat", "republican", "conservative", "liberal", "tory",
                            "progressive", "socialist", "independent", "libertarian"})


__all__ = [
    "DESCRIBING_APPOSITIVE",
    "FEAST_DAY",
    "NAME_FOLLOWS",
    "OF_NAME",
    "PARTICLES",
    "PARTY_AFTER",
    "PARTY_MEMBERS",
    "PLURAL_VERB",
    "THE_BEFORE",
    "next_in_run",
]
