"""The bad-input corpus: every case gets its expected outcome in one batch run.

tests/bad_inputs/expected.json says, per file, whether it exports ("ok") and what the one-line
error says, or which strings must come through intact into the briefing PDF.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main

from .conftest import REPO

CORPUS = REPO / "tests" / "bad_inputs"
EXPECTED: dict[str, dict[str, object]] = json.loads(
    (CORPUS / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, list[str], Path]:
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", str(CORPUS), "-o", str(out), "--jobs", "2",
                                       "--format", "pdf", "--format", "docx"],
                                env={"SOURCE_DATE_EPOCH": "1500000000"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr.splitlines(), out


def test_batch_fails_but_exports_the_good_files(batch: tuple[int, list[str], Path]) -> None:
    code, lines, out = batch
    assert code == 1
    assert not any("Traceback" in line for line in lines), "\n".join(lines)
    made = {p.name for p in out.iterdir()}
    for name, case in EXPECTED.items():
        stem = Path(name).stem
        if case["ok"]:
            assert (out / stem / "briefing.pdf").is_file(), name
        else:
            assert stem not in made, f"{name} failed but left {stem}/ behind"


@pytest.mark.parametrize("name", [n for n, c in EXPECTED.items() if not c["ok"]])
def test_bad_file_gets_one_line(batch: tuple[int, list[str], Path], name: str) -> None:
    _, lines, _ = batch
    mine = [line for line in lines if f"{name}:" in line and "warning" not in line
            and not line.startswith(("0 of", "1 of")) and " of " not in line[:12]]
    assert len(mine) == 1, lines
    assert mine[0].startswith("exporter: ")
    assert str(EXPECTED[name]["message"]) in mine[0]


@pytest.mark.parametrize("name", [n for n, c in EXPECTED.items() if c["ok"]])
def test_good_file_text_survives(batch: tuple[int, list[str], Path], name: str) -> None:
    _, lines, out = batch
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run([pdftotext, str(out / Path(name).stem / "briefing.pdf"), "-"],
                          check=True, capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    for needle in EXPECTED[name].get("contains", []):  # type: ignore[attr-defined]
        assert needle in flat, f"{needle!r} missing from the PDF of {name}"
    warning = EXPECTED[name].get("warning")
    if warning:
        assert any(name in line and str(warning) in line for line in lines), lines
