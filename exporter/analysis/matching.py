"""Small helpers for the analysis patterns."""

from __future__ import annotations

import re
from collections.abc import Iterable

FOLDED = frozenset("\u0130\u0131\u017f\u212a")
"""`İ`, `ı`, `ſ` and the Kelvin sign: the letters `re` matches to ASCII letters when ignoring
case, beside the ASCII letters themselves (Python's `re.IGNORECASE` documentation). `İ` is
also the one letter `str.lower` lengthens."""


def may_hold(text: str, words: Iterable[str]) -> bool:
    """Return False only if `text` holds none of `words` (lower-case ASCII) in any case, as a
    case-insensitive pattern would read it: a cheap test before a costly scan for them."""
    if not FOLDED.isdisjoint(text):
        return True  # `ſ` matches `s`, but `ſ`.lower() is not `s`: only the scan can tell
    return any(map(text.lower().__contains__, words))


def last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """Return the last match of `pattern` in `text[start:end]` (scanned once, left to right), or
    None: the words nearest a quotation decide who speaks it."""
    last = None
    for last in pattern.finditer(text, start, end):  # noqa: B007 (the last one is kept)
        pass
    return last


def char_before(text: str, end: int, skip: str) -> str:
    """Return the last character of `text[:end]` not in `skip` ("" if none): what
    `text[:end].rstrip(skip)[-1:]` gives, without copying the text before `end` (asked at every
    name of a paragraph, the copies made long paragraphs quadratic)."""
    while end > 0 and text[end - 1] in skip:
        end -= 1
    return text[end - 1] if end > 0 else ""


__all__ = ["FOLDED", "char_before", "last_match", "may_hold"]
