"""Pagination: a `Slide` block in, measured pages out (what text goes where, at what size).

Text is wrapped at the box width (`wrap`), shrunk down to a floor size when it is too tall, and
split over continuation pages ("Title (cont.)") when even the floor is too big. The PPTX writer
and the handouts paint these pages, so a handout shows what the deck shows.

Coordinates are PostScript points from the slide's top-left corner. Lay out at the deck size
(`SLIDE_WIDTH` × `SLIDE_HEIGHT`) and scale the drawing, not the layout, for smaller renderings.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from ...blocks import Slide
from .metrics import CONSERVATIVE, Metrics
from .outline import (
    BreakUnit,
    ImageUnit,
    Item,
    Run,
    TableUnit,
    TextUnit,
    Unit,
    plain_text,
    slide_units,
)
from .shape import SLIDE_HEIGHT, SLIDE_WIDTH, Geometry, Rect, default_geometry
from .wrap import (
    LEADING,
    WIDTH_SAFETY,
    Line,
    PlacedItem,
    place,
    place_all,
    runs_of_lines,
    text_height,
    wrap,
)

# --- results -----------------------------------------------------------------------------------


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

@dataclass(frozen=True, slots=True)
class ImageFrame:
    """A placed picture (`rect` keeps the picture's aspect)."""

    rect: Rect
    src: str
    alt: str

    @property
    def height(self) -> float:
        """Return the picture's height."""
        return self.rect.h


BodyFrame = TextFrame | TableFrame | ImageFrame


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


# --- pagination --------------------------------------------------------------------------------

_Chunk = TextUnit | _TableChunk | ImageUnit


def _image_size(unit: ImageUnit, body: Rect) -> tuple[float, float]:
    """Return (width, height) of a picture in `body`: its share of the width, never taller
    than nine tenths of the body."""
    width = body.w * unit.width
    height = width / unit.aspect
    if height > body.h * 0.9:
        height = body.h * 0.9
        width = height * unit.aspect
    return width, height
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
        elif isinstance(chunk, ImageUnit):
            w, h = _image_size(chunk, body)
            frames.append(ImageFrame(Rect(body.x, y, w, h), chunk.src, chunk.alt))
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
                current.append(replace(item, runs=runs_of_lines(lines[:keep]),
                                       keep_with_next=False))
                height = self.body.h
                close()
                self.new_page()
                per_page = max(int(self.body.h // placed.leading), 1)
                rest = lines[keep:]
                while rest:
                    chunk, rest = rest[:per_page], rest[per_page:]
                    piece = replace(item, runs=runs_of_lines(chunk), continued=True)
                    current.append(piece)
                    height = self.placed(piece, True).height
                    if rest:
                        close()
                        self.new_page()
        close()

    # pictures

    def image(self, unit: ImageUnit) -> None:
        _, height = _image_size(unit, self.body)
        if not self.empty() and height > self.room():
            self.new_page()
        self.add(unit, height)

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
                first = tuple(runs_of_lines(c.lines[:keep]) for c in cells)
                rest = tuple(runs_of_lines(c.lines[keep:]) for c in cells)
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
        elif isinstance(unit, ImageUnit):
            pager.image(unit)
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
    words = plain_text(runs_of_lines(placed.lines[:keep])).split(" ")
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
                 agenda: Sequence[str] = (),
                 aspects: Mapping[str, float] | None = None) -> list[Page]:
    """Return the pages `slide` needs: text measured, shrunk to fit, split when too long.

    `width_pt` × `height_pt` is the slide size; the built-in geometry is scaled to it (sizes are
    not, so lay out at the deck size and scale the drawing). `geometry` overrides the boxes (a
    user's template). `agenda` lists the titles a `<toc/>` on the slide expands to; `aspects`
    gives each picture's width over height by its `src` (`images.aspects`).

    The Markdown slides are split exactly as the PPTX deck is, so both writers lay out the
    same slides with the same arguments: the pages are kept for the last `LAYOUTS_KEPT` slides
    (everything here is immutable), and the second writer finds them.
    """
    return list(_layout(slide, width_pt, height_pt, metrics, geometry, tuple(agenda),
                        tuple(sorted((aspects or {}).items()))))


LAYOUTS_KEPT = 256
"""Slides whose pages are kept (a briefing's deck has a few dozen; a pack's, a few per article,
laid out by its two deck writers one article after the other)."""


@functools.lru_cache(maxsize=LAYOUTS_KEPT)
def _layout(slide: Slide, width_pt: float, height_pt: float, metrics: Metrics,
            geometry: Geometry | None, agenda: tuple[str, ...],
            aspect_items: tuple[tuple[str, float], ...]) -> tuple[Page, ...]:
    """`layout_slide`, its arguments hashable."""
    aspects = dict(aspect_items)
    geo = geometry or _scaled(default_geometry(slide.layout), width_pt / SLIDE_WIDTH,
                              height_pt / SLIDE_HEIGHT)
    units = [replace(u, aspect=aspects.get(u.src, u.aspect))
             if isinstance(u, ImageUnit) else u for u in slide_units(slide.children, agenda)]
    sizes = _sizes(*geo.body_sizes)
    chunks: list[_Chunk] = []
    for unit in units:
        if isinstance(unit, TableUnit):
            chunks.append(_TableChunk(unit, unit.rows))
        elif isinstance(unit, (TextUnit, ImageUnit)):
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
    return tuple(out)


def _scaled(geo: Geometry, sx: float, sy: float) -> Geometry:
    if sx == 1 and sy == 1:
        return geo

    def scale(r: Rect) -> Rect:
        return Rect(r.x * sx, r.y * sy, r.w * sx, r.h * sy)

    return replace(geo, title=scale(geo.title), body=scale(geo.body))



def page_notes(slide: Slide, page: Page, notes: str) -> str:
    """Return the speaker notes of `page`: the slide's `notes` (the template's notes, else the
    slide's own text with ¶ refs), saying what a continued or cut title leaves out."""
    if page.continued:
        notes = f"Continues “{slide.title}”.\n{notes}"
    title = plain_text(page.title.items[0].item.runs) if page.title.items else ""
    if title != page.title_text:
        # The title was cut to fit: the presenter still gets it whole.
        notes = f"{page.title_text}\n{notes}"
    return notes or slide.title or "(no notes)"


__all__ = [
    "CELL_MARGIN_X",
    "CELL_MARGIN_Y",
    "SEGMENT_GAP",
    "BodyFrame",
    "Cell",
    "ImageFrame",
    "Page",
    "TableFrame",
    "TextFrame",
    "fit_title",
    "layout_slide",
    "page_notes",
]
