"""Key point trimming cases as data (`cases/keypoints/trim.yaml`): a cut leaves a whole thought
or the sentence stays whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from exporter.analysis.keypoints import trim

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "keypoints" / "trim.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c["id"]))
def test_trim_case(case: dict[str, Any]) -> None:
    assert trim(case["text"]) == (case["expected"], case["trimmed"])
