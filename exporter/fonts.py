"""Fonts: register the shipped DejaVu faces with ReportLab and answer what they can draw.

Every PDF the tool writes (briefings, packs, handouts) uses only these faces, embedded, so the
output never depends on fonts a user's machine may lack. Two families ship: DejaVu Serif for
running text and DejaVu Sans for headings and labels.

Missing glyphs. The faces cover Latin, Cyrillic and Greek; Sans also covers many symbols that
Serif lacks, so the PDF writer draws such a character in Sans inside Serif text (`face_for`).
What neither family can set correctly -- CJK, Devanagari and other scripts they have no glyphs
for, right-to-left scripts (Arabic, Hebrew), whose glyphs Sans has but which ReportLab cannot
shape or reorder without uharfbuzz, and characters beyond U+FFFF (emoji), for which ReportLab
writes malformed text-layer entries -- is drawn as U+FFFD (a visible replacement mark that also
reads back as U+FFFD), never as a silent empty box. `uncovered_characters` names these
characters so the orchestration layer can report them in a warning. (Shipping a CJK or Arabic
font would cost 5-20 MB per face and still need shaping; a caller who needs those scripts
should get a PDF that says plainly what it could not set.)
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).parent / "fonts"

SERIF = "DejaVuSerif"
SANS = "DejaVuSans"

_FILES: dict[str, dict[tuple[bool, bool], str]] = {
    SERIF: {(False, False): "DejaVuSerif", (True, False): "DejaVuSerif-Bold",
            (False, True): "DejaVuSerif-Italic", (True, True): "DejaVuSerif-BoldItalic"},
    SANS: {(False, False): "DejaVuSans", (True, False): "DejaVuSans-Bold",
           (False, True): "DejaVuSans-Oblique", (True, True): "DejaVuSans-BoldOblique"},
}
"""Family -> (bold, italic) -> face name; the face name is also the .ttf file's stem."""

_COUNTERPART: dict[str, str] = {
    name: _FILES[other][key]
    for family, other in ((SERIF, SANS), (SANS, SERIF))
    for key, name in _FILES[family].items()
}
"""Each face -> the same weight and slant in the other family (the glyph fallback)."""

_RTL_CLASSES = frozenset({"R", "AL"})


@dataclass(frozen=True, slots=True)
class Faces:
    """The registered face names of one family."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


def face_name(family: str, *, bold: bool = False, italic: bool = False) -> str:
    """Return the registered name of `family`'s face with the given weight and slant."""
    return _FILES[family][(bold, italic)]


@cache
def register() -> tuple[Faces, Faces]:
    """Register both families with ReportLab once per process; return (serif, sans)."""
    for family, faces in _FILES.items():
        for (bold, italic), name in faces.items():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
            # addMapping rather than registerFontFamily: the same thing, minus its default
            # of mapping unknown variants to Helvetica, a font we never want referenced.
            addMapping(family, int(bold), int(italic), name)
    serif, sans = (Faces(*(_FILES[f][k] for k in ((False, False), (True, False),
                                                    (False, True), (True, True))))
                   for f in (SERIF, SANS))
    return serif, sans


@cache
def _cmap(face: str) -> frozenset[int]:
    register()
    font = pdfmetrics.getFont(face)
    assert isinstance(font, TTFont)
    return frozenset(font.face.charToGlyph)


def _settable(char: str) -> bool:
    """Return whether the text pipeline can lay `char` out and keep it in the text layer.

    Right-to-left scripts need reordering and shaping ReportLab does not do here; characters
    beyond the Basic Multilingual Plane (emoji) get malformed ToUnicode entries from ReportLab.
    """
    return ord(char) <= 0xFFFF and unicodedata.bidirectional(char) not in _RTL_CLASSES


def covers(face: str, char: str) -> bool:
    """Return whether registered `face` has a glyph for `char` that can be set as is."""
    return ord(char) in _cmap(face) and _settable(char)


def face_for(char: str, face: str) -> str | None:
    """Return the face to draw `char` in text set in `face`, or None when no face can.

    The preferred face wins; otherwise the same weight and slant of the other family.
    """
    if covers(face, char):
        return face
    other = _COUNTERPART[face]
    return other if covers(other, char) else None


def _drawable(char: str) -> bool:
    if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
        # Line breaks, tabs and format characters (ZWSP, ZWJ, soft hyphen) are not drawn.
        return True
    return covers(SERIF, char) or covers(SANS, char)


def uncovered_characters(texts: Iterable[str]) -> dict[str, int]:
    """Return each character of `texts` that no shipped face can draw, with its count.

    Keys are in first-seen order. The PDF writer draws each as U+FFFD, so callers should name
    them in a warning.
    """
    counts: Counter[str] = Counter()
    verdict: dict[str, bool] = {}
    for text in texts:
        for char, n in Counter(text).items():
            ok = verdict.get(char)
            if ok is None:
                ok = verdict[char] = _drawable(char)
            if not ok:
                counts[char] += n
    return dict(counts)
