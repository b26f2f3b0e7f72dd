"""The briefing's look: palette, page geometry and paragraph styles, in one place."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from ... import fonts
from ...theme import Theme, builtin


@dataclass(frozen=True, slots=True)
class Look:
    """The theme's colours and families as the PDF writers draw them (`Theme` roles pdf-*)."""

    heading: colors.Color
    ink: colors.Color
    muted: colors.Color
    rule: colors.Color
    panel: colors.Color
    zebra: colors.Color
    link: str
    """As paragraph markup writes it (`markup_colour`)."""
    marking: colors.Color
    serif: str
    """Registered family of running text (DejaVu Serif, or the brand's base family)."""
    sans: str
    """Registered family of headings and labels (DejaVu Sans, or the brand's headings)."""


def markup_colour(hex_rgb: str) -> str:
    """Return the colour RRGGBB as paragraph markup writes it: `rgb(r,g,b)`.

    ReportLab reads `rgb(…)` in one step to the very colour `#RRGGBB` gives (each channel
    n/255), while a `#RRGGBB` attribute goes through literal and expression evaluation before
    its hex reading, about 35 µs a link: a tenth of a briefing's PDF time went on its links'
    colour."""
    r, g, b = (int(hex_rgb[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgb({r},{g},{b})"


@cache
def look(theme: Theme) -> Look:
    """Return the PDF look of `theme` (its brand fonts registered first)."""
    serif, sans = fonts.register_theme(theme)

    def color(role: str) -> colors.Color:
        return colors.HexColor("#" + theme.hex(role))

    return Look(heading=color("pdf-heading"), ink=color("pdf-ink"), muted=color("pdf-muted"),
                rule=color("pdf-rule"), panel=color("pdf-panel"), zebra=color("pdf-zebra"),
                link=markup_colour(theme.hex("pdf-link")), marking=color("pdf-marking"),
                serif=serif, sans=sans)


@dataclass(frozen=True, slots=True)
class Geometry:
    """Margins in points; `inner` is the binding side (left on simplex and right-hand pages)."""

    inner: float = 2.4 * cm
    outer: float = 2.0 * cm
    top: float = 2.4 * cm
    bottom: float = 2.1 * cm


GEOMETRY = Geometry()
TOC_NUMBER_ROOM = 40.0
"""Points kept free right of a contents entry's text for the leader dots and page number."""


@dataclass(frozen=True, slots=True)
class Styles:
    """Every paragraph style the writer uses, by role."""

    para: dict[str, ParagraphStyle]
    """Block paragraph styles by `Para.style` name."""
    heading: dict[int, ParagraphStyle]
    list_item: ParagraphStyle
    quote: ParagraphStyle
    attribution: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle
    field_name: ParagraphStyle
    field_value: ParagraphStyle
    box_title: ParagraphStyle
    caption: ParagraphStyle
    toc_title: ParagraphStyle
    toc_levels: tuple[ParagraphStyle, ...]
    look: Look


def _make_style(name: str, look: Look, **kw: object) -> ParagraphStyle:
    # No widows or orphans anywhere; long words (URLs, 20,000-character tokens) are broken
    # across lines rather than running off the page.
    base: dict[str, object] = {
        "fontName": look.serif, "fontSize": 10, "leading": 14.4, "textColor": look.ink,
        "allowWidows": 0, "allowOrphans": 0, "splitLongWords": 1, "alignment": TA_LEFT,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


@cache
def styles(theme: Theme | None = None) -> Styles:
    """Return the style sheet of `theme` (built once per theme; fonts are registered first)."""
    fonts.register()
    lk = look(theme or builtin())
    sans, sans_bold = lk.sans, fonts.face_name(lk.sans, bold=True)
    italic = fonts.face_name(lk.serif, italic=True)

    def _style(name: str, **kw: object) -> ParagraphStyle:
        return _make_style(name, lk, **kw)
    para = {
        "body": _style("body", alignment=TA_JUSTIFY, spaceAfter=7),
        "lead": _style("lead", fontSize=11.5, leading=16.5, spaceAfter=9),
        "summary": _style("summary", fontSize=10.5, leading=15.5, spaceAfter=8,
                          alignment=TA_JUSTIFY),
        "small": _style("small", fontSize=8.5, leading=11.5, spaceAfter=4),
        "meta": _style("meta", fontName=sans, fontSize=9, leading=12.5, textColor=lk.muted,
                       spaceAfter=2),
        "title": _style("title", fontName=sans_bold, fontSize=22, leading=27,
                        textColor=lk.heading, spaceBefore=4, spaceAfter=6),
        "subtitle": _style("subtitle", fontName=sans, fontSize=13, leading=17, textColor=lk.muted,
                           spaceAfter=6),
        "note": _style("note", fontName=italic, fontSize=9, leading=12.5, textColor=lk.muted,
                       spaceBefore=4, spaceAfter=4),
    }
    heading = {
        1: _style("h1", fontName=sans_bold, fontSize=13.5, leading=17, textColor=lk.heading,
                  spaceBefore=16, spaceAfter=7, keepWithNext=1),
        2: _style("h2", fontName=sans_bold, fontSize=11.5, leading=15, textColor=lk.heading,
                  spaceBefore=12, spaceAfter=5, keepWithNext=1),
        3: _style("h3", fontName=sans_bold, fontSize=10, leading=13.5, textColor=lk.ink,
                  spaceBefore=9, spaceAfter=4, keepWithNext=1),
    }
    return Styles(
        para=para,
        heading=heading,
        list_item=_style("item", leftIndent=16, bulletIndent=3, spaceAfter=4,
                         bulletFontName=lk.serif),
        quote=_style("quote", fontName=italic, fontSize=10.5, leading=15, leftIndent=18,
                     rightIndent=18, spaceBefore=4, spaceAfter=2),
        attribution=_style("attribution", fontName=sans, fontSize=8.5, leading=11.5,
                           textColor=lk.muted, leftIndent=18, spaceAfter=9),
        cell=_style("cell", fontSize=8.8, leading=11.6),
        header_cell=_style("header-cell", fontName=sans_bold, fontSize=8.3, leading=11,
                           textColor=colors.white),
        field_name=_style("field-name", fontName=sans_bold, fontSize=8.3, leading=11.6,
                          textColor=lk.muted),
        field_value=_style("field-value", fontSize=9.2, leading=12.4),
        box_title=_style("box-title", fontName=sans_bold, fontSize=9, leading=12,
                         textColor=lk.heading, spaceAfter=2),
        caption=_style("caption", fontName=sans, fontSize=8.5, leading=11, textColor=lk.muted,
                       spaceBefore=4, spaceAfter=3, keepWithNext=1),
        toc_title=_style("toc-title", fontName=sans_bold, fontSize=16, leading=20,
                         textColor=lk.heading, spaceAfter=10),
        # A contents entry's text stops short of the column's right edge by `TOC_NUMBER_ROOM`:
        # ReportLab draws the page number after the entry's last line and shrinks it to fit
        # what room is left, so a title filling the line lost its page number.
        toc_levels=(
            _style("toc0", fontName=sans_bold, fontSize=10.5, leading=14, leftIndent=0,
                   firstLineIndent=0, spaceBefore=6, rightIndent=TOC_NUMBER_ROOM),
            _style("toc1", fontSize=10, leading=13.5, leftIndent=14, firstLineIndent=0,
                   rightIndent=TOC_NUMBER_ROOM),
        ),
        look=lk,
    )


def continued(style: ParagraphStyle, *, first: bool, last: bool) -> ParagraphStyle:
    """Return `style` for one piece of a paragraph split for layout: no gaps between pieces."""
    if first and last:
        return style
    return _continued(style, first, last)


@cache
def _continued(style: ParagraphStyle, first: bool, last: bool) -> ParagraphStyle:
    return ParagraphStyle(
        f"{style.name}-{int(first)}{int(last)}", parent=style,
        spaceBefore=style.spaceBefore if first else 0,
        spaceAfter=style.spaceAfter if last else 0,
        firstLineIndent=style.firstLineIndent if first else 0,
    )


@cache
def unkept(style: ParagraphStyle) -> ParagraphStyle:
    """Return `style` without keep-with-next (for a heading too long to be kept with anything)."""
    return ParagraphStyle(f"{style.name}-unkept", parent=style, keepWithNext=0)
