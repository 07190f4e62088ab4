"""Which articles are independent sources: corroboration counts outlets, not copies.

A story's articles are often revisions of one wire story or one outlet's updates of its own
piece. Articles of the same outlet are one source, and so are articles whose bodies are
near-duplicates (most of their five-word shingles shared), whatever outlet they carry, since an
unknown outlet can only be told apart by what it wrote.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.summarize.model import Article
from storyline.summarize.partition import Partition
from storyline.summarize.text.sentences import words

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

SHINGLE = 5  # words per shingle
SAMPLE = 8  # in a big story one shingle in eight (by hash) is kept: memory is an eighth
SAMPLE_ABOVE = 2_000_000  # words in the story above which shingles are sampled
REVISION = 0.5  # share of the smaller article's shingles that makes two articles one source
COMMON = 50  # a shingle in more articles than this is boilerplate, not evidence of copying
MIN_SHINGLES = 5  # sampled shingles below which an article is too short to be judged a copy


def independent_sources(articles: Sequence[Article]) -> dict[int, int]:
    """Article id -> the id of the first article of its source (same outlet, or a near-copy)."""
    import numpy as np

    partition = Partition(len(articles))
    first_of_outlet: dict[str, int] = {}
    for k, article in enumerate(articles):
        if article.outlet:
            partition.join(first_of_outlet.setdefault(article.outlet.lower(), k), k)
    codes: dict[str, int] = {}  # each distinct word hashed once (crc32: the same in every run)

    def code(word: str) -> int:
        found = codes.get(word)
        if found is None:
            found = codes[word] = zlib.crc32(word.encode())
        return found

    tokens = [np.array([code(t.lower()) for t in words(a.text)], dtype=np.uint64) for a in articles]
    sample = SAMPLE if sum(len(t) for t in tokens) > SAMPLE_ABOVE else 1  # the same rule for every article
    shingles = [_shingles(t, sample) for t in tokens]
    sizes = np.array([len(s) for s in shingles])
    if sizes.sum():
        hashes = np.concatenate(shingles)
        owners = np.repeat(np.arange(len(articles)), sizes)
        order = np.argsort(hashes, kind="stable")
        hashes, owners = hashes[order], owners[order]
        _, starts, counts = np.unique(hashes, return_index=True, return_counts=True)
        shared: Counter[tuple[int, int]] = Counter()
        useful = (counts > 1) & (counts <= COMMON)
        for start, count in zip(starts[useful].tolist(), counts[useful].tolist()):
            group = owners[start:start + count].tolist()
            shared.update((a, b) for i, a in enumerate(group) for b in group[i + 1:] if a != b)
        for (a, b), n in shared.items():
            smaller = min(sizes[a], sizes[b])
            if smaller >= MIN_SHINGLES and n >= REVISION * smaller:
                partition.join(a, b)
    return {a.id: articles[partition.find(k)].id for k, a in enumerate(articles)}


def _shingles(tokens: NDArray[np.uint64], sample: int) -> NDArray[np.uint64]:
    """Hashes of the five-word shingles of a text's word codes, one in `sample` kept (the same
    ones in every text, since the hash decides)."""
    import numpy as np

    if len(tokens) < SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    combined = np.zeros(len(tokens) - SHINGLE + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(SHINGLE):  # a polynomial hash of the window, wrapping at 2**64
            combined = combined * np.uint64(1_000_003) + tokens[k:len(tokens) - SHINGLE + 1 + k]
    return np.unique(combined[combined % np.uint64(sample) == 0])
