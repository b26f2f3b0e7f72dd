"""Font metrics for laying out a deck: how wide text is, in points.

Decks name the font `FONT_NAME` (Arial: present wherever PowerPoint runs, and LibreOffice
substitutes the metric-compatible Liberation Sans). `CONSERVATIVE` measures each character as the
wider of Helvetica (Arial's metrics, bundled with ReportLab) and the shipped DejaVu Sans (what a
machine without either falls back to), so the measured width is never less than what is drawn.
`DEJAVU` measures the shipped DejaVu Sans alone (what the handouts draw with).

ReportLab is used here only to read font files and its standard fonts' widths.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Protocol

from reportlab.pdfbase import pdfmetrics

from ...fonts import shipped_face

FONT_NAME = "Arial"
"""Font the deck is measured for and drawn in; see the module docstring for why that is safe."""


class Metrics(Protocol):
    """Width of text in a font family, in points (hashable: wrapped lines are cached per
    metrics, so an instance must measure the same text the same way for its whole life)."""

    def __hash__(self) -> int:
        """Return a hash (identity is enough)."""
        ...

    def width(self, text: str, size: float, bold: bool) -> float:
        """Return the advance width of `text` at `size` points."""
        ...


@cache
def _ttf_widths(name: str) -> tuple[dict[int, float], float]:
    """Return the character widths and default width of shipped font file `name`, read from the
    face registered with ReportLab (`fonts.shipped_face`), so a process reads each file once for
    its decks and PDFs."""
    face = shipped_face(Path(name).stem).face
    return dict(face.charWidths), float(face.defaultWidth)


def _fallback_width(char: str) -> float:
    """Return a generous width (1/1000 em) for a character the shipped fonts lack."""
    if unicodedata.combining(char):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1000.0
    # Emoji and other symbols come from fallback fonts of varying width.
    return 1100.0


@dataclass(eq=False)  # hashed by identity (`Metrics`)
class FontMetrics:
    """Per-character widths, cached; the wider of the given fonts wins (see module docstring)."""

    ttf: tuple[str, str] = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
    """Regular and bold TrueType files in `exporter/fonts`."""
    afm: tuple[str, str] | None = ("Helvetica", "Helvetica-Bold")
    """ReportLab standard fonts whose (cp1252) metrics also bound the width, or None."""
    _cache: dict[tuple[str, bool], float] = field(default_factory=dict, repr=False)
    _words: dict[tuple[str, bool], float] = field(default_factory=dict, repr=False)

    def char_width(self, char: str, bold: bool) -> float:
        """Return the width of `char` in 1/1000 em."""
        key = (char, bold)
        found = self._cache.get(key)
        if found is not None:
            return found
        widths, _default = _ttf_widths(self.ttf[1 if bold else 0])
        value = widths.get(ord(char))
        if value is None:
            value = _fallback_width(char)
        if self.afm is not None:
            try:
                byte = char.encode("cp1252")
            except UnicodeEncodeError:
                byte = b""
            if len(byte) == 1:
                afm = pdfmetrics.getFont(self.afm[1 if bold else 0])
                value = max(value, float(afm.widths[byte[0]]))
        self._cache[key] = value
        return value

    def width(self, text: str, size: float, bold: bool) -> float:
        """Return the advance width of `text` at `size` points."""
        if len(text) > 40:
            return sum(self.char_width(c, bold) for c in text) * size / 1000.0
        key = (text, bold)
        units = self._words.get(key)
        if units is None:
            units = sum(self.char_width(c, bold) for c in text)
            if len(self._words) > 200_000:  # bound the memory a huge input can take
                self._words.clear()
            self._words[key] = units
        return units * size / 1000.0


CONSERVATIVE = FontMetrics()
"""Metrics for decks drawn in Arial / Liberation Sans / DejaVu Sans."""
DEJAVU = FontMetrics(afm=None)
"""Exact metrics for drawings in the shipped DejaVu Sans (handouts)."""

__all__ = ["CONSERVATIVE", "DEJAVU", "FONT_NAME", "FontMetrics", "Metrics"]
