"""The built-in templates' shipped code: current, used, and the same as compiling them."""

from __future__ import annotations

import types
from pathlib import Path

import jinja2
import pytest

from exporter import template_code, templating
from exporter.build import load_briefing, template_context
from exporter.options import RenderOptions
from exporter.readers import ReadLimits

from .conftest import SAMPLE


def test_shipped_code_is_what_jinja2_generates_from_the_templates_now() -> None:
    # Stale after a template, a setting or Jinja2 changed: run `python -m exporter.template_code`.
    files = template_code.generate(templating.environment(None), templating.builtin_names(),
                                   templating.builtin_source)
    shipped = {p.name: p.read_text("utf-8") for p in template_code.FOLDER.glob("*.py")}
    assert shipped == files


def _compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    compiled: list[str] = []
    compile_ = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None,
                 *args: object, **kwargs: object) -> object:
        compiled.append(name or "")
        return compile_(self, source, name, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return compiled


def _code_objects(code: types.CodeType) -> list[types.CodeType]:
    return [code, *(inner for c in code.co_consts if isinstance(c, types.CodeType)
                    for inner in _code_objects(c))]


def test_built_in_templates_run_their_shipped_code_and_render_as_compiled(
        monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = _compiled(monkeypatch)
    shipped = templating.environment(None)
    fresh = templating.environment(None).overlay(bytecode_cache=None)
    context = template_context(load_briefing(SAMPLE, SAMPLE.name, ReadLimits()),
                               RenderOptions(timestamp=1500000000))
    for name in ("briefing.xml.j2", "summary.xml.j2", "slides.xml.j2"):
        before = len(compiled)
        template = shipped.get_template(name)
        assert compiled[before:] == []  # neither it nor what it imports was compiled
        again = fresh.get_template(name)
        assert compiled[before:] == [name]
        assert template.render(**context) == again.render(**context)
        assert template.root_render_func.__code__ is not again.root_render_func.__code__
        # Tracebacks and TemplateError name the template file, as compiled code does.
        for code in _code_objects(template.root_render_func.__code__):
            assert code.co_filename == again.root_render_func.__code__.co_filename
            assert code.co_filename.endswith(name)


def test_a_template_that_is_not_the_shipped_one_is_compiled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = _compiled(monkeypatch)
    source = templating.builtin_source("slides.xml.j2")
    (tmp_path / "slides.xml.j2").write_text(source + "{# changed #}", "utf-8")
    (tmp_path / "summary.xml.j2").write_text(templating.builtin_source("summary.xml.j2"),
                                             "utf-8")
    env = templating.environment(str(tmp_path))
    env.get_template("slides.xml.j2")
    assert "slides.xml.j2" in compiled
    # The same source as the built-in, from another folder: the shipped code, under its name.
    compiled.clear()
    template = env.get_template("summary.xml.j2")
    assert "summary.xml.j2" not in compiled
    assert template.root_render_func.__code__.co_filename == str(tmp_path / "summary.xml.j2")


def test_another_setting_or_source_changes_the_key() -> None:
    env = templating.environment(None)
    source = templating.builtin_source("summary.xml.j2")
    key = template_code.key(env, "summary.xml.j2", source)
    assert key != template_code.key(env, "summary.xml.j2", source + " ")
    assert key != template_code.key(env, "slides.xml.j2", source)
    assert key != template_code.key(env.overlay(trim_blocks=False), "summary.xml.j2", source)
