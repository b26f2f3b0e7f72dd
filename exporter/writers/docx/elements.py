"""Low-level OOXML for the Word writer: text made safe for XML, and the elements python-docx
has no API for (borders, shading, fonts, fields, bookmarks, paragraph properties in schema order).
"""

from __future__ import annotations

import re
import threading
from functools import cache

from docx.blkcntnr import BlockItemContainer
from docx.oxml.ns import NamespacePrefixedTag, qn
from docx.oxml.parser import oxml_parser
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def clean(text: str) -> str:
    """Return `text` without the characters XML 1.0 forbids (lxml raises on them)."""
    return _ILLEGAL.sub("", text)


def _clip(text: str, limit: int) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _el(tag: str, **attrs: str) -> etree._Element:
    """A new `tag` element with `attrs` in the w: namespace, copied from the first made
    (borders, shading, margins and widths repeat through a document)."""
    key: tuple[str | tuple[str, str], ...] = (tag, *attrs.items())
    made = _BLANKS.attributed
    blank = made.get(key)
    if blank is None:
        if len(made) >= 1024:  # colours and widths vary with the brand and the page
            made.clear()
        blank = made[key] = new_element(tag)
        for name, value in attrs.items():
            blank.set(_w(name), value)
    copied: etree._Element = blank.__copy__()
    return copied


@cache
def _tag(nsptag: str) -> tuple[str, dict[str, str]]:
    found = NamespacePrefixedTag(nsptag)
    return found.clark_name, found.nsmap


class _Blanks(threading.local):
    """One empty element per tag, made as python-docx's `OxmlElement` makes it, to be copied:
    a copy takes a third of the time of making one (a summary makes ~600 per rendering). Per
    thread, as lxml keeps a parser's names per thread."""

    def __init__(self) -> None:
        self.made: dict[str, etree._Element] = {}
        """An empty element, by tag (`new_element`)."""
        self.styled: dict[str, etree._Element] = {}
        """A paragraph's properties naming only its style, by style id (`set_style`)."""
        self.attributed: dict[tuple[str | tuple[str, str], ...], etree._Element] = {}
        """An element with attributes, by tag and attributes in order (`_el`)."""


_BLANKS = _Blanks()


def new_element(nsptag: str) -> etree._Element:
    """python-docx's `OxmlElement(nsptag)` (an element of its class for the tag, declaring the
    tag's namespace), without working the tag's name out again for every element."""
    blank = _BLANKS.made.get(nsptag)
    if blank is None:
        clark, nsmap = _tag(nsptag)
        blank = _BLANKS.made[nsptag] = oxml_parser.makeelement(clark, nsmap=nsmap)
    copied: etree._Element = blank.__copy__()  # what copy.copy calls, found directly
    return copied


@cache
def _w(name: str) -> str:
    """`qn("w:" + name)`, remembered."""
    return qn(f"w:{name}")


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


def _last_child(element: etree._Element) -> etree._Element | None:
    # len() on an lxml element counts every child; indexing from the end does not.
    try:
        return element[-1]
    except IndexError:
        return None


def _run(p: Paragraph, text: str) -> Run:
    """Append a run of `text` to `p`.

    Inline text has its white space collapsed already, so the run needs no tabs or breaks;
    python-docx's `add_run` examines the text one character at a time to find them (and its
    `add_r`, `add_t` place each element by looking through the schema's order: a run and its
    text are the last and only children here, so they are appended).
    """
    if "\t" in text or "\n" in text or "\r" in text:
        return p.add_run(text)
    r = new_element("w:r")
    t = new_element("w:t")
    t.text = text
    if len(text.strip()) < len(text):
        t.set(_XML_SPACE, "preserve")
    r.append(t)
    p._p.append(r)
    return Run(r, p)


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def set_style(p: CT_P, style_id: str) -> None:
    """Give `p` the paragraph style `style_id` (python-docx's `p.style = …`).

    python-docx places `w:pPr` and `w:pStyle` by looking through every tag that may follow
    them; in a paragraph with no children yet both are simply the first, which is most of
    the paragraphs the writer makes."""
    if len(p):
        p.style = style_id
        return
    made = _BLANKS.styled
    blank = made.get(style_id)
    if blank is None:
        if len(made) >= 256:  # a reference document's style ids are the user's
            made.clear()
        blank = made[style_id] = new_element("w:pPr")
        style = new_element("w:pStyle")
        style.set(_VAL, style_id)
        blank.append(style)
    p.append(blank.__copy__())


_VAL = qn("w:val")


def set_flag(run: Run, flag: str) -> None:
    """Turn on a run's `b` (bold) or `i` (italic): python-docx's `run.bold = True`.

    A run of text alone (`_run`) gets its properties made directly; python-docx places
    them by looking through the schema's order, here for the first of them at the start."""
    r = run._r
    if len(r) == 1 and r[0].tag == _w("t"):
        rpr = new_element("w:rPr")
        rpr.append(new_element(f"w:{flag}"))
        r.insert(0, rpr)
    elif flag == "b":
        run.bold = True
    else:
        run.italic = True


def _last_block_element(container: BlockItemContainer) -> etree._Element | None:
    """Return the last paragraph or table of `container` (the body's section mark excluded)."""
    element = container._element
    for child in reversed(element):
        if child.tag in (_w("p"), _w("tbl")):
            return child
    return None
