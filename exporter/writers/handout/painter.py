"""The handout's slide miniatures: a laid-out deck page drawn, tagged, into its cell.

`_SlidePainter` draws each `deck.paginate.Page` at deck size under a scale transform: the
built-in deck's decoration, footer and marking, a template's pictures, text frames, lists and
tables, each tagged for the PDF's structure tree.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from ... import fonts
from ...options import RenderOptions
from ...theme import Logo
from ..deck import decor
from ..deck.outline import Run
from ..deck.paginate import CELL_MARGIN_X, CELL_MARGIN_Y, ImageFrame, Page, TableFrame, TextFrame
from ..deck.shape import DeckShape, Rect
from ..deck.wrap import LEADING, Line, PlacedItem
from ..images import picture
from ..pdf.markup import drawable
from ..pdf.page import fit_text
from ..pdf.tagging import BBox, Tag, TaggingCanvas
from .sheet import Box
from .totals import _Totals


def _needs_space(line: Line) -> bool:
    """Return whether a wrapped line needs a space written back at its end, so that its last
    word and the next line's first stay two words in the text layer (a line that keeps the
    space it was wrapped at has one already)."""
    return not line.text[-1:].isspace()


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
        logo: Tag | None = None
        if self.logo is not None and page.layout == "title":
            # Made before the title, so first in the slide's reading order (it sits on top).
            logo = Tag("Figure", slide, alt=self.logo.alt,
                       bbox=self.page_box(self.logo_rect(self.logo), box, sx, sy))
            canv.tagger.element(logo)
        heading = Tag("H", slide, level=1 if page.layout in ("title", "section") else 2)
        self.text(page.title, title_color, anchor_bottom=True, parent=slide, heading=heading)
        for frame in page.body:
            if isinstance(frame, TableFrame):
                self.table(frame, Tag("Table", slide))
            elif isinstance(frame, ImageFrame):
                self.image(frame, Tag("Figure", slide, alt=frame.alt))
            else:
                self.text(frame, self.dark_body if dark else self.ink, parent=slide)
        if self.logo is not None and logo is not None:
            self.draw_logo(self.logo, logo)
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

    def logo_rect(self, logo: Logo) -> Rect:
        """Return where the deck's title slide has the brand's logo (`decor.logo_rect`)."""
        return decor.logo_rect(self.width, logo.width / logo.height, self.look)

    def page_box(self, r: Rect, box: Box, sx: float, sy: float) -> BBox:
        """Return where the deck rectangle `r` of the slide drawn in `box` lies on the sheet."""
        bottom = box.y + (self.height - r.y - r.h) * sy
        return box.x + r.x * sx, bottom, box.x + (r.x + r.w) * sx, bottom + r.h * sy

    def draw_logo(self, logo: Logo, tag: Tag) -> None:
        """Draw the brand's logo where the deck's title slide has it, tagged as a Figure."""
        r = self.logo_rect(logo)
        with self.canv.tagger.tagged(self.canv, tag):
            self.canv.drawImage(ImageReader(io.BytesIO(logo.data)), r.x,
                                self.height - r.y - r.h, r.w, r.h, mask="auto")

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

