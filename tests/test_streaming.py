"""Streaming packs: articles parked on disk, templates parsed as they render, blocks spooled."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from exporter import blocks as b
from exporter import templating
from exporter.article_store import ArticleList, store_article
from exporter.build import BuildConfig
from exporter.errors import RenderError, SourceError, TemplateError
from exporter.packing import pack_context
from exporter.spool import SpooledBlocks

from .conftest import REPO, SAMPLE

DOC = """<document kind="t" title="T"><heading level="1" anchor="h">Head</heading>
<p>One <b>bold</b> <ref n="2"/></p><box title="Box"><p>Inside</p></box>
<slide title="S"><list><item>a</item></list><notes>n</notes></slide>
<table><row header="true"><cell>x</cell></row><row><cell>y</cell></row></table></document>"""


def chunked(text: str, size: int) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text), size)]


@pytest.mark.parametrize("size", [1, 7, 64, 10_000])
def test_streamed_parse_equals_whole_parse(size: int) -> None:
    whole = b.parse(DOC, template="t")
    spool = SpooledBlocks()
    streamed = b.parse_stream(chunked(DOC, size), template="t", into=spool)
    assert streamed.meta == whole.meta and streamed.kind == whole.kind
    assert list(streamed.blocks) == list(whole.blocks)
    assert streamed.blocks is spool


def test_streamed_parse_refuses_what_the_whole_parse_refuses() -> None:
    # A declaration split across two chunks is still seen.
    with pytest.raises(TemplateError, match="DOCTYPE"):
        b.parse_stream(['<?xml version="1.0"?><!DOC', 'TYPE d []><document/>'], template="t")
    with pytest.raises(TemplateError, match="text outside a block"):
        b.parse_stream(chunked("<document><p>a</p> stray <p>b</p></document>", 5),
                       template="t")
    with pytest.raises(TemplateError, match="text outside a block"):
        b.parse_stream(["<document>lead <p>a</p></document>"], template="t")
    with pytest.raises(TemplateError) as caught:
        b.parse_stream(chunked("<document>\n<p>a</p>\n<p>b</document>", 4), template="t")
    assert caught.value.line == 3


def test_spooled_blocks_read_back_lazily_and_in_any_order() -> None:
    spool = SpooledBlocks()
    paras = [b.Para(content=(b.Inline(text=f"p{i}"),)) for i in range(50)]
    spool.extend(paras)
    assert len(spool) == 50
    assert spool[0] == paras[0] and spool[-1] == paras[-1]
    assert spool[10:13] == paras[10:13]
    assert list(spool.between(45, 99)) == paras[45:]
    # Two iterations at once (a writer looking ahead) do not disturb each other.
    pairs = list(zip(spool, spool.between(1, 50), strict=False))
    assert pairs[0] == (paras[0], paras[1]) and len(pairs) == 49
    with pytest.raises(IndexError):
        spool[50]
    with pytest.raises(TypeError):
        spool[0] = paras[1]
    with pytest.raises(TypeError):
        pickle.dumps(spool)
    spool.close()


def test_export_errors_survive_a_process_boundary() -> None:
    for error in (TemplateError("pack.xml.j2", "bad", line=4), RenderError("pdf", "no room"),
                  SourceError("a.txt", "empty file", line=2)):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error) and copy.one_line() == error.one_line()


def test_article_list_loads_on_demand(tmp_path: Path) -> None:
    config = BuildConfig(out_dir=tmp_path)
    result = store_article(str(tmp_path), SAMPLE, "sample.txt", "sample", config)
    assert result.ok and result.briefing is None and result.data_file
    articles = ArticleList([result.data_file, result.data_file])
    assert len(articles) == 2
    second = articles[1]
    assert second["number"] == 2 and second["prefix"] == "a2-" and second["title"]
    assert articles[0]["anchor"] == "a1"
    assert [a["number"] for a in articles] == [1, 2]
    assert pickle.loads(pickle.dumps(articles))[1]["number"] == 2


@pytest.mark.parametrize("template", ["pack.xml.j2", "pack-summary.xml.j2",
                                      "pack-slides.xml.j2"])
def test_spooled_render_gives_the_same_document(tmp_path: Path, template: str) -> None:
    config = BuildConfig(out_dir=tmp_path)
    sources = [SAMPLE, *sorted((REPO / "tests" / "articles").glob("*.txt"))[:2]]
    results = [store_article(str(tmp_path), path, path.name, f"a{i}", config)
               for i, path in enumerate(sources)]
    context = pack_context("Streaming pack", results, config)
    whole = templating.render(template, context)
    spooled = templating.render_spooled(template, context)
    assert isinstance(spooled.blocks, SpooledBlocks)
    assert spooled.meta == whole.meta
    assert list(spooled.blocks) == list(whole.blocks)
    assert any(isinstance(block, b.PageBreak | b.Slide) for block in spooled.blocks)


def test_index_of_a_long_pack_names_articles_by_number(tmp_path: Path) -> None:
    config = BuildConfig(out_dir=tmp_path)
    results = [store_article(str(tmp_path), SAMPLE, SAMPLE.name, f"a{i}", config)
               for i in range(7)]
    doc = templating.render("pack.xml.j2", pack_context("Long pack", results, config))
    index = next(i for i, block in enumerate(doc.blocks)
                 if isinstance(block, b.Heading) and b.plain(block.content) == "Index of actors")
    tables = [block for block in doc.blocks[index:] if isinstance(block, b.Table)]
    cells = " ".join(b.plain(row[2]) for table in tables for row in table.rows)
    assert "No. 7, p." in cells and "No. 1, p." in cells
    assert "Pakistan-Russia Relations" not in cells
    initials = [b.plain(block.content) for block in doc.blocks[index + 1:]
                if isinstance(block, b.Heading)]
    assert initials == sorted(initials) and len(initials) == len(tables) > 3
