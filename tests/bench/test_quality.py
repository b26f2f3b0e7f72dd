"""The quality bench: ROUGE arithmetic and one tiny gold file scored end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.quality import Case, Tally, report, run_case, token_f1
from bench.rouge import rouge_l, rouge_n

ARTICLE = """Dam plan approved

By Ana Test

LIMA, 3 May 2021 — The water ministry approved a $2 billion dam on Monday, officials said.

"This dam will feed the whole valley," said Rosa Quispe, the minister of water. \
Critics asked: who will pay for it?

Work is due to start in 2022 and will employ 3,000 people.
"""

GOLD = {
    "meta": {"date": "2021-05-03"},
    "title": {"in_source": True, "text": "Dam plan approved"},
    "paragraphs": {"count": 3, "first_words": ["The water ministry", "\"This dam", "Work is due"]},
    "quotations": [{"paragraph": 2, "text": "This dam will feed the whole valley,",
                    "speaker": "Rosa Quispe", "speaker_kind": "person"}],
    "questions": [{"paragraph": 2, "text": "Who will pay for it?"}],
    "timeline": [{"date": "2021-05-03", "paragraph": 1, "event": "Dam approved"},
                 {"date": "2022", "paragraph": 3, "event": "Work starts", "optional": True}],
    "actors": {"people": [{"name": "Rosa Quispe", "role": "minister of water"}],
               "organisations": ["water ministry"], "countries": []},
    "figures": [{"paragraph": 1, "text": "$2 billion"}, {"paragraph": 3, "text": "3,000 people"}],
    "key_points": ["The water ministry approved a $2 billion dam.",
                   "Work is due to start in 2022 and will employ 3,000 people."],
}


def test_rouge_identical_and_disjoint() -> None:
    text = ["the dam was approved on monday"]
    assert rouge_n(text, text, 1).f1 == pytest.approx(1.0)
    assert rouge_n(text, text, 2).f1 == pytest.approx(1.0)
    assert rouge_l(text, text).f1 == pytest.approx(1.0)
    assert rouge_l(["nothing shared here"], text).f1 == 0.0


def test_rouge_l_known_value() -> None:
    # LCS of "a b c d" and "a c e d" is "a c d": P = R = 3/4.
    score = rouge_l(["a c e d"], ["a b c d"])
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.75)
    assert rouge_n(["a c e d"], ["a b c d"], 2).f1 == 0.0


def test_token_f1() -> None:
    assert token_f1("Who will pay for it?", "who will pay for it") == pytest.approx(1.0)
    assert token_f1("one two", "three four") == 0.0


def test_tally_precision_and_recall() -> None:
    tally = Tally(found=4, correct=3, gold=5, recalled=2)
    assert tally.precision == pytest.approx(0.75)
    assert tally.recall == pytest.approx(0.4)
    assert Tally().precision is None


def test_scores_a_tiny_gold_file(tmp_path: Path) -> None:
    article = tmp_path / "dam.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    gold = tmp_path / "dam.json"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    result = run_case(Case("dam", gold, article), repeat=1)
    assert set(result.tallies) >= {"quotes", "speakers", "questions", "timeline", "people",
                                   "roles", "orgs", "figures"}
    assert result.tallies["timeline"].gold == 1  # the optional event does not count
    assert set(result.rouge) == {"ours", "LEAD-3", "LexRank", "summary", "LEAD-90"}
    assert result.rouge["ours"]["RL"].f1 > 0.3
    assert result.ms > 0
    table = report([result])
    assert "| dam |" in table and "LexRank" in table


def test_speakers_right_wrong_none_and_actor_duplicates() -> None:
    from bench.quality import actor_duplicates, judge_speaker
    from exporter.model import Actor, ActorKind

    assert judge_speaker("Donald Trump", "Donald Trump").right == 1
    assert judge_speaker("Donald Trump", "Mary Trump").wrong == 1
    assert judge_speaker("Donald Trump", None).none == 1
    assert judge_speaker(None, None).right == 1
    assert judge_speaker(None, "Canada").wrong == 1
    actors = [Actor(name="Donald Trump", kind=ActorKind.PERSON),
              Actor(name="Mary Trump", kind=ActorKind.PERSON),
              Actor(name="Col. Moshe Tetro", kind=ActorKind.PERSON),
              Actor(name="Moshe Tetro", kind=ActorKind.PERSON),
              Actor(name="United Nations", kind=ActorKind.ORGANISATION),
              Actor(name="U.N.", kind=ActorKind.ORGANISATION)]
    assert actor_duplicates(actors) == [("Col. Moshe Tetro", "Moshe Tetro"),
                                        ("United Nations", "U.N.")]


def test_attribution_cases_are_scored() -> None:
    from bench.quality import score_attribution_cases

    total, misses = score_attribution_cases()
    assert total.total >= 100
    assert total.wrong == 0, misses


DATE_CASES = """# a comment line, skipped
absolute\t-\t1960\tThe treaty was signed on May 9, 1955.
no-date\t2001-04-02\tno date\tThe committee met behind closed doors.
"""


def test_date_cases_of_another_file_or_folder(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from bench.quality import main, read_date_cases, score_date_cases

    path = tmp_path / "tiny.tsv"
    path.write_text(DATE_CASES, encoding="utf-8")
    cases = read_date_cases(path)
    assert [(c.kind, c.date, c.where) for c in cases] == [("absolute", None, "tiny.tsv:2"),
                                                         ("no-date", "2001-04-02", "tiny.tsv:3")]
    assert cases[0].expected == {"1960"} and cases[1].expected == frozenset()
    assert len(read_date_cases(tmp_path)) == 2  # a folder: its *.tsv files
    misses: list[str] = []
    tallies = score_date_cases(path, misses)
    assert set(tallies) == {"all", "absolute", "no-date"}
    assert tallies["all"].gold == 1 and tallies["all"].recalled == 0  # 1960 is not in the text
    assert misses and misses[0].startswith("tiny.tsv:2: absolute: expected 1960, got ")

    assert main(["--date-cases", str(path)]) == 0
    out = capsys.readouterr().out
    assert "date cases: 2 in tiny.tsv (absolute 1, no-date 1)" in out
    assert "| **date cases** |" in out and "| date cases: absolute |" in out
    assert "tiny.tsv:2" not in out  # misses stay unread unless asked for
    assert main(["--date-cases", str(tmp_path), "--misses"]) == 0
    assert "- tiny.tsv:2: absolute: expected 1960" in capsys.readouterr().out
