"""The Word pack's contents list shows the page each heading lands on, in a real reader.

LibreOffice converts pack.docx to PDF; every contents entry's number must be the page its
heading is printed on (tests/docx_toc_check.py). Needs soffice, pdftotext and Carlito (the
metric-compatible stand-in for Calibri that the page model assumes a reader without Calibri
has); skipped without them. bench/docx_toc.py runs the same check over many packs.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from exporter.build import BuildConfig, collect_sources, read_reference_docx
from exporter.options import RenderOptions
from exporter.packing import build_pack
from exporter.readers import ReadLimits
from exporter.theme.brand import load_brand

from . import docx_toc_check as toc
from .conftest import REPO, SAMPLE
from .test_reference_docx import make_reference

ARTICLES = sorted((REPO / "tests" / "articles").glob("*.txt"))
BRAND = REPO / "tests" / "brand" / "_brand.yml"


def write_pack(out: Path, files: list[Path], **options: object) -> Path:
    config = BuildConfig(out_dir=out, use_cache=False,
                         options=RenderOptions(timestamp=1_500_000_000, **options))  # type: ignore[arg-type]
    result = build_pack(collect_sources([str(f) for f in files], out_dir=out), config,
                        "Contents check", ("pack.docx",))
    assert result.error is None, result.error
    return out / "pack.docx"


def test_every_entry_has_a_page_number_and_the_field_stays_updatable(tmp_path: Path) -> None:
    docx = write_pack(tmp_path, [SAMPLE, *ARTICLES[:2]])
    entries = toc.contents_entries(docx.read_bytes())
    assert len(entries) > 3
    assert all(number is not None and number.isdigit() for _, number in entries), entries
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
    # Word's "Update field" rebuilds a normal contents list from the TOC field.
    assert 'TOC \\o "1-' in xml and xml.count("PAGEREF _Toc") == len(entries)


needs_reader = pytest.mark.skipif(
    toc.soffice() is None or shutil.which("pdftotext") is None or not toc.has_carlito(),
    reason="needs soffice, pdftotext and the Carlito font")


@needs_reader
@pytest.mark.parametrize(("name", "files", "options"), [
    ("sample-a4", [SAMPLE, *ARTICLES, *sorted((REPO / "tests" / "articles").glob("*.md"))],
     {"paper": "a4"}),
    ("brand-letter", [SAMPLE, *ARTICLES[:2]], {"paper": "letter", "brand": True}),
    ("reference", [SAMPLE, *ARTICLES[2:5]], {"reference": True}),
])
def test_numbers_match_libreoffice(tmp_path: Path, name: str, files: list[Path],
                                   options: dict[str, object]) -> None:
    render: dict[str, object] = {"paper": options.get("paper", "a4")}
    env = None
    if options.get("brand"):
        render["theme"] = load_brand(BRAND)
        env = toc.brand_fontconfig(tmp_path)
    if options.get("reference"):
        reference = make_reference(tmp_path / "house.docx")
        render["reference_docx"] = read_reference_docx(str(reference), ReadLimits())
    docx = write_pack(tmp_path / name, files, **render)
    rows = toc.check(docx, tmp_path / name, env)
    wrong = [(text[:50], listed, page) for text, listed, page in rows
             if listed is None or page is None or int(listed) != page]
    assert rows and not wrong, wrong
