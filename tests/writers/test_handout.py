"""The handout writer, checked through real readers: pypdf, pdftotext, pdffonts and qpdf."""

from __future__ import annotations

import io
import math
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from exporter import writers
from exporter.blocks import (
    DocMeta,
    Document,
    Fields,
    Inline,
    ListBlock,
    ListItem,
    Para,
    Quote,
    Slide,
    Table,
)
from exporter.errors import ConfigError
from exporter.options import RenderOptions
from exporter.writers.handout import HandoutWriter, deck_pages
from exporter.writers.slides import PptxWriter

pypdf = pytest.importorskip("pypdf")

HOSTILE = '<font color="red">red</font> <img src="/etc/passwd"/> &amp; </para>'


def text(value: str, **kw: Any) -> tuple[Inline, ...]:
    return (Inline(text=value, **kw),)


def bullets(*items: str, ordered: bool = False) -> ListBlock:
    return ListBlock(items=tuple(ListItem(content=text(i), ref=n)
                                 for n, i in enumerate(items, start=1)), ordered=ordered)


def deck(*extra: Slide, title: str = "Regional Briefing Pack") -> Document:
    """Return a seven-slide deck using every layout and body block (plus `extra` slides)."""
    slides = (
        Slide(title="Regional Briefing Pack", layout="title",
              children=(Para(content=text("Briefing pack · 1 May 2024"), style="subtitle"),),
              notes=text("Three articles.")),
        Slide(title="Agenda", children=(bullets("Energy ties", "Trade corridors",
                                                ordered=True),)),
        Slide(title="Energy ties", layout="section",
              children=(Para(content=text("1 of 2"), style="subtitle"),)),
        Slide(title="Key points", children=(bullets(
            "Pakistan and Russia signed a gas pipeline accord after two years of talks.",
            "Moscow agreed to supply crude oil at a discount.",
            "Analysts expect trade to double by 2026."),)),
        Slide(title="In their words", children=(Quote(
            content=text("“We are opening a new chapter in our relations.”"),
            attribution="Foreign Minister", ref=4),)),
        Slide(title="Timeline", children=(Table(
            header=(text("Date"), text("Event")),
            rows=((text("2015"), text("Defence cooperation agreement")),
                  (text("2021"), text("Pakistan Stream gas pipeline deal"))),
            widths=(1.1, 4.0)),)),
        Slide(title="Source", children=(Fields(rows=(
            ("Publication", text("The Diplomat")), ("File", text("article.txt")))),)),
    )
    meta = DocMeta(title=title, author="A. Analyst", subject="Pack", keywords=("a", "b"),
                   header=title)
    return Document(kind="pack-slides", meta=meta, blocks=slides + extra)


def render(doc: Document, **options: Any) -> bytes:
    return HandoutWriter().write(doc, RenderOptions(timestamp=1500000000, **options))


def reader(pdf: bytes) -> Any:
    return pypdf.PdfReader(io.BytesIO(pdf))


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def run_tool(name: str, pdf: bytes, tmp_path: Path, *args: str) -> str:
    target = tmp_path / "handouts.pdf"
    target.write_bytes(pdf)
    done = subprocess.run([tool(name), *args, str(target), *(["-"] if name == "pdftotext"
                                                               else [])],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_registered() -> None:
    writer = writers.get("handout")
    assert isinstance(writer, HandoutWriter)
    assert (writer.suffix, writer.template, writer.output) == (
        ".pdf", "pack-slides.xml.j2", "handouts.pdf")


@pytest.mark.parametrize(("per_page", "pages"), [(1, 7), (2, 4), (3, 3), (4, 2), (6, 2)])
def test_page_count(per_page: int, pages: int) -> None:
    assert len(reader(render(deck(), per_page=per_page)).pages) == pages


def test_default_is_three_a4() -> None:
    pdf = reader(render(deck()))
    assert len(pdf.pages) == 3
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_letter() -> None:
    box = reader(render(deck(), paper="letter")).pages[0].mediabox
    assert (float(box.width), float(box.height)) == (612.0, 792.0)


def test_unknown_per_page() -> None:
    with pytest.raises(ConfigError):
        render(deck(), per_page=5)


def test_text_titles_and_page_numbers(tmp_path: Path) -> None:
    out = run_tool("pdftotext", render(deck()), tmp_path, "-layout")
    for title in ("Agenda", "Energy ties", "Key points", "In their words", "Timeline",
                  "Source"):
        assert title in out
    assert "Page 1 of 3" in out and "Page 3 of 3" in out
    assert "Slides 1–3 of 7" in out and "Slide 7 of 7" in out
    assert "Regional Briefing Pack" in out
    assert "Foreign Minister" in out and "The Diplomat" in out


def test_metadata() -> None:
    meta = reader(render(deck())).metadata
    assert meta.title == "Regional Briefing Pack"
    assert meta.author == "A. Analyst"


def test_qpdf_check(tmp_path: Path) -> None:
    run_tool("qpdf", render(deck(), classification="Official"), tmp_path, "--check")


def test_fonts_embedded_only_dejavu(tmp_path: Path) -> None:
    out = run_tool("pdffonts", render(deck(), classification="Secret"), tmp_path)
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert "DejaVu" in name, row
        assert emb == "yes", row
    assert "Helvetica" not in render(deck()).decode("latin-1")


def test_classification_on_every_sheet(tmp_path: Path) -> None:
    pdf = render(deck(), classification="official-sensitive")
    out = run_tool("pdftotext", pdf, tmp_path)
    sheets = out.split("\f")[:-1]
    assert len(sheets) == 3
    assert all(s.count("OFFICIAL-SENSITIVE") >= 2 for s in sheets)


def test_hostile_text_is_literal(tmp_path: Path) -> None:
    hostile = Slide(title=HOSTILE, children=(
        bullets(HOSTILE, "<b>not bold</b>"), Quote(content=text(HOSTILE), attribution=HOSTILE)))
    pdf = render(deck(hostile, title=HOSTILE))
    out = " ".join(run_tool("pdftotext", pdf, tmp_path, "-raw").split())
    assert '<font color="red">red</font>' in out
    assert '<img src="/etc/passwd"/>' in out
    assert "&amp;" in out and "<b>not bold</b>" in out
    assert b"/Subtype /Image" not in pdf


def test_reproducible() -> None:
    doc = deck()
    assert render(doc) == render(doc)
    assert b"2017" in render(doc)  # creation date from the timestamp, not the clock


def test_long_slide_continues_like_the_deck(tmp_path: Path) -> None:
    long = Slide(title="Forty points", children=(bullets(*(
        f"Point {n}: " + "a long line of supporting detail that wraps " * 4
        for n in range(40))),))
    doc = deck(long)
    pdf = render(doc)
    deck_bytes = PptxWriter().write(doc, RenderOptions(timestamp=1500000000))
    slides = len(Presentation(io.BytesIO(deck_bytes)).slides)
    assert slides == len(deck_pages(doc)) > 8
    assert len(reader(pdf).pages) == math.ceil(slides / 3)
    out = run_tool("pdftotext", pdf, tmp_path)
    assert "Forty points (cont.)" in out and "Point 39" in out


def test_empty_deck_has_one_page() -> None:
    doc = Document(kind="pack-slides", meta=DocMeta(title="Empty"), blocks=())
    assert len(reader(render(doc)).pages) == 1


def test_unicode_and_uncovered_characters(tmp_path: Path) -> None:
    slide = Slide(title="Москва — Ελλάδα", children=(bullets("漢字 and 😀 and مرحبا"),))
    out = run_tool("pdftotext", render(deck(slide)), tmp_path)
    assert "Москва — Ελλάδα" in out
    assert "\ufffd" in out
