"""Which articles are independent sources: corroboration counts outlets, not copies.

A story's articles are often revisions of one wire story or one outlet's updates of its own
piece. Articles of the same outlet are one source, and so are articles whose bodies are
near-duplicates (most of their five-word shingles shared), whatever outlet they carry, since an
unknown outlet can only be told apart by what it wrote.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .model import Article
from .partition import Partition
from .sentences import words

SHINGLE = 5  # words per shingle
REVISION = 0.5  # share of the smaller article's shingles that makes two articles one source
COMMON = 50  # a shingle in more articles than this is boilerplate, not evidence of copying


def independent_sources(articles: Sequence[Article]) -> dict[int, int]:
    """Article id -> the id of the first article of its source (same outlet, or a near-copy)."""
    partition = Partition(len(articles))
    first_of_outlet: dict[str, int] = {}
    for k, article in enumerate(articles):
        if article.outlet:
            partition.join(first_of_outlet.setdefault(article.outlet.lower(), k), k)
    shingles = [_shingles(a.text) for a in articles]
    holders: dict[int, list[int]] = {}
    for k, own in enumerate(shingles):
        for s in own:
            holders.setdefault(s, []).append(k)
    shared: Counter[tuple[int, int]] = Counter()
    for group in holders.values():
        if 1 < len(group) <= COMMON:
            shared.update((a, b) for i, a in enumerate(group) for b in group[i + 1:])
    for (a, b), n in shared.items():
        if n >= REVISION * min(len(shingles[a]), len(shingles[b])):
            partition.join(a, b)
    return {a.id: articles[partition.find(k)].id for k, a in enumerate(articles)}


def _shingles(text: str) -> set[int]:
    tokens = [w.lower() for w in words(text)]
    return {hash(tuple(tokens[i:i + SHINGLE])) for i in range(max(len(tokens) - SHINGLE + 1, 0))}
