"""Key points: an article's sentences in, its 3 to 6 most important points out, in source order.

Each sentence gets a score that mixes graph centrality (LexRank: PageRank over the TF-IDF cosine
graph of the article's sentences, computed on numpy) with what centrality alone misses: where the
sentence stands (leads and conclusions matter), how much it shares with the title, whether it
names actors and gives figures, and cue phrases that mark a finding or a recommendation. Points
are then picked by maximal marginal relevance, so no two say the same thing, until a word budget
is spent; long sentences are cut to their main clause where that can be done cleanly.

Sentences inside a quotation are candidates like any other (an analyst's quoted argument is often
the article's best summary of events); the lead-in (`He wrote, “`) is cut and the point carries
the quotation's speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from ..model import Actor, Article, KeyPoint, Quote
from .matching import may_hold
from .sentences import Sentence, article_sentences
from .terms import terms, tfidf, tfidf_with, words

MIN_POINTS = 3
MAX_POINTS = 6
WORDS_PER_POINT = 250
"""Beyond two, an article gets a point per this many words of body (or part), within 3 to 6."""
POINT_WORDS = 28
"""The word budget is this many words per point (an analyst's points run to 25-30 words)."""
MMR_LAMBDA = 0.7
"""Weight of importance against novelty when picking the next point."""
MAX_SIMILARITY = 0.6
"""Cosine similarity at which a sentence counts as saying the same as a chosen point."""
SAME_PARAGRAPH = 0.15
"""Redundancy added for a point from a paragraph that already gave one."""

# Weights of the sentence features. Set on the development articles of bench/quality.py and
# checked, never set, on the held-out ones.
W_CENTRAL = 0.6
W_CENTROID = 0.3
W_POSITION = 0.4
W_POSITION_NEWS = 1.2
"""A dated news report (it has a dateline) is written as an inverted pyramid: its opening
paragraphs carry the news, so position weighs three times as much as in an analysis."""
W_TITLE = 0.4
W_ACTORS = 0.2
W_FIGURES = 0.3
W_CUE = 0.2
W_QUOTED = 0.3
W_ANAPHOR = 0.8
W_LENGTH = 0.5
W_BACKGROUND = 0.5
POSITION_DECAY = 0.5
"""How fast a paragraph's positional weight falls with its rank."""
FIRST_BONUS = 0.15
"""Positional weight added for the first sentence of a paragraph (its topic sentence)."""
LAST_BONUS = 0.4
"""Positional weight added for the last paragraph (the conclusion of an analysis)."""

_CUE_WORDS = (
    r"warn(?:s|ed)?", r"announc(?:e|es|ed)", r"agree(?:s|d)?", r"approv(?:e|es|ed)", r"aims?",
    r"plans?", r"major", r"significant", r"key", r"main", r"crucial", r"important", r"shift",
    r"transform\w*", r"threat", r"risks?", r"recommend\w*", r"should", r"must", r"needs? to",
    r"urge[sd]?", r"concern\w*", r"decided?", r"signed", r"launch\w*", r"because",
    r"driv(?:e|es|en|ing)", r"led to", r"result\w*",
)
# The look-ahead for a cue's first letter passes over every other word boundary with one test,
# where the engine would try each cue there (it halves the scan, asked of every sentence).
# The cues are also grouped by their first letter (in their order within each group): the engine
# tries each alternative of a group in turn, and one letter's group is all that can match where
# the look-ahead let it in (no letter matches two ASCII ones, ignoring case), so the matches are
# the same, found with a test per group instead of per cue.
_CUE_GROUPS: dict[str, list[str]] = {}
for _cue in _CUE_WORDS:
    _CUE_GROUPS.setdefault(_cue[0], []).append(_cue[1:])
_CUES = re.compile(
    rf"\b(?=[{''.join(sorted(_CUE_GROUPS))}])("
    + "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in _CUE_GROUPS.items())
    + r")\b",
    re.IGNORECASE,
)
# Sentences opening with these lean on the one before and read badly alone.
_ANAPHORIC = re.compile(
    r"^[\"“‘']?(this|that|these|those|it|he|she|they|his|her|their|such|there|the same)\b",
    re.IGNORECASE,
)
_CONNECTIVE = re.compile(
    r"^(?:(?:however|yet|but|and|moreover|furthermore|in addition|meanwhile|unfortunately|"
    r"indeed|thus|therefore|instead|in contrast|of course|in fact)\s*,?"
    # These also open ordinary noun phrases ("Second paragraph", "Still considered"): only
    # with their comma are they connectives.
    r"|(?:still|also|first|second|third|finally|earlier|now|lately|for now)\s*,)"
    r"\s+(?=\S)",
    re.IGNORECASE,
)
# A wire or newspaper dateline opening the first paragraph: `LUSAKA, Zambia (Wire) — `.
_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .'-]{2,}(?:,[^—–\n]{1,60}?)?\s+[—–-]{1,2}\s+(?=\S)")
# A lead-in that attributes the quotation that follows: `He wrote, “`, `According to X, “`.
_LEAD_IN = re.compile(
    r"^[^“\"]{0,80}?(?:\b(?:said|says|wrote|writes|added|told [^,“\"]{1,40}|warned|argued|"
    r"stated|noted|explained)|^according to [^,“\"]{2,60})\s*[,:]\s*[“\"](?=\S)",
    re.IGNORECASE,
)
# A long sentence opening with a subordinate or prepositional clause before its subject.
_HEAD_CLAUSE = re.compile(
    r"^(?:since|when|while|although|though|after|before|as|because|despite|following|with|"
    r"unlike|once|if|given|amid|in the wake of)\b",
    re.IGNORECASE,
)
# Words that carry a clause on after a comma, so the comma cannot end a leading clause.
_CONTINUES = frozenset((
    "when", "which", "who", "whom", "whose", "where", "while", "and", "or", "but", "as", "that",
    "then", "till", "until", "the", "a", "an", "its", "their", "his", "her",
))
# Description without news: the sentence only says what something is or is known as.
_DEFINITION = re.compile(
    r"\b(?:is|are|was|were|remains?)\s+(?:considered\s+)?(?:as\s+)?(?:a|an|the|one of)\b|"
    r"\b(?:considered|known|regarded|described|perceived)\s+as\b",
    re.IGNORECASE,
)
# (Each with a look-ahead for its first character, as `_CUES`.)
_NUMBER = re.compile(r"\d|\b(?=[mbpt])(?:million|billion|percent|per cent|thousand)\b",
                     re.IGNORECASE)
_YEAR = re.compile(r"(?=[12])\b(1[89]\d\d|20\d\d)s?\b")
_NUMBER_WORDS = ("million", "billion", "percent", "per cent", "thousand")
"""`_NUMBER`'s words: a sentence with no digit and none of them (most) is not scanned for them."""
_ANY_DIGIT = re.compile(r"\d")
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
# Clause boundaries a trailing part can be cut at, weakest link first.
_TAIL_CUTS = (
    re.compile(r",\s+(?:which|who|whose|while|whereas|thus|so that|as well as|including|"
               r"although|though|because|as)\b"),
    re.compile(r",\s+(?:but|and)\s+(?!also\b)"),
)
# Words that open a subordinate clause: a head ending in such a clause is a fragment.
_SUBORDINATORS = frozenset({"where", "when", "which", "who", "whom", "whose", "while", "as",
                            "after", "before", "since", "because", "if", "that", "although",
                            "though", "until", "unless", "whereas", "whether", "once"})
# Words a clause cannot end on.
_DANGLING = frozenset({"the", "a", "an", "of", "to", "for", "with", "and", "or", "but", "by",
                       "in", "on", "at", "from", "his", "her", "its", "their", "our", "my",
                       "your", "this", "that", "these", "those", "than", "as"})
SMALL_MATRIX = 400
"""Up to this many sentences, similarities are computed without BLAS (see `similarity`)."""
MIN_WORDS = 8
"""Shorter sentences are slogans or fragments (`“Russia is down but not out.”`), not points."""
_LONG = 34
"""Sentences longer than this many words are trimmed when a clean cut exists."""
_SHORT_HEAD = 10
"""A trimmed head must keep at least this many words."""


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A sentence that may become a point, with the wording it would have."""

    sentence: Sentence
    text: str
    """Its wording as a point: dateline, lead-in, connective or subordinate parts cut."""
    trimmed: bool
    quoted: bool
    """It sits inside a quotation."""


def find_key_points(article: Article, actors: tuple[Actor, ...],
                    quotes: tuple[Quote, ...] | None = None) -> tuple[KeyPoint, ...]:
    """Return 3 to 6 key points of `article`, free of redundancy, in source order.

    `quotes` are the article's quotations (`find_quotes`) when the caller has found them: a
    point inside one is given its speaker. Without them they are found only if a point needs
    them (quotations cost more than key points).
    """
    candidates = _bounded([c for c in _candidates(article) if _eligible(c.text)])
    if not candidates:
        return ()
    bags = [terms(c.text) for c in candidates]  # for the ranking and for the title's weight
    # An inferred title is made from key phrases, so it still names the topic: the sentences
    # are also weighed beside it, counted in the same pass.
    if article.title:
        vectors, titled = tfidf_with(bags, terms(article.title))
    else:
        vectors, titled = tfidf(bags), None
    sim = similarity(vectors)  # once, for the ranking and for the redundancy between picks
    lengths = [len(words(c.text)) for c in candidates]
    scores = _scores(article, candidates, titled, vectors, sim, actors, lengths)
    body_words = sum(len(p.text.split()) for p in article.paragraphs)
    count = min(MAX_POINTS, max(MIN_POINTS, 2 + -(-body_words // WORDS_PER_POINT)))
    chosen = _select(scores, sim, lengths, [c.sentence.paragraph for c in candidates], count)
    speakers = _speakers(article, {i: candidates[i] for i in chosen}, quotes)
    return tuple(
        KeyPoint(text=candidates[i].text, paragraph=candidates[i].sentence.paragraph,
                 trimmed=candidates[i].trimmed, score=round(float(scores[i]), 4),
                 speaker=speakers.get(i))
        for i in sorted(chosen)
    )


MAX_CANDIDATES = 600
"""Most sentences ranked. The sentence graph is quadratic in their number (a book of 8,000
paragraphs would need gigabytes), so a longer text is ranked on its paragraphs' topic sentences,
sampled evenly across the text."""


def _bounded(candidates: list[_Candidate]) -> list[_Candidate]:
    """Return at most MAX_CANDIDATES candidates, keeping topic sentences spread over the text."""
    if len(candidates) <= MAX_CANDIDATES:
        return candidates
    topic = [c for c in candidates if c.sentence.start == 0] or candidates
    if len(topic) <= MAX_CANDIDATES:
        return topic
    step = len(topic) / MAX_CANDIDATES
    return [topic[int(i * step)] for i in range(MAX_CANDIDATES)]


def _candidates(article: Article) -> list[_Candidate]:
    """Return every body sentence with the wording it would have as a point."""
    out: list[_Candidate] = []
    for s in article_sentences(article):
        text, trimmed = s.text, False
        if s.paragraph == 1 and s.start == 0:
            match = _DATELINE.match(text)
            if match:
                text = text[match.end():]
        quoted = _inside_quote(article, s)
        # (A lead-in ends on a quotation mark: without one, the lazy scan of its 80
        # characters, tried at each, finds nothing.)
        lead = _LEAD_IN.match(text) if "\u201c" in text or '"' in text else None
        if lead and len(words(text[lead.end():])) >= MIN_WORDS:
            text, quoted, trimmed = _capitalise(text[lead.end():]), True, True
        text, cut = trim(text)
        out.append(_Candidate(sentence=s, text=text, trimmed=trimmed or cut, quoted=quoted))
    return out


def _speakers(article: Article, chosen: dict[int, _Candidate],
              quotes: tuple[Quote, ...] | None) -> dict[int, str]:
    """Return the speaker of each chosen point that sits inside an attributed quotation."""
    if not any(c.quoted for c in chosen.values()):
        return {}
    if quotes is None:
        from .quotes import find_quotes

        quotes = find_quotes(article)
    found: dict[int, str] = {}
    for i, c in chosen.items():
        if c.quoted:
            quote = _quote_of(c, quotes)
            if quote is not None and quote.speaker:
                found[i] = quote.speaker
    return found


def _quote_of(candidate: _Candidate, quotes: tuple[Quote, ...]) -> Quote | None:
    """Return the quotation holding the candidate's wording, if any."""
    probe = " ".join(words(candidate.text)[:8])
    for quote in quotes:
        if quote.paragraph == candidate.sentence.paragraph and probe in " ".join(
                words(quote.text)):
            return quote
    return None


def _eligible(text: str) -> bool:
    """Return True if a sentence can stand as a point: a statement of reasonable length."""
    count = len(words(text))
    return MIN_WORDS <= count <= 90 and not text.rstrip("\"”’' ").endswith("?")


def lexrank(vectors: npt.NDArray[np.float64], damping: float = 0.85, iterations: int = 100,
            sim: npt.NDArray[np.float64] | None = None) -> npt.NDArray[np.float64]:
    """Return the continuous LexRank centrality of each row, summing to 1 (`sim`: the rows'
    `similarity` when the caller has it, left as it is)."""
    n = vectors.shape[0]
    if n == 0:
        return np.zeros(0)
    sim = similarity(vectors) if sim is None else sim.copy()
    np.fill_diagonal(sim, 0.0)
    sums = sim.sum(axis=1, keepdims=True)
    # A sentence sharing no word with any other links to all, so the walk never gets stuck.
    trans = np.divide(sim, sums, out=np.full_like(sim, 1.0 / n), where=sums > 0)
    rank = np.full(n, 1.0 / n)
    # The same operations, written to buffers made once: the walk takes up to 100 steps, and for
    # an article's few dozen sentences allocating each step's arrays cost more than the sums.
    weighted = np.empty_like(trans)
    summed = np.empty(n)
    teleport = (1.0 - damping) / n
    for _ in range(iterations):
        # Elementwise rather than `trans.T @ rank`: see `similarity` on BLAS threads.
        np.multiply(trans, rank[:, None], out=weighted)
        np.add.reduce(weighted, axis=0, out=summed)  # what `.sum(axis=0)` runs
        new = teleport + damping * summed
        if np.add.reduce(np.abs(new - rank)) < 1e-9:
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


def _scores(article: Article, candidates: list[_Candidate],
            titled: npt.NDArray[np.float64] | None, vectors: npt.NDArray[np.float64],
            sim: npt.NDArray[np.float64], actors: tuple[Actor, ...], lengths: list[int]
            ) -> npt.NDArray[np.float64]:
    """Return the importance score of each candidate (`titled`: the TF-IDF rows of their terms
    and, last, the title's, when the article has a title; `sim`: the similarity of their
    vectors, `lengths`: their words as a point)."""
    n = len(candidates)
    central = _scale(lexrank(vectors, sim=sim))
    # Closeness to the centroid: how much of the article's main thesis the sentence carries.
    centroid = vectors.sum(axis=0)
    norm = float(np.linalg.norm(centroid))
    thesis = _scale(vectors @ (centroid / norm)) if norm > 0 else np.zeros(n)
    paragraphs = sorted({c.sentence.paragraph for c in candidates})
    rank_of = {p: i for i, p in enumerate(paragraphs)}
    last = len(paragraphs) - 1
    title_scores = None
    if titled is not None:
        # Every row's products summed at once: the row sums are the same pairwise sums
        # `np.sum` of each row gives (a row is contiguous), in one call instead of thousands.
        title_scores = (titled[:-1] * titled[-1]).sum(axis=1)
    names = _actor_names(actors)
    position = np.zeros(n)
    position_weight = W_POSITION_NEWS if article.meta.dateline is not None else W_POSITION
    title = np.zeros(n)
    named = np.zeros(n)
    figures = np.zeros(n)
    cues = np.zeros(n)
    quoted = np.zeros(n)
    anaphor = np.zeros(n)
    background = np.zeros(n)
    # A point an analyst would write rarely runs past 35 words; longer ones read as paragraphs.
    too_long = np.minimum(np.maximum(np.asarray(lengths, dtype=np.float64) - 35.0, 0.0) / 20.0,
                          1.0)
    for i, c in enumerate(candidates):
        s = c.sentence
        first_in_para = s.start == 0
        rank = rank_of[s.paragraph]
        # Leads carry the news and conclusions the argument; the middle carries the detail.
        position[i] = 1.0 / (1.0 + POSITION_DECAY * rank) + (FIRST_BONUS if first_in_para else 0.0)
        if rank == last and last > 2:
            position[i] += LAST_BONUS
        if title_scores is not None:
            title[i] = float(title_scores[i])
        text = c.text
        if names:
            found = {name for name in names if name in text}
        else:
            found = {m.group() for m in _CAPITALISED.finditer(text)}
        named[i] = min(len(found), 4) / 4.0
        digits = _ANY_DIGIT.search(text) is not None  # (each year is in digits)
        dated = (len(_NUMBER.findall(text)) if digits or may_hold(text, _NUMBER_WORDS) else 0) \
            + (len(_YEAR.findall(text)) if digits else 0)
        figures[i] = min(dated, 3) / 3.0
        cues[i] = min(len(_CUES.findall(text)), 2) / 2.0  # (counted: no match objects made)
        # Direct speech in a short quotation is colour; a quoted argument is weighed as prose.
        quoted[i] = 1.0 if c.quoted and not _in_long_quote(article, s) else 0.0
        anaphor[i] = 1.0 if _ANAPHORIC.match(s.text) and not first_in_para else 0.0
        # An opening that only says what something is sets the scene; it is not the news.
        background[i] = 1.0 if rank == 0 and not dated and _DEFINITION.search(text) else 0.0
    return np.asarray(
        W_CENTRAL * central + W_CENTROID * thesis + position_weight * _scale(position)
        + W_TITLE * title + W_ACTORS * named + W_FIGURES * figures + W_CUE * cues
        - W_QUOTED * quoted - W_ANAPHOR * anaphor - W_LENGTH * too_long
        - W_BACKGROUND * background,
        dtype=np.float64,
    )


def _inside_quote(article: Article, sentence: Sentence) -> bool:
    """Return True if the sentence sits inside quotation marks (direct speech, not narrative)."""
    index = sentence.paragraph - 1  # paragraphs are numbered from 1 in order
    if not 0 <= index < len(article.paragraphs):
        return False
    marks = _mark_offsets(article.paragraphs[index].text)

    def before(mark: str) -> int:
        return bisect_left(marks[mark], sentence.start)

    opened = before("“") - before("”")
    if opened > 0:
        return True
    straight = before('"') % 2 == 1
    return straight or sentence.text.startswith(("“", '"'))


@lru_cache(maxsize=64)
def _mark_offsets(text: str) -> dict[str, list[int]]:
    """Return where each double quotation mark stands in a paragraph, to count those before a
    sentence by bisection (counting them in the text before each sentence was quadratic in a
    long paragraph)."""
    return {mark: [m.start() for m in re.finditer(mark, text)] for mark in ("“", "”", '"')}


def _in_long_quote(article: Article, sentence: Sentence) -> bool:
    """Return True if the sentence is part of a quotation of two sentences or more."""
    index = sentence.paragraph - 1  # paragraphs are numbered from 1 in order
    if not 0 <= index < len(article.paragraphs):
        return False
    para = article.paragraphs[index]
    opened = para.text.rfind("“", 0, sentence.end)
    if opened < 0:
        opened = para.text.rfind('"', 0, sentence.start + 1)
    closing = "”" if para.text[opened:opened + 1] == "“" else '"'
    closed = para.text.find(closing, opened + 1)
    span = para.text[opened:closed if closed > 0 else len(para.text)]
    return opened >= 0 and len(span.split()) >= 30 and span.count(". ") >= 1


def _select(scores: npt.NDArray[np.float64], sim: npt.NDArray[np.float64],
            lengths: list[int], paragraphs: list[int], count: int) -> list[int]:
    """Return the indices picked by maximal marginal relevance within the word budget (`sim`:
    the candidates' similarity)."""
    n = len(scores)
    norm = _scale(scores) if n > 1 else np.ones(n)
    chosen: list[int] = []
    used = 0
    para = np.asarray(paragraphs)
    redundancy = np.zeros(n)
    same_para = np.zeros(n)
    available = np.ones(n, dtype=bool)
    budget = POINT_WORDS * count
    while len(chosen) < min(count, n):
        # A second point from the same paragraph usually elaborates the first.
        value = MMR_LAMBDA * norm - (1.0 - MMR_LAMBDA) * (redundancy + same_para)
        value = np.where(available & (redundancy < MAX_SIMILARITY), value, -np.inf)
        best = int(np.argmax(value))  # the first of equal values: deterministic
        if not np.isfinite(value[best]):
            break
        if len(chosen) >= MIN_POINTS and used + lengths[best] > budget:
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
        head = _cut_head(out)
        if head is not None:
            out, trimmed = head, True
    if len(words(out)) > _LONG:
        cut = _cut_tail(out)
        if cut is not None:
            out, trimmed = cut, True
    return out, trimmed


def _cut_head(text: str) -> str | None:
    """Return `text` without a leading subordinate clause (`Since 1950, when …, `), or None."""
    if not _HEAD_CLAUSE.match(text):
        return None
    for match in re.finditer(r",\s+", text):
        head, rest = text[: match.start()], text[match.end():]
        following = words(rest[:30])[:1]
        if not following or following[0] in _CONTINUES or not _balanced(head):
            continue
        if len(words(head)) < 3 or len(words(rest)) < _SHORT_HEAD:
            return None
        return _capitalise(rest)
    return None


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
            if len(words(head)) >= _SHORT_HEAD + 4 and _balanced(head) and \
                    _whole(head, text[match.end():], match.group()):
                return _end(head)
    return None


def _whole(head: str, rest: str, cut: str) -> bool:
    """Return True if cutting the sentence after `head` leaves a whole thought.

    Not when the head ends inside a subordinate clause (`…, where Trump`), on a word that needs
    a follower (`the`, `of`), or when the part cut off is a parenthesis the main clause resumes
    after (`X, who …, said Y`: a comma closes the relative clause).
    """
    last_clause = re.split(r"[,;:\u2014]\s*", head)[-1]
    first = words(last_clause)[:1]
    if first and first[0] in _SUBORDINATORS:
        return False
    tail_word = words(head)[-1:] if words(head) else []
    if tail_word and tail_word[0] in _DANGLING:
        return False
    relative = re.search(r"\b(?:which|who|whose)\b", cut) is not None
    return not (relative and "," in rest)


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
