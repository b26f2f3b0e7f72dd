"""Candidate names: an article's words with their offsets, and the runs of capitalised words
(joined by connectors such as `of the`) that may name an actor."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...dates import MONTHS, WEEKDAYS
from ..lexicon import FIRST_NAMES, census_first_names
from ..sentences import split_sentences
from .words import CONNECTORS, ORG_HEADS, ORG_WORDS, TITLE_HEADS, TITLES_TO

_TOKEN = re.compile(r"\w+(?:[\u2019'.\-&]\w+)*\.?|&(?=\s)")
"""A word, or an ampersand standing alone, which joins a name like `and` (`Centers for Medicare
& Medicaid Services`, `Procter & Gamble`)."""
_ABBREV_DOT = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?|(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Lt|Col|Jr|Sr)\.")
_POSSESSIVE = re.compile(r"(?:[\u2019']s|(?<=s)[\u2019'])$")
_POSSESSIVE_ENDS = ("'s", "\u2019s", "s'", "s\u2019")
"""The endings `_POSSESSIVE` can match in a word (which holds no line break): looked for first,
since `tokenize` reads every word of an article."""
INITIALS = re.compile(r"(?:[A-Z]\.){1,3}[A-Z]?\.?")
ACRONYM = re.compile(r"(?:[A-Z]\.){2,}[A-Z]?|[A-Z][A-Z0-9&]{1,7}s?|[A-Z]\.[A-Z]")
_ELIDED = re.compile(r"[dl]['\u2019][A-Z]|(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|bin|ibn|abu|abd)"
                     r"-[A-Z]")
"""An elided article before a capital (`d'Ivoire`), which `is_cap` asks about for nearly every
lower-case word of an article (compiled here: `re.match` looked it up in re's cache each time)."""


_TRIMMED_ENDS = (".", *_POSSESSIVE_ENDS)


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Return words of `text` as `(word, start, end)`, possessive endings and stray full stops
    removed."""
    # Every word as found, then the few with an ending to remove (a word per article is read
    # here: the ending tests ran for every one of them).
    out = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    for i in [i for i, token in enumerate(out) if token[0].endswith(_TRIMMED_ENDS)]:
        word, start, end = out[i]
        if word.endswith(".") and not _ABBREV_DOT.fullmatch(word):
            word, end = word[:-1], end - 1
        poss = _POSSESSIVE.search(word) if word.endswith(_POSSESSIVE_ENDS) else None
        if poss and len(word) > 2:
            word, end = word[: poss.start()], end - (poss.end() - poss.start())
        out[i] = (word, start, end)
    # (A word opens with a letter or digit, or is `&`, so no removal leaves it empty.)
    return out



@dataclass(slots=True)
class Run:
    """A run of capitalised words (with connectors) inside one paragraph."""

    words: list[tuple[str, int, int]]
    sentence_start: bool


_JOINED = frozenset("-'\u2019")
"""What joins an elided article to a name (`d'`, `al-`), within a word's first five characters:
`_ELIDED` is tried only on a word that holds one there."""


def is_cap(word: str) -> bool:
    # `d'Ivoire`, `l'Aquila`, `al-Haddad`: an article joined to a capital is part of the name.
    return word[:1].isupper() or (
        not _JOINED.isdisjoint(word[:5]) and _ELIDED.match(word) is not None)


def find_runs(text: str, whole: bool = True) -> list[Run]:
    """Return the runs of capitalised words of a paragraph (or, `whole` False, of a piece of
    one, whose sentence starts are not looked for)."""
    starts = {a for a, _ in split_sentences(text)} if whole else {0}
    toks = tokenize(text)
    runs: list[Run] = []
    i = 0
    # The words a run can open with, found in one pass (`is_cap` written out: a call for each
    # word of an article cost more than its tests); a run read on from one passes over those
    # inside it.
    for opening in [k for k, (w, _, _) in enumerate(toks)
                    if (w[:1].isupper() or (not _JOINED.isdisjoint(w[:5]) and
                                            _ELIDED.match(w) is not None)) and not w.isdigit()]:
        if opening < i:
            continue
        i = opening
        start = toks[i][1]
        sentence_start = start in starts or opens_sentence(text, start, starts)
        run = [toks[i]]
        j = i + 1
        while j < len(toks):
            prev_end = run[-1][2]
            gap = text[prev_end:toks[j][1]]
            if gap.strip() not in ("", "-"):
                break
            w = toks[j][0]
            if is_cap(w) and not w.isdigit():
                run.append(toks[j])
                j += 1
                continue
            # Connectors join capitalised words (`Chamber of Commerce`, `Office of the …`).
            k = j
            joiners = CONNECTORS | ({"to"} if run[-1][0].lower() in TITLES_TO else set()) | (
                # `Council on Foreign Relations`, `Center on Budget and Policy Priorities` (not
                # `the Judiciary Committee on Tuesday`).
                {"on"} if run[-1][0].lower() in _ON_HEADS and j + 1 < len(toks) and
                toks[j + 1][0].lower() not in _NOT_AFTER_ON else set())
            while k < len(toks) and toks[k][0].lower() in joiners and k - j < 2:
                k += 1
            if [t[0].lower() for t in toks[j:k]] in (["and", "the"], ["or", "the"]):
                break  # `the Council and the United Nations`: two names
            if toks[j][0] == "and" and k + 1 < len(toks) and is_cap(toks[k + 1][0]) and \
                    FIRST_NAMES.get(toks[k][0].lower()) is not None and \
                    not (len(run) == 1 and FIRST_NAMES.get(run[0][0].lower()) is not None) \
                    and not _person_like(run):
                # `Big Machine and Dick Clark Productions`: two names (not `Bill and Melinda
                # Gates Foundation`, one name for two first names; two people joined so are
                # told apart later)
                break
            if toks[j][0] in ("of", "for") and _person_like(run, any_first_name=True):
                # `Penelope Muse Abernathy of the University of …`, `(Jane Roe for KFF Health
                # News)`: a person, and where or for whom they work.
                break
            if k > j and k < len(toks) and is_cap(toks[k][0]) and all(
                text[toks[m][2]:toks[m + 1][1]].strip() == "" for m in range(j - 1, k)
            ):
                run.extend(toks[j:k])
                j = k
                continue
            break
        runs.append(Run(words=run, sentence_start=sentence_start))
        i = j
    return runs


_ON_HEADS = frozenset({"council", "commission", "committee", "subcommittee", "center", "centre",
                       "institute", "conference", "caucus", "coalition", "alliance", "forum",
                       "project", "initiative", "panel", "network", "partnership"})
"""An organisation's head a name may go on after with `on` (`Council on Foreign Relations`)."""
_NOT_AFTER_ON = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"capitol", "election", "christmas",
                                                         "thanksgiving", "easter"}
"""Capitalised words after `on` that say when or where (`the Committee on Tuesday`)."""


def _person_like(run: list[tuple[str, int, int]], any_first_name: bool = False) -> bool:
    """Return True if a run reads as a person's name: two or three words, the first a common
    first name (with `any_first_name`, any the gender lists know: `Caspar Whitlow of the
    Lindell Institute`), none an organisation's word."""
    words = [w.lower() for w, _, _ in run]
    first = FIRST_NAMES.get(words[0]) if words else None
    if first is None and any_first_name and words:
        first = census_first_names().get(words[0])
    return 2 <= len(words) <= 3 and first is not None and \
        not any(w in ORG_HEADS or w in ORG_WORDS for w in words)


def split_at_titles(run: Run) -> list[Run]:
    """Return a run cut before each `and` that a title follows: `Ambassador Gordon Sondland and
    Energy Secretary Rick Perry` names two people, each with a role."""
    parts: list[Run] = []
    words = run.words
    start = 0
    for i in range(1, len(words) - 1):
        if words[i][0].lower() in {"and", "&"} and (
                words[i + 1][0].lower().rstrip(".") in TITLE_HEADS
                or any(w[0].lower().rstrip(".") in TITLE_HEADS for w in words[i + 1:i + 4])):
            if i > start:
                parts.append(Run(words=words[start:i],
                                  sentence_start=run.sentence_start if not parts else False))
            start = i + 1
    if not parts:
        return [run]
    parts.append(Run(words=words[start:], sentence_start=False))
    return parts


def opens_sentence(text: str, start: int, starts: set[int]) -> bool:
    """Return True if only quotation marks, brackets or a list's bullet stand between a
    sentence start and `start` (`- Nurse Celeste Varnadoe has worked there …`)."""
    k = start
    while k > 0 and text[k - 1] in "\"\u201c\u2018'([ -\u2022":
        if k in starts:
            return True
        k -= 1
    return k in starts or k == 0
