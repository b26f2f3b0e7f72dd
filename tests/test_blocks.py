"""The block document parser: vocabulary, whitespace, safety."""

from __future__ import annotations

import pytest

from exporter import blocks
from exporter.errors import TemplateError


def parse(body: str) -> blocks.Document:
    return blocks.parse(f'<document kind="t" title="T" keywords="a; b">{body}</document>',
                        template="t.xml.j2")


def test_inline_formatting_and_whitespace() -> None:
    doc = parse('<p>\n  Hello   <b>bold</b> and <i>it</i> <ref n="4"/>\n</p>')
    para = doc.blocks[0]
    assert isinstance(para, blocks.Para)
    assert blocks.plain(para.content) == "Hello bold and it ¶4"
    assert [(r.text, r.strong, r.emphasis) for r in para.content[:4]] == [
        ("Hello ", False, False), ("bold", True, False), (" and ", False, False),
        ("it", False, True)]
    assert para.content[-1].ref == 4
    assert doc.meta.keywords == ("a", "b")


@pytest.mark.parametrize("text", ["", "   ", "\n  One  two\tthree \n", "a", " lead", "trail ",
                                  "\u00a0no-break\u2003em\u3000ideographic ", "x\ny"])
def test_text_alone_reads_as_the_general_rule_reads_it(text: str) -> None:
    from lxml import etree

    el = etree.fromstring(f"<p>{text}</p>")
    parser = blocks._Parser("t.xml.j2")
    runs: list[blocks.Inline] = []
    parser._collect(el, runs, strong=False, emphasis=False, href=None)
    assert parser.inlines(el) == blocks._normalise_space(runs)


def test_only_safe_links_survive() -> None:
    doc = parse('<p><a href="javascript:alert(1)">x</a> <a href="https://e.org">y</a></p>')
    para = doc.blocks[0]
    assert isinstance(para, blocks.Para)
    hrefs = [r.href for r in para.content]
    assert "javascript:alert(1)" not in hrefs
    assert "https://e.org" in hrefs


@pytest.mark.parametrize("body, message", [
    ("<blink>x</blink>", "unknown block"),
    ("<p><img src='/etc/passwd'/></p>", "unknown inline"),
    ("loose text", "text outside a block"),
    ('<heading level="9">x</heading>', "outside 1-3"),
    ('<p style="shouting">x</p>', "unknown paragraph style"),
])
def test_invalid_documents_name_the_template(body: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message) as info:
        parse(body)
    assert info.value.one_line().startswith("t.xml.j2")


def test_entities_and_doctype_are_refused() -> None:
    xml = '<!DOCTYPE d [<!ENTITY x "boom">]><document kind="t">&x;</document>'
    with pytest.raises(TemplateError, match="DOCTYPE"):
        blocks.parse(xml, template="t.xml.j2")


def test_malformed_xml_reports_line() -> None:
    with pytest.raises(TemplateError) as info:
        blocks.parse('<document kind="t">\n<p>x</q></document>', template="t.xml.j2")
    assert info.value.line == 2


def test_table_slide_and_walk() -> None:
    doc = parse('<slide title="S"><table widths="1,2"><row header="true"><cell>A</cell>'
                '<cell>B</cell></row><row><cell>1</cell><cell>2</cell></row></table>'
                '<notes>n<br/>m</notes></slide>')
    slide = doc.blocks[0]
    assert isinstance(slide, blocks.Slide)
    table = slide.children[0]
    assert isinstance(table, blocks.Table)
    assert table.widths == (1.0, 2.0)
    assert table.header is not None and len(table.rows) == 1
    assert blocks.plain(slide.notes) == "n\nm"
    assert len(blocks.walk(doc.blocks)) == 2
