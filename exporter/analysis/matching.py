"""Small helpers for the attribution patterns."""

from __future__ import annotations

import re


def last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """Return the last match of `pattern` in `text[start:end]` (scanned once, left to right), or
    None: the words nearest a quotation decide who speaks it."""
    last = None
    for last in pattern.finditer(text, start, end):  # noqa: B007 (the last one is kept)
        pass
    return last


__all__ = ["last_match"]
