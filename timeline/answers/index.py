"""The answer index: BM25 over a story's claims, with verb families, names, subjects and the
names a claim borrows from the sentences before it."""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from typing import TYPE_CHECKING

from storyline.summarize.dates import MONTHS, WEEKDAYS
from storyline.summarize.model import Claim
from storyline.summarize.text.sentences import STOP_WORDS, stem, words
from storyline.timeline.answers.terms import (HOW_MANY, PARAPHRASE_MARK, QUESTION_WORDS, SCAFFOLD, YEAR, acronyms,
                                              counted_noun, expand, pieces, places, question_subject, subject_stems,
                                              tells_event, term_of)
from storyline.timeline.answers.places import place_of
from storyline.timeline.answers.verbs import FAMILY
from storyline.timeline.tagger.scan import tag

if TYPE_CHECKING:
    from storyline.timeline.analysis import Analysis

K1, B = 1.5, 0.75  # BM25's usual term saturation and length normalisation
NAME_WEIGHT = 1.5  # a name or number of the question counts more than a plain word
SCAFFOLD_WEIGHT = 0.3  # words a question is built with ("make", "big") count little
RELATED_WEIGHT = 0.6  # a match through a verb family, a country's other name or a year marker
BORROWED_WEIGHT = 0.5  # a name borrowed from the sentences before supports a match half as much
SUBJECT_BOOST = 2.0  # "when did X …" where X is the claim's subject
KIND_BOOST = 1.5  # a past verb for "who", a locating word for "where", a cause for "why"
CUT_QUOTE = 0.3  # a quotation cut in two answers little
HYPOTHETICAL = 0.5  # "if convicted he faces 25 years" answers a question about what did happen less
RANK_TIE = 0.1  # the claim's rank (0-1) as a tie-breaker
ANSWERED = 0.65  # share of the question's (weighted) content words a claim must match to answer it
HOW_ADJECTIVE = re.compile(r"(?i)\bhow\s+(?:long|far|old|often|soon)\b")
_PAST_FORMS = frozenset("took overran fell swept won sold bought began begun struck shot quit stepped".split())
_LOCATION = re.compile(r"\b(?:lies|located|situated|near|north|south|east|west|northern|southern|eastern|western|"
                       r"province|region|district|border|km|kilometres|kilometers|miles|capital of)\b", re.I)
_ANAPHOR = re.compile(r"^(?:The (?:town|city|village|group|company|country|region|area|site|firm|army|"
                      r"militants|jihadists|monitor|ministry)|It|He|She|They)\b")
# a person's pronoun: opening a sentence ("His death … was confirmed"), or in one that names no one
# ("Brazil's senate voted for her removal"), it stands for someone named before
_PERSONAL = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")
_DEFINITE = re.compile(r"\bthe (?:\w+ ){0,2}(?:town|city|village|company|firm|group|country|plane|aircraft|jet|"
                       r"jetliner|airliner|carmaker|automaker|bank|index|deal|plant|event|conference|summit|"
                       r"meeting|ceremony|show|trial|talks)\b", re.I)
# what might be or might have been: a condition, a counterfactual, a threat
_HYPOTHESIS = re.compile(r"\b(?:if|unless|would|could|might|faces?|facing|had (?:he|she|they|it) been|"
                         r"(?:would|will) (?:need|require))\b", re.I)
# a question about what may be, or was to be, may be answered by what may be
_MODAL_QUESTION = re.compile(r"\b(?:will|would|could|might|may|plan|plans|want|wants|expect|expected|face|faces)\b",
                             re.I)
CAUSE = re.compile(r"\b(?:because|due to|as a result|in response to|caused|amid|following|in an attempt|"
                    r"so that|in order to|blamed|after|explained by|thanks to|driven by|fuell?ed by|boosted by|"
                    r"on the back of|reason|for (?:[a-z]+-)?[a-z]+ing)\b", re.I)


class ClaimIndex:
    """BM25 over claims, with verb families, names and subjects."""

    def __init__(self, analysis: Analysis) -> None:  # built once per analysis: Analysis.answer_index
        self.claims = analysis.claims
        terms = [self._terms(c, analysis) for c in self.claims]
        # "His death …": the person the pronoun stands for (not counted in the length, as "International
        # Monetary Fund" also being the question's "IMF" is not)
        salience = Counter(name for c in self.claims for name in name_words(c.text))
        named: dict[int, list[tuple[int, list[str]]]] = {}  # an article's sentences' names, found once
        persons = [_person(c, analysis, salience, named) for c in self.claims]
        self.docs = [Counter(own + borrowed + person + acronyms(c.text))
                     for c, (own, borrowed), person in zip(self.claims, terms, persons)]
        # (a paraphrase's marker is not a word of the claim: it finds the claim, it does not lengthen it)
        self.lengths = [len([t for t in own if not t.startswith(PARAPHRASE_MARK)]) + len(borrowed) or 1
                        for own, borrowed in terms]
        # words only borrowed from the sentences before support a match less than the claim's own
        self.borrowed = [set(borrowed + person) - set(own) for (own, borrowed), person in zip(terms, persons)]
        self.subjects = [set(subject_stems(c.text)) for c in self.claims]
        # names as written: a question's "Beats Electronics" is not "an electronics retailer"
        self.names = [self._names(c, doc) for c, doc in zip(self.claims, self.docs)]
        # when each claim happened or was reported: a question's "in May 2014" is matched against these
        self.now = analysis.now
        self.spans = [[(e.span.start, e.span.end) for e in analysis.events_of(c.id)] +
                      [(day, day) for day in (analysis.article(i).published_date for i in c.sources) if day]
                      for c in self.claims]
        self.df = Counter(t for d in self.docs for t in d)
        self.avg = sum(sum(d.values()) for d in self.docs) / max(len(self.docs), 1)

    @staticmethod
    def _names(claim: Claim, doc: Counter[str]) -> set[str]:
        """The claim's names and numbers, and the names it borrowed from the sentences before."""
        own = words(claim.text)
        plain = {term_of(w) for w in own if not (w[:1].isupper() or w[:1].isdigit())}
        return {term_of(w) for w in own if w[:1].isupper() or w[:1].isdigit()} | {t for t in doc if t not in plain}

    def _terms(self, claim: Claim, analysis: Analysis) -> tuple[list[str], list[str]]:
        """The claim's own terms, and the names it borrows from the sentences before it."""
        tokens = words(claim.text)
        own = [part for w in tokens for part in pieces(w, whole=True)]
        terms = expand([term_of(w) for w in own if w.lower() not in STOP_WORDS])
        # a maker's name and a model number are the model's designation: "Airbus 380" is the A380
        terms += [stem(a[0] + b) for a, b in zip(tokens, tokens[1:]) if a[:1].isupper() and b.isdigit()]
        # the years it happened or was reported in: "at WWDC 2005" finds a 2005 report of the event
        terms += sorted({f"#year{e.span.start.year}" for e in analysis.events_of(claim.id)})
        borrowed = []
        if _ANAPHOR.match(claim.text) or _DEFINITE.search(claim.text):
            # "The town lies…", "ISIS had seized the strategic town": borrow the names just mentioned
            first = claim.first
            before = [s for s in analysis.story.sentences_of(first.article) if s.index in (first.index - 1,
                                                                                          first.index - 2)]
            borrowed = [stem(part) for s in before for w in words(s.text) if w[:1].isupper()
                        for part in pieces(w, whole=True) if part.lower() not in STOP_WORDS]
        return terms, borrowed

    def tells(self, claim: Claim, terms: set[str]) -> bool:
        """Whether the claim tells the event `terms` name (see terms.tells_event)."""
        return tells_event(self.docs[claim.id - 1].keys(), terms)

    def mentions(self, claim: Claim, terms: set[str]) -> int:
        """How many of `terms` the claim holds, each itself or through its family."""
        doc = self.docs[claim.id - 1]
        return sum(any(t in doc for t in expand([term])) for term in terms)

    def search(self, question: str) -> list[tuple[Claim, float, float]]:
        """(claim, score, coverage) best first, for claims matching any content word of the question.

        Coverage is the share of the question's weighted terms a claim matches. "Who" favours a
        claim where a matched word is a past-tense verb ("recaptured", not "the recapture");
        "where" favours claims that locate something; a subject named in "when did X …" that
        is the claim's subject counts double.
        """
        # a date the question names ("in May 2014") is matched against when claims happened or were
        # reported, not as the words "May" and "2014"
        dates = [t for t in tag(question, self.now) if t.span and t.type in ("DATE", "TIME") and not _titled(t.text)]
        words_of = question
        for timex in reversed(dates):
            words_of = words_of[:timex.start] + " " + words_of[timex.end:]
        dated = {i for i, spans in enumerate(self.spans)
                 if any(d.span.start <= start and end <= d.span.end for start, end in spans for d in dates if d.span)
                 } if dates else set()
        date_idf = math.log(1 + (len(self.docs) - len(dated) + 0.5) / (len(dated) + 0.5))
        # "How long …" asks for a duration: "long" is how it asks, not what ("long before he was ill")
        query = [part for w in words(HOW_ADJECTIVE.sub("how", words_of)) for part in pieces(w, whole=False)
                 if part.lower() not in QUESTION_WORDS and part.lower() not in STOP_WORDS]
        weights = {term_of(w): (NAME_WEIGHT if w[:1].isupper() or w[:1].isdigit() else
                                SCAFFOLD_WEIGHT if stem(w) in SCAFFOLD else 1.0)
                   for w in query}
        names = {term_of(w) for w in query if w[:1].isupper()}
        subject = set(question_subject(question))
        kind = re.sub(r"^by\s+", "", question.lower()).split(" ", 1)[0]
        lone = _lone_capitals(question) if kind != "when" else set()  # "when" answers keep their own matching
        how_many = bool(HOW_MANY.match(question))
        # "How many years did he get?" asks what did happen: not what he faced if convicted
        # "What did she die of?": the asked verb followed by that preposition ("died of cancer")
        stranded = re.search(r"\b([a-z]+)\s+(of|from|with|about|over|for|on|by)\s*\?*$", question) if kind == "what" else None
        factual = kind != "when" and not _MODAL_QUESTION.search(question)
        plain = {term for term in weights if term not in names}
        count = counted_noun(question)
        counted = {count} if count else plain
        n = len(self.docs)
        # what else finds each term, worked out once per question: a name is matched by a name
        # (borrowed ones included) or as the same country ("Russia": "Moscow"); a word also by its
        # family ("maiden" finds "first")
        others = {term: places([term]) if term in names else expand([term]) for term in weights}
        scored = []
        total = sum(weights.values()) + (NAME_WEIGHT if dates else 0.0)
        for i, (claim, doc, length, subj, claim_names, borrowed) in enumerate(zip(
                self.claims, self.docs, self.lengths, self.subjects, self.names, self.borrowed)):
            score = matched = 0.0
            if i in dated:  # the date counts as a name does, found once
                score += NAME_WEIGHT * date_idf * (K1 + 1) / (1 + K1 * (1 - B + B * length / self.avg))
                matched += NAME_WEIGHT
            for term, weight in weights.items():
                lowered = False
                if term in names:
                    options = ([term] if term in claim_names else []) + others[term]
                    # "the Senate's vote": "Brazil's senate voted" (a lone capital, not "Beats Electronics")
                    lowered = term in lone and term not in claim_names and bool(doc.get(term))
                else:
                    options = others[term]
                hits = [(t, weight if t == term else RELATED_WEIGHT * weight) for t in options if doc.get(t)]
                hits += [(term, RELATED_WEIGHT * weight)] if lowered else []
                if not hits:
                    continue
                t, w = max(hits, key=lambda h: h[1])
                w *= BORROWED_WEIGHT if t in borrowed else 1.0
                tf = doc[t]
                idf = math.log(1 + (n - self.df[t] + 0.5) / (self.df[t] + 0.5))
                score += w * idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / self.avg))
                matched += weight
            if not score:
                continue
            if subject and subject & subj:
                score *= SUBJECT_BOOST
            if kind == "who" and _has_past_verb(claim.text, weights):
                score *= KIND_BOOST
            if kind == "where" and _LOCATION.search(claim.text):
                score *= KIND_BOOST
            if how_many:  # "how many dealerships": a figure next to the counted noun is the answer
                score *= 2.0 if figure_near(claim.text, counted, before=bool(count)) else \
                    1.0 if figure_near(claim.text, plain) else 0.5
            if kind == "why" and CAUSE.search(claim.text):
                score *= KIND_BOOST
            if stranded and _verb_then(claim.text, stem(stranded.group(1)), stranded.group(2)):
                score *= KIND_BOOST
            if factual and _HYPOTHESIS.search(claim.text):
                score *= HYPOTHETICAL
            if claim.text.count('"') % 2 or claim.text.count("“") != claim.text.count("”"):
                score *= CUT_QUOTE  # a quotation cut in two ('It has to be a 25-year product. "') answers nothing
            coverage = matched / total
            scored.append((claim, score * coverage * (1 + RANK_TIE * claim.score), coverage))
        scored.sort(key=lambda cs: (cs[2] < ANSWERED, -cs[1], cs[0].id))
        return scored


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
                          "fifty hundred hundreds thousand thousands million millions billion billions dozen dozens "
                          "half".split())
_AGE = re.compile(r",\s*\d{1,3},|\baged\s+\d+")  # "Pistorius, 27," gives an age, not the count asked for


def figure_near(text: str, asked: set[str], before: bool = False) -> bool:
    """Whether a figure (digits or a number word; not a year, a day of a month or an age) stands
    within four words of one of the `asked` terms or their family ("1,100 of its dealerships",
    "six years in prison"), or, if `before`, within four words before it."""
    tokens = words(_AGE.sub(",", text))
    families = set(expand(sorted(asked)))
    figures = [i for i, t in enumerate(tokens) if ((t[:1].isdigit() and not YEAR.fullmatch(t))
                                                   or t.lower() in _NUMBER_WORDS) and not _day_of_month(tokens, i)]
    near = [i for i, t in enumerate(tokens) if families & set(expand([term_of(t)]))]
    return any(0 < k - i <= 4 if before else abs(i - k) <= 4 for i in figures for k in near)


def _person(claim: Claim, analysis: Analysis, salience: Counter[str], named: dict[int, list[tuple[int, list[str]]]]
            ) -> list[str]:
    """For a claim opening on "He", "His", "She" or "Her", or naming no one but saying "he", "her"…:
    the terms of the person the pronoun stands for, the name its article has given by then that the
    story names most (the story's "Bowie" over a "GuardianWitness" of the same page)."""
    if not (_PERSONAL.match(claim.text) or (_PERSONAL.search(claim.text) and not name_words(claim.text))):
        return []
    first = claim.first
    if first.article not in named:
        named[first.article] = [(s.index, name_words(s.text)) for s in analysis.story.sentences_of(first.article)]
    before = [name for index, names in named[first.article] if index <= first.index for name in names]
    if not before:
        return []
    name = max(reversed(before), key=lambda n: salience[n])  # of equals, the latest
    return [stem(part) for part in pieces(name, whole=True)]


def name_words(text: str) -> list[str]:
    """The names a sentence writes, each by the last word of its run of capitals ("Michel Temer":
    "Temer", as news names a person after the first mention), without "'s"; not the sentence's
    first word, a stop word, an acronym or a place."""
    tokens = words(text)
    return [re.sub(r"['’]s$", "", token) for i, token in enumerate(tokens)
            if i and token[:1].isupper() and not token.isupper() and token.lower() not in STOP_WORDS
            and not (i + 1 < len(tokens) and tokens[i + 1][:1].isupper()) and not _place_word(token)]


@functools.cache
def _place_word(word: str) -> bool:
    return place_of(term_of(word)) is not None


def _titled(expression: str) -> bool:
    """Whether a date expression is written as a title ("The Next Day", an album): a capitalised
    word in it that is not a month or a weekday."""
    return any(w[:1].isupper() and w.lower().rstrip(".") not in MONTHS and w.lower().rstrip(".") not in WEEKDAYS
               for w in words(expression))


def _lone_capitals(question: str) -> set[str]:
    """Terms of the question's capitalised words that stand alone, not first and with no capitalised
    neighbour ("Senate" in "What was the Senate's vote?"): an institution a source may write in
    lower case, where a run of capitals ("Beats Electronics") is a name as written."""
    tokens = words(question)
    caps = [t[:1].isupper() for t in tokens]
    return {term_of(t) for i, t in enumerate(tokens) if i and caps[i] and not caps[i - 1]
            and not (i + 1 < len(tokens) and caps[i + 1])}


def _verb_then(text: str, verb: str, preposition: str) -> bool:
    """Whether a form of `verb` (a stem) or of its family is followed by `preposition` ("died of")."""
    tokens = words(text)
    family = FAMILY.get(verb)
    return any(b.lower() == preposition and (stem(a) == verb or (family is not None and FAMILY.get(stem(a)) == family))
               for a, b in zip(tokens, tokens[1:]))


def _day_of_month(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is the day of a date ("14 February", "May 5")."""
    return any(0 <= k < len(tokens) and tokens[k].lower() in MONTHS for k in (i - 1, i + 1))


def _has_past_verb(text: str, weights: dict[str, float]) -> bool:
    """Whether a question word appears in the text as a past-tense verb ("recaptured")."""
    families = {FAMILY.get(t) for t in weights} - {None}
    for w in words(text):
        lower = w.lower()
        if (lower.endswith("ed") or lower in _PAST_FORMS) and (stem(lower) in weights or FAMILY.get(stem(lower)) in families):
            return True
    return False

