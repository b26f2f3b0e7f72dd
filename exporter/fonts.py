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

import hashlib
import io
import struct
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from .errors import ConfigError
from .theme import FontFace, Theme

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

_FALLBACK: dict[str, tuple[str, ...]] = {
    name: (_FILES[other][key],)
    for family, other in ((SERIF, SANS), (SANS, SERIF))
    for key, name in _FILES[family].items()
}
"""Each face -> the faces that draw what it lacks: the same weight and slant in the other
DejaVu family; for a brand face, the DejaVu face it stands in for first."""

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


def family_of(name: str) -> str:
    """Return the registered family called `name` in any case (ReportLab lower-cases it)."""
    for family in _FILES:
        if family.lower() == name.lower():
            return family
    return SERIF


@cache
def register_theme(theme: Theme) -> tuple[str, str]:
    """Register `theme`'s brand fonts; return its (running text, headings) family names.

    Built in, or with no font files, they are DejaVu Serif and Sans. A brand family is
    registered under a name unique to the brand's files; a weight or slant it does not ship
    is drawn with its nearest face, and a character it lacks in the DejaVu face it stands in
    for (Serif for running text, Sans for headings), then the other DejaVu family.
    """
    register()
    serif = _register_family(theme.body_faces, SERIF) if theme.body_faces else SERIF
    sans = _register_family(theme.heading_faces, SANS) if theme.heading_faces else SANS
    return serif, sans


def _register_family(faces: tuple[FontFace, ...], stands_for: str) -> str:
    digest = hashlib.sha256(b"".join(f.data for f in faces)).hexdigest()[:10]
    family = "".join(c for c in faces[0].family if c.isalnum()) + "-" + digest
    if family in _FILES:
        return family
    by_key = {(f.bold, f.italic): f for f in faces}
    names: dict[tuple[bool, bool], str] = {}
    for key in ((False, False), (True, False), (False, True), (True, True)):
        face = (by_key.get(key) or by_key.get((key[0], False)) or by_key.get((False, key[1]))
                or by_key.get((False, False)) or faces[0])
        # The regular face is registered under the family's own name, as DejaVu's are:
        # styles name a family by its regular face.
        suffix = ("Bold" if key[0] else "") + ("Italic" if key[1] else "")
        name = f"{family}-{suffix}" if suffix else family
        try:
            pdfmetrics.registerFont(_repaired(TTFont(name, io.BytesIO(face.data))))
        except (TTFError, ValueError, KeyError, IndexError, struct.error) as exc:
            raise ConfigError(f"brand font {face.family} cannot be embedded: {exc}") from exc
        names[key] = name
        addMapping(family, int(key[0]), int(key[1]), name)
        own = _FILES[stands_for][key]
        _FALLBACK[name] = (own, *_FALLBACK[own])
    _FILES[family] = names
    return family



def _repaired(font: TTFont) -> TTFont:
    """Give the glyphs past the font's last full horizontal metric their advance in font units.

    ReportLab 5.1 reads the advance shared by those glyphs (a monospaced font lists one or a
    few) already scaled to 1/1000 em, and writes that number into the embedded subset's hmtx
    table: DejaVu Sans Mono's 1233 units became 602, and the widths the PDF declares disagreed
    with the embedded font program (PDF/A rule 6.2.11.5-1).
    """
    face = font.face
    hhea = face.get_table("hhea")
    full = struct.unpack(">H", hhea[34:36])[0]
    metrics = face.hmetrics
    if 0 < full < len(metrics):
        advance = metrics[full - 1][0]
        face.hmetrics = [*metrics[:full], *((advance, lsb) for _, lsb in metrics[full:])]
    return font

@cache
def register() -> tuple[Faces, Faces]:
    """Make both families known to ReportLab once per process; return (serif, sans).

    Each face's file is read when ReportLab first asks for the face (`_on_demand`): a
    briefing draws four of the eight, and reading one took 3-7 ms. The family mappings are
    set now, as registering every face at once left them.
    """
    _map_families()
    if pdfmetrics.findFontAndRegister is _REPORTLAB_FIND:
        pdfmetrics.findFontAndRegister = _on_demand
    serif, sans = (Faces(*(_FILES[f][k] for k in ((False, False), (True, False),
                                                    (False, True), (True, True))))
                   for f in (SERIF, SANS))
    return serif, sans


_SHIPPED = {name: FONT_DIR / f"{name}.ttf" for faces in _FILES.values() for name in faces.values()}
"""The DejaVu faces (before any brand family joins `_FILES`) -> their files."""
_REPORTLAB_FIND = pdfmetrics.findFontAndRegister


def _on_demand(name: str) -> Any:
    """Register shipped face `name`, or do what ReportLab does for a name it does not know.

    `pdfmetrics.getFont`, which every use of a font name in ReportLab goes through, calls this
    for a name not registered yet (ReportLab's own function looks for a Type 1 font of that
    name). Installed by `register` only while that hook is ReportLab's own;
    tests/test_fonts.py checks that a PDF comes out the same as with every face registered first.
    """
    path = _SHIPPED.get(name)
    if path is None:
        return _REPORTLAB_FIND(name)
    font = _repaired(TTFont(name, str(path)))
    pdfmetrics.registerFont(font)  # maps the face's own name as a family of one face: undone
    _map_families()
    return font


def _map_families() -> None:
    """Map each family's weights and slants to its DejaVu faces, each face's name to its
    family, weight and slant, and each face's name as a family to the face itself: the mappings
    registering each face (`registerFontFamily` of its own name) and then mapping its family
    (addMapping rather than registerFontFamily: the same thing, minus its default of mapping
    unknown variants to Helvetica, a font we never want referenced) left behind."""
    for family in (SERIF, SANS):
        for (bold, italic), name in _FILES[family].items():
            pdfmetrics.registerFontFamily(name)
            addMapping(family, int(bold), int(italic), name)


def shipped_face(name: str) -> TTFont:
    """Return shipped face `name` as registered with ReportLab (reading its file only the first
    time the process asks for it, from here or from a PDF)."""
    register()
    font = pdfmetrics.getFont(name)
    assert isinstance(font, TTFont)
    return font


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


@cache
def _covered(face: str) -> frozenset[str]:
    """Return the characters `face` can set as they are (`covers`), made once per face so a
    paragraph's text is checked in one set difference rather than a call per character."""
    return frozenset(c for c in map(chr, _cmap(face)) if _settable(c))


def covers(face: str, char: str) -> bool:
    """Return whether registered `face` has a glyph for `char` that can be set as is."""
    return char in _covered(face)


def lacking(face: str, text: str) -> set[str]:
    """Return the characters of `text` that registered `face` cannot set as they are."""
    return set(text).difference(_covered(face))


def face_for(char: str, face: str) -> str | None:
    """Return the face to draw `char` in text set in `face`, or None when no face can.

    The preferred face wins; otherwise its fallbacks in order (`_FALLBACK`).
    """
    if covers(face, char):
        return face
    for other in _FALLBACK[face]:
        if covers(other, char):
            return other
    return None


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
