"""The word lists the date rules use, kept as data in `words.toml` beside this module."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

WORDS_FILE = Path(__file__).with_name("words.toml")


@cache
def _all() -> dict[str, dict[str, list[str]]]:
    with WORDS_FILE.open("rb") as handle:
        data: dict[str, dict[str, list[str]]] = tomllib.load(handle)
    return data


def word_lists(section: str) -> dict[str, frozenset[str]]:
    """Return the lists of one section of `words.toml`, each as a frozen set."""
    return {key: frozenset(words) for key, words in _all()[section].items()}


__all__ = ["WORDS_FILE", "word_lists"]
