"""Packs: the sample and the test articles into pack.pdf, pack.docx, the deck and handouts."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from exporter.cli import main

from .conftest import REPO, SAMPLE

ARTICLES = sorted((REPO / "tests" / "articles").glob("*.txt"))[:3]


def pack(out: Path, *extra: str) -> tuple[int, str]:
    sources = [str(SAMPLE), *(str(p) for p in ARTICLES)]
    result = CliRunner().invoke(main, ["pack", *sources, "--title", "Regional Security Pack",
                                       "-o", str(out), "--jobs", "2", *extra],
                                env={"SOURCE_DATE_EPOCH": "1500000000"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr + result.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if len(ARTICLES) < 3:
        pytest.skip("needs three test articles in tests/articles")
    out = tmp_path_factory.mktemp("pack")
    code, log = pack(out, "--classification", "OFFICIAL-SENSITIVE")
    assert code == 0, log
    return out


def page_texts(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]


def test_all_outputs_written(built: Path) -> None:
    for name in ("pack.pdf", "pack.docx", "pack-slides.pptx", "pack-slides.md",
                 "handouts.pdf"):
        assert (built / name).stat().st_size > 0, name


def test_toc_entries_point_at_their_articles(built: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(built / "pack.pdf")
    texts = page_texts(built / "pack.pdf")
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    contents = next(i for i, t in enumerate(texts) if "Contents" in t[:200])
    toc = texts[contents] + texts[contents + 1]  # may run onto a second page
    article_titles = [t for t in titles
                      if t not in ("Contents", "Overview", "Index of actors")]
    assert len(article_titles) == 4
    for title in article_titles:
        match = re.search(re.escape(title[:30]) + r".*?(\d+)", toc)
        assert match, f"{title!r} not in the contents page"
        page = int(match.group(1))
        assert title[:30] in texts[page - 1], f"page {page} does not show {title!r}"


def test_bookmarks_nest_pack_article_section(built: Path) -> None:
    from pypdf import PdfReader

    outline = PdfReader(built / "pack.pdf").outline
    nested = [item for item in outline if isinstance(item, list)]
    assert len(nested) >= 4
    assert any(getattr(child, "title", "") == "Key points" for child in nested[0])


def test_actor_index_and_page_numbers(built: Path) -> None:
    texts = page_texts(built / "pack.pdf")
    index = [t for t in texts if "Index of actors" in t]
    assert index and "Russia" in " ".join(index)
    total = len(texts)
    assert all(f"of {total}" in t for t in texts), "every page shows Page N of M"
    assert all("OFFICIAL-SENSITIVE" in t for t in texts), "marking on every page"


def test_deck_notes_and_handouts(built: Path) -> None:
    from pptx import Presentation
    from pypdf import PdfReader

    deck = Presentation(str(built / "pack-slides.pptx"))
    for slide in deck.slides:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()
    handouts = PdfReader(built / "handouts.pdf")
    assert len(handouts.pages) == math.ceil(len(deck.slides) / 3)


def test_libreoffice_opens_docx_and_pptx(built: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (.ci/run installs it)")
    for name in ("pack.docx", "pack-slides.pptx"):
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                        "--convert-to", "pdf", "--outdir", str(tmp_path), str(built / name)],
                       check=True, capture_output=True, timeout=240)
        assert (tmp_path / (Path(name).stem + ".pdf")).stat().st_size > 1000


def test_letter_paper_and_cached_rebuild(tmp_path: Path) -> None:
    from pypdf import PdfReader

    code, log = pack(tmp_path, "--paper", "letter")
    assert code == 0, log
    box = PdfReader(tmp_path / "pack.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    code, log = pack(tmp_path, "--paper", "letter")
    assert code == 0 and "up to date" in log


def test_failed_article_is_listed_and_exit_is_nonzero(tmp_path: Path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(main, ["pack", str(SAMPLE), str(bad), "--title", "T", "-o",
                                       str(tmp_path / "out"), "--jobs", "1"],
                                env={"SOURCE_DATE_EPOCH": "1500000000"})
    assert result.exit_code == 1
    assert "broken.txt" in result.stderr
    cover = page_texts(tmp_path / "out" / "pack.pdf")[0]
    assert "broken.txt" in cover


def test_index_page_numbers_show_the_actor(built: Path) -> None:
    texts = page_texts(built / "pack.pdf")
    index = " ".join(t for t in texts if "Index of actors" in t or "Appears in (page)" in t)
    rows = re.findall(r"(?:\(page\)|;|\d)\s+([A-Z][\w.\- ]+?)\s+(?:Person|Organisation|Group|"
                      r"Country|Place)\s+.+?, p\. (\d+)", index)
    assert len(rows) >= 5, index[:500]
    for name, page in rows[:12]:
        # The number is the page the paragraph naming the actor starts on; a long
        # paragraph may carry the name over to the next page.
        surname, n = name.split()[-1], int(page)
        assert surname in texts[n - 1] + texts[n], f"{name} is not on page {page}"
