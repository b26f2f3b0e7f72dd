"""Bytes to text for the text-based formats (plain text, Markdown, HTML).

BOMs are honoured first (UTF-8, UTF-16, UTF-32); then strict UTF-8; then charset-normalizer picks
among legacy encodings, preferring cp1252 over latin-1 for the same bytes (cp1252 is latin-1 with
curly quotes and dashes where latin-1 has invisible C1 controls). Binary data is refused.
"""

from __future__ import annotations

import codecs

from ..errors import SourceError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """Return True for data no text encoding explains: NULs or many control bytes."""
    sample = data[:65536]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS[:2] + _BOMS[3:]):
        return False  # UTF-16/32 text has NULs by design.
    # A stray NUL in a text dump is an artefact to remove (with a warning) when the model is
    # built; NULs in quantity mean an image, an archive or a BOM-less UTF-16 file.
    if sample.count(b"\x00") / len(sample) > 0.01:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls / len(sample) > 0.05


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))
"""Every byte but the control bytes `looks_binary` counts (deleted, the controls are left to
count: one pass in C, 0.04 ms a corpus page, where a Python loop over its bytes took 1.4)."""


def text_codec(name: str) -> str | None:
    """Return the canonical name of the text encoding called `name`, or None.

    `codecs.lookup` also knows bytes-to-bytes and str-to-str codecs (zlib, hex, uu, rot13) and
    ones that always fail (undefined) or are not meant for documents (punycode, idna); a page
    declaring one of those gets its encoding detected instead.
    """
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_DOCUMENT_CODECS:
        return None
    return info.name


_NOT_DOCUMENT_CODECS = frozenset({"undefined", "punycode", "idna", "raw-unicode-escape",
                                  "unicode-escape", "mbcs", "oem"})


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name) for `data`; raise `SourceError` naming `path` if binary."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise SourceError(path, f"has a {encoding} byte-order mark but is not "
                                        f"valid {encoding} (byte {exc.start})") from exc
    if looks_binary(data):
        raise SourceError(path, "is binary data, not text (an image or archive renamed?)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Imported here: only text that is not UTF-8 needs it, and a build's fork server would
    # load it for every run (~9 ms).
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000], cp_isolation=None).best()
    encoding = best.encoding if best is not None else "cp1252"
    # charset-normalizer often names latin-1 or a sibling for Western text; cp1252 decodes the
    # same letters and also the quotes and dashes, so prefer it whenever it decodes cleanly.
    if encoding in ("latin_1", "iso8859_1", "iso8859_15", "cp1250", "cp1252", "mac_roman"):
        encoding = "cp1252"
    try:
        if text_codec(encoding) is None:
            raise LookupError(encoding)
        return data.decode(encoding), encoding
    except (UnicodeError, LookupError):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"
