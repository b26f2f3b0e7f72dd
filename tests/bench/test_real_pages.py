"""`bench/quality.py --real-pages` runs end to end on the annotated real news pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.quality import main
from bench.real_pages import REAL_PAGES, judge, load_pages, plain


@pytest.mark.parametrize("path", [REAL_PAGES, REAL_PAGES.with_name("realpages2.yaml"),
                                  REAL_PAGES.with_name("realpages3.yaml")],
                         ids=["realpages", "realpages2", "realpages3"])
def test_annotations_are_well_formed(path: Path) -> None:
    pages = load_pages(path)
    assert len(pages) >= 12
    for page in pages:
        for quote in page["quotes"]:
            start, speaker, kind = quote
            assert start and kind in {"explicit", "resolved", "none"}
            assert (speaker is None) == (kind == "none"), quote


def test_judge_takes_any_of_several_names() -> None:
    assert judge(["Customs and Border Protection", "CBP"], "CBP") == "right"
    assert judge("Tim Morrison", "Scott Morrison") == "wrong"
    assert judge(None, "officer") == "wrong"
    assert judge("Tim Morrison", None) == "none"
    assert plain("“It’s  here,’’") == "It's here,"


def test_real_pages_option_runs(shared_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not (shared_dir / "corpus" / "article-extraction-benchmark" / "html").is_dir():
        pytest.skip("the article-extraction corpus is not in ../shared")
    assert main(["--real-pages"]) == 0
    out = capsys.readouterr().out
    assert "real pages: " in out and "speaker right/wrong/none" in out
