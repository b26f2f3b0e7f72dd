"""DOCX writer in flat memory: finished body XML waits in a temporary file, output unchanged."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any, overload

import docx
import pytest
from docx.document import Document as WordDocument

from exporter.blocks import (
    Block,
    Box,
    DocMeta,
    Document,
    Fields,
    Heading,
    Inline,
    ListBlock,
    ListItem,
    PageBreak,
    Para,
    Quote,
    Table,
    Toc,
)
from exporter.options import RenderOptions
from exporter.spool import SpooledBlocks
from exporter.writers.docx import DocxWriter, toc_entries
from exporter.writers.docx import render as docx_writer

OPTIONS = RenderOptions(timestamp=1500000000)
DUPLEX = RenderOptions(timestamp=1500000000, duplex=True, classification="OFFICIAL")


def text(value: str, **kwargs: Any) -> tuple[Inline, ...]:
    return (Inline(text=value, **kwargs),)


def article(n: int, parity: str = "any") -> list[Block]:
    """One article of a pack, in the shapes pack-summary.xml.j2 makes, ending in a page break."""
    return [
        Heading(level=1, content=text(f"Article {n}"), anchor=f"a{n}"),
        Fields(rows=(("Date", text("July 2017")),)),
        Heading(level=2, content=text("Key points"), anchor=f"a{n}-key"),
        Box(title=None, children=(ListBlock(items=(ListItem(content=text("Point"), ref=1),)),)),
        Heading(level=2, content=text("Summary"), anchor=f"a{n}-summary"),
        Para(content=(Inline(text="See "), Inline(text="the source", href=f"https://e.org/{n}"),
                      Inline(text=" and "), Inline(text="¶1", ref=1)), style="summary"),
        Quote(content=text("“Quoted.”"), attribution="Someone", ref=1),
        ListBlock(items=(ListItem(content=text("Why?")),), ordered=True),
        Table(header=(text("Date"), text("Event")), rows=((text("2014"), text("Lifted.")),)),
        Para(content=text(f"The first paragraph of {n}."), number=1),
        PageBreak(parity=parity),  # type: ignore[arg-type]
    ]


def pack(articles: int, *, parity: str = "any", extra_tocs: bool = False) -> Document:
    blocks: list[Block] = [
        Para(content=text("Pack"), style="title"),
        Para(content=text("Prepared today"), style="subtitle"),
        PageBreak(parity="any"),
        Toc(title="Contents", depth=1),
        PageBreak(parity="any"),
    ]
    for n in range(1, articles + 1):
        blocks += article(n, parity)
        if extra_tocs and n == 3:
            blocks.append(Box(title="Inside a box", children=(Toc(title="Boxed", depth=2),)))
        if extra_tocs and n == 5:
            blocks.append(Toc(title="Midway", depth=3))
    if extra_tocs:
        blocks.append(Toc(title="At the end", depth=2))
    return Document(kind="pack", meta=DocMeta(title="Pack", header="Pack"), blocks=tuple(blocks))


def write(doc: Document, options: RenderOptions = OPTIONS, **kwargs: Any) -> bytes:
    return DocxWriter().write(doc, options, **kwargs)


def unspooled(monkeypatch: pytest.MonkeyPatch, doc: Document, options: RenderOptions,
              **kwargs: Any) -> bytes:
    """Write `doc` with the whole body kept in the tree until save, as the writer used to."""
    with monkeypatch.context() as patch:
        patch.setattr(docx_writer._Renderer, "_spool_body", lambda self: None)
        return write(doc, options, **kwargs)


CASES = {
    "pack": (pack(12), OPTIONS),
    "odd-page sections": (pack(12, parity="right"), DUPLEX),
    "tables of contents everywhere": (pack(12, extra_tocs=True), DUPLEX),
    "no page breaks": (Document(kind="t", meta=DocMeta(), blocks=tuple(
        b for b in pack(12).blocks if not isinstance(b, PageBreak))), OPTIONS),
    "empty": (Document(kind="t", meta=DocMeta(), blocks=()), OPTIONS),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_spooling_the_body_changes_no_byte(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    doc, options = CASES[name]
    assert write(doc, options) == unspooled(monkeypatch, doc, options)


def test_spooling_keeps_prefilled_toc_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = pack(12)
    pages = [n + 3 if n % 2 else None for n in range(len(toc_entries(doc)))]
    data = write(doc, toc_pages=pages)
    assert data == unspooled(monkeypatch, doc, OPTIONS, toc_pages=pages)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "<!--" not in xml
    assert xml.count('<w:hyperlink w:anchor="_Toc') == 12
    assert xml.count('<w:hyperlink w:history="1" r:id=') == 12
    assert xml.count("<w:bookmarkStart") == xml.count("<w:bookmarkEnd")


def test_sections_keep_headers_and_only_the_first_has_a_title_page() -> None:
    document = docx.Document(io.BytesIO(write(pack(12, parity="right"), DUPLEX)))
    assert len(document.sections) == 12 + 1
    for number, section in enumerate(document.sections):
        assert not section.header.is_linked_to_previous
        assert not section.footer.is_linked_to_previous
        assert section.different_first_page_header_footer == (number == 0)


def test_the_tree_stays_small_however_long_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []
    package = docx_writer._package_members

    def measured(word: WordDocument) -> dict[str, bytes]:
        sizes.append(sum(1 for _ in word.element.body.iter()))
        return package(word)

    monkeypatch.setattr(docx_writer, "_package_members", measured)
    write(pack(10))
    small = sizes[-1]  # the last rendering (the first one measures the pages)
    write(pack(80))
    large = sizes[-1]
    # Left when the package is written: the cover, the filled table of contents, the last
    # article's tail, markers.
    assert large < small + 80 * 24  # the TOC's lines (each with its PAGEREF), not articles


class CountingBlocks(Sequence[Block]):
    """Blocks that can only be iterated, and count how often."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self._blocks = blocks
        self.passes = 0

    def __iter__(self) -> Iterator[Block]:
        self.passes += 1
        yield from self._blocks

    def __len__(self) -> int:
        raise AssertionError("a writer must not need the length of a pack's blocks")

    @overload
    def __getitem__(self, index: int) -> Block: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Block]: ...

    def __getitem__(self, index: int | slice) -> Block | Sequence[Block]:
        raise AssertionError("a writer must read a pack's blocks in order")


def test_blocks_are_read_in_two_streaming_passes() -> None:
    doc = pack(6)
    blocks = CountingBlocks(doc.blocks)
    counted = Document(kind=doc.kind, meta=doc.meta, blocks=blocks)
    assert write(counted) == write(doc)
    # Anchors and the TOC's presence, then the rendering; twice, as the contents list's
    # page numbers are measured on a first rendering.
    assert blocks.passes == 4
    toc_entries(counted)
    assert blocks.passes == 5


def test_spooled_blocks_give_the_same_document() -> None:
    doc = pack(6, extra_tocs=True)
    spool = SpooledBlocks()
    spool.extend(doc.blocks)
    try:
        spooled = Document(kind=doc.kind, meta=doc.meta, blocks=spool)
        assert write(spooled, DUPLEX) == write(doc, DUPLEX)
    finally:
        spool.close()


def test_the_body_spool_file_is_closed_even_when_rendering_fails(
        monkeypatch: pytest.MonkeyPatch) -> None:
    spools: list[docx_writer._BodySpool] = []
    make = docx_writer._BodySpool.__init__

    def track(self: docx_writer._BodySpool, body: Any) -> None:
        make(self, body)
        spools.append(self)

    monkeypatch.setattr(docx_writer._BodySpool, "__init__", track)
    write(pack(3))
    assert spools[-1]._file.closed

    def broken(word: WordDocument) -> dict[str, bytes]:
        raise OSError("disk full")

    monkeypatch.setattr(docx_writer, "_package_members", broken)
    with pytest.raises(OSError, match="disk full"):
        write(pack(3))
    assert spools[-1]._file.closed


@pytest.mark.parametrize("options", [OPTIONS, DUPLEX])
def test_page_model_reads_a_part_whole_or_streamed_alike(
        monkeypatch: pytest.MonkeyPatch, options: RenderOptions) -> None:
    """A short main part is parsed whole for the page model, a long one streamed; both find
    the same pages, sections (odd-page breaks) and tables measured once or again."""
    from exporter.writers import docx_pages
    from exporter.writers.docx_pages import reader

    doc = pack(8, parity="right", extra_tocs=True)
    written = DocxWriter().write(doc, options)
    whole = docx_pages.bookmark_pages(written)
    again = docx_pages.bookmark_pages(written)  # tables and paragraphs measured before
    monkeypatch.setattr(reader, "PARAGRAPHS_KEPT", 0)  # one kept at most: measured afresh
    monkeypatch.setattr(docx_pages, "WHOLE_PART", 0)
    streamed = docx_pages.bookmark_pages(written)
    assert whole == again == streamed
    assert whole["#pages"] >= 8


@pytest.mark.parametrize(("articles", "spooled"), [(1, False), (6, True)])
def test_a_draft_measured_from_its_own_tree_finds_the_pages_of_its_package(
        articles: int, spooled: bool) -> None:
    """A rendering none of whose body was spooled is measured from its own tree, not parsed
    back; one that was spooled from its XML. Either way, as its zipped package reads."""
    from exporter.writers import docx_pages

    body = [b for n in range(1, articles + 1) for b in article(n)]
    if not spooled:  # one article, no page break: nothing leaves the tree
        body = body[:-1]
    doc = Document(kind="summary", meta=DocMeta(title="One", header="One"), blocks=tuple(body))
    draft = DocxWriter().draft(doc, OPTIONS)
    try:
        assert (draft._tree is None) == spooled
        assert draft.pages(docx_pages.Fonts()) == docx_pages.bookmark_pages(draft.package())
    finally:
        draft.close()
