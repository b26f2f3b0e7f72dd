"""--reference-docx: Word outputs take the user's styles, page setup, headers and footers."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Cm, Pt, RGBColor

from exporter.build import read_reference_docx
from exporter.cli import main
from exporter.errors import ConfigError, LimitError
from exporter.readers import ReadLimits

from .conftest import SAMPLE

DARK_RED = RGBColor(0x8B, 0x00, 0x00)


def make_reference(path: Path, *, template: bool = False) -> Path:
    """Write a reference whose Heading 1 is dark red 22 pt, with its own margins and header."""
    word = docx.Document()
    heading = word.styles["Heading 1"]
    heading.font.size = Pt(22)
    heading.font.color.rgb = DARK_RED
    section = word.sections[0]
    section.left_margin = section.right_margin = Cm(3.5)
    section.header.paragraphs[0].text = "House header"
    section.footer.paragraphs[0].text = "House footer"
    word.add_paragraph("Body text of the reference, never copied.")
    buffer = io.BytesIO()
    word.save(buffer)
    data = buffer.getvalue()
    if template:  # a .dotx: the same parts, the main part typed as a template
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                member = src.read(info)
                if info.filename == "[Content_Types].xml":
                    member = member.replace(b"document.main+xml", b"template.main+xml")
                dst.writestr(info, member)
        data = out.getvalue()
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_output_takes_the_references_styles_page_and_headers(tmp_path: Path,
                                                             suffix: str) -> None:
    reference = make_reference(tmp_path / f"house{suffix}", template=suffix == ".dotx")
    result = CliRunner().invoke(main, [
        "build", str(SAMPLE), "-o", str(tmp_path / "out"), "--format", "docx", "-j", "1",
        "--reference-docx", str(reference), "--classification", "SECRET"])
    assert result.exit_code == 0, result.output
    out = docx.Document(str(next((tmp_path / "out").rglob("summary.docx"))))
    heading = out.styles["Heading 1"]
    assert heading.font.size == Pt(22) and heading.font.color.rgb == DARK_RED
    assert any(p.style.name == "Heading 1" for p in out.paragraphs)
    section = out.sections[0]
    assert abs(section.left_margin - Cm(3.5)) < Cm(0.01)  # stored in twips
    header = [p.text for p in section.header.paragraphs]
    footer = [p.text for p in section.footer.paragraphs]
    assert header == ["SECRET", "House header"] and footer == ["House footer", "SECRET"]
    assert not any("never copied" in p.text for p in out.paragraphs)
    assert out.paragraphs[0].style.name == "Title"


def test_reference_is_checked_like_an_input_archive(tmp_path: Path) -> None:
    reference = make_reference(tmp_path / "house.docx")
    with pytest.raises(LimitError):
        read_reference_docx(str(reference), ReadLimits(max_archive_members=3))
    plain = tmp_path / "plain.docx"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("a.txt", "not Word")
    with pytest.raises(ConfigError, match="not a Word document"):
        read_reference_docx(str(plain), ReadLimits())
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(tmp_path / "o"),
                                       "--reference-docx", str(plain), "--format", "docx"])
    assert result.exit_code == 1
    assert result.output.strip().endswith("config: not a Word document or template (.docx, "
                                          ".dotx): it has no word/document.xml and "
                                          "word/styles.xml")
