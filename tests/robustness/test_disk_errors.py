"""A disk that refuses a write (full TMPDIR, `ulimit -f`) is a one-line `cannot write` error,
never "internal error (a bug)", in a build and in a pack."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

BODY = "A paragraph of the article, ordinary prose long enough to be a body paragraph.\n\n"


def small_file_limit() -> None:
    """Run the child as under `ulimit -f 8` (8 KiB): outputs and temporary files fail."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


@pytest.mark.parametrize("command", [["build", "--format", "pdf"], ["pack", "--title", "T"]])
def test_a_file_size_limit_is_a_one_line_error(tmp_path: Path, command: list[str]) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "story.txt").write_text("Story\n\n" + BODY * 200, encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1500000000", "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "exporter.cli", command[0], str(src), "-o",
                           str(tmp_path / "out"), "--jobs", "1", *command[1:]],
                          env=env, capture_output=True, text=True, timeout=180,
                          preexec_fn=small_file_limit)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    assert "cannot write" in done.stderr and "ulimit -f" in done.stderr, done.stderr
    leftovers = [p for p in (tmp_path / "out").rglob("*") if p.name.endswith(".tmp")] \
        if (tmp_path / "out").exists() else []
    assert leftovers == []


def test_a_full_temporary_folder_while_a_pack_renders_is_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from exporter import templating
    from exporter.build import BuildConfig, collect_sources
    from exporter.packing import build_pack

    from ._support import OPTIONS

    def full(*args: object, **kwargs: object) -> object:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(templating, "render_spooled", full)
    src = tmp_path / "story.txt"
    src.write_text("Story\n\n" + BODY, encoding="utf-8")
    config = BuildConfig(out_dir=tmp_path / "out", options=OPTIONS)  # in this process
    result = build_pack(collect_sources([str(src)]), config, "T", formats=("pack.pdf",))
    assert result.error == "cannot write: a temporary or output file: No space left on device " \
                           "(the output folder or TMPDIR)"
