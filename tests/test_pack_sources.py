"""Sources as readers know them: the web address of a web page, else the publication and date;
never a hashed file name (tests/pack_sources/ holds a page saved under a hash)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from exporter.cli import main

HERE = Path(__file__).parent
PAGE = next((HERE / "pack_sources").glob("*.html"))
URL = "https://news.example.org/2024/05/dam-talks"


def test_cover_and_briefings_show_the_address_not_the_file(tmp_path: Path) -> None:
    article = HERE / "articles" / "zambia-copper-strike.txt"
    result = CliRunner().invoke(main, ["pack", str(PAGE), str(article), "--title", "Sources",
                                       "-o", str(tmp_path / "pack")])
    assert result.exit_code == 0, result.output
    text = " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(tmp_path / "pack" / "pack.pdf").pages)
    assert URL in text.replace(" ", "")
    assert PAGE.stem[:8] not in text
    with zipfile.ZipFile(io.BytesIO((tmp_path / "pack" / "pack.docx").read_bytes())) as z:
        document = z.read("word/document.xml").decode()
    assert URL in document and PAGE.stem[:8] not in document


def test_a_briefing_shows_the_address(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(PAGE), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    [folder] = (tmp_path / "out").iterdir()
    first = PdfReader(folder / "briefing.pdf").pages[0].extract_text() or ""
    assert URL in first.replace("\n", "")
    text = " ".join(p.extract_text() or "" for p in PdfReader(folder / "briefing.pdf").pages)
    assert PAGE.stem[:8] not in text
