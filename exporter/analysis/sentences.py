"""Sentences: paragraph text in, sentence spans out.

pysbd does the splitting (it knows abbreviations such as `U.S`, `Z.A. Bhutto`, `Mi 35`), then two
repairs follow: a long segment holding a quotation is split again inside the quotation (pysbd keeps
a whole multi-sentence quotation as one sentence), and a question run on after another (`…? What
…?`) is split. Very long paragraphs skip pysbd, whose cost grows faster than linearly, and use the
linear regex splitter alone. Results are cached per text, since every analysis module asks.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..model import Article, Paragraph
from .lexicon import HONORIFICS

with warnings.catch_warnings():
    # pysbd 0.3.4 has non-raw regex strings; compiling them warns on newer Pythons.
    warnings.simplefilter("ignore")
    import pysbd
    from pysbd.lang.english import English
    from pysbd.lists_item_replacer import ListItemReplacer
    from pysbd.processor import Processor
    from pysbd.utils import Text, TextSpan

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


@lru_cache(maxsize=1024)
def _compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Return `pattern` compiled, kept out of `re`'s own cache of 512 (see `_Segmenter`)."""
    return re.compile(pattern, flags)


_FOLDED = frozenset("\u0130\u0131\u017f\u212a")
"""`İ`, `ı`, `ſ` and the Kelvin sign: the letters `re` matches to ASCII letters when ignoring
case, beside the ASCII letters themselves (Python's `re.IGNORECASE` documentation)."""

class _AbbreviationReplacer(English.AbbreviationReplacer):  # type: ignore[misc]
    """pysbd's abbreviation rules, with its patterns and its results, without its waste.

    For each of its 188 abbreviations a paragraph holds as letters (`al` in `also`, `co` in
    `could`), pysbd 0.3.4 finds every word starting with it and, for each, runs a substitution
    of `∯` for the full stop after it (`(?<=\\s{abbr})\\.(?=…)`) over the whole paragraph, each
    pattern handed to `re` as a string: its largest cost, and those hundreds of patterns pushed
    everything else out of `re`'s cache of 512. Every substitution needs the abbreviation, as
    the word wrote it (escaped, or letters only in the prepositive and number lists), followed
    by a full stop; substitutions only ever take full stops away. So an abbreviation never so
    followed (`{abbr}\\.`, in any case) is passed over, a word whose spelling of it never is
    substitutes nothing, and the patterns kept are compiled once each.
    `tests/analysis/test_sentence_spans.py` compares the segments with pysbd's own.
    """

    _ABBREVIATIONS = tuple(abbr.strip() for abbr in English.Abbreviation.ABBREVIATIONS)
    _LONGEST = max(map(len, _ABBREVIATIONS))
    _DOTTED = frozenset(abbr for abbr in _ABBREVIATIONS if not abbr.isalpha())
    """`e.g`, `ph.d`: their `.` matches any character in pysbd's pattern, so never skipped."""

    def search_for_abbreviations_in_string(self, text: str) -> str:
        # pysbd's own loop, in its order (`lowered` is the text before any substitution, as
        # there), over the abbreviations the text holds.
        lowered = text.lower()
        for stripped in [abbr for abbr in self._candidates(text, lowered) if abbr in lowered]:
            if not _compiled(stripped + r"\.", re.IGNORECASE).search(text):
                continue  # never followed by a full stop: no substitution for it can match
            abbrev_match = _compiled(r"(?:^|\s|\r|\n)" + stripped, re.IGNORECASE).findall(text)
            if not abbrev_match:
                continue
            char_array = _compiled(r"(?<={" + re.escape(stripped) + "} ).{1}").findall(text)
            for ind, match in enumerate(abbrev_match):
                text = self.scan_for_replacements(text, match, ind, char_array)
        return text

    def _candidates(self, text: str, lowered: str) -> Sequence[str]:
        """Return the abbreviations that may stand before a full stop of `text`, in pysbd's
        order: a superset of those the search for `{abbr}\\.` (any case) can find."""
        if not _FOLDED.isdisjoint(text):
            return self._ABBREVIATIONS
        # Without the four letters `re` folds to ASCII ones (and `İ`, which `lower` lengthens),
        # `{abbr}\\.` in any case is `{abbr}.` in the lower-cased text: an abbreviation of
        # letters is then one of the endings of the text before some full stop.
        endings: set[str] = set()
        at = lowered.find(".")
        while at >= 0:
            endings.update(lowered[max(0, at - n):at] for n in range(1, self._LONGEST + 1))
            at = lowered.find(".", at + 1)
        return [abbr for abbr in self._ABBREVIATIONS if abbr in endings or abbr in self._DOTTED]

    def scan_for_replacements(self, txt: str, am: str, ind: int, char_array: list[str]) -> str:
        if am.strip() + "." not in txt:
            return txt  # no substitution can match: the text as pysbd's would leave it
        replaced: str = super().scan_for_replacements(txt, am, ind, char_array)
        return replaced


# Necessary for any match of pysbd's numbered-list pattern (`NUMBERED_LIST_REGEX_1`): each of
# its twelve branches ends with one or two digits before `.` and a space or `)`.
_NUMBER_BEFORE_PERIOD = re.compile(r"\d\.[\s)]")
# pysbd's `ALPHABETICAL_LIST_WITH_PERIODS` (`(?<=^)[a-z](?=\.)|(?<=\A)[a-z](?=\.)|(?<=\s)…`)
# in one branch: a letter at the start or after whitespace, before a full stop.
_LETTER_BEFORE_PERIOD = re.compile(r"(?<!\S)[a-z](?=\.)")


class _ListItemReplacer(ListItemReplacer):  # type: ignore[misc]
    """pysbd's list rules, with its results, without scanning for lists a paragraph cannot hold.

    pysbd 0.3.4 looks for numbered and lettered lists in every paragraph with patterns of up to
    twelve branches, each behind a look-behind: a quarter of its time on news text, which has
    no lists. Here the patterns run only when the character every match needs is present (the
    `)` of `a)` and `1)`, the digit and full stop of `1.`), and the lettered pattern with full
    stops runs as one branch that matches the same letters.
    """

    def iterate_alphabet_array(self, regex: str, parens: bool = False,
                               roman_numeral: bool = False) -> str:
        if parens and ")" not in self.text:
            return str(self.text)  # every branch ends before `)`: no list, the text as it was
        if regex == ListItemReplacer.ALPHABETICAL_LIST_WITH_PERIODS:
            regex = _LETTER_BEFORE_PERIOD
        return str(super().iterate_alphabet_array(regex, parens, roman_numeral))

    def scan_lists(self, regex1: str, regex2: str, replacement: str, strip: bool = False) -> None:
        if regex1 == self.NUMBERED_LIST_PARENS_REGEX and ")" not in self.text:
            return  # no item found: nothing replaced
        if regex1 == self.NUMBERED_LIST_REGEX_1 and not _NUMBER_BEFORE_PERIOD.search(self.text):
            return
        super().scan_lists(regex1, regex2, replacement, strip)


class _Processor(Processor):  # type: ignore[misc]
    """pysbd's processor, with the faster list rules (`_ListItemReplacer`)."""

    def process(self) -> list[str] | str:
        # pysbd's own `process`, but for the list rules' class.
        if not self.text:
            return str(self.text)
        self.text = self.text.replace("\n", "\r")
        self.text = _ListItemReplacer(self.text).add_line_break()
        self.replace_abbreviations()
        self.replace_numbers()
        self.replace_continuous_punctuation()
        self.replace_periods_before_numeric_references()
        self.text = Text(self.text).apply(
            self.lang.Abbreviation.WithMultiplePeriodsAndEmailRule,
            self.lang.GeoLocationRule, self.lang.FileFormatRule)
        sentences: list[str] = self.split_into_segments()
        return sentences


class _English(English):  # type: ignore[misc]
    """pysbd's English, with the faster abbreviation and list rules."""

    AbbreviationReplacer = _AbbreviationReplacer
    Processor = _Processor


class _Segmenter(pysbd.Segmenter):  # type: ignore[misc]
    """pysbd's segmenter, with the faster abbreviation rules (`_AbbreviationReplacer`), each
    sentence placed in the text with `str.find`.

    pysbd 0.3.4 places each sentence it found with `re.finditer(re.escape(sentence) + "\\s*")`:
    a regular expression compiled for every sentence of every paragraph, each one a new entry in
    `re`'s cache of 512 patterns. A few articles' sentences pushed out the patterns pysbd's
    abbreviation rules and the readers use over and over, so every new article compiled some 125
    of them again (8 of the 36 ms its analysis took). The search here is the same: the first
    occurrence of the sentence, with the whitespace after it, that ends after the last one
    placed, looking at occurrences left to right without overlap
    (`tests/analysis/test_sentence_spans.py` compares the two on the test articles and corpus
    pages).
    """

    def __init__(self, **options: object) -> None:
        super().__init__(**options)
        self.language_module = _English

    def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
        if not all(sentences):  # an empty pattern matches between characters: pysbd's own way
            spans: list[TextSpan] = super().sentences_with_char_spans(sentences)
            return spans
        text: str = self.original_text
        placed: list[TextSpan] = []
        prior_end = 0
        for sentence in sentences:
            at = text.find(sentence)
            while at >= 0:
                end = at + len(sentence)
                while end < len(text) and text[end].isspace():  # what `\s*` matches
                    end += 1
                if end > prior_end:
                    placed.append(TextSpan(text[at:end], at, end))
                    prior_end = end
                    break
                at = text.find(sentence, end)
        return placed


_SEGMENTER = _Segmenter(language="en", clean=False, char_span=True)


def _pysbd_spans(text: str) -> list[tuple[int, int]]:
    """Return pysbd's spans, with any text it failed to place kept as spans of its own."""
    try:
        segments = _SEGMENTER.segment(text)
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
        if out and (_ENDS_WITH_TITLE.search(text, out[-1][0], out[-1][1])
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
