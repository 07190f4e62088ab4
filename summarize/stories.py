"""Group a mixed pile of articles into stories, as news aggregators' "full coverage" clusters do.

Each article becomes a tf-idf vector of its content-word stems (weighted by how rare the words
are in English and in the input), the title's and the names' (capitalised words) counting double.
Articles are taken in publication order; each joins the
story whose centroid it is most like (cosine) if that is at least SIMILAR, else it starts a
new story; stories whose centroids are alike are then merged. Only stories that hold one of an
article's heaviest terms are compared (an inverted index), so the pass is close to linear in the
number of articles.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from storyline.summarize.clean.furniture import zipf
from storyline.summarize.errors import StorylineError
from storyline.summarize.model import Article, day_of
from storyline.summarize.partition import Partition
from storyline.summarize.text.sentences import STOP_WORDS, stem, words
from storyline.summarize.story import Story

SIMILAR = 0.1  # cosine of an article to a story's centroid above which it joins it
RARE_TERMS = 12  # an article is compared with the stories that hold one of its heaviest terms
WINDOW_DAYS = 120  # a dated story takes dated articles up to this long after its last one
MERGE = 0.25  # cosine of two stories' centroids above which they are one story
CENTROID_TERMS = 200  # a story's centroid keeps its heaviest terms only (bounded memory per story)
HEAD_CHARS = 4000  # an article's opening names its story; the rest adds noise and time
PROFILE_TERMS = 60  # terms kept of each article: its story shows in its heaviest ones


@dataclass(frozen=True)
class StoryGroup:
    """One story of a mixed input: its articles (ids in the input), a name and a date span."""

    id: int
    title: str
    articles: tuple[int, ...]
    first: date | None
    last: date | None


@dataclass(frozen=True)
class Profile:
    """What grouping needs of an article, and no more (an archive keeps only these in memory):
    its id, title and day, and its heaviest terms as (stem, weight in the article, rarity in English)."""

    id: int
    title: str
    published: str | None
    terms: tuple[tuple[str, int, float], ...]

    @property
    def day(self) -> date | None:
        return day_of(self.published)


def profile(article: Article) -> Profile:
    """The article's terms: stems of the content words of its opening, the title's and the names'
    (capitalised words) counted double; the PROFILE_TERMS heaviest are kept."""
    head = words(article.text[:HEAD_CHARS])
    counts: Counter[str] = Counter()
    rarity: dict[str, float] = {}
    for tokens, times in ((head, 1), (words(article.title), 2), ([w for w in head if w[:1].isupper()], 1)):
        for word in (w.lower() for w in tokens):
            if word in STOP_WORDS or word.isdigit():
                continue
            key = stem(word)
            counts[key] += times
            rarity[key] = min(rarity.get(key, 9.0), _background(word))
    kept = sorted(counts, key=lambda t: (-counts[t] * rarity[t], t))[:PROFILE_TERMS]
    return Profile(article.id, article.title, article.published, tuple((t, counts[t], rarity[t]) for t in kept))


def _background(word: str) -> float:
    """How telling a word is in English at large: rare words weigh more (wordfreq's Zipf scale).

    A small input cannot tell its own common words apart (in five articles about one siege,
    "Palmyra" is in all five, so its idf is 0): general English frequency stands in."""
    return max(1.0, 8.0 - zipf(word))


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def group_stories(articles: Sequence[Article]) -> tuple[StoryGroup, ...]:
    """The stories in `articles`, largest first; each story's articles in input order."""
    return group_profiles([profile(a) for a in articles])


def group_profiles(profiles: Sequence[Profile]) -> tuple[StoryGroup, ...]:
    """The stories of articles known by their profiles, largest first."""
    vectors = _vectors(profiles)
    members = _merge_alike(*_single_pass(profiles, vectors))
    stories = []
    for group in members:
        centroid = _centroid(sum((Counter(vectors[i]) for i in group), Counter[str]()))
        central = max(group, key=lambda i: (_cosine(vectors[i], centroid), -i))  # the most central headline
        days = [d for d in (profiles[i].day for i in group) if d]
        stories.append((sorted(profiles[i].id for i in group), profiles[central].title,
                        min(days, default=None), max(days, default=None)))
    stories.sort(key=lambda g: (-len(g[0]), g[0][0]))
    return tuple(StoryGroup(k, title, tuple(ids), first, last)
                 for k, (ids, title, first, last) in enumerate(stories, 1))


def _vectors(profiles: Sequence[Profile]) -> list[dict[str, float]]:
    """Unit tf-idf vectors, the idf of the input times the rarity of the word in English."""
    df = Counter(t for p in profiles for t, _, _ in p.terms)
    n = len(profiles)
    return [_unit({t: (1 + math.log(c)) * rarity * (1 + math.log((1 + n) / (1 + df[t]))) for t, c, rarity in p.terms})
            for p in profiles]


def _single_pass(profiles: Sequence[Profile], vectors: list[dict[str, float]]
                 ) -> tuple[list[list[int]], list[dict[str, float]]]:
    """Articles in publication order, each into the most alike story in its time window, or a new one."""
    shared = Counter(t for vector in vectors for t in vector)
    centroids: list[dict[str, float]] = []
    members: list[list[int]] = []
    last_day: list[date | None] = []
    index: dict[str, set[int]] = {}  # term -> the stories whose centroid holds it
    for i in sorted(range(len(profiles)), key=lambda i: (profiles[i].published or "9999", i)):
        vector, day = vectors[i], profiles[i].day
        # Compared only with stories holding one of its heaviest shared terms: a word of its own finds none.
        heavy = sorted((t for t in vector if shared[t] > 1), key=lambda t: (-vector[t], t))[:RARE_TERMS]
        best, best_score = -1, SIMILAR
        for s in sorted(set().union(*(index.get(t, set()) for t in heavy))):
            previous = last_day[s]
            if day and previous and (day - previous).days > WINDOW_DAYS:
                continue
            score = _cosine(vector, centroids[s])
            if score >= best_score:
                best, best_score = s, score
        if best < 0:
            best = len(centroids)
            centroids.append({})
            members.append([])
            last_day.append(None)
        members[best].append(i)
        last_day[best] = max((d for d in (last_day[best], day) if d), default=None)
        merged: dict[str, float] = dict(centroids[best])
        for t, w in vector.items():
            merged[t] = merged.get(t, 0.0) + w / len(members[best])
        centroids[best] = _centroid(merged)
        for t in centroids[best]:
            index.setdefault(t, set()).add(best)
    return members, centroids


def _centroid(weights: Mapping[str, float]) -> dict[str, float]:
    """A story's centroid: its heaviest CENTROID_TERMS terms, as a unit vector."""
    return _unit(dict(sorted(weights.items(), key=lambda tw: -tw[1])[:CENTROID_TERMS]))


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _merge_alike(members: list[list[int]], centroids: list[dict[str, float]]) -> list[list[int]]:
    """Stories whose centroids are alike (cosine >= MERGE) are one: the single pass can start a
    story twice when its first articles came before the words that join them were seen."""
    stories = Partition(len(members))
    holders: dict[str, list[int]] = {}
    for s, centroid in enumerate(centroids):
        for t in centroid:
            holders.setdefault(t, []).append(s)
    for s, centroid in enumerate(centroids):
        others = {o for t in sorted(centroid, key=lambda t: -centroid[t])[:RARE_TERMS] for o in holders[t] if o > s}
        for o in others:
            if _cosine(centroid, centroids[o]) >= MERGE:
                stories.join(s, o)
    merged: dict[int, list[int]] = {}
    for s, group in enumerate(members):
        merged.setdefault(stories.find(s), []).extend(group)
    return [sorted(group) for group in merged.values()]


def several_stories(groups: Sequence[StoryGroup], articles: int) -> bool:
    """Whether an input clearly holds more than one story: two or more of at least three articles,
    and none holding most of the input (one story with a few odd articles is still one story)."""
    big = [len(g.articles) for g in groups if len(g.articles) >= 3]
    return len(big) >= 2 and max(big) < 0.6 * articles


def one_story(story: Story, story_id: int, groups: Sequence[StoryGroup] | None = None) -> Story:
    """Story `story_id` (as `group_stories` numbers them) of a mixed input, as a story of its own."""
    groups = group_stories(story.articles) if groups is None else groups
    if not 1 <= story_id <= len(groups):
        raise StorylineError(f"no story {story_id}: the input holds {len(groups)} (see `storyline stories`)")
    return story_subset(story, groups[story_id - 1].articles)


def story_subset(story: Story, ids: Sequence[int]) -> Story:
    """The articles `ids` of a story as a story of their own, numbered 1, 2, … (their citations)."""
    keep = sorted(set(ids))
    renumber = {old: new for new, old in enumerate(keep, 1)}
    articles = tuple(replace(story.articles[old - 1], id=renumber[old]) for old in keep)
    sentences = tuple(replace(s, article=renumber[s.article]) for s in story.sentences if s.article in renumber)
    return Story(articles, sentences, story.problems)
