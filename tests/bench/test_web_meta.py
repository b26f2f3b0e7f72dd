"""The web metadata score: typography-blind comparison, per-field tallies, unjudged fields."""

from __future__ import annotations

from bench.web_meta import PageMeta, same_names, same_text, tally


def test_comparison_forgives_only_typography() -> None:
    assert same_text("‘We had some issues,’ exec says", "'We had some  issues,' Exec says")
    assert same_text("Fire — again", "Fire - again")
    assert not same_text("Fire again", "Fire again | Site")
    assert not same_text(None, "x")
    assert same_names(["Jane Roe", "John Doe"], ["john doe", "Jane Roe"])
    assert not same_names(["Jane Roe"], ["Jane Roe", "John Doe"])


def test_tally_skips_unjudged_fields() -> None:
    gold = {"a": {"title": "T", "date": "2020-01-02", "authors": []},
            "b": {"title": "U", "date": None, "authors": None}}
    found = {"a": PageMeta("T", "2020-01-02", ("Somebody",)), "b": PageMeta("V", None, ())}
    result = tally(gold, found)
    assert (result.right, result.judged) == (
        {"title": 1, "date": 1, "authors": 0}, {"title": 2, "date": 1, "authors": 1})
    assert ("a", "authors", [], ("Somebody",)) in result.misses
