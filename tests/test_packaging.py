"""The wheel carries the templates, fonts and reference deck, so a plain `pip install .` works."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO


@pytest.mark.slow
def test_wheel_ships_templates_and_fonts(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                           str(tmp_path), str(REPO)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {done.stderr.strip()[-200:]}")
    wheel = next(tmp_path.glob("exporter-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (REPO / "templates").glob("*.j2"):
        assert f"exporter/templates/{template.name}" in names
    assert "exporter/fonts/DejaVuSerif.ttf" in names
    assert "exporter/fonts/LICENSE-DejaVu.txt" in names
    assert "exporter/fonts/office-metrics.json.gz" in names  # the DOCX page model's fonts
    assert "exporter/briefing.schema.json" in names  # `exporter schema`, published
    assert "exporter/writers/pptx/builtin.pptx" in names  # the deck's reference presentation
    assert not any(n.startswith(("tests/", "source/", "out/")) for n in names)
