"""The cache: a record of any other shape means "rebuild" (never a failure, never a read outside
the output folder), and the key covers the sidecar, every template file and the shown name."""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import pytest

from exporter.build import BuildConfig, build, collect_sources
from exporter.cache import CACHE_FILE, cache_key

from ._support import OPTIONS

BODY = "A paragraph of the article, ordinary prose long enough to be a body paragraph.\n\n"


def run(src: Path, out: Path, **changes: object) -> list[object]:
    config = dataclasses.replace(BuildConfig(out_dir=out, formats=("md",), options=OPTIONS),
                                 **changes)
    return list(build(collect_sources([str(src)]), config))


@pytest.mark.parametrize("record", [
    [], "x", 7, None, {"key": 1}, {"files": {}},
    {"key": "K", "files": {"../../etc/passwd": "0" * 64}},
    {"key": "K", "files": {"/dev/zero": "0" * 64}},
    {"key": "K", "files": {"slides.md": ["not", "a", "hash"]}},
    {"key": "K", "files": {".exporter-cache.json": "0" * 64}},
])
def test_a_record_of_another_shape_rebuilds(tmp_path: Path, record: object) -> None:
    src, out = tmp_path / "story.txt", tmp_path / "out"
    src.write_text("Story\n\n" + BODY, encoding="utf-8")
    [first] = run(src, out)
    assert first.ok  # type: ignore[attr-defined]
    real = json.loads((out / "story" / CACHE_FILE).read_text("utf-8"))
    if isinstance(record, dict) and record.get("key") == "K":
        record = {**record, "key": real["key"]}  # the right key: only the files are wrong
    (out / "story" / CACHE_FILE).write_text(json.dumps(record), encoding="utf-8")
    [again] = run(src, out)
    assert again.ok and not again.cached, again.error  # type: ignore[attr-defined]
    [third] = run(src, out)
    assert third.cached  # type: ignore[attr-defined]


def test_outputs_a_record_names_are_not_followed(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    src, out = tmp_path / "story.txt", tmp_path / "out"
    src.write_text("Story\n\n" + BODY, encoding="utf-8")
    run(src, out)
    (out / "story" / "slides.md").unlink()
    (out / "story" / "slides.md").symlink_to("/dev/zero")
    start = time.monotonic()
    [again] = run(src, out)
    assert time.monotonic() - start < 30
    # Not read as a cached output; and an output that is a link is never written through.
    assert not again.cached and again.bug is None  # type: ignore[attr-defined]
    assert "outside the output folder" in again.error  # type: ignore[attr-defined]


def test_a_sidecar_edit_rebuilds(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "story.txt").write_text("Story\n\n" + BODY, encoding="utf-8")
    (src / "story.meta.yaml").write_text("title: First title\n", encoding="utf-8")
    run(src, out)
    (src / "story.meta.yaml").write_text("title: Second title\n", encoding="utf-8")
    [again] = run(src, out)
    assert not again.cached  # type: ignore[attr-defined]
    assert "Second title" in (out / "story" / "slides.md").read_text("utf-8")


def test_the_key_covers_every_template_file_and_the_shown_name(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    (templates / "parts").mkdir(parents=True)
    (templates / "parts" / "footer.txt").write_text("one", encoding="utf-8")
    config = BuildConfig(out_dir=tmp_path, templates=str(templates), options=OPTIONS)
    before = cache_key(b"article", config, display="a.txt")
    assert cache_key(b"article", config, display="a.txt") == before
    assert cache_key(b"article", config, display="b.txt") != before
    assert cache_key(b"article", config, display="a.txt", sidecar=b"title: x") != before
    (templates / "parts" / "footer.txt").write_text("two", encoding="utf-8")
    assert cache_key(b"article", config, display="a.txt") != before
    (templates / "parts" / "footer.txt").write_text("one", encoding="utf-8")
    assert cache_key(b"article", config, display="a.txt") == before
    (templates / "parts" / "new.j2").write_text("", encoding="utf-8")
    assert cache_key(b"article", config, display="a.txt") != before


def test_unchanged_articles_are_found_before_any_worker_starts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's own process checks the cache: a rebuild with nothing changed starts no
    worker, and in a rebuild with one article changed only that one reaches a worker; the
    results come back in input order either way."""
    from exporter import pool
    from exporter.pool import Budget

    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for name in ("a", "b", "c"):
        (src / f"{name}.txt").write_text(f"Story {name}\n\n" + BODY, encoding="utf-8")
    first = run(src, out, budget=Budget(), jobs=2)
    assert [r.ok and not r.cached for r in first] == [True] * 3  # type: ignore[attr-defined]
    started: list[object] = []
    real_start = pool._Pool._start
    monkeypatch.setattr(pool._Pool, "_start", lambda self: started.append(1) or real_start(self))
    again = run(src, out, budget=Budget(), jobs=2)
    assert [r.cached for r in again] == [True] * 3 and not started  # type: ignore[attr-defined]
    (src / "b.txt").write_text("Story b, edited\n\n" + BODY, encoding="utf-8")
    mixed = run(src, out, budget=Budget(), jobs=2)
    assert [r.source.endswith(f"{n}.txt") for r, n in zip(mixed, "abc", strict=True)] \
        == [True] * 3  # type: ignore[attr-defined]
    assert [r.cached for r in mixed] == [True, False, True]  # type: ignore[attr-defined]
    assert len(started) == 1
    assert "Story b, edited" in (out / "b" / "slides.md").read_text("utf-8")
