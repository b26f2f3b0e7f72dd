"""The one-article Word summary stays within two pages: long lists are cut with "… and N more".

tests/long/live-blog.txt is a made-up live blog (140 short dated updates, 35 quotations, 35
questions, 43 actors): the shape of article that ran the summary to 11 pages.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from exporter.build import BuildConfig, build, collect_sources
from exporter.options import RenderOptions

from .conftest import REPO

LIVE_BLOG = REPO / "tests" / "long" / "live-blog.txt"


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("summary")
    config = BuildConfig(out_dir=out, formats=("docx",), use_cache=False,
                         options=RenderOptions(timestamp=1_700_000_000))
    (result,) = build(collect_sources([str(LIVE_BLOG)]), config)
    assert result.ok, result.error or result.bug
    return out / "live-blog" / "summary.docx"


def test_long_lists_are_cut_with_a_count(summary: Path) -> None:
    paragraphs = [p.text for p in docx.Document(str(summary)).paragraphs]
    assert sum(p.style.name == "Quote" for p in docx.Document(str(summary)).paragraphs) == 3
    assert "… and 32 more quotations (the briefing PDF lists them all)." in paragraphs
    assert "… and 32 more questions (the briefing PDF lists them all)." in paragraphs
    assert any(p.startswith("… and ") and p.endswith("more dated events (the briefing PDF "
                                                     "lists them all).") for p in paragraphs)
    assert any(p.startswith("… and ") and "more actors" in p for p in paragraphs)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_lays_the_summary_out_on_two_pages(summary: Path, tmp_path: Path) -> None:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(summary)], check=True, capture_output=True, timeout=180)
    from pypdf import PdfReader

    assert len(PdfReader(tmp_path / "summary.pdf").pages) <= 2
