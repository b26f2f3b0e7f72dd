"""Templates: sandbox, strict undefined, user overrides extending the built-ins, escaping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest

from exporter import blocks, templating
from exporter.build import template_context
from exporter.errors import TemplateError
from exporter.model import Article, Author, Briefing, Meta, Paragraph, Source
from exporter.options import RenderOptions

HOSTILE = ('<b>bold</b> </para> <font color="red">x</font> <img src="/etc/passwd"/> '
           '<a href="javascript:alert(1)">y</a> {{ 7*7 }} {% for x in y %} &amp;')


def context(text: str = "Plain text.", title: str = "A title") -> dict[str, Any]:
    article = Article(title=title, title_inferred=False, meta=Meta(date="2017-07"),
                      authors=(Author(name=None, bio="The writer is a tester."),),
                      paragraphs=(Paragraph(n=1, text=text),), headings=(),
                      source=Source(path="x.txt", format="text"))
    return template_context(Briefing(article=article), RenderOptions(timestamp=1_500_000_000))


@pytest.mark.parametrize("name", ["briefing.xml.j2", "summary.xml.j2", "slides.xml.j2"])
def test_hostile_text_stays_text(name: str) -> None:
    doc = templating.render(name, context(HOSTILE, title=HOSTILE))
    texts = [blocks.plain(b.content) for b in blocks.walk(doc.blocks)
             if isinstance(b, blocks.Para)]
    assert any(HOSTILE in t for t in texts) or doc.meta.title == HOSTILE
    assert doc.meta.title == HOSTILE


def write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder)


def test_user_template_extends_builtin_and_replaces_one_block(tmp_path: Path) -> None:
    user = write(tmp_path, "briefing.xml.j2",
                 '{% extends "builtin/briefing.xml.j2" %}'
                 '{% block source %}<p style="small">Custom footer</p>{% endblock %}')
    doc = templating.render("briefing.xml.j2", context(), user_dir=user)
    texts = [blocks.plain(b.content) for b in doc.blocks if isinstance(b, blocks.Para)]
    assert texts[-1] == "Custom footer"
    assert "A title" in texts  # the rest of the built-in template is still there


def test_undefined_variable_names_template_and_line(tmp_path: Path) -> None:
    user = write(tmp_path, "summary.xml.j2", '<document kind="s">\n\n{{ no_such_thing }}\n'
                 '</document>')
    with pytest.raises(TemplateError) as info:
        templating.render("summary.xml.j2", context(), user_dir=user)
    assert info.value.one_line().startswith("summary.xml.j2:3: template:")


def test_syntax_error_names_line(tmp_path: Path) -> None:
    user = write(tmp_path, "slides.xml.j2", '<document kind="s">\n{% if %}\n</document>')
    with pytest.raises(TemplateError) as info:
        templating.render("slides.xml.j2", context(), user_dir=user)
    assert info.value.line == 2


@pytest.mark.parametrize("payload", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ title.__class__ }}",
    "{% set x = paragraphs.append(1) %}",
    "{{ cycler.__init__.__globals__ }}",
])
def test_sandbox_blocks_escapes(tmp_path: Path, payload: str) -> None:
    user = write(tmp_path, "summary.xml.j2", f'<document kind="s"><p>{payload}</p></document>')
    with pytest.raises(TemplateError):
        templating.render("summary.xml.j2", context(), user_dir=user)


def test_filters() -> None:
    assert templating.human_date("2017-07") == "July 2017"
    assert templating.human_date("2017-06-06") == "6 June 2017"
    assert templating.human_date("195X") == "the 1950s"
    assert templating.join_paragraphs([1, 2, 3, 5, 9, 8]) == "1–3, 5, 8–9"


def test_correction_notes_appear_in_the_source_section() -> None:
    note = "Correction: An earlier version of this article misstated the date."
    data = context()
    data["meta"]["notes"] = [note]
    doc = templating.render("briefing.xml.j2", data)
    fields = [(name, blocks.plain(value)) for b in blocks.walk(doc.blocks)
              if isinstance(b, blocks.Fields) for name, value in b.rows]
    assert ("Note", note) in fields


@pytest.mark.parametrize(("name", "compiled"), [
    ("slides.xml.j2", {"slides.xml.j2", "_slides.xml.j2", "_macros.xml.j2"}),
    ("briefing.xml.j2", {"briefing.xml.j2", "_briefing.xml.j2", "_macros.xml.j2"}),
])
def test_a_format_compiles_only_the_templates_it_renders(tmp_path: Path, name: str,
                                                          compiled: set[str]) -> None:
    """Compiling the six built-in templates an article uses takes ~80 ms of a process's first
    article: each is compiled when a render first needs it, never ahead (a Markdown-only build
    compiles no briefing template)."""
    env = templating.environment(str(tmp_path))  # an empty user folder: a fresh environment
    assert env.cache is not None and not env.cache
    templating.render(name, context(), user_dir=str(tmp_path))
    assert {key[1] for key in env.cache.keys()} == compiled  # noqa: SIM118 (an LRUCache)


def test_a_dicts_items_are_looked_up_as_jinja2s_sandbox_does() -> None:
    """`BoundedSandbox.getattr` goes straight to the item of a plain dict for a name the dict
    has no attribute of; what it returns is what Jinja2's own sandbox returns, for every name."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from exporter.sandbox import BoundedSandbox

    ours, theirs = BoundedSandbox(), ImmutableSandboxedEnvironment()
    data = {"title": "T", "items": "an item", "keys": 3, "__class__": "x", "n": None}
    for name in [*dir(dict), *data, "missing", "format"]:
        mine, jinjas = ours.getattr(data, name), theirs.getattr(data, name)
        assert type(mine) is type(jinjas), name
        if not isinstance(mine, jinja2.Undefined) and not callable(mine):
            assert mine == jinjas, name


def test_notable_quotations_leave_out_lone_unattributed_terms() -> None:
    from exporter.model import Quote

    article = Article(title="Smog", title_inferred=False, meta=Meta(),
                      authors=(), headings=(), source=Source(path="x.txt", format="text"),
                      paragraphs=(Paragraph(n=1, text="Levels were “severe” again."),
                                  Paragraph(n=2, text="“We cannot breathe here,” said Ana Ruiz."),
                                  Paragraph(n=3, text="“Nobody in this city can breathe.”")))
    quotes = (Quote(text="severe", speaker=None, paragraph=1),
              Quote(text="We cannot breathe here", speaker="Ana Ruiz", paragraph=2,
                    speaker_kind="person", attribution="explicit"),
              Quote(text="Nobody in this city can breathe.", speaker=None, paragraph=3))
    ctx = template_context(Briefing(article=article, quotes=quotes),
                           RenderOptions(timestamp=1_500_000_000))
    assert [q["text"] for q in ctx["article"]["quotes"]] == [q.text for q in quotes]
    for name in ("briefing.xml.j2", "slides.xml.j2"):
        doc = templating.render(name, ctx)
        shown = [blocks.plain(b.content) for b in blocks.walk(doc.blocks)
                 if isinstance(b, blocks.Quote)]
        assert any("We cannot breathe here" in t for t in shown), name
        assert any("Nobody in this city" in t for t in shown), name
        assert not any("severe" in t for t in shown), name


def test_running_head_is_the_short_title() -> None:
    from exporter.templating import running_head

    assert running_head("Thirsty city, thirsty farms: the politics of São Paulo’s new canal") == \
        "Thirsty city, thirsty farms"
    assert running_head("Pakistan and Russia move closer") == "Pakistan and Russia move closer"
    assert running_head("Sahel hunger appeal falls short as donors cut aid across the region") \
        == "Sahel hunger appeal falls short as donors…"
    assert running_head("Votes: the count") == "Votes: the count"  # one word before: whole
