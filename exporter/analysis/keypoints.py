"""Key points: an article's sentences in, its 3 to 6 most important points out, in source order.

Each sentence gets a score that mixes graph centrality (LexRank: PageRank over the TF-IDF cosine
graph of the article's sentences, computed on numpy) with what centrality alone misses: where the
sentence stands (leads and conclusions matter), how much it shares with the title, whether it
names actors and gives figures, and cue phrases that mark a finding or a recommendation. Points
are then picked by maximal marginal relevance, so no two say the same thing, until a word budget
is spent; long sentences are cut to their main clause where that can be done cleanly.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

from ..model import Actor, Article, KeyPoint
from .sentences import Sentence, article_sentences
from .terms import terms, tfidf, words

MIN_POINTS = 3
MAX_POINTS = 6
WORD_BUDGET = 130
"""Stop adding points once they hold this many words (an analyst's five points run to ~120)."""
MMR_LAMBDA = 0.7
"""Weight of importance against novelty when picking the next point."""
MAX_SIMILARITY = 0.6
"""Cosine similarity at which a sentence counts as saying the same as a chosen point."""
SAME_PARAGRAPH = 0.15
"""Redundancy added for a point from a paragraph that already gave one."""

# Weights of the sentence features; measured with bench/quality.py over all gold articles.
W_CENTRAL = 1.0
W_POSITION = 0.9
W_TITLE = 0.3
W_ACTORS = 0.2
W_FIGURES = 0.2
W_CUE = 0.3
W_QUOTED = 0.2
W_ANAPHOR = 0.8
W_LENGTH = 0.5
POSITION_DECAY = 0.5
"""How fast a paragraph's positional weight falls with its rank."""
FIRST_BONUS = 0.15
"""Positional weight added for the first sentence of a paragraph (its topic sentence)."""
LAST_BONUS = 0.4
"""Positional weight added for the last paragraph (the conclusion of an analysis)."""

_CUES = re.compile(
    r"\b(warn(?:s|ed)?|announc(?:e|es|ed)|agree(?:s|d)?|approv(?:e|es|ed)|aims?|plans?|"
    r"major|significant|key|main|crucial|important|shift|transform\w*|threat|risks?|"
    r"recommend\w*|should|must|needs? to|urge[sd]?|concern\w*|decided?|signed|launch\w*|"
    r"because|driv(?:e|es|en|ing)|led to|result\w*)\b",
    re.IGNORECASE,
)
# Sentences opening with these lean on the one before and read badly alone.
_ANAPHORIC = re.compile(
    r"^[\"“‘']?(this|that|these|those|it|he|she|they|his|her|their|such|there|the same)\b",
    re.IGNORECASE,
)
_CONNECTIVE = re.compile(
    r"^(however|yet|but|and|still|moreover|furthermore|in addition|meanwhile|unfortunately|"
    r"indeed|thus|therefore|also|first|second|third|finally|earlier|now|lately|instead|"
    r"in contrast|for now|of course|in fact)\s*,\s+",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d|\b(?:million|billion|percent|per cent|thousand)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
# Clause boundaries a trailing part can be cut at, weakest link first.
_TAIL_CUTS = (
    re.compile(r",\s+(?:which|who|whose|while|whereas|thus|so that|as well as|including|"
               r"although|though|because|as)\b"),
    re.compile(r",\s+(?:but|and)\s+(?!also\b)"),
)
SMALL_MATRIX = 400
"""Up to this many sentences, similarities are computed without BLAS (see `similarity`)."""
MIN_WORDS = 8
"""Shorter sentences are slogans or fragments (`“Russia is down but not out.”`), not points."""
_LONG = 38
"""Sentences longer than this many words are trimmed when a clean cut exists."""
_SHORT_HEAD = 10
"""A trimmed head must keep at least this many words."""


def find_key_points(article: Article, actors: tuple[Actor, ...]) -> tuple[KeyPoint, ...]:
    """Return 3 to 6 key points of `article`, free of redundancy, in source order."""
    sentences = [s for s in article_sentences(article) if _eligible(s.text)]
    if not sentences:
        return ()
    bags = [terms(s.text) for s in sentences]
    vectors = tfidf(bags)
    cut = [trim(s.text) for s in sentences]
    lengths = [len(words(text)) for text, _ in cut]
    scores = _scores(article, sentences, vectors, actors, lengths)
    chosen = _select(scores, vectors, lengths, [s.paragraph for s in sentences])
    return tuple(
        KeyPoint(text=cut[i][0], paragraph=sentences[i].paragraph, trimmed=cut[i][1],
                 score=round(float(scores[i]), 4))
        for i in sorted(chosen)
    )


def _eligible(text: str) -> bool:
    """Return True if a sentence can stand as a point: a statement of reasonable length."""
    count = len(words(text))
    return MIN_WORDS <= count <= 90 and not text.rstrip("\"”’' ").endswith("?")


def lexrank(vectors: npt.NDArray[np.float64], damping: float = 0.85,
            iterations: int = 100) -> npt.NDArray[np.float64]:
    """Return the continuous LexRank centrality of each row, summing to 1."""
    n = vectors.shape[0]
    if n == 0:
        return np.zeros(0)
    sim = similarity(vectors)
    np.fill_diagonal(sim, 0.0)
    sums = sim.sum(axis=1, keepdims=True)
    # A sentence sharing no word with any other links to all, so the walk never gets stuck.
    trans = np.divide(sim, sums, out=np.full_like(sim, 1.0 / n), where=sums > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        # Elementwise rather than `trans.T @ rank`: see `similarity` on BLAS threads.
        new = (1.0 - damping) / n + damping * (trans * rank[:, None]).sum(axis=0)
        if np.abs(new - rank).sum() < 1e-9:
            rank = new
            break
        rank = new
    return np.asarray(rank / rank.sum(), dtype=np.float64)


def similarity(vectors: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Return the cosine similarity of every pair of (L2-normalised) rows."""
    if vectors.shape[0] <= SMALL_MATRIX:
        # For an article's few dozen sentences, a threaded BLAS call costs more in thread
        # wake-ups than the arithmetic (10-40 ms on a busy two-core machine, against 0.3 ms).
        return np.asarray(np.einsum("ij,kj->ik", vectors, vectors), dtype=np.float64)
    return np.asarray(vectors @ vectors.T, dtype=np.float64)


def _scale(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Return `values` scaled to 0..1 (all zeros when they are all equal)."""
    low, high = float(values.min()), float(values.max())
    if high - low < 1e-12:
        return np.zeros_like(values)
    return (values - low) / (high - low)


def _actor_names(actors: tuple[Actor, ...]) -> list[str]:
    """Return the names and aliases to look for, longest first."""
    names = {n for a in actors for n in (a.name, *a.aliases) if len(n) > 2}
    return sorted(names, key=lambda n: (-len(n), n))


def _scores(article: Article, sentences: list[Sentence], vectors: npt.NDArray[np.float64],
            actors: tuple[Actor, ...], lengths: list[int]) -> npt.NDArray[np.float64]:
    """Return the importance score of each sentence (`lengths`: its words once trimmed)."""
    n = len(sentences)
    central = _scale(lexrank(vectors))
    paragraphs = sorted({s.paragraph for s in sentences})
    rank_of = {p: i for i, p in enumerate(paragraphs)}
    last = len(paragraphs) - 1
    title_vec = None
    # An inferred title is made from key phrases, so it still names the topic.
    if article.title:
        title_vec = tfidf([*(terms(s.text) for s in sentences), terms(article.title)])
    names = _actor_names(actors)
    position = np.zeros(n)
    title = np.zeros(n)
    named = np.zeros(n)
    figures = np.zeros(n)
    cues = np.zeros(n)
    quoted = np.zeros(n)
    anaphor = np.zeros(n)
    # A point an analyst would write rarely runs past 35 words; longer ones read as paragraphs.
    too_long = np.minimum(np.maximum(np.asarray(lengths, dtype=np.float64) - 35.0, 0.0) / 20.0,
                          1.0)
    for i, s in enumerate(sentences):
        first_in_para = s.start == 0
        rank = rank_of[s.paragraph]
        # Leads carry the news and conclusions the argument; the middle carries the detail.
        position[i] = 1.0 / (1.0 + POSITION_DECAY * rank) + (FIRST_BONUS if first_in_para else 0.0)
        if rank == last and last > 2:
            position[i] += LAST_BONUS
        if title_vec is not None:
            title[i] = float(np.sum(title_vec[i] * title_vec[-1]))
        text = s.text
        if names:
            found = {name for name in names if name in text}
        else:
            found = {m.group() for m in _CAPITALISED.finditer(text)}
        named[i] = min(len(found), 4) / 4.0
        figures[i] = min(len(_NUMBER.findall(text)) + len(_YEAR.findall(text)), 3) / 3.0
        cues[i] = min(len(_cue_hits(text)), 2) / 2.0
        quoted[i] = 1.0 if _inside_quote(article, s) else 0.0
        anaphor[i] = 1.0 if _ANAPHORIC.match(text) and not first_in_para else 0.0
    return np.asarray(
        W_CENTRAL * central + W_POSITION * _scale(position) + W_TITLE * title
        + W_ACTORS * named + W_FIGURES * figures + W_CUE * cues
        - W_QUOTED * quoted - W_ANAPHOR * anaphor - W_LENGTH * too_long,
        dtype=np.float64,
    )


def _cue_hits(text: str) -> list[str]:
    """Return the cue phrases in `text`."""
    return [m.group().lower() for m in _CUES.finditer(text)]


def _inside_quote(article: Article, sentence: Sentence) -> bool:
    """Return True if the sentence sits inside quotation marks (direct speech, not narrative)."""
    para = next((p for p in article.paragraphs if p.n == sentence.paragraph), None)
    if para is None:
        return False
    before = para.text[: sentence.start]
    opened = before.count("“") - before.count("”")
    if opened > 0:
        return True
    straight = before.count('"') % 2 == 1
    return straight or sentence.text.startswith(("“", '"'))


def _select(scores: npt.NDArray[np.float64], vectors: npt.NDArray[np.float64],
            lengths: list[int], paragraphs: list[int]) -> list[int]:
    """Return the indices picked by maximal marginal relevance within the word budget."""
    n = len(scores)
    norm = _scale(scores) if n > 1 else np.ones(n)
    sim = similarity(vectors)
    chosen: list[int] = []
    used = 0
    para = np.asarray(paragraphs)
    redundancy = np.zeros(n)
    same_para = np.zeros(n)
    available = np.ones(n, dtype=bool)
    while len(chosen) < min(MAX_POINTS, n):
        # A second point from the same paragraph usually elaborates the first.
        value = MMR_LAMBDA * norm - (1.0 - MMR_LAMBDA) * (redundancy + same_para)
        value = np.where(available & (redundancy < MAX_SIMILARITY), value, -np.inf)
        best = int(np.argmax(value))  # the first of equal values: deterministic
        if not np.isfinite(value[best]):
            break
        if len(chosen) >= MIN_POINTS and used + lengths[best] > WORD_BUDGET:
            break
        chosen.append(best)
        used += lengths[best]
        available[best] = False
        redundancy = np.maximum(redundancy, sim[best])
        same_para = np.where(para == para[best], SAME_PARAGRAPH, same_para)
    return chosen


def trim(text: str) -> tuple[str, bool]:
    """Return the sentence cut to a clean main clause where it is long, and whether it was cut.

    Stray quotation marks left by sentence splitting inside a quotation are dropped; that is not
    a cut.
    """
    out = _balance_quotes(text.strip())
    trimmed = False
    match = _CONNECTIVE.match(out)
    if match and len(words(out[match.end():])) >= _SHORT_HEAD:
        out = _capitalise(out[match.end():])
        trimmed = True
    if len(words(out)) > _LONG:
        cut = _cut_tail(out)
        if cut is not None:
            out, trimmed = cut, True
    return out, trimmed


def _cut_tail(text: str) -> str | None:
    """Return `text` without a trailing subordinate part, or None when no cut is clean."""
    # A semicolon ends an independent clause: the first one is a point in itself.
    # Only one: several semicolons separate the items of a list, not clauses.
    head = text.split(";", 1)[0]
    if text.count(";") == 1 and len(words(head)) >= _SHORT_HEAD and _balanced(head):
        return _end(head)
    for pattern in _TAIL_CUTS:
        for match in pattern.finditer(text):
            head = text[: match.start()]
            if len(words(head)) >= _SHORT_HEAD + 4 and _balanced(head):
                return _end(head)
    return None


def _balanced(text: str) -> bool:
    """Return True if brackets and curly quotes in `text` are all closed."""
    return (text.count("(") == text.count(")") and text.count("“") == text.count("”")
            and text.count('"') % 2 == 0)


def _balance_quotes(text: str) -> str:
    """Return `text` without a quotation mark that opens or closes nothing within it."""
    if text.count("“") > text.count("”") and text.startswith("“"):
        text = text[1:]
    if text.count("”") > text.count("“") and text.endswith("”"):
        text = text[:-1]
    elif text.count("”") > text.count("“") and text.endswith(("”.", ".”")):
        text = text[:-2] + "."
    if text.count('"') % 2 == 1:
        text = text[1:] if text.startswith('"') else text.rstrip('"')
    return text.strip()


def _end(text: str) -> str:
    """Return a clause closed with a full stop."""
    text = text.rstrip(" ,;:—–-")
    return text if text.endswith((".", "!", "?")) else text + "."


def _capitalise(text: str) -> str:
    """Return `text` with its first letter in upper case."""
    return text[:1].upper() + text[1:]


__all__ = ["find_key_points", "lexrank", "trim"]
