"""Variants: when two names the article writes are one entity's.

People: the same name but for accents and full stops (`Abu Hañifah`, `Abu Hanifah`); the same
first name and surname around middle names that fit (`John M. Ford`, `John Milo Ford`; never
`George H.W. Bush` and `George W. Bush`); the same first name and a surname spelled one or two
letters apart (`Volodymyr Zelenskiy`, `Volodymyr Zelensky`, `Muammar Gaddafi`, `Muammar
Qaddafi`); a first name and its one formal name (`Tim Morrison`, `Timothy Morrison`, from
`data/nicknames.tsv`). People who share a surname are never joined by it (`Mary Trump`,
`Donald Trump`).
Organisations: the same words once full stops, accents, a leading `the` and a known acronym are
folded (`U.S. Senate`, `US Senate`, `United States Senate`), or a name that ends another one
whose extra words only say whose it is (`Keck Observatory`, `W.M. Keck Observatory`; `Communist
Party`, `Chinese Communist Party`).
"""

from __future__ import annotations

from ...model import ActorKind
from ..lexicon import NICKNAMES, fold_accents
from .gazetteer import lookup
from .names import SUFFIXES
from .runs import ACRONYM, INITIALS
from .words import ORG_HEADS

_MIN_SURNAME = 5
"""Letters a surname needs before a spelling variant of it is believed (`Kim` / `Kin` no)."""


def _words(name: str) -> list[str]:
    """Return a name's words lower-cased, without accents, full stops and possessive ends."""
    out: list[str] = []
    for word in fold_accents(name).replace("\u2019", "'").split():
        word = word.lower().replace(".", "").removesuffix("'s")
        if word:
            out.append(word)
    return out


def _split(name: str) -> tuple[list[str], str | None]:
    """Return a person's name words without a generational suffix, and the suffix."""
    words = _words(name)
    suffix = words[-1] if len(words) > 2 and words[-1] in SUFFIXES else None
    return (words[:-1] if suffix else words), suffix


def distance(a: str, b: str, limit: int) -> int:
    """Return the edit distance of `a` and `b`, or `limit + 1` once it is past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def spelling_variant(a: str, b: str) -> bool:
    """Return True if surnames `a` and `b` are one name spelled two ways: one letter apart
    (two from eight letters on), long enough to tell (`Zelensky`, `Zelenskiy`, `Zelenskyy`;
    `Gaddafi`, `Qaddafi`; not `Jong-un`, `Jong-il`)."""
    a, b = fold_accents(a).lower(), fold_accents(b).lower()
    if a == b or min(len(a), len(b)) < _MIN_SURNAME:
        return False
    limit = 1 if min(len(a), len(b)) < 8 else 2
    return distance(a, b, limit) <= limit


def _middles_fit(a: list[str], b: list[str]) -> bool:
    """Return True if two lists of middle names may be one person's: one list empty, or as
    many names, each pair the same or an initial of the other (`m` and `milo`)."""
    if not a or not b:
        return True
    return len(a) == len(b) and all(
        x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
        for x, y in zip(a, b, strict=True))


def formal_first(word: str) -> str:
    """Return the formal first name a short form stands for (`tim` → `timothy`), else `word`."""
    return NICKNAMES.get(word, word)


def same_person(a: str, b: str) -> bool:
    """Return True if two full names (two words or more) are one person's."""
    (wa, sa), (wb, sb) = _split(a), _split(b)
    if len(wa) < 2 or len(wb) < 2 or (sa and sb and sa != sb):
        return False
    if wa == wb:
        return True
    if formal_first(wa[0]) != formal_first(wb[0]) or not _middles_fit(wa[1:-1], wb[1:-1]):
        return False
    return wa[-1] == wb[-1] or (len(wa) == len(wb) and spelling_variant(wa[-1], wb[-1]))


MAX_COMPARED = 64
"""Names compared two by two at most in one bucket (people of one first name, organisations of
one head word): past it an article is a list, not prose, and nothing is joined (bounded time)."""


def people_clusters(names: list[str]) -> list[list[str]]:
    """Return the groups of full names that are one person's each (names alone left out). A
    group is kept only if every two of its names fit: `George Bush` between `George H.W. Bush`
    and `George W. Bush` joins neither. Only names of one first name are compared."""
    buckets: dict[str, list[str]] = {}
    for name in names:
        words = _split(name)[0]
        if len(words) > 1:
            buckets.setdefault(formal_first(words[0]), []).append(name)
    out: list[list[str]] = []
    for bucket in buckets.values():
        if len(bucket) > MAX_COMPARED:
            continue
        clusters: list[list[str]] = []
        for name in bucket:
            joined = [c for c in clusters if any(same_person(name, other) for other in c)]
            merged = sorted([name, *(n for c in joined for n in c)], key=names.index)
            clusters = [c for c in clusters if c not in joined] + [merged]
        out += [c for c in clusters if len(c) > 1
                and all(same_person(x, y) for i, x in enumerate(c) for y in c[i + 1:])]
    return out


def org_key(name: str) -> tuple[str, ...]:
    """Return the words an organisation's name is compared by: folded, a leading `the`
    dropped, a known acronym or country at its start spelled out (`UN Office` = `United
    Nations Office`, `U.S. Senate` = `US Senate` = `United States Senate`)."""
    written = name.split()
    if written and written[0].lower() == "the":
        written = written[1:]
    hit = lookup(written, 0)
    if hit and hit[0] < len(written) and hit[1].kind in {ActorKind.ORGANISATION,
                                                         ActorKind.COUNTRY} \
            and hit[1].form in {"name", "alias"}:
        written = [*hit[1].canonical.split(), *written[hit[0]:]]
    words = tuple(_words(" ".join(written)))
    if len(words) == 3 and words[1] == "of" and words[0] in _INVERTIBLE_HEADS:
        # `Department of Justice` = `Justice Department`, `Ministry of Defence` = `Defence
        # Ministry`.
        words = (words[2], words[0])
    return words


# Heads written before or after what they are for (`Department of Justice`, `Justice Department`).
_INVERTIBLE_HEADS = frozenset({"department", "ministry", "bureau", "office", "agency"})

_CHAMBERS = frozenset({"House", "Senate"})
"""A legislature's chambers: `the Intelligence Committee`, in an article that names only the
House's, is the House's (one naming both chambers' has two candidates and merges neither)."""


def _qualifier(word: str) -> bool:
    """Return True if a word before an organisation's name only says whose it is: a known
    country, organisation or demonym (`U.S.`, `UEFA`, `Chinese`), a legislative chamber, an
    acronym or initials."""
    if word in _CHAMBERS:
        return True
    hit = lookup([word], 0)
    return hit is not None or bool(ACRONYM.fullmatch(word)) or bool(INITIALS.fullmatch(word))


def shorter_org_of(short: str, longer: list[str]) -> list[str]:
    """Return the names in `longer` (names of the same last word) that `short` is the end of,
    their extra words qualifiers only (`Keck Observatory` of `W.M. Keck Observatory`). `short`
    needs two words or more and an organisation's head word at its end."""
    words = short.split()
    if len(words) < 2 or words[-1].lower() not in ORG_HEADS:
        return []
    if len(longer) > MAX_COMPARED:
        return []
    out: list[str] = []
    for name in longer:
        other = name.split()
        extra = other[:len(other) - len(words)]
        if len(other) > len(words) and other[len(extra):] == words \
                and all(_qualifier(w) for w in extra):
            out.append(name)
    return out


__all__ = ["MAX_COMPARED", "distance", "formal_first", "org_key", "people_clusters",
           "same_person", "shorter_org_of", "spelling_variant"]
