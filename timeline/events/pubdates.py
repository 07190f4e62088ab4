"""Publication dates for undated articles, estimated from the rest of the story.

An undated article is most likely from the day of the dated article it shares most with
(claims first, then vocabulary), held inside the days where the story's coverage is, and not
older than the latest date its past-tense clauses cite unless that lies far beyond the coverage.
It is older than the day dated articles tell as news, done, an event it tells as still to come
or under way ("as long as ISIS is controlling Palmyra" against "Sunday's capture of Palmyra":
`told`), when that day lies within a month before the estimate.
Its relative dates are then resolved against that estimate and marked uncertain.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from storyline.summarize.model import Article, Claim
from storyline.summarize.story import Story
from storyline.summarize.text.sentences import stems
from storyline.timeline.events.told import Core, done_cores, done_day, pending_cores, tells_an_event, tokens
from storyline.timeline.tagger.scan import tag
from storyline.timeline.tagger.tense import tense

COVERAGE_MIN = 5  # dated articles before the coverage's outliers are left out
ESTIMATE_BLOCK = 512  # undated articles scored against the dated ones at a time
CITED_REACH = timedelta(days=90)  # a day cited past the last dated report: a later report, not a plan
SHARED_CLAIM = 4.0  # a claim in common outweighs any tf-idf likeness (cosine <= 1)
DENSE_CELLS = 2_000_000  # articles × terms (or claims) up to which dense arrays spare importing scipy
PENDING_REACH = timedelta(days=31)  # an event told as done this long before the estimate moves it before
# a clause that may tell something still to come or under way (`told.pending_cores` decides): a cheap sieve
_AHEAD_CUE = re.compile(r"\b(?:will|won't|'ll|shall|would|going to|expect|plan|aim|intend|set to|due to|is to|"
                        r"are to|to be|upcoming|coming|soon|still|remains?|(?:is|are|am)\s+(?:\w+ly\s+)?\w+ing)\b", re.I)


def dated_articles(story: Story) -> tuple[Article, ...]:
    """The story's articles with estimated dates, without ranking: what `storyline sources` lists.

    Claims are only found when they can help: some articles dated and some not."""
    from storyline.summarize.claims.dedup import build_claims

    dated = sum(1 for a in story.articles if a.published)
    if dated in (0, len(story.articles)):
        return with_estimates(story.articles, ())
    return with_estimates(story.articles, build_claims(story.sentences))


# What an estimate reads of each undated article's sentences besides the claims (so a helper may find
# it while the claims are found): the days dated articles tell as done what it tells as pending.
Ahead = dict[int, list[date]]


def with_estimates(articles: Sequence[Article], claims: Sequence[Claim], ahead: Callable[[], Ahead] | None = None,
                   cited: Callable[[], dict[int, date | None]] | None = None) -> tuple[Article, ...]:
    """The articles, each undated one given an estimated publication date where possible.

    The estimate is the day of the closest dated article, held inside the days where the
    story's coverage is (an outlier report years away cannot drag it there), then raised to the
    latest day the article cites itself, unless that day lies beyond the coverage (a plan), then
    moved before an event the article tells as pending that dated articles tell as done.
    `ahead` gives `estimates_ahead` of these articles and the claims' sentences, `cited` their
    `cited_days`, when a helper finds them (asked for once the closest dated articles are found here)."""
    dated = [a for a in articles if a.published_date]
    undated = [a for a in articles if not a.published]
    closest = _closest_dated(undated, dated, claims) if undated and dated else {}
    if ahead is not None:
        done = ahead()
    else:  # the claims' members are the story's sentences (only a part-undated story needs them)
        done = estimates_ahead(articles, [(m.article, m.text) for c in claims for m in c.members]) \
            if undated and dated else {}
    cited_of = cited() if cited else cited_days(articles)
    days = sorted(d for a in dated if (d := a.published_date))
    out = []
    for article in articles:
        if article.published:
            out.append(article)
            continue
        guess, latest = closest.get(article.id), cited_of.get(article.id)
        if days:
            low, high = _coverage(days)
            guess = min(max(guess, low), high) if guess else None
            if latest and (guess is None or guess < latest) and low <= latest <= days[-1] + CITED_REACH:
                guess = latest
        elif latest:
            guess = latest
        guess = _before_done(guess, latest, done.get(article.id, ()))
        out.append(replace(article, published=guess.isoformat(), published_estimated=True) if guess else article)
    return tuple(out)


def _before_done(guess: date | None, cited: date | None, done: Sequence[date]) -> date | None:
    """The estimate moved to the eve of the first day, within PENDING_REACH before it, on which the
    dated articles tell as done what the article tells as pending; never before a day it cites."""
    if guess is None:
        return None
    before = [d for d in done if guess - PENDING_REACH <= d <= guess]
    if not before:
        return guess
    eve = min(before) - timedelta(days=1)
    return eve if cited is None or eve >= cited else guess


def cited_days(articles: Sequence[Article]) -> dict[int, date | None]:
    """Each undated article's `latest_cited` day (a helper's task, once the dated articles are tagged)."""
    return {a.id: latest_cited(a.text) for a in articles if not a.published}


def estimates_ahead(articles: Sequence[Article], sentences: Sequence[tuple[int, str]]) -> Ahead:
    """For each undated article, the days on which dated articles tell as done what it tells as
    pending (`_done_days`), from the story's sentences as (article id, text): a helper's task, while
    the claims are found."""
    dated = [a for a in articles if a.published_date]
    undated = [a for a in articles if not a.published]
    return _done_days(undated, dated, sentences) if undated and dated else {}


def _done_days(undated: list[Article], dated: list[Article], sentences: Sequence[tuple[int, str]]) -> dict[int, list[date]]:
    """For each undated article, the days on which dated articles tell as news, done, an event it tells
    as pending (one pass over the undated sentences, one over the dated ones that name such an event's
    name; the days of each in any order: only the first is read)."""
    undated_ids = {a.id for a in undated}
    published = {a.id: a.published_date for a in dated}
    pending: dict[Core, set[int]] = {}
    for article, text in sentences:
        if article in undated_ids and _AHEAD_CUE.search(text):
            for core in pending_cores(text):
                pending.setdefault(core, set()).add(article)
    if not pending:
        return {}
    families_of: dict[str, set[int]] = {}  # a name -> the event verbs told as pending beside it
    for family, name in pending:
        families_of.setdefault(name, set()).add(family)
    out: dict[int, list[date]] = {}
    for article, text in sentences:
        day = published.get(article)
        if day is None:
            continue
        words = tokens(text)
        named = families_of.keys() & set(words)
        if not named or not tells_an_event(words, set().union(*(families_of[n] for n in named))):
            continue
        hits = done_cores(text, pending)
        if hits and (when := done_day(text, day)):
            for core in hits:
                for undated_id in pending[core]:
                    out.setdefault(undated_id, []).append(when)
    return out


def _coverage(days: list[date]) -> tuple[date, date]:
    """The span where most of the coverage is: the dated days less their outer 5% on each side
    (at least the first and last of five or more: one report years away is not the story)."""
    cut = max(len(days) // 20, 1 if len(days) >= COVERAGE_MIN else 0)
    return days[cut], days[-1 - cut]


# An absolute day names its year: four digits, a numeric date ("1/1/16") or an apostrophe ("'16").
_NAMES_A_YEAR = re.compile(r"\d{4}|\d/\d{1,2}/\d{2}|['’]\d{2}\b")


def latest_cited(text: str) -> date | None:
    """The latest absolute day the text names in a clause not of the future ("talks will resume on
    9 April 2016" is a plan, not a day it was written after; relative expressions need a date to resolve)."""
    if not _NAMES_A_YEAR.search(text):  # then none can be absolute: spare tagging it all twice
        return None
    days = [t.span.end for t in tag(text) if t.span and not t.relative and t.span.granularity == "day"
            and tense(text, t.start, t.end, (0, len(text))) is not True]
    return max(days, default=None)


def _closest_dated(undated: list[Article], dated: list[Article], claims: Sequence[Claim]) -> dict[int, date]:
    """Each undated article's estimate: the publication day of the dated article it shares most
    claims with, then most tf-idf weight (one sparse index of every article, not a loop of loops)."""
    import numpy as np

    everyone = [*undated, *dated]
    row_of = {a.id: i for i, a in enumerate(everyone)}
    vocabulary: dict[str, int] = {}
    rows, cols, counts = [], [], []
    for i, article in enumerate(everyone):
        for term, n in Counter(stems(article.text)).items():
            rows.append(i)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            counts.append(n)
    # claims shared: the article x claim incidence, multiplied out between undated and dated
    links = [(row_of[s], k) for k, claim in enumerate(claims) if len(claim.sources) > 1 for s in claim.sources]
    shape = (len(everyone), len(vocabulary))
    small = len(everyone) * max(len(vocabulary), len(claims)) <= DENSE_CELLS
    tf = _matrix(rows, cols, counts, shape, small)
    df = np.bincount(cols, minlength=len(vocabulary))
    weights = _scaled(tf, np.log((1 + len(everyone)) / (1 + df)), small)
    incidence = _matrix([i for i, _ in links], [k for _, k in links], [1.0] * len(links),
                        (len(everyone), max(len(claims), 1)), small)
    n = len(undated)
    out: dict[int, date] = {}
    for start in range(0, n, ESTIMATE_BLOCK):  # a block of undated rows at a time bounds the dense scores
        block = slice(start, min(n, start + ESTIMATE_BLOCK))
        cosine, shared = (_array(m[block] @ m[n:].T) for m in (weights, incidence))
        best = np.argmax(shared * SHARED_CLAIM + cosine, axis=1)  # ties: the first (lowest id), as before
        for offset, choice in enumerate(best):
            day = dated[int(choice)].published_date
            if day is not None:
                out[undated[start + offset].id] = day
    return out


def _matrix(rows: list[int], cols: list[int], values: list[float] | list[int], shape: tuple[int, int],
            dense: bool) -> Any:
    """A matrix of (row, column, value) entries, each cell given once: dense numpy or scipy CSR."""
    import numpy as np

    if dense:
        out = np.zeros(shape)
        out[rows, cols] = values
        return out
    from scipy import sparse

    return sparse.csr_matrix((np.array(values, dtype=float), (rows, cols)), shape=shape)


def _scaled(tf: Any, idf: Any, dense: bool) -> Any:
    """tf·idf rows scaled to unit length (a row of zeros kept)."""
    import numpy as np

    weights = tf * idf if dense else tf.multiply(idf).tocsr()
    squares = (weights * weights).sum(axis=1) if dense else weights.multiply(weights).sum(axis=1)
    norms = np.sqrt(np.asarray(squares).ravel())
    scale = 1 / np.where(norms > 0, norms, 1.0)
    if dense:
        return weights * scale[:, None]
    from scipy import sparse

    return sparse.diags(scale) @ weights


def _array(product: Any) -> Any:
    return product if not hasattr(product, "toarray") else product.toarray()
