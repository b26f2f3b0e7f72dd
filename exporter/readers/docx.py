"""DOCX reader: a Word document in, an `Article` out.

The archive is checked first (member count, inflated size, compression ratio: see `archive`),
then python-docx reads it. Styles carry the structure: `Title` is the title, `Subtitle` the
standfirst, `Heading 1`–`Heading 9` headings, `List …` styles or direct numbering list items
(numbered when the list's format is a number), `Quote` / `Intense Quote` / `Block Text`
quotations (a following `— Name` paragraph is their attribution). Bold, italic and external
hyperlinks are kept as spans.

Tables are kept, one paragraph per row with the cells joined by ` | `, because analysts paste
figures into tables and dropping them would lose words the analysis needs.

Core properties fill what the body does not say: title, author, subject (as the subtitle),
language, and the creation date, which is marked inferred since it dates the file, not the article.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml import etree

from ..errors import LimitError, SourceError
from ..model import Article, Author, Meta, Source, Span
from ..normalise import clean_inline
from . import source_hash
from .archive import open_zip
from .assemble import Builder, attribution_of, real_author

if TYPE_CHECKING:
    from . import ReadLimits

# "Block Text" is the quotation style pandoc and older Word templates use.
_QUOTE_STYLES = frozenset({"quote", "intense quote", "block text"})
_HEADING = re.compile(r"^heading\s+([1-9])$", re.IGNORECASE)
_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Values generators put in core properties that say nothing about the article.
_PLACEHOLDER_TITLES = frozenset({"word document", "untitled", "document"})
_TEMPLATE_DATE = "2013-12-23"  # python-docx's default template creation date


class _Styles:
    """Paragraph style names by style id, read once.

    python-docx finds a paragraph's style by searching every style definition, so a document of
    many paragraphs and many styles costs their product (2,000 × 20,000 took minutes).
    """

    def __init__(self, document: Any) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self.names: dict[str, str] = {}
        self.default = ""
        try:
            styles = document.styles
            for style in styles:
                if style.type == WD_STYLE_TYPE.PARAGRAPH and style.style_id:
                    self.names.setdefault(style.style_id, style.name or "")
            default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
            self.default = (default.name or "") if default is not None else ""
        except (KeyError, ValueError, AttributeError):
            pass

    def of(self, paragraph: DocxParagraph) -> str:
        """Return the name of `paragraph`'s style (the default style when it names none)."""
        node = paragraph._p.find(f"{_NS}pPr/{_NS}pStyle")
        style_id = node.get(f"{_NS}val") if node is not None else None
        return self.names.get(style_id, self.default) if style_id else self.default


def _runs(paragraph: DocxParagraph) -> list[Span]:
    runs: list[Span] = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Run):
            runs.append(Span(text=item.text, strong=item.bold is True,
                             emphasis=item.italic is True))
        elif isinstance(item, Hyperlink):
            href = item.address or None
            runs.extend(Span(text=r.text, strong=r.bold is True, emphasis=r.italic is True,
                             href=href) for r in item.runs)
    return runs


class _Numbering:
    """Tell numbered from bulleted lists using the document's numbering definitions."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, str], str] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[str, str]] = {}
        for node in root.iter(f"{_NS}abstractNum"):
            levels = {}
            for lvl in node.iter(f"{_NS}lvl"):
                fmt = lvl.find(f"{_NS}numFmt")
                levels[lvl.get(f"{_NS}ilvl") or "0"] = (
                    fmt.get(f"{_NS}val") or "" if fmt is not None else "")
            abstract[node.get(f"{_NS}abstractNumId") or ""] = levels
        for num in root.iter(f"{_NS}num"):
            ref = num.find(f"{_NS}abstractNumId")
            levels = abstract.get(ref.get(f"{_NS}val") or "" if ref is not None else "", {})
            for ilvl, fmt in levels.items():
                self.formats[(num.get(f"{_NS}numId") or "", ilvl)] = fmt

    def ordered(self, num_id: str, ilvl: str) -> bool | None:
        fmt = self.formats.get((num_id, ilvl))
        return None if fmt is None else fmt not in ("bullet", "none", "")


def _numbering_of(paragraph: DocxParagraph) -> tuple[str, str] | None:
    num_pr = paragraph._p.find(f"{_NS}pPr/{_NS}numPr")
    if num_pr is None:
        return None
    num_id = num_pr.find(f"{_NS}numId")
    ilvl = num_pr.find(f"{_NS}ilvl")
    value = num_id.get(f"{_NS}val") if num_id is not None else None
    if not value or value == "0":  # numId 0 switches numbering off
        return None
    return value, (ilvl.get(f"{_NS}val") or "0") if ilvl is not None else "0"


def _open(data: bytes, path: str, limits: ReadLimits) -> Any:
    archive = open_zip(data, path, limits)
    names = set(archive.namelist())
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise SourceError(path, "is a ZIP archive but not a Word document")
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, AttributeError, TypeError,
            zipfile.BadZipFile, etree.LxmlError) as exc:
        # python-docx raises AttributeError/TypeError on parts that are XML but not OOXML.
        raise SourceError(path, f"is not a readable Word document ({exc})") from exc


def read(data: bytes, path: str, limits: ReadLimits) -> Article:
    """Return the article in the DOCX `data`."""
    document = _open(data, path, limits)
    numbering = _Numbering(document)
    styles = _Styles(document)
    builder = Builder(path)
    title: str | None = None
    subtitle: str | None = None
    list_key: tuple[str, str] | None = None
    list_id = 0
    try:
        blocks = list(document.iter_inner_content())
    except (KeyError, ValueError) as exc:
        raise SourceError(path, f"is not a readable Word document ({exc})") from exc
    # Empty paragraphs count too: they cost a read each, and 6 KB of `<w:p/>` holds 100,000s.
    if len(blocks) > limits.max_paragraphs:
        raise LimitError(path, f"has {len(blocks):,} paragraphs and tables; the limit is "
                               f"{limits.max_paragraphs:,}")
    for block in blocks:
        if isinstance(block, Table):
            list_key = None
            _table(builder, block)
            continue
        runs = _runs(block)
        text = "".join(r.text for r in runs)
        if not text.strip():
            continue
        style = styles.of(block)
        lowered = style.lower()
        numbered = _numbering_of(block)
        is_list = numbered is not None or lowered.startswith(("list bullet", "list number"))
        if not is_list:
            list_key = None
        if lowered == "title":
            if title is None:
                title = text
            else:
                builder.add_heading(text, 1)
        elif lowered == "subtitle":
            subtitle = subtitle or clean_inline(text)
        elif match := _HEADING.match(style):
            builder.add_heading(text, int(match.group(1)))
        elif is_list:
            key = numbered or (style, "0")
            if key != list_key:
                list_id, list_key = builder.new_list(), key
            ordered = numbering.ordered(*numbered) if numbered else None
            if ordered is None:
                ordered = "number" in lowered
            builder.add_paragraph("", kind="list_item", runs=runs, list_id=list_id,
                                  ordered=ordered)
        elif lowered in _QUOTE_STYLES:
            head, sep, last = text.rpartition("\n")
            who = attribution_of(last) if sep and head.strip() else None
            if who is None and (alone := attribution_of(text)) and builder.set_attribution(alone):
                continue
            builder.add_paragraph(head if who else "", kind="quote",
                                  runs=None if who else runs, attribution=who)
        elif (who := attribution_of(text)) is not None and builder.set_attribution(who):
            continue
        else:
            builder.add_paragraph("", runs=runs)
    return builder.article(title=title or _core_title(document), meta=_meta(document, subtitle),
                           authors=_authors(document),
                           source=Source(path=path, format="docx", sha256=source_hash(data)))


def _table(builder: Builder, table: Table) -> None:
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = clean_inline(cell.text)
            # Merged cells come back once per grid column; keep each once.
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        builder.add_paragraph(" | ".join(cells))


def _core_title(document: Any) -> str | None:
    title = clean_inline(document.core_properties.title or "")
    return title if title and title.lower() not in _PLACEHOLDER_TITLES else None


def _authors(document: Any) -> tuple[Author, ...]:
    names = re.split(r"\s*;\s*", document.core_properties.author or "")
    return tuple(Author(name=n) for n in (clean_inline(n) for n in names)
                 if real_author(n))


def _meta(document: Any, subtitle: str | None) -> Meta:
    core = document.core_properties
    subject = clean_inline(core.subject or "") or None
    language = clean_inline(core.language or "") or None
    # The created date dates the file (often a conversion), not the article; a sidecar
    # `<stem>.meta.yaml` supplies the article's date when the text has none.
    return Meta(subtitle=subtitle or subject, language=language)
