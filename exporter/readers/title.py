"""Title inference for sources that have no title line.

The title is made from the article's leading key phrase: the capitalised multi-word or hyphenated
name that recurs most in the first paragraphs (`Pakistan-Russia`), extended by the common noun
that usually follows it there (`relations`), and title-cased: "Pakistan-Russia Relations". A text
with no recurring name falls back to its most repeated proper noun, then to the file name.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath

# Enough of the opening to see what the article is about, and bounded so that a single huge
# paragraph costs no more than a normal one.
_MAX_CHARS = 6000
_MAX_PARAGRAPHS = 3

_CAP = r"[^\W\d_a-z][\w'’.]*"
_HYPHENATED = rf"{_CAP}(?:-[\w'’.]+)+"
_LINK = r"(?:of|the|for|and|de|du|la|le|von|van|al|on)"
# A run of capitalised words, which may contain lower-case links (`University of Karachi`).
_PHRASE = re.compile(rf"(?<![\w'’-])(?:{_HYPHENATED}|{_CAP})"
                     rf"(?:\s+(?:{_LINK}\s+)?(?:{_HYPHENATED}|{_CAP}))*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STOP = frozenset((
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "you", "i", "his", "her", "their", "our", "my", "your", "and", "or", "but", "if", "of", "in",
    "on", "at", "to", "for", "from", "by", "with", "as", "is", "are", "was", "were", "be", "been",
    "being", "has", "have", "had", "do", "does", "did", "not", "no", "so", "than", "then", "there",
    "here", "also", "such", "which", "who", "whom", "whose", "what", "when", "where", "why", "how",
    "while", "after", "before", "since", "until", "during", "under", "over", "into", "onto",
    "about", "against", "between", "through", "however", "yet", "still", "according", "said",
    "says", "will", "would", "could", "should", "may", "might", "must", "can", "one", "two",
    "three", "first", "new"
))
_SMALL = frozenset((
    "a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "vs",
    "via", "nor"
))
_GENERIC = frozenset((
    "introduction", "background", "summary", "abstract", "contents", "conclusion"
))


def title_case(text: str) -> str:
    """Return `text` in title case, leaving words that already have capitals (`U.S`, `CPEC`)."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        parts = word.split("-")
        fixed = []
        for j, part in enumerate(parts):
            small = part in _SMALL and (i > 0 or j > 0) and i < len(words) - 1
            if part[:1].islower() and not small:
                part = part[0].upper() + part[1:]
            fixed.append(part)
        out.append("-".join(fixed))
    return " ".join(out)


def _trim(phrase: str) -> str:
    """Drop sentence-initial function words and trailing punctuation from a candidate."""
    words = phrase.rstrip(".’'").split()
    while words and words[0].lower() in _STOP:
        words = words[1:]
    while words and words[-1].lower() in _STOP | {"of", "the", "and"}:
        words = words[:-1]
    return " ".join(words)


def _phrases(text: str) -> list[tuple[str, str]]:
    """Return (phrase, the word after it) for each capitalised phrase in `text`."""
    found = []
    for match in _PHRASE.finditer(text):
        phrase = _trim(match.group(0))
        if not phrase:
            continue
        after = _WORD.match(text, match.end() + 1) if text[match.end():match.end() + 1] == " " \
            else None
        found.append((phrase, after.group(0) if after else ""))
    return found


def infer_title(paragraphs: list[str], path: str) -> str:
    """Return a title made from the key phrase of the opening paragraphs, never empty."""
    text = "\n".join(paragraphs[:_MAX_PARAGRAPHS])[:_MAX_CHARS]
    found = _phrases(text)
    counts = Counter(p for p, _ in found)
    # A pair of names joined by a hyphen ("Tajikistan-Uzbekistan") names the subject of the
    # piece when both names also recur on their own: the rarer one's mentions count towards it.
    compound = [(n + min(counts.get(part, 0) for part in p.split("-")) if "-" in p else n, p)
                for p, n in counts.items() if _is_compound(p)]
    compound = [(score, p) for score, p in compound if score >= 2]
    if compound:
        # The most frequent wins; ties go to the longer phrase, then to the first seen.
        order = {p: i for i, (p, _) in reversed(list(enumerate(found)))}
        best = max(compound, key=lambda item: (item[0], len(item[1].split()), -order[item[1]]))[1]
        return title_case(_extend(best, found))
    single = [(n, p) for p, n in counts.items() if n >= 3 and p.lower() not in _STOP]
    if single:
        order = {p: i for i, (p, _) in reversed(list(enumerate(found)))}
        best = max(single, key=lambda item: (item[0], -order[item[1]]))[1]
        return title_case(_extend(best, found))
    return stem_title(path)


def _is_compound(phrase: str) -> bool:
    """Return True for a multi-word name or a hyphenated pair of names (not `Moscow-based`)."""
    if " " in phrase:
        return True
    parts = phrase.split("-")
    return len(parts) > 1 and all(part[:1].isupper() for part in parts)


def _extend(phrase: str, found: list[tuple[str, str]]) -> str:
    """Append the common noun that follows `phrase` in most of its uses (`relations`)."""
    followers = Counter(after for p, after in found if p == phrase and after[:1].islower())
    total = sum(1 for p, _ in found if p == phrase)
    if not followers:
        return phrase
    word, n = followers.most_common(1)[0]
    if n >= min(2, total) and 2 * n >= total and word.lower() not in _STOP and len(word) >= 3 \
            and not word.endswith(("ly", "ed")):
        return f"{phrase} {word}"
    return phrase


def stem_title(path: str) -> str:
    """Return the file name made readable: `flood_report-2020.txt` → `Flood Report 2020`."""
    stem = PurePath(path.replace("\\", "/")).stem if path else ""
    words = [w for w in re.split(r"[\s_\-.]+", stem) if w]
    words = [w for w in words if any(c.isalnum() for c in w)]
    if not words:
        return "Untitled article"
    return title_case(" ".join(w.lower() if w.isupper() and len(w) > 3 else w for w in words))


def is_generic_heading(text: str) -> bool:
    """Return True for section names that are never an article's title (`Introduction`)."""
    return text.strip().lower() in _GENERIC
