"""Timeline: dated events with ISO dates at the text's precision, relative dates resolved."""

from __future__ import annotations

import time

import pytest

from exporter.analysis.timeline import event_text, find_events, find_mentions
from exporter.model import Article, Dateline, Event, Meta, Paragraph, Source

from . import _gold


def article(*texts: str, date: str | None = None, dateline: str | None = None) -> Article:
    return Article(
        title="",
        title_inferred=False,
        meta=Meta(date=date, dateline=Dateline(date=dateline) if dateline else None),
        authors=(),
        paragraphs=tuple(Paragraph(n=i, text=t) for i, t in enumerate(texts, start=1)),
        headings=(),
        source=Source(path="made-up.txt", format="text"),
    )


def dates(*texts: str, date: str | None = None, dateline: str | None = None) -> list[str]:
    return [e.date for e in find_events(article(*texts, date=date, dateline=dateline))]


@pytest.mark.parametrize(("name", "text_path", "gold_path"), _gold.cases())
def test_gold_articles(name: str, text_path: object, gold_path: object) -> None:
    gold = _gold.read_gold(gold_path)  # type: ignore[arg-type]
    events = find_events(_gold.load(text_path, gold))  # type: ignore[arg-type]
    precision, recall = _gold.score_timeline([(e.date, e.paragraph) for e in events],
                                             gold["timeline"])
    assert recall >= 0.9, name
    assert precision >= 0.8, name


def test_sample_events() -> None:
    if not _gold.SAMPLE_GOLD.exists():
        pytest.skip("../shared is not present")
    gold = _gold.read_gold(_gold.SAMPLE_GOLD)
    events = find_events(_gold.load(_gold.SAMPLE, gold))
    pairs = [(e.date, e.paragraph) for e in events]
    assert pairs == sorted(pairs, key=lambda p: p[0])
    by_date = {(e.date, e.paragraph): e for e in events}
    # Read against the quotation's own date (May 14, 2016), not the issue's.
    assert by_date[("2016", 4)].relative
    assert by_date[("2016", 4)].text.startswith("This year already")
    assert by_date[("2017-06-06", 5)].date_text == "June 6"
    # Two dates in one sentence give two events.
    assert ("1971-07", 3) in by_date and ("1971-12", 3) in by_date
    # The Soviet intervention in Afghanistan has no date in the text and gets none.
    assert not any("intervention in Afghanistan" in e.text for e in events)
    assert all(len(e.text.split()) <= 36 for e in events)


def test_sample_speed() -> None:
    if not _gold.SAMPLE_GOLD.exists():
        pytest.skip("../shared is not present")
    sample = _gold.load(_gold.SAMPLE, _gold.read_gold(_gold.SAMPLE_GOLD))
    find_events(sample)
    start = time.perf_counter()
    for _ in range(10):
        find_events(sample)
    assert (time.perf_counter() - start) / 10 < 0.05


@pytest.mark.parametrize(("text", "expected"), [
    ("It was founded in 1950.", ["1950"]),
    ("Ties froze in the early 1950s.", ["195X"]),
    ("Farming collapsed in the 1990s.", ["199X"]),
    ("The treaty of July 1971 held.", ["1971-07"]),
    ("He wrote on May 14, 2016 that it was over.", ["2016-05-14"]),
    ("He wrote on 14 May 2016 that it was over.", ["2016-05-14"]),
    ("He wrote on 14th May, 2016 that it was over.", ["2016-05-14"]),
    ("The bill passed on 2016-05-14.", ["2016-05-14"]),
    ("The deal was ratified on 25/12/2020.", ["2020-12-25"]),
    ("The deal was ratified on 12/25/2020.", ["2020-12-25"]),
    # Day-month or month-day: only the year is certain.
    ("The deal was signed on 12/10/2020.", ["2020"]),
    ("Exports rose in FY2019.", ["2019"]),
    ("The 2019-20 budget was cut.", ["2019"]),
    ("By mid-2018 the plan had stalled.", ["2018"]),
    ("Tensions grew after the 1965 war.", ["1965"]),
    ("Pakistan held elections in 2013 and 2018.", ["2013", "2018"]),
    # Centuries are skipped on purpose.
    ("The empire expanded in the 19th century.", []),
])
def test_absolute_dates(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize("text", [
    "The deal is worth $2015 million.",
    "Some 2000 troops crossed the border.",
    "About 1500 people marched, 30 percent of them students.",
    "The plan is called Vision 2030.",
    "See page 1998 of the report.",
    "The Soviet military intervention in Afghanistan changed everything.",
    "The pipeline is 1,200 km long and carries 5 MW.",
])
def test_numbers_that_are_not_dates(text: str) -> None:
    assert dates(text, date="2020-10") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The minister visited Moscow in March this year.", ["2017-03"]),
    ("Last year the president postponed his visit.", ["2016"]),
    ("On June 6, the chief met the ambassador.", ["2017-06-06"]),
    # A day after the issue's month belongs to the year before.
    ("On August 6, the chief met the ambassador.", ["2016-08-06"]),
    ("Prices rose last month.", ["2017-06"]),
    ("This year the rains failed.", ["2017"]),
    ("The governor spoke to the assembly in June.", ["2017-06"]),
    # The future tense looks forward: the next such month.
    ("The money will last until February.", ["2018-02"]),
    ("The plant would close in January unless funds arrive.", ["2018-01"]),
    # A month takes the year of a date said before it in the same sentence.
    ("Last year, during his visit in March, the two sides signed 27 agreements.", ["2016-03"]),
    ("Brussels is expected to publish guidance this summer.", ["2017"]),
])
def test_relative_to_issue_date(text: str, expected: list[str]) -> None:
    assert dates(text, date="2017-07") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Monday 12 October 2020: "on Monday" is the dateline's day; other days are the ones before.
    ("The agency warned on Monday that millions face hunger.", ["2020-10-12"]),
    ("The minister said on Friday that reserves would be released.", ["2020-10-09"]),
    ("Talks will resume on Friday.", ["2020-10-16"]),
    ("Yesterday, protesters gathered outside parliament.", ["2020-10-11"]),
    ("Prices have risen since January.", ["2020-01"]),
])
def test_relative_to_dateline(text: str, expected: list[str]) -> None:
    assert dates(text, date="2020-10-12", dateline="2020-10-12") == expected


def test_weekday_needs_a_day_date() -> None:
    assert dates("The agency warned on Monday.", date="2020-10") == []


def test_no_reference_date_no_relative_dates() -> None:
    assert dates("Last year the rains failed. On June 6 talks began. In 2015 they ended.") == [
        "2015"]


def test_quotation_read_against_its_own_date() -> None:
    events = find_events(article(
        "In a speech on 3 March 2015, the minister said: “This year we will double exports.”",
        "“This year is different,” she said.",
        date="2020-10",
    ))
    assert [(e.date, e.paragraph) for e in events] == [
        ("2015", 1), ("2015-03-03", 1), ("2020", 2)]
    assert events[0].text == "This year we will double exports"


def test_sorted_by_date_then_paragraph() -> None:
    events = find_events(article("In 2010 it rose.", "In 2001 it fell.", "In 2010 it fell."))
    assert [(e.date, e.paragraph) for e in events] == [("2001", 2), ("2010", 1), ("2010", 3)]
    assert all(isinstance(e, Event) for e in events)


def test_long_sentence_cut_at_a_clause() -> None:
    sentence = ("Since 1950, when the then Prime Minister of Pakistan, Liaquat Ali Khan preferred "
                "to visit the United States instead of reciprocating to the Soviet invitation to "
                "visit Moscow till the collapse of the USSR, Pakistan-Soviet relations for most of "
                "the time remained devoid of warmth and cordiality.")
    text = event_text(sentence, sentence.index("1950"))
    assert text.startswith("Since 1950, when the then Prime Minister")
    assert len(text.split()) <= 30
    assert not text.endswith((" the", " to", " of", ","))


def test_mentions_do_not_overlap() -> None:
    spans = [(m.start, m.end) for m in find_mentions("On 14 May 2016 and in July 1971.")]
    assert spans == [(3, 14), (22, 31)]


def test_deterministic() -> None:
    a = article("In 2015, Moscow agreed. Last year it balked. On June 6 it agreed.", date="2017-07")
    assert find_events(a) == find_events(a)


def test_same_event_and_date_kept_once() -> None:
    text = "The plant closed in March 2015 after the flood."
    events = find_events(article(text, "Pull quote.", text, date="2017-07"))
    assert [(e.date, e.paragraph) for e in events] == [("2015-03", 1)]


def test_rows_say_what_their_date_was_read_against() -> None:
    events = find_events(article(
        "The war ended in 1991. The following year, the country held elections.",
        "Prices rose last month, the bank said.",
        date="2017-07",
    ))
    rows = {(e.date, e.date_text, e.anchor, e.relative) for e in events}
    assert rows == {("1991", "1991", "absolute", False),
                    ("1992", "The following year", "text", True),
                    ("2017-06", "last month", "article-date", True)}
