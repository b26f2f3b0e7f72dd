"""Checks shared by the data-driven reader cases (`cases/*.json`, `cases/html/*.json`).

A case's JSON holds the fields of `to_data` it must have (dicts match as subsets, lists element by
element), plus `_checks` for long texts: `paragraph_count`, `paragraphs` with exact texts,
`starts`, `contains` and `absent` (strings that must not appear in the body).
"""

from __future__ import annotations

from typing import Any


def match(expected: Any, actual: Any, where: str) -> None:
    """Assert `actual` has what `expected` says: dicts as subsets, lists item by item."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{where}.{key} is missing"
            match(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{where}: expected a list, got {actual!r}"
        assert len(actual) == len(expected), f"{where}: {len(actual)} items, want {len(expected)}"
        for i, (want, got) in enumerate(zip(expected, actual, strict=True)):
            match(want, got, f"{where}[{i}]")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def check_case(checks: dict[str, Any], data: dict[str, Any]) -> None:
    """Assert the `_checks` of a case (paragraph count, texts, starts, contains, absent)."""
    texts = {str(p["n"]): p["text"] for p in data["paragraphs"]}
    if "paragraph_count" in checks:
        assert len(texts) == checks["paragraph_count"], list(texts.values())
    for n, text in checks.get("paragraphs", {}).items():
        assert texts[n] == text, f"paragraph {n}"
    for n, text in checks.get("starts", {}).items():
        assert texts[n].startswith(text), f"paragraph {n}: {texts[n][:80]!r}"
    for n, text in checks.get("contains", {}).items():
        assert text in texts[n], f"paragraph {n}"
    body = "\n".join(texts.values())
    for text in checks.get("absent", []):
        assert text not in body, f"{text!r} should not be in the body"
