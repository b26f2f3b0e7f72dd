"""The public API: load, analyse, export."""

from __future__ import annotations

from pathlib import Path

import exporter

from .conftest import SAMPLE


def test_load_analyse_and_export(tmp_path: Path) -> None:
    article = exporter.load(str(SAMPLE))
    briefing = exporter.analyse(article)
    assert exporter.to_data(briefing)["title"] == article.title
    [result] = exporter.export([str(SAMPLE)], str(tmp_path), paper="letter")
    assert result.ok
    assert sorted(result.outputs) == ["briefing.pdf", "slides.md", "slides.pptx", "summary.docx"]
    assert (tmp_path / SAMPLE.stem / "briefing.pdf").read_bytes().startswith(b"%PDF-")
