"""Summary: an article's sentences in, its lead out, as a short paragraph of prose.

The summary is the article's opening, in the article's own words and order, cut at
`SUMMARY_WORDS` words: news and briefing texts put the who, what, when and where first (the
inverted pyramid), and a reader's summary of a report is mostly its lead. Scored against the
points people wrote for our gold articles (`bench/quality.py`, summary table) and against
summaries people wrote for real news pages (`bench/summaries.py`), this filtered lead scores well
above sentences picked for facets beyond the lead, and above the lead taken blindly.

Opening sentences that read wrongly as a summary are passed over (`stands_alone`):
- quotations (the summary is the briefing's own voice): a sentence that opens with a quotation
  mark (or any mark but a currency's: an aside in brackets too) or is mostly quoted words. A
  news lead that quotes a few words (`…called the bill “a disgrace,” …`) is the article's own
  statement and is kept: it is often the one sentence that says what happened;
- sentences that lean on the one before (`This is how…`, `But…`, `In addition, …`, `Rebranded
  as …, it posted …`);
- questions (a teaser) and lines ending in a colon (a list's introduction);
- page furniture that reached the body: a table row, a link, a social-media handle, a line
  opening with punctuation (`': South Dakota spends …`, a link's leftover);
- fragments under six words (a dateline, a kicker).

When no opening sentence passes (a page of short lines, or one whose every sentence quotes a
title), the first sentences are taken as they are: an empty summary helps no one. The key
points are chosen apart, for importance, so a lead sentence may be both a key point and part of
the summary.
"""

from __future__ import annotations

import re

from ..model import Article
from .quotemarks import statement_spans
from .sentences import article_sentences

SUMMARY_WORDS = 90
"""At most this many words."""
OPENING = 12
"""Sentences of the body the summary is drawn from."""
MIN_WORDS = 6
"""A shorter sentence is a dateline, a kicker or a fragment, not a statement."""
MOSTLY_QUOTED = 0.5
"""A sentence with more than this share of its words inside quotation marks is a quotation."""

_LEANS_BACK = frozenset({
    "this", "that", "these", "those", "it", "its", "he", "she", "they", "their", "his", "her",
    "but", "however", "such", "also", "and", "so", "yet", "still", "then", "there", "both",
    "meanwhile", "moreover", "furthermore", "additionally", "nevertheless", "nonetheless",
    "instead", "otherwise", "therefore", "thus", "hence", "likewise", "similarly", "besides",
    "again", "accordingly", "consequently", "indeed"})
"""First words of a sentence that needs the one before it."""

_LEANING_OPENER = re.compile(
    r"(?:in\s+addition|as\s+a\s+result|even\s+so|for\s+(?:example|instance)|at\s+the\s+same\s+time"
    r"|by\s+contrast|in\s+contrast|on\s+the\s+other\s+hand|in\s+turn|in\s+response|in\s+return"
    r"|after\s+that|since\s+then|by\s+then|until\s+then|in\s+short|in\s+it|in\s+them"
    r"|of\s+(?:those|these|them)|among\s+(?:them|those|these)|the\s+(?:latter|former)"
    r"|not\s+only\s+that|on\s+top\s+of\s+that|that\s+said|even\s+then)\b",
    re.IGNORECASE)
"""Openings of more than one word that lean on the sentence before (`In addition, …`)."""

_PRONOUN_SUBJECT_AFTER_OPENING = re.compile(
    r"[^,;:]{1,120},\s+(?:it|he|she|they)\s+(?!is\b|was\b)", re.IGNORECASE)
"""`Rebranded as a fact-checking account, it posted …`: the subject is a pronoun whose person
was named before (`it is` and `it was` are usually impersonal: `In May, it was announced …`)."""

_PAGE_FURNITURE = re.compile(
    r"https?://|www\.\w|pic\.twitter\.com|(?:^|\s)@\w{2,}|\s\|\s", re.IGNORECASE)
"""A link, an embedded post's handle or a table row's cells that reached the body."""

_QUESTION_WORD = re.compile(
    r"(?:what|why|how|who|whom|whose|which|when|where|is|are|was|were|do|does|did|can|could"
    r"|will|would|should|shall|has|have|had|may|might|must)\b", re.IGNORECASE)
"""A sentence ending in `?` that opens with one of these asks (`Is the service …?`); one that
does not is a statement reporting a question (`…raised questions like: why …?`)."""

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def word_count(text: str) -> int:
    """Return the words of `text`; Chinese, Japanese and Korean text, written without spaces
    between words, counts about two characters a word."""
    words = len(text.split())
    cjk = len(_CJK.findall(text))
    return max(words, cjk // 2) if cjk else words


def quoted_share(text: str) -> float:
    """Return the share of the words of `text` that stand inside quotation marks (the spans
    `quotemarks` finds: an apostrophe is no mark)."""
    total = len(text.split())
    quoted = sum(len(text[s.start:s.end].split()) for s in statement_spans(text))
    return min(1.0, quoted / total) if total else 0.0


def leans_back(text: str) -> bool:
    """Return True when `text` needs the sentence before it to be understood."""
    first = text.split()[0].strip(",;:—–-").casefold()
    if first in _LEANS_BACK or _LEANING_OPENER.match(text):
        return True
    return _PRONOUN_SUBJECT_AFTER_OPENING.match(text) is not None \
        and not any(w[:1].isupper() for w in text.split(",")[0].split()[1:])


def stands_alone(text: str) -> bool:
    """Return True when `text` can open a summary: a whole statement in the article's voice."""
    return (word_count(text) >= MIN_WORDS
            and (text[0].isalnum() or text[0] in "$£€¥")
            and quoted_share(text) <= MOSTLY_QUOTED
            and not leans_back(text)
            and not text.rstrip().endswith(":")
            and not (text.rstrip().endswith("?") and _QUESTION_WORD.match(text))
            and _PAGE_FURNITURE.search(text) is None)


def _lead(texts: list[str], keep: bool) -> list[str]:
    """Return the first of `texts` that `keep` allows (all, when False), within the budget; a
    first sentence longer than the budget is passed over."""
    chosen: list[str] = []
    used = 0
    for text in texts:
        if keep and not stands_alone(text):
            continue
        size = word_count(text)
        if used + size > SUMMARY_WORDS:
            if chosen:
                break
            continue
        chosen.append(text)
        used += size
    return chosen


def summarise(article: Article) -> str:
    """Return the article's lead: its first sentences that stand alone, in order, within
    `SUMMARY_WORDS` words; failing any, its first sentences as they are."""
    texts = [" ".join(s.text.split()) for s in article_sentences(article)[:OPENING]]
    texts = [t for t in texts if t]
    return " ".join(_lead(texts, keep=True) or _lead(texts, keep=False))


__all__ = ["SUMMARY_WORDS", "leans_back", "quoted_share", "stands_alone", "summarise",
           "word_count"]
