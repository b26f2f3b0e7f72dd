"""Content types and relationships: the two indexes of an OOXML package, read and written.

A package names each part's type in `[Content_Types].xml` (by extension, or per part) and ties
parts together with relationship members (`word/_rels/document.xml.rels`). Both are small XML
files; they are parsed with lxml and written as strings, in a fixed order, so the same parts give
the same bytes.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from ...xmltext import quoteattr

CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
XML_HEADER = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
"""Prefix of the officeDocument relationship types (`RT + "slide"`)."""
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"


def rels_member(member: str) -> str:
    """Return the relationships member of the part `member` (`ppt/_rels/presentation.xml.rels`)."""
    folder, name = posixpath.split(member)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def resolve(source: str, target: str) -> str:
    """Return the member a relationship of part `source` with internal `target` points to."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


@lru_cache(maxsize=4096)
def relative(source: str, member: str) -> str:
    """Return `member` as a relationship target seen from part `source` (remembered: a deck
    asks for the same few hundred, and `relpath` asks the system for the working folder)."""
    return posixpath.relpath(member, posixpath.dirname(source) or ".")


# --- content types -----------------------------------------------------------------------------


@dataclass
class ContentTypes:
    """The package's content types: defaults by extension, overrides by member name."""

    defaults: dict[str, str]
    overrides: dict[str, str]
    """Member name (no leading slash) → content type."""

    @classmethod
    def parse(cls, data: bytes) -> ContentTypes:
        """Return the content types in `[Content_Types].xml` bytes."""
        root = etree.fromstring(data)
        defaults = {el.get("Extension", "").lower(): el.get("ContentType", "")
                    for el in root.iter(f"{{{_CT_NS}}}Default")}
        overrides = {el.get("PartName", "").lstrip("/"): el.get("ContentType", "")
                     for el in root.iter(f"{{{_CT_NS}}}Override")}
        return cls(defaults, overrides)

    def of(self, member: str) -> str:
        """Return the content type of `member` ("" when the package names none)."""
        found = self.overrides.get(member)
        if found is not None:
            return found
        return self.defaults.get(posixpath.splitext(member)[1].lstrip(".").lower(), "")

    def xml(self, members: Iterable[str]) -> bytes:
        """Return `[Content_Types].xml` for a package of `members`: the defaults its members'
        extensions use, and an override for each member whose type no default gives."""
        members = sorted(members)
        used = {posixpath.splitext(m)[1].lstrip(".").lower() for m in members}
        defaults = {ext: kind for ext, kind in self.defaults.items() if ext in used}
        defaults.setdefault("rels", RELS_TYPE)
        defaults.setdefault("xml", "application/xml")
        out = [f'<Types xmlns="{_CT_NS}">']
        out += [f"<Default Extension={quoteattr(ext)} ContentType={quoteattr(kind)}/>"
                for ext, kind in sorted(defaults.items())]
        for member in members:
            kind = self.overrides.get(member)
            extension = posixpath.splitext(member)[1].lstrip(".").lower()
            if kind is not None and kind != defaults.get(extension):
                out.append(f"<Override PartName={quoteattr('/' + member)} "
                           f"ContentType={quoteattr(kind)}/>")
        out.append("</Types>")
        return XML_HEADER + "".join(out).encode("utf-8")


# --- relationships -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Relationship:
    """One relationship of a part."""

    rid: str
    type: str
    target: str
    external: bool = False


class Relationships:
    """A part's relationships, in order, with new ids numbered on from the largest `rIdN`."""

    def __init__(self, existing: Iterable[Relationship] = ()) -> None:
        self.items: list[Relationship] = list(existing)
        numbers = [int(r.rid[3:]) for r in self.items
                   if r.rid.startswith("rId") and r.rid[3:].isdigit()]
        self._next = max(numbers, default=0) + 1

    @classmethod
    def parse(cls, data: bytes) -> Relationships:
        """Return the relationships in a `.rels` member."""
        root = etree.fromstring(data)
        return cls(Relationship(el.get("Id", ""), el.get("Type", ""), el.get("Target", ""),
                                el.get("TargetMode") == "External")
                   for el in root.iter(f"{{{_RELS_NS}}}Relationship"))

    def add(self, type_: str, target: str, *, external: bool = False) -> str:
        """Add a relationship; return its new id."""
        rid = f"rId{self._next}"
        self._next += 1
        self.items.append(Relationship(rid, type_, target, external))
        return rid

    def of_type(self, type_: str) -> list[Relationship]:
        """Return the relationships of `type_`, in order."""
        return [r for r in self.items if r.type == type_]

    def without(self, rids: Iterable[str]) -> Relationships:
        """Return these relationships less those with the ids `rids` (new ids still count on)."""
        gone = set(rids)
        kept = Relationships(r for r in self.items if r.rid not in gone)
        kept._next = self._next
        return kept

    def xml(self) -> bytes:
        """Return the `.rels` member."""
        return relationships_xml(self.items)


def relationships_xml(items: Iterable[Relationship]) -> bytes:
    """Return a `.rels` member listing `items`."""
    out = [f'<Relationships xmlns="{_RELS_NS}">']
    for r in items:
        mode = ' TargetMode="External"' if r.external else ""
        out.append(f"<Relationship Id={quoteattr(r.rid)} Type={quoteattr(r.type)} "
                   f"Target={quoteattr(r.target)}{mode}/>")
    out.append("</Relationships>")
    return XML_HEADER + "".join(out).encode("utf-8")


def reachable(start: Iterable[str], rels: Mapping[str, Relationships]) -> set[str]:
    """Return the members reachable from `start` by internal relationships (`rels` by part)."""
    seen: set[str] = set()
    pending = list(start)
    while pending:
        member = pending.pop()
        if member in seen:
            continue
        seen.add(member)
        for r in rels[member].items if member in rels else ():
            if not r.external:
                pending.append(resolve(member, r.target))
    return seen


__all__ = [
    "CONTENT_TYPES",
    "PACKAGE_RELS",
    "RT",
    "RT_CORE",
    "XML_HEADER",
    "ContentTypes",
    "Relationship",
    "Relationships",
    "reachable",
    "relationships_xml",
    "relative",
    "rels_member",
    "resolve",
]
