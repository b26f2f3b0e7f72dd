"""Score speakers on real news pages: quotations annotated by hand, pages read as a user reads them.

`bench/data/attribution-holdout/realpages.yaml` names pages of
`../shared/corpus/article-extraction-benchmark/` by their corpus id and lists every direct
quotation of each with its speaker (see the README there). Each page is unpacked into a temporary
folder as `<id>.html`, read by `exporter.load` (our own HTML reader: clutter it keeps or drops is
part of the measurement) and analysed by `exporter.analysis.analyse`. Each annotated quotation is
matched, in reading order, to the first unused quotation the analysis found whose text starts with
the annotated start (typography and white space forgiven, case kept); its speaker is then judged
as `bench/quality.py --cases` judges one: right, wrong (another name, or a speaker where the
article gives none) or none (no speaker, or the quotation not found).

    python bench/quality.py --real-pages [FILE]
"""

from __future__ import annotations

import gzip
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus" / "article-extraction-benchmark"
REAL_PAGES = REPO / "bench" / "data" / "attribution-holdout" / "realpages.yaml"

_TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                             "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"',
                             "\u00bb": '"', "\u2032": "'", "\u00a0": " "})


@dataclass
class PageScore:
    """Speakers on one page, with a line for each quotation not right."""

    page: str
    quotes: int = 0
    found: int = 0
    right: int = 0
    wrong: int = 0
    none: int = 0
    misses: list[str] = field(default_factory=list)


def plain(text: str) -> str:
    """Return `text` with quotation marks and apostrophes straightened and white space single."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
    return re.sub(r"\s+", " ", text).strip(" \"'")


def quote_start(start: str) -> str:
    """Return an annotated quotation's start as the analysis's text would begin: typography
    straightened, and a comma or full stop the annotation kept before the closing mark (`“She
    talks good,” Eckhart said`) dropped, as the quotation's text drops it."""
    return plain(start).rstrip(" ,.;:")


def load_pages(path: Path = REAL_PAGES) -> list[dict[str, Any]]:
    """Return the annotated pages of `path`."""
    import yaml

    pages: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return pages


def unpack(page_id: str, folder: Path, corpus: Path = CORPUS) -> Path:
    """Write the corpus page `page_id` into `folder` as `<id>.html` and return its path."""
    target = folder / f"{page_id}.html"
    target.write_bytes(gzip.decompress((corpus / "html" / f"{page_id}.html.gz").read_bytes()))
    return target


def _names(expected: str | Sequence[str] | None) -> list[str | None]:
    if expected is None:
        return [None]
    return [expected] if isinstance(expected, str) else list(expected)


def judge(expected: str | Sequence[str] | None, got: str | None) -> str:
    """Return `right`, `wrong` or `none` for the speaker `got` against one or several names."""
    from bench.quality import judge_speaker

    verdicts = [judge_speaker(name, got) for name in _names(expected)]
    if any(v.right for v in verdicts):
        return "right"
    return "wrong" if any(v.wrong for v in verdicts) else "none"


def score_page(page: dict[str, Any], html: Path) -> PageScore:
    """Return how the speakers of the annotated quotations of one page came out."""
    import exporter
    from bench.quality import analyse

    briefing = analyse(exporter.load(html, display=html.name))
    found = [(plain(q.text), q.speaker) for q in briefing.quotes]
    used: set[int] = set()
    out = PageScore(page=page["id"])
    for start, speaker, _kind in page["quotes"]:
        want = quote_start(start)
        index = next((i for i, (text, _) in enumerate(found)
                      if i not in used and text.startswith(want)), None)
        got = None
        out.quotes += 1
        if index is not None:
            used.add(index)
            out.found += 1
            got = found[index][1]
        verdict = judge(speaker, got)
        setattr(out, verdict, getattr(out, verdict) + 1)
        if verdict != "right":
            gold = speaker if speaker is None or isinstance(speaker, str) else speaker[0]
            state = "not found" if index is None else f"given {got!r}"
            out.misses.append(f"{page['id'][:8]} {verdict}: “{start}” {state}, gold {gold!r}")
    return out


def score_real_pages(path: Path = REAL_PAGES, corpus: Path = CORPUS) -> list[PageScore]:
    """Return the scores of every annotated page of `path`, read from `corpus`."""
    scores: list[PageScore] = []
    with tempfile.TemporaryDirectory() as tmp:
        for page in load_pages(path):
            scores.append(score_page(page, unpack(page["id"], Path(tmp), corpus)))
    return scores


def report(scores: Sequence[PageScore]) -> str:
    """Return the per-page table, the totals and the misses."""
    lines = ["| page | quotations | found | right | wrong | none |", "|---|---|---|---|---|---|"]
    total = PageScore(page="all")
    for s in scores:
        lines.append(f"| {s.page[:8]} | {s.quotes} | {s.found} | {s.right} | {s.wrong} | "
                     f"{s.none} |")
        for name in ("quotes", "found", "right", "wrong", "none"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
    n = total.quotes or 1
    lines.append(f"| **all** | {total.quotes} | {total.found} | {total.right} | {total.wrong} | "
                 f"{total.none} |")
    lines += ["", f"real pages: {len(scores)} pages, {total.quotes} quotations, found "
              f"{total.found / n:.2f}, speaker right/wrong/none {total.right / n:.2f}/"
              f"{total.wrong / n:.2f}/{total.none / n:.2f} "
              f"({total.right}/{total.wrong}/{total.none})", ""]
    lines += [f"- {m}" for s in scores for m in s.misses]
    return "\n".join(lines)


__all__ = ["CORPUS", "REAL_PAGES", "PageScore", "judge", "load_pages", "plain", "report",
           "score_page", "score_real_pages", "unpack"]
