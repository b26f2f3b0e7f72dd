"""Slide writers: Marp/Pandoc Markdown and the PPTX deck, read back by real readers."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.util import Emu

from exporter import templating
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
from exporter.build import template_context
from exporter.model import (
    Actor,
    ActorKind,
    Article,
    Author,
    Briefing,
    Event,
    KeyPoint,
    Meta,
    Paragraph,
    Question,
    Source,
)
from exporter.model import Quote as QuoteModel
from exporter.options import RenderOptions
from exporter.writers.deck.metrics import CONSERVATIVE
from exporter.writers.deck.outline import Run as TRun
from exporter.writers.deck.paginate import layout_slide
from exporter.writers.deck.wrap import LEADING, wrap
from exporter.writers.slides import MarkdownSlidesWriter, PptxWriter

OPTIONS = RenderOptions(timestamp=1_500_000_000)
HOSTILE = ('<b>bold</b> </para> <font color="red">x</font> <img src="/etc/passwd"/> '
           '<a href="javascript:alert(1)">y</a> {{ 7*7 }} {% for x in y %} *star* _under_ '
           '`tick` [link](http://x) | pipe # hash $x$ @cite :smile: &amp; --> end')


def text(value: str) -> tuple[Inline, ...]:
    return (Inline(text=value),)


def briefing(body: str = "Plain text.", title: str = "Pakistan-Russia Relations") -> Briefing:
    paragraphs = tuple(Paragraph(n=n, text=f"{body} Paragraph {n} says more about relations "
                                 "between the two countries and their shared interests.")
                       for n in range(1, 11))
    article = Article(title=title, title_inferred=False,
                      meta=Meta(date="2017-07", volume=21, issue=7, publication="Defence Journal"),
                      authors=(Author(name=None, bio="The writer is an analyst."),),
                      paragraphs=paragraphs, headings=(),
                      source=Source(path="pakistan-russia-relations.txt", format="text"))
    return Briefing(
        article=article,
        summary=f"{body} Russia and Pakistan are drawing closer after decades of distance.",
        key_points=tuple(KeyPoint(text=f"{body} Key point {n} about defence cooperation, "
                                  "energy pipelines and regional security.", paragraph=n)
                         for n in range(1, 6)),
        quotes=(QuoteModel(text=f"{body} Russia is looking for new partners in the region.",
                           speaker="Dmitriy Frolovskiy", paragraph=4),
                QuoteModel(text="Pakistan cannot rely on one ally alone.",
                           speaker="analysts on international affairs", paragraph=7)),
        questions=tuple(Question(text=f"Will the partnership last beyond {n}?", paragraph=n)
                        for n in (3, 8)),
        timeline=tuple(Event(date=f"{1950 + 5 * n}-0{1 + n % 9}", text=f"{body} Event {n} "
                             "happened between the two states.", paragraph=n)
                       for n in range(1, 12)),
        actors=(Actor(name="Dmitriy Frolovskiy", kind=ActorKind.PERSON, role="analyst",
                      paragraphs=(4, 6)),
                Actor(name="Shanghai Cooperation Organisation", kind=ActorKind.ORGANISATION,
                      paragraphs=(2,))),
        keywords=("Pakistan", "Russia"),
    )


def rendered(body: str = "Plain text.", title: str = "Pakistan-Russia Relations") -> Document:
    context = template_context(briefing(body, title), OPTIONS)
    return templating.render("slides.xml.j2", context)


def handmade() -> Document:
    """A document exercising every slide layout and body block."""
    long_items = tuple(ListItem(content=text(f"Bullet {n}: " + "a long line of words " * 6),
                                ref=n) for n in range(1, 16))
    rows = tuple((text(f"{n} July 2017"), text("An event of note " * (1 + n % 4)))
                 for n in range(1, 25))
    return Document(kind="slides", meta=DocMeta(title="Deck", header="Deck header"), blocks=(
        Slide(title="Deck title", layout="title", children=(
            Para(content=text("Defence Journal · Volume 21"), style="subtitle"),),
            notes=text("Opening notes.")),
        Slide(title="Part one", layout="section", children=()),
        Slide(title="Many bullets", children=(ListBlock(items=long_items),),
              notes=text("Bullets notes.")),
        Slide(title="Timeline", children=(Table(header=(text("Date"), text("Event")),
                                                rows=rows, widths=(1.0, 4.0)),)),
        Slide(title="Quote", children=(Quote(content=text("“Words said.”"),
                                             attribution="A Speaker", ref=4),)),
        Slide(title="Source", children=(Fields(rows=(("Publication", text("DJ")),
                                                     ("Rights", text("©2017")))),)),
    ))


def pptx_bytes(doc: Document, options: RenderOptions = OPTIONS) -> bytes:
    return PptxWriter().write(doc, options)


# --- PPTX --------------------------------------------------------------------------------------


def _paragraph_lines(para: Any, width: float) -> tuple[int, float]:
    """Return (lines, size) of a pptx paragraph wrapped with the deck's metrics."""
    runs = []
    size = 0.0
    for run in para.runs:
        size = max(size, run.font.size.pt if run.font.size else 0.0)
        runs.append(TRun(run.text, bold=bool(run.font.bold)))
    if not runs:
        end = para._p.find("{http://schemas.openxmlformats.org/drawingml/2006/main}endParaRPr")
        size = int(end.get("sz")) / 100 if end is not None and end.get("sz") else 18.0
        return 1, size
    ppr = para._p.pPr
    indent = int(ppr.get("marL", "0")) / 12700 if ppr is not None else 0.0
    return len(wrap(runs, (width - indent) * 0.98, size, CONSERVATIVE)), size


def _text_height(frame: Any, width: float) -> float:
    total = 0.0
    for n, para in enumerate(frame.paragraphs):
        lines, size = _paragraph_lines(para, width)
        spacing = para.line_spacing.pt if para.line_spacing is not None else size * LEADING
        before = para.space_before.pt if (n and para.space_before is not None) else 0.0
        total += before + lines * spacing
    return total


def assert_no_overflow(data: bytes) -> int:
    """Re-measure every text shape and table cell in the deck; return shapes checked."""
    checked = 0
    prs = Presentation(io.BytesIO(data))
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                width, height = shape.width / 12700, shape.height / 12700
                need = _text_height(shape.text_frame, width)
                assert need <= height + 0.01, (number, shape.name, need, height,
                                               shape.text_frame.text[:60])
                checked += 1
            if shape.has_table:
                table = shape.table
                for r, row in enumerate(table.rows):
                    for c, cell in enumerate(row.cells):
                        width = table.columns[c].width / 12700 - 12
                        need = _text_height(cell.text_frame, width) + 6
                        assert need <= row.height / 12700 + 0.01, (number, r, c, need)
                        checked += 1
                bottom = (shape.top + sum(row.height for row in table.rows)) / 12700
                assert bottom <= prs.slide_height / 12700, (number, "table below the slide")
    return checked


def test_deck_reads_back_with_notes_on_every_slide() -> None:
    data = pptx_bytes(rendered())
    prs = Presentation(io.BytesIO(data))
    assert prs.slide_width == Emu(12192000) and prs.slide_height == Emu(6858000)
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert titles[0] == "Pakistan-Russia Relations"
    assert "Key points" in titles and "Source" in titles
    for slide in prs.slides:
        assert slide.has_notes_slide
        assert slide.notes_slide.notes_text_frame.text.strip()
    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in prs.slides)
    assert "(¶4)" in notes
    assert assert_no_overflow(data) > 20


def test_long_content_continues_on_more_slides_without_overflow() -> None:
    data = pptx_bytes(handmade())
    prs = Presentation(io.BytesIO(data))
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles.count("Many bullets (cont.)") >= 1
    assert titles.count("Timeline (cont.)") >= 1
    # Every bullet and every row made it onto some slide.
    body = "\n".join(shape.text_frame.text for s in prs.slides for shape in s.shapes
                     if shape.has_text_frame)
    for n in range(1, 16):
        assert f"Bullet {n}:" in body
    cells = [cell.text for s in prs.slides for shape in s.shapes if shape.has_table
             for row in shape.table.rows for cell in row.cells]
    for n in range(1, 25):
        assert f"{n} July 2017" in cells
    assert cells.count("Date") == titles.count("Timeline") + titles.count("Timeline (cont.)")
    assert all(s.notes_slide.notes_text_frame.text.strip() for s in prs.slides)
    assert_no_overflow(data)


def test_huge_text_is_split_or_cut_never_overflows() -> None:
    doc = Document(kind="slides", meta=DocMeta(title="T"), blocks=(
        Slide(title="A very long title " * 40, children=(
            Para(content=text("word " * 2500)), Para(content=text("x" * 5000)))),))
    data = pptx_bytes(doc)
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) > 3
    body = "".join(shape.text_frame.text for s in prs.slides for shape in s.shapes
                   if shape.has_text_frame and shape != s.shapes.title)
    assert body.count("word") == 2500 and body.count("x") >= 5000
    # The cut title is kept whole in the notes.
    assert "A very long title " * 40 in prs.slides[0].notes_slide.notes_text_frame.text.replace(
        "\n", " ") + " "
    assert_no_overflow(data)


def test_layout_shrinks_before_splitting() -> None:
    few = Slide(title="Few", children=(ListBlock(items=tuple(
        ListItem(content=text("Short point.")) for _ in range(3))),))
    many = Slide(title="Many", children=(ListBlock(items=tuple(
        ListItem(content=text("A longer point that takes most of a line on the slide " * 2))
        for _ in range(9))),))
    (page,) = layout_slide(few)
    assert page.body[0].size == 24
    pages = layout_slide(many)
    assert len(pages) == 1 and 14 <= pages[0].body[0].size < 24


def test_deck_is_byte_identical_and_dated() -> None:
    doc = rendered()
    first, second = pptx_bytes(doc), pptx_bytes(doc)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {(2017, 7, 14, 2, 40, 0)}
        app = package.read("docProps/app.xml").decode()
    assert "<Application>exporter</Application>" in app
    props = Presentation(io.BytesIO(first)).core_properties
    assert props.author == "exporter" and props.last_modified_by == "exporter"
    assert props.revision == 1 and props.title == "Pakistan-Russia Relations"
    assert props.created is not None and props.created.year == 2017
    assert props.created == props.modified


def test_hostile_text_is_literal_in_the_deck() -> None:
    data = pptx_bytes(rendered(HOSTILE, title=HOSTILE))
    prs = Presentation(io.BytesIO(data))
    texts = "\n".join(shape.text_frame.text for s in prs.slides for shape in s.shapes
                      if shape.has_text_frame)
    assert "<b>bold</b>" in texts and "{{ 7*7 }}" in texts and "49" not in texts
    assert b"/etc/passwd" not in b"".join(
        zipfile.ZipFile(io.BytesIO(data)).read(n) for n in zipfile.ZipFile(
            io.BytesIO(data)).namelist() if n.endswith(".rels"))
    assert_no_overflow(data)


def test_user_template_layouts_by_name_and_old_slides_removed(tmp_path: Path) -> None:
    template = Presentation()
    template.slide_layouts[1].name = "Title and Content"
    old = template.slides.add_slide(template.slide_layouts[5])
    old.shapes.title.text = "Example slide to drop"
    path = tmp_path / "corporate.pptx"
    template.save(str(path))
    options = RenderOptions(timestamp=1_500_000_000, pptx_template=str(path),
                            classification="OFFICIAL")
    data = pptx_bytes(handmade(), options)
    prs = Presentation(io.BytesIO(data))
    assert prs.slide_width == Emu(9144000)  # the template's 4:3 size is kept
    assert all(s.shapes.title is None or s.shapes.title.text != "Example slide to drop"
               for s in prs.slides)
    layouts = [s.slide_layout.name for s in prs.slides]
    assert layouts[:3] == ["Title Slide", "Section Header", "Title and Content"]
    texts = [shape.text_frame.text for s in prs.slides for shape in s.shapes
             if shape.has_text_frame]
    assert texts.count("OFFICIAL") == 2 * len(prs.slides)
    assert_no_overflow(data)


def test_missing_or_bad_template_is_a_config_error(tmp_path: Path) -> None:
    from exporter.errors import ConfigError

    bad = tmp_path / "bad.pptx"
    bad.write_bytes(b"not a zip")
    for path in (bad, tmp_path / "missing.pptx"):
        with pytest.raises(ConfigError):
            pptx_bytes(handmade(), RenderOptions(pptx_template=str(path)))


@pytest.mark.slow
def test_libreoffice_opens_the_deck(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    deck = tmp_path / "slides.pptx"
    deck.write_bytes(pptx_bytes(rendered()))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "slides.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000
    pages = len(Presentation(str(deck)).slides)
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        assert re.search(rf"^Pages:\s+{pages}$", info, re.MULTILINE)


# --- Markdown ----------------------------------------------------------------------------------


def markdown(doc: Document, options: RenderOptions = OPTIONS) -> str:
    return MarkdownSlidesWriter().write(doc, options).decode("utf-8")


def test_markdown_has_marp_front_matter_valid_yaml() -> None:
    md = markdown(rendered(title="Issue #7: <b>x</b> {{ y }}"),
                  RenderOptions(classification="SECRET // UK"))
    assert md.startswith("---\nmarp: true\n")
    front = yaml.safe_load(md.split("---\n")[1])
    assert front["marp"] is True and front["paginate"] is True
    assert front["header"] == "SECRET // UK"
    assert "\\<b\\>" in front["footer"]


def test_markdown_slide_count_and_notes() -> None:
    """slides.md is split exactly as the PPTX is: one Markdown slide per deck page."""
    doc = rendered()
    md = markdown(doc)
    pages = len(Presentation(io.BytesIO(PptxWriter().write(doc, OPTIONS))).slides)
    assert md.count("\n# ") == pages >= len([b for b in doc.blocks if isinstance(b, Slide)])
    assert md.count("<!--\nSpeaker notes\n") == pages
    assert "(cont.)" in md or "(2/" in md
    assert "> *“" in md and "> — Dmitriy Frolovskiy (¶4)" in md
    assert "| Date | Event |" in md
    assert " (¶1)" in md


def test_markdown_notes_cannot_close_early_or_become_directives() -> None:
    doc = Document(kind="slides", meta=DocMeta(title="T"), blocks=(
        Slide(title="T", children=(Para(content=text("x")),),
              notes=text("header: hacked --> <!-- still notes --!> end")),))
    md = markdown(doc)
    comment = md[md.index("<!--\nSpeaker notes"):]
    assert comment.count("-->") == 1 and comment.rstrip().endswith("-->")
    body = comment[4:-4]
    with pytest.raises(yaml.YAMLError):
        yaml.safe_load(body)


def test_markdown_escapes_hostile_text() -> None:
    md = markdown(rendered(HOSTILE, title=HOSTILE))
    outside_notes = re.sub(r"<!--.*?-->", "", md, flags=re.DOTALL)
    assert not re.search(r"(?<!\\)<(b|img|a|font|/para)\b", outside_notes)
    assert "\\<b\\>bold\\</b\\>" in md and "\\{\\{ 7\\*7 \\}\\}" in md
    for line in outside_notes.splitlines():
        # Article text never opens an HTML block or a code fence.
        assert not line.startswith(("<b", "<img", "```"))


def _pandoc(md: str, to: str) -> str:
    return subprocess.run(["pandoc", "-f", "markdown", "-t", to], input=md, text=True,
                          capture_output=True, check=True, timeout=60).stdout


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_slides_and_keeps_hostile_text_literal() -> None:
    doc = rendered(HOSTILE, title=HOSTILE)
    md = markdown(doc)
    tree = json.loads(_pandoc(md, "json"))
    headers = [b for b in tree["blocks"] if b["t"] == "Header" and b["c"][0] == 1]
    assert len(headers) == len(Presentation(io.BytesIO(PptxWriter().write(doc, OPTIONS))).slides)
    plain = _pandoc(md, "plain")
    assert "<b>bold</b>" in plain and "{{ 7*7 }}" in plain and "*star*" in plain
    assert "[link](http://x)" in plain and "$x$" in plain and "@cite" in plain
    html = re.sub(r"<!--.*?-->", "", _pandoc(md, "html"), flags=re.DOTALL)
    assert "<b>bold</b>" not in html and "<img" not in html and "<em>star" not in html


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize("flavour", ["marp", "pandoc"])
def test_pandoc_makes_a_pptx_with_one_slide_per_deck_page(tmp_path: Path, flavour: str) -> None:
    """Pandoc's deck has the PPTX's slides; with the pandoc flavour, notes on every one."""
    doc = handmade()
    options = RenderOptions(md_flavour=flavour)  # type: ignore[arg-type]
    (tmp_path / "slides.md").write_text(markdown(doc, options), encoding="utf-8")
    subprocess.run(["pandoc", "slides.md", "-o", "out.pptx"], cwd=tmp_path, check=True,
                   capture_output=True, timeout=60)
    prs = Presentation(str(tmp_path / "out.pptx"))
    assert len(prs.slides) == len(Presentation(io.BytesIO(PptxWriter().write(doc, options))).slides)
    if flavour == "pandoc":
        assert all(s.has_notes_slide and s.notes_slide.notes_text_frame.text.strip()
                   for s in prs.slides)


def test_markdown_is_deterministic_and_golden(golden: Any) -> None:
    doc = rendered()
    assert markdown(doc) == markdown(doc)
    golden("writers/slides.md", markdown(doc))


# --- properties --------------------------------------------------------------------------------

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=300)


@settings(max_examples=25, deadline=None)
@given(title=_TEXT, body=_TEXT, notes=_TEXT)
def test_any_text_renders_in_both_formats(title: str, body: str, notes: str) -> None:
    doc = Document(kind="slides", meta=DocMeta(title=title, header=title), blocks=(
        Slide(title=title, layout="title", children=(Para(content=text(body)),)),
        Slide(title=title, children=(ListBlock(items=(ListItem(content=text(body), ref=2),)),
                                     Quote(content=text(body), attribution=title)),
              notes=text(notes)),))
    data = pptx_bytes(doc)
    assert data == pptx_bytes(doc)
    assert_no_overflow(data)
    md = markdown(doc)
    assert md.count("\n---\n") == 2  # the front matter's end and one slide break
    comments = re.findall(r"<!--.*?-->", md, flags=re.DOTALL)
    assert sum(c.startswith("<!--\nSpeaker notes") for c in comments) == 2


@settings(max_examples=50, deadline=None)
@given(words=st.lists(st.text(alphabet="abcдежαβγ中文W ", min_size=1, max_size=40),
                      max_size=30),
       width=st.floats(min_value=20, max_value=600), size=st.sampled_from([10.0, 14.0, 24.0]))
def test_wrapped_lines_never_exceed_the_width(words: list[str], width: float,
                                              size: float) -> None:
    source = " ".join(words)
    lines = wrap((TRun(source),), width, size, CONSERVATIVE)
    assert "".join(line.text for line in lines) == source
    for line in lines:
        one_char = len(line.text.rstrip(" ")) <= 1
        assert line.width <= width + 1e-6 or one_char


def test_deck_widths_from_the_registered_pdf_face_equal_the_font_file_s() -> None:
    """The deck measures with the face registered for the PDF writer instead of parsing the
    file again: the same widths either way, so the same lines and bytes."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from exporter import fonts
    from exporter.writers.deck import metrics

    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        widths, default = metrics._ttf_widths(name)
        parsed = TTFontFile(str(fonts.FONT_DIR / name))
        assert (widths, default) == (parsed.charWidths, parsed.defaultWidth)
        assert fonts.shipped_face(name.removesuffix(".ttf")).face.charWidths == widths


def test_both_deck_writers_share_each_slides_layout() -> None:
    """The Markdown and PPTX writers split a slide alike (`layout_slide`, kept per slide): the
    second finds the first's pages, and kept pages equal pages laid out afresh."""
    from exporter.build import BuildConfig, load_briefing, render_outputs
    from exporter.options import RenderOptions
    from exporter.readers import ReadLimits
    from exporter.writers.deck import paginate
    from exporter.writers.deck.outline import deck_slides

    from ..conftest import SAMPLE

    briefing = load_briefing(SAMPLE, SAMPLE.name, ReadLimits())
    paginate._layout.cache_clear()
    render_outputs(briefing, BuildConfig(out_dir=Path("unused"), formats=("md", "pptx"),
                                         options=RenderOptions(timestamp=1)))
    info = paginate._layout.cache_info()
    assert info.misses > 5 and info.hits == info.misses  # each slide laid out once
    doc = templating.render("slides.xml.j2", template_context(briefing, RenderOptions()))
    for slide in deck_slides(doc):
        kept = paginate.layout_slide(slide)
        assert kept == list(paginate._layout.__wrapped__(slide, paginate.SLIDE_WIDTH,
                                                         paginate.SLIDE_HEIGHT,
                                                         paginate.CONSERVATIVE, None, (), ()))


def test_words_measured_in_one_pass_wrap_as_measured_twice(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    from exporter.writers.deck import wrap as wrapping
    from exporter.writers.deck.metrics import CONSERVATIVE, DEJAVU
    from exporter.writers.deck.outline import Run

    from ..conftest import SAMPLE

    def twice(word: tuple[Run, ...], size: float, metrics: object) -> tuple[float, float]:
        return (wrapping._width(word, size, metrics, trim=True),  # type: ignore[arg-type]
                wrapping._width(word, size, metrics))  # type: ignore[arg-type]

    rng = random.Random(5)
    words = [*SAMPLE.read_text("utf-8").split()[:400], "", " ", "x" * 60, "a\nb", "end  "]
    texts = []
    for _ in range(150):
        runs = tuple(Run(" ".join(rng.sample(words, rng.randrange(1, 30))) + rng.choice(["", " "]),
                         bold=rng.random() < 0.3) for _ in range(rng.randrange(1, 4)))
        texts.append(runs)
    cases = [(runs, width, size, metrics) for runs in texts for width in (90.0, 300.0, 640.0)
             for size in (12.0, 18.5, 28.0) for metrics in (CONSERVATIVE, DEJAVU)]
    once = [wrapping._wrap(*case) for case in cases]
    monkeypatch.setattr(wrapping, "_word_widths", twice)
    assert [wrapping._wrap(*case) for case in cases] == once


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\\`*_[]<>|~^$#{}&@:;#aZ01234 +-é¶\n")), max_size=40))
def test_markdown_escaping_is_the_substitutions_it_replaced(text: str) -> None:
    from exporter.writers.slides_md import escape_inline

    # The four substitutions escape_inline made before its translation table and guards.
    expected = re.sub(r"([\\`*_\[\]<>|~^$#{}])", r"\\\1", text)
    expected = re.sub(r"&(?=#?[A-Za-z0-9]+;)", r"\\&", expected)
    expected = re.sub(r"(?<![A-Za-z0-9])@", r"\\@", expected)
    expected = re.sub(r":([A-Za-z_+-][A-Za-z0-9_+-]*|100|1234):", r":\1<!-- -->:", expected)
    assert escape_inline(text) == expected
