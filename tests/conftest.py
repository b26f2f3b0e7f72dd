"""Shared fixtures: paths, the optional ../shared folder, and the golden-file switch."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "source" / "pakistan-russia-relations.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true",
                     help="Rewrite golden files from the current output instead of comparing.")


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """Return True when golden files should be rewritten."""
    return bool(request.config.getoption("--regen-golden"))


@pytest.fixture
def shared_dir() -> Path:
    """Return ../shared beside the checkout, skipping where a user's clone has none."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (only the product side's checkouts have it)")
    return SHARED


@pytest.fixture
def golden(regen_golden: bool):  # type: ignore[no-untyped-def]
    """Return a function comparing text with a golden file (or rewriting it)."""

    def check(name: str, actual: str) -> None:
        path = REPO / "tests" / "golden" / name
        if regen_golden or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            if not regen_golden:
                pytest.fail(f"golden file {name} was missing and has been written; re-run")
            return
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, (
            f"{name} differs from its golden file; if the change is intended, run "
            "pytest --regen-golden and review the diff")

    return check
