"""Input folders are untrusted: links are not followed out of them, the tool never reads its own
outputs back as input, and templates come only from inside their folder."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from exporter import templating
from exporter.build import BuildConfig, build, collect_sources
from exporter.errors import LimitError, TemplateError
from exporter.readers import ReadLimits, read_bytes

from ._support import OPTIONS

BODY = "A paragraph of the article, ordinary prose long enough to be a body paragraph.\n\n"
SECRET = "CANARY-3b1f-outside-the-inputs"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the inputs holding a secret text file and a secret sidecar."""
    folder = tmp_path / "outside"
    (folder / "dir").mkdir(parents=True)
    (folder / "secret.txt").write_text(f"{SECRET}\n\n{BODY}", encoding="utf-8")
    (folder / "dir" / "inner.txt").write_text(f"{SECRET}\n\n{BODY}", encoding="utf-8")
    (folder / "secret.meta.yaml").write_text(f"title: {SECRET}\n", encoding="utf-8")
    return folder


def export(src: Path, out: Path) -> list[str]:
    config = BuildConfig(out_dir=out, formats=("md",), options=OPTIONS, use_cache=True)
    results = build(collect_sources([str(src)], out_dir=out), config)
    assert all(r.ok for r in results), [r.error or r.bug for r in results]
    return [r.source for r in results]


def all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_links_inside_a_scanned_folder_are_skipped_with_a_warning(tmp_path: Path,
                                                                  outside: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "story.txt").write_text("Story\n\n" + BODY, encoding="utf-8")
    (src / "passwd.txt").symlink_to(outside / "secret.txt")
    (src / "linked").symlink_to(outside / "dir", target_is_directory=True)
    warnings: list[tuple[str, str]] = []
    found = collect_sources([str(src)], warnings=warnings)
    assert [display for _, display in found] == [str(src / "story.txt")]
    skipped = sorted(name for name, _ in warnings)
    assert skipped == [str(src / "linked"), str(src / "passwd.txt")]
    assert all("symbolic link" in note for _, note in warnings)
    # Named on the command line, a link is the user's choice and is read.
    assert [d for _, d in collect_sources([str(src / "passwd.txt")])] == [
        str(src / "passwd.txt")]
    out = tmp_path / "out"
    export(src, out)
    assert SECRET.encode() not in all_bytes(out)


def test_a_linked_sidecar_is_not_followed(tmp_path: Path, outside: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "story.txt").write_text("Story\n\n" + BODY, encoding="utf-8")
    (src / "story.meta.yaml").symlink_to(outside / "secret.meta.yaml")
    out = tmp_path / "out"
    config = BuildConfig(out_dir=out, formats=("md",), options=OPTIONS)
    [result] = build(collect_sources([str(src)]), config)
    assert result.ok, result.error
    assert any("symbolic link" in w for w in result.warnings), result.warnings
    assert SECRET.encode() not in all_bytes(out)


def test_the_output_folder_and_earlier_outputs_are_never_inputs(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "story.txt").write_text("Story\n\n" + BODY, encoding="utf-8")
    for _ in range(3):  # `exporter build .` three times: 1 -> 1 -> 1 folders
        assert export(src, src / "out") == [str(src / "story.txt")]
    assert sorted(p.name for p in (src / "out").iterdir()) == ["story"]
    # Outputs of a run into another folder are not inputs either.
    assert export(src, src / "out2") == [str(src / "story.txt")]
    warnings: list[tuple[str, str]] = []
    assert collect_sources([str(src / "out" / "story")], warnings=warnings) == []
    assert "exporter outputs" in warnings[0][1]


def test_templates_that_lead_outside_their_folder_are_refused(tmp_path: Path,
                                                              outside: Path) -> None:
    folder = tmp_path / "templates"
    (folder / "sub").mkdir(parents=True)
    (folder / "key.txt").symlink_to(outside / "secret.txt")
    (folder / "sub" / "real.txt").write_text("inside", encoding="utf-8")
    (folder / "inner.txt").symlink_to(folder / "sub" / "real.txt")
    (folder / "leak.j2").write_text('{% include "key.txt" %}', encoding="utf-8")
    (folder / "fine.j2").write_text('{% include "inner.txt" %}', encoding="utf-8")
    env = templating.environment(str(folder))
    with pytest.raises(TemplateError, match="outside the templates folder"):
        env.get_template("leak.j2").render()
    assert env.get_template("fine.j2").render() == "inside"


def test_a_fifo_among_the_templates_is_refused_not_waited_for(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "t.j2").write_text('{% include "pipe.txt" %}', encoding="utf-8")
    with pytest.raises(TemplateError, match="cannot be read"):
        templating.environment(str(folder)).get_template("t.j2").render()


def test_dev_zero_as_a_source_reads_at_most_the_limit() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    start = time.monotonic()
    with pytest.raises(LimitError, match="--max-bytes"):
        read_bytes(Path("/dev/zero"), "/dev/zero", ReadLimits(max_bytes=1_000_000))
    assert time.monotonic() - start < 10


def test_a_long_source_name_exports(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    name = "n" * 246 + ".txt"  # 250 bytes: the sidecar's name would be too long to exist
    (src / name).write_text("Story\n\n" + BODY, encoding="utf-8")
    out = tmp_path / "out"
    assert export(src, out) == [str(src / name)]
    assert (out / ("n" * 246) / "slides.md").is_file()


def test_messages_show_paths_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("src").mkdir()
    Path("src/story.txt").write_text("Story\n\n" + BODY, encoding="utf-8")
    Path("src/empty.txt").write_text("", encoding="utf-8")
    config = BuildConfig(out_dir=Path("out"), formats=("md",), options=OPTIONS)
    results = build(collect_sources(["src"], out_dir=Path("out")), config)
    assert [r.source for r in results] == ["src/empty.txt", "src/story.txt"]
    assert results[0].error == "src/empty.txt: unreadable: is empty"
    assert str(tmp_path).encode() not in all_bytes(Path("out"))


def test_a_pack_into_its_own_source_folder_does_not_grow(tmp_path: Path) -> None:
    from exporter.packing import build_pack

    src = tmp_path / "src"
    src.mkdir()
    (src / "story.txt").write_text("Story\n\n" + BODY, encoding="utf-8")
    config = BuildConfig(out_dir=src / "pack", options=OPTIONS, use_cache=False)
    for _ in range(2):
        found = collect_sources([str(src)], out_dir=config.out_dir)
        assert [d for _, d in found] == [str(src / "story.txt")]
        result = build_pack(found, config, "P", formats=("pack-slides.md",))
        assert result.error is None, result.error
    # Even as someone else's output folder, a folder holding a pack is not an input.
    assert collect_sources([str(src)], out_dir=tmp_path / "elsewhere") == [
        (src / "story.txt", str(src / "story.txt"))]
