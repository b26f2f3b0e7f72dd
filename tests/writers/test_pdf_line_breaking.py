"""A paragraph breaks its lines once per width (`Para.breakLines`), so a table row taller than
a page, re-wrapped by ReportLab before each of its page splits, costs its length, not its length
times its pages. The lines must be those a fresh paragraph would get."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from exporter import fonts
from exporter.writers.pdf.flowables import Para

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
