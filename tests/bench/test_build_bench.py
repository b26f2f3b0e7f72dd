"""bench/build.py: `--repeat` keeps the least of each figure, `--bytecode` leaves a checkout as
it found it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from bench import build
from bench.tree import Measured


def test_the_least_wall_and_the_least_cpu_of_several_runs_are_kept() -> None:
    runs = [Measured(wall=2.0, cpu=1.5, peak_kib=10, whole_tree=True),
            Measured(wall=1.5, cpu=1.6, peak_kib=30, whole_tree=True),
            Measured(wall=3.0, cpu=1.2, peak_kib=20, whole_tree=True)]
    least = build.least(runs)
    assert (least.wall, least.cpu, least.peak_kib) == (1.5, 1.2, 30)


def test_bytecode_compiled_for_timing_is_removed_afterwards(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "exporter"
    (package / "sub").mkdir(parents=True)
    sources = [package / "__init__.py", package / "sub" / "__init__.py", package / "kept.py"]
    for source in sources:
        source.write_text("VALUE = 1\n", encoding="utf-8")
    cached = [Path(importlib.util.cache_from_source(str(source))) for source in sources]
    # A module compiled before the run keeps its bytecode (brought up to date) and its folder.
    cached[2].parent.mkdir()
    cached[2].write_bytes(b"made earlier")
    monkeypatch.setattr(build, "REPO", tmp_path)
    with build.compiled(True):
        assert all(path.exists() for path in cached)
    assert not cached[0].exists() and not cached[1].exists()
    assert not cached[1].parent.exists()
    assert cached[2].exists()


def test_without_bytecode_nothing_is_compiled(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "exporter").mkdir()
    (tmp_path / "exporter" / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(build, "REPO", tmp_path)
    with build.compiled(False):
        pass
    assert not (tmp_path / "exporter" / "__pycache__").exists()
