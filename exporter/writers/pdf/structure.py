"""Tagged PDF, part two: the structure tree and the catalogue entries, added as the file is saved.

`tagging.Tagger` wrote marked content into the pages and recorded which element each MCID and
each link annotation belongs to; `attach` turns that record into ReportLab PDF objects just
before the canvas saves: the `/StructTreeRoot` (with the `/ParentTree` from MCIDs and
annotations back to elements), each page's `/StructParents` and `/Tabs /S`, each link's
`/StructParent` and print flag, `/MarkInfo`, and XMP metadata with dc:title and `pdfuaid:part 1`.
(`/Lang` and `/ViewerPreferences /DisplayDocTitle` are ReportLab's own options.) Written by
ReportLab in the same pass, the tree costs no second parse of the file.

`make_pdfa` is the `--pdfa` step, after saving: pikepdf's `pdfa.prepare` (the sRGB output
intent, its profile shipped with pikepdf under the zlib licence; the XMP `pdfaid` declaration;
XMP and document information made to agree). Such a file claims PDF/A-2b instead of PDF/UA:
PDF/A admits `pdfuaid` only with an extension schema, which pikepdf's validator does not accept;
it is tagged all the same. Fonts are all embedded by ReportLab, and the empty page transitions
it writes are dropped. Dates and IDs come from the document alone: the bytes are reproducible.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import (
    XMP,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from ...xmltext import escape
from .tagging import Element, Tagger, page_and_mcid

PDFA_FLAVOUR = "2b"
TRUE = b"true"
"""A PDF boolean, as ReportLab writes bytes: its `format` would spell Python's `True`."""

PAGE_KEYS = ["StructParents", "Tabs"]
"""Page entries ReportLab's `PDFPage` does not list (it writes only the keys it knows)."""


def attach(canv: Canvas, tagger: Tagger, *, title: str, timestamp: int, generator: str,
           claim_pdfua: bool = True) -> None:
    """Add the structure `tagger` recorded to the document `canv` is about to save."""
    doc = canv._doc
    pages = doc.Pages.pages
    page_refs = [PDFObjectReference(f"Page{n}") for n in range(1, len(pages) + 1)]
    tree_root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root_ref = doc.Reference(tree_root)
    _register(doc, tagger.root, page_refs)
    tagger.root.parent_ref = root_ref.name
    tree_root["K"] = PDFObjectReference(tagger.root.ref)
    nums: list[bytes | PDFObject] = [b"["]
    for index, page in enumerate(pages):
        marked = tagger.marked[index] if index < len(tagger.marked) else []
        page.__NoDefault__ = [*type(page).__NoDefault__, *PAGE_KEYS]
        page.StructParents = index
        page.Tabs = PDFName("S")
        page.Trans = None  # no page transitions (PDF/A)
        nums.append(b"%d [" % index)
        nums.append(_Refs([element.ref for element in marked]))
        nums.append(b"]\n")
    key = len(pages)
    for links in tagger.links[:len(pages)]:
        for element in links:
            assert element.annotation is not None
            entries = element.annotation[0]
            entries["StructParent"] = key
            entries["F"] = 4  # printed: print and screen agree, and readers get it
            nums += [b"%d " % key, _Refs([element.ref]), b"\n"]
            key += 1
    nums.append(b"]")
    tree_root["ParentTree"] = doc.Reference(PDFDictionary({"Nums": _Raw(nums)}))
    tree_root["ParentTreeNextKey"] = key
    catalog = doc.Catalog
    catalog.StructTreeRoot = root_ref
    catalog.MarkInfo = PDFDictionary({"Marked": TRUE})
    info = doc.info
    packet = _xmp(title=title, author=info.author, subject=info.subject,
                  keywords=info.keywords, creator=info.creator, producer=generator,
                  timestamp=timestamp, claim_pdfua=claim_pdfua)
    metadata = XMP(creator=lambda _doc: packet.encode("utf-8"))
    metadata.filters = []  # PDF/A: the metadata stays readable, unfiltered
    catalog.Metadata = doc.Reference(metadata)


class _Raw(PDFObject):  # type: ignore[misc]
    """A PDF object written as its parts: bytes as they are, PDF objects (references, strings)
    formatted."""

    def __init__(self, parts: list[bytes | PDFObject]) -> None:
        self.parts = parts

    def format(self, document: Any) -> bytes:
        return b"".join(p if isinstance(p, bytes) else p.format(document) for p in self.parts)


class _Refs(PDFObject):  # type: ignore[misc]
    """References to objects by name, written space-separated."""

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def format(self, document: Any) -> bytes:
        return b" ".join(_ref(document, name) for name in self.names)


def _ref(document: Any, name: str) -> bytes:
    """Return the reference to the object ReportLab registered as `name` (`n 0 R`)."""
    return b"%d %d R" % document.idToObjectNumberAndVersion[name]


class _StructElem(PDFObject):  # type: ignore[misc]
    """A structure element, written from its `Element` when ReportLab writes the file.

    A structure tree has an object per paragraph and cell (100,000 in a thousand-page pack):
    each is made into bytes only as it is written, and ReportLab's dictionaries, which would
    take several times as long, are not used.
    """

    def __init__(self, element: Element, page_refs: list[PDFObjectReference]) -> None:
        self.element = element
        self.page_refs = page_refs

    def format(self, document: Any) -> bytes:
        element, page_refs = self.element, self.page_refs
        parent = element.parent.ref if element.parent is not None else element.parent_ref
        out = [b"<< /Type /StructElem /S /%s /P %s" % (element.role.encode(),
                                                      _ref(document, parent))]
        if element.scope:
            out.append(b" /A << /O /Table /Scope /%s >>" % element.scope.encode())
        elif element.bbox:
            out.append(b" /A << /O /Layout /BBox [%s] >>" % fp_str(*element.bbox).encode())
        alt = element.contents or element.alt
        if alt:
            # A Link's text lies in its paragraph's content, not inside the Link: its
            # description stands for it (what a reader announces for the link).
            out += [b" /Alt ", PDFString(alt).format(document)]
        if element.annotation is not None:
            _, name, page = element.annotation
            out.append(b" /K << /Type /OBJR /Obj %s /Pg %s >> >>" % (
                PDFObjectReference(name).format(document), page_refs[page].format(document)))
            return b"".join(out)
        kids: list[bytes] = []
        first_page: int | None = None
        for kid in element.kids:
            if isinstance(kid, Element):
                kids.append(_ref(document, kid.ref))
                continue
            page, mcid = page_and_mcid(kid)
            if first_page is None:
                first_page = page
                out.append(b" /Pg " + page_refs[page].format(document))
            if page == first_page:
                kids.append(b"%d" % mcid)
            else:
                kids.append(b"<< /Type /MCR /Pg %s /MCID %d >>" % (
                    page_refs[page].format(document), mcid))
        if len(kids) == 1:
            out += [b" /K ", kids[0]]  # one kid written as itself (some readers want no array)
        elif kids:
            out += [b" /K [", b" ".join(kids), b"]"]
        out.append(b" >>")
        return b"".join(out)


def _register(doc: Any, element: Element, page_refs: list[PDFObjectReference]) -> None:
    """Register `element` and its descendants as PDF objects; each gets its `ref` (the name
    ReportLab gave the object: one string each, no reference objects held)."""
    element.ref = doc.Reference(_StructElem(element, page_refs)).name
    for kid in element.kids:
        if isinstance(kid, Element):
            _register(doc, kid, page_refs)


def _xmp(*, title: str, author: str, subject: str, keywords: str, creator: str, producer: str,
         timestamp: int, claim_pdfua: bool) -> str:
    """Return the XMP packet: the document information, and the PDF/UA claim."""
    when = dt.datetime.fromtimestamp(timestamp, tz=dt.timezone.utc).isoformat()

    def text(value: str) -> str:
        return escape(value or "")

    pdfua = "<pdfuaid:part>1</pdfuaid:part>" if claim_pdfua else ""
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
        'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text(title)}</rdf:li></rdf:Alt>'
        f"</dc:title><dc:creator><rdf:Seq><rdf:li>{text(author)}</rdf:li></rdf:Seq>"
        '</dc:creator><dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
        f"{text(subject)}</rdf:li></rdf:Alt></dc:description>"
        f"<pdf:Keywords>{text(keywords)}</pdf:Keywords><pdf:Producer>{text(producer)}"
        f"</pdf:Producer><xmp:CreatorTool>{text(creator)}</xmp:CreatorTool>"
        f"<xmp:CreateDate>{when}</xmp:CreateDate><xmp:ModifyDate>{when}</xmp:ModifyDate>"
        f"<xmp:MetadataDate>{when}</xmp:MetadataDate>{pdfua}"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )


def make_pdfa(data: bytes, *, timestamp: int, generator: str) -> bytes:
    """Return the tagged PDF `data` made PDF/A-2b (see the module's docstring)."""
    import pikepdf
    import pikepdf.pdfa  # only for --pdfa: it loads the validator's data

    with pikepdf.open(io.BytesIO(data)) as pdf:
        if pikepdf.Name.Trapped in pdf.docinfo:
            del pdf.docinfo[pikepdf.Name.Trapped]  # "not trapped": no XMP equivalent
        pikepdf.pdfa.prepare(pdf, PDFA_FLAVOUR)
        when = dt.datetime.fromtimestamp(timestamp, tz=dt.timezone.utc).isoformat()
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            # `prepare` records pikepdf and the time of the run: the document's own instead.
            for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                xmp[key] = when
            xmp["pdf:Producer"] = generator
        pdf.docinfo[pikepdf.Name.Producer] = pikepdf.String(generator)
        out = io.BytesIO()
        # The file ID is a digest of the content: the same document, the same bytes.
        pdf.save(out, deterministic_id=True)
        return out.getvalue()
