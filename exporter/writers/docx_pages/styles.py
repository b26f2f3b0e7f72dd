"""Paragraph and run properties of the DOCX page model, resolved as Word does: document
defaults, then the table style, the paragraph style's basedOn chain, direct formatting."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import etree

from .fonts import FALLBACK_FONT, Fonts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@dataclass(slots=True)
class RunProps:
    font: str = FALLBACK_FONT
    size: int = 22
    """Half-points."""
    bold: bool = False
    italic: bool = False
    caps: bool = False
    hidden: bool = False


@dataclass(slots=True)
class ParaProps:
    before: int = 0
    after: int = 0
    line: int = 240
    line_rule: str = "auto"
    contextual: bool = False
    left: int = 0
    right: int = 0
    first: int = 0
    """First-line indent (negative: hanging)."""
    keep_next: bool = False
    keep_lines: bool = False
    break_before: bool = False
    widow: bool = True
    """Word and LibreOffice keep two lines together at a split unless told otherwise."""
    border: int = 0
    """Height the top and bottom borders add (border width and its spacing)."""
    num: tuple[str, str] | None = None
    style: str = ""


def _on(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return el.get(f"{W}val", "true") not in ("0", "false", "off", "none")


def _int(value: str | None, default: int = 0) -> int:
    try:
        return round(float(value)) if value is not None else default
    except ValueError:
        return default


def apply_ppr(props: ParaProps, ppr: etree._Element | None) -> None:
    """Apply the paragraph properties `ppr` (a style's or a paragraph's) over `props`."""
    if ppr is None:
        return
    for child in ppr:
        tag = etree.QName(child).localname
        if tag == "spacing":
            for attr in ("before", "after", "line"):
                if child.get(f"{W}{attr}") is not None:
                    setattr(props, attr, _int(child.get(f"{W}{attr}")))
            if child.get(f"{W}lineRule") is not None:
                props.line_rule = child.get(f"{W}lineRule") or "auto"
            elif child.get(f"{W}line") is not None:
                props.line_rule = "auto"
        elif tag == "ind":
            for attr, name in (("left", "left"), ("start", "left"), ("right", "right"),
                               ("end", "right")):
                if child.get(f"{W}{attr}") is not None:
                    setattr(props, name, _int(child.get(f"{W}{attr}")))
            if child.get(f"{W}hanging") is not None:
                props.first = -_int(child.get(f"{W}hanging"))
            elif child.get(f"{W}firstLine") is not None:
                props.first = _int(child.get(f"{W}firstLine"))
        elif tag in ("contextualSpacing", "keepNext", "keepLines", "pageBreakBefore",
                     "widowControl"):
            name = {"contextualSpacing": "contextual", "keepNext": "keep_next",
                    "keepLines": "keep_lines", "pageBreakBefore": "break_before",
                    "widowControl": "widow"}[tag]
            setattr(props, name, bool(_on(child)))
        elif tag == "pBdr":
            height = 0
            for side in ("top", "bottom"):
                edge = child.find(f"{W}{side}")
                if edge is not None and edge.get(f"{W}val") not in (None, "nil", "none"):
                    # Width in eighths of a point, spacing in points; both in twips here.
                    height += _int(edge.get(f"{W}sz")) * 20 // 8 + _int(edge.get(f"{W}space")) * 20
            props.border = height
        elif tag == "numPr":
            num_id = child.find(f"{W}numId")
            level = child.find(f"{W}ilvl")
            if num_id is not None:
                props.num = (num_id.get(f"{W}val") or "0",
                             level.get(f"{W}val") or "0" if level is not None else "0")


def apply_rpr(props: RunProps, rpr: etree._Element | None, theme_fonts: Mapping[str, str]) -> None:
    """Apply the run properties `rpr` over `props`."""
    if rpr is None:
        return
    for child in rpr:
        tag = etree.QName(child).localname
        if tag == "rFonts":
            theme = child.get(f"{W}asciiTheme")
            name = child.get(f"{W}ascii") or child.get(f"{W}hAnsi")
            if theme is not None and theme_fonts.get(theme):
                props.font = theme_fonts[theme]
            elif name:
                props.font = name
        elif tag == "sz":
            props.size = _int(child.get(f"{W}val"), props.size)
        elif tag in ("b", "i", "caps", "vanish"):
            name = {"b": "bold", "i": "italic", "caps": "caps", "vanish": "hidden"}[tag]
            setattr(props, name, bool(_on(child)))


@dataclass(slots=True)
class _Style:
    based_on: str | None
    ppr: etree._Element | None
    rpr: etree._Element | None


class Styles:
    """The document's styles, resolved along their basedOn chains.

    The style sheet and the numbering are parsed once per distinct part (`_sheet`,
    `_numbering`): every document a writer makes in one look carries the same styles.xml, a
    third of a megabyte in python-docx's template, and reading it was most of the model's time.
    """

    def __init__(self, styles_xml: bytes, theme_xml: bytes | None,
                 numbering_xml: bytes | None) -> None:
        sheet = _sheet(styles_xml, theme_xml)
        self.theme_fonts = sheet.theme_fonts
        self.styles = sheet.styles
        self.default_para = sheet.default_para
        self._sheet = sheet
        self.numbering = _numbering(numbering_xml)
        self._numbering_xml = numbering_xml or b""

    def measured(self, fonts: Fonts) -> dict[Any, Any]:
        """Where a reader of these styles in `fonts` keeps what it measured (`Reader`): kept
        with the style sheet, for every document with this sheet, numbering and fonts."""
        return self._sheet.measured(self._numbering_xml, fonts)

    def chain(self, ident: str | None) -> list[_Style]:
        return self._sheet.chain(ident)

    def paragraph(self, style_id: str | None, table_style: str | None) -> tuple[ParaProps,
                                                                                 RunProps]:
        """Return the properties of a paragraph in `style_id` (inside a table in
        `table_style`), before its own direct formatting."""
        ppr, rpr = self._sheet.paragraph(style_id, table_style)
        return _copy_ppr(ppr), _copy_rpr(rpr)

    def character(self, style_id: str, props: RunProps) -> None:
        for style in self.chain(style_id):
            apply_rpr(props, style.rpr, self.theme_fonts)

    def level(self, num: tuple[str, str]) -> etree._Element | None:
        return self.numbering.get(num)


class _Sheet:
    """One styles.xml (with its theme's fonts) parsed, and what was resolved from it: shared
    by every document that has it, so nothing here is changed once made."""

    def __init__(self, styles_xml: bytes, theme_xml: bytes | None) -> None:
        root = etree.fromstring(styles_xml)
        self.theme_fonts = _theme_fonts(theme_xml)
        self.default_ppr = root.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
        self.default_rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.styles: dict[str, _Style] = {}
        self.default_para = ""
        for el in root.iter(f"{W}style"):
            ident = el.get(f"{W}styleId") or ""
            based = el.find(f"{W}basedOn")
            self.styles[ident] = _Style(
                based.get(f"{W}val") if based is not None else None,
                el.find(f"{W}pPr"), el.find(f"{W}rPr"))
            if el.get(f"{W}type") == "paragraph" and el.get(f"{W}default") in ("1", "true"):
                self.default_para = ident
        self._para_cache: dict[tuple[str, str | None], tuple[ParaProps, RunProps]] = {}
        self._chains: dict[str | None, list[_Style]] = {}
        self._measured: dict[tuple[bytes, tuple[Any, ...]], tuple[dict[Any, Any], Fonts]] = {}

    def measured(self, numbering_xml: bytes, fonts: Fonts) -> dict[Any, Any]:
        # The faces are named by identity (a face's widths make it unhashable); the fonts are
        # kept with the table, so no identity is reused while it is.
        key = (numbering_xml, tuple(sorted(
            (family, style, id(face)) for family, styles in fonts.extra.items()
            for style, face in styles.items())))
        found = self._measured.get(key)
        if found is None:
            if len(self._measured) >= SHEETS_KEPT:
                self._measured.clear()
            found = self._measured[key] = ({}, fonts)
        return found[0]

    def chain(self, ident: str | None) -> list[_Style]:
        if ident in self._chains:
            return self._chains[ident]
        found: list[_Style] = []
        seen: set[str] = set()
        name = ident
        while name and name in self.styles and name not in seen:
            seen.add(name)
            style = self.styles[name]
            found.append(style)
            name = style.based_on
        self._chains[ident] = found[::-1]
        return self._chains[ident]

    def paragraph(self, style_id: str | None, table_style: str | None) -> tuple[ParaProps,
                                                                                 RunProps]:
        """The resolved properties, to be copied before they are changed."""
        style_id = style_id or self.default_para
        key = (style_id, table_style)
        if key not in self._para_cache:
            ppr, rpr = ParaProps(), RunProps()
            apply_ppr(ppr, self.default_ppr)
            apply_rpr(rpr, self.default_rpr, self.theme_fonts)
            for style in self.chain(table_style):
                apply_ppr(ppr, style.ppr)
                apply_rpr(rpr, style.rpr, self.theme_fonts)
            for style in self.chain(style_id):
                apply_ppr(ppr, style.ppr)
                apply_rpr(rpr, style.rpr, self.theme_fonts)
            ppr.style = style_id
            self._para_cache[key] = (ppr, rpr)
        return self._para_cache[key]


SHEETS_KEPT = 8
"""Parsed style sheets (and numbering parts) kept: one per look, text width and language in
use, and a reference document's."""


@lru_cache(maxsize=SHEETS_KEPT)
def _sheet(styles_xml: bytes, theme_xml: bytes | None) -> _Sheet:
    return _Sheet(styles_xml, theme_xml)


def _copy_ppr(p: ParaProps) -> ParaProps:
    return ParaProps(**{name: getattr(p, name) for name in ParaProps.__slots__})


def _copy_rpr(r: RunProps) -> RunProps:
    return RunProps(**{name: getattr(r, name) for name in RunProps.__slots__})


def _theme_fonts(theme_xml: bytes | None) -> dict[str, str]:
    if not theme_xml:
        return {}
    root = etree.fromstring(theme_xml)
    fonts: dict[str, str] = {}
    for kind, prefix in (("minorFont", "minor"), ("majorFont", "major")):
        latin = root.find(f".//{A}{kind}/{A}latin")
        if latin is not None and latin.get("typeface"):
            for suffix in ("HAnsi", "Ascii", "Bidi"):
                fonts[prefix + suffix] = latin.get("typeface") or ""
    return fonts


@lru_cache(maxsize=SHEETS_KEPT)
def _numbering(numbering_xml: bytes | None) -> dict[tuple[str, str], etree._Element]:
    """(numId, ilvl) -> the level's paragraph properties (shared: not to be changed)."""
    if not numbering_xml:
        return {}
    root = etree.fromstring(numbering_xml)
    abstract = {el.get(f"{W}abstractNumId"): el for el in root.iter(f"{W}abstractNum")}
    found: dict[tuple[str, str], etree._Element] = {}
    for num in root.iter(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        definition = abstract.get(ref.get(f"{W}val") if ref is not None else None)
        if definition is None:
            continue
        for lvl in definition.iter(f"{W}lvl"):
            ppr = lvl.find(f"{W}pPr")
            if ppr is not None:
                found[(num.get(f"{W}numId") or "", lvl.get(f"{W}ilvl") or "0")] = ppr
    return found


