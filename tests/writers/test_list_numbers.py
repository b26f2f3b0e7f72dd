"""Numbered items never touch their text: past nine items the hanging indent fits "10."."""

from __future__ import annotations

import pytest

from exporter.blocks import Inline, ListBlock, ListItem, Slide
from exporter.writers.deck.metrics import CONSERVATIVE, DEJAVU
from exporter.writers.deck.paginate import TextFrame, layout_slide


@pytest.mark.parametrize("count", [9, 16, 120])
def test_every_label_clears_its_text(count: int) -> None:
    items = tuple(ListItem(content=(Inline(text=f"Life item {n}"),)) for n in range(count))
    slide = Slide(title="Agenda", children=(ListBlock(items=items, ordered=True),))
    for page in layout_slide(slide, metrics=CONSERVATIVE):
        for frame in page.body:
            assert isinstance(frame, TextFrame)
            for placed in frame.items:
                label = f"{placed.item.number}."
                for metrics in (CONSERVATIVE, DEJAVU):
                    gap = placed.indent - metrics.width(label, placed.size, False)
                    assert gap >= 0.1 * placed.size, (label, placed.size, gap)
