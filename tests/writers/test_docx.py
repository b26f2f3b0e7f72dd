"""DOCX writer: Word's styles, fields, links, page set-up, reproducibility, hostile text, scale."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.text.paragraph import Paragraph as WordParagraph
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter import blocks, templating
from exporter.blocks import DocMeta, Document, Heading, Inline, Para, Toc
from exporter.build import template_context
from exporter.model import (
    Actor,
    ActorKind,
    Article,
    Author,
    Briefing,
    Event,
    KeyPoint,
    Meta,
    Paragraph,
    Question,
    Quote,
    Source,
)
from exporter.options import RenderOptions
from exporter.writers import ooxml
from exporter.writers.docx import DocxWriter, toc_entries

STAMP = 1500000000
OPTIONS = RenderOptions(timestamp=STAMP, generator="exporter 0.1.0")
HOSTILE = "<b>bold?</b> {{ 7*7 }} {% for x in y %} <img src=/etc/passwd> </para> &amp;"

SAMPLE_BLOCKS = f"""
<document kind="summary" title="Pakistan-Russia Relations" author="exporter" subject="A summary"
          keywords="Russia; Pakistan" header="Pakistan-Russia Relations">
  <p style="title">Pakistan-Russia Relations</p>
  <p style="subtitle">From estrangement to engagement</p>
  <p style="meta">SouthAsia · Volume 21 · Issue 7 · July 2017</p>
  <fields><field name="Publication">SouthAsia</field><field name="Date">July 2017</field></fields>
  <heading level="1">Key points</heading>
  <list><item ref="4">Russia lifted its arms embargo in 2014.</item><item>Second.</item></list>
  <heading level="1">Summary</heading>
  <p style="summary">See <a href="https://example.org/a">the source</a>, <ref n="4"/> and
     <ref n="9"/>. <a href="javascript:alert(1)">not a link</a>.</p>
  <heading level="1">Quotations</heading>
  <quote attribution="Dmitriy Frolovskiy" ref="4">“A renaissance started in 2014.”</quote>
  <heading level="1">Questions raised</heading>
  <list ordered="true"><item>First question?</item><item>Second question?</item></list>
  <list ordered="true"><item>Restarted?</item></list>
  <heading level="2">Timeline</heading>
  <table widths="1,3"><row header="true"><cell>Date</cell><cell>Event</cell></row>
    <row><cell>2014</cell><cell>Embargo lifted.</cell></row></table>
  <box title="Panel"><p>Inside <b>the</b> box.</p></box>
  <heading level="3" toc="false">Full text</heading>
  <p style="body" number="4" anchor="p4">The fourth paragraph.<br/>Second line.</p>
  <p style="small">©2017 SouthAsia.com.pk</p>
  <p>{HOSTILE.replace("&", "&amp;").replace("<", "&lt;")}</p>
</document>
"""


def sample_doc() -> Document:
    return blocks.parse(SAMPLE_BLOCKS, template="test.xml.j2")


def write(doc: Document, options: RenderOptions = OPTIONS, **kwargs: object) -> bytes:
    return DocxWriter().write(doc, options, **kwargs)  # type: ignore[arg-type]


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def reread(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def text_doc(*paras: str, **meta: str) -> Document:
    return Document(kind="t", meta=DocMeta(**meta),  # type: ignore[arg-type]
                    blocks=tuple(Para(content=(Inline(text=p),)) for p in paras))


@pytest.fixture(scope="module")
def sample() -> bytes:
    return write(sample_doc())


# --- styles, properties, fields -------------------------------------------------------------------


def test_blocks_use_words_own_styles(sample: bytes) -> None:
    used = [p.style.name for p in reread(sample).paragraphs if p.style is not None]
    for style in ("Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "List Number",
                  "Quote", "Quote Attribution", "Numbered Paragraph", "Small"):
        assert style in used, style
    assert used.count("Title") == 1
    assert "Heading 3 Unlisted" in used  # toc="false": same look, out of the outline


def test_core_properties_are_set_and_never_python_docx(sample: bytes) -> None:
    props = reread(sample).core_properties
    assert props.title == "Pakistan-Russia Relations"
    assert props.subject == "A summary"
    assert props.keywords == "Russia; Pakistan"
    assert props.author == "exporter"
    assert props.last_modified_by == "exporter 0.1.0"
    when = dt.datetime.fromtimestamp(STAMP, tz=dt.timezone.utc)
    for stamp in (props.created, props.modified, props.last_printed):
        assert stamp.replace(tzinfo=dt.timezone.utc) == when
    assert props.revision == 1
    assert props.comments == ""
    everything = "".join(part(sample, n) for n in ("docProps/core.xml", "docProps/app.xml"))
    assert "python-docx" not in everything
    assert "Microsoft" not in everything
    assert "<Application>exporter 0.1.0</Application>" in everything


def test_footer_has_page_of_pages_fields(sample: bytes) -> None:
    section = reread(sample).sections[0]
    for footer in (section.footer, section.first_page_footer):
        xml = footer._element.xml
        assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", xml)
        assert re.search(r"<w:instrText[^>]*> NUMPAGES </w:instrText>", xml)
        assert "Page" in footer.paragraphs[0].text
    assert "Pakistan-Russia Relations" in section.header.paragraphs[0].text


def test_headings_are_kept_with_next(sample: bytes) -> None:
    document = reread(sample)
    assert document.styles["Heading 1"].paragraph_format.keep_with_next
    assert document.styles["Normal"].font.name == "Calibri"


# --- inline: links, refs, hostile text ------------------------------------------------------------


def test_links_only_safe_external_and_internal_refs_to_bookmarks(sample: bytes) -> None:
    xml = part(sample, "word/document.xml")
    rels = part(sample, "word/_rels/document.xml.rels")
    assert 'Target="https://example.org/a" TargetMode="External"' in rels
    assert "javascript" not in rels and "javascript" not in xml
    assert re.search(r'<w:bookmarkStart w:id="\d+" w:name="p4"/>', xml)
    assert xml.count('w:anchor="p4"') == 3  # key point, summary, quotation
    # ¶9 has no target in this document: plain text, not a dead link.
    assert 'w:anchor="p9"' not in xml
    assert "¶9" in xml


def test_hostile_text_appears_literally(sample: bytes) -> None:
    document = reread(sample)
    assert HOSTILE in [p.text for p in document.paragraphs]
    xml = part(sample, "word/document.xml")
    assert "&lt;img src=/etc/passwd&gt;" in xml
    assert "{{ 7*7 }}" in xml and "49" not in xml


def test_control_characters_are_stripped_defensively() -> None:
    doc = text_doc("NUL\x00 VT\x0b ESC\x1b FFFE\ufffe lone\ud800 end", title="T\x07itle")
    document = reread(write(doc))
    assert document.paragraphs[0].text == "NUL VT ESC FFFE lone end"
    assert document.core_properties.title == "Title"


# --- structure: lists, tables, TOC, page set-up ---------------------------------------------------


def test_numbered_lists_restart_at_one(sample: bytes) -> None:
    xml = part(sample, "word/document.xml")
    num_ids = re.findall(r'<w:pStyle w:val="ListNumber"/><w:numPr><w:ilvl w:val="0"/>'
                         r'<w:numId w:val="(\d+)"/>', xml)
    assert len(num_ids) == 3
    assert num_ids[0] == num_ids[1] != num_ids[2]
    assert "<w:startOverride w:val=\"1\"/>" in part(sample, "word/numbering.xml")


def test_table_header_repeats_and_widths_follow_relative_widths(sample: bytes) -> None:
    document = reread(sample)
    fields, timeline, box = document.tables
    assert [c.text for c in fields.rows[0].cells] == ["Publication", "SouthAsia"]
    assert "<w:tblHeader/>" in timeline._tbl.xml
    widths = [col.w for col in timeline._tbl.tblGrid.gridCol_lst]
    assert widths[0] is not None and widths[1] == pytest.approx(3 * widths[0], rel=0.01)
    assert "Panel" in box.cell(0, 0).text and "Inside the box." in box.cell(0, 0).text


def test_tables_declare_their_header_row_or_key_column(sample: bytes) -> None:
    """Screen readers and Word's accessibility checker read `w:tblLook` and `w:tblHeader`."""
    fields, timeline, box = reread(sample).tables
    look = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def flags(table: object) -> tuple[str, str, str]:
        el = table._tbl.tblPr.find(f"{look}tblLook")  # type: ignore[attr-defined]
        return el.get(f"{look}val"), el.get(f"{look}firstRow"), el.get(f"{look}firstColumn")

    assert flags(timeline) == ("0620", "1", "0")
    assert flags(fields) == ("0680", "0", "1")
    assert flags(box) == ("0600", "0", "0")


def test_listed_headings_skip_no_level_and_language_and_title_are_set() -> None:
    doc = Document(kind="pack", meta=DocMeta(title="Pack", lang="en-GB"), blocks=(
        Para(content=(Inline(text="Pack"),), style="title"),
        Heading(level=2, content=(Inline(text="Articles"),)),
        Heading(level=3, content=(Inline(text="First"),)),
        Heading(level=3, content=(Inline(text="Hidden"),), toc=False),
    ))
    data = write(doc)
    used = [p.style.name for p in reread(data).paragraphs if p.style is not None]
    assert used == ["Title", "Heading 1", "Heading 2", "Heading 3 Unlisted"]
    assert reread(data).core_properties.title == "Pack"
    assert reread(data).core_properties.language == "en-GB"
    assert '<w:lang w:val="en-GB"/>' in part(data, "word/styles.xml")


def toc_doc() -> Document:
    return Document(kind="pack", meta=DocMeta(title="Pack"), blocks=(
        Para(content=(Inline(text="Pack"),), style="title"),
        Toc(title="Contents", depth=3),
        Para(content=(Inline(text="First article"),), style="title"),
        Heading(level=1, content=(Inline(text="Key points"),)),
        Heading(level=2, content=(Inline(text="Hidden"),), toc=False),
        Para(content=(Inline(text="Second article"),), style="title"),
    ))


def test_toc_is_a_prefilled_field_with_page_numbers_when_given() -> None:
    doc = toc_doc()
    entries = toc_entries(doc)
    # Article titles become Heading 1 and their sections move one level down.
    assert [(e.level, e.text) for e in entries] == [
        (1, "First article"), (2, "Key points"), (1, "Second article")]
    data = write(doc, toc_pages=[3, None, 5])
    xml = part(data, "word/document.xml")
    assert '<w:fldChar w:fldCharType="begin"/>' in xml
    assert ' TOC \\o "1-3" \\h \\z \\u ' in xml
    assert xml.count('<w:hyperlink w:anchor="_Toc') == 3
    assert re.search(r"PAGEREF _Toc00000001 \\h .*?<w:t>3</w:t>", xml)
    assert "PAGEREF _Toc00000002" not in xml  # no page known: entry without a number
    fld = re.findall(r'w:fldCharType="(\w+)"', xml)
    assert fld.count("begin") == fld.count("end") == 3  # TOC + two PAGEREFs
    document = reread(data)
    styles = [p.style.name for p in document.paragraphs if p.style is not None]
    assert styles.count("toc 1") == 2 and styles.count("toc 2") == 1
    assert "Heading 2" in styles  # "Key points" under an article


def test_page_setup_paper_duplex_and_classification() -> None:
    options = RenderOptions(timestamp=STAMP, paper="letter", duplex=True,
                            classification="OFFICIAL-SENSITIVE")
    doc = Document(kind="t", meta=DocMeta(header="Head"), blocks=(
        Para(content=(Inline(text="One"),)), blocks.PageBreak(parity="right"),
        Para(content=(Inline(text="Two"),))))
    data = write(doc, options)
    document = reread(data)
    assert len(document.sections) == 2
    for section in document.sections:
        assert section.page_width is not None and section.page_height is not None
        assert (section.page_width.pt, section.page_height.pt) == (612, 792)
        assert not section.header.is_linked_to_previous  # explicit, for LibreOffice
        header = [p.text for p in section.header.paragraphs]
        footer = [p.text for p in section.footer.paragraphs]
        assert header[0] == "OFFICIAL-SENSITIVE" and footer[-1] == "OFFICIAL-SENSITIVE"
    first = document.sections[0]
    assert first.left_margin is not None and first.right_margin is not None
    assert first.left_margin > first.right_margin
    assert "<w:mirrorMargins/>" in part(data, "word/settings.xml")
    assert '<w:type w:val="oddPage"/>' in part(data, "word/document.xml")


def test_a4_is_the_default_page() -> None:
    section = reread(write(text_doc("x"))).sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert section.page_width.twips == 11906 and section.page_height.twips == 16838
    assert section.left_margin == section.right_margin


# --- reproducibility ------------------------------------------------------------------------------


def test_same_document_and_options_give_the_same_bytes() -> None:
    first, second = write(sample_doc()), write(sample_doc())
    assert first == second
    later = write(sample_doc(), RenderOptions(timestamp=STAMP + 86400))
    assert later != first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(2017, 7, 14, 2, 40, 0)}
    assert "docProps/thumbnail.jpeg" not in [i.filename for i in infos]


def test_styles_made_for_an_earlier_document_give_the_same_bytes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Later documents start from a copy of the styled template the first one made
    (`_STYLED`): their bytes are those of a document written in a fresh process."""
    from exporter.writers.docx import styles as docx_styles

    other = text_doc("Plain text.", title="Another", lang="fr-FR")
    monkeypatch.setattr(docx_styles, "_STYLED", {})
    fresh = write(other)
    monkeypatch.setattr(docx_styles, "_STYLED", {})
    write(sample_doc())  # makes the styles (language en) and keeps them
    assert docx_styles._STYLED
    assert write(other) == fresh
    assert '<w:lang w:val="fr-FR"/>' in part(write(other), "word/styles.xml")


def test_reproducible_zip_clamps_dates_and_replaces_members() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("b.xml", "b")
        archive.writestr("[Content_Types].xml", "t")
        archive.writestr("a.xml", "a")
    out = ooxml.reproducible_zip(buffer.getvalue(), 0, replace={"a.xml": b"A"})
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        assert archive.namelist() == ["[Content_Types].xml", "a.xml", "b.xml"]
        assert archive.read("a.xml") == b"A"
        assert archive.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)
    with pytest.raises(KeyError):
        ooxml.reproducible_zip(buffer.getvalue(), 0, replace={"new.xml": b""})


# --- robustness and scale -------------------------------------------------------------------------


def test_long_token_and_long_title() -> None:
    title = "T" * 3000
    doc = text_doc("x" * 20_000, title=title, header=title, subject=title)
    document = reread(write(doc))
    assert len(document.paragraphs[0].text) == 20_000
    assert len(document.core_properties.title) <= 255
    assert len(document.sections[0].header.paragraphs[0].text) <= 110


def test_book_length_document_in_reasonable_time() -> None:
    text = "Pakistan and Russia have built ties for years, and the relationship matters. " * 3
    body = [Para(content=(Inline(text=text),), number=n, anchor=f"p{n}") for n in range(1, 8001)]
    doc = Document(kind="t", meta=DocMeta(), blocks=tuple(body))
    start = time.perf_counter()
    data = write(doc)
    assert time.perf_counter() - start < 30
    assert part(data, "word/document.xml").count("<w:bookmarkStart") == 8000


words = st.text(st.characters(codec="utf-8"), min_size=1, max_size=40)


@settings(max_examples=25, deadline=None)
@given(st.lists(words, min_size=1, max_size=5))
def test_any_text_renders_and_its_words_survive(texts: list[str]) -> None:
    document = reread(write(text_doc(*texts)))
    out = " ".join(p.text for p in document.paragraphs)
    for text in texts:
        for word in re.sub(r"[\x00-\x1f\x7f\ufffe\uffff\ud800-\udfff]", " ", text).split():
            assert word in out


# --- through the template and real readers --------------------------------------------------------


def sample_briefing() -> Briefing:
    article = Article(
        title="Pakistan-Russia Relations", title_inferred=True,
        meta=Meta(publication="SouthAsia", volume=21, issue=7, date="2017-07",
                  rights="©2017 SouthAsia.com.pk. All Rights Reserved"),
        authors=(Author(bio="The writer is Meritorious Professor of International Relations "
                            "at the University of Karachi."),),
        paragraphs=(Paragraph(n=1, text="“Russia is down but not out.”"),
                    Paragraph(n=2, text=f"Pakistan-Russia relations. {HOSTILE}")),
        headings=(), source=Source(path="pakistan-russia-relations.txt", format="text"))
    return Briefing(
        article=article,
        key_points=(KeyPoint(text=f"Relations entered a new phase {HOSTILE}", paragraph=2),),
        summary="Relations between Pakistan and Russia have improved since 2014.",
        quotes=(Quote(text="Russia is down but not out.",
                      speaker="analysts on international affairs", paragraph=1),),
        questions=(Question(text="What will India do?", paragraph=2),),
        timeline=(Event(date="2014", text="Russia lifts its arms embargo.", paragraph=2),),
        actors=(Actor(name="Dmitriy Frolovskiy", kind=ActorKind.PERSON,
                      role="Moscow-based political analyst", paragraphs=(4, 7)),),
        keywords=("Russia", "Pakistan"))


@pytest.fixture(scope="module")
def summary() -> Document:
    return templating.render(DocxWriter.template, template_context(sample_briefing(), OPTIONS))


@pytest.fixture(scope="module")
def summary_docx(summary: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / DocxWriter.output
    path.write_bytes(write(summary))
    return path


def all_paragraphs(document: docx.document.Document) -> list[WordParagraph]:
    found = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    return found


def test_summary_template_reads_back_in_python_docx(summary_docx: Path) -> None:
    document = docx.Document(str(summary_docx))
    paragraphs = all_paragraphs(document)
    styles = {p.style.name for p in paragraphs if p.style is not None}
    assert {"Title", "Heading 1", "List Bullet", "List Number", "Quote"} <= styles
    assert document.tables, "key facts table"
    assert any(HOSTILE in p.text for p in paragraphs)


def test_pandoc_reads_the_summary(summary: Document, summary_docx: Path) -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed")
    text = subprocess.run([pandoc, "-f", "docx", "-t", "plain", str(summary_docx)],
                          check=True, capture_output=True, text=True, timeout=60).stdout
    headings = [blocks.plain(b.content) for b in blocks.walk(summary.blocks)
                if isinstance(b, Heading)]
    assert len(headings) >= 4
    for heading in headings:
        assert heading in text
    assert "{{ 7*7 }}" in text and "<img src=/etc/passwd>" in text


@pytest.mark.slow
def test_libreoffice_converts_it(summary_docx: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(summary_docx)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "summary.pdf"
    assert pdf.stat().st_size > 1000
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:
        text = subprocess.run([pdftotext, str(pdf), "-"], check=True, capture_output=True,
                              text=True).stdout
        assert "Key points" in text and "Page 1 of" in text
