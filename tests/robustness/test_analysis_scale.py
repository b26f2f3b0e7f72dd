"""Actors and quotations stay linear inside one paragraph (issue #10: 512 KB of repeated names
took 264 s in `actors._leftover`, whose look-behind read the whole paragraph for every word), and
in the number of paragraphs and of the people they name (whether a person was introduced yet
read every mention of the article for each pronoun: 800 paragraphs of speakers sharing surnames
took 5 s for their quotations, 2,000 took 86 s).

The ceiling is generous for a slow, shared CI machine, not a benchmark
(`bench/analysis_speed.py --stress` measures it); it only catches a return to quadratic time.
"""

from __future__ import annotations

import time

from exporter.analysis.actors import find_actors, find_mentions
from exporter.analysis.lexicon import FIRST_NAMES
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



SURNAMES = ("Abernathy", "Baldwin", "Castellano", "Dunmore", "Ellison", "Fairbanks", "Garrido",
            "Hutchings", "Iverson", "Jankowski", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura",
            "Okafor", "Petrov", "Quintero", "Rasmussen", "Sandoval", "Tolliver", "Underwood",
            "Valdez", "Whitlow", "Xiong", "Yamada")


def test_quotations_of_many_paragraphs_and_speakers_are_linear() -> None:
    # 2,000 people, 80 to a surname, each quoted in a paragraph of their own, then `she said`.
    firsts = [name.title() for name in sorted(FIRST_NAMES)[:80]]
    people = [(first, last) for last in SURNAMES for first in firsts]
    paragraphs = tuple(
        Paragraph(n=i + 1, text=f"“We will look at the numbers again,” said {first} {last}, a "
                                f"spokesperson for the council. {last} added that the council "
                                f"had met {SURNAMES[(i + 3) % len(SURNAMES)]} in Geneva. “It is "
                                f"not over,” she said.")
        for i, (first, last) in enumerate(people))
    article = Article(title="t", title_inferred=False, meta=Meta(), authors=(),
                      paragraphs=paragraphs, headings=(),
                      source=Source(path="t.txt", format="text"))
    find_actors(article)  # (timed apart: the quotations are what grew quadratic)
    start = time.process_time()
    quotes = find_quotes(article)
    elapsed = time.process_time() - start
    assert len(quotes) == 2 * len(people)
    assert elapsed < 10, f"{elapsed:.1f} s for {len(people)} paragraphs: quadratic again?"
