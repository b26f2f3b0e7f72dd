"""Where a written DOCX's bookmarks land: a page model of the document, as a word processor lays it out.

Word shows a field's cached result as written, and LibreOffice keeps a pre-filled table of
contents as written, so the contents list can only show right page numbers if they are known
when the file is written. This module lays the document out as LibreOffice and Word do, from
the DOCX itself (so a --reference-docx or a brand's styles count as they will in the reader):
page size and margins from the section, paragraph and run properties through document
defaults, table style, paragraph style chain and direct formatting, lines broken greedily
with the fonts' advance widths, line heights from the fonts' vertical metrics, and pages
filled with the readers' keep-with-next, keep-lines, widow/orphan and page-break rules.

The model covers what the DOCX writer produces (paragraphs, lists, tables, boxes, pictures,
fields, page and section breaks), not arbitrary Word documents. Fonts: the common Office fonts
are measured with their metric-compatible free faces (`office-metrics.json.gz`, made by
`scripts/office_metrics.py`), a brand's fonts with their own files; any other font counts as
Calibri (a guess: how the reader substitutes it is not known). `bench/docx_toc.py` measures
how often the numbers agree with LibreOffice's own layout.
"""

from __future__ import annotations

import gzip
import io
import json
import math
import re
import struct
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

from ..theme import Theme

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

_METRICS = Path(__file__).resolve().parent.parent / "fonts" / "office-metrics.json.gz"
FALLBACK_FONT = "Calibri"
"""The face a font the model does not know is measured with."""
TRACE: list | None = None
WIDOW_LINES = 2
"""Lines LibreOffice keeps together at either end of a split paragraph under widow control."""


# --- fonts ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Face:
    """What the model needs of one font face: advance widths and the line height."""

    upem: int
    line_units: int
    """The horizontal header's ascent + descent + line gap: LibreOffice's line height for a
    Word file. (Word takes the OS/2 table's Windows ascent + descent: the same for Calibri
    and Carlito, 2% more for Cambria than Caladea's.)"""
    widths: Mapping[int, int]
    default: int

    def width(self, text: str, twips_per_unit: float) -> float:
        get = self.widths.get
        return sum(get(ord(c), self.default) for c in text) * twips_per_unit


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
            ascent, descent, gap = data["hhea"]
            faces.setdefault(family.casefold(), {})[style] = Face(
                upem=data["upem"], line_units=ascent + descent + gap,
                widths=widths, default=data["default"])
    return faces


@cache
def face_from_file(data: bytes) -> Face:
    """Measure a TrueType/OpenType font file (a brand's face) the way the office faces are."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    font = TTFontFile(io.BytesIO(data))  # type: ignore[no-untyped-call]
    upem = int(font.unitsPerEm)
    ascent, descent, gap = struct.unpack(">hhh", font.get_table("hhea")[4:10])
    widths = {cp: round(w * upem / 1000) for cp, w in font.charWidths.items()}
    return Face(upem=upem, line_units=ascent - descent + gap,
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


# --- properties ----------------------------------------------------------------------------------


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
    """The document's styles, resolved along their basedOn chains."""

    def __init__(self, styles_xml: bytes, theme_xml: bytes | None,
                 numbering_xml: bytes | None) -> None:
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
            if el.get(f"{W}type") == "paragraph" and _on(el.find(f"{W}default") if False
                                                         else None) is None \
                    and el.get(f"{W}default") in ("1", "true"):
                self.default_para = ident
        self.numbering = _numbering(numbering_xml)
        self._para_cache: dict[tuple[str, str | None], tuple[ParaProps, RunProps]] = {}

    def chain(self, ident: str | None) -> list[_Style]:
        found: list[_Style] = []
        seen: set[str] = set()
        while ident and ident in self.styles and ident not in seen:
            seen.add(ident)
            style = self.styles[ident]
            found.append(style)
            ident = style.based_on
        return found[::-1]

    def paragraph(self, style_id: str | None, table_style: str | None) -> tuple[ParaProps,
                                                                                 RunProps]:
        """Return the properties of a paragraph in `style_id` (inside a table in
        `table_style`), before its own direct formatting."""
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
        ppr, rpr = self._para_cache[key]
        return _copy_ppr(ppr), _copy_rpr(rpr)

    def character(self, style_id: str, props: RunProps) -> None:
        for style in self.chain(style_id):
            apply_rpr(props, style.rpr, self.theme_fonts)

    def level(self, num: tuple[str, str]) -> etree._Element | None:
        return self.numbering.get(num)


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


def _numbering(numbering_xml: bytes | None) -> dict[tuple[str, str], etree._Element]:
    """(numId, ilvl) -> the level's paragraph properties."""
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


# --- lines ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Piece:
    """A stretch of a paragraph's text in one face."""

    text: str
    face: Face
    size: int
    """Half-points."""


_BREAK_AFTER = re.compile(r"[ \u2013\u2014]|[-/](?=[^\d\s])|\u200b")


def _segments(pieces: list[_Piece]) -> Iterator[tuple[float, float, int]]:
    """Yield each unbreakable segment as (width with its trailing spaces, width without them,
    tallest size in it), breaking where LibreOffice's line breaker may."""
    text = "".join(p.text for p in pieces)
    widths: list[float] = []
    sizes: list[int] = []
    for piece in pieces:
        scale = piece.size * 10 / piece.face.upem  # twips per font unit
        get = piece.face.widths.get
        widths.extend(get(ord(c), piece.face.default) * scale for c in piece.text)
        sizes.extend([piece.size] * len(piece.text))
    start = 0
    ends = [m.end() for m in _BREAK_AFTER.finditer(text)]
    for end in [*ends, len(text)]:
        if end <= start:
            continue
        stretch = text[start:end]
        full = sum(widths[start:end])
        trailing = len(stretch) - len(stretch.rstrip(" "))
        bare = full - sum(widths[end - trailing:end]) if trailing else full
        yield full, bare, max(sizes[start:end])
        start = end


def line_sizes(pieces: list[_Piece], first_width: float, width: float) -> list[int]:
    """Break `pieces` into lines (greedy, as LibreOffice and Word do); return the tallest
    size on each line. A segment wider than a whole line is cut where the line ends."""
    lines: list[int] = []
    x = 0.0
    tallest = 0
    available = first_width
    for full, bare, size in _segments(pieces):
        if x > 0 and x + bare > available:
            lines.append(tallest)
            x, tallest, available = 0.0, 0, width
        while x == 0 and bare > available > 0:
            # One word longer than the line: the reader breaks it at the margin.
            lines.append(size)
            bare -= available
            full -= available
            available = width
        x += full
        tallest = max(tallest, size)
    lines.append(tallest)
    return lines


# --- blocks --------------------------------------------------------------------------------------


@dataclass(slots=True)
class Block:
    """One paragraph or one table row, as the paginator places it."""

    lines: list[int]
    """Height of each line, twips."""
    before: int = 0
    after: int = 0
    keep_next: bool = False
    keep_lines: bool = False
    widow: bool = False
    break_before: bool = False
    odd_page: bool = False
    style: str = ""
    contextual: bool = False
    bookmarks: tuple[str, ...] = ()
    row: bool = False
    header_row: bool = False
    text: str = ""


def _line_height(size: int, face: Face, props: ParaProps) -> int:
    natural = round(size * 10 * face.line_units / face.upem)
    if props.line_rule == "exact":
        return abs(props.line)
    if props.line_rule == "atLeast":
        return max(props.line, natural)
    percent = round(props.line * 100 / 240)
    return natural * percent // 100


class _Reader:
    """Turns the body's XML into blocks."""

    def __init__(self, styles: Styles, fonts: Fonts, text_width: int) -> None:
        self.styles = styles
        self.fonts = fonts
        self.text_width = text_width

    def paragraph(self, p: etree._Element, width: int,
                  table_style: str | None = None) -> list[Block]:
        ppr_el = p.find(f"{W}pPr")
        style_el = ppr_el.find(f"{W}pStyle") if ppr_el is not None else None
        props, base_run = self.styles.paragraph(
            style_el.get(f"{W}val") if style_el is not None else None, table_style)
        if props.num is not None and (level := self.styles.level(props.num)) is not None:
            apply_ppr(props, level)
        apply_ppr(props, ppr_el)
        if ppr_el is not None and ppr_el.find(f"{W}numPr") is not None and props.num:
            level = self.styles.level(props.num)
            if level is not None:
                apply_ppr(props, level)
                apply_ppr(props, ppr_el)
        mark = _copy_rpr(base_run)
        if ppr_el is not None:
            apply_rpr(mark, ppr_el.find(f"{W}rPr"), self.styles.theme_fonts)
        pieces, page_break, pictures = self._pieces(p, base_run)
        hanging_prefix = props.first < 0 and (props.num is not None or _starts_with_tab(p))
        if hanging_prefix:
            pieces = _after_first_tab(pieces) if props.num is None else pieces
        available = width - props.left - props.right
        first = available - max(props.first, 0) if not hanging_prefix else available
        if props.first < 0 and not hanging_prefix:
            first = available - props.first
        mark_face = self.fonts.face(mark.font, mark.bold, mark.italic)
        if not any(piece.text for piece in pieces):
            sizes = [max([mark.size, *(piece.size for piece in pieces)])]
        else:
            sizes = line_sizes([piece for piece in pieces if piece.text], max(first, 1),
                               max(available, 1))
        faces = {piece.size: piece.face for piece in pieces}
        heights = [_line_height(size, faces.get(size, mark_face), props) for size in sizes]
        if pictures:
            heights[0] = max(heights[0], pictures)
        bookmarks = tuple(b.get(f"{W}name") or "" for b in p.iter(f"{W}bookmarkStart"))
        block = Block(lines=heights, before=props.before, after=props.after + props.border,
                      keep_next=props.keep_next, keep_lines=props.keep_lines,
                      widow=props.widow, break_before=props.break_before or page_break,
                      style=props.style, contextual=props.contextual, bookmarks=bookmarks,
                      text="".join(pc.text for pc in pieces)[:40])
        return [block]

    def _pieces(self, p: etree._Element, base: RunProps) -> tuple[list[_Piece], bool, int]:
        """The paragraph's visible text by face, whether it opens with a page break, and the
        height of its tallest inline picture (twips)."""
        pieces: list[_Piece] = []
        page_break = False
        picture = 0
        in_instruction = False
        for r in p.iter(f"{W}r"):
            props = _copy_rpr(base)
            rpr = r.find(f"{W}rPr")
            if rpr is not None:
                style = rpr.find(f"{W}rStyle")
                if style is not None:
                    self.styles.character(style.get(f"{W}val") or "", props)
                apply_rpr(props, rpr, self.styles.theme_fonts)
            face = self.fonts.face(props.font, props.bold, props.italic)
            for child in r:
                tag = etree.QName(child).localname
                if tag == "fldChar":
                    kind = child.get(f"{W}fldCharType")
                    in_instruction = kind == "begin"
                elif tag == "instrText" or in_instruction or props.hidden:
                    continue
                elif tag == "t":
                    text = child.text or ""
                    pieces.append(_Piece(text.upper() if props.caps else text, face,
                                         props.size))
                elif tag == "tab":
                    pieces.append(_Piece("\t", face, props.size))
                elif tag == "br":
                    if child.get(f"{W}type") == "page":
                        page_break = page_break or not any(pc.text for pc in pieces)
                    else:
                        pieces.append(_Piece("\n", face, props.size))
                elif tag == "drawing":
                    extent = child.find(f".//{WP}extent")
                    if extent is not None:
                        picture = max(picture, _int(extent.get("cy")) // 635)
        return _tabs_to_space(pieces), page_break, picture

    def table(self, tbl: etree._Element, width: int) -> list[Block]:
        """One block per row: its tallest cell, with cell margins and borders."""
        tblpr = tbl.find(f"{W}tblPr")
        style_el = tblpr.find(f"{W}tblStyle") if tblpr is not None else None
        table_style = style_el.get(f"{W}val") if style_el is not None else None
        margins = {"top": 0, "bottom": 0, "left": 108, "right": 108}
        for style in self.styles.chain(table_style):
            if style.ppr is not None:
                pass
        _margins(tblpr, margins, self.styles, table_style)
        border = _table_border(tblpr)
        grid = [_int(c.get(f"{W}w")) for c in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
        blocks: list[Block] = []
        rows = tbl.findall(f"{W}tr")
        for index, tr in enumerate(rows):
            column = 0
            tallest = 0
            bookmarks: list[str] = []
            for tc in tr.findall(f"{W}tc"):
                tcpr = tc.find(f"{W}tcPr")
                span = 1
                cell_margins = dict(margins)
                if tcpr is not None:
                    span_el = tcpr.find(f"{W}gridSpan")
                    span = _int(span_el.get(f"{W}val"), 1) if span_el is not None else 1
                    own = tcpr.find(f"{W}tcMar")
                    if own is not None:
                        _read_margins(own, cell_margins)
                cell_width = sum(grid[column:column + span]) or width
                column += span
                inner = cell_width - cell_margins["left"] - cell_margins["right"]
                height = 0
                previous: Block | None = None
                for child in tc:
                    if child.tag == f"{W}p":
                        for block in self.paragraph(child, inner, table_style):
                            height += _gap(previous, block, top=previous is None)
                            height += sum(block.lines)
                            previous = block
                            bookmarks.extend(block.bookmarks)
                    elif child.tag == f"{W}tbl":
                        height += sum(sum(b.lines) for b in self.table(child, inner))
                if previous is not None:
                    height += previous.after
                tallest = max(tallest, height + cell_margins["top"] + cell_margins["bottom"])
            trpr = tr.find(f"{W}trPr")
            cant_split = trpr is not None and _on(trpr.find(f"{W}cantSplit")) is True
            header = trpr is not None and _on(trpr.find(f"{W}tblHeader")) is True
            height_el = trpr.find(f"{W}trHeight") if trpr is not None else None
            if height_el is not None:
                tallest = max(tallest, _int(height_el.get(f"{W}val")))
            rule = border if index == 0 else 0
            blocks.append(Block(lines=[tallest + border + rule], row=True,
                                keep_lines=cant_split, header_row=header,
                                bookmarks=tuple(bookmarks), style="#row"))
        return blocks


def _starts_with_tab(p: etree._Element) -> bool:
    return p.find(f".//{W}tab") is not None and p.find(f"{W}pPr/{W}tabs") is not None \
        or p.find(f".//{W}r/{W}tab") is not None


def _after_first_tab(pieces: list[_Piece]) -> list[_Piece]:
    for index, piece in enumerate(pieces):
        if "\t" in piece.text:
            head, _, tail = piece.text.partition("\t")
            return [_Piece(tail, piece.face, piece.size), *pieces[index + 1:]]
    return pieces


def _tabs_to_space(pieces: list[_Piece]) -> list[_Piece]:
    """A tab inside the text (a contents line's leader) needs at least a space's room."""
    return [_Piece(p.text.replace("\t", "\u00a0\u00a0\u00a0 ") if p.text != "\t" else
                   "\u00a0\u00a0\u00a0 ", p.face, p.size) if "\t" in p.text else p
            for p in pieces]


def _read_margins(el: etree._Element, margins: dict[str, int]) -> None:
    for side, names in (("top", ("top",)), ("bottom", ("bottom",)), ("left", ("left", "start")),
                        ("right", ("right", "end"))):
        for name in names:
            edge = el.find(f"{W}{name}")
            if edge is not None:
                margins[side] = _int(edge.get(f"{W}w"))


def _margins(tblpr: etree._Element | None, margins: dict[str, int], styles: Styles,
             table_style: str | None) -> None:
    for style_id in [s for s in (table_style,) if s]:
        root = styles.styles.get(style_id)
        del root
    if tblpr is not None:
        own = tblpr.find(f"{W}tblCellMar")
        if own is not None:
            _read_margins(own, margins)


def _table_border(tblpr: etree._Element | None) -> int:
    """Height one horizontal border adds to a row, twips."""
    if tblpr is None:
        return 0
    borders = tblpr.find(f"{W}tblBorders")
    if borders is None:
        return 0
    edge = borders.find(f"{W}insideH")
    if edge is None:
        edge = borders.find(f"{W}top")
    if edge is None or edge.get(f"{W}val") in (None, "nil", "none"):
        return 0
    return _int(edge.get(f"{W}sz")) * 20 // 8


# --- pages ---------------------------------------------------------------------------------------


def _gap(previous: Block | None, block: Block, *, top: bool) -> int:
    """Space between `previous` and `block`: both paragraphs' spacing, added (as Word does),
    none between two paragraphs of one style with contextual spacing."""
    if previous is None or top:
        return block.before
    if block.contextual and previous.style == block.style:
        return 0
    if previous.contextual and previous.style == block.style:
        return block.before
    return previous.after + block.before


@dataclass(slots=True)
class _Page:
    number: int = 1
    used: int = 0
    empty: bool = True


def paginate(blocks: Iterable[Block], height: int) -> dict[str, int]:
    """Place `blocks` on pages `height` twips tall; return the page of each bookmark."""
    pages: dict[str, int] = {}
    page = _Page()
    previous: Block | None = None
    pending: list[Block] = []
    items = list(blocks)

    def new_page(odd: bool = False) -> None:
        page.number += 1
        if odd and page.number % 2 == 0:
            page.number += 1
        page.used = 0
        page.empty = True

    index = 0
    while index < len(items):
        block = items[index]
        if block.break_before and not (page.empty and previous is None):
            new_page(block.odd_page)
        elif block.odd_page:
            new_page(True)
        gap = _gap(previous, block, top=page.empty)
        # Keep with next: this block, its followers that keep with the next, and the first
        # lines of the one after must share a page.
        need = gap + _first_lines(block)
        chain_end = index
        if block.keep_next and not block.row:
            need = gap + sum(block.lines)
            prev = block
            j = index + 1
            while j < len(items):
                nxt = items[j]
                if nxt.break_before:
                    break
                need += _gap(prev, nxt, top=False)
                if nxt.keep_next and not nxt.row:
                    need += sum(nxt.lines)
                    prev = nxt
                    j += 1
                    continue
                need += _first_lines(nxt)
                break
            chain_end = j
        del chain_end
        if not page.empty and page.used + need > height:
            new_page()
            gap = _gap(previous, block, top=True)
        for name in block.bookmarks:
            pages.setdefault(name, page.number)
        if TRACE is not None:
            TRACE.append((page.number, page.used + gap, block.style, len(block.lines), block.text))
        page.used += gap
        lines = list(block.lines)
        split = block.widow and not block.keep_lines
        while lines:
            room = height - page.used
            fit = 0
            total = 0
            for h in lines:
                if total + h > room:
                    break
                total += h
                fit += 1
            if fit == len(lines):
                page.used += total
                break
            if block.keep_lines or block.row:
                fit = 0 if not page.empty else max(fit, 1)
            elif split:
                if fit < WIDOW_LINES and len(lines) > 1:
                    fit = 0
                elif len(lines) - fit < WIDOW_LINES:
                    fit = max(len(lines) - WIDOW_LINES, 0)
                    if fit < WIDOW_LINES:
                        fit = 0
            if fit == 0 and page.empty:
                fit = max(1, min(len(lines), _count_fit(lines, room)))
            page.used += sum(lines[:fit])
            lines = lines[fit:]
            if lines:
                new_page()
                page.empty = False
        page.empty = False
        page.used += 0
        previous = block
        pending.clear()
        index += 1
    pages["#pages"] = page.number
    return pages


def _count_fit(lines: list[int], room: int) -> int:
    total = 0
    for count, h in enumerate(lines):
        total += h
        if total > room:
            return count
    return len(lines)


def _first_lines(block: Block) -> int:
    if block.keep_lines or block.row or len(block.lines) <= WIDOW_LINES or not block.widow:
        return sum(block.lines) if (block.keep_lines or block.row) else sum(
            block.lines[:WIDOW_LINES if block.widow else 1])
    return sum(block.lines[:WIDOW_LINES])


# --- the document ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Section:
    width: int
    height: int
    """Of the text area, twips."""
    odd: bool


def _section(sect: etree._Element | None) -> Section:
    size = sect.find(f"{W}pgSz") if sect is not None else None
    margins = sect.find(f"{W}pgMar") if sect is not None else None
    kind = sect.find(f"{W}type") if sect is not None else None

    def attr(el: etree._Element | None, name: str, default: int) -> int:
        return _int(el.get(f"{W}{name}"), default) if el is not None else default

    width = attr(size, "w", 12240) - attr(margins, "left", 1440) - attr(margins, "right", 1440) \
        - attr(margins, "gutter", 0)
    height = attr(size, "h", 15840) - abs(attr(margins, "top", 1440)) \
        - abs(attr(margins, "bottom", 1440))
    return Section(width, height, kind is not None and kind.get(f"{W}val") == "oddPage")


def bookmark_pages(docx: bytes, fonts: Fonts | None = None) -> dict[str, int]:
    """Return the page each bookmark of `docx` starts on (and "#pages": the page count)."""
    fonts = fonts or Fonts()
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        names = set(archive.namelist())

        def part(name: str) -> bytes | None:
            return archive.read(name) if name in names else None

        styles = Styles(part("word/styles.xml") or b"<w:styles xmlns:w='%s'/>" % W[1:-1].encode(),
                        part("word/theme/theme1.xml"), part("word/numbering.xml"))
        document = part("word/document.xml") or b""
    root = etree.fromstring(document)
    body = root.find(f"{W}body")
    if body is None:
        return {"#pages": 1}
    sections = [_section(s) for s in body.iter(f"{W}sectPr")]
    section = sections[0]
    reader = _Reader(styles, fonts, section.width)
    blocks: list[Block] = []
    number = 0
    start_next = False
    for child in body:
        if child.tag == f"{W}p":
            made = reader.paragraph(child, section.width)
            if start_next and made:
                made[0].break_before = True
                made[0].odd_page = section.odd
                start_next = False
            blocks.extend(made)
            if child.find(f"{W}pPr/{W}sectPr") is not None:
                number += 1
                section = sections[min(number, len(sections) - 1)]
                start_next = True
        elif child.tag == f"{W}tbl":
            made = reader.table(child, section.width)
            if start_next and made:
                made[0].break_before = True
                made[0].odd_page = section.odd
                start_next = False
            blocks.extend(made)
    return paginate(blocks, sections[0].height)


def text_width(sect: etree._Element | None) -> int:
    return _section(sect).width


def pages_needed(count: int) -> int:
    return max(1, math.ceil(count))
