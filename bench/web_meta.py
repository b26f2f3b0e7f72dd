"""Score web page metadata (title, date, authors) against a hand-made gold file.

The gold (`tests/readers/web_meta_gold.json`) says what a person reads off each page: the headline
shown, the publication date printed on the page, the byline's names. A field that is null there
was not judged and is not scored. Comparison forgives only typography: Unicode form, curly and
straight quotes, dash kinds, white space and case; dates compare at the day.

`tests/readers/web_meta_holdout.json` is a second gold of other pages of the same corpus, held
out: no rule was written against it. Score it once, when a piece of work is done:

    python bench/web_meta.py [--gold FILE] [--misses] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GOLD = Path(__file__).resolve().parents[1] / "tests" / "readers" / "web_meta_gold.json"
HOLDOUT = GOLD.with_name("web_meta_holdout.json")
FIELDS = ("title", "date", "authors")
_TYPOGRAPHY = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                             "\u00a0": " "})


@dataclass(frozen=True, slots=True)
class PageMeta:
    """The metadata one extractor gives for one page."""

    title: str | None
    date: str | None
    authors: tuple[str, ...]


@dataclass
class MetaTally:
    """Right answers and judged pages per field, with the misses for inspection."""

    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    judged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[tuple[str, str, Any, Any]] = field(default_factory=list)

    def rate(self, name: str) -> float:
        """Return the share of judged pages right for field `name`."""
        return self.right[name] / self.judged[name] if self.judged[name] else 0.0


def load_gold(path: Path = GOLD) -> dict[str, dict[str, Any]]:
    """Return the gold pages keyed by page id."""
    pages: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["pages"]
    return pages


def same_text(a: str | None, b: str | None) -> bool:
    """Return True when `a` and `b` differ at most in typography and case."""
    return a is not None and b is not None and _plain(a) == _plain(b)


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
    return re.sub(r"\s+", " ", text).strip().casefold()


def same_names(a: Iterable[str], b: Iterable[str]) -> bool:
    """Return True when the two author lists name the same people, in any order."""
    return sorted(map(_plain, a)) == sorted(map(_plain, b))


def agrees(name: str, want: Any, got: PageMeta) -> bool:
    """Return True when field `name` of `got` is the gold value `want`."""
    if name == "title":
        return same_text(got.title, want)
    if name == "date":
        return (got.date or "")[:10] == want
    return same_names(got.authors, want)


def tally(gold: dict[str, dict[str, Any]], found: dict[str, PageMeta]) -> MetaTally:
    """Return how many judged fields of `found` agree with `gold`."""
    result = MetaTally()
    for page, want in gold.items():
        got = found.get(page, PageMeta(None, None, ()))
        for name in FIELDS:
            if want.get(name) is None:
                continue
            result.judged[name] += 1
            if agrees(name, want[name], got):
                result.right[name] += 1
            else:
                result.misses.append((page, name, want[name], getattr(got, name)))
    return result


def main(argv: list[str] | None = None) -> int:
    """Print title, date and author accuracy on a gold file, ours beside trafilatura's."""
    from bench.inputs import DEFAULT, our_meta, their_meta

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold file (default: the dev gold)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="list our misses")
    args = parser.parse_args(argv)
    if not (args.corpus / "html").is_dir():
        print(f"skipped: no benchmark at {args.corpus} (../shared is not present)")
        return 0
    gold = load_gold(args.gold)
    found: dict[str, dict[str, PageMeta]] = {"ours": {}, "trafilatura": {}}
    for page in gold:
        markup = gzip.decompress((args.corpus / "html" / f"{page}.html.gz").read_bytes())
        found["ours"][page] = our_meta(markup, f"{page}.html")
        found["trafilatura"][page] = their_meta(markup)
    print(f"metadata on {len(gold)} pages of {args.gold.name} (right / judged)")
    print(f"{'extractor':<14}" + "".join(f"{name:>16}" for name in FIELDS))
    for label, pages in found.items():
        result = tally(gold, pages)
        cells = "".join(f"{result.right[n]:>5}/{result.judged[n]:<4}{result.rate(n):>7.2f}"
                        for n in FIELDS)
        print(f"{label:<14}{cells}")
        if args.misses and label == "ours":
            for page, name, want, got in result.misses:
                print(f"  {page[:12]} {name}: want {want!r} got {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
