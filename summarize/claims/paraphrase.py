"""Claims that tell one thing in other words.

Deduplication joins sentences that read alike (rapidfuzz, character by character); a report
retold by each outlet in its own words ("France on Tuesday hailed the recapture by Syrian
forces of Palmyra as 'positive news'…" [2], "France said the recapture of Palmyra was 'positive
news'" [3]) stays several claims, so none of them gathers the corroboration the fact has. Two
claims are paraphrases when the tf-idf cosine of their content-word stems reaches THRESHOLD,
they share a name, and no number or date of one contradicts the other. Ranking counts the
independent sources of a claim's paraphrases as its own (summarize/rank.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.summarize.model import Claim
from storyline.summarize.partition import Partition
from storyline.summarize.text.sentences import STOP_WORDS, stem, words

THRESHOLD = 0.5  # cosine of tf-idf content stems (calibrated on Multi-News and the Wikinews stories)
TOP = 400  # best-ranked claims compared: paraphrases matter where the summary and key dates are chosen


def paraphrase_groups(claims: Sequence[Claim], scores: Sequence[float]) -> list[list[int]]:
    """Groups (indices into `claims`) of two or more paraphrases among the TOP best-scored claims."""
    import numpy as np  # TOP claims are few: dense arrays, no scipy import on a small story

    from storyline.summarize.claims.dedup import conflict, prepare

    top = sorted(range(len(claims)), key=lambda i: -scores[i])[:TOP]
    if len(top) < 2:
        return []
    terms = [_content(claims[i].text) for i in top]
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, stems in enumerate(terms):
        for s in stems:
            rows.append(row)
            cols.append(vocabulary.setdefault(s, len(vocabulary)))
    matrix = np.zeros((len(top), len(vocabulary)))
    matrix[rows, cols] = 1.0
    df = matrix.sum(axis=0)
    matrix *= np.log((1 + len(top)) / (1 + df)) + 1
    norms = np.sqrt((matrix * matrix).sum(axis=1))
    norms[norms == 0] = 1.0
    cosine = (matrix @ matrix.T) / np.outer(norms, norms)
    names = [{w.lower() for w in words(claims[i].text)[1:] if w[:1].isupper()} for i in top]
    prepared = [prepare(claims[i].text) for i in top]
    groups = Partition(len(top))
    for a, b in zip(*np.nonzero(np.triu(cosine >= THRESHOLD, k=1))):
        if names[a] & names[b] and not conflict(prepared[a], prepared[b]):
            groups.join(int(a), int(b))
    out: dict[int, list[int]] = {}
    for row in range(len(top)):
        out.setdefault(groups.find(row), []).append(top[row])
    return [sorted(g) for g in out.values() if len(g) > 1]


def _content(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w.lower() not in STOP_WORDS and len(w) > 2}
