"""Scripts: Cyrillic and Greek are drawn; what the fonts cannot draw is named on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main

from ._support import pdf_text

FILLER = "This paragraph is ordinary English prose that frames the sample text below."


def build_one(tmp_path: Path, text: str) -> tuple[int, str, Path]:
    src = tmp_path / "script.txt"
    src.write_text(f"Script sample\n\n{FILLER}\n\n{text}\n\n{FILLER}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "--jobs", "1",
                                       "--format", "pdf", "--no-cache"],
                                env={"SOURCE_DATE_EPOCH": "1500000000"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr, out / "script" / "briefing.pdf"


@pytest.mark.parametrize("text", [
    "Россия и Пакистан подписали соглашение о сотрудничестве.",
    "Η Ελλάδα και η Κύπρος υπέγραψαν συμφωνία συνεργασίας.",
])
def test_cyrillic_and_greek_render_without_warning(tmp_path: Path, text: str) -> None:
    code, err, pdf = build_one(tmp_path, text)
    assert code == 0, err
    assert "glyph" not in err
    assert text in " ".join(pdf_text(pdf.read_bytes()).split())


@pytest.mark.parametrize("text, sample", [
    ("中国和巴基斯坦签署了合作协议。", "中"),
    ("وقعت باكستان وروسيا اتفاقية تعاون.", "و"),
    ("ישראל וקפריסין חתמו על הסכם.", "ח"),
    ("भारत और रूस ने समझौते पर हस्ताक्षर किए।", "भ"),
    ("The delegates celebrated 🎉 the agreement 🤝.", "🎉"),
])
def test_uncovered_scripts_are_named_on_stderr(tmp_path: Path, text: str, sample: str) -> None:
    code, err, pdf = build_one(tmp_path, text)
    assert code == 0, err
    warnings = [line for line in err.splitlines() if "warning" in line and "glyph" in line]
    assert len(warnings) == 1, err
    assert warnings[0].startswith("exporter: ") and "script.txt" in warnings[0]
    assert sample in warnings[0] and f"U+{ord(sample):04X}" in warnings[0]
    assert pdf.is_file()
