"""Claims × dates -> a Timeline of dated, cited events.

Each member sentence of a claim is placed at the date of what it reports: the first date
expression of its main clause that is neither future nor after publication. A sentence with
none falls back to its article's publication date (marked, and weighted lower). Members
that disagree on the date split the claim into several events.

A date in a subordinate clause or participle phrase ("after launching an offensive early this
month", "set up by Unesco in 2013") or a future one ("aiming to restart talks on April 9")
dates that clause: it becomes an event of its own, role "background" or "planned", its text
the clause, citing the same sources (the main event keeps role "main").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from storyline.summarize.model import Article, Claim, Sentence, Variant
from storyline.summarize.story import Story
from storyline.summarize.dates import MONTH_NAMES, WEEKDAY_NAMES
from storyline.summarize.summary.reference import REACH, leans_on_before, self_contained
from storyline.summarize.text.sentences import STOP_WORDS, stem_each, words
from storyline.summarize.workers import in_shares, split

from storyline.timeline import timex
from storyline.timeline.tagger.scan import tag
from storyline.timeline.events.placing import Placement, expressions_in, place, secondary, settle_stamps  # noqa: F401
from storyline.timeline.answers.verbs import FAMILY, VERB_FAMILIES
from storyline.timeline.timex import Timex, TimeSpan

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

FALLBACK_WEIGHT = 0.5
FALLBACK_MENTION = 0.25  # a report dated only by its publication day refers to that day weakly
PUBLISHED_MENTION = 0.1  # each article published on a day or the next: a weak sign of that day's news
TOPIC_SHARE = 0.5  # a name at least half the articles use is one the story is about
OFF_TOPIC_MENTION = 0.5  # a reference in a sentence that names none of those ("schools shut on March 9")
# up to this many articles, each article's lead is its day's event and counts in full; in a larger
# story a date's mentions decide, its publication-day leads (the busiest-day baseline) count less
SMALL_STORY = 50
# Relative and subordinate clauses: what they tell is not what the main clause (and its date) tells.
INNER_CLAUSE = re.compile(r"(?:,\s*|\s)(?:which|who|whose|where|after|since|when|before|while|by)\b[^,;]*", re.I)
CALENDAR_WORDS = frozenset(MONTH_NAMES) | frozenset(WEEKDAY_NAMES)
_POSSESSIVE = re.compile(r"['’]s$")
# "said", "announced": two reports of anything share these; they do not make one event
GENERIC_FAMILIES = frozenset(i for i, line in enumerate(VERB_FAMILIES) if line.startswith("announc"))
COARSE = frozenset({"quarter", "half", "season", "year", "decade", "century"})
LEAD_BONUS = 1.0  # an event an article leads with is what that article is about
GRANULARITY_WEIGHT = {"day": 1.0, "week": 0.8, "range": 0.8, "month": 0.6, "season": 0.4, "quarter": 0.4,
                      "half": 0.3, "year": 0.3, "decade": 0.1, "century": 0.05}
# A line that opens on a pronoun, a quote's tail or "Since then" does not stand alone.
SECONDARY_WEIGHT = 0.5  # a background or planned clause ranks below the main events of its date
BESIDE = 10  # words at most between an event verb and a name that is its doer or object
SHARED_WORDS = 2  # or content words (past names and event verbs) two reports of one event share at least
# words of date expressions: two reports of one date share them whatever they tell ("last year")
TIME_WORDS = frozenset("year years month months week weeks day days ago last next earlier later today yesterday "
                       "tomorrow tonight morning afternoon evening night weekend decade century".split())


@dataclass(frozen=True)
class Event:
    """A claim at a TimeSpan, with the articles that report it there."""

    span: TimeSpan
    text: str
    claim: int
    sources: tuple[int, ...]
    score: float
    fallback: bool = False
    expression: str | None = None
    role: str = "main"  # main, background (a subordinate clause's past), planned (a future clause)
    lead: bool = False  # told in the first two sentences of an article
    also: tuple[int, ...] = ()  # other claims merged into this event: other wordings of the same event
    variants: tuple[Variant, ...] = ()  # the claim's wordings when its sources differ in a figure
    # articles that tell this event in other words (merged claims): "also reported by", not
    # citations of `text`, which every article in `sources` says in a sentence of its own
    also_sources: tuple[int, ...] = ()

    @property
    def reporting(self) -> tuple[int, ...]:
        """Every article that reports the event, in these words or others: what its weight counts."""
        return tuple(sorted({*self.sources, *self.also_sources}))

    @property
    def certain(self) -> bool:
        return self.span.certain


@dataclass(frozen=True)
class Timeline:
    """The story's events, sorted by date then score."""

    events: tuple[Event, ...]
    # how the coverage refers to each date (TIMEX3 value): the articles that name it (half for one
    # that names it only in sentences off the story's names), plus a tenth for each article
    # published that day or the next (datewise timeline summarisation's signal)
    mentions: Mapping[str, float] = field(default_factory=dict)

    def dates(self) -> list[str]:
        """Distinct event dates (TIMEX3 values), in time order."""
        return list(dict.fromkeys(e.span.value for e in self.events))


def build_timeline(story: Story, claims: Sequence[Claim], found: dict[int, list[Timex]] | None = None,
                   names: Callable[[], frozenset[str]] | None = None) -> Timeline:
    """Every claim placed in time, against its articles' publication dates (estimated ones
    included: analysis.analyse fills them in before, once, for every output); `found` holds each
    article's expressions when they are tagged already (`story_tags`); `names` gives the story's
    names (`story_names`) when a helper finds them: asked for only once the events are placed."""
    articles = story.articles
    found = found if found is not None else story_tags(story)
    events: list[Event] = []
    for claim in claims:
        events.extend(_claim_events(claim, articles, found))
    events = merge_events(events)
    events.sort(key=lambda e: (e.span.start, -(e.span.end - e.span.start).days, -e.score, e.claim))
    return Timeline(tuple(events), _mentions(story, found, names))


# What tagging one article needs and gives: (id, text, publication day, sentence spans) -> (id, that day, its expressions)
ToTag = tuple[int, str, date | None, list[tuple[int, int]]]
Tagged = tuple[int, date | None, list[Timex]]


def story_tags(story: Story, earlier: Sequence[Tagged] = (), helpers: Sequence[ProcessPoolExecutor] = ()) -> dict[int, list[Timex]]:
    """Each article's expressions, tagged once, whole, within the sentences the story already split;
    taken from `earlier` where it was tagged against the same publication day (the dated articles,
    by a helper while the claims were ranked: an estimate changes only the undated ones), the rest
    in shares, one in each of `helpers`."""
    done = {i: (day, found) for i, day, found in earlier}
    todo = [to_tag(story, a) for a in story.articles if a.id not in done or done[a.id][0] != a.published_date]
    for share in in_shares(tag_each, split(todo, len(helpers) + 1), helpers) if todo else ():
        done.update((i, (day, found)) for i, day, found in share)
    return {a.id: done[a.id][1] for a in story.articles}


def to_tag(story: Story, article: Article) -> ToTag:
    """What `tag_each` needs of one article."""
    return article.id, article.text, article.published_date, [(s.start, s.end) for s in story.sentences_of(article.id)]


def tag_each(articles: list[ToTag]) -> list[Tagged]:
    """Each article's expressions, against its publication day (a helper's task)."""
    return [(i, day, tag(text, day, spans)) for i, text, day, spans in articles]


def merge_events(events: list[Event]) -> list[Event]:
    """One event for reports of one date that tell one event: their main clauses share a name and an
    event verb's family, and the verb has that name beside it in both (its doer or object) or the
    lines share SHARED_WORDS other content words (`EventKeys.same_event`).

    "ISIS overran Palmyra last May" [4] and "The jihadists swept into Palmyra in May 2015" [3]
    are one event citing [3][4]: otherwise the corroboration count would not mean what it says.
    "Syrian army forces recaptured parts of Palmyra" and "France on Tuesday hailed the recapture by
    Syrian forces of Palmyra" are two (France's main clause tells the hailing and names no Palmyra):
    an "also reported by" is a promise that the other article tells the line.
    Reporting verbs ("said") do not make two sentences one event; dates only their report gives
    are left apart (a publication day holds many events).
    """
    out: list[Event] = []
    by_date: dict[str, list[int]] = {}
    keys_of: dict[int, EventKeys] = {}  # the keys of out[k]'s text, found once
    for event in events:
        if event.fallback or event.role != "main":
            out.append(event)
            continue
        keys = event_keys(event.text)
        for k in by_date.get(event.span.value, []):
            if keys.same_event(keys_of[k]):
                best, other = (out[k], event) if out[k].score >= event.score else (event, out[k])
                told = {*best.also_sources, *other.sources, *other.also_sources} - set(best.sources)
                out[k] = replace(best, also=best.also + (other.claim,) + other.also, also_sources=tuple(sorted(told)))
                if best is event:
                    keys_of[k] = keys
                break
        else:
            by_date.setdefault(event.span.value, []).append(len(out))
            keys_of[len(out)] = keys
            out.append(event)
    return out


@dataclass(frozen=True)
class EventKeys:
    """What tells two reports of a date apart: the names and event-verb families of the main clause,
    each verb with the names beside it (its doer or object: "ISIS overran Palmyra" gives (seize,
    palmyra)), and the line's other content words (stems)."""

    names: frozenset[str]
    families: frozenset[int]
    cores: frozenset[tuple[int, str]]
    content: frozenset[str]

    def same_event(self, other: EventKeys) -> bool:
        """A name and an event-verb family of the main clauses in common, and one verb with one name
        beside it in both, or SHARED_WORDS other content words in common (a retelling in other words)."""
        return bool(self.names & other.names and self.families & other.families) \
            and (bool(self.cores & other.cores) or len(self.content & other.content) >= SHARED_WORDS)


def event_keys(text: str) -> EventKeys:
    """The keys of a line: its main clause's names (capitalised words past the line's first) and
    event-verb families, the (family, name beside it) pairs, and the line's other content words."""
    tokens = words(text)
    names, families, cores = _main_clause_keys(text, tokens)
    named = set(stem_each(list(names)))
    content = {s for s in stem_each([t for t in tokens if _content(t)]) if s not in FAMILY and s not in named}
    return EventKeys(names, families, cores, frozenset(content))


def event_cores(text: str) -> frozenset[tuple[int, str]]:
    """The (event-verb family, name beside it) pairs of a line's main clause (`EventKeys.cores`)."""
    return _main_clause_keys(text, words(text))[2]


def _main_clause_keys(text: str, tokens: list[str]) -> tuple[frozenset[str], frozenset[int], frozenset[tuple[int, str]]]:
    main_clause = words(INNER_CLAUSE.sub(" ", text))  # "after seizing Palmyra" is not this event's verb
    names = {t.lower() for t in tokens[1:] if t[:1].isupper() and t.lower() not in STOP_WORDS
             and t.lower() not in CALENDAR_WORDS}
    names &= {t.lower() for t in main_clause}  # "hailed the recapture by Syrian forces of Palmyra": France's
    families_at = [(i, f) for i, s in enumerate(stem_each(main_clause)) if (f := event_family(s)) is not None]
    cores = {(family, t.lower()) for i, family in families_at
             for t in main_clause[max(0, i - BESIDE):i + BESIDE + 1] if t.lower() in names}
    return frozenset(names), frozenset(f for _, f in families_at), frozenset(cores)


def event_family(stemmed: str) -> int | None:
    """The event verb family of a stemmed word, unless a generic one (what names no particular event)."""
    family = FAMILY.get(stemmed)
    return None if family in GENERIC_FAMILIES else family


def _content(token: str) -> bool:
    low = token.lower()
    return len(low) > 2 and low not in STOP_WORDS and low not in CALENDAR_WORDS and low not in TIME_WORDS \
        and not low.isdigit()


def story_names(articles: Sequence[Article]) -> frozenset[str]:
    """The names (lower-cased capitalised words past an article's first, "'s" dropped, not weekdays or
    months) that at least half the articles use: who and what the story is about ("pistorius")."""
    counts: Counter[str] = Counter()
    for article in articles:
        counts.update(n for n in _names_in(words(article.text)[1:]) if n not in CALENDAR_WORDS)
    return frozenset(name for name, count in counts.items() if count >= TOPIC_SHARE * len(articles))


def _names_in(tokens: Sequence[str]) -> set[str]:
    return {_POSSESSIVE.sub("", t).lower() for t in tokens if t[:1].isupper() and len(t) > 2
            and t.lower() not in STOP_WORDS}


def _mentions(story: Story, found: dict[int, list[Timex]],
              names: Callable[[], frozenset[str]] | None = None) -> dict[str, float]:
    """Each date's mentions, as datewise timeline summarisation counts them (news-tls's mention
    count): the articles that refer to it by an expression, explicit or resolved ("last Sunday"),
    plans included ("will be sentenced on June 5": the story turns on such dates), each article
    once; and a tenth per article published that day or the next (a busy news day, or the morning
    papers after it, is a weak sign: most of its reports tell other days' events).

    In a story of up to SMALL_STORY articles each article is about the story and its lead tells
    its day's event (counted in `select`), so its own publication day ("today") counts a quarter.
    In a larger collection, which gathers every piece that names the story, an article's "today"
    counts in full, and an article that refers to a date only in sentences naming none of the
    story's names (`story_names`: "schools shut on March 9" in a piece about something else) half.
    """
    large = len(story.articles) > SMALL_STORY
    topic = (names() if names else story_names(story.articles)) if large else frozenset()
    articles: dict[str, dict[int, float]] = {}
    for article in story.articles:
        published, sentences = article.published_date, story.sentences_of(article.id)
        starts = [s.start for s in sentences]
        topical: dict[int, bool] = {}  # sentence index -> whether it names the story
        for t in found[article.id]:
            if t.type in ("DATE", "TIME") and t.span and t.span.granularity != "range":
                i = bisect_right(starts, t.start) - 1
                if i not in topical:
                    topical[i] = not topic or (i >= 0 and bool(topic & _names_in(words(sentences[i].text))))
                own_day = not large and published is not None and t.span.start == t.span.end == published
                worth = FALLBACK_MENTION if own_day else 1.0 if topical[i] else OFF_TOPIC_MENTION
                named = articles.setdefault(t.span.value, {})
                named[article.id] = max(named.get(article.id, 0.0), worth)
    mentions = {value: sum(ids.values()) for value, ids in articles.items()}
    for day, count in Counter(a.published_date for a in story.articles if a.published_date).items():
        for value in (day.isoformat(), (day - timedelta(days=1)).isoformat()):
            mentions[value] = mentions.get(value, 0.0) + PUBLISHED_MENTION * count
    return mentions


def _claim_events(claim: Claim, sources: Sequence[Article], found: dict[int, list[Timex]]) -> list[Event]:
    dated: dict[str, list[tuple[Sentence, Placement]]] = {}
    fallback: list[tuple[Sentence, Placement]] = []
    for member in claim.members:
        placement = place(member, sources[member.article - 1], found[member.article])
        if placement is None:
            continue
        if placement.expression is None:
            fallback.append((member, placement))
        else:
            dated.setdefault(placement.span.value, []).append((member, placement))
    dated = settle_stamps(dated)
    groups: list[tuple[list[tuple[Sentence, Placement]], bool]] = []
    if dated:  # reports without a date of their own join the best-attested dated report …
        biggest = max(dated.values(), key=len)
        # … unless it is a week or month their own day lies in: "the court last week found him guilty"
        # beside the ledes "has found him guilty" of that week's days, whose day is the event's
        inside = [(m, p) for m, p in fallback if _within_coarser(p.span, biggest[0][1].span)]
        biggest.extend((m, biggest[0][1]) for m, p in fallback if (m, p) not in inside)
        groups = [(group, False) for group in dated.values()]
        fallback = inside
    if fallback:
        earliest = min(fallback, key=lambda mp: mp[1].span.start)[1]
        groups.append(([(m, earliest) for m, _ in fallback], True))
    if not groups:
        return []
    text = shown_text(claim, sources)
    events = [Event(span=group[0][1].span, text=text, claim=claim.id,
                    sources=tuple(sorted({m.article for m, _ in group})),
                    score=claim.score * (FALLBACK_WEIGHT if is_fallback else 1.0), fallback=is_fallback,
                    expression=group[0][1].expression, lead=any(m.in_lead for m, _ in group),
                    variants=claim.variants) for group, is_fallback in groups]
    return events + _clause_events(claim, sources, found, {e.span.value for e in events if not e.fallback})


def _within_coarser(day: TimeSpan, span: TimeSpan) -> bool:
    """Whether a report's own day lies inside a dated span coarser than a day (a week, a month)."""
    return span.granularity in ("week", "month") and span.start <= day.start and day.end <= span.end


def shown_text(claim: Claim, sources: Sequence[Article]) -> str:
    """The claim as a line that stands alone: an opening pronoun or "the town" gets its antecedent
    from the sentences before it in the article it was taken from ("the strategic town [Al-Qaryatain]")."""
    member = next((m for m in claim.members if m.text == claim.text), claim.members[0])
    article = sources[member.article - 1]
    return self_contained(claim.text, article.text[max(0, member.start - REACH):member.start])


def _clause_events(claim: Claim, sources: Sequence[Article], found: dict[int, list[Timex]],
                   taken: set[str]) -> list[Event]:
    """The claim's background and planned clauses, one event per date, citing every member that tells it."""
    by_value: dict[str, tuple[TimeSpan, str, str, str, set[int]]] = {}
    for member in claim.members:
        article = sources[member.article - 1]
        for t, role, clause in secondary(member, article, found[member.article]):
            assert t.span is not None
            if t.span.value in taken:
                continue
            span = timex.uncertain(t.span) if (t.relative and article.published_estimated) else t.span
            by_value.setdefault(t.span.value, (span, role, clause, t.text, set()))[4].add(member.article)
    return [Event(span=span, text=clause, claim=claim.id, sources=tuple(sorted(cited)),
                  score=claim.score * SECONDARY_WEIGHT, expression=expression, role=role)
            for span, role, clause, expression, cited in by_value.values()]


def select(timeline: Timeline, dates: int | None = None, per_date: int | None = None) -> list[Event]:
    """The events to show: the `dates` most important dates, the `per_date` best events of each.

    A date's importance is how the coverage refers to it (`Timeline.mentions`: articles naming
    it, explicitly, by a resolved "last Sunday" or as a plan, a tenth per article published that
    day or the next; see `_mentions`) plus its events' sources and rank (an event an article leads with counting one more, a
    report that only its publication day dates a quarter per article), that second part scaled
    down to SMALL_STORY / n in a story of n > SMALL_STORY articles, where it would only repeat the
    busiest publication days; finer dates weigh more, since a reader's timeline is of days ("1946"
    or "the 1930s" is background, not a key date), and in such a larger story a month only fills
    what days leave free, as does a week. Each
    date's lines are its most central events, lines that stand alone first.
    """
    by_date: dict[str, list[Event]] = {}
    for event in timeline.events:
        by_date.setdefault(event.span.value, []).append(event)
    if dates is not None:
        told_weight = min(1.0, SMALL_STORY / max(1, len({a for e in timeline.events for a in e.reporting})))

        def importance(value: str) -> float:
            events = by_date[value]
            # each article counts once, by its best line of the date: one that names the date, or
            # its lead, which is its event whatever date words it lacks ("has made its maiden
            # flight"); a report that only its publication day dates counts little
            told: dict[int, float] = {}
            for e in events:
                if e.fallback and not e.lead:
                    worth = FALLBACK_MENTION
                else:
                    worth = (1.0 + e.score + LEAD_BONUS * e.lead) * (1.0 if e.role == "main" else SECONDARY_WEIGHT)
                for article in e.reporting:
                    told[article] = max(told.get(article, 0.0), worth)
            weight = GRANULARITY_WEIGHT.get(events[0].span.granularity, 0.5)
            return weight * (timeline.mentions.get(value, 0.0) + told_weight * sum(told.values()))
        # key dates are days (or weeks, months); a year or decade only fills what days leave free,
        # as does a date with no line that stands alone ("It said …")
        # in a larger story the days of a month or week ("last week") are told, and it only sums them up
        too_coarse = COARSE if told_weight == 1.0 else COARSE | {"month", "week"}
        coarse = {v for v, es in by_date.items() if es[0].span.granularity in too_coarse}
        dangling = {v for v, es in by_date.items() if all(_dangles(e) for e in es)}
        keep = set(sorted(by_date, key=lambda v: (v in coarse, v in dangling, -importance(v), v))[:dates])
        by_date = {v: es for v, es in by_date.items() if v in keep}
    shown: list[Event] = []
    for events in by_date.values():
        best = sorted(events, key=_line_quality)[:per_date] if per_date else events
        shown.extend(e for e in events if e in best)
    return shown


def _line_quality(event: Event) -> tuple[bool, bool, float]:
    """Sort key for a date's lines: lines that stand alone before pronouns and fragments; on a
    publication day, an article's lead (news tells the event first); then the most central (an
    uncertain date halves it)."""
    return _dangles(event), event.fallback and not event.lead, -event.score * (1.0 if event.certain else 0.5)


def _dangles(event: Event) -> bool:
    """Whether a line leans on what came before it: a pronoun or a quotation cut in two."""
    return leans_on_before(event.text)


def filter_events(events: Sequence[Event], query: str, lowered: Sequence[str] | None = None) -> list[Event]:
    """The events a filter box query keeps: words in the text, a date prefix ("2016-03"), or a
    range of date prefixes ("2015-05..2016-03", either end open); an empty query keeps all.
    `lowered` may give the events' texts in lower case, made once for many queries."""
    query = query.strip()
    if ".." in query:
        low, high = (part.strip() for part in query.split("..", 1))
        return [e for e in events if (not low or e.span.value[:len(low)] >= low)
                and (not high or e.span.value[:len(high)] <= high)]
    if query[:4].isdigit():
        return [e for e in events if e.span.value.startswith(query) or e.span.iso().startswith(query)]
    words = query.lower()
    texts = lowered if lowered is not None else (e.text.lower() for e in events)
    return [e for e, text in zip(events, texts, strict=True) if words in text]
