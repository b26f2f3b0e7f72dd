"""Text into XML: character data escaped, attribute values quoted, as `xml.sax.saxutils` does.

The writers build their XML parts as strings. The standard library's `xml.sax.saxutils` gives
these two functions, but importing it imports `urllib.request`, and with it the HTTP client,
SSL and e-mail modules (~15 ms of every fork server's start, for code no writer runs). Same
results (tests/test_xmltext.py compares them).
"""

from __future__ import annotations

_ATTRIBUTE_CONTROLS = (("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;"))
"""Kept in an attribute value as character references: a parser normalises them to spaces."""


def escape(data: str) -> str:
    """Return `data` with `&`, `<` and `>` escaped (`xml.sax.saxutils.escape`)."""
    return data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(data: str) -> str:
    """Return `data` escaped and quoted as an attribute value, quote marks included
    (`xml.sax.saxutils.quoteattr`)."""
    data = escape(data)
    for char, reference in _ATTRIBUTE_CONTROLS:
        data = data.replace(char, reference)
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"{}"'.format(data.replace('"', "&quot;"))


__all__ = ["escape", "quoteattr"]
