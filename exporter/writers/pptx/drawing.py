"""DrawingML and PresentationML as strings: text bodies, placeholders, text boxes, bars, tables.

Every function returns well-formed XML for one element, its text escaped here, so painting a
slide is concatenation: no XML tree is built, and a slide costs time in proportion to its text.
Everything that affects layout is explicit (insets, line spacing, sizes, indents, bullets), so
what is drawn is what `deck.paginate` measured; the typeface is not named, so runs use the theme's
fonts (Arial in the built-in deck, which is what the text is measured with).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Literal

from ...xmltext import escape, quoteattr
from ..deck.outline import Item, Run
from ..deck.paginate import CELL_MARGIN_X, CELL_MARGIN_Y, TableFrame
from ..deck.shape import EMU_PER_PT, Rect
from ..deck.wrap import PlacedItem
from .reference import Placeholder

NAMESPACES = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
              'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"
"""PowerPoint's built-in "Medium Style 2 - Accent 1", which every Office version knows by id."""
_DECORATIVE = ('<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
               '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/'
               'decorative" val="1"/></a:ext></a:extLst>')
"""Marks a shape decorative, so screen readers pass over it (PowerPoint's "Mark as decorative")."""

Anchor = Literal["t", "ctr", "b"]
Align = Literal["l", "ctr", "r"]
Link = Callable[[str], str]
"""Returns the relationship id of a hyperlink's target on the slide being painted."""

_CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F\uFFFE\uFFFF\uD800-\uDFFF]")


def text(value: str) -> str:
    """Return `value` escaped for an `a:t` element; characters XML cannot hold are written as
    OOXML's `_xHHHH_` escapes (as python-pptx does)."""
    return escape(_CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", value))


def emu(points: float) -> int:
    """Return `points` in EMU, rounded."""
    return round(points * EMU_PER_PT)


def centipoints(points: float) -> int:
    """Return `points` in hundredths of a point, truncated as python-pptx's `Pt` did."""
    return int(points * EMU_PER_PT) // 127


def xfrm(rect: Rect, tag: str = "a:xfrm") -> str:
    return (f'<{tag}><a:off x="{emu(rect.x)}" y="{emu(rect.y)}"/>'
            f'<a:ext cx="{emu(rect.w)}" cy="{emu(rect.h)}"/></{tag}>')


def fill(color: str | None) -> str:
    return f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>' if color else ""


# --- text --------------------------------------------------------------------------------------


def paragraphs(items: Sequence[PlacedItem], *, color: str | None, muted: str | None,
               link: Link, align: Align = "l") -> str:
    """Return one `a:p` per placed item: its runs (not its wrapped lines, so the renderer wraps
    them again) with exact line spacing, space before, indent and bullet."""
    out: list[str] = []
    for placed in items:
        item = placed.item
        indent = emu(placed.indent)
        hanging = item.kind in ("bullet", "number") and not item.continued
        if hanging and item.kind == "bullet":
            bullet = '<a:buFontTx/><a:buChar char="•"/>'
        elif hanging:
            bullet = f'<a:buAutoNum type="arabicPeriod" startAt="{item.number or 1}"/>'
        else:
            bullet = "<a:buNone/>"
        out.append(
            f'<a:p><a:pPr marL="{indent}" indent="{-indent if hanging else 0}" algn="{align}">'
            f'<a:lnSpc><a:spcPts val="{centipoints(placed.leading)}"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="{centipoints(placed.space_before)}"/></a:spcBef>'
            f'<a:spcAft><a:spcPts val="0"/></a:spcAft>{bullet}</a:pPr>')
        size = centipoints(placed.size)
        for run in item.runs:
            out.append(_run(run, size, muted if run.muted else color, link))
        # An empty paragraph still needs its size, or the renderer uses the template's.
        out.append(f'<a:endParaRPr sz="{size}"/></a:p>')
    return "".join(out)


def _run(run: Run, size: int, color: str | None, link: Link) -> str:
    # cap="none": templates may set all caps (the built-in section title does), which would
    # draw wider text than was measured.
    props = (f'<a:rPr sz="{size}" b="{int(run.bold)}" i="{int(run.italic)}" cap="none">'
             f"{fill(color)}")
    if run.href:
        props += f'<a:hlinkClick r:id="{link(run.href)}"/>'
    props += "</a:rPr>"
    return "<a:br/>".join(f"<a:r>{props}<a:t>{text(part)}</a:t></a:r>" if part else ""
                          for part in run.text.split("\n"))


def body(content: str, anchor: Anchor, tag: str = "p:txBody") -> str:
    """Return a text body with no insets, no autofit and word wrap: laid out as measured."""
    return (f'<{tag}><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
            f'anchor="{anchor}"><a:noAutofit/></a:bodyPr><a:lstStyle/>{content}</{tag}>')


# --- shapes ------------------------------------------------------------------------------------


def _nv(shape_id: int, name: str, *, decorative: bool = False, descr: str = "") -> str:
    alt = f" descr={quoteattr(descr)}" if descr else ""
    inner = _DECORATIVE if decorative else ""
    return f"<p:cNvPr id=\"{shape_id}\" name={quoteattr(name)}{alt}>{inner}</p:cNvPr>"


def placeholder(shape_id: int, ph: Placeholder, rect: Rect | None, content: str) -> str:
    """Return a slide placeholder filling the layout's `ph` (at `rect`, else where the layout
    puts it) with the text body `content`."""
    attrs = "".join(f" {key}={quoteattr(value)}" for key, value in ph.attrs)
    return (f'<p:sp><p:nvSpPr>{_nv(shape_id, ph.name)}<p:cNvSpPr><a:spLocks noGrp="1"/>'
            f"</p:cNvSpPr><p:nvPr><p:ph{attrs}/></p:nvPr></p:nvSpPr>"
            f"<p:spPr>{xfrm(rect) if rect else ''}</p:spPr>{content}</p:sp>")


def textbox(shape_id: int, name: str, rect: Rect, content: str, *,
            decorative: bool = False) -> str:
    """Return a text box at `rect` holding the text body `content`."""
    return (f'<p:sp><p:nvSpPr>{_nv(shape_id, name, decorative=decorative)}'
            f'<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>{xfrm(rect)}'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
            f"{content}</p:sp>")


def bar(shape_id: int, rect: Rect, color: str) -> str:
    """Return a filled rectangle with no outline, marked decorative."""
    return (f"<p:sp><p:nvSpPr>{_nv(shape_id, f'Decoration {shape_id}', decorative=True)}"
            f"<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>{xfrm(rect)}"
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill(color)}'
            f"<a:ln><a:noFill/></a:ln></p:spPr></p:sp>")


def picture(shape_id: int, rect: Rect, rid: str, alt: str) -> str:
    """Return a picture of the image related as `rid`, described by `alt` (the brand logo)."""
    return (f"<p:pic><p:nvPicPr>{_nv(shape_id, 'Logo', descr=alt)}"
            '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
            f'</p:blipFill><p:spPr>{xfrm(rect)}<a:prstGeom prst="rect"><a:avLst/>'
            "</a:prstGeom></p:spPr></p:pic>")


def table(shape_id: int, frame: TableFrame, *, ink: str | None, muted: str | None,
          header_fill: str | None, header_ink: str, band_fill: str | None, plain_fill: str,
          link: Link) -> str:
    """Return a measured table as a PowerPoint table; a header row is marked as one
    (`firstRow`), so it reads as column headers."""
    first = ' firstRow="1"' if frame.header else ""
    band = "" if frame.key_column else ' bandRow="1"'
    out = [f"<p:graphicFrame><p:nvGraphicFramePr>{_nv(shape_id, f'Table {shape_id}')}"
           '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr>'
           f"<p:nvPr/></p:nvGraphicFramePr>{xfrm(frame.rect, 'p:xfrm')}"
           '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/'
           f'table"><a:tbl><a:tblPr{first}{band}><a:tableStyleId>{TABLE_STYLE}'
           "</a:tableStyleId></a:tblPr><a:tblGrid>"]
    out += [f'<a:gridCol w="{emu(width)}"/>' for width in frame.widths]
    out.append("</a:tblGrid>")
    margins = (f'marL="{emu(CELL_MARGIN_X)}" marR="{emu(CELL_MARGIN_X)}" '
               f'marT="{emu(CELL_MARGIN_Y)}" marB="{emu(CELL_MARGIN_Y)}" anchor="t"')
    for r, (cells, height) in enumerate(zip(frame.rows, frame.heights, strict=True)):
        out.append(f'<a:tr h="{emu(height)}">')
        header = frame.header and r == 0
        for c, cell in enumerate(cells):
            runs = tuple(run for line in cell.lines for run in line.runs)
            key = frame.key_column and c == 0
            if key:
                runs = tuple(Run(run.text, bold=True, italic=run.italic, muted=run.muted,
                                 href=run.href) for run in runs)
            color, cell_fill = ink, None
            if header and header_fill is not None:
                color, cell_fill = header_ink, header_fill
            elif band_fill is not None:
                banded = (r - (1 if frame.header else 0)) % 2 == 0
                cell_fill = band_fill if banded or key else plain_fill
            placed = PlacedItem(item=Item("para", runs), size=frame.size, lines=cell.lines,
                                indent=0.0, space_before=0.0)
            content = paragraphs((placed,), color=color, muted=muted, link=link)
            out.append(f'<a:tc><a:txBody><a:bodyPr wrap="square"/><a:lstStyle/>{content}'
                       f"</a:txBody><a:tcPr {margins}>{fill(cell_fill)}</a:tcPr></a:tc>")
        out.append("</a:tr>")
    out.append("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")
    return "".join(out)


__all__ = ["NAMESPACES", "bar", "body", "centipoints", "emu", "fill", "paragraphs",
           "placeholder", "table", "text", "textbox", "xfrm"]
