"""HTML reader: a saved web page in, its article (not its menus, ads and comments) out.

trafilatura finds the main text; this module maps its structured output (`p`, `head`,
`list`/`item`, `quote`, `table`, with `hi` and `ref` inline) onto the model and keeps only http,
https and mailto links. The page metadata (headline, date, authors) is read by `webmeta`, with
trafilatura's own findings as its fallback.

Nothing is ever fetched: trafilatura is handed the decoded markup, never a URL, and images,
stylesheets and the `_files` folder of a saved page are not looked at.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from ..errors import SourceError
from ..model import Article, Author, Meta, Source, Span
from ..normalise import clean_inline
from . import source_hash
from .assemble import Builder, attribution_of
from .decode import decode, looks_binary, text_codec
from .masthead import squash
from .webclutter import Clutter, is_caption, strip_spans
from .webmeta import read_page_meta
from .webtree import (
    drop_hover_cards,
    drop_link_runs,
    join_body_chunks,
    mend_fragments,
    plain_words,
    space_datelines,
)

if TYPE_CHECKING:
    from . import ReadLimits

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_LANG = re.compile(r"""<html[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)""",
                   re.IGNORECASE)
# trafilatura's last-resort fallback can hand back page furniture as the "body".
_BOILERPLATE = ("nav", "header", "footer", "aside", "menu", "form", "button", "select")
# trafilatura's block elements: inside a table cell they make the table a page layout.
_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "code", "div"})
_LABEL_END = re.compile(r"[a-z][:;]$")
_STARTS_WORD = re.compile(r"[A-Z0-9“\"]")
_BOOLEAN_REND = {"#b": "strong", "#strong": "strong", "#i": "emphasis", "#em": "emphasis"}


def _known(codec: str) -> bool:
    try:
        codecs.lookup(codec)
    except LookupError:
        return False
    return True


def decode_html(data: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    """Return the page's text and encoding, honouring a `<meta charset>` declaration, and a
    warning when the declared encoding is not one text can be in (so it was detected)."""
    if looks_binary(data):
        raise SourceError(path, "is binary data, not an HTML page")
    warnings: tuple[str, ...] = ()
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        match = _CHARSET.search(data[:4096])
        if match:
            declared = match.group(1).decode("ascii", errors="replace")[:40]
            name = text_codec(declared) or ""
            if not name and _known(declared):  # an unknown name is a typo, ignored as before
                warnings = (f"ignored the page's declared encoding {declared!r}: not a text "
                            "encoding; detected it instead",)
            # Pages often declare latin-1 and mean cp1252 (what browsers do too).
            if name in ("latin-1", "iso8859-1", "ascii"):
                name = "cp1252"
            if name and not name.startswith("utf-16"):
                try:
                    return data.decode(name), name, warnings
                except UnicodeError:
                    pass
    text, encoding = decode(data, path)
    return text, encoding, warnings


def _runs(element: etree._Element, strong: bool = False, emphasis: bool = False,
          href: str | None = None) -> list[Span]:
    """Return the inline runs inside `element` (its tail not included)."""
    runs: list[Span] = []
    if element.text:
        runs.append(Span(text=element.text, strong=strong, emphasis=emphasis, href=href))
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "lb":
            runs.append(Span(text="\n"))
        elif tag in ("list", "table", "graphic"):
            pass  # block-level content nested in an inline context is read by the caller
        else:
            s, e, h = strong, emphasis, href
            if tag == "hi":
                for rend in (child.get("rend") or "").split():
                    kind = _BOOLEAN_REND.get(rend)
                    s = s or kind == "strong"
                    e = e or kind == "emphasis"
            elif tag == "ref":
                h = child.get("target") or href
            runs.extend(_runs(child, s, e, h))
        if child.tail:
            # `<b>Note: </b>The …`: extraction trims the space inside the bold label away.
            glue = " " if _LABEL_END.search(_plain(runs)) and _STARTS_WORD.match(child.tail) \
                else ""
            runs.append(Span(text=glue + child.tail, strong=strong, emphasis=emphasis, href=href))
    return runs


def _plain(runs: list[Span]) -> str:
    return "".join(r.text for r in runs)


class _Walker:
    """Map trafilatura's body elements onto numbered blocks."""

    def __init__(self, builder: Builder, skip: set[str]) -> None:
        self.builder = builder
        self.skip = skip
        """Squashed texts of headings to drop (the title and standfirst repeated in the body)."""
        self.dropped: set[str] = set()
        self.clutter = Clutter()

    def block(self, element: etree._Element, quote: bool = False) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        b = self.builder
        if tag == "head":
            text = _plain(_runs(element))
            if squash(text) in self.skip and not b.paragraphs:
                self.dropped.add(squash(text))
                return
            if not self.clutter.heading(text):
                return
            rend = element.get("rend") or "h2"
            level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
            b.add_heading(text, level)
        elif tag == "list":
            self.items(element, b.new_list(), element.get("rend") == "ol")
        elif tag == "quote":
            if any(isinstance(c.tag, str) and c.tag in ("p", "list", "head", "quote", "table")
                   for c in element):
                if element.text and element.text.strip():
                    self.quote(_runs_text(element.text))
                for child in element:
                    self.block(child, quote=True)
                    if child.tail and child.tail.strip():
                        self.quote(_runs_text(child.tail))
            else:
                self.quote(_runs(element))
        elif tag == "table":
            if _is_layout(element):
                # A page laid out in a table: its cells hold the article's paragraphs, which
                # joined as one row's text would run together (`security forces.Video …`).
                for row in (r for r in element if r.tag == "row"):
                    for cell in row:
                        if cell.tag == "cell":
                            self.layout_cell(cell, quote)
                return
            for row in element.iter("row"):
                cells = [clean_inline("".join(c.itertext())) for c in row if c.tag == "cell"]
                cells = [c for c in cells if c and not is_caption(c)]
                b.add_paragraph(" | ".join(cells))
        elif tag in ("p", "code"):
            runs = _runs(element)
            who = attribution_of(_plain(runs))
            kept = runs if quote else self.article_runs(runs)
            if kept is None:
                pass  # web furniture (or a note, filed for the metadata)
            elif quote:
                self.quote(kept)
            elif who is not None and b.set_attribution(who):
                pass
            else:
                b.add_paragraph("", runs=kept)
            for child in element:
                if isinstance(child.tag, str) and child.tag in ("list", "table"):
                    self.block(child)
        elif tag in ("div", "main", "body", "section"):
            for child in element:
                self.block(child, quote)
        elif tag and tag not in ("graphic", "lb", *_BOILERPLATE) \
                and (kept := self.article_runs(_runs(element))) is not None:
            b.add_paragraph("", runs=kept)

    def layout_cell(self, cell: etree._Element, quote: bool) -> None:
        """Walk a layout cell: its block children as blocks, loose text between as paragraphs."""
        loose: list[Span] = _runs_text(cell.text) if cell.text and cell.text.strip() else []
        for child in cell:
            if isinstance(child.tag, str) and child.tag in _BLOCKS:
                self.loose(loose)
                loose = []
                self.block(child, quote)
                if child.tail and child.tail.strip():
                    loose.extend(_runs_text(child.tail))
            elif isinstance(child.tag, str):
                loose.extend(_runs(child))
                if child.tail:
                    loose.extend(_runs_text(child.tail))
        self.loose(loose)

    def loose(self, runs: list[Span]) -> None:
        """Add inline runs that sat between blocks as a paragraph of their own."""
        if _plain(runs).strip() and (kept := self.article_runs(runs)) is not None:
            self.builder.add_paragraph("", runs=kept)

    def article_runs(self, runs: list[Span]) -> list[Span] | None:
        """Return `runs` without tweet buttons and picture credits; None for web furniture."""
        text = _plain(runs)
        if is_caption(text):
            return None
        for start, end in reversed(strip_spans(text)):
            runs = _cut_range(runs, start, end)
        text = _plain(runs)
        linked = bool(text.strip()) and all(r.href for r in runs if r.text.strip())
        return runs if self.clutter.keep(text, linked) else None

    def quote(self, runs: list[Span]) -> None:
        text = _plain(runs)
        head, sep, last = text.rpartition("\n")
        who = attribution_of(last) if sep and head.strip() else None
        if who is not None:
            runs = _cut(runs, len(head))
        elif (alone := attribution_of(text)) is not None and self.builder.set_attribution(alone):
            return
        self.builder.add_paragraph("", kind="quote", runs=runs, attribution=who)

    def items(self, element: etree._Element, list_id: int, ordered: bool) -> None:
        for item in element:
            if item.tag != "item":
                continue
            runs = self.article_runs(_runs(item))
            if runs is not None:
                self.builder.add_paragraph("", kind="list_item", runs=runs, list_id=list_id,
                                           ordered=ordered)
            for child in item:
                if child.tag == "list":
                    self.items(child, self.builder.new_list(), child.get("rend") == "ol")


def _is_layout(table: etree._Element) -> bool:
    """Return True for a table used for layout: a cell of it holds paragraphs or headings."""
    return any(isinstance(c.tag, str) and c.tag in _BLOCKS
               for cell in table.iter("cell") for c in cell)


def _runs_text(text: str) -> list[Span]:
    return [Span(text=text)]


def _cut_range(runs: list[Span], start: int, end: int) -> list[Span]:
    """Return `runs` without the characters from `start` to `end` of their joined text."""
    out: list[Span] = []
    position = 0
    for run in runs:
        low, high = position, position + len(run.text)
        position = high
        if high <= start or low >= end:
            out.append(run)
            continue
        text = run.text[: max(0, start - low)] + run.text[max(0, end - low):]
        if text:
            out.append(Span(text=text, strong=run.strong, emphasis=run.emphasis, href=run.href))
    return out


def _cut(runs: list[Span], keep: int) -> list[Span]:
    kept: list[Span] = []
    used = 0
    for run in runs:
        if used >= keep:
            break
        kept.append(Span(text=run.text[: keep - used], strong=run.strong,
                         emphasis=run.emphasis, href=run.href))
        used += len(run.text)
    return kept


def extract(markup: str | etree._Element) -> trafilatura.settings.Document | None:
    """Return trafilatura's structured extraction of `markup` (nothing is fetched)."""
    result = trafilatura.bare_extraction(
        markup, url=None, with_metadata=True, include_formatting=True, include_links=True,
        include_tables=True, include_comments=False, include_images=False, deduplicate=False)
    return result if isinstance(result, trafilatura.settings.Document) else None


def read(data: bytes, path: str, limits: ReadLimits) -> Article:
    """Return the article in the HTML page `data`."""
    markup, encoding, warnings = decode_html(data, path)
    try:
        tree = load_html(markup)
        if tree is not None:
            drop_hover_cards(tree)
        doc = extract(tree) if tree is not None else None
        if doc is not None and doc.text and tree is not None and \
                join_body_chunks(tree, plain_words(doc.text)):
            doc = extract(tree)  # the article came in chunks and only the first was read
    except (ValueError, etree.LxmlError) as exc:
        raise SourceError(path, f"is not a readable HTML page ({exc})") from exc
    if doc is None or doc.body is None or tree is None:
        raise SourceError(path, "no article text found")
    url = doc.url if doc.url and re.match(r"^https?://", doc.url) else None
    page = read_page_meta(tree, title=doc.title, date=doc.date, author=doc.author,
                          site=clean_inline(doc.sitename) if doc.sitename else None, url=url)
    site = clean_inline(doc.sitename) if doc.sitename else None
    title = page.title
    description = clean_inline(doc.description) if doc.description else None
    skip = {squash(t) for t in (*page.headlines, description) if t}
    builder = Builder(path)
    mend_fragments(doc.body)
    drop_link_runs(doc.body)
    space_datelines(doc.body)
    walker = _Walker(builder, skip)
    walker.block(doc.body)
    if not builder.paragraphs:
        raise SourceError(path, "no article text found")
    # The meta description is a standfirst only when the page shows it above the body.
    standfirst = description if description and squash(description) in walker.dropped else None
    authors = tuple(Author(name=n) for n in page.authors)
    lang = _LANG.search(markup[:4096])
    meta = Meta(publication=site, date=page.date, url=page.url, subtitle=standfirst,
                language=lang.group(1) if lang else None, notes=tuple(walker.clutter.notes))
    return builder.article(
        title=title, meta=meta, authors=authors, warnings=warnings,
        source=Source(path=path, format="html", encoding=encoding, sha256=source_hash(data)))
