"""Fonts of the DOCX page model: advance widths and line heights of the faces a reader sets
the document's fonts in (the Office fonts' metric-compatible free faces, a brand's files)."""

from __future__ import annotations

import gzip
import io
import json
import math
import struct
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ...theme import Theme

_METRICS = Path(__file__).resolve().parents[2] / "fonts" / "office-metrics.json.gz"
FALLBACK_FONT = "Calibri"
"""The face a font the model does not know is measured with."""


@dataclass(frozen=True, slots=True)
class Face:
    """What the model needs of one font face: advance widths and the line height."""

    upem: int
    ascent: int
    descent: int
    gap: int
    """Vertical metrics in font units, as `vertical_metrics` chooses them."""
    widths: Mapping[int, int]
    default: int

    def height(self, size: int) -> int:
        """The height of a line of this face at `size` half-points, in twips: ascent and
        descent each rounded to a twip (LibreOffice's font metrics are whole units)."""
        scale = size * 10 / self.upem
        return sum(math.floor(units * scale + 0.5)
                   for units in (self.ascent, self.descent, self.gap) if units)


def vertical_metrics(font: Any) -> tuple[int, int, int]:
    """Return the (ascent, descent, line gap) LibreOffice sets a Word document's lines with,
    from a ReportLab `TTFontFile`: the OS/2 table's typographic values when the font asks for
    them (USE_TYPO_METRICS), else its Windows ascent and descent. (Checked against
    LibreOffice's PDFs of Carlito, Caladea and DejaVu text; Word uses the Windows values.)"""
    os2 = font.get_table("OS/2")
    selection = struct.unpack(">H", os2[62:64])[0]
    if selection & (1 << 7):
        ascent, descent, gap = struct.unpack(">hhh", os2[68:74])
        return ascent, -descent, gap
    win_ascent, win_descent = struct.unpack(">HH", os2[74:78])
    return win_ascent, win_descent, 0


@cache
def _office_faces() -> dict[str, dict[str, Face]]:
    table = json.loads(gzip.decompress(_METRICS.read_bytes()))
    faces: dict[str, dict[str, Face]] = {}
    for family, styles in table.items():
        for style, data in styles.items():
            widths: dict[int, int] = {}
            for run in data["widths"]:
                first = run[0]
                for offset, value in enumerate(run[1:]):
                    widths[first + offset] = value
            ascent, descent, gap = data["vertical"]
            faces.setdefault(family.casefold(), {})[style] = Face(
                upem=data["upem"], ascent=ascent, descent=descent, gap=gap,
                widths=widths, default=data["default"])
    return faces


@cache
def face_from_file(data: bytes) -> Face:
    """Measure a TrueType/OpenType font file (a brand's face) the way the office faces are."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    font = TTFontFile(io.BytesIO(data))
    upem = int(font.unitsPerEm)
    ascent, descent, gap = vertical_metrics(font)
    widths = {cp: round(w * upem / 1000) for cp, w in font.charWidths.items()}
    return Face(upem=upem, ascent=ascent, descent=descent, gap=gap,
                widths=widths, default=round(font.defaultWidth * upem / 1000))


def brand_faces(theme: Theme) -> dict[str, dict[str, Face]]:
    """The brand's font files by family (as the DOCX names them) and style."""
    faces: dict[str, dict[str, Face]] = {}
    for face in (*theme.body_faces, *theme.heading_faces):
        faces.setdefault(face.family.casefold(), {})[_style_key(face.bold, face.italic)] = \
            face_from_file(face.data)
    return faces


def _style_key(bold: bool, italic: bool) -> str:
    return ("bold" if bold else "") + ("italic" if italic else "") or "regular"


@dataclass(frozen=True, slots=True)
class Fonts:
    """Font family name (as the DOCX names it) -> faces; the office faces behind them."""

    extra: Mapping[str, Mapping[str, Face]] = field(default_factory=dict)

    def face(self, family: str, bold: bool, italic: bool) -> Face:
        key = _style_key(bold, italic)
        for table in (self.extra, _office_faces()):
            styles = table.get(family.casefold())
            if styles:
                return (styles.get(key) or styles.get(_style_key(bold, False))
                        or styles.get("regular") or next(iter(styles.values())))
        return _office_faces()[FALLBACK_FONT.casefold()][key]


