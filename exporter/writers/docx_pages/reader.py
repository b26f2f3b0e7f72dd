"""The DOCX page model's reader: a paragraph's or a table's XML in, blocks of line heights out,
lines broken greedily with the fonts' advance widths as LibreOffice's line breaker does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from .fonts import Face, Fonts
from .pages import Block, gap
from .styles import ParaProps, RunProps, Styles, W, _copy_rpr, _int, _on, apply_ppr, apply_rpr

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@dataclass(slots=True)
class _Piece:
    """A stretch of a paragraph's text in one face."""

    text: str
    face: Face
    size: int
    """Half-points."""


WIDTH_TOLERANCE = 1.0002
"""LibreOffice sets glyphs up to 0.1% narrower than their advance widths add up to (measured:
Carlito 'n' 0.03%, 'AV' and 'To' 0.1%); a line the widths overrun by less than 0.02% fits."""

_BREAK_AFTER = re.compile(r"[ \u2013\u2014\u200b]|-(?=\S)|(?=\u2014)")
"""Where LibreOffice may end a line: after a space, a dash or a hyphen (before a digit too),
and before an em dash; not after a slash (a web address breaks only at its hyphens)."""


def _segments(pieces: list[_Piece]) -> Iterator[tuple[float, float, int]]:
    """Yield each unbreakable segment as (width with its trailing spaces, width without them,
    tallest size in it), breaking where LibreOffice's line breaker may.

    A segment within one piece (nearly all) is measured once per face and size (`_Measures`):
    the summary is laid out again at each `fit` and the pack at each contents pass, with the
    same words. Widths are added up character by character, in order, either way, so a cached
    width is the very number the sum would give."""
    text = "".join(p.text for p in pieces)
    ends = [m.end() for m in _BREAK_AFTER.finditer(text)]
    ends.append(len(text))
    piece_ends: list[int] = []
    total = 0
    for piece in pieces:
        total += len(piece.text)
        piece_ends.append(total)
    spanning: tuple[list[float], list[int]] | None = None
    start = 0
    k = 0
    for end in ends:
        if end <= start:
            continue
        while piece_ends[k] <= start:
            k += 1
        if end <= piece_ends[k]:
            piece = pieces[k]
            yield (*_measures(piece.face, piece.size).segment(text[start:end]), piece.size)
        else:
            if spanning is None:
                spanning = _char_widths(pieces)
            widths, sizes = spanning
            stretch = text[start:end]
            full = sum(widths[start:end])
            trailing = len(stretch) - len(stretch.rstrip(" "))
            bare = full - sum(widths[end - trailing:end]) if trailing else full
            yield full, bare, max(sizes[start:end])
        start = end


def _char_widths(pieces: list[_Piece]) -> tuple[list[float], list[int]]:
    """Each character's width (twips) and size, for a segment that runs across pieces."""
    widths: list[float] = []
    sizes: list[int] = []
    for piece in pieces:
        table = _measures(piece.face, piece.size)
        widths.extend(table[c] for c in piece.text)
        sizes.extend([piece.size] * len(piece.text))
    return widths, sizes


class _Measures(dict[str, float]):
    """Advance widths in twips of one face at one size, by character, and of the segments
    measured so far (width with trailing spaces, without)."""

    def __init__(self, face: Face, size: int) -> None:
        super().__init__()
        self.face = face  # held: the table is found by the face's id
        self._get = face.widths.get
        self._default = face.default
        self._scale = size * 10 / face.upem  # twips per font unit
        self.segments: dict[str, tuple[float, float]] = {}

    def __missing__(self, char: str) -> float:
        width = self._get(ord(char), self._default) * self._scale
        self[char] = width
        return width

    def segment(self, stretch: str) -> tuple[float, float]:
        found = self.segments.get(stretch)
        if found is None:
            widths = [self[c] for c in stretch]
            full = sum(widths)
            trailing = len(stretch) - len(stretch.rstrip(" "))
            bare = full - sum(widths[len(widths) - trailing:]) if trailing else full
            if len(self.segments) >= SEGMENTS_KEPT:
                self.segments.clear()
            found = self.segments[stretch] = (full, bare)
        return found


PARAGRAPHS_KEPT = 4096
"""Paragraphs measured kept per style sheet, numbering and fonts: all of a summary's renderings,
a few megabytes at most (a long pack's contents passes find fewer, its memory stays flat)."""
SEGMENTS_KEPT = 20_000
"""Measured segments kept per face and size (a long-running worker's memory stays bounded)."""

_MEASURES: dict[tuple[int, int], _Measures] = {}


def _measures(face: Face, size: int) -> _Measures:
    key = (id(face), size)
    table = _MEASURES.get(key)
    if table is None or table.face is not face:
        if len(_MEASURES) >= 256:
            _MEASURES.clear()
        table = _MEASURES[key] = _Measures(face, size)
    return table


def line_sizes(pieces: list[_Piece], first_width: float, width: float) -> list[int]:
    """Break `pieces` into lines (greedy, as LibreOffice and Word do); return the tallest
    size on each line. A segment wider than a whole line is cut where the line ends."""
    lines: list[int] = []
    x = 0.0
    tallest = 0
    available = first_width
    for full, bare, size in _segments(pieces):
        if x > 0 and x + bare > available * WIDTH_TOLERANCE:
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


def _line_height(size: int, face: Face, props: ParaProps) -> tuple[int, int]:
    """Return a line's height and the part of it below the text that may run past the foot of
    the page (LibreOffice adds proportional spacing above 100% under the line, and fits a
    page's last line without it)."""
    natural = face.height(size)
    if props.line_rule == "exact":
        return abs(props.line), 0
    if props.line_rule == "atLeast":
        return max(props.line, natural), 0
    percent = round(props.line * 100 / 240)
    height = natural * percent // 100
    return height, max(height - natural, 0)


class Reader:
    """Turns the body's XML into blocks."""

    def __init__(self, styles: Styles, fonts: Fonts, text_width: int, *,
                 additive: bool = False) -> None:
        self.styles = styles
        self.fonts = fonts
        self.text_width = text_width
        self.additive = additive
        """Paragraph spacing added, not the larger taken (`pages.gap`)."""
        self._measured: dict[tuple[bytes, int, str | bool | None], list[Block]] = \
            styles.measured(fonts)
        """A paragraph's blocks by (XML, width, table style), a table's by (XML, width,
        `additive`): an element's XML never equals another kind's."""

    def paragraph(self, p: etree._Element, width: int,
                  table_style: str | None = None) -> list[Block]:
        """The blocks of paragraph `p` set `width` twips wide (in a table in `table_style`).

        A paragraph is measured once for its XML, width and table style, whatever document it
        is in (with the same styles, numbering and fonts): the summary is laid out again at
        each `fit`, the pack at each contents pass, nearly all of it unchanged. The blocks
        are shared with later readings: copy one (`copy_block`) to change it."""
        key = (etree.tostring(p), width, table_style)
        found = self._measured.get(key)
        if found is None:
            found = self._paragraph(p, width, table_style)
            if len(self._measured) >= PARAGRAPHS_KEPT:
                self._measured.clear()
            self._measured[key] = found
        return list(found)

    def _paragraph(self, p: etree._Element, width: int, table_style: str | None) -> list[Block]:
        ppr_el = p.find(f"{W}pPr")
        style_el = ppr_el.find(f"{W}pStyle") if ppr_el is not None else None
        props, base_run = self.styles.paragraph(
            style_el.get(f"{W}val") if style_el is not None else None, table_style)
        # Word's order: the style, then its list level's indents, then direct formatting
        # (applied first too, to learn the paragraph's own list).
        apply_ppr(props, ppr_el)
        if props.num is not None and (level := self.styles.level(props.num)) is not None:
            apply_ppr(props, level)
            apply_ppr(props, ppr_el)
        mark = _copy_rpr(base_run)
        if ppr_el is not None:
            apply_rpr(mark, ppr_el.find(f"{W}rPr"), self.styles.theme_fonts)
        pieces, page_break, pictures = self._pieces(p, base_run)
        # A hanging indent holds the list number, or a number the text gives before a tab:
        # the text itself starts at the indent.
        prefix = props.first < 0 and props.num is None and any("\t" in pc.text for pc in pieces)
        if prefix:
            pieces = _after_first_tab(pieces)
        available = width - props.left - props.right
        if props.first > 0:
            first = available - props.first
        elif props.num is not None or prefix:
            first = available
        else:
            first = available - props.first
        mark_face = self.fonts.face(mark.font, mark.bold, mark.italic)
        pieces = _tabs_to_space(pieces)
        if not any(piece.text.strip("\n") for piece in pieces):
            sizes = [max([mark.size, *(piece.size for piece in pieces)])]
        else:
            sizes = []
            for number, stretch in enumerate(_split_lines(pieces)):
                sizes += line_sizes(stretch, max(first if number == 0 else available, 1),
                                    max(available, 1)) if stretch else [mark.size]
        faces = {piece.size: piece.face for piece in pieces}
        measured = [_line_height(size, faces.get(size, mark_face), props) for size in sizes]
        heights = [height for height, _ in measured]
        if pictures:
            heights[0] = max(heights[0], pictures)
        bookmarks = tuple(b.get(f"{W}name") or "" for b in p.iter(f"{W}bookmarkStart"))
        heights[-1] += props.border
        block = Block(lines=heights, slack=min(slack for _, slack in measured),
                      before=props.before, after=props.after,
                      keep_next=props.keep_next, keep_lines=props.keep_lines,
                      widow=props.widow, break_before=props.break_before or page_break,
                      style=props.style, contextual=props.contextual, bookmarks=bookmarks)
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
        return pieces, page_break, picture

    def table(self, tbl: etree._Element, width: int) -> list[Block]:
        """One block per row: its tallest cell, with cell margins and borders.

        Measured once for its XML and width, as a paragraph is (`paragraph`): a summary's
        tables come back unchanged at each `fit`. The blocks are shared with later readings."""
        key = (etree.tostring(tbl), width, self.additive)
        found = self._measured.get(key)
        if found is None:
            found = self._table(tbl, width)
            if len(self._measured) >= PARAGRAPHS_KEPT:
                self._measured.clear()
            self._measured[key] = found
        return list(found)

    def _table(self, tbl: etree._Element, width: int) -> list[Block]:
        tblpr = tbl.find(f"{W}tblPr")
        style_el = tblpr.find(f"{W}tblStyle") if tblpr is not None else None
        table_style = style_el.get(f"{W}val") if style_el is not None else None
        margins = {"top": 0, "bottom": 0, "left": 108, "right": 108}
        own_margins = tblpr.find(f"{W}tblCellMar") if tblpr is not None else None
        if own_margins is not None:
            _read_margins(own_margins, margins)
        border = _table_border(tblpr)
        grid = [_int(c.get(f"{W}w")) for c in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
        blocks: list[Block] = []
        repeat = 0
        for tr in tbl.findall(f"{W}tr"):
            column = 0
            tallest: list[int] = []
            bookmarks: list[str] = []
            top = bottom = 0
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
                lines = self._cell_lines(tc, inner, table_style, bookmarks)
                lines[0] += cell_margins["top"]
                lines[-1] += cell_margins["bottom"]
                if sum(lines) > sum(tallest):
                    tallest = lines
                    top, bottom = cell_margins["top"], cell_margins["bottom"]
            trpr = tr.find(f"{W}trPr")
            cant_split = trpr is not None and _on(trpr.find(f"{W}cantSplit")) is True
            header = trpr is not None and _on(trpr.find(f"{W}tblHeader")) is True
            height_el = trpr.find(f"{W}trHeight") if trpr is not None else None
            if not tallest:
                tallest = [top + bottom]
            if height_el is not None and _int(height_el.get(f"{W}val")) > sum(tallest):
                tallest[-1] += _int(height_el.get(f"{W}val")) - sum(tallest)
            # One horizontal border per row, and the table's top border on the first.
            tallest[0] += border + (border if not blocks else 0)
            block = Block(lines=tallest, row=True, keep_lines=cant_split, header_row=header,
                          bookmarks=tuple(bookmarks), style="#row",
                          split_extra=top + bottom + border,
                          repeat=0 if header else repeat)
            if header and all(b.header_row for b in blocks):
                repeat += sum(tallest) - (border if not blocks else 0)
            blocks.append(block)
        return blocks

    def _cell_lines(self, tc: etree._Element, width: int, table_style: str | None,
                    bookmarks: list[str]) -> list[int]:
        """The heights of a cell's lines, the spacing between its paragraphs folded in."""
        lines: list[int] = []
        previous: Block | None = None
        for child in tc:
            if child.tag == f"{W}p":
                for block in self.paragraph(child, width, table_style):
                    own = list(block.lines)
                    own[0] += gap(previous, block, additive=self.additive)
                    lines.extend(own)
                    previous = block
                    bookmarks.extend(block.bookmarks)
            elif child.tag == f"{W}tbl":
                lines.extend(line for b in self.table(child, width) for line in b.lines)
        if previous is not None and lines:
            lines[-1] += previous.after
        return lines or [0]


def _starts_with_tab(p: etree._Element) -> bool:
    return (p.find(f".//{W}tab") is not None and p.find(f"{W}pPr/{W}tabs") is not None) \
        or p.find(f".//{W}r/{W}tab") is not None


def _after_first_tab(pieces: list[_Piece]) -> list[_Piece]:
    for index, piece in enumerate(pieces):
        if "\t" in piece.text:
            _, _, tail = piece.text.partition("\t")
            return [_Piece(tail, piece.face, piece.size), *pieces[index + 1:]]
    return pieces


def _split_lines(pieces: list[_Piece]) -> list[list[_Piece]]:
    """The paragraph's text cut at its line breaks (`w:br`): each stretch starts a line."""
    stretches: list[list[_Piece]] = [[]]
    for piece in pieces:
        parts = piece.text.split("\n")
        for index, part in enumerate(parts):
            if index:
                stretches.append([])
            if part:
                stretches[-1].append(_Piece(part, piece.face, piece.size))
    return stretches


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


