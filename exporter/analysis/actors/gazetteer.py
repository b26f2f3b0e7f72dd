"""The gazetteer shipped with the package (`data/places.tsv`): countries with their capitals,
demonyms and government metonyms, regions and cities, well-known organisations, keyed by their
lower-cased words so that `U.N.` and `UN` find one entry."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ...model import ActorKind
from .runs import tokenize


@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer name: what it refers to and how."""

    canonical: str
    kind: ActorKind
    form: str
    """`name`, `alias`, `capital`, `demonym` or `metonym`."""
    caps: bool = False
    """A short acronym (`UN`, `EU`, `US`, `WHO`): it names the entity only written in capitals,
    never as a word of a sentence (`Eu` in Portuguese, `Who` opening a question). Longer ones
    are also written as words (`Nato`, `Unicef`)."""
    dotted: bool = False
    """A short abbreviation in lower case with a full stop (`Va.`, `Ga.`, `Md.`): it names the
    state only so written, never the word in capitals (`the VA` is Veterans Affairs, `GA` a
    general assembly, `MD` a doctor)."""


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Known names, keyed by their lower-cased word tuples."""

    entries: dict[tuple[str, ...], Entry]
    longest: int
    firsts: frozenset[str]
    """The first word of every key: `lookup` is asked about nearly every capitalised word of an
    article, most of which open no name."""


_SHORT = 3
"""Letters up to which an acronym is only an acronym in capitals."""


def _fold(word: str) -> str:
    """Return a word as the gazetteer keys it: lower case, full stops dropped (`U.N.` = `UN`)."""
    return word.lower().replace(".", "")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_fold(w) for w, _, _ in tokenize(text))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Return the gazetteer read from the package's data file."""
    raw = (resources.files("exporter.analysis") / "data" / "places.tsv").read_text(encoding="utf-8")
    entries: dict[tuple[str, ...], Entry] = {}
    kinds = {"country": ActorKind.COUNTRY, "place": ActorKind.PLACE, "org": ActorKind.ORGANISATION}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [*line.split("\t"), "", "", "", "", ""]
        kind = kinds[cols[0]]
        name = cols[1]
        forms = [("name", [name]), ("alias", cols[2].split("|"))]
        if kind is ActorKind.COUNTRY:
            forms += [("capital", cols[3].split("|")), ("demonym", cols[4].split("|")),
                      ("metonym", cols[5].split("|"))]
        for form, names in forms:
            for n in names:
                key = _words(n)
                if key and key not in entries:
                    entries[key] = Entry(canonical=name, kind=kind, form=form,
                                         caps=_short_acronym(n), dotted=_dotted(n))
    return Gazetteer(entries=entries, longest=max(len(k) for k in entries),
                     firsts=frozenset(k[0] for k in entries))


def _short_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isupper() and letters.isalpha() and len(letters) <= _SHORT


def _dotted(name: str) -> bool:
    letters = name.replace(".", "")
    return name.endswith(".") and len(letters) <= _SHORT and not letters.isupper()


def lookup(words: list[str], i: int) -> tuple[int, Entry] | None:
    """Return the longest gazetteer match at `words[i]` as (length, entry)."""
    gaz = gazetteer()
    # (`_fold` written out, and the words cut only for a known first word: asked about nearly
    # every capitalised word, most of which open no name.)
    if not -len(words) <= i < len(words) or words[i].lower().replace(".", "") not in gaz.firsts:
        return None  # every key tried below opens with the first of these words
    head = words[i:i + gaz.longest]
    # Each word folded once, not once for every length tried (longest first).
    folded = tuple(map(_fold, head))
    for n in range(len(folded), 0, -1):
        entry = gaz.entries.get(folded[:n])
        if entry is None:
            continue
        capitals = words[i].replace(".", "").isupper()
        if (not entry.caps or capitals) and not (entry.dotted and capitals):
            return n, entry
    return None
