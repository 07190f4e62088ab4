"""Choose the claims that together cover most of what the sources agree is important.

The concept-coverage integer program of Gillick & Favre (2009), as in ICSISumm: concepts are
content-word stems and pairs of adjacent stems (not two stop words); a concept's weight is how
many independent sources mention it plus a lead prior (per source, the position of its earliest
telling: news puts the event first), as RegSum found document frequency and first position
predict what references keep; concepts weighing under MIN_WEIGHT are dropped. The summary is the
set of claims that maximises the total weight of the concepts it covers within the budget. A
concept counts once however many chosen claims carry it, so repeats earn nothing and short fillers
cannot crowd out a lead that carries the story. scipy's HiGHS (`scipy.optimize.milp`) solves it;
past its node limit, its best answer so far or a greedy ratio rule's, whichever covers more.
On Multi-News this chooses better than LexRank's top sentences (bench/rouge.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.summarize.model import Claim
from storyline.summarize.text.sentences import STOP_WORDS, _stemmer, words

if TYPE_CHECKING:  # numpy is imported where it is used
    import numpy as np
    from numpy.typing import NDArray

    from storyline.summarize.claims.terms import Terms

Concept = tuple[str, ...]
REPEAT = 68.0  # a claim this alike to a chosen one adds nothing new (unrelated seed pairs stay < 68)
ALIKE_CHARS = 2000  # characters of each claim compared for repeats
MAX_CANDIDATES = 250  # best-ranked claims offered to the program (it stays well under a second)
# A pool of look-alikes (100 KB of short articles made of the same phrases: 4,688 alike pairs among
# 250 claims) makes a coverage program whose root alone takes 5 s and whose 200 nodes take 25 s;
# the best-ranked claims are offered until their alike pairs pass this (news clusters: 120 at most
# among 250 on 100 Multi-News clusters), which depends on the input only.
MAX_ALIKE = 200
# The solver stops at a node count, which any machine reaches at the same point; real programs close
# at their first node within a second of CPU (the Wikinews summary: 0.46 s), so one input gives one
# summary however busy the machine. TIME_LIMIT is only a safety net, far past what any program capped
# by MAX_ALIKE takes: at 5 s, a machine at load 8 cut the Wikinews solve short and changed its summary
# (a 1 s limit did so at load 2). Past either limit, the best answer so far is taken, or the greedy
# one if that covers more.
NODE_LIMIT = 200
TIME_LIMIT = 60.0
RANK_WEIGHT = 1.0  # a claim's own rank (0-1) next to concept weights of 2 and more: a tie-breaker
MIN_WEIGHT = 2
LINE_GAIN = 0.01  # every line worth a little: N sentences asked for are N shown, weighty concepts or not
# The lead prior of a source's sentence i is LEAD_DECAY / (LEAD_DECAY + i): the eighth sentence counts half
# as much as the first. Summed over the claims that carry a concept, it is also how often the sources
# tell it, so a fact told again and again in the leads weighs more than one told once in passing.
# Multi-News (200 clusters, 260 words): R2 14.71 at 2, 14.89 at 4, 15.26 at 8, 15.37 at 16, then down
# (14.96 at 24, 14.44 with no decay at all: plain frequency), on both halves alike.
LEAD_DECAY = 8.0
SOURCES_CAP = 64  # sources counted per concept: past this, a concept is simply everywhere (bounds memory)


def concepts(text: str) -> set[Concept]:
    """The content-word stems of a sentence and its stem bigrams that are not two stop words."""
    tokens = [w.lower() for w in words(text)]
    stemmed = _stemmer().stemWords(tokens)
    found: set[Concept] = {(s,) for s, t in zip(stemmed, tokens) if t not in STOP_WORDS and len(t) > 1}
    found |= {(a, b) for (a, b), (ta, tb) in zip(zip(stemmed, stemmed[1:]), zip(tokens, tokens[1:]))
              if not (ta in STOP_WORDS and tb in STOP_WORDS)}
    return found


Weights = dict[Concept, float]


@dataclass(frozen=True)
class ConceptInputs:
    """What concept weights are counted from, as plain arrays (cheap to send to a helper): each
    claim's text, its independent sources (claim k's are `sources[starts[k]:starts[k + 1]]`) and
    its lead prior."""

    texts: tuple[str, ...]
    sources: NDArray[np.int64]
    starts: NDArray[np.int64]
    leads: NDArray[np.float64]


def concept_weights(claims: Sequence[Claim], source_of: dict[int, int] | None = None) -> Weights:
    """Each concept's weight: independent sources that mention it plus lead sentences that do
    (`weighed` of the claims' `concept_inputs`)."""
    inputs = concept_inputs(claims, source_of)
    return as_weights(inputs.texts, weighed(inputs))


def concept_inputs(claims: Sequence[Claim], source_of: dict[int, int] | None = None) -> ConceptInputs:
    """The claims' texts, independent sources and lead priors."""
    import numpy as np

    sources = [sorted({source_of.get(i, i) for i in c.sources}) if source_of else list(c.sources) for c in claims]
    size = np.array([len(s) for s in sources], dtype=np.int64)
    flat = np.fromiter((i for s in sources for i in s), dtype=np.int64, count=int(size.sum()))
    return ConceptInputs(tuple(c.text for c in claims), flat, np.r_[0, np.cumsum(size)],
                         np.array([_lead_prior(c, source_of) for c in claims], dtype=np.float64))


def weighed(inputs: ConceptInputs) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """The concepts of at least MIN_WEIGHT, as `_tellings` numbers them over `terms_of(inputs.texts)`,
    and their weights (a helper's task while this process ranks the same claims).

    A claim's members are near-copies of its text, so the concepts of its text stand for theirs:
    a story of 10,000 articles is read once per distinct claim, not once per copy. Computed over
    the claims' terms as arrays (claims/terms.py, shared with the ranking): a concept is a number,
    its claims a run of a sorted array; only a concept of several claims, none of them with
    SOURCES_CAP sources or more, needs the union of their sources (12k articles: 11M tellings of
    3M concepts).
    """
    import numpy as np

    from storyline.summarize.arrays import lexorder
    from storyline.summarize.claims.terms import terms_of

    concept, claim = _tellings(terms_of(inputs.texts))
    # one run per concept, its claims in story order; a claim telling a concept twice counts once
    order = lexorder([concept, claim])
    concept, claim = concept[order], claim[order]
    fresh = np.ones(len(concept), dtype=bool)
    fresh[1:] = (concept[1:] != concept[:-1]) | (claim[1:] != claim[:-1])
    concept, claim = concept[fresh], claim[fresh]
    opens = np.ones(len(concept), dtype=bool)  # where a concept's run begins
    opens[1:] = concept[1:] != concept[:-1]
    first, run = np.flatnonzero(opens), np.cumsum(opens) - 1
    lead = np.bincount(run, weights=inputs.leads[claim], minlength=len(first))  # summed in story order, as told
    carriers = np.diff(np.r_[first, len(concept)])
    size = np.diff(inputs.starts)
    told = np.minimum(size[claim[first]], SOURCES_CAP)  # a concept of one claim: that claim's sources
    several = carriers > 1
    crowded = np.zeros(len(first), dtype=bool)  # some carrier alone has SOURCES_CAP sources
    np.logical_or.at(crowded, run, size[claim] >= SOURCES_CAP)
    union = several & ~crowded
    told[several & crowded] = SOURCES_CAP
    told[union] = _distinct_sources(run, claim, inputs, union)[union]
    weight = np.minimum(told, SOURCES_CAP) + lead
    kept = np.flatnonzero(weight >= MIN_WEIGHT)
    return concept[first[kept]], weight[kept]


def as_weights(texts: tuple[str, ...], numbered: tuple[NDArray[np.int64], NDArray[np.float64]]) -> Weights:
    """`weighed`'s concepts of these texts as stems and stem pairs."""
    from storyline.summarize.claims.terms import terms_of

    numbers, weights = numbered
    return dict(zip(_concept_tuples(numbers, terms_of(texts).stems), weights.tolist()))


def _tellings(terms: Terms) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Each (concept, claim) that `concepts` finds in the claims' texts (as often as told): a content
    word's stem as its number, a pair of stems (a, b) not both stop words as S + a·S + b."""
    import numpy as np

    text = terms.text_of()
    stem = terms.stem_of[terms.tokens]
    stop = terms.stop[terms.tokens]
    unigram = np.flatnonzero(~stop & ~terms.short[terms.tokens])
    pair = np.flatnonzero((text[1:] == text[:-1]) & ~(stop[1:] & stop[:-1]))
    s = len(terms.stems)
    concept = np.concatenate([stem[unigram], s + stem[pair] * s + stem[pair + 1]])
    return concept, np.concatenate([text[unigram], text[pair]])


def _distinct_sources(run: NDArray[np.int64], claim: NDArray[np.int64], inputs: ConceptInputs,
                      wanted: NDArray[np.bool_]) -> NDArray[np.int64]:
    """Per run of `run` (a concept's claims) that is `wanted`: the number of distinct sources its
    claims have between them (0 for the others)."""
    import numpy as np

    from storyline.summarize.arrays import distinct

    take = wanted[run]
    run, claim = run[take], claim[take]
    flat, start = inputs.sources, inputs.starts[:-1]
    repeat = np.diff(inputs.starts)[claim]
    offset = np.arange(int(repeat.sum())) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    source = flat[np.repeat(start[claim], repeat) + offset]
    width = int(flat.max(initial=0)) + 1
    return np.bincount(distinct(np.repeat(run, repeat) * width + source) // width, minlength=len(wanted))


def _concept_tuples(numbers: NDArray[np.int64], stems: list[str]) -> list[Concept]:
    """The concepts numbered as `_tellings` numbers them."""
    s = len(stems)
    return [(stems[n],) if n < s else (stems[(n - s) // s], stems[(n - s) % s]) for n in numbers.tolist()]


def _lead_prior(claim: Claim, source_of: dict[int, int] | None) -> float:
    """How strongly the claim leads its sources' reports: per independent source, its earliest
    telling's position prior (1 for an article's first sentence, 8/9 for the second, 1/2 the ninth …)."""
    best: dict[int, float] = {}
    for member in claim.members:
        source = source_of.get(member.article, member.article) if source_of else member.article
        best[source] = max(best.get(source, 0.0), LEAD_DECAY / (LEAD_DECAY + member.index))
    return sum(best.values())


def choose(candidates: Sequence[Claim], weights: Weights, words_budget: int | None,
           sentences: int | None, repeat: float = REPEAT,
           needs: dict[tuple[int, str], int] | None = None) -> list[Claim]:
    """The candidates whose concepts weigh most, within `words_budget` words and `sentences` claims,
    no two of them `repeat` alike (rapidfuzz, as claims are matched): a restatement adds nothing.
    Candidates sharing a claim id are versions of one claim (whole and compressed: summary/compress.py),
    of which one at most is chosen: the program weighs the words a compression saves against the
    concepts it drops. A candidate in `needs` (by claim id and text) is chosen only with a version
    of the claim it names (the sentence it leans on).
    """
    ranked = sorted(candidates, key=lambda c: -c.score)  # stable: a claim's versions stay in order
    needs = needs or {}
    pool = _offered(ranked, list(dict.fromkeys(c.id for c in ranked))[:MAX_CANDIDATES], needs)
    alike = _alike_pairs(pool, repeat)
    if sum(pool[a].id != pool[b].id for a, b in alike) > MAX_ALIKE:
        pool = _offered(pool, _fewer_alike(pool, alike), needs)
        alike = _alike_pairs(pool, repeat)
    if not pool:
        return []
    covers = [{k for k in concepts(c.text) if k in weights} for c in pool]
    alike = sorted(set(alike) | _same_claim(pool))
    leans = _leaning(pool, needs)
    picked = _solve(pool, covers, weights, words_budget, sentences, alike, leans)
    if picked is None or not picked[1]:  # stopped at its node limit: its best so far, or the greedy's if better
        greedy = _greedy(pool, covers, weights, words_budget, sentences, set(alike), leans)
        if picked is None or _value(pool, covers, weights, greedy) > _value(pool, covers, weights, picked[0]):
            return [pool[i] for i in greedy]
    return [pool[i] for i in picked[0]]


def _offered(ranked: Sequence[Claim], ids: Sequence[int], needs: dict[tuple[int, str], int]) -> list[Claim]:
    """The candidates of the claims `ids`, in rank order, without those leaning on a claim not offered."""
    kept = set(ids)
    pool = [c for c in ranked if c.id in kept]
    while True:  # a leaning candidate whose claim before it is not offered cannot be shown
        ids_left = {c.id for c in pool}
        left = [c for c in pool if (c.id, c.text) not in needs or needs[(c.id, c.text)] in ids_left]
        if len(left) == len(pool):
            return pool
        pool = left


def _fewer_alike(pool: Sequence[Claim], alike: Sequence[tuple[int, int]]) -> list[int]:
    """The ids of the best-ranked claims of `pool` among which at most MAX_ALIKE pairs are alike."""
    ids = list(dict.fromkeys(c.id for c in pool))
    rank = {claim_id: k for k, claim_id in enumerate(ids)}
    # a pair counts once both its claims are offered: from the later one's rank on
    counted = sorted(max(rank[pool[a].id], rank[pool[b].id]) for a, b in alike if pool[a].id != pool[b].id)
    return ids[:counted[MAX_ALIKE]] if len(counted) > MAX_ALIKE else ids


def _leaning(pool: Sequence[Claim], needs: dict[tuple[int, str], int]) -> dict[int, list[int]]:
    """Index of a candidate that leans on another claim -> the indices of that claim's versions."""
    versions: dict[int, list[int]] = {}
    for i, claim in enumerate(pool):
        versions.setdefault(claim.id, []).append(i)
    return {i: versions[needs[(c.id, c.text)]] for i, c in enumerate(pool) if (c.id, c.text) in needs}


def _value(pool: Sequence[Claim], covers: list[set[Concept]], weights: Weights, chosen: Sequence[int]) -> float:
    """The program's objective for a choice: the weight of the concepts covered, plus the rank term."""
    top = max(c.score for c in pool) or 1.0
    covered = set().union(*(covers[i] for i in chosen)) if chosen else set()
    return sum(weights[k] for k in covered) + sum(_claim_gain(pool[i], top) for i in chosen)


def _claim_gain(claim: Claim, top: float) -> float:
    """A line's own worth beside the concepts it covers: a little for being a line, and its rank."""
    return LINE_GAIN + RANK_WEIGHT * claim.score / top


def _concept_groups(pool: Sequence[Claim], covers: list[set[Concept]],
                    weights: Weights) -> tuple[list[float], list[tuple[tuple[int, ...], float]]]:
    """The concepts as the program needs them: weight that only one claim can bring (carried by
    it alone, or only by versions of it, of which one at most is chosen) is that claim's own gain;
    the rest is one variable per distinct set of carriers, with the weight of all its concepts.
    The same optimum as one variable per concept, in a far smaller program."""
    carriers: dict[Concept, list[int]] = {}
    for i, cs in enumerate(covers):
        for concept in cs:
            carriers.setdefault(concept, []).append(i)
    own = [0.0] * len(pool)
    shared: dict[tuple[int, ...], float] = {}
    for concept, claims_with_it in carriers.items():
        if len({pool[i].id for i in claims_with_it}) == 1:
            for i in claims_with_it:
                own[i] += weights[concept]
        else:
            key = tuple(claims_with_it)
            shared[key] = shared.get(key, 0.0) + weights[concept]
    return own, sorted(shared.items())


def _solve(pool: Sequence[Claim], covers: list[set[Concept]], weights: Weights, words_budget: int | None,
           sentences: int | None, alike: Sequence[tuple[int, int]],
           leans: dict[int, list[int]]) -> tuple[list[int], bool] | None:
    """The chosen indices of `pool` and whether they are proven best, or None if the solver found
    no answer in its time.

    Variables: x_c (claim c chosen), y_g (a group of concepts covered). Maximise the claims' own
    weight and sum w_g y_g, plus a small rank term, subject to the budgets, y_g <= sum of x_c over
    the group's carriers, x_a + x_b <= 1 for alike pairs, and x_c <= the sum of x over the versions of
    the claim c leans on.
    """
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    own, shared = _concept_groups(pool, covers, weights)
    n, m = len(pool), len(shared)
    top = max(c.score for c in pool) or 1.0
    gain = np.array([_claim_gain(c, top) + own[i] for i, c in enumerate(pool)]
                    + [w for _, w in shared])
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    lower: list[float] = []
    upper: list[float] = []

    def constraint(entries: list[tuple[int, float]], low: float, high: float) -> None:
        for col, value in entries:
            rows.append(len(lower))
            cols.append(col)
            values.append(value)
        lower.append(low)
        upper.append(high)

    if words_budget is not None:
        constraint([(i, float(len(c.text.split()))) for i, c in enumerate(pool)], 0.0, float(words_budget))
    if sentences is not None:
        constraint([(i, 1.0) for i in range(n)], 0.0, float(sentences))
    for a, b in alike:
        constraint([(a, 1.0), (b, 1.0)], 0.0, 1.0)
    for i, before in leans.items():
        constraint([(i, 1.0)] + [(j, -1.0) for j in before], -np.inf, 0.0)
    for column, (claims_with_it, _) in enumerate(shared):
        constraint([(n + column, 1.0)] + [(i, -1.0) for i in claims_with_it], -np.inf, 0.0)
    matrix = coo_matrix((values, (rows, cols)), shape=(len(lower), n + m))
    # no presolve: repairing a presolved solution makes HiGHS print a stray line to standard output
    # (ERGO-Code/HiGHS#2783), which would corrupt a piped summary; the program is small without it
    result = milp(-gain, constraints=LinearConstraint(matrix, np.array(lower), np.array(upper)),
                  integrality=np.concatenate([np.ones(n), np.zeros(m)]), bounds=Bounds(0, 1),
                  options={"node_limit": NODE_LIMIT, "time_limit": TIME_LIMIT, "presolve": False})
    return None if result.x is None else ([i for i in range(n) if result.x[i] > 0.5], result.status == 0)


def _same_claim(pool: Sequence[Claim]) -> set[tuple[int, int]]:
    """Pairs of versions of one claim (whole and compressed): a summary shows one of them at most."""
    first: dict[int, int] = {}
    pairs = set()
    for i, claim in enumerate(pool):
        if claim.id in first:
            pairs.add((first[claim.id], i))
        first.setdefault(claim.id, i)
    return pairs


def _alike_pairs(pool: Sequence[Claim], repeat: float) -> list[tuple[int, int]]:
    """Pairs of claims alike enough that a summary takes one of them at most."""
    import numpy as np

    from storyline.summarize.claims.dedup import prepare, similarity_matrix

    # a real sentence is far shorter than ALIKE_CHARS; a run-on "sentence" of 100 KB (hostile input)
    # would cost the scorers its length squared, and its opening already tells whether it repeats
    scores = similarity_matrix([prepare(c.text).norm[:ALIKE_CHARS] for c in pool])
    i, j = np.nonzero(np.triu(scores >= repeat, k=1))
    return list(zip(i.tolist(), j.tolist()))


def _greedy(pool: Sequence[Claim], covers: list[set[Concept]], weights: Weights,
            words_budget: int | None, sentences: int | None, alike: set[tuple[int, int]],
            leans: dict[int, list[int]]) -> list[int]:
    """Indices of `pool`: add the claim with most new concept weight per word until nothing fits
    (the solver's fallback); a leaning claim only after the claim it leans on."""
    chosen: list[int] = []
    covered: set[Concept] = set()
    used = 0
    left = list(range(len(pool)))
    while left and (sentences is None or len(chosen) < sentences):
        def value(i: int) -> float:
            return sum(weights[k] for k in covers[i] - covered) / len(pool[i].text.split())
        best = max(left, key=value)
        left.remove(best)
        length = len(pool[best].text.split())
        if value(best) <= 0 or (best in leans and not set(leans[best]) & set(chosen)) or (words_budget is not None and used + length > words_budget) or any(
                (min(best, c), max(best, c)) in alike for c in chosen):
            continue
        chosen.append(best)
        covered |= covers[best]
        used += length
    return chosen
