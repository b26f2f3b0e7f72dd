"""Timeline row cases as data (`cases/timeline/event_text.yaml`): a long sentence is cut to the
clause around its date only where that clause stands alone, else kept whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from exporter.analysis.timeline import event_text

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "timeline" / "event_text.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c["id"]))
def test_event_text_case(case: dict[str, Any]) -> None:
    sentence = case["sentence"]
    assert event_text(sentence, sentence.index(case["at"])) == case["expected"]
