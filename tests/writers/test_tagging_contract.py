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
    """Every page of a tagged document opens as many sequences as it closes."""
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
