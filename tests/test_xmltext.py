"""exporter.xmltext escapes and quotes as xml.sax.saxutils does."""

from __future__ import annotations

from xml.sax import saxutils

from exporter import xmltext

TEXTS = ["", "plain", "a & b < c > d", "&amp; already", 'say "hi"', "it's", """both " and '""",
         "tab\there\nnew\rline", "<&>\"'\t\n\r", "Ünïcödé — “quotes” ¶", "]]>", "\x00\x1f"]


def test_escape_and_quoteattr_are_saxutils() -> None:
    for text in TEXTS:
        assert xmltext.escape(text) == saxutils.escape(text), text
        assert xmltext.quoteattr(text) == saxutils.quoteattr(text), text
