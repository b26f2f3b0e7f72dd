"""The PPTX deck is streamed: slides spooled as they are finished, the footer total filled in last.

What matters: the package is complete (every part typed, every relationship resolved) and
python-pptx reads it, the total is right even where it was not known when a slide was drawn, and
each slide is on disk before the next is laid out, so a deck keeps no finished slide in memory.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import Any

import pytest
from pptx import Presentation

from exporter.blocks import DocMeta, Document, Inline, ListBlock, ListItem, Para, Slide
from exporter.options import RenderOptions
from exporter.writers import slides_pptx
from exporter.writers.deck.metrics import CONSERVATIVE
from exporter.writers.slides_pptx import PptxWriter

OPTIONS = RenderOptions(timestamp=1_500_000_000)


def text(value: str) -> tuple[Inline, ...]:
    return (Inline(text=value),)


def deck(slides: int, *, long_first: bool = False, body: str = "A point.") -> Document:
    """A deck of `slides` content slides; the first continues over many more if `long_first`."""
    items = tuple(ListItem(content=text(f"Point {n}: " + "words that fill a line " * 5))
                  for n in range(60 if long_first else 1))
    first = Slide(title="Long", children=(ListBlock(items=items),))
    rest = tuple(Slide(title=f"Slide {n}", children=(Para(content=text(body)),),
                       notes=text(f"Notes {n}."))
                 for n in range(2, slides + 1))
    return Document(kind="slides", meta=DocMeta(title="Deck", header="Running header"),
                    blocks=(first, *rest))


def write(doc: Document, options: RenderOptions = OPTIONS) -> bytes:
    return PptxWriter().write(doc, options)


def footer_labels(data: bytes) -> list[str]:
    prs = Presentation(io.BytesIO(data))
    labels = []
    for slide in prs.slides:
        found = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame
                 and re.fullmatch(r"\d+ / \d+", shape.text_frame.text)]
        labels.extend(found)
    return labels


def test_package_is_complete_and_reproducible() -> None:
    data = write(deck(12))
    assert data == write(deck(12))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        types = package.read("[Content_Types].xml").decode()
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
        for name in names:
            if name.endswith(".rels"):
                folder = name.split("_rels/")[0]
                for target, mode in re.findall(r'Target="([^"]+)"( TargetMode="External")?',
                                               package.read(name).decode()):
                    if not mode:  # every internal relationship points at a member
                        resolved = posixpath.normpath(posixpath.join(folder, target))
                        assert resolved.lstrip("/") in names, (name, target)
            elif name.endswith(".xml") and name != "[Content_Types].xml":
                assert f'PartName="/{name}"' in types, name
    resaved = io.BytesIO()
    Presentation(io.BytesIO(data)).save(resaved)  # python-pptx reads and writes it whole
    assert len(Presentation(resaved).slides) == 12


def test_names_ids_and_notes_follow_slide_order() -> None:
    data = write(deck(15))
    prs = Presentation(io.BytesIO(data))
    slides = list(prs.slides)
    assert [s.part.partname for s in slides] == [f"/ppt/slides/slide{n}.xml"
                                                 for n in range(1, len(slides) + 1)]
    assert [s.notes_slide.part.partname for s in slides] == [
        f"/ppt/notesSlides/notesSlide{n}.xml" for n in range(1, len(slides) + 1)]
    assert [s.slide_id for s in slides] == list(range(256, 256 + len(slides)))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read("[Content_Types].xml").decode()
        app = package.read("docProps/app.xml").decode()
    assert types.count("notesSlide+xml") == len(slides)
    assert f"<Slides>{len(slides)}</Slides><Notes>{len(slides)}</Notes>" in app


def test_total_is_filled_in_when_continuations_pass_a_power_of_ten() -> None:
    # 9 slides before splitting, more than 9 after: the total has more digits than reserved.
    data = write(deck(9, long_first=True))
    labels = footer_labels(data)
    total = len(Presentation(io.BytesIO(data)).slides)
    assert total >= 10
    assert labels == [f"{n} / {total}" for n in range(1, total + 1)]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert not any("\ue000".encode() in package.read(name) for name in package.namelist())


def test_footer_box_is_exactly_as_wide_as_before_when_the_digits_agree() -> None:
    data = write(deck(12))
    prs = Presentation(io.BytesIO(data))
    for number, slide in enumerate(prs.slides, start=1):
        (box,) = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.endswith(
            " / 12")]
        width = CONSERVATIVE.width(f"{number} / 12", 10.0, False) + 16
        assert box.width == round(width * 12700)


def test_slide_text_that_looks_like_the_placeholder_stays_literal() -> None:
    trap = "\ue0000\ue001 and \ue0001\ue001"
    data = write(deck(3, body=trap))
    prs = Presentation(io.BytesIO(data))
    texts = [shape.text_frame.text for s in prs.slides for shape in s.shapes
             if shape.has_text_frame]
    assert trap in texts
    assert footer_labels(data) == ["1 / 3", "2 / 3", "3 / 3"]


def test_each_slide_is_spooled_before_the_next_is_laid_out(
        monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    layout = slides_pptx.layout_slide
    put = slides_pptx._Spool.put

    def laid_out(*args: Any, **kwargs: Any) -> Any:
        events.append("layout")
        return layout(*args, **kwargs)

    def spooled(self: Any, name: str, *args: Any) -> None:
        events.append("slide" if re.fullmatch(r"ppt/slides/slide\d+\.xml", name) else "part")
        put(self, name, *args)

    monkeypatch.setattr(slides_pptx, "layout_slide", laid_out)
    monkeypatch.setattr(slides_pptx._Spool, "put", spooled)
    write(deck(20))
    # Slide, its relationships, notes and theirs go to disk before the next slide is laid out:
    # nothing of a finished slide is held in memory.
    assert events == ["layout", "slide", "part", "part", "part"] * 20


def test_user_template_streams_too(tmp_path: Any) -> None:
    template = Presentation()
    old = template.slides.add_slide(template.slide_layouts[5])
    old.notes_slide.notes_text_frame.text = "Example notes to drop"
    path = tmp_path / "corporate.pptx"
    template.save(str(path))
    options = RenderOptions(timestamp=1_500_000_000, pptx_template=str(path))
    data = write(deck(5), options)
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == 5 and footer_labels(data) == []
    assert [s.notes_slide.notes_text_frame.text for s in prs.slides][1:] == [
        f"Notes {n}." for n in range(2, 6)]
    assert data == write(deck(5), options)
