"""The handout sheet: where its slides and note lines go, and what every sheet carries.

`cells` divides a sheet into one cell per slide for each `PER_PAGE` layout (a slide and the box
its ruled note lines fill); `_Sheet` draws the header, the slide range, the page number and the
protective marking of every sheet, the totals in them as `totals._Totals` forms.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ... import fonts
from ...errors import ConfigError
from ..deck.shape import SLIDE_HEIGHT, SLIDE_WIDTH
from ..pdf.markup import drawable
from ..pdf.page import fit_text
from ..pdf.styles import Look as SheetLook
from .totals import _Totals

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
