"""The cheap tests that let a costly pattern skip a text must never skip a text it matches:
each is compared with its pattern on the test articles' paragraphs and on made-up texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.analysis import figures, timeline
from exporter.analysis.actors.words import COMPANY_BEFORE, company_noun_before
from exporter.analysis.matching import may_hold
from exporter.readers import ReadLimits, read_data

REPO = Path(__file__).resolve().parents[2]

MADE_UP = [
    "Shares of the Denver firm, which makes pumps, fell. Its data firm  Acme said so.",
    "the bank,\nAcme and a research group Beta; the co-operative\u00a0Gamma and a start-up Delta",
    "Correction: an earlier version misstated the date. This story has been updated.",
    "CLARIFICATION. A caption on Feb. 15 GAVE THE WRONG name. Because of an editing error, …",
    "Twenty-five kilometres, a dozen tonnes, \u017fixty miles, FIFTEEN MW and 3 km away.",
    "Seven hundred people and 1,200 troops; the Kelvin sign \u212a, dotless \u0131 and \u0130.",
    "A 285-kilometre canal, 5 MW, 60,000 tonnes of cereal and 12,000 troops; 3 km-long, 4 miles.",
]


def paragraphs() -> list[str]:
    paths = sorted((REPO / "tests" / "articles").glob("*.txt"))
    texts = [p.text for path in paths
             for p in read_data(path.read_bytes(), path.name, ReadLimits()).paragraphs]
    return texts + MADE_UP


@pytest.mark.parametrize("text", paragraphs())
def test_company_noun_before_agrees_with_its_pattern(text: str) -> None:
    for end in range(len(text) + 1):
        start = max(0, end - 200)
        found = COMPANY_BEFORE.search(text, start, end) is not None
        assert company_noun_before(text, start, end) == found, (text[start:end],)


@pytest.mark.parametrize("text", paragraphs())
def test_number_scan_finds_what_the_full_patterns_find(text: str) -> None:
    for full, digits in ((figures._MEASURE, figures._MEASURE_DIGITS),
                         (figures._COUNT, figures._COUNT_DIGITS)):
        scan = figures._number_scan(text, full, digits)
        found = [] if scan is None else [(m.span(), m.groupdict()) for m in scan.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in full.finditer(text)]


@pytest.mark.parametrize("text", paragraphs())
def test_notice_gate_passes_every_notice(text: str) -> None:
    head = text[:300]
    if timeline._NOTICE.search(head):
        assert may_hold(head, timeline._NOTICE_WORDS)


def test_may_hold_defers_to_the_pattern_on_folded_letters() -> None:
    assert may_hold("The \u017fun", ["sun"])  # `ſ` matches `s` under IGNORECASE
    assert may_hold("Kelvin \u212a", ["zzz"])
    assert not may_hold("Plain text", ["sun"])
    assert may_hold("MISSTATED", ["mis"])
