"""One analysed story: articles, ranked claims and the timeline, built once and shared."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from storyline.summarize.model import Article, Claim, Sentence
from storyline.summarize.stories import StoryGroup, group_stories, one_story, several_stories, story_name
from storyline.summarize.claims.dedup import build_claims, far_pairs
from storyline.summarize.claims.independent import independent_sources
from storyline.summarize.rank.rankers import rank_claims
from storyline.summarize.story import Story, load_story
from storyline.summarize.summary.compress import compress_each
from storyline.summarize.summary.coverage import Weights, as_weights, concept_inputs, concept_weights, weighed

from storyline.summarize.heap import release_memory
from storyline.summarize.workers import LARGE, Later, Workers
from storyline.timeline.events.build import (Event, Timeline, build_timeline, story_names, story_tags, tag_each,
                                             to_tag)
from storyline.timeline.events.pubdates import cited_days, estimates_ahead, with_estimates

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from storyline.timeline.answers.index import ClaimIndex

# What `progress(stage, done, total)` is told, in this order; `done` and `total` count the inputs
# read, and are 0 for the other stages (each is one step of unknown length).
STAGES = ("reading", "stories", "claims", "dates", "timeline")  # "stories": a mixed input, grouped
Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    """No one is watching the progress."""


@dataclass(frozen=True)
class Analysis:
    """Everything the app, `ask` and the exports read."""

    story: Story  # its articles carry estimated publication dates: the one list of sources
    claims: tuple[Claim, ...]
    algorithm: str = "lexrank"
    source_of: dict[int, int] = field(default_factory=dict)  # article -> its independent source

    @cached_property
    def timeline(self) -> Timeline:
        """The claims placed in time: built on first use (a text summary never needs it)."""
        return build_timeline(self.story, self.claims)

    @cached_property
    def concept_weights(self) -> Weights:
        """What a summary's concepts weigh (summary/coverage.py): counted on first use, or by a large
        story's helper while the claims were ranked."""
        return concept_weights(self.claims, self.source_of)

    @cached_property
    def shortened(self) -> dict[str, str]:
        """Lines as compressed for showing, by their whole sentence: filled as `render.compressed`
        meets them, or all at once by a large story's helper while the claims were ranked."""
        return {}

    @property
    def sources(self) -> tuple[Article, ...]:
        """The articles, undated ones with their estimated publication dates filled in."""
        return self.story.articles

    def article(self, article_id: int) -> Article:
        """The article a citation [article_id] points at."""
        return self.story.articles[article_id - 1]

    def claim(self, claim_id: int) -> Claim:
        """The claim with this id (claims are numbered 1, 2, … in story order)."""
        return self.claims[claim_id - 1]

    @cached_property
    def answer_index(self) -> ClaimIndex:
        """The claims' answer index, built on the first question (a question costs a search)."""
        from storyline.timeline.answers.index import ClaimIndex  # answers/ reads analyses: imported late

        return ClaimIndex(self)

    @cached_property
    def _events_by_claim(self) -> dict[int, list[Event]]:
        index: dict[int, list[Event]] = {}
        for event in self.timeline.events:
            for claim in (event.claim, *event.also):
                index.setdefault(claim, []).append(event)
        return index

    def events_of(self, claim_id: int) -> list[Event]:
        """The claim's events, in time order (one unless its reports disagree on the date)."""
        return self._events_by_claim.get(claim_id, [])

    def main_event(self, claim_id: int) -> Event | None:
        """The event that dates a claim: its first dated by an expression, else its first."""
        events = self.events_of(claim_id)
        main = [e for e in events if e.role == "main"] or events
        return next((e for e in main if not e.fallback), main[0] if main else None)

    def sentence_in(self, event_or_claim: Event | Claim, article_id: int) -> Sentence | None:
        """The member sentence a citation points at: the claim's sentence in that article (for an
        event merged from several claims, the sentence of whichever of them that article told)."""
        return next((m for c in self._claims_of(event_or_claim) for m in c.members if m.article == article_id), None)

    def members_by_article(self, event_or_claim: Event | Claim) -> dict[int, Sentence]:
        """`sentence_in` for every article at once: a citation list reads the members once (a scan
        of them per cited source was quadratic in a claim's size)."""
        found: dict[int, Sentence] = {}
        for claim in self._claims_of(event_or_claim):
            for m in claim.members:
                found.setdefault(m.article, m)
        return found

    def _claims_of(self, event_or_claim: Event | Claim) -> list[Claim]:
        if isinstance(event_or_claim, Event):
            return [self.claim(i) for i in (event_or_claim.claim, *event_or_claim.also)]
        return [event_or_claim]

    @cached_property
    def title(self) -> str:
        """The story's name, as `storyline stories` names a story (`summarize.stories.story_name`)."""
        return story_name(self.sources)

    @cached_property
    def now(self) -> date | None:
        """The story's latest publication day: what a question's "last May" or "on Friday" resolves against."""
        return max((a.published_date for a in self.sources if a.published_date), default=None)

    def span_label(self) -> str:
        """The story's date span over its main events, e.g. "May 2015 – Mar 2016" (background and
        planned clauses reach further out, but the story is what happened)."""
        events = [e for e in self.timeline.events if e.role == "main"] or self.timeline.events
        if not events:
            return "no dates"
        first, last = min(e.span.start for e in events), max(e.span.end for e in events)
        return f"{first:%b %Y} – {last:%b %Y}"

    @cached_property
    def _named(self) -> list[Event]:
        """Events dated by what their sentences say; all events when none is."""
        return [e for e in self.timeline.events if not e.fallback] or list(self.timeline.events)

    def busiest_date(self) -> Event | None:
        """The best event of the date the most sources name (publication days aside when any other is named)."""
        named = self._named
        if not named:
            return None
        sources: dict[str, set[int]] = {}
        for event in named:
            sources.setdefault(event.span.value, set()).update(event.reporting)
        value = max(sources, key=lambda v: (len(sources[v]), v))
        return max((e for e in named if e.span.value == value), key=lambda e: (len(e.reporting), e.score))

    def most_cited(self) -> Event | None:
        """The dated event the most sources report (best ranked among equals)."""
        return max(self._named, key=lambda e: (len(e.reporting), e.score), default=None)


def analyse(story: Story, algorithm: str = "lexrank", progress: Progress = _quiet, timeline: bool = True,
            workers: Workers | None = None) -> Analysis:
    """Claims ranked by `algorithm`, undated articles given estimated dates, claims placed in time
    (unless not `timeline`: then on first use); `progress` is told each stage as it starts (STAGES).

    With `workers`, a large story's helper finds, in this order, half of the look-alike sentence
    pairs and the independent sources (which the claims need), what estimating the undated
    articles' dates reads of their sentences (`estimates_ahead`), the dated articles' expressions, the
    story's names and every sentence's compressed line (which the timeline needs; with undated
    articles, after its share of tagging them), while this process finds and ranks the claims (the
    same results: the helper only runs ahead of what this process would find when asked)."""
    helpers = workers.helpers(len(story.articles)) if workers else []
    helper = helpers[0] if helpers else None
    large = len(story.articles) >= LARGE
    if large:
        release_memory()  # what reading and cleaning freed
    progress("claims", 0, 0)
    texts = [s.text for s in story.sentences] if helper else []
    far = Later(helper, far_pairs, texts) if helper else None  # first: the claims need it soonest
    sources = Later(helper, independent_sources, story.articles)  # wanted as the claims are ranked
    undated = any(not a.published for a in story.articles)
    # what estimating the undated articles' dates reads besides the claims, wanted once they are ranked
    ahead = Later(helper, estimates_ahead, story.articles, [(s.article, s.text) for s in story.sentences]) \
        if helper and undated else None
    early = Later(helper, tag_each, [to_tag(story, a) for a in story.articles if a.published]) \
        if timeline and helper else None
    # and the latest day each undated article cites (a timeline wants the tags first; a summary has
    # the helper counting its weights meanwhile, so this process finds those days itself)
    cited = Later(helper, cited_days, story.articles) if timeline and helper and undated else None
    # the names and the compressed lines are wanted last: when some articles are undated, the helper's
    # share of tagging them (once their dates are estimated) goes before these
    last = _last(helper, story, texts) if timeline and helper and not undated else None
    claims = build_claims(story.sentences, far=far.result if far else None)
    source_of = sources.result()
    # a summary's concept weights need the claims, not their ranks: the idle helper counts them meanwhile
    weighing = Later(helper, weighed, concept_inputs(claims, source_of)) if helper and not timeline else None
    claims = rank_claims(claims, algorithm, source_of)
    if large:
        release_memory()  # what finding the claims freed (most of its peak) is not held under the next stages
    progress("dates", 0, 0)
    story = replace(story, articles=with_estimates(story.articles, claims, ahead.result if ahead else None,
                                                          cited.result if cited else None))
    analysis = Analysis(story, claims, algorithm, source_of)
    if weighing:
        vars(analysis)["concept_weights"] = as_weights(tuple(c.text for c in claims), weighing.result())
    if timeline:
        progress("timeline", 0, 0)
        found = story_tags(story, early.result() if early else (), helpers)
        last = last or (_last(helper, story, texts) if helper else None)
        vars(analysis)["timeline"] = build_timeline(story, claims, found, last[0].result if last else None)  # what the cached property would build
        if last:
            vars(analysis)["shortened"] = {t: s or t for t, s in zip(texts, last[1].result())}
        if large:
            release_memory()
    return analysis


def _last(helper: ProcessPoolExecutor, story: Story, texts: list[str]) -> tuple[Later[frozenset[str]], Later[list[str | None]]]:
    """The helper's last tasks for a timeline: the story's names and every sentence's compressed line."""
    return Later(helper, story_names, story.articles), Later(helper, compress_each, texts)


@dataclass(frozen=True)
class Mixed:
    """An input that clearly holds several stories: all of it, and its stories to choose from."""

    story: Story
    groups: tuple[StoryGroup, ...]


def load_and_analyse(paths: Sequence[str], stdin: bytes | None, algorithm: str, story: Story | None = None,
                     story_id: int | None = None, choose: bool = False, progress: Progress = _quiet) -> Analysis | Mixed:
    """Read (unless `story` is given) and analyse: what the app's loading process runs.

    With `story_id`, only that story of the input is analysed; with `choose`, an input that holds
    several stories comes back as `Mixed`, for the reader to pick one. `progress` as for `analyse`.
    """
    with Workers() as workers:
        story = story or load_story(paths, stdin=stdin, progress=lambda done, total: progress("reading", done, total),
                                    workers=workers)
        if story_id is not None:
            story = one_story(story, story_id)
        elif choose:
            progress("stories", 0, 0)
            groups = group_stories(story.articles)
            if several_stories(groups, len(story.articles)):
                return Mixed(story, groups)
        return analyse(story, algorithm, progress, workers=workers)
