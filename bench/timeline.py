"""Time the timeline: analysis per article, `find_events` alone, and one paragraph of dates.

For each article of tests/articles (and the shared sample when ../shared is there) it reports
the least CPU time over N runs of the whole analysis (`exporter.analysis.analyse`) and of
`find_events` alone, then the time `find_events` takes on one paragraph of repeated dated
sentences, and on one "sentence" of dates separated by commas, at growing sizes: it shows
whether it stays linear (the old finder took 88 s on 480 KB of dates).

    python bench/timeline.py [--repeat N] [--sizes 60000,120000,480000]

Run it on two checkouts to compare; it uses only the public analysis functions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exporter.model import Article, Meta, Paragraph, Source

REPO = Path(__file__).resolve().parents[1]
SHARED_SAMPLE = REPO / ".." / "shared" / "articles" / "pakistan-russia-relations.txt"
SENTENCE = ("On 12 March 2020, the council met and said on Friday it would decide by June; "
            "last year it spent 3 million, and in 1998 the plan began. ")


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    """Return the least CPU time of `repeat` runs: on a shared machine, wall time measures the
    neighbours as much as the code."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append((time.process_time() - start) * 1000)
    return min(times)


def articles() -> list[Path]:
    """Return the articles timed: tests/articles and the shared sample when present."""
    found = sorted(p for p in (REPO / "tests" / "articles").iterdir()
                   if p.suffix in (".txt", ".md") and ".meta." not in p.name)
    return ([SHARED_SAMPLE] if SHARED_SAMPLE.is_file() else []) + found


def one_paragraph(size: int, run_on: bool = False) -> Article:
    """Return an article of one paragraph of about `size` characters of dated sentences, or
    (`run_on`) of dates separated by commas only: one sentence as long as the paragraph."""
    if run_on:
        text, d = "", 0
        while len(text) < size:
            text += f"{d % 28 + 1} March {1950 + d % 70}, "
            d += 1
    else:
        text = SENTENCE * max(1, size // len(SENTENCE))
    return Article(title="", title_inferred=False, meta=Meta(date="2020-10-16"), authors=(),
                   paragraphs=(Paragraph(n=1, text=text),), headings=(),
                   source=Source(path="bench.txt", format="text"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sizes", default="30000,60000,120000,480000")
    args = parser.parse_args(argv)
    import exporter
    from exporter.analysis import analyse
    from exporter.analysis.timeline import find_events

    print("| article | analyse ms | find_events ms |\n|---|---|---|")
    totals: list[float] = []
    for path in articles():
        article = exporter.load(path)
        whole = _median_ms(lambda a=article: analyse(a), args.repeat)
        events = _median_ms(lambda a=article: find_events(a), args.repeat)
        totals.append(whole)
        print(f"| {path.name} | {whole:.1f} | {events:.2f} |")
    print(f"| **mean** | {statistics.mean(totals):.1f} | |\n")
    print("| one paragraph, characters | sentences: find_events s | one run-on sentence: s |\n"
          "|---|---|---|")
    for size in (int(s) for s in args.sizes.split(",")):
        cells = []
        for run_on in (False, True):
            article = one_paragraph(size, run_on)
            start = time.perf_counter()
            find_events(article)
            cells.append(f"{time.perf_counter() - start:.2f}")
        print(f"| {size:,} | {cells[0]} | {cells[1]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
