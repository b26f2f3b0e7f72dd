"""A faster stand-in for ReportLab's string-to-bytes step when it writes the file.

ReportLab formats every name, number and dictionary of the PDF as text and turns each piece into
bytes with `pdfdoc.pdfdocEnc`, through its own `extpdfdoc` codec: a codec-registry lookup and a
Python-level codec call for each of the ~4,000 pieces of a briefing (0.7 µs each, ~2 ms of its
~48). Those pieces are ASCII, which the codec maps to itself but for eight control characters it
has no code for, so plain ASCII is encoded as such and anything else still goes through the
codec (tests/writers/test_pdf_fast_paths.py compares the two piece by piece and the files).
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.pdfbase import pdfdoc

_REPORTLAB_PDFDOC_ENC = pdfdoc.pdfdocEnc

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


__all__ = ["pdfdoc_enc", "prefer_ascii_pdfdoc"]
