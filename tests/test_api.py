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


def test_load_applies_the_sidecar(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text("Storm hits the coast\n\nThe storm made landfall on Monday, the weather "
                      "service said. Last year a similar storm flooded the port.\n",
                      encoding="utf-8")
    (tmp_path / "story.meta.yaml").write_text("date: 2021-06-09\ntitle: Storm hits the coast\n",
                                              encoding="utf-8")
    article = exporter.load(source)
    assert article.meta.date == "2021-06-09"
    events = exporter.to_data(exporter.analyse(article))["timeline"]
    assert [(e["date"], e["anchor"], e["date_text"]) for e in events] == [
        ("2020", "article-date", "Last year"), ("2021-06-07", "article-date", "Monday")]
