"""The built-in deck's look: its colours, and the bands and rules drawn on each kind of slide.

Colours are hex RGB strings. A `--pptx-template` deck keeps the template's colours (`USER`
leaves them unset) and draws no decoration of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from .shape import Rect, default_geometry

NAVY = "142F4F"
GOLD = "C9A227"
RULE = "D0D7E1"
MARKING = "B00020"
WHITE = "FFFFFF"


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


BUILTIN = Palette(ink="1F2937", muted="6B7280", title=NAVY, dark_title=WHITE, dark_body="D6E2F0",
                  header_fill=NAVY, band_fill="EEF2F7")
USER = Palette(ink=None, muted="6B7280", title=None, dark_title=None, dark_body=None,
               header_fill=None, band_fill=None)


@dataclass(frozen=True, slots=True)
class Bar:
    """A filled rectangle of decoration."""

    rect: Rect
    color: str


def dark(kind: str) -> bool:
    """Return whether the built-in deck draws `kind` slides light on navy."""
    return kind in ("title", "section")


def background(kind: str) -> str | None:
    """Return the built-in deck's background colour for `kind` slides (None: the master's)."""
    return NAVY if dark(kind) else None


def bars(kind: str, width: float, height: float) -> tuple[Bar, ...]:
    """Return the built-in deck's bands and rules on a `kind` slide of `width` × `height` pt."""
    if dark(kind):
        geo = default_geometry(kind)
        return (Bar(Rect(geo.title.x, geo.body.y - 14, 96, 4), GOLD),
                Bar(Rect(0, height - 6, width, 6), GOLD))
    geo = default_geometry("content")
    rule_y = geo.title.y + geo.title.h + 8
    return (Bar(Rect(geo.title.x, rule_y, geo.title.w, 1.5), RULE),
            Bar(Rect(geo.title.x, rule_y - 1, 72, 3.5), GOLD),
            Bar(Rect(0, 0, 10, height), NAVY))


FOOTER_SIZE = 10.0
"""Type size of the built-in footer (running title, "n / total")."""
FOOTER_RISE = 36.0
"""Distance of the footer's top from the slide's bottom edge."""
FOOTER_MARGIN = 48.0
MARKING_SIZE = 11.0


__all__ = ["BUILTIN", "FOOTER_MARGIN", "FOOTER_RISE", "FOOTER_SIZE", "GOLD", "MARKING",
           "MARKING_SIZE", "NAVY", "RULE", "USER", "WHITE", "Bar", "Palette", "background", "bars",
           "dark"]
