"""The PPTX deck: a slide document in, a PowerPoint package out (bytes), written as OOXML.

Each `Slide` block is laid out by `deck.paginate` (measured, shrunk, split over "(cont.)"
slides) and painted by `pptx.paint` into the layout that draws its kind of slide ("Title Slide",
"Title and Content", "Section Header", found by name in the built-in reference presentation or
the user's `--pptx-template`, else by their placeholder types). Slide and notes parts are
generated as XML; the reference presentation's own parts (master, layouts, themes) are copied
unchanged; `ooxml.write_package` writes the zip. python-pptx only reads the template. Every slide
has a title placeholder and speaker notes. Output is byte-reproducible.

The deck is streamed, so a pack of hundreds of articles takes as much memory as a few: each
slide is laid out, painted and written to a temporary file (`_Spool`) before the next, and the
package is assembled from that file at the end. The one fact known only then, the slide total in
the footer ("12 / 340"), is left as a gap in the spooled slide and filled in as it is written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from lxml import etree

from ..blocks import Document
from ..options import RenderOptions
from .deck import decor
from .deck.metrics import CONSERVATIVE
from .deck.outline import deck_slides, deck_survey
from .deck.paginate import layout_slide
from .deck.shape import LAYOUT_NAMES
from .images import Picture, aspects
from .ooxml import write_package
from .ooxml.parts import (
    CONTENT_TYPES,
    PACKAGE_RELS,
    RELS_TYPE,
    RT,
    RT_CORE,
    ContentTypes,
    relative,
    rels_member,
)
from .ooxml.props import APP_TYPE, CORE_TYPE, RT_APP, CoreProperties, app_xml
from .pptx import reference as references
from .pptx.paint import (
    NOTES_TYPE,
    SLIDE_TYPE,
    Painter,
    logo_member,
    notes_member,
    slide_member,
)
from .pptx.reference import P_NS, R_NS, Reference

_FIRST_SLIDE_ID = 256
"""Slide ids (p:sldId/@id) count from here, as PowerPoint's do."""


class PptxWriter:
    """Render a slide document as a PowerPoint deck with speaker notes."""

    name = "pptx"
    suffix = ".pptx"
    template = "slides.xml.j2"
    output = "slides.pptx"

    def write(self, doc: Document, options: RenderOptions) -> bytes:
        """Return the deck for `doc` as .pptx bytes, the same bytes for the same input.

        Two passes over the slides: a cheap one for the agenda (a `<toc/>` lists every section)
        and the slide count, then one that lays out, paints and spools a slide at a time.
        """
        agenda, least = deck_survey(doc)
        reference = references.load(options.pptx_template)
        shape = reference.shape
        painter = Painter(doc, options, reference, least_total=least)
        pictures = aspects(options)
        with tempfile.TemporaryFile(prefix="exporter-deck-") as scratch:
            spool = _Spool(scratch)
            number = 0
            for slide in deck_slides(doc):
                pages = layout_slide(slide, shape.width, shape.height, metrics=CONSERVATIVE,
                                     geometry=shape.geometry(slide.layout), agenda=agenda,
                                     aspects=pictures)
                for page in pages:
                    number += 1
                    painted = painter.paint(slide, page, number)
                    member = slide_member(reference, number)
                    notes = notes_member(reference, number)
                    spool.put(member, painted.head, painted.tail)
                    spool.put(rels_member(member), painted.rels)
                    spool.put(notes, painted.notes)
                    spool.put(rels_member(notes), painted.notes_rels)
            return _package(doc, options, reference, spool, number, painter.media)


# --- the package -------------------------------------------------------------------------------


def _package(doc: Document, options: RenderOptions, reference: Reference, spool: _Spool,
             count: int, media: dict[str, Picture]) -> bytes:
    """Return the package: the reference's parts, a presentation listing `count` slides, the
    spooled slides and notes, content types and properties."""
    main = reference.presentation
    pres_rels = reference.presentation_rels.without(())  # a copy: the reference is shared
    ids = [pres_rels.add(RT + "slide", relative(main, slide_member(reference, n)))
           for n in range(1, count + 1)]
    package_rels = reference.package_rels.without(())
    for kind, target in ((RT_CORE, "docProps/core.xml"), (RT_APP, "docProps/app.xml")):
        existing = package_rels.of_type(kind)
        package_rels = package_rels.without(r.rid for r in existing)
        package_rels.add(kind, target)
    meta = doc.meta
    own: dict[str, bytes] = {
        main: _presentation_xml(reference.presentation_xml, ids),
        rels_member(main): pres_rels.xml(),
        PACKAGE_RELS: package_rels.xml(),
        "docProps/core.xml": CoreProperties(
            title=meta.title, subject=meta.subject, keywords="; ".join(meta.keywords),
            author=options.generator, language=meta.lang, timestamp=options.timestamp).xml(),
        "docProps/app.xml": _app_xml(options.generator, count,
                                     reference.shape.width / reference.shape.height),
    }
    types = ContentTypes(dict(reference.types.defaults), dict(reference.types.overrides))
    types.overrides.update({"docProps/core.xml": CORE_TYPE, "docProps/app.xml": APP_TYPE})
    for n in range(1, count + 1):
        types.overrides[slide_member(reference, n)] = SLIDE_TYPE
        types.overrides[notes_member(reference, n)] = NOTES_TYPE
    types.defaults.setdefault("rels", RELS_TYPE)
    theme = options.theme
    if theme is not None and theme.logo is not None:
        own[logo_member(theme.logo.mime)] = theme.logo.data
        types.defaults.setdefault(logo_member(theme.logo.mime).rsplit(".", 1)[1],
                                  theme.logo.mime)
    for name, found in media.items():
        own[name] = found.data
        types.defaults.setdefault(name.rsplit(".", 1)[1], found.mime)
    look = decor.look(theme)
    if look.fonts is not None and reference.shape.builtin:
        # The brand's typefaces go into the reference deck's theme, which every run inherits
        # (runs name no typeface); a template's theme fonts are its own and are kept.
        for name, data in reference.members.items():
            if name.startswith("ppt/theme/") and name.endswith(".xml"):
                own[name] = _theme_fonts(data, *look.fonts)
    names = [*reference.members, *(n for n in own if n not in reference.members),
             *spool.names()]
    own[CONTENT_TYPES] = types.xml(names)
    total = str(count).encode("ascii")

    def content(name: str) -> bytes | Iterator[bytes]:
        if name in own:
            return own[name]
        if name in reference.members:
            return reference.members[name]
        return spool.read(name, total)

    return write_package([CONTENT_TYPES, *names], content, options.timestamp)


_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _theme_fonts(xml: bytes, major: str, minor: str) -> bytes:
    """Return theme part `xml` with `major` (headings) and `minor` (body) Latin typefaces."""
    root = etree.fromstring(xml)
    for tag, face in (("majorFont", major), ("minorFont", minor)):
        for latin in root.iter(f"{{{_A_NS}}}{tag}"):
            element = latin.find(f"{{{_A_NS}}}latin")
            if element is not None:
                element.set("typeface", face)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


def _presentation_xml(xml: bytes, rids: list[str]) -> bytes:
    """Return the reference's presentation part with a slide list of `rids`, in order."""
    root = etree.fromstring(xml)
    slides = etree.Element(f"{{{P_NS}}}sldIdLst")
    for n, rid in enumerate(rids):
        entry = etree.SubElement(slides, f"{{{P_NS}}}sldId")
        entry.set("id", str(_FIRST_SLIDE_ID + n))
        entry.set(f"{{{R_NS}}}id", rid)
    # The schema's order: masters, notes masters, handout masters, then the slide list.
    before = [child for child in root
              if etree.QName(child).localname in ("sldMasterIdLst", "notesMasterIdLst",
                                                  "handoutMasterIdLst")]
    if rids:
        if before:
            before[-1].addnext(slides)
        else:
            root.insert(0, slides)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out


def _app_xml(generator: str, slides: int, ratio: float) -> bytes:
    shape = "16:9" if abs(ratio - 16 / 9) < 0.01 else ("4:3" if abs(ratio - 4 / 3) < 0.01
                                                        else "Custom")
    return app_xml([("Application", generator),
                    ("PresentationFormat", f"On-screen Show ({shape})"),
                    ("Slides", str(slides)), ("Notes", str(slides)), ("HiddenSlides", "0"),
                    ("ScaleCrop", "false"), ("LinksUpToDate", "false"),
                    ("SharedDoc", "false"), ("HyperlinksChanged", "false")])


# --- the spool ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Spooled:
    """Where a member's bytes are in the spool file, and where in them the total goes."""

    offset: int
    length: int
    slot: int = -1
    """Byte offset in the member where the slide total goes, or -1 for none."""


class _Spool:
    """Finished slide and notes parts, kept in a temporary file until the package is written."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.end = 0
        self.members: dict[str, _Spooled] = {}

    def names(self) -> list[str]:
        return list(self.members)

    def put(self, name: str, head: bytes, tail: bytes | None = None) -> None:
        """Spool member `name`: `head`, then (if given) the slide total, then `tail`."""
        self.file.seek(self.end)
        self.file.write(head)
        if tail is not None:
            self.file.write(tail)
        length = len(head) + len(tail or b"")
        self.members[name] = _Spooled(self.end, length, len(head) if tail is not None else -1)
        self.end += length

    def read(self, name: str, total: bytes) -> bytes:
        """Return member `name`'s bytes, with `total` in its slot if it has one."""
        entry = self.members[name]
        self.file.seek(entry.offset)
        data = self.file.read(entry.length)
        if entry.slot >= 0:
            data = data[: entry.slot] + total + data[entry.slot:]
        return data


__all__ = ["LAYOUT_NAMES", "PptxWriter"]
