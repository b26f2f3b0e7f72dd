"""A paragraph breaks its lines once per width (`Para.breakLines`), so a table row taller than
a page, re-wrapped by ReportLab before each of its page splits, costs its length, not its length
times its pages. The lines must be those a fresh paragraph would get, and the file the one
ReportLab's own line breaking gives. Layout asks most paragraphs their size two or three times
(a table measures its cells, splits its rows, then draws them); each is broken once."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from exporter import fonts
from exporter.writers.pdf.flowables import Para

from .test_pdf_fast_paths import sample_pdf

TEXT = ", ".join(f'<a href="#p{n}">{n}</a>' for n in range(1, 400))


def style() -> ParagraphStyle:
    fonts.register()
    return ParagraphStyle("cell", fontName=fonts.SERIF, fontSize=9, leading=11)


def line_words(para: Any) -> list[str]:
    return [" ".join(w.text.strip() for w in line.words) for line in para.blPara.lines]


def test_wrapping_again_at_the_same_width_breaks_no_lines(monkeypatch: Any) -> None:
    para = Para(TEXT, style())
    calls: list[object] = []
    real = Paragraph.breakLines

    def counting(self: Any, width: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(width)
        return real(self, width, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    first = para.wrap(60, 1000)
    assert para.wrap(60, 500) == first
    assert para.wrap(60, 1000) == first
    assert len(calls) == 1
    para.wrap(90, 1000)  # another width breaks afresh
    assert len(calls) == 2
    assert para.wrap(60, 1000) == first
    assert len(calls) == 3


def test_the_kept_lines_are_a_fresh_paragraphs() -> None:
    para = Para(TEXT, style())
    para.wrap(60, 1000)
    para.wrap(60, 1000)
    fresh = Paragraph(TEXT, style())
    assert fresh.wrap(60, 1000) == (para.width, para.height)
    assert line_words(para) == line_words(fresh)
    # A split's pieces still carry the lines they were split with.
    top, rest = para.split(60, 200)
    rest.wrap(60, 1000)
    assert line_words(top) + line_words(rest) == line_words(fresh)


def test_each_paragraph_of_a_briefing_breaks_its_lines_once(monkeypatch: Any) -> None:
    wraps: dict[int, int] = {}
    breaks: dict[int, int] = {}
    alive: list[object] = []  # so that no two paragraphs share an id
    wrap, real = Paragraph.wrap, Paragraph.breakLines

    def counting_wrap(self: Any, availWidth: float, availHeight: float) -> Any:
        wraps[id(self)] = wraps.get(id(self), 0) + 1
        alive.append(self)
        return wrap(self, availWidth, availHeight)

    def counting_break(self: Any, width: Any, *args: Any, **kwargs: Any) -> Any:
        breaks[id(self)] = breaks.get(id(self), 0) + 1
        return real(self, width, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "wrap", counting_wrap)
    monkeypatch.setattr(Paragraph, "breakLines", counting_break)
    sample_pdf()
    assert sum(wraps.values()) > 2 * len(wraps)  # asked again and again...
    assert set(breaks) == set(wraps)
    assert set(breaks.values()) == {1}  # ...broken once


def test_the_kept_lines_give_reportlabs_file(monkeypatch: Any) -> None:
    kept = sample_pdf()
    monkeypatch.setattr(Para, "breakLines", Paragraph.breakLines)  # broken at every wrap
    assert sample_pdf() == kept
