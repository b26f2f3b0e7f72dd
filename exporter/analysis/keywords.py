"""Keywords: an article in, its 5 to 10 key phrases out, near-duplicates merged.

Candidate phrases are runs of up to three content words between stop words and punctuation
(as in RAKE), scored by how often their words occur, how early they first appear and whether they
name an actor. Forms of one name are merged before ranking: an actor's aliases fold into its
name (`Moscow`, `Russian Federation` → `Russia`), and a demonym folds into the name it derives
from when the article uses both (`Russian` → `Russia`, `Pakistani` → `Pakistan`).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..model import Actor, ActorKind, Article
from .terms import STOP_WORDS, stem

MIN_KEYWORDS = 5
MAX_KEYWORDS = 10
MAX_PHRASE_WORDS = 3

_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*[^\W_]|[^\W\d_]|[.,;:!?()\"“”‘\[\]—–]")
# Words that make weak key phrases even though they are not function words.
_WEAK_TEXT = """
    new major first second third many several time times year years month months today day
    days way part lot number country countries people thing things also other others however
    including per cent percent million billion thousand last next past recent current
    one two three four five six seven eight nine ten dozen hundred half
    keep make made take took give gave get got become went come came
"""
_WEAK = frozenset(_WEAK_TEXT.split())
_POSSESSIVE_S = ("'s", "’s")
"""A possessive ending, taken off every token `_phrases` reads (a token holds no line break, so
`['’]s$` matched only these two at its end)."""
_DEMONYM_ENDINGS = ("n", "an", "ian", "i", "ese", "ish", "ic")


def find_keywords(article: Article, actors: tuple[Actor, ...]) -> tuple[str, ...]:
    """Return 5 to 10 key phrases of `article`, most important first."""
    canonical = _canonical_forms(actors)
    scores: dict[str, float] = defaultdict(float)
    display: dict[str, str] = {}
    total = max(len(article.paragraphs), 1)
    word_freq: dict[str, int] = defaultdict(int)
    # Each phrase with its words' stems, worked out once for the counting and the scoring.
    phrases: list[tuple[list[str], list[str], int]] = []
    texts = [(p.n, p.text) for p in article.paragraphs]
    if article.title and not article.title_inferred:
        texts.insert(0, (0, article.title))
    known: dict[str, str] = {}
    for n, text in texts:
        for phrase in _phrases(text, known):
            stems = [stem(word.lower()) for word in phrase]
            phrases.append((phrase, stems, n))
            for word_stem in stems:
                word_freq[word_stem] += 1
    # Early mentions frame the piece; the title frames it most (a factor per paragraph).
    position = {n: 1.0 + 0.5 * (1.0 - min(n, total) / total) for n, _ in texts}
    for phrase, stems, n in phrases:
        text = " ".join(phrase)
        low = text.lower()
        name = canonical.get(low)
        key = name or " ".join(stems)
        weight = sum(map(word_freq.__getitem__, stems)) / len(phrase) ** 0.5
        weight *= position[n]
        if name is not None:
            weight *= 1.5
        scores[key] += weight
        form = name or text
        # Lower case wins when the phrase occurs in lower case anywhere (`water`, not `Water`).
        if key not in display or (form[:1].islower() and display[key][:1].isupper()
                                  and key not in canonical.values()):
            display[key] = form
    merged = _merge(scores, display)
    ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0].lower()))
    chosen: list[str] = []
    for name, _ in ranked:
        if any(_contains(other, name) for other in chosen):
            continue
        chosen.append(name)
        if len(chosen) == MAX_KEYWORDS:
            break
    return tuple(chosen[: max(MIN_KEYWORDS, min(len(chosen), MAX_KEYWORDS))])


def _canonical_forms(actors: tuple[Actor, ...]) -> dict[str, str]:
    """Return a map from each lower-cased actor name or alias to the name it stands for."""
    forms: dict[str, str] = {}
    for actor in actors:
        if actor.kind == ActorKind.GROUP:
            continue
        for name in (actor.name, *actor.aliases):
            forms.setdefault(name.lower(), actor.name)
    return forms


def _phrases(text: str, known: dict[str, str] | None = None) -> list[list[str]]:
    """Return the candidate phrases of `text`: runs of content words, at most three long.

    `known` holds the content word each token read so far stands for ("" for a boundary), kept
    by the caller across an article's paragraphs, which repeat most of their tokens."""
    known = {} if known is None else known
    out: list[list[str]] = []
    run: list[str] = []
    for token in [*_TOKEN.findall(text), "."]:
        word = known.get(token)
        if word is None:
            word = known[token] = _content_word(token)
        if word:
            run.append(word)
        else:
            if run:
                out.extend(_windows(run))
            run = []
    return out


def _content_word(token: str) -> str:
    """Return the word a token gives a key phrase, or "" if it ends a phrase."""
    word = (token[:-2] if token.endswith(_POSSESSIVE_S) else token).strip(".-'’")
    low = word.lower()
    # Lower-case -ed and -ing words are mostly verbs, which make poor key phrases.
    verb = word[:1].islower() and low.endswith(("ed", "ing")) and len(low) > 5
    boundary = (not word or not word[0].isalpha() or low in STOP_WORDS or low in _WEAK
                or len(low) < 3 or verb)
    return "" if boundary else word


def _windows(run: list[str]) -> list[list[str]]:
    """Return `run` itself when short, else its leading and trailing three-word windows."""
    if len(run) <= MAX_PHRASE_WORDS:
        return [run]
    return [run[i:i + MAX_PHRASE_WORDS] for i in range(len(run) - MAX_PHRASE_WORDS + 1)]


def _merge(scores: dict[str, float], display: dict[str, str]) -> dict[str, float]:
    """Return scores keyed by display name, demonyms and their names merged."""
    by_name: dict[str, float] = defaultdict(float)
    for key, value in scores.items():
        by_name[display[key]] += value
    names = sorted(by_name, key=lambda n: (-by_name[n], n))
    # Only single capitalised words can be demonyms; comparing within buckets of the same first
    # four letters keeps this linear.
    buckets: dict[str, list[str]] = defaultdict(list)
    for name in names:
        if " " not in name and name[:1].isupper() and len(name) >= 4:
            buckets[name[:4]].append(name)
    root: dict[str, str] = {}
    for group in buckets.values():
        for name in group:
            heads = (m for m in group if root.get(m) == m and _same_root(m, name))
            root[name] = next(heads, name)
    merged: dict[str, float] = defaultdict(float)
    members: dict[str, list[str]] = defaultdict(list)
    for name in names:
        head = root.get(name, name)
        merged[head] += by_name[name]
        members[head].append(name)
    # The shorter of two merged forms is usually the name (`Russia` over `Russian`).
    return {min(members[h], key=lambda n: (len(n), n)): v for h, v in merged.items()}


def _same_root(a: str, b: str) -> bool:
    """Return True if one single-word name is the demonym of the other (`Russian`/`Russia`)."""
    if " " in a or " " in b or a == b:
        return a == b
    short, long = sorted((a, b), key=len)
    if not short[:1].isupper() or not long.startswith(short[:-1]) or len(short) < 4:
        return False
    tail = long[len(short) - 1:]
    return any(tail == short[-1] + e or tail == e for e in _DEMONYM_ENDINGS) or (
        long.startswith(short) and len(long) - len(short) <= 4)


def _contains(chosen: str, candidate: str) -> bool:
    """Return True if `candidate` repeats `chosen`: one's words in the other's, or half shared."""
    a = {stem(w.lower()) for w in chosen.split()}
    b = {stem(w.lower()) for w in candidate.split()}
    shared = len(a & b)
    return a <= b or b <= a or (shared >= 1 and shared * 2 >= min(len(a), len(b)) + 1)


__all__ = ["find_keywords"]
