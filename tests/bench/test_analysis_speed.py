"""bench/analysis_speed.py: `--repeat` keeps each stage's least time over cold runs."""

from __future__ import annotations

import pytest

from bench import analysis_speed
from exporter.model import Article, Meta, Paragraph, Source


def _article() -> Article:
    text = "Maria Lopez said on Monday that the plan was “ready to go,” and Smith agreed."
    return Article(title="t", title_inferred=False, meta=Meta(), authors=(),
                   paragraphs=(Paragraph(n=1, text=text),), headings=(),
                   source=Source(path="t.txt", format="text"))


def test_least_times_keeps_every_stage_and_the_least(monkeypatch: pytest.MonkeyPatch) -> None:
    runs = iter([{"a": 3.0, "b": 1.0}, {"a": 2.0, "b": 4.0}, {"a": 5.0, "b": 0.5}])
    monkeypatch.setattr(analysis_speed, "time_article", lambda article: next(runs))
    assert analysis_speed.least_times(_article(), 3) == {"a": 2.0, "b": 0.5}


def test_least_times_of_a_real_analysis_names_every_stage() -> None:
    times = analysis_speed.least_times(_article(), 2)
    assert set(times) == {name for name, _ in analysis_speed.stages()}
    assert all(t >= 0 for t in times.values())
