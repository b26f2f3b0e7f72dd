"""Orchestration: output names stay inside the output folder, writes are atomic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporter import build, cache


@pytest.mark.parametrize("stem, expected", [
    ("-rf", "rf"),
    ("..", "article"),
    ("São Paulo notes", "São Paulo notes"),
    ("a/b\\c:d", "a_b_c_d"),
    ("", "article"),
])
def test_safe_dir_name(stem: str, expected: str) -> None:
    assert build.safe_dir_name(stem) == expected


def test_long_names_fit_255_bytes() -> None:
    name = build.safe_dir_name("é" * 3000)
    assert len(name.encode()) <= 255
    assert name


@given(st.text(min_size=0, max_size=400))
def test_any_stem_stays_inside(stem: str) -> None:
    name = build.safe_dir_name(stem)
    base = Path("/tmp/exporter-out")
    assert (base / name).resolve().parent == base.resolve()
    assert not name.startswith(("-", "."))
    assert len(name.encode()) <= 255


def test_collisions_get_deterministic_suffixes() -> None:
    sources = [(Path("a/x.txt"), "a/x.txt"), (Path("b/x.md"), "b/x.md"),
               (Path("c/X.txt"), "c/X.txt")]
    assert build.assign_dir_names(sources) == ["x", "x-2", "X-3"]


def test_atomic_write_keeps_old_file_on_failure(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"old")

    def boom(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        build.atomic_write(target, b"new content")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.pdf"]


def test_collect_sources_skips_sidecars_and_hidden(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.meta.yaml").write_text("title: x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "inner.html").write_text("x")
    (tmp_path / "image.png").write_bytes(b"x")
    found = [display for _, display in build.collect_sources([str(tmp_path)])]
    assert found == [str(tmp_path / "a.txt")]


def test_cache_key_follows_the_code_not_only_the_version(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    config = build.BuildConfig(out_dir=tmp_path)
    before = build.cache_key(b"an article", config)
    assert build.cache_key(b"an article", config) == before
    monkeypatch.setattr(cache, "code_hash", lambda: "other code")
    assert build.cache_key(b"an article", config) != before
