"""Attribution cases as data (`cases/attribution/*.yaml`): every quotation found, with the right
speaker and the right kind of attribution, or silence where the text does not say."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from exporter.analysis.quotes import find_quotes

from . import make_article

CASES = Path(__file__).parent / "cases" / "attribution"


def load_cases() -> list[dict[str, Any]]:
    """Return every case of every file, in file order."""
    cases: list[dict[str, Any]] = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            case["file"] = path.name
            cases.append(case)
    return cases


def paragraphs(text: str) -> list[str]:
    """Return the case's paragraphs (blank-line separated)."""
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in load_cases()]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 100


@pytest.mark.parametrize("case", load_cases(), ids=lambda c: f"{c['file']}:{c['id']}")
def test_attribution_case(case: dict[str, Any]) -> None:
    found = find_quotes(make_article(*paragraphs(case["text"])))
    got = [(q.text, q.speaker, q.attribution) for q in found]
    expected = case["quotes"]
    assert len(found) == len(expected), got
    for (start, speaker, kind), quote in zip(expected, found, strict=True):
        assert quote.text.startswith(start), got
        assert (quote.speaker, quote.attribution) == (speaker, kind), got
