"""Cluster near-duplicate sentences into claims, across and within articles.

Two sentences are one claim when their normalised texts are close (rapidfuzz: the higher
of `ratio` and `token_sort_ratio`, so reordered clauses still match) and they do not
disagree on a fact: both sides naming a number, a date word or a proper name the other
lacks. Small inputs score every pair; big ones block candidates by shared content words
(a sparse product, chunked), so only plausible pairs are scored; `exhaustive` forces either
way, for tests and the bench. Clusters are the connected components of the matching pairs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from storyline.summarize.dates import DAY_WORDS, MONTH_NAMES, WEEKDAY_NAMES
from storyline.summarize.model import Claim, Sentence, Variant
from storyline.summarize.partition import Partition
from storyline.summarize.text.sentences import STOP_WORDS, ascii_fold

if TYPE_CHECKING:  # numpy is imported where it is used
    import numpy as np
    from numpy.typing import NDArray

THRESHOLD = 75.0  # from labelled pairs in tests/test_dedup.py: paraphrases >= 76, look-alikes <= 69
SPELLING = 70.0  # two names this alike are one name spelt two ways ("Qaryatain", "Quaryatayn")
BLOCK_OVERLAP = 0.4  # share of the shorter sentence's content words a candidate pair must share
CHUNK = 2048
# A word of more sentences than COMMON is too common to block on by product (see _blocked_pairs):
# its sentences meet through keys, each compared with its WINDOW next; TINY: a sentence of this few
# blocking words meets others through one common word alone
COMMON, WINDOW, TINY = 200, 8, 3
PRODUCT_UP_TO = 20_000  # distinct sentences (~700 articles) up to which every word blocks by product, as before
ALL_PAIRS_UP_TO = 1500  # below this, all pairs (exact, no scipy import) beat blocking on a cold start
SHORT = 3  # a sentence with fewer content words than this is blocked on all its words
# A sentence found to differ in a fact from this many look-alikes ("On March 3, 12 were killed",
# "On March 4, 9 were killed", …) is not checked against more of them: a list of dated tolls
# would otherwise cost n² fact checks. Real duplicates still join through their other partners.
MAX_CONFLICTS = 64
# A form is scored against at most this many candidates (its blocked look-alikes, and then the
# pairs scored above threshold): 2,000 sentences that differ only in a number ("Officials said 12
# people were killed") would otherwise be 2,000² pairs, each checked in Python.
MAX_CANDIDATES = 32

_AGENCY = re.compile(r"\((?:AFP|AP|Reuters|Xinhua|dpa|ANI|IANS|PTI|UPI|Bloomberg)\)|,? (?:AFP|AP) reported", re.I)
_DIGIT_GROUP = re.compile(r"(?<=\d)[ ,.](?=\d{3}\b)")
_GROUPED = re.compile(r"\d[ ,.]\d{3}\b")  # found faster than _DIGIT_GROUP's look-behind can replace
# Letters and digits of any alphabet: folding "Aécio" to "a cio", or a Russian sentence to its
# digits, would make sentences about different people (or any two Russian ones) look alike.
_NON_WORD = re.compile(r"[\W_]+")
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|['-])*")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_YEAR_NUMBER = re.compile(r"(?:1[89]|20)\d\d")
_TIME_WORDS = frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES) | frozenset(DAY_WORDS)
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
hundred thousand million billion first second third""".split())


@dataclass(frozen=True)
class Prepared:
    """A sentence ready for matching: normalised text, content words and its facts."""

    norm: str
    words: frozenset[str]
    features: frozenset[str]  # what blocking compares: content words, or every word of a short sentence
    numbers: frozenset[str]
    times: frozenset[str]
    names: frozenset[str]


def _dates_in(lower: list[str]) -> frozenset[str]:
    """Numbers that are dates, not figures: a year, or a day beside its month ("March 1", "1 March")."""
    found = {w for w in lower if len(w) == 4 and w[0] in "12" and _YEAR_NUMBER.fullmatch(w)}  # most words are not tried
    for month, day in zip(lower, lower[1:]):
        if month in MONTH_NAMES and day.isdigit() and int(day) <= 31:
            found.add(f"{month} {day}")
        if day in MONTH_NAMES and month.isdigit() and int(month) <= 31:
            found.add(f"{day} {month}")
    return frozenset(found)


def _clean(text: str) -> str:
    """Agency tags and digit grouping removed, each pattern tried only where its words or digits are
    (a third of the time; an agency tag in odd case, "AP rePorted", is left, as matching cares little)."""
    if "(" in text or "eported" in text or "EPORTED" in text:
        text = _AGENCY.sub("", text)
    return _DIGIT_GROUP.sub("", text) if _GROUPED.search(text) else text


def _fold(cleaned: str) -> str:
    """The form matching compares: case and punctuation folded away (an ASCII text, most news, by
    a byte table in C: three times as fast as the pattern, the same form)."""
    return ascii_fold(cleaned) if cleaned.isascii() else _NON_WORD.sub(" ", cleaned.lower()).strip()


def _content_words(lower: list[str]) -> frozenset[str]:
    return frozenset(w for w in lower if w not in STOP_WORDS and len(w) > 1)


def _features(words: frozenset[str], lower: list[str]) -> frozenset[str]:
    """What blocking compares: the content words, or every word of a short sentence."""
    return words if len(words) >= SHORT else words | frozenset(lower)


def _lower_tokens(cleaned: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(cleaned)]


def _folded_tokens(norm: str, cleaned: str) -> list[str]:
    """`_lower_tokens(cleaned)`, from its `_fold`ed form `norm` when that is the same words: an ASCII
    text without the apostrophes, hyphens and underscores that join or split tokens (half of news
    sentences; split in C, twice as fast as the tokeniser)."""
    if cleaned.isascii() and "'" not in cleaned and "-" not in cleaned and "_" not in cleaned:
        return norm.split()
    return _lower_tokens(cleaned)


def prepare(text: str) -> Prepared:
    """Normalise for matching, and read the facts two alike sentences must agree on."""
    text = _clean(text)
    tokens = _TOKEN.findall(text)
    lower = [t.lower() for t in tokens]
    names = frozenset(w for t, w in zip(tokens[1:], lower[1:]) if t[0].isupper() and w not in STOP_WORDS
                      and w not in _TIME_WORDS)
    words = _content_words(lower)
    return Prepared(
        norm=_fold(text),
        words=words,
        features=_features(words, lower),
        numbers=frozenset(_NUMBER.findall(text)) | frozenset(w for w in lower if w in _NUMBER_WORDS),
        times=frozenset(w for w in lower if w in _TIME_WORDS) | _dates_in(lower),
        names=names,
    )


def similarity(a: Prepared, b: Prepared, cutoff: float = 0.0) -> float:
    """0–100: how alike two prepared sentences read (0 when below `cutoff`)."""
    best = fuzz.ratio(a.norm, b.norm, score_cutoff=cutoff)
    return max(best, fuzz.token_sort_ratio(a.norm, b.norm, score_cutoff=max(cutoff, best)))


def conflict(a: Prepared, b: Prepared) -> bool:
    """Whether two alike sentences still differ in a fact (each has one the other lacks)."""
    return bool(_both_sides(a.numbers, b.numbers)) or _other_conflict(a, b)


def figures_differ(a: Prepared, b: Prepared) -> bool:
    """Whether two alike sentences differ in a number only: one claim with variant figures."""
    return _both_sides(a.numbers, b.numbers) and not _other_conflict(a, b)


def _both_sides(x: frozenset[str], y: frozenset[str]) -> bool:
    return bool(x - y) and bool(y - x)


def _other_conflict(a: Prepared, b: Prepared) -> bool:
    """A date word, or a name not a spelling variant, that each side has and the other lacks."""
    if _both_sides(a.times, b.times):
        return True
    if not _both_sides(a.names, b.names):
        return False
    only_b = b.names - a.names
    return any(all(fuzz.ratio(x, y) < SPELLING for y in only_b) for x in a.names - b.names)


def same_claim(a: Prepared, b: Prepared, threshold: float = THRESHOLD) -> bool:
    """Whether two sentences tell the same claim."""
    return similarity(a, b, threshold) >= threshold and not conflict(a, b)


def cluster(texts: Sequence[str], threshold: float = THRESHOLD, exhaustive: bool | None = None) -> list[list[int]]:
    """Groups of indices of near-duplicate texts, each group sorted, groups by first member.

    Texts whose normalised forms are identical are one claim before any pair is scored (a
    story retold by many copies, or one line repeated, costs one comparison, not n²); the
    distinct forms are then matched. `exhaustive` forces all pairs (True) or blocking (False);
    by default small inputs use all pairs.
    """
    return match(texts, threshold, exhaustive).groups


@dataclass(frozen=True)
class Matches:
    """Near-duplicate groups of texts, and the pairs kept apart only because a figure differs."""

    groups: list[list[int]]  # indices of texts, each group sorted, groups by first member
    figure_pairs: list[tuple[int, int]]  # (text index, text index)


def match(texts: Sequence[str], threshold: float = THRESHOLD, exhaustive: bool | None = None,
          far: Far | None = None) -> Matches:
    """`cluster`, plus the pairs that differ only in their figures (what becomes a claim's variants);
    `far`: a helper's `far_pairs` of the same texts (see `_blocked_pairs`)."""
    norms, form_texts, form_of = _distinct_forms(texts)
    if exhaustive is None:  # few sentences: every pair is quick and exact, and spares importing scipy
        exhaustive = len(norms) <= ALL_PAIRS_UP_TO
    blocked = partial(_blocked_pairs, far=far)
    claims, figure_pairs = _join_alike(norms, form_texts, threshold, _all_pairs if exhaustive else blocked)
    first_text: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    for index, form in enumerate(form_of):
        first_text.setdefault(form, index)
        groups.setdefault(claims.find(form), []).append(index)
    return Matches(sorted(groups.values(), key=lambda g: g[0]),
                   [(first_text[a], first_text[b]) for a, b in figure_pairs])


def _distinct_forms(texts: Sequence[str]) -> tuple[list[str], list[str], list[int]]:
    """The distinct normalised forms, the first text of each (cleaned), and each text's form (a repeated
    sentence is normalised once). Only the forms are kept: a form's facts are read from its text
    when a pair needs them, since most forms never meet a look-alike (and 300,000 forms' word sets
    were the largest thing in memory)."""
    first_of: dict[str, int] = {}  # normalised form -> its index among the distinct forms
    norms: list[str] = []
    form_texts: list[str] = []
    form_of: list[int] = []
    norm_of: dict[str, str] = {}
    for text in texts:
        norm = norm_of.get(text)
        if norm is not None:  # a text seen before: its form is known
            form_of.append(first_of[norm])
            continue
        cleaned = _clean(text)
        norm = norm_of[text] = _fold(cleaned)
        form = first_of.setdefault(norm, len(norms))
        if form == len(norms):
            norms.append(norm)
            form_texts.append(cleaned)
        form_of.append(form)
    return norms, form_texts, form_of


def _join_alike(norms: list[str], texts: list[str], threshold: float,
                candidates: Callable[[list[str], list[str], float], Pairs]) -> tuple[Partition, list[tuple[int, int]]]:
    """Forms joined where they score above `threshold` and agree on the facts; the pairs that
    differ only in a figure. `texts` are the forms' texts, their facts read on first need."""
    import numpy as np

    facts: dict[int, Prepared] = {}

    def prepared(k: int) -> Prepared:
        p = facts.get(k)
        if p is None:
            p = facts[k] = prepare(texts[k])
        return p

    forms = np.array(norms, dtype=object)
    claims = Partition(len(norms))
    conflicts = [0] * len(norms)
    figure_pairs: list[tuple[int, int]] = []
    tried = np.zeros(len(norms), dtype=np.int64)
    for i, j in candidates(norms, texts, threshold):
        # Score a block of pairs at once in C (rapidfuzz cpdist), check facts only above threshold;
        # token_sort_ratio only where ratio alone falls short.
        scores = process.cpdist(forms[i], forms[j], scorer=fuzz.ratio, workers=-1)
        short = np.flatnonzero(scores < threshold)
        if len(short):
            scores[short] = process.cpdist(forms[i[short]], forms[j[short]], scorer=fuzz.token_sort_ratio,
                                           workers=-1)
        alike = scores >= threshold
        first, second = _at_most(i[alike], j[alike], tried, scores[alike])  # the closest look-alikes first
        for a, b in zip(first.tolist(), second.tolist()):
            saturated = conflicts[a] >= MAX_CONFLICTS and conflicts[b] >= MAX_CONFLICTS
            if saturated or claims.find(a) == claims.find(b):
                continue  # already one claim; or two sentences each of many look-alikes with other facts
            if conflict(prepared(a), prepared(b)):
                conflicts[a] += 1
                conflicts[b] += 1
                if figures_differ(prepared(a), prepared(b)):
                    figure_pairs.append((a, b))
            else:
                claims.join(a, b)
    return claims, figure_pairs


Pairs = Iterable[tuple["NDArray[np.intp]", "NDArray[np.intp]"]]  # blocks of (i, j) index arrays
Far = Callable[[], "list[tuple[NDArray[np.intp], NDArray[np.intp]]]"]  # a helper's far_pairs, when done


def _at_most(i: NDArray[Any], j: NDArray[Any], tried: NDArray[Any],
             best_first: NDArray[Any] | None = None) -> tuple[NDArray[Any], NDArray[Any]]:
    """The pairs (i, j) of a block, at most MAX_CANDIDATES for each i over all blocks (`tried`
    counts them, updated here); the first of each i's, or its best by `best_first`, are kept."""
    import numpy as np

    if not len(i) or tried[i].max() + np.bincount(i).max() <= MAX_CANDIDATES:  # the usual case: all kept
        np.add.at(tried, i, 1)
        return i, j
    if best_first is None:
        order = np.argsort(i, kind="stable")
    else:  # by i, then best first: one sort of one key (as lexsort((-best_first, i)), twice as fast)
        low, high = float(best_first.min()), float(best_first.max())
        order = np.argsort(i * (high - low + 1.0) + (high - best_first), kind="stable")
    i, j = i[order], j[order]
    rank = np.arange(len(i)) - np.searchsorted(i, i) + tried[i]
    keep = rank < MAX_CANDIDATES
    i, j = i[keep], j[keep]
    np.add.at(tried, i, 1)
    return i, j


def similarity_matrix(norms: Sequence[str], dtype: Any = None) -> NDArray[Any]:
    """`similarity` of every pair of normalised texts at once (rapidfuzz cdist, in C, all cores)."""
    import numpy as np

    scores: NDArray[Any] = np.maximum(process.cdist(norms, norms, scorer=fuzz.ratio, dtype=dtype, workers=-1),
                                      process.cdist(norms, norms, scorer=fuzz.token_sort_ratio, dtype=dtype,
                                                    workers=-1))
    return scores


def _all_pairs(norms: list[str], texts: list[str], threshold: float) -> Pairs:
    """Every pair scored (rapidfuzz cdist on the whole matrix): the reference for blocking."""
    import numpy as np

    if len(norms) < 2:
        return
    scores = similarity_matrix(norms, dtype=np.uint8)
    rows, cols = np.nonzero(scores >= int(threshold) - 1)
    keep = rows < cols
    yield rows[keep], cols[keep]


def _blocked_pairs(norms: list[str], texts: list[str], threshold: float,
                   far: Far | None = None) -> Pairs:
    """Pairs that share enough content words and are of compatible length.

    Both filters are necessary conditions of a match. Sharing BLOCK_OVERLAP of the smaller
    set's words is found by prefix filtering (as in all-pairs similarity search): such a
    pair must share one of the smaller set's rarest |x| - ceil(0.4|x|) + 1 words, so only
    those prefixes are multiplied against the full sets (sparse, chunked), then the exact
    overlap is checked. The scorers cannot reach `threshold` when one text is much longer
    than the other (2·min/(a+b) bounds them).

    Past PRODUCT_UP_TO sentences, a word of more than COMMON stays out of the product: its block would pair every
    sentence holding it with every other, and the input's square is what the product would then
    cost (21M raw pairs at 3,000 articles, 85M at 6,000). Such words block in keys instead: two
    of them a sentence's prefix holds (look-alikes built of common words share two), or one alone
    in a sentence of at most TINY words ("Cruz said", "Cruz says"); a key's sentences, sorted by
    their text, are paired with their WINDOW next (sorted-neighbourhood blocking), so a key costs
    its size, not its square.

    With `far` (a helper's `far_pairs` of the same story), the second half of the product's
    chunks comes from it: the same pairs in the same order, found on the other core meanwhile.
    """
    import numpy as np

    blocking = _Blocking.of(norms, texts)
    if blocking is None:
        return
    n = len(norms)
    mid = _far_start(n) if far is not None else n
    yield from blocking.chunk_pairs(range(0, mid, CHUNK), threshold)
    if far is not None:
        yield from far()
    if len(blocking.common_rows):
        i, j = _common_word_pairs(norms, blocking.common_rows, blocking.common_cols, blocking.sizes, blocking.words)
        tried = np.zeros(n, dtype=np.int64)  # their own MAX_CANDIDATES: the product's may be spent
        for start in range(0, len(i), CHUNK * 64):
            yield from blocking.checked(i[start:start + CHUNK * 64], j[start:start + CHUNK * 64], None, tried,
                                        threshold)


def far_pairs(texts: list[str], threshold: float = THRESHOLD) -> list[tuple[NDArray[Any], NDArray[Any]]]:
    """The candidate pairs of the second half of `_blocked_pairs`' product chunks for these sentence
    texts (a helper's task, while `build_claims` of the same texts does the first half)."""
    norms, form_texts, _ = _distinct_forms(texts)
    if len(norms) <= ALL_PAIRS_UP_TO:  # `match` scores all pairs: no blocking
        return []
    blocking = _Blocking.of(norms, form_texts)
    if blocking is None:
        return []
    return list(blocking.chunk_pairs(range(_far_start(len(norms)), len(norms), CHUNK), threshold))


def _far_start(n: int) -> int:
    """Where a helper's share of the product's chunks starts: at the middle chunk."""
    chunks = -(-n // CHUNK)
    return (chunks // 2) * CHUNK


@dataclass(frozen=True)
class _Blocking:
    """What `_blocked_pairs` multiplies: each form's blocking words (`full`), the rarest of them
    (`prefix`), their counts (`sizes`), the forms' lengths, and the entries of common words that
    block in keys instead (`common_rows`, `common_cols`)."""

    full: Any  # scipy csr_matrix, forms × words
    full_t: Any
    prefix: Any
    sizes: NDArray[Any]
    lengths: NDArray[Any]
    common_rows: NDArray[Any]
    common_cols: NDArray[Any]
    words: int
    capped: bool

    @staticmethod
    def of(norms: list[str], texts: list[str]) -> _Blocking | None:
        import numpy as np
        from scipy import sparse

        from storyline.summarize.arrays import lexorder

        n = len(norms)
        vocab: dict[str, int] = {}
        # words numbered in a fixed order (a set's order changes with the hash seed): among words as
        # rare, the number decides which enter a prefix, and the same input must give the same claims
        sizes = np.zeros(n, dtype=np.int64)
        numbered: list[int] = []
        for k, (norm, text) in enumerate(zip(norms, texts)):
            lower = _folded_tokens(norm, text)
            features = sorted(_features(_content_words(lower), lower))
            sizes[k] = len(features)
            numbered.extend(vocab.setdefault(w, len(vocab)) for w in features)
        if not vocab:
            return None
        rows = np.repeat(np.arange(n, dtype=np.int64), sizes)
        cols = np.array(numbered, dtype=np.int64)
        del numbered
        df = np.bincount(cols, minlength=len(vocab))
        order = lexorder([rows, df[cols], cols])  # by row, rarest word first
        rows, cols = rows[order], cols[order]
        position = np.arange(len(rows)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        in_prefix = position < sizes[rows] - np.ceil(BLOCK_OVERLAP * sizes[rows]) + 1
        capped = n > PRODUCT_UP_TO
        common = in_prefix & (df[cols] > COMMON) if capped else np.zeros(len(rows), dtype=bool)
        in_prefix &= ~common
        ones = np.ones(len(rows), dtype=np.float32)
        full = sparse.csr_matrix((ones, (rows, cols)), shape=(n, len(vocab)))
        prefix = sparse.csr_matrix((ones[in_prefix], (rows[in_prefix], cols[in_prefix])), shape=(n, len(vocab)))
        lengths = np.array([len(norm) for norm in norms], dtype=np.float64)
        return _Blocking(full, full.T.tocsr(), prefix, sizes, lengths, rows[common], cols[common], len(vocab), capped)

    def chunk_pairs(self, starts: range, threshold: float) -> Pairs:
        """The product's checked pairs, a chunk of CHUNK prefixes at each of `starts` (each chunk
        counts its own forms' candidates: chunks are independent)."""
        import numpy as np

        tried = np.zeros(len(self.sizes), dtype=np.int64)
        for start in starts:
            block = (self.prefix[start:start + CHUNK] @ self.full_t).tocoo()
            i, j = block.row + start, block.col
            # Each pair once: from its smaller side (the side whose prefix is guaranteed to hit).
            size_i, size_j = self.sizes[i], self.sizes[j]  # each gathered once: the block is the pairs' raw product
            keep = (size_i < size_j) | ((size_i == size_j) & (i < j))
            yield from self.checked(i[keep], j[keep], block.data[keep], tried, threshold)

    def checked(self, i: NDArray[Any], j: NDArray[Any], best_first: NDArray[Any] | None, tried: NDArray[Any],
                threshold: float) -> Pairs:
        """The pairs of compatible length that share BLOCK_OVERLAP of the smaller set's words."""
        import numpy as np

        length_i, length_j = self.lengths[i], self.lengths[j]
        short, long_ = np.minimum(length_i, length_j), np.maximum(length_i, length_j)
        keep = 200 * short >= (threshold - 1) * (short + long_)
        # the most shared words of the product first; capped, among as many the nearest in length (a
        # tie-break under 1: the common words no longer count, and look-alikes have near lengths)
        best = None if best_first is None else best_first[keep]
        if best is not None and self.capped:
            best = best - (long_ - short)[keep] / (long_ + short + 1)[keep]
        i, j = _at_most(i[keep], j[keep], tried, best)
        if len(i):
            shared = np.asarray(self.full[i].multiply(self.full[j]).sum(axis=1)).ravel()
            ok = shared >= BLOCK_OVERLAP * np.minimum(self.sizes[i], self.sizes[j])
            yield np.minimum(i[ok], j[ok]), np.maximum(i[ok], j[ok])


def _common_word_pairs(norms: list[str], rows: NDArray[Any], cols: NDArray[Any], sizes: NDArray[Any],
                       words: int) -> tuple[NDArray[Any], NDArray[Any]]:
    """Distinct pairs (i < j) of sentences that share a key of common prefix words (`rows`,
    `cols`: the entries, by row): each pair of a sentence's, or the word alone in a sentence of
    at most TINY words; within a key, each sentence with the WINDOW next by text."""
    import numpy as np

    from storyline.summarize.arrays import distinct, lexorder

    keys, members = [], []
    tiny = sizes[rows] <= TINY
    keys.append(cols[tiny])
    members.append(rows[tiny])
    counts = np.bincount(rows, minlength=len(sizes))
    starts = np.cumsum(counts) - counts
    for k in range(1, int(counts.max(initial=0))):  # pairs (the a-th, the b-th) of each row's entries
        has = np.flatnonzero(counts > k)  # the rows with a k-th entry
        for a in range(k):
            first, second = cols[starts[has] + a], cols[starts[has] + k]
            keys.append((words + 1) * (first + 1) + second)  # apart from the single words' keys
            members.append(has)
    key, member = np.concatenate(keys), np.concatenate(members)
    rank = np.empty(len(norms), dtype=np.int64)
    rank[np.argsort(np.array(norms, dtype=object), kind="stable")] = np.arange(len(norms))
    n = len(norms)
    order = lexorder([key, rank[member]])
    key, member = key[order], member[order]
    found = []
    for step in range(1, WINDOW + 1):
        same = key[step:] == key[:-step]
        a, b = member[step:][same], member[:-step][same]
        found.append(np.minimum(a, b) * n + np.maximum(a, b))
    pairs = distinct(np.concatenate(found))
    return pairs // n, pairs % n


def build_claims(sentences: Sequence[Sentence], threshold: float = THRESHOLD, far: Far | None = None) -> tuple[Claim, ...]:
    """Claims in story order; each claim's text is its most complete member.

    Groups that agree but for a number ("killing 60" in two reports, "killing 65" in three)
    are one claim with variants, its text showing the span ("killing 60–65"): neither figure
    alone gathers the corroboration the fact has.
    """
    claims = []
    for number, family in enumerate(_families(sentences, match([s.text for s in sentences], threshold, far=far)), 1):
        if len(family) == 1 and len(family[0]) == 1:  # most claims of real news: one sentence
            one = sentences[family[0][0]]
            claims.append(Claim(id=number, text=one.text, members=(one,), sources=(one.article,)))
            continue
        parts = [tuple(sentences[i] for i in group) for group in family]
        members = tuple(sorted((m for part in parts for m in part), key=lambda s: (s.article, s.index)))
        if len(parts) == 1:
            claims.append(Claim(id=number, text=_best(members).text, members=members))
            continue
        variants = tuple(Variant(_best(p).text, tuple(sorted({m.article for m in p})))
                         for p in sorted(parts, key=lambda p: (-len({m.article for m in p}), p[0].article)))
        claims.append(Claim(id=number, text=figures_text(variants), members=members, variants=variants))
    return tuple(claims)


def _families(sentences: Sequence[Sentence], matches: Matches) -> list[list[list[int]]]:
    """The groups, those that differ only in a figure joined into one family each, by first member.

    Figures that differ within one article are different facts (a tally per day), not reports
    that disagree: groups join only while no article is in two of them."""
    groups, links = matches.groups, matches.figure_pairs
    if not links:
        return [[group] for group in groups]
    linked = {i for pair in links for i in pair}
    group_of = {i: g for g, group in enumerate(groups) for i in group if i in linked}
    families = Partition(len(groups))
    articles: dict[int, set[int]] = {}

    def articles_of(g: int) -> set[int]:
        if g not in articles:
            articles[g] = {sentences[i].article for i in groups[g]}
        return articles[g]

    for a, b in links:
        x, y = families.find(group_of[a]), families.find(group_of[b])
        if x != y and not articles_of(x) & articles_of(y):
            merged = articles_of(x) | articles_of(y)
            families.join(x, y)
            articles[families.find(x)] = merged
    # in the groups' order (by first member), each family where its first group is
    joined = set(group_of.values())  # only these can be in a family of several
    out: list[list[list[int]]] = []
    family_of: dict[int, list[list[int]]] = {}
    for g, group in enumerate(groups):
        if g not in joined:
            out.append([group])
            continue
        root = families.find(g)
        if root in family_of:
            family_of[root].append(group)
        else:
            family_of[root] = [group]
            out.append(family_of[root])
    return out


def _best(members: Sequence[Sentence]) -> Sentence:
    if len(members) == 1:  # most claims of real news: no need to prepare the sentence again
        return members[0]
    return max(members, key=lambda s: (len(_content_words(_lower_tokens(_clean(s.text)))), -s.article, -s.index))


def differing_figures(variants: Sequence[Variant]) -> list[list[str]]:
    """Each wording's figures that not every wording gives (digit grouping folded)."""
    numbers = [_NUMBER.findall(_DIGIT_GROUP.sub("", v.text)) for v in variants]
    return [sorted(set(n) - set.intersection(*map(set, numbers))) for n in numbers]


def figures_text(variants: Sequence[Variant]) -> str:
    """The best-attested wording, its one differing figure shown as a span ("killing 60–65").

    Who gives which figure is the output layer's note (output/cite.py): the claim's text stays
    words, never citation marks."""
    lead = variants[0].text
    differing = differing_figures(variants)
    if all(len(d) == 1 for d in differing):
        values = sorted({d[0] for d in differing}, key=float)
        own = differing[0][0]
        lead = re.sub(rf"(?<![\d.]){re.escape(own)}(?![\d.])", f"{values[0]}–{values[-1]}",
                      _DIGIT_GROUP.sub("", lead), count=1)
    return lead.rstrip()
