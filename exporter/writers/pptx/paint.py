"""A laid-out page painted as a slide part, its notes part and their relationships (XML bytes).

Shapes go in reading order, which is also their drawing order: the title first (always a title
placeholder, so every slide has a title a screen reader and the outline view find), then the
body, the footer and the marking, and the built-in deck's bands last, marked decorative (none of
them overlaps text, so drawing them on top changes nothing seen).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, replace

from ...blocks import Document, Slide
from ...options import RenderOptions
from ...xmltext import quoteattr
from ..deck import decor
from ..deck.metrics import CONSERVATIVE
from ..deck.outline import Run, inline_text, slide_text
from ..deck.paginate import ImageFrame, Page, TableFrame, TextFrame, fit_title, page_notes
from ..deck.shape import Rect, kind_of
from ..deck.wrap import LEADING
from ..images import Picture, picture
from ..ooxml.parts import RT, Relationships, relative
from . import drawing
from .drawing import Align, Anchor
from .reference import Placeholder, Reference

SLIDE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
NOTES_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"
_TITLE = Placeholder(name="Title", attrs=(("type", "title"),), type="title")
"""The title placeholder of a slide whose layout has none (the master's title styles it)."""


@dataclass(frozen=True, slots=True)
class Painted:
    """One slide's parts. The slide's XML is `head` + the slide total + `tail` when the footer
    shows the total (known only when every slide is painted), else `head` alone."""

    head: bytes
    tail: bytes | None
    rels: bytes
    notes: bytes
    notes_rels: bytes


def slide_member(reference: Reference, number: int) -> str:
    return posixpath.join(posixpath.dirname(reference.presentation), "slides",
                          f"slide{number}.xml")


def notes_member(reference: Reference, number: int) -> str:
    return posixpath.join(posixpath.dirname(reference.presentation), "notesSlides",
                          f"notesSlide{number}.xml")


class Painter:
    """Paints pages of one deck: the reference's layouts, and the built-in look without a
    template."""

    def __init__(self, doc: Document, options: RenderOptions, reference: Reference, *,
                 least_total: int = 1) -> None:
        self.doc = doc
        self.options = options
        self.reference = reference
        self.shape = reference.shape
        self.builtin = reference.shape.builtin
        self.look = decor.look(options.theme)
        self.palette = self.look.builtin if self.builtin else self.look.user
        self.least_total = least_total
        """A lower bound of the slide total: the footer reserves room for as many digits."""
        self.media: dict[str, Picture] = {}
        """Package member -> picture, for every `<image>` a slide showed."""
        self._notes_of: tuple[Slide, str] | None = None
        """The slide last painted and its notes."""

    def paint(self, slide: Slide, page: Page, number: int) -> Painted:
        """Return page `number` of the deck as its slide and notes parts."""
        kind = kind_of(page.layout)
        layout = self.reference.layouts[kind]
        member = slide_member(self.reference, number)
        rels = Relationships()
        rels.add(RT + "slideLayout", relative(member, layout.member))
        rels.add(RT + "notesSlide", relative(member, notes_member(self.reference, number)))
        links: dict[str, str] = {}

        def link(href: str) -> str:
            if href not in links:
                links[href] = rels.add(RT + "hyperlink", href, external=True)
            return links[href]

        dark = self.builtin and decor.dark(kind)
        palette = self.palette
        shapes: list[str] = []

        def next_id() -> int:
            return len(shapes) + 2

        title_color = palette.dark_title if dark else palette.title
        shapes.append(drawing.placeholder(
            next_id(), layout.title or _TITLE, page.title.rect,
            self._body(page.title, "b", title_color, link)))
        body_color = palette.dark_body if dark else palette.ink
        free_body = layout.body
        """The layout's body placeholder until the first text frame fills it."""
        for frame in page.body:
            if isinstance(frame, ImageFrame):
                found = picture(frame.src, self.options)
                target = media_member(frame.src, found.mime)
                self.media[target] = found
                rid = rels.add(RT + "image", relative(member, target))
                shapes.append(drawing.picture(next_id(), frame.rect, rid, frame.alt))
                continue
            if isinstance(frame, TableFrame):
                shapes.append(drawing.table(
                    next_id(), frame, ink=palette.ink, muted=palette.muted,
                    header_fill=palette.header_fill, header_ink=self.look.light,
                    band_fill=palette.band_fill, plain_fill=self.look.light, link=link))
                continue
            if free_body is not None:
                placeholder, free_body = free_body, None
                rect = frame.rect
                anchor: Anchor = "t"
                # The placeholder spans the whole body area when it holds all the text.
                if len(page.body) == 1 and isinstance(frame, TextFrame):
                    rect = self.shape.geometry(page.layout).body
                    if all(p.item.kind in ("quote", "attribution") for p in frame.items):
                        anchor = "ctr"  # a quotation stands in the middle
                shapes.append(drawing.placeholder(next_id(), placeholder, rect,
                                                  self._body(frame, anchor, body_color, link)))
            else:
                shapes.append(drawing.textbox(next_id(), f"Text {next_id()}", frame.rect,
                                              self._body(frame, "t", body_color, link)))
        label: tuple[int, str, str] | None = None
        if self.builtin and kind == "content":
            label = self._footer(shapes, number, link)
        if self.options.classification:
            self._marking(shapes, self.options.classification, dark=dark, link=link)
        logo = self.options.theme.logo if self.options.theme else None
        if logo is not None and kind == "title":
            rid = rels.add(RT + "image", relative(member, logo_member(logo.mime)))
            rect = decor.logo_rect(self.shape.width, logo.width / logo.height, self.look)
            shapes.append(drawing.picture(next_id(), rect, rid, logo.alt))
        if self.builtin:
            shapes.extend(drawing.bar(next_id(), bar.rect, bar.color)
                          for bar in decor.bars(kind, self.shape.width, self.shape.height,
                                                self.look))
        background = decor.background(kind, self.look) if self.builtin else None
        bg = (f"<p:bg><p:bgPr>{drawing.fill(background)}<a:effectLst/></p:bgPr></p:bg>"
              if background else "")
        head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f"<p:sld {drawing.NAMESPACES}><p:cSld>{bg}<p:spTree><p:nvGrpSpPr>"
                '<p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>')
        end = ("</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"
               "</p:sld>")
        if label is not None:
            at, before, after = label
            head_bytes = (head + "".join(shapes[:at]) + before).encode()
            tail: bytes | None = (after + "".join(shapes[at + 1:]) + end).encode()
        else:
            head_bytes, tail = (head + "".join(shapes) + end).encode(), None
        if self._notes_of is None or self._notes_of[0] is not slide:
            # Once per slide, not per page: a long slide continues over many pages.
            self._notes_of = (slide, inline_text(slide.notes).strip() or slide_text(slide))
        return Painted(head=head_bytes, tail=tail, rels=rels.xml(),
                       notes=self._notes(page_notes(slide, page, self._notes_of[1])),
                       notes_rels=self._notes_rels(number))

    # --- pieces ---------------------------------------------------------------------------------

    def _body(self, frame: TextFrame, anchor: Anchor, color: str | None, link: drawing.Link,
              align: Align = "l") -> str:
        return drawing.body(drawing.paragraphs(frame.items, color=color,
                                               muted=self.palette.muted, link=link,
                                               align=align), anchor)

    def _footer(self, shapes: list[str], number: int,
                link: drawing.Link) -> tuple[int, str, str] | None:
        """Add the running title and "number / total" along the bottom; return where the label
        is in `shapes` and its XML split where the total goes, or None if it was cut to fit.

        The total is not known yet: the label is measured with the widest digits for a total of
        as many digits as the slide count before splitting (a lower bound, and the total's own
        digit count unless continuations carry it past a power of ten). An extra digit or two
        still fits the label box's 16 pt of slack.
        """
        sizes = self.look.sizes
        size = sizes.footer_size
        width, height = self.shape.width, self.shape.height
        y = height - sizes.footer_rise
        digits = max(len(str(self.least_total)), len(str(number)))
        label = f"{number} / {_widest_digit(size) * digits}"
        label_w = CONSERVATIVE.width(label, size, False) + 16
        right = Rect(width - sizes.footer_margin - label_w, y, label_w, size * LEADING)
        muted = self.palette.muted
        header = self.doc.meta.header or self.doc.meta.title
        if header:
            rect = Rect(sizes.footer_margin, y, right.x - sizes.footer_margin - 24,
                        size * LEADING)
            frame = _plain(fit_title(header, rect, (size, size), CONSERVATIVE))
            shapes.append(drawing.textbox(len(shapes) + 2, "Running title", rect,
                                          self._body(frame, "t", muted, link)))
        frame = _plain(fit_title(label, right, (size, size), CONSERVATIVE))
        runs = [run for placed in frame.items for run in placed.item.runs]
        if len(runs) != 1 or runs[0].text != label:
            return None  # cut to fit (cannot happen at this width): nothing to fill in
        slot = "\ue000"  # stands where the total goes; this shape holds no article text
        frame = _with_text(frame, f"{number} / {slot}")
        shape = drawing.textbox(len(shapes) + 2, "Slide number", right,
                                self._body(frame, "t", muted, link, align="r"))
        shapes.append(shape)
        before, after = shape.split(slot)
        return len(shapes) - 1, before, after

    def _marking(self, shapes: list[str], marking: str, *, dark: bool,
                 link: drawing.Link) -> None:
        """Add the protective marking centred at the top and bottom of the slide."""
        size = self.look.sizes.marking_size
        color = self.look.light if dark else self.look.marking
        # Above the title and below the footer line, clear of both.
        for y in decor.marking_tops(self.shape.height, size * LEADING, self.look):
            rect = Rect(self.shape.width * 0.2, y, self.shape.width * 0.6, size * LEADING)
            frame = fit_title(marking, rect, (size, size), CONSERVATIVE)
            content = drawing.body(drawing.paragraphs(frame.items, color=color, muted=color,
                                                      link=link, align="ctr"), "t")
            shapes.append(drawing.textbox(len(shapes) + 2, "Marking", rect, content))

    def _notes(self, notes: str) -> bytes:
        ref = self.reference
        shapes = []
        if ref.notes_image is not None:
            attrs = "".join(f" {k}={quoteattr(v)}" for k, v in ref.notes_image.attrs)
            shapes.append('<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/>'
                          '<p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/>'
                          f"</p:cNvSpPr><p:nvPr><p:ph{attrs}/></p:nvPr></p:nvSpPr><p:spPr/>"
                          "</p:sp>")
        body_ph = ref.notes_body or Placeholder("Notes", (("type", "body"), ("idx", "1")), "body")
        attrs = "".join(f" {k}={quoteattr(v)}" for k, v in body_ph.attrs)
        # As python-pptx's text setter writes notes: a paragraph per line, \v a line break.
        paras = "".join(
            "<a:p>" + "<a:br/>".join(f"<a:r><a:t>{drawing.text(part)}</a:t></a:r>"
                                     if part else "" for part in line.split("\v")) + "</a:p>"
            for line in notes.split("\n"))
        shapes.append(f'<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/>'
                      f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph{attrs}/>'
                      f"</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>"
                      f"{paras}</p:txBody></p:sp>")
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f"<p:notes {drawing.NAMESPACES}><p:cSld><p:spTree><p:nvGrpSpPr>"
                '<p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
                + "".join(shapes)
                + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"
                "</p:notes>").encode()

    def _notes_rels(self, number: int) -> bytes:
        member = notes_member(self.reference, number)
        rels = Relationships()
        rels.add(RT + "notesMaster", relative(member, self.reference.notes_master))
        rels.add(RT + "slide", relative(member, slide_member(self.reference, number)))
        return rels.xml()


def _widest_digit(size: float) -> str:
    """Return the digit the deck's metrics measure widest (a total's width is reserved in it)."""
    return max("0123456789", key=lambda digit: CONSERVATIVE.width(digit, size, False))


def _plain(frame: TextFrame) -> TextFrame:
    """Return `frame` (a fitted title) in regular weight, for the footer."""
    return _restyle(frame, lambda run: replace(run, bold=False))


def _with_text(frame: TextFrame, value: str) -> TextFrame:
    return _restyle(frame, lambda run: replace(run, text=value))


def _restyle(frame: TextFrame, change: Callable[[Run], Run]) -> TextFrame:
    """Return `frame` with `change` applied to every run (the wrapped lines are left as
    measured: only the runs are written)."""
    items = tuple(replace(placed, item=replace(placed.item,
                                               runs=tuple(change(r) for r in placed.item.runs)))
                  for placed in frame.items)
    return TextFrame(frame.rect, frame.size, items)


def media_member(src: str, mime: str) -> str:
    """Return the package member of an `<image>` picture (the brand's logo keeps its own)."""
    if src.lower() == "brand:logo":
        return logo_member(mime)
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in src.rsplit(".", 1)[0])
    return f"ppt/media/image-{stem}.{'png' if mime == 'image/png' else 'jpeg'}"


def logo_member(mime: str) -> str:
    """Return the package member that holds the brand's logo."""
    return "ppt/media/brand-logo." + ("png" if mime == "image/png" else "jpeg")


__all__ = ["NOTES_TYPE", "SLIDE_TYPE", "Painted", "Painter", "logo_member", "media_member",
           "notes_member", "slide_member"]
