"""The built-in templates' compiled code kept between processes (`exporter.template_cache`):
the same documents from cached code as from compiled code, only a private folder used, and
never a failure because of the cache."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import jinja2
import pytest

from exporter import templating
from exporter.options import RenderOptions
from exporter.sandbox import BoundedSandbox, Spending
from exporter.template_cache import STALE_AFTER, TemplateCache, cache_folder, template_cache

TEMPLATES = ("briefing.xml.j2", "summary.xml.j2", "slides.xml.j2")


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "exporter" / "templates"


def _context() -> dict[str, Any]:
    from exporter.analysis import analyse
    from exporter.build import template_context
    from exporter.readers import read_data
    from exporter.warm import SAMPLE

    briefing = analyse(read_data(SAMPLE.encode("utf-8"), "strike.txt"))
    return template_context(briefing, RenderOptions(timestamp=1_500_000_000))


def _render_all() -> list[str]:
    """Render every article template in a fresh environment (as a new process would)."""
    env = templating.environment.__wrapped__(None)
    context = _context()
    with Spending():
        return [env.get_template(name).render(**context) for name in TEMPLATES]


def test_cached_code_renders_the_same_documents_without_compiling(
        cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = _render_all()
    assert cache_home.is_dir() and oct(cache_home.stat().st_mode & 0o777) == "0o700"
    assert list(cache_home.glob("*.cache"))

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled although the cache holds the code")

    monkeypatch.setattr(BoundedSandbox, "compile", no_compiling)
    assert _render_all() == compiled


def test_an_edited_template_is_compiled_again(cache_home: Path) -> None:
    cache = template_cache()
    assert cache is not None
    env = BoundedSandbox(loader=jinja2.DictLoader({"t.j2": "one"}),
                         bytecode_cache=cache)
    assert env.get_template("t.j2").render() == "one"
    env = BoundedSandbox(loader=jinja2.DictLoader({"t.j2": "two"}),
                         bytecode_cache=cache)
    assert env.get_template("t.j2").render() == "two"


def test_a_folder_others_may_write_is_not_used(cache_home: Path) -> None:
    cache_home.mkdir(parents=True)
    cache_home.chmod(0o777)
    assert cache_folder() is None
    assert _render_all()  # compiled as before


def test_a_folder_that_cannot_be_made_means_no_cache(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert cache_folder() is None
    assert _render_all()


def test_a_cache_that_cannot_be_written_never_fails_a_render(cache_home: Path) -> None:
    cache = template_cache()
    assert cache is not None
    cache_home.rmdir()  # gone after it was checked: every read and write of it fails
    env = BoundedSandbox(loader=jinja2.DictLoader({"t.j2": "x"}), bytecode_cache=cache)
    assert env.get_template("t.j2").render() == "x"


def test_entries_of_other_code_are_removed_once_an_hour_old(cache_home: Path) -> None:
    cache = template_cache()
    assert isinstance(cache, TemplateCache)
    old = cache_home / "0000other-old.cache"
    recent = cache_home / "0000other-recent.cache"
    for path in (old, recent):
        path.write_bytes(b"j2")
    past = time.time() - STALE_AFTER - 60
    os.utime(old, (past, past))
    env = BoundedSandbox(loader=jinja2.DictLoader({"t.j2": "x"}),
                         bytecode_cache=cache)
    env.get_template("t.j2")
    assert not old.exists() and recent.exists()
    assert any(p.name.startswith(cache.prefix) for p in cache_home.iterdir())
