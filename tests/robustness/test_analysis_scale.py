"""Actors and quotations stay linear inside one paragraph (issue #10: 512 KB of repeated names
took 264 s in `actors._leftover`, whose look-behind read the whole paragraph for every word).

The ceiling is generous for a slow, shared CI machine, not a benchmark
(`bench/analysis_speed.py --stress` measures it); it only catches a return to quadratic time.
"""

from __future__ import annotations

import time

from exporter.analysis.actors import find_actors, find_mentions
from exporter.analysis.quotes import find_quotes
from exporter.model import Article, Meta, Paragraph, Source

UNIT = ("Maria Lopez met John Smith and Smith said Lopez was right. “We agree,” Lopez said. "
        "The company, a big miner, said ACME would cut 300 jobs, she said. ")


def test_names_and_quotations_in_one_long_paragraph_are_linear() -> None:
    text = UNIT * (200 * 1024 // len(UNIT))
    article = Article(title="t", title_inferred=False, meta=Meta(), authors=(),
                      paragraphs=(Paragraph(n=1, text=text),), headings=(),
                      source=Source(path="t.txt", format="text"))
    start = time.process_time()
    mentions = find_mentions(article)
    quotes = find_quotes(article)
    actors = find_actors(article)
    elapsed = time.process_time() - start
    assert len(mentions) > 4000 and len(quotes) > 1000
    assert [a.name for a in actors][:1] == ["Maria Lopez"]
    assert elapsed < 30, f"{elapsed:.1f} s for 200 KB: quadratic again?"
