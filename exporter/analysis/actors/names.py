"""Names: whether words can be a person's name or an organisation's acronym, and how one name
relates to another (a part of a full name, the initials of an expansion, a first name the text
writes before a surname)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .. import lexicon
from .gazetteer import lookup
from .runs import ACRONYM, is_cap
from .words import (
    CONNECTORS,
    HONORIFICS,
    NOT_ORG_ACRONYMS,
    ORG_HEADS,
    ROLE_WORDS,
    STOP,
    TITLE_HEADS,
)


def name_ok(words: list[str]) -> bool:
    """Return True if `words` can be a person's name."""
    if not words or len(words) > 5:
        return False
    # (Each word lower-cased once: asked of nearly every run of capitals, some twice. A month
    # that is a given name stays only where `month_given_name` kept it: `June Hessler`.)
    lows = [w.lower() for w in words]
    for i, w in enumerate(words):
        if w[:1].isupper() and ((lows[i] in STOP and not (
                i == 0 and len(words) == 2 and w in _MONTH_NAMES)) or lows[i] in ORG_HEADS or (
                lows[i] in TITLE_HEADS and not surname_title(words, i))):
            return False
    if not is_cap(words[0]) or not is_cap(words[-1]):
        return False
    if lows[-1] in _PLACE_ENDINGS:
        return False  # `Calder County`, `Garfield Heights`: a place, whatever its first word
    if not _JOINING.isdisjoint(lows):
        return False
    # A known place or organisation is not a name, unless it only opens one (`Victoria Atkins`).
    hit = lookup(words, 0)
    return hit is None or hit[0] < len(words)


def surname_title(words: list[str], i: int) -> bool:
    """Return True if the title word at `words[i]` is a surname: the last word, after a given
    name (`Daniel King`, `Ann Bishop`)."""
    return i == len(words) - 1 >= 1 and words[-2].lower() in lexicon.census_first_names()


_JOINING = frozenset({"the", "of", "for", "and"})
_PLACE_ENDINGS = frozenset({"county", "parish", "township", "borough", "heights", "springs",
                            "avenue", "highway", "canyon", "creek", "peninsula", "reservoir"})
_INITIAL_PAIR = re.compile(r"[A-Z]\.[A-Z]\.?")


def looks_acronym(word: str) -> bool:
    """Return True if a word may be an organisation's acronym: not a plural common noun
    (`EVs`, `SUVs`), not a product code or model (`ES8`, `RS-25`), not a web word (`WATCH`),
    not a shouted word (`VIZZION`, `CRUISES`: undefined acronyms past four letters are rare and
    the long ones that matter are in the gazetteer), not initials (`P.I.`, `A.M.`: the dotted
    pairs that name actors, `U.S.` and `U.N.`, are in the gazetteer)."""
    if not ACRONYM.fullmatch(word) or word in NOT_ORG_ACRONYMS or _INITIAL_PAIR.fullmatch(word):
        return False
    if word.endswith("s") or any(c.isdigit() for c in word):
        return False
    if len(word.replace(".", "")) > 4:
        return False
    return word.lower() not in lexicon.NOT_SPEAKERS


def shouted(text: str, start: int, end: int) -> bool:
    """Return True if the capitals at `text[start:end]` stand next to other capitals: a
    headline or a slogan (`GET OUT and VOTE`, `VW ID. SPACE VIZZION`), not an acronym."""
    before = re.search(r"([A-Z]{2,})[.:!]?\s+$", text[max(0, start - 20):start])
    after = re.match(r"[.:!]?\s+([A-Z]{2,})\b", text[end:end + 20])
    return before is not None or after is not None


def acronym_matches(acronym: str, words: list[str]) -> bool:
    """Return True if `acronym` is made of the initials of `words` (minor words optional)."""
    letters = acronym.replace(".", "").rstrip("s").upper()
    initials = [w[0].upper() for w in words if w.lower() not in CONNECTORS]
    all_initials = [w[0].upper() for w in words]
    parts = [p[0].upper() for w in words for p in w.split("-") if p]
    return letters in ("".join(initials), "".join(all_initials), "".join(parts))



SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def same_title(part: set[str], whole: set[str]) -> bool:
    """Return True if a title the part was given is among the full name's roles (`President`
    in `President of the United States`). Only a title written with a capital counts: news
    style capitalises a formal title before a name (`Vice President Biden`, which is not
    `Hunter Biden`) and writes a description after one in lower case (`Ms. Montoya, a
    three-term congresswoman,` is still `Representative Celia Montoya`)."""
    titles = {w.lower().rstrip(".") for role in part for w in _before_complement(role)
              if w[:1].isupper()} & TITLE_HEADS
    held = {w.lower().rstrip(".") for role in whole for w in role.split()}
    return not titles or bool(titles & held)


def _before_complement(role: str) -> list[str]:
    """Return a role's words before its first complement (`in Colorado`, `who joined the
    Justice Department`): the title is there, and a name inside the complement is no title."""
    words = role.split()
    cut = next((i for i, w in enumerate(words) if w in _COMPLEMENT_OPENERS), len(words))
    return words[:cut]


_COMPLEMENT_OPENERS = frozenset({"in", "at", "from", "with", "who", "which", "that", "whose",
                                 "since", "until", "after", "before", "under", "on", "by"})


def shared_title(part: set[str], whole: set[str]) -> bool:
    """Return True if the two sets of roles hold a title in common (an honorific alone does
    not count: `Mr.` is anyone's)."""
    titles = {w.lower().rstrip(".") for role in part for w in role.split()} & TITLE_HEADS
    held = {w.lower().rstrip(".") for role in whole for w in role.split()} & TITLE_HEADS
    return bool((titles & held) - HONORIFICS)


def firsts(text: str, surname: str, parts: bool = True) -> set[str]:
    """Return the capitalised words the text writes right before `surname` that may be first
    names (not titles, roles, function words, places, or a sentence's first word that reads
    as a verb or adverb: `Hosting Cook, …`); with `parts`, also before a double name it opens
    (`Angela` of `Angela Oduya-Freeman` for `Oduya`)."""
    out: set[str] = set()
    for word, start in _pairs(text).get(surname, ()):
        if not parts and _opens_double(text, start + len(word), surname):
            continue
        low = word.lower()
        if low in STOP or low in TITLE_HEADS or low in ROLE_WORDS or re.search(r"-[a-z]", word) \
                or lookup([word], 0) is not None:
            continue
        opener = text[:start].rstrip(" \u201c\u2018\"'(")
        if (not opener or opener[-1] in ".!?:\n") and low not in lexicon.FIRST_NAMES and (
                low.endswith(("ing", "ly")) or (low.endswith("ed") and len(low) > 4)):
            continue
        out.add(word)
    return out


def _opens_double(text: str, at: int, surname: str) -> bool:
    """Return True if `text`, past the spaces at `at`, reads `surname-` and a word character
    (`Oduya-Freeman` for `Oduya`). A string test, where a pattern made of each surname was
    compiled once a surname and, one an article, pushed the fixed patterns out of re's cache
    (then compiled again); the text after `at` is no longer copied either."""
    end = len(text)
    while at < end and text[at].isspace():  # (what `str.lstrip()` and `\s` take)
        at += 1
    after = at + len(surname) + 1
    return text.startswith(surname + "-", at) and after < end and (
        text[after].isalnum() or text[after] == "_")  # `\w`


_PAIR = re.compile(r"\b([A-Z][a-z][\w'-]*)\s+(?=([A-Z][\w'-]*))")


@lru_cache(maxsize=8)
def _pairs(text: str) -> dict[str, list[tuple[str, int]]]:
    """Return, for each capitalised word of `text`, the capitalised words written right before
    it and where (also under each part before an apostrophe or hyphen: `Johnson's`, `Ruiz-Vega`
    count for `Johnson`, `Ruiz`): one pass, so asking about every surname stays linear."""
    out: dict[str, list[tuple[str, int]]] = {}
    for m in _PAIR.finditer(text):
        after = m.group(2)
        keys = {after} | {after[:i] for i, c in enumerate(after) if c in "'-" and i}
        for key in keys:
            out.setdefault(key, []).append((m.group(1), m.start()))
    return out


# Months that are also given names (`June Hessler runs cattle …`).
_MONTH_NAMES = frozenset({"April", "May", "June", "August"})


def month_given_name(text: str, words: list[tuple[str, int, int]],
                     count: Callable[[str], int]) -> bool:
    """Return True if a month opening a two-word run is a woman's or man's given name (`June
    Hessler runs cattle with her husband`): it opens its clause (no `in June`, `last May`), and
    the word after it is no known place or body and is written again elsewhere (`count`: how
    often the article writes a word, asked last: it reads the whole text), as a surname is."""
    if len(words) != 2 or words[0][0] not in _MONTH_NAMES:
        return False
    before = text[:words[0][1]].rstrip()
    if before and before[-1] not in '.!?:;,"\u201c\u201d' and not before.endswith(" and"):
        return False
    surname = words[1][0]
    return is_cap(surname) and surname.lower() not in STOP and lookup([surname], 0) is None \
        and not text[words[1][2]:].startswith((" of", " Day")) and count(surname) > 1
