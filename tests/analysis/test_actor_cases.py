"""Actor cases as data (`cases/actors/*.yaml`): one actor per entity, people who share a
surname kept apart, and no junk (letters, web words, product codes) in the index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from exporter.analysis.actors import find_actors
from exporter.model import Actor

from . import case_paragraphs, load_yaml_cases, make_article

CASES = Path(__file__).parent / "cases" / "actors"


def load_cases() -> list[dict[str, Any]]:
    """Return every case of every file, in file order."""
    return load_yaml_cases(CASES)


def owner(actors: tuple[Actor, ...], form: str) -> Actor | None:
    """Return the actor named or aliased `form`."""
    for actor in actors:
        if form == actor.name or form in actor.aliases:
            return actor
    return None


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in load_cases()]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 30


@pytest.mark.parametrize("case", load_cases(), ids=lambda c: f"{c['file']}:{c['id']}")
def test_actor_case(case: dict[str, Any]) -> None:
    actors = find_actors(make_article(*case_paragraphs(case["text"])))
    shown = [(a.name, a.kind.value, a.aliases) for a in actors]
    by_name = {a.name: a for a in actors}
    for name, kind in case.get("actors", []):
        assert name in by_name and by_name[name].kind.value == kind, shown
    for forms in case.get("one", []):
        found = {form: owner(actors, form) for form in forms}
        assert None not in found.values() and len({id(a) for a in found.values()}) == 1, shown
    for a, b in case.get("apart", []):
        assert a in by_name and b in by_name, shown
    for junk in case.get("not", []):
        assert owner(actors, junk) is None, shown
