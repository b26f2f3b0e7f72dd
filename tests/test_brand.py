"""A brand.yml file changes every output: fonts embedded, logo present, colours, no default navy.

The test brand (tests/brand/_brand.yml) has a logo, two colours (claret, saffron) and two font
families from files (DejaVu-extra faces under other family names, so the PDF's font names tell
them from the built-in DejaVu Serif and Sans).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pikepdf
import pytest
import yaml
from pypdf import PdfReader

from exporter import fonts
from exporter.build import BuildConfig, build, cache_key, collect_sources
from exporter.errors import ConfigError
from exporter.options import RenderOptions
from exporter.packing import build_pack
from exporter.theme import ROLES, builtin, derive_colors
from exporter.theme.brand import BUILTIN_FILE, find_brand, load_brand

from .conftest import REPO, SAMPLE

BRAND = REPO / "tests" / "brand" / "_brand.yml"
CLARET, SAFFRON = "7A1F2B", "E0A526"
NAVIES = ("1F3A5F", "142F4F", "1F3864")
"""The built-in PDF, deck and Word navies: none may be left in a branded output."""


@pytest.fixture(scope="module")
def branded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the sample article and a two-article pack with the test brand."""
    out = tmp_path_factory.mktemp("branded")
    options = RenderOptions(timestamp=1_700_000_000, theme=load_brand(BRAND))
    config = BuildConfig(out_dir=out / "article", options=options, use_cache=False)
    (result,) = build(collect_sources([str(SAMPLE)]), config)
    assert result.ok, result.error or result.bug
    pack = BuildConfig(out_dir=out / "pack", options=options, use_cache=False)
    sources = collect_sources([str(SAMPLE), str(REPO / "tests/articles/sahel-hunger-appeal.txt")])
    outcome = build_pack(sources, pack, "Acme pack")
    assert outcome.error is None
    return out


def _base_fonts(pdf: Path) -> set[str]:
    names = set()
    for page in PdfReader(pdf).pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def _pixels(pdf: Path, tmp_path: Path) -> set[tuple[int, int, int]]:
    """Return the colours of page 1 rendered by pdftoppm (skip where it is missing)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    from PIL import Image

    stem = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(pdf), str(stem)],
                   check=True)
    (png,) = tmp_path.glob(f"{pdf.stem}*.png")
    with Image.open(png) as image:
        return {tuple(c) for _, c in image.convert("RGB").getcolors(1 << 20)}


def _rgb(hex_rgb: str) -> tuple[int, int, int]:
    return int(hex_rgb[:2], 16), int(hex_rgb[2:4], 16), int(hex_rgb[4:], 16)


@pytest.mark.parametrize("pdf", ["article/pakistan-russia-relations/briefing.pdf",
                                 "pack/pack.pdf", "pack/handouts.pdf"])
def test_pdfs_embed_the_brand_fonts_and_show_its_colours(branded: Path, pdf: str,
                                                          tmp_path: Path) -> None:
    names = _base_fonts(branded / pdf)
    assert "DejaVuSansMono-Bold" in names  # the headings family
    if "handouts" not in pdf:  # the miniatures keep the DejaVu Sans they are measured in
        assert "DejaVuSerifCondensed" in names  # the running-text family
        assert not names & {"DejaVuSerif", "DejaVuSans"}
    colours = _pixels(branded / pdf, tmp_path)
    assert _rgb(CLARET) in colours
    assert not {_rgb(navy) for navy in NAVIES} & colours


def test_pdf_logo_on_the_first_page(branded: Path) -> None:
    for pdf in ("article/pakistan-russia-relations/briefing.pdf", "pack/pack.pdf"):
        pages = PdfReader(branded / pdf).pages
        assert pages[0].images, pdf
        assert not pages[1].images, pdf


PDFS = ("article/pakistan-russia-relations/briefing.pdf", "pack/pack.pdf", "pack/handouts.pdf")


def _reading_order(doc: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Return the structure elements depth first: the reading order."""
    out: list[pikepdf.Dictionary] = []

    def walk(node: pikepdf.Object) -> None:
        kids = node.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                out.append(kid)
                walk(kid)

    walk(doc.Root.StructTreeRoot)
    return out


@pytest.mark.parametrize("pdf", PDFS)
def test_pdf_logo_is_a_figure_with_alt_before_the_first_title(branded: Path, pdf: str) -> None:
    with pikepdf.open(branded / pdf) as doc:
        order = _reading_order(doc)
        roles = [str(e.S) for e in order]
        figure = order[roles.index("/Figure")]
        assert figure.Pg.objgen == doc.pages[0].obj.objgen
        assert str(figure.Alt) == "Acme Policy Institute"  # the brand's alt text
        assert figure.A.O == "/Layout"
        left, bottom, right, top = (float(v) for v in figure.A.BBox)
        width, height = (float(v) for v in doc.pages[0].mediabox[2:])
        assert 0 <= left < right <= width and height / 2 < bottom < top <= height
        assert roles.index("/Figure") < roles.index("/H1")
        # The slide's section holds it (handouts); the document, the briefing's first page.
        parent = "/Sect" if "handouts" in pdf else "/Document"
        assert str(figure.P.S) == parent


@pytest.mark.parametrize("pdf", PDFS)
def test_branded_pdfs_pass_pdfua(branded: Path, pdf: str) -> None:
    pytest.importorskip("pdfua")
    result = subprocess.run([sys.executable, "-m", "pdfua", "check", "--min-severity", "error",
                             str(branded / pdf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def _zip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("docx", ["article/pakistan-russia-relations/summary.docx",
                                  "pack/pack.docx"])
def test_docx_has_the_logo_fonts_and_colours(branded: Path, docx: str) -> None:
    parts = _zip(branded / docx)
    logo = (REPO / "tests/brand/logo.png").read_bytes()
    assert logo in parts.values()
    styles = parts["word/styles.xml"].decode()
    document = parts["word/document.xml"].decode()
    assert 'w:ascii="Acme Text"' in styles and 'w:ascii="Acme Display"' in styles
    assert "Calibri" not in styles
    assert CLARET in styles
    assert 'descr="Acme Policy Institute"' in document
    for navy in NAVIES:
        assert navy not in styles and navy not in document


@pytest.mark.parametrize("deck", ["article/pakistan-russia-relations/slides.pptx",
                                  "pack/pack-slides.pptx"])
def test_pptx_has_the_logo_theme_fonts_and_colours(branded: Path, deck: str) -> None:
    parts = _zip(branded / deck)
    assert parts["ppt/media/brand-logo.png"] == (REPO / "tests/brand/logo.png").read_bytes()
    slides = "".join(v.decode() for k, v in parts.items() if k.startswith("ppt/slides/slide"))
    assert 'descr="Acme Policy Institute"' in slides
    assert f'srgbClr val="{CLARET}"' in slides and f'srgbClr val="{SAFFRON}"' in slides
    for navy in NAVIES:
        assert navy not in slides
    theme = parts["ppt/theme/theme1.xml"].decode()
    assert '<a:latin typeface="Acme Display"' in theme
    assert '<a:latin typeface="Acme Text"' in theme
    assert "typeface=" not in slides.replace('typeface="+', "")  # runs name no typeface


@pytest.mark.parametrize("md", ["article/pakistan-russia-relations/slides.md",
                                "pack/pack-slides.md"])
def test_marp_style_has_the_brand(branded: Path, md: str) -> None:
    text = (branded / md).read_text("utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    style = front["style"]
    assert f"#{CLARET}" in style and f"#{SAFFRON}" in style
    assert '"Acme Text"' in style and "data:image/png;base64," in style
    assert not any(f"#{navy}" in style for navy in NAVIES)


def test_missing_glyphs_fall_back_to_dejavu() -> None:
    """A character the brand's font lacks is drawn in the DejaVu face it stands in for."""
    serif, sans = fonts.register_theme(load_brand(BRAND))
    brand_bold = fonts.face_name(sans, bold=True)
    dejavu_bold = fonts.face_name(fonts.SANS, bold=True)
    lacking = next(c for c in map(chr, range(0x100, 0x3000))
                   if not fonts.covers(brand_bold, c) and fonts.covers(dejavu_bold, c))
    assert fonts.face_for(lacking, brand_bold) == dejavu_bold
    assert fonts.face_for("A", brand_bold) == brand_bold
    assert serif != fonts.SERIF


def test_brand_file_in_the_working_directory_is_found(tmp_path: Path) -> None:
    assert find_brand(None, tmp_path) is None
    (tmp_path / "_brand.yml").write_text("meta:\n  name: X\n")
    assert find_brand(None, tmp_path) == tmp_path / "_brand.yml"
    assert find_brand("other.yml", tmp_path) == Path("other.yml")


def test_brand_bytes_go_into_the_cache_key(tmp_path: Path) -> None:
    folder = tmp_path / "brand"
    shutil.copytree(BRAND.parent, folder)
    first = load_brand(folder / "_brand.yml")
    (folder / "logo.png").write_bytes((folder / "logo.png").read_bytes() + b"\0")
    second = load_brand(folder / "_brand.yml")
    assert first.digest != second.digest

    def key(theme: object) -> str:
        options = RenderOptions(theme=theme)  # type: ignore[arg-type]
        return cache_key(b"x", BuildConfig(out_dir=tmp_path, options=options))

    assert len({key(None), key(first), key(second)}) == 3


@pytest.mark.parametrize(("text", "message"), [
    ("logo: logo.svg\n", "logo logo.svg is not a PNG or JPEG"),
    ("color:\n  primary: blue-ish\n", "colour primary"),
    ("typography:\n  fonts:\n    - family: X\n      source: file\n      files: [{path: x.ttf}]\n",
     "cannot read font x.ttf"),
    ("meta: [\n", "not a valid brand.yml"),
])
def test_a_brand_that_cannot_be_used_is_a_config_error(tmp_path: Path, text: str,
                                                       message: str) -> None:
    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    path = tmp_path / "_brand.yml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_brand(path)
    assert message in caught.value.one_line()
    assert str(path) in caught.value.one_line()


def test_the_builtin_look_is_a_brand_file_naming_every_role() -> None:
    palette = yaml.safe_load(BUILTIN_FILE.read_text())["color"]["palette"]
    assert set(palette) == set(ROLES)
    theme = builtin()
    assert all(theme.hex(role) == palette[role].lstrip("#") for role in ROLES)


def test_the_builtin_look_reads_as_brand_yml_reads_it() -> None:
    """`load_builtin` reads our own file as plain YAML (fast); `brand_yml` agrees with it."""
    from exporter.theme.brand import _family, _hex, _parse, load_builtin

    brand = _parse(BUILTIN_FILE.read_bytes(), BUILTIN_FILE)
    colors = brand.color.to_dict()
    theme = load_builtin()
    assert theme.colors == derive_colors(*([{r: _hex(colors[r], r) for r in ROLES}] * 2), {})
    assert (theme.office_body, theme.office_heading) == (_family(brand, "base"),
                                                         _family(brand, "headings"))


def test_cli_brand_option_and_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from exporter.cli import main

    bad = tmp_path / "bad.yml"
    bad.write_text("color:\n  primary: nope\n")
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(tmp_path / "o"),
                                       "--brand", str(bad), "--format", "md"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "config: colour primary" in result.output
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(tmp_path / "o"),
                                       "--brand", str(BRAND), "--format", "md", "-j", "1"])
    assert result.exit_code == 0, result.output
    md = next((tmp_path / "o").rglob("slides.md")).read_text("utf-8")
    assert f"#{CLARET}" in md


def test_unbranded_docx_keeps_calibri() -> None:
    from exporter.writers.docx import DocxWriter

    from .writers.test_docx import sample_doc

    data = DocxWriter().write(sample_doc(), RenderOptions())
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert 'w:ascii="Calibri"' in styles


def test_the_builtin_look_reads_the_same_with_either_yaml_parser() -> None:
    import yaml

    text = BUILTIN_FILE.read_text(encoding="utf-8")
    assert yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) \
        == yaml.safe_load(text)
