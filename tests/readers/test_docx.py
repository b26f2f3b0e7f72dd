"""DOCX reader: styles to structure, core properties, and archive safety before parsing."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest

from exporter.errors import LimitError, SourceError
from exporter.readers import ReadLimits, read_data
from exporter.readers.archive import open_zip

TEXT = ("Pakistan and Russia have moved closer over the last decade with joint exercises. "
         "Energy cooperation is the centre of the new relationship, analysts say. "
         "Trade remains small but both governments promise to expand it quickly.")
WORDS = TEXT.split()


def build() -> bytes:
    document = docx.Document()
    document.core_properties.author = "Amina Khan; Sergei Ivanov"
    document.core_properties.created = dt.datetime(2021, 3, 4, 10, 0, tzinfo=dt.timezone.utc)
    document.core_properties.language = "en-GB"
    document.add_paragraph("A New Chapter", style="Title")
    document.add_paragraph("Old rivals, new partners", style="Subtitle")
    document.add_paragraph(" ".join(WORDS[:12]))
    document.add_heading("Energy", level=1)
    paragraph = document.add_paragraph("The pipeline is ")
    paragraph.add_run("central").bold = True
    paragraph.add_run(" to the ")
    paragraph.add_run("plan").italic = True
    paragraph.add_run(".")
    document.add_paragraph("Pipeline agreement signed", style="List Bullet")
    document.add_paragraph("Exercises every year", style="List Bullet")
    document.add_paragraph("First step", style="List Number")
    document.add_paragraph("Second step", style="List Number")
    document.add_heading("Voices", level=2)
    document.add_paragraph("Relations have never been better.", style="Quote")
    document.add_paragraph("\u2014 Sergei Lavrov, foreign minister")
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Year", (0, 1): "Trade", (1, 0): "2020",
                         (1, 1): "$0.8bn"}.items():
        table.cell(r, c).text = text
    document.add_paragraph(" ".join(WORDS[12:]))
    document.add_paragraph("<b>literal</b> {{ 7*7 }}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_structure_and_metadata() -> None:
    article = read_data(build(), "article.docx")
    assert (article.title, article.title_inferred) == ("A New Chapter", False)
    assert article.meta.subtitle == "Old rivals, new partners"
    assert [a.name for a in article.authors] == ["Amina Khan", "Sergei Ivanov"]
    # The file's created date dates the file, not the article: it is not taken.
    assert article.meta.date is None
    assert article.meta.language == "en-GB"
    assert [(h.text, h.level, h.paragraph) for h in article.headings] == [
        ("Energy", 1, 2), ("Voices", 2, 7)]
    kinds = [(p.kind, p.text, p.ordered) for p in article.paragraphs]
    assert kinds[2:6] == [("list_item", "Pipeline agreement signed", False),
                          ("list_item", "Exercises every year", False),
                          ("list_item", "First step", True), ("list_item", "Second step", True)]
    bullets, numbers = article.paragraphs[2:4], article.paragraphs[4:6]
    assert bullets[0].list_id == bullets[1].list_id != numbers[0].list_id == numbers[1].list_id
    quote = article.paragraphs[6]
    assert (quote.kind, quote.attribution) == ("quote", "Sergei Lavrov, foreign minister")
    assert [p.text for p in article.paragraphs[7:9]] == ["Year | Trade", "2020 | $0.8bn"]
    assert article.paragraphs[-1].text == "<b>literal</b> {{ 7*7 }}"
    spans = article.paragraphs[1].spans
    assert any(s.strong and s.text == "central" for s in spans)
    assert any(s.emphasis and s.text == "plan" for s in spans)


def test_every_word_once_in_order() -> None:
    article = read_data(build(), "article.docx")
    body = " ".join(p.text for p in article.paragraphs).split()
    expected = " ".join([
        " ".join(WORDS[:12]), "The pipeline is central to the plan.",
        "Pipeline agreement signed Exercises every year First step Second step",
        "Relations have never been better.", "Year | Trade 2020 | $0.8bn",
        " ".join(WORDS[12:]), "<b>literal</b> {{ 7*7 }}"]).split()
    assert body == expected


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_zip_bomb_is_refused_before_parsing() -> None:
    bomb = _zip({"[Content_Types].xml": b"<Types/>",
                 "word/document.xml": b"<w:p>" + b" " * 30_000_000})
    assert len(bomb) < 200_000
    with pytest.raises(LimitError, match="inflates"):
        read_data(bomb, "bomb.docx")


def test_member_count_and_total_size_limits() -> None:
    many = _zip({f"word/media/{i}.bin": b"x" for i in range(30)} | {
        "[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
    with pytest.raises(LimitError, match="members"):
        open_zip(many, "many.docx", ReadLimits(max_archive_members=10))
    with pytest.raises(LimitError, match="inflates to more than"):
        open_zip(build(), "big.docx", ReadLimits(max_unpacked_bytes=1_000))


@pytest.mark.parametrize("data", [
    b"PK\x03\x04 this is not really a zip word/document.xml",
    b"just text pretending",
])
def test_pretend_docx_is_refused(data: bytes) -> None:
    with pytest.raises(SourceError):
        read_data(data, "fake.docx")


def test_zip_without_document_part_is_refused() -> None:
    with pytest.raises(SourceError, match="not a Word document"):
        read_data(_zip({"[Content_Types].xml": b"<Types/>", "word/other.xml": b"<x/>"}),
                  "odd.docx")


def test_broken_document_xml_is_refused() -> None:
    data = build()
    source = zipfile.ZipFile(io.BytesIO(data))
    members = {n: source.read(n) for n in source.namelist()}
    members["word/document.xml"] = b"<w:document><unclosed>"
    with pytest.raises(SourceError, match="not a readable Word document"):
        read_data(_zip(members), "broken.docx")
