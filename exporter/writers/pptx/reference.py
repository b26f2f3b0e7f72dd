"""The reference presentation: the master, layouts, themes and notes master the slides go into.

Without `--pptx-template` it is `builtin.pptx` (made by `scripts/make_builtin_deck.py`); with
one, the user's file less its own slides. python-pptx only *reads* a template, through its
public API: the slide size, and which layout draws each kind of slide with which title and body
placeholders (`deck.shape.choose_layout`); the built-in deck's are known (`BUILTIN_LAYOUTS`).
Everything else is done on the package's parts as XML: the example slides, their notes and
whatever only they use are left out, a notes master is brought from the built-in deck when the
template has none, and the parts are kept as bytes to be copied into each deck unchanged.
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from ...errors import ConfigError
from ..deck.shape import (
    BUILTIN,
    LAYOUT_NAMES,
    DeckShape,
    body_types,
    choose_layout,
    shape_of,
    template_bytes,
    template_identity,
    title_types,
)
from ..deck.shape import placeholder as find_placeholder
from ..ooxml.parts import (
    CONTENT_TYPES,
    PACKAGE_RELS,
    RT,
    ContentTypes,
    Relationships,
    reachable,
    relative,
    rels_member,
    resolve,
)

BUILTIN_FILE = Path(__file__).resolve().parent / "builtin.pptx"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PH = f"{{{P_NS}}}ph"
_SECTIONS = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
"""The extension that lists a presentation's sections (`p14:sectionLst`)."""
_OWN = ("docProps/core.xml", "docProps/app.xml")
"""Members every deck writes anew."""


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A layout's placeholder, as a slide that fills it names it."""

    name: str
    attrs: tuple[tuple[str, str], ...]
    """The `p:ph` attributes (type, idx, orient, sz) the slide's placeholder repeats."""
    type: str
    """The placeholder type ("title", "ctrTitle", "body", "obj"…; `p:ph` without one is "obj")."""


@dataclass(frozen=True, slots=True)
class Layout:
    """The layout that draws one kind of slide, and its title and body placeholders."""

    member: str
    title: Placeholder | None
    body: Placeholder | None


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference presentation read once, ready to have slides added."""

    shape: DeckShape
    members: dict[str, bytes]
    """Parts copied into every deck unchanged (not the presentation, its relationships, the
    content types or the properties)."""
    types: ContentTypes
    presentation: str
    """`presentation.xml` member name."""
    presentation_xml: bytes
    """The presentation without a slide list (`p:sldIdLst`)."""
    presentation_rels: Relationships
    """The presentation's relationships, less its slides."""
    package_rels: Relationships
    layouts: dict[str, Layout]
    """Per key of `LAYOUT_NAMES`."""
    notes_master: str
    notes_image: Placeholder | None
    notes_body: Placeholder | None


BUILTIN_LAYOUTS: dict[str, Layout] = {
    "title": Layout("ppt/slideLayouts/slideLayout1.xml",
                    title=Placeholder("Title 1", (("type", "ctrTitle"),), "ctrTitle"),
                    body=Placeholder("Subtitle 2", (("type", "subTitle"), ("idx", "1")),
                                     "subTitle")),
    "section": Layout("ppt/slideLayouts/slideLayout3.xml",
                      title=Placeholder("Title 1", (("type", "title"),), "title"),
                      body=Placeholder("Text Placeholder 2", (("type", "body"), ("idx", "1")),
                                       "body")),
    "content": Layout("ppt/slideLayouts/slideLayout2.xml",
                      title=Placeholder("Title 1", (("type", "title"),), "title"),
                      body=Placeholder("Content Placeholder 2", (("idx", "1"),), "obj")),
}
"""The layouts `choose_layout` picks in `builtin.pptx`, as python-pptx reads them there
(tests/writers/test_pptx_ooxml.py reads them again): the built-in deck is read without
python-pptx, so a build without `--pptx-template` never imports it (~30 ms of every fork
server's start, and the web modules it pulls in)."""


def load(path: str | None) -> Reference:
    """Return the reference presentation: the template at `path`, or the built-in one.

    A missing or unreadable template is a one-line `ConfigError`.
    """
    if path is None:
        return _builtin()
    return _template(*template_identity(path))


@functools.cache
def _template(path: str, size: int, mtime_ns: int) -> Reference:
    """Return the user's template, read once per process while it stays the same file (a
    reference is never changed by the decks made from it, as with the built-in one)."""
    del size, mtime_ns  # the cache key only
    # Size and archive limits first: every part of the template is copied into every deck.
    data = template_bytes(path)
    try:
        return _read(data, builtin=False)
    except ConfigError as exc:
        raise ConfigError(f"--pptx-template {path}: {exc}") from exc


@functools.cache
def _builtin() -> Reference:
    return _read(BUILTIN_FILE.read_bytes(), builtin=True)


def _read(data: bytes, *, builtin: bool) -> Reference:
    if builtin:
        members = _members(data)
        layouts, shape = dict(BUILTIN_LAYOUTS), BUILTIN
    else:
        members, layouts, shape = _read_template(data)

    types = ContentTypes.parse(members.pop(CONTENT_TYPES))
    package_rels = Relationships.parse(members.pop(PACKAGE_RELS))
    (main,) = [resolve("", r.target) for r in package_rels.of_type(RT + "officeDocument")]
    pres_rels = Relationships.parse(members.pop(rels_member(main)))
    pres_rels = pres_rels.without(r.rid for r in pres_rels.of_type(RT + "slide"))
    root = etree.fromstring(members.pop(main))
    # The slide list goes, and with it what names the example slides: custom shows and
    # PowerPoint's sections (an extension listing slide ids).
    for old in root.findall(f"{{{P_NS}}}sldIdLst") + root.findall(f"{{{P_NS}}}custShowLst"):
        root.remove(old)
    for ext in root.findall(f"{{{P_NS}}}extLst/{{{P_NS}}}ext"):
        if ext.get("uri") == _SECTIONS:
            ext.getparent().remove(ext)

    masters = pres_rels.of_type(RT + "notesMaster")
    if masters:
        notes_master = resolve(main, masters[0].target)
    else:
        notes_master = _bring_notes_master(members, types, main, pres_rels, root)

    # Only what the presentation still reaches: the example slides' notes and media go.
    rels = {m: Relationships.parse(members[rels_member(m)])
            for m in members if rels_member(m) in members}
    rels[main] = pres_rels
    reached = reachable([resolve("", r.target) for r in package_rels.items if not r.external],
                        rels)
    keep = reached | {rels_member(m) for m in reached if m in rels and m != main}
    members = {name: blob for name, blob in members.items()
               if name in keep and name not in _OWN}
    image, body = _notes_placeholders(members[notes_master])
    return Reference(shape=shape, members=members, types=types, presentation=main,
                     presentation_xml=etree.tostring(root, xml_declaration=True,
                                                     encoding="UTF-8", standalone=True),
                     presentation_rels=pres_rels, package_rels=package_rels, layouts=layouts,
                     notes_master=notes_master, notes_image=image, notes_body=body)


def _read_template(data: bytes) -> tuple[dict[str, bytes], dict[str, Layout], DeckShape]:
    """Return a template's members, the layout of each kind of slide and its shape, as
    python-pptx reads them."""
    from pptx import Presentation
    from pptx.exc import InvalidXmlError, PackageNotFoundError

    try:
        prs = Presentation(io.BytesIO(data))
        members = _members(data)
    except (PackageNotFoundError, InvalidXmlError, zipfile.BadZipFile, KeyError, ValueError,
            etree.XMLSyntaxError) as exc:
        raise ConfigError(f"not a PowerPoint file ({exc})") from exc
    if not prs.slide_layouts:
        raise ConfigError("the template has no slide layouts")
    layouts = {kind: _layout(choose_layout(prs, kind)) for kind in LAYOUT_NAMES}
    return members, layouts, shape_of(prs)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()
                if not info.is_dir()}


def _layout(layout: Any) -> Layout:
    """Return where a python-pptx layout is in the package and its title and body placeholders."""
    member = str(layout.part.partname).lstrip("/")
    return Layout(member=member,
                  title=_placeholder(find_placeholder(layout.placeholders, title_types())),
                  body=_placeholder(find_placeholder(layout.placeholders, body_types())))


def _placeholder(shape: Any) -> Placeholder | None:
    if shape is None:
        return None
    ph = shape.placeholder_format.element
    attrs = tuple((key, ph.get(key)) for key in ("type", "orient", "sz", "idx")
                  if ph.get(key) is not None)
    return Placeholder(name=str(shape.name), attrs=attrs, type=ph.get("type", "obj"))


def _notes_placeholders(xml: bytes) -> tuple[Placeholder | None, Placeholder | None]:
    """Return the notes master's slide image and notes text placeholders."""
    found: dict[str, Placeholder] = {}
    for ph in etree.fromstring(xml).iter(_PH):
        kind = ph.get("type", "obj")
        if kind in ("sldImg", "body") and kind not in found:
            attrs = tuple((key, ph.get(key)) for key in ("type", "orient", "sz", "idx")
                          if ph.get(key) is not None)
            name = "Slide Image Placeholder" if kind == "sldImg" else "Notes Placeholder"
            found[kind] = Placeholder(name=name, attrs=attrs, type=kind)
    return found.get("sldImg"), found.get("body")


def _bring_notes_master(members: dict[str, bytes], types: ContentTypes, main: str,
                        pres_rels: Relationships, root: Any) -> str:
    """Copy the built-in notes master and its theme into a template that has none; return it."""
    builtin = _builtin()
    source = builtin.notes_master
    own_rels = Relationships.parse(builtin.members[rels_member(source)])
    (theme_rel,) = own_rels.of_type(RT + "theme")
    folder = posixpath.dirname(resolve(source, theme_rel.target))
    n = 1
    while f"{folder}/theme{n}.xml" in members:
        n += 1
    theme = f"{folder}/theme{n}.xml"
    master = source
    while master in members:  # pragma: no cover - a template with notes parts but no master
        master = master.replace(".xml", "x.xml")
    members[theme] = builtin.members[resolve(source, theme_rel.target)]
    members[master] = builtin.members[source]
    rels = Relationships(own_rels.without([theme_rel.rid]).items)
    rels.add(RT + "theme", relative(master, theme))
    members[rels_member(master)] = rels.xml()
    types.overrides[theme] = builtin.types.of(resolve(source, theme_rel.target))
    types.overrides[master] = builtin.types.of(source)
    rid = pres_rels.add(RT + "notesMaster", relative(main, master))
    # The notes master list comes right after the slide master list.
    lst = etree.Element(f"{{{P_NS}}}notesMasterIdLst")
    etree.SubElement(lst, f"{{{P_NS}}}notesMasterId").set(f"{{{R_NS}}}id", rid)
    root.find(f"{{{P_NS}}}sldMasterIdLst").addnext(lst)
    return master


__all__ = ["BUILTIN_LAYOUTS", "Layout", "Placeholder", "Reference", "load"]
