"""Output folders: odd file names and titles always land in a sanitised folder inside `-o`."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.build import BuildConfig, build, collect_sources

from ._support import OPTIONS

BODY = "An ordinary paragraph of text that is long enough to be an article body.\n"


def run_build(src: Path, out: Path, formats: tuple[str, ...] = ("md",)) -> list[str]:
    """Build every file in `src`; return the output folders created, relative to `out`."""
    config = BuildConfig(out_dir=out, formats=formats, options=OPTIONS, use_cache=False)
    results = build(collect_sources([str(src)]), config)
    assert all(r.ok for r in results), [r.error or r.bug for r in results]
    return [r.out_dir or "" for r in results]


def assert_inside(out: Path, folders: list[str]) -> None:
    root = out.resolve()
    for folder in folders:
        assert folder and not folder.startswith(("-", ".")), folder
        assert len(folder.encode()) <= 255, folder
        assert (out / folder).resolve().parent == root, folder
    assert len(set(folders)) == len(folders), folders
    # Nothing was written beside or above the output folder.
    assert sorted(p.name for p in out.iterdir()) == sorted(folders)


def test_odd_names_export_into_sanitised_folders(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    names = ["-rf.txt", "São Paulo notes.txt", "a b.txt", "..txt", "x.txt", "x.md", "X.txt",
             "x-2.txt", "-x.txt", "é" * 120 + ".txt", "tab\there.txt", "new\nline.txt",
             "quote\"and'apos.txt", "back\\slash.txt", "日本語.md"]
    for name in names:
        (src / name).write_text(f"{BODY}\n{BODY}", encoding="utf-8")
    (src / "long-title.txt").write_text("T" * 3000 + "\n\n" + BODY, encoding="utf-8")
    folders = run_build(src, out, formats=("md", "docx"))
    assert_inside(out, folders)
    made = set(folders)
    assert {"rf", "São Paulo notes", "a b"} <= made
    for folder in folders:
        assert (out / folder / "slides.md").is_file()
        assert (out / folder / "summary.docx").is_file()


def test_colliding_names_get_stable_suffixes(tmp_path: Path) -> None:
    src = tmp_path / "src"
    for sub in ("a", "b", "c"):
        (src / sub).mkdir(parents=True)
        (src / sub / "notes.txt").write_text(BODY, encoding="utf-8")
    first = run_build(src, tmp_path / "out1")
    second = run_build(src, tmp_path / "out2")
    assert first == second == ["notes", "notes-2", "notes-3"]


def test_a_symlinked_output_folder_is_not_followed_out(tmp_path: Path) -> None:
    src, out, elsewhere = tmp_path / "src", tmp_path / "out", tmp_path / "elsewhere"
    src.mkdir()
    out.mkdir()
    elsewhere.mkdir()
    (src / "story.txt").write_text(BODY, encoding="utf-8")
    os.symlink(elsewhere, out / "story")
    config = BuildConfig(out_dir=out, formats=("md",), options=OPTIONS, use_cache=False)
    [result] = build(collect_sources([str(src)]), config)
    assert not result.ok and result.error is not None
    assert "outside the output folder" in result.error
    assert list(elsewhere.iterdir()) == []


names = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
                min_size=1, max_size=60).filter(lambda n: n not in (".", ".."))


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(stems=st.lists(names, min_size=1, max_size=4))
def test_any_file_names_stay_inside(tmp_path_factory: object, stems: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        src, out = base / "src", base / "out"
        for i, stem in enumerate(stems):
            # Each in its own folder, so identical stems collide in the output instead.
            (src / str(i)).mkdir(parents=True)
            (src / str(i) / f"{stem}.txt").write_text(BODY, encoding="utf-8")
        assert_inside(out, run_build(src, out))


def test_unprintable_and_undecodable_names_are_escaped(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for stem in (b"ctl\x1f", b"esc\x1b[31mred", b"latin1-\xe9t\xe9", b"rtl\xe2\x80\xaeexe"):
        (src / os.fsdecode(stem + b".txt")).write_text(BODY, encoding="utf-8")
    config = BuildConfig(out_dir=out, formats=("md", "docx"), options=OPTIONS, use_cache=False)
    sources = collect_sources([str(src)])
    for _, display in sources:
        display.encode("utf-8")  # printable as UTF-8, no lone surrogates
        assert "\x1b" not in display and "\x1f" not in display and "\u202e" not in display
    results = build(sources, config)
    assert all(r.ok for r in results), [r.error or r.bug for r in results]
    assert_inside(out, [r.out_dir or "" for r in results])
    [latin] = [r.out_dir for r in results if "latin1" in r.source]
    assert latin == "latin1-_t"
    slides = (out / latin / "slides.md").read_text(encoding="utf-8")
    assert "latin1-\\xe9t\\xe9.txt" in slides
