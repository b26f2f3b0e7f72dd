"""The PPTX deck: a slide document in, a python-pptx presentation out (bytes).

Each `Slide` block is laid out by `deck.paginate` (measured, shrunk, split over "(cont.)"
slides) and drawn into the matching layout's placeholders: "Title Slide", "Title and Content",
"Section Header", found by name in the built-in or the user's `--pptx-template`, else by their
placeholder types. Every run names its font and size and every paragraph its exact line
spacing, so what is drawn is what was measured. Every slide has speaker notes. Output is
byte-reproducible.

The deck is streamed, so a pack of hundreds of articles takes as much memory as a few: slides are
laid out and drawn one at a time, and each finished slide and its notes are serialized to a
temporary file (`_Spool`) and dropped from python-pptx's tree; the package is assembled from
that file at the end. The one fact known only then, the slide total in the footer ("12 / 340"),
is written as a placeholder and filled in when the package is assembled.
"""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any
from xml.sax.saxutils import escape

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import Part, _Relationship
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import _ContentTypesItem
from pptx.oxml.ns import qn
from pptx.parts.slide import SlidePart
from pptx.util import Emu, Pt

from ..blocks import Document, Slide
from ..options import RenderOptions
from .deck.metrics import CONSERVATIVE, FONT_NAME
from .deck.outline import Item, Run, deck_slides, deck_survey, inline_text, plain_text, slide_text
from .deck.paginate import CELL_MARGIN_X as _CELL_X
from .deck.paginate import CELL_MARGIN_Y as _CELL_Y
from .deck.paginate import Page, TableFrame, TextFrame, fit_title, layout_slide
from .deck.shape import BUILTIN as BUILTIN_SHAPE
from .deck.shape import EMU_PER_PT as _EMU_PER_PT
from .deck.shape import (
    LAYOUT_NAMES,
    SLIDE_WIDTH,
    Geometry,
    Rect,
    body_types,
    default_geometry,
    shape_of,
    title_types,
)
from .deck.shape import choose_layout as _choose_layout
from .deck.shape import kind_of as _kind
from .deck.shape import open_presentation as _open
from .deck.shape import placeholder as _placeholder
from .deck.wrap import LEADING, PlacedItem
from .ooxml import core_property, write_package

_TITLE_TYPES = title_types()
_BODY_TYPES = body_types()


def _rgb(hex_code: str) -> RGBColor:
    color: RGBColor = RGBColor.from_string(hex_code)  # type: ignore[no-untyped-call]
    return color


@dataclass(frozen=True, slots=True)
class Palette:
    """Colours of the built-in deck (None: leave to the user's template)."""

    ink: RGBColor | None
    muted: RGBColor | None
    title: RGBColor | None
    dark_title: RGBColor | None
    """Title colour on a dark (title, section) slide."""
    dark_body: RGBColor | None
    header_fill: RGBColor | None
    band_fill: RGBColor | None


BUILTIN = Palette(ink=_rgb("1F2937"), muted=_rgb("6B7280"),
                  title=_rgb("142F4F"), dark_title=_rgb("FFFFFF"),
                  dark_body=_rgb("D6E2F0"), header_fill=_rgb("142F4F"),
                  band_fill=_rgb("EEF2F7"))
USER = Palette(ink=None, muted=_rgb("6B7280"), title=None, dark_title=None,
               dark_body=None, header_fill=None, band_fill=None)
_NAVY = _rgb("142F4F")
_GOLD = _rgb("C9A227")
_RULE = _rgb("D0D7E1")
_MARKING = _rgb("B00020")


class PptxWriter:
    """Render a slide document as a PowerPoint deck with speaker notes."""

    name = "pptx"
    suffix = ".pptx"
    template = "slides.xml.j2"
    output = "slides.pptx"

    def write(self, doc: Document, options: RenderOptions) -> bytes:
        """Return the deck for `doc` as .pptx bytes, the same bytes for the same input.

        Two passes over the slides: a cheap one for the agenda (a `<toc/>` lists every section)
        and the slide count, then one that lays out, draws and spools a slide at a time.
        """
        agenda, slides = deck_survey(doc)
        with tempfile.TemporaryFile() as scratch:
            deck = _Deck(doc, options, _Spool(scratch), least_total=slides)
            number = 0
            for slide in deck_slides(doc):
                for page in deck.layout(slide, agenda):
                    number += 1
                    deck.draw(slide, page, number)
            return deck.save(number)


# --- the deck ----------------------------------------------------------------------------------


class _Deck:
    """A presentation being filled: the template, its layouts, and the geometry they imply."""

    def __init__(self, doc: Document, options: RenderOptions, spool: _Spool, *,
                 least_total: int = 1) -> None:
        self.doc = doc
        self.options = options
        self.spool = spool
        self.least_total = least_total
        """A lower bound of the slide total (the slide count before splitting): the footer
        reserves room for a total of at least as many digits."""
        self.prs = _open(options.pptx_template)
        # The handouts lay slides out with the same shape (`deck.shape.deck_shape(options)`).
        self.shape = BUILTIN_SHAPE if options.pptx_template is None else shape_of(self.prs)
        self.builtin = self.shape.builtin
        _number_notes_by_counting(self.prs.part.package)
        if self.builtin:
            _widen_builtin(self.prs)
        self.palette = BUILTIN if self.builtin else USER
        self.width = self.shape.width
        self.height = self.shape.height
        self.layouts = {kind: _choose_layout(self.prs, kind) for kind in LAYOUT_NAMES}
        self.slide_ids = self.prs.slides._sldIdLst
        used = [int(n) for n in self.slide_ids.xpath("./p:sldId/@id")]
        self.next_slide_id = max([_MIN_SLIDE_ID - 1, *used]) + 1

    def geometry(self, kind: str) -> Geometry:
        """Return where `kind` slides put title and body: built-in boxes or the template's."""
        return self.shape.geometry(kind)

    def layout(self, slide: Slide, agenda: Sequence[str]) -> list[Page]:
        """Return the measured pages of `slide` for this deck's geometry."""
        return layout_slide(slide, self.width, self.height, metrics=CONSERVATIVE,
                            geometry=self.geometry(slide.layout), agenda=agenda)

    def draw(self, slide: Slide, page: Page, number: int) -> None:
        """Add one page as slide `number`: decoration, title, body, footer and notes; spool it."""
        kind = _kind(page.layout)
        out, rid = self.new_slide(self.layouts[kind])
        dark = self.builtin and kind in ("title", "section")
        if self.builtin:
            self.decorate(out, kind)
        placeholders = list(out.placeholders)
        title_ph = _placeholder(placeholders, _TITLE_TYPES)
        body_ph = _placeholder(placeholders, _BODY_TYPES)
        used: set[int] = set()
        title_color = self.palette.dark_title if dark else self.palette.title
        if title_ph is not None:
            _place(title_ph, page.title.rect)
            _fill(title_ph.text_frame, page.title, anchor=MSO_ANCHOR.BOTTOM,
                  color=title_color, muted=self.palette.muted)
            used.add(id(title_ph))
        else:
            box = out.shapes.add_textbox(*_emu_rect(page.title.rect))
            _fill(box.text_frame, page.title, anchor=MSO_ANCHOR.BOTTOM, color=title_color,
                  muted=self.palette.muted)
        body_color = self.palette.dark_body if dark else self.palette.ink
        for frame in page.body:
            if isinstance(frame, TableFrame):
                self.table(out, frame)
                continue
            rect = frame.rect
            anchor = MSO_ANCHOR.TOP
            if body_ph is not None and id(body_ph) not in used:
                # The placeholder spans the whole body area when it holds all the text.
                if len(page.body) == 1:
                    rect = self.geometry(page.layout).body
                    if all(p.item.kind in ("quote", "attribution") for p in frame.items):
                        anchor = MSO_ANCHOR.MIDDLE  # a quotation stands in the middle
                _place(body_ph, rect)
                _fill(body_ph.text_frame, frame, anchor=anchor, color=body_color,
                      muted=self.palette.muted)
                used.add(id(body_ph))
            else:
                box = out.shapes.add_textbox(*_emu_rect(rect))
                _fill(box.text_frame, frame, anchor=MSO_ANCHOR.TOP, color=body_color,
                      muted=self.palette.muted)
        # Empty placeholders would show "Click to add text" in the editor; drop them.
        for ph in placeholders:
            if id(ph) not in used:
                ph._element.getparent().remove(ph._element)
        slot = None
        if self.builtin and kind == "content":
            slot = self.footer(out, number)
        if self.options.classification:
            self.marking(out, self.options.classification, dark=dark)
        notes = out.notes_slide.notes_text_frame
        notes.text = _notes(slide, page)
        self.retire(rid, slot)  # the XML tree goes when the last proxy (`out`...) does

    def new_slide(self, layout: Any) -> tuple[Any, str]:
        """Add a slide as python-pptx's `Slides.add_slide` does, minus its scans of every slide.

        add_slide looks through all the presentation's slide relationships for one to reuse and
        through all slide ids for the largest: O(n²) over a deck. A new slide part cannot be
        related yet, and ids are counted on from the largest found once, so the partname, rId
        and id come out as python-pptx would choose them.
        """
        presentation = self.prs.part
        partname = PackURI(f"/ppt/slides/slide{len(self.slide_ids) + 1}.xml")
        part = SlidePart.new(partname, presentation.package,  # type: ignore[no-untyped-call]
                             layout.part)
        rid = presentation.rels._add_relationship(RT.SLIDE, part)
        slide = part.slide
        slide.shapes.clone_layout_placeholders(layout)
        if self.next_slide_id > _MAX_SLIDE_ID:  # python-pptx then reuses a free id
            self.next_slide_id = self.slide_ids._next_id
        self.slide_ids._add_sldId(id=self.next_slide_id, rId=rid)
        self.next_slide_id += 1
        return slide, rid

    def retire(self, rid: str, slot: _TotalSlot | None) -> None:
        """Spool the finished slide `rid` and its notes and cut them out of the part graph.

        Nothing touches a finished slide again. The presentation's relationship to it now
        points at a `_Retired` stand-in (name and content type, all that writing the
        presentation's own parts needs), so the slide and notes parts and their XML trees are
        freed at once, not kept until the package is saved.
        """
        rels = self.prs.part.rels
        slide = rels[rid].target_part
        notes = slide.part_related_by(RT.NOTES_SLIDE)
        self.spool.put_part(slide, slot)
        self.spool.put_part(notes)
        rels._rels[rid] = _Relationship(rels._base_uri, rid, RT.SLIDE, RTM.INTERNAL,
                                        _Retired(slide.partname, slide.content_type))
        # Empty the parts and the proxies they cache (a Slide and its SlideShapes refer to each
        # other, as do the parts through their relationships): reference counting then frees
        # the XML trees here, not whenever the cyclic collector runs. Using them now fails.
        proxies = [vars(part).get(name) for part in (slide, notes)
                   for name in ("slide", "notes_slide")]
        for thing in (slide, notes, *proxies):
            if thing is not None:
                vars(thing).clear()

    # decoration of the built-in deck

    def decorate(self, out: Any, kind: str) -> None:
        """Draw the built-in deck's background and rules behind the placeholders."""
        if kind in ("title", "section"):
            fill = out.background.fill
            fill.solid()
            fill.fore_color.rgb = _NAVY
            geo = default_geometry(kind)
            _bar(out, Rect(geo.title.x, geo.body.y - 14, 96, 4), _GOLD)
            _bar(out, Rect(0, self.height - 6, self.width, 6), _GOLD)
        else:
            geo = default_geometry("content")
            rule_y = geo.title.y + geo.title.h + 8
            _bar(out, Rect(geo.title.x, rule_y, geo.title.w, 1.5), _RULE)
            _bar(out, Rect(geo.title.x, rule_y - 1, 72, 3.5), _GOLD)
            _bar(out, Rect(0, 0, 10, self.height), _NAVY)

    def footer(self, out: Any, number: int) -> _TotalSlot | None:
        """Draw the running title and "number / total" along the bottom.

        The total is not known yet: the label is measured with the widest digits for a total
        of as many digits as the slide count before splitting (a lower bound, and the total's
        own digit count unless continuations carry it past a power of ten), and its text is a
        slot that `_Spool` fills in when the package is written. An extra digit or two still
        fits the label box's 16 pt of slack.
        """
        size = 10.0
        y = self.height - 36
        digits = max(len(str(self.least_total)), len(str(number)))
        label = f"{number} / {_widest_digit(size) * digits}"
        width = CONSERVATIVE.width(label, size, False) + 16
        right = Rect(self.width - 48 - width, y, width, size * LEADING)
        header = self.doc.meta.header or self.doc.meta.title
        if header:
            rect = Rect(48, y, right.x - 48 - 24, size * LEADING)
            frame = fit_title(header, rect, (size, size), CONSERVATIVE)
            frame = _restyle(frame, bold=False)
            box = out.shapes.add_textbox(*_emu_rect(rect))
            _fill(box.text_frame, frame, anchor=MSO_ANCHOR.TOP, color=self.palette.muted,
                  muted=self.palette.muted)
        page = fit_title(label, right, (size, size), CONSERVATIVE)
        box = out.shapes.add_textbox(*_emu_rect(right))
        _fill(box.text_frame, _restyle(page, bold=False), anchor=MSO_ANCHOR.TOP,
              color=self.palette.muted, muted=self.palette.muted, align=PP_ALIGN.RIGHT)
        runs = [run for para in box.text_frame.paragraphs for run in para.runs]
        if len(runs) != 1 or runs[0].text != label:
            return None  # cut to fit (cannot happen at this width): nothing to fill in
        return _TotalSlot(runs[0], f"{number} / ")

    def marking(self, out: Any, text: str, *, dark: bool) -> None:
        """Print the protective marking centred at the top and bottom of the slide."""
        size = 11.0
        color = _rgb("FFFFFF") if dark else _MARKING
        # Above the title and below the footer line, clear of both.
        for y in (3.0, self.height - size * LEADING - 8):
            rect = Rect(self.width * 0.2, y, self.width * 0.6, size * LEADING)
            frame = fit_title(text, rect, (size, size), CONSERVATIVE)
            box = out.shapes.add_textbox(*_emu_rect(rect))
            _fill(box.text_frame, frame, anchor=MSO_ANCHOR.TOP, color=color,
                  muted=color, align=PP_ALIGN.CENTER)

    # tables

    def table(self, out: Any, frame: TableFrame) -> None:
        """Draw a measured table as a real PowerPoint table."""
        rows, cols = len(frame.rows), len(frame.widths)
        if rows == 0 or cols == 0:
            return
        shape = out.shapes.add_table(rows, cols, *_emu_rect(frame.rect))
        table = shape.table
        table.first_row = frame.header
        table.horz_banding = not frame.key_column
        for c, width in enumerate(frame.widths):
            table.columns[c].width = Emu(round(width * _EMU_PER_PT))
        for r, (cells, height) in enumerate(zip(frame.rows, frame.heights, strict=True)):
            table.rows[r].height = Emu(round(height * _EMU_PER_PT))
            header = frame.header and r == 0
            for c, cell in enumerate(cells):
                target = table.cell(r, c)
                target.margin_left = target.margin_right = Pt(_CELL_X)
                target.margin_top = target.margin_bottom = Pt(_CELL_Y)
                target.vertical_anchor = MSO_ANCHOR.TOP
                runs = tuple(run for line in cell.lines for run in line.runs)
                key = frame.key_column and c == 0
                if key:
                    runs = tuple(Run(run.text, bold=True, italic=run.italic, muted=run.muted,
                                     href=run.href) for run in runs)
                item = PlacedItem(item=Item("para", runs), size=frame.size, lines=cell.lines,
                                  indent=0.0, space_before=0.0)
                color = self.palette.ink
                if header and self.palette.header_fill is not None:
                    target.fill.solid()
                    target.fill.fore_color.rgb = self.palette.header_fill
                    color = _rgb("FFFFFF")
                elif self.palette.band_fill is not None:
                    target.fill.solid()
                    banded = (r - (1 if frame.header else 0)) % 2 == 0
                    target.fill.fore_color.rgb = (self.palette.band_fill
                                                  if banded or key else _rgb("FFFFFF"))
                tf = target.text_frame
                tf.word_wrap = True
                _paragraphs(tf, (item,), color=color, muted=self.palette.muted)

    def save(self, count: int) -> bytes:
        """Return the package of `count` slides with reproducible properties and zip entries.

        What python-pptx's save and `ooxml.reproducible_zip` would write, byte for byte, but
        assembled here so that the spooled slides are read back one at a time.
        """
        props = self.prs.core_properties
        meta = self.doc.meta
        stamp = dt.datetime.fromtimestamp(self.options.timestamp, tz=dt.timezone.utc)
        stamp = stamp.replace(tzinfo=None)
        props.title = core_property(meta.title)
        props.subject = core_property(meta.subject)
        props.keywords = core_property("; ".join(meta.keywords))
        props.author = self.options.generator
        props.last_modified_by = self.options.generator
        props.comments = ""
        props.category = ""
        props.language = meta.lang
        props.revision = 1
        props.created = stamp
        props.modified = stamp
        live = _live_members(self.prs.part.package, self.spool)
        if "docProps/app.xml" in live:
            live["docProps/app.xml"] = _app_xml(self.options.generator, count,
                                                self.width / self.height)
        total = str(count).encode("ascii")

        def content(name: str) -> bytes:
            found = live.get(name)
            return found if found is not None else self.spool.read(name, total)

        return write_package(sorted({*live, *self.spool.names()}), content,
                             self.options.timestamp)


# --- streaming the package ---------------------------------------------------------------------

_NOTES_PARTNAME = "/ppt/notesSlides/notesSlide%d.xml"
_MIN_SLIDE_ID, _MAX_SLIDE_ID = 256, 2147483647
"""The range of slide ids (p:sldId/@id) python-pptx chooses from."""


@dataclass(frozen=True, slots=True)
class _TotalSlot:
    """The footer run that is to end with the slide total, and the text before the total."""

    run: Any
    prefix: str


@dataclass(frozen=True, slots=True)
class _Spooled:
    """Where a member's bytes are in the spool file, and where in them the total goes."""

    offset: int
    length: int
    content_type: str = ""
    """The part's content type; empty for a relationships member."""
    slot: int = -1
    """Byte offset of the total's placeholder in the member, or -1 for none."""
    slot_length: int = 0


class _Spool:
    """Finished slide and notes parts, serialized to a temporary file until the package is written.

    Each part is one member (and one for its relationships, if it has any), the same bytes
    python-pptx's PackageWriter would write for it.
    """

    def __init__(self, file: Any) -> None:
        self.file = file
        self.end = 0
        self.members: dict[str, _Spooled] = {}

    def names(self) -> list[str]:
        return list(self.members)

    def __contains__(self, name: str) -> bool:
        return name in self.members

    def parts(self) -> Iterator[_Retired]:
        """Yield stand-ins for the spooled parts (for the package's content types)."""
        for name, entry in self.members.items():
            if entry.content_type:
                yield _Retired(PackURI("/" + name), entry.content_type)

    def put_part(self, part: Any, slot: _TotalSlot | None = None) -> None:
        """Spool `part` and its relationships as its package members."""
        if slot is None:
            blob, at, length = serialize_part_xml(part._element), -1, 0
        else:
            blob, at, length = _serialize_with_slot(part._element, slot)
        self.put(part.partname.membername, blob, part.content_type, at, length)
        if part._rels:  # as python-pptx writes them: only a part with relationships has .rels
            self.put(part.partname.rels_uri.membername, part.rels.xml)

    def put(self, name: str, data: bytes, content_type: str = "", slot: int = -1,
            slot_length: int = 0) -> None:
        self.file.seek(self.end)
        self.file.write(data)
        self.members[name] = _Spooled(self.end, len(data), content_type, slot, slot_length)
        self.end += len(data)

    def read(self, name: str, total: bytes) -> bytes:
        """Return member `name`'s bytes, with `total` in place of the slot if it has one."""
        entry = self.members[name]
        self.file.seek(entry.offset)
        data: bytes = self.file.read(entry.length)
        if entry.slot >= 0:
            data = data[: entry.slot] + total + data[entry.slot + entry.slot_length:]
        return data


class _Retired(Part):
    """Stands in python-pptx's part graph for a spooled part: a name and type, no relationships."""

    def __init__(self, partname: PackURI, content_type: str) -> None:
        super().__init__(partname, content_type, package=None)  # type: ignore[arg-type]

    @property
    def rels(self) -> Mapping[str, Any]:  # type: ignore[override]
        return _NO_RELATIONSHIPS

    @property  # type: ignore[misc]  # read-only on purpose: nothing may set it
    def blob(self) -> bytes:
        raise AssertionError(f"{self.partname} is spooled: read it from the spool")


_NO_RELATIONSHIPS: Mapping[str, Any] = MappingProxyType({})


def _serialize_with_slot(element: Any, slot: _TotalSlot) -> tuple[bytes, int, int]:
    """Serialize `element` with a placeholder after the slot's prefix; return it and its place.

    The placeholder (private-use characters) must occur exactly once in the XML, so one that
    the slide's own text happens to contain is passed over for the next.
    """
    for n in itertools.count():
        token = f"\ue000{n}\ue001"
        slot.run.text = slot.prefix + token
        blob: bytes = serialize_part_xml(element)
        mark = token.encode("utf-8")
        if blob.count(mark) == 1:
            return blob, blob.index(mark), len(mark)
    raise AssertionError("unreachable")  # pragma: no cover


def _live_members(package: Any, spool: _Spool) -> dict[str, bytes]:
    """Return the package members not in `spool`, as python-pptx's PackageWriter makes them."""
    parts = [part for part in package.iter_parts() if part.partname.membername not in spool]
    # Only iterated: a generator keeps the stand-ins from all existing at once.
    types = _ContentTypesItem.xml_for(itertools.chain(parts, spool.parts()))  # type: ignore[arg-type]
    members = {"[Content_Types].xml": serialize_part_xml(types), "_rels/.rels": package._rels.xml}
    for part in parts:
        members[part.partname.membername] = part.blob
        if part._rels:
            members[part.partname.rels_uri.membername] = part.rels.xml
    return members


def _number_notes_by_counting(package: Any) -> None:
    """Give `package` a next_partname that numbers notes slides from a count, not a scan.

    python-pptx finds a new notes slide's name by walking every part of the package, which
    makes a deck of n slides cost O(n²) (most of the time of a 1,000-slide deck). Here the
    notes slide names are collected by one walk, at the first notes slide, and then kept up to
    date; the name chosen is the one python-pptx's own rule picks (the highest free number up
    to one more than the count), so the output does not change. Other templates are passed on.
    """
    original = package.next_partname
    taken: set[str] | None = None

    def next_partname(tmpl: str) -> PackURI:
        nonlocal taken
        if tmpl != _NOTES_PARTNAME:
            return original(tmpl)  # type: ignore[no-any-return]
        if taken is None:
            prefix = tmpl[: (tmpl % 42).find("42")]
            taken = {str(p.partname) for p in package.iter_parts()
                     if p.partname.startswith(prefix)}
        for n in range(len(taken) + 1, 0, -1):
            candidate = tmpl % n
            if candidate not in taken:
                taken.add(candidate)
                return PackURI(candidate)
        raise AssertionError("no free notes slide name")  # pragma: no cover

    package.next_partname = next_partname


# --- template handling -------------------------------------------------------------------------


def _widest_digit(size: float) -> str:
    """Return the digit the deck's metrics measure widest (a total's width is reserved in it)."""
    return max("0123456789", key=lambda digit: CONSERVATIVE.width(digit, size, False))


def _widen_builtin(prs: Any) -> None:
    """Stretch python-pptx's 4:3 master and layouts to 16:9 so slides added later fit too."""
    factor = SLIDE_WIDTH / 720.0
    parts = [prs.slide_master, *prs.slide_layouts]
    for part in parts:
        for shape in part.shapes:
            if shape.left is not None and shape.width is not None:
                shape.left = Emu(round(shape.left * factor))
                shape.width = Emu(round(shape.width * factor))


def _emu_rect(rect: Rect) -> tuple[Emu, Emu, Emu, Emu]:
    return (Emu(round(rect.x * _EMU_PER_PT)), Emu(round(rect.y * _EMU_PER_PT)),
            Emu(round(rect.w * _EMU_PER_PT)), Emu(round(rect.h * _EMU_PER_PT)))


def _place(shape: Any, rect: Rect) -> None:
    shape.left, shape.top, shape.width, shape.height = _emu_rect(rect)


def _bar(out: Any, rect: Rect, color: RGBColor) -> None:
    shape = out.shapes.add_shape(MSO_SHAPE.RECTANGLE, *_emu_rect(rect))
    shape.fill.solid()
    shape.fill.fore_color.rgb = color
    shape.line.fill.background()
    shape.shadow.inherit = False


# --- text --------------------------------------------------------------------------------------


def _restyle(frame: TextFrame, *, bold: bool) -> TextFrame:
    items = []
    for placed in frame.items:
        runs = tuple(Run(r.text, bold=bold, italic=r.italic, muted=r.muted, href=r.href)
                     for r in placed.item.runs)
        lines = tuple(type(line)(tuple(Run(r.text, bold=bold, italic=r.italic, muted=r.muted,
                                           href=r.href) for r in line.runs), line.width,
                                 line.hard) for line in placed.lines)
        items.append(replace(placed, item=replace(placed.item, runs=runs), lines=lines))
    return TextFrame(frame.rect, frame.size, tuple(items))


def _fill(tf: Any, frame: TextFrame, *, anchor: MSO_ANCHOR, color: RGBColor | None,
          muted: RGBColor | None, align: PP_ALIGN = PP_ALIGN.LEFT) -> None:
    """Write a measured text frame into `tf` with everything that affects layout explicit."""
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = Emu(0)
    tf.vertical_anchor = anchor
    _paragraphs(tf, frame.items, color=color, muted=muted, align=align)


def _paragraphs(tf: Any, items: Sequence[PlacedItem], *, color: RGBColor | None,
                muted: RGBColor | None, align: PP_ALIGN = PP_ALIGN.LEFT) -> None:
    for n, placed in enumerate(items):
        para = tf.paragraphs[0] if n == 0 else tf.add_paragraph()
        para.alignment = align
        para.line_spacing = Pt(placed.leading)
        para.space_before = Pt(placed.space_before)
        para.space_after = Pt(0)
        _bullet(para, placed)
        # Write the item's own runs (not the wrapped lines) so the renderer re-wraps them.
        for run in placed.item.runs:
            parts = run.text.split("\n")
            for k, part in enumerate(parts):
                if k:
                    para.add_line_break()
                if not part:
                    continue
                out = para.add_run()
                out.text = part
                font = out.font
                font.name = FONT_NAME
                font.size = Pt(placed.size)
                font.bold = run.bold
                font.italic = run.italic
                # Templates may set all caps (the built-in section title does): that would
                # draw wider text than was measured.
                out._r.get_or_add_rPr().set("cap", "none")
                rgb = muted if run.muted else color
                if rgb is not None:
                    font.color.rgb = rgb
                if run.href:
                    out.hyperlink.address = run.href
        # An empty paragraph still needs its size, or the renderer uses the template's.
        end = para._p.get_or_add_endParaRPr()
        end.set("sz", str(round(placed.size * 100)))


def _bullet(para: Any, placed: PlacedItem) -> None:
    """Set indent and bullet explicitly: the template's own would change the measured width."""
    ppr = para._p.get_or_add_pPr()
    indent = round(placed.indent * _EMU_PER_PT)
    item = placed.item
    ppr.set("marL", str(indent))
    hanging = item.kind in ("bullet", "number") and not item.continued
    ppr.set("indent", str(-indent if hanging else 0))
    for tag in ("a:buNone", "a:buAutoNum", "a:buChar", "a:buFont"):
        for old in ppr.findall(qn(tag)):
            ppr.remove(old)
    # Bullet elements must follow line/space spacing in the schema's order.
    if hanging and item.kind == "bullet":
        font = etree.SubElement(ppr, qn("a:buFont"))
        font.set("typeface", FONT_NAME)
        char = etree.SubElement(ppr, qn("a:buChar"))
        char.set("char", "•")
    elif hanging:
        auto = etree.SubElement(ppr, qn("a:buAutoNum"))
        auto.set("type", "arabicPeriod")
        auto.set("startAt", str(item.number or 1))
    else:
        etree.SubElement(ppr, qn("a:buNone"))


def _notes(slide: Slide, page: Page) -> str:
    """Return the speaker notes: the template's notes, else the slide's own text with ¶ refs."""
    notes = inline_text(slide.notes).strip() or slide_text(slide)
    if page.continued:
        notes = f"Continues “{slide.title}”.\n{notes}"
    title = plain_text(page.title.items[0].item.runs) if page.title.items else ""
    if title != page.title_text:
        # The title was cut to fit: the presenter still gets it whole.
        notes = f"{page.title_text}\n{notes}"
    return notes or slide.title or "(no notes)"


def _app_xml(generator: str, slides: int, ratio: float) -> bytes:
    shape = "16:9" if abs(ratio - 16 / 9) < 0.01 else ("4:3" if abs(ratio - 4 / 3) < 0.01
                                                        else "Custom")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes"><Application>{escape(generator)}</Application>'
        f"<PresentationFormat>On-screen Show ({shape})</PresentationFormat>"
        f"<Slides>{slides}</Slides><Notes>{slides}</Notes><HiddenSlides>0</HiddenSlides>"
        "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    ).encode()


__all__ = ["LAYOUT_NAMES", "PptxWriter"]
