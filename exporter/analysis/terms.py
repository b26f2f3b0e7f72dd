"""Terms: text in, content-word stems and TF-IDF vectors out, for ranking and key phrases.

A small tokenizer and stop-word list of our own, because sumy's and NLTK's need data files that
cannot be downloaded here. Stemming is deliberately light (plurals and possessives only), so a
stem stays readable and `Russian` does not collapse into `Russia` by accident; key phrases merge
such near-duplicates on purpose, in `keywords.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

_STOP_TEXT = """
    a about above across after afterwards again against all almost alone along already also
    although always am among amongst an and another any anyhow anyone anything anyway anywhere
    are around as at back be became because become becomes becoming been before beforehand
    behind being below beside besides between beyond both but by can cannot could did do does
    doing done down due during each either else elsewhere enough even ever every everyone
    everything everywhere except few for former formerly from further had has have having he
    hence her here hereafter hereby herein hers herself him himself his how however i if in
    indeed into is it its itself just last latter least less many may me meanwhile might mine
    more moreover most mostly much must my myself namely neither never nevertheless next no
    nobody none nor not nothing now nowhere of off often on once one only onto or other others
    otherwise our ours ourselves out over own per perhaps put rather re same seem seemed seeming
    seems several she should since so some somehow someone something sometime sometimes
    somewhere still such than that the their theirs them themselves then thence there
    thereafter thereby therefore therein these they this those though through throughout thru
    thus to together too toward towards under until up upon us very via was we well were what
    whatever when whence whenever where whereas whereby wherein whether which while whither who
    whoever whole whom whose why will with within without would yet you your yours yourself
    yourselves said says say told according also like mr mrs ms dr s t
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
"""Function words and reporting verbs that carry no topic."""

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    # `findall` gives the whole match (the pattern's one group does not capture).
    lower = text.lower().replace("\u2019", "'")
    if "'s" not in lower:
        return tuple(_WORD.findall(lower))  # no word ends with `'s`: nothing to take off
    return tuple(word[:-2] if word.endswith("'s") else word for word in _WORD.findall(lower))


def words(text: str) -> list[str]:
    """Return the lower-cased word tokens of `text`, possessive `'s` removed.

    Hyphenated compounds split (`Pakistan-Russia` → `pakistan`, `russia`), since each half names
    something the article is about.
    """
    # Cached: key points, keywords and the summary all ask for the same sentences' words.
    return list(_words(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Return `word` with a plural ending removed (`countries` → `country`, `ties` → `tie`)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Return the stems of the content words of `text`, in order."""
    return [stem(w) for w in _words(text)
            if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]


def tfidf(docs: Sequence[Iterable[str]]) -> npt.NDArray[np.float64]:
    """Return one L2-normalised TF-IDF row per document (smoothed IDF, log-scaled TF)."""
    counts, _ = _counts(docs)
    return _weigh(counts)


def tfidf_with(docs: Sequence[Iterable[str]], extra: Iterable[str]
               ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Return `tfidf(docs)` and `tfidf([*docs, extra])`, the documents counted once (key points
    weigh the sentences alone and beside the title: two passes over the same words before)."""
    counts, width = _counts([*docs, extra])
    # The documents' own counts are the rows before the extra one and the columns of their own
    # words (the extra one's new words come last), copied so that the weighing reads the same
    # contiguous array, bit for bit, as a count of the documents alone.
    alone = np.ascontiguousarray(counts[:-1, :max(width, 1)])
    return _weigh(alone), _weigh(counts)


def _counts(docs: Sequence[Iterable[str]]) -> tuple[npt.NDArray[np.float64], int]:
    """Return the term counts, one row per document and one column per term in order of first
    use, and the number of terms the documents before the last use."""
    bags = [list(d) for d in docs]
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    before_last = 0
    for row, bag in enumerate(bags):
        before_last = len(vocab)
        rows.extend([row] * len(bag))
        cols.extend([vocab.setdefault(term, len(vocab)) for term in bag])
    width = max(len(vocab), 1)
    # Counted in one call: adding 1.0 cell by cell from Python cost more than the rest.
    cells = np.asarray(rows, dtype=np.intp) * width + np.asarray(cols, dtype=np.intp)
    matrix = np.bincount(cells, minlength=len(bags) * width).astype(np.float64)
    return matrix.reshape(len(bags), width), before_last


def _weigh(matrix: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Return term counts weighed by TF-IDF, each row L2-normalised."""
    present = (matrix > 0).sum(axis=0)
    idf = np.log((1.0 + len(matrix)) / (1.0 + present)) + 1.0
    matrix = np.where(matrix > 0, 1.0 + np.log(np.maximum(matrix, 1.0)), 0.0) * idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.asarray(np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0),
                      dtype=np.float64)


__all__ = ["STOP_WORDS", "stem", "terms", "tfidf", "tfidf_with", "words"]
