"""End to end: `exporter build` on the sample, checked with real readers and golden files."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from exporter.cli import main

from .conftest import REPO, SAMPLE

EPOCH = "1500000000"


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (.ci/run installs it)")
    return path


SAMPLE_ARG = str(SAMPLE.relative_to(REPO))
"""The sample as a user names it, from the repository: golden files must not hold this
machine's paths."""


def run(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str]:
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        result = CliRunner().invoke(main, args,
                                    env={"SOURCE_DATE_EPOCH": EPOCH, **(env or {})})
    finally:
        os.chdir(cwd)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    code, _, err = run(["build", SAMPLE_ARG, "-o", str(out), "--jobs", "1"])
    assert code == 0, err
    return out / SAMPLE.stem


def body_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_outputs_exist(built: Path) -> None:
    names = sorted(p.name for p in built.iterdir() if not p.name.startswith("."))
    assert names == ["briefing.pdf", "slides.md", "slides.pptx", "summary.docx"]


def test_pdf_has_every_body_word(built: Path) -> None:
    text = subprocess.run([tool("pdftotext"), "-layout", str(built / "briefing.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    # Undo line-end hyphenation and layout spacing before comparing words.
    flat = re.sub(r"-\n\s*", "", text)
    present = set(body_words(flat))
    missing = {w for w in body_words(SAMPLE.read_text(encoding="utf-8")) if w not in present}
    assert not missing, f"words of the source missing from the PDF: {sorted(missing)[:20]}"
    assert "Page 1 of" in text


def test_pdf_passes_qpdf_and_embeds_fonts(built: Path) -> None:
    pdf = str(built / "briefing.pdf")
    subprocess.run([tool("qpdf"), "--check", pdf], check=True, capture_output=True)
    fonts = subprocess.run([tool("pdffonts"), pdf], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    assert fonts, "no fonts listed"
    for line in fonts:
        assert line.split()[-5] == "yes", f"font not embedded: {line}"


def test_pdf_metadata_and_bookmarks(built: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(built / "briefing.pdf")
    assert reader.metadata is not None
    assert reader.metadata.title == "Pakistan-Russia Relations"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Key points" in titles and "Full text" in titles
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)


def test_docx_reads_back_in_pandoc_and_python_docx(built: Path) -> None:
    import docx

    document = docx.Document(str(built / "summary.docx"))
    styles = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Title", "Heading 1"} <= styles
    assert document.core_properties.author != "python-docx"
    assert document.core_properties.title == "Pakistan-Russia Relations"
    footer_xml = etree.tostring(document.sections[0].footer._element).decode()
    assert "PAGE" in footer_xml
    # Pandoc reads Word's Title style as the document title: standalone output shows it.
    markdown = subprocess.run([tool("pandoc"), "-s", "-f", "docx", "-t", "markdown",
                               str(built / "summary.docx")], check=True, capture_output=True,
                              text=True).stdout
    assert "title: Pakistan-Russia Relations" in markdown
    headings = [line for line in markdown.splitlines() if line.startswith("# ")]
    assert headings[:2] == ["# Key points", "# Summary"]


def test_slides_markdown_reads_in_pandoc(built: Path) -> None:
    text = (built / "slides.md").read_text(encoding="utf-8")
    assert text.startswith("---\nmarp: true")
    ast = json.loads(subprocess.run([tool("pandoc"), "-f", "markdown", "-t", "json",
                                     str(built / "slides.md")], check=True,
                                    capture_output=True, text=True).stdout)
    slides = [b for b in ast["blocks"] if b["t"] == "Header" and b["c"][0] == 1]
    assert 6 <= len(slides) <= 12
    assert text.count("<!--") >= len(slides)


def test_pptx_has_notes_on_every_slide(built: Path) -> None:
    from pptx import Presentation

    deck = Presentation(str(built / "slides.pptx"))
    assert 6 <= len(deck.slides) <= 14
    for slide in deck.slides:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()


def test_same_epoch_gives_identical_bytes(built: Path, tmp_path: Path) -> None:
    code, _, err = run(["build", SAMPLE_ARG, "-o", str(tmp_path), "--no-cache"])
    assert code == 0, err
    for name in ("briefing.pdf", "summary.docx", "slides.md", "slides.pptx"):
        assert (tmp_path / SAMPLE.stem / name).read_bytes() == (built / name).read_bytes(), name


def test_inspect_json_contract(golden: object) -> None:
    code, out, err = run(["inspect", SAMPLE_ARG, "--json"])
    assert code == 0, err
    data = json.loads(out)
    assert data["meta"]["volume"] == 21 and data["meta"]["issue"] == 7
    assert data["meta"]["date"] == "2017-07"
    assert len(data["paragraphs"]) == 10
    assert "build a heavy machinery industry" in data["paragraphs"][5]["text"]
    assert data["authors"] == [{"name": None, "bio": "The writer is Meritorious Professor of "
                                "International Relations at the University of Karachi."}]
    assert data["meta"]["rights"] == "©2017 SouthAsia.com.pk. All Rights Reserved"
    assert data["title_inferred"] is True
    speakers = [q["speaker"] for q in data["quotes"]]
    assert speakers == ["analysts on international affairs", "Dmitriy Frolovskiy",
                        "Dmitriy Frolovskiy"]
    assert len(data["questions"]) == 3
    golden("model/pakistan-russia-relations.json",  # type: ignore[operator]
           json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def test_golden_outputs(built: Path, golden: object) -> None:
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(built / "briefing.pdf").pages]
    pdf_text = "".join(f"--- page {i} ---\n{t.strip()}\n" for i, t in enumerate(pages, 1))
    golden("pdf/pakistan-russia-relations.txt", pdf_text)  # type: ignore[operator]
    with zipfile.ZipFile(built / "summary.docx") as archive:
        xml = etree.tostring(etree.fromstring(archive.read("word/document.xml")),
                             pretty_print=True, encoding="unicode")
    golden("docx/pakistan-russia-relations.document.xml", xml)  # type: ignore[operator]
    golden("slides/pakistan-russia-relations.md",  # type: ignore[operator]
           (built / "slides.md").read_text(encoding="utf-8"))


def test_unchanged_rebuild_uses_cache(built: Path) -> None:
    out = built.parent
    before = {p.name: p.stat().st_mtime_ns for p in built.iterdir()}
    code, stdout, err = run(["build", SAMPLE_ARG, "-o", str(out)])
    assert code == 0, err
    assert "1 unchanged" in stdout
    assert before == {p.name: p.stat().st_mtime_ns for p in built.iterdir()}


def test_version_and_help() -> None:
    assert run(["--version"])[0] == 0
    for command in (["--help"], ["build", "--help"], ["inspect", "--help"]):
        code, out, _ = run(command)
        assert code == 0 and "Usage" in out
