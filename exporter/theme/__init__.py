"""The look of every output: colours, fonts, logo and decoration sizes, in one place.

A `Theme` is made from a brand.yml file (`brand.load_brand`): the built-in look is itself one
(`builtin.yml` beside this module), so a writer holds no colour or typeface of its own and
reads them here by role (`Theme.hex("pdf-heading")`). The build layer reads a user's brand file
and its logo and font files, and hands the theme, bytes included, to the writers in
`RenderOptions.theme`; writers never read files.

Roles a user's brand does not name in its palette are derived from its `primary`, `secondary`
and `foreground` colours and its heading colour (`ROLES`): an accent role takes the primary,
a light fill a tint of it; a role with no source keeps the built-in value (greys, the marking's
red). A brand that gives no colours at all changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Literal

Source = Literal["primary", "secondary", "foreground", "heading"]

ROLES: dict[str, tuple[Source | None, float]] = {
    # role: (the brand colour it follows, how far it is mixed towards white)
    "pdf-heading": ("heading", 0.0),
    "pdf-ink": ("foreground", 0.0),
    "pdf-muted": (None, 0.0),
    "pdf-rule": (None, 0.0),
    "pdf-panel": ("primary", 0.92),
    "pdf-zebra": ("primary", 0.95),
    "pdf-link": ("primary", 0.0),
    "pdf-marking": (None, 0.0),
    "docx-ink": ("foreground", 0.0),
    "docx-accent": ("heading", 0.0),
    "docx-muted": (None, 0.0),
    "docx-link": ("primary", 0.0),
    "docx-rule": (None, 0.0),
    "docx-header-fill": ("primary", 0.82),
    "docx-key-fill": ("primary", 0.92),
    "docx-box-fill": ("primary", 0.94),
    "docx-band-fill": ("primary", 0.96),
    "docx-marking": (None, 0.0),
    "deck-accent": ("primary", 0.0),
    "deck-title": ("heading", 0.0),
    "deck-band": ("secondary", 0.0),
    "deck-rule": (None, 0.0),
    "deck-marking": (None, 0.0),
    "deck-light": (None, 0.0),
    "deck-ink": ("foreground", 0.0),
    "deck-muted": (None, 0.0),
    "deck-dark-body": ("primary", 0.82),
    "deck-band-fill": ("primary", 0.92),
    "deck-frame": (None, 0.0),
    "deck-plain-header": (None, 0.0),
}
"""Every colour role a writer draws with."""


@dataclass(frozen=True, slots=True)
class FontFace:
    """One font file of a brand family (TrueType or OpenType with TrueType outlines)."""

    family: str
    bold: bool
    italic: bool
    data: bytes


@dataclass(frozen=True, slots=True)
class Logo:
    """The brand's logo: PNG or JPEG bytes and their size in pixels."""

    data: bytes
    mime: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True, slots=True)
class Decoration:
    """Sizes of the deck's decorations, in points (drawn by the PPTX writer and handouts)."""

    band: float = 6.0
    """Height of the band along the bottom of title and section slides."""
    side_bar: float = 10.0
    """Width of the bar down the left of content slides."""
    accent_w: float = 96.0
    """Width of the short bar above a title slide's subtitle."""
    rule_accent_w: float = 72.0
    """Width of the thick stretch of a content slide's title rule."""
    footer_size: float = 10.0
    footer_rise: float = 36.0
    """Distance of the footer's top from the slide's bottom edge."""
    footer_margin: float = 48.0
    marking_size: float = 11.0
    marking_top: float = 3.0
    """Distance of the top marking from the slide's top edge."""
    marking_rise: float = 8.0
    """Distance of the bottom marking's box from the slide's bottom edge."""
    logo_height: float = 54.0
    """Height of the brand's logo on a title slide."""


@dataclass(frozen=True, slots=True, eq=False)
class Theme:
    """Everything a writer needs to know about the look of its output."""

    name: str
    colors: tuple[tuple[str, str], ...]
    """(role, RRGGBB) for every role in `ROLES`."""
    office_body: str = "Calibri"
    """Typeface Word documents name for running text."""
    office_heading: str = "Calibri"
    deck_fonts: tuple[str, str] | None = None
    """(headings, body) typefaces a deck's theme names; None leaves the reference deck's."""
    body_faces: tuple[FontFace, ...] = ()
    """Brand font files embedded in PDFs for running text (empty: the shipped DejaVu Serif)."""
    heading_faces: tuple[FontFace, ...] = ()
    """Brand font files for headings and labels (empty: the shipped DejaVu Sans)."""
    logo: Logo | None = None
    decoration: Decoration = field(default_factory=Decoration)
    builtin: bool = True
    digest: str = "builtin"
    """A hash of the brand file and every file it names: the theme's identity (cache keys)."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Theme) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def hex(self, role: str) -> str:
        """Return the colour of `role` as RRGGBB (no '#')."""
        return _lookup(self)[role]


@cache
def _table(colors: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return dict(colors)


def _lookup(theme: Theme) -> dict[str, str]:
    return _table(theme.colors)


def tint(hex_color: str, amount: float) -> str:
    """Return `hex_color` mixed `amount` (0-1) of the way towards white, as RRGGBB."""
    channels = [int(hex_color[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)


def derive_colors(base: dict[str, str], named: dict[str, str],
                  sources: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Return every role's colour: named in the brand's palette, else derived, else `base`'s.

    `sources` maps "primary", "secondary", "foreground" and "heading" to RRGGBB where the brand
    gives them (the heading colour falls back to the primary).
    """
    if "heading" not in sources and "primary" in sources:
        sources = {**sources, "heading": sources["primary"]}
    out = []
    for role, (source, amount) in ROLES.items():
        if role in named:
            value = named[role]
        elif source is not None and source in sources:
            value = tint(sources[source], amount) if amount else sources[source]
        else:
            value = base[role]
        out.append((role, value))
    return tuple(out)


@cache
def builtin() -> Theme:
    """Return the built-in theme, read from the shipped `builtin.yml` once per process."""
    from .brand import load_builtin

    return load_builtin()


def theme_of(theme: Theme | None) -> Theme:
    """Return `theme`, or the built-in one when None."""
    return builtin() if theme is None else theme


__all__ = ["ROLES", "Decoration", "FontFace", "Logo", "Theme", "builtin", "derive_colors",
           "theme_of", "tint"]
