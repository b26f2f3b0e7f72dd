"""Build `Article`s from the test articles and their gold files, and score against the gold.

The raw-text reader is tested on its own; here the paragraphs are cut out by the gold file's
`first_words`, so the analysis tests do not depend on the reader's details.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from exporter.model import Article, Dateline, Meta, Paragraph, Source

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "tests" / "articles"
SAMPLE = REPO / "source" / "pakistan-russia-relations.txt"
SAMPLE_GOLD = REPO / ".." / "shared" / "gold" / "pakistan-russia-relations.json"

_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'-]+,\s+[^—–]{4,30}?\s+[—–]\s+")


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _blocks(text: str) -> list[str]:
    """Return the blank-line separated blocks, with page-break splits joined."""
    blocks: list[str] = []
    for raw in re.split(r"\n\s*\n", text):
        block = " ".join(raw.split()).lstrip("•*- ")
        if not block:
            continue
        if blocks and not re.search(r"[.!?:”\"’)]$", blocks[-1]) and block[0].islower():
            prev = blocks[-1]
            blocks[-1] = prev[:-1] + block if prev.endswith("-") else f"{prev} {block}"
        else:
            blocks.append(block)
    return blocks


def load(text_path: Path, gold: dict[str, Any]) -> Article:
    """Return the article of `text_path` with the paragraphs and meta the gold file names."""
    blocks = _blocks(_decode(text_path.read_bytes()))
    paragraphs: list[Paragraph] = []
    cursor = 0
    for n, first in enumerate(gold["paragraphs"]["first_words"], start=1):
        while not blocks[cursor].startswith(first) and not _DATELINE.sub(
                "", blocks[cursor]).startswith(first):
            cursor += 1
        paragraphs.append(Paragraph(n=n, text=_DATELINE.sub("", blocks[cursor])))
        cursor += 1
    meta = gold.get("meta", {})
    dateline = meta.get("dateline")
    return Article(
        title="",
        title_inferred=False,
        meta=Meta(
            date=meta.get("date"),
            dateline=Dateline(place=dateline.get("place"), date=dateline.get("date"))
            if dateline else None,
        ),
        authors=(),
        paragraphs=tuple(paragraphs),
        headings=(),
        source=Source(path=text_path.name, format="text"),
    )


def cases() -> list[tuple[str, Path, Path]]:
    """Return `(name, text, gold)` for every test article with a gold file, and the sample's
    when ../shared is present."""
    found = [(p.stem, p, p.with_suffix(".json")) for p in sorted(ARTICLES.glob("*.txt"))
             if p.with_suffix(".json").exists()]
    if SAMPLE_GOLD.exists() and SAMPLE.exists():
        found.insert(0, (SAMPLE.stem, SAMPLE, SAMPLE_GOLD))
    return found


def read_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def score_timeline(found: list[tuple[str, int]], gold: list[dict[str, Any]]) -> tuple[float, float]:
    """Return (precision, recall) over (date, paragraph) pairs; optional gold items count for
    precision only."""
    have = set(found)
    every = {(g["date"], g["paragraph"]) for g in gold}
    required = {(g["date"], g["paragraph"]) for g in gold if not g.get("optional")}
    precision = len(have & every) / len(have) if have else 1.0
    recall = len(required & have) / len(required) if required else 1.0
    return precision, recall


def _figure_match(found: tuple[str, int], gold: dict[str, Any]) -> bool:
    text, paragraph = found
    if paragraph != gold["paragraph"]:
        return False
    a, b = text.lower(), str(gold["text"]).lower()
    if a in b or b in a:
        return True
    numbers_a = re.findall(r"\d[\d,.]*", a)
    numbers_b = re.findall(r"\d[\d,.]*", b)
    return bool(numbers_a) and numbers_a == numbers_b


def score_figures(found: list[tuple[str, int]], gold: list[dict[str, Any]]) -> tuple[float, float]:
    """Return (precision, recall): a figure matches a gold one in the same paragraph when one
    text holds the other or both hold the same numbers."""
    precision = (sum(any(_figure_match(f, g) for g in gold) for f in found) / len(found)
                 if found else 1.0)
    required = [g for g in gold if not g.get("optional")]
    recall = (sum(any(_figure_match(f, g) for f in found) for g in required) / len(required)
              if required else 1.0)
    return precision, recall
