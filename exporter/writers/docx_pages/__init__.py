"""Where a written DOCX's bookmarks land: a page model of the document, laid out as a reader does.

Word shows a field's cached result as written, and LibreOffice keeps a pre-filled table of
contents as written, so the contents list can only show right page numbers if they are known
when the file is written. This package lays the document out from the DOCX itself (so a
--reference-docx or a brand's styles count as they will in the reader): page size and margins
from the section; paragraph and run properties through document defaults, table style,
paragraph style chain, list level and direct formatting (`styles`); lines broken greedily with
the fonts' advance widths and line heights from their vertical metrics (`fonts`, `reader`);
pages filled with the readers' spacing, keep-with-next, keep-lines, widow/orphan, table-row
and page-break rules (`pages`).

Where Word and LibreOffice could differ, the rule is LibreOffice's, the reader the tests can
run (tests/docx_toc_check.py): the space between two paragraphs is the larger of the one's
space after and the other's space before (as the standard says, and Word does), a page the
text runs onto drops the first paragraph's space before, and a page's last line fits without
the proportional spacing under it.

The model covers what the DOCX writer produces (paragraphs, lists, tables, boxes, pictures,
fields, page and section breaks), not arbitrary Word documents. Fonts: the common Office fonts
are measured with their metric-compatible free faces (`office-metrics.json.gz`, made by
`scripts/office_metrics.py`), a brand's fonts with their own files; any other font counts as
Calibri (a guess: how the reader substitutes it is not known), and a character a face lacks
gets the face's default width (the reader's fallback font is not known either).
`bench/docx_toc.py` measures how often the numbers agree with LibreOffice's own layout.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import IO

from lxml import etree

from .fonts import Face, Fonts, brand_faces, face_from_file
from .pages import Block, copy_block, paginate
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
    `trace` as for `paginate`.

    A long document part (a pack's, past `WHOLE_PART`) is read as a stream, one body child at
    a time, so its XML never stands whole in memory (the DOCX writer spools it for the same
    reason); a short one is parsed once, whole.
    """
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        names = set(archive.namelist())

        def part(name: str) -> bytes | None:
            return archive.read(name) if name in names else None

        def document() -> IO[bytes]:
            return archive.open("word/document.xml")

        return part_pages(part, document if "word/document.xml" in names else None,
                          fonts, trace)


def part_pages(part: Callable[[str], bytes | None], document: Callable[[], IO[bytes]] | None,
               fonts: Fonts | None = None,
               trace: list[tuple[int, int, Block]] | None = None, *,
               parsed: etree._Element | None = None) -> dict[str, int]:
    """`bookmark_pages` of a package not yet zipped: `part(name)` gives a member's bytes (None:
    not in the package), `document()` opens the main part as a stream (read twice), unless
    `parsed` is the main part's tree already (a rendering's own, none of it spooled)."""
    fonts = fonts or Fonts()
    empty = b"<w:styles xmlns:w='%s'/>" % W[1:-1].encode()
    styles = Styles(part("word/styles.xml") or empty, part("word/theme/theme1.xml"),
                    part("word/numbering.xml"))
    additive = _additive_spacing(part("word/settings.xml"))
    if document is None:
        return {"#pages": 1}
    whole = parsed
    if whole is None:
        with document() as stream:
            head = stream.read(WHOLE_PART + 1)
        whole = etree.fromstring(head) if len(head) <= WHOLE_PART else None
    if whole is not None:
        sections = [_section(el) for el in whole.iter(f"{W}sectPr")]
    else:
        with document() as stream:
            sections = [_section(el) for el in _body_children(stream, sections_only=True)]
    if not sections:
        sections = [_section(None)]
    reader = Reader(styles, fonts, sections[0].width, additive=additive)
    if whole is not None:
        return paginate(_blocks(_tree_children(whole), reader, sections), sections[0].height,
                        trace, additive=additive)
    with document() as stream:
        blocks = _blocks(_body_children(stream), reader, sections)
        return paginate(blocks, sections[0].height, trace, additive=additive)


@lru_cache(maxsize=16)
def _additive_spacing(settings: bytes | None) -> bool:
    """Whether the document asks for paragraph spacing added rather than the larger taken
    (remembered: each rendering of a summary or a pack has the same settings)."""
    if not settings:
        return False
    flag = etree.fromstring(settings).find(f"{W}compat/{W}doNotUseHTMLParagraphAutoSpacing")
    return flag is not None and flag.get(f"{W}val", "true") not in ("0", "false", "off")


_BODY = f"{W}body"
WHOLE_PART = 1 << 20
"""A main part up to this many bytes (a summary, an article) is parsed once, whole, for both
passes (the sections, then the blocks): streamed, each pass cost about twice a whole parse.
A longer one (a pack) is streamed twice, so its XML never stands whole in memory."""


def _tree_children(root: etree._Element) -> Iterator[etree._Element]:
    """`_body_children` of a part parsed whole: each paragraph and table of the body."""
    for body in root.iter(_BODY):
        for child in body:
            if child.tag in _BLOCK_TAGS:
                yield child


_BLOCK_TAGS = (f"{W}p", f"{W}tbl")


def _body_children(stream: IO[bytes], *, sections_only: bool = False
                   ) -> Iterator[etree._Element]:
    """Yield each paragraph and table of the body (or, with `sections_only`, each section's
    properties) as it is read; what was yielded is dropped once the next is read.

    Only the ends of paragraphs, tables and section properties are reported by the parser:
    a Python step for each run and text element was most of the reading time."""
    tags = (f"{W}p", f"{W}tbl", f"{W}sectPr")
    for _, el in etree.iterparse(stream, events=("end",), tag=tags):
        parent = el.getparent()
        if sections_only:
            if el.tag == f"{W}sectPr":
                yield el
            if parent is not None and parent.tag == _BODY:  # a body child: done with
                el.clear()
        elif parent is not None and parent.tag == _BODY and el.tag != f"{W}sectPr":
            yield el
            el.clear()
            while el.getprevious() is not None:
                del parent[0]


def _blocks(children: Iterable[etree._Element], reader: Reader,
            sections: list[Section]) -> Iterator[Block]:
    """The blocks of the body's paragraphs and tables; a section's first block starts a
    page (an odd page when the section says so)."""
    number = 0
    start_next = False
    for child in children:
        if child.tag == f"{W}p":
            made = reader.paragraph(child, reader.text_width)
        elif child.tag == f"{W}tbl":
            made = reader.table(child, reader.text_width)
        else:
            continue
        if start_next and made:
            made[0] = copy_block(made[0])  # a paragraph's blocks are shared (`Reader`)
            made[0].break_before = True
            made[0].odd_page = sections[min(number, len(sections) - 1)].odd
            start_next = False
        yield from made
        if child.tag == f"{W}p" and child.find(f"{W}pPr/{W}sectPr") is not None:
            number += 1
            start_next = True


__all__ = ["Block", "Face", "Fonts", "Section", "bookmark_pages", "brand_faces",
           "face_from_file", "paginate", "part_pages"]
