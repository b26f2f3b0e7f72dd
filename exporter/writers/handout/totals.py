"""The handout's slide and sheet totals, drawn on every sheet before they are known.

Counting them first would mean laying out every slide twice, so each total is a Form XObject
that pages use by name and that is defined just before the PDF is saved (see `_Totals`).
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ... import fonts


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
