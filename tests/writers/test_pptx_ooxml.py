"""The deck as OOXML: read back by python-pptx, accessible, converted by LibreOffice, and written
without python-pptx's private names."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

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
from exporter.options import RenderOptions
from exporter.writers.slides_pptx import PptxWriter

OPTIONS = RenderOptions(timestamp=1_500_000_000)
EXPORTER = Path(__file__).resolve().parents[2] / "exporter"
NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}


def text(value: str, href: str | None = None) -> tuple[Inline, ...]:
    return (Inline(text=value, href=href),)


def document() -> Document:
    """Every kind of slide and body block, a link, and notes."""
    rows = tuple((text(f"{n} July 2017"), text("An event of note " * (1 + n % 3)))
                 for n in range(1, 20))
    return Document(kind="slides", meta=DocMeta(title="Deck", header="Running"), blocks=(
        Slide(title="Deck title", layout="title", children=(
            Para(content=text("A subtitle"), style="subtitle"),), notes=text("Opening.")),
        Slide(title="Part one", layout="section", children=()),
        Slide(title="Points", children=(ListBlock(items=(
            ListItem(content=text("A linked point", href="https://example.org/a?b=1&c=2")),
            ListItem(content=text("Another point")))),), notes=text("Points notes.")),
        Slide(title="Timeline", children=(Table(header=(text("Date"), text("Event")),
                                                rows=rows, widths=(1.0, 4.0)),)),
        Slide(title="Quote", children=(Quote(content=text("“Words said.”"),
                                             attribution="A Speaker", ref=4),)),
        Slide(title="Source", children=(Fields(rows=(("Publication", text("DJ")),)),)),
    ))


def write(options: RenderOptions = OPTIONS) -> bytes:
    return PptxWriter().write(document(), options)


def template(path: Path, *, notes: bool) -> str:
    """Save python-pptx's default deck with an example slide (and its notes, if `notes`)."""
    prs = Presentation()
    example = prs.slides.add_slide(prs.slide_layouts[1])
    example.shapes.title.text = "Example slide to drop"
    if notes:
        example.notes_slide.notes_text_frame.text = "Example notes"
    prs.save(str(path))
    return str(path)


def slide_trees(data: bytes) -> list[etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = sorted((n for n in package.namelist()
                        if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
                       key=lambda n: int(re.findall(r"\d+", n)[0]))
        return [etree.fromstring(package.read(n)) for n in names]


def test_no_module_uses_a_private_python_pptx_name() -> None:
    offenders = []
    for path in sorted(EXPORTER.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if not re.search(r"^\s*(from|import) pptx\b", source, re.MULTILINE):
            continue
        # No private module or name imported from python-pptx, and no private member reached
        # on anything (the modules that read templates have no private names of their own).
        for found in re.finditer(r"(from pptx[\w.]*\._\w*|from pptx[\w.]* import [^\n]*\b_\w+"
                                 r"|pptx(\.\w+)*\._\w+|(?<![\w)])\w+\._[a-z]\w*)", source):
            offenders.append(f"{path.relative_to(EXPORTER)}: {found.group()}")
    assert offenders == []


def test_python_pptx_reads_back_slides_titles_notes_links_and_tables() -> None:
    data = write()
    prs = Presentation(io.BytesIO(data))
    slides = list(prs.slides)
    titles = [s.shapes.title.text if s.shapes.title is not None else None for s in slides]
    assert titles[:4] == ["Deck title", "Part one", "Points", "Timeline"]
    assert titles[4].startswith("Timeline") and None not in titles
    notes = [s.notes_slide.notes_text_frame.text for s in slides]
    assert notes[0] == "Opening." and notes[2] == "Points notes." and all(notes)
    links = [run.hyperlink.address for s in slides for shape in s.shapes if shape.has_text_frame
             for para in shape.text_frame.paragraphs for run in para.runs
             if run.hyperlink.address]
    assert links == ["https://example.org/a?b=1&c=2"]
    tables = [shape.table for s in slides for shape in s.shapes if shape.has_table]
    timeline = [t for t in tables if t.cell(0, 0).text == "Date"]
    assert len(timeline) >= 2  # continued over slides, the header repeated on each
    assert all(t.first_row for t in timeline)
    assert [t.cell(0, 0).text for t in tables if not t.first_row] == ["Publication"]


def test_every_slide_is_titled_title_first_pictures_described_bands_decorative() -> None:
    for options in (OPTIONS, RenderOptions(timestamp=1, classification="OFFICIAL")):
        for tree in slide_trees(write(options)):
            shapes = tree.find("p:cSld/p:spTree", NS)
            assert shapes is not None
            first = next(el for el in shapes if etree.QName(el).localname in
                         ("sp", "graphicFrame", "pic", "grpSp", "cxnSp"))
            ph = first.find("p:nvSpPr/p:nvPr/p:ph", NS)
            assert ph is not None and ph.get("type") in ("title", "ctrTitle")
            assert all(pic.find("p:nvPicPr/p:cNvPr", NS).get("descr")
                       for pic in shapes.iter(f"{{{NS['p']}}}pic"))
            for sp in shapes.findall("p:sp", NS):
                if sp.find("p:txBody", NS) is None:  # a band or rule: nothing to read
                    assert b"decorative" in etree.tostring(sp)


def test_no_run_names_a_typeface(tmp_path: Path) -> None:
    for options in (OPTIONS, RenderOptions(timestamp=1, pptx_template=template(
            tmp_path / "t.pptx", notes=True))):
        for tree in slide_trees(write(options)):
            assert tree.findall(".//a:rPr/a:latin", NS) == []


@pytest.mark.parametrize("notes", [True, False])
def test_template_parts_kept_examples_dropped_notes_master_supplied(tmp_path: Path,
                                                                  notes: bool) -> None:
    path = template(tmp_path / "t.pptx", notes=notes)
    data = write(RenderOptions(timestamp=1, pptx_template=path))
    prs = Presentation(io.BytesIO(data))
    assert "Example slide to drop" not in [s.shapes.title.text for s in prs.slides]
    assert [s.notes_slide.notes_text_frame.text for s in prs.slides][:1] == ["Opening."]
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(io.BytesIO(data)) as out:
        # The template's theme, master and layouts are copied byte for byte.
        for name in ("ppt/theme/theme1.xml", "ppt/slideMasters/slideMaster1.xml",
                     "ppt/slideLayouts/slideLayout2.xml"):
            assert out.read(name) == source.read(name)
        names = out.namelist()
    assert [n for n in names if "notesMaster" in n] == [
        "ppt/notesMasters/_rels/notesMaster1.xml.rels", "ppt/notesMasters/notesMaster1.xml"]
    assert prs.slide_width == Presentation(path).slide_width


@pytest.mark.slow
def test_libreoffice_converts_the_deck_and_the_template_deck(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is not installed")
    decks = {"builtin.pptx": write(),
             "template.pptx": write(RenderOptions(timestamp=1, pptx_template=template(
                 tmp_path / "t.pptx", notes=False)))}
    for name, data in decks.items():
        (tmp_path / name).write_bytes(data)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *(str(tmp_path / name) for name in decks)],
                   check=True, capture_output=True, timeout=300)
    for name, data in decks.items():
        pdf = tmp_path / name.replace(".pptx", ".pdf")
        shown = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                               text=True, check=True).stdout
        pages = shown.count("\f")
        assert pages == len(Presentation(io.BytesIO(data)).slides)
        for words in ("Deck title", "Part one", "A linked point", "Source", "DJ", "A Speaker"):
            assert words in shown, (name, words)


def test_template_custom_shows_and_sections_naming_its_slides_go(tmp_path: Path) -> None:
    path = Path(template(tmp_path / "t.pptx", notes=False))
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    xml = members["ppt/presentation.xml"].decode()
    rid = re.search(r'<p:sldId id="256" r:id="(rId\d+)"/>', xml)
    assert rid is not None
    shows = (f'<p:custShowLst><p:custShow name="Short" id="0"><p:sldLst>'
             f'<p:sld r:id="{rid.group(1)}"/></p:sldLst></p:custShow></p:custShowLst>')
    sections = ('<p:extLst><p:ext uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}">'
                '<p14:sectionLst xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/'
                'main"><p14:section name="Intro" id="{00000000-0000-0000-0000-000000000001}">'
                '<p14:sldIdLst><p14:sldId id="256"/></p14:sldIdLst></p14:section>'
                "</p14:sectionLst></p:ext></p:extLst>")
    xml = xml.replace("<p:defaultTextStyle>", shows + "<p:defaultTextStyle>")
    xml = xml.replace("</p:presentation>", sections + "</p:presentation>")
    members["ppt/presentation.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    data = write(RenderOptions(timestamp=1, pptx_template=str(path)))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        presentation = package.read("ppt/presentation.xml").decode()
    assert "custShow" not in presentation and "sectionLst" not in presentation
    assert len(Presentation(io.BytesIO(data)).slides) >= 6


def test_the_builtin_layouts_are_what_python_pptx_reads_in_builtin_pptx() -> None:
    """The built-in deck is read without python-pptx (`reference.BUILTIN_LAYOUTS`); a new
    builtin.pptx must come with its layouts written there."""
    from exporter.writers.pptx import reference

    data = reference.BUILTIN_FILE.read_bytes()
    members, layouts, shape = reference._read_template(data)
    assert layouts == reference.BUILTIN_LAYOUTS
    assert (shape.width, shape.height) == (reference.BUILTIN.width, reference.BUILTIN.height)
    assert members == reference._members(data)
