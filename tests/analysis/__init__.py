"""Tests of exporter.analysis, with helpers to build articles from plain paragraphs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from exporter.model import Article, Meta, Paragraph, Source

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SAMPLE_NAME = "pakistan-russia-relations"


def make_article(*texts: str, date: str | None = None) -> Article:
    """Return an article whose body paragraphs are `texts`, numbered from 1."""
    return Article(
        title="Test",
        title_inferred=False,
        meta=Meta(date=date),
        authors=(),
        paragraphs=tuple(Paragraph(n=i, text=t) for i, t in enumerate(texts, start=1)),
        headings=(),
        source=Source(path="test.txt", format="text"),
    )


def load_yaml_cases(folder: Path) -> list[dict[str, Any]]:
    """Return every case of every YAML file in `folder`, in file order, each with its `file`."""
    cases: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            case["file"] = path.name
            cases.append(case)
    return cases


def case_paragraphs(text: str) -> list[str]:
    """Return a case text's paragraphs (blank-line separated, white space folded)."""
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def sample_paragraphs(raw: str) -> list[str]:
    """Return the body paragraphs of the sample: masthead and closing matter dropped, the
    paragraph split by a page break joined (independent of the text reader, so analysis tests
    do not move when the reader does)."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", raw) if b.strip()]
    body: list[str] = []
    for block in blocks[1:]:
        if block.startswith(("The writer is", "©")):
            break
        if body and not body[-1].endswith((".", "?", "!", "”", '"')) and block[0].islower():
            body[-1] = f"{body[-1]} {block}"
        else:
            body.append(block)
    return body


def sample_article() -> Article | None:
    """Return the sample article from ../shared, or None where it is absent."""
    path = SHARED / "articles" / f"{SAMPLE_NAME}.txt"
    if not path.is_file():
        return None
    return make_article(*sample_paragraphs(path.read_text(encoding="utf-8")), date="2017-07")
