"""Word lists the analysis rules read, kept as data files under `analysis/data/`.

Each file holds one entry a line, columns separated by tabs or spaces, `#` starting a comment
line. The lists are read once, when the module is imported: they are constants of the package,
not state any analysis fills.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Literal, TypeVar, overload

Gender = Literal["m", "f"]
_T = TypeVar("_T")


@lru_cache(maxsize=8192)
def fold_accents(text: str) -> str:
    """Return `text` without its accents (`ramón` → `ramon`, `Hañifah` → `Hanifah`); cached,
    as the first-name lookups and name comparisons ask for the same words again and again."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class FoldedNames(dict[str, Gender]):
    """First names found with or without their accents: the list spells `ramon` and `maria`,
    the news `Ramón` and `María`."""

    def __missing__(self, key: str) -> Gender:
        folded = fold_accents(key)
        if folded != key and dict.__contains__(self, folded):
            return dict.__getitem__(self, folded)
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or (
            isinstance(key, str) and dict.__contains__(self, fold_accents(key)))

    @overload
    def get(self, key: str, default: None = None, /) -> Gender | None: ...
    @overload
    def get(self, key: str, default: Gender, /) -> Gender: ...
    @overload
    def get(self, key: str, default: _T, /) -> Gender | _T: ...
    def get(self, key: str, default: object = None, /) -> object:
        return self[key] if key in self else default  # noqa: SIM401 (this is get itself)


def rows(name: str) -> list[list[str]]:
    """Return the rows of the data file `name`, each split into its columns."""
    raw = (resources.files(__package__) / "data" / name).read_text(encoding="utf-8")
    return [line.split() for line in raw.splitlines() if line.strip() and not line.startswith("#")]


def _genders(name: str) -> dict[str, Gender | None]:
    out: dict[str, Gender | None] = {}
    for row in rows(name):
        gender = row[1] if len(row) > 1 else "-"
        out[row[0]] = "m" if gender == "m" else "f" if gender == "f" else None
    return out


HONORIFICS: dict[str, Gender | None] = _genders("honorifics.tsv")
"""Abbreviated honorifics and ranks (`dr`, `sen`, `gen`), without their full stop."""
HONORIFIC_WORDS: dict[str, frozenset[str]] = {
    r[0]: frozenset(r[2].split("|")) for r in rows("honorifics.tsv") if len(r) > 2}
"""What an abbreviated title stands for (`gov` → `governor`)."""
TITLES: dict[str, Gender | None] = _genders("titles.tsv")
"""Title and rank words written before a name (`president`, `pope`, `foreign`)."""
FIRST_NAMES: dict[str, Gender] = FoldedNames(
    {k: v for k, v in _genders("first_names.tsv").items() if v})
"""Common first names and the gender they usually mark."""
@cache
def census_first_names() -> dict[str, Gender]:
    """Return more first names and their gender, from the US Census lists and, where those say
    nothing, nomquamgender's (`given_name_genders.tsv`): for genders only, never to tell a name
    from a word (`Boyd` is a man's name; `Will` and `Faith` are words too). Read on first use:
    ten thousand names are no cost for an article that never asks."""
    return FoldedNames({
        **{k: v for k, v in _genders("given_name_genders.tsv").items() if v},
        **{k: v for k, v in _genders("census_first_names.tsv").items() if v}})
SPEECH_VERBS: dict[str, bool] = {
    " ".join(r[:-1]) if r[-1] == "!" else " ".join(r): r[-1] == "!"
    for r in rows("speech_verbs.txt")}
"""Verbs that attribute a quotation, and whether the speaker may follow them (`said Smith`)."""
SPEECH_PARTICIPLES: frozenset[str] = frozenset(" ".join(r) for r in rows("speech_participles.txt"))
"""Participles that report speech (`saying`, `calling`, `pointing out`)."""
RELATIONS: frozenset[str] = frozenset(r[0] for r in rows("relation_nouns.txt"))
RELATION_GENDERS: dict[str, Gender] = {
    k: v for k, v in _genders("relation_nouns.txt").items() if v}
"""The gender a family noun tells (`daughter` → f)."""
"""Nouns for the people around someone (`daughter`, `colleague`), written before a name."""
NOT_SPEAKERS: frozenset[str] = frozenset(r[0] for r in rows("not_speakers.txt"))
"""Capitalised words that never speak (platforms, web words, units)."""

__all__ = [
    "FIRST_NAMES",
    "HONORIFICS",
    "HONORIFIC_WORDS",
    "NOT_SPEAKERS",
    "RELATIONS",
    "RELATION_GENDERS",
    "SPEECH_PARTICIPLES",
    "SPEECH_VERBS",
    "TITLES",
    "Gender",
    "census_first_names",
    "rows",
]
NICKNAMES: dict[str, str] = {
    short: r[0] for r in rows("nicknames.tsv") for short in r[1].split("|")}
"""A first name's short form → the one formal name it stands for (`tim` → `timothy`)."""
