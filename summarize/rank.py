"""Rank sentences (or claims) by salience: our vectorised LexRank, or any of sumy's algorithms.

Every ranker has one contract, `scores(texts) -> list[float]` (higher is more central),
and is found by name in RANKERS. `lexrank` is LexRank as sumy computes it (idf-modified
cosine of tf·idf vectors, a 0.1 threshold, the same power iteration), done with sparse
matrices so that thousands of sentences take milliseconds; `tests/test_rank.py` checks it
against sumy's own. sumy (and through it NLTK) is imported only when one of its
algorithms is chosen, with our offline tokenizer and stemmer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from .errors import StorylineError
from .model import Claim
from .sentences import STOP_WORDS, Tokenizer, stem, stems

DENSE_CELLS = 2_000_000  # sentences × vocabulary up to which dense arrays beat importing scipy
CORROBORATION = 0.5  # score × (1 + 0.5·log2(outlets)): two outlets ×1.5, four ×2


class Ranker(Protocol):
    """Anything that scores texts: higher is more central to the story."""

    def scores(self, texts: Sequence[str]) -> list[float]: ...


class LexRank:
    """Vectorised LexRank (Erkan & Radev 2004), numerically as sumy's LexRankSummarizer."""

    def __init__(self, threshold: float = 0.1, epsilon: float = 0.1, chunk: int = 4096) -> None:
        self.threshold = threshold
        self.epsilon = epsilon
        self.chunk = chunk

    def scores(self, texts: Sequence[str]) -> list[float]:
        n = len(texts)
        if n == 0:
            return []
        documents = [stems(t) for t in texts]
        if n * len({w for d in documents for w in d}) <= DENSE_CELLS:
            return self._dense(documents)
        return self._sparse(documents)

    def _dense(self, documents: list[list[str]]) -> list[float]:
        """The same computation with dense numpy arrays: small inputs, no scipy import."""
        import numpy as np

        vocab: dict[str, int] = {}
        tf = np.zeros((len(documents), len({w for d in documents for w in d})))
        for i, doc in enumerate(documents):
            for term in doc:
                tf[i, vocab.setdefault(term, len(vocab))] += 1
        tf /= np.maximum(tf.max(axis=1, keepdims=True), 1)
        idf = np.log(len(documents) / (1.0 + (tf > 0).sum(axis=0)))
        vectors = tf * idf
        norms = np.linalg.norm(vectors, axis=1)
        unit = vectors / np.where(norms > 0, norms, 1.0)[:, None]
        adjacency = (unit @ unit.T > self.threshold).astype(np.float64)
        degrees = adjacency.sum(axis=1)
        degrees[degrees == 0] = 1
        return self._power((adjacency / degrees[:, None]).T)

    def _power(self, transition_t) -> list[float]:  # type: ignore[no-untyped-def]
        """sumy's power iteration: L2-normalised steps until they move less than epsilon."""
        import numpy as np

        n = transition_t.shape[0]
        p = np.full(n, 1.0 / n)
        change = 1.0
        while change > self.epsilon:
            nxt = transition_t @ p
            nxt /= np.linalg.norm(nxt) or 1.0
            change = float(np.linalg.norm(nxt - p))
            p = nxt
        return p.tolist()

    def _sparse(self, documents: list[list[str]]) -> list[float]:
        """Sparse tf-idf and a thresholded similarity graph built in row blocks: big inputs."""
        import numpy as np
        from scipy import sparse

        n = len(documents)
        vectors = _tfidf(documents)
        norms = np.sqrt(np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel())
        safe = np.where(norms > 0, norms, 1.0)
        unit = sparse.diags(1.0 / safe) @ vectors
        transposed = unit.T.tocsr()
        blocks = []
        for start in range(0, n, self.chunk):  # keep only the thresholded edges of each block
            cosine = (unit[start:start + self.chunk] @ transposed).tocsr()
            cosine.data = (cosine.data > self.threshold).astype(np.float64)
            cosine.eliminate_zeros()
            blocks.append(cosine)
        adjacency = sparse.vstack(blocks).tocsr()
        degrees = np.asarray(adjacency.sum(axis=1)).ravel()
        degrees[degrees == 0] = 1
        return self._power((sparse.diags(1.0 / degrees) @ adjacency).T.tocsr())


def _tfidf(documents: list[list[str]]):  # type: ignore[no-untyped-def]
    """Sparse tf·idf rows as sumy's LexRank builds them: tf / max tf, idf = log(N / (1 + df))."""
    import numpy as np
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, doc in enumerate(documents):
        counts: dict[int, int] = {}
        for term in doc:
            j = vocab.setdefault(term, len(vocab))
            counts[j] = counts.get(j, 0) + 1
        top = max(counts.values(), default=1)
        for j, c in counts.items():
            rows.append(i)
            cols.append(j)
            vals.append(c / top)
    tf = sparse.csr_matrix((vals, (rows, cols)), shape=(len(documents), max(len(vocab), 1)))
    df = np.bincount(cols, minlength=tf.shape[1])
    idf = np.log(len(documents) / (1.0 + df))
    return tf @ sparse.diags(idf)


class SumyRanker:
    """One of sumy's summarizers, fed our sentences, tokenizer and stemmer, its ratings captured."""

    def __init__(self, class_name: str, module: str) -> None:
        self.class_name = class_name
        self.module = module

    def scores(self, texts: Sequence[str]) -> list[float]:
        import importlib

        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        tokenizer = Tokenizer()
        sentences = [Sentence(t, tokenizer) for t in texts]
        document = ObjectDocumentModel([Paragraph([s]) for s in sentences])
        summarizer = getattr(importlib.import_module(f"sumy.summarizers.{self.module}"), self.class_name)(stem)
        summarizer.stop_words = STOP_WORDS
        captured: dict[object, float] = {}

        def capture(found, count, rating, *args, **kwargs):  # type: ignore[no-untyped-def]
            for s in found:
                captured[id(s)] = float(rating[s] if isinstance(rating, dict) else rating(s, *args, **kwargs))
            return ()

        summarizer._get_best_sentences = capture  # sumy has no public per-sentence scores (sumy #154)
        summarizer(document, len(sentences))
        return [captured.get(id(s), 0.0) for s in sentences]


RANKERS: dict[str, Ranker] = {
    "lexrank": LexRank(),
    "lexrank-sumy": SumyRanker("LexRankSummarizer", "lex_rank"),
    "textrank": SumyRanker("TextRankSummarizer", "text_rank"),
    "lsa": SumyRanker("LsaSummarizer", "lsa"),
    "luhn": SumyRanker("LuhnSummarizer", "luhn"),
    "kl": SumyRanker("KLSummarizer", "kl"),
    "sumbasic": SumyRanker("SumBasicSummarizer", "sum_basic"),
    "reduction": SumyRanker("ReductionSummarizer", "reduction"),
}


def get_ranker(name: str) -> Ranker:
    """The ranker registered under `name`."""
    try:
        return RANKERS[name]
    except KeyError:
        raise StorylineError(f"unknown algorithm {name!r} (choose from {', '.join(RANKERS)})") from None


def rank_claims(claims: Sequence[Claim], algorithm: str = "lexrank") -> tuple[Claim, ...]:
    """Claims with `score` set, 0–1 before corroboration.

    The ranker scores every member sentence, so a sentence five outlets retell weighs five
    times in the similarity graph (multi-document centrality); a claim takes its best
    member's score, normalised by the best of all, times its corroboration.
    """
    members = [m for c in claims for m in c.members]
    raw = get_ranker(algorithm).scores([m.text for m in members]) if members else []
    low = min(raw, default=0.0)
    by_member = {(m.article, m.index): r - low for m, r in zip(members, raw)}
    best = [max(by_member[(m.article, m.index)] for m in c.members) for c in claims]
    top = max(best, default=0.0) or 1.0
    return tuple(replace(c, score=(b / top) * corroboration(c)) for c, b in zip(claims, best))


def corroboration(claim: Claim) -> float:
    """How much more a claim counts for being carried by several outlets."""
    return 1.0 + CORROBORATION * math.log2(len(claim.sources))
