"""Slide layout: a `Slide` block in, measured pages out (what text goes where, at what size).

Text is measured with real font metrics, wrapped greedily at the box width, shrunk down to a floor
size when it is too tall, and split over continuation pages ("Title (cont.)") when even the floor
is too big. The PPTX writer renders these pages; the handout writer can draw the same pages with
ReportLab, so a handout shows what the deck shows.

Coordinates are PostScript points from the slide's top-left corner. Lay out at the deck size
(`SLIDE_WIDTH` × `SLIDE_HEIGHT`) and scale the drawing, not the layout, for smaller renderings.

Metrics: decks name the font `FONT_NAME` (Arial: present wherever PowerPoint runs, and LibreOffice
substitutes the metric-compatible Liberation Sans). `CONSERVATIVE` measures each character as the
wider of Helvetica (Arial's metrics, bundled with ReportLab) and the shipped DejaVu Sans (what a
machine without either falls back to), so the measured width is never less than what is drawn.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Literal, Protocol

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontFile

from ..blocks import (
    Block,
    Box,
    Document,
    Fields,
    Heading,
    Inline,
    Inlines,
    ListBlock,
    PageBreak,
    Para,
    Quote,
    Slide,
    Table,
    Toc,
    assert_never,
)

SLIDE_WIDTH = 960.0
"""16:9 deck width in points (13.333 in)."""
SLIDE_HEIGHT = 540.0
"""16:9 deck height in points (7.5 in)."""
FONT_NAME = "Arial"
"""Font named on every run of a deck; see the module docstring for why measuring is safe."""
LEADING = 1.2
"""Line pitch as a multiple of the font size; decks set it as exact line spacing."""
WIDTH_SAFETY = 0.98
"""Fraction of a box's width used for wrapping: absorbs EMU and twip rounding in renderers."""


_FONTS = Path(__file__).resolve().parent.parent / "fonts"

# --- metrics -----------------------------------------------------------------------------------


class Metrics(Protocol):
    """Width of text in a font family, in points."""

    def width(self, text: str, size: float, bold: bool) -> float:
        """Return the advance width of `text` at `size` points."""
        ...


@cache
def _ttf_widths(name: str) -> tuple[dict[int, float], float]:
    face = TTFontFile(str(_FONTS / name))
    return dict(face.charWidths), float(face.defaultWidth)


def _fallback_width(char: str) -> float:
    """Return a generous width (1/1000 em) for a character the shipped fonts lack."""
    if unicodedata.combining(char):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1000.0
    # Emoji and other symbols come from fallback fonts of varying width.
    return 1100.0


@dataclass
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

# --- styled text -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    """Characters in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    muted: bool = False
    """Secondary text (¶ references, attributions), drawn in a lighter colour."""
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """One wrapped line."""

    runs: tuple[Run, ...]
    width: float
    hard: bool = False
    """Ended by a line break in the text (not by wrapping)."""

    @property
    def text(self) -> str:
        """Return the line's characters."""
        return "".join(run.text for run in self.runs)


ItemKind = Literal["para", "bullet", "number", "quote", "attribution", "heading", "subtitle"]


@dataclass(frozen=True, slots=True)
class Item:
    """A paragraph of slide text before layout."""

    kind: ItemKind
    runs: tuple[Run, ...]
    number: int | None = None
    """Position in an ordered list."""
    scale: float = 1.0
    """Size relative to the body size."""
    continued: bool = False
    """The rest of an item split over pages: no bullet, no space before."""
    keep_with_next: bool = False
    """Keep on the same page as the next item (a quotation and its attribution)."""

    @property
    def indent(self) -> float:
        """Return the hanging indent in ems of the body size (bullets and numbers)."""
        return 1.1 if self.kind in ("bullet", "number") else 0.0


@dataclass(frozen=True, slots=True)
class PlacedItem:
    """An item wrapped at a size."""

    item: Item
    size: float
    lines: tuple[Line, ...]
    indent: float
    """Left margin of the text in points (bullet hangs in it)."""
    space_before: float

    @property
    def leading(self) -> float:
        """Return the line pitch in points."""
        return self.size * LEADING

    @property
    def height(self) -> float:
        """Return the height the item takes, including its space before."""
        return self.space_before + len(self.lines) * self.leading


def runs_of(inlines: Inlines, *, bold: bool = False, italic: bool = False,
            muted: bool = False) -> tuple[Run, ...]:
    """Return the inline content as styled runs; refs read `(¶n)`, line breaks `\\n`."""
    out: list[Run] = []
    for run in inlines:
        if run.newline:
            out.append(Run("\n", bold, italic, muted))
        elif run.ref is not None:
            label = run.text or f"¶{run.ref}"
            out.append(Run(f"({label})", bold or run.strong, italic or run.emphasis, True))
        else:
            out.append(Run(run.text, bold or run.strong, italic or run.emphasis, muted,
                           run.href))
    return _merge(out)


def _merge(runs: Iterable[Run]) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out and (out[-1].bold, out[-1].italic, out[-1].muted, out[-1].href) == (
                run.bold, run.italic, run.muted, run.href):
            out[-1] = replace(out[-1], text=out[-1].text + run.text)
        else:
            out.append(run)
    return tuple(out)


def plain_text(runs: Iterable[Run]) -> str:
    """Return the characters of `runs`."""
    return "".join(run.text for run in runs)


# --- wrapping ----------------------------------------------------------------------------------


def _tokens(runs: Sequence[Run]) -> list[list[Run]]:
    """Split runs into words (each word keeps its trailing spaces); `\\n` is its own token."""
    tokens: list[list[Run]] = [[]]
    for run in runs:
        start = 0
        text = run.text
        i = 0
        while i < len(text):
            char = text[i]
            if char == "\n":
                if i > start:
                    tokens[-1].append(replace(run, text=text[start:i]))
                tokens.append([replace(run, text="\n")])
                tokens.append([])
                start = i + 1
            elif char == " " and (i + 1 == len(text) or text[i + 1] != " "):
                tokens[-1].append(replace(run, text=text[start:i + 1]))
                tokens.append([])
                start = i + 1
            i += 1
        if start < len(text):
            tokens[-1].append(replace(run, text=text[start:]))
    return [t for t in tokens if t]


def _width(runs: Iterable[Run], size: float, metrics: Metrics, *, trim: bool = False) -> float:
    parts = list(runs)
    total = 0.0
    for n, run in enumerate(parts):
        text = run.text.rstrip(" ") if trim and n == len(parts) - 1 else run.text
        total += metrics.width(text, size, run.bold)
    return total


def _break_word(word: list[Run], first: float, width: float, size: float,
                metrics: Metrics) -> list[list[Run]]:
    """Break a word wider than a line at characters (as renderers do), first piece `first` wide."""
    pieces: list[list[Run]] = [[]]
    room = first
    used = 0.0
    for run in word:
        buf = ""
        for char in run.text:
            w = metrics.width(char, size, run.bold)
            if used + w > room and (buf or pieces[-1]):
                if buf:
                    pieces[-1].append(replace(run, text=buf))
                pieces.append([])
                buf, used, room = "", 0.0, width
            buf += char
            used += w
        if buf:
            pieces[-1].append(replace(run, text=buf))
    return [p for p in pieces if p]


def wrap(runs: Sequence[Run], width: float, size: float, metrics: Metrics) -> tuple[Line, ...]:
    """Return `runs` wrapped greedily into lines at most `width` points wide."""
    lines: list[Line] = []
    current: list[Run] = []
    used = 0.0
    """Width of `current` including its trailing spaces."""

    def flush(hard: bool = False) -> None:
        nonlocal used
        lines.append(Line(_merge(current), _width(current, size, metrics, trim=True), hard))
        current.clear()
        used = 0.0

    for word in _tokens(runs):
        if word[0].text == "\n":
            flush(hard=True)
            continue
        need = _width(word, size, metrics, trim=True)
        if used + need <= width:
            current.extend(word)
            used += _width(word, size, metrics)
            continue
        if current and need <= width:
            flush()
            current.extend(word)
            used = _width(word, size, metrics)
            continue
        # A word longer than a line: start it on a fresh line, then break it at characters.
        if current:
            flush()
        pieces = _break_word(word, width, width, size, metrics)
        for piece in pieces[:-1]:
            current.extend(piece)
            flush()
        current.extend(pieces[-1])
        used = _width(pieces[-1], size, metrics)
    if current or not lines:
        flush()
    return tuple(lines)


def place(item: Item, width: float, size: float, metrics: Metrics, *, first: bool) -> PlacedItem:
    """Return `item` wrapped at body size `size` in a box `width` points wide."""
    item_size = round(size * item.scale, 1)
    indent = item.indent * size
    lines = wrap(item.runs, (width - indent) * WIDTH_SAFETY, item_size, metrics)
    space = 0.0 if first or item.continued else _space_before(item, size)
    return PlacedItem(item=item, size=item_size, lines=lines, indent=indent, space_before=space)


def _space_before(item: Item, size: float) -> float:
    if item.kind == "attribution":
        return round(0.3 * size, 1)
    if item.kind == "heading":
        return round(0.8 * size, 1)
    return round(0.5 * size, 1)


def place_all(items: Sequence[Item], width: float, size: float,
              metrics: Metrics) -> tuple[PlacedItem, ...]:
    """Return every item placed at `size`, the first without space before."""
    return tuple(place(item, width, size, metrics, first=n == 0) for n, item in enumerate(items))


def text_height(placed: Iterable[PlacedItem]) -> float:
    """Return the height of placed items stacked."""
    return sum(p.height for p in placed)


# --- geometry and results ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rect:
    """A box in points from the slide's top-left corner."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class Geometry:
    """Where a layout puts its title and its body."""

    title: Rect
    body: Rect
    title_sizes: tuple[float, float]
    """Largest and floor title size."""
    body_sizes: tuple[float, float]
    """Largest and floor body size."""
    title_anchor: Literal["top", "middle", "bottom"] = "bottom"


def default_geometry(layout: str) -> Geometry:
    """Return the built-in deck's geometry for a slide layout (`title`, `section`, `content`)."""
    if layout == "title":
        return Geometry(title=Rect(64, 118, 832, 190), body=Rect(64, 332, 832, 150),
                        title_sizes=(44, 24), body_sizes=(24, 14))
    if layout == "section":
        return Geometry(title=Rect(64, 150, 832, 150), body=Rect(64, 324, 832, 150),
                        title_sizes=(40, 24), body_sizes=(22, 14))
    return Geometry(title=Rect(48, 26, 864, 76), body=Rect(48, 124, 864, 368),
                    title_sizes=(34, 22), body_sizes=(24, 14))


@dataclass(frozen=True, slots=True)
class TextFrame:
    """Placed text in a rectangle."""

    rect: Rect
    size: float
    items: tuple[PlacedItem, ...]

    @property
    def height(self) -> float:
        """Return the measured height of the text."""
        return text_height(self.items)


@dataclass(frozen=True, slots=True)
class Cell:
    """A wrapped table cell."""

    lines: tuple[Line, ...]
    bold: bool = False


@dataclass(frozen=True, slots=True)
class TableFrame:
    """A placed table: column widths, row heights, wrapped cells."""

    rect: Rect
    size: float
    widths: tuple[float, ...]
    heights: tuple[float, ...]
    rows: tuple[tuple[Cell, ...], ...]
    header: bool
    """The first row is a header row."""
    key_column: bool = False
    """The first column holds labels (key/value fields)."""

    @property
    def height(self) -> float:
        """Return the total height of the rows."""
        return sum(self.heights)


CELL_MARGIN_X = 6.0
"""Left and right padding of table cells in points."""
CELL_MARGIN_Y = 3.0
"""Top and bottom padding of table cells in points."""
SEGMENT_GAP = 12.0
"""Vertical space between a text frame and a table on the same slide."""

BodyFrame = TextFrame | TableFrame


@dataclass(frozen=True, slots=True)
class Page:
    """One slide as laid out: the title, the body frames top to bottom."""

    layout: str
    title: TextFrame
    body: tuple[BodyFrame, ...]
    continued: bool = False
    """A continuation page of a slide that did not fit on one."""
    title_text: str = ""
    """The title as written (with `(cont.)`), before any truncation."""


# --- units: what a slide's body becomes before pagination --------------------------------------


@dataclass(frozen=True, slots=True)
class TextUnit:
    """Items that flow in one text frame."""

    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class TableUnit:
    """A table (or key/value fields) with an optional header row repeated on continuations."""

    header: tuple[tuple[Run, ...], ...] | None
    rows: tuple[tuple[tuple[Run, ...], ...], ...]
    weights: tuple[float, ...]
    key_column: bool = False


@dataclass(frozen=True, slots=True)
class BreakUnit:
    """An explicit page break."""


Unit = TextUnit | TableUnit | BreakUnit


def _para_item(para: Para) -> Item:
    match para.style:
        case "subtitle" | "lead":
            return Item("subtitle", runs_of(para.content))
        case "meta" | "small" | "note":
            return Item("para", runs_of(para.content, muted=True), scale=0.8)
        case "title":
            return Item("heading", runs_of(para.content, bold=True), scale=1.15)
        case "body" | "summary":
            return Item("para", runs_of(para.content))
    assert_never(para.style)


def slide_units(children: Sequence[Block], agenda: Sequence[str] = ()) -> list[Unit]:
    """Return a slide's body blocks as layout units (consecutive text merged into one unit)."""
    units: list[Unit] = []
    pending: list[Item] = []

    def text(*items: Item) -> None:
        pending.extend(items)

    def cut(unit: Unit) -> None:
        if pending:
            units.append(TextUnit(tuple(pending)))
            pending.clear()
        units.append(unit)

    for block in children:
        match block:
            case Para():
                text(_para_item(block))
            case Heading():
                text(Item("heading", runs_of(block.content, bold=True)))
            case ListBlock():
                for n, entry in enumerate(block.items, start=1):
                    runs = runs_of(entry.content)
                    if entry.ref is not None:
                        runs = _merge((*_rstrip(runs), Run(f" (¶{entry.ref})", muted=True)))
                    text(Item("number" if block.ordered else "bullet", runs,
                              number=n if block.ordered else None))
            case Quote():
                quote = Item("quote", runs_of(block.content, italic=True), scale=1.1,
                             keep_with_next=bool(block.attribution or block.ref))
                text(quote)
                if block.attribution or block.ref is not None:
                    label = f"— {block.attribution}" if block.attribution else "—"
                    if block.ref is not None:
                        label += f" (¶{block.ref})"
                    text(Item("attribution", (Run(label, muted=True),), scale=0.85))
            case Table():
                weights = _weights(block.widths, block.header, block.rows)
                header = None if block.header is None else tuple(
                    runs_of(cell, bold=True) for cell in block.header)
                rows = tuple(tuple(runs_of(cell) for cell in row) for row in block.rows)
                if block.caption:
                    text(Item("heading", (Run(block.caption, bold=True),), scale=0.9))
                cut(TableUnit(header, rows, weights))
            case Fields():
                rows = tuple(((Run(name, bold=True),), runs_of(value))
                             for name, value in block.rows)
                cut(TableUnit(None, rows, (1.0, 3.0), key_column=True))
            case PageBreak():
                cut(BreakUnit())
            case Toc():
                for title in agenda:
                    text(Item("bullet", (Run(title),)))
            case Box():
                if block.title:
                    text(Item("heading", (Run(block.title, bold=True),)))
                inner = slide_units(block.children, agenda)
                for unit in inner:
                    if isinstance(unit, TextUnit):
                        text(*unit.items)
                    else:
                        cut(unit)
            case Slide():
                # Slides do not nest; a nested one reads as a headed section of this one.
                text(Item("heading", (Run(block.title, bold=True),)))
                for unit in slide_units(block.children, agenda):
                    if isinstance(unit, TextUnit):
                        text(*unit.items)
                    else:
                        cut(unit)
            case _:
                assert_never(block)
    if pending:
        units.append(TextUnit(tuple(pending)))
    return units


def _rstrip(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    if runs and runs[-1].text != runs[-1].text.rstrip():
        return (*runs[:-1], replace(runs[-1], text=runs[-1].text.rstrip()))
    return runs


def _weights(widths: tuple[float, ...] | None, header: tuple[Inlines, ...] | None,
             rows: tuple[tuple[Inlines, ...], ...]) -> tuple[float, ...]:
    columns = max([len(header or ())] + [len(row) for row in rows] + [1])
    if widths and len(widths) == columns and all(w > 0 for w in widths):
        return widths
    return tuple(1.0 for _ in range(columns))


# --- tables ------------------------------------------------------------------------------------


def _place_row(cells: Sequence[tuple[Run, ...]], widths: Sequence[float], size: float,
               metrics: Metrics, bold: bool = False) -> tuple[tuple[Cell, ...], float]:
    placed = []
    for n, width in enumerate(widths):
        runs = cells[n] if n < len(cells) else ()
        inner = max(width - 2 * CELL_MARGIN_X, 1.0) * WIDTH_SAFETY
        placed.append(Cell(wrap(runs, inner, size, metrics), bold=bold))
    tallest = max(len(c.lines) for c in placed)
    return tuple(placed), tallest * size * LEADING + 2 * CELL_MARGIN_Y


def _column_widths(unit: TableUnit, width: float) -> tuple[float, ...]:
    total = sum(unit.weights)
    return tuple(round(width * w / total, 2) for w in unit.weights)


@dataclass(frozen=True, slots=True)
class _TableChunk:
    """Rows of a table destined for one page (continuations repeat the header)."""

    unit: TableUnit
    rows: tuple[tuple[tuple[Run, ...], ...], ...]


def _table_frame(chunk: _TableChunk, rect: Rect, size: float, metrics: Metrics) -> TableFrame:
    widths = _column_widths(chunk.unit, rect.w)
    rows: list[tuple[Cell, ...]] = []
    heights: list[float] = []
    if chunk.unit.header is not None:
        cells, h = _place_row(chunk.unit.header, widths, size, metrics, bold=True)
        rows.append(cells)
        heights.append(h)
    for row in chunk.rows:
        cells, h = _place_row(row, widths, size, metrics)
        rows.append(cells)
        heights.append(h)
    frame = TableFrame(rect=rect, size=size, widths=widths, heights=tuple(heights),
                       rows=tuple(rows), header=chunk.unit.header is not None,
                       key_column=chunk.unit.key_column)
    return replace(frame, rect=replace(rect, h=frame.height))


def _runs_of_lines(lines: Sequence[Line]) -> tuple[Run, ...]:
    """Join wrapped lines back into the runs they came from (soft wraps keep their spaces)."""
    out: list[Run] = []
    for n, line in enumerate(lines):
        out.extend(line.runs)
        if line.hard and n < len(lines) - 1:
            out.append(Run("\n"))
    return _merge(out)


# --- pagination --------------------------------------------------------------------------------

_Chunk = TextUnit | _TableChunk
_Row = tuple[tuple[Run, ...], ...]


def _frames(chunks: Sequence[_Chunk], body: Rect, size: float,
            metrics: Metrics) -> tuple[tuple[BodyFrame, ...], float]:
    """Stack chunks top to bottom in `body`; return the frames and the height used."""
    frames: list[BodyFrame] = []
    y = body.y
    for n, chunk in enumerate(chunks):
        if n:
            y += SEGMENT_GAP
        if isinstance(chunk, TextUnit):
            placed = place_all(chunk.items, body.w, size, metrics)
            h = text_height(placed)
            frames.append(TextFrame(Rect(body.x, y, body.w, h), size, placed))
        else:
            table = _table_frame(chunk, Rect(body.x, y, body.w, 0), size, metrics)
            frames.append(table)
            h = table.height
        y += h
    return tuple(frames), y - body.y


def _sizes(largest: float, floor: float) -> list[float]:
    sizes: list[float] = []
    size = largest
    while size > floor:
        sizes.append(size)
        size -= 2 if size > 28 else 1
    sizes.append(floor)
    return sizes


def _fit(chunks: Sequence[_Chunk], body: Rect, sizes: Sequence[float],
         metrics: Metrics) -> tuple[float, tuple[BodyFrame, ...]] | None:
    """Return the largest size at which `chunks` fit `body`, with their frames."""
    # Smaller type never takes more room, so content too tall at the floor fits at no size.
    if _frames(chunks, body, sizes[-1], metrics)[1] > body.h:
        return None
    for size in sizes:
        frames, used = _frames(chunks, body, size, metrics)
        if used <= body.h:
            return size, frames
    return None


def _groups(items: Sequence[Item]) -> list[list[Item]]:
    """Return items grouped so that keep-with-next items stay with their successor."""
    groups: list[list[Item]] = []
    joined = False
    for item in items:
        if joined:
            groups[-1].append(item)
        else:
            groups.append([item])
        joined = item.keep_with_next
    return groups


class _Paginator:
    """Fill pages at one body size, splitting text items and table rows that overflow.

    Heights are summed incrementally and every wrap is memoised, so the work stays linear in the
    amount of text (a book-length paragraph must not take quadratic time).
    """

    def __init__(self, body: Rect, size: float, metrics: Metrics) -> None:
        self.body = body
        self.size = size
        self.metrics = metrics
        self.pages: list[list[_Chunk]] = [[]]
        self.used = 0.0
        self._placed: dict[tuple[Item, bool], PlacedItem] = {}
        self._rows: dict[tuple[_Row, bool], tuple[tuple[Cell, ...], float]] = {}

    # page bookkeeping

    def room(self) -> float:
        return self.body.h - self.used - (SEGMENT_GAP if self.pages[-1] else 0.0)

    def empty(self) -> bool:
        return not self.pages[-1]

    def new_page(self) -> None:
        if self.pages[-1]:
            self.pages.append([])
        self.used = 0.0

    def add(self, chunk: _Chunk, height: float) -> None:
        self.used += height + (SEGMENT_GAP if self.pages[-1] else 0.0)
        self.pages[-1].append(chunk)

    # text

    def placed(self, item: Item, first: bool) -> PlacedItem:
        key = (item, first)
        found = self._placed.get(key)
        if found is None:
            found = place(item, self.body.w, self.size, self.metrics, first=first)
            self._placed[key] = found
        return found

    def text(self, unit: TextUnit) -> None:
        current: list[Item] = []
        height = 0.0

        def close() -> None:
            nonlocal height
            if current:
                self.add(TextUnit(tuple(current)), height)
                current.clear()
                height = 0.0

        def group_height(group: Sequence[Item], first: bool) -> float:
            return sum(self.placed(item, first and n == 0).height for n, item in enumerate(group))

        for group in _groups(unit.items):
            extra = group_height(group, not current)
            if height + extra <= self.room():
                current.extend(group)
                height += extra
                continue
            close()
            alone = group_height(group, True)
            if alone > self.room() and not self.empty():
                self.new_page()
            if alone <= self.room():
                current.extend(group)
                height = alone
                continue
            for item in group:
                extra = self.placed(item, not current).height
                if height + extra <= self.room():
                    current.append(item)
                    height += extra
                    continue
                placed = self.placed(item, not current)
                free = self.room() - height - placed.space_before
                keep = int(free // placed.leading) if free > 0 else 0
                if keep == 0 and current:
                    close()
                    self.new_page()
                    placed = self.placed(item, True)
                    keep = int(self.room() // placed.leading)
                # Always at least one line, even should a line be taller than the page.
                keep = max(keep, 1)
                lines = placed.lines
                current.append(replace(item, runs=_runs_of_lines(lines[:keep]),
                                       keep_with_next=False))
                height = self.body.h
                close()
                self.new_page()
                per_page = max(int(self.body.h // placed.leading), 1)
                rest = lines[keep:]
                while rest:
                    chunk, rest = rest[:per_page], rest[per_page:]
                    piece = replace(item, runs=_runs_of_lines(chunk), continued=True)
                    current.append(piece)
                    height = self.placed(piece, True).height
                    if rest:
                        close()
                        self.new_page()
        close()

    # tables

    def row(self, unit: TableUnit, row: _Row, header: bool) -> tuple[tuple[Cell, ...], float]:
        key = (row, header)
        found = self._rows.get(key)
        if found is None:
            widths = _column_widths(unit, self.body.w)
            found = _place_row(row, widths, self.size, self.metrics, bold=header)
            self._rows[key] = found
        return found

    def table(self, unit: TableUnit) -> None:
        head = self.row(unit, unit.header, True)[1] if unit.header is not None else 0.0
        heights = [self.row(unit, r, False)[1] for r in unit.rows]
        total = head + sum(heights)
        # A table that fits a page of its own is not split just because this page is part full.
        if not self.empty() and self.room() < total <= self.body.h:
            self.new_page()
        rows: list[_Row] = []
        height = head
        pending = list(unit.rows)
        while pending:
            row_h = self.row(unit, pending[0], False)[1]
            if height + row_h <= self.room():
                rows.append(pending.pop(0))
                height += row_h
            elif rows:
                self.add(_TableChunk(unit, tuple(rows)), height)
                rows, height = [], head
                self.new_page()
            elif not self.empty():
                self.new_page()
            else:
                # One row taller than a page: split its cells line by line.
                cells = self.row(unit, pending[0], False)[0]
                keep = max(int((self.room() - head - 2 * CELL_MARGIN_Y)
                               // (self.size * LEADING)), 1)
                first = tuple(_runs_of_lines(c.lines[:keep]) for c in cells)
                rest = tuple(_runs_of_lines(c.lines[keep:]) for c in cells)
                self.add(_TableChunk(unit, (first,)), head + self.row(unit, first, False)[1])
                self.new_page()
                if any(rest):
                    pending[0] = rest
                else:
                    pending.pop(0)
        if rows or not unit.rows:
            self.add(_TableChunk(unit, tuple(rows)), height)


def _paginate(units: Sequence[Unit], body: Rect, size: float,
              metrics: Metrics) -> list[list[_Chunk]]:
    """Return the units cut into pages that fit `body` at `size`."""
    pager = _Paginator(body, size, metrics)
    for unit in units:
        if isinstance(unit, BreakUnit):
            pager.new_page()
        elif isinstance(unit, TextUnit):
            pager.text(unit)
        else:
            pager.table(unit)
    return [page for page in pager.pages if page] or [[]]


# --- titles ------------------------------------------------------------------------------------


def fit_title(text: str, rect: Rect, sizes: tuple[float, float], metrics: Metrics) -> TextFrame:
    """Return the title shrunk to fit `rect`; past the floor size, cut with an ellipsis."""
    runs = (Run(text, bold=True),)
    item = Item("heading", runs)
    for size in _sizes(*sizes):
        placed = place(item, rect.w, size, metrics, first=True)
        if placed.height <= rect.h:
            return TextFrame(rect, size, (placed,))
    size = sizes[1]
    placed = place(item, rect.w, size, metrics, first=True)
    keep = max(int(rect.h // placed.leading), 1)
    words = plain_text(_runs_of_lines(placed.lines[:keep])).split(" ")
    while words:
        cut = " ".join(words).rstrip(" ,;:—-") + "…"
        trial = place(Item("heading", (Run(cut, bold=True),)), rect.w, size, metrics, first=True)
        if trial.height <= rect.h:
            return TextFrame(rect, size, (trial,))
        words.pop()
    trial = place(Item("heading", (Run("…", bold=True),)), rect.w, size, metrics, first=True)
    return TextFrame(rect, size, (trial,))


# --- the entry point ---------------------------------------------------------------------------


def layout_slide(slide: Slide, width_pt: float = SLIDE_WIDTH, height_pt: float = SLIDE_HEIGHT,
                 *, metrics: Metrics = CONSERVATIVE, geometry: Geometry | None = None,
                 agenda: Sequence[str] = ()) -> list[Page]:
    """Return the pages `slide` needs: text measured, shrunk to fit, split when too long.

    `width_pt` × `height_pt` is the slide size; the built-in geometry is scaled to it (sizes are
    not, so lay out at the deck size and scale the drawing). `geometry` overrides the boxes (a
    user's template). `agenda` lists the titles a `<toc/>` on the slide expands to.
    """
    geo = geometry or _scaled(default_geometry(slide.layout), width_pt / SLIDE_WIDTH,
                              height_pt / SLIDE_HEIGHT)
    units = slide_units(slide.children, agenda)
    sizes = _sizes(*geo.body_sizes)
    chunks: list[_Chunk] = []
    for unit in units:
        if isinstance(unit, TableUnit):
            chunks.append(_TableChunk(unit, unit.rows))
        elif isinstance(unit, TextUnit):
            chunks.append(unit)
    fitted = None
    if not any(isinstance(u, BreakUnit) for u in units):
        fitted = _fit(chunks, geo.body, sizes, metrics)
    if fitted is not None:
        pages_frames = [fitted[1]]
    else:
        # As few pages as the floor size needs, at the largest size that keeps to that count.
        pages = _paginate(units, geo.body, sizes[-1], metrics)
        fewest, size = len(pages), sizes[-1]
        # Long material stays at the floor: searching sizes would only cost time.
        for candidate in sizes[:-1] if fewest <= 3 else ():
            trial = _paginate(units, geo.body, candidate, metrics)
            if len(trial) <= fewest:
                pages, size = trial, candidate
                break
        pages_frames = [_frames(page, geo.body, size, metrics)[0] for page in pages]
    out: list[Page] = []
    for n, frames in enumerate(pages_frames):
        title = slide.title if n == 0 else f"{slide.title} (cont.)"
        out.append(Page(layout=slide.layout, title=fit_title(title, geo.title, geo.title_sizes,
                                                             metrics),
                        body=frames, continued=n > 0, title_text=title))
    return out


def _scaled(geo: Geometry, sx: float, sy: float) -> Geometry:
    if sx == 1 and sy == 1:
        return geo

    def scale(r: Rect) -> Rect:
        return Rect(r.x * sx, r.y * sy, r.w * sx, r.h * sy)

    return replace(geo, title=scale(geo.title), body=scale(geo.body))


def deck_slides(doc: Document) -> Iterator[Slide]:
    """Yield the slides of `doc`; blocks outside any slide become slides of their own.

    A generator, so a pack's deck is laid out one slide at a time.
    """
    loose: list[Block] = []
    for block in doc.blocks:
        if isinstance(block, Slide):
            if loose:
                yield Slide(title=doc.meta.title, children=tuple(loose))
                loose = []
            yield block
        else:
            loose.append(block)
    if loose:
        yield Slide(title=doc.meta.title, children=tuple(loose))


def deck_survey(doc: Document) -> tuple[tuple[str, ...], int]:
    """Return the deck's agenda (its section titles) and its slide count, laying none out.

    A cheap pass over the blocks: a `<toc/>` on an early slide lists every section, so the
    agenda must be known before the first slide is laid out. The count is a lower bound of the
    number of deck pages (a long slide continues over several).
    """
    agenda: list[str] = []
    count = 0
    for slide in deck_slides(doc):
        count += 1
        if slide.layout == "section":
            agenda.append(slide.title)
    return tuple(agenda), count


def slide_text(slide: Slide, agenda: Sequence[str] = ()) -> str:
    """Return the slide's body as plain text, one line per item or table row (for notes)."""
    lines: list[str] = []
    for unit in slide_units(slide.children, agenda):
        if isinstance(unit, TextUnit):
            lines.extend(plain_text(item.runs) for item in unit.items)
        elif isinstance(unit, TableUnit):
            for row in ((unit.header,) if unit.header else ()) + unit.rows:
                lines.append(" — ".join(plain_text(cell) for cell in row))
    return "\n".join(line.strip() for line in lines if line.strip())


def inline_text(inlines: Inlines) -> str:
    """Return inline content as plain text with refs as `(¶n)` (for notes)."""
    return plain_text(runs_of(inlines))


__all__ = [
    "CONSERVATIVE",
    "DEJAVU",
    "FONT_NAME",
    "LEADING",
    "SLIDE_HEIGHT",
    "SLIDE_WIDTH",
    "Cell",
    "FontMetrics",
    "Geometry",
    "Inline",
    "Item",
    "Line",
    "Metrics",
    "Page",
    "PlacedItem",
    "Rect",
    "Run",
    "TableFrame",
    "TextFrame",
    "deck_slides",
    "deck_survey",
    "default_geometry",
    "fit_title",
    "inline_text",
    "layout_slide",
    "plain_text",
    "runs_of",
    "slide_text",
    "wrap",
]
