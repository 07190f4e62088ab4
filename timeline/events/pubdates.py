"""Publication dates for undated articles, estimated from the rest of the story.

An undated article is most likely from the day of the dated article it shares most with
(claims first, then vocabulary), and cannot be older than the latest date it cites itself.
Its relative dates are then resolved against that estimate and marked uncertain.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from storyline.summarize.model import Article, Claim
from storyline.summarize.text.sentences import stems
from storyline.summarize.story import Story

from storyline.timeline.tagger.scan import tag


def dated_articles(story: Story) -> tuple[Article, ...]:
    """The story's articles with estimated dates, without ranking: what `storyline sources` lists.

    Claims are only found when they can help: some articles dated and some not."""
    from storyline.summarize.claims.dedup import build_claims

    dated = sum(1 for a in story.articles if a.published)
    if dated in (0, len(story.articles)):
        return with_estimates(story.articles, ())
    return with_estimates(story.articles, build_claims(story.sentences))


def with_estimates(articles: Sequence[Article], claims: Sequence[Claim]) -> tuple[Article, ...]:
    """The articles, each undated one given an estimated publication date where possible."""
    dated = [a for a in articles if a.published]
    out = []
    for article in articles:
        if article.published:
            out.append(article)
            continue
        guess = _closest_dated(article, dated, claims)
        cited = latest_cited(article.text)
        if guess is None or (cited and cited > guess):
            guess = cited
        out.append(replace(article, published=guess.isoformat(), published_estimated=True) if guess else article)
    return tuple(out)


def latest_cited(text: str) -> date | None:
    """The latest absolute day the text names (relative expressions need a date to resolve)."""
    days = [t.span.end for t in tag(text) if t.span and not t.relative and t.span.granularity == "day"]
    return max(days, default=None)


def _closest_dated(article: Article, dated: list[Article], claims: Sequence[Claim]) -> date | None:
    """The publication day of the dated article sharing most claims, then most tf-idf weight."""
    if not dated:
        return None
    shared: Counter[int] = Counter()
    for claim in claims:
        if article.id in claim.sources:
            shared.update(s for s in claim.sources if s != article.id)
    bags = {a.id: Counter(stems(a.text)) for a in [article, *dated]}
    df = Counter(term for bag in bags.values() for term in bag)
    n = len(bags)

    def vector(article_id: int) -> dict[str, float]:
        return {t: c * math.log((1 + n) / (1 + df[t])) for t, c in bags[article_id].items()}

    mine = vector(article.id)

    def closeness(other: Article) -> tuple[int, float, int]:
        theirs = vector(other.id)
        dot = sum(w * theirs.get(t, 0.0) for t, w in mine.items())
        norm = math.sqrt(sum(w * w for w in mine.values()) * sum(w * w for w in theirs.values())) or 1.0
        return shared[other.id], dot / norm, -other.id

    return max(dated, key=closeness).published_date
