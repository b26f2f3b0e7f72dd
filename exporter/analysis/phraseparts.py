"""The parts of the phrase before a speech verb: its comma- and dash-separated segments, a
pronoun that makes up a part (`But she`, `In a post on X on Sunday night he`), and whether a
part describes rather than names (`a top Trump surrogate`). `speakers` reads a phrase with
them."""

from __future__ import annotations

from .actors import STOP
from .lexicon import Gender
from .speakernames import DETERMINERS, POSSESSIVE, _tokens, is_title

PRONOUN_GENDER: dict[str, Gender] = {"he": "m", "she": "f"}
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
CLAUSE_OPENERS = frozenset({"while", "and", "but", "as", "when", "after", "because", "although",
                             "whereas", "then", "though", "since", "so", "that", "before"})
"""Words that open a clause: a pronoun after one is that clause's subject."""


def segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the comma- or dash-separated parts of `text[start:end]`, stripped, brackets kept
    whole."""
    out: list[tuple[int, int]] = []
    depth, cursor = 0, start
    for i in range(start, end):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in ",;\u2014\u2013" or (ch == "-" and text[i - 1:i] == " ")):
            out.append((cursor, i))
            cursor = i + 1
    out.append((cursor, end))
    stripped = []
    for a, b in out:
        while a < b and text[a] in " \u00a0":
            a += 1
        while b > a and text[b - 1] in " \u00a0.":
            b -= 1
        if a < b:
            stripped.append((a, b))
    return stripped


# Words opening a phrase of time or place before a clause's subject.
_SETTING_OPENERS = frozenset({"in", "on", "at", "during", "after", "before", "later", "earlier",
                              "last", "this", "that", "then"})


def _pronoun(text: str, start: int, end: int, at_end: bool) -> str | None:
    """Return the pronoun a short phrase is (`he`, `But she`), or None."""
    words = text[start:end].lower().split()
    if at_end and 3 < len(words) <= 12 and words[0] in _SETTING_OPENERS and \
            words[-1] in {"he", "she", "they"}:
        return words[-1]  # `In a post on X on Sunday night he wrote only:`: a setting, no comma
    if not words or len(words) > 3:
        return None
    word = words[-1] if at_end else words[0]
    if word not in PRONOUNS:
        return None
    if any(w not in STOP and w not in PRONOUNS for w in words):
        return None
    return word


def _clause_pronoun(text: str, start: int, end: int) -> str | None:
    """Return the pronoun that is the subject of a clause closing the phrase (`Audience
    members laughed when he`)."""
    words = text[start:end].lower().split()
    if len(words) >= 2 and words[-1] in PRONOUN_GENDER and (
            words[-2] in CLAUSE_OPENERS or words[-2] in {"what", "which", "whom"}):
        # (`… could end what she called “…”`.)
        return words[-1]
    return None


def _appositive(text: str, start: int, end: int) -> bool:
    """Return True if a phrase describes rather than names (`a top Trump surrogate`)."""
    toks = _tokens(text, start, end)
    if not toks:
        return False
    first = toks[0][0]
    # `41st` (a ward) and `41` (an age) describe too.
    if first.lower() in DETERMINERS or first[:1].islower() or is_title(first) or \
            first.upper() == first or first[:1].isdigit() or \
            bool(POSSESSIVE.search(first) and len(toks) > 1):
        return True
    # `First Presbyterian’s senior pastor`: a body's name owning a lower-case post.
    owner = next((i for i, tok in enumerate(toks[:4]) if POSSESSIVE.search(tok[0])), None)
    return owner is not None and owner + 1 < len(toks) and toks[owner + 1][0][:1].islower() \
        and all(tok[0][:1].isupper() for tok in toks[:owner])


__all__ = ["CLAUSE_OPENERS", "PRONOUNS", "PRONOUN_GENDER", "segments"]
