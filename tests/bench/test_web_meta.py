"""The web metadata score: typography-blind comparison, per-field tallies, unjudged fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.web_meta import FIELDS, HOLDOUT, PageMeta, load_gold, main, same_names, same_text, tally


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


def test_holdout_gold_is_well_formed_and_apart_from_the_dev_gold() -> None:
    holdout, dev = load_gold(HOLDOUT), load_gold()
    assert len(holdout) >= 40
    assert not set(holdout) & set(dev)  # pages a rule was written against are never held out
    for page, fields in holdout.items():
        assert len(page) == 64 and set(fields) >= {"url", *FIELDS}, page
        assert fields["date"] is None or len(fields["date"]) == 10, page
        assert fields["authors"] is None or isinstance(fields["authors"], list), page


def test_main_scores_a_chosen_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--gold", str(HOLDOUT), "--corpus", str(tmp_path)]) == 0
    assert "skipped" in capsys.readouterr().out  # no corpus there: nothing is read
