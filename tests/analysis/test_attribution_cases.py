"""Attribution cases as data (`cases/attribution/*.yaml`): every quotation found, with the right
speaker and the right kind of attribution, or silence where the text does not say."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from exporter.analysis.quotes import find_quotes

from . import case_paragraphs, load_yaml_cases, make_article

CASES = Path(__file__).parent / "cases" / "attribution"


def load_cases() -> list[dict[str, Any]]:
    """Return every case of every file, in file order."""
    return load_yaml_cases(CASES)


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in load_cases()]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 100


@pytest.mark.parametrize("case", load_cases(), ids=lambda c: f"{c['file']}:{c['id']}")
def test_attribution_case(case: dict[str, Any]) -> None:
    found = find_quotes(make_article(*case_paragraphs(case["text"])))
    got = [(q.text, q.speaker, q.attribution) for q in found]
    expected = case["quotes"]
    assert len(found) == len(expected), got
    for (start, speaker, kind), quote in zip(expected, found, strict=True):
        assert quote.text.startswith(start), got
        assert (quote.speaker, quote.attribution) == (speaker, kind), got
