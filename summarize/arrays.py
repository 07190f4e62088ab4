"""np.unique by one sort: numpy 2's np.unique hashes integer arrays, 50-200 times slower than sorting
them (2M int64: 1.5 s against 0.03 s), and it sat under dedup, ranking and the summary."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy is imported where it is used
    from numpy.typing import NDArray


def distinct(values: NDArray[Any]) -> NDArray[Any]:
    """np.unique(values): the distinct values, sorted."""
    import numpy as np

    ordered = np.sort(values)
    if not len(ordered):
        return ordered
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


def firsts(values: NDArray[Any]) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any]]:
    """np.unique(values, return_index=True, return_counts=True): the distinct values (sorted), where
    each first occurs, how often it occurs."""
    import numpy as np

    order = np.argsort(values, kind="stable")
    ordered = values[order]
    opens = np.ones(len(values), dtype=bool)
    opens[1:] = ordered[1:] != ordered[:-1]
    starts = np.flatnonzero(opens)
    return ordered[starts], order[starts], np.diff(np.append(starts, len(values)))
