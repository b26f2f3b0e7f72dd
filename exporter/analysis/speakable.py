"""Which written words can speak, and what a title before a name says: word-level checks the
cast (`cast.Cast`) applies to a name before it looks the name up."""

from __future__ import annotations

from .actors import CONNECTORS, NOT_ORG_ACRONYMS, ORG_HEADS, STOP
from .lexicon import HONORIFIC_WORDS, HONORIFICS, NOT_SPEAKERS, TITLES
from .speakers import INITIAL, LOWER_CONNECTORS, PRONOUNS, bare_word, is_capitalised


def title_words(role: str) -> set[str]:
    """Return the words of a role, abbreviations spelled out (`Gov.` → `gov`, `governor`)."""
    words = {bare_word(w) for w in role.split()}
    return words.union(*(HONORIFIC_WORDS.get(w, ()) for w in words))


def title_role(title: tuple[str, ...]) -> str | None:
    words = [w for w in title if bare_word(w) not in HONORIFICS or bare_word(w) not in
             {"mr", "mrs", "ms", "mme", "mlle", "messrs", "dr"}]
    if not words or all(bare_word(w) in {"mr", "mrs", "ms", "miss", "dr", "sir", "dame"}
                        for w in words):
        return None
    return " ".join(words)


def is_acronym(word: str) -> bool:
    """Return True for an organisation's initials (`FBI`, `U.N.`, `AFL-CIO`: two joined by a
    hyphen), not a code or a shouted word."""
    if word.count("-") == 1 and all(is_acronym(part) for part in word.split("-")):
        return True
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha() and \
        letters not in NOT_ORG_ACRONYMS


def can_speak(words: list[str]) -> bool:
    """Return True unless the words are a letter, an initial, a code, a web word or a
    platform."""
    if not words:
        return False
    low = [bare_word(w) for w in words]
    if any(any(c.isdigit() for c in w) for w in words):
        return False
    if all(w in NOT_SPEAKERS for w in low):
        return False
    if len(words) == 1:
        word = words[0]
        letters = word.replace(".", "")
        if len(letters) < 2 or (INITIAL.fullmatch(word) and not is_acronym(word)):
            return False
        if low[0] in STOP or low[0] in TITLES or low[0] in HONORIFICS or low[0] in PRONOUNS:
            return False
        if letters.isupper() and len(letters) > 5 and not is_acronym(word):
            return False  # `WATCH`, `BREAKING`: shouted web words, not acronyms (`AFL-CIO`)
    return all(is_capitalised(w) or w in LOWER_CONNECTORS or bare_word(w) in CONNECTORS
               # `Council on Foreign Relations`
               or (w == "on" and i > 0 and bare_word(words[i - 1]) in ORG_HEADS)
               for i, w in enumerate(words))


__all__ = ["can_speak", "is_acronym", "title_role", "title_words"]
