"""The claims' words, tokenised and stemmed once, as integer arrays: what ranking (content stems,
rank/rankers.py) and the summary (stems and stem bigrams, summary/coverage.py) both read.

A story of 12,000 articles has 340k claims and 9M tokens: stemming them token by token in Python,
once for the ranking and again for the summary, was a fifth of `summarize`. Here each distinct word
is stemmed once, and every token is the index of its word.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import count
from typing import TYPE_CHECKING

from storyline.summarize.text.sentences import STOP_WORDS, _stemmer, words

if TYPE_CHECKING:  # numpy is imported where it is used
    import numpy as np
    from numpy.typing import NDArray


@dataclass(frozen=True)
class Terms:
    """Every token of some texts, in order (as `stems` reads them, lower-cased), as the index of its
    word; each word's stem, and whether it is a stop word or a single character."""

    tokens: NDArray[np.int32]  # per token: its word
    starts: NDArray[np.int64]  # text k's tokens are tokens[starts[k]:starts[k + 1]]
    stem_of: NDArray[np.int64]  # per word: its stem's index in `stems`
    stop: NDArray[np.bool_]  # per word
    short: NDArray[np.bool_]  # per word: one character (no concept of its own)
    stems: list[str]  # the distinct stems

    def text_of(self) -> NDArray[np.int64]:
        """Per token: the index of its text."""
        import numpy as np

        return np.repeat(np.arange(len(self.starts) - 1), np.diff(self.starts))


# Texts are tokenised a batch at a time, joined by a word no text has alone, whose tokens then mark
# where each text ends (one findall, one lower and one split a batch, not one a text).
BATCH = 4096
_END = "\ua66e"  # a letter, so a token of its own between spaces; texts have it alone in no known script


@lru_cache(maxsize=1)
def terms_of(texts: tuple[str, ...]) -> Terms:
    """The terms of `texts`, remembered for the last texts asked: the summary reads the terms the
    ranking of the same claims made."""
    import numpy as np

    number: defaultdict[str, int] = defaultdict(count().__next__)  # a word's index, given on first sight
    end = number[_END]
    parts, lengths = [], [np.zeros(1, dtype=np.int64)]
    for start in range(0, len(texts), BATCH):
        batch = texts[start:start + BATCH]
        # lowered joined and split again: str.lower of each token, in C (a token holds no space)
        lowered = " ".join(words(f" {_END} ".join(batch) + f" {_END}")).lower().split()
        found = np.fromiter(map(number.__getitem__, lowered), dtype=np.int32, count=len(lowered))
        ends = np.flatnonzero(found == end)
        if len(ends) == len(batch):
            lengths.append(np.diff(ends, prepend=-1) - 1)
            parts.append(found[found != end])
        else:  # a text has the marker as a word of its own: this batch text by text
            each = [[number[w] for w in " ".join(words(t)).lower().split()] for t in batch]
            lengths.append(np.array([len(e) for e in each], dtype=np.int64))
            parts.append(np.array([i for e in each for i in e], dtype=np.int32))
    distinct = list(number)
    stem_number: defaultdict[str, int] = defaultdict(count().__next__)
    stem_of = np.fromiter(map(stem_number.__getitem__, _stemmer().stemWords(distinct)), dtype=np.int64,
                          count=len(distinct))
    return Terms(np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32), np.cumsum(np.concatenate(lengths)),
                 stem_of, np.fromiter((w in STOP_WORDS for w in distinct), dtype=bool, count=len(distinct)),
                 np.fromiter((len(w) <= 1 for w in distinct), dtype=bool, count=len(distinct)), list(stem_number))
