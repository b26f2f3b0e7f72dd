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
which is nearly always, one charmap encoding through those codes gives the same bytes; a line
with a character not coded yet (or coded in a later subset) goes to ReportLab's own function,
which gives it its code.

tests/writers/test_pdf_fast_paths.py compares each with ReportLab's call by call, and the files.
"""

from __future__ import annotations

import codecs
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


_CODES: WeakKeyDictionary[Any, tuple[int, list[str], Any]] = WeakKeyDictionary()
"""A face's state in a document (`TTFont.state`) -> (how many characters it had coded when
the map was made, the character of each first-subset code, those codes as a charmap encoding
map). Codes are only ever added to a state."""


def _codes(state: Any) -> Any:
    """Return `state`'s first-subset codes as an encoding map (`codecs.charmap_build`: character
    -> its one-byte code), made again with the characters coded since the last call."""
    assignments: dict[int, int] = state.assignments
    known = _CODES.get(state)
    if known is not None and known[0] == len(assignments):
        return known[2]
    # U+FFFE: no character has the code (as in the codecs' own tables).
    done, table = (known[0], known[1]) if known is not None else (0, ["\ufffe"] * 256)
    for char, code in itertools.islice(assignments.items(), done, None):
        if code < 256:
            table[code] = chr(char)
    codes = codecs.charmap_build("".join(table))
    _CODES[state] = (len(assignments), table, codes)
    return codes


def split_string(font: TTFont, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
    """Return `TTFont.splitString(font, text, doc)`: (subset, its codes as bytes) for each run
    of `text` in one subset.

    A line whose characters all have a code in the first subset is encoded through those codes
    in one step (a no-break space as a space, as ReportLab sets it); a character without one
    raises, and the line goes to ReportLab."""
    state = font.state.get(doc)
    if state is not None and text and isinstance(text, str):
        try:
            return [(0, codecs.charmap_encode(text.replace("\xa0", " "), "strict",
                                              _codes(state))[0])]
        except UnicodeEncodeError:
            pass
    return _REPORTLAB_SPLIT(font, text, doc, encoding)


def prefer_translated_split() -> bool:
    """Have embedded TrueType faces turn text into codes with `split_string`; return whether
    they do. Done only while `TTFont.splitString` is ReportLab's own."""
    if TTFont.splitString is _REPORTLAB_SPLIT:
        TTFont.splitString = split_string
    return TTFont.splitString is split_string


__all__ = ["pdfdoc_enc", "prefer_ascii_pdfdoc", "prefer_translated_split", "split_string"]
