"""Time the analysis of one article, in milliseconds per 1,000 words (target: under 50).

Articles: the gold articles (`tests/articles/*`, the shared sample) and, when `../shared` is
present, the real web pages of `../shared/corpus/article-extraction-benchmark/html/` as the HTML
reader reads them. Every article is analysed cold (the per-article caches cleared first), stage
by stage as `exporter.analysis.analyse` runs them, so the report says where the time goes.
Times are CPU time of this process (`time.process_time`): on a shared machine wall-clock time
measures the neighbours as much as the analysis.
`--stress` adds one paragraph of 512 KB of repeated names and quotations (issue #10: it took
264 s in `actors._leftover` before the look-behinds were bounded).

    python bench/analysis_speed.py [--limit N] [--stress] [--repeat N]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from exporter.model import Article, Meta, Paragraph, Source

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus" / "article-extraction-benchmark" / "html"


def _clear_caches() -> None:
    """Forget what earlier articles left in the analysis caches, so each run is cold."""
    from exporter.analysis import actors, keypoints, sentences, terms

    actors.find_mentions.cache_clear()
    actors.find_actors.cache_clear()
    keypoints._mark_offsets.cache_clear()
    sentences._article_sentences.cache_clear()
    sentences._split_cached.cache_clear()
    for name in dir(terms):
        fn = getattr(terms, name)
        if callable(getattr(fn, "cache_clear", None)):
            fn.cache_clear()


def stages() -> list[tuple[str, Callable[[Article, dict[str, Any]], Any]]]:
    """Return the analysis stages in the order `analyse` runs them."""
    from exporter.analysis.actors import find_actors
    from exporter.analysis.figures import find_figures
    from exporter.analysis.keypoints import find_key_points
    from exporter.analysis.keywords import find_keywords
    from exporter.analysis.questions import find_questions
    from exporter.analysis.quotes import find_quotes
    from exporter.analysis.sentences import article_sentences
    from exporter.analysis.summary import summarise
    from exporter.analysis.timeline import find_events

    return [
        ("sentences", lambda a, s: article_sentences(a)),
        ("actors", lambda a, s: s.setdefault("actors", find_actors(a))),
        # As `analyse` does: the quotations found once, and handed to the key points.
        ("quotes", lambda a, s: s.setdefault("quotes", find_quotes(a))),
        ("key points", lambda a, s: find_key_points(a, s["actors"], s["quotes"])),
        ("summary", lambda a, s: summarise(a)),
        ("questions", lambda a, s: find_questions(a)),
        ("timeline", lambda a, s: find_events(a)),
        ("figures", lambda a, s: find_figures(a)),
        ("keywords", lambda a, s: find_keywords(a, s["actors"])),
    ]


def time_article(article: Article) -> dict[str, float]:
    """Return milliseconds per stage for one cold analysis of `article`."""
    _clear_caches()
    state: dict[str, Any] = {}
    out: dict[str, float] = {}
    for name, run in stages():
        start = time.process_time()
        run(article, state)
        out[name] = (time.process_time() - start) * 1000
    return out


def least_times(article: Article, repeat: int) -> dict[str, float]:
    """Return each stage's least time over `repeat` cold analyses of the article."""
    runs = [time_article(article) for _ in range(max(1, repeat))]
    return {name: min(run[name] for run in runs) for name in runs[0]}


def words(article: Article) -> int:
    return sum(len(p.text.split()) for p in article.paragraphs)


def articles(limit: int | None) -> list[tuple[str, Article]]:
    """Return the articles to time: gold articles, then corpus pages (up to `limit`)."""
    import exporter

    paths = sorted(p for p in (REPO / "tests" / "articles").iterdir()
                   if p.suffix in {".txt", ".md"})
    sample = REPO / "source" / "pakistan-russia-relations.txt"
    if sample.is_file():
        paths.insert(0, sample)
    out = [(p.name, exporter.load(p, display=p.name)) for p in paths]
    return [(n, a) for n, a in out + corpus_pages(limit) if words(a) >= 50]


def corpus_pages(limit: int | None) -> list[tuple[str, Article]]:
    """Return (short id, article) for the corpus pages the HTML reader reads (up to `limit`);
    none when ../shared is absent."""
    import exporter
    from exporter.errors import ExportError

    out: list[tuple[str, Article]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for page in sorted(CORPUS.glob("*.html.gz"))[:limit]:
            html = Path(tmp) / page.name.removesuffix(".gz")
            html.write_bytes(gzip.decompress(page.read_bytes()))
            try:
                out.append((page.name[:12], exporter.load(html, display=html.name)))
            except ExportError:
                continue
    return out


def stress_article() -> Article:
    """Return one 512 KB paragraph of repeated names, surnames and quotations."""
    unit = "Maria Lopez met John Smith and Smith said Lopez was right. “We agree,” Lopez said. "
    text = unit * (512 * 1024 // len(unit))
    return Article(title="stress", title_inferred=False, meta=Meta(), authors=(),
                   paragraphs=(Paragraph(n=1, text=text),), headings=(),
                   source=Source(path="stress.txt", format="text"))


def report(rows: Sequence[tuple[str, int, dict[str, float]]]) -> str:
    """Return the summary: ms per 1,000 words (median, 90th percentile, overall) and per stage."""
    per_k = sorted(1000 * sum(t.values()) / n for _, n, t in rows)
    total_words = sum(n for _, n, _ in rows)
    total_ms = sum(sum(t.values()) for _, _, t in rows)
    lines = [f"{len(rows)} articles, {total_words} words: "
             f"median {statistics.median(per_k):.1f} ms, "
             f"90th percentile {per_k[int(0.9 * (len(per_k) - 1))]:.1f} ms, "
             f"overall {1000 * total_ms / total_words:.1f} ms per 1,000 words (target < 50)",
             "", "| stage | ms per 1,000 words |", "|---|---|"]
    for name, _ in stages():
        ms = sum(t[name] for _, _, t in rows)
        lines.append(f"| {name} | {1000 * ms / total_words:.1f} |")
    slowest = sorted(rows, key=lambda r: -sum(r[2].values()) / r[1])[:3]
    lines += ["", "slowest: " + ", ".join(
        f"{name} ({n} words, {1000 * sum(t.values()) / n:.0f} ms/1k)" for name, n, t in slowest)]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="corpus pages to time")
    parser.add_argument("--stress", action="store_true", help="also time a 512 KB paragraph")
    parser.add_argument("--repeat", type=int, default=1,
                        help="time each article N times (cold each time) and keep each stage's "
                             "least time: steadier on a busy machine")
    args = parser.parse_args(argv)
    rows = [(name, words(a), least_times(a, args.repeat)) for name, a in articles(args.limit)]
    print(report(rows))
    if args.stress:
        article = stress_article()
        times = time_article(article)
        print(f"\n512 KB paragraph ({words(article)} words): "
              + ", ".join(f"{k} {v / 1000:.1f} s" for k, v in times.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
