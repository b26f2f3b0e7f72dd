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

This module is the writer (and the sheets' bookmarks); `sheet` places the slides and note lines
on a sheet and draws what every sheet carries, `totals` the totals as forms, and `painter` the
slide miniatures.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence

from reportlab.pdfgen.canvas import Canvas

from ... import fonts
from ...blocks import Document
from ...options import RenderOptions
from ..deck import decor
from ..deck.metrics import CONSERVATIVE
from ..deck.outline import deck_slides, deck_survey
from ..deck.paginate import Page, layout_slide
from ..deck.shape import BUILTIN, DeckShape, deck_shape
from ..images import aspects
from ..pdf.page import pdf_timestamp, seal_last_page
from ..pdf.structure import attach, make_pdfa
from ..pdf.styles import styles
from ..pdf.tagging import TaggingCanvas
from .painter import _SlidePainter as _SlidePainter
from .sheet import (
    ASPECT,
    BOTTOM,
    GUTTER,
    MARGIN_X,
    PER_PAGE,
    RULE_PITCH,
    TOP,
    Box,
    Cell,
    _ruled_lines,
    _Sheet,
    cells,
)
from .totals import _Totals


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


__all__ = ["ASPECT", "BOTTOM", "GUTTER", "MARGIN_X", "PER_PAGE", "RULE_PITCH", "TOP", "Box", "Cell",
           "HandoutWriter", "cells", "deck_pages", "iter_deck_pages"]
