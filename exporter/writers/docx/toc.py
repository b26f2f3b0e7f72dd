"""The contents lists: each placeholder replaced by a TOC field filled in with every listed
heading, linked to its bookmark, with its page number when it is known."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from docx.blkcntnr import BlockItemContainer
from docx.oxml.text.paragraph import CT_P
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from .elements import _add_field, _el, new_element, set_style


@dataclass(slots=True)
class _TocSlot:
    placeholder: CT_P
    entries: list[tuple[int, str, str]]
    depth: int = 3


def fill_tocs(slots: Sequence[_TocSlot], toc_pages: Sequence[int | None],
              styles: Mapping[str, ParagraphStyle], body: BlockItemContainer) -> None:
    """Replace each TOC placeholder with a TOC field pre-filled with every listed heading."""
    for slot in slots:
        parent = slot.placeholder.getparent()
        entries = [entry for entry in slot.entries if entry[0] <= slot.depth]
        made: list[CT_P] = []
        for index, (level, text, bookmark) in enumerate(entries):
            p = Paragraph(new_element("w:p"), body)
            set_style(p._p, styles[f"toc {min(level, 3)}"].style_id)
            if index == 0:
                _toc_field_start(p, slot.depth)
            link = _el("w:hyperlink", anchor=bookmark, history="1")
            p._p.append(link)
            run = p.add_run(text)
            link.append(run._r)
            # The entry's place in `toc_entries(doc)`, whatever the depth shown.
            number = int(bookmark.removeprefix("_Toc")) - 1
            page = toc_pages[number] if number < len(toc_pages) else None
            if page is not None or not toc_pages:
                tab = p.add_run()
                tab.add_tab()
                link.append(tab._r)
                start = len(p._p)
                # Before the pages are known (the first rendering): a number's room.
                _add_field(p, f"PAGEREF {bookmark} \\h", str(page or 10))
                for r in list(p._p)[start:]:
                    link.append(r)
            made.append(p._p)
        if not made:
            p = Paragraph(new_element("w:p"), body)
            set_style(p._p, styles["toc 1"].style_id)
            _toc_field_start(p, slot.depth)
            p.add_run("No headings.")
            made.append(p._p)
        made[-1].append(_el("w:r"))
        made[-1][-1].append(_el("w:fldChar", fldCharType="end"))
        for p_el in made:
            slot.placeholder.addprevious(p_el)
        parent.remove(slot.placeholder)


def _toc_field_start(p: Paragraph, depth: int) -> None:
    for kind, text in (("begin", None), (None, f' TOC \\o "1-{depth}" \\h \\z \\u '),
                       ("separate", None)):
        r = _el("w:r")
        if kind is not None:
            r.append(_el("w:fldChar", fldCharType=kind))
        else:
            instr = _el("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = text
            r.append(instr)
        p._p.append(r)
