"""Tagged PDF, part one: marked content while drawing, and a record of the structure it makes.

Flowables and page decoration know *what* they draw (a heading, a list item, a table cell, the
running header); this module is the one place that turns that into PDF/UA tagging:

- `Tag` names a structure element (role and parent) and is made by the renderer along with the
  flowables, so it is the same object however many layout passes there are, and the pieces of
  a paragraph split across pages (or into layout pieces) share it: they stay one element.
- `Tagger` (one per canvas, so one per layout pass) writes `/Role <</MCID n>> BDC … EMC` around
  content and records which element each MCID and each link annotation belongs to. Everything
  drawn outside a tagged element is an artifact: each page's stream is wrapped in
  `/Artifact BMC … EMC`, closed around tagged content. So rules, panel and row backgrounds,
  dot leaders and ¶ margin numbers need no call of their own. The one piece of page decoration
  that is content, the brand's logo, is tagged as a Figure (with its alt text and a Layout
  `/BBox`) through `on_finished_page`, as the canvas draws the decoration when it saves.
- `TaggingCanvas` holds the ReportLab hooks the tagger needs: the operator order of a bulleted
  paragraph (the bullet's text object comes first), the `/Contents` of link annotations and the
  annotation objects ReportLab names (internal links then written by `Link`), and the space
  ReportLab drops at each line break, written back as a trailing space on the line (a space
  draws nothing, so the page looks the same, but the extracted text reads "cautious
  cooperation", not "cautiouscooperation").

These hooks, and the two others tagging needs (`page.Contents`: the table of contents' entry
paragraphs and page-number callback; `structure.attach`: page entries ReportLab's `PDFPage`
does not know), are the code that relies on ReportLab internals:
`tests/writers/test_tagging_contract.py` pins them, and pyproject.toml pins the minor version.

`structure.attach` turns the record into the structure tree as the canvas saves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import (
    Destination,
    LinkAnnotation,
    NoEncryption,
    PDFArray,
    PDFDictionary,
    PDFObject,
    PDFString,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

HEADINGS = ("H1", "H2", "H3", "H4", "H5", "H6")

BBox = tuple[float, float, float, float]
"""A rectangle on the page: left, bottom, right, top, in points of default user space."""


@dataclass(eq=False, slots=True)
class Tag:
    """A structure element as the renderer sees it: a role and the element it belongs to.

    Compared by identity: two tags are one element only if they are the same object.
    `level` is set for headings (1-6); the tagger writes H1…H6 with no level skipped.
    """

    role: str
    parent: Tag | None = None
    level: int = 0
    scope: str | None = None
    """`Column` or `Row` for a table header cell."""
    alt: str | None = None
    """Alternative text (a Figure)."""
    bbox: BBox | None = None
    """Where a Figure lies on its page, in default user space (the Layout attribute `/BBox`)."""
    made: tuple[Tagger, Element] | None = field(default=None, repr=False)
    """The element a tagger made of this tag in its pass (none kept once the tag is gone)."""


@dataclass(eq=False, slots=True)
class Element:
    """A structure element of one layout pass, with its kids in reading order: elements, and
    marked content as `content(page, mcid)` numbers (a thousand-page pack has ~100,000)."""

    role: str
    parent: Element | None
    kids: list[Element | int] = field(default_factory=list)
    scope: str | None = None
    alt: str | None = None
    bbox: BBox | None = None
    contents: str | None = None
    """A Link's description."""
    annotation: tuple[dict[str, Any], str, int] | None = None
    """A Link's annotation: its entries (set when the tree is made), its object name and the
    index of its page."""
    ref: str = ""
    """The name of its PDF object, once the tree is made."""
    parent_ref: str = ""
    """The name of the structure tree root's object, for the root element."""


PAGE_SHIFT = 20
"""Marked content is `page << PAGE_SHIFT | mcid` in an element's kids."""


def content(page: int, mcid: int) -> int:
    """Return the kid that stands for marked content `mcid` of `page` (0-based)."""
    return page << PAGE_SHIFT | mcid


def page_and_mcid(kid: int) -> tuple[int, int]:
    """Return the page and MCID of the marked-content kid `kid`."""
    return kid >> PAGE_SHIFT, kid & ((1 << PAGE_SHIFT) - 1)


class Tagger:
    """Write marked content on one canvas and record the structure it belongs to."""

    def __init__(self) -> None:
        self.root = Element("Document", None)
        self.page = 0
        """Index of the page being drawn (0-based)."""
        self.marked: list[list[Element]] = [[]]
        """For each page, the element of each MCID (the parent tree)."""
        self.links: list[list[Element]] = [[]]
        """For each page, the Link element of each annotation, in the page's order."""
        self._open: Element | None = None
        self._opened_at = 0
        self._state = "artifact"
        """"artifact" (the page's default), "element" (`_open`'s content) or "none"."""
        self._heading_level = 0
        self.describe: Callable[[str], str] = default_description

    # --- elements ------------------------------------------------------------------------------

    def element(self, tag: Tag) -> Element:
        """Return this pass's element for `tag`, made (with its ancestors) on first use."""
        made = tag.made
        if made is not None and made[0] is self:
            return made[1]
        parent = self.element(tag.parent) if tag.parent is not None else self.root
        role = tag.role
        if role == "H":
            # Headings in order, none skipped: a level may rise by one at a time only.
            level = max(1, min(tag.level, self._heading_level + 1, 6))
            self._heading_level = level
            role = HEADINGS[level - 1]
        element = Element(role, parent, scope=tag.scope, alt=tag.alt, bbox=tag.bbox)
        parent.kids.append(element)
        tag.made = (self, element)
        return element

    # --- marked content ------------------------------------------------------------------------

    def begin(self, canv: Canvas, tag: Tag | Element) -> None:
        """Start content of `tag` (close the artifact the page is in, open a tagged sequence)."""
        element = tag if isinstance(tag, Element) else self.element(tag)
        self._take_back_empty(canv)
        if self._state != "none":
            # Closes the page's default artifact, or the tagged content open before (a
            # list item's label, whose body follows).
            canv._code.append("EMC")
        marked = self.marked[self.page]
        element.kids.append(content(self.page, len(marked)))
        marked.append(element)
        canv._code.append(f"/{element.role} <</MCID {len(marked) - 1}>> BDC")
        self._open, self._state = element, "element"
        self._opened_at = len(canv._code)

    def end(self, canv: Canvas) -> None:
        """End the tagged content begun last; what follows is an artifact again."""
        if self._open is None:
            return
        self._take_back_empty(canv)
        if self._state == "element":
            canv._code.append("EMC")
        canv._code.append("/Artifact BMC")
        self._open, self._state = None, "artifact"

    def _take_back_empty(self, canv: Canvas) -> None:
        """Drop the open marked content if nothing was drawn in it (an MCID with no text)."""
        element = self._open
        if element is None or self._state != "element" or len(canv._code) != self._opened_at:
            return
        canv._code.pop()  # its BDC: what was open before was closed, nothing is open now
        marked = self.marked[self.page]
        marked.pop()
        element.kids.remove(content(self.page, len(marked)))
        self._state = "none"

    @contextmanager
    def tagged(self, canv: Canvas, tag: Tag | None) -> Iterator[Element | None]:
        """Tag what is drawn inside as `tag` (nothing is tagged when `tag` is None)."""
        if tag is None:
            yield None
            return
        self.begin(canv, tag)
        try:
            yield self._open
        finally:
            self.end(canv)

    @contextmanager
    def artifact(self, canv: Canvas) -> Iterator[None]:
        """Draw an artifact in the middle of tagged content (a TOC entry's dot leader)."""
        element = self._open
        if element is None:
            yield
            return
        self.end(canv)
        try:
            yield
        finally:
            self.begin(canv, element)

    @contextmanager
    def on_finished_page(self, canv: Canvas, tag: Tag, page: int) -> Iterator[None]:
        """Tag what is drawn inside as `tag`, on `page` (0-based), which the layout finished
        before: page decoration drawn as the canvas saves, inside the decoration's artifact
        (the brand's logo). Its element keeps the place in reading order it was made at."""
        element = self.element(tag)
        marked = self.marked[page]
        element.kids.append(content(page, len(marked)))
        marked.append(element)
        canv._code += ["EMC", f"/{element.role} <</MCID {len(marked) - 1}>> BDC"]
        try:
            yield
        finally:
            canv._code += ["EMC", "/Artifact BMC"]

    def finish_page(self, canv: Canvas) -> None:
        """Close the page being drawn: wrap its stream in the default artifact."""
        self.end(canv)
        canv._code.insert(0, "/Artifact BMC")
        canv._code.append("EMC")
        self._state = "artifact"
        self.page += 1
        self.marked.append([])
        self.links.append([])

    def link(self, description: str, annotation: tuple[dict[str, Any], str]) -> None:
        """Record a link annotation just added to the page, inside the open element."""
        parent = self._open or self.root
        element = Element("Link", parent, contents=description,
                          annotation=(*annotation, self.page))
        parent.kids.append(element)
        self.links[self.page].append(element)


def default_description(destination: str) -> str:
    """Return a link's description from its destination: a URL, or an anchor name."""
    if ":" in destination:
        return destination
    name = destination.split("~", 1)[0]
    paragraph = re.search(r"(?:^|-)p(\d+)$", name)
    if paragraph:
        return f"Paragraph {paragraph.group(1)}"
    return "Section " + " ".join(name.strip("_-").replace("-", " ").split())


# --- the ReportLab hooks ----------------------------------------------------------------------


class LineEndText(PDFTextObject):  # type: ignore[misc]
    """A paragraph's text object that writes back the space ReportLab drops at line breaks.

    ReportLab's paragraph drawing ends every line with `_textOut(text, TStar=1)`; the line's
    text gets a trailing space unless it is the paragraph's last line (`lines` of them) and
    nothing of the paragraph follows on another page (`continues`).
    """

    def __init__(self, canv: Canvas, x: float, y: float, *, lines: int,
                 continues: bool) -> None:
        super().__init__(canv, x, y)
        self._lines_left = lines
        self._continues = continues

    def _textOut(self, text: str, TStar: int = 0) -> None:
        if TStar:
            self._lines_left -= 1
            if self._lines_left > 0 or self._continues:
                text += " "
        super()._textOut(text, TStar)


class TaggingCanvas(Canvas):  # type: ignore[misc]
    """A canvas with a `Tagger`, and the hooks into ReportLab drawing the tagger needs."""

    tagger: Tagger

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.tagger = Tagger()
        self._after_text: Callable[[], None] | None = None
        super().__init__(*args, **kwargs)

    def after_next_text(self, action: Callable[[], None]) -> None:
        """Call `action` right after the next text object is drawn (a list item's bullet)."""
        self._after_text = action

    def drawText(self, aTextObject: Any) -> None:
        super().drawText(aTextObject)
        action, self._after_text = self._after_text, None
        if action is not None:
            action()

    def linkRect(self, contents: str, destinationname: str, *args: Any,
                 **kwargs: Any) -> Any:
        description = self.tagger.describe(destinationname)
        result = super().linkRect(description, destinationname, *args, **kwargs)
        self.tagger.link(description, self._last_annotation())
        return result

    def linkURL(self, url: str, rect: Any, *args: Any, **kwargs: Any) -> None:
        description = self.tagger.describe(url)
        kwargs["Contents"] = PDFString(description)
        super().linkURL(url, rect, *args, **kwargs)
        self.tagger.link(description, self._last_annotation())

    def _last_annotation(self) -> tuple[dict[str, Any], str]:
        """Return the entries and object name of the annotation just added (ReportLab names
        the n-th one `Annot.NUMBERn`): a URL link is a dictionary, an internal one a
        `LinkAnnotation` whose extra entries it keeps in `otherkw` and checks on writing."""
        name = self._doc.annotationName(f"NUMBER{self._annotationCount}")
        annotation = self._doc.idToObject[name]
        if isinstance(annotation, PDFDictionary):
            return annotation.dict, name
        annotation.permitted = (*annotation.permitted, "StructParent")
        if type(annotation) is LinkAnnotation:
            # Written by `Link` (the same bytes, faster), under the same name.
            self._doc.idToObject[name] = Link(annotation)
        return annotation.otherkw, name


LINK_KEYS = (b"/Border ", b"/Contents ", b"/Dest ", b"/F ", b"/Rect ", b"/StructParent ",
             b"/Subtype ", b"/Type ")
"""A tagged internal link's entries in the order ReportLab writes them (sorted)."""


class Link(PDFObject):  # type: ignore[misc]
    """A tagged internal link (a ¶ reference, a contents entry), written as ReportLab writes its
    `LinkAnnotation` in one step: a briefing has about a hundred, and ReportLab's way (a new
    checked dictionary of the entries, each key made a PDF name, sorted and formatted one by one
    each time) took a twentieth of the PDF's time. Each value is still formatted by ReportLab;
    a link with other entries than a tagged one's, or settings that change the layout of a
    dictionary, is written by ReportLab itself (`tests/writers/test_pdf_fast_paths.py`
    compares the two)."""

    def __init__(self, annotation: LinkAnnotation) -> None:
        self.annotation = annotation

    def format(self, document: Any) -> bytes:
        link = self.annotation
        extra = link.otherkw
        if (extra.keys() != {"F", "StructParent"} or rl_config.pdfMultiLine
                or isinstance(link.Rect, str) or PDFDictionary.multiline == "forced"):
            formatted: bytes = link.format(document)
            return formatted
        values = (_border(link.Border, document), _contents(link.Contents, document),
                  _destination(link.Destination, document), _numbers((extra["F"],), document),
                  b"[ " + _numbers(link.Rect, document) + b" ]",
                  _numbers((extra["StructParent"],), document), b"/Link", b"/Annot")
        entries = [key + value for key, value in zip(LINK_KEYS, values, strict=True)]
        # ReportLab breaks a dictionary's line after every six entries.
        return b"<<\n" + b" ".join(entries[:6]) + b" \n  " + b" ".join(entries[6:]) + b"\n>>"


def _numbers(values: Any, document: Any) -> bytes:
    """Return numbers as ReportLab writes them one by one (`pdfdoc.format`: `fp_str`, ASCII),
    space-separated; anything else formatted by ReportLab."""
    if all(type(value) in (float, int) for value in values):
        return " ".join([fp_str(value) for value in values]).encode("ascii")
    return b" ".join([pdf_format(value, document) for value in values])


def _border(border: Any, document: Any) -> bytes:
    """Return a link's border array (`[ 0 0 0 ]`) as ReportLab writes it on one line."""
    if type(border) is PDFArray and border.multiline is True and len(border.sequence) <= 10:
        return b"[ " + _numbers(border.sequence, document) + b" ]"
    formatted: bytes = pdf_format(border, document)
    return formatted


_PLAIN_STRING = re.compile(r"[ !\x22-\x27*-\x5b\x5d-\x7e]*")
"""Printable ASCII but the three characters a PDF string escapes: `(`, `)`, `\\`."""


def _contents(text: Any, document: Any) -> bytes:
    """Return `PDFString(text, 1)` as ReportLab writes it: printable ASCII without parentheses
    or backslashes, in an unencrypted file, is itself in parentheses."""
    if (type(text) is str and type(document.encrypt) is NoEncryption
            and _PLAIN_STRING.fullmatch(text)):
        return b"(" + text.encode("ascii") + b")"
    formatted: bytes = PDFString(text, 1).format(document)
    return formatted


_DESTINATIONS: WeakKeyDictionary[Any, dict[int, tuple[Destination, bytes]]] = \
    WeakKeyDictionary()
"""Document -> destination object id -> (the destination, its bytes as written in it)."""


def _destination(destination: Any, document: Any) -> bytes:
    """Return a link's destination as ReportLab writes it (`[ 92 0 R /XYZ 68 509.8 0 ]`),
    formatted once per document: a briefing's ¶ references point at a few paragraphs, each
    from many links, and a destination is fixed by the time the file is written."""
    if type(destination) is not Destination:
        formatted: bytes = pdf_format(destination, document)
        return formatted
    known = _DESTINATIONS.setdefault(document, {})
    found = known.get(id(destination))
    if found is None or found[0] is not destination:
        found = known[id(destination)] = (destination, pdf_format(destination, document))
    return found[1]
