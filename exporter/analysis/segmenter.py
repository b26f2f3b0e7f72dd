"""pysbd's segmenter with its English rules: the same segments as pysbd 0.3.4, found faster.

pysbd runs some hundred regular expressions over every paragraph, most of which can match only
where a certain character stands (a digit, a `(`, a curly quotation mark, one of its own
placeholder symbols such as `∯`). The subclasses here run pysbd's own methods and patterns, but
skip a step when the text lacks what every match of it needs, so the result is pysbd's
(`tests/analysis/test_segmenter.py` compares the segments with pysbd's own). What is copied from
pysbd (`_Processor.process`, …) is marked so; pysbd is pinned to 0.3.x for it.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from functools import lru_cache
from typing import ClassVar

with warnings.catch_warnings():
    # pysbd 0.3.4 has non-raw regex strings; compiling them warns on newer Pythons.
    warnings.simplefilter("ignore")
    import pysbd
    from pysbd.between_punctuation import BetweenPunctuation
    from pysbd.exclamation_words import ExclamationWords
    from pysbd.lang.english import English
    from pysbd.lists_item_replacer import ListItemReplacer
    from pysbd.processor import Processor
    from pysbd.utils import Rule, TextSpan

from .matching import FOLDED


@lru_cache(maxsize=1024)
def _compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Return `pattern` compiled, kept out of `re`'s own cache of 512 (see `Segmenter`)."""
    return re.compile(pattern, flags)


_DIGIT = re.compile(r"\d")
_LITERAL = re.compile(r"[^.^$*+?{}\[\]\\|()]+")
"""A pattern without a special character of `re`: it matches only itself."""


def _needs() -> dict[str, str]:
    """Return, for pysbd's rules whose every match holds a certain text, that text."""
    lang = English
    needs = {
        lang.SingleNewLineRule.pattern: "\n",
        lang.PossessiveAbbreviationRule.pattern: ".'s",  # `\.(?='s\s)|…`
        lang.KommanditgesellschaftRule.pattern: "Co.",  # `(?<=Co)\.(?=\sKG)`
        lang.GeoLocationRule.pattern: "\u00b0.",  # `(?<=[a-zA-z]°)\.(?=…)`
        lang.QuestionMarkInQuotationRule.pattern: "?",
        lang.EllipsisRules.ThreeConsecutiveRule.pattern: "...",
        lang.EllipsisRules.FourConsecutiveRule.pattern: "....",  # `\.{3}(?=\.\s[A-Z])`
        lang.EllipsisRules.OtherThreePeriodRule.pattern: "...",
        lang.DoublePunctuationRules.FirstRule.pattern: "?!",
        lang.DoublePunctuationRules.SecondRule.pattern: "!?",
        lang.DoublePunctuationRules.ThirdRule.pattern: "??",
        lang.DoublePunctuationRules.ForthRule.pattern: "!!",
        # `(?<= P∯M)∯(?=\s[A-Z])` and the like: the placeholder after the time's letters.
        lang.AmPmRules.UpperCasePmRule.pattern: " P\u222fM\u222f",
        lang.AmPmRules.UpperCaseAmRule.pattern: "A\u222fM\u222f",
        lang.AmPmRules.LowerCasePmRule.pattern: "p\u222fm\u222f",
        lang.AmPmRules.LowerCaseAmRule.pattern: "a\u222fm\u222f",
    }
    needs.update((rule.pattern, "!") for rule in lang.ExclamationPointRules.All)
    needs[lang.Numbers.NewLineNumberPeriodSpaceLetterRule.pattern] = "\r"  # `(?<=\r\d)\.…`
    return needs


def _gates() -> dict[str, re.Pattern[str]]:
    """Return, for pysbd's rules run on every paragraph that no one text marks, a pattern every
    match of the rule holds a match of: it opens with a full stop, which `re` skips to, or is
    anchored at the start, where the rule's own look-behind is tried at every character."""
    lang = English
    dots = re.compile(r"\.\s\.")
    gates = {
        lang.EllipsisRules.ThreeSpaceRule.pattern: dots,  # `(\s\.){3}\s`
        lang.EllipsisRules.FourSpaceRule.pattern: dots,  # `(?<=[a-z])(\.\s){3}\.($|\\n)`
        # `([a-zA-Z0-9_])(\.)([a-zA-Z0-9_])`
        lang.Abbreviation.WithMultiplePeriodsAndEmailRule.pattern: re.compile(r"\.[a-zA-Z0-9_]"),
        lang.FileFormatRule.pattern: re.compile(r"\.(?<=\s\.)"),  # `(?<=\s)\.(?=(jpe?g|…)\s)`
        # `(?<=^[A-Z])\.(?=\s)` and `(?<=\s[A-Z])\.(?=,?\s)`
        lang.SingleLetterAbbreviationRules.SingleUpperCaseLetterAtStartOfLineRule.pattern:
            re.compile(r"\A[A-Z]\."),
        lang.SingleLetterAbbreviationRules.SingleUpperCaseLetterRule.pattern:
            re.compile(r"\.(?<=\s[A-Z]\.)"),
        # `(?<=\d)\.(?=\S)`, `(?<=^\d)\.(?=…)`, `(?<=^\d\d)\.(?=…)`
        lang.Numbers.NumberAfterPeriodBeforeLetterRule.pattern: re.compile(r"\.(?<=\d\.)"),
        lang.Numbers.StartLineNumberPeriodRule.pattern: re.compile(r"\A\d\."),
        lang.Numbers.StartLineTwoDigitNumberPeriodRule.pattern: re.compile(r"\A\d\d\."),
    }
    assert not gates.keys() & _NEEDS.keys()
    return gates


_NEEDS = _needs()
_GATES = _gates()
_RULES: dict[str, tuple[str | re.Pattern[str] | None, re.Pattern[str]]] = {}
"""Each rule's pattern: what every match of it holds (a text, a pattern's match, or None:
nothing known), and it compiled."""


def _apply(text: str, *rules: Rule) -> str:
    """Return `text` with pysbd's `rules` applied in turn (its `Text.apply`), passing over a rule
    when the text lacks what every match of it holds: the pattern itself when it is plain text
    (most are placeholders such as `&ᓴ&`), the text `_NEEDS` gives, or a match of the pattern
    `_GATES` gives."""
    for rule in rules:
        pattern: str = rule.pattern
        known = _RULES.get(pattern)
        if known is None:
            need = pattern if _LITERAL.fullmatch(pattern) else (
                _NEEDS.get(pattern) or _GATES.get(pattern))
            known = _RULES[pattern] = (need, re.compile(pattern))
        need = known[0]
        if need is None or (need in text if isinstance(need, str)
                            else need.search(text) is not None):
            text = known[1].sub(rule.replacement, text)
    return text


_DOT_LETTER_DOT = re.compile(r"\.\w\.")


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
    `tests/analysis/test_segmenter.py` compares the segments with pysbd's own.
    """

    text: str
    _ABBREVIATIONS = tuple(abbr.strip() for abbr in English.Abbreviation.ABBREVIATIONS)
    _LONGEST = max(map(len, _ABBREVIATIONS))
    # Where each abbreviation stands in pysbd's list: the order its loop tries them in.
    _INDEX: ClassVar[dict[str, int]] = {abbr: i for i, abbr in enumerate(_ABBREVIATIONS)}
    _DOTTED = frozenset(abbr for abbr in _ABBREVIATIONS if not abbr.isalpha())
    """`e.g`, `ph.d`: their `.` matches any character in pysbd's pattern, so never skipped."""

    def replace(self) -> str:
        # pysbd's own `replace`, its rules applied by `_apply`.
        lang = self.lang
        self.text = _apply(self.text, lang.PossessiveAbbreviationRule,
                           lang.KommanditgesellschaftRule,
                           *lang.SingleLetterAbbreviationRules.All)
        abbr_handled_text = ""
        for line in self.text.splitlines(True):
            abbr_handled_text += self.search_for_abbreviations_in_string(line)
        self.text = abbr_handled_text
        if _DOT_LETTER_DOT.search(self.text):
            # `\b[a-z](?:\.[a-z])+[.]`, any case: a letter between two full stops.
            self.replace_multi_period_abbreviations()
        self.text = _apply(self.text, *lang.AmPmRules.All)
        if "\u222f" in self.text:  # every pattern of the sentence-boundary rule holds `∯`
            self.text = self.replace_abbreviation_as_sentence_boundary()
        return self.text

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
        if not FOLDED.isdisjoint(text):
            return self._ABBREVIATIONS
        # Without the four letters `re` folds to ASCII ones (and `İ`, which `lower` lengthens),
        # `{abbr}\\.` in any case is `{abbr}.` in the lower-cased text: an abbreviation of
        # letters is then one of the endings of the text before some full stop.
        endings: set[str] = set()
        at = lowered.find(".")
        while at >= 0:
            endings.update(lowered[max(0, at - n):at] for n in range(1, self._LONGEST + 1))
            at = lowered.find(".", at + 1)
        return sorted(endings.intersection(self._INDEX) | self._DOTTED, key=self._INDEX.__getitem__)

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
# The same, found from its full stop, which `re` skips to: whether there is any (most
# paragraphs hold none, and both the Latin and the Roman lists look).
_LETTER_BEFORE_PERIOD_GATE = re.compile(r"\.(?<=(?<!\S)[a-z]\.)")


class _ListItemReplacer(ListItemReplacer):  # type: ignore[misc]
    """pysbd's list rules, with its results, without scanning for lists a paragraph cannot hold.

    pysbd 0.3.4 looks for numbered and lettered lists in every paragraph with patterns of up to
    twelve branches, each behind a look-behind: a quarter of its time on news text, which has
    no lists. Here the patterns run only when the character every match needs is present (the
    `)` of `a)` and `1)`, the digit and full stop of `1.`), and the lettered pattern with full
    stops runs as one branch that matches the same letters.
    """

    text: str

    def iterate_alphabet_array(self, regex: str | re.Pattern[str], parens: bool = False,
                               roman_numeral: bool = False) -> str:
        if parens and ")" not in self.text:
            return str(self.text)  # every branch ends before `)`: no list, the text as it was
        if regex == ListItemReplacer.ALPHABETICAL_LIST_WITH_PERIODS:
            if _LETTER_BEFORE_PERIOD_GATE.search(self.text) is None:
                return str(self.text)  # no item found: the text as it was
            regex = _LETTER_BEFORE_PERIOD
        return str(super().iterate_alphabet_array(regex, parens, roman_numeral))

    def format_numbered_list_with_parens(self) -> None:
        # pysbd's own, its rule (`☝` taken away) applied by `_apply`: passed over without a `☝`.
        self.replace_parens_in_numbered_list()
        self.add_line_breaks_for_numbered_list_with_parens()
        self.text = _apply(self.text, self.ListMarkerRule)

    def format_numbered_list_with_periods(self) -> None:
        # pysbd's own, its rule (`♨` to `∯`) applied by `_apply`.
        self.replace_periods_in_numbered_list()
        self.add_line_breaks_for_numbered_list_with_periods()
        self.text = _apply(self.text, self.SubstituteListPeriodRule)

    def scan_lists(self, regex1: str, regex2: str, replacement: str, strip: bool = False) -> None:
        if regex1 == self.NUMBERED_LIST_PARENS_REGEX and ")" not in self.text:
            return  # no item found: nothing replaced
        if regex1 == self.NUMBERED_LIST_REGEX_1 and not _NUMBER_BEFORE_PERIOD.search(self.text):
            return
        super().scan_lists(regex1, regex2, replacement, strip)


_EXCLAIMS = "!\u01c3"
"""`!` and `ǃ`, one of which each of pysbd's words with an exclamation mark (`Yahoo!`, `ǃKung`)
holds."""
assert all(any(c in word for c in _EXCLAIMS) for word in ExclamationWords.EXCLAMATION_WORDS)


_PLACEHOLDERS = ((".", "\u222f"), ("\u3002", "&\u14f0&"), ("\uff0e", "&\u14f1&"),
                 ("\uff01", "&\u14f3&"), ("!", "&\u14f4&"), ("?", "&\u14f7&"),
                 ("\uff1f", "&\u14f8&"))
"""pysbd's `replace_punctuation` substitutions, in its order: each pattern is a mark alone."""


def _replace_punctuation(match: re.Match[str], match_type: str | None = None) -> str:
    """Return what pysbd's `replace_punctuation` returns for `match`, with `str.replace`.

    pysbd runs 21 substitutions of plain text through `re.sub` for each quotation or bracket:
    it puts a backslash before each bracket and dash, replaces the marks with placeholders and
    takes the backslashes away again, which leaves the brackets and dashes as they were (every
    backslash it takes away stands right before its bracket or dash, where it put one)."""
    text = match.group()
    for mark, placeholder in _PLACEHOLDERS:
        text = text.replace(mark, placeholder)
    if match_type != "single":
        text = text.replace("'", "&\u238b&")
    return text


def _replace_single(match: re.Match[str]) -> str:
    return _replace_punctuation(match, "single")


class _BetweenPunctuation(BetweenPunctuation):  # type: ignore[misc]
    """pysbd's rules for punctuation inside quotations and brackets, each passed over when the
    text lacks the mark that opens what it looks inside, its patterns compiled once and its
    placeholders put in by `_replace_punctuation`."""

    _STEPS = (  # pysbd's order
        ("sub_punctuation_between_single_quotes", "'"),
        ("sub_punctuation_between_single_quote_slanted", "\u2018"),
        ("sub_punctuation_between_double_quotes", '"'),
        ("sub_punctuation_between_square_brackets", "["),
        ("sub_punctuation_between_parens", "("),
        ("sub_punctuation_between_quotes_arrow", "\u00ab"),
        ("sub_punctuation_between_em_dashes", "--"),
        ("sub_punctuation_between_quotes_slanted", "\u201c"),
    )

    def sub_punctuation_between_quotes_and_parens(self, txt: str) -> str:
        for step, mark in self._STEPS:
            if mark in txt:
                txt = getattr(self, step)(txt)
        return txt

    # pysbd's own steps, but for `_compiled` and `_replace_punctuation`.
    def sub_punctuation_between_parens(self, txt: str) -> str:
        return _compiled(self.BETWEEN_PARENS_REGEX_2).sub(_replace_punctuation, txt)

    def sub_punctuation_between_square_brackets(self, txt: str) -> str:
        return _compiled(self.BETWEEN_SQUARE_BRACKETS_REGEX_2).sub(_replace_punctuation, txt)

    def sub_punctuation_between_single_quotes(self, txt: str) -> str:
        if _compiled(self.WORD_WITH_LEADING_APOSTROPHE).search(txt) and \
                not _compiled(r"'\s").search(txt):
            return txt
        return _compiled(self.BETWEEN_SINGLE_QUOTES_REGEX).sub(_replace_single, txt)

    def sub_punctuation_between_single_quote_slanted(self, txt: str) -> str:
        return _compiled(self.BETWEEN_SINGLE_QUOTE_SLANTED_REGEX).sub(_replace_punctuation, txt)

    def sub_punctuation_between_double_quotes(self, txt: str) -> str:
        return _compiled(self.BETWEEN_DOUBLE_QUOTES_REGEX_2).sub(_replace_punctuation, txt)

    def sub_punctuation_between_quotes_arrow(self, txt: str) -> str:
        return _compiled(self.BETWEEN_QUOTE_ARROW_REGEX_2).sub(_replace_punctuation, txt)

    def sub_punctuation_between_em_dashes(self, txt: str) -> str:
        return _compiled(self.BETWEEN_EM_DASHES_REGEX_2).sub(_replace_punctuation, txt)

    def sub_punctuation_between_quotes_slanted(self, txt: str) -> str:
        return _compiled(self.BETWEEN_QUOTE_SLANTED_REGEX_2).sub(_replace_punctuation, txt)


class _Processor(Processor):  # type: ignore[misc]
    """pysbd's processor, with the faster list rules (`_ListItemReplacer`), its rules applied by
    `_apply`, and each of its own substitutions skipped where it cannot match."""

    text: str

    def process(self) -> list[str] | str:
        # pysbd's own `process`, but for the list rules' class and `_apply`.
        if not self.text:
            return str(self.text)
        self.text = self.text.replace("\n", "\r")
        self.text = _ListItemReplacer(self.text).add_line_break()
        self.replace_abbreviations()
        if _DIGIT.search(self.text):  # each number rule holds a digit
            self.text = _apply(self.text, *self.lang.Numbers.All)  # pysbd's `replace_numbers`
        if "!" in self.text or "?" in self.text:  # `(!|\?){3,}`
            self.replace_continuous_punctuation()
        if _DIGIT.search(self.text):  # a numbered reference (`∯[12] `, `.12 `)
            self.replace_periods_before_numeric_references()
        self.text = _apply(
            self.text, self.lang.Abbreviation.WithMultiplePeriodsAndEmailRule,
            self.lang.GeoLocationRule, self.lang.FileFormatRule)
        sentences: list[str] = self.split_into_segments()
        return sentences

    def split_into_segments(self) -> list[str]:
        # pysbd's own, but for `_apply`.
        if "(" in self.text:  # `["”]\s\(.*\)\s["“]`
            self.check_for_parens_between_quotes()
        sents = self.rm_none_flatten(self.text.split("\r"))
        sents = [_apply(s, self.lang.SingleNewLineRule, *self.lang.EllipsisRules.All)
                 for s in sents]
        sents = self.rm_none_flatten([self.check_for_punctuation(s) for s in sents])
        postprocessed_sents: list[str] = []
        for sent in sents:
            sent = _apply(sent, *self.lang.SubSymbolsRules.All)
            post_process_sent = self.post_process_segments(sent)
            if post_process_sent and isinstance(post_process_sent, str):
                postprocessed_sents.append(post_process_sent)
            elif isinstance(post_process_sent, list):
                postprocessed_sents.extend(post_process_sent)
        return [_apply(ns, self.lang.SubSingleQuoteRule) for ns in postprocessed_sents]

    def post_process_segments(self, txt: str) -> str | list[str]:
        # pysbd's own, but for `_apply` (and without its two statements that do nothing).
        if len(txt) > 2 and re.search(r"\A[a-zA-Z]*\Z", txt):
            return txt
        txt = _apply(txt, *self.lang.ReinsertEllipsisRules.All)
        if re.search(self.lang.QUOTATION_AT_END_OF_SENTENCE_REGEX, txt):
            split: list[str] = re.split(
                self.lang.SPLIT_SPACE_QUOTATION_AT_END_OF_SENTENCE_REGEX, txt)
            return split
        return txt.replace("\n", "").strip()

    def process_text(self, txt: str) -> list[str]:
        # pysbd's own, but for `_apply` and the marks each step needs.
        if txt[-1] not in self.lang.Punctuations:
            txt += "\u0238"  # `ȸ`
        if any(c in txt for c in _EXCLAIMS):
            txt = ExclamationWords.apply_rules(txt)
        txt = self.between_punctuation(txt)
        # handle text having only doublepunctuations
        if not re.match(self.lang.DoublePunctuationRules.DoublePunctuation, txt):
            txt = _apply(txt, *self.lang.DoublePunctuationRules.All)
        txt = _apply(txt, self.lang.QuestionMarkInQuotationRule,
                     *self.lang.ExclamationPointRules.All)
        if "(" in txt:  # pysbd's roman numerals in brackets
            txt = ListItemReplacer(txt).replace_parens()
        sentences: list[str] = self.sentence_boundary_punctuation(txt)
        return sentences


class _English(English):  # type: ignore[misc]
    """pysbd's English, with the faster rules."""

    AbbreviationReplacer = _AbbreviationReplacer
    BetweenPunctuation = _BetweenPunctuation
    Processor = _Processor


class Segmenter(pysbd.Segmenter):  # type: ignore[misc]
    """pysbd's segmenter, with the faster abbreviation rules (`_AbbreviationReplacer`), each
    sentence placed in the text with `str.find`.

    pysbd 0.3.4 places each sentence it found with `re.finditer(re.escape(sentence) + "\\s*")`:
    a regular expression compiled for every sentence of every paragraph, each one a new entry in
    `re`'s cache of 512 patterns. A few articles' sentences pushed out the patterns pysbd's
    abbreviation rules and the readers use over and over, so every new article compiled some 125
    of them again (8 of the 36 ms its analysis took). The search here is the same: the first
    occurrence of the sentence, with the whitespace after it, that ends after the last one
    placed, looking at occurrences left to right without overlap
    (`tests/analysis/test_segmenter.py` compares the two on the test articles and corpus
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


SEGMENTER = Segmenter(language="en", clean=False, char_span=True)


__all__ = ["SEGMENTER", "Segmenter"]
