"""A DOCX made from the kept styled template (which python-docx opens with a light style sheet)
has the same bytes as the first document of its look, made with the whole sheet; a change to
the light sheet after its styles were set up is refused rather than lost."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from exporter import blocks
from exporter.blocks import DocMeta, Document, Inline, Para
from exporter.options import RenderOptions
from exporter.writers.docx import DocxWriter
from exporter.writers.docx import styles as docx_styles

OPTIONS = RenderOptions(timestamp=1500000000)
BLOCKS = """<document kind="summary" title="Light sheet" header="Light sheet">
  <p style="title">Light sheet</p>
  <toc title="Contents"/>
  <heading level="1">Key points</heading>
  <list><item ref="4">A point.</item><item>Second.</item></list>
  <p style="summary">See <a href="https://example.org/a">the source</a> and <ref n="4"/>.</p>
  <quote attribution="Someone" ref="4">“Quoted words.”</quote>
  <list ordered="true"><item>First question?</item></list>
  <heading level="2">Timeline</heading>
  <table widths="1,3"><row header="true"><cell>Date</cell><cell>Event</cell></row>
    <row><cell>2014</cell><cell>Embargo lifted.</cell></row></table>
  <box title="Panel"><p>Inside <b>the</b> box.</p></box>
  <p style="body" number="4" anchor="p4">The fourth paragraph.</p>
</document>"""


@pytest.mark.parametrize("lang", ["en-GB", "fr", ""])
def test_a_document_from_the_kept_template_has_the_first_documents_bytes(lang: str) -> None:
    parsed = blocks.parse(BLOCKS, template="test.xml.j2")
    document = dataclasses.replace(parsed, meta=dataclasses.replace(parsed.meta, lang=lang))
    docx_styles._STYLED.clear()
    first = DocxWriter().write(document, OPTIONS)  # makes the styles, keeps the template
    assert docx_styles._STYLED
    assert DocxWriter().write(document, OPTIONS) == first


def test_a_change_to_the_light_sheet_is_refused() -> None:
    document = Document(kind="t", meta=DocMeta(title="T"),
                        blocks=(Para(content=(Inline(text="x"),)),))
    DocxWriter().write(document, OPTIONS)
    styled = next(iter(docx_styles._STYLED.values()))
    with pytest.raises(AssertionError, match="style sheet changed"):
        docx_styles.whole_sheet(styled, styled.light + b" ", "en")


def test_documents_copied_from_the_opened_template_leave_it_as_it_was() -> None:
    """Each rendering starts from a copy of the template python-docx opened once
    (`Styled.document`): rendering changes the copy only, so renderings in a row give the
    bytes a rendering from a freshly opened template gives."""
    import io

    import docx
    from docx.opc.oxml import serialize_part_xml

    doc = Document(kind="summary", meta=DocMeta(title="Kept"),
                   blocks=(Para(content=(Inline(text="One."),)),))
    first = DocxWriter().write(doc, RenderOptions(timestamp=1))  # makes the template, maybe
    assert DocxWriter().write(doc, RenderOptions(timestamp=1)) == first  # from a copy
    [styled] = [s for s in docx_styles._STYLED.values() if s.opened]

    def parts(word: Any) -> list[bytes]:
        return [serialize_part_xml(part.element) for part in word.part.package.iter_parts()
                if hasattr(part, "element")]

    pristine = parts(docx.Document(io.BytesIO(styled.package)))
    assert DocxWriter().write(doc, RenderOptions(timestamp=1)) == first
    assert parts(styled.opened[0]) == pristine
