"""pysbd's sentences are placed in their paragraph by `str.find` (`segmenter.Segmenter`), not
by a regular expression made of each sentence, and its abbreviation rules skip what cannot
match (`segmenter._AbbreviationReplacer`): the spans must be pysbd's own, always."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

from exporter.analysis import segmenter as splitting
from exporter.analysis.segmenter import SEGMENTER as _SEGMENTER
from exporter.analysis.segmenter import Segmenter as _Segmenter
from exporter.readers import ReadLimits, read_data

REPO = Path(__file__).resolve().parents[2]

# pysbd itself, imported by the module under test (where its SyntaxWarnings are silenced).
_PYSBD = splitting.pysbd.Segmenter(language="en", clean=False, char_span=True)


def placed(segmenter: Any, text: str, sentences: list[str]
           ) -> list[tuple[str, int, int]]:
    segmenter.original_text = text
    return [(s.sent, s.start, s.end) for s in segmenter.sentences_with_char_spans(sentences)]


def assert_same_spans(text: str, sentences: list[str] | None = None) -> None:
    if sentences is None:
        sentences = _PYSBD.processor(text).process() if text else []
    ours = _Segmenter(language="en", clean=False, char_span=True)
    assert placed(ours, text, sentences) == placed(_PYSBD, text, sentences)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Yes. Yes. No.", ["Yes.", "Yes.", "No."]),  # a repeated sentence: the next occurrence
        ("aaa aa", ["aa", "aa"]),  # overlapping occurrences are not searched
        ("One.\u00a0\u2003\n Two.\u3000", ["One.", "Two."]),  # every Unicode space
        ("Two. One. Two.", ["One.", "Two."]),  # found earlier but ending before: the later one
        ("Not there.", ["Missing."]),
        ("Has (brackets) and [regex] chars? *Yes*.", ["Has (brackets) and [regex] chars?",
                                                     "*Yes*."]),
        ("One.  Two.", ["One.", "", "Two."]),  # an empty sentence: pysbd's own placement
        ("", []),
    ],
)
def test_placement_matches_pysbd(text: str, sentences: list[str]) -> None:
    assert_same_spans(text, sentences)


def test_segmenter_gives_pysbd_spans_on_the_sample_and_test_articles() -> None:
    sources = [REPO / "source" / "pakistan-russia-relations.txt",
               *sorted((REPO / "tests" / "articles").glob("*.txt"))]
    for path in sources:
        for paragraph in read_data(path.read_bytes(), path.name, ReadLimits()).paragraphs:
            assert_same_spans(paragraph.text)
            spans = [(s.start, s.end) for s in _SEGMENTER.segment(paragraph.text)]
            assert spans == [(s.start, s.end) for s in _PYSBD.segment(paragraph.text)]


def test_placement_matches_pysbd_on_corpus_pages(shared_dir: Path) -> None:
    # Every fourth page (some 45, 2-3 s): all 181 agreed when this was written.
    pages = sorted((shared_dir / "corpus" / "article-extraction-benchmark" / "html")
                   .glob("*.html.gz"))[::4]
    assert pages
    for page in pages:
        article = read_data(gzip.decompress(page.read_bytes()), page.name[:-3], ReadLimits())
        for paragraph in article.paragraphs:
            assert_same_spans(paragraph.text)
            assert_same_segments(paragraph.text)


def assert_same_segments(text: str) -> None:
    ours = [(s.sent, s.start, s.end) for s in _SEGMENTER.segment(text)]
    assert ours == [(s.sent, s.start, s.end) for s in _PYSBD.segment(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Smith & Co. said it would. The co. is small.",  # one abbreviation, two spellings
        "Gen. Ann Lee met Col. Ray Oduya at St. Mary's. They left at 3 p.m. on Jan. 5.",
        "See art. 12 and No. 5, e.g. the plan. It was approved by the U.S. Dept. of Labor.",
        "The Cal. court ruled. ALA. officials, Adm. Grey and Mr. Smith agreed.",
        "Prices rose 3 pct. in Ariz. and Calif. The Fed. cut rates.",
        "Dr.Phil and D.Phil. holders, Ph.D. students: all came. Also, al. was there.",
        "No full stop after any abbreviation here: co, gen, st and dept",
        "The \u017ft. change and the \u212aans. case: folded letters. Then more.",
        "\u0130stanbul GEN. Ali met DR. Ray and the \u0131d. of Co. Ltd. on Jan. 5. Also e.g. it.",
        "Sen.Ray said no. U.S. officials, Ph.D. holders and i.e. others: the co. and the CO. too.",
    ],
)
def test_abbreviation_rules_give_pysbd_segments(text: str) -> None:
    assert_same_segments(text)


@pytest.mark.parametrize(
    "text",
    [
        "Steps: 1. Plan it. 2. Do it. 3. Check it. Then rest.",
        "Steps: 1) plan 2) do 3) check. Then rest.",
        "Options a. red b. blue c. green were offered. Also d. none.",
        "Options (a) red (b) blue and (c) green. Or a) one b) two.",
        "Items i. first ii. second iii. third. Then (iv) fourth (v) fifth.",
        "a. At the start. Then\u00a0b. after a no-break space.",
        "The vote was 52-48. It passed on 3.5 per cent (about 1.2 million) votes.",
        "-1. a dash list -2. and more. \u20431. bullet \u20432. items.",
        "No list here at all, only words",
    ],
)
def test_list_rules_give_pysbd_segments(text: str) -> None:
    # `segmenter._ListItemReplacer` skips the list patterns a paragraph cannot match.
    assert_same_segments(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wait... What now? He left . . . and came back. . . . Then. . . . More.",
        "It fell.... Then it rose... Then it fell again...",
        "Really?! No!? Yes?? Yes!! Stop!!! Why??? Go?!?",
        "He said \"Stop!\" and left. She asked \"Why?\" then sat. Yahoo! rose. "
        "The \u01c3Kung spoke.",
        "At 5 p.m. Smith left; at 9 a.m. Jones came. At 10 A.M. Lee ate. At 3 P.M. Ann slept.",
        "Müller Co. KG. grew. The co.'s profit rose. Temperatures hit 40\u00b0. 12 people fainted.",
        "Studies show it.12 Others disagree.[3] The data (see Fig. 2) were clear (mostly). Fine.",
        "He wrote \u201cit is. really. done.\u201d and \u2018so. it is.\u2019 "
        "Then \u00abvoil\u00e0. fini.\u00bb",
        "The plan -- a bold one. really -- failed. The [note. here] stays. (i) first (ii) second",
        "\"Quote (aside) here\" (and there) \u201cmore\u201d. Then ends.",
        "The file.pdf was sent. Visit www.example.com or mail a.b@example.com today.",
        "U.S. officials met. The U.K. agreed. The U.S.A. did too. I. Then we left.",
        "Line one.\nLine two. Line\rthree.",
        "No punctuation at all",
        "1. Start with a number. 22. Two digits. 3) paren.",
    ],
)
def test_rules_give_pysbd_segments(text: str) -> None:
    # `segmenter._apply`, `_Processor` and `_BetweenPunctuation` skip what cannot match.
    assert_same_segments(text)
