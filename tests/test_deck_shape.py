"""The deck and its handouts share one shape: a user's template splits both the same way."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.util import Emu

from exporter.blocks import DocMeta, Document, Inline, ListBlock, ListItem, Para, Slide
from exporter.errors import ConfigError
from exporter.options import RenderOptions
from exporter.writers.deck import decor
from exporter.writers.deck.outline import deck_slides
from exporter.writers.deck.paginate import layout_slide
from exporter.writers.deck.shape import BUILTIN, LAYOUT_NAMES, deck_shape, default_geometry
from exporter.writers.handout import Box, HandoutWriter, _SlidePainter, cells, deck_pages
from exporter.writers.slides_pptx import PptxWriter

PT = 12700


def text(value: str) -> tuple[Inline, ...]:
    return (Inline(text=value),)


def document() -> Document:
    """A deck whose longer slides fit the built-in body box but not a smaller one."""
    slides = [Slide(title="Opening", layout="title",
                    children=(Para(content=text("A briefing"), style="subtitle"),))]
    for n in range(1, 9):
        if n % 4 == 1:
            slides.append(Slide(title=f"Part {n // 4 + 1}", layout="section",
                                children=(Para(content=text("Overview"), style="subtitle"),)))
        points = 3 + 2 * n
        slides.append(Slide(title=f"Topic {n:02d}", children=(ListBlock(items=tuple(
            ListItem(content=text(f"Point {k} " + "with a line of detail " * 3))
            for k in range(points))),)))
    return Document(kind="pack-slides", meta=DocMeta(title="Shape Test", header="Shape Test"),
                    blocks=tuple(slides))


def make_template(path: Path) -> Path:
    """Save a 4:3 template whose content layout has a body box unlike the built-in one."""
    prs = Presentation()  # python-pptx's own template: 720 × 540 pt
    layout = prs.slide_layouts[1]
    layout.name = "Title and Content"
    for ph in list(layout.placeholders):
        if ph.placeholder_format.idx == 1:  # the body: the right part, shorter
            ph.left, ph.top = Emu(300 * PT), Emu(140 * PT)
            ph.width, ph.height = Emu(380 * PT), Emu(300 * PT)
    prs.save(str(path))
    return path


def options(template: Path | None = None, **kw: Any) -> RenderOptions:
    return RenderOptions(timestamp=1_500_000_000,
                         pptx_template=None if template is None else str(template), **kw)


def deck_titles(data: bytes) -> list[str]:
    prs = Presentation(io.BytesIO(data))
    return [slide.shapes.title.text_frame.text for slide in prs.slides]


def sheet_texts(pdf: bytes, tmp_path: Path) -> list[str]:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext is not installed")
    target = tmp_path / "handouts.pdf"
    target.write_bytes(pdf)
    done = subprocess.run([exe, str(target), "-"], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    return [" ".join(page.split()) for page in done.stdout.split("\f")[:-1]]


def assert_handout_prints_deck(opts: RenderOptions, tmp_path: Path) -> list[str]:
    """Check one handout sheet per deck slide, showing that slide's title; return the titles."""
    doc = document()
    titles = deck_titles(PptxWriter().write(doc, opts))
    sheets = sheet_texts(HandoutWriter().write(doc, opts), tmp_path)
    assert len(sheets) == len(titles)
    for n, (title, sheet) in enumerate(zip(titles, sheets, strict=True), start=1):
        assert f"Slide {n} of {len(titles)}" in sheet
        assert title in sheet
        assert ("(cont.)" in sheet) == ("(cont.)" in title)
    return titles


def test_handout_with_template_prints_the_decks_slides(tmp_path: Path) -> None:
    template = make_template(tmp_path / "corporate.pptx")
    titles = assert_handout_prints_deck(options(template, per_page=1), tmp_path)
    # The template's smaller body box splits slides the built-in one does not.
    assert len(titles) > len(deck_pages(document()))
    assert len(titles) == len(deck_pages(document(), deck_shape(options(template))))


def test_builtin_handout_prints_the_decks_slides(tmp_path: Path) -> None:
    titles = assert_handout_prints_deck(options(per_page=1), tmp_path)
    assert len(titles) == len(deck_pages(document()))


def test_template_shape_is_the_templates(tmp_path: Path) -> None:
    shape = deck_shape(options(make_template(tmp_path / "t.pptx")))
    assert (shape.width, shape.height, shape.builtin) == (720.0, 540.0, False)
    body = shape.geometry("content").body
    assert (body.x, body.y, body.w, body.h) == (300.0, 140.0, 380.0, 300.0)
    assert shape.geometry("anything else") == shape.geometry("content")


def test_builtin_shape_is_the_default_geometry() -> None:
    assert deck_shape(options()) is BUILTIN
    assert (BUILTIN.width, BUILTIN.height, BUILTIN.builtin) == (960.0, 540.0, True)
    for kind in (*LAYOUT_NAMES, "other"):
        assert BUILTIN.geometry(kind) == default_geometry(kind)
    # The handouts' pages are those the default layout call makes.
    doc = document()
    expected = [page for slide in deck_slides(doc)
                for page in layout_slide(slide, agenda=("Part 1", "Part 2"))]
    assert [page for _, page in deck_pages(doc)] == expected


def test_builtin_shape_needs_no_python_pptx() -> None:
    code = ("import sys; from exporter.options import RenderOptions;"
            "from exporter.writers.handout import deck_shape;"
            "deck_shape(RenderOptions()); print('pptx' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize("name", ["missing.pptx", "bad.pptx"])
def test_handout_with_bad_template_is_a_config_error(name: str, tmp_path: Path) -> None:
    (tmp_path / "bad.pptx").write_bytes(b"not a zip")
    with pytest.raises(ConfigError, match="--pptx-template"):
        HandoutWriter().write(document(), options(tmp_path / name))


@pytest.mark.parametrize("per_page", [1, 2, 3, 4, 6])
def test_cells_take_the_decks_aspect(per_page: int) -> None:
    area = Box(48, 62, 499, 718)
    for aspect in (0.5625, 0.75, 1.4):
        for cell in cells(per_page, area, aspect):
            assert cell.slide.h == pytest.approx(cell.slide.w * aspect)
            assert cell.slide.y >= area.y - 1e-6
            assert cell.slide.y + cell.slide.h <= area.y + area.h + 1e-6


def test_a_cell_of_another_shape_is_letterboxed(tmp_path: Path) -> None:
    shape = deck_shape(options(make_template(tmp_path / "t.pptx")))  # 4:3
    painter = _SlidePainter(None, shape, "", None, None, decor.look(None), None)  # type: ignore[arg-type]
    box, (sx, sy) = painter.fit(Box(10, 20, 320, 180))  # a 16:9 cell
    assert sx == sy == pytest.approx(180 / 540)
    assert (box.w, box.h) == pytest.approx((240, 180))
    assert (box.x, box.y) == pytest.approx((50, 20))  # centred


def test_the_outline_needs_no_reportlab() -> None:
    # The outline is plain data. (slides.md, split as the PPTX is, measures with the deck's
    # metrics, which read ReportLab's Helvetica widths.)
    code = ("import sys; import exporter.writers.deck.outline;"
            "print('reportlab' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "False"
