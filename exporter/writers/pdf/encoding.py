"""Faster stand-ins for ReportLab's two string-to-bytes steps, each checked equal to it.

`pdfdoc_enc`: ReportLab formats every name, number and dictionary of the PDF as text and turns
each piece into bytes with `pdfdoc.pdfdocEnc`, through its own `extpdfdoc` codec: a registry
lookup and a Python-level codec call for each of the ~4,000 pieces of a briefing (0.7 µs each,
~2 ms of its ~48). Those pieces are ASCII, which the codec maps to itself but for eight control
characters it has no code for, so plain ASCII is encoded as such and anything else still goes
through the codec.

`split_string`: every line of text drawn in an embedded TrueType face becomes the face's
one-byte codes in the document's subsets (`TTFont.splitString`), a Python step per character
(~17,000 a briefing, ~2.5 ms). Once every character of a line has a code in the first subset,
which is nearly always, one `str.translate` through those codes gives the same bytes; a line
with a character not coded yet (or coded in a later subset) goes to ReportLab's own function,
which gives it its code.

tests/writers/test_pdf_fast_paths.py compares each with ReportLab's call by call, and the files.
"""

from __future__ import annotations

import itertools
import re
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import TTFont

_REPORTLAB_PDFDOC_ENC = pdfdoc.pdfdocEnc
_REPORTLAB_SPLIT = TTFont.splitString

_UNMAPPED = re.compile("[\x18-\x1f]").search
"""ASCII the `extpdfdoc` codec does not map to itself: PDFDocEncoding puts accents at these
codes, so the codec refuses the control characters (ReportLab's error is kept for them)."""


def pdfdoc_enc(x: Any) -> Any:
    """Return `pdfdoc.pdfdocEnc(x)`: a string in ReportLab's `extpdfdoc` encoding, anything
    else as it is."""
    if isinstance(x, str):
        if x.isascii() and _UNMAPPED(x) is None:
            return x.encode("ascii")
        return x.encode("extpdfdoc")
    return x


def _ascii_is_identity() -> bool:
    """Whether the codec maps every ASCII character outside `_UNMAPPED` to its own byte (checked
    once: a ReportLab release with another table keeps its own function)."""
    for code in range(128):
        char = chr(code)
        if _UNMAPPED(char) is None and char.encode("extpdfdoc") != bytes([code]):
            return False
    return True


def prefer_ascii_pdfdoc() -> bool:
    """Have ReportLab's file writing encode with `pdfdoc_enc`; return whether it does. Done
    only while `pdfdoc.pdfdocEnc` is ReportLab's own function and its codec maps ASCII as
    `pdfdoc_enc` assumes (`pdfdoc.format` looks the function up on each call)."""
    if pdfdoc.pdfdocEnc is _REPORTLAB_PDFDOC_ENC and _ascii_is_identity():
        pdfdoc.pdfdocEnc = pdfdoc_enc
    return pdfdoc.pdfdocEnc is pdfdoc_enc


class _Uncoded(Exception):
    """A character with no code in the first subset yet: the line goes to ReportLab."""


class _Codes(dict[int, str]):
    """One face's codes in the first subset of one document, for `str.translate`: character
    ordinal -> its code as a character. `translate` leaves a character it finds no entry for
    as it is, so a missing one raises instead."""

    def __missing__(self, key: int) -> str:
        raise _Uncoded


_CODES: WeakKeyDictionary[Any, tuple[int, _Codes]] = WeakKeyDictionary()
"""A face's state in a document (`TTFont.state`) -> (how many characters it had coded when
`_Codes` was last brought up to date, the codes). Codes are only ever added to a state."""


def _codes(state: Any) -> _Codes:
    """Return `state`'s first-subset codes, with those added since the last call."""
    assignments: dict[int, int] = state.assignments
    known = _CODES.get(state)
    if known is not None and known[0] == len(assignments):
        return known[1]
    done, codes = known if known is not None else (0, _Codes())
    for char, code in itertools.islice(assignments.items(), done, None):
        if code < 256:
            codes[char] = chr(code)
    if 32 in codes:
        codes[0xA0] = codes[32]  # ReportLab sets a no-break space as a space
    _CODES[state] = (len(assignments), codes)
    return codes


def split_string(font: TTFont, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
    """Return `TTFont.splitString(font, text, doc)`: (subset, its codes as bytes) for each run
    of `text` in one subset."""
    state = font.state.get(doc)
    if state is not None and text and isinstance(text, str):
        try:
            return [(0, text.translate(_codes(state)).encode("latin-1"))]
        except _Uncoded:
            pass
    return _REPORTLAB_SPLIT(font, text, doc, encoding)


def prefer_translated_split() -> bool:
    """Have embedded TrueType faces turn text into codes with `split_string`; return whether
    they do. Done only while `TTFont.splitString` is ReportLab's own."""
    if TTFont.splitString is _REPORTLAB_SPLIT:
        TTFont.splitString = split_string
    return TTFont.splitString is split_string


__all__ = ["pdfdoc_enc", "prefer_ascii_pdfdoc", "prefer_translated_split", "split_string"]
