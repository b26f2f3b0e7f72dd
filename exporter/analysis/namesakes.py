"""Namesakes: which of several people who share a surname the bare surname stands for.

A careful writer who must name two people of one surname keeps one of them on the bare surname
and names the others in full every time (an obituary's `Aukerman died Sunday …, his son, Craig
Aukerman, said.`, then `“…,” Craig Aukerman said.`, while `Aukerman` goes on meaning the
senator).
Where the text shows that convention, the bare surname is the one person it already meant before
any namesake was introduced; anywhere else a shared surname stays ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# A capitalised word right before the surname: a first name (`Craig Aukerman`) or a title
# (`Sen. Aukerman`), either of which may point at someone else; `Ms. Ilderton`, `Mr. Bledsoe`
# (a newspaper's every later reference to its subject) are the surname alone all the same.
_CAPITALISED_BEFORE = re.compile(r"(?!(?:Mr|Ms|Mrs)\.?\s+$)[A-Z][\w.\u2019'-]*\s+$")


# `Her husband, ` right before a full name: a relative of the person the text is about.
_RELATIVE_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er)\s+(?:husband|wife|son|daughter|father|mother|"
                              r"brother|sister|cousin|uncle|aunt|nephew|niece|grandson|"
                              r"granddaughter|stepson|stepdaughter),\s+$")


def established_namesake(keys: list[str], texts: Mapping[int, str]) -> str | None:
    """Return the one of `keys` (full names sharing their last word) the bare surname stands
    for: the only one named before the article first wrote the surname alone, when every other
    one is named in full again after being introduced; else None."""
    surname = keys[0].split()[-1]
    if any(key.split()[-1] != surname for key in keys):
        return None
    # One pass over the surname's every occurrence: a namesake's full name ends there when
    # its first names stand right before it; else, with no other capitalised word before it,
    # it is the surname alone.
    written = re.compile(r"(?<![\w\u2019'-])" + re.escape(surname) + r"\b")
    firsts = {key: key[:-len(surname)] for key in keys}
    first_full: dict[str, tuple[int, int]] = {}
    counts = dict.fromkeys(keys, 0)
    bares: list[tuple[int, int]] = []
    for paragraph in sorted(texts):
        text = texts[paragraph]
        if surname not in text:
            continue
        for m in written.finditer(text):
            before = text[max(0, m.start() - 60):m.start()]
            key = next((k for k, first in firsts.items() if before.endswith(first) and (
                len(before) == len(first) or not before[-len(first) - 1].isalnum())), None)
            if key is not None:
                counts[key] += 1
                first_full.setdefault(key, (paragraph, m.start() - len(firsts[key])))
            elif not _CAPITALISED_BEFORE.search(before) and \
                    not re.match(r"[\u2019'-]\w", text[m.end():m.end() + 2]):
                bares.append((paragraph, m.start()))
    if not bares:
        return None
    known = [key for key in keys if key in first_full and first_full[key] < bares[0]]
    passing = {key for key in known if counts[key] == 1 and _RELATIVE_BEFORE.search(
        texts[first_full[key][0]], 0, first_full[key][1]) and all(
            first_full[other][0] < first_full[key][0] for other in known if other != key)}
    if len(known) - len(passing) == 1 and passing:
        # `Her husband, Martin Fairbrother, sat behind her`: a relative named once, in passing,
        # in a paragraph after the other was named, leaves the surname to the one the article
        # is about (not `Marten Oosterhuis and his brother, Pieter Oosterhuis, both …`).
        known = [key for key in known if key not in passing]
        keys = [key for key in keys if key not in passing]
    if len(known) != 1:
        return None
    # Every namesake is named in full again after being introduced (the writer keeping them
    # apart from the surname), or only once the surname alone is no longer written (a list of
    # survivors at an obituary's end).
    kept_apart = all(counts[key] >= 2 or key not in first_full or first_full[key] > bares[-1]
                     for key in keys if key != known[0])
    return known[0] if kept_apart else None


__all__ = ["established_namesake"]
