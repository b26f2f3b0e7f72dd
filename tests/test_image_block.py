"""`<image>`: brand and template-folder pictures only, alt text required, in every format."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from exporter.blocks import Image, parse
from exporter.build import BuildConfig, cache_key, template_images
from exporter.cli import main
from exporter.errors import RenderError, TemplateError
from exporter.options import RenderOptions
from exporter.theme.brand import load_brand
from exporter.writers.docx import DocxWriter
from exporter.writers.handout import HandoutWriter
from exporter.writers.pdf import PdfWriter
from exporter.writers.slides import MarkdownSlidesWriter, PptxWriter

from .conftest import REPO, SAMPLE

FOLDER = REPO / "tests" / "image_templates"


def doc(block: str, kind: str = "briefing") -> str:
    return f'<document kind="{kind}" title="T">{block}</document>'


def test_image_block_parses() -> None:
    (block,) = parse(doc('<image src="seal.png" alt="The seal" width="0.3"/>'),
                     template="t").blocks
    assert block == Image(src="seal.png", alt="The seal", width=0.3)


@pytest.mark.parametrize("markup", [
    '<image src="seal.png"/>',  # no alt text
    '<image src="seal.png" alt="  "/>',
    '<image src="../seal.png" alt="x"/>',  # a path
    '<image src="/etc/seal.png" alt="x"/>',
    '<image src="sub/seal.png" alt="x"/>',
    '<image src="http://x/seal.png" alt="x"/>',
    '<image src="seal.svg" alt="x"/>',
    '<image src="seal.png" alt="x" width="2"/>',
    '<image src="seal.png" alt="x">text</image>',
])
def test_image_block_refuses(markup: str) -> None:
    with pytest.raises(TemplateError):
        parse(doc(markup), template="t")


def options(**kw: object) -> RenderOptions:
    return RenderOptions(timestamp=1_700_000_000, images=template_images(str(FOLDER)),
                         **kw)  # type: ignore[arg-type]


def test_every_format_shows_a_template_folder_picture() -> None:
    body = '<image src="seal.png" alt="The seal" width="0.4"/>'
    opts = options()
    pdf = PdfWriter().write(parse(doc(body), template="t"), opts)
    assert PdfReader(io.BytesIO(pdf)).pages[0].images
    docx = zipfile.ZipFile(io.BytesIO(DocxWriter().write(parse(doc(body), template="t"), opts)))
    assert "word/media/image1.png" in docx.namelist()
    assert b'descr="The seal"' in docx.read("word/document.xml")
    deck = parse(doc(f'<slide title="Seal">{body}</slide>', "slides"), template="t")
    pptx = zipfile.ZipFile(io.BytesIO(PptxWriter().write(deck, opts)))
    assert pptx.read("ppt/media/image-seal.png") == (FOLDER / "seal.png").read_bytes()
    assert b'descr="The seal"' in pptx.read("ppt/slides/slide1.xml")
    md = MarkdownSlidesWriter().write(deck, opts).decode()
    assert "![The seal](data:image/png;base64," in md
    handouts = PdfReader(io.BytesIO(HandoutWriter().write(deck, opts)))
    assert handouts.pages[0].images


def test_brand_logo_and_missing_pictures() -> None:
    body = '<image src="brand:logo" alt="Logo"/>'
    brand = load_brand(REPO / "tests" / "brand" / "_brand.yml")
    pdf = PdfWriter().write(parse(doc(body), template="t"), options(theme=brand))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    # The block and the first page's logo: one image, drawn twice.
    assert len(page.images) == 1 and page.get_contents().get_data().count(b" Do") == 2
    with pytest.raises(RenderError, match="the brand has no logo"):
        PdfWriter().write(parse(doc(body), template="t"), options())
    with pytest.raises(RenderError, match="no such PNG or JPEG file"):
        DocxWriter().write(parse(doc('<image src="none.png" alt="x"/>'), template="t"),
                           options())


def test_template_folder_pictures_are_in_the_cache_key(tmp_path: Path) -> None:
    (tmp_path / "seal.png").write_bytes((FOLDER / "seal.png").read_bytes())
    first = cache_key(b"x", BuildConfig(out_dir=tmp_path, options=RenderOptions(
        images=template_images(str(tmp_path)))))
    (tmp_path / "seal.png").write_bytes((FOLDER / "seal.png").read_bytes() + b"\0")
    second = cache_key(b"x", BuildConfig(out_dir=tmp_path, options=RenderOptions(
        images=template_images(str(tmp_path)))))
    assert first != second


def test_cli_builds_with_picture_templates(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(tmp_path),
                                       "--templates", str(FOLDER), "-j", "1"])
    assert result.exit_code == 0, result.output
    md = next(tmp_path.rglob("slides.md")).read_text("utf-8")
    assert "# Our seal" in md and "data:image/png;base64," in md
