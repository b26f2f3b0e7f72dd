"""PDF layout at the edges (issue 10): a contents entry filling its line keeps its page number,
and a token longer than a line (a 20,000-character URL) breaks inside the text column, in a
paragraph or a heading (which once never finished laying out)."""

from __future__ import annotations

import io
import random
import re
import subprocess

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject

from exporter import blocks as b
from exporter.writers.pdf.styles import GEOMETRY

from .test_pdf import body, document, render, text, tool

_WORD = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<')
_BLEED = 300.0


def words(pdf: bytes, first: int = 1,
          last: int = 999) -> list[tuple[int, float, float, str, float]]:
    """Return (page, x0, x1, text, top) of every word, including any drawn outside the page.

    pdftotext drops what lies outside the page, so every page is first widened by `_BLEED`
    points on each side (and positions shifted back).
    """
    source = PdfReader(io.BytesIO(pdf))
    widened = PdfWriter()
    for page in source.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        page.mediabox = RectangleObject([-_BLEED, -_BLEED, width + _BLEED, height + _BLEED])
        page.cropbox = page.mediabox
        widened.add_page(page)
    out = io.BytesIO()
    widened.write(out)
    xml = subprocess.run([tool("pdftotext"), "-bbox", "-f", str(first), "-l", str(last),
                          "-", "-"], input=out.getvalue(), capture_output=True,
                         check=True).stdout.decode("utf-8")
    found: list[tuple[int, float, float, str, float]] = []
    for number, page_xml in enumerate(xml.split("<page ")[1:], start=first):
        for match in _WORD.finditer(page_xml):
            found.append((number, float(match.group(1)) - _BLEED,
                          float(match.group(3)) - _BLEED, match.group(5),
                          float(match.group(2)) - _BLEED))
    return found


def test_contents_entry_filling_its_line_keeps_its_page_number() -> None:
    # Titles ending at every position near the right edge: one of them once ran into the
    # column edge, and ReportLab shrank its page number to nothing.
    titles = [f"Entry {'abcdefghij' * 6}{'k' * k}" for k in range(30)]
    doc = document(b.Toc(title="Contents"), b.PageBreak(),
                   *(b.Heading(level=1, content=text(t)) for t in titles),
                   *(body(n) for n in range(1, 3)))
    pdf = render(doc)
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    right = float(box.width) - GEOMETRY.outer
    bottom = float(box.height) - GEOMETRY.bottom  # the footer's "Page 1 of 5" lies below
    contents = [w for w in words(pdf, 1, 2) if w[4] < bottom]
    numbers = [i for i, w in enumerate(contents) if w[3].isdigit() and abs(w[2] - right) < 2]
    assert len(numbers) == len(titles)
    widest = max(contents[i][2] - contents[i][1] for i in numbers)
    for i in numbers:
        number, before = contents[i], contents[i - 1]
        assert number[2] - number[1] > 0.95 * widest, number  # not shrunk to fit
        assert number[1] - before[2] > 2, (before, number)  # not run into the title


@pytest.mark.parametrize("alignment", ["body", "lead"])
def test_long_url_breaks_inside_the_text_column(alignment: str) -> None:
    rng = random.Random(7)
    url = "https://example.com/" + "".join(
        rng.choice("abcdefghijklmnopqrstuvwxyzWM0123456789-_.?=&%/") for _ in range(20_000))
    doc = document(b.Para(content=text(f"Before the token {url} and after."), style=alignment),
                   b.Para(content=(b.Inline(text="A link", href=url),)),
                   b.Heading(level=1, content=text(url)), b.Para(content=text("After.")))
    pdf = render(doc)
    page_width = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
    left, right = GEOMETRY.inner, page_width - GEOMETRY.outer
    found = words(pdf)
    assert found
    outside = [w for w in found if w[1] < left - 1 or w[2] > right + 1]
    assert not outside, outside[:3]
