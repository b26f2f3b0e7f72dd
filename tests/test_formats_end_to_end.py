"""One article of each input format in one folder: `exporter build` exports every one."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main

TITLE = "Grain Corridor Talks Resume"
PARAGRAPHS = [
    "Negotiators from both countries met in Istanbul on Tuesday to reopen the grain corridor "
    "that carried 33 million tonnes of wheat and maize last year.",
    "“We are ready to sign if the inspections stay fair,” said Olena Marchenko, the deputy "
    "trade minister, after four hours of talks.",
    "Shipping insurers warned that premiums would stay high until the corridor was secured by "
    "a written agreement rather than verbal assurances.",
]


def write_inputs(folder: Path) -> None:
    body = "\n\n".join(PARAGRAPHS)
    (folder / "talks.txt").write_text(f"{TITLE}\n\nBy Ana Petrova\n\n{body}\n", encoding="utf-8")
    (folder / "talks-notes.md").write_text(
        f"---\ntitle: {TITLE}\nauthor: Ana Petrova\ndate: 2023-07-18\n---\n\n{body}\n",
        encoding="utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    (folder / "talks-page.html").write_text(
        f"<!doctype html><html><head><title>{TITLE} | Example News</title>"
        f'<meta name="author" content="Ana Petrova"></head><body><article><h1>{TITLE}</h1>'
        f"{paragraphs}</article></body></html>", encoding="utf-8")
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    document.save(str(folder / "talks-word.docx"))
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [Paragraph(TITLE, styles["Title"]),
         *(Paragraph(p.replace("“", '"').replace("”", '"'), styles["BodyText"])
           for p in PARAGRAPHS)])
    (folder / "talks-print.pdf").write_bytes(buffer.getvalue())


@pytest.mark.slow
def test_every_format_exports(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    write_inputs(src)
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "--jobs", "2"],
                                env={"SOURCE_DATE_EPOCH": "1500000000"})
    assert result.exit_code == 0, result.stderr
    folders = sorted(p.name for p in out.iterdir())
    assert folders == ["talks", "talks-notes", "talks-page", "talks-print", "talks-word"]
    for folder in folders:
        for name in ("briefing.pdf", "summary.docx", "slides.md", "slides.pptx"):
            assert (out / folder / name).stat().st_size > 0, f"{folder}/{name}"
    for folder in folders:
        inspect = CliRunner().invoke(main, ["inspect", "--json",
                                            str(next(src.glob(f"{folder}.*")))])
        assert inspect.exit_code == 0, inspect.stderr
        assert "Olena Marchenko" in inspect.stdout
        assert "grain corridor" in inspect.stdout
