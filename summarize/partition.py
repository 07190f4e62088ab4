"""Disjoint sets (union-find): how near-duplicate sentences become claims and alike stories merge."""

from __future__ import annotations


class Partition:
    """Items 0 … n-1 in groups; `join` merges two groups, `find` names an item's group."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        """The group's representative: its smallest item (path halving keeps lookups short)."""
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        """One group from the groups of `a` and `b`, named by the smaller representative."""
        ra, rb = self.find(a), self.find(b)
        self.parent[max(ra, rb)] = min(ra, rb)
