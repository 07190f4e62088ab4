"""Answer questions about a story extractively: every answer line is a cited sentence.

- "summary", "summarize in 3 sentences": the ranked summary;
- "what happened on March 27?", "... in August 2015?": the events of that date or span;
- "when did X do Y?": the dated events that best match, and the date they agree on;
- other what/who/where questions: the best-matching claims (BM25 over claims, names and
  dates in the question weighted up, a sentence's subject weighted for "who/when did X");
- nothing matches: say so, and show the nearest claims.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from storyline.summarize.dates import MONTHS, WEEKDAYS
from storyline.summarize.model import Claim, Variant
from storyline.summarize.rank.rankers import corroboration_of
from storyline.summarize.summary.choose import summarize
from storyline.summarize.text.sentences import STOP_WORDS, stem, words
from storyline.timeline.analysis import Analysis
from storyline.timeline.answers.index import ANSWERED, CAUSE, HOW_ADJECTIVE, ClaimIndex, figure_near
from storyline.timeline.answers.terms import (HOW_MANY, QUESTION_WORDS, SCAFFOLD, YEAR, counted_noun, expand,
                                              tells_event, term_of, terms_of)
from storyline.timeline.answers.verbs import FAMILY, ROLE_FAMILY
from storyline.timeline.events.build import GENERIC_FAMILIES, INNER_CLAUSE, Event, shown_text
from storyline.timeline.output.render import label
from storyline.timeline.tagger.scan import tag
from storyline.timeline.tagger.tense import IRREGULAR_PAST_SET
from storyline.timeline.timex import TimeSpan

MAX_LINES = 5
WHEN_CANDIDATES = 24  # best-matching claims whose dates a "when" answer weighs
WHEN_SLACK = 0.3  # a dated claim may match this much less of the question ("Jobs resigned" for "Steve Jobs")
LOOSER_MATCH = 4  # a claim matching less of the question votes with (coverage / best coverage) ** this
NEAR_BEST = 0.4  # a claim votes (and a report dates) only within this share of the best score
UNCERTAIN_VOTE = 0.5  # an uncertain date votes half
# a day written out ("14 May") votes more than one resolved from "on Sunday" or "yesterday", which
# inherits its page's stamp (a first version's, another time zone's: a day early or late)
CALENDAR_DAY = 1.5
WHO_CANDIDATES = 20  # best-matching claims among which "who" looks for a name beside the asked words
REPORT_DATED = 0.25  # a date that is the report's ("he said yesterday") votes like the day a report was published
FAMILY_VOTE = 0.5  # a date's clause that holds only the asked verb's family votes less than one holding the verb
PASSED_PLAN = 0.5  # a plan whose day the coverage has passed votes for a past question, as one that may have slipped
FIT_SLACK = 0.1  # a claim giving the figure asked for may match a little less of the question than ANSWERED
FINER_REACH = 100  # best-scored matches among which a finer date inside a coarse answer is sought
FINER_SHARE = 0.25  # a date inside a coarser one takes its votes with at least this share of the best's own
REPORT_LAG = timedelta(days=7)  # news reports an event within this long of it
_POINTS_BACK = re.compile(r"(?:This|That|These|Those|It|They|The (?:\w+ ){0,2}(?:fact|rise|increase|fall|drop|"
                          r"decline|gain|loss|losses|cut|cuts|move|decision|growth|jump|slump|result|results))\b")
# the reason someone gave: "saying he wanted to", "thinking there was", "mistaking her for"
_GIVEN = (r"thinking|mistak(?:en|ing)|saying (?:that )?(?:he|she|they|it) (?:wanted|had|was|would|could)|"
          r"claim(?:ed|ing) that")
_GIVEN_REASON = re.compile(rf"\b(?:{_GIVEN})\b", re.I)
# a reason: a cause word ("impeached for window-dressing the accounts" too) ("after" aside, being mostly time) or the reason someone gave
_REASON = re.compile(r"\b(?:because|due to|as a result of|in response to|caused by|in an attempt|so that|in order to|"
                     rf"blamed|explained by|thanks to|driven by|fuell?ed by|{_GIVEN}|"
                     r"accused of|allegations? (?:that|of)|for (?:[a-z]+-)?[a-z]+ing)\b", re.I)
# "Why did Holm say she was quitting?": the reason she gave is asked for, not a cause others saw
_WHY_SAID = re.compile(r"(?i)why\s+(?:did|does|do|has|have|had|would)\s+.+?\s+(?:say|claim|argue|explain|tell)\b")
# a reporting verb right before a date: the date is the report's ("he said yesterday", "told reporters on Monday")
_REPORTING_BEFORE = re.compile(r"\b(?:said|says|told(?: \w+){0,2}|announced|admitted|confirmed|revealed|added|"
                               r"insisted|claimed|stated|reported|explained|conceded|disclosed|denied)"
                               r"\s+(?:on\s+|late\s+|early\s+|earlier\s+)?$", re.I)
_PLAN = re.compile(r"\b(?:will|shall|(?:is|are|was|were) (?:to|due to|set to|expected to|scheduled to|going to))\s", re.I)
_AHEAD = re.compile(r"(?i)when\s+(?:will|is|are|does|do)\b")  # "when will…" asks for a plan
# "When did/was X VERB …": the auxiliary, then the subject and the asked verb
_WHEN_AUX = re.compile(r"(?i)^when\s+(did|does|do|was|were|is|are|has|have|had|will|would|can|could)\s+(.*)")
_PARTICIPLES = IRREGULAR_PAST_SET | frozenset("born hurt let put set cut hit shut quit taken given shown known seen beaten "
                                             "chosen driven spoken stolen sworn thrown written done gone begun".split())
# what ends a subject in lower case ("the appeal court convict Pistorius of …"): the object's article, a preposition
_SUBJECT_END = frozenset("the a an his her its their our to of in on at for from with by over into after before during "
                         "about against as".split())
_DETERMINERS = frozenset("the a an his her its their".split())  # before a noun or a role
NOUN_REACH = 3  # words between a noun of the asked verb and the date that dates it
_PREPOSITIONS = frozenset("in of on at for from with by over into during".split())
_NOT_VERB = frozenset("first last finally again almost nearly just still also even ever never".split())
# where a clause ends inside a sentence: a semicolon, a colon, a bullet, another clause's opener (not a
# dash: "ISIS overran Palmyra — known as the Pearl of the Desert — last May" is one clause round an aside)
# ("and" only after a comma: "filed for bankruptcy and Chapter 11 protection … on Monday" is one clause)
_CLAUSE_BREAK = re.compile(r"\s*(?:;(?=\s|$)|•|:\s)\s*|,\s+(?=(?:and|but)\s)|,?\s+(?=(?:while|whereas|who|which|whose|"
                           r"that|when|after|before|since|because)\s)", re.I)  # not "&amp;"
# a subordinate clause the sentence opens with ends at its first comma
_FRONTED = re.compile(r"(?:Although|Though|While|Whereas|Because|Since|After|Before|Once|Until|If|Unless)\s[^,;]*,")
CLAUSE_WORDS = 2  # a date's clause with fewer other words runs on into the next ("until 2028, when he will …")
# a clause telling what may be, was to be or was tried does not tell that it happened ("was due to be moved last
# Friday", "attempting to win a seventh Tour this July")
_MAY_BE = re.compile(r"\b(?:may|(?i:will|would|could|might|shall|due to|expected to|set to|scheduled to|going to|"
                     r"(?:is|are|was|were) to|(?:hopes?|plans?|aims?|wants?|intends?|seeks?|seeking|tr(?:y|ies|ying)|"
                     r"attempt(?:s|ing)?) to|if|unless))\s")  # "may" in lower case: not "in May 2011"
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
    also_sources: tuple[int, ...] = ()  # articles that tell it in other words (a merged event)


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
    tags = [t for t in tag(question, analysis.now) if t.span and t.type in ("DATE", "TIME")]
    index = analysis.answer_index
    span = tags[0].span if tags else None
    if span and lowered.startswith(("what", "which", "anything", "tell", "events", "show")):
        # "What happened on DATE?" lists the day; "What share of the vote did she win in 2010?" is
        # a question like any other, its year one of its terms
        rest = question[:tags[0].start] + question[tags[0].end:]
        if "happen" in lowered or not lowered.startswith(("what", "which")) or not _asked(rest):
            return date_answer(analysis, question, span, index.search(rest))
    ranked = index.search(question)
    answered = _answered(question, ranked, index)
    kind = None if answered else _kind_noun(question)
    if kind:  # "What condition are the ruins in?": "still in good shape" answers, not naming the kind
        retry = index.search(re.sub(rf"\b{re.escape(kind)}\b", " ", question, count=1))
        if _answered(question, retry, index):
            ranked, answered = retry, True
    if not answered:
        nearest = [c for c, _, _ in ranked[:3]] or sorted(analysis.claims, key=lambda c: -c.score)[:3]
        return Answer(question, "The sources do not answer that. The nearest claims are:",
                      _claim_lines(analysis, nearest), False)
    if lowered.startswith("when"):
        return when_answer(analysis, question, ranked, index)
    role = _role(question)
    if role:
        ranked = _role_named_first(question, role, ranked)
    elif lowered.startswith("who"):
        ranked = _named_first(question, ranked)
    elif lowered.startswith("where"):
        ranked = _placed_first(question, ranked)
    elif HOW_MANY.match(question):
        ranked = _figures_first(question, ranked)
    elif kind_of := _KIND_OF.match(question):
        ranked = _kinds_first(question, kind_of.group(1), ranked)
    speaker = _SAYS.match(question)
    if speaker:
        ranked = _speaker_first(speaker.group(1), ranked)
    chosen = [c for c, _, _ in ranked[:MAX_LINES]]
    if lowered.startswith("why"):
        # news states a fact, then its cause in the next sentence or two ("This fact is explained by …")
        cause = _explanation(analysis, chosen[0])
        chosen = [c for c, _, _ in _reasons_first(ranked, given=bool(_WHY_SAID.match(question)))[:MAX_LINES]]
        if cause is not None:
            chosen = [chosen[0], cause, *[c for c in chosen[1:] if c is not cause]][:MAX_LINES]
    lines = _claim_lines(analysis, chosen)
    return Answer(question, f"{len(lines)} matching claim{'s' * (len(lines) != 1)} from the sources:", lines)


def _answered(question: str, ranked: list[tuple[Claim, float, float]], index: ClaimIndex) -> bool:
    """Whether a claim covers most of the question's words and one says what it asks ("when"
    questions are dated by their own rules, which weigh claims that match less)."""
    return bool(ranked) and ranked[0][2] >= ANSWERED and (question.lower().startswith("when")
                                                          or _answerable(question, ranked, index))


_AUXILIARY = frozenset("did does do was were is are has have had will would can could".split())


def _kind_noun(question: str) -> str | None:
    """The noun a "what N …" question names the kind of its answer by ("condition" in "What
    condition are the ruins in?", "style" in "What production style is …", "share" in "What share
    of the vote did …"): the last of at most two lower-case words before an auxiliary or an "of"."""
    tokens = words(question)
    if len(tokens) < 3 or tokens[0].lower() != "what":
        return None
    for k in (2, 3):
        if k < len(tokens) and (tokens[k].lower() in _AUXILIARY or tokens[k].lower() == "of"):
            phrase = tokens[1:k]
            if all(w.islower() and w not in STOP_WORDS for w in phrase):
                return phrase[-1]
            return None
    return None


def _answerable(question: str, ranked: list[tuple[Claim, float, float]], index: ClaimIndex) -> bool:
    """Whether some claim could answer the question: one matching most of it holds some of what it
    asks besides its names ("marry" in "Who did Oscar Pistorius marry?", not only "Oscar
    Pistorius"); for "how many/much", one matching nearly as much gives a figure beside the counted
    noun or an asked word (the figure is often told in a shorter sentence: "The index dropped 9.6%")."""
    asked = _asked(question)
    if asked and not any(index.mentions(c, asked) for c, _, coverage in ranked if coverage >= ANSWERED):
        return False
    if HOW_MANY.match(question):
        # the figure must be told of what the question names: a bonus paid to Quinn is not what Quinn paid Velo
        count = counted_noun(question)
        names = _names(question)
        return any(figure_near(c.text, asked | ({count} if count else set())) and index.mentions(c, names) == len(names)
                   for c, _, coverage in ranked if coverage >= ANSWERED - FIT_SLACK)
    return True


def _names(question: str) -> set[str]:
    """The terms of the question's names and numbers (its capitalised words but the first), dates
    aside ("in October 2008" says when, which a sentence giving the figure need not repeat)."""
    return {term_of(w) for w in words(question)[1:] if (w[:1].isupper() or w[:1].isdigit())
            and w.lower() not in QUESTION_WORDS and w.lower() not in STOP_WORDS and w.lower() not in _NOT_PLACES
            and not YEAR.fullmatch(w)}


def _asked(question: str) -> set[str]:
    """What the question asks about besides its names: its own words that are neither names nor
    scaffolding ("marry" in "Who did Oscar Pistorius marry?"; not "long" in "how long")."""
    return {term_of(w) for w in words(HOW_ADJECTIVE.sub("how", question)) if w[:1].islower()
            and w.lower() not in QUESTION_WORDS and w.lower() not in STOP_WORDS and stem(w) not in SCAFFOLD}


def _named_first(question: str, ranked: list[tuple[Claim, float, float]]) -> list[tuple[Claim, float, float]]:
    """For "who": of the best WHO_CANDIDATES answering claims, those that name someone the question
    does not, beside one of its words ("the prosecutor, Gerrie Nel", "judge Larry Fidler"), first."""
    asked = _asked(question)
    known = {term_of(w) for w in words(question)}
    head = [r for r in ranked[:WHO_CANDIDATES] if r[2] >= ANSWERED]
    named = [r for r in head if _name_beside(r[0].text, asked, known)]
    tokens = words(question)
    if len(tokens) > 2 and tokens[1].islower() and tokens[1] not in _AUXILIARY:
        # "Who confirmed X?": "X was confirmed by his son, Duncan Jones" names the doer
        agents = [r for r in head if _agent(r[0].text, term_of(tokens[1]), known)]
        named = agents + [r for r in named if r not in agents]
    elif len(tokens) > 3 and tokens[1].lower() in ("did", "does", "do"):
        # "Who did Rousseff beat?": "her victory against the opposition candidate, José Serra"
        verb = next((w for w in tokens[3:] if w.islower() and w not in STOP_WORDS), None)
        if verb:
            family = {term_of(verb)} | {t for t, f in FAMILY.items() if f == FAMILY.get(term_of(verb))}
            objects = [r for r in head if _object(r[0].text, family, known)]
            named = objects + [r for r in named if r not in objects]
    return named + [r for r in ranked if r not in named]


_OVER = frozenset("over against".split())


def _object(text: str, family: set[str], known: set[str]) -> bool:
    """Whether a name the question does not give is what the asked verb acts on: right after the
    verb or a word of its family ("beat Serra"), or after "over"/"against" within six words of it
    ("victory in the final over Lea Park"), with no other name between."""
    tokens = words(text)
    capital = _capitals(tokens)

    def fresh_after(start: int) -> bool:  # the first name within six words is not the question's
        k = next((k for k in range(start, min(len(tokens), start + 6)) if capital[k]), None)
        return k is not None and _new_name(tokens, capital, known, k)

    for i, token in enumerate(tokens):
        if term_of(token) not in family:
            continue
        if i + 1 < len(tokens) and capital[i + 1]:
            if fresh_after(i + 1):
                return True
            continue
        for j in range(i + 1, min(len(tokens), i + 7)):
            if capital[j]:
                break
            if tokens[j].lower() in _OVER and fresh_after(j + 1):
                return True
    return False


def _agent(text: str, verb: str, known: set[str]) -> bool:
    """Whether a name the question does not give follows "VERB by" within four words."""
    tokens = words(text)
    capital = _capitals(tokens)
    return any(term_of(token) == verb and i + 1 < len(tokens) and tokens[i + 1].lower() == "by"
               and any(_new_name(tokens, capital, known, k)
                       for k in range(i + 2, min(len(tokens), i + 6)))
               for i, token in enumerate(tokens))


# the words that end "who was the ROLE …" or "which ROLE …": a clause, a preposition, a verb
_AFTER_ROLE = frozenset("who whom that which when where after before during of in at for on to by from with did does "
                        "do was were is are has have had will would".split())
_ROLE_START = re.compile(r"(?i)\b(?:who\s+(?:is|was|are|were)\s+(?:the\s+|(?:[\w-]+\s+){0,3}[\w-]+['’]s\s+)|which\s+)(.+)")
ROLE_FLOOR = 0.5  # a claim naming the one in the asked role may match this share of ANSWERED


def _role(question: str) -> str | None:
    """The role a question asks the holder of: "Who was the judge who sentenced him?": "judg";
    "Who was her opponent …": "oppon"; "Which awards show did she miss?": "show"."""
    match = _ROLE_START.search(question)
    if not match:
        return None
    phrase: list[str] = []
    for w in words(match.group(1)):
        if w.lower() in _AFTER_ROLE or (phrase and w.islower() and w.endswith("ed")):
            break
        phrase.append(w)
    return term_of(phrase[-1]) if phrase and phrase[-1].lower() not in STOP_WORDS else None


def _role_named_first(question: str, role: str, ranked: list[tuple[Claim, float, float]]
                      ) -> list[tuple[Claim, float, float]]:
    """For "who was the ROLE …" and "which ROLE …": the claims that give a name the question does
    not beside the role ("the maid, Nafissatou Diallo", "judge Patricia Schnegg", "rival Aecio
    Neves") first, among those matching most of the question, or, if none does, those matching a
    fair share of it next after the best match; then as for any "who"."""
    known = {term_of(w) for w in words(question)}
    roles = {role} | {t for t, family in ROLE_FAMILY.items() if family == ROLE_FAMILY.get(role)}
    named = [r for r in ranked if r[2] >= ROLE_FLOOR * ANSWERED and _apposed(r[0].text, roles, known)]
    strong = [r for r in named if r[2] >= ANSWERED]
    if strong:
        return strong + _named_first(question, [r for r in ranked if r not in strong])
    # those matching less of the question come after the best match, not over it
    head = ranked[:1] if ranked and ranked[0] not in named else []
    return head + named + _named_first(question, [r for r in ranked if r not in named and r not in head])


def _figures_first(question: str, ranked: list[tuple[Claim, float, float]]) -> list[tuple[Claim, float, float]]:
    """For "how many N" (and "how much", "how long"): of the best WHO_CANDIDATES answering claims,
    those that give a figure of N ("31 of the 40 deputies"), or near an asked word when the question
    counts no noun ("an estate of $100m"), first: a sentence matching every word of the question may
    give no such figure."""
    count = counted_noun(question)
    wanted, before = ({count}, True) if count else (_asked(question), False)
    head = [r for r in ranked[:WHO_CANDIDATES] if r[2] >= ANSWERED]
    figured = [r for r in head if figure_near(r[0].text, wanted, before=before)]
    return figured + [r for r in ranked if r not in figured]


_KIND_OF = re.compile(r"(?i)(?:what|which)\s+(?:kind|type|sort|form)s?\s+of\s+([\w-]+)")


def _kinds_first(question: str, noun: str, ranked: list[tuple[Claim, float, float]]
                 ) -> list[tuple[Claim, float, float]]:
    """For "what kind of N": of the best WHO_CANDIDATES answering claims, those that name a kind of N
    (a word the question does not hold right before N: "a hamstring injury", not "his injury"), first."""
    known = {term_of(w) for w in words(question)}
    target = term_of(noun)

    def kinded(text: str) -> bool:
        tokens = words(text)
        return any(term_of(t) == target and k > 0 and tokens[k - 1].lower() not in STOP_WORDS
                   and term_of(tokens[k - 1]) not in known and not tokens[k - 1][:1].isdigit()
                   for k, t in enumerate(tokens))

    head = [r for r in ranked[:WHO_CANDIDATES] if r[2] >= ANSWERED]
    kinds = [r for r in head if kinded(r[0].text)]
    return kinds + [r for r in ranked if r not in kinds]


_AT = frozenset("at in near outside inside".split())  # what puts an event in a place
_BEFORE_PLACE = frozenset("the a an his her their its".split())
_NOT_PLACES = frozenset(MONTHS) | frozenset(WEEKDAYS)  # "in May", "on Friday" say when, not where


def _placed_first(question: str, ranked: list[tuple[Claim, float, float]]) -> list[tuple[Claim, float, float]]:
    """For "where": of the best WHO_CANDIDATES answering claims, those that put an asked word in a
    named place ("arrested at JFK airport", "born David Jones in Brixton") first. The asked words
    themselves, not their families: "meet her on the night she died" asks where they met, and "shot
    dead at his home" is not that place."""
    asked = _asked(question)
    head = [r for r in ranked[:WHO_CANDIDATES] if r[2] >= ANSWERED]
    placed = [r for r in head if _places(r[0].text, asked)]
    return placed + [r for r in ranked if r not in placed]


def _places(text: str, asked: set[str]) -> bool:
    """Whether "at/in/near … Name" follows one of the `asked` terms within four words."""
    tokens = words(text)
    for i, token in enumerate(tokens):
        if term_of(token) not in asked:
            continue
        for k in range(i + 1, min(len(tokens), i + 5)):
            if tokens[k].lower() in _AT:
                rest = [t for t in tokens[k + 1:k + 4] if t.lower() not in _BEFORE_PLACE]
                if rest and rest[0][:1].isupper() and rest[0].lower() not in _NOT_PLACES:
                    return True
    return False


# "What did the minister say?", "What has Lisk told reporters?": the one whose words are asked for
_SAYS = re.compile(r"(?i)what\s+(?:did|does|do|has|have|had|will|would)\s+(.+?)\s+"
                   r"(?:say|tell|announce|claim|argue|write|tweet|reply|answer)\b")
# the words a source gives someone's words with ("Assad said", "said Ms Lisk", "according to Renn")
_SAYING = frozenset("say says said tell tells told add adds added insist insists insisted argue argues argued "
                    "claim claims claimed state states stated announce announces announced declare declares "
                    "declared warn warns warned counter counters countered explain explains explained reply "
                    "replies replied write writes wrote tweet tweets tweeted according".split())


def _speaker_first(subject: str, ranked: list[tuple[Claim, float, float]]) -> list[tuple[Claim, float, float]]:
    """For "what did X say?": of the answering claims, those in which X is the one saying it ("Assad
    said", "said President Assad") first, before those that quote someone else about X. X is the
    phrase's head ("the defence" of "Spector's defence"), or, when it ends in a name, that name."""
    tokens = words(subject)
    head = [w for w in tokens if w[:1].isupper()] if tokens and tokens[-1][:1].isupper() else tokens[-1:]
    speaker = {term_of(w) for w in head if w.lower() not in STOP_WORDS}
    said = [r for r in ranked if r[2] >= ANSWERED and _speaks(r[0].text, speaker)]
    return said + [r for r in ranked if r not in said]


def _speaks(text: str, speaker: set[str]) -> bool:
    """Whether a word of `speaker` stands within three words of a saying verb."""
    tokens = words(text)
    return any(tokens[k].lower() in _SAYING for i, token in enumerate(tokens) if term_of(token) in speaker
               for k in range(max(0, i - 3), min(len(tokens), i + 4)))


def _reasons_first(ranked: list[tuple[Claim, float, float]], given: bool = False) -> list[tuple[Claim, float, float]]:
    """For "why": of the best WHO_CANDIDATES answering claims, those that give a reason first (a
    cause word, or a reason someone gave: "saying he wanted to", "thinking there was"); a question
    a source asks ("Is that why …?") answers nothing. If the reason `given` is asked for ("why did
    she say …"), the claims that tell one come before them, from all the answering claims (a
    resignation is told in many sentences, the reason given in few)."""
    def answers(r: tuple[Claim, float, float]) -> bool:
        return r[2] >= ANSWERED and not r[0].text.rstrip().endswith("?")

    told = [r for r in ranked if answers(r) and _GIVEN_REASON.search(r[0].text)] if given else []
    reasons = told + [r for r in ranked[:WHO_CANDIDATES] if answers(r) and _REASON.search(r[0].text) and r not in told]
    return reasons + [r for r in ranked if r not in reasons]


def _name_beside(text: str, asked: set[str], known: set[str]) -> bool:
    """Whether a name the question does not give stands within three words of an asked term: a
    capitalised word not in the question, nor in a run of capitals holding one of its names
    ("Dominique" in "Dominique Strauss-Kahn" is the question's "Strauss-Kahn")."""
    tokens = words(text)
    capital = _capitals(tokens)
    for i, token in enumerate(tokens):
        if term_of(token) in asked:
            near = range(max(1, i - 3), min(len(tokens), i + 4))  # the sentence's first word is capitalised anyway
            if any(_new_name(tokens, capital, known, k) for k in near):
                return True
    return False


_DEFINITE = frozenset("the his her its their".split())


def _modifies(tokens: list[str], capital: list[bool], k: int) -> bool:
    """Whether the run of capitals ending at k follows a definite determiner: "the PSDB challenger"
    says which challenger, it does not name one."""
    while k > 0 and capital[k - 1]:
        k -= 1
    return k > 0 and tokens[k - 1].lower() in _DEFINITE


def _apposed(text: str, roles: set[str], known: set[str]) -> bool:
    """Whether a name the question does not give stands in apposition to a role: after it, with at
    most two determiners or lower-case words between ("the maid, Nafissatou Diallo", "chief executive
    Travis Tygart"), or right before it ("Graça Foster, head of", "Diallo, the maid"); not across a
    preposition ("a maid at the Sofitel") nor a noun before it ("the New York hotel maid"), nor, for a
    person's role, a name that modifies it ("the PSDB challenger")."""
    tokens = words(text)
    capital = _capitals(tokens)
    people = bool(roles & ROLE_FAMILY.keys())  # "the Sofitel hotel" names the hotel; "the PSDB challenger" no one

    def fresh(k: int) -> bool:
        return k > 0 and _new_name(tokens, capital, known, k)

    for i, token in enumerate(tokens):
        if term_of(token) not in roles:
            continue
        for k in range(i + 1, min(len(tokens), i + 4)):
            if fresh(k):
                return True
            if capital[k] or (tokens[k].lower() in STOP_WORDS and tokens[k].lower() not in _DETERMINERS):
                break
        before = i - 2 if i > 1 and tokens[i - 1].lower() in _DETERMINERS else i - 1
        if before >= 0 and fresh(before) and not (people and before == i - 1 and _modifies(tokens, capital, before)):
            return True
    return False


def _capitals(tokens: list[str]) -> list[bool]:
    """Per token, whether it may be part of a name: capitalised and not a stop word ("The", "He")."""
    return [t[:1].isupper() and t.lower() not in STOP_WORDS for t in tokens]


def _new_name(tokens: list[str], capital: list[bool], known: set[str], k: int) -> bool:
    """Whether tokens[k] is part of a name the question does not give (no term of its run is `known`)."""
    return capital[k] and not known & _run(tokens, capital, k)


def _run(tokens: list[str], capital: list[bool], k: int) -> set[str]:
    """The terms of the run of capitalised words holding tokens[k]."""
    start, end = k, k + 1
    while start > 0 and capital[start - 1]:
        start -= 1
    while end < len(tokens) and capital[end]:
        end += 1
    return {term_of(t) for t in tokens[start:end]}


def _explanation(analysis: Analysis, claim: Claim) -> Claim | None:
    """The claim of one of the two sentences after `claim` in its article that gives its cause
    while pointing back to it ("This fact is explained by great demand for the iPod"), or, when
    `claim` gives no cause itself, the very next sentence if that one does ("He said he had
    panicked, because …")."""
    first = claim.first
    for sentence in analysis.story.sentences_of(first.article):
        nearby = first.index < sentence.index <= first.index + 2 and bool(_POINTS_BACK.match(sentence.text))
        following = sentence.index == first.index + 1 and not CAUSE.search(claim.text)
        if (nearby or following) and CAUSE.search(sentence.text):
            return next((c for c in analysis.claims if any(m.article == sentence.article
                                                         and m.index == sentence.index for m in c.members)), None)
    return None


def summary_answer(analysis: Analysis, count: int, question: str = "summary") -> Answer:
    # answer lines show events' whole sentences: chosen whole (summarize compresses by default)
    chosen = summarize(analysis.claims, sentences=max(1, min(count, 30)), source_of=analysis.source_of, compress=False,
                       weights=analysis.concept_weights)
    lines = _claim_lines(analysis, chosen)
    return Answer(question, f"Summary in {len(lines)} sentence{'s' * (len(lines) != 1)}:", lines)


def date_answer(analysis: Analysis, question: str, span: TimeSpan,
                ranked: list[tuple[Claim, float, float]] | None = None) -> Answer:
    """The events inside (or overlapping) the span the question names: those that match the rest
    of the question (`ranked`: "at the trial", or a name only, "to Oscar Pistorius") first, then
    those the most articles report (the day's main event before a minor item told once, however
    central its words), certain before uncertain, then the best ranked. A question a source asks
    ("Was the town ready?") tells nothing."""
    inside = [e for e in analysis.timeline.events if e.span.start <= span.end and e.span.end >= span.start
              and (e.span.end - e.span.start) <= (span.end - span.start) + _slack(span)
              and not e.text.rstrip().endswith("?")]
    match = {c.id: score for c, score, coverage in ranked or [] if coverage >= ANSWERED}
    inside.sort(key=lambda e: (e.fallback and e.claim not in match, bool(match) and e.claim not in match,
                               -len(e.reporting), not e.certain, -e.score))
    lines = _event_lines(inside)
    if not lines:
        return Answer(question, f"Nothing in the sources is dated {label(span)}.", (), False)
    return Answer(question, f"{len(inside)} event{'s' * (len(inside) != 1)} dated {label(span)}:", lines)


def when_answer(analysis: Analysis, question: str, ranked: list[tuple[Claim, float, float]],
                index: ClaimIndex | None = None) -> Answer:
    """The dates of the best-matching dated events; the note names the date they agree on.

    Only the claims that match as much of the question as the best one does may vote (many
    loose matches on one day must not outvote the one sentence that says it); each dated event
    votes for its date with its match score, more for more outlets, less when uncertain.
    """
    # what happened: the question's own words that are neither names nor scaffolding ("resign")
    happened = _asked(question)
    # the asked verb, for a past question (a plan's clause is all modals: it decides nothing between plans)
    asked_verb = _asked_verb(question)  # a plan's verb too: "when will it arrive" ("when it arrives on …")
    verb = None if _AHEAD.match(question) else asked_verb
    names = _question_names(question)  # "interim president Michel Temer" names him, it does not tell he became it
    dated, telling, reported, weaker = _candidates(analysis, question, ranked, index, happened, verb, names)
    # when some dated sentence tells the asked event in its own words, only such sentences vote
    # ("Jobs, born … on February 24, 1955" over the keynote that merely names Steve Jobs); those
    # whose date's own clause holds the asked verb ("sentenced", not "found guilty") before the rest
    best_told = max(telling, default=0)
    report_told = max((_report_tells(e, happened, verb, names) for e, _ in reported), default=0) if happened else 0
    # sentences that tell it with most of its words but not its verb may still name the finer date
    refining = [d for d, tells in zip(dated, telling) if 0 < tells < best_told]
    if best_told and best_told >= report_told:
        dated = [d for d, tells in zip(dated, telling) if tells == best_told]
    elif report_told:
        dated = []  # only a report tells it ("has made its maiden flight"): not "the first A380 was unveiled"
    elif reported and not any(e.role == "main" or (asked_verb and asked_verb in terms_of(e.text)) for e, _ in dated):
        dated = []  # nothing tells it, and only clauses of other events are dated (none with its verb): reports bound it
    # among the claims that say a date, only those near the best of them vote (a sentence dated
    # only by its report does not silence the one that names the day)
    best_dated = max((score for _, score in dated), default=0.0)
    voters, dated = dated, [(e, score) for e, score in dated if score >= NEAR_BEST * best_dated]
    # no date in the sentence: it happened by the day it was reported (a plan's day is not bounded so:
    # "makes a last stand this week" in a Sunday paper says nothing of when she "will stand for" office)
    if not dated and reported and not _AHEAD.match(question):
        # (by the first report that tells it, near the best of those that do: the best match may tell only
        # part of it, "appealed the ban", where a report of less weight says "won his appeal")
        event = _first_report(reported + weaker if any(_report_tells(e, happened, verb, names) for e, _ in weaker)
                              else reported, happened, verb, names)
        lines = _event_lines([event] + [e for e, _ in reported])
        return Answer(question, f"By {label(event.span)}, the day {_cite_count([event])} reported it:", lines)
    if not dated:
        lines = _claim_lines(analysis, [c for c, _, _ in ranked[:3]])
        return Answer(question, "The sources give no date for that; the closest claims are:", lines, False)
    # a report that tells the event may make a month's answer its day ("freed from house arrest", a July 1 lede)
    # (not a plan's: the day a plan was reported is not its day)
    told = [] if _AHEAD.match(question) else [(e, score * UNCERTAIN_VOTE, _report_tells(e, happened, verb, names))
                                              for e, score in reported]
    # the finest date inside the agreed one: told by the sentences and reports that tell it best, else
    # by those that tell it less well ("the Reasoned Decision published last year", then "A 10 October
    # 2012 report from Usada"; a report that "a judge dropped charges" before the arrest's "today")
    best = [(e, w) for e, w, level in told if level == best_told > 0]
    less = [(e, w) for e, w, level in told if 0 < level < best_told]
    top = _finest(_agreed_date(dated), voters + best)
    top = _day_before_report(top, voters + best, refining)
    dated = list({id(e): (e, w) for e, w in dated + voters + best + refining + less}.values())
    if verb and next(e.span for e, _ in dated if e.span.value == top).granularity != "day":
        # nothing that tells it best names a finer date: a looser match may, with the asked verb (or its
        # family) in the finer date's own clause ("which opened at the theatre on Monday 7 December" inside
        # "the musical opens in December"), before those that tell it less well ("despite a devastating
        # impeachment vote", a report)
        finer = _finer_by_verb(analysis, ranked, next(e.span for e, _ in dated if e.span.value == top), verb)
        top = _finest(top, voters + best + finer)
        dated = list({id(e): (e, w) for e, w in dated + finer}.values())
    top = _finest(top, dated)
    agreeing = sorted((e for e, _ in dated if e.span.value == top), key=lambda e: not e.certain)
    others = [e for e, _ in dated if e.span.value != top]
    lines = _event_lines(agreeing + others)
    return Answer(question, f"{label(agreeing[0].span)}, according to {_cite_count(agreeing)}:", lines)


def _day_before_report(value: str, dated: list[tuple[Event, float]], telling: list[tuple[Event, float]]) -> str:
    """A report's day (`value`, if only reports give it) bounds the event, as news tells it within days: a
    sentence that tells it less well but names a day in the week up to that report gives the day itself
    ("A 10 October report from Usada …" beside a report of 11 October that it "was publishing")."""
    at = [e for e, _ in dated if e.span.value == value]
    if not at or not all(e.fallback for e in at):
        return value
    day = at[0].span.start
    exact = [(e, w) for e, w in telling if not e.fallback and e.span.granularity == "day"
             and timedelta(0) <= day - e.span.start < REPORT_LAG]
    return max(exact, key=lambda ew: ew[1])[0].span.value if exact else value


def _asked_verb(question: str) -> str | None:
    """The term of the verb a "when" question asks about, or None if it is scaffolding ("make",
    "take") or cannot be told: the participle of "When was X sentenced …", the first plain word
    after a named subject ("When did Bowie die"), the last before the object or a preposition
    after a subject in lower case or a possessive ("When did the appeal court convict X of …")."""
    match = _WHEN_AUX.match(question.strip())
    if not match:
        return None
    tokens = words(match.group(2))
    plain = [i for i, t in enumerate(tokens) if t[:1].islower() and t.lower() not in STOP_WORDS
             and not t.lower().endswith("ly") and t.lower() not in _NOT_VERB]
    if not plain:
        return None
    if match.group(1).lower() in ("was", "were", "is", "are"):
        at = next((i for i in plain if tokens[i].lower().endswith("ed") or tokens[i].lower() in _PARTICIPLES), plain[0])
    else:
        end = next((k for k, t in enumerate(tokens) if k and t.lower() in _SUBJECT_END), len(tokens))
        before = [i for i in plain if i < end]
        if tokens[0][:1].isupper() and not tokens[0].endswith("'s"):
            # after a name, the first plain word, unless a plural noun of the subject ("Syrian troops enter")
            before = [i for i in before if not (tokens[i].endswith("s") and not tokens[i].endswith("ss")
                                                and i != before[-1])][:1]
        if not before:
            return None
        at = before[-1]
        # a subject that ends on a place or name ("X's trial in Lille begin"): the verb is the last word
        if (end + 1 < len(tokens) - 1 and tokens[end].lower() in _PREPOSITIONS and plain[-1] == len(tokens) - 1
                and all(t[:1].isupper() and not t.endswith("'s") for t in tokens[end + 1:-1])):
            at = plain[-1]
    return None if stem(tokens[at]) in SCAFFOLD else term_of(tokens[at])


def _holds_verb(terms: set[str], verb: str) -> float:
    """1 if terms hold the verb itself, FAMILY_VOTE if only its family ("overran" for "seize",
    but also "a fall from grace" for "dropped"), else 0."""
    return 1.0 if verb in terms else FAMILY_VOTE if any(t in terms for t in expand([verb])) else 0.0


def _own_clause(text: str, expression: str | None) -> str | None:
    """The clause of `text` that holds the date `expression`: "died 10 January 2016" in "born 8
    January 1947; died 10 January 2016", "who was found guilty … last month" in "The sentencing of
    X, who was found guilty … last month"; None if the expression is not in the text."""
    at = text.find(expression) if expression else -1
    if at < 0:
        return None
    left, rights = 0, []
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
    fronted = _FRONTED.match(text)
    if fronted:  # "Although he was stripped of his titles on Monday, the sport will have to wait …"
        breaks = sorted(breaks + [(fronted.end() - 1, fronted.end())])
    for start, end in breaks:
        if end <= at:
            left = end
        elif start >= at + len(expression or ""):
            rights.append(start)
    rights.append(len(text))
    clause = text[left:rights[0]]
    if len(clause.split()) - len((expression or "").split()) < CLAUSE_WORDS:
        clause = text[left:rights[1] if len(rights) > 1 else len(text)]
    return clause


def _may_only_be(event: Event) -> bool:
    """Whether the verb phrase of a sentence's own date tells what may be, was to be or was tried
    ("could be moved in August"), a plan's excepted (a plan whose day has passed is weighed as one)."""
    clause = _own_clause(event.text, event.expression)
    if event.role == "planned" or clause is None or not event.expression:
        return False
    # the verb phrase round the date, not another joined to it ("was recorded on Monday and will be shown")
    at = clause.find(event.expression)
    before, after = clause[:at], clause[at + len(event.expression):]
    phrase = before.rsplit(" and ", 1)[-1] + event.expression + after.split(" and ", 1)[0]
    return bool(_MAY_BE.search(phrase))


TITLE_WORDS = 3  # at most this many words of a title before a name
# what a title ends on ("interim president", "foreign minister", "chief executive"), not any modifier of a
# name ("his seventh Tour de France")
_TITLE_NOUNS = frozenset(stem(w) for w in "president vice-president minister premier chancellor chairman chairwoman "
                         "chair chief executive ceo director secretary speaker governor senator mayor leader head "
                         "boss founder judge prosecutor king queen prince princess general commander coach manager "
                         "captain spokesman spokeswoman lawyer candidate rival champion".split())


def _untitled(text: str, names: frozenset[str]) -> str:
    """The text without the titles it gives the question's names ("interim president Michel Temer",
    "Brazil's interim president, Michel Temer", "President Hu"): they name the person, they do not tell
    that the person became it. A title ends on a title's noun, right before the name, with at most
    TITLE_WORDS words in all and no verb or preposition ("Brazilians elected Dilma Rousseff", "his
    seventh Tour de France" keep their words)."""
    if not names:
        return text
    tokens = text.split()
    bare = [t.strip(".,;:()\"“”'‘’").removesuffix("'s").removesuffix("’s") for t in tokens]
    cut: set[int] = set()
    for i, word in enumerate(bare):
        if word not in names:
            continue
        j = i - 1
        while j >= 0 and bare[j][:1].isupper() and bare[j] not in names and stem(bare[j].lower()) not in _TITLE_NOUNS:
            j -= 1  # the name's other words ("Michel" of "Michel Temer")
        if j < 0 or stem(bare[j].lower()) not in _TITLE_NOUNS:
            continue
        k = j
        while (k >= 0 and j - k < TITLE_WORDS and bare[k] and not tokens[k].endswith(("'s", "’s"))
               and bare[k].lower() not in STOP_WORDS and not _past_word(bare[k]) and not bare[k].endswith("ing")
               and (k == j or not tokens[k].endswith(","))):
            cut.add(k)
            k -= 1
    return " ".join(t for k, t in enumerate(tokens) if k not in cut)


def _question_names(question: str) -> frozenset[str]:
    """The question's names as written (its capitalised words but the first, question words aside)."""
    return frozenset(w for w in words(question)[1:] if w[:1].isupper() and w.lower() not in QUESTION_WORDS
                     and w.lower() not in STOP_WORDS)


def _report_tells(event: Event, happened: set[str], verb: str | None, names: frozenset[str] = frozenset()) -> int:
    """How well a report tells the asked event (its day bounds it, so any clause of it counts):
    2 with the asked verb itself (not as what may be: "could be moved"; not its family, which in a
    whole sentence is as often another sense: "plunged into disarray" for "dropped"), 1 with most
    of the asked words (not as the title of an asked name), else 0."""
    terms = terms_of(_untitled(event.text, names))
    if not tells_event(terms, happened):
        return 0
    return 2 if verb and verb in terms and not _MAY_BE.search(event.text) else 1


def _calendar_day(event: Event) -> bool:
    """Whether a day is written out ("14 May", "May 14, 2011"): it does not lean on the page's stamp."""
    return event.span.granularity == "day" and any(ch.isdigit() for ch in event.expression or "")


def _first_report(reported: list[tuple[Event, float]], happened: set[str], verb: str | None = None,
                  names: frozenset[str] = frozenset()) -> Event:
    """The report that bounds an undated event: of those near the best match that tell it best (with
    the asked verb if any does), the earliest (a later report of "having been refused bail" repeats
    what the first one told on its day), a plan's report ("is to go on trial") aside; if none tells
    it, the best match."""
    best = max((score for e, score in reported if _report_tells(e, happened, verb, names)),  # near the best telling it
               default=max(score for _, score in reported))
    telling = [(e, score, _report_tells(e, happened, verb, names)) for e, score in reported
               if score >= NEAR_BEST * best and not _PLAN.search(e.text)]
    level = max((told for _, _, told in telling), default=0)
    if not level:
        return max(reported, key=lambda es: es[1])[0]
    return min(((e, score) for e, score, told in telling if told == level), key=lambda es: (es[0].span.start, -es[1]))[0]


def _finest(value: str, dated: list[tuple[Event, float]]) -> str:
    """The finest date inside the agreed one that a telling sentence or report gives ("14 May"
    inside "May 2011"): of the sentences' dates, the one with the most votes, each step one level
    finer (year, month, week, day); where only reports' days lie inside, the first report's."""
    while True:
        span = next(e.span for e, _ in dated if e.span.value == value)
        inside = [(e, w) for e, w in dated if span.start <= e.span.start and e.span.end <= span.end
                  and e.span.end - e.span.start < span.end - span.start]
        if any(not e.fallback for e, _ in inside):  # a sentence that names the finer date outranks reports' days
            inside = [(e, w) for e, w in inside if not e.fallback]
        elif inside:  # only reports' days: the first report bounds it (a later one looks back on it)
            return min(inside, key=lambda ew: (ew[0].span.start, -ew[1]))[0].span.value
        if not inside:
            return value
        value = _agreed_date(inside)


def _agreed_date(dated: list[tuple[Event, float]]) -> str:
    """The date the dated events vote for: each votes with its weight, more for more outlets,
    less when uncertain. A date inside a coarser one voted for ("14 Feb 2013" in "February
    2013") also has that one's votes, being the same report told more exactly, if it has a fair
    share of votes of its own."""
    votes: dict[str, float] = {}
    spans: dict[str, TimeSpan] = {}
    for event, score in dated:
        weight = score * corroboration_of(len(event.reporting)) * (1 if event.certain else UNCERTAIN_VOTE)
        if _calendar_day(event):
            weight *= CALENDAR_DAY
        votes[event.span.value] = votes.get(event.span.value, 0.0) + weight
        spans[event.span.value] = event.span
    best_own = max(votes.values())

    def support(value: str) -> tuple[float, int]:
        span = spans[value]
        inside = sum(votes[other] for other, around in spans.items()
                     if around.start <= span.start and span.end <= around.end
                     and around.end - around.start > span.end - span.start)
        return (votes[value] + (inside if votes[value] >= FINER_SHARE * best_own else 0.0), -(span.end - span.start).days)

    return max(votes, key=support)


def _candidates(analysis: Analysis, question: str, ranked: list[tuple[Claim, float, float]],
                index: ClaimIndex | None, happened: set[str], verb: str | None = None,
                names: frozenset[str] = frozenset()
                ) -> tuple[list[tuple[Event, float]], list[int], list[tuple[Event, float]], list[tuple[Event, float]]]:
    """The events that may date the answer: (event, weight) of the dated ones with, for each, how
    well its own clause tells what happened (2: with the asked verb in the date's own clause, 1:
    most of the asked words, 0: not); and (event, score) of those only their report dates, of the
    best matches and of looser ones that tell the event. An event merged from several claims votes
    once, with its best weight (its outlets are counted by its corroboration). `names`: the
    question's (`_question_names`), whose titles tell nothing."""
    best_score = ranked[0][1]
    best_coverage = max(coverage for _, _, coverage in ranked)
    # the best score of a match that tells the event, when the best match does not
    best_telling = next((score for claim, score, coverage in ranked if coverage >= best_coverage - WHEN_SLACK
                         and index.tells(claim, happened)), best_score) if index and happened else best_score
    weaker: list[tuple[Event, float]] = []  # reports near that one only
    ahead = bool(_AHEAD.match(question))
    now = analysis.now
    reporting_asked = any(FAMILY.get(t) in GENERIC_FAMILIES for t in happened)  # "when did X announce …"
    asked = set(expand([term_of(w) for w in words(question) if w.lower() not in QUESTION_WORDS
                        and w.lower() not in STOP_WORDS]))
    found: dict[tuple[int, str], tuple[Event, float, int]] = {}  # (event, a date in it) -> its best vote
    reported: list[tuple[Event, float]] = []
    considered: Counter[bool] = Counter()  # claims weighed so far: best matches, looser ones telling the event
    for claim, score, coverage in ranked:
        best = coverage >= best_coverage - 1e-9
        if coverage < best_coverage - WHEN_SLACK or considered[best] >= WHEN_CANDIDATES:
            continue
        if not best and index and happened and not index.tells(claim, happened):
            continue  # a looser match must at least tell the event asked about
        considered[best] += 1
        events = [e for e in analysis.events_of(claim.id) if (e.role == "planned") == ahead or e.role == "main"
                  or (e.role == "planned" and _passed(e, now))]
        weight = score * (coverage / best_coverage) ** LOOSER_MATCH  # matching less of the question counts less
        clauses = set().union(*(terms_of(e.text) for e in events if e.role != "main"))
        for e in events:
            if not e.fallback:
                text = _untitled(e.text, names)
                own = (terms_of(_main_clause(text)) - clauses) if e.role == "main" else terms_of(text)
                tells = tells_event(own, happened)
                kept = PASSED_PLAN if e.role == "planned" and not ahead else 1.0
                if not reporting_asked and _report_dated(e):
                    kept *= REPORT_DATED
                holds = (_verb_in_clause(e.text, e.expression, verb) if verb else _words_in_clause(e, happened, names)
                         ) if tells else 0.0
                # what only may be ("could be moved to house arrest in August") does not tell a past event
                level = 0 if not ahead and _may_only_be(e) else int(tells) + (holds > 0)
                vote = weight * kept * _told(own, asked, tells) * (holds or 1.0)
                if found.get((id(e), ""), (e, -1.0, 0))[1] < vote:
                    found[(id(e), "")] = (e, vote, level)
        for e in events:
            plan = _todays_plan(e) if e.fallback and not ahead and _passed(e, now) else None
            if plan is not None:  # "will go on trial on Monday" in a Monday paper, with later coverage: that day
                tells = tells_event(terms_of(plan.text), happened)
                vote = weight * PASSED_PLAN * _told(terms_of(plan.text), asked, tells)
                if found.get((id(e), "plan"), (e, -1.0, 0))[1] < vote:
                    found[(id(e), "plan")] = (plan, vote, int(tells))
        if verb:
            for main, e, holds in _dates_by_verb(analysis, claim, events, happened, verb):
                vote = weight * _told(terms_of(e.text), asked, True) * holds
                if found.get((id(main), e.span.value), (e, -1.0, 0))[1] < vote:
                    found[(id(main), e.span.value)] = (e, vote, 2)
        # a report of the best matches, or of a looser one that tells the event (it passed `tells` above)
        if score >= NEAR_BEST * best_score and (best or (index is not None and bool(happened))):
            reported += [(e, score) for e in events if e.fallback]
        elif score >= NEAR_BEST * best_telling and index is not None and bool(happened):
            weaker += [(e, score) for e in events if e.fallback]
    dated = [(e, vote) for e, vote, _ in found.values()]
    return dated, [level for _, _, level in found.values()], reported, weaker


def _finer_by_verb(analysis: Analysis, ranked: list[tuple[Claim, float, float]], span: TimeSpan,
                   verb: str) -> list[tuple[Event, float]]:
    """Events of the FINER_REACH best-scored matches dated inside `span`, more finely, by a date whose own
    clause holds the asked verb or its family ("found shot dead … on 3 February" inside "killed in February
    2003": the coarse date already says which event, the finer one only how exactly); each with its claim's score."""
    out = []
    for claim, score, _ in sorted(ranked, key=lambda r: -r[1])[:FINER_REACH]:
        for e in analysis.events_of(claim.id):
            if (not e.fallback and e.role != "planned" and span.start <= e.span.start and e.span.end <= span.end
                    and e.span.end - e.span.start < span.end - span.start
                    and _verb_in_clause(e.text, e.expression, verb) > 0):
                out.append((e, score))
    return out


_MEANS = re.compile(r"[,\s]*by\s+\w+ing\b", re.I)


def _main_clause(text: str) -> str:
    """The text without its relative and subordinate clauses, but with its means ("won by beating",
    "ended his career on Sunday by securing a seventh title"): how the main verb was done is what it tells."""
    return INNER_CLAUSE.sub(lambda m: m.group(0) if _MEANS.match(m.group(0)) else " ", text)


def _todays_plan(report: Event) -> Event | None:
    """A report dated by its day that plans something for that very day ("will go on trial in Lille
    on Monday", written that Monday): a plan of that day, not a report of an earlier event."""
    if report.span.granularity != "day" or not _MAY_BE.search(report.text):
        return None
    for t in tag(report.text, report.span.start):
        if t.type == "DATE" and t.future and t.span is not None and t.span.start == t.span.end == report.span.start:
            return replace(report, fallback=False, role="planned", expression=t.text)
    return None


def _verb_in_clause(text: str, expression: str | None, verb: str) -> float:
    """Whether the clause of the date holds the asked verb (the whole text if the date is not in it),
    as `_holds_verb` says, and not as what may be."""
    clause = _own_clause(text, expression)
    clause = text if clause is None else clause
    if _MAY_BE.search(clause):
        return 0.0
    tokens = words(clause)
    where = [i for i, t in enumerate(tokens) if expression and t in words(expression)]
    best = 0.0
    for i, token in enumerate(tokens):
        holds = _holds_verb(set(expand([term_of(token)])), verb)
        # a noun ("his conviction", "Sunday's capture") is dated only by a date beside it: "his conviction
        # for murder at his mansion six years ago" dates the murder
        noun = i > 0 and (tokens[i - 1].lower() in _DETERMINERS or tokens[i - 1].endswith(("'s", "’s")))
        if holds and (not noun or _dates_noun(tokens, where, i)):
            best = max(best, holds)
    return best


def _words_in_clause(event: Event, happened: set[str], names: frozenset[str] = frozenset()) -> float:
    """For a question whose verb is scaffolding ("make X chief of staff"): 1 if the date's own clause
    tells the asked words ("X's appointment as chief of staff was confirmed on Wednesday"), not
    only another clause of its sentence ("Silva resigned last May after rows with Lula's chief of staff")."""
    clause = _own_clause(event.text, event.expression)
    return float(clause is not None and not _MAY_BE.search(clause)
                 and tells_event(terms_of(_untitled(clause, names)), happened))


def _dates_noun(tokens: list[str], where: list[int], noun: int) -> bool:
    """Whether the date at `where` dates the noun at `noun`: near it, with no past verb between
    ("Sunday's capture"; not "on Tuesday hailed the recapture", which dates the hailing). A noun with no
    date in its clause is not dated by the sentence ("said the recapture was positive news")."""
    near = [k for k in where if abs(noun - k) <= NOUN_REACH]
    return any(not any(_past_word(t) for t in tokens[min(k, noun) + 1:max(k, noun)]) for k in near)


def _past_word(token: str) -> bool:
    return token.islower() and (token.endswith("ed") or token in IRREGULAR_PAST_SET)


def _dates_by_verb(analysis: Analysis, claim: Claim, events: list[Event], happened: set[str],
                   verb: str) -> list[tuple[Event, Event, float]]:
    """Dates written out in the claim whose own clause tells the asked event with its verb but date no
    event of it: "died 10 January 2016" after "born 8 January 1947;", which dates the sentence; each
    with the main event it is read from and how its clause holds the verb."""
    main = next((e for e in events if e.role == "main" and not e.fallback), None)
    if main is None or sum(ch.isdigit() for ch in main.text) < 2:  # a second day written out needs digits
        return []
    published = analysis.sources[claim.first.article - 1].published_date
    if main is None or published is None:
        return []
    taken = {e.expression for e in events}
    out = []
    for t in tag(main.text, published):
        if (t.type != "DATE" or t.span is None or t.future or t.text in taken or t.span.start > published
                or not any(ch.isdigit() for ch in t.text)):
            continue
        if t.span.granularity != "day":
            continue  # a year in the clause may be a noun's: "upheld his conviction for the murder in 2003"
        clause = _own_clause(main.text, t.text) or ""
        holds = _verb_in_clause(main.text, t.text, verb)
        if holds and tells_event(terms_of(clause), happened):
            out.append((main, replace(main, span=t.span, expression=t.text), holds))
    return out


def _report_dated(event: Event) -> bool:
    """Whether the event's date is its report's: "is sorry over the assault, he said yesterday",
    "admitted on Monday that …" date the saying, not what was said."""
    at = event.text.find(event.expression or "\0")
    return at > 0 and bool(_REPORTING_BEFORE.search(event.text[max(0, at - 40):at]))


def _passed(event: Event, now: date | None) -> bool:
    """Whether a plan's day had come by the story's last report: "will go on trial on Monday",
    written before the Monday, then answers when the trial began (news reports the schedule kept)."""
    return now is not None and event.span.end < now


def _told(own: set[str], asked: set[str], tells: bool) -> float:
    """How well an event's own words (a main event's without its clauses) tell what was asked,
    `tells` being whether they hold the asked event's verb: "when 20 years ago the Dow crashed"
    dates the crash, not "Today marked a day in history"."""
    return 0.5 + len(own & asked) / max(len(asked), 1) + (1.0 if tells else 0.0)


def _cite_count(events: list[Event]) -> str:
    n = len({i for e in events for i in e.reporting})
    return f"{n} source{'s' * (n != 1)}"


def _slack(span: TimeSpan) -> timedelta:
    """How much longer than the asked span an event may be and still count as inside it."""
    return timedelta(days=0 if span.granularity == "day" else 6)


def _claim_lines(analysis: Analysis, claims: Sequence[Claim]) -> tuple[AnswerLine, ...]:
    """The claims' distinct lines: two claims told as one event (a report of it, "France hailed the
    recapture", and the report it agrees with) show its line once."""
    return _distinct(_line(analysis, c) for c in claims)


def _distinct(lines: Iterable[AnswerLine], limit: int | None = None) -> tuple[AnswerLine, ...]:
    """The first `limit` (or all) of `lines` that differ in text or date."""
    found: dict[tuple[str, str | None], AnswerLine] = {}
    for line in lines:
        found.setdefault((line.text, line.date), line)
        if len(found) == limit:
            break
    return tuple(found.values())


def _line(analysis: Analysis, claim: Claim) -> AnswerLine:
    event = analysis.main_event(claim.id)
    if event:
        return _event_line(event)
    return AnswerLine(shown_text(claim, analysis.sources), claim.sources, claim=claim.id, variants=claim.variants)


def _event_lines(events: list[Event]) -> tuple[AnswerLine, ...]:
    """The first MAX_LINES distinct lines of `events` (one sentence read at two dates is one line)."""
    return _distinct((_event_line(e) for e in events), MAX_LINES)


def _event_line(event: Event) -> AnswerLine:
    return AnswerLine(event.text, event.sources, event.span.iso(), label(event.span), event.claim, event.variants,
                      event.also_sources)


