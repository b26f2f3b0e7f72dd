"""The deck's shape: its slide size and where each slide layout puts title and body.

Both the PPTX deck and the handouts lay every slide out with `paginate.layout_slide`; they must
do so with the same shape, or the handouts would show a different number of slides, split
differently, from the deck they print. The shape is the built-in 16:9 one, or, with
`--pptx-template`, the template's slide size and the title and body placeholders of the layouts
the deck uses ("Title Slide", "Title and Content", "Section Header", found by name, else by their
placeholder types).

python-pptx is imported only to read a template, through its public API, so a writer that needs
just the built-in shape does not pay for it.
"""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from ...errors import ConfigError, LimitError, SourceError
from ...options import RenderOptions
from .template_look import TemplateColors, template_colors

SLIDE_WIDTH = 960.0
"""16:9 deck width in points (13.333 in)."""
SLIDE_HEIGHT = 540.0
"""16:9 deck height in points (7.5 in)."""
EMU_PER_PT = 12700

# --- boxes -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rect:
    """A box in points from the slide's top-left corner."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class Geometry:
    """Where a layout puts its title and its body."""

    title: Rect
    body: Rect
    title_sizes: tuple[float, float]
    """Largest and floor title size."""
    body_sizes: tuple[float, float]
    """Largest and floor body size."""
    title_anchor: Literal["top", "middle", "bottom"] = "bottom"


def default_geometry(layout: str) -> Geometry:
    """Return the built-in deck's geometry for a slide layout (`title`, `section`, `content`)."""
    if layout == "title":
        return Geometry(title=Rect(64, 118, 832, 190), body=Rect(64, 332, 832, 150),
                        title_sizes=(44, 24), body_sizes=(24, 14))
    if layout == "section":
        return Geometry(title=Rect(64, 150, 832, 150), body=Rect(64, 324, 832, 150),
                        title_sizes=(40, 24), body_sizes=(22, 14))
    return Geometry(title=Rect(48, 26, 864, 76), body=Rect(48, 124, 864, 368),
                    title_sizes=(34, 22), body_sizes=(24, 14))



# --- the deck's shape ----------------------------------------------------------------------


LAYOUT_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title slide",),
    "section": ("section header", "section title", "section"),
    "content": ("title and content", "title and body", "title, content", "content"),
}
"""Layout names tried first (case-insensitive), per slide layout of the block document."""


def kind_of(layout: str) -> str:
    """Return the deck layout (a key of `LAYOUT_NAMES`) that draws slides of `layout`."""
    return layout if layout in LAYOUT_NAMES else "content"


@dataclass(frozen=True, slots=True)
class DeckShape:
    """A deck's slide size (points) and, per layout kind, where title and body go."""

    width: float
    height: float
    builtin: bool
    """True for the built-in deck (no `--pptx-template`): its navy bands and footer apply."""
    geometries: Mapping[str, Geometry]
    """Geometry per key of `LAYOUT_NAMES`."""
    colors: TemplateColors | None = None
    """A template's own colours (`template_look`), which the handouts draw its slides in."""

    def geometry(self, layout: str) -> Geometry:
        """Return where slides of `layout` put their title and body."""
        return self.geometries[kind_of(layout)]


BUILTIN = DeckShape(SLIDE_WIDTH, SLIDE_HEIGHT, True,
                    MappingProxyType({kind: default_geometry(kind) for kind in LAYOUT_NAMES}))
"""The built-in 16:9 deck."""


def deck_shape(options: RenderOptions) -> DeckShape:
    """Return the shape of the deck `options` make: the built-in one or the template's.

    A missing or unreadable template is a one-line `ConfigError`.
    """
    if options.pptx_template is None:
        return BUILTIN
    return _template_shape(*template_identity(options.pptx_template))


def template_identity(path: str) -> tuple[str, int, int]:
    """Return what a template is cached under: its path, size and modification time, so a
    process reads a template once per article run, and again only once it is edited."""
    if not Path(path).is_file():
        raise ConfigError(f"--pptx-template {path}: no such file")
    stat = Path(path).stat()
    return path, stat.st_size, stat.st_mtime_ns


@functools.cache
def _template_shape(path: str, size: int, mtime_ns: int) -> DeckShape:
    del size, mtime_ns  # the cache key only
    return shape_of(open_presentation(path))


def shape_of(prs: Any) -> DeckShape:
    """Return the shape of a user's template `prs` (as `open_presentation` returns it)."""
    width = prs.slide_width / EMU_PER_PT
    height = prs.slide_height / EMU_PER_PT
    geometries = {kind: _template_geometry(choose_layout(prs, kind), kind, width, height)
                  for kind in LAYOUT_NAMES}
    return DeckShape(width, height, False, MappingProxyType(geometries), template_colors(prs))


def _template_geometry(layout: Any, kind: str, width: float, height: float) -> Geometry:
    """Return the template layout's title and body boxes, with the built-in type sizes.

    A layout without a title or body placeholder gets a box where one usually is.
    """
    base = default_geometry(kind)
    title = placeholder_rect(placeholder(layout.placeholders, title_types()))
    body = placeholder_rect(placeholder(layout.placeholders, body_types()))
    margin = width * 0.05
    if title is None:
        title = Rect(margin, height * 0.04, width - 2 * margin, height * 0.16)
    if body is None:
        top = title.y + title.h + 12
        body = Rect(title.x, top, title.w, max(height * 0.92 - top, 36))
    return Geometry(title=title, body=body, title_sizes=base.title_sizes,
                    body_sizes=base.body_sizes, title_anchor=base.title_anchor)


# --- reading a template ------------------------------------------------------------------------


def open_presentation(path: str) -> Any:
    """Return the template at `path` as python-pptx reads it (to be read, never changed).

    Raises a one-line `ConfigError` when `path` is missing, not a PowerPoint file, or has no
    slide layouts.
    """
    from lxml import etree
    from pptx import Presentation
    from pptx.exc import InvalidXmlError, PackageNotFoundError

    if not Path(path).is_file():
        raise ConfigError(f"--pptx-template {path}: no such file")
    data = template_bytes(path)
    try:
        prs = Presentation(io.BytesIO(data))
    except (PackageNotFoundError, InvalidXmlError, zipfile.BadZipFile, KeyError, ValueError,
            etree.XMLSyntaxError) as exc:
        raise ConfigError(f"--pptx-template {path}: not a PowerPoint file ({exc})") from exc
    if not prs.slide_layouts:
        raise ConfigError(f"--pptx-template {path}: the template has no slide layouts")
    return prs


def template_bytes(path: str) -> bytes:
    """Return the template's bytes once its archive passes the DOCX reader's limits.

    A template is a ZIP archive like a DOCX, and every part of it is copied into every deck:
    a 0.6 MB template inflating a 600 MB part cost 1.25 GB and made every deck 600 MB.
    """
    from ...readers import ReadLimits, read_bytes
    from ...readers.archive import open_zip

    limits = ReadLimits()
    try:
        data = read_bytes(Path(path), path, limits)
        open_zip(data, path, limits).close()
    except LimitError:
        raise
    except SourceError as exc:
        raise ConfigError(f"--pptx-template {path}: not a PowerPoint file ({exc})") from exc
    return data


@functools.cache
def title_types() -> tuple[Any, ...]:
    """Placeholder types that hold a slide's title."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    return (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)


@functools.cache
def body_types() -> tuple[Any, ...]:
    """Placeholder types that hold a slide's body."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    return (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)


def choose_layout(prs: Any, kind: str) -> Any:
    """Return the layout for `kind`: by name first, then by the placeholders it offers."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    layouts = list(prs.slide_layouts)
    for wanted in LAYOUT_NAMES[kind]:
        for layout in layouts:
            if " ".join(layout.name.lower().split()) == wanted:
                return layout

    def types(layout: Any) -> set[Any]:
        return {ph.placeholder_format.type for ph in layout.placeholders}

    def has_title(layout: Any) -> bool:
        return bool(types(layout) & set(title_types()))

    preferences: list[set[Any]]
    if kind == "title":
        preferences = [{PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE}]
    elif kind == "section":
        preferences = [{PP_PLACEHOLDER.BODY}]
    else:
        preferences = [{PP_PLACEHOLDER.OBJECT}, {PP_PLACEHOLDER.BODY}]
    for wanted_types in preferences:
        for layout in layouts:
            if has_title(layout) and wanted_types <= types(layout):
                return layout
    if kind != "content":
        return choose_layout(prs, "content")
    for layout in layouts:
        if has_title(layout) and types(layout) & set(body_types()):
            return layout
    for layout in layouts:
        if has_title(layout):
            return layout
    return layouts[0]


def placeholder(placeholders: Any, kinds: tuple[Any, ...]) -> Any:
    """Return the placeholder of one of the types `kinds` with the lowest index, or None."""
    found = [ph for ph in placeholders if ph.placeholder_format.type in kinds]
    return min(found, key=lambda ph: ph.placeholder_format.idx) if found else None


def placeholder_rect(shape: Any) -> Rect | None:
    """Return where `shape` is, in points, or None if it has no (inherited) position or size."""
    if shape is None:
        return None
    dims = (shape.left, shape.top, shape.width, shape.height)
    if any(d is None for d in dims) or shape.width <= 0 or shape.height <= 0:
        return None
    return Rect(*(d / EMU_PER_PT for d in dims))


__all__ = ["BUILTIN", "EMU_PER_PT", "LAYOUT_NAMES", "SLIDE_HEIGHT", "SLIDE_WIDTH", "DeckShape",
           "Geometry", "Rect", "deck_shape", "default_geometry", "open_presentation", "shape_of"]
