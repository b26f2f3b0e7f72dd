"""Roles: the title before a name (`Russian Foreign Minister`), the appositive after it (`, a
Moscow-based analyst,`), and the cues that a capitalised phrase names a person."""

from __future__ import annotations

import re

from ...model import ActorKind
from ..matching import FOLDED
from ..sentences import split_sentences
from .gazetteer import lookup
from .runs import find_runs, tokenize
from .words import ROLE_NOUNS, TITLE_HEADS, TITLE_MODIFIERS

_APPOSITIVE = re.compile(r",\s+(?:(?:a|an|the|its|his|her|their|then|current|former)\s+)*"
                         r"([^,.;:\u201c\u201d\"]{3,90}?)\s*(?=[,.;:]|\s+(?:said|says|wrote)\b)")
SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|wrote|argued|noted)\s+$")
OWNER = re.compile(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}[\u2019']s)\s+$")
ACCORDING = re.compile(r"according\s+to\s+$", re.IGNORECASE)
# `Central Bank governor Godwin Emefiele`: a lower-case role noun right before the name.
ROLE_NOUN_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(ROLE_NOUNS)) + r")\s+$")
PRE_ROLE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their)\s+|^|[,;:]\s+)"
                       # No `of` before the role noun: `the campaign of … candidate X` is the
                       # candidate's campaign, not X's role.
                       r"((?:(?!(?:of|for|to|with)\s)[\w\u2019'-]+\s+){0,4}?"
                       r"(?:" + "|".join(sorted(ROLE_NOUNS)) + r")"
                       r"(?:\s+(?:for|of|at)\s+[\w\u2019' -]{2,40}?(?=,))?),?\s+$",
                       re.IGNORECASE)



def pre_role(before: str) -> re.Match[str] | None:
    """Return `PRE_ROLE.search(before)`, passed over where no word of `before` is a role noun:
    its costly scan (the role nouns tried after each of up to four words, from every word) is
    asked about most names without a role, and finds one before few of them. A role noun it
    matches stands between spaces (or the start) and a space or comma, in any case: a word of
    the lower-cased text, split there, unless `re` folds a letter `str.lower` does not."""
    if FOLDED.isdisjoint(before) and ROLE_NOUNS.isdisjoint(
            before.lower().replace(",", " ").split()):
        return None
    return PRE_ROLE.search(before)


# Words before a role that belong to the sentence, not the role: `Last week State Department
# official`, `who is the White House … expert`.
_ROLE_LEAD = re.compile(r"^(?:(?:last|this|next|earlier|later)\s+(?:week|month|year|\w+day)\s+|"
                        r"(?:on\s+)?\w+day\s+|(?:earlier|later|yesterday|today)\s+|"
                        r"who\s+(?:is|was)\s+(?:also\s+)?)+", re.IGNORECASE)


# The full stop of an initial or a dotted abbreviation (`U.S.`, `D.C.`): no end of a role.
_INITIAL_DOT = re.compile(r"(?<=\b[A-Z])\.(?=[A-Z]\.)|(?<=\.[A-Z])\.")


def role_from_appositive(text: str, end: int) -> str | None:
    """Return the role in an appositive right after a name (`, a political analyst,`, `, the
    U.S. Attorney for the Western District,`)."""
    window = text[end:end + 120]
    # Read with the abbreviations' full stops hidden (same length, so offsets hold).
    m = _APPOSITIVE.match(_INITIAL_DOT.sub("\u2024", window))
    if not m:
        return None
    role = _ROLE_LEAD.sub("", window[m.start(1):m.end(1)].strip())
    words = [w.lower() for w in re.findall(r"[\w-]+", role)]
    if not words or not any(w in ROLE_NOUNS or w in TITLE_HEADS for w in words):
        return None
    if words[0].endswith(("ing", "ed")) and "-" not in words[0] and words[0] not in ROLE_NOUNS:
        return None  # `, hitting him in the head,`: a clause, not a role
    if words[0] in {"who", "whose", "whom", "which", "that", "where", "when"}:
        return None  # `, who stood next to the governor,`: a relative clause, not a role
    # `a former state attorney general in Colorado who joined the department last year`: the
    # relative clause says what the person did, the role ends before it.
    return re.split(r"\s+(?:who|whose|whom|which)\s", role, maxsplit=1)[0].rstrip(" ,")


def clean_role(words: list[str]) -> str:
    """Return the role text, with a leading article or time (`Last week`) dropped and `Russian
    President` turned into `President of Russia`."""
    words = _ROLE_LEAD.sub("", " ".join(words)).split()
    while words and words[0].lower() in {"the", "a", "an", "then", "current", "former"}:
        words = words[1:]
    if len(words) >= 2:
        hit = lookup(words, 0)
        rest = words[hit[0]:] if hit else []
        if hit and hit[1].kind is ActorKind.COUNTRY and rest and rest[-1].lower() in TITLE_HEADS \
                and all(w.lower() in TITLE_HEADS or w.lower() in TITLE_MODIFIERS for w in rest):
            return f"{' '.join(rest)} of {hit[1].canonical}"
    return " ".join(words)


def first_country(text: str) -> str | None:
    """Return the first country `text` names (by name or alias, hyphenated compounds split)."""
    for word, _, _ in tokenize(text):
        for part in word.split("-"):
            hit = lookup([part], 0) if part[:1].isupper() else None
            if hit and hit[1].kind is ActorKind.COUNTRY and hit[1].form in {"name", "alias"}:
                return hit[1].canonical
    return None


# How far back `its` may look for its owner, in characters.
_OWNER_REACH = 200


def its_owner(text: str, start: int) -> str | None:
    """Return the country or organisation `its` refers to: the last one named before it in the
    same sentence, as written."""
    sentence_start = max([a for a, _ in split_sentences(text) if a <= start] + [0])
    sentence_start = max(sentence_start, start - _OWNER_REACH)
    best: tuple[int, str] | None = None
    for run in find_runs(text[sentence_start:start], whole=False):
        names = [w for w, _, _ in run.words]
        for i in range(len(names)):
            hit = lookup(names, i)
            if hit and hit[1].form in {"name", "alias"}:
                a = run.words[i][1]
                b = run.words[i + hit[0] - 1][2]
                written = text[sentence_start + a:sentence_start + b]
                the = text[max(0, sentence_start + a - 4):sentence_start + a].lower()
                best = (a, ("the " if the == "the " else "") + written)
    return best[1] if best else None
