"""Scale: book-length files, one enormous paragraph, a 20,000-character token.

Timings here are ceilings generous enough for a slow CI machine, not benchmarks (bench/ has
those); what they guard against is a layout or analysis step going quadratic.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exporter.build import BuildConfig, build, collect_sources
from exporter.readers import ReadLimits

from ._support import OPTIONS, pdf_text

_VOCAB_TEXT = (
    "the of and to in a is that for on was with as by at from his her an were which this "
    "be or have had not are but it its they one all their there been has when who more "
    "would if no out so what up said about into than them can only other new some could "
    "time these two may then do first any my now such like our over man even most made "
    "after also did many before must through back years where much way well down should "
    "because each just those people how too little state good very make world still own "
    "see men work long get here between both life being under never day same another know "
    "while last might great old year off come since against go came right used take"
)
VOCAB = _VOCAB_TEXT.split(" ")


def words(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(VOCAB) for _ in range(n)]


def book(paragraphs: int) -> str:
    rng = random.Random(1)
    body = []
    for i in range(paragraphs):
        ws = words(rng.randint(30, 90), i)
        body.append(" ".join([ws[0].capitalize(), *ws[1:]]) + ".")
    return "A Very Long Book\n\n" + "\n\n".join(body) + "\n"


def export(tmp_path: Path, name: str, text: str, formats: tuple[str, ...] | None = None,
           limits: ReadLimits | None = None) -> tuple[float, object]:
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    config = BuildConfig(out_dir=tmp_path / "out", options=OPTIONS, use_cache=False,
                         limits=limits or ReadLimits(),
                         **({"formats": formats} if formats else {}))
    start = time.perf_counter()
    [result] = build(collect_sources([str(src)]), config)
    return time.perf_counter() - start, result


@pytest.mark.slow
def test_book_length_file_exports_every_format(tmp_path: Path) -> None:
    elapsed, result = export(tmp_path, "book.txt", book(8000))
    assert result.ok, result.error or result.bug  # type: ignore[attr-defined]
    print(f"8,000 paragraphs: {elapsed:.1f} s")
    assert elapsed < 110
    folder = tmp_path / "out" / "book"
    assert {p.name for p in folder.iterdir()} >= {"briefing.pdf", "summary.docx", "slides.md",
                                                   "slides.pptx"}
    assert (folder / "briefing.pdf").stat().st_size > 500_000


def test_one_huge_paragraph_exports_in_bounded_time(tmp_path: Path) -> None:
    text = "Huge Paragraph\n\n" + " ".join(words(120_000, 7)) + ".\n"
    elapsed, result = export(tmp_path, "huge.txt", text, formats=("pdf",))
    # Measured: it exports (the PDF writer splits long paragraphs for layout), in seconds.
    assert result.ok, result.error or result.bug  # type: ignore[attr-defined]
    print(f"120,000-word paragraph: {elapsed:.1f} s")
    assert elapsed < 60
    from pypdf import PdfReader

    assert len(PdfReader(tmp_path / "out" / "huge" / "briefing.pdf").pages) > 50


def test_word_limit_stops_early_with_a_clear_error(tmp_path: Path) -> None:
    text = "Huge Paragraph\n\n" + " ".join(words(120_000, 7)) + ".\n"
    elapsed, result = export(tmp_path, "huge.txt", text, limits=ReadLimits(max_words=100_000))
    assert not result.ok  # type: ignore[attr-defined]
    assert "--max-words" in result.error and "100,000" in result.error  # type: ignore
    assert elapsed < 10
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_long_token_wraps_and_survives(tmp_path: Path) -> None:
    rng = random.Random(3)
    token = "https://example.com/" + "".join(rng.choice("abcdefghij0123456789")
                                             for _ in range(20_000))
    text = f"Long Token\n\nSome words before the token. {token} and after it.\n\nMore text.\n"
    elapsed, result = export(tmp_path, "token.txt", text)
    assert result.ok, result.error or result.bug  # type: ignore[attr-defined]
    print(f"20,000-character token: {elapsed:.1f} s")
    pdf = (tmp_path / "out" / "token" / "briefing.pdf").read_bytes()
    # pdftotext keeps only what lies on the page, so the whole token back means nothing ran off.
    # The token spans pages: drop the running header and footer that interrupt it.
    flat = re.sub(r"Page\d+of\d+|LongToken", "", "".join(pdf_text(pdf).split()))
    assert token in flat


def test_long_token_analysis_is_linear() -> None:
    code = ("import time; from exporter.readers import read_data; "
            "from exporter.analysis import analyse; "
            "a = read_data(b'Title\\n\\nWords before. ' + b'x' * 40000 + b' after.\\n', 'x.txt');"
            "analyse(a)")
    try:
        subprocess.run([sys.executable, "-c", code], check=True, timeout=5)
    except subprocess.TimeoutExpired:
        pytest.fail("analysing a 40,000-character token took more than 5 s")
