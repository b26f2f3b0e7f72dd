"""Sentence cases as data (`cases/sentences/*.yaml`): both splitters agree with the expected
sentences (honorifics never end one)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from exporter.analysis.sentences import regex_spans, split_sentences

CASES: list[dict[str, Any]] = [
    case for path in sorted((Path(__file__).parent / "cases" / "sentences").glob("*.yaml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c["id"]))
@pytest.mark.parametrize("splitter", [split_sentences, regex_spans], ids=["pysbd", "regex"])
def test_sentence_case(case: dict[str, Any], splitter: Any) -> None:
    text = case["text"]
    assert [text[a:b] for a, b in splitter(text)] == case["sentences"]
