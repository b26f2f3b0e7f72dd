"""Packaging: the reference document opened, and the members of the package to be zipped."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from typing import cast

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.oxml import CT_Types, serialize_part_xml
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.part import Part
from docx.opc.rel import Relationships
from docx.opc.spec import default_content_types
from docx.oxml.ns import qn
from lxml import etree

from ...blocks import DocMeta
from ...errors import RenderError
from ...options import RenderOptions
from ...xmltext import escape
from .elements import _LANG, _clip

MAX_PROPERTY = 255
"""python-docx refuses core properties longer than this."""

_TEMPLATE_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCUMENT_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _open_reference(data: bytes) -> WordDocument:
    """Return the user's reference document (a .dotx read as a .docx) with an empty body."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = source.read(info)
            if info.filename == "[Content_Types].xml":
                member = member.replace(_TEMPLATE_MAIN, _DOCUMENT_MAIN)
            target.writestr(info, member)
    try:
        word = docx.Document(io.BytesIO(buffer.getvalue()))
    except (ValueError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise RenderError("docx", f"the reference document cannot be used: {exc}") from exc
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return word


def _package_members(word: WordDocument) -> dict[str, bytes]:
    """Return the members python-docx's `save` would zip, by name, but the main document part
    (the caller has it whole, spooled): content types, relationships and every other part."""
    package = word.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    main = word.part.partname
    members = {CONTENT_TYPES_URI.membername: _content_types(parts),
               PACKAGE_URI.rels_uri.membername: _rels_xml(package.rels)}
    for part in parts:
        if part.partname != main:
            members[part.partname.membername] = part.blob
        if len(part.rels):
            members[part.partname.rels_uri.membername] = _rels_xml(part.rels)
    return members


_KEPT = 64
"""Relationship and content-type XML kept by what it is made from: each rendering of a summary
(and every summary with the same links and parts) makes the same again."""
_RELS_XML: dict[tuple[tuple[str, str, str, bool], ...], bytes] = {}
_CONTENT_TYPES: dict[tuple[tuple[str, str], ...], bytes] = {}


def _rels_xml(rels: Relationships) -> bytes:
    """python-docx's `rels.xml`, made once for the same relationships in the same order."""
    key = tuple((rel.rId, rel.reltype, rel.target_ref, rel.is_external)
                for rel in rels.values())
    found = _RELS_XML.get(key)
    if found is None:
        if len(_RELS_XML) >= _KEPT:
            _RELS_XML.clear()
        found = _RELS_XML[key] = cast(bytes, rels.xml)
    return found


def _content_types(parts: Sequence[Part]) -> bytes:
    """`_make_content_types` of `parts`, made once for the same part names and types."""
    key = tuple((str(part.partname), part.content_type) for part in parts)
    found = _CONTENT_TYPES.get(key)
    if found is None:
        if len(_CONTENT_TYPES) >= _KEPT:
            _CONTENT_TYPES.clear()
        found = _CONTENT_TYPES[key] = _make_content_types(parts)
    return found


def _make_content_types(parts: Sequence[Part]) -> bytes:
    """Return `[Content_Types].xml` for `parts` as python-docx's package writer makes it: a
    default for the extensions the OPC spec lists with that type, an override for the rest,
    each sorted."""
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[PackURI, str] = {}
    for part in parts:
        ext = part.partname.ext
        if (ext.lower(), part.content_type) in default_content_types:
            defaults[ext.lower()] = part.content_type
        else:
            overrides[part.partname] = part.content_type
    types = CT_Types.new()  # type: ignore[no-untyped-call]
    for ext in sorted(defaults):
        types.add_default(ext, defaults[ext])
    for partname in sorted(overrides):
        types.add_override(partname, overrides[partname])
    blob: bytes = serialize_part_xml(types)
    return blob


def set_core_properties(word: WordDocument, meta: DocMeta, options: RenderOptions) -> None:
    """Set the core properties (docProps/core.xml) from `meta`, dated by the options' timestamp."""
    props = word.core_properties
    when = dt.datetime.fromtimestamp(options.timestamp, tz=dt.timezone.utc)
    props.title = _clip(meta.title, MAX_PROPERTY)
    props.subject = _clip(meta.subject, MAX_PROPERTY)
    props.keywords = _clip("; ".join(meta.keywords), MAX_PROPERTY)
    props.author = _clip(meta.author or options.generator, MAX_PROPERTY)
    props.last_modified_by = _clip(options.generator, MAX_PROPERTY)
    props.comments = ""
    props.category = ""
    props.content_status = ""
    props.identifier = ""
    props.version = ""
    props.language = meta.lang if _LANG.fullmatch(meta.lang or "") else ""
    props.created = props.modified = props.last_printed = when
    props.revision = 1


def app_xml(options: RenderOptions) -> bytes:
    """Return docProps/app.xml naming the generator, without the template's statistics."""
    application = escape(_clip(options.generator, MAX_PROPERTY))
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties">'
        f"<Application>{application}</Application><DocSecurity>0</DocSecurity>"
        "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    ).encode()

