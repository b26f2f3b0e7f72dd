"""The ReportLab behaviour the tagger relies on (`exporter/writers/pdf/tagging.py`).

The tagger reaches into ReportLab's drawing in a few places: a paragraph's bullet is drawn as a
text object of its own before the text, each paragraph line ends with `_textOut(..., TStar=1)`,
links go through `Canvas.linkRect`/`linkURL`, a table of contents draws an entry's page number
from a callback. If a ReportLab release changes any of these, these tests say which; the minor
version is pinned in pyproject.toml.
"""

from __future__ import annotations

import io
import re

import pikepdf
import pytest
import reportlab
from reportlab.lib.styles import ParagraphStyle

from exporter import fonts
from exporter.writers.pdf.flowables import Para
from exporter.writers.pdf.tagging import Tag, TaggingCanvas, default_description

PINNED_MINOR = "5.1"


def draw(para: Para, width: float = 200) -> tuple[str, TaggingCanvas, bytes]:
    """Draw `para` on a page; return the page's operators, the canvas and the PDF."""
    fonts.register()
    out = io.BytesIO()
    canv = TaggingCanvas(out, pagesize=(300, 400), invariant=1, pageCompression=0,
                         initialFontName=fonts.SERIF)
    para.wrapOn(canv, width, 400)
    para.drawOn(canv, 50, 100)
    canv.bookmarkPage("p12")
    canv.tagger.finish_page(canv)
    code = "\n".join(canv._code)
    canv.showPage()
    canv.save()
    return code, canv, out.getvalue()


def style() -> ParagraphStyle:
    fonts.register()
    return ParagraphStyle("t", fontName=fonts.SERIF, fontSize=10, leading=12,
                          leftIndent=12, bulletIndent=0, bulletFontName=fonts.SERIF)


def test_reportlab_minor_version_is_the_pinned_one() -> None:
    assert reportlab.Version.startswith(PINNED_MINOR + "."), (
        f"ReportLab {reportlab.Version}: review the tagger's hooks (this file) and raise the "
        "pin in pyproject.toml")


def test_bullet_is_its_own_text_object_before_the_text() -> None:
    item = Tag("LI", Tag("L"))
    para = Para("Energy deals signed.", style(), bulletText="•")
    para.tag, para.label_tag = Tag("LBody", item), Tag("Lbl", item)
    code, canv, _ = draw(para)
    marked = re.findall(r"/(\w+) <</MCID (\d+)>> BDC(.*?)EMC", code, re.S)
    assert [(role, mcid) for role, mcid, _ in marked] == [("Lbl", "0"), ("LBody", "1")]
    assert all(body.count("BT") == 1 for _, _, body in marked)
    assert code.startswith("/Artifact BMC") and code.endswith("EMC")
    assert code.count("BDC") + code.count("BMC") == code.count("EMC")
    assert [e.role for e in canv.tagger.root.kids[0].kids[0].kids] == ["Lbl", "LBody"]


def test_each_wrapped_line_but_the_last_ends_with_a_space() -> None:
    para = Para("cautious " * 30 + "end", style())
    para.tag = Tag("P")
    code, _, _ = draw(para)
    lines = re.findall(r"\((.*?)\) Tj T\*", code)
    assert len(lines) > 2
    assert all(line.endswith(" ") for line in lines[:-1])
    assert not lines[-1].endswith(" ")


def test_a_paragraph_continued_on_the_next_page_ends_its_last_line_with_a_space() -> None:
    para = Para("cautious " * 30 + "end", style())
    para.tag, para.continues = Tag("P"), True
    code, _, _ = draw(para)
    assert re.findall(r"\((.*?)\) Tj T\*", code)[-1].endswith(" ")


def test_links_carry_a_description_and_are_recorded_inside_their_element() -> None:
    para = Para('See <a href="#p12">¶12</a> and <a href="https://example.org/x">this</a>.',
                style())
    para.tag = Tag("P")
    _, canv, pdf = draw(para)
    element = canv.tagger.root.kids[0]
    links = [kid for kid in element.kids if getattr(kid, "role", None) == "Link"]
    assert [link.contents for link in links] == ["Paragraph 12", "https://example.org/x"]
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        annots = doc.pages[0].Annots
        assert [str(a.Contents) for a in annots] == ["Paragraph 12", "https://example.org/x"]


def test_repeated_draw_of_one_paragraph_is_an_artifact() -> None:
    """A table's header row repeated on a later page is the same flowable drawn again."""
    para = Para("Date", style())
    para.tag = Tag("TH")
    code, canv, _ = draw(para)
    para.drawOn(canv, 50, 300)
    assert code.count("BDC") == 1 and "MCID 1" not in "\n".join(canv._code)


def test_default_descriptions() -> None:
    assert default_description("a2-p7~2") == "Paragraph 7"
    assert default_description("key-points") == "Section key points"
    assert default_description("mailto:a@b.org") == "mailto:a@b.org"


def test_page_streams_balance_marked_content() -> None:
    """Every page of a tagged document opens as many sequences as it closes; a long table's
    repeated header row is drawn, not tagged, again."""
    from exporter import blocks as b
    from exporter.options import RenderOptions
    from exporter.writers.pdf import PdfWriter

    def runs(value: str) -> tuple[b.Inline, ...]:
        return (b.Inline(text=value),)

    rows = tuple((runs(f"{n}"), runs("row " * 20)) for n in range(80))
    doc = b.Document(kind="briefing", meta=b.DocMeta(title="T"), blocks=(
        b.Table(header=(runs("N"), runs("Text")), rows=rows),))
    pdf = PdfWriter().write(doc, RenderOptions(timestamp=1500000000))
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) > 1
        for page in document.pages:
            text = page.Contents.read_bytes().decode("latin-1")
            opened = len(re.findall(r"\bBDC\b|\bBMC\b", text))
            assert opened == len(re.findall(r"\bEMC\b", text))
        # The header row repeated on later pages is an artifact: one header row in the tree.
        table = document.Root.StructTreeRoot.K.K
        assert table.S == "/Table" and len(table.K) == 81
        assert [cell.S for cell in table.K[0].K] == ["/TH", "/TH"]
        assert all(cell.S == "/TD" for row in table.K[1:] for cell in row.K)


def test_contents_entry_end_draws_what_reportlab_draws_in_two_pieces() -> None:
    """The dot leader (an artifact) and the page number (tagged) of a contents entry are where
    ReportLab's `drawPageNumbers` puts its single string of dots and number."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus.tableofcontents import drawPageNumbers

    from exporter.writers.pdf.page import _entry_end

    fonts.register()
    entry_style = ParagraphStyle("toc", fontName=fonts.SERIF, fontSize=10, leading=12)

    def operators(draw: object) -> str:
        canv = TaggingCanvas(io.BytesIO(), pagesize=(400, 400), invariant=1,
                             initialFontName=fonts.SERIF)
        canv._curr_tx_info = {"cur_x": 123.5, "cur_y": 200}
        draw(canv)  # type: ignore[operator]
        return "\n".join(canv._code)

    theirs = operators(lambda c: drawPageNumbers(c, entry_style, [(17, None)], 300, 400))
    ours = operators(lambda c: _entry_end(c, c.tagger, Tag("TOCI"), entry_style, "17", None,
                                          300))
    (x, text), = re.findall(r"1 0 0 1 ([\d.]+) 200 Tm .*?\((.*?)\) Tj", theirs)
    dots_at, number_at = (float(v) for v in re.findall(r"1 0 0 1 ([\d.]+) 200 Tm", ours))
    assert float(x) == pytest.approx(dots_at)
    dots = text[:-2]
    assert number_at == pytest.approx(dots_at + stringWidth(dots, fonts.SERIF, 10))
    assert "/Reference <</MCID 0>> BDC" in ours


def test_pack_contents_are_a_toc_of_entries_with_text_and_page_number() -> None:
    from exporter import blocks as b
    from exporter.options import RenderOptions
    from exporter.writers.pdf import PdfWriter

    def runs(value: str) -> tuple[b.Inline, ...]:
        return (b.Inline(text=value),)

    doc = b.Document(kind="pack", meta=b.DocMeta(title="Pack"), blocks=(
        b.Para(content=runs("Pack"), style="title"), b.Toc(title="Contents", depth=2),
        b.PageBreak(), b.Heading(level=1, content=runs("First"), anchor="first"),
        b.Heading(level=2, content=runs("Key points")), b.Para(content=runs("Text.")),
    ))
    pdf = PdfWriter().write(doc, RenderOptions(timestamp=1500000000))
    with pikepdf.open(io.BytesIO(pdf)) as document:
        tree = document.Root.StructTreeRoot.K
        toc = next(k for k in tree.K if k.S == "/TOC")
        entries = list(toc.K) if isinstance(toc.K, pikepdf.Array) else [toc.K]
        assert len(entries) == 2
        for entry in entries:
            assert [k.S for k in entry.K] == ["/P", "/Reference"]
        page = document.pages[0].obj
        assert page.StructParents == 0 and page.Tabs == "/S" and "/Trans" not in page
