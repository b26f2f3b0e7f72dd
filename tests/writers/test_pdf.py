"""The PDF writer, checked through real readers: pypdf, pdftotext, pdffonts and qpdf."""

from __future__ import annotations

import io
import random
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from exporter import blocks as b
from exporter import fonts
from exporter.options import RenderOptions
from exporter.writers.pdf import PdfWriter
from exporter.writers.pdf.markup import PIECE_CHARS, pieces

from ..conftest import SAMPLE

pypdf = pytest.importorskip("pypdf")

HOSTILE = [
    '<font color="red">red</font>',
    '<img src="/etc/passwd"/>',
    "</para>",
    "{{ 7*7 }}",
    "{% for x in y %}",
    "&amp; &lt;b&gt;",
    '<a href="javascript:alert(1)">click</a>',
]


def text(value: str, **kw: Any) -> tuple[b.Inline, ...]:
    return (b.Inline(text=value, **kw),)


def document(*blocks: b.Block, title: str = "Test Briefing") -> b.Document:
    meta = b.DocMeta(title=title, author="A. Analyst", subject="A subject",
                     keywords=("alpha", "beta"), header=title)
    return b.Document(kind="briefing", meta=meta, blocks=tuple(blocks))


def render(doc: b.Document, **options: Any) -> bytes:
    return PdfWriter().write(doc, RenderOptions(timestamp=1500000000, **options))


def reader(pdf: bytes) -> Any:
    return pypdf.PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in reader(pdf).pages]


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "out.pdf"
    source.write_bytes(pdf)
    return subprocess.run([tool("pdftotext"), "-enc", "UTF-8", str(source), "-"],
                          capture_output=True, check=True, text=True).stdout


def body(n: int, words: int = 60) -> b.Para:
    rnd = random.Random(n)
    vocabulary = ("policy", "minister", "trade", "accord", "border", "energy", "talks")
    content = " ".join(rnd.choice(vocabulary) for _ in range(words))
    return b.Para(content=text(f"Paragraph {n} {content}."), number=n,
                  anchor=b.paragraph_anchor(n))


def briefing() -> b.Document:
    """Return a document using every block type a briefing uses."""
    return document(
        b.Para(content=text("Volume 21 · Issue 7 · July 2017"), style="meta"),
        b.Para(content=text("Pakistan-Russia Relations"), style="title"),
        b.Heading(level=1, content=text("Key points"), anchor="key-points"),
        b.Box(title="Key points", children=(b.ListBlock(items=(
            b.ListItem(content=text("Defence ties deepened."), ref=2),
            b.ListItem(content=text("Energy deals signed."), ref=3),
        )),)),
        b.Heading(level=1, content=text("Notable quotations")),
        b.Quote(content=text("“Russia is down but not out.”"), attribution="Analysts", ref=1),
        b.Heading(level=2, content=text("Questions raised")),
        b.ListBlock(items=(b.ListItem(content=text("What next?"), ref=2),), ordered=True),
        b.Table(header=(text("Date"), text("Event")),
                rows=((text("1991"), text("The USSR collapses.")),), widths=(1, 4)),
        b.PageBreak(),
        b.Heading(level=1, content=text("Full text")),
        *(body(n) for n in range(1, 9)),
        b.Heading(level=1, content=text("Source and rights")),
        b.Fields(rows=(("Rights", text("©2017 SouthAsia")),)),
    )


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    return render(briefing(), classification="Official sensitive")


def test_metadata_and_page_size(sample_pdf: bytes) -> None:
    info = reader(sample_pdf).metadata
    assert info["/Title"] == "Test Briefing"
    assert info["/Author"] == "A. Analyst"
    assert info["/Subject"] == "A subject"
    assert "alpha" in info["/Keywords"] and "beta" in info["/Keywords"]
    assert info["/Creator"] == info["/Producer"] == "exporter"
    assert info["/CreationDate"].startswith("D:20170714")
    box = reader(sample_pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    letter = reader(render(briefing(), paper="letter")).pages[0].mediabox
    assert (float(letter.width), float(letter.height)) == (612, 792)


def test_page_numbers_header_and_marking(sample_pdf: bytes) -> None:
    texts = page_texts(sample_pdf)
    assert len(texts) >= 2
    for number, page in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in page
        assert page.count("OFFICIAL SENSITIVE") == 2
        # The running header starts on page 2; the title block opens page 1.
        assert ("Test Briefing" in page) == (number > 1)


def test_bookmarks_nest_by_level(sample_pdf: bytes) -> None:
    pdf = reader(sample_pdf)
    outline = pdf.outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles == ["Key points", "Notable quotations", "Full text", "Source and rights"]
    nested = next(item for item in outline if isinstance(item, list))
    assert [item.title for item in nested] == ["Questions raised"]
    full_text = next(item for item in outline
                     if not isinstance(item, list) and item.title == "Full text")
    assert pdf.get_destination_page_number(full_text) == 1  # after the page break


def test_fonts_all_embedded(sample_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "b.pdf"
    path.write_bytes(sample_pdf)
    listing = subprocess.run([tool("pdffonts"), str(path)], capture_output=True, check=True,
                             text=True).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        assert "DejaVu" in line and re.search(r"\byes\s+yes\s+yes\b", line), line
    assert "Helvetica" not in sample_pdf.decode("latin-1")


def test_qpdf_check(sample_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "b.pdf"
    path.write_bytes(sample_pdf)
    subprocess.run([tool("qpdf"), "--check", str(path)], check=True, capture_output=True)


def test_byte_identical_and_dated_by_timestamp(monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = render(briefing()), render(briefing())
    assert first == second
    # Only RenderOptions.timestamp counts, not ReportLab's own reading of the environment.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert render(briefing()) == first
    other = PdfWriter().write(briefing(), RenderOptions(timestamp=1600000000))
    assert reader(other).metadata["/CreationDate"].startswith("D:20200913")


def test_hostile_text_appears_literally(tmp_path: Path) -> None:
    runs = tuple(b.Inline(text=f"{h} ") for h in HOSTILE)
    runs += (b.Inline(text="bad link", href="javascript:alert(1)"),
             b.Inline(text=" good link", href="https://example.org/a?b=1&c=2"))
    doc = document(b.Heading(level=1, content=text("<b>heading</b> {{ x }}")),
                   b.Para(content=runs, number=1, anchor="p1"),
                   b.Quote(content=text("<i>q</i>"), attribution='<font size="40">x'),
                   b.Fields(rows=(("<b>key</b>", text("</para>")),)),
                   title="<title> & {{ 7*7 }}")
    pdf = render(doc)
    extracted = " ".join(pdftotext(pdf, tmp_path).split())
    for hostile in [*HOSTILE, "<b>heading</b> {{ x }}", "<i>q</i>", '— <font size="40">x',
                    "<b>key</b>", "</para>"]:
        assert hostile in extracted
    assert "<title> & {{ 7*7 }}" in page_texts(render(document(
        b.PageBreak(), body(1), b.PageBreak(), body(2), title="<title> & {{ 7*7 }}")))[1]
    uris = [annot.get_object()["/A"].get("/URI") for page in reader(pdf).pages
            for annot in page.get("/Annots", []) or [] if "/A" in annot.get_object()]
    assert "https://example.org/a?b=1&c=2" in uris
    assert not any("javascript" in str(uri) for uri in uris)


def test_refs_link_to_the_next_anchor_of_that_name() -> None:
    # Two articles in one pack: each one's key point cites its own ¶2.
    article: list[b.Block] = [
        b.ListBlock(items=(b.ListItem(content=text("Point"), ref=2),)), b.PageBreak(),
        body(1), body(2), b.PageBreak(),
    ]
    links = link_targets(reader(render(document(*article, *article))))
    assert [(page, target) for page, target, _ in links] == [(0, 1), (2, 3)]


def test_missing_ref_target_is_plain_text() -> None:
    pdf = render(document(b.ListBlock(items=(b.ListItem(content=text("Point"), ref=99),))))
    assert "¶99" in page_texts(pdf)[0]
    assert not reader(pdf).pages[0].get("/Annots")


def test_table_of_contents_pages_are_right(tmp_path: Path) -> None:
    doc = document(
        b.Toc(title="Contents"),
        b.PageBreak(),
        b.Heading(level=1, content=text("Alpha section")), *(body(n) for n in range(1, 12)),
        b.Heading(level=2, content=text("Beta subsection")), *(body(n) for n in range(12, 20)),
        b.Heading(level=1, content=text("Gamma section")),
        b.Heading(level=1, content=text("Hidden"), toc=False),
    )
    pdf = render(doc)
    texts = page_texts(pdf)
    path = tmp_path / "toc.pdf"
    path.write_bytes(pdf)
    contents = subprocess.run([tool("pdftotext"), "-layout", "-f", "1", "-l", "1", str(path),
                               "-"], capture_output=True, check=True, text=True).stdout
    for title in ("Alpha section", "Beta subsection", "Gamma section"):
        match = re.search(re.escape(title) + r"[ .]*(\d+)$", contents, re.MULTILINE)
        assert match, contents
        page = int(match.group(1))
        assert title in texts[page - 1]
    assert "Hidden" not in contents


def test_duplex_right_hand_break_inserts_blank_page() -> None:
    doc = document(body(1), b.PageBreak(parity="right"), b.Heading(level=1, content=text("Next")),
                   body(2), b.PageBreak(parity="right"), body(3))
    texts = page_texts(render(doc, duplex=True))
    assert len(texts) == 5
    assert "Next" in texts[2] and "Paragraph 3" in texts[4]
    assert "Paragraph" not in texts[1] and "Paragraph" not in texts[3]
    # Simplex ignores parity; a break at the top of a page adds nothing.
    assert len(page_texts(render(doc))) == 3
    assert len(page_texts(render(document(b.PageBreak(), body(1), b.PageBreak())))) == 1


def link_targets(pdf: Any) -> list[tuple[int, int, float]]:
    """Return (page of the link, page of its target, target's left edge) for internal links."""
    found = []
    for number, page in enumerate(pdf.pages):
        for annot in page.get("/Annots", []) or []:
            dest = annot.get_object().get("/Dest")
            if dest is not None:
                found.append((number, pdf.get_page_number(dest[0].get_object()),
                              float(dest[2])))
    return found


def test_duplex_mirrors_margins() -> None:
    cites = b.ListBlock(items=tuple(b.ListItem(content=text("x"), ref=n) for n in range(1, 12)))
    doc = document(cites, *(body(n, 200) for n in range(1, 12)))
    lefts = {target: left for _, target, left in link_targets(reader(render(doc, duplex=True)))}
    assert lefts[0] - lefts[1] == pytest.approx(0.4 / 2.54 * 72, abs=0.5)
    assert lefts[0] == lefts[2]
    simplex = link_targets(reader(render(doc)))
    assert len({left for _, _, left in simplex}) == 1


def test_table_header_repeats_and_cells_wrap() -> None:
    rows = tuple((text(str(1900 + n)), text("An event described at some length. " * 4))
                 for n in range(90))
    pdf = render(document(b.Table(header=(text("Year"), text("Event")), rows=rows,
                                  widths=(1, 5), caption="Timeline")))
    texts = page_texts(pdf)
    assert len(texts) >= 2
    assert all(page.startswith(("Timeline Year Event", "Year Event")) or
               "Year Event" in page for page in texts)
    assert "1989" in texts[-1]


def test_slide_and_empty_document_render() -> None:
    slide = b.Slide(title="A slide", children=(b.Para(content=text("Slide body")),),
                    notes=text("Speaker notes"))
    first = page_texts(render(document(slide)))[0]
    assert "A slide" in first and "Slide body" in first and "Speaker notes" in first
    assert len(page_texts(render(document()))) == 1


def test_long_token_and_url_wrap(tmp_path: Path) -> None:
    token = "x" * 20_000
    url = "https://example.org/" + "a" * 20_000
    start = time.perf_counter()
    pdf = render(document(b.Para(content=text(f"Start {token} end")),
                          b.Para(content=text(url, href=url))))
    assert time.perf_counter() - start < 10
    extracted = pdftotext(pdf, tmp_path)
    assert "".join(extracted.split()).split("https")[0].count("x") == 20_000
    assert len(reader(pdf).pages) > 5  # wrapped, not run off the right edge of one page
    lines = [len(line) for line in extracted.splitlines()]
    assert max(lines) < 120


def test_long_paragraph_lays_out_in_bounded_time() -> None:
    rnd = random.Random(7)
    words = [rnd.choice(("state", "trade", "accord", "talks.")) for _ in range(120_000)]
    words[0], words[-1] = "FIRSTWORD", "LASTWORD"
    start = time.perf_counter()
    pdf = render(document(b.Para(content=text(" ".join(words)), number=1, anchor="p1")))
    assert time.perf_counter() - start < 30
    texts = page_texts(pdf)
    assert len(texts) > 100
    assert "FIRSTWORD" in texts[0] and "LASTWORD" in texts[-1]


@pytest.mark.slow
def test_book_length_document() -> None:
    start = time.perf_counter()
    pdf = render(document(*(body(n) for n in range(1, 8001))))
    # About 12 s on one idle core; ReportLab's optional rl_accel extension halves it.
    assert time.perf_counter() - start < 90
    assert "Paragraph 8000" in page_texts(pdf)[-1]


def test_pieces_keep_every_character() -> None:
    runs = (b.Inline(text="One sentence here. " * 400), b.Inline(text="bold " * 300, strong=True),
            b.Inline(text="¶3", ref=3), b.Inline(text="y" * 9000))
    parts = pieces(runs)
    assert len(parts) > 3
    assert "".join(r.text for part in parts for r in part) == "".join(r.text for r in runs)
    assert all(sum(len(r.text) for r in part) <= PIECE_CHARS + 2 for part in parts)
    assert any(r.ref == 3 for part in parts for r in part)
    assert pieces(text("short")) == [text("short")]


def test_uncovered_characters_are_named() -> None:
    sample = "Latin é Кириллица Ελληνικά ✓ → 中文 عربي עברית हिन्दी 😀"
    missing = fonts.uncovered_characters([sample, "中"])
    assert missing["中"] == 2
    for char in "文عבह😀":
        assert char in missing
    for char in "éКλ✓→ ":
        assert char not in missing


def test_glyph_fallback_and_replacement_mark(tmp_path: Path) -> None:
    pdf = render(document(b.Para(content=text("Check ✓ mark, 中文 and emoji 😀 end"))))
    extracted = pdftotext(pdf, tmp_path)
    # ✓ is drawn in DejaVu Sans; what no face can set is drawn (and extracts) as U+FFFD.
    assert "Check ✓ mark, \ufffd\ufffd and emoji \ufffd end" in " ".join(extracted.split())


def test_through_the_briefing_template(tmp_path: Path) -> None:
    from exporter import templating
    from exporter.build import load_briefing, template_context
    from exporter.readers import ReadLimits

    if not SAMPLE.exists():
        pytest.skip("source/ sample is missing")
    options = RenderOptions(timestamp=1500000000)
    briefing_data = load_briefing(SAMPLE, SAMPLE.name, ReadLimits())
    doc = templating.render("briefing.xml.j2", template_context(briefing_data, options))
    pdf = PdfWriter().write(doc, options)
    extracted = set(pdftotext(pdf, tmp_path).split())
    for paragraph in briefing_data.article.paragraphs:
        missing = [w for w in paragraph.text.split() if w not in extracted]
        assert not missing, missing[:10]


def test_lazy_stretches_give_the_same_bytes_as_one_story(monkeypatch: pytest.MonkeyPatch) -> None:
    from exporter.writers.pdf import render

    def stretch(n: int) -> tuple[b.Block, ...]:
        return (b.PageBreak(), b.Heading(level=1, content=(b.Inline(text=f"Part {n}"),),
                                             anchor=f"a{n}"),
                *(b.Para(content=(b.Inline(text=f"Paragraph {i} of part {n}. " * 20),),
                           number=i, anchor=f"a{n}-p{i}") for i in range(1, 9)))

    body: tuple[b.Block, ...] = (b.Para(content=(b.Inline(text="Pack"),), style="title"),
                                   b.PageBreak(), b.Toc())
    for n in range(1, 6):
        body += stretch(n)
    body += (b.Table(header=None, rows=(((b.Inline(text="see p. "),
                                            b.Inline(pageref="a3-p5")),),)),)
    doc = b.Document(kind="pack", meta=b.DocMeta(title="Pack"), blocks=body)
    options = RenderOptions(timestamp=1_500_000_000)
    lazy = PdfWriter().write(doc, options)
    monkeypatch.setattr(render.Renderer, "lazy_story", lambda self, blocks: self.story(blocks))
    assert PdfWriter().write(doc, options) == lazy


def test_heading_just_before_a_page_break_keeps_what_follows() -> None:
    # The rest of the document after a page break is made lazily; a heading (kept with what
    # follows it) right before the break must not swallow it.
    blocks: list[b.Block] = [body(1)]
    for n in range(2, 6):
        blocks += [b.Heading(level=2, content=text(f"Section {n}")), b.PageBreak(), body(n)]
    texts = " ".join(page_texts(render(document(*blocks))))
    for n in range(1, 6):
        assert f"Paragraph {n}" in texts and (n == 1 or f"Section {n}" in texts), n
