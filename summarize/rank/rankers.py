"""Rank sentences (or claims) by salience: our vectorised LexRank, or any of sumy's algorithms.

Every ranker has one contract, `scores(texts) -> list[float]` (higher is more central),
and is found by name in RANKERS. `lexrank` is LexRank as sumy computes it (idf-modified
cosine of tf·idf vectors, a 0.1 threshold, the same power iteration), done with numpy
(dense arrays for small inputs, scipy sparse ones for big) so that thousands of sentences
take milliseconds; `tests/test_rank.py` checks it
against sumy's own. sumy (and through it NLTK) is imported only when one of its
algorithms is chosen, with our offline tokenizer and stemmer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from storyline.summarize.arrays import firsts
from storyline.summarize.errors import StorylineError
from storyline.summarize.model import Claim
from storyline.summarize.claims.paraphrase import paraphrase_groups
from storyline.summarize.claims.terms import Terms, terms_of
from storyline.summarize.text.sentences import STOP_WORDS, Tokenizer, stem, stems

if TYPE_CHECKING:  # numpy is imported where it is used: a cold `storyline --help` does not pay for it
    import numpy as np
    from numpy.typing import NDArray

DENSE_CELLS = 2_000_000  # sentences × vocabulary up to which dense arrays beat importing scipy
# Distinct member sentences up to which `lexrank` is sumy's thresholded graph over every member (its
# edges grow as n²: 44k real sentences take 450 MB); past it, continuous LexRank over the claims.
GRAPH_UP_TO = 20_000
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
        """One score per text. Texts with the same bag of stems are one node carrying their count:
        every copy has the same row in sumy's graph and the same score, so the result is sumy's
        to rounding while the graph holds distinct bags only (a story retold by a thousand copies
        costs one node, not a thousand)."""
        import numpy as np

        if not texts:
            return []
        node_of: dict[tuple[tuple[str, int], ...], int] = {}
        documents: list[list[str]] = []
        nodes: list[int] = []
        for text in texts:
            terms = stems(text)
            key = tuple(sorted(Counter(terms).items()))
            if key not in node_of:
                node_of[key] = len(documents)
                documents.append(terms)
            nodes.append(node_of[key])
        copies = np.bincount(nodes).astype(np.float64)
        rows, cols, tf, size = _tf_entries(documents)
        idf = _idf(rows, cols, copies, len(texts), size)
        shape = (len(documents), size)
        compute = self._dense if len(documents) * size <= DENSE_CELLS else self._sparse
        by_node = compute(rows, cols, tf, idf, copies, shape)
        return [by_node[node] for node in nodes]

    def _dense(self, rows: list[int], cols: list[int], tf: list[float], idf: NDArray[np.float64],
               copies: NDArray[np.float64], shape: tuple[int, int]) -> list[float]:
        """The computation with dense numpy arrays: small inputs, no scipy import."""
        import numpy as np

        vectors = np.zeros(shape)
        vectors[rows, cols] = tf
        vectors *= idf
        norms = np.linalg.norm(vectors, axis=1)
        unit = vectors / np.where(norms > 0, norms, 1.0)[:, None]
        adjacency = (unit @ unit.T > self.threshold).astype(np.float64)
        degrees = adjacency @ copies  # a sentence's degree counts every copy of its neighbours
        degrees[degrees == 0] = 1
        return self._power((adjacency * (copies / degrees)[:, None]).T, copies)

    def _power(self, transition_t: Any, copies: NDArray[np.float64]) -> list[float]:
        """sumy's power iteration over all sentences, done on distinct nodes weighted by their copies:
        L2-normalised steps until they move less than epsilon."""
        import numpy as np

        p = np.full(transition_t.shape[0], 1.0 / copies.sum())
        change = 1.0
        while change > self.epsilon:
            nxt = transition_t @ p
            nxt /= math.sqrt(float(copies @ (nxt * nxt))) or 1.0
            change = math.sqrt(float(copies @ ((nxt - p) ** 2)))
            p = nxt
        return [float(x) for x in np.asarray(p).ravel()]

    def _sparse(self, rows: list[int], cols: list[int], tf: list[float], idf: NDArray[np.float64],
                copies: NDArray[np.float64], shape: tuple[int, int]) -> list[float]:
        """The computation with sparse matrices, the similarity graph built in row blocks: big inputs."""
        import numpy as np
        from scipy import sparse

        vectors = sparse.csr_matrix((tf, (rows, cols)), shape=shape) @ sparse.diags(idf)
        norms = np.sqrt(np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel())
        unit = sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ vectors
        transposed = unit.T.tocsr()
        blocks = []
        for start in range(0, shape[0], self.chunk):  # keep only the thresholded edges of each block
            cosine = (unit[start:start + self.chunk] @ transposed).tocsr()
            cosine.data = (cosine.data > self.threshold).astype(np.float64)
            cosine.eliminate_zeros()
            blocks.append(cosine)
        adjacency = sparse.vstack(blocks).tocsr()
        degrees = np.asarray(adjacency @ copies).ravel()
        degrees[degrees == 0] = 1
        return self._power((sparse.diags(copies / degrees) @ adjacency).T.tocsr(), copies)


class ContinuousLexRank:
    """Continuous LexRank (Erkan & Radev 2004, eq. 5) over weighted nodes, for inputs too big for the
    graph: the transition is the row-normalised cosine matrix C = U·Uᵀ of unit tf·idf rows U, so each
    step `p ← d/N + (1−d)·U(Uᵀ(c·p/deg))` costs the non-zeros of U, never the n×n graph. A node of
    weight c stands for c sentences (a claim and its members), as the identical-bag merge does."""

    damping, tolerance, max_steps = 0.15, 1e-9, 200

    def scores(self, texts: Sequence[str], weights: Sequence[float] | None = None) -> list[float]:
        """One score per text, as the score of each of the `weights[i]` sentences it stands for."""
        import numpy as np
        from scipy import sparse

        if not texts:
            return []
        copies = np.asarray(weights if weights is not None else [1.0] * len(texts), dtype=np.float64)
        rows, cols, tf, size = _tf_arrays(terms_of(tuple(texts)))
        total = float(copies.sum())
        idf = np.maximum(_idf(rows, cols, copies, total, size), 0.0)  # a word in every sentence: no weight
        vectors = sparse.csr_matrix((tf, (rows, cols)), shape=(len(texts), size)) @ sparse.diags(idf)
        norms = np.sqrt(np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel())
        unit = (sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ vectors).tocsr()
        unit_t = unit.T.tocsr()
        degree = unit @ (unit_t @ copies)  # Σ_j c_j·cos(i, j)
        degree[degree <= 0] = 1.0
        p = np.full(len(texts), 1.0 / total)
        for _ in range(self.max_steps):
            nxt = self.damping / total + (1.0 - self.damping) * (unit @ (unit_t @ (copies * p / degree)))
            moved = float(copies @ np.abs(nxt - p))
            p = nxt
            if moved < self.tolerance:
                break
        return [float(x) for x in p]


def _tf_entries(documents: list[list[str]]) -> tuple[list[int], list[int], list[float], int]:
    """Term frequencies as sumy's LexRank computes them (count / the sentence's top count),
    as (row, column, value) entries, plus the vocabulary size: what both array kinds are built from."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
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
    return rows, cols, vals, max(len(vocab), 1)


def _tf_arrays(terms: Terms) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64], int]:
    """`_tf_entries` of the texts' content stems (`stems` of each), from their terms as arrays: the
    same entries in the same order (columns numbered as the stems first appear, a row's entries as
    its stems do), so the same sums to the last bit."""
    import numpy as np

    content = ~terms.stop[terms.tokens]
    stem, row = terms.stem_of[terms.tokens][content], terms.text_of()[content]
    present, first, _ = firsts(stem)
    column = np.zeros(len(terms.stems), dtype=np.int64)
    column[present[np.argsort(first, kind="stable")]] = np.arange(len(present))
    width = max(len(present), 1)
    entry, at, counts = firsts(row * width + column[stem])
    order = np.argsort(at, kind="stable")  # by row, then as the row's stems first appear
    entry, counts = entry[order], counts[order]
    rows, cols = entry // width, entry % width
    top = np.zeros(len(terms.starts) - 1, dtype=np.int64)
    np.maximum.at(top, rows, counts)
    return rows, cols, counts / top[rows], width


def _idf(rows: Sequence[int] | NDArray[np.int64], cols: Sequence[int] | NDArray[np.int64], copies: NDArray[np.float64], sentences: float,
         size: int) -> NDArray[np.float64]:
    """sumy's idf, log(N / (1 + df)) per vocabulary column, each node counted as its copies."""
    import numpy as np

    df = np.bincount(np.asarray(cols, dtype=np.int64), weights=copies[np.asarray(rows, dtype=np.int64)],
                     minlength=size)
    idf: NDArray[np.float64] = np.log(sentences / (1.0 + df))
    return idf


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

        def capture(found: Sequence[object], count: object, rating: Any, *args: Any, **kwargs: Any) -> tuple[()]:
            for s in found:
                captured[id(s)] = float(rating[s] if isinstance(rating, dict) else rating(s, *args, **kwargs))
            return ()

        summarizer._get_best_sentences = capture  # sumy has no public per-sentence scores (sumy #154)
        summarizer(document, len(sentences))
        return [captured.get(id(s), 0.0) for s in sentences]


class TextRank:
    """sumy's TextRankSummarizer (Mihalcea & Tarau 2004), vectorised: the same scores.

    An edge is the count of words two sentences share (stop words out, stems, with repeats) over
    the sum of the logs of their lengths; rows are normalised and PageRank's damping applied by
    power iteration, all as sumy does, but with sparse matrices: sumy fills its matrix pair by pair
    in Python (2 s for 500 sentences, quadratic beyond).
    """

    module, class_name = "text_rank", "TextRankSummarizer"  # the sumy algorithm it reproduces (tests compare)
    damping, epsilon, tiny = 0.85, 1e-4, 1e-7  # sumy's constants

    def scores(self, texts: Sequence[str]) -> list[float]:
        import numpy as np
        from scipy.sparse import coo_matrix, csr_matrix, diags

        if not texts:
            return []
        tokenizer = Tokenizer()
        documents = [[stem(w.lower()) for w in tokenizer.to_words(t) if w.lower() not in STOP_WORDS] for t in texts]
        vocabulary: dict[str, int] = {}
        rows = [i for i, d in enumerate(documents) for _ in d]
        cols = [vocabulary.setdefault(w, len(vocabulary)) for d in documents for w in d]
        n = len(texts)
        words = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, max(len(vocabulary), 1)))  # counts
        shared = coo_matrix(words @ words.T)
        logs = np.log(np.maximum([len(d) for d in documents], 1))
        norm = logs[shared.row] + logs[shared.col]
        single = np.isclose(norm, 0.0)  # two one-word sentences: sumy takes the count as it is
        values = np.where(single, shared.data, shared.data / np.where(single, 1.0, norm))
        weights = csr_matrix((values, (shared.row, shared.col)), shape=(n, n))
        weights = diags(1.0 / (np.asarray(weights.sum(axis=1)).ravel() + self.tiny)) @ weights
        transposed = weights.T.tocsr()
        p = np.full(n, 1.0 / n)
        change = 1.0
        while change > self.epsilon:
            nxt = (1.0 - self.damping) / n * p.sum() + self.damping * (transposed @ p)
            change = float(np.linalg.norm(nxt - p))
            p = nxt
        return [float(x) for x in p]


class KLSum:
    """sumy's KLSummarizer (Haghighi & Vanderwende 2009), vectorised: the same greedy choice.

    Each round adds the sentence whose words, joined with the summary's, diverge least from
    the document's word distribution. sumy recomputes every sentence's divergence from scratch
    in Python (minutes for 500 sentences); here a round is a pass over the sentences' nonzero
    counts, since only a sentence's own words change its divergence from the summary's. Words
    are taken exactly as sumy 0.13 takes them (content words lower-cased then stop-filtered,
    the document's stop-filtered then lower-cased, the summary's as written). After
    MAX_ROUNDS rounds the rest share the lowest score: no summary reaches that far.
    """

    module, class_name = "kl", "KLSummarizer"  # the sumy algorithm it reproduces (tests compare)
    MAX_ROUNDS = 2000

    def scores(self, texts: Sequence[str]) -> list[float]:
        import numpy as np

        tokens = [Tokenizer().to_words(t.strip()) for t in texts]
        content = [[w.lower() for w in ws if w.lower() not in STOP_WORDS] for ws in tokens]
        document = [w.lower() for ws in tokens for w in ws if w not in STOP_WORDS]
        if not texts:
            return []
        vocabulary: dict[str, int] = {}
        for ws in (*content, *tokens, document):
            for w in ws:
                vocabulary.setdefault(w, len(vocabulary))
        counts = Counter(document)
        docf = np.zeros(len(vocabulary))
        for w, n in counts.items():
            docf[vocabulary[w]] = n / len(document)
        rows = np.repeat(np.arange(len(texts)), [len(ws) for ws in content])
        cols = np.fromiter((vocabulary[w] for ws in content for w in ws), dtype=np.intp, count=len(rows))
        pairs, entry_counts = np.unique(np.stack([rows, cols]), axis=1, return_counts=True) if len(rows) else (
            np.zeros((2, 0), dtype=np.intp), np.zeros(0))
        row, col = pairs
        keep = docf[col] > 0  # sumy sums only over words the document distribution has
        row, col, c = row[keep], col[keep], entry_counts[keep].astype(float)
        f = docf[col]
        own_lengths = np.array([len(ws) for ws in content], dtype=float)
        summary = np.zeros(len(vocabulary))
        summary_length = 0
        remaining = np.ones(len(texts), dtype=bool)
        ratings: dict[str, int] = {}
        for _ in range(min(len(texts), self.MAX_ROUNDS)):
            in_summary = (summary > 0) & (docf > 0)
            base = float(np.sum(docf[in_summary] * (np.log(docf[in_summary]) - np.log(summary[in_summary]))))
            mass = float(np.sum(docf[in_summary]))
            shared = summary[col] > 0
            delta = np.where(shared, -f * np.log((c + summary[col]) / np.where(shared, summary[col], 1.0)),
                             f * (np.log(f) - np.log(c)))
            extra = np.where(shared, 0.0, f)
            kl_terms = np.bincount(row, weights=delta, minlength=len(texts))
            kl_mass = np.bincount(row, weights=extra, minlength=len(texts))
            lengths = own_lengths + summary_length
            with np.errstate(divide="ignore", invalid="ignore"):
                kl = np.where(lengths > 0, base + kl_terms + np.log(lengths) * (mass + kl_mass), 0.0)
            kl[~remaining] = np.inf
            best = int(np.argmin(kl))
            remaining[best] = False
            for w in tokens[best]:
                summary[vocabulary[w]] += 1
            summary_length += len(tokens[best])
            ratings[texts[best].strip()] = -len(ratings)  # sumy keys ratings by sentence text
        floor = -float(len(texts))
        return [float(ratings.get(t.strip(), floor)) for t in texts]


# sumy's own LexRank: the reference `lexrank` is tested against and benches compare with. Not a
# choice for users: it is the same ranking, 30 times slower.
SUMY_LEXRANK = SumyRanker("LexRankSummarizer", "lex_rank")

RANKERS: dict[str, Ranker] = {
    "lexrank": LexRank(),
    "textrank": TextRank(),
    "lsa": SumyRanker("LsaSummarizer", "lsa"),
    "luhn": SumyRanker("LuhnSummarizer", "luhn"),
    "kl": KLSum(),
    "sumbasic": SumyRanker("SumBasicSummarizer", "sum_basic"),
    "reduction": SumyRanker("ReductionSummarizer", "reduction"),
}


def get_ranker(name: str) -> Ranker:
    """The ranker registered under `name`."""
    try:
        return RANKERS[name]
    except KeyError:
        raise StorylineError(f"unknown algorithm {name!r} (choose from {', '.join(RANKERS)})") from None


def rank_claims(claims: Sequence[Claim], algorithm: str = "lexrank",
                source_of: dict[int, int] | None = None) -> tuple[Claim, ...]:
    """Claims with `score` set, 0–1 before corroboration.

    The ranker scores every member sentence, so a sentence five outlets retell weighs five
    times in the similarity graph (multi-document centrality); a claim takes its best
    member's score, normalised by the best of all, times its corroboration by independent
    sources (`source_of`: article -> its source, see summarize/independent.py). `lexrank` over
    more than GRAPH_UP_TO distinct member sentences ranks the claims instead, each weighted by its
    members, by continuous LexRank (`ContinuousLexRank`: time and memory linear in the text).
    """
    members = [m for c in claims for m in c.members]
    if algorithm == "lexrank" and len({m.text for m in members}) > GRAPH_UP_TO:
        raw = ContinuousLexRank().scores([c.text for c in claims], [len(c.members) for c in claims])
        low = min(raw, default=0.0)
        best = [r - low for r in raw]
    else:
        raw = get_ranker(algorithm).scores([m.text for m in members]) if members else []
        low = min(raw, default=0.0)
        by_member = {(m.article, m.index): r - low for m, r in zip(members, raw)}
        best = [max(by_member[(m.article, m.index)] for m in c.members) for c in claims]
    top = max(best, default=0.0) or 1.0
    # a claim told in other words by other outlets is corroborated by them too
    carriers = [set(c.sources) for c in claims]
    for group in paraphrase_groups(claims, best):
        told = set().union(*(carriers[i] for i in group))
        for i in group:
            carriers[i] = told
    return tuple(replace(c, score=(b / top) * corroboration(c, source_of, carriers[i]))
                 for i, (c, b) in enumerate(zip(claims, best)))


def corroboration(claim: Claim, source_of: dict[int, int] | None = None,
                  articles: Iterable[int] | None = None) -> float:
    """How much more a claim counts for being carried by several independent sources (the
    claim's own articles, or `articles` that tell it, its paraphrases' included)."""
    carried = claim.sources if articles is None else articles
    sources = {source_of.get(i, i) for i in carried} if source_of else set(carried)
    return corroboration_of(len(sources))


def corroboration_of(sources: int) -> float:
    """The weight of being told by `sources` independent sources: 1, then ×1.5 for two, ×2 for four."""
    return 1.0 + CORROBORATION * math.log2(sources)
