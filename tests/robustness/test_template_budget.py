"""The template sandbox bounds work and memory: each hostile expression is a one-line template
error naming the template and line, in well under a second, and ordinary templates still work."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from exporter import sandbox, templating
from exporter.errors import TemplateError

from ..test_templating import context, write

HOSTILE = [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{{ 9**(9**9) }}",
    "{{ 2**100000 }}",
    "{{ lipsum(10**6) }}",
    "{{ 'x' * 10**10 }}",
    "{{ [1, 2] * 10**9 }}",
    "{{ range(10**9) | length }}",
    "{{ 'x' | center(10**10) }}",
    "{{ 'x'.ljust(10**10) }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ '{:>999999999}'.format(1) }}",
    "{{ 'x' | indent(10**10) }}",
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "{% macro f(n) %}{{ f(n + 1) }}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_template_is_a_one_line_error(tmp_path: Path, payload: str) -> None:
    user = write(tmp_path, "summary.xml.j2", f'<document kind="s">\n<p>{payload}</p>\n'
                 "</document>")
    start = time.monotonic()
    with pytest.raises(TemplateError) as info:
        templating.render("summary.xml.j2", context(), user_dir=user)
    assert time.monotonic() - start < 30  # a hang would be minutes; this is not a benchmark
    line = info.value.one_line()
    assert line.startswith("summary.xml.j2:2: template: "), line
    assert "\n" not in line and len(line) < 300


@pytest.mark.parametrize("payload, expected", [
    ("{% for i in range(3) %}{{ i }}{% endfor %}", "012"),
    ("{{ range(5) | length }}-{{ range(4)[2] }}-{{ 3 in range(5) }}", "5-2-True"),
    ("{{ 2**10 }} {{ 'ab' * 3 }} {{ [1] + [2] }} {{ '%03d' % 7 }}", "1024 ababab [1, 2] 007"),
    ("{{ 'x' | center(5) }}|{{ '{:>3}'.format(1) }}", "x | 1"),
    ("{{ lipsum(2, false) | wordcount > 20 }}", "True"),
])
def test_ordinary_template_arithmetic_still_works(tmp_path: Path, payload: str,
                                                  expected: str) -> None:
    user = write(tmp_path, "summary.xml.j2", f'<document kind="s"><p>{payload}</p></document>')
    doc = templating.render("summary.xml.j2", context(), user_dir=user)
    from exporter import blocks

    texts = [blocks.plain(b.content) for b in doc.blocks if isinstance(b, blocks.Para)]
    assert texts == [expected]


def test_each_render_gets_a_fresh_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "MAX_STEPS", 1_000)
    loop = "{% for i in range(STEPS) %}{% for j in range(STEPS) %}{% endfor %}{% endfor %}done"
    user = write(tmp_path, "summary.xml.j2", f'<document kind="s"><p>{loop}</p></document>'
                 .replace("STEPS", "20"))
    for _ in range(3):  # 420 steps fit one render's budget; renders in a row must not add up
        templating.render("summary.xml.j2", context(), user_dir=user)
    write(tmp_path, "summary.xml.j2", f'<document kind="s"><p>{loop}</p></document>'
          .replace("STEPS", "40"))
    templating.environment.cache_clear()
    with pytest.raises(TemplateError, match="more than 1,000 loop steps"):
        templating.render("summary.xml.j2", context(), user_dir=user)
