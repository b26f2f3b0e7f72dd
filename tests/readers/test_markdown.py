"""Markdown reader and the front-matter / sidecar overrides it shares with every format."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from exporter.errors import SourceError
from exporter.model import Span
from exporter.readers import read_data
from exporter.readers.sidecar import apply_overrides, iso_date, load_sidecar

SOURCE = """\
---
title: "Pakistan and Russia: a new chapter"
subtitle: Old rivals, new partners
authors:
  - name: Jane Doe
    bio: Jane Doe is a Karachi-based journalist.
  - John Roe
date: 14 July 2017
publication: The Review
volume: 3
issue: "12"
url: https://example.org/a
classification: OFFICIAL
layout: post
---
# Ignored as title because front matter has one

Intro with *emphasis*, **strong** and a [link](https://example.org/x), a
[bad link](ftp://example.org/y) and `code`. ![a chart](chart.png)

## Background

- first point
- second point
  1. nested one

1. step one
2. step two

> Relations have never been better.
> — Sergei Lavrov, foreign minister

> A second quotation.

-- Imran Khan

<b>not markup</b> and {{ 7*7 }}
"""


def test_front_matter_and_structure() -> None:
    article = read_data(SOURCE.encode(), "note.md")
    assert article.title == "Pakistan and Russia: a new chapter"
    assert not article.title_inferred
    assert [(a.name, a.bio) for a in article.authors] == [
        ("Jane Doe", "Jane Doe is a Karachi-based journalist."), ("John Roe", None)]
    meta = article.meta
    assert (meta.date, meta.subtitle, meta.publication, meta.volume, meta.issue) == (
        "2017-07-14", "Old rivals, new partners", "The Review", 3, 12)
    assert (meta.url, meta.classification) == ("https://example.org/a", "OFFICIAL")
    assert any("layout" in w for w in article.warnings)
    assert [(h.text, h.level) for h in article.headings] == [
        ("Ignored as title because front matter has one", 1), ("Background", 2)]
    kinds = [(p.kind, p.text) for p in article.paragraphs]
    assert kinds[1:6] == [("list_item", "first point"), ("list_item", "second point"),
                          ("list_item", "nested one"), ("list_item", "step one"),
                          ("list_item", "step two")]
    items = article.paragraphs[1:6]
    assert items[0].list_id == items[1].list_id != items[2].list_id != items[3].list_id
    assert [i.ordered for i in items] == [False, False, True, True, True]
    quotes = [p for p in article.paragraphs if p.kind == "quote"]
    assert [(q.text, q.attribution) for q in quotes] == [
        ("Relations have never been better.", "Sergei Lavrov, foreign minister"),
        ("A second quotation.", "Imran Khan")]
    assert article.paragraphs[-1].text == "<b>not markup</b> and {{ 7*7 }}"
    assert [p.n for p in article.paragraphs] == list(range(1, len(article.paragraphs) + 1))


def test_inline_spans() -> None:
    intro = read_data(SOURCE.encode(), "note.md").paragraphs[0]
    assert intro.text == "Intro with emphasis, strong and a link, a bad link and code."
    assert all(s.href is None or s.href.startswith("https:") for s in intro.spans)
    assert Span(text="emphasis", emphasis=True) in intro.spans
    assert Span(text="strong", strong=True) in intro.spans
    assert Span(text="link", href="https://example.org/x") in intro.spans
    assert "".join(s.text for s in intro.spans) == intro.text


def test_first_h1_is_the_title_without_front_matter() -> None:
    article = read_data(b"# The Title\n\nBody text here.\n\n## Part\n\nMore.\n", "a.md")
    assert article.title == "The Title" and not article.title_inferred
    assert [(h.text, h.level, h.paragraph) for h in article.headings] == [("Part", 1, 2)]


def test_javascript_link_is_not_kept() -> None:
    article = read_data(b"Click [here](javascript:alert(1)) or [there](mailto:a@b.org).\n", "a.md")
    hrefs = {s.href for s in article.paragraphs[0].spans}
    assert hrefs == {None, "mailto:a@b.org"}


def test_bad_front_matter_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="YAML"):
        read_data(b"---\ntitle: [unclosed\n---\nBody.\n", "bad.md")


@pytest.mark.parametrize(("value", "expected"), [
    ("2017", "2017"), ("2017-07", "2017-07"), ("July 2017", "2017-07"),
    ("14 July 2017", "2017-07-14"), ("2017-07-14T10:00:00Z", "2017-07-14"), (2017, "2017"),
    ("not a date", None)])
def test_iso_date_keeps_precision(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_sidecar_overrides(tmp_path: Path) -> None:
    source = tmp_path / "story.md"
    source.write_text("Body text only.\n", encoding="utf-8")
    assert load_sidecar(source) is None
    (tmp_path / "story.meta.toml").write_text(
        'title = "From the sidecar"\nauthor = "A. Writer"\ndate = 2020-03-01\n', encoding="utf-8")
    data = load_sidecar(source)
    assert data is not None
    article = read_data(source.read_bytes(), "story.md")
    article = dataclasses.replace(article, meta=dataclasses.replace(article.meta,
                                                                   inferred=("date",)))
    updated = apply_overrides(article, data)
    assert (updated.title, updated.title_inferred) == ("From the sidecar", False)
    assert updated.authors[0].name == "A. Writer"
    assert updated.meta.date == "2020-03-01" and updated.meta.inferred == ()


def test_yaml_sidecar_must_be_a_mapping(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("x", encoding="utf-8")
    (tmp_path / "s.meta.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(SourceError, match="mapping"):
        load_sidecar(tmp_path / "s.txt")
