"""ROUGE-1, ROUGE-2 and summary-level ROUGE-L (Lin, 2004), small enough to read and test.

Tokens are lower-cased runs of letters and digits; no stemming and no stop-word removal, as in
the original toolkit's defaults. ROUGE-L is the summary-level variant (`rougeLsum`): for every
reference sentence the union of its longest common subsequences with the candidate sentences,
so the score does not depend on the order in which the points are listed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 of one ROUGE measure."""

    precision: float
    recall: float
    f1: float


def tokens(text: str) -> list[str]:
    """Return the lower-cased word tokens of `text`."""
    return [t.lower() for t in _TOKEN.findall(text)]


def _score(hits: int, cand: int, ref: int) -> Score:
    p = hits / cand if cand else 0.0
    r = hits / ref if ref else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f)


def _ngrams(words: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> Score:
    """Return ROUGE-N of candidate sentences against reference sentences (n-grams clipped)."""
    cand = Counter[tuple[str, ...]]()
    ref = Counter[tuple[str, ...]]()
    for sentence in candidate:
        cand.update(_ngrams(tokens(sentence), n))
    for sentence in reference:
        ref.update(_ngrams(tokens(sentence), n))
    hits = sum((cand & ref).values())
    return _score(hits, sum(cand.values()), sum(ref.values()))


def _lcs_positions(a: list[str], b: list[str]) -> set[int]:
    """Return the positions in `a` of one longest common subsequence of `a` and `b`."""
    rows, cols = len(a), len(b)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows):
        for j in range(cols):
            table[i + 1][j + 1] = (table[i][j] + 1 if a[i] == b[j]
                                   else max(table[i][j + 1], table[i + 1][j]))
    found: set[int] = set()
    i, j = rows, cols
    while i and j:
        if a[i - 1] == b[j - 1]:
            found.add(i - 1)
            i, j = i - 1, j - 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return found


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> Score:
    """Return summary-level ROUGE-L: union LCS of each reference sentence over the candidates."""
    cand_sents = [tokens(s) for s in candidate]
    ref_sents = [tokens(s) for s in reference]
    cand_total = Counter(t for s in cand_sents for t in s)
    ref_total = Counter(t for s in ref_sents for t in s)
    # Clip hits by token counts so one candidate word is not credited twice (as rouge-score does).
    cand_left, ref_left = Counter(cand_total), Counter(ref_total)
    hits = 0
    for ref in ref_sents:
        union: set[int] = set()
        for cand in cand_sents:
            union |= _lcs_positions(ref, cand)
        for pos in sorted(union):
            word = ref[pos]
            if cand_left[word] > 0 and ref_left[word] > 0:
                hits += 1
                cand_left[word] -= 1
                ref_left[word] -= 1
    return _score(hits, sum(cand_total.values()), sum(ref_total.values()))


__all__ = ["Score", "rouge_l", "rouge_n", "tokens"]
