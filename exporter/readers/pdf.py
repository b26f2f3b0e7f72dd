"""PDF reader: a PDF with a text layer in, the article's paragraphs in reading order out.

pdfminer.six gives the text lines with their positions and fonts (pypdf gives a text stream with
no geometry, so columns and running heads cannot be told apart there). Then, in order:

1. Lines are split at wide gaps, so two columns set close together never merge into one line.
2. Running heads and feet are dropped: lines in the top or bottom band of the page whose text
   (digits masked) recurs on several pages, and lone page numbers (`7`, `Page 7 of 9`, `- 7 -`).
3. Reading order: a page (or a band of it between full-width lines) with a clear vertical gutter
   is read column by column, recursively, so one-, two- and three-column pages all come out right.
4. Paragraphs are rebuilt from vertical gaps, first-line indents, font changes and short last
   lines; a paragraph running on into the next column or page is joined, and words hyphenated at
   a line end (`inter-` / `national`) are rejoined.
5. Larger type becomes headings (the largest on page 1 the title); short all-bold lines too.

A PDF without any text is a scan: refused, as OCR is not supported.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTAnno, LTChar, LTPage, LTTextLineHorizontal
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.psexceptions import PSException

from ..errors import LimitError, SourceError
from ..model import Article, Author, Meta, Source
from ..normalise import clean_inline
from . import source_hash
from .assemble import Builder, real_author
from .pdf_limits import FormBudget, check_document

if TYPE_CHECKING:
    from collections.abc import Iterator

    from . import ReadLimits

_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-–—\s]*(?:\d{1,4}|[ivxlc]{1,6})[-–—\s]*(?:(?:of|/)\s*\d{1,4})?$",
    re.IGNORECASE)
_MARKER = re.compile(
    r"[\u2022\u25e6\u25aa\u25cf\u2023\u2043\u2013\u2014*-]|\(?\d{1,3}[.)]|[a-z][.)]")
_ORDERED = re.compile(r"^\(?\d{1,3}[.)]\s|^[a-z][.)]\s")
_BULLETS = ("\u2022 ", "\u25e6 ", "\u25aa ", "\u25cf ", "\u2023 ", "\u2043 ")
_BAND = 0.12
"""Fraction of the page height at the top and at the bottom where running heads and feet live."""
_END = re.compile(r"[.!?:;\"”’)\]]$")
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_JUNK_TITLES = re.compile(r"^(untitled|microsoft word\b|document\d*$|.*\.(docx?|pdf|indd)$)",
                          re.IGNORECASE)
_MAX_PAGES = 2_000


@dataclass
class Line:
    """One line of text on one page, with its box (PDF points, y upwards) and type."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    bold: bool
    page: int
    marker: bool = False
    """Starts with a list marker (`•`, `1.`) set apart from its text."""
    hang: float = 0.0
    """For a marker line, where its text starts (continuation lines align there)."""
    left: float = 0.0
    """Left edge of its column."""
    right: float = 0.0
    """Right edge of its column."""


@dataclass
class _Page:
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


def _segments(line: LTTextLineHorizontal, page: int) -> Iterator[Line]:
    """Yield the pieces of a pdfminer line, split wherever a gap is wider than the type size."""
    chars: list[tuple[str, LTChar | None]] = []
    last: LTChar | None = None
    for item in line:
        if isinstance(item, LTChar):
            if last is not None and item.x0 - last.x1 > max(item.size, last.size):
                yield from _make(chars, page)
                chars = []
            chars.append((item.get_text(), item))
            last = item
        elif isinstance(item, LTAnno):
            chars.append((item.get_text(), None))
    yield from _make(chars, page)


def _make(chars: list[tuple[str, LTChar | None]], page: int) -> Iterator[Line]:
    boxes = [c for _, c in chars if c is not None and c.get_text().strip()]
    text = " ".join("".join(t for t, _ in chars).split())
    if not boxes or not text:
        return
    sizes = [round(c.size, 1) for c in boxes]
    bold = sum(1 for c in boxes if re.search(r"bold|black|heavy", c.fontname, re.IGNORECASE))
    yield Line(text=text, x0=min(c.x0 for c in boxes), x1=max(c.x1 for c in boxes),
               y0=min(c.y0 for c in boxes), y1=max(c.y1 for c in boxes),
               size=Counter(sizes).most_common(1)[0][0], bold=bold == len(boxes), page=page)


def _walk(item: Any) -> Iterator[LTTextLineHorizontal]:
    if isinstance(item, LTTextLineHorizontal):
        yield item
        return
    try:
        children = list(item)
    except TypeError:
        return
    for child in children:
        yield from _walk(child)


class _Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter, counting the XObjects a page draws (nested forms multiply)."""

    def __init__(self, rsrcmgr: PDFResourceManager, device: Any,
                 budget: FormBudget | None = None, depth: int = 0) -> None:
        super().__init__(rsrcmgr, device)
        self.budget = budget or FormBudget("")
        self.depth = depth

    def dup(self) -> PDFPageInterpreter:
        return _Interpreter(self.rsrcmgr, self.device, self.budget, self.depth + 1)

    def do_Do(self, xobjid_arg: Any) -> None:
        self.budget.spend(self.depth)
        super().do_Do(xobjid_arg)


def _layouts(data: bytes, path: str, limits: ReadLimits) -> Iterator[tuple[int, LTPage]]:
    """Yield each page's layout, once the document passed its pre-flight checks."""
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    check_document(document, path, limits, max_pages=_MAX_PAGES)
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=LAParams())
    for number, page in enumerate(PDFPage.create_pages(document)):
        _Interpreter(manager, device, FormBudget(path, page=number + 1)).process_page(page)
        yield number, device.get_result()


def _pages(data: bytes, path: str, limits: ReadLimits) -> list[_Page]:
    pages: list[_Page] = []
    try:
        for number, layout in _layouts(data, path, limits):
            page = _Page(width=layout.width, height=layout.height)
            for line in _walk(layout):
                page.lines.extend(_segments(line, number))
            pages.append(page)
    except PDFPasswordIncorrect as exc:
        raise SourceError(path, "is encrypted (password-protected); remove the password "
                                "first, e.g. with qpdf --decrypt") from exc
    except PDFEncryptionError as exc:
        raise SourceError(path, f"is encrypted in a way that cannot be read ({exc})") from exc
    except RecursionError as exc:
        # A stream whose /Length refers to itself, a /Prev chain that loops: pdfminer follows
        # the reference until Python's stack runs out.
        raise SourceError(path, "is not a readable PDF (an object refers to itself)") from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AssertionError,
            IndexError, AttributeError, ZeroDivisionError, OverflowError) as exc:
        # pdfminer signals damage with many exception types; all mean "not a readable PDF".
        raise SourceError(path, f"is not a readable PDF ({type(exc).__name__}: "
                                f"{_excerpt(str(exc))})") from exc
    return pages


def _excerpt(text: str, limit: int = 120) -> str:
    """Return `text` on one line, cut to `limit` characters (pdfminer quotes whole objects)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def drop_running(pages: list[_Page]) -> None:
    """Remove running heads, running feet and page numbers from every page, in place."""
    seen: Counter[str] = Counter()
    for page in pages:
        keys = {_mask(line.text) for line in page.lines if _in_band(line, page)}
        seen.update(keys)
    repeated = {k for k, n in seen.items() if n >= 2 and n >= 0.4 * len(pages)}
    for page in pages:
        page.lines = [line for line in page.lines if not (_in_band(line, page) and (
            _mask(line.text) in repeated or _PAGE_NUMBER.match(line.text)))]


def _in_band(line: Line, page: _Page) -> bool:
    return line.y0 > page.height * (1 - _BAND) or line.y1 < page.height * _BAND


def _order(lines: list[Line], depth: int = 0) -> list[list[Line]]:
    """Return `lines` as column runs in reading order (each run read top to bottom)."""
    if not lines:
        return []
    top_down = sorted(lines, key=lambda ln: (-round(ln.y1, 0), ln.x0))
    gutter = _gutter(lines) if depth < 3 else None
    if gutter is None:
        return [_merge_baselines(top_down)]
    runs: list[list[Line]] = []
    band: list[Line] = []
    for line in top_down:
        if line.x0 < gutter < line.x1:  # spans both columns: closes the band above it
            runs.extend(_split(band, gutter, depth))
            runs.append([line])
            band = []
        else:
            band.append(line)
    runs.extend(_split(band, gutter, depth))
    return runs


def _merge_baselines(lines: list[Line]) -> list[Line]:
    """Return one line per baseline: a list marker and its text, split at a tab stop, rejoin."""
    merged: list[Line] = []
    for line in lines:
        last = merged[-1] if merged else None
        if last is not None and abs(last.y0 - line.y0) < 0.3 * line.size and line.x0 > last.x1:
            marker = _MARKER.fullmatch(last.text) is not None and last.text == last.text.strip()
            merged[-1] = Line(text=f"{last.text} {line.text}", x0=last.x0, x1=line.x1,
                              y0=min(last.y0, line.y0), y1=max(last.y1, line.y1),
                              size=line.size if marker else last.size,
                              bold=last.bold and line.bold, page=line.page,
                              marker=last.marker or marker,
                              hang=line.x0 if marker else last.hang)
        else:
            merged.append(line)
    return merged


def _split(band: list[Line], gutter: float, depth: int) -> list[list[Line]]:
    left = [ln for ln in band if ln.x1 <= gutter]
    right = [ln for ln in band if ln.x0 >= gutter]
    return _order(left, depth + 1) + _order(right, depth + 1)


def _gutter(lines: list[Line]) -> float | None:
    """Return the x of a vertical gap most lines keep clear of, or None for a single column."""
    lo, hi = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    width = hi - lo
    if width <= 0 or len(lines) < 6:
        return None
    best: tuple[int, float, float] | None = None
    steps = 60
    for i in range(steps + 1):
        x = lo + width * (0.2 + 0.6 * i / steps)
        crossing = sum(1 for ln in lines if ln.x0 < x - 1 < x + 1 < ln.x1)
        key = (crossing, abs(x - (lo + hi) / 2), x)
        if best is None or key < best:
            best = key
    assert best is not None
    crossing, _, x = best
    left = sum(1 for ln in lines if ln.x1 <= x)
    right = sum(1 for ln in lines if ln.x0 >= x)
    if crossing > 0.2 * len(lines) or left < 3 or right < 3:
        return None
    # Centre the cut in the empty strip so a line's edge does not decide which side it is on.
    edge_left = max((ln.x1 for ln in lines if ln.x1 <= x), default=x)
    edge_right = min((ln.x0 for ln in lines if ln.x0 >= x), default=x)
    return (edge_left + edge_right) / 2


def _join(text: str, more: str) -> str:
    """Return two consecutive lines joined, rejoining a word hyphenated at the line end."""
    if not text:
        return more
    if text.endswith("\u00ad"):
        return text[:-1] + more
    if re.search(r"[^\W\d_]-$", text) and re.match(r"[^\W\d_]", more) and more[0].islower():
        return text[:-1] + more
    return f"{text} {more}"


@dataclass
class _Block:
    lines: list[Line]
    text: str = ""

    @property
    def size(self) -> float:
        return self.lines[0].size

    @property
    def bold(self) -> bool:
        return all(ln.bold for ln in self.lines)


def _blocks(runs: list[list[Line]], body: float) -> list[_Block]:
    """Return paragraphs (and heading candidates) rebuilt from the column runs."""
    leading = _leading(runs)
    indented_style = _uses_indents(runs, body)
    blocks: list[_Block] = []
    for run in runs:
        left = min(ln.x0 for ln in run)
        right = max(ln.x1 for ln in run)
        for index, line in enumerate(run):
            line.left, line.right = left, right
            indent = line.x0 - left > 0.6 * line.size and line.x0 - left < (right - left) / 3
            previous = blocks[-1] if blocks else None
            if previous is not None and previous.lines[0].marker \
                    and abs(line.x0 - previous.lines[0].hang) < 2:
                indent = False  # the hanging indent of a list item's later lines
            if previous is None:
                new = True
            elif index == 0:
                # First line of a column: continue the paragraph the last column left open.
                prev_line = previous.lines[-1]
                open_end = not _END.search(previous.text) or previous.text.endswith("-")
                if abs(prev_line.size - line.size) > 0.5 or _heading_like(previous, body):
                    new = True
                elif indented_style:
                    new = indent
                else:
                    new = not open_end
            else:
                prev_line = previous.lines[-1]
                gap = prev_line.y0 - line.y0
                short = (prev_line.x1 < right - 0.3 * (right - left)
                         and _END.search(prev_line.text) is not None)
                new = (abs(prev_line.size - line.size) > 0.5
                       or (prev_line.bold != line.bold and (prev_line.bold or line.bold)
                           and len(previous.lines) <= 2)
                       or gap > 1.4 * leading or gap < 0
                       or indent or short or line.marker)
            if new or previous is None:
                blocks.append(_Block(lines=[line], text=line.text))
            else:
                previous.lines.append(line)
                previous.text = _join(previous.text, line.text)
    return blocks


def _leading(runs: list[list[Line]]) -> float:
    gaps = [a.y0 - b.y0 for run in runs for a, b in itertools.pairwise(run)
            if 0 < a.y0 - b.y0 < 3 * a.size and abs(a.size - b.size) < 0.5]
    return statistics.median(gaps) if gaps else 14.0


def _uses_indents(runs: list[list[Line]], body: float) -> bool:
    """Return True when paragraphs in this document start with a first-line indent."""
    indents = 0
    for run in runs:
        left = min(ln.x0 for ln in run)
        indents += sum(1 for ln in run if 0.6 * body < ln.x0 - left < 6 * body)
    return indents >= 2


def _heading_like(block: _Block, body: float) -> bool:
    words = len(block.text.split())
    if block.size >= body * 1.15 and words <= 25:
        return True
    return block.bold and len(block.lines) <= 2 and words <= 12 and not block.text.endswith(".")


def _body_size(pages: list[_Page]) -> float:
    weights: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _info(data: bytes) -> dict[str, str]:
    """Return the document information dictionary's text fields (Title, Author, …)."""
    from pdfminer.pdftypes import resolve1

    info: dict[str, str] = {}
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        raw = resolve1(document.info[0]) if document.info else {}
        for key, value in (raw or {}).items():
            value = resolve1(value)
            if isinstance(value, bytes):
                if value.startswith((b"\xfe\xff", b"\xff\xfe")):
                    text = value.decode("utf-16", errors="replace")
                else:
                    text = value.decode("latin-1")
                info[str(key)] = clean_inline(text)
    except (PSException, ValueError, KeyError, TypeError, IndexError, AttributeError,
            PDFEncryptionError, RecursionError):
        return {}
    return info


def read(data: bytes, path: str, limits: ReadLimits) -> Article:
    """Return the article in the PDF `data`."""
    pages = _pages(data, path, limits)
    if not any(page.lines for page in pages):
        raise SourceError(path, "has no text layer (scanned?); OCR is not supported")
    drop_running(pages)
    body = _body_size(pages)
    runs = [run for page in pages for run in _order(page.lines)]
    blocks = _blocks(runs, body)
    builder = Builder(path)
    title: str | None = None
    title_size = max((b.size for b in blocks if b.lines[0].page == 0), default=0.0)
    heading_sizes = sorted({b.size for b in blocks if b.size >= body * 1.15}, reverse=True)
    list_key: tuple[bool, float] | None = None
    list_id = 0
    for block in blocks:
        text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), block.text)
        if len(builder.paragraphs) > limits.max_paragraphs:
            raise LimitError(path, f"has more than {limits.max_paragraphs:,} paragraphs "
                                   "(--max-paragraphs)")
        if (title is None and block.lines[0].page == 0 and block.size == title_size
                and block.size >= body * 1.3 and not builder.paragraphs):
            title = text
        elif _heading_like(block, body):
            level = heading_sizes.index(block.size) + 1 if block.size in heading_sizes \
                else len(heading_sizes) + 1
            builder.add_heading(text, level)
        elif block.lines[0].marker or text.startswith(_BULLETS):
            rest = text.partition(" ")[2]
            ordered = _ORDERED.match(text) is not None
            if list_key != (ordered, block.lines[0].x0 // 4):
                list_key, list_id = (ordered, block.lines[0].x0 // 4), builder.new_list()
            builder.add_paragraph(rest, kind="list_item", list_id=list_id, ordered=ordered)
            continue
        else:
            builder.add_paragraph(text)
        list_key = None
    info = _info(data)
    if title is None and info.get("Title") and not _JUNK_TITLES.match(info["Title"]):
        title = info["Title"]
    authors = tuple(Author(name=n) for n in re.split(r"\s*;\s*", info.get("Author", ""))
                    if real_author(n))
    # CreationDate dates the file (often a conversion), not the article: taking it as the
    # article's date would misplace every relative date ("this year") in the timeline.
    meta = Meta(subtitle=info.get("Subject") or None)
    return builder.article(title=title, meta=meta, authors=authors,
                           source=Source(path=path, format="pdf", sha256=source_hash(data)))
