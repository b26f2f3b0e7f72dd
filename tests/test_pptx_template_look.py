"""A --pptx-template keeps its own theme fonts and colours: no run of the deck names a typeface."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation

from exporter.build import template_context
from exporter.options import RenderOptions
from exporter.theme.brand import load_brand
from exporter.writers.slides import PptxWriter

from .conftest import REPO
from .writers.test_slides import briefing

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def georgia_template(path: Path) -> Path:
    """Save python-pptx's own template with Georgia as its theme's heading and body font."""
    buffer = io.BytesIO()
    Presentation().save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if re.fullmatch(r"ppt/theme/theme\d+\.xml", info.filename):
                root = etree.fromstring(data)
                for tag in ("majorFont", "minorFont"):
                    for font in root.iter(f"{{{A}}}{tag}"):
                        font.find(f"{{{A}}}latin").set("typeface", "Georgia")
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            dst.writestr(info, data)
    path.write_bytes(out.getvalue())
    return path


def deck(template: Path, **kw: object) -> dict[str, bytes]:
    from exporter import templating

    doc = templating.render("slides.xml.j2", template_context(briefing("Body text."),
                                                              RenderOptions()))
    options = RenderOptions(timestamp=1_500_000_000, pptx_template=str(template), **kw)  # type: ignore[arg-type]
    data = PptxWriter().write(doc, options)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _faces(parts: dict[str, bytes], prefix: str) -> set[str]:
    return {face.decode() for name, xml in parts.items() if name.startswith(prefix)
            for face in re.findall(rb'typeface="([^"]*)"', xml)}


def test_a_georgia_template_deck_names_no_other_typeface(tmp_path: Path) -> None:
    parts = deck(georgia_template(tmp_path / "georgia.pptx"))
    slide_faces = _faces(parts, "ppt/slides/") | _faces(parts, "ppt/notesSlides/")
    assert slide_faces <= {"Georgia"}  # runs inherit the theme's fonts: they name none
    theme = parts["ppt/theme/theme1.xml"].decode()
    assert set(re.findall(r'<a:latin typeface="([^"]*)"', theme)) == {"Georgia"}


def test_a_brand_does_not_override_a_templates_theme(tmp_path: Path) -> None:
    """With both, the template's theme fonts stay; the brand still gives the logo."""
    brand = load_brand(REPO / "tests" / "brand" / "_brand.yml")
    parts = deck(georgia_template(tmp_path / "georgia.pptx"), theme=brand)
    assert _faces(parts, "ppt/slides/") <= {"Georgia"}
    assert '<a:latin typeface="Georgia"' in parts["ppt/theme/theme1.xml"].decode()
    assert "ppt/media/brand-logo.png" in parts


def coloured_template(path: Path) -> Path:
    """Save python-pptx's template with a claret dk1 (its master's text colour) and a green
    accent 1 (table headers)."""
    buffer = io.BytesIO()
    Presentation().save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if re.fullmatch(r"ppt/theme/theme\d+\.xml", info.filename):
                root = etree.fromstring(data)
                scheme = root.find(f".//{{{A}}}clrScheme")
                for name, value in (("dk1", "7A1F2B"), ("accent1", "2E7D32")):
                    slot = scheme.find(f"{{{A}}}{name}")
                    for child in list(slot):
                        slot.remove(child)
                    etree.SubElement(slot, f"{{{A}}}srgbClr").set("val", value)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            dst.writestr(info, data)
    path.write_bytes(out.getvalue())
    return path


def test_handouts_print_a_template_deck_in_its_own_colours(tmp_path: Path) -> None:
    from exporter import templating
    from exporter.writers.deck.shape import open_presentation
    from exporter.writers.deck.template_look import template_colors
    from exporter.writers.handout import HandoutWriter

    template = coloured_template(tmp_path / "claret.pptx")
    assert template_colors(open_presentation(str(template))).title == "7A1F2B"
    doc = templating.render("slides.xml.j2", template_context(briefing("Body text."),
                                                              RenderOptions()))
    options = RenderOptions(timestamp=1_500_000_000, pptx_template=str(template))
    pdf = HandoutWriter().write(doc, options)
    # The miniatures' text is filled in the template's claret ("0.478431 0.121569 0.168627").
    from pypdf import PdfReader

    streams = b"".join(page.get_contents().get_data()
                       for page in PdfReader(io.BytesIO(pdf)).pages)
    assert b".478431 .121569 .168627 rg" in streams
    assert b".180392 .490196 .196078 rg" in streams  # a table header row in accent 1
