"""trafilatura's body tree, mended before the HTML reader walks it.

Two things extraction gets wrong in ways the tree still shows:

- text written straight into a `<div>` around links and emphasis comes back as one `p` per piece,
  with the spaces beside the inline element trimmed (`the entire` / `<hi>AppleInsider</hi>staff`):
  `mend_fragments` puts the pieces back together;
- a dateline whose agency sits in its own element loses the space after it (`(CNN)President`):
  `space_datelines` puts it back;
- lists of links to other stories inside the article's container come back as the article's
  paragraphs or list: `drop_link_runs` removes a run of paragraphs, or a list, made of nothing but
  links with headline-like texts. A single such link stays (an article may link a report so).

And two things it gets wrong before it starts, both mended on the page tree:

- a card that pops up over a name on hover (its photo, full name, other headlines and `MORE`,
  written inside the paragraph right after the name) is read as part of the sentence:
  `drop_hover_cards` removes it before extraction;
- a page that splits its article into chunks (two or more containers of the same class, ads
  between them) gives only the first chunk: `join_body_chunks` moves the later chunks' content
  into the first, and the page is extracted again.
"""

from __future__ import annotations

import re

from lxml import etree

_INLINE = frozenset({"hi", "ref"})
# A paragraph piece that stops mid-sentence: on a letter, a digit or a comma.
_MID_SENTENCE = re.compile(r"[\w,]\s*$")
_SENTENCE_END = re.compile(r"[.!?:;,…\"”’)]\s*$")
# `Hong Kong (CNN Business)A …`, `(CNN)President …`: an agency in brackets opening a paragraph,
# glued to the first word.
_GLUED_DATELINE = re.compile(r"^(\s*[^()\n]{0,40}\([A-Z][\w .&-]{0,30}\))(?=[A-Z\"“])")
_MIN_RUN = 3
"""Paragraphs that are each one link: a run this long is a list of other stories."""
_HEADLINE_WORDS = (3, 20)


def mend_fragments(body: etree._Element) -> None:
    """Rejoin the pieces of a paragraph that extraction split at its links and emphasis.

    Text written straight into a `<div>` around `<a>`/`<em>` comes back as one `p` per piece,
    with the spaces beside the inline element trimmed away (`the entire` / `<hi>AppleInsider
    </hi>staff, exactly …`). A piece that opens with the inline element is put back: a space
    after the element, and the piece joined to the one before when that stops mid-sentence.
    """
    for parent in list(body.iter()):
        previous: etree._Element | None = None
        for child in list(parent):
            if child.tag != "p":
                previous = None
                continue
            fragment = _is_fragment(child)
            if fragment:
                for inline in child:
                    if inline.tag in _INLINE and inline.tail and inline.tail[:1].isalnum() \
                            and "".join(inline.itertext())[-1:].isalnum():
                        inline.tail = " " + inline.tail
            if previous is not None and fragment \
                    and _MID_SENTENCE.search("".join(previous.itertext())) \
                    and (child.text or "").strip() + "".join(c.tail or "" for c in child):
                _append(previous, child)
                parent.remove(child)
                continue
            previous = child


def _is_fragment(p: etree._Element) -> bool:
    return not (p.text or "").strip() and len(p) > 0 and p[0].tag in _INLINE \
        and bool((p[0].tail or "")[:1].isalnum())


def _append(into: etree._Element, piece: etree._Element) -> None:
    """Move `piece`'s text and children to the end of `into`, after a space."""
    if len(into):
        last = into[-1]
        last.tail = (last.tail or "").rstrip() + " " + (piece.text or "")
    else:
        into.text = (into.text or "").rstrip() + " " + (piece.text or "")
    for child in list(piece):
        into.append(child)


def space_datelines(body: etree._Element) -> None:
    """Put back the space between a paragraph's opening `(Agency)` and its first word."""
    for paragraph in body.iter("p"):
        if paragraph.text:
            paragraph.text = _GLUED_DATELINE.sub(r"\1 ", paragraph.text, count=1)


def drop_link_runs(body: etree._Element) -> None:
    """Remove lists of links to other stories: runs of link-only paragraphs, link-only lists."""
    for parent in list(body.iter()):
        run: list[etree._Element] = []
        for child in [*parent, None]:
            if child is not None and child.tag == "p" and _link_headline(child):
                run.append(child)
                continue
            if len(run) >= _MIN_RUN:
                for paragraph in run:
                    parent.remove(paragraph)
            run = []
    for links in list(body.iter("list")):
        items = [i for i in links if i.tag == "item"]
        if len(items) >= 2 and all(_link_headline(i) for i in items) \
                and (parent := links.getparent()) is not None:
            parent.remove(links)


def _link_headline(element: etree._Element) -> bool:
    """Return True for a block that is one link whose text reads as a headline."""
    if (element.text or "").strip() or len(element) != 1 or element[0].tag != "ref" \
            or (element[0].tail or "").strip():
        return False
    text = " ".join("".join(element[0].itertext()).split())
    low, high = _HEADLINE_WORDS
    return low <= len(text.split()) <= high and not _SENTENCE_END.search(text) \
        and "://" not in text


_PROSE_WORDS = 20
"""Words a paragraph needs to count as the article's prose when chunks are compared."""


def _prose_paragraphs(element: etree._Element) -> int:
    return sum(1 for p in element.iterchildren("p")
               if len("".join(p.itertext()).split()) >= _PROSE_WORDS)


_WORD = re.compile(r"\w+")
_URL = re.compile(r"\b(?:https?://|www\.)\S+")


def plain_words(text: str) -> str:
    """Return the words of `text` in lower case, one space between: what extraction's text and
    the page's are compared by (extraction writes links, with their addresses, and emphasis in
    its own marks)."""
    return " ".join(_WORD.findall(_URL.sub(" ", text.lower())))


def _first_prose(element: etree._Element) -> str:
    """Return the first twelve words of the first paragraph of prose in `element` (plain)."""
    for p in element.iterchildren("p"):
        words = plain_words("".join(p.itertext())).split()
        if len(words) >= _PROSE_WORDS:
            return " ".join(words[:12])
    return ""


def join_body_chunks(page: etree._Element, extracted: str) -> bool:
    """Move into the first of a page's article chunks the content of the later ones that
    extraction left out (`extracted`: the text it gave, `plain_words`); return whether any
    moved, so the page is extracted again.

    Chunks are elements of one tag and one class (a class is required) that each hold two or
    more paragraphs of prose as direct children, none inside another. A chunk whose first
    paragraph of prose is in `extracted` was read: a page whose chunks all were is left as it is.
    """
    groups: dict[tuple[str, str], list[etree._Element]] = {}
    for element in page.iter("div", "section", "article"):
        cls = (element.get("class") or "").strip()
        if cls and _prose_paragraphs(element) >= 2:
            groups.setdefault((str(element.tag), cls), []).append(element)
    moved = False
    for chunks in groups.values():
        if len(chunks) < 2 or _first_prose(chunks[0]) not in extracted:
            continue
        first = chunks[0]
        for chunk in chunks[1:]:
            if _first_prose(chunk) in extracted or any(
                    a is first for a in chunk.iterancestors()):
                continue
            for child in list(chunk):
                first.append(child)
            moved = True
    return moved



# Class words of elements shown only on hover or on demand, never in the text's flow.
_HOVER_CLASS = re.compile(r"(?:^|[\s_-])(?:rollover|tooltip|hovercard|popover)(?:$|[\s_-])",
                          re.IGNORECASE)


def drop_hover_cards(page: etree._Element) -> None:
    """Remove the cards a page shows over a link on hover (`<a>Kristi Noem</a><span
    class="rollover-people-block">` with a photo, the full name, headlines and `MORE`): an
    element of a hover class right after the link that opens it. The text after it stays."""
    for element in list(page.iter("span", "div")):
        previous = element.getprevious()
        parent = element.getparent()
        if previous is None or parent is None or previous.tag != "a" or \
                not _HOVER_CLASS.search(element.get("class") or ""):
            continue
        if element.tail:
            previous.tail = (previous.tail or "") + element.tail
        parent.remove(element)
