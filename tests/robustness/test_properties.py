"""Hypothesis properties: any text reads and renders, words survive, output is reproducible.

Examples are few (rendering every format costs a fraction of a second) and the deadline is off,
so the suite stays fast and deterministic on a loaded CI machine.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter import templating, writers
from exporter.build import template_context
from exporter.errors import SourceError
from exporter.readers import read_data

from ._support import OPTIONS, briefing_of, docx_text, pdf_text, render_all

FAST = settings(max_examples=25, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

HOSTILE = [
    "\x0b", "\x0c", "\x1b", "\x07", "\x7f", "\ufffe", "\uffff", "\r", "\r\n", "\t",
    "مرحبا بالعالم", "שלום עולם", "中文字符", "日本語のテキスト", "नमस्ते दुनिया", "😀", "👍🏽", "🇵🇰",
    "\u202e", "\u200f", "\u200b", "\u00ad", "e\u0301", "<", "&", "&amp;", "{{ 7*7 }}",
    "{% for x in y %}", "{#", "</para>", "<b>", '<font color="red">', "<img src=/etc/hosts>",
    "]]>", "<!--", "-->", "---", "# ", "* ", "> ", "1. ", "|", "`", "\\", "Привет мир",
    "Ωμέγα λόγος", "By ", "©", "Volume 3 Issue 2 May 2001",
]
"""Fragments known to break one reader or writer or another (NUL is tested on its own)."""

plain_word = st.from_regex(r"[A-Za-z]{2,10}[.,]?", fullmatch=True)
# Plain words weigh double so that most examples are articles a reader accepts and renders.
chunk = st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=12), plain_word,
                  plain_word)
paragraph = st.lists(chunk, min_size=1, max_size=25).map(" ".join)
article_text = st.lists(paragraph, min_size=1, max_size=6).map("\n\n".join)


def as_html(text: str) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return f"<!doctype html><html><head><title>T</title></head><body><article>{body}" \
           "</article></body></html>"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
@FAST
@given(text=article_text)
def test_any_text_reads_and_renders_every_format(suffix: str, text: str) -> None:
    try:
        briefing = briefing_of(text, f"article{suffix}")
    except SourceError:
        return  # refused with a one-line message: an accepted outcome
    outputs = render_all(briefing)
    assert set(outputs) == {writers.get(n).output for n in writers.names()}
    for name, blob in outputs.items():
        assert blob, name
    # Cleaned once in the model: no writer may see (and escape) an XML-illegal character.
    if "_x00" not in text:
        assert b"_x00" not in outputs["slides.pptx"]


@FAST
@given(text=article_text)
def test_any_text_wrapped_in_html_reads_and_renders(text: str) -> None:
    try:
        briefing = briefing_of(as_html(text), "article.html")
    except SourceError:
        return
    assert render_all(briefing)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(text=st.text(max_size=300), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_arbitrary_text_only_ever_raises_source_error(text: str, suffix: str) -> None:
    try:
        article = read_data(text.encode("utf-8", "surrogatepass"), f"x{suffix}")
    except SourceError:
        return
    illegal = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
    for part in (article.title, *(p.text for p in article.paragraphs)):
        assert not illegal.search(part), part


LETTERS = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèçñøåäöüÉÖłž"
           "абвгдежзийклмнопрстуфхцчшщыьэюяАБВГДЖЗ" "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΣΩ")
word = st.text(alphabet=LETTERS, min_size=1, max_size=12)
sentence = st.lists(word, min_size=3, max_size=14).map(lambda ws: " ".join(ws) + ".")
prose = st.lists(st.lists(sentence, min_size=1, max_size=4).map(" ".join),
                 min_size=1, max_size=5).map("\n\n".join)


def words(text: str) -> set[str]:
    flat = re.sub(r"-\n\s*", "", unicodedata.normalize("NFC", text))
    return set(re.findall(r"\w+", flat.casefold()))


@FAST
@given(text=prose)
def test_every_body_word_survives_into_pdf_and_docx(text: str) -> None:
    briefing = briefing_of(text, "article.txt")
    # The briefing template carries the full text; the DOCX writer renders it too, so both
    # writers are checked on the same block document.
    doc = templating.render("briefing.xml.j2", template_context(briefing, OPTIONS))
    pdf = writers.get("pdf").write(doc, OPTIONS)
    docx = writers.get("docx").write(doc, OPTIONS)
    expected = words(text)
    assert not expected - words(pdf_text(pdf)), "words lost in the PDF"
    assert not expected - words(docx_text(docx)), "words lost in the DOCX"


@settings(max_examples=6, deadline=None, derandomize=True)
@given(text=article_text)
def test_rendering_twice_gives_the_same_bytes(text: str) -> None:
    try:
        briefing = briefing_of(text, "article.txt")
    except SourceError:
        return
    first, second = render_all(briefing), render_all(briefing)
    for name in first:
        assert first[name] == second[name], f"{name} differs between two renders"


def test_a_stray_nul_is_removed_with_a_warning() -> None:
    text = "Title line\n\n" + "A perfectly ordinary paragraph of text. " * 40 + "\x00 end.\n"
    article = read_data(text.encode(), "stray-nul.txt")
    assert any("NUL" in w for w in article.warnings)
    assert "\x00" not in article.paragraphs[-1].text
