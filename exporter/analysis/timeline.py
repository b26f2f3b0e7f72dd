"""Timeline: an `Article` in, its dated events out, each with the paragraph it came from.

Dates are found and resolved by `exporter.dates` (our own patterns, read against the article's
date, the tense of the clause and the anchors the text gives); this module decides which
sentence tells the event and cuts it to a readable clause. Inside a quotation the reference date
is the one the text gives that quotation ("in his article on May 14, 2016 … He wrote, “This
year …”"). Where there is no reference date a relative expression is dropped: no date is ever
invented.

A row is a dated event sentence: never a fragment (a broken line such as "1967 Of Israel, and
instead…"), never a correction or clarification notice, never the same event twice with the
same date. Each keeps the words its date came from (`date_text`) and what the date was read
against (`anchor`: `absolute`, `article-date` or `text`).

Choices worth knowing:
- Centuries ("the 19th century") and weeks ("last week") are skipped: a timeline entry a hundred
  years wide tells a reader nothing, and a week has no ISO form at the precisions we use.
- `12/10/2020` is ambiguous (day-month or month-day): only the year is kept unless one field is
  above 12.
- A month without a year ("in June") takes the year of a date said before it in the same
  sentence as an adverbial ("Last year, during his visit in March" → March of last year, but not
  "a member of the 1953 team who died last June").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from ..dates import (
    MONTH_NAMES,
    MONTHS,
    WEEKDAYS,
    Mention,
    PartialDate,
    clause_tense,
    find_mentions,
    parse_iso,
    resolve,
)
from ..model import Article, Event, Paragraph
from .matching import may_hold
from .sentences import split_sentences

MAX_EVENT_WORDS = 30
"""Longest event text wanted, in words, when a sentence has to be cut at clause boundaries."""

WHOLE_SENTENCE_WORDS = 35
"""Sentences up to this long are kept whole: cutting one just over 30 words mostly loses its
subject or its verb."""

UNCUT_SENTENCE_WORDS = 60
"""A longer sentence no clause of which stands alone (every span around the date opens with
`and`, or has lost its subject) is kept whole up to this length, as key points are, rather
than cut into a fragment."""


# Words a quotation's date sits near: "in his article on May 14, 2016", "told reporters on …".
_QUOTE_DATE_CUE = re.compile(
    r"\b(?:article|wrote|writes|writing|written|said|says|told|tells|statement|speech|interview"
    r"|report|reported|published|column|op-ed|remarks|letter|blog|post|posted|tweet|tweeted"
    r"|press|conference|briefing|address|testimony|paper|essay|book|declared|announced)\b",
    re.IGNORECASE,
)
_QUOTE_PAIRS = {"“": "”", "\"": "\"", "«": "»"}
_QUOTE_OPENING = re.compile("[" + "".join(_QUOTE_PAIRS) + "]")

# Clause boundaries for trimming long sentences: punctuation first, then coordinators.
# A dash between two numbers is a range (`from 2004 – 2014`), not a break.
_STRONG_BREAK = re.compile(
    r"\s*[;:]\s+|(?:(?<!\d)\s+[—–-]\s+|\s+[—–-]\s+(?!\d))"
)
# Only before a lower-case word: a capital after a comma is mostly a list item or a name.
_COMMA_BREAK = re.compile(r",\s+(?=[a-z])")
_WORD_BREAK = re.compile(
    r"\s+(?=(?:(?:in|of|to|for|by|with|from|on|at|during|under)\s+(?:which|whom)|until|till"
    r"|because|although|though|whereas|while|which|who|whom|unless|so\s+that|but)\b)"
)
# "and" before a capital is mostly a list ("Mali and Niger"), not a new clause.
_WEAK_BREAK = re.compile(
    r"\s+(?=(?:(?:and|or)\s+[a-z]|(?:following|with|as\s+well\s+as|thus|amid)\b))"
)
_DANGLING_START = re.compile(
    r"^(?:and|or|but|which|who|whom|whose|when|where|while|whereas|although|though|because"
    r"|until|till|unless|as|so|thus|following|with)\b",
    re.IGNORECASE,
)
# A clause may open with these; any other lower-case opening has lost its subject.
_CLAUSE_OPENER = re.compile(
    r"^(?:in|on|at|by|for|from|during|after|before|since|when|while|if|as|with|according"
    r"|following|including|despite|under|over|through|between|among|last|this|early|late)\b"
)
_TRAILING_FUNCTION_WORD = re.compile(
    r"\s+(?:in|of|on|at|by|for|from|to|with|the|a|an|and|or|but|that|which|who|as)$",
    re.IGNORECASE,
)
_LEADING_CONNECTIVE = re.compile(
    r"^(?:however|yet|but|and|so|moreover|meanwhile|also|still|unfortunately|thus)\b,?\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"\S+")
# A clause with no subject of its own: an infinitive or a participle (`to land that cargo`,
# `achieving a successful exit`), or an opening phrase that goes on with `and` + verb (`from 1998
# – 2007, and sold it …`).
_NO_SUBJECT = re.compile(r"(?:to|[a-z]+ing|[a-z]+ed)\s|[a-z][^,]{0,40},\s+(?:and|or|but)\s+[a-z]")
# A comma or `and` inside a list of noun phrases (`including the gut, the lungs, the pancreas and
# the gallbladder`) is no clause boundary: cut there, the event ends in the middle of the list.
_LIST_ITEM_BEFORE = re.compile(
    r"(?:,|\bincluding|\bsuch as)\s+(?:the|a|an|his|her|their|its|our)"
    r"(?:\s+[\w'’-]+){1,3}\s*$"
)
_LIST_ITEM_AFTER = re.compile(r"(?:(?:and|or)\s+)?(?:the|a|an|his|her|their|its|our)\s+[\w'’-]")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Return the (open, close) offsets of the quotations in a paragraph; an unclosed one runs
    to the end of the paragraph."""
    spans: list[tuple[int, int]] = []
    # (Each opening mark found by a search, not by a look at every character.)
    opening = _QUOTE_OPENING.search(text)
    while opening is not None:
        i = opening.start()
        close = text.find(_QUOTE_PAIRS[opening.group()], i + 1)
        end = len(text) if close < 0 else close + 1
        spans.append((i, end))
        opening = _QUOTE_OPENING.search(text, end)
    return spans


def _quote_date(text: str, quote_start: int, mentions: list[Mention],
                starts: list[int]) -> PartialDate | None:
    """Return the date the text gives a quotation: the last absolute date before it that sits
    next to a word such as "article", "wrote" or "told" (looked for within 40 words)."""
    i = bisect.bisect_left(starts, quote_start)
    while i > 0:
        i -= 1
        mention = mentions[i]
        if quote_start - mention.end > 400 or len(text[mention.end:quote_start].split()) > 40:
            break
        if mention.when is None or mention.end > quote_start or mention.when.decade:
            continue
        window = text[max(0, mention.start - 60):min(len(text), mention.end + 40)]
        if _QUOTE_DATE_CUE.search(window):
            return mention.when
    return None


def _segments(sentence: str, pattern: re.Pattern[str]) -> list[tuple[int, int, bool]]:
    """Split `sentence` at `pattern`; each segment says whether a strong break precedes it."""
    out: list[tuple[int, int, bool]] = []
    cursor, strong = 0, True
    for m in pattern.finditer(sentence):
        if _LIST_ITEM_AFTER.match(sentence, m.end()) and \
                _LIST_ITEM_BEFORE.search(sentence, max(cursor, m.start() - 60), m.start()):
            continue
        if m.start() > cursor:
            out.append((cursor, m.start(), strong))
        cursor, strong = m.end(), bool(_STRONG_BREAK.fullmatch(m.group()))
    if cursor < len(sentence):
        out.append((cursor, len(sentence), strong))
    return out


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _best_span(sentence: str, at: int) -> tuple[int, int, bool] | None:
    """Return the best clause-bounded span of `sentence` that holds offset `at` and has at
    most `MAX_EVENT_WORDS` words, and whether it has lost its subject, or None when every such
    span is too short."""
    segs = _segments(sentence, _BREAKS)
    home = next((i for i, (a, b, _) in enumerate(segs) if a <= at < b), None)
    if home is None:
        return None
    best: tuple[float, int, int, bool] | None = None
    for i in range(home, -1, -1):
        for j in range(home, len(segs)):
            a, b = segs[i][0], segs[j][1]
            chunk = sentence[a:b].strip()
            count = _words(chunk)
            if count > MAX_EVENT_WORDS:
                break
            score = float(count)
            score += 8 if i == 0 else 5 if segs[i][2] else 0
            score += 4 if j == len(segs) - 1 or segs[j + 1][2] else 0
            if _DANGLING_START.match(chunk):
                score -= 10
            elif i > 0 and chunk[:1].islower() and not _CLAUSE_OPENER.match(chunk):
                score -= 6
            # Once `_tidy` drops a leading `and`, a clause with its own subject stands (`and
            # Anthony Davis scored 34 points`, `relations between them remained hostile`); one
            # without it does not (`and to land that cargo …`, `which kicks off June 9th`).
            bare = _LEADING_CONNECTIVE.sub("", chunk)
            fragment = i > 0 and (_DANGLING_START.match(bare) is not None
                                  or _NO_SUBJECT.match(bare) is not None)
            if count < 6:
                score -= 15
            if best is None or score > best[0]:
                best = (score, a, b, fragment)
    if best is None or _words(sentence[best[1]:best[2]]) < 6:
        return None
    return best[1], best[2], best[3]


_BREAKS = re.compile(
    f"{_STRONG_BREAK.pattern}|{_COMMA_BREAK.pattern}|{_WORD_BREAK.pattern}|{_WEAK_BREAK.pattern}"
)


def event_text(sentence: str, at: int) -> str:
    """Return the clause of `sentence` that tells what happened at the date found at offset
    `at`: the whole sentence when short, or when no clause around the date stands alone and
    the sentence is not too long to keep, else a span cut at clause boundaries."""
    if _words(sentence) <= WHOLE_SENTENCE_WORDS:
        return _tidy(sentence)
    best = _best_span(sentence, at)
    if best is not None and best[2] and _words(sentence) <= UNCUT_SENTENCE_WORDS:
        return _tidy(sentence)
    if best is not None:
        return _tidy(sentence[best[0]:best[1]])
    # No clause fits: keep a window of words around the date.
    spans = [m.span() for m in _WORD.finditer(sentence)]
    k = next((i for i, (a, b) in enumerate(spans) if b > at), 0)
    lo = max(0, min(k - MAX_EVENT_WORDS // 2, len(spans) - MAX_EVENT_WORDS))
    hi = min(len(spans), lo + MAX_EVENT_WORDS)
    return _tidy(sentence[spans[lo][0]:spans[hi - 1][1]])


def _tidy(text: str) -> str:
    """Return an event text without dangling punctuation, quotes or openers, capitalised."""
    text = text.strip().strip(",;:—–- ")
    text = _LEADING_CONNECTIVE.sub("", text)
    text = text.rstrip(".,;:")
    for open_, close in (("“", "”"), ("(", ")"), ("‘", "’")):
        if text.count(open_) > text.count(close):
            text = text.replace(open_, "", text.count(open_) - text.count(close))
        elif text.count(close) > text.count(open_) and close != "’":
            text = text[::-1].replace(close, "", text.count(close) - text.count(open_))[::-1]
    if text.count('"') % 2:
        text = text.replace('"', "", 1)
    text = text.strip().rstrip(".,;:")
    while _TRAILING_FUNCTION_WORD.search(text):
        text = _TRAILING_FUNCTION_WORD.sub("", text).rstrip(",;:")
    return text[:1].upper() + text[1:]


# Notices about the article itself, not events: "Clarification: …", "This story has been updated".
_NOTICE = re.compile(
    r"^\W*(?:correction|clarification|editor[’']?s\s+note|update|updated|corrected)\b\s*[:.—–-]"
    r"|\b(?:this|the)\s+(?:story|article|report|post|piece)\s+(?:has\s+been|was|have\s+been)"
    r"\s+(?:updated|corrected|amended|changed|revised|clarified)\b"
    r"|\b(?:earlier|previous)\s+version\s+of\s+this\s+(?:story|article|report|post|piece"
    r"|obituary|column|editorial|review|profile|feature|interview|essay)\b"
    # "Because of an editing error, a photo caption on Feb. 15 misidentified …"
    r"|\b(?:because\s+of|due\s+to)\s+(?:an?\s+)?(?:editing|reporting|production|editor[’']?s"
    r"|transcription|typographical|design)\s+errors?\b"
    # "A story on Tuesday about the budget misstated …": what the paper printed, and its fault.
    r"|^\W*(?:an?|the)\s+(?:(?:photo\s+)?caption|headline|graphic|chart|map|photo|obituary"
    r"|story|article)\b[^.]{0,150}?\b(?:misidentified|misstated|misspelled|misquoted"
    r"|misattributed|incorrectly\s+(?:said|stated|reported|identified|described|gave|listed)"
    r"|gave\s+(?:the\s+)?(?:wrong|incorrect))\b",
    re.IGNORECASE,
)
_NOTICE_WORDS = ("correct", "clarif", "editor", "update", "amended", "changed", "revised",
                 "version", "error", "mis", "gave")
"""A word (or its start) each branch of `_NOTICE` needs: `correction`, `clarified`, `editor’s
note`, `updated`, an earlier `version`, an editing `error`, `misstated` or `gave the wrong`."""
# A page's stamp, credit or byline ("Updated April 5, 2017 4:32 p.m. ET", "By Staff Reporter |
# Nov. 14, 2011", "Photo: Jan. 12, 2006 / Staff"): a short line opening on such a word that ends
# without a full stop (a clock time's "p.m." is none) tells no event.
_STAMP = re.compile(
    r"^\W*(?:(?:last|first|originally)\s+)?(?:updated|posted|published|modified|revised|filed"
    r"|photo(?:graph)?s?|picture|image|file\s+photo|credit|by)\b"
    # "Sat 14 Mar 2015 19.00 GMT": a weekday's stamp; "Read more: …", "See also: …": a link.
    r"|^\W*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+\d"
    r"|^\W*(?:read\s+more|see\s+also|related|more\s+on\s+this|further\s+reading)\s*:",
    re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"(?<![ap]\.m)[.!?][”\"’')]*\s*$")
_STAMP_WORDS = 16
# A capitalised function word right after a date opening the text: a line broken mid-sentence
# ("1967 Of Israel, and instead …"), not a sentence.
_BROKEN_OPENING = re.compile(r"^\S+\s+(?:Of|And|Or|But|To|For|With|The|A|An|In|On|At|By)\s")
_MIN_EVENT_WORDS = 3
_FUNCTION_WORDS = frozenset({"of", "and", "or", "but", "to", "for", "with", "the", "a", "an",
                             "in", "on", "at", "by", "from", "which", "who", "that", "as",
                             "than", "into", "nor", "so", "yet"})
_WINDOW = 600
"""Characters of a long sentence kept either side of a date when cutting its event text."""
# A year is an adverbial anchor for a later month only after one of these (or as "last year").
_ANCHOR_PREP = re.compile(
    r"(?:^|\b(?:in|since|during|by|of|from|until|till|through|throughout|early|late|mid|around"
    r"|before|after|and|to|between|circa|c\.))[\s-]*$", re.IGNORECASE)


# "funding will lapse at 12:01 a.m. Wednesday": the splitter ends a sentence after a clock
# time's "a.m."; a weekday or a month opening the next one is the time's day, not a new sentence.
_CLOCK_END = re.compile(r"\b[ap]\.m\.\s*$", re.IGNORECASE)
_DAY_OPENING = re.compile(
    r"(?:(?:[ECMPAH][SD]?T|GMT|BST|UTC|CES?T)\s+)?"  # "at 8 p.m. EDT Wednesday"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:" + "|".join(MONTH_NAMES)
    + r")\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Return the sentences of a paragraph, a clock time kept with the day after it."""
    out: list[tuple[int, int]] = []
    for start, end in split_sentences(text) or [(0, len(text))]:
        if out and _DAY_OPENING.match(text, start) \
                and _CLOCK_END.search(text, max(out[-1][0], out[-1][1] - 8), out[-1][1]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


# Words no sentence ends on: a line that stops on one, without a full stop, was cut off mid-clause
# ("2018 and the Senate, which had").
_UNENDING_WORDS = frozenset({"the", "a", "an", "and", "or", "but", "nor", "of", "which", "who",
                             "whom", "whose", "that", "had", "has", "have", "was", "were"})
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def _is_fragment(sentence: str, words: str, ending: str = "") -> bool:
    """Return True for an event text that is no sentence: broken off at either end, or the
    date alone. `sentence` is the sentence's opening, `ending` its last characters."""
    if _words(words) < _MIN_EVENT_WORDS or not any(
            w.lower() not in MONTHS and w.lower() not in WEEKDAYS
            for w in re.findall(r"[^\W\d_]{3,}", words)):
        return True  # (`November 1, 2019`: the date alone)
    tail = ending.rstrip()
    last = _LAST_WORD.search(tail)
    if tail and tail[-1].isalpha() and last is not None \
            and last.group(1).lower() in _UNENDING_WORDS:
        return True
    stripped = sentence.lstrip(" “\"‘'(")
    first = stripped.split(maxsplit=1)[0].lower() if stripped.split() else ""
    # A sentence opening on a lower-case function word was broken off ("in 1967 and after");
    # one opening on a lower-case name ("eBay said Monday") was not.
    return bool((stripped[:1].islower() and first in _FUNCTION_WORDS)
                or _BROKEN_OPENING.match(stripped))


def _paragraph_events(para: Paragraph, ref: PartialDate | None
                      ) -> Iterator[tuple[Event, int]]:
    """Yield the events of one paragraph with their offsets."""
    text = para.text
    head = text[:300]
    # A notice's words are looked for before its pattern, whose branches are tried everywhere.
    if (may_hold(head, _NOTICE_WORDS) and _NOTICE.search(head)) or (
            _STAMP.match(text) and _words(text) <= _STAMP_WORDS
            and not _SENTENCE_STOP.search(text)):
        return
    mentions = find_mentions(text)
    if not mentions:
        return
    starts = [m.start for m in mentions]
    quotes = _quote_spans(text)
    quote_starts = [a for a, _ in quotes]
    anchor: PartialDate | None = None
    for s_start, s_end in _sentences(text):
        first, last = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
        inside = _anchor_bare_months(text, mentions[first:last], ref)
        seen: set[str] = set()
        for mention in inside:
            q = bisect.bisect_left(quote_starts, mention.start) - 1
            quote = quotes[q] if q >= 0 and quotes[q][0] < mention.start < quotes[q][1] else None
            mref, qref = ref, None
            if quote is not None:
                qref = _quote_date(text, quote[0], mentions, starts)
                mref = qref or ref
            tense = clause_tense(text, s_start, s_end, mention.start, mention.end)
            found = resolve(mention, mref, tense, anchor)
            if found is None:
                continue
            when, how = found
            if how == "article-date" and qref is not None:
                how = "text"
            if not when.decade:
                anchor = when
            # Inside a quotation that opens within this sentence, the event is the quotation's.
            begin = quote[0] + 1 if quote is not None and quote[0] >= s_start else s_start
            if when.iso() in seen:
                continue
            # A run-on "sentence" (a list of dates with no full stop) is cut to a window around
            # the date, so each event costs the same however long the sentence is.
            left, right = begin, s_end
            if mention.start - begin > _WINDOW:
                cut = text.rfind(" ", begin, mention.start - _WINDOW)
                left = cut + 1 if cut >= 0 else mention.start - _WINDOW
            if s_end - mention.end > _WINDOW:
                cut = text.find(" ", mention.end + _WINDOW, s_end)
                right = cut if cut > 0 else s_end
            words = event_text(text[left:right], mention.start - left)
            if _is_fragment(text[begin:begin + 40], words, text[max(begin, s_end - 40):s_end]):
                continue
            seen.add(when.iso())
            yield Event(
                date=when.iso(),
                text=words,
                paragraph=para.n,
                date_text=text[mention.start:mention.end],
                relative=how != "absolute",
                anchor=how,
            ), mention.start


# What joins the two ends of a range: "between January and June 2025", "Dec. 22 to Jan. 25, 2019";
# with a day between for a range of days ("March 3 to 5, 2020").
_RANGE_JOIN = re.compile(r",?\s*(?:and|to|through|until|till|[-–])\s*(?:(?:early|mid|late)[- ])?$")
_DAY_RANGE_JOIN = re.compile(r"\s*(?:and|to|through|until|till|[-–])\s*(?:[12]\d|3[01]|0?[1-9])"
                             r"(?:st|nd|rd|th)?,?\s*$")
_OPEN_DIRECTIONS = ("", "onward", "nearest")


def _range_years(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give a month (or month and day) without a year at one end of a range the year the other
    end gives: "Between January and June 2025" is January 2025 (not the last January before the
    article), "from November to February 2025" November 2024, "from Dec. 22, 2018, to Jan. 25"
    January 2019, and "March 3 to 5, 2020" March 2020 (the year, now in the day, is dropped)."""
    out: list[Mention | None] = list(mentions)
    for i, (first, second) in enumerate(pairwise(mentions)):
        if not _RANGE_JOIN.fullmatch(text, first.end, second.start):
            if first.unit == "monthday" and first.direction in _OPEN_DIRECTIONS \
                    and first.month is not None and second.kind == "year" \
                    and second.when is not None \
                    and _DAY_RANGE_JOIN.fullmatch(text, first.end, second.start):
                out[i] = replace(first, when=PartialDate(second.when.year, first.month,
                                                         first.day))
                out[i + 1] = None
            continue
        bare, dated, later = first, second, 0
        if first.when is not None:
            bare, dated, later = second, first, 1
        if bare.unit not in ("bare_month", "monthday") or bare.month is None \
                or bare.direction not in _OPEN_DIRECTIONS or bare.offset or bare.when is not None \
                or dated.when is None or dated.when.month is None or dated.when.decade:
            continue
        # The end before the start in the calendar is in the next year (or the start in the
        # year before).
        if later:
            year = dated.when.year + ((bare.month, bare.day or 99)
                                      < (dated.when.month, dated.when.day or 0))
            out[i + 1] = replace(bare, when=PartialDate(year, bare.month, bare.day))
        else:
            year = dated.when.year - ((bare.month, bare.day or 0)
                                      > (dated.when.month, dated.when.day or 99))
            out[i] = replace(bare, when=PartialDate(year, bare.month, bare.day))
    return [m for m in out if m is not None]


_LIST_JOIN = re.compile(r"\s*,\s*")


def _list_years(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give the months of a list the year its last one gives ("in March, April and May 2019":
    the range rule gives April, this one March), when they come in calendar order."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        bare, dated = out[i], out[i + 1]
        if bare.unit == "bare_month" and bare.when is None and bare.month is not None \
                and bare.direction in _OPEN_DIRECTIONS and not bare.offset \
                and dated.when is not None and dated.when.month is not None \
                and dated.when.day is None and not dated.when.decade \
                and bare.month < dated.when.month \
                and _LIST_JOIN.fullmatch(text, bare.end, dated.start):
            out[i] = replace(bare, when=PartialDate(dated.when.year, bare.month))
    return out


def _anchor_bare_months(text: str, mentions: list[Mention], ref: PartialDate | None
                        ) -> list[Mention]:
    """Give a month without a year ("in March") the year of a year-level date said before it
    in the same sentence as an adverbial ("Last year, … in March"), and drop that year-level
    date, now more precise. "The 1953 team" is no adverbial; "last June" needs none."""
    mentions = _list_years(text, _range_years(text, mentions))
    out: list[Mention | None] = list(mentions)
    anchor: tuple[int, Mention] | None = None
    for i, mention in enumerate(mentions):
        if mention.unit == "year" or (mention.when is not None and mention.when.month is None
                                      and not mention.when.decade):
            adverbial = mention.unit == "year" or mention.kind == "fiscal" or bool(
                _ANCHOR_PREP.search(text, max(0, mention.start - 24), mention.start))
            anchor = (i, mention) if adverbial else None
            continue
        if anchor is None or mention.unit not in ("bare_month", "monthday", "holiday") \
                or mention.direction in ("past", "future", "this") or mention.offset \
                or mention.when is not None:
            continue
        at, said = anchor
        year = said.when.year if said.when is not None else (
            ref.year + said.offset if ref is not None else None)
        if year is None or mention.month is None:
            continue
        out[i] = replace(mention, when=PartialDate(year, mention.month, mention.day))
        out[at] = None
    return [m for m in out if m is not None]


def find_events(article: Article) -> tuple[Event, ...]:
    """Return every dated event of the article, sorted by date, then paragraph and position;
    the same event text with the same date is kept once, where it first appears."""
    ref = reference_date(article)
    found: list[tuple[Event, int]] = []
    seen: set[tuple[str, str]] = set()
    for para in article.paragraphs:
        for event, at in _paragraph_events(para, ref):
            key = (event.date, " ".join(event.text.casefold().split()))
            if key not in seen:
                seen.add(key)
                found.append((event, at))
    found.sort(key=lambda item: (item[0].date, item[0].paragraph, item[1]))
    return tuple(event for event, _ in found)


def reference_date(article: Article) -> PartialDate | None:
    """Return the date relative expressions are read against: the most precise of the
    article's date and its dateline's date, the article's date when they tie."""
    candidates = [parse_iso(article.meta.date)]
    if article.meta.dateline is not None:
        candidates.append(parse_iso(article.meta.dateline.date))
    found = [c for c in candidates if c is not None]
    if not found:
        return None
    return max(found, key=lambda w: (w.month is not None) + (w.day is not None))


__all__ = ["find_events", "find_mentions", "parse_iso", "reference_date"]
