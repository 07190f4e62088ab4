"""Answer questions about a story extractively: every answer line is a cited sentence.

- "summary", "summarize in 3 sentences": the ranked summary;
- "what happened on March 27?", "... in August 2015?": the events of that date or span;
- "when did X do Y?": the dated events that best match, and the date they agree on;
- other what/who/where questions: the best-matching claims (BM25 over claims, names and
  dates in the question weighted up, a sentence's subject weighted for "who/when did X");
- nothing matches: say so, and show the nearest claims.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.summarize.model import Claim, Variant
from storyline.summarize.text.sentences import STOP_WORDS, stem, words
from storyline.summarize.summary.choose import summarize

from storyline.timeline.analysis import Analysis
from storyline.timeline.events.build import Event, shown_text
from storyline.timeline.answers.places import place_of
from storyline.timeline.answers.verbs import FAMILY as _FAMILY
from storyline.timeline.output.render import label
from storyline.timeline.tagger.scan import tag
from storyline.timeline.timex import TimeSpan

MAX_LINES = 5
WHEN_CANDIDATES = 12  # best-matching claims whose dates a "when" answer weighs
WHEN_SLACK = 0.3  # a dated claim may match this much less of the question ("Jobs resigned" for "Steve Jobs")
ANSWERED = 0.65  # share of the question's (weighted) content words a claim must match to answer it
QUESTION_WORDS = frozenset("what when who whom where which why how did does do was were is are has had happen "
                           "happened tell me about story much many".split())
# Words a question is built with rather than about: they count little towards an answer.
SCAFFOLD = frozenset(stem(w) for w in "make made take get got plan plans big much many happen new say said "
                     "one year time give worth".split())
_PAST_FORMS = frozenset("took overran fell swept won sold bought began begun struck shot quit stepped".split())
_LOCATION = re.compile(r"\b(?:lies|located|situated|near|north|south|east|west|northern|southern|eastern|western|"
                       r"province|region|district|border|km|kilometres|kilometers|miles|capital of)\b", re.I)
_ANAPHOR = re.compile(r"^(?:The (?:town|city|village|group|company|country|region|area|site|firm|army|"
                      r"militants|jihadists|monitor|ministry)|It|He|She|They)\b")
_DEFINITE = re.compile(r"\bthe (?:\w+ ){0,2}(?:town|city|village|company|firm|group|country|plane|aircraft|jet|"
                       r"jetliner|airliner|carmaker|automaker|bank|index|deal|plant|event|conference|summit|"
                       r"meeting|ceremony|show|trial|talks)\b", re.I)
# Relative and subordinate clauses: what they tell is not what the main clause's date dates.
_INNER_CLAUSE = re.compile(r"(?:,\s*|\s)(?:which|who|whose|after|since|when|before|while)\b[^,;]*", re.I)
_DIGIT = re.compile(r"\d")
_POINTS_BACK = re.compile(r"(?:This|That|These|Those|It|They|The (?:\w+ ){0,2}(?:fact|rise|increase|fall|drop|"
                          r"decline|gain|loss|losses|cut|cuts|move|decision|growth|jump|slump|result|results))\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CAUSE = re.compile(r"\b(?:because|due to|as a result|in response to|caused|amid|following|in an attempt|"
                    r"so that|in order to|blamed|after|explained by|thanks to|driven by|fuell?ed by|boosted by|"
                    r"on the back of|reason)\b", re.I)
_SUMMARY = re.compile(r"\b(?:summary|summari[sz]e|sum up|overview|tl;?dr)\b(?:.*?\b(\d+)\s+sentences?)?", re.I)


@dataclass(frozen=True)
class AnswerLine:
    """One cited sentence of an answer."""

    text: str
    sources: tuple[int, ...]
    date: str | None = None  # ISO 8601 at the event's granularity
    date_label: str | None = None  # as a reader says it: "May 2015"
    claim: int | None = None
    variants: tuple[Variant, ...] = ()  # the claim's wordings when its sources differ in a figure


@dataclass(frozen=True)
class Answer:
    question: str
    note: str  # one line saying what the answer is ("May 2015", "The sources do not say …")
    lines: tuple[AnswerLine, ...]
    found: bool = True


def ask(analysis: Analysis, question: str) -> Answer:
    """Answer `question` from the story's claims and timeline, citing every line."""
    question = question.strip()
    summary = _SUMMARY.search(question)
    if summary:
        return summary_answer(analysis, int(summary.group(1) or 5), question)
    lowered = question.lower()
    spans = [t.span for t in tag(question, _story_now(analysis)) if t.span and t.type in ("DATE", "TIME")]
    if spans and lowered.startswith(("what", "which", "anything", "tell", "events", "show")):
        return date_answer(analysis, question, spans[0])
    index = answer_index(analysis)
    ranked = index.search(question)
    if not ranked or ranked[0][2] < ANSWERED:  # no claim covers most of the question's words
        nearest = [c for c, _, _ in ranked[:3]] or sorted(analysis.claims, key=lambda c: -c.score)[:3]
        return Answer(question, "The sources do not answer that. The nearest claims are:",
                      tuple(_line(analysis, c) for c in nearest), False)
    if lowered.startswith("when"):
        return when_answer(analysis, question, ranked, index)
    chosen = [c for c, _, _ in ranked[:MAX_LINES]]
    if lowered.startswith("why"):
        # news states a fact, then its cause in the next sentence or two ("This fact is explained by …")
        cause = _explanation(analysis, chosen[0])
        if cause is not None:
            chosen = [chosen[0], cause, *[c for c in chosen[1:] if c is not cause]][:MAX_LINES]
    lines = tuple(_line(analysis, c) for c in chosen)
    return Answer(question, f"{len(lines)} matching claim{'s' * (len(lines) != 1)} from the sources:", lines)


def _explanation(analysis: Analysis, claim: Claim) -> Claim | None:
    """The claim of one of the two sentences after `claim` in its article that gives its cause
    while pointing back to it ("This fact is explained by great demand for the iPod")."""
    first = claim.first
    for sentence in analysis.story.sentences_of(first.article):
        if first.index < sentence.index <= first.index + 2 and _POINTS_BACK.match(sentence.text) \
                and _CAUSE.search(sentence.text):
            return next((c for c in analysis.claims if any(m.article == sentence.article
                                                         and m.index == sentence.index for m in c.members)), None)
    return None


def summary_answer(analysis: Analysis, count: int, question: str = "summary") -> Answer:
    chosen = summarize(analysis.claims, sentences=max(1, min(count, 30)), source_of=analysis.source_of)
    lines = tuple(_line(analysis, c) for c in chosen)
    return Answer(question, f"Summary in {len(lines)} sentence{'s' * (len(lines) != 1)}:", lines)


def date_answer(analysis: Analysis, question: str, span: TimeSpan) -> Answer:
    """The events inside (or overlapping) the span the question names, best first."""
    inside = [e for e in analysis.timeline.events if e.span.start <= span.end and e.span.end >= span.start
              and (e.span.end - e.span.start) <= (span.end - span.start) + _slack(span)]
    inside.sort(key=lambda e: (e.fallback, -e.score))
    lines = tuple(_event_line(e) for e in inside[:MAX_LINES])
    if not lines:
        return Answer(question, f"Nothing in the sources is dated {label(span)}.", (), False)
    return Answer(question, f"{len(inside)} event{'s' * (len(inside) != 1)} dated {label(span)}:", lines)


def answer_index(analysis: Analysis) -> ClaimIndex:
    """The analysis's answer index, built once (a question costs a search, not a rebuild)."""
    index = analysis.cache.get("answers")
    if not isinstance(index, ClaimIndex):
        index = analysis.cache["answers"] = ClaimIndex(analysis)
    return index


def when_answer(analysis: Analysis, question: str, ranked: list[tuple[Claim, float, float]],
                index: ClaimIndex | None = None) -> Answer:
    """The dates of the best-matching dated events; the note names the date they agree on.

    Only the claims that match as much of the question as the best one does may vote (many
    loose matches on one day must not outvote the one sentence that says it); each dated event
    votes for its date with its match score, more for more outlets, less when uncertain.
    """
    best_score = ranked[0][1]
    best_coverage = max(coverage for _, _, coverage in ranked)
    ahead = bool(re.match(r"(?i)when\s+(?:will|is|are|does|do)\b", question))  # "when will…" asks for a plan
    asked = set(_expand([_term(w) for w in words(question) if w.lower() not in QUESTION_WORDS
                         and w.lower() not in STOP_WORDS]))
    dated: list[tuple[Event, float]] = []
    telling: list[bool] = []  # per dated event: whether its own clause tells what happened
    reported: list[tuple[Event, float]] = []
    # what happened: the question's own words that are neither names nor scaffolding ("resign")
    happened = {_term(w) for w in words(question) if w[:1].islower() and w.lower() not in QUESTION_WORDS
                and w.lower() not in STOP_WORDS and stem(w) not in SCAFFOLD}
    considered: Counter[bool] = Counter()  # claims weighed so far: best matches, looser ones telling the event
    for claim, score, coverage in ranked:
        best = coverage >= best_coverage - 1e-9
        if coverage < best_coverage - WHEN_SLACK or considered[best] >= WHEN_CANDIDATES:
            continue
        if not best and index and happened and not index.tells(claim, happened):
            continue  # a looser match must at least tell the event asked about
        considered[best] += 1
        events = [e for e in analysis.events_of(claim.id) if (e.role == "planned") == ahead or e.role == "main"]
        weight = score * (coverage / best_coverage) ** 4  # a claim matching less of the question counts less
        clauses = set().union(*(_terms_of(e.text) for e in events if e.role != "main"))
        for e in events:
            if not e.fallback:
                own = (_terms_of(_INNER_CLAUSE.sub(" ", e.text)) - clauses) if e.role == "main" else _terms_of(e.text)
                tells = _tells(own, happened)
                dated.append((e, weight * _told(own, asked, tells)))
                telling.append(tells)
        if score >= 0.4 * best_score and coverage >= best_coverage - 1e-9:
            reported += [(e, score) for e in events if e.fallback]
    # when some dated sentence tells the asked event in its own words, only such sentences vote
    # ("Jobs, born … on February 24, 1955" over the keynote that merely names Steve Jobs)
    if any(telling):
        dated = [d for d, tells in zip(dated, telling) if tells]
    elif happened and any(_tells(_terms_of(e.text), happened) for e, _ in reported):
        dated = []  # only a report tells it ("has made its maiden flight"): not "the first A380 was unveiled"
    # among the claims that say a date, only those near the best of them vote (a sentence dated
    # only by its report does not silence the one that names the day)
    best_dated = max((score for _, score in dated), default=0.0)
    dated = [(e, score) for e, score in dated if score >= 0.4 * best_dated]
    if not dated and reported:  # no date in the sentence: it happened by the day it was reported
        event = max(reported, key=lambda es: es[1])[0]
        lines = (_event_line(event),) + tuple(_event_line(e) for e, _ in reported if e is not event)[:MAX_LINES - 1]
        return Answer(question, f"By {label(event.span)}, the day {_cite_count([event])} reported it:", lines)
    if not dated:
        lines = tuple(_line(analysis, c) for c, _, _ in ranked[:3])
        return Answer(question, "The sources give no date for that; the closest claims are:", lines, False)
    votes: dict[str, float] = {}
    for event, score in dated:
        weight = score * (1 + 0.5 * math.log2(len(event.sources))) * (1 if event.certain else 0.5)
        votes[event.span.value] = votes.get(event.span.value, 0.0) + weight
    top = max(votes, key=lambda value: votes[value])
    agreeing = sorted((e for e, _ in dated if e.span.value == top), key=lambda e: not e.certain)
    others = [e for e, _ in dated if e.span.value != top]
    lines = tuple(_event_line(e) for e in (agreeing + others)[:MAX_LINES])
    return Answer(question, f"{label(agreeing[0].span)}, according to {_cite_count(agreeing)}:", lines)


def _terms_of(text: str) -> set[str]:
    return set(_expand([_term(w) for w in words(text) if w.lower() not in STOP_WORDS]))


def _tells(own: Collection[str], happened: set[str]) -> bool:
    """Whether words hold more than half of what the question says happened, each word or one of
    its family: "made its maiden flight" tells "make its first flight", "the first A380 prototype
    was unveiled" does not."""
    found = sum(any(t in own for t in _expand([term])) for term in happened)
    return found > len(happened) / 2


def _told(own: set[str], asked: set[str], tells: bool) -> float:
    """How well an event's own words (a main event's without its clauses) tell what was asked,
    `tells` being whether they hold the asked event's verb: "when 20 years ago the Dow crashed"
    dates the crash, not "Today marked a day in history"."""
    return 0.5 + len(own & asked) / max(len(asked), 1) + (1.0 if tells else 0.0)


def _cite_count(events: list[Event]) -> str:
    n = len({i for e in events for i in e.sources})
    return f"{n} source{'s' * (n != 1)}"


def _slack(span: TimeSpan) -> timedelta:
    """How much longer than the asked span an event may be and still count as inside it."""
    return timedelta(days=0 if span.granularity == "day" else 6)


def _story_now(analysis: Analysis) -> date | None:
    days = [a.published_date for a in analysis.sources if a.published_date]
    return max(days) if days else None


def _line(analysis: Analysis, claim: Claim) -> AnswerLine:
    event = analysis.main_event(claim.id)
    if event:
        return _event_line(event)
    return AnswerLine(shown_text(claim, analysis.sources), claim.sources, claim=claim.id, variants=claim.variants)


def _event_line(event: Event) -> AnswerLine:
    return AnswerLine(event.text, event.sources, event.span.iso(), label(event.span), event.claim, event.variants)


class ClaimIndex:
    """BM25 over claims (k1 = 1.5, b = 0.75), with verb families, names and subjects."""

    def __init__(self, analysis: Analysis) -> None:
        self.claims = analysis.claims
        terms = [self._terms(c, analysis) for c in self.claims]
        self.docs = [Counter(own + borrowed) for own, borrowed in terms]
        self.lengths = [sum(doc.values()) or 1 for doc in self.docs]
        # words only borrowed from the sentences before support a match less than the claim's own
        self.borrowed = [set(borrowed) - set(own) for own, borrowed in terms]
        self.subjects = [set(_subject_stems(c.text)) for c in self.claims]
        # names as written: a question's "Beats Electronics" is not "an electronics retailer"
        self.names = [self._names(c, doc) for c, doc in zip(self.claims, self.docs)]
        self.df = Counter(t for d in self.docs for t in d)
        self.avg = sum(sum(d.values()) for d in self.docs) / max(len(self.docs), 1)

    @staticmethod
    def _names(claim: Claim, doc: Counter[str]) -> set[str]:
        """The claim's names and numbers, and the names it borrowed from the sentences before."""
        own = words(claim.text)
        plain = {_term(w) for w in own if not (w[:1].isupper() or w[:1].isdigit())}
        return {_term(w) for w in own if w[:1].isupper() or w[:1].isdigit()} | {t for t in doc if t not in plain}

    def _terms(self, claim: Claim, analysis: Analysis) -> tuple[list[str], list[str]]:
        """The claim's own terms, and the names it borrows from the sentences before it."""
        tokens = words(claim.text)
        own = [part for w in tokens for part in _pieces(w, whole=True)]
        terms = _expand([_term(w) for w in own if w.lower() not in STOP_WORDS])
        # a maker's name and a model number are the model's designation: "Airbus 380" is the A380
        terms += [stem(a[0] + b) for a, b in zip(tokens, tokens[1:]) if a[:1].isupper() and b.isdigit()]
        # the years it happened or was reported in: "at WWDC 2005" finds a 2005 report of the event
        terms += sorted({f"#year{e.span.start.year}" for e in analysis.events_of(claim.id)})
        if _ANAPHOR.match(claim.text) or _DEFINITE.search(claim.text):
            # "The town lies…", "ISIS had seized the strategic town": borrow the names just mentioned
            first = claim.first
            before = [s for s in analysis.story.sentences_of(first.article) if s.index in (first.index - 1,
                                                                                          first.index - 2)]
            return terms, [stem(part) for s in before for w in words(s.text) if w[:1].isupper()
                           for part in _pieces(w, whole=True) if part.lower() not in STOP_WORDS]
        return terms, []

    def tells(self, claim: Claim, terms: set[str]) -> bool:
        """Whether the claim tells the event `terms` name (see _tells)."""
        return _tells(self.docs[claim.id - 1].keys(), terms)

    def search(self, question: str) -> list[tuple[Claim, float, float]]:
        """(claim, score, coverage) best first, for claims matching any content word of the question.

        Coverage is the share of the question's weighted terms a claim matches. "Who" favours a
        claim where a matched word is a past-tense verb ("recaptured", not "the recapture");
        "where" favours claims that locate something; a subject named in "when did X …" that
        is the claim's subject counts double.
        """
        query = [part for w in words(question) for part in _pieces(w, whole=False)
                 if part.lower() not in QUESTION_WORDS and part.lower() not in STOP_WORDS]
        weights = {_term(w): (1.5 if w[:1].isupper() or w[:1].isdigit() else 0.3 if stem(w) in SCAFFOLD else 1.0)
                   for w in query}
        names = {_term(w) for w in query if w[:1].isupper()}
        subject = set(_question_subject(question))
        kind = re.sub(r"^by\s+", "", question.lower()).split(" ", 1)[0]
        how_many = bool(re.match(r"(?i)(?:by\s+)?how\s+(?:many|much)\b", question))
        n = len(self.docs)
        # what else finds each term, worked out once per question: a name is matched by a name
        # (borrowed ones included) or as the same country ("Russia": "Moscow"); a word also by its
        # family ("maiden" finds "first")
        others = {term: _places([term]) if term in names else _expand([term]) for term in weights}
        scored = []
        for claim, doc, length, subj, claim_names, borrowed in zip(self.claims, self.docs, self.lengths,
                                                                   self.subjects, self.names, self.borrowed):
            score = matched = 0.0
            for term, weight in weights.items():
                if term in names:
                    options = ([term] if term in claim_names else []) + others[term]
                else:
                    options = others[term]
                hits = [(t, weight if t == term else 0.6 * weight) for t in options if doc.get(t)]
                if not hits:
                    continue
                t, w = max(hits, key=lambda h: h[1])
                w *= 0.5 if t in borrowed else 1.0
                tf = doc[t]
                idf = math.log(1 + (n - self.df[t] + 0.5) / (self.df[t] + 0.5))
                score += w * idf * tf * 2.5 / (tf + 1.5 * (0.25 + 0.75 * length / self.avg))
                matched += weight
            if not score:
                continue
            if subject and subject & subj:
                score *= 2.0
            if kind == "who" and _has_past_verb(claim.text, weights):
                score *= 1.5
            if kind == "where" and _LOCATION.search(claim.text):
                score *= 1.5
            if how_many:  # "how many dealerships": a figure next to the asked noun is the answer
                score *= 2.0 if _figure_of(claim.text, weights) else 1.0 if _DIGIT.search(claim.text) else 0.5
            if kind == "why" and _CAUSE.search(claim.text):
                score *= 1.5
            if claim.text.count('"') % 2 or claim.text.count("“") != claim.text.count("”"):
                score *= 0.3  # a quotation cut in two ('It has to be a 25-year product. "') answers nothing
            coverage = matched / sum(weights.values())
            scored.append((claim, score * coverage * (1 + 0.1 * claim.score), coverage))
        scored.sort(key=lambda cs: (cs[2] < ANSWERED, -cs[1], cs[0].id))
        return scored


def _figure_of(text: str, weights: dict[str, float]) -> bool:
    """Whether a number stands within three words of one of the asked words ("1,100 of its
    dealerships", "dropped 9.62%")."""
    tokens = words(text)
    for i, token in enumerate(tokens):
        if _term(token) in weights and any(t[:1].isdigit() for t in tokens[max(0, i - 4):i + 4]):
            return True
    return False


def _has_past_verb(text: str, weights: dict[str, float]) -> bool:
    """Whether a question word appears in the text as a past-tense verb ("recaptured")."""
    families = {_FAMILY.get(t) for t in weights} - {None}
    for w in words(text):
        lower = w.lower()
        if (lower.endswith("ed") or lower in _PAST_FORMS) and (stem(lower) in weights or _FAMILY.get(stem(lower)) in families):
            return True
    return False


def _pieces(word: str, whole: bool) -> list[str]:
    """A hyphenated word's parts ("Intel-based": "Intel", "based"), with the word itself if `whole`:
    a question asks by the parts, a claim is found by either."""
    if "-" not in word[1:]:
        return [word]
    parts = [p for p in word.split("-") if p]
    return [word, *parts] if whole else parts


def _term(word: str) -> str:
    """A word as the index holds it: its stem, and a number without its plural ("787s" -> "787")."""
    if word[:1].isdigit() and word.lower().endswith("s"):
        word = word[:-1]
    return stem(word)


def _expand(terms: list[str]) -> list[str]:
    """Stems plus the family of any news event verb, the country of any place and the marker of any year."""
    return terms + [f"#family{_FAMILY[t]}" for t in terms if t in _FAMILY] + _places(terms) + _years(terms)


def _years(terms: list[str]) -> list[str]:
    return [f"#year{t}" for t in terms if _YEAR.fullmatch(t)]


def _places(terms: list[str]) -> list[str]:
    return [f"#place{place}" for place in map(place_of, terms) if place]


def _question_subject(question: str) -> list[str]:
    """Stems of the subject in "when/how did X verb …" (its capitalised words)."""
    match = re.search(r"\b(?:did|does|do|was|were|has|had|will)\s+((?:the\s+)?(?:[A-Z][\w'-]*\s*)+)", question)
    return [stem(w) for w in words(match.group(1))] if match else []


def _subject_stems(text: str) -> list[str]:
    """Stems of a sentence's grammatical subject, roughly: the first words of its main clause."""
    main = re.sub(r"^(?:In|On|At|By|After|Before|Since|During|Earlier|Later)\b[^,]{0,40},\s*", "", text)
    return [stem(w) for w in words(main)[:4] if w.lower() not in STOP_WORDS]
