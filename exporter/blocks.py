"""The block document: the small, closed set of blocks every writer renders.

Templates produce XML (see `templates/*.xml.j2`); `parse` turns that XML into the frozen dataclasses
below and rejects anything outside the vocabulary, so a writer can rely on what it receives.
Templates decide *what* a document contains and in what order; writers decide how a block looks.

The XML vocabulary (attributes in brackets are optional)::

    <document kind [title] [author] [subject] [keywords] [header] [lang]>  ...blocks...
    <heading level [anchor] [toc]>inline</heading>        level 1-3; toc="false" keeps it out of
                                                           bookmarks and tables of contents
    <p [style] [number] [anchor]>inline</p>               style: body, lead, summary, small, meta,
                                                           title, subtitle, note
    <list [ordered]><item [ref]>inline</item>...</list>
    <quote [attribution] [ref]>inline</quote>
    <table [widths] [caption]><row [header]><cell>inline</cell>...</row>...</table>
    <fields><field name>inline</field>...</fields>        key/value rows (a table of key facts)
    <box [title] [style]>...blocks...</box>                a panel (key points, summary)
    <pagebreak [parity]/>                                  parity="right": start on a right page
    <toc [title] [depth]/>                                 table of contents (packs)
    <slide [title] [layout]>...blocks... <notes>inline</notes></slide>
    <image src alt [width]/>                               src: `brand:logo`, or a PNG/JPEG file
                                                           in the --templates folder (never a
                                                           path); alt text required; width: a
                                                           share of the text width (0-1]

Inline content is text with <b>, <i>, <a href>, <ref n [target]/> (a link to body paragraph n, or
to the anchor `target`), <pageref target/> (the page an anchor lands on) and <br/>.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, MutableSequence, Sequence
from dataclasses import dataclass
from typing import Literal, NoReturn, TypeAlias

from lxml import etree

from .errors import TemplateError

ParaStyle = Literal["body", "lead", "summary", "small", "meta", "title", "subtitle", "note"]
PARA_STYLES: frozenset[str] = frozenset(ParaStyle.__args__)  # type: ignore[attr-defined]

SAFE_LINK_SCHEMES = ("http://", "https://", "mailto:")
"""The only link targets any output may carry; everything else is dropped to plain text."""


if sys.version_info >= (3, 11):
    from typing import assert_never
else:  # pragma: no cover - Python 3.10

    def assert_never(value: NoReturn) -> NoReturn:
        """Fail when a block type has no case (mypy flags the gap before this runs)."""
        raise AssertionError(f"unhandled block: {type(value).__name__}")


def paragraph_anchor(n: int) -> str:
    """Return the anchor name of body paragraph `n`, shared by every writer and template."""
    return f"p{n}"


# --- inline ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Inline:
    """A run of text with one formatting. Exactly one of text-run, `ref` or `newline` applies."""

    text: str = ""
    """Characters of the run (for a ref, the label to show, e.g. `¶4`)."""
    strong: bool = False
    """Bold."""
    emphasis: bool = False
    """Italic."""
    href: str | None = None
    """External link (http, https, mailto only)."""
    ref: int | None = None
    """Internal link to body paragraph `ref`."""
    target: str | None = None
    """Anchor a `ref` links to when it is not `paragraph_anchor(ref)` (packs prefix anchors)."""
    pageref: str | None = None
    """Show the page number the anchor `pageref` lands on (PDF), or a PAGEREF field (DOCX)."""
    newline: bool = False
    """A line break inside the block."""


Inlines: TypeAlias = tuple[Inline, ...]


def ref_anchor(run: Inline) -> str:
    """Return the anchor an internal `ref` run links to."""
    if run.target:
        return run.target
    return paragraph_anchor(run.ref or 0)


def plain(inlines: Inlines) -> str:
    """Return the text of `inlines` without formatting (line breaks become newlines)."""
    return "".join("\n" if run.newline else run.text for run in inlines)


# --- blocks ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading:
    """A section heading; level 1 is a section of the document, 2 and 3 sit below it."""

    level: int
    content: Inlines
    anchor: str | None = None
    toc: bool = True
    """Listed in bookmarks / tables of contents."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Para:
    """A paragraph of running text."""

    content: Inlines
    style: ParaStyle = "body"
    number: int | None = None
    """The ¶ number to show in the margin (body paragraphs of the full text)."""
    anchor: str | None = None
    """Target for internal links."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ListItem:
    """One item of a list, optionally citing the paragraph it came from."""

    content: Inlines
    ref: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ListBlock:
    """A bulleted or numbered list."""

    items: tuple[ListItem, ...]
    ordered: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A quotation set off from the text, with who said it."""

    content: Inlines
    attribution: str | None = None
    ref: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """A table; `header` is the first row when the template marks it so."""

    header: tuple[Inlines, ...] | None
    rows: tuple[tuple[Inlines, ...], ...]
    widths: tuple[float, ...] | None = None
    """Relative column widths."""
    caption: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Fields:
    """Key/value rows (`Issue: 7`)."""

    rows: tuple[tuple[str, Inlines], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PageBreak:
    """Start a new page; `parity="right"` starts on a right-hand page in duplex output."""

    parity: Literal["any", "right"] = "any"


@dataclass(frozen=True, slots=True, kw_only=True)
class Toc:
    """A table of contents built from the document's headings."""

    title: str = "Contents"
    depth: int = 2
    """Heading levels listed (1: sections only; 2: sections and their subsections)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Box:
    """A panel holding other blocks (key points, summary)."""

    title: str | None
    children: tuple[Block, ...]
    style: str = "panel"


@dataclass(frozen=True, slots=True, kw_only=True)
class Slide:
    """One slide: a title, its body blocks and speaker notes."""

    title: str
    children: tuple[Block, ...]
    notes: Inlines = ()
    layout: str = "content"
    """`title` for a title slide, `section` for a divider, `content` otherwise."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Image:
    """A picture the brand or the template folder provides; never one an article names."""

    src: str
    """`brand:logo`, or the name of a PNG or JPEG file in the user's template folder."""
    alt: str
    width: float = 0.5
    """Share of the text (or slide body) width, (0, 1]."""


IMAGE_SRC = re.compile(r"brand:logo|[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.(?:png|jpe?g)",
                       re.IGNORECASE)
"""What `<image src>` may name: no folders, no `..`, no URL, so no path an article could give."""

Block: TypeAlias = (
    Heading | Para | ListBlock | Quote | Table | Fields | PageBreak | Toc | Box | Slide | Image
)


@dataclass(frozen=True, slots=True, kw_only=True)
class DocMeta:
    """Document-level metadata written into every format's properties."""

    title: str = ""
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    header: str = ""
    """Running header text."""
    lang: str = "en"


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """What a template produced: metadata and a flat sequence of blocks.

    `blocks` is a tuple for one article, or a `SpooledBlocks` for a pack: a sequence read back
    from a temporary file, so that a writer holds one article's blocks at a time. Writers
    iterate it (as often as they need) and never copy the whole of it into a list.
    """

    kind: str
    meta: DocMeta
    blocks: Sequence[Block]


# --- parsing -----------------------------------------------------------------------------------

_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    # Book-length articles make text nodes larger than libxml2's default 10 MB cap; entities
    # are not resolved, so lifting the cap does not open the billion-laughs door.
    "huge_tree": True,
    "remove_comments": True,
    "remove_pis": True,
}


class _Parser:
    """Turn the XML a template produced into a `Document`, naming the template on errors."""

    def __init__(self, template: str) -> None:
        self.template = template

    def fail(self, element: etree._Element | None, message: str) -> TemplateError:
        line = element.sourceline if element is not None else None
        return TemplateError(self.template, f"output is not a valid block document: {message}",
                             line=line)

    def document(self, chunks: Iterable[str], emit: Callable[[Block], None]) -> tuple[str, DocMeta]:
        """Parse the XML arriving in `chunks`, handing each top-level block to `emit` as soon
        as it is complete; return the document's kind and metadata.

        Parsing is incremental (a pull parser, fed as the template renders), and each
        top-level element is dropped once it has become a block, so a pack's XML is never
        held whole.
        """
        parser = etree.XMLPullParser(events=("start", "end"), **_PARSER_OPTIONS)
        root: etree._Element | None = None
        previous: etree._Element | None = None
        depth = 0
        tail = ""
        try:
            for chunk in chunks:
                # Checked across chunk boundaries: a declaration split between two chunks.
                window = tail + chunk
                if "<!DOCTYPE" in window or "<!ENTITY" in window:
                    raise self.fail(None, "DOCTYPE and entity declarations are not allowed")
                tail = window[-8:]
                parser.feed(chunk.encode("utf-8"))
                for event, el in parser.read_events():
                    if event == "start":
                        depth += 1
                        if depth == 1:
                            root = el
                            if root.tag != "document":
                                raise self.fail(root, f"root element is <{root.tag}>, "
                                                      "expected <document>")
                        elif depth == 2:
                            self._release(root, previous, first=el)
                            previous = None
                        continue
                    depth -= 1
                    if depth == 1:
                        if el.tag != "notes":
                            emit(self.block(el))
                        previous = el
            parser.close()
        except etree.XMLSyntaxError as exc:
            raise TemplateError(self.template, f"output is not well-formed XML: {exc.msg}",
                                line=exc.lineno) from exc
        if root is None:  # pragma: no cover - close() raises first
            raise self.fail(None, "empty document")
        self._release(root, previous, first=None)
        self.expect_no_text(root)
        meta = DocMeta(
            title=_attr(root, "title"),
            author=_attr(root, "author"),
            subject=_attr(root, "subject"),
            keywords=tuple(k.strip() for k in _attr(root, "keywords").split(";") if k.strip()),
            header=_attr(root, "header"),
            lang=_attr(root, "lang") or "en",
        )
        return _attr(root, "kind") or "document", meta

    def _release(self, root: etree._Element | None, done: etree._Element | None, *,
                 first: etree._Element | None) -> None:
        """Check the text around a finished top-level element, then drop it from the tree.

        Its tail (text up to the next block) is only complete once the next block starts.
        """
        if root is None:
            return
        if first is not None and done is None and root.index(first) == 0:
            loose = (root.text or "").strip()
            if loose:
                raise self.fail(root, f"text outside a block in <document>: {loose[:60]!r}")
        if done is not None:
            loose = (done.tail or "").strip()
            if loose:
                raise self.fail(root, f"text outside a block in <document>: {loose[:60]!r}")
            root.remove(done)

    def expect_no_text(self, element: etree._Element) -> None:
        """Reject loose text between blocks: it would silently vanish from every output."""
        stray = [element.text or ""] + [child.tail or "" for child in element]
        loose = " ".join(s.strip() for s in stray if s.strip())
        if loose:
            raise self.fail(element, f"text outside a block in <{element.tag}>: {loose[:60]!r}")

    def blocks(self, parent: etree._Element) -> tuple[Block, ...]:
        self.expect_no_text(parent)
        return tuple(self.block(child) for child in parent if child.tag != "notes")

    def block(self, el: etree._Element) -> Block:
        tag = el.tag
        if tag == "heading":
            level = self.int_attr(el, "level", 1) or 1
            if not 1 <= level <= 3:
                raise self.fail(el, f"heading level {level} is outside 1-3")
            return Heading(level=level, content=self.inlines(el), anchor=el.get("anchor"),
                           toc=el.get("toc", "true") != "false")
        if tag == "p":
            style = el.get("style", "body")
            if style not in PARA_STYLES:
                raise self.fail(el, f"unknown paragraph style {style!r}")
            number = self.int_attr(el, "number", None)
            return Para(content=self.inlines(el), style=style,
                        number=number, anchor=el.get("anchor"))
        if tag == "list":
            self.expect_no_text(el)
            items = []
            for item in el:
                if item.tag != "item":
                    raise self.fail(item, f"<{item.tag}> inside <list>, expected <item>")
                items.append(ListItem(content=self.inlines(item),
                                      ref=self.int_attr(item, "ref", None)))
            return ListBlock(items=tuple(items), ordered=el.get("ordered") == "true")
        if tag == "quote":
            return Quote(content=self.inlines(el), attribution=el.get("attribution") or None,
                         ref=self.int_attr(el, "ref", None))
        if tag == "table":
            return self.table(el)
        if tag == "fields":
            self.expect_no_text(el)
            rows = []
            for row in el:
                if row.tag != "field":
                    raise self.fail(row, f"<{row.tag}> inside <fields>, expected <field>")
                rows.append((row.get("name", ""), self.inlines(row)))
            return Fields(rows=tuple(rows))
        if tag == "pagebreak":
            parity = el.get("parity", "any")
            if parity not in ("any", "right"):
                raise self.fail(el, f"unknown page parity {parity!r}")
            return PageBreak(parity=parity)
        if tag == "toc":
            depth = self.int_attr(el, "depth", 2) or 2
            if not 1 <= depth <= 3:
                raise self.fail(el, f"toc depth {depth} is outside 1-3")
            return Toc(title=el.get("title", "Contents"), depth=depth)
        if tag == "box":
            return Box(title=el.get("title") or None, children=self.blocks(el),
                       style=el.get("style", "panel"))
        if tag == "slide":
            notes = el.find("notes")
            return Slide(title=el.get("title", ""), children=self.blocks(el),
                         notes=self.inlines(notes) if notes is not None else (),
                         layout=el.get("layout", "content"))
        if tag == "image":
            return self.image(el)
        raise self.fail(el, f"unknown block <{tag}>")

    def image(self, el: etree._Element) -> Image:
        self.expect_no_text(el)
        src = (el.get("src") or "").strip()
        if not IMAGE_SRC.fullmatch(src):
            raise self.fail(el, f"<image src={src!r}>: give brand:logo or the name of a PNG or "
                                "JPEG file in the template folder")
        alt = " ".join((el.get("alt") or "").split())
        if not alt:
            raise self.fail(el, f"<image src={src!r}> has no alt text")
        try:
            width = float(el.get("width", "0.5"))
        except ValueError:
            width = -1.0
        if not 0 < width <= 1:
            raise self.fail(el, f"<image> width {el.get('width')!r} is not in (0, 1]")
        return Image(src=src, alt=alt, width=width)

    def table(self, el: etree._Element) -> Table:
        self.expect_no_text(el)
        header: tuple[Inlines, ...] | None = None
        rows: list[tuple[Inlines, ...]] = []
        for row in el:
            if row.tag != "row":
                raise self.fail(row, f"<{row.tag}> inside <table>, expected <row>")
            self.expect_no_text(row)
            cells = []
            for cell in row:
                if cell.tag != "cell":
                    raise self.fail(cell, f"<{cell.tag}> inside <row>, expected <cell>")
                cells.append(self.inlines(cell))
            if row.get("header") == "true" and header is None and not rows:
                header = tuple(cells)
            else:
                rows.append(tuple(cells))
        widths = None
        if el.get("widths"):
            try:
                widths = tuple(float(w) for w in el.get("widths", "").split(","))
            except ValueError as exc:
                raise self.fail(el, "widths must be comma-separated numbers") from exc
        return Table(header=header, rows=tuple(rows), widths=widths,
                     caption=el.get("caption") or None)

    def int_attr(self, el: etree._Element, name: str, default: int | None) -> int | None:
        value = el.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except ValueError as exc:
            raise self.fail(el, f"{name}={value!r} is not a whole number") from exc

    def inlines(self, el: etree._Element) -> Inlines:
        if len(el) == 0:
            # Text alone, most blocks: all `_normalise_space` would make of it, without a run
            # made, normalised and made again.
            text = " ".join((el.text or "").split())
            return (Inline(text=text),) if text else ()
        runs: list[Inline] = []
        self._collect(el, runs, strong=False, emphasis=False, href=None)
        return _normalise_space(runs)

    def _collect(self, el: etree._Element, runs: list[Inline], *, strong: bool, emphasis: bool,
                 href: str | None) -> None:
        if el.text:
            runs.append(Inline(text=el.text, strong=strong, emphasis=emphasis, href=href))
        for child in el:
            tag = child.tag
            if tag in ("b", "strong"):
                self._collect(child, runs, strong=True, emphasis=emphasis, href=href)
            elif tag in ("i", "em"):
                self._collect(child, runs, strong=strong, emphasis=True, href=href)
            elif tag == "a":
                target = (child.get("href") or "").strip()
                safe = target if target.lower().startswith(SAFE_LINK_SCHEMES) else None
                self._collect(child, runs, strong=strong, emphasis=emphasis, href=safe)
            elif tag == "ref":
                n = self.int_attr(child, "n", None)
                if n is None:
                    raise self.fail(child, "<ref> needs n")
                runs.append(Inline(text=child.text or f"¶{n}", ref=n, strong=strong,
                                   emphasis=emphasis, target=child.get("target") or None))
            elif tag == "pageref":
                target = child.get("target")
                if not target:
                    raise self.fail(child, "<pageref> needs target")
                runs.append(Inline(text=child.text or "", pageref=target, strong=strong,
                                   emphasis=emphasis))
            elif tag == "br":
                runs.append(Inline(newline=True))
            elif tag == "notes":
                pass
            else:
                raise self.fail(child, f"unknown inline element <{tag}>")
            if child.tail:
                runs.append(Inline(text=child.tail, strong=strong, emphasis=emphasis, href=href))


def _normalise_space(runs: list[Inline]) -> Inlines:
    """Collapse template indentation: runs of white space become one space, ends are trimmed."""
    out: list[Inline] = []
    for run in runs:
        if run.newline or run.ref is not None or run.pageref is not None:
            out.append(run)
            continue
        text = " ".join(run.text.split())
        if run.text[:1].isspace():
            text = " " + text
        if run.text[-1:].isspace() and text.strip():
            text = text + " "
        if text:
            out.append(Inline(text=text, strong=run.strong, emphasis=run.emphasis,
                              href=run.href))
    # Trim at the block's ends and around line breaks, and merge runs of equal formatting.
    merged: list[Inline] = []
    for run in out:
        prev = merged[-1] if merged else None
        if (prev is not None and not prev.newline and not run.newline and prev.ref is None
                and run.ref is None and prev.pageref is None and run.pageref is None
                and (prev.strong, prev.emphasis, prev.href)
                == (run.strong, run.emphasis, run.href)):
            text = prev.text + run.text
            merged[-1] = Inline(text=text.replace("  ", " "), strong=run.strong,
                                emphasis=run.emphasis, href=run.href)
        else:
            merged.append(run)
    for i, run in enumerate(merged):
        if run.newline or run.ref is not None or run.pageref is not None:
            continue
        text = run.text
        if i == 0 or merged[i - 1].newline:
            text = text.lstrip()
        if i == len(merged) - 1 or merged[i + 1].newline:
            text = text.rstrip()
        merged[i] = Inline(text=text, strong=run.strong, emphasis=run.emphasis, href=run.href)
    return tuple(run for run in merged
                 if run.newline or run.ref is not None or run.pageref is not None or run.text)


def _attr(el: etree._Element, name: str) -> str:
    return " ".join((el.get(name) or "").split())


def parse(xml: str, *, template: str) -> Document:
    """Return the block document in `xml`; raise `TemplateError` naming `template` if invalid."""
    return parse_stream((xml,), template=template)


def parse_stream(chunks: Iterable[str], *, template: str,
                 into: MutableSequence[Block] | None = None) -> Document:
    """Return the block document whose XML arrives in `chunks` (a template's output as it is
    rendered). Blocks are appended to `into` (a `SpooledBlocks`, say) or kept in a tuple."""
    found: MutableSequence[Block] = [] if into is None else into
    kind, meta = _Parser(template).document(chunks, found.append)
    blocks: Sequence[Block] = tuple(found) if into is None else found
    return Document(kind=kind, meta=meta, blocks=blocks)


def walk(blocks: Iterable[Block]) -> list[Block]:
    """Return every block in document order, descending into boxes and slides."""
    return list(iter_walk(blocks))


def iter_walk(blocks: Iterable[Block]) -> Iterator[Block]:
    """Yield every block in document order, descending into boxes and slides.

    Use this over a whole document: a pack's blocks are streamed from disk, and a list of all
    of them would hold the whole pack in memory again.
    """
    for block in blocks:
        yield block
        if isinstance(block, (Box, Slide)):
            yield from iter_walk(block.children)
