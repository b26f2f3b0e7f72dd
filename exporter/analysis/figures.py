"""Figures: an `Article` in, the numbers that matter out, each with what it measures.

Four kinds of span are read, in this order, each claiming its characters so a number is read once:
money (`$9 billion`, `Rs 500 million`, `€3.5bn`, `US$ 2 million`, `5 million rupees`, and the noun
right after it: `€300 million loan`), percentages with what they are a share of (`30 percent of
the Pakistani population`), measures with a unit (`285-kilometre canal`, `1,200 km`, `5 MW`,
`60,000 tonnes of cereal`) and counts of a plural noun (`four Mi 35 helicopters`, `12,000
troops`, `two dozen officers`, `120 of its nutrition centres`). An approximation before the
number is kept (`about 9 million people`, `more than 12 gigawatts`).

What is not a figure, on purpose: years and dates, ordinals, "one" and "two" spelt out ("one
decade", "two great rivers": description, rarely a count an analyst would cite), numbers after a
determiner ("the two countries", "its three ministers": a reference back, not a figure), spans of
time ("three years") and generic nouns ("three reasons", "four major changes"), and digits after
a capitalised word ("Mi 35", "Boeing 747", "Article 370": model numbers and labels).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from ..model import Article, Figure, Paragraph
from .matching import may_hold

FigureKind = Literal["money", "percent", "count", "distance", "quantity"]

COUNT_NOUNS = frozenset({
    "people", "persons", "troops", "soldiers", "men", "women", "children", "families",
    "households", "students", "workers", "deaths", "casualties", "refugees", "cases", "units",
    "vehicles", "homes", "houses", "jobs", "schools", "villages", "members", "employees",
    "officials", "police", "policemen", "personnel", "votes", "seats", "signatures", "pages",
    "words", "copies", "migrants", "prisoners", "patients", "civilians", "fighters", "militants",
    "victims", "residents", "farmers", "tourists", "visitors", "passengers", "protesters",
    "delegates", "beds", "doctors", "teachers", "volunteers", "sites", "projects", "companies",
    "firms", "tanks", "aircraft", "helicopters", "ships", "guns", "weapons", "rifles",
})
"""Plural nouns after which a four-digit number is a count (`2000 troops`), not a year."""

_DISTANCE_UNITS = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "mile": "mi", "miles": "mi", "metre": "m", "metres": "m",
    "meter": "m", "meters": "m", "feet": "ft", "foot": "ft", "ft": "ft", "yards": "yd",
    "nautical": "nmi", "cm": "cm", "centimetres": "cm", "millimetres": "mm", "mm": "mm",
}
_QUANTITY_UNITS = {
    "mw": "MW", "megawatt": "MW", "megawatts": "MW", "gw": "GW", "gigawatt": "GW",
    "gigawatts": "GW", "kw": "kW", "kilowatts": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh",
    "twh": "TWh", "terawatt-hours": "TWh", "terawatt-hour": "TWh", "gigawatt-hours": "GWh",
    "megawatt-hours": "MWh", "kilowatt-hours": "kWh", "tonnes": "t", "tonne": "t", "tons": "t",
    "ton": "t", "kg": "kg", "kilograms": "kg", "kilogrammes": "kg", "barrels": "bbl",
    "bpd": "bbl/d", "litres": "l", "liters": "l", "gallons": "gal", "hectares": "ha",
    "hectare": "ha", "acres": "acre", "acre": "acre", "sq": "sq", "square": "sq",
    "cusecs": "cusec", "cusec": "cusec", "mmcfd": "mmcfd", "maf": "MAF", "bcm": "bcm",
}
UNIT_WORDS = frozenset(_DISTANCE_UNITS) | frozenset(_QUANTITY_UNITS)
"""Lower-cased unit words; a four-digit number before one is a measure, not a year."""

_CURRENCIES = {
    "us$": "USD", "$": "USD", "usd": "USD", "r$": "BRL", "a$": "AUD", "c$": "CAD",
    "hk$": "HKD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY",
    "₹": "INR", "inr": "INR", "rs": "Rs", "rs.": "Rs", "pkr": "PKR", "cny": "CNY", "rmb": "CNY",
    "rub": "RUB", "dollars": "USD", "euros": "EUR", "pounds": "GBP", "rupees": "Rs",
    "yuan": "CNY", "roubles": "RUB", "rubles": "RUB", "yen": "JPY", "reais": "BRL",
}
_SCALES = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "billion": 10**9,
    "bn": 10**9, "trillion": 10**12, "tn": 10**12, "crore": 10**7, "lakh": 10**5,
}
_NUMBER_WORDS = {
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a dozen": 12, "two dozen": 24, "three dozen": 36, "a hundred": 100, "a thousand": 1000,
}
_TIME_UNITS = frozenset({
    "seconds", "minutes", "hours", "days", "nights", "weeks", "months", "years", "decades",
    "centuries", "generations", "summers", "winters", "seasons", "times",
})
_GENERIC_NOUNS = frozenset({
    "countries", "nations", "sides", "states", "parties", "things", "ways", "reasons", "factors",
    "aspects", "issues", "points", "questions", "options", "steps", "areas", "levels", "kinds",
    "types", "changes", "phases", "stages", "fronts", "pillars", "dimensions", "elements",
    "goals", "objectives", "principles", "priorities", "challenges", "problems", "lessons",
    "others", "ones", "cases", "examples", "words", "terms", "parts", "sections", "chapters",
    "pages", "paragraphs", "leaders", "neighbours", "neighbors", "capitals", "powers",
})
"""Plural heads that make a spelt-out number a description ("three reasons"), not a figure."""

_DETERMINERS = frozenset({
    "the", "these", "those", "both", "its", "their", "his", "her", "our", "my", "your", "all",
    "first", "last", "next", "past", "every", "each", "other", "another", "same", "whose",
})
# Function words: a count's noun phrase never runs through one.
_STOP = frozenset({
    "a", "an", "the", "of", "and", "or", "but", "to", "in", "on", "at", "by", "for", "from",
    "with", "as", "than", "that", "which", "who", "whom", "whose", "this", "these", "those",
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "could", "should", "can", "may", "might", "must", "shall", "do", "does", "did", "not", "no",
    "it", "its", "their", "his", "her", "our", "they", "he", "she", "we", "you", "i", "if",
    "so", "into", "over", "under", "about", "after", "before", "since", "until", "till",
    "while", "when", "where", "per", "each", "every", "between", "among", "against", "during",
    "through", "across", "via", "up", "down", "out", "off", "more", "less", "most", "least",
    "also", "only", "just", "even", "still", "yet", "already", "last", "next", "there", "here",
    "then", "now", "ago", "later", "earlier", "alone", "both",
    "including", "instead", "like", "unlike", "within", "without", "towards", "toward", "s",
    # Common verbs a noun phrase runs into ("25% of its output goes to …").
    "go", "goes", "went", "come", "comes", "came", "remain", "remains", "remained", "live",
    "lives", "lived", "work", "works", "worked", "stay", "stays", "get", "gets", "got",
})
_NOT_PLURAL = frozenset({
    "this", "thus", "its", "his", "hers", "was", "has", "does", "is", "as", "us", "yes", "plus",
    "perhaps", "always", "across", "less", "unless", "besides", "towards", "afterwards",
    "upwards", "downwards", "sometimes", "whereas", "news", "series", "means", "politics",
    "economics", "physics", "basis", "crisis", "analysis", "status", "bus", "gas", "lens",
})
_IRREGULAR_PLURALS = frozenset({
    "people", "men", "women", "children", "police", "personnel", "staff", "cattle", "sheep",
    "fish", "aircraft", "livestock", "feet", "teeth", "mice", "geese", "troops", "deer",
})

# Looked for right before a number rather than as an optional prefix of every pattern: an
# optional prefix makes the regex engine try it at every position of the text.
_APPROX = re.compile(
    r"\b(?i:about|around|approximately|roughly|nearly|almost|some|over|under|more\s+than"
    r"|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|as\s+many\s+as|as\s+much\s+as"
    r"|close\s+to|an\s+estimated|just\s+over|just\s+under|well\s+over|within)\s+$"
)
_DIGITS = r"(?<![\w.,/-])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w,.]?\d)"
_SCALE = r"(?:\s?(?:million|billion|trillion|thousand|crore|lakh|bn|mn|tn|m|k)\b)"
_WORDNUM = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _NUMBER_WORDS),
                           key=len, reverse=True))
_NUMBER_STARTS = "(?=\\d|(?i:[" + "".join(sorted({w[0] for w in _NUMBER_WORDS})) + "]))"
"""The first character of a number, in digits or words: put before a pattern that starts with
either, it passes over every other position of the text with one test, where the engine would
otherwise try each number word there (the measure and count scans took twice as long)."""
_CURRENCY_SIGNS = r"US\$|R\$|A\$|C\$|HK\$|\$|€|£|¥|₹"
_CODES = ("PKR", "INR", "USD", "EUR", "GBP", "CNY", "RMB", "JPY", "RUB")
_CURRENCY_CODES = rf"(?i:Rs\.?|{'|'.join(_CODES)})"
_CURRENCY = rf"(?:{_CURRENCY_SIGNS}|{_CURRENCY_CODES}\s?)"
_CURRENCY_WORDS = r"(?:dollars|rupees|euros|pounds|yuan|roubles|rubles|yen|reais)"
_PERCENT = r"(?:\s?%|\s(?:percent|per\s+cent|percentage\s+points?)\b)"

_MONEY_STARTS = r"(?=[\dURACH$€£¥₹]|(?i:[rpiuegcj]))"
"""The first character of an amount: a digit or the first of a `_CURRENCY` (keep the two
together), looked for first as `_NUMBER_STARTS` is."""


def _money_pattern(starts: str, currency: str) -> re.Pattern[str]:
    return re.compile(
        rf"{starts}(?:(?P<cur>{currency})\s?(?P<num>{_DIGITS})(?P<scale>{_SCALE})?(?![\w-])"
        rf"|(?P<num2>{_DIGITS})(?P<scale2>{_SCALE})?\s+(?P<cur2>{_CURRENCY_WORDS})\b)")


_MONEY = _money_pattern(_MONEY_STARTS, _CURRENCY)
# The same without the currency codes, for a text where no code stands before a digit: their
# first letters (`r`, `p`, `i`, `u`, `e`, …, in any case) stopped the scan at most words of
# the text, to try the codes and fail (three quarters of its time).
_MONEY_SIGNED = _money_pattern(r"(?=[\dURACH$€£¥₹])", rf"(?:{_CURRENCY_SIGNS})")
_CODE_BEFORE_DIGIT = re.compile(r"\d(?:" + "|".join(
    rf"(?<=(?i:{codes}){space}\d)" for space in ("", r"\s", r"\s\s")
    for codes in ("Rs", "|".join((r"Rs\.", *_CODES)))) + ")")
"""A digit after a currency code and up to two spaces, as every match of `_MONEY` through a
code holds one (`_CURRENCY_CODES`, in look-behinds of one width each: the scan stops only at
digits)."""
_PERCENT_RX = re.compile(rf"(?=\d)(?P<num>{_DIGITS}){_PERCENT}")
_UNIT_ALTS = "|".join(sorted((re.escape(u) for u in UNIT_WORDS), key=len, reverse=True))
_MEASURE_TAIL = (rf"(?P<scale>{_SCALE})?(?P<sep>-|\s)(?P<unit>(?i:{_UNIT_ALTS}))(?:\s+miles)?"
                 r"(?![\w])(?P<long>-(?:long|wide|high|deep))?")
_MEASURE = re.compile(rf"{_NUMBER_STARTS}(?P<num>{_DIGITS}|(?i:{_WORDNUM})){_MEASURE_TAIL}")
_COUNT = re.compile(
    rf"{_NUMBER_STARTS}(?P<num>{_DIGITS}|\b(?i:{_WORDNUM})\b)(?P<scale>{_SCALE})?(?!-)")
# The same two without the number words, for a text that holds none (`may_hold` said so): their
# branch could match nowhere in it, and trying it at every `a`, `e`, `t` … was most of the scan.
_MEASURE_DIGITS = re.compile(rf"(?=\d)(?P<num>{_DIGITS}){_MEASURE_TAIL}")
_UNIT_FIRSTS = "".join(sorted({re.escape(u[0].lower()) for u in UNIT_WORDS}))
_UNIT_GROUPS: dict[str, list[str]] = {}
for _unit in sorted(UNIT_WORDS, key=len, reverse=True):
    _UNIT_GROUPS.setdefault(_unit[0].lower(), []).append(_unit)
# The units grouped by first letter (`k(?:m|g|…)`): the engine tries each alternative in turn,
# and only one letter's can match; the search is asked only whether a unit is there at all.
_UNIT_AFTER_SPACE = re.compile(
    rf"[-\s](?=(?i:[{_UNIT_FIRSTS}]))(?i:" + "|".join(
        re.escape(units[0][0]) + "(?:" + "|".join(re.escape(u[1:]) for u in units) + ")"
        for units in _UNIT_GROUPS.values()) + r")(?:\s+miles)?(?![\w])")
"""The unit every measure ends on, as `_MEASURE_TAIL` reads it (the look-ahead for its first
letter spares the units' alternatives at most spaces): a paragraph with numbers but no unit
(nineteen in twenty) is passed over with this one search, where the measure scans tried the
number words at every letter that opens one."""
_COUNT_DIGITS = re.compile(rf"(?=\d)(?P<num>{_DIGITS})(?P<scale>{_SCALE})?(?!-)")
_AGE_BOUND = re.compile(
    rf"\s+(?:under|over|aged|below|above)\s+(?:\d+|(?i:{_WORDNUM})|five|two|one)"
    r"(?:\s*(?:-|to)\s*\d+)?(?:\s+(?:years|months)(?:\s+old)?)?\b"
)
_TOKEN = re.compile(r"\s+([\w’'-]+|[^\w\s])")
_DIGIT = re.compile(r"\d")
_NUMBER_WORD_ENDS = tuple(sorted({w.split()[-1] for w in _NUMBER_WORDS}))
"""The last word of each number word (`dozen` of `two dozen`), one of which a number spelt out
holds, in any case."""
_CAPITALISED_BEFORE = re.compile(r"([A-Z][\w-]*)\s*[-\s]$")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    kind: FigureKind
    value: float | None
    unit: str | None


def _approx_start(text: str, pos: int) -> int:
    """Return where an approximation before `pos` starts ("about", "more than"), or `pos`."""
    m = _APPROX.search(text, max(0, pos - 25), pos)
    return pos if m is None else m.start()


def _number(text: str, scale: str | None) -> float | None:
    """Return the value of a number as written (`1,200`, `4.3`, `two dozen`) times its scale."""
    words = " ".join(text.lower().split())
    if words in _NUMBER_WORDS:
        value = Decimal(_NUMBER_WORDS[words])
    else:
        try:
            value = Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    if scale:
        # Decimal, so "4.1 billion" is 4100000000.0 and not 4099999999.9999995.
        value *= Decimal(_SCALES.get(scale.strip().lower(), 1))
    return float(value)


def _is_plural(word: str) -> bool:
    low = word.lower()
    if not word.islower() and not word[:1].isupper():
        return False
    if low in _IRREGULAR_PLURALS:
        return True
    return (word.islower() and len(word) > 3 and word.endswith("s") and low not in _NOT_PLURAL
            and not word.endswith(("ss", "us", "is", "ous", "’s", "'s")))


def _noun_phrase(text: str, pos: int, limit: int = 5) -> int:
    """Return where a noun phrase starting at `pos` ends ("the Pakistani population"),
    stopping at a function word or punctuation; `pos` itself when there is none.

    A coordination ("wind and solar output") is kept when the phrase then ends at punctuation
    or has two words after "and"; "the population and assist in …" stops before "and"."""
    end, before_and, after_and, count = pos, -1, 0, 0
    cursor = pos
    first = True
    while count < limit:
        m = _TOKEN.match(text, cursor)
        if m is None or not m.group(1)[0].isalnum():
            return end
        word = m.group(1)
        low = word.lower()
        if low == "and" and count > 0 and before_and < 0:
            before_and = end
        elif first and low in ("the", "its", "their", "his", "her", "our", "a", "an", "all"):
            pass
        elif low in _STOP or word.endswith("ly"):
            break
        else:
            end = m.end()
            after_and += before_and >= 0
        first = False
        count += 1
        cursor = m.end()
    return before_and if before_and >= 0 and after_and < 2 else end


def _of_phrase(text: str, pos: int) -> int:
    """Return the end of an `of …` phrase at `pos`, or `pos` when there is none."""
    m = re.match(r"\s+of\b", text[pos:pos + 5])
    if m is None:
        return pos
    end = _noun_phrase(text, pos + m.end())
    return end if end > pos + m.end() else pos


def _next_noun(text: str, pos: int) -> int:
    """Return the end of a single noun right after `pos` (`loan`, `Eurobond`), or `pos`."""
    m = _TOKEN.match(text, pos)
    if m is None:
        return pos
    word = m.group(1)
    low = word.lower()
    if (not word[0].isalpha() or low in _STOP or low.endswith(("ly", "ed", "ing"))
            or low in _CURRENCIES or low in _SCALES):
        return pos
    return m.end()


def _number_scan(text: str, words: re.Pattern[str], digits: re.Pattern[str]
                 ) -> re.Pattern[str] | None:
    """Return the pattern to scan `text` with for numbers: `words` (digits or number words),
    `digits` when it holds no number word, None when it holds no number either (half the
    paragraphs: a scan that finds nothing)."""
    if may_hold(text, _NUMBER_WORD_ENDS):
        return words
    return digits if _DIGIT.search(text) else None


def _money(text: str) -> Iterator[_Found]:
    if not _DIGIT.search(text):
        return  # every amount is in digits
    scan = _MONEY if _CODE_BEFORE_DIGIT.search(text) else _MONEY_SIGNED
    for m in scan.finditer(text):
        cur = (m.group("cur") or m.group("cur2") or "").strip().lower()
        num = m.group("num") or m.group("num2")
        scale = m.group("scale") or m.group("scale2")
        end = m.end() if m.group("cur2") else _next_noun(text, m.end())
        yield _Found(_approx_start(text, m.start()), end, "money", _number(num, scale),
                     _CURRENCIES.get(cur, cur))


def _percents(text: str) -> Iterator[_Found]:
    if not _DIGIT.search(text):
        return  # every percentage is in digits
    for m in _PERCENT_RX.finditer(text):
        yield _Found(_approx_start(text, m.start()), _of_phrase(text, m.end()), "percent",
                     _number(m.group("num"), None), "%")


def _measures(text: str) -> Iterator[_Found]:
    scan = _number_scan(text, _MEASURE, _MEASURE_DIGITS)
    if scan is None or _UNIT_AFTER_SPACE.search(text) is None:
        return
    for m in scan.finditer(text):
        if _spelt_out_small(m.group("num")):
            continue
        unit_word = m.group("unit").lower()
        kind: FigureKind = "distance" if unit_word in _DISTANCE_UNITS else "quantity"
        unit = _DISTANCE_UNITS.get(unit_word) or _QUANTITY_UNITS.get(unit_word, unit_word)
        end = m.end()
        if m.group("sep") == "-" or m.group("long"):
            # "285-kilometre canal": the adjective form names what is measured.
            end = _next_noun(text, end)
        else:
            end = _of_phrase(text, end)
        value = _number(m.group("num"), m.group("scale"))
        yield _Found(_approx_start(text, m.start()), end, kind, value, unit)


def _spelt_out_small(num: str) -> bool:
    return num.lower() in ("one", "two", "a", "an")


def _counts(text: str) -> Iterator[_Found]:
    scan = _number_scan(text, _COUNT, _COUNT_DIGITS)
    if scan is None:
        return
    for m in scan.finditer(text):
        num = m.group("num")
        start = m.start("num")
        first = _approx_start(text, start)
        before = text[max(0, start - 30):start]
        prev = re.search(r"([\w’'-]+)\W*$", before)
        prev_word = prev.group(1) if prev else ""
        if prev_word.lower() in _DETERMINERS and first == start:
            continue
        if num[0].isdigit():
            cap = _CAPITALISED_BEFORE.search(before)
            if cap is not None and first == start and not _opens_sentence(text, start - len(
                    before) + cap.start(1)):
                continue  # "Mi 35", "Article 370"
        head = _count_head(text, m.end())
        if head is None:
            continue
        head_end, noun = head
        low = noun.lower()
        if low in _TIME_UNITS or (not num[0].isdigit() and low in _GENERIC_NOUNS):
            continue
        if num[0].isdigit() and low in _GENERIC_NOUNS and m.group("scale") is None:
            continue
        digits = num.replace(",", "")
        if re.fullmatch(r"(1[5-9]|20)\d\d", digits) and low not in COUNT_NOUNS:
            continue  # "the 2013 elections" is a year
        end = head_end
        # An age bound belongs to the count: "400,000 children under five".
        bound = _AGE_BOUND.match(text, end)
        if bound is not None:
            end = bound.end()
        extra = re.match(r"\s+and\s+(?:[a-z-]+\s+){0,2}?([a-z]+)\b", text[end:])
        if extra and _is_plural(extra.group(1)):
            end += extra.end()
        yield _Found(first, end, "count", _number(num, m.group("scale")), low)


def _opens_sentence(text: str, pos: int) -> bool:
    prefix = text[:pos].rstrip()
    return not prefix or prefix[-1] in ".!?“\"(:;"


def _count_head(text: str, pos: int) -> tuple[int, str] | None:
    """Return the plural noun a count counts: after up to three modifiers ("four Mi 35
    helicopters"), or through a partitive ("120 of its nutrition centres")."""
    partitive = re.match(r"\s+of\s+(?:its|their|the|his|her|our|these|those)\b", text[pos:])
    cursor = pos + partitive.end() if partitive else pos
    for _ in range(4):
        m = _TOKEN.match(text, cursor)
        if m is None:
            return None
        word = m.group(1)
        low = word.lower()
        if not word[0].isalnum() or low in _STOP:
            return None
        if (_is_plural(word) and word.islower()) or low in _IRREGULAR_PLURALS:
            return m.end(), word
        if word.endswith(("ly", "’s", "'s")):
            return None
        cursor = m.end()
    return None


def _paragraph_figures(para: Paragraph) -> list[_Found]:
    text = para.text
    if not _DIGIT.search(text) and not may_hold(text, _NUMBER_WORD_ENDS):
        return []  # every finder needs a digit or a number word: half the paragraphs, once
    taken: list[_Found] = []
    for finder in (_money, _percents, _measures, _counts):
        for found in finder(text):
            if any(found.start < t.end and t.start < found.end for t in taken):
                continue
            taken.append(found)
    taken.sort(key=lambda f: f.start)
    return taken


def find_figures(article: Article) -> tuple[Figure, ...]:
    """Return the money, percentages, measures and counts of the article, in reading order."""
    figures: list[Figure] = []
    for para in article.paragraphs:
        for found in _paragraph_figures(para):
            figures.append(Figure(
                text=para.text[found.start:found.end].strip(),
                paragraph=para.n,
                kind=found.kind,
                value=found.value,
                unit=found.unit,
            ))
    return tuple(figures)


__all__ = ["COUNT_NOUNS", "UNIT_WORDS", "find_figures"]
