"""The handout writer: a slide document in, N-up handout PDF bytes out (ReportLab canvas).

Handouts print the deck the way presentation tools do: `RenderOptions.per_page` slides to a sheet,
each a framed miniature with ruled lines for notes. The miniatures are the deck's own pages:
`deck.paginate.layout_slide` measures, shrinks and splits every slide as the PPTX writer does,
with the same `deck.shape.DeckShape` (the built-in 16:9 deck, or the `--pptx-template`'s slide
size and placeholder boxes), so a slide continued over two deck pages is two miniatures and the
handout has ceil(deck slides / per page) sheets. Each page is drawn at deck size (960 × 540 pt
built in) under a uniform scale transform, in the shipped DejaVu Sans, whose widths never exceed
the metrics it was measured with. A template's own colours and artwork are not reproduced: its
slides are drawn plain (white, dark text, no built-in bands or footer).

Sheet layouts: 1 — the slide across the upper half, lines below; 2 and 3 — a row per slide, the
slide on the left, lines on the right; 4 and 6 — a two-column grid, lines below each slide.
Slides run left to right, then down.

Text reaches the PDF only as canvas strings, never as paragraph markup, so article text such as
`<font color=red>` is drawn literally. Output is reproducible: invariant mode, and the creation
date from `RenderOptions.timestamp`.

The deck is streamed, so a pack of hundreds of articles takes about as much memory as a few:
slides are laid out and drawn one at a time, and a sheet is finished as soon as its slides are
drawn. Two numbers are known only at the end: the slide total ("Slides 4–6 of 95", "5 / 95") and
the sheet total ("Page 2 of 32"). Counting them first would mean laying out every slide twice
(layout is most of the writer's time), so each total is a Form XObject (`_Totals`) that pages
use by name and that is defined just before the PDF is saved. Labels ending in a total are placed
as if it had as many digits as its lower bound, the count of slides before any is split
(DejaVu's digits share one width, so that is the exact position unless continuations carry the
total past a power of ten; the handouts are then drawn once more, with the true widths).
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .. import fonts
from ..blocks import Document
from ..errors import ConfigError
from ..options import RenderOptions
from ..theme import Logo
from .deck import decor
from .deck.metrics import CONSERVATIVE
from .deck.outline import Run, deck_slides, deck_survey
from .deck.paginate import (
    CELL_MARGIN_X,
    CELL_MARGIN_Y,
    ImageFrame,
    Page,
    TableFrame,
    TextFrame,
    layout_slide,
)
from .deck.shape import (
    BUILTIN,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    DeckShape,
    deck_shape,
)
from .deck.wrap import LEADING, Line, PlacedItem
from .images import aspects, picture
from .pdf.markup import drawable
from .pdf.page import fit_text, pdf_timestamp, seal_last_page
from .pdf.structure import attach, make_pdfa
from .pdf.styles import Look as SheetLook
from .pdf.styles import styles
from .pdf.tagging import Tag, TaggingCanvas

PER_PAGE = (1, 2, 3, 4, 6)
"""Slides per sheet that have a layout."""

ASPECT = SLIDE_HEIGHT / SLIDE_WIDTH
"""Height over width of the built-in deck's slides."""


MARGIN_X = 1.7 * cm
TOP = 2.2 * cm
"""From the sheet's top edge to the top of the first slide."""
BOTTOM = 2.2 * cm
"""From the sheet's bottom edge to the bottom of the content."""
RULE_PITCH = 21.0
"""Distance between ruled note lines (about 7.4 mm, a college-ruled pitch)."""
GUTTER = 18.0


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the sheet in PDF coordinates (origin bottom left)."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class Cell:
    """Where one slide and its note lines go on a sheet."""

    slide: Box
    lines: Box


def cells(per_page: int, area: Box, aspect: float = ASPECT) -> list[Cell]:
    """Return the cells of a sheet holding `per_page` slides in `area`, in reading order.

    `aspect` is the slides' height over their width (a template's may not be 16:9).
    """
    top = area.y + area.h
    if per_page == 1:
        w = min(area.w, area.h * 0.5 / aspect)
        h = w * aspect
        slide = Box(area.x + (area.w - w) / 2, top - h, w, h)
        return [Cell(slide, Box(area.x, area.y, area.w, slide.y - GUTTER - area.y))]
    if per_page in (2, 3):
        row = (area.h - GUTTER * (per_page - 1)) / per_page
        w = min(area.w * (0.58 if per_page == 2 else 0.5), row / aspect)
        out = []
        for n in range(per_page):
            row_top = top - n * (row + GUTTER)
            slide = Box(area.x, row_top - w * aspect, w, w * aspect)
            lines = Box(area.x + w + GUTTER, row_top - row, area.w - w - GUTTER, row)
            out.append(Cell(slide, lines))
        return out
    if per_page in (4, 6):
        rows = per_page // 2
        col_w = (area.w - GUTTER) / 2
        row_h = (area.h - GUTTER * (rows - 1)) / rows
        w = min(col_w, row_h * 0.62 / aspect)
        out = []
        for n in range(per_page):
            r, c = divmod(n, 2)
            x = area.x + c * (col_w + GUTTER)
            row_top = top - r * (row_h + GUTTER)
            slide = Box(x + (col_w - w) / 2, row_top - w * aspect, w, w * aspect)
            lines = Box(x, row_top - row_h, col_w, slide.y - (row_top - row_h) - 8)
            out.append(Cell(slide, lines))
        return out
    raise ConfigError(f"--per-page {per_page}: handouts take "
                      f"{', '.join(str(n) for n in PER_PAGE)} slides to a page")


def iter_deck_pages(doc: Document, agenda: Sequence[str] | None = None,
                    shape: DeckShape = BUILTIN,
                    pictures: Mapping[str, float] | None = None) -> Iterator[tuple[str, Page]]:
    """Yield the deck's pages as the PPTX writer lays them out, each with its slide's title.

    One slide is laid out at a time, with the call `slides_pptx._Deck.layout` makes, for the
    deck of `shape` (`deck_shape(options)`). `agenda` is `deck_survey(doc)[0]`, found here when not
    given. `pictures` gives each `<image>` picture's aspect (`images.aspects`).
    """
    if agenda is None:
        agenda = deck_survey(doc)[0]
    for slide in deck_slides(doc):
        for page in layout_slide(slide, shape.width, shape.height, metrics=CONSERVATIVE,
                                 geometry=shape.geometry(slide.layout), agenda=agenda,
                                 aspects=pictures):
            yield slide.title, page


def deck_pages(doc: Document, shape: DeckShape = BUILTIN) -> list[tuple[str, Page]]:
    """Return all the deck's pages at once (for checks on small decks; the writer streams)."""
    return list(iter_deck_pages(doc, shape=shape))


def _batches(pages: Iterable[tuple[str, Page]],
             size: int) -> Iterator[list[tuple[str, Page]]]:
    """Yield `pages` in lists of `size` (the last may be shorter): one list per sheet."""
    it = iter(pages)
    while batch := list(itertools.islice(it, size)):
        yield batch


class HandoutWriter:
    """Render a slide document as printed handouts: N framed slides and note lines a sheet."""

    name = "handout"
    suffix = ".pdf"
    template = "pack-slides.xml.j2"
    output = "handouts.pdf"

    def write(self, doc: Document, options: RenderOptions) -> bytes:
        """Return the handouts of `doc` as PDF bytes, the same bytes for the same input.

        Two passes over the slides: `deck_survey` for the agenda and a lower bound of the totals,
        then one that lays out and draws a sheet's slides at a time; the totals are filled in
        by `_Totals.define` before saving. Labels ending in a total are placed for the lower
        bound's number of digits; in the rare deck whose split slides carry a total past a
        power of ten, the handouts are drawn once more with the true totals' widths.
        """
        shape = deck_shape(options)  # the deck's own: same pages, split the same way
        agenda, least = deck_survey(doc)
        least_sheets = max(math.ceil(least / options.per_page), 1)
        data, slides, sheets = self._render(doc, options, shape, agenda, least, least_sheets)
        if (len(str(slides)), len(str(sheets))) != (len(str(least)), len(str(least_sheets))):
            data, _, _ = self._render(doc, options, shape, agenda, slides, sheets)
        return data

    def _render(self, doc: Document, options: RenderOptions, shape: DeckShape,
                agenda: tuple[str, ...], least_slides: int,
                least_sheets: int) -> tuple[bytes, int, int]:
        """Return the handouts, with labels placed for totals as wide as the given ones, and
        the true slide and sheet totals."""
        per_page = options.per_page
        width, height = options.page_size
        layout = cells(per_page, Box(MARGIN_X, BOTTOM, width - 2 * MARGIN_X,
                                     height - TOP - BOTTOM), shape.height / shape.width)
        fonts.register()
        buffer = io.BytesIO()
        meta = doc.meta
        # The initial font is written into every page's content stream: name a shipped face so
        # Helvetica is never referenced.
        canv = TaggingCanvas(buffer, pagesize=(width, height), invariant=1, pageCompression=1,
                             initialFontName=fonts.SANS, initialFontSize=10, initialLeading=12,
                             lang=meta.lang or "en")
        canv._doc._timeStamp = pdf_timestamp(options.timestamp)
        canv.setTitle(meta.title)
        canv.setViewerPreference("DisplayDocTitle", "true")  # the title, not the file name
        canv.setAuthor(meta.author or options.generator)
        canv.setSubject(meta.subject)
        canv.setKeywords(", ".join(meta.keywords))
        canv.setCreator(options.generator)
        canv.setProducer(options.generator)
        totals = _Totals(canv, least_slides=least_slides, least_sheets=least_sheets)
        sheet_look = styles(options.theme).look
        sheet = _Sheet(canv, (width, height), meta.header or meta.title,
                       options.classification or None, totals, sheet_look)
        painter = _SlidePainter(canv, shape, meta.header or meta.title, totals,
                                options.classification or None, decor.look(options.theme),
                                options.theme.logo if options.theme else None, options)
        outline = _Outline(canv)
        number = sheets = 0
        for chunk in _batches(iter_deck_pages(doc, agenda, shape, aspects(options)), per_page):
            sheets += 1
            sheet.decorate(sheets, number + 1, number + len(chunk))
            for cell, (title, page) in zip(layout, chunk, strict=False):
                number += 1
                outline.add(number, title, page)
                painter.draw(page, number, cell.slide)
                _ruled_lines(canv, cell.lines, sheet_look.rule)
            canv.tagger.finish_page(canv)
            canv.showPage()
            seal_last_page(canv)
        if not sheets:
            # An empty deck still makes one sheet, which says so.
            sheets = 1
            sheet.decorate(1, 1, 0)
            canv.tagger.finish_page(canv)
            canv.showPage()
        totals.define(slides=number, sheets=sheets)
        attach(canv, canv.tagger, title=meta.title, timestamp=options.timestamp,
               generator=options.generator, claim_pdfua=not options.pdfa)
        canv.save()
        data = buffer.getvalue()
        if options.pdfa:
            data = make_pdfa(data, timestamp=options.timestamp, generator=options.generator)
        return data, number, sheets


# --- the totals --------------------------------------------------------------------------------


class _Totals:
    """The slide and sheet totals, drawn before they are known: one Form XObject each.

    A label such as "Page 2 of " is drawn on the page; the total after it is the form, used by
    name and defined by `define` when the last sheet is done. The form draws its digits at size 1
    from its origin, so one form serves every font size (the caller scales) and takes the fill
    colour in force where it is used. Where the total goes is worked out with `least` digits, a
    lower bound; the total may be longer, never shorter, and `HandoutWriter.write` then draws
    the handouts again with the true totals as the bounds.
    """

    SLIDES = "ST"
    SHEETS = "PT"

    def __init__(self, canv: Canvas, *, least_slides: int, least_sheets: int) -> None:
        self.canv = canv
        self.least = {self.SLIDES: str(least_slides), self.SHEETS: str(least_sheets)}

    def label_width(self, prefix: str, which: str, face: str, size: float) -> float:
        """Return the width of `prefix` and the total as placed (with its lower bound's digits)."""
        width: float = stringWidth(prefix + self.least[which], face, size)
        return width

    def draw(self, which: str, x: float, y: float, size: float) -> None:
        """Draw total `which` (`SLIDES` or `SHEETS`) at `size`, its baseline starting at (x, y)."""
        # Raw q/cm/Q rather than saveState/translate/scale: the same PDF, without the canvas's
        # bookkeeping of a transform that ends right after the form.
        self.canv.addLiteral(f"q {fp_str(size, 0, 0, size, x, y)} cm")
        self.canv.doForm(which)
        self.canv.addLiteral("Q")

    def draw_after(self, prefix: str, which: str, right: float, y: float, face: str,
                   size: float) -> None:
        """Draw `prefix` and then total `which`, the pair right-aligned at `right`."""
        x = right - self.label_width(prefix, which, face, size)
        self.canv.setFont(face, size)
        self.canv.drawString(x, y, prefix)
        self.draw(which, x + stringWidth(prefix, face, size), y, size)

    def define(self, *, slides: int, sheets: int) -> None:
        """Define the forms now that the totals are known (before `save`)."""
        canv = self.canv
        for name, value in ((self.SLIDES, slides), (self.SHEETS, sheets)):
            text = str(value)
            # The box clips the form: room for the digits at size 1, descenders included.
            canv.beginForm(name, lowerx=-1, lowery=-1,
                           upperx=stringWidth(text, fonts.SANS, 1) + 1, uppery=2)
            canv.setFont(fonts.SANS, 1)
            canv.drawString(0, 0, text)
            canv.endForm()


# --- the sheet ---------------------------------------------------------------------------------


class _Sheet:
    """The decorations of every handout sheet: header, slide range, page number, marking."""

    def __init__(self, canv: Canvas, size: tuple[float, float], header: str,
                 classification: str | None, totals: _Totals, look: SheetLook) -> None:
        self.canv = canv
        self.look = look
        self.width, self.height = size
        self.header = " ".join(header.split())
        self.classification = classification
        self.totals = totals

    def decorate(self, number: int, first: int, last: int) -> None:
        """Draw header, footer and marking of sheet `number` showing slides `first`-`last`.

        An empty deck's one sheet has `last` < `first`. Both totals are drawn as `_Totals`.
        """
        canv, width, height = self.canv, self.width, self.height
        room = width - 2 * MARGIN_X
        canv.saveState()
        look, sans = self.look, self.look.sans
        bold = fonts.face_name(sans, bold=True)
        if self.classification:
            marking = drawable(" ".join(self.classification.upper().split()), bold)
            marking = fit_text(marking, bold, 9, room * 0.6)
            canv.setFont(bold, 9)
            canv.setFillColor(look.marking)
            canv.drawCentredString(width / 2, height - 0.85 * cm, marking)
            canv.drawCentredString(width / 2, 0.6 * cm, marking)
        y = height - 1.45 * cm
        totals = self.totals
        canv.setFillColor(look.muted)
        if last < first:
            span_w = stringWidth("No slides", sans, 8.5)
            canv.setFont(sans, 8.5)
            canv.drawRightString(width - MARGIN_X, y, "No slides")
        else:
            span = f"Slide {first} of " if first == last else f"Slides {first}–{last} of "
            span_w = totals.label_width(span, totals.SLIDES, sans, 8.5)
            totals.draw_after(span, totals.SLIDES, width - MARGIN_X, y, sans, 8.5)
        canv.setFont(bold, 9)
        canv.setFillColor(look.ink)
        canv.drawString(MARGIN_X, y, fit_text(drawable(self.header, bold), bold, 9,
                                          room - span_w - GUTTER))
        canv.setStrokeColor(look.rule)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, y - 5, width - MARGIN_X, y - 5)
        foot = 1.25 * cm
        canv.line(MARGIN_X, foot + 10, width - MARGIN_X, foot + 10)
        canv.setFillColor(look.muted)
        totals.draw_after(f"Page {number} of ", totals.SHEETS, width - MARGIN_X, foot,
                          sans, 8)
        canv.restoreState()


def _needs_space(line: Line) -> bool:
    """Return whether a wrapped line needs a space written back at its end, so that its last
    word and the next line's first stay two words in the text layer (a line that keeps the
    space it was wrapped at has one already)."""
    return not line.text[-1:].isspace()


def _ruled_lines(canv: Canvas, box: Box, color: colors.Color) -> None:
    """Rule `box` with lines for handwritten notes, the first a pitch below its top."""
    count = int(box.h // RULE_PITCH)
    if count < 1 or box.w < 24:
        return
    canv.saveState()
    canv.setStrokeColor(color)
    canv.setLineWidth(0.6)
    top = box.y + box.h
    for n in range(1, count + 1):
        y = top - n * RULE_PITCH
        canv.line(box.x, y, box.x + box.w, y)
    canv.restoreState()


class _Outline:
    """Bookmarks: title and section slides at the top level, content slides below them."""

    def __init__(self, canv: Canvas) -> None:
        self.canv = canv
        self.has_parent = False

    def add(self, number: int, title: str, page: Page) -> None:
        if page.continued:
            return
        key = f"slide{number}"
        top = page.layout in ("title", "section")
        level = 1 if self.has_parent and not top else 0
        self.has_parent = self.has_parent or top
        label = " ".join(title.split()) or f"Slide {number}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(f"{number}. {label}"[:300], key, level=level, closed=True)


# --- the slides --------------------------------------------------------------------------------


class _SlidePainter:
    """Draw laid-out deck pages as miniatures, in deck coordinates under a scale transform.

    The built-in deck's pages get its navy and gold decoration and footer; a template's pages
    are drawn plain, since its artwork is not reproduced and would not match the bands.
    """

    def __init__(self, canv: TaggingCanvas, shape: DeckShape, header: str, totals: _Totals,
                 classification: str | None, look: decor.Look, logo: Logo | None,
                 options: RenderOptions | None = None) -> None:
        self.canv = canv
        self.options = options or RenderOptions()
        self.look = look
        palette = look.builtin

        def color(hex_rgb: str | None) -> colors.Color:
            assert hex_rgb is not None  # the built-in palette sets every colour
            return colors.HexColor("#" + hex_rgb)

        self.accent, self.band, self.rule = color(look.accent), color(look.band), color(look.rule)
        self.light, self.marking_color = color(look.light), color(look.marking)
        self.ink, self.muted = color(palette.ink), color(palette.muted)
        self.title_color, self.dark_body = color(palette.title), color(palette.dark_body)
        self.band_fill, self.frame = color(palette.band_fill), color(look.frame)
        self.plain_header, self.plain_header_ink = color(look.plain_header), self.ink
        self.logo = logo
        self.title_plain = self.ink
        self.paper: colors.Color | None = None
        own = shape.colors if not shape.builtin else None
        if own is not None:  # a template's slides in the template's own colours
            self.ink = color(own.body) if own.body else self.ink
            self.title_plain = color(own.title) if own.title else self.ink
            self.paper = color(own.background) if own.background else None
            if own.accent:
                self.plain_header, self.plain_header_ink = color(own.accent), self.light
        self.shape = shape
        self.width = shape.width
        self.height = shape.height
        self.header = " ".join(header.split())
        self.totals = totals
        self.classification = classification

    def draw(self, page: Page, number: int, cell: Box) -> None:
        """Draw `page` as slide `number`, scaled into `cell`, inside a thin frame.

        Each slide is a section of the structure tree: its title a heading (title and
        divider slides one level up), its text paragraphs and lists, its tables tables;
        backgrounds, bands, footer and marking are artifacts.
        """
        canv = self.canv
        slide = Tag("Sect")
        box, (sx, sy) = self.fit(cell)
        canv.saveState()
        canv.translate(box.x, box.y)
        canv.scale(sx, sy)
        clip = canv.beginPath()
        clip.rect(0, 0, self.width, self.height)
        canv.clipPath(clip, stroke=0, fill=0)
        builtin = self.shape.builtin
        dark = builtin and page.layout in ("title", "section")
        if builtin:
            self.background(page.layout)
            title_color = self.title_color if not dark else self.light
        else:
            if self.paper is not None:
                self.rect(0, 0, self.width, self.height, self.paper)
            title_color = self.title_plain
        heading = Tag("H", slide, level=1 if page.layout in ("title", "section") else 2)
        self.text(page.title, title_color, anchor_bottom=True, parent=slide, heading=heading)
        for frame in page.body:
            if isinstance(frame, TableFrame):
                self.table(frame, Tag("Table", slide))
            elif isinstance(frame, ImageFrame):
                self.image(frame, Tag("Figure", slide, alt=frame.alt))
            else:
                self.text(frame, self.dark_body if dark else self.ink, parent=slide)
        if self.logo is not None and page.layout == "title":
            self.draw_logo(self.logo)
        if builtin:  # a template's deck has no footer either
            self.footer(number, dark)
        if self.classification:
            self.marking(self.classification, self.light if dark else self.marking_color)
        canv.restoreState()
        canv.saveState()
        canv.setStrokeColor(self.frame)
        canv.setLineWidth(0.7)
        canv.rect(box.x, box.y, box.w, box.h, stroke=1, fill=0)
        canv.restoreState()

    def fit(self, cell: Box) -> tuple[Box, tuple[float, float]]:
        """Return where the slide goes in `cell` and the scale from deck points to the sheet.

        `cells` makes cells of the deck's aspect, so the slide fills its cell; one of another
        shape gets the slide scaled uniformly and centred (letterboxed), never distorted.
        """
        sx, sy = cell.w / self.width, cell.h / self.height
        if math.isclose(sx, sy, rel_tol=1e-9):
            return cell, (sx, sy)
        scale = min(sx, sy)
        w, h = self.width * scale, self.height * scale
        return Box(cell.x + (cell.w - w) / 2, cell.y + (cell.h - h) / 2, w, h), (scale, scale)

    def image(self, frame: ImageFrame, tag: Tag) -> None:
        """Draw a template's picture as the deck places it, tagged as a Figure with its alt."""
        r = frame.rect
        found = picture(frame.src, self.options)
        with self.canv.tagger.tagged(self.canv, tag):
            self.canv.drawImage(ImageReader(io.BytesIO(found.data)), r.x,
                                self.height - r.y - r.h, r.w, r.h, mask="auto")

    def draw_logo(self, logo: Logo) -> None:
        """Draw the brand's logo where the deck's title slide has it (`decor.logo_rect`)."""
        r = decor.logo_rect(self.width, logo.width / logo.height, self.look)
        self.canv.drawImage(ImageReader(io.BytesIO(logo.data)), r.x, self.height - r.y - r.h,
                            r.w, r.h, mask="auto")

    def rect(self, x: float, top: float, w: float, h: float, color: colors.Color) -> None:
        """Fill a rectangle given in deck coordinates (from the top left)."""
        self.canv.setFillColor(color)
        self.canv.rect(x, self.height - top - h, w, h, stroke=0, fill=1)

    def background(self, layout: str) -> None:
        """Draw the built-in deck's background, bands and rules: `decor`'s, as the PPTX has."""
        fill = decor.background(layout, self.look)
        self.rect(0, 0, self.width, self.height,
                  self.light if fill is None else colors.HexColor("#" + fill))
        for bar in decor.bars(layout, self.width, self.height, self.look):
            r = bar.rect
            self.rect(r.x, r.y, r.w, r.h, colors.HexColor("#" + bar.color))

    def text(self, frame: TextFrame, color: colors.Color, *, anchor_bottom: bool = False,
             parent: Tag, heading: Tag | None = None) -> None:
        """Draw a measured text frame: items stacked from the top (titles sit on the bottom).

        Each item is an element of `parent` (all of them the one `heading` when given): a
        paragraph, or a list item of the list that consecutive items make.
        """
        tagger = self.canv.tagger
        rect = frame.rect
        top = rect.y + rect.h - frame.height if anchor_bottom else rect.y
        items: Tag | None = None
        for placed in frame.items:
            top += placed.space_before
            kind = placed.item.kind
            body = heading
            if body is None and kind in ("bullet", "number"):
                items = items or Tag("L", parent)
                entry = Tag("LI", items)
                if not placed.item.continued:
                    with tagger.tagged(self.canv, Tag("Lbl", entry)):
                        self.marker(placed, rect.x, top, color)
                body = Tag("LBody", entry)
            elif body is None:
                items = None
                body = Tag("H", parent, level=3) if kind == "heading" else Tag("P", parent)
            last = len(placed.lines) - 1
            with tagger.tagged(self.canv, body):
                for n, line in enumerate(placed.lines):
                    self.runs(line.runs, rect.x + placed.indent, top, placed.size, color,
                              space=n < last and _needs_space(line))
                    top += placed.leading

    def marker(self, placed: PlacedItem, x: float, top: float, color: colors.Color) -> None:
        """Draw the bullet or number hanging in an item's indent."""
        item = placed.item
        if item.continued or item.kind not in ("bullet", "number"):
            return
        label = "•" if item.kind == "bullet" else f"{item.number or 1}."
        self.runs((Run(label),), x, top, placed.size, color)

    def runs(self, runs: Sequence[Run], x: float, top: float, size: float,
             color: colors.Color, *, muted: colors.Color | None = None,
             space: bool = False) -> None:
        """Draw styled runs on one line whose top is `top` (deck coordinates); `space` ends
        the line with a space (invisible, but the text layer then separates the words)."""
        canv = self.canv
        baseline = self.baseline(top, size)
        last = len(runs) - 1
        for n, run in enumerate(runs):
            text = run.text.replace("\n", "")
            if space and n == last:
                text += " "
            if not text:
                continue
            face = fonts.face_name(fonts.SANS, bold=run.bold, italic=run.italic)
            text = drawable(text, face)
            canv.setFont(face, size)
            canv.setFillColor((muted or self.muted) if run.muted else color)
            canv.drawString(x, baseline, text)
            if n < last:  # measuring is a good part of drawing: skip it where nothing follows
                x += stringWidth(text, face, size)

    def table(self, frame: TableFrame, tag: Tag) -> None:
        """Draw a measured table: header row (navy built in, grey on a template's slide),
        banded body rows, bold key column. Tagged as the table `tag`: header cells are TH
        (for their column, or for their row in a key column), the others TD."""
        tagger = self.canv.tagger
        top = frame.rect.y
        header_fill, header_ink = ((self.accent, self.light) if self.shape.builtin
                                   else (self.plain_header, self.plain_header_ink))
        for r, (cells, height) in enumerate(zip(frame.rows, frame.heights, strict=True)):
            header = frame.header and r == 0
            banded = (r - (1 if frame.header else 0)) % 2 == 0
            x = frame.rect.x
            row = Tag("TR", tag)
            for c, (cell, width) in enumerate(zip(cells, frame.widths, strict=False)):
                key = frame.key_column and c == 0
                fill = header_fill if header else (self.band_fill if banded or key
                                                   else self.light)
                self.rect(x, top, width, height, fill)
                ink = header_ink if header else self.ink
                line_top = top + CELL_MARGIN_Y
                role = "TH" if header or key else "TD"
                scope = "Column" if header else "Row" if key else None
                last = len(cell.lines) - 1
                with tagger.tagged(self.canv, Tag(role, row, scope=scope)):
                    for n, line in enumerate(cell.lines):
                        runs = line.runs
                        if key:
                            runs = tuple(Run(run.text, bold=True, italic=run.italic,
                                             muted=run.muted) for run in runs)
                        self.runs(runs, x + CELL_MARGIN_X, line_top, frame.size, ink,
                                  muted=header_ink if header else self.muted,
                                  space=n < last and _needs_space(line))
                        line_top += frame.size * LEADING
                x += width
            top += height
        self.canv.setStrokeColor(self.rule)
        self.canv.setLineWidth(0.75)
        self.canv.rect(frame.rect.x, self.height - top, sum(frame.widths),
                       top - frame.rect.y, stroke=1, fill=0)

    def footer(self, number: int, dark: bool) -> None:
        """Draw the slide number in the corner, with the running title on content slides."""
        sizes = self.look.sizes
        size = sizes.footer_size
        top = self.height - sizes.footer_rise
        prefix = f"{number} / "
        totals = self.totals
        width = totals.label_width(prefix, totals.SLIDES, fonts.SANS, size)
        # Title and divider slides carry no footer in the deck; a handout still numbers them.
        color = self.dark_body if dark else self.muted
        x = self.width - sizes.footer_margin - width
        # `runs` leaves `color` as the fill colour, which the form's digits take.
        self.runs((Run(prefix),), x, top, size, color)
        totals.draw(totals.SLIDES, x + stringWidth(prefix, fonts.SANS, size),
                    self.baseline(top, size), size)
        if dark:
            return
        if self.header:
            room = self.width - 2 * sizes.footer_margin - width - 24
            text = fit_text(drawable(self.header, fonts.SANS), fonts.SANS, size, room)
            self.runs((Run(text),), sizes.footer_margin, top, size, self.muted)

    def marking(self, text: str, color: colors.Color) -> None:
        """Print the deck's protective marking at the top and bottom of the slide."""
        size = self.look.sizes.marking_size
        face = fonts.face_name(fonts.SANS, bold=True)
        label = fit_text(drawable(" ".join(text.split()), face), face, size, self.width * 0.6)
        x = (self.width - stringWidth(label, face, size)) / 2
        for top in decor.marking_tops(self.height, size * LEADING, self.look):
            self.runs((Run(label, bold=True),), x, top, size, color)

    def baseline(self, top: float, size: float) -> float:
        """Return the baseline of a line whose top is `top` (deck coordinates, from the top)."""
        # The baseline sits where a line of exact spacing puts it for DejaVu's ascent.
        return self.height - top - size * 0.93


__all__ = ["PER_PAGE", "HandoutWriter", "cells", "deck_pages", "iter_deck_pages"]
