"""Score the HTML reader's body text on the article-extraction benchmark, beside trafilatura.

Reads `../shared/corpus/article-extraction-benchmark/` (gzip pages + `ground-truth.json`) beside
the checkout, or `--corpus DIR`. For each page it runs our HTML reader (its paragraphs joined) and
`trafilatura.extract` called directly with its defaults, and scores both with the benchmark's
shingle metric: lower-cased tokens split on white space and punctuation, multisets of 4-token
shingles, precision and recall per page averaged over pages, F1 of the averages.

It then scores the page metadata (title, date, authors) of both on the pages of the hand-made gold
`tests/readers/web_meta_gold.json` (see `bench/web_meta.py`); `--misses` lists what we got wrong.

    python bench/inputs.py [--limit N] [--corpus DIR] [--worst K] [--misses]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from bench.web_meta import FIELDS, PageMeta, load_gold, tally
from exporter.errors import SourceError
from exporter.readers import ReadLimits
from exporter.readers import html as html_reader

_TOKEN = re.compile(r"\w+", re.UNICODE)
DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" \
    / "article-extraction-benchmark"


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Return the multiset of `n`-token shingles of `text` (the benchmark's tokenisation)."""
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i:i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def score(predicted: str, truth: str) -> tuple[float, float]:
    """Return (precision, recall) of `predicted` against `truth`, as the benchmark defines them."""
    pred, true = shingles(predicted), shingles(truth)
    tp = sum((pred & true).values())
    fp = sum(pred.values()) - tp
    fn = sum(true.values()) - tp
    # The benchmark's convention for empty sides: nothing predicted of nothing is perfect.
    precision = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if not fp else 0.0)
    return precision, recall


def ours(markup: bytes, name: str) -> str:
    """Return our reader's body: the paragraphs joined by blank lines."""
    try:
        article = html_reader.read(markup, name, ReadLimits())
    except SourceError:
        return ""
    return "\n\n".join(p.text for p in article.paragraphs)


def our_meta(markup: bytes, name: str) -> PageMeta:
    """Return the title, date and author names our reader gives the page."""
    try:
        article = html_reader.read(markup, name, ReadLimits())
    except SourceError:
        return PageMeta(None, None, ())
    return PageMeta(article.title, article.meta.date,
                    tuple(a.name for a in article.authors if a.name))


def their_meta(markup: bytes) -> PageMeta:
    """Return trafilatura's own metadata for the page (its `;`-joined author string split)."""
    doc = trafilatura.bare_extraction(markup.decode("utf-8", errors="replace"),
                                      with_metadata=True)
    if not isinstance(doc, trafilatura.settings.Document):
        return PageMeta(None, None, ())
    authors = tuple(n.strip() for n in (doc.author or "").split(";") if n.strip())
    return PageMeta(doc.title, doc.date, authors)


def metadata(corpus: Path, show_misses: bool) -> None:
    """Print title, date and author accuracy on the gold pages, ours beside trafilatura's."""
    gold = load_gold()
    found: dict[str, dict[str, PageMeta]] = {"ours": {}, "trafilatura": {}}
    for page in gold:
        markup = gzip.decompress((corpus / "html" / f"{page}.html.gz").read_bytes())
        found["ours"][page] = our_meta(markup, f"{page}.html")
        found["trafilatura"][page] = their_meta(markup)
    print(f"\nmetadata on {len(gold)} hand-checked pages (right / judged)")
    print(f"{'extractor':<14}" + "".join(f"{name:>14}" for name in FIELDS))
    for label, pages in found.items():
        result = tally(gold, pages)
        cells = "".join(f"{result.right[n]:>5}/{result.judged[n]:<3}{result.rate(n):>6.2f}"
                        for n in FIELDS)
        print(f"{label:<14}{cells}")
        if show_misses and label == "ours":
            for page, name, want, got in result.misses:
                print(f"  {page[:12]} {name}: want {want!r} got {got!r}")


def theirs(markup: bytes) -> str:
    """Return trafilatura's plain-text extraction with its defaults."""
    return trafilatura.extract(markup.decode("utf-8", errors="replace")) or ""


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="score only the first N pages")
    parser.add_argument("--worst", type=int, default=0, help="list the K pages we score worst")
    parser.add_argument("--misses", action="store_true", help="list our metadata misses")
    args = parser.parse_args(argv)
    truth_file = args.corpus / "ground-truth.json"
    if not truth_file.is_file():
        print(f"skipped: no benchmark at {args.corpus} (../shared is not present)")
        return 0
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    ids = sorted(truth)[: args.limit or None]
    # Warm both up so one-off import and cache costs do not land on the first page.
    html_reader.read(b"<html><body><p>warm up text for the reader.</p></body></html>", "w.html",
                     ReadLimits())
    totals = {"ours": [0.0, 0.0, 0.0], "trafilatura": [0.0, 0.0, 0.0]}
    per_page: list[tuple[float, str]] = []
    for page in ids:
        markup = gzip.decompress((args.corpus / "html" / f"{page}.html.gz").read_bytes())
        body = truth[page]["articleBody"]
        for label in ("ours", "trafilatura"):
            start = time.perf_counter()
            text = ours(markup, f"{page}.html") if label == "ours" else theirs(markup)
            elapsed = time.perf_counter() - start
            precision, recall = score(text, body)
            totals[label][0] += precision
            totals[label][1] += recall
            totals[label][2] += elapsed
            if label == "ours":
                f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
                per_page.append((f1, page))
    count = len(ids)
    print(f"{count} pages from {args.corpus.name}")
    print(f"{'extractor':<14}{'precision':>10}{'recall':>10}{'F1':>10}{'ms/page':>10}")
    for label, (p_sum, r_sum, t_sum) in totals.items():
        p, r = p_sum / count, r_sum / count
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:<14}{p:>10.3f}{r:>10.3f}{f1:>10.3f}{1000 * t_sum / count:>10.1f}")
    for f1, page in sorted(per_page)[: args.worst]:
        print(f"  {f1:.3f}  {page}")
    metadata(args.corpus, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
