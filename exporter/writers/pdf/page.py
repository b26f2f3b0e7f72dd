"""Pages: templates with mirrored margins, outline entries, and the decorations of every page.

The running header, "Page N of M" and the classification marking are drawn when the document is
saved, once the page count is known (the deferred-canvas technique), so the count is right
however many passes the table of contents needs and however long a pack grows.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
import zlib
from ast import literal_eval
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import cm as _cm
from reportlab.lib.utils import ImageReader, TimeStamp
from reportlab.pdfbase.pdfdoc import PDFArray, PDFBase85Encode, PDFName, PDFStream, PDFZCompress
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame
from reportlab.platypus.paragraph import Paragraph
from reportlab.platypus.tableofcontents import TableOfContents, defaultTableStyle
from reportlab.platypus.tables import TableStyle

from ... import fonts
from ...theme import Logo
from .flowables import LazyChunk, Para
from .markup import drawable
from .styles import GEOMETRY, TOC_NUMBER_ROOM, Geometry, Look
from .tagging import Tag, Tagger, TaggingCanvas


@dataclass(frozen=True, slots=True)
class Decor:
    """What every page shows besides its content."""

    page_size: tuple[float, float]
    duplex: bool
    header: str
    classification: str | None
    look: Look
    logo: Logo | None = None
    """The brand's logo, drawn at the top of the first page (the cover of a pack)."""
    geometry: Geometry = GEOMETRY

    def margins(self, page: int) -> tuple[float, float]:
        """Return (left, right) margins of `page`; even pages are mirrored in duplex."""
        g = self.geometry
        if self.duplex and page % 2 == 0:
            return g.outer, g.inner
        return g.inner, g.outer

    def draw(self, canv: Canvas, page: int, total: int, logo: Tag | None = None) -> None:
        """Draw the marking, running header and footer of `page` of `total`, and on the first
        page the logo, tagged as `logo` if given (the rest is an artifact)."""
        width, height = self.page_size
        left, right = self.margins(page)
        outer_is_left = self.duplex and page % 2 == 0
        canv.saveState()
        look = self.look
        if self.classification:
            face = fonts.face_name(look.sans, bold=True)
            marking = drawable(" ".join(self.classification.upper().split()), face)
            canv.setFont(face, 9)
            canv.setFillColor(look.marking)
            text = fit_text(marking, face, 9, width - left - right)
            canv.drawCentredString(width / 2, height - 0.95 * _cm, text)
            canv.drawCentredString(width / 2, 0.7 * _cm, text)
        canv.setFillColor(look.muted)
        canv.setStrokeColor(look.rule)
        canv.setLineWidth(0.5)
        if page > 1 and self.header:
            canv.setFont(look.sans, 8)
            y = height - self.geometry.top + 0.75 * _cm
            text = fit_text(drawable(" ".join(self.header.split()), look.sans), look.sans, 8,
                        (width - left - right) * 0.8)
            if outer_is_left:
                canv.drawString(left, y, text)
            else:
                canv.drawRightString(width - right, y, text)
            canv.line(left, y - 5, width - right, y - 5)
        if page == 1 and self.logo is not None:
            self.draw_logo(canv, logo)
        canv.setFont(look.sans, 8)
        label = f"Page {page} of {total}"
        y = self.geometry.bottom - 0.85 * _cm
        if outer_is_left:
            canv.drawString(left, y, label)
        else:
            canv.drawRightString(width - right, y, label)
        canv.restoreState()


    def logo_rect(self) -> tuple[float, float, float, float] | None:
        """Return where the logo goes on the first page, (x, y, width, height): in the top
        margin, right-aligned to the text column (None without a logo)."""
        logo = self.logo
        if logo is None:
            return None
        width, height = self.page_size
        left, right = self.margins(1)
        h = self.geometry.top * LOGO_SHARE
        w = h * logo.width / logo.height
        w = min(w, (width - left - right) / 3)
        h = w * logo.height / logo.width
        y = height - (self.geometry.top + h) / 2
        return width - right - w, y, w, h

    def draw_logo(self, canv: Canvas, tag: Tag | None) -> None:
        """Draw the logo on the first page, tagged as `tag` if the canvas has a tagger."""
        logo, rect = self.logo, self.logo_rect()
        assert logo is not None and rect is not None
        tagger: Tagger | None = getattr(canv, "tagger", None)
        with (tagger.on_finished_page(canv, tag, 0) if tagger is not None and tag is not None
              else nullcontext()):
            canv.drawImage(ImageReader(io.BytesIO(logo.data)), *rect, mask="auto")


LOGO_SHARE = 0.5
"""The logo's height as a share of the top margin (1.2 cm built in)."""


def fit_text(text: str, face: str, size: float, room: float) -> str:
    """Return `text` cut with an ellipsis to fit `room` points (a 3,000-character title)."""
    if stringWidth(text, face, size) <= room:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid] + "…", face, size) <= room:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


HOLD_PLAIN = 2_000_000
"""Characters of finished pages' operators a canvas holds as text before it compresses the
next pages' (a hundred pages of text, about)."""


class DeferredCanvas(TaggingCanvas):
    """A canvas that holds its pages until `save`, then decorates each knowing the total.

    Its tagger tags what the flowables draw; the decorations are artifacts, but for the
    brand's logo on the first page: a Figure, first in reading order.
    """

    def __init__(self, *args: Any, decor: Decor, timestamp: int,
                 describe: Callable[[str], str] | None = None,
                 finish: Callable[[DeferredCanvas], None] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if describe is not None:
            self.tagger.describe = describe
        self._finish = finish
        self._decor = decor
        self._logo: Tag | None = None
        rect = decor.logo_rect()
        if decor.logo is not None and rect is not None:
            # Made now, so first in reading order: the logo tops the first page, above the
            # title, though it is drawn with the decoration as the canvas saves.
            x, y, w, h = rect
            self._logo = Tag("Figure", alt=decor.logo.alt, bbox=(x, y, x + w, y + h))
            self.tagger.element(self._logo)
        self._pages: list[dict[str, Any]] = []
        self._held = 0
        """Characters of drawing operators held in `_pages` (compressed ones as bytes)."""
        # The date and the file ID come from `timestamp` alone: ReportLab would otherwise
        # seed them from the process's SOURCE_DATE_EPOCH, making output depend on the env.
        self._doc._timeStamp = pdf_timestamp(timestamp)
        self._doc.signature = hashlib.md5(b"exporter", usedforsecurity=False)
        self._doc.signature.update(str(timestamp).encode("ascii"))

    def showPage(self) -> None:
        self.tagger.finish_page(self)
        state = dict(self.__dict__)
        # A page's drawing operators are most of its weight: past `HOLD_PLAIN` characters
        # held, keep them compressed until `save`, so a thousand-page pack does not hold them
        # all as strings (a briefing's few pages are not worth the compression). ReportLab
        # joins the operators with newlines, so one joined string gives the same page.
        code: str | bytes | None = None
        if self._code:
            text = "\n".join(self._code)
            code = zlib.compress(text.encode("utf-8"), 1) if self._held >= HOLD_PLAIN else text
            self._held += len(code)
        state["_code"] = code
        self._pages.append(state)
        # Bookmarks and links made on the next page must point at it, though pages only
        # reach the PDF document in `save`; its page counter names the current page.
        self._doc.pageCounter += 1
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        self._doc.pageCounter = 1
        pages, self._pages = self._pages, []
        for number, state in enumerate(pages, start=1):
            code = state["_code"]
            if isinstance(code, bytes):
                code = zlib.decompress(code).decode("utf-8")
            state["_code"] = [code] if code else []
            self.__dict__.update(state)
            self._code.append("/Artifact BMC")
            self._decor.draw(self, number, total, self._logo)
            self._code.append("EMC")
            super().showPage()
            seal_last_page(self)
        if self._finish is not None:
            self._finish(self)
        super().save()


def seal_last_page(canv: Canvas) -> None:
    """Compress the content stream of the page just shown, now rather than at `save`.

    ReportLab keeps every finished page's operators as text until it writes the file (about
    9 KB a handout sheet, more for a page of text); encoded the way `save` would encode them
    (same filters, so the same bytes) a page keeps about a quarter of that. Pages that
    ReportLab's own rules leave as they are (no page compression, or contents already set) are
    not touched.
    """
    page = canv._doc.Pages.pages[-1]
    if not page.compression or page.Contents or not isinstance(page.stream, str):
        return
    filters = [PDFBase85Encode, PDFZCompress] if rl_config.useA85 else [PDFZCompress]
    content: str | bytes = page.stream
    for codec in reversed(filters):
        content = codec.encode(content)
    stream = PDFStream(content=content)
    # A stream whose dictionary names its filters is written as it is (`PDFStream.format`).
    stream.dictionary["Filter"] = PDFArray([PDFName(codec.pdfname) for codec in filters])
    stream.__Comment__ = "page stream"
    page.Contents = stream
    page.stream = None


def pdf_timestamp(seconds: int) -> TimeStamp:
    """Return ReportLab's timestamp object for `seconds` since the epoch, in UTC."""
    stamp = TimeStamp(invariant=1)
    stamp.t = seconds
    stamp.lt = time.gmtime(seconds)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


def canvas_maker(decor: Decor, timestamp: int, describe: Callable[[str], str] | None = None,
                 finish: Callable[[DeferredCanvas], None] | None = None
                 ) -> Callable[..., DeferredCanvas]:
    """Return the canvas factory `BaseDocTemplate.build` calls once per pass (each pass has a
    canvas, so a tagger, of its own); `describe` says what a link to a destination is, and
    `finish` is called with the canvas when its pages are done, just before it saves."""

    def make(*args: Any, **kwargs: Any) -> DeferredCanvas:
        return DeferredCanvas(*args, decor=decor, timestamp=timestamp, describe=describe,
                              finish=finish, **kwargs)

    return make


class BriefingDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """Page templates for simplex or mirrored duplex pages, plus bookmarks and contents."""

    def __init__(self, target: Any, *, decor: Decor, **kwargs: Any) -> None:
        g = decor.geometry
        super().__init__(target, pagesize=decor.page_size, leftMargin=g.inner,
                         rightMargin=g.outer, topMargin=g.top, bottomMargin=g.bottom, **kwargs)
        width, height = decor.page_size
        frame_height = height - g.top - g.bottom
        frame_width = width - g.inner - g.outer

        def frame(page: int) -> Frame:
            left, _ = decor.margins(page)
            return Frame(left, g.bottom, frame_width, frame_height, id=f"body{page % 2}",
                         leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

        self.addPageTemplates([PageTemplate(id="odd", frames=[frame(1)]),
                               PageTemplate(id="even", frames=[frame(2)])])
        self._duplex = decor.duplex
        self._outline_level = -1
        self.toc_depth = 2
        """Heading levels the table of contents lists (set by the Toc block)."""
        self.anchor_pages: dict[str, int] = {}
        """Page each anchored paragraph landed on in the latest pass."""

    def handle_pageBegin(self) -> None:
        # Choose by parity rather than with autoNextPageTemplate chains: a page's template
        # then follows from its number alone, blank pages included.
        self.pageTemplate = self.pageTemplates[self.page % 2 if self._duplex else 0]
        super().handle_pageBegin()

    def filterFlowables(self, flowables: list[Any]) -> None:
        # Expand lazy stretches in place, just before layout reaches them (see LazyChunk): at
        # the head of the list, and after a run of flowables kept with what follows them,
        # since ReportLab groups such a run with the next flowable, which must be real.
        index = 0
        while index < len(flowables):
            flowable = flowables[index]
            if isinstance(flowable, LazyChunk):
                flowables[index:index + 1] = flowable.expand()
            elif flowable is not None and flowable.getKeepWithNext():
                index += 1
            else:
                break
        if not flowables:
            flowables.append(None)  # the stretch made nothing; ReportLab skips a None

    # multiBuild records an undo step each time layout changes a flowable (keepWithNext
    # cleared, "postponed" set) so that the next pass starts from the story as given. Only
    # the flowables of the story itself are laid out again; those a LazyChunk made, and the
    # pieces split off any flowable, are made afresh on every pass, and recording their undo
    # steps would only keep every drawn flowable of a pack alive until the end.

    def multiBuild(self, story: list[Any], *args: Any, **kwargs: Any) -> int:
        for flowable in story:
            flowable._in_story = True
        passes: int = super().multiBuild(story, *args, **kwargs)
        return passes

    @property
    def _multiBuildEdits(self) -> Callable[[tuple[Any, ...]], None]:
        try:
            return self._record_edit
        except AttributeError:
            raise AttributeError("_multiBuildEdits") from None

    @_multiBuildEdits.setter
    def _multiBuildEdits(self, record: Callable[[tuple[Any, ...]], None]) -> None:
        def record_for_story(edit: tuple[Any, ...]) -> None:
            if getattr(edit[1], "_in_story", False):
                record(edit)

        self._record_edit = record_for_story

    @_multiBuildEdits.deleter
    def _multiBuildEdits(self) -> None:
        del self._record_edit

    def handle_documentBegin(self) -> None:
        # Called once per multiBuild pass: each pass starts a new canvas and a new outline.
        self._outline_level = -1
        super().handle_documentBegin()

    def afterFlowable(self, flowable: Any) -> None:
        if isinstance(flowable, Para) and flowable.anchor:
            self.anchor_pages[flowable.anchor] = self.page
        entry = flowable.entry if isinstance(flowable, Para) else None
        if entry is None:
            return
        # The outline cannot skip a level (a level-2 heading right after the title).
        level = min(entry.level, self._outline_level + 1)
        self._outline_level = level
        self.canv.bookmarkPage(entry.key)
        self.canv.addOutlineEntry(entry.text, entry.key, level=level, closed=level > 0)
        if entry.level < self.toc_depth:
            self.notify("TOCEntry", (entry.level, entry.markup, self.page, entry.key))


def contents(levels: tuple[Any, ...], tag: Tag) -> TableOfContents:
    """Return the table-of-contents flowable, filled in by `multiBuild`'s later passes."""
    # The contents table names a shipped face for its cells, as the writer's tables do:
    # ReportLab's default would reference Helvetica, unembedded (PDF/A forbids it).
    style = TableStyle([*defaultTableStyle.getCommands(),
                        ("FONTNAME", (0, 0), (-1, -1), fonts.SERIF)])
    toc = Contents(tag, dotsMinLevel=0, rightColumnWidth=TOC_NUMBER_ROOM, tableStyle=style)
    toc.levelStyles = list(levels)
    return toc


class Contents(TableOfContents):  # type: ignore[misc]
    """ReportLab's table of contents, tagged: a TOC whose entries are TOCI elements, each an
    entry's text (P) and its page number (a Reference), the dot leader an artifact.

    ReportLab makes the entries' paragraphs in `wrap` and draws each entry's dot leader and
    page number from a callback while the entry is drawn (so before the entry's text): the
    entries are given tags after `wrap`, and the callback is replaced by `_entry_end`, which
    draws the same dots and number as two text objects rather than one.
    """

    def __init__(self, tag: Tag, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.tag = tag

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        canv = self.canv
        tagger: Tagger | None = getattr(canv, "tagger", None)
        if tagger is None:
            return size
        entries: dict[str, Tag] = {}

        def entry_end(canvas: Any, kind: str, label: str) -> None:
            page, level, key = label.split(",")
            style = self.getLevelStyle(int(level))
            entry = entries.get(label)
            _entry_end(canvas, tagger, entry, style, page, literal_eval(key), availWidth)

        canv.setNamedCB("drawTOCEntryEnd", entry_end)
        for row in self._table._cellvalues:
            # (ReportLab keeps a cell as its flowables in a tuple.)
            for cell in (f for value in row for f in (value if isinstance(value, tuple)
                                                       else (value,))):
                if isinstance(cell, Paragraph) and not isinstance(cell, Para):
                    cell.__class__ = Para  # the same paragraph, drawn tagged
                    entry = Tag("TOCI", self.tag)
                    cell.tag = Tag("P", entry)
                    found = _ENTRY_LABEL.search(cell.text)
                    if found:
                        entries[found.group(1)] = entry
        return size


_ENTRY_LABEL = re.compile(r'<onDraw name="drawTOCEntryEnd" label="([^"]*)"/>$')


def _entry_end(canv: Any, tagger: Tagger, entry: Tag | None, style: Any, page: str,
               key: str | None, width: float) -> None:
    """Draw a contents entry's dot leader (an artifact) and page number (tagged, linked):
    what ReportLab's `drawPageNumbers` draws, in two text objects (`tests/writers/
    test_tagging_contract.py` compares the pages with ReportLab's)."""
    x, y = canv._curr_tx_info["cur_x"], canv._curr_tx_info["cur_y"]
    size = style.fontSize
    number_width = stringWidth(page, style.fontName, size)
    while number_width > width - x and size >= 1.0:  # ReportLab shrinks a number too long
        size *= 0.9
        number_width = stringWidth(page, style.fontName, size)
    dot = " . "
    dot_width = stringWidth(dot, style.fontName, size)
    dots = int((width - x - number_width) / dot_width)
    number_x = width - number_width
    with tagger.artifact(canv):
        _text_line(canv, number_x - dots * dot_width, y, dots * dot, style, size)
        if entry is not None:
            tagger.begin(canv, Tag("Reference", entry))
        _text_line(canv, number_x, y, page, style, size)
        if key:
            canv.linkRect("", key, (number_x, y, number_x + number_width, y + style.leading),
                          relative=1)
        tagger.end(canv)


def _text_line(canv: Any, x: float, y: float, text: str, style: Any, size: float) -> None:
    tx = canv.beginText(x, y)
    tx.setFont(style.fontName, size)
    tx.setFillColor(style.textColor)
    tx.textLine(text)
    canv.drawText(tx)
