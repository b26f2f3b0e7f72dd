"""The deck's look: its colours, and the bands and rules drawn on each kind of slide.

Read from the theme (`exporter.theme`, roles deck-*, sizes in `Theme.decoration`) and painted by
both the PPTX writer and the handouts, so a miniature shows the slide as the deck draws it.
Colours are hex RGB strings. A `--pptx-template` deck keeps the template's colours (`user`
leaves them unset) and draws no decoration of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...theme import Decoration, Theme, theme_of
from .shape import Rect, default_geometry


@dataclass(frozen=True, slots=True)
class Palette:
    """Colours of a deck's text and tables (None: leave to the template)."""

    ink: str | None
    muted: str | None
    title: str | None
    dark_title: str | None
    """Title colour on a dark (title, section) slide."""
    dark_body: str | None
    header_fill: str | None
    band_fill: str | None


@dataclass(frozen=True, slots=True)
class Look:
    """Everything the deck's painters draw with, from one theme."""

    builtin: Palette
    """Text and table colours of the built-in deck."""
    user: Palette
    """Those of a template's deck: only what a template has no say in (muted runs)."""
    accent: str
    """Dark slides' background, the side bar, table header rows."""
    band: str
    rule: str
    marking: str
    light: str
    """White: text on dark slides, table header text, plain cells."""
    frame: str
    """The thin frame the handouts draw round each miniature."""
    plain_header: str
    """A table's header row on a template's slide (handouts), whose table style is unknown."""
    sizes: Decoration
    fonts: tuple[str, str] | None
    """(headings, body) typefaces the deck's theme names; None keeps the reference deck's."""


@cache
def look(theme: Theme | None) -> Look:
    """Return the deck look of `theme` (None: the built-in one)."""
    t = theme_of(theme)
    accent, light, muted = t.hex("deck-accent"), t.hex("deck-light"), t.hex("deck-muted")
    return Look(
        builtin=Palette(ink=t.hex("deck-ink"), muted=muted, title=t.hex("deck-title"),
                        dark_title=light, dark_body=t.hex("deck-dark-body"),
                        header_fill=accent, band_fill=t.hex("deck-band-fill")),
        user=Palette(ink=None, muted=muted, title=None, dark_title=None, dark_body=None,
                     header_fill=None, band_fill=None),
        accent=accent, band=t.hex("deck-band"), rule=t.hex("deck-rule"),
        marking=t.hex("deck-marking"), light=light, frame=t.hex("deck-frame"),
        plain_header=t.hex("deck-plain-header"), sizes=t.decoration, fonts=t.deck_fonts)


@dataclass(frozen=True, slots=True)
class Bar:
    """A filled rectangle of decoration."""

    rect: Rect
    color: str


def dark(kind: str) -> bool:
    """Return whether the built-in deck draws `kind` slides light on the accent colour."""
    return kind in ("title", "section")


def background(kind: str, lk: Look) -> str | None:
    """Return the built-in deck's background colour for `kind` slides (None: the master's)."""
    return lk.accent if dark(kind) else None


def bars(kind: str, width: float, height: float, lk: Look) -> tuple[Bar, ...]:
    """Return the built-in deck's bands and rules on a `kind` slide of `width` × `height` pt."""
    size = lk.sizes
    if dark(kind):
        geo = default_geometry(kind)
        return (Bar(Rect(geo.title.x, geo.body.y - 14, size.accent_w, 4), lk.band),
                Bar(Rect(0, height - size.band, width, size.band), lk.band))
    geo = default_geometry("content")
    rule_y = geo.title.y + geo.title.h + 8
    return (Bar(Rect(geo.title.x, rule_y, geo.title.w, 1.5), lk.rule),
            Bar(Rect(geo.title.x, rule_y - 1, size.rule_accent_w, 3.5), lk.band),
            Bar(Rect(0, 0, size.side_bar, height), lk.accent))


def marking_tops(height: float, line: float, lk: Look) -> tuple[float, float]:
    """Return the tops of the marking's two lines (slide top, slide bottom), `line` pt high."""
    return lk.sizes.marking_top, height - line - lk.sizes.marking_rise


def logo_rect(width: float, aspect: float, lk: Look) -> Rect:
    """Return where the brand's logo goes on a title slide `width` pt wide: the top right
    corner. `aspect` is the logo's width over its height."""
    height = lk.sizes.logo_height
    margin = lk.sizes.footer_margin
    return Rect(width - margin - height * aspect, margin * 0.75, height * aspect, height)


__all__ = ["Bar", "Look", "Palette", "background", "bars", "dark", "logo_rect", "look",
           "marking_tops"]
