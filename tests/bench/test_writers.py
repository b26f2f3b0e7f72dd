"""bench/writers.py reports each output's CPU per article, and how many times the Word writer
rendered and counted the pages of the sample's summary (its two-page budget needs shorter
lists once)."""

from __future__ import annotations

from bench.writers import ARTICLES, measure
from exporter.writers.docx import DocxWriter


def test_it_reports_each_format_and_the_word_summarys_renderings() -> None:
    sample = [path for path in ARTICLES if path.stem == "pakistan-russia-relations"]
    report = measure(["md", "docx"], rounds=1, articles=sample)
    assert report["articles"] == 1
    assert isinstance(report["md_cpu_ms_per_article"], float)
    assert isinstance(report["docx_cpu_ms_per_article"], float)
    assert report["docx_sample_renderings"] == 2
    assert report["docx_sample_page_counts"] == 2
    assert DocxWriter.write.__name__ == "write"  # the counting wrappers are gone
