"""PDF reader: generated magazine pages (two columns, running heads, page numbers, hyphenation)."""

from __future__ import annotations

import io
import random
import re

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from exporter.errors import SourceError
from exporter.readers import ReadLimits, read_data
from exporter.readers.pdf import read

_VOCABULARY = (
    "government pipeline analysts security ministers economic Islamabad Moscow-based strategic "
    "relations cooperation agreement military exercises regional stability investment energy "
    "partnership diplomatic delegation announced officials negotiations corridor counterterrorism "
    "infrastructure historically longstanding rapprochement commentators bilateral trade volumes "
    "helicopters purchase contract signed eventually substantial"
)
VOCABULARY = _VOCABULARY.split()
HEAD = "The Quarterly Review \u00b7 Autumn Issue"
TITLE = "Strategic Partnership Reconsidered"
HEADING = "Energy and Trade"
FONT, SIZE, LEADING = "Times-Roman", 10.0, 13.0


def article_text(paragraphs: int, seed: int = 7) -> list[str]:
    """Return deterministic paragraphs of 3-5 sentences made from the vocabulary."""
    rng = random.Random(seed)
    result = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(3, 5)):
            words = [rng.choice(VOCABULARY) for _ in range(rng.randint(8, 16))]
            sentences.append(" ".join([words[0].capitalize(), *words[1:]]) + ".")
        result.append(" ".join(sentences))
    return result


def _wrap(words: list[str], width: float, indent: float, force_split_last: bool) -> tuple[
        list[str], list[str]]:
    """Fill one line from `words`; return (pieces on the line, words left)."""
    line: list[str] = []
    used = indent
    words = list(words)
    while words:
        word = words[0]
        extra = stringWidth((" " if line else "") + word, FONT, SIZE)
        if used + extra <= width:
            line.append(word)
            used += extra
            words.pop(0)
            continue
        # Hyphenate a long word that does not fit (never at a hyphen it already has).
        if len(word) >= 6 and "-" not in word:
            for cut in range(len(word) - 3, 2, -1):
                head = word[:cut] + "-"
                if used + stringWidth((" " if line else "") + head, FONT, SIZE) <= width:
                    line.append(head)
                    words[0] = word[cut:]
                    return line, words
        break
    if force_split_last and words and len(words[0]) >= 6 and "-" not in words[0]:
        word = words[0]
        line.append(word[:3] + "-")
        words[0] = word[3:]
    return line, words


def make_pdf(paragraphs: list[str], *, indent_style: bool = True) -> tuple[bytes, int]:
    """Return a two-column A4 PDF of `paragraphs` with a title, heading, running head and folios.

    Also return how many words were hyphenated across a page break.
    """
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    page_w, page_h = A4
    margin, gutter, bottom = 56.0, 24.0, 60.0
    col_w = (page_w - 2 * margin - gutter) / 2
    state = {"page": 1, "column": 0, "y": page_h - 140}

    def furniture() -> None:
        pdf.setFont("Helvetica", 8)
        pdf.drawString(margin, page_h - 40, HEAD)
        pdf.drawCentredString(page_w / 2, 30, f"Page {state['page']}")

    def next_column() -> None:
        if state["column"] == 0:
            state["column"] = 1
        else:
            pdf.showPage()
            state["page"] += 1
            state["column"] = 0
            furniture()
        state["y"] = page_h - (140 if state["page"] == 1 else 80)

    def x() -> float:
        return float(margin + state["column"] * (col_w + gutter))

    furniture()
    pdf.setFont("Helvetica-Bold", 20)
    pdf.drawString(margin, page_h - 100, TITLE)
    split_at_break = 0
    for index, text in enumerate(paragraphs):
        if index == len(paragraphs) // 2:
            if state["y"] - 4 * LEADING < bottom:
                next_column()  # keep the heading with its paragraph
            pdf.setFont("Helvetica-Bold", 12)
            pdf.drawString(x(), state["y"] - LEADING, HEADING)
            state["y"] -= LEADING * 2.5
        words = text.split()
        first = True
        while words:
            if state["y"] < bottom:
                next_column()
            last_on_page = state["column"] == 1 and state["y"] - LEADING < bottom
            indent = 14.0 if (first and indent_style) else 0.0
            line, words = _wrap(words, col_w, indent, last_on_page)
            if last_on_page and line and line[-1].endswith("-") and words:
                split_at_break += 1
            pdf.setFont(FONT, SIZE)
            pdf.drawString(x() + indent, state["y"], " ".join(line))
            state["y"] -= LEADING
            first = False
        if not indent_style:
            state["y"] -= LEADING * 0.8
    pdf.showPage()
    pdf.save()
    return buffer.getvalue(), split_at_break


def words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text)


@pytest.fixture(scope="module")
def source() -> list[str]:
    return article_text(40)


@pytest.mark.parametrize("indent_style", [True, False])
def test_two_columns_running_heads_and_hyphenation(source: list[str], indent_style: bool) -> None:
    data, _ = make_pdf(source, indent_style=indent_style)
    article = read_data(data, "magazine.pdf")
    body = [p.text for p in article.paragraphs]
    assert words(" ".join(body)) == words(" ".join(source))
    assert body == source
    assert article.title == TITLE
    assert [h.text for h in article.headings] == [HEADING]
    assert article.headings[0].paragraph == len(source) // 2 + 1
    joined = " ".join(body)
    assert "Quarterly" not in joined and "Page" not in joined
    assert article.source.format == "pdf"


def test_hyphen_across_page_break_is_rejoined(source: list[str]) -> None:
    data, split_at_break = make_pdf(source)
    assert split_at_break >= 1  # the generator really split a word across a page break
    article = read(data, "m.pdf", ReadLimits())
    assert not any(re.search(r"[a-z]- [a-z]", p.text) for p in article.paragraphs)


def test_scanned_pdf_is_refused() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(SourceError, match="no text layer"):
        read_data(buffer.getvalue(), "scan.pdf")


def test_encrypted_pdf_is_refused() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True, encrypt="secret")
    pdf.drawString(72, 720, "Hidden text.")
    pdf.showPage()
    pdf.save()
    with pytest.raises(SourceError, match="encrypted"):
        read_data(buffer.getvalue(), "locked.pdf")


def test_damaged_pdf_is_refused() -> None:
    with pytest.raises(SourceError):
        read_data(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "broken.pdf")


def test_one_column_page() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    text = article_text(3, seed=3)
    y = 760.0
    for paragraph in text:
        line: list[str] = []
        for word in paragraph.split():
            if stringWidth(" ".join([*line, word]), FONT, SIZE) > 460:
                pdf.setFont(FONT, SIZE)
                pdf.drawString(72, y, " ".join(line))
                y -= LEADING
                line = []
            line.append(word)
        pdf.drawString(72, y, " ".join(line))
        y -= LEADING * 2
    pdf.showPage()
    pdf.save()
    article = read_data(buffer.getvalue(), "plain.pdf")
    assert [p.text for p in article.paragraphs] == text


def test_list_markers_at_a_tab_stop() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
    pdf.setFont(FONT, SIZE)
    pdf.drawString(72, 760, "The agreement covers three areas of cooperation between them.")
    rows = [("1.", "energy and the pipeline project"), ("2.", "military exercises and the"),
            (None, "purchase of helicopters"), ("3.", "trade")]
    y = 740.0
    for marker, text in rows:
        if marker:
            pdf.drawString(72, y, marker)
        pdf.drawString(92, y, text)
        y -= LEADING
    pdf.drawString(72, y - LEADING, "Officials expect more to follow next year.")
    pdf.showPage()
    pdf.save()
    article = read_data(buffer.getvalue(), "list.pdf")
    items = [(p.kind, p.text, p.ordered) for p in article.paragraphs]
    assert items == [
        ("paragraph", "The agreement covers three areas of cooperation between them.", False),
        ("list_item", "energy and the pipeline project", True),
        ("list_item", "military exercises and the purchase of helicopters", True),
        ("list_item", "trade", True),
        ("paragraph", "Officials expect more to follow next year.", False)]
