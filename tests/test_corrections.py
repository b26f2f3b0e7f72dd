"""Sidecar corrections of the analysis (`speakers`, `drop_actors`, `key_points`,
`drop_timeline`): each case is a sidecar under tests/corrections/ beside the expected result."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from exporter.build import load_briefing
from exporter.model import to_data
from exporter.readers import ReadLimits

HERE = Path(__file__).parent
CASES = sorted((HERE / "corrections").glob("*.meta.yaml"))


def _summary(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "speakers": [q["speaker"] for q in data["quotes"]],
        "actors": [a["name"] for a in data["actors"]],
        "key_points": [[k["text"], k["paragraph"]] for k in data["key_points"]],
        "timeline": [e["date"] for e in data["timeline"]],
        "warnings": list(data["warnings"]),
    }


@pytest.mark.parametrize("sidecar", CASES, ids=lambda p: p.name)
def test_sidecar_corrections(sidecar: Path, tmp_path: Path, regen_golden: bool) -> None:
    stem = sidecar.name.removesuffix(".meta.yaml")
    [article] = (HERE / "articles").glob(f"{stem}.*[!n]")  # the source, not its .json
    shutil.copy(article, tmp_path / article.name)
    shutil.copy(sidecar, tmp_path / sidecar.name)
    actual = _summary(to_data(load_briefing(tmp_path / article.name, article.name,
                                            ReadLimits())))
    expected_file = sidecar.with_name(f"{stem}.expected.json")
    if regen_golden or not expected_file.exists():
        expected_file.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n",
                                 encoding="utf-8")
    assert actual == json.loads(expected_file.read_text(encoding="utf-8"))


def test_correction_keys_are_not_reported_as_unknown(tmp_path: Path) -> None:
    article = HERE / "articles" / "zambia-copper-strike.txt"
    shutil.copy(article, tmp_path / article.name)
    (tmp_path / "zambia-copper-strike.meta.yaml").write_text("speakers: {1: Ann Other}\n",
                                                              encoding="utf-8")
    briefing = load_briefing(tmp_path / article.name, article.name, ReadLimits())
    assert briefing.quotes[0].speaker == "Ann Other"
    assert not briefing.article.warnings
