"""Only our own temporary files: a run removes what a killed run of ours left, nothing else, and
two runs into one folder take turns instead of deleting each other's files."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from exporter import fs
from exporter.build import BuildConfig, build, collect_sources
from exporter.packing import build_pack

from ._support import OPTIONS

BODY = "A paragraph of the article, ordinary prose long enough to be a body paragraph.\n\n"


def dead_pid() -> int:
    """Return the id of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def sources(tmp_path: Path, count: int = 2) -> list[tuple[Path, str]]:
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    for i in range(count):
        (src / f"story{i}.txt").write_text(f"Story {i}\n\n" + BODY * 2, encoding="utf-8")
    return collect_sources([str(src)])


def test_pack_keeps_a_users_tmp_files_and_folders(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / ".x.tmp").mkdir(parents=True)
    (out / ".thesis.docx.tmp").write_bytes(b"a user's work")
    (out / ".thesis.docx.exporter-1-abc.tmp").mkdir()  # our name, but a folder: not ours
    mine = out / f".pack.pdf.exporter-{dead_pid()}-k2j4.tmp"
    mine.write_bytes(b"left by a killed run")
    config = BuildConfig(out_dir=out, options=OPTIONS, use_cache=False)
    result = build_pack(sources(tmp_path), config, "Pack", formats=("pack-slides.md",))
    assert result.error is None, result.error
    assert (out / ".thesis.docx.tmp").read_bytes() == b"a user's work"
    assert (out / ".x.tmp").is_dir()
    assert (out / ".thesis.docx.exporter-1-abc.tmp").is_dir()
    assert not mine.exists()
    assert (out / "pack-slides.md").is_file()


def test_a_live_runs_temporaries_are_kept(tmp_path: Path) -> None:
    live = tmp_path / f".briefing.pdf.exporter-{os.getppid()}-a1.tmp"
    dead = tmp_path / f".briefing.pdf.exporter-{dead_pid()}-b2.tmp"
    for path in (live, dead):
        path.write_bytes(b"x")
    fs.remove_stale_temporaries(tmp_path)
    assert live.exists() and not dead.exists()
    # A day old, a live id is taken as reused: stale too.
    os.utime(live, (0, 0))
    fs.remove_stale_temporaries(tmp_path)
    assert not live.exists()


def test_atomic_write_names_its_temporary_after_us(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = os.replace

    def replace(a: str, b: str) -> None:
        seen.append(Path(a).name)
        real(a, b)
    monkeypatch.setattr(fs.os, "replace", replace)
    fs.atomic_write(tmp_path / "slides.md", b"x")
    assert seen and seen[0].startswith(f".slides.md.exporter-{os.getpid()}-")


def test_stale_pack_stores_of_ours_are_removed(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale = tmp_path / f"exporter-pack-{dead_pid()}-zz9"
    live = tmp_path / f"exporter-pack-{os.getppid()}-zz8"
    other = tmp_path / "exporter-pack-notours"
    old_style, old_fresh = tmp_path / "exporter-pack-ab12cd_3", tmp_path / "exporter-pack-x1y2z3w4"
    for folder in (stale, live, other, old_style, old_fresh):
        (folder / "sub").mkdir(parents=True)
    os.utime(old_style, (0, 0))  # named before names carried the process id: a day old
    with fs.pack_store() as store:
        assert Path(store).parent == tmp_path
        assert Path(store).name.startswith(f"exporter-pack-{os.getpid()}-")
    assert not stale.exists() and live.exists() and other.exists()
    assert not old_style.exists() and old_fresh.exists()
    assert not Path(store).exists()


def test_a_second_run_into_a_locked_folder_fails_with_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    config = BuildConfig(out_dir=out, formats=("md",), options=OPTIONS, lock_wait=0.3)
    with fs.folder_lock(out), pytest.raises(fs.FolderBusyError) as caught:
        build(sources(tmp_path), config)
    assert caught.value.one_line() == f"{out}: cannot write: another exporter run is writing " \
                                      "to this folder (waited 0.3 s)"
    with fs.folder_lock(out):
        pack = build_pack(sources(tmp_path), config, "P", formats=("pack-slides.md",))
    assert pack.error is not None and "another exporter run" in pack.error
    assert [r.ok for r in build(sources(tmp_path), config)] == [True, True]


def test_two_runs_into_one_folder_at_once_both_succeed(tmp_path: Path) -> None:
    src = tmp_path / "src"
    sources(tmp_path, count=4)
    out = tmp_path / "out"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1500000000"}
    command = [sys.executable, "-m", "exporter.cli", "build", str(src), "-o", str(out),
               "--format", "md", "--format", "docx", "--no-cache", "--jobs", "1"]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    for run in runs:
        _, stderr = run.communicate(timeout=240)
        assert run.returncode == 0, stderr
    assert sorted(p.name for p in out.iterdir()) == [f"story{i}" for i in range(4)]
    assert [p for p in out.rglob("*") if p.name.endswith(".tmp")] == []
