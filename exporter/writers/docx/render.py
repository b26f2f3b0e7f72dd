"""DOCX writer: block document in, an editable Word document (bytes) out, in Word's own styles.

Blocks map onto Word's built-in styles (Title, Subtitle, Heading 1-3, List Bullet, List Number,
Quote, Caption, TOC 1-3) so the result restyles like any Word document; the few looks Word has no
style for (lead, small print, ¶-numbered paragraphs, panels) get named custom styles. Fonts are
not embedded in DOCX, so the writer names fonts every Office install has (Calibri) and leaves East
Asian text to the theme's East Asian font.

Output is byte-reproducible: no wall-clock time, no random ids; python-docx's parts are zipped by
`ooxml.write_package` (python-docx's own `save` would zip them once more, with the clock's time).

Memory stays flat in the length of the document: blocks are read once per pass, one at a time,
and body content the renderer is done with leaves python-docx's tree for a temporary file
(`_BodySpool`) until the package is saved.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import re
import tempfile
import weakref
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

import docx
from docx.blkcntnr import BlockItemContainer
from docx.document import Document as WordDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import CT_Types, serialize_part_xml
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.part import Part
from docx.opc.spec import default_content_types
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor, Twips
from docx.styles.style import CharacterStyle, ParagraphStyle, StyleFactory
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from ...blocks import (
    SAFE_LINK_SCHEMES,
    Block,
    Box,
    Document,
    Fields,
    Heading,
    Image,
    Inline,
    Inlines,
    ListBlock,
    PageBreak,
    Para,
    Quote,
    Slide,
    Table,
    Toc,
    assert_never,
    iter_walk,
    paragraph_anchor,
    plain,
)
from ...errors import RenderError
from ...options import RenderOptions
from ...theme import Theme, theme_of
from .. import docx_pages, ooxml
from ..images import picture

# --- look ----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Look:
    """The theme's fonts and colours as the Word writer uses them (`Theme` roles docx-*).

    Built in, the fonts are Calibri, on every Windows and Mac Office install since 2007.
    """

    body_font: str
    heading_font: str
    ink: str
    accent: str
    muted: str
    link: str
    rule: str
    header_fill: str
    key_fill: str
    box_fill: str
    band_fill: str
    marking: str

    @staticmethod
    def of(theme: Theme) -> _Look:
        def c(role: str) -> str:
            return theme.hex(f"docx-{role}")

        return _Look(body_font=theme.office_body, heading_font=theme.office_heading,
                     ink=c("ink"), accent=c("accent"), muted=c("muted"), link=c("link"),
                     rule=c("rule"), header_fill=c("header-fill"), key_fill=c("key-fill"),
                     box_fill=c("box-fill"), band_fill=c("band-fill"), marking=c("marking"))


_STYLED: dict[tuple[_Look, int], tuple[bytes, tuple[tuple[str, str], ...]]] = {}
"""python-docx's template with the writer's styles made (before any page set-up or content),
and (name, style id) of each paragraph style made, by what the styles depend on: the look and
the text width (the contents' tab stops). Not for a --reference-docx, whose styles are kept."""
_STYLED_KEPT = 8

_HEADING_STYLES = frozenset({"Title", "Subtitle", "TOC Heading", "Box Title"})
"""Styles set in the theme's heading font (with every "Heading N")."""

LOGO_HEIGHT_CM = 1.4
"""Height of the brand's logo above the first title."""
MARGIN_TOP = Cm(2.2)
MARGIN_BOTTOM = Cm(2.2)
MARGIN_SIDE = Cm(2.3)
MARGIN_INSIDE = Cm(2.6)
"""With duplex (mirrored margins) the binding side gets more room."""
MARGIN_OUTSIDE = Cm(2.0)

TOC_PASSES = 3
"""Renderings at most to settle the contents list's page numbers (a number's width can move
an entry to a second line, and that a later page)."""

MAX_PROPERTY = 255
"""python-docx refuses core properties longer than this."""
MAX_HEADER = 110
"""Longest running header; a 3,000-character title would fill the page top."""

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def clean(text: str) -> str:
    """Return `text` without the characters XML 1.0 forbids (lxml raises on them)."""
    return _ILLEGAL.sub("", text)


def _clip(text: str, limit: int) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- outline: which blocks are headings of the table of contents -------------------------------


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One line of the table of contents, in document order."""

    level: int
    text: str


class _Outline:
    """Decide which blocks are listed headings; shared by `toc_entries` and the renderer.

    The first title-style paragraph is the document's Title; later ones (each article of a pack)
    become Heading 1, so they are listed, and the headings after them move one level down, so
    an article's sections nest under its title. `segment` counts title paragraphs so that the
    same ¶ anchor in two articles of a pack gets two bookmarks and each citation finds its own.
    """

    def __init__(self) -> None:
        self.titles = 0

    @property
    def segment(self) -> int:
        return self.titles

    def level(self, block: Block) -> int | None:
        """Return the outline level of `block` (None: not listed); call once per block, in order."""
        match block:
            case Heading():
                return self.heading_level(block) if block.toc else None
            case Para(style="title"):
                self.titles += 1
                return 1 if self.titles > 1 else None
            case Slide():
                if not block.title.strip():
                    return None
                return 1 if block.layout in ("title", "section") else 2
            case _:
                return None


    def heading_level(self, block: Heading) -> int:
        """Return the Word heading level of `block`, one down inside a pack's articles."""
        return min(block.level + 1, 3) if self.titles > 1 else block.level


def _block_text(block: Block) -> str:
    if isinstance(block, Slide):
        return block.title
    if isinstance(block, (Heading, Para)):
        return plain(block.content)
    return ""


def toc_entries(doc: Document) -> list[TocEntry]:
    """Return the entries the DOCX table of contents lists, so a caller can supply their pages."""
    outline = _Outline()
    entries = []
    for block in iter_walk(doc.blocks):
        level = outline.level(block)
        if level is not None:
            entries.append(TocEntry(level, _clip(_block_text(block), 1000)))
    return entries


# --- XML helpers --------------------------------------------------------------------------------


_TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _open_reference(data: bytes) -> WordDocument:
    """Return the user's reference document (a .dotx read as a .docx) with an empty body."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = source.read(info)
            if info.filename == "[Content_Types].xml":
                member = member.replace(_TEMPLATE_MAIN, _DOCUMENT_MAIN)
            target.writestr(info, member)
    try:
        word = docx.Document(io.BytesIO(buffer.getvalue()))
    except (ValueError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise RenderError("docx", f"the reference document cannot be used: {exc}") from exc
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return word


def _el(tag: str, **attrs: str) -> etree._Element:
    element: etree._Element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _border(tag: str, *, color: str, val: str = "single", size: int = 4,
            space: int = 0) -> etree._Element:
    return _el(tag, val=val, sz=str(size), space=str(space), color=color)


def _shade(fill: str) -> etree._Element:
    return _el("w:shd", val="clear", color="auto", fill=fill)


def _set_fonts(rpr: etree._Element, font: str) -> None:
    """Name the Latin and complex-script font outright; keep the theme's East Asian font."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{attr}"), font)
    fonts.set(qn("w:eastAsiaTheme"), "minorEastAsia")


def _add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """Append a complex field (`PAGE`, `NUMPAGES`) whose cached result is `shown`."""
    p = paragraph._p
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None),
                       (None, shown), ("end", None)):
        r = _el("w:r")
        if kind is not None:
            r.append(_el("w:fldChar", fldCharType=kind))
        elif text == shown:
            t = _el("w:t")
            t.text = text
            r.append(t)
        else:
            instr = _el("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = text
            r.append(instr)
        p.append(r)


_PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange",
)
"""Schema order of paragraph properties: Word reports a file as damaged when it is broken."""


def _set_ppr(ppr: etree._Element, element: etree._Element) -> None:
    """Put `element` into paragraph properties `ppr` at its schema position, replacing any."""
    tag = etree.QName(element).localname
    rank = _PPR_ORDER.index(tag)
    for old in ppr.findall(qn(f"w:{tag}")):
        ppr.remove(old)
    for index, child in enumerate(ppr):
        name = etree.QName(child).localname
        if name in _PPR_ORDER and _PPR_ORDER.index(name) > rank:
            ppr.insert(index, element)
            return
    ppr.append(element)


def _bookmark(p: CT_P, name: str, ident: int) -> None:
    """Wrap the content of `p` in a bookmark called `name`."""
    start = _el("w:bookmarkStart", id=str(ident), name=name)
    ppr = p.pPr
    p.insert(1 if ppr is not None else 0, start)
    p.append(_el("w:bookmarkEnd", id=str(ident)))


_BOOKMARK_BAD = re.compile(r"[^A-Za-z0-9_]")


def _bookmark_name(anchor: str) -> str:
    """Return `anchor` as a valid Word bookmark name: a letter first, at most 40 characters."""
    name = _BOOKMARK_BAD.sub("_", anchor)
    if not name[:1].isalpha():
        name = "a" + name
    return name[:40]


# --- body spooling: finished content waits in a temporary file, not in the tree ------------------

SPOOL_EVERY = 64
"""Top-level blocks between two spoolings when no page break comes first (one long article)."""

_MARKER = "exporter-spooled-body"
_MARKER_XML = f"<!--{_MARKER}-->".encode()


class _BodySpool:
    """Body XML the renderer is done with, kept in an anonymous temporary file until save.

    python-docx holds the whole body as an lxml tree until `save`; for a pack of hundreds of
    articles that is tens of megabytes. `spool` serializes a run of finished body children to
    the file and leaves one comment (a marker) where they stood; `chunks` puts the XML back in
    place of each marker in the serialized part. A comment is a safe marker: the body has none
    of its own, and `<!--` never comes out of text or attribute values, which are escaped.
    """

    def __init__(self, body: etree._Element) -> None:
        # Deleted by the OS when closed or when the process ends, whatever happens.
        self._file = tempfile.TemporaryFile(prefix="exporter-docx-")  # noqa: SIM115
        self._closer = weakref.finalize(self, self._file.close)
        # Serialized under the same namespace declarations as in the part, the children come
        # out byte for byte as python-docx would have written them.
        self._nsmap = body.nsmap
        self._size = 0
        self._ranges: list[list[int]] = []
        """[start, end] in the file, for each marker in document order."""
        self._last_marker: etree._Element | None = None

    def spool(self, run: Sequence[etree._Element]) -> None:
        """Move `run`, adjacent children of the body, to the file and mark where they stood."""
        first = run[0]
        if first.getprevious() is not None and first.getprevious() is self._last_marker:
            # Straight after the previous run: its marker and its stretch of the file grow.
            self._ranges[-1][1] += self._write(run)
            return
        marker = etree.Comment(_MARKER)
        first.addprevious(marker)
        self._last_marker = marker
        start = self._size
        self._ranges.append([start, start + self._write(run)])

    def _write(self, run: Sequence[etree._Element]) -> int:
        wrapper = etree.Element(qn("w:body"), nsmap=self._nsmap)
        for element in run:
            wrapper.append(element)  # moves it out of the document
        xml = etree.tostring(wrapper, encoding="UTF-8", xml_declaration=False)
        end_tag = b"</w:body>"
        if not xml.endswith(end_tag):
            raise AssertionError("spooled body XML has no closing tag")
        content = memoryview(xml)[xml.index(b">") + 1: len(xml) - len(end_tag)]
        self._file.write(content)
        self._size += len(content)
        return len(content)

    def chunks(self, part_xml: bytes) -> Iterator[bytes]:
        """Yield `part_xml` with the spooled XML back in, a slice at a time."""
        pieces = part_xml.split(_MARKER_XML)
        if len(pieces) != len(self._ranges) + 1:
            raise AssertionError("a spooled-body marker is missing from the document part")
        self._file.flush()  # read back through the descriptor, past the file's buffer
        for piece, (start, end) in zip(pieces, self._ranges, strict=False):
            yield piece
            while start < end:
                # In slices: the whole stretch read at once would be a second copy of the body.
                chunk = os.pread(self._file.fileno(), min(end - start, 1 << 20), start)
                if not chunk:
                    raise AssertionError("the body spool file is shorter than written")
                yield chunk
                start += len(chunk)
        yield pieces[-1]

    def close(self) -> None:
        """Delete the temporary file now rather than when the object is collected."""
        self._closer()


# --- the writer ----------------------------------------------------------------------------------


class DocxWriter:
    """Render a block document as an editable DOCX in Word's own styles."""

    name = "docx"
    suffix = ".docx"
    template = "summary.xml.j2"
    output = "summary.docx"

    def write(self, doc: Document, options: RenderOptions, *,
              toc_pages: Sequence[int | None] | None = None) -> bytes:
        """Return `doc` as DOCX bytes.

        A table of contents is written filled in, each entry with its page number, so it reads
        right in Word and LibreOffice before anyone updates its field. The numbers come from
        laying the written document out (`docx_pages`): the document is rendered, measured,
        and rendered again with the pages found (again if that moved a page). `toc_pages`
        gives them instead, for each entry of `toc_entries(doc)` (None: no number).
        """
        if toc_pages is not None:
            return _Renderer(doc, options, toc_pages).render()
        renderer = _Renderer(doc, options, ())
        data = renderer.render()
        if not renderer.toc_slots:
            return data
        fonts = docx_pages.Fonts(docx_pages.brand_faces(theme_of(options.theme)))
        pages: list[int | None] = []
        for _ in range(TOC_PASSES):
            found = docx_pages.bookmark_pages(data, fonts)
            wanted: list[int | None] = [found.get(name) for _, _, name in renderer.toc_entries]
            if wanted == pages:
                break
            pages = wanted
            renderer = _Renderer(doc, options, pages)
            data = renderer.render()
        return data


@dataclass(slots=True)
class _TocSlot:
    placeholder: CT_P
    entries: list[tuple[int, str, str]]
    depth: int = 3


def _package_members(word: WordDocument) -> dict[str, bytes]:
    """Return the members python-docx's `save` would zip, by name, but the main document part
    (the caller has it whole, spooled): content types, relationships and every other part."""
    package = word.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    main = word.part.partname
    members = {CONTENT_TYPES_URI.membername: _content_types(parts),
               PACKAGE_URI.rels_uri.membername: package.rels.xml}
    for part in parts:
        if part.partname != main:
            members[part.partname.membername] = part.blob
        if len(part.rels):
            members[part.partname.rels_uri.membername] = part.rels.xml
    return members


def _content_types(parts: Sequence[Part]) -> bytes:
    """Return `[Content_Types].xml` for `parts` as python-docx's package writer makes it: a
    default for the extensions the OPC spec lists with that type, an override for the rest,
    each sorted."""
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[PackURI, str] = {}
    for part in parts:
        ext = part.partname.ext
        if (ext.lower(), part.content_type) in default_content_types:
            defaults[ext.lower()] = part.content_type
        else:
            overrides[part.partname] = part.content_type
    types = CT_Types.new()  # type: ignore[no-untyped-call]
    for ext in sorted(defaults):
        types.add_default(ext, defaults[ext])
    for partname in sorted(overrides):
        types.add_override(partname, overrides[partname])
    blob: bytes = serialize_part_xml(types)
    return blob


class _Renderer:
    """One rendering of one document; holds the python-docx document while it is built."""

    def __init__(self, doc: Document, options: RenderOptions,
                 toc_pages: Sequence[int | None]) -> None:
        self.doc = doc
        self.options = options
        self.toc_pages = toc_pages
        self.look = _Look.of(theme_of(options.theme))
        self.muted = RGBColor.from_string(self.look.muted)
        self.reference = options.reference_docx is not None
        """True when styles, page setup, headers and footers are the user's (--reference-docx)."""
        self.styled = _STYLED.get((self.look, self._text_width_twips())) \
            if not self.reference else None
        """python-docx's template with the writer's styles made for an earlier document with
        the same look, and the names of those styles (see `_setup_styles`)."""
        if options.reference_docx is not None:
            self.word: WordDocument = _open_reference(options.reference_docx)
        else:
            self.word = docx.Document(io.BytesIO(self.styled[0]) if self.styled else None)
        self.outline = _Outline()
        self.bookmark_id = 0
        self.has_toc = False
        self.toc_entries: list[tuple[int, str, str]] = []
        self.toc_slots: list[_TocSlot] = []
        self.anchors = self._collect_anchors()
        self.spool = _BodySpool(self.word.element.body)
        self.section_refs: list[etree._Element] | None = None
        self.sections_linked = 0
        self.break_before = False
        self.numbering_abstract: int | None = None
        self.styles: dict[str, ParagraphStyle] = {}
        self.bookmarked: set[str] = set()
        self.last_heading = 0
        """Level of the latest listed heading: the next may go at most one level deeper."""

    # --- document set-up --------------------------------------------------------------------

    def render(self) -> bytes:
        try:
            members, document = self._build()
            if "docProps/app.xml" not in members:
                raise KeyError("docProps/app.xml is not a member of the package")
            members["docProps/app.xml"] = self._app_xml()

            def content(name: str) -> bytes | Iterator[bytes]:
                return document if name == main else members[name]

            main = self.word.part.partname.membername
            return ooxml.write_package([*members, main], content, self.options.timestamp)
        finally:
            self.spool.close()

    def _build(self) -> tuple[dict[str, bytes], Iterator[bytes]]:
        """Render the document; return python-docx's package members but the main part, and
        the main part's whole XML."""
        self._drop_thumbnail()
        self._setup_styles()
        section = self.word.sections[0]
        self._setup_page(section)
        self._setup_settings()
        body = self.word._body
        self._logo()
        since_spooled = 0
        for block in self.doc.blocks:
            self.block(body, block)
            since_spooled += 1
            # A top-level page break ends an article of a pack: what came before is finished.
            if isinstance(block, PageBreak) or since_spooled >= SPOOL_EVERY:
                self._spool_body()
                since_spooled = 0
        self._fill_tocs()
        self._link_headers(self.word.element.body)
        self._properties()
        # The body as it stands has a marker where each spooled stretch goes; the whole part
        # replaces it as `render` writes the package.
        return (_package_members(self.word),
                self.spool.chunks(serialize_part_xml(self.word.element)))

    def _logo(self) -> None:
        """Put the brand's logo, right-aligned, above the first page's title."""
        logo = theme_of(self.options.theme).logo
        if logo is None:
            return
        paragraph = self.word.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = paragraph.add_run()
        run.add_picture(io.BytesIO(logo.data), height=Cm(LOGO_HEIGHT_CM))
        for doc_pr in run._r.iter(qn("wp:docPr")):
            doc_pr.set("descr", logo.alt)
            doc_pr.set("name", "Logo")

    def _spool_body(self) -> None:
        """Move the body children the renderer is done with to the spool.

        Kept in the tree: the last paragraph or table (the next block looks at it), the
        section mark, and whatever holds a TOC placeholder (`_fill_tocs` replaces it at the end).
        """
        body = self.word.element.body
        keep = {_last_block_element(self.word._body)}
        for slot in self.toc_slots:
            holder = slot.placeholder
            while holder.getparent() is not body:
                holder = holder.getparent()
            keep.add(holder)
        run: list[etree._Element] = []
        for child in list(body):
            if child in keep or child.tag in (etree.Comment, qn("w:sectPr")):
                self._spool_run(run)
                run = []
            else:
                run.append(child)
        self._spool_run(run)

    def _spool_run(self, run: list[etree._Element]) -> None:
        if run:
            for element in run:
                self._link_headers(element)  # sections in document order, before they leave
            self.spool.spool(run)

    def _drop_thumbnail(self) -> None:
        # python-docx's template carries a picture of a blank page as the file-browser preview.
        rels = self.word.part.package.rels
        for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
            rels.pop(rid)

    def _setup_settings(self) -> None:
        settings = self.word.settings.element
        if self.options.duplex:
            mirror = _el("w:mirrorMargins")
            anchor = settings.find(qn("w:proofState"))
            if anchor is not None:
                anchor.addprevious(mirror)
            else:
                settings.insert(0, mirror)
        # Compatibility mode 14 makes Word 2013+ show "[Compatibility Mode]" in the title bar.
        for setting in settings.iter(qn("w:compatSetting")):
            if setting.get(qn("w:name")) == "compatibilityMode":
                setting.set(qn("w:val"), "15")

    def _setup_page(self, section: Section) -> None:
        if self.reference:
            # The reference's page setup, headers and footers stay; a protective marking is
            # still printed, above its header and below its footer.
            marking = _clip(self.options.classification or "", 200)
            if marking:
                for part in (section.header, section.footer):
                    paragraph = (part.paragraphs[0].insert_paragraph_before()
                                 if part is section.header and part.paragraphs
                                 else part.add_paragraph())
                    self._marking(paragraph, marking)
            return
        width, height = self.options.page_size
        section.page_width = Twips(round(width * 20))
        section.page_height = Twips(round(height * 20))
        section.top_margin = MARGIN_TOP
        section.bottom_margin = MARGIN_BOTTOM
        if self.options.duplex:
            section.left_margin, section.right_margin = MARGIN_INSIDE, MARGIN_OUTSIDE
        else:
            section.left_margin = section.right_margin = MARGIN_SIDE
        section.header_distance = Cm(1.0)
        section.footer_distance = Cm(1.0)
        section.different_first_page_header_footer = True
        marking = _clip(self.options.classification or "", 200)
        header_text = _clip(self.doc.meta.header, MAX_HEADER)

        # First page: the title block already names the document, so no running header.
        self._marking(section.first_page_header.paragraphs[0], marking)
        running = section.header.paragraphs[0]
        if marking:
            self._marking(running, marking)
            running = section.header.add_paragraph()
        if header_text:
            running.add_run(header_text)
            running.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _set_ppr(running._p.get_or_add_pPr(), self._bottom_rule())
        for footer in (section.footer, section.first_page_footer):
            self._page_numbers(footer.paragraphs[0])
            if marking:
                self._marking(footer.add_paragraph(), marking)

    def _link_headers(self, element: etree._Element) -> None:
        """Point every section in `element` at the first section's headers and footers.

        Word inherits them from the previous section, LibreOffice does not, and python-docx's
        new sections carry no references. Only the first section gets a distinct first page:
        in a pack the running header names the pack, not the article, and LibreOffice shows
        the first-page header on every page of a later section that asks for one.

        Called for each stretch of the body in document order (as it is spooled, then for the
        rest at the end), so every section is seen once. The first section always has the
        references (`_setup_page` made them before any section break copied its mark).
        """
        kinds = (qn("w:headerReference"), qn("w:footerReference"))
        for sect in element.iter(qn("w:sectPr")):
            own = [r for r in sect if r.tag in kinds]
            if self.section_refs is None and own:
                self.section_refs = [copy.deepcopy(r) for r in own]
            if not own:
                for index, ref in enumerate(self.section_refs or ()):
                    sect.insert(index, copy.deepcopy(ref))
            if self.sections_linked > 0:
                for title_page in sect.findall(qn("w:titlePg")):
                    sect.remove(title_page)
            self.sections_linked += 1

    def _bottom_rule(self) -> etree._Element:
        borders = _el("w:pBdr")
        borders.append(_border("w:bottom", size=4, color=self.look.rule, space=4))
        return borders

    def _marking(self, paragraph: Paragraph, marking: str) -> None:
        if not marking:
            return
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(marking)
        run.bold = True
        run.font.size = Pt(10)
        run.font.color.rgb = RGBColor.from_string(self.look.marking)

    def _page_numbers(self, paragraph: Paragraph) -> None:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Page ")
        _add_field(paragraph, "PAGE", "1")
        paragraph.add_run(" of ")
        _add_field(paragraph, "NUMPAGES", "1")

    def _setup_styles(self) -> None:
        if not self.reference:
            self._built_in_styles()
            return
        # The reference's own styles (and document defaults) are kept exactly: the writer's
        # styles are made as usual, then every style the reference defined is put back.
        root = self.word.styles.element
        kept = {el.get(qn("w:styleId")): copy.deepcopy(el) for el in root.iter(qn("w:style"))}
        defaults = root.find(qn("w:docDefaults"))
        kept_defaults = copy.deepcopy(defaults) if defaults is not None else None
        self._make_styles()
        for el in list(root.iter(qn("w:style"))):
            original = kept.get(el.get(qn("w:styleId")))
            if original is not None:
                el.getparent().replace(el, copy.deepcopy(original))
        new_defaults = root.find(qn("w:docDefaults"))
        if new_defaults is not None and kept_defaults is not None:
            root.replace(new_defaults, kept_defaults)
        self.styles = {name: self.word.styles[name] for name in self.styles}
        self.link_style = self.word.styles["Hyperlink"]

    def _built_in_styles(self) -> None:
        """Make the writer's styles in python-docx's template, once per look and text width:
        the package as it then stands is kept (`_STYLED`) and later documents start from it,
        only finding their styles (making them took a third of a short document's time, as
        python-docx finds a style by scanning them all)."""
        if self.styled is None:
            self._make_styles()
            if len(_STYLED) >= _STYLED_KEPT:
                _STYLED.clear()
            package = io.BytesIO()
            self.word.save(package)
            _STYLED[(self.look, self._text_width_twips())] = (
                package.getvalue(), tuple((name, style.style_id)
                                          for name, style in self.styles.items()))
        else:
            style_id_attribute = qn("w:styleId")
            by_id = {el.get(style_id_attribute): el
                     for el in self.word.styles.element.iterchildren(qn("w:style"))}
            for name, style_id in self.styled[1]:
                style = StyleFactory(by_id[style_id])
                assert isinstance(style, ParagraphStyle)
                self.styles[name] = style
            link = StyleFactory(by_id["Hyperlink"])
            assert isinstance(link, CharacterStyle)
            self.link_style = link
        # The document's language comes last in the Normal style's run properties.
        lang = self.doc.meta.lang if _LANG.fullmatch(self.doc.meta.lang or "") else ""
        if lang:
            rpr = self.styles["Normal"].element.get_or_add_rPr()
            rpr.append(_el("w:lang", val=lang))

    def _make_styles(self) -> None:
        look = self.look
        ink, accent, muted = (RGBColor.from_string(c) for c in (look.ink, look.accent,
                                                                 look.muted))
        styles = self.word.styles
        root = styles.element
        defaults = root.find(qn("w:docDefaults"))
        if defaults is not None:
            for rpr in defaults.iter(qn("w:rPr")):
                _set_fonts(rpr, look.body_font)

        def para(name: str, *, base: str | None = None, size: float | None = None,
                 bold: bool | None = None, italic: bool | None = None,
                 color: RGBColor | None = None, before: float | None = None,
                 after: float | None = None, keep: bool | None = None) -> ParagraphStyle:
            try:
                style = styles[name]
            except KeyError:
                # Word's own names (toc 1) must not be flagged as custom styles.
                style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH,
                                         builtin=name.startswith("toc "))
                style.base_style = styles[base or "Normal"]
                style.quick_style = True
            assert isinstance(style, ParagraphStyle)
            heading = name in _HEADING_STYLES or name.startswith("Heading ")
            _set_fonts(style.element.get_or_add_rPr(),
                       look.heading_font if heading else look.body_font)
            font, fmt = style.font, style.paragraph_format
            if size is not None:
                font.size = Pt(size)
            if bold is not None:
                font.bold = bold
            if italic is not None:
                font.italic = italic
            if color is not None:
                font.color.rgb = color
            if before is not None:
                fmt.space_before = Pt(before)
            if after is not None:
                fmt.space_after = Pt(after)
            if keep is not None:
                fmt.keep_with_next = keep
            self.styles[name] = style
            return style

        normal = para("Normal", size=10.5, color=ink, after=6)
        normal.paragraph_format.line_spacing = 1.12

        title = para("Title", size=24, color=accent, after=4)
        title.font.bold = True
        title.paragraph_format.keep_with_next = True
        subtitle = para("Subtitle", size=13, italic=False, color=muted, after=6, keep=True)
        for style in (title, subtitle):
            # The template's letter-spacing and kerning look dated; plain set type reads better.
            rpr = style.element.get_or_add_rPr()
            for tag in ("w:spacing", "w:kern"):
                for old in rpr.findall(qn(tag)):
                    rpr.remove(old)
        for rule in title.element.iter(qn("w:bottom")):
            rule.set(qn("w:color"), look.accent)
            for attr in ("themeColor", "themeShade"):
                rule.attrib.pop(qn(f"w:{attr}"), None)
        numpr = subtitle.element.pPr.find(qn("w:numPr")) if subtitle.element.pPr is not None \
            else None
        if numpr is not None:
            numpr.getparent().remove(numpr)  # a numbering level with no list: confuses LibreOffice
        for level, size, before in ((1, 15, 16), (2, 12.5, 12), (3, 11, 10)):
            para(f"Heading {level}", size=size, bold=True, color=accent, before=before, after=4,
                 keep=True)
            # The same look, kept out of the navigation pane and the table of contents.
            unlisted = para(f"Heading {level} Unlisted", base=f"Heading {level}")
            unlisted.paragraph_format.keep_with_next = True
            _set_ppr(unlisted.element.get_or_add_pPr(), _el("w:outlineLvl", val="9"))
        para("TOC Heading", size=15, bold=True, color=accent, before=0, after=10)

        para("List Bullet", after=3)
        para("List Number", after=3)
        quote = para("Quote", size=10.5, italic=True, color=ink, before=4, after=2, keep=True)
        qfmt = quote.paragraph_format
        qfmt.left_indent = qfmt.right_indent = Cm(0.7)
        borders = _el("w:pBdr")
        borders.append(_border("w:left", size=18, color=look.accent, space=8))
        _set_ppr(quote.element.get_or_add_pPr(), borders)
        attribution = para("Quote Attribution", base="Normal", size=9.5, italic=True,
                           color=muted, after=8)
        attribution.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        attribution.paragraph_format.right_indent = Cm(0.7)

        para("Lead", size=12, color=ink, after=8)
        para("Summary", size=10.5, after=6)
        para("Meta", size=10, color=muted, after=10)
        para("Small", size=8.5, color=muted, before=10, after=2)
        para("Note", size=9.5, italic=True, color=muted)
        para("Caption", size=9, bold=True, color=accent, before=6, after=3, keep=True)
        para("Table Text", size=9.5, before=0, after=0).paragraph_format.line_spacing = 1.0
        para("Box Title", size=11, bold=True, color=accent, before=0, after=4, keep=True)
        numbered = para("Numbered Paragraph")
        nfmt = numbered.paragraph_format
        nfmt.left_indent = Cm(0.8)
        nfmt.first_line_indent = Cm(-0.8)
        nfmt.tab_stops.add_tab_stop(Cm(0.8))
        for name in ("Header", "Footer"):
            para(name, size=8.5, color=muted)

        text_width = self._text_width_twips()
        for level in (1, 2, 3):
            toc = para(f"toc {level}", base="Normal", after=2 if level > 1 else 4,
                       bold=level == 1)
            # Word knows the TOC styles by these built-in names and ids.
            toc.style_id = f"TOC{level}"
            toc.paragraph_format.left_indent = Cm(0.5 * (level - 1))
            tabs = _el("w:tabs")
            tabs.append(_el("w:tab", val="right", leader="dot", pos=str(text_width)))
            _set_ppr(toc.element.get_or_add_pPr(), tabs)

        try:
            link = styles["Hyperlink"]
        except KeyError:
            link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER, builtin=True)
        link.font.color.rgb = RGBColor.from_string(look.link)
        link.font.underline = True
        self.link_style = link

    def _text_width_twips(self) -> int:
        if self.reference:
            section = self.word.sections[0]
            width = (section.page_width or 0) - (section.left_margin or 0) \
                - (section.right_margin or 0)
            return int(width) // 635
        width = round(self.options.page_size[0] * 20)
        side = (MARGIN_INSIDE + MARGIN_OUTSIDE) if self.options.duplex else 2 * MARGIN_SIDE
        return width - int(side) // 635

    # --- anchors and bookmarks ----------------------------------------------------------------

    def _collect_anchors(self) -> dict[tuple[int, str], str]:
        """Map (article segment, anchor) to a unique bookmark name, in document order.

        The one pass before rendering (a pack's blocks are read from disk on each pass), so it
        also notes whether the document has a table of contents.
        """
        outline = _Outline()
        found: dict[tuple[int, str], str] = {}
        used: set[str] = set()
        for block in iter_walk(self.doc.blocks):
            self.has_toc = self.has_toc or isinstance(block, Toc)
            outline.level(block)
            anchor = _anchor_of(block)
            if anchor is None or (outline.segment, anchor) in found:
                continue
            base = _bookmark_name(anchor)
            name, k = base, 1
            while name in used:
                k += 1
                suffix = f"_{k}"
                name = base[: 40 - len(suffix)] + suffix
            used.add(name)
            found[(outline.segment, anchor)] = name
        return found

    def _next_bookmark(self) -> int:
        self.bookmark_id += 1
        return self.bookmark_id

    # --- blocks -------------------------------------------------------------------------------

    def bare_paragraph(self, container: BlockItemContainer, style: str) -> Paragraph:
        """Add an empty paragraph in `style` at the end of `container`.

        Bypasses python-docx's `add_paragraph`: it scans every body child for the section mark
        and every style for the default on each call, which made book-length input quadratic.
        """
        p = OxmlElement("w:p")
        p.style = self.styles[style].style_id
        parent = container._element
        last = _last_child(parent)
        if last is not None and last.tag == qn("w:sectPr"):
            last.addprevious(p)
        else:
            parent.append(p)
        return Paragraph(p, container)

    def paragraph(self, container: BlockItemContainer, style: str) -> Paragraph:
        """Add a paragraph in `style`, honouring a pending page break."""
        last = _last_block_element(container)
        paragraph = self.bare_paragraph(container, style)
        if last is not None and last.tag == qn("w:tbl") and not style.startswith("Heading"):
            # Tables have no space after them; give the text below room to breathe.
            paragraph.paragraph_format.space_before = Pt(8)
        if self.break_before:
            paragraph.paragraph_format.page_break_before = True
            self.break_before = False
        return paragraph

    def block(self, container: BlockItemContainer, block: Block) -> None:
        level = self.outline.level(block)
        match block:
            case Heading():
                word_level = self.outline.heading_level(block)
                style = (f"Heading {self._in_order(word_level)}" if block.toc
                         else f"Heading {word_level} Unlisted")
                p = self.paragraph(container, style)
                self.inlines(p, block.content)
                self._mark(p, block, level)
            case Para():
                self.para(container, block, level)
            case ListBlock():
                self.list_block(container, block)
            case Quote():
                self.quote(container, block)
            case Table():
                self.table(container, block)
            case Fields():
                self.fields(container, block)
            case PageBreak():
                self.page_break(container, block)
            case Toc():
                self.toc(container, block)
            case Box():
                self.box(container, block)
            case Slide():
                self.slide(container, block, level)
            case Image():
                self.image(container, block)
            case _:
                assert_never(block)

    def image(self, container: BlockItemContainer, block: Image) -> None:
        """Add the picture at its share of the text width, described by its alt text."""
        found = picture(block.src, self.options)
        paragraph = self.paragraph(container, "Normal")
        run = paragraph.add_run()
        width = Twips(int(self._text_width_twips() * block.width))
        run.add_picture(io.BytesIO(found.data), width=width)
        for doc_pr in run._r.iter(qn("wp:docPr")):
            doc_pr.set("descr", block.alt)

    def _in_order(self, level: int) -> int:
        """Return `level` for a listed heading, raised so that no level is skipped (a reader
        navigating by headings finds Heading 2 under a Heading 1)."""
        level = min(level, self.last_heading + 1)
        self.last_heading = level
        return level

    def _mark(self, p: Paragraph, block: Block, level: int | None) -> None:
        """Add the bookmarks `block` needs: its anchor, and its TOC entry."""
        anchor = _anchor_of(block)
        if anchor is not None:
            name = self.anchors.get((self.outline.segment, anchor))
            # An anchor repeated within one article (a template slip) keeps its first target.
            if name is not None and name not in self.bookmarked:
                self.bookmarked.add(name)
                _bookmark(p._p, name, self._next_bookmark())
        if level is not None:
            ident = self._next_bookmark()
            name = f"_Toc{len(self.toc_entries) + 1:08d}"
            if self.has_toc:
                _bookmark(p._p, name, ident)
            self.toc_entries.append((level, _clip(_block_text(block), 1000), name))

    def para(self, container: BlockItemContainer, block: Para, level: int | None) -> None:
        if block.style == "title":
            style = "Title" if level is None else f"Heading {self._in_order(1)}"
        else:
            style = {"body": "Normal", "lead": "Lead", "summary": "Summary", "small": "Small",
                     "meta": "Meta", "subtitle": "Subtitle", "note": "Note"}[block.style]
        if block.number is not None and block.style == "body":
            style = "Numbered Paragraph"
        p = self.paragraph(container, style)
        if block.number is not None:
            run = p.add_run(str(block.number))
            run.font.size = Pt(8)
            run.font.color.rgb = self.muted
            run.add_tab()
        self.inlines(p, block.content)
        self._mark(p, block, level)

    def list_block(self, container: BlockItemContainer, block: ListBlock) -> None:
        style = "List Number" if block.ordered else "List Bullet"
        num_id = self._restart_numbering() if block.ordered else None
        for item in block.items:
            p = self.paragraph(container, style)
            if num_id is not None:
                numpr = p._p.get_or_add_pPr().get_or_add_numPr()
                numpr.get_or_add_ilvl().val = 0
                numpr.get_or_add_numId().val = num_id
            self.inlines(p, item.content)
            if item.ref is not None:
                self._cite(p, item.ref)

    def _restart_numbering(self) -> int:
        """Return a new numbering instance of List Number that starts again at 1.

        Every List Number paragraph shares one counter in Word, so a second numbered list would
        go on from where the first stopped.
        """
        numbering = self.word.part.numbering_part.element
        if self.numbering_abstract is None:
            style_num = self.styles["List Number"].element.pPr
            num_id = int(style_num.numPr.numId.val)
            num = numbering.num_having_numId(num_id)
            self.numbering_abstract = int(num.abstractNumId.val)
        num = numbering.add_num(self.numbering_abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)

    def quote(self, container: BlockItemContainer, block: Quote) -> None:
        p = self.paragraph(container, "Quote")
        self.inlines(p, block.content)
        if block.attribution or block.ref is not None:
            credit = self.paragraph(container, "Quote Attribution")
            if block.attribution:
                credit.add_run("— " + clean(block.attribution))
            if block.ref is not None:
                self._cite(credit, block.ref)
        else:
            p.paragraph_format.keep_with_next = False

    def _cite(self, p: Paragraph, n: int) -> None:
        """Append a citation of body paragraph `n`, linked when that paragraph is here."""
        p.add_run(" ")
        self.inlines(p, (Inline(text=f"¶{n}", ref=n),), small=True)

    def page_break(self, container: BlockItemContainer, block: PageBreak) -> None:
        if block.parity == "right" and self.options.duplex and container is self.word._body:
            # A section that starts on an odd page; headers and footers carry over unchanged.
            self.word.add_section(WD_SECTION.ODD_PAGE)
            self.break_before = False
        else:
            self.break_before = True

    def _before_table(self, container: BlockItemContainer) -> None:
        """Keep tables apart and honour a pending page break before a table."""
        last = _last_block_element(container)
        if self.break_before:
            p = self.bare_paragraph(container, "Table Text")
            p.add_run().add_break(WD_BREAK.PAGE)
            self.break_before = False
        elif last is not None and last.tag == qn("w:tbl"):
            # Word merges two tables that touch into one.
            self.bare_paragraph(container, "Table Text")

    def _new_table(self, container: BlockItemContainer, rows: int, widths: Sequence[float],
                   *, borders: dict[str, etree._Element], first_row: bool = False,
                   first_column: bool = False) -> WordTable:
        """Add a table with column widths in proportion to `widths`, filling the text width.

        `first_row` and `first_column` declare a header row or a key column (`w:tblLook`, what
        screen readers and Word's accessibility checker read; the look is drawn by hand).
        """
        self._before_table(container)
        total_width = self._container_width(container)
        # NaN, infinite or non-positive widths from a template fall back to an equal share.
        weights = [w if 0 < w < 1e6 else 1.0 for w in widths]
        cols = [int(total_width * w / sum(weights)) for w in weights]
        # BlockItemContainer.add_table directly: _Cell.add_table appends a paragraph we manage.
        table = BlockItemContainer.add_table(container, rows, len(cols), Twips(sum(cols)))
        tbl = table._tbl
        tblpr = tbl.tblPr
        for child in list(tblpr):
            if child.tag != qn("w:tblStyle"):
                tblpr.remove(child)
        tblpr.append(_el("w:tblW", w=str(sum(cols)), type="dxa"))
        border_el = _el("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            border_el.append(borders.get(side, _el(f"w:{side}", val="nil")))
        tblpr.append(border_el)
        # Fixed layout: a 20,000-character token wraps inside its column instead of widening it.
        tblpr.append(_el("w:tblLayout", type="fixed"))
        margins = _el("w:tblCellMar")
        for side, size in (("top", 50), ("left", 100), ("bottom", 50), ("right", 100)):
            margins.append(_el(f"w:{side}", w=str(size), type="dxa"))
        tblpr.append(margins)
        # The hex value repeats the flags for readers of the 2006 schema: noHBand 0x0200,
        # noVBand 0x0400, firstRow 0x0020, firstColumn 0x0080.
        look = 0x0600 | (0x0020 if first_row else 0) | (0x0080 if first_column else 0)
        tblpr.append(_el("w:tblLook", val=f"{look:04X}", firstRow=str(int(first_row)),
                         lastRow="0", firstColumn=str(int(first_column)), lastColumn="0",
                         noHBand="1", noVBand="1"))
        for grid_col, width in zip(tbl.tblGrid.gridCol_lst, cols, strict=True):
            grid_col.w = Twips(width)
        for tr in tbl.tr_lst:
            for tc, width in zip(tr.tc_lst, cols, strict=True):
                tc.width = Twips(width)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        return table

    def _container_width(self, container: BlockItemContainer) -> int:
        if isinstance(container, _Cell):
            width = container.width
            return max(int(width) // 635 - 400, 1000) if width is not None else 4000
        return self._text_width_twips()

    def _cell(self, cell: _Cell, content: Inlines, *, fill: str | None = None,
              bold: bool = False) -> None:
        p = cell.paragraphs[0]
        p._p.style = self.styles["Table Text"].style_id
        self.inlines(p, content, bold=bold)
        if fill is not None:
            cell._tc.get_or_add_tcPr().append(_shade(fill))

    def table(self, container: BlockItemContainer, block: Table) -> None:
        ncols = max([len(r) for r in block.rows] + [len(block.header or ())] + [1])
        widths = list(block.widths or ())[:ncols]
        widths += [sum(widths) / len(widths) if widths else 1.0] * (ncols - len(widths))
        if block.caption:
            caption = self.paragraph(container, "Caption")
            caption.add_run(clean(block.caption))
        rows = ([block.header] if block.header is not None else []) + list(block.rows)
        if not rows:
            return
        grid = {side: _border(f"w:{side}", color=self.look.rule) for side in
                ("top", "left", "bottom", "right", "insideH", "insideV")}
        table = self._new_table(container, len(rows), widths, borders=grid,
                                first_row=block.header is not None)
        for index, (row, cells) in enumerate(zip(table.rows, rows, strict=True)):
            header = block.header is not None and index == 0
            if header:
                # Repeat the header row at the top of every page the table runs onto.
                row._tr.get_or_add_trPr().append(_el("w:tblHeader"))
            banded = not header and (index - (block.header is not None)) % 2 == 1
            fill = (self.look.header_fill if header
                    else (self.look.band_fill if banded else None))
            for cell, content in zip(row.cells, list(cells) + [()] * (ncols - len(cells)),
                                     strict=True):
                self._cell(cell, content, fill=fill, bold=header)

    def fields(self, container: BlockItemContainer, block: Fields) -> None:
        if not block.rows:
            return
        grid = {side: _border(f"w:{side}", color=self.look.rule) for side in
                ("top", "bottom", "insideH")}
        table = self._new_table(container, len(block.rows), (1.0, 3.0), borders=grid,
                                first_column=True)
        for row, (name, value) in zip(table.rows, block.rows, strict=True):
            key, val = row.cells
            self._cell(key, (Inline(text=name),), fill=self.look.key_fill, bold=True)
            self._cell(val, value)

    def box(self, container: BlockItemContainer, block: Box) -> None:
        accent = {"left": _border("w:left", size=24, color=self.look.accent)}
        table = self._new_table(container, 1, (1.0,), borders=accent)
        cell = table.cell(0, 0)
        cell._tc.get_or_add_tcPr().append(_shade(self.look.box_fill))
        margins = _el("w:tcMar")
        for side, size in (("top", 120), ("left", 200), ("bottom", 60), ("right", 200)):
            margins.append(_el(f"w:{side}", w=str(size), type="dxa"))
        cell._tc.get_or_add_tcPr().append(margins)
        first = cell.paragraphs[0]
        first_p = first._p
        if block.title:
            first._p.style = self.styles["Box Title"].style_id
            first.add_run(clean(block.title))
        for child in block.children:
            self.block(cell, child)
        if not block.title and len(cell._tc.xpath("./w:p | ./w:tbl")) > 1:
            cell._tc.remove(first_p)
        last = _last_block_element(cell)
        if last is None or last.tag != qn("w:p"):
            self.bare_paragraph(cell, "Table Text")
        else:
            Paragraph(last, cell).paragraph_format.space_after = Pt(2)

    def slide(self, container: BlockItemContainer, block: Slide, level: int | None) -> None:
        if block.title.strip():
            level_of_title = 1 if block.layout in ("title", "section") else 2
            p = self.paragraph(container, f"Heading {self._in_order(level_of_title)}")
            p.add_run(clean(block.title))
            self._mark(p, block, level)
        for child in block.children:
            self.block(container, child)
        if block.notes:
            note = self.paragraph(container, "Note")
            lead = note.add_run("Speaker notes: ")
            lead.bold = True
            self.inlines(note, block.notes)

    def toc(self, container: BlockItemContainer, block: Toc) -> None:
        heading = self.paragraph(container, "TOC Heading")
        heading.add_run(clean(block.title))
        placeholder = self.bare_paragraph(container, "toc 1")
        self.toc_slots.append(_TocSlot(placeholder._p, self.toc_entries, block.depth))

    def _fill_tocs(self) -> None:
        """Replace each TOC placeholder with a TOC field pre-filled with every listed heading."""
        for slot in self.toc_slots:
            parent = slot.placeholder.getparent()
            entries = [entry for entry in slot.entries if entry[0] <= slot.depth]
            made: list[CT_P] = []
            for index, (level, text, bookmark) in enumerate(entries):
                p = Paragraph(OxmlElement("w:p"), self.word._body)
                p._p.style = self.styles[f"toc {min(level, 3)}"].style_id
                if index == 0:
                    self._toc_field_start(p, slot.depth)
                link = _el("w:hyperlink", anchor=bookmark, history="1")
                p._p.append(link)
                run = p.add_run(text)
                link.append(run._r)
                # The entry's place in `toc_entries(doc)`, whatever the depth shown.
                number = int(bookmark.removeprefix("_Toc")) - 1
                page = self.toc_pages[number] if number < len(self.toc_pages) else None
                if page is not None or not self.toc_pages:
                    tab = p.add_run()
                    tab.add_tab()
                    link.append(tab._r)
                    start = len(p._p)
                    # Before the pages are known (the first rendering): a number's room.
                    _add_field(p, f"PAGEREF {bookmark} \\h", str(page or 10))
                    for r in list(p._p)[start:]:
                        link.append(r)
                made.append(p._p)
            if not made:
                p = Paragraph(OxmlElement("w:p"), self.word._body)
                p._p.style = self.styles["toc 1"].style_id
                self._toc_field_start(p, slot.depth)
                p.add_run("No headings.")
                made.append(p._p)
            made[-1].append(_el("w:r"))
            made[-1][-1].append(_el("w:fldChar", fldCharType="end"))
            for p_el in made:
                slot.placeholder.addprevious(p_el)
            parent.remove(slot.placeholder)

    def _toc_field_start(self, p: Paragraph, depth: int) -> None:
        for kind, text in (("begin", None), (None, f' TOC \\o "1-{depth}" \\h \\z \\u '),
                           ("separate", None)):
            r = _el("w:r")
            if kind is not None:
                r.append(_el("w:fldChar", fldCharType=kind))
            else:
                instr = _el("w:instrText")
                instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                instr.text = text
                r.append(instr)
            p._p.append(r)

    # --- inline -------------------------------------------------------------------------------

    def inlines(self, p: Paragraph, content: Inlines, *, bold: bool = False,
                small: bool = False) -> None:
        """Append `content` to `p` as runs, links and line breaks."""
        for item in content:
            if item.newline:
                p.add_run().add_break()
                continue
            text = clean(item.text)
            if not text:
                continue
            target: etree._Element | None = None
            if item.ref is not None:
                bookmark = self.anchors.get((self.outline.segment, paragraph_anchor(item.ref)))
                if bookmark is not None:
                    target = _el("w:hyperlink", anchor=bookmark, history="1")
            elif item.href is not None and item.href.lower().startswith(SAFE_LINK_SCHEMES):
                rid = p.part.relate_to(item.href, RT.HYPERLINK, is_external=True)
                target = _el("w:hyperlink", history="1")
                target.set(qn("r:id"), rid)
            if target is not None:
                p._p.append(target)
            run = _run(p, text)
            if item.strong or bold:
                run.bold = True
            if item.emphasis:
                run.italic = True
            if small:
                run.font.size = Pt(8.5)
                run.font.color.rgb = self.muted
            if target is not None:
                run.style = self.link_style
                target.append(run._r)

    # --- properties ---------------------------------------------------------------------------

    def _properties(self) -> None:
        meta = self.doc.meta
        props = self.word.core_properties
        when = dt.datetime.fromtimestamp(self.options.timestamp, tz=dt.timezone.utc)
        props.title = _clip(meta.title, MAX_PROPERTY)
        props.subject = _clip(meta.subject, MAX_PROPERTY)
        props.keywords = _clip("; ".join(meta.keywords), MAX_PROPERTY)
        props.author = _clip(meta.author or self.options.generator, MAX_PROPERTY)
        props.last_modified_by = _clip(self.options.generator, MAX_PROPERTY)
        props.comments = ""
        props.category = ""
        props.content_status = ""
        props.identifier = ""
        props.version = ""
        props.language = meta.lang if _LANG.fullmatch(meta.lang or "") else ""
        props.created = props.modified = props.last_printed = when
        props.revision = 1

    def _app_xml(self) -> bytes:
        application = escape(_clip(self.options.generator, MAX_PROPERTY))
        return (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties">'
            f"<Application>{application}</Application><DocSecurity>0</DocSecurity>"
            "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
            "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
            "</Properties>"
        ).encode()


def _anchor_of(block: Block) -> str | None:
    """Return the anchor `block` is the target of, if any."""
    if isinstance(block, Para):
        if block.anchor:
            return block.anchor
        return paragraph_anchor(block.number) if block.number is not None else None
    if isinstance(block, Heading):
        return block.anchor
    return None


def _last_child(element: etree._Element) -> etree._Element | None:
    # len() on an lxml element counts every child; indexing from the end does not.
    try:
        return element[-1]
    except IndexError:
        return None


def _run(p: Paragraph, text: str) -> Run:
    """Append a run of `text` to `p`.

    Inline text has its white space collapsed already, so the run needs no tabs or breaks;
    python-docx's `add_run` examines the text one character at a time to find them.
    """
    if "\t" in text or "\n" in text or "\r" in text:
        return p.add_run(text)
    r = p._p.add_r()
    r.add_t(text)
    return Run(r, p)


def _last_block_element(container: BlockItemContainer) -> etree._Element | None:
    """Return the last paragraph or table of `container` (the body's section mark excluded)."""
    element = container._element
    for child in reversed(element):
        if child.tag in (qn("w:p"), qn("w:tbl")):
            return child
    return None
