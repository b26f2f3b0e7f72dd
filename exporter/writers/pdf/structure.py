"""Tagged PDF, part two: the structure tree and the catalogue entries, added after writing.

`tagging.Tagger` wrote marked content into the pages and recorded which element each MCID and
each link annotation belongs to; here that record becomes the PDF's `/StructTreeRoot` (with the
`/ParentTree` from MCIDs and annotations back to elements), and the catalogue gets what PDF/UA-1
asks for: `/MarkInfo`, `/Lang`, `/ViewerPreferences /DisplayDocTitle`, `/Tabs /S` on each page
and XMP metadata with dc:title and `pdfuaid:part 1`. With `pdfa`, the file is made PDF/A-2b
instead of claiming PDF/UA (pikepdf's `pdfa.prepare`: the sRGB output intent, the profile
shipped with pikepdf under the zlib licence; the XMP `pdfaid` declaration; print flags on
annotations), still tagged; ReportLab embeds every font, and the empty page transitions it
writes are dropped. Dates and IDs come from the document alone, so the bytes are reproducible.
"""

from __future__ import annotations

import datetime as dt
import io

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from .tagging import Content, Element, Tagger

PDFA_FLAVOUR = "2b"


def add_structure(data: bytes, tagger: Tagger, *, title: str, lang: str, timestamp: int,
                  generator: str, pdfa: bool = False) -> bytes:
    """Return the PDF `data` with the structure `tagger` recorded, tagged for PDF/UA-1."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = list(pdf.pages)
        tree = _Tree(pdf, pages)
        root = pdf.Root
        root.StructTreeRoot = tree.build(tagger)
        root.MarkInfo = Dictionary(Marked=True)
        root.Lang = String(lang)
        root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        for page in pages:
            page.obj.Tabs = Name.S
            if Name.Trans in page.obj:
                del page.obj[Name.Trans]  # ReportLab's empty transition: PDF/A allows none
        _metadata(pdf, title=title, timestamp=timestamp, generator=generator, pdfa=pdfa)
        out = io.BytesIO()
        # The file ID is a digest of the content: the same document, the same bytes.
        pdf.save(out, deterministic_id=True, compress_streams=True)
        return out.getvalue()


class _Tree:
    """The structure tree of one document, as PDF objects."""

    def __init__(self, pdf: pikepdf.Pdf, pages: list[pikepdf.Page]) -> None:
        self.pdf = pdf
        self.pages = pages
        self.objects: dict[int, pikepdf.Object] = {}
        self.annots: list[tuple[int, pikepdf.Object]] = []

    def build(self, tagger: Tagger) -> pikepdf.Object:
        pdf = self.pdf
        tree_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document = self.element(tagger.root, tree_root)
        tree_root.K = document
        nums: list[object] = []
        for index, page in enumerate(self.pages):
            marked = tagger.marked[index] if index < len(tagger.marked) else []
            page.obj.StructParents = index
            nums += [index, Array([self.objects[id(e)] for e in marked])]
        key = len(self.pages)
        for index, page in enumerate(self.pages):
            links = tagger.links[index] if index < len(tagger.links) else []
            annots = [a for a in page.obj.get("/Annots", Array())
                      if a.get("/Subtype") == Name.Link]
            if len(annots) != len(links):
                raise RuntimeError(f"page {index + 1}: {len(annots)} link annotations, "
                                   f"{len(links)} recorded while drawing")
            for annot, element in zip(annots, links, strict=True):
                annot.StructParent = key
                annot.F = 4  # printed: print and screen agree, and readers get it
                link = self.objects[id(element)]
                link.K = Dictionary(Type=Name.OBJR, Obj=annot, Pg=page.obj)
                nums += [key, link]
                key += 1
        tree_root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(nums)))
        tree_root.ParentTreeNextKey = key
        return tree_root

    def element(self, element: Element, parent: pikepdf.Object) -> pikepdf.Object:
        made = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + element.role),
                                                 P=parent))
        self.objects[id(element)] = made
        if element.scope:
            made.A = Dictionary(O=Name.Table, Scope=Name("/" + element.scope))
        if element.alt:
            made.Alt = String(element.alt)
        if element.contents:
            # The link's text lies in its paragraph's content, not inside the Link: the
            # description stands for it (what a reader announces for the link).
            made.Alt = String(element.contents)
        kids: list[object] = []
        page: int | None = None
        for kid in element.kids:
            if isinstance(kid, Content):
                if kid.annot >= 0:
                    continue  # a Link's annotation: given as an OBJR with the annotations
                if page is None:
                    page = kid.page
                    made.Pg = self.pages[page].obj
                if kid.page == page:
                    kids.append(kid.mcid)
                else:
                    kids.append(Dictionary(Type=Name.MCR, Pg=self.pages[kid.page].obj,
                                           MCID=kid.mcid))
            else:
                kids.append(self.element(kid, made))
        if len(kids) == 1:
            made.K = kids[0]  # one kid written as itself (some readers expect no array)
        elif kids:
            made.K = Array(kids)
        return made


def _metadata(pdf: pikepdf.Pdf, *, title: str, timestamp: int, generator: str,
              pdfa: bool) -> None:
    """Write the XMP packet (from the document information) and the conformance claims."""
    if pdfa:
        import pikepdf.pdfa  # only for --pdfa: it loads the validator's data

        pikepdf.pdfa.prepare(pdf, PDFA_FLAVOUR)
    when = dt.datetime.fromtimestamp(timestamp, tz=dt.timezone.utc).isoformat()
    if Name.Trapped in pdf.docinfo:
        del pdf.docinfo[Name.Trapped]  # ReportLab's "not trapped" has no XMP equivalent
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
        if not pdfa:
            xmp.load_from_docinfo(pdf.docinfo)
        xmp["dc:title"] = title
        if not pdfa:
            # PDF/A admits this property only with an extension schema declaring it, which
            # pikepdf's validator does not read: a --pdfa file claims PDF/A-2b alone (it is
            # tagged all the same).
            xmp["pdfuaid:part"] = "1"
        # `prepare` records pikepdf and the time of the run: the document's own, for
        # reproducible bytes.
        for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
            xmp[key] = when
        xmp["pdf:Producer"] = generator
    pdf.docinfo[Name.Producer] = String(generator)
