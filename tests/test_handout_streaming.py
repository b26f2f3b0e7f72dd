"""Handouts of long decks: laid out and drawn a slide at a time, totals filled in at the end."""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfgen.canvas import Canvas

from exporter.blocks import DocMeta, Document, Inline, ListBlock, ListItem, Para, Slide
from exporter.options import RenderOptions
from exporter.spool import SpooledBlocks
from exporter.writers import handout
from exporter.writers.deck import paginate
from exporter.writers.deck.outline import deck_survey as survey
from exporter.writers.handout import HandoutWriter, deck_pages, iter_deck_pages

pypdf = pytest.importorskip("pypdf")

TITLE = "Northern Corridor Pack"


def text(value: str) -> tuple[Inline, ...]:
    return (Inline(text=value),)


def slides(count: int, *, long_every: int = 0) -> list[Slide]:
    """Return `count` slides, a section every tenth; every `long_every`th runs over three pages."""
    out: list[Slide] = []
    for n in range(1, count + 1):
        if n % 10 == 1:
            out.append(Slide(title=f"Section {n // 10 + 1}", layout="section",
                             children=(Para(content=text("Part"), style="subtitle"),)))
            continue
        points = 40 if long_every and n % long_every == 0 else 3
        out.append(Slide(title=f"Slide {n}", children=(ListBlock(items=tuple(
            ListItem(content=text(f"Point {k} " + "with a line of detail " * 4))
            for k in range(points))),)))
    return out


def document(blocks: Any) -> Document:
    return Document(kind="pack-slides", meta=DocMeta(title=TITLE, header=TITLE), blocks=blocks)


def spooled(items: list[Slide]) -> Document:
    spool = SpooledBlocks()
    spool.extend(items)
    return document(spool)


def render(doc: Document, **options: Any) -> bytes:
    return HandoutWriter().write(doc, RenderOptions(timestamp=1500000000, **options))


def pdftotext(pdf: bytes, tmp_path: Path, *args: str) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext is not installed")
    target = tmp_path / "handouts.pdf"
    target.write_bytes(pdf)
    done = subprocess.run([exe, *args, str(target), "-"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_iter_deck_pages_matches_deck_pages() -> None:
    doc = document(tuple(slides(12, long_every=5)))
    streamed = list(iter_deck_pages(doc))
    assert streamed == deck_pages(doc)
    agenda, count = survey(doc)
    assert agenda == ("Section 1", "Section 2") and count == 12 < len(streamed)


def test_each_slide_laid_out_once_and_drawn_before_the_next_sheet_is_laid_out(
        monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_layout = paginate.layout_slide
    real_show = Canvas.showPage

    def layout(*args: Any, **kwargs: Any) -> Any:
        events.append("layout")
        return real_layout(*args, **kwargs)

    def show(self: Any) -> None:
        events.append("sheet")
        real_show(self)

    monkeypatch.setattr(handout, "layout_slide", layout)
    monkeypatch.setattr(Canvas, "showPage", show)
    render(document(tuple(slides(20))), per_page=3)
    assert events.count("layout") == 20  # no counting pass that lays every slide out again
    assert events.count("sheet") == 7
    # Never more than a sheet's slides (plus the one that shows the sheet is full) ahead.
    laid = sheets = 0
    for event in events:
        laid += event == "layout"
        sheets += event == "sheet"
        assert laid <= (sheets + 1) * 3 + 1


@pytest.mark.parametrize("per_page", [1, 3, 6])
def test_sheet_count_and_totals(per_page: int, tmp_path: Path) -> None:
    doc = spooled(slides(25))
    pdf = render(doc, per_page=per_page)
    sheets = math.ceil(25 / per_page)
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == sheets
    out = pdftotext(pdf, tmp_path, "-layout")
    assert f"Page 1 of {sheets}" in out and f"Page {sheets} of {sheets}" in out
    assert TITLE in out.split("\f")[0]
    assert "1 / 25" in out and "25 / 25" in out
    assert ("Slide 25 of 25" if per_page == 1 else "of 25") in out


def test_totals_count_continuations(tmp_path: Path) -> None:
    """Continued slides raise the totals above the survey's count: the deferred numbers agree."""
    doc = spooled(slides(9, long_every=3))
    total = len(deck_pages(doc))
    assert total >= 10 > survey(doc)[1]  # one digit more than the survey's lower bound
    pdf = render(doc)
    sheets = math.ceil(total / 3)
    out = " ".join(pdftotext(pdf, tmp_path).split())
    assert f"Page {sheets} of {sheets}" in out
    assert f"Slides 1–3 of {total}" in out
    assert f"{total} / {total}" in out


def right_edges(pdf: bytes, tmp_path: Path, first: str = "Page") -> list[float]:
    """Return the right edge of the last word of every "Page N of M" (or "Slides a–b of M")
    on the sheets."""
    bbox = pdftotext(pdf, tmp_path, "-bbox")
    edges = []
    for page in bbox.split("<page ")[1:]:
        words = re.findall(r'xMax="([\d.]+)"[^>]*>([^<]*)</word>', page)
        for n, (_, word) in enumerate(words):
            if word == first and n + 3 < len(words) and words[n + 2][1] == "of":
                edges.append(float(words[n + 3][0]))
    return edges


def test_page_numbers_stay_right_aligned(tmp_path: Path) -> None:
    width = RenderOptions().page_size[0]
    edges = right_edges(render(document(tuple(slides(40)))), tmp_path)
    assert len(edges) == 14
    # Where the survey's count has the total's digits, the label ends at the margin exactly.
    assert all(abs(edge - (width - handout.MARGIN_X)) < 0.5 for edge in edges)
    # A total longer than the survey foresaw (split slides) is drawn again at its true width.
    doc = spooled(slides(9, long_every=3))
    assert len(deck_pages(doc)) >= 10 > survey(doc)[1]
    edges = right_edges(render(doc), tmp_path, "Slides")
    assert edges and all(abs(edge - (width - handout.MARGIN_X)) < 0.5 for edge in edges)


def test_spooled_and_in_memory_decks_give_the_same_bytes() -> None:
    items = slides(14, long_every=6)
    in_memory = render(document(tuple(items)), classification="Official")
    assert render(spooled(items), classification="Official") == in_memory
    assert render(spooled(items), classification="Official") == in_memory


def test_empty_deck(tmp_path: Path) -> None:
    pdf = render(spooled([]))
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1
    out = pdftotext(pdf, tmp_path)
    assert "No slides" in out and "Page 1 of 1" in out


def test_qpdf_check(tmp_path: Path) -> None:
    exe = shutil.which("qpdf")
    if exe is None:
        pytest.skip("qpdf is not installed")
    target = tmp_path / "handouts.pdf"
    target.write_bytes(render(spooled(slides(30, long_every=7)), per_page=4))
    done = subprocess.run([exe, "--check", str(target)], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
