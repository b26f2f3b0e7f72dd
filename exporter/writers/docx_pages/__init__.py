"""Where a written DOCX's bookmarks land: a page model of the document, laid out as a reader does.

Word shows a field's cached result as written, and LibreOffice keeps a pre-filled table of
contents as written, so the contents list can only show right page numbers if they are known
when the file is written. This module lays the document out as LibreOffice and Word do, from
the DOCX itself (so a --reference-docx or a brand's styles count as they will in the reader):
page size and margins from the section, paragraph and run properties through document
defaults, table style, paragraph style chain and direct formatting, lines broken greedily
with the fonts' advance widths, line heights from the fonts' vertical metrics, and pages
filled with the readers' keep-with-next, keep-lines, widow/orphan and page-break rules.

The model covers what the DOCX writer produces (paragraphs, lists, tables, boxes, pictures,
fields, page and section breaks), not arbitrary Word documents. Fonts: the common Office fonts
are measured with their metric-compatible free faces (`office-metrics.json.gz`, made by
`scripts/office_metrics.py`), a brand's fonts with their own files; any other font counts as
Calibri (a guess: how the reader substitutes it is not known). `bench/docx_toc.py` measures
how often the numbers agree with LibreOffice's own layout.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from .fonts import Face, Fonts, brand_faces, face_from_file
from .pages import Block, paginate
from .reader import Reader
from .styles import Styles, W, _int


@dataclass(frozen=True, slots=True)
class Section:
    width: int
    height: int
    """Of the text area, twips."""
    odd: bool


def _section(sect: etree._Element | None) -> Section:
    size = sect.find(f"{W}pgSz") if sect is not None else None
    margins = sect.find(f"{W}pgMar") if sect is not None else None
    kind = sect.find(f"{W}type") if sect is not None else None

    def attr(el: etree._Element | None, name: str, default: int) -> int:
        return _int(el.get(f"{W}{name}"), default) if el is not None else default

    width = attr(size, "w", 12240) - attr(margins, "left", 1440) - attr(margins, "right", 1440) \
        - attr(margins, "gutter", 0)
    height = attr(size, "h", 15840) - abs(attr(margins, "top", 1440)) \
        - abs(attr(margins, "bottom", 1440))
    return Section(width, height, kind is not None and kind.get(f"{W}val") == "oddPage")


def bookmark_pages(docx: bytes, fonts: Fonts | None = None,
                   trace: list[tuple[int, int, Block]] | None = None) -> dict[str, int]:
    """Return the page each bookmark of `docx` starts on (and "#pages": the page count);
    `trace` as for `paginate`."""
    fonts = fonts or Fonts()
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        names = set(archive.namelist())

        def part(name: str) -> bytes | None:
            return archive.read(name) if name in names else None

        styles = Styles(part("word/styles.xml") or b"<w:styles xmlns:w='%s'/>" % W[1:-1].encode(),
                        part("word/theme/theme1.xml"), part("word/numbering.xml"))
        document = part("word/document.xml") or b""
    root = etree.fromstring(document)
    body = root.find(f"{W}body")
    if body is None:
        return {"#pages": 1}
    sections = [_section(s) for s in body.iter(f"{W}sectPr")]
    section = sections[0]
    reader = Reader(styles, fonts, section.width)
    blocks: list[Block] = []
    number = 0
    start_next = False
    for child in body:
        if child.tag == f"{W}p":
            made = reader.paragraph(child, section.width)
            if start_next and made:
                made[0].break_before = True
                made[0].odd_page = section.odd
                start_next = False
            blocks.extend(made)
            if child.find(f"{W}pPr/{W}sectPr") is not None:
                number += 1
                section = sections[min(number, len(sections) - 1)]
                start_next = True
        elif child.tag == f"{W}tbl":
            made = reader.table(child, section.width)
            if start_next and made:
                made[0].break_before = True
                made[0].odd_page = section.odd
                start_next = False
            blocks.extend(made)
    return paginate(blocks, sections[0].height, trace)



__all__ = ["Block", "Face", "Fonts", "Section", "bookmark_pages", "brand_faces",
           "face_from_file", "paginate"]
