"""The pack check's rules: which speakers cannot speak and which index entries are one entity."""

from __future__ import annotations

from bench.pack_check import (
    Findings,
    _place_names,
    check_duplicates,
    check_not_actors,
    speaker_class,
)


def _index(*entries: tuple[str, str]) -> list[dict[str, str]]:
    return [{"name": name, "kind": kind} for name, kind in entries]


def test_speakers_that_cannot_speak() -> None:
    places = _place_names()
    assert speaker_class("Canada", places) == "place or country"
    assert speaker_class("Islamabad", places) == "place or country"
    assert speaker_class("X.", places) == "letter or initial"
    assert speaker_class("C", places) == "letter or initial"
    assert speaker_class("Twitter", places) == "platform or website"
    assert speaker_class("ES8", places) == "product or code"
    assert speaker_class("percent", places) == "unit"
    assert speaker_class("Moshe Tetro", places) is None
    assert speaker_class("Foreign Ministry", places) is None


def test_duplicates_and_people_kept_apart() -> None:
    findings = Findings()
    check_duplicates(_index(
        ("UN", "organisation"), ("U.N.", "organisation"), ("United Nations", "organisation"),
        ("U.N. Security Council", "organisation"),
        ("United Nations Security Council", "organisation"),
        ("Col. Moshe Tetro", "person"), ("Moshe Tetro", "person"),
        ("Volodymyr Zelensky", "person"), ("Zelenskyy", "person"),
        ("Mary Trump", "person"), ("Donald Trump", "person"), ("Trump", "person"),
        ("Jordan", "country"), ("Bob Jordan", "person"),
        ("DH", "organisation"), ("David Holmes", "person"),
        ("Doctors", "organisation"), ("Ken Doctor", "person")), findings)
    pairs = {frozenset((a, b)) for _, a, b in findings.duplicates}
    assert pairs == {frozenset(p) for p in [
        ("UN", "U.N."), ("UN", "United Nations"), ("U.N.", "United Nations"),
        ("U.N. Security Council", "United Nations Security Council"),
        ("Col. Moshe Tetro", "Moshe Tetro"), ("Volodymyr Zelensky", "Zelenskyy")]}
    assert findings.ambiguous == [("Trump", ["Mary Trump", "Donald Trump"])]


def test_not_actors() -> None:
    findings = Findings()
    check_not_actors(_index(("X", "organisation"), ("WATCH", "organisation"),
                            ("ES8", "organisation"), ("United Nations", "organisation"),
                            ("European Union", "organisation"),
                            ("United Nations and European Union", "organisation"),
                            ("Health and Human Services", "organisation")), findings)
    assert [name for _, name in findings.not_actors] == [
        "X", "WATCH", "ES8", "United Nations and European Union"]
