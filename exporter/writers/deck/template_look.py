"""A `--pptx-template`'s own colours, read from its slide master and theme, for the handouts.

The PPTX deck leaves a template's colours to the template (its runs name none); the handouts
draw the slides themselves, so they need the colours the template would show: the master's
title and body text colours and its background, each a scheme colour mapped through the
master's colour map to the theme's colour scheme (or given outright), and the theme's first
accent for table header rows. What cannot be read is None: the handouts then keep their plain
look for it. Read through python-pptx's public API (the master's element and related parts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
RT_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


@dataclass(frozen=True, slots=True)
class TemplateColors:
    """RRGGBB colours of a template's slides (None: not found)."""

    title: str | None = None
    body: str | None = None
    background: str | None = None
    accent: str | None = None


def template_colors(prs: Any) -> TemplateColors:
    """Return the colours of `prs`'s first slide master (as `shape.open_presentation` opens it)."""
    try:
        master = prs.slide_masters[0]
        theme = etree.fromstring(master.part.part_related_by(RT_THEME).blob)
    except (IndexError, KeyError, etree.XMLSyntaxError):
        return TemplateColors()
    element = master.element
    scheme = theme.find(f".//{{{A}}}clrScheme")
    colour_map = element.find(f"{{{P}}}clrMap")
    mapping = dict(colour_map.attrib) if colour_map is not None else {}

    def scheme_colour(name: str) -> str | None:
        name = mapping.get(name, name)
        slot = scheme.find(f"{{{A}}}{name}") if scheme is not None else None
        if slot is None:
            return None
        for child in slot:
            value = child.get("val") if etree.QName(child).localname == "srgbClr" \
                else child.get("lastClr")
            if value:
                return str(value).upper()
        return None

    def fill(parent: Any) -> str | None:
        if parent is None:
            return None
        solid = parent.find(f"{{{A}}}solidFill")
        if solid is None:
            return None
        for child in solid:
            kind = etree.QName(child).localname
            if kind == "srgbClr":
                return str(child.get("val")).upper()
            if kind == "schemeClr":
                return scheme_colour(str(child.get("val")))
        return None

    def text_colour(style: str) -> str | None:
        run = element.find(f"{{{P}}}txStyles/{{{P}}}{style}/{{{A}}}lvl1pPr/{{{A}}}defRPr")
        return fill(run)

    background = fill(element.find(f"{{{P}}}cSld/{{{P}}}bg/{{{P}}}bgPr"))
    if background is None:
        reference = element.find(f"{{{P}}}cSld/{{{P}}}bg/{{{P}}}bgRef/{{{A}}}schemeClr")
        background = scheme_colour(str(reference.get("val"))) if reference is not None \
            else scheme_colour("bg1")
    return TemplateColors(title=text_colour("titleStyle"), body=text_colour("bodyStyle"),
                          background=background, accent=scheme_colour("accent1"))


__all__ = ["TemplateColors", "template_colors"]
