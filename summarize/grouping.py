"""Two-level clustering of article vectors: developments (events), then stories (topics).

Both levels compare a thing with a group by *average link*: the mean cosine of it with the group's
members, computed from the sum of the members' unit vectors (sum . x / n), so a group that
spreads over unrelated articles gets less alike to each of them instead of drawing them in
(a centroid renormalised after each join drifts and chains: issue 24's 661-article blob).

1. Developments: articles in publication order join the most alike development that was active
   within DEV_WINDOW days (mean cosine >= DEV_SIMILAR), else start one.
2. Stories: developments, largest first, join the most alike story (mean cosine >= STORY_SIMILAR),
   else start one; stories then merge while two are alike by the same score, most alike first;
   a story of one or two articles finally joins its most alike story if it is half as alike.
Candidates come from an inverted index on each group's heaviest terms, walked for at most
CANDIDATES groups, so both passes are close to linear in the number of articles.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from datetime import date
from itertools import repeat
from operator import mul

Vector = dict[str, float]

DEV_SIMILAR = 0.25  # mean cosine of an article to a development's articles for it to join
DEV_WINDOW = 21  # days after a development's last article that it takes new ones
STORY_SIMILAR = 0.08  # mean cosine between two groups' articles for them to be one story
JOIN_SIMILAR = 0.12  # the same, for a development to join a story in the first pass
STRAY = 3  # a story of fewer articles joins its most alike story at half the similarity
SUM_TERMS = 300  # a group's summed vector keeps its heaviest terms (up to twice as many between trims)
KEY_TERMS = 12  # the terms of a group that index it and that find its candidates
CANDIDATES = 200  # groups compared at most per lookup
QUERY_TERMS = SUM_TERMS  # terms of a group scored against another: all it keeps (100 cost 0.01 ARI on the Entities feed)


class Groups:
    """Groups of items as summed unit vectors with an inverted index on their heaviest terms."""

    def __init__(self) -> None:
        self.sums: list[Vector] = []
        self.sizes: list[int] = []
        self.members: list[list[int]] = []
        self.index: dict[str, dict[int, None]] = {}  # term -> groups holding it, most recently updated last

    def add(self, vector: Vector, size: int, members: list[int]) -> int:
        self.sums.append({})
        self.sizes.append(0)
        self.members.append([])
        g = len(self.sums) - 1
        self.absorb(g, vector, size, members)
        return g

    def absorb(self, g: int, vector: Vector, size: int, members: list[int]) -> None:
        merged = self.sums[g]
        for t, w in vector.items():
            merged[t] = merged.get(t, 0.0) + w
        if len(merged) > 2 * SUM_TERMS:  # trimmed now and then, not at every join
            self.sums[g] = _heaviest(merged, SUM_TERMS)
        self.sizes[g] += size
        self.members[g].extend(members)
        for t in _key_terms(self.sums[g]):
            holders = self.index.setdefault(t, {})
            holders.pop(g, None)
            holders[g] = None

    def candidates(self, vector: Vector, alive: set[int] | None = None) -> list[int]:
        """Groups sharing one of `vector`'s key terms, the most recently updated first, at most CANDIDATES."""
        found: dict[int, None] = {}
        for t in _key_terms(vector):
            for g in reversed(self.index.get(t, {})):
                if alive is None or g in alive:
                    found[g] = None
                    if len(found) >= CANDIDATES:
                        return list(found)
        return list(found)

    def mean_cosine(self, g: int, query: Query, size: int) -> float:
        """The mean cosine between group g's items and the `size` items summed in `query`."""
        terms, weights = query
        return float(sum(map(mul, weights, map(self.sums[g].get, terms, repeat(0.0))))) / (self.sizes[g] * size)


Query = tuple[list[str], list[float]]


def query(vector: Vector) -> Query:
    """A vector's QUERY_TERMS heaviest terms, for scoring (the light tail changes a score little)."""
    top = _top(vector, QUERY_TERMS)
    return top, [vector[t] for t in top]


def _key_terms(vector: Vector) -> list[str]:
    return _top(vector, KEY_TERMS)


def _heaviest(vector: Vector, n: int) -> Vector:
    return {t: vector[t] for t in _top(vector, n)}


def _top(vector: Vector, n: int) -> list[str]:
    """The n heaviest terms, heaviest first (ties in insertion order, so runs repeat exactly)."""
    return heapq.nlargest(n, vector, key=vector.__getitem__)


def developments(vectors: Sequence[Vector], days: Sequence[date | None]) -> list[list[int]]:
    """Event-level groups: articles by publication day, each into the most alike recent development."""
    groups = Groups()
    last: list[date | None] = []
    for i in sorted(range(len(vectors)), key=lambda i: (days[i] or date.max, i)):
        vector, day = vectors[i], days[i]
        best, best_score, asked = -1, DEV_SIMILAR, query(vector)
        for g in groups.candidates(vector):
            previous = last[g]
            if day and previous and (day - previous).days > DEV_WINDOW:
                continue
            score = groups.mean_cosine(g, asked, 1)
            if score > best_score or (score == best_score and g < best):
                best, best_score = g, score
        if best < 0:
            best = groups.add(vector, 1, [i])
            last.append(day)
        else:
            groups.absorb(best, vector, 1, [i])
            last[best] = max((d for d in (last[best], day) if d), default=None)
    return [sorted(m) for m in groups.members]


def stories(vectors: Sequence[Vector], parts: Sequence[list[int]]) -> list[list[int]]:
    """Topic-level groups of the developments `parts` (lists of article indices)."""
    sums = [_sum(vectors, part) for part in parts]
    groups = Groups()
    for d in sorted(range(len(parts)), key=lambda d: (-len(parts[d]), parts[d][0])):
        best, best_score, asked = -1, JOIN_SIMILAR, query(sums[d])
        for g in groups.candidates(sums[d]):
            score = groups.mean_cosine(g, asked, len(parts[d]))
            if score > best_score or (score == best_score and g < best):
                best, best_score = g, score
        if best < 0:
            groups.add(sums[d], len(parts[d]), list(parts[d]))
        else:
            groups.absorb(best, sums[d], len(parts[d]), list(parts[d]))
    _merge_alike(groups)
    _place_strays(groups)
    merged: dict[int, list[int]] = {}
    for g, members in enumerate(groups.members):
        if members:
            merged.setdefault(g, []).extend(members)
    return [sorted(m) for m in merged.values()]


def _sum(vectors: Sequence[Vector], part: list[int]) -> Vector:
    total: Vector = {}
    for i in part:
        for t, w in vectors[i].items():
            total[t] = total.get(t, 0.0) + w
    return _heaviest(total, SUM_TERMS)


def _merge_alike(groups: Groups) -> None:
    """Merge stories, most alike pair first, while a pair's mean cosine is at least STORY_SIMILAR."""
    alive = {g for g, size in enumerate(groups.sizes) if size}
    version = [0] * len(groups.sums)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(g: int) -> None:
        asked = query(groups.sums[g])
        for o in groups.candidates(groups.sums[g], alive):
            if o != g:
                score = groups.mean_cosine(o, asked, groups.sizes[g])
                if score >= STORY_SIMILAR:
                    lo, hi = min(g, o), max(g, o)
                    heapq.heappush(heap, (-score, lo, hi, version[lo], version[hi]))

    for g in sorted(alive):
        push(g)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in alive or b not in alive or (va, vb) != (version[a], version[b]):
            continue
        groups.absorb(a, groups.sums[b], groups.sizes[b], groups.members[b])
        groups.sums[b], groups.sizes[b], groups.members[b] = {}, 0, []
        alive.discard(b)
        version[a] += 1
        push(a)


def _place_strays(groups: Groups) -> None:
    """A story of one or two articles joins its most alike larger story at half STORY_SIMILAR."""
    alive = {g for g, size in enumerate(groups.sizes) if size >= STRAY}
    for g in [g for g, size in enumerate(groups.sizes) if 0 < size < STRAY]:
        asked = query(groups.sums[g])
        scored = [(groups.mean_cosine(o, asked, groups.sizes[g]), -o) for o in groups.candidates(groups.sums[g], alive)]
        if scored and max(scored)[0] >= STORY_SIMILAR / 2:
            target = -max(scored)[1]
            groups.members[target].extend(groups.members[g])
            groups.members[g] = []

