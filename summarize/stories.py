"""Group a mixed pile of articles into stories, as news aggregators' "full coverage" pages do.

Two levels (`grouping`): *developments*, the event-level groups of articles close in time, and
*stories*, the topics that developments add up to over weeks or years (one war, one company's
crisis). Each article is a vector of the content-word stems of its opening, the title's and
the names' counting double, weighted by how rare the words are in English (`_vectors`);
a name (a capitalised word) weighs at least as much as a fairly rare word, so the people and
places a story is about hold it together. A story is named by the headline, among its most
central articles', that best says what the whole story is about.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from storyline.summarize import grouping
from storyline.summarize.clean.furniture import zipf
from storyline.summarize.errors import StorylineError
from storyline.summarize.model import Article, day_of
from storyline.summarize.text.sentences import STOP_WORDS, stem, words
from storyline.summarize.story import Story

HEAD_CHARS = 4000  # an article's opening names its story; the rest adds noise and time
PROFILE_TERMS = 60  # terms kept of each article: its story shows in its heaviest ones
NAME_RARITY = 5.0  # a name weighs at least as a word met a few times in a million ("Jobs", "Apple")
NAME_TIMES = 1  # a name counts this many more times than another word
CENTRAL = 5  # a story's name is the best headline among its this many most central articles
MIN_TITLE_WORDS = 3  # a shorter headline ("Home", "News") names nothing


@dataclass(frozen=True)
class Development:
    """An event-level group inside a story: its articles (ids in the input), a name and a date span."""

    id: int
    title: str
    articles: tuple[int, ...]
    first: date | None
    last: date | None


@dataclass(frozen=True)
class StoryGroup:
    """One story of a mixed input: its articles (ids in the input), a name, a date span and its
    developments (in date order, numbered within the story)."""

    id: int
    title: str
    articles: tuple[int, ...]
    first: date | None
    last: date | None
    developments: tuple[Development, ...] = ()


@dataclass(frozen=True)
class Profile:
    """What grouping needs of an article, and no more (an archive keeps only these in memory):
    its id, title and day, and its heaviest terms as (stem, weight in the article, rarity in English)."""

    id: int
    title: str
    published: str | None
    terms: tuple[tuple[str, int, float], ...]
    title_terms: tuple[str, ...] = ()

    @property
    def day(self) -> date | None:
        return day_of(self.published)


def profile(article: Article) -> Profile:
    """The article's terms: stems of the content words of its opening, the title's and the names'
    (capitalised words) counted double; the PROFILE_TERMS heaviest are kept."""
    head = words(article.text[:HEAD_CHARS])
    counts: Counter[str] = Counter()
    rarity: dict[str, float] = {}
    for tokens, times in ((head, 1), (words(article.title), 2), ([w for w in head if w[:1].isupper()], NAME_TIMES)):
        for word in (w.lower() for w in tokens):
            if word in STOP_WORDS or word.isdigit():
                continue
            key = stem(word)
            counts[key] += times
            rarity[key] = min(rarity.get(key, 9.0), _background(word))
    for word in head:
        if word[:1].isupper() and word.lower() not in STOP_WORDS and not word.isupper():
            rarity[stem(word.lower())] = max(rarity[stem(word.lower())], NAME_RARITY)
    kept = sorted(counts, key=lambda t: (-counts[t] * rarity[t], t))[:PROFILE_TERMS]
    titled = tuple(dict.fromkeys(stem(w.lower()) for w in words(article.title) if w.lower() not in STOP_WORDS))
    return Profile(article.id, article.title, article.published, tuple((t, counts[t], rarity[t]) for t in kept), titled)


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
    """The stories of articles known by their profiles, largest first, with their developments."""
    vectors = _vectors(profiles)
    days = [p.day for p in profiles]
    parts = grouping.developments(vectors, days)
    development_of = {i: k for k, part in enumerate(parts) for i in part}
    groups = grouping.stories(vectors, parts)
    boilerplate = _repeated_titles(profiles, groups)
    found = []
    for members in groups:
        own = sorted({development_of[i] for i in members}, key=lambda k: (min(days[i] or date.max for i in parts[k]), k))
        found.append((_group(profiles, vectors, members, boilerplate),
                      tuple(_group(profiles, vectors, parts[k], boilerplate) for k in own)))
    found.sort(key=lambda sd: (-len(sd[0][0]), sd[0][0][0]))
    return tuple(StoryGroup(k, title, ids, first, last,
                            tuple(Development(j, title, ids, first, last) for j, (ids, title, first, last) in enumerate(devs, 1)))
                 for k, ((ids, title, first, last), devs) in enumerate(found, 1))


Named = tuple[tuple[int, ...], str, date | None, date | None]


def story_name(articles: Sequence[Article]) -> str:
    """The name of `articles` read as one story, as `storyline stories` names each story: one
    function, so the list, the app's header and `timeline --story N` agree ("Storyline" for none)."""
    if not articles:
        return "Storyline"
    profiles = [profile(a) for a in articles]
    return _group(profiles, _vectors(profiles), range(len(profiles)), set())[1]


def _group(profiles: Sequence[Profile], vectors: list[dict[str, float]], members: Sequence[int],
           boilerplate: set[str]) -> Named:
    """A group's ids, name and span: the name is the headline, among its CENTRAL most central
    articles' (by cosine to the group's summed vector), whose words weigh most in that vector."""
    total: Counter[str] = Counter()
    for i in members:
        total.update(vectors[i])
    central = sorted(members, key=lambda i: (-_cosine(vectors[i], total), i))
    named = [i for i in central if profiles[i].title not in boilerplate
             and len(profiles[i].title.split()) >= MIN_TITLE_WORDS][:CENTRAL] or central[:1]
    best = max(named, key=lambda i: (_title_weight(profiles[i], total), -central.index(i)))
    days = [d for d in (profiles[i].day for i in members) if d]
    return tuple(sorted(profiles[i].id for i in members)), profiles[best].title, min(days, default=None), max(days, default=None)


def _title_weight(p: Profile, total: Mapping[str, float]) -> float:
    """How much of what the group is about a headline says (its terms' weight, per sqrt of length)."""
    return sum(total.get(t, 0.0) for t in p.title_terms) / math.sqrt(len(p.title_terms) or 1)


def _repeated_titles(profiles: Sequence[Profile], groups: Sequence[Sequence[int]]) -> set[str]:
    """Headlines found in two stories or more: a site's furniture ("Latest news"), not a story's
    (wire copy that outlets retell under one headline stays in one story)."""
    where: dict[str, set[int]] = {}
    for k, members in enumerate(groups):
        for i in members:
            where.setdefault(profiles[i].title, set()).add(k)
    return {title for title, found in where.items() if len(found) > 1}


def _vectors(profiles: Sequence[Profile]) -> list[dict[str, float]]:
    """Unit vectors of log term counts times the words' rarity in English.

    No idf of the input: the same two articles score the same whatever else the input holds, so a
    topic read alone stays one story as it does in a feed (in 30 articles about Airbus, "Airbus"
    is in all of them and an input idf would drop the very word that holds them together)."""
    return [_unit({t: (1 + math.log(c)) * rarity for t, c, rarity in p.terms}) for p in profiles]


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def several_stories(groups: Sequence[StoryGroup], articles: int) -> bool:
    """Whether an input clearly holds more than one story: two or more of at least three articles,
    and none holding most of the input (one story with a few odd articles is still one story).
    Stories are apart by construction: any two more alike than `grouping.STORY_SIMILAR` are one."""
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
