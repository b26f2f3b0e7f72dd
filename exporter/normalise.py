"""Text normalisation, done once when the model is built so every writer gets clean text.

Unicode NFC; line endings to `\\n`; characters XML 1.0 forbids (NUL, VT, FF, ESC, BEL and the
other C0 controls, U+FFFE/U+FFFF, lone surrogates) removed, with a warning naming what went, since
python-docx raises on them and python-pptx writes them as `_x0000_`.
"""

from __future__ import annotations

import re
import unicodedata

_ILLEGAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]"
)
_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x0b": "VT", "\x0c": "FF", "\x1b": "ESC", "\x7f": "DEL"}
# Zero-width and soft-hyphen characters are invisible in the source but split words in search,
# in pdftotext output and in hyphenation; the byte-order mark is an artefact of file encodings.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def _describe(char: str) -> str:
    return _NAMES.get(char, f"U+{ord(char):04X}")


def normalise_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Return `text` normalised, and warnings describing what was removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = _ILLEGAL.findall(text)
    warnings: tuple[str, ...] = ()
    if found:
        kinds = sorted({_describe(c) for c in found})
        warnings = (f"removed {len(found)} control character(s): {', '.join(kinds)}",)
        # A form feed is a page break in old dumps: keep it as a paragraph break, not a join.
        text = text.replace("\x0c", "\n\n")
        text = _ILLEGAL.sub("", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text), warnings


# Invisible controls that reorder or join what a title or a name shows: bidirectional embeddings,
# overrides, isolates and marks (U+202E shows `txt.exe` as `exe.txt`), zero-width joiners and
# the C1 controls (U+009B is a terminal's CSI). Body text keeps the joiners, which some scripts
# and emoji need; a title, a name or a metadata field is one line shown in many places and is
# better without any of them.
_LINE_CONTROLS = re.compile(
    "[\x80-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def strip_controls(text: str) -> str:
    """Return `text` without bidirectional, zero-width and C1 control characters."""
    return _LINE_CONTROLS.sub("", text)


def clean_inline(text: str) -> str:
    """Return one line of text with runs of white space collapsed (for titles, names, cells),
    without invisible controls (see `strip_controls`)."""
    return " ".join(strip_controls(normalise_text(text)[0]).split())


# C0/C1 controls, non-characters, lone surrogates (how Python hands over file-name bytes that are
# not UTF-8) and the bidirectional overrides that can make a name read backwards on a terminal.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: show the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display_name(name: str) -> str:
    """Return a file name safe to print and to place in outputs, odd characters as escapes.

    A name comes from the file system, not the article, but it reaches the terminal (where an
    ESC starts a control sequence), the templates (where a control character is not XML) and
    the UTF-8 outputs (which cannot hold an undecodable byte); escaping keeps it recognisable.
    """
    return _UNPRINTABLE.sub(_escape, name)
