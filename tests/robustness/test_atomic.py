"""Never lose work: a failure or a kill mid-build leaves old outputs intact and no temp files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exporter import build as build_module
from exporter import writers
from exporter.build import BuildConfig, build, collect_sources
from exporter.errors import RenderError

from ._support import OPTIONS

BODY = "A paragraph of the article, ordinary prose long enough to be a body paragraph.\n\n"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def temp_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".tmp")]


def run(src: Path, out: Path) -> list[build_module.ArticleResult]:
    config = BuildConfig(out_dir=out, options=OPTIONS, use_cache=True)
    return build(collect_sources([str(src)]), config)


@pytest.fixture
def failing_docx(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the second writer (after the PDF has rendered) fail."""
    def write(*args: object, **kwargs: object) -> bytes:
        raise RenderError("docx", "injected failure")
    # The build renders the Word summary through `draft` (to measure it against its page
    # budget before zipping), other callers through `write`: both fail.
    monkeypatch.setattr(writers.get("docx"), "write", write)
    monkeypatch.setattr(writers.get("docx"), "draft", write)


def test_writer_failure_keeps_previous_outputs(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    src, out = tmp_path / "story.txt", tmp_path / "out"
    src.write_text("Story\n\n" + BODY * 3, encoding="utf-8")
    [first] = run(src, out)
    assert first.ok, first.error
    before = snapshot(out / "story")
    assert "briefing.pdf" in before and "summary.docx" in before
    src.write_text("Story changed\n\n" + BODY * 5, encoding="utf-8")

    def write(*args: object, **kwargs: object) -> bytes:
        raise RenderError("docx", "injected failure")
    monkeypatch.setattr(writers.get("docx"), "write", write)
    monkeypatch.setattr(writers.get("docx"), "draft", write)
    [second] = run(src, out)
    assert not second.ok and "injected failure" in (second.error or "")
    assert snapshot(out / "story") == before, "a failed build replaced an output"
    assert temp_files(tmp_path) == []


@pytest.mark.usefixtures("failing_docx")
def test_writer_failure_on_a_new_article_writes_nothing(tmp_path: Path) -> None:
    src, out = tmp_path / "fresh.txt", tmp_path / "out"
    src.write_text("Fresh\n\n" + BODY, encoding="utf-8")
    [result] = run(src, out)
    assert not result.ok
    assert not (out / "fresh").exists()
    assert temp_files(tmp_path) == []


def test_rename_failure_leaves_whole_files_only(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    src, out = tmp_path / "story.txt", tmp_path / "out"
    src.write_text("Story\n\n" + BODY * 3, encoding="utf-8")
    [first] = run(src, out)
    assert first.ok
    before = snapshot(out / "story")
    src.write_text("Story changed\n\n" + BODY * 5, encoding="utf-8")
    real_replace, calls = os.replace, []

    def replace(a: str, b: str) -> None:
        calls.append(b)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(a, b)
    monkeypatch.setattr(build_module.os, "replace", replace)
    [second] = run(src, out)
    assert not second.ok
    after = snapshot(out / "story")
    # Each file is either the old one or a complete new one; the cache record was not updated.
    assert set(after) == set(before)
    assert after[".exporter-cache.json"] == before[".exporter-cache.json"]
    for name, blob in after.items():
        assert blob == before[name] or blob.startswith((b"%PDF-", b"PK", b"---")), name
    assert temp_files(tmp_path) == []


def test_write_error_is_a_one_line_error(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "story.txt"
    src.write_text("Story\n\n" + BODY, encoding="utf-8")

    def replace(a: str, b: str) -> None:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(build_module.os, "replace", replace)
    [result] = run(src, tmp_path / "out")
    assert result.bug is None and "No space left" in (result.error or "")


@pytest.mark.slow
def test_sigkill_mid_build_leaves_no_temp_or_truncated_file(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    paragraph = "Words of a long article that keeps going for a while, page after page. " * 6
    for i in range(12):
        (src / f"part{i:02}.txt").write_text(f"Part {i}\n\n" + (paragraph + "\n\n") * 300,
                                             encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1500000000"}
    command = [sys.executable, "-m", "exporter.cli", "build", str(src), "-o", str(out),
               "--jobs", "1", "--format", "pdf", "--format", "docx"]
    for delay in (3.0, 6.0, 12.0):  # the first seconds start the worker processes
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert temp_files(out) == [], f"temporary files left after a kill at {delay} s"
        for pdf in out.rglob("briefing.pdf"):
            assert pdf.read_bytes().rstrip().endswith(b"%%EOF"), f"truncated {pdf}"
        for docx in out.rglob("summary.docx"):
            import zipfile

            assert zipfile.is_zipfile(docx), f"truncated {docx}"
    assert any(out.rglob("briefing.pdf")), "the build never got far enough to write"
