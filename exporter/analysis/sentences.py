"""Sentences: paragraph text in, sentence spans out.

pysbd does the splitting (it knows abbreviations such as `U.S`, `Z.A. Bhutto`, `Mi 35`), then two
repairs follow: a long segment holding a quotation is split again inside the quotation (pysbd keeps
a whole multi-sentence quotation as one sentence), and a question run on after another (`…? What
…?`) is split. Very long paragraphs skip pysbd, whose cost grows faster than linearly, and use the
linear regex splitter alone. Results are cached per text, since every analysis module asks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article, Paragraph
from .lexicon import HONORIFICS
from .segmenter import SEGMENTER

PYSBD_MAX_CHARS = 5_000
"""Paragraphs longer than this are split by the regex splitter only.

pysbd costs about 5 ms per 1,000 characters and grows faster than linearly (0.3 s at 19,000), so
a paragraph this long would eat most of the 200 ms an article's whole analysis may take."""

RESPLIT_MIN_CHARS = 200
"""Segments with a quotation mark and at least this many characters are split again."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a body paragraph."""

    text: str
    """The sentence, without surrounding whitespace."""
    paragraph: int
    """Number of the paragraph it is in."""
    start: int
    """Offset of its first character in the paragraph's text."""
    end: int
    """Offset one past its last character in the paragraph's text."""


# Words that end with a full stop without ending a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "cpt", "maj",
    "adm", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "jr", "sr", "messrs",
    "mme", "mlle", "no", "nos", "vol", "vols", "pp", "p", "fig", "figs", "inc", "ltd", "co",
    "corp", "plc", "bros", "dept", "est", "approx", "vs", "etc", "al", "cf", "ca", "viz", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
    "govt", "univ", "assn", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "u.s.a", "e.u",
}
# After a dotted abbreviation (`U.S.`) only these words start a new sentence.
_SENTENCE_STARTERS = {
    "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
    "there", "here", "but", "and", "so", "yet", "however", "in", "on", "at", "for", "as", "if",
    "when", "while", "after", "before", "since", "although", "though", "a", "an", "his", "her",
    "their", "our", "my", "some", "many", "most", "all", "no", "not", "now", "then", "still",
    "meanwhile", "moreover", "also",
}
# Honorifics and ranks (`Dr.`, `Sen.`, `Msgr.`, `Lt.`) belong to the name after them and never
# end a sentence; `Jr.` and `Sr.` close a name and may, `St.` is also a street.
_NAME_TITLES = frozenset(HONORIFICS) - {"jr", "sr", "st"}
_NEVER_NAMES = frozenset({"the", "this", "that", "it", "he", "she", "they", "we", "i", "there"})
_ENDS_WITH_TITLE = re.compile(r"\b(" + "|".join(sorted(_NAME_TITLES)) + r")\.$", re.IGNORECASE)
_TITLE_REACH = max(map(len, _NAME_TITLES)) + 2
"""Characters from a span's end within which `_ENDS_WITH_TITLE` can start (a title, its full
stop and the line break `$` allows after it): the search looks there only, not over the span."""
_NEVER_OPENS = ",;—–"
"""A span opening with one of these continues the sentence before it."""
_UNIT_BEFORE = re.compile(r"\u00b0\s?[CF]$")
_UNIT_END = re.compile(r"(\u00b0\s?[CF]\.)\s+(?=[A-Z])")
_CANDIDATE = re.compile(r"[.!?…]+[\"”\u2019')\]]*(?=\s+[\"“\u2018'(\[]?[A-Z0-9À-ÖØ-Þ])")
_WORD_BEFORE = re.compile(r"([\w.]+)\W*$")
_WORD_AFTER = re.compile(r"\s+[\"“\u2018'(\[]?([\w'\u2019]+)")


def _is_boundary(text: str, end: int) -> bool:
    """Return True if the punctuation run ending at `end` closes a sentence."""
    run_start = end
    while run_start > 0 and text[run_start - 1] in ".!?…\"”\u2019')]":
        run_start -= 1
    punct = text[run_start:end]
    if "!" in punct or "?" in punct or "…" in punct:
        return True
    before = _WORD_BEFORE.search(text, max(0, run_start - 40), run_start)
    if before is None:
        return True
    word = before.group(1).rstrip(".")
    low = word.lower()
    after = _WORD_AFTER.match(text, end)
    next_word = after.group(1).lower() if after else ""
    if low in _NAME_TITLES and punct == ".":
        # `Del.` is also Delaware (`Dover, Del. It said`): no name starts with a pronoun.
        return next_word in _NEVER_NAMES
    if _UNIT_BEFORE.search(text, max(0, run_start - 4), run_start):
        return True  # `1.5° C.`: a unit, not an initial
    if len(word) == 1 and word.isupper():
        # An initial (`Z. A. Bhutto`), unless a common sentence opener follows.
        return next_word in _SENTENCE_STARTERS
    if low in _ABBREVIATIONS or "." in word:
        return next_word in _SENTENCE_STARTERS and low not in {"mr", "mrs", "ms", "dr", "prof"}
    return True


def regex_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return sentence spans of `text[start:end]` found by punctuation rules, in linear time."""
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _CANDIDATE.finditer(text, start, stop):
        if _is_boundary(text, match.end()):
            spans.append((cursor, match.end()))
            cursor = match.end()
    spans.append((cursor, stop))
    return [s for s in (_strip(text, a, b) for a, b in spans) if s[0] < s[1]]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Return `(start, end)` narrowed to exclude surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end




def _pysbd_spans(text: str) -> list[tuple[int, int]]:
    """Return pysbd's spans, with any text it failed to place kept as spans of its own."""
    try:
        segments = SEGMENTER.segment(text)
    except Exception:  # pysbd fails on some odd inputs; the regex splitter does not
        return regex_spans(text)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for seg in segments:
        if seg.start < cursor:
            continue
        if text[cursor:seg.start].strip():
            spans.append((cursor, seg.start))
        spans.append((seg.start, seg.end))
        cursor = seg.end
    if text[cursor:].strip():
        spans.append((cursor, len(text)))
    return _join_titles(text, [s for s in (_strip(text, a, b) for a, b in spans) if s[0] < s[1]])


def _join_titles(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the spans with any that ends on an honorific (`… said Msgr.`) joined to the next
    one (pysbd knows `Dr.` and `Gen.` but not every rank), any that opens with a comma or a dash
    joined to the one before (`Sen. Ann Lee, R-Mich., on Tuesday …` and `DOVER, Del. — The …`,
    cut after the state's abbreviation: no sentence opens with a comma), and any holding a
    temperature that ends a sentence (`1.5° C. Nobody …`, which pysbd takes for an initial) cut
    after it."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and (_ENDS_WITH_TITLE.search(text, max(out[-1][0], out[-1][1] - _TITLE_REACH),
                                            out[-1][1])
                    or text[start] in _NEVER_OPENS):
            out[-1] = (out[-1][0], end)
            continue
        for unit in _UNIT_END.finditer(text, start, end):
            out.append((start, unit.end(1)))
            start = unit.end()
        out.append((start, end))
    return out


_QUOTE_CHARS = "“\"\u2018"
_RUN_ON_QUESTION = re.compile(r"[?!][\"”\u2019]?\s+[\"“\u2018]?[A-Z]")


@lru_cache(maxsize=4096)
def _split_cached(text: str) -> tuple[tuple[int, int], ...]:
    if len(text) > PYSBD_MAX_CHARS:
        return tuple(regex_spans(text))
    result: list[tuple[int, int]] = []
    for start, end in _pysbd_spans(text):
        segment = text[start:end]
        long_quote = end - start >= RESPLIT_MIN_CHARS and any(q in segment for q in _QUOTE_CHARS)
        if long_quote or _RUN_ON_QUESTION.search(segment):
            result.extend(regex_spans(text, start, end))
        else:
            result.append((start, end))
    return tuple(result)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return `(start, end)` offsets of the sentences of `text`, whitespace excluded."""
    known = _BOOK_SPANS.get(text)
    if known is not None:
        return list(known)
    return list(_split_cached(text))


PYSBD_MAX_ARTICLE_CHARS = 200_000
"""Above this body length (about 30,000 words) every paragraph goes to the linear regex splitter:
pysbd costs some 3 ms a paragraph, which is half a minute for a book."""


def article_sentences(article: Article) -> tuple[Sentence, ...]:
    """Return every sentence of the article's body, in reading order."""
    return _article_sentences(article.paragraphs)


_BOOK_SPANS: dict[str, tuple[tuple[int, int], ...]] = {}
"""Spans of the paragraphs of the last book-length article, so that stages which split one
paragraph at a time (`split_sentences`) use the same fast splitter for it."""


@lru_cache(maxsize=8)
def _article_sentences(paragraphs: tuple[Paragraph, ...]) -> tuple[Sentence, ...]:
    # Cached per article: every analysis stage asks for the same sentences.
    book = sum(len(p.text) for p in paragraphs) > PYSBD_MAX_ARTICLE_CHARS
    if book:
        _BOOK_SPANS.clear()
        _BOOK_SPANS.update((p.text, tuple(regex_spans(p.text))) for p in paragraphs)
    return tuple(
        Sentence(text=para.text[start:end], paragraph=para.n, start=start, end=end)
        for para in paragraphs
        for start, end in (_BOOK_SPANS[para.text] if book else _split_cached(para.text))
    )


__all__ = ["Sentence", "article_sentences", "regex_spans", "split_sentences"]
