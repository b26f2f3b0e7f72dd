"""The raw text reader: data-driven cases, the head and closing parsers, robustness and speed.

Each case is `cases/NAME.txt` (read as bytes, so the encoding cases are the files themselves)
with `cases/NAME.json`: the fields of `to_data` it must have (dicts match as subsets, lists
element by element), plus `_checks` for long texts (`paragraph_count`, `paragraphs` with exact
texts, `starts`, `contains`, `absent`) and `_source` to read a file of the repository instead.
"""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter.errors import SourceError
from exporter.model import Article, Briefing, to_data
from exporter.readers import ReadLimits
from exporter.readers.masthead import parse_byline, parse_date, parse_dateline, parse_masthead
from exporter.readers.text import read
from exporter.readers.title import infer_title, stem_title

from ..conftest import REPO
from .casecheck import check_case as _check
from .casecheck import match as _match

CASES = Path(__file__).resolve().parent / "cases"


def _read(data: bytes, name: str) -> Article:
    return read(data, name, ReadLimits())


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.json")))
def test_case(case: str) -> None:
    expected = json.loads((CASES / f"{case}.json").read_text(encoding="utf-8"))
    source = expected.pop("_source", None)
    path = REPO / source if source else CASES / f"{case}.txt"
    article = _read(path.read_bytes(), path.name)
    data = to_data(Briefing(article=article))
    _check(expected.pop("_checks", {}), data)
    _match(expected, data, case)


def test_every_case_has_expectations() -> None:
    inputs = {p.stem for p in CASES.glob("*.txt")}
    assert inputs <= {p.stem for p in CASES.glob("*.json")}


def test_sample_source_hash_and_path() -> None:
    data = (REPO / "source" / "pakistan-russia-relations.txt").read_bytes()
    article = _read(data, "source/pakistan-russia-relations.txt")
    assert article.source.path == "source/pakistan-russia-relations.txt"
    assert len(article.source.sha256) == 64
    assert article == _read(data, "source/pakistan-russia-relations.txt")  # deterministic


def test_sample_matches_shared_gold(shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "gold" / "pakistan-russia-relations.json")
                      .read_text(encoding="utf-8"))
    article = _read((shared_dir / "articles" / "pakistan-russia-relations.txt").read_bytes(),
                    "pakistan-russia-relations.txt")
    for key, value in gold["meta"].items():
        assert getattr(article.meta, key) == value, key
    assert [a.name for a in article.authors] == [gold["author"]["name"]]
    assert article.authors[0].bio == gold["author"]["bio"]
    assert len(article.paragraphs) == gold["paragraphs"]["count"]
    for p, words in zip(article.paragraphs, gold["paragraphs"]["first_words"], strict=True):
        assert p.text.startswith(words)


# --- parsers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "iso"), [
    ("July 2017", "2017-07"), ("Jul. 2017", "2017-07"), ("Sept 2017", "2017-09"),
    ("14 July 2017", "2017-07-14"), ("July 14, 2017", "2017-07-14"),
    ("Monday, 12 October 2020", "2020-10-12"), ("14th of July, 2017", "2017-07-14"),
    ("2017-07-14", "2017-07-14"), ("2017-07", "2017-07"), ("2017", "2017"),
    ("July-August 2017", "2017-07"), ("Summer 2018", "2018"),
    ("February 30, 2017", None), ("13/2017", None), ("Auguſt 2017", None), ("soon", None),
])
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_parse_date_without_year_takes_the_context_year() -> None:
    assert parse_date("June 6") is None
    assert parse_date("June 6", 2017) == "2017-06-06"
    assert parse_date("6 June", 2017) == "2017-06-06"


@pytest.mark.parametrize("line", [
    "Page 3", "In Volume 3 of his memoirs, the general wrote at length.",
    "No. We did not.", "Issue 7 of the report says the volume of trade fell.",
])
def test_not_a_masthead(line: str) -> None:
    assert parse_masthead(line) is None


@pytest.mark.parametrize(("line", "names"), [
    ("By Jane Doe", ("Jane Doe",)),
    ("BY JANE DOE AND JOHN SMITH", ("JANE DOE", "JOHN SMITH")),
    ("Written by Jane Doe & Omar Haddad", ("Jane Doe", "Omar Haddad")),
    ("By Our Correspondent", ()),
    ("By Ludwig van Beethoven, 12 March 2019", ("Ludwig van Beethoven",)),
    ("By the end of 2019, Russia and China", None),
    ("By then it was too late.", None),
])
def test_parse_byline(line: str, names: tuple[str, ...] | None) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(("text", "place", "date"), [
    ("KARACHI, 12 October 2020 — Text", "Karachi", "2020-10-12"),
    ("LONDON (Reuters) - Text", "London", None),
    ("Moscow, June 6: Text", "Moscow", "2019-06-06"),
    ("ISLAMABAD: Text", "Islamabad", None),
    ("WASHINGTON, Oct. 12 (AP) — Text", "Washington", "2019-10-12"),
    ("ST. LOUIS — Text", "St. Louis", None),
])
def test_parse_dateline(text: str, place: str, date: str | None) -> None:
    found = parse_dateline(text, 2019)
    assert found is not None
    assert (found[0].place, found[0].date, found[1]) == (place, date, "Text")


@pytest.mark.parametrize("text", [
    "However, the talks failed.", "Yesterday: Nothing happened.", "CPEC: the corridor is long.",
    "Moscow - the capital - is cold.", "Russia, however, said no.",
])
def test_not_a_dateline(text: str) -> None:
    assert parse_dateline(text, 2019) is None


_STORY = "The council voted on Monday to close three libraries."


@pytest.mark.parametrize(("text", "place"), [
    (f"Indianapolis – {_STORY}", "Indianapolis"),
    (f"New York, NY – {_STORY}", "New York"),
    (f"Des Moines, Iowa — {_STORY}", "Des Moines"),
    (f"Washington (AFP) - {_STORY}", "Washington"),
])
def test_a_first_paragraph_opens_with_a_title_case_dateline(text: str, place: str) -> None:
    found = parse_dateline(text, 2019, loose=True)
    assert found is not None
    assert (found[0].place, found[1]) == (place, _STORY)
    assert parse_dateline(text, 2019) is None  # a headline-like line is never read so


@pytest.mark.parametrize("text", [
    f"Exclusive — {_STORY}", f"Analysis – {_STORY}", "Brexit — What happens next",
    f"Washington (Pictured) - {_STORY}", f"Moscow - the capital - {_STORY.lower()}",
    f"Prime Minister Of The Country — {_STORY}", "Russia, however, said no to the plan.",
])
def test_not_a_title_case_dateline(text: str) -> None:
    assert parse_dateline(text, 2019, loose=True) is None


# --- title inference ----------------------------------------------------------------------------


@pytest.mark.parametrize(("paragraphs", "title"), [
    (["The European Union and the United States agreed on Monday to lift tariffs. "
      "European Union officials said the deal would hold.",
      "Critics in the United States said the European Union gave too little."],
     "European Union"),
    (["India-China border talks resumed on Monday. India-China border clashes last year "
      "killed 20 soldiers.", "The India-China border is 3,488 km long."],
     "India-China Border"),
    (["Brexit talks stalled again. Brexit negotiators in Brussels met twice.",
      "A Brexit deal now looks unlikely, officials said."], "Brexit"),
])
def test_infer_title(paragraphs: list[str], title: str) -> None:
    assert infer_title(paragraphs, "x.txt") == title


def test_infer_title_falls_back_to_the_file_name() -> None:
    assert infer_title(["it rained."], "notes/flood_report-2020.txt") == "Flood Report 2020"
    assert stem_title("") == "Untitled article"
    assert stem_title("---.txt") == "Untitled article"


# --- robustness and speed -----------------------------------------------------------------------

_LINES = st.sampled_from([
    "", "", "\n", "Volume 21 Issue 7 July 2017", "Vol. IX, No. 4 | April 2021", "By Jane Doe",
    "KARACHI, 12 October 2020 — Text", "© 2017 a.com. All rights reserved", "The writer is x.",
    "Reporting by A; Editing by B", "• item", "- item", "1. item", "## Heading", "HEADING",
    "A Title Line", "word-", "lower start", "\x0c", "12", "* * *", "Jane Doe is a writer.",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=30))
def test_any_text_reads_or_is_refused(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    try:
        article = _read(data, "any.txt")
    except SourceError:
        return
    assert article.title
    assert [p.n for p in article.paragraphs] == list(range(1, len(article.paragraphs) + 1))
    assert all(p.text and p.text == p.text.strip() for p in article.paragraphs)
    assert all(1 <= h.paragraph <= len(article.paragraphs) + 1 for h in article.headings)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_read_or_are_refused(data: bytes) -> None:
    with contextlib.suppress(SourceError):
        _read(data, "any.txt")


def test_over_the_size_limit_is_refused() -> None:
    with pytest.raises(SourceError, match="max-bytes"):
        read(b"x" * 100, "big.txt", ReadLimits(max_bytes=10))


def _timed(data: bytes) -> tuple[Article, float]:
    start = time.perf_counter()
    article = _read(data, "big.txt")
    return article, time.perf_counter() - start


# Linear time is checked as a ratio measured in one run (eight times the input may take about
# eight times as long; a quadratic reader takes 64 times), never as seconds a busy machine may
# exceed: the least of two runs of each size.
_LINEAR = 20


def _least(data: bytes) -> tuple[Article, float]:
    runs = [_timed(data) for _ in range(2)]
    return runs[0][0], min(seconds for _, seconds in runs)


def test_many_paragraphs_read_in_linear_time() -> None:
    para = "The Pakistan-Russia talks in Moscow-\nbased forums went on, said Jane Doe. " * 4
    small, small_s = _least("\n\n".join([para] * 1000).encode())
    article, seconds = _least("\n\n".join([para] * 8000).encode())
    assert (len(small.paragraphs), len(article.paragraphs)) == (1000, 8000)
    assert seconds < _LINEAR * small_s, f"{seconds:.2f} s vs {small_s:.2f} s: quadratic?"


def test_one_huge_paragraph_reads_in_linear_time() -> None:
    sentence = "Moscow and Islamabad agreed on a long-term plan for irri- gation, the minister said"
    words = sentence.split(" ")
    for size in (15_000, 120_000):
        text = " ".join(words[i % len(words)] for i in range(size))
        wrapped = "\n".join(text[i:i + 72] for i in range(0, len(text), 72))
        timings = []
        for data in (text.encode(), wrapped.encode()):
            article, seconds = _least(data)
            assert len(article.paragraphs) == 1
            timings.append(seconds)
        if size == 15_000:
            small = timings
    for seconds, small_s in zip(timings, small, strict=True):
        assert seconds < _LINEAR * small_s, f"{seconds:.2f} s vs {small_s:.2f} s: quadratic?"
