"""Find temporal expressions in text: scan for the rules' patterns, keep the best, post-process.

Expressions are found with explicit patterns (rules.py), as HeidelTime and SUTime do, and
given meaning by normalise.py; dateparser only normalises a found numeric date
("03/29/2016"), never finds one. Each expression gets a TIMEX3 type and value and, for
dates, the calendar span it denotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from storyline.summarize.text.sentences import sentence_spans

from storyline.timeline import timex
from storyline.timeline.tagger.normalise import Context, Hit, resolve_anaphor, resolve_quarter
from storyline.timeline.tagger.patterns import (DIGIT_RUN, DIGITS, HOLIDAY_KIND, NAME_AFTER_DAY, NAME_BEFORE_DAY,
                                                NOUN_DATE_AFTER, NOUN_DATE_BEFORE, RANGE_JOIN, RANGE_LEAD, RELATIVE_START,
                                                SUBORDINATORS, TOPIC_BEFORE, WORD, YEAR_DIGITS)
from storyline.timeline.tagger.rules import COMPILED, LEFT, PRIORITY, RULES_STARTING, START_WORDS, Rule
from storyline.timeline.tagger.tense import has_verb
from storyline.timeline.timex import TimeSpan, Timex

LEFT_REACH = 60  # characters before a core match searched for its left context ("for the past")
CLAUSE_WINDOW = 200  # characters before a date in which a since/after/which governs it
QUOTE_WINDOW = 1000  # characters before a date searched for an open quotation (a run-on "sentence" is not read whole)
QUARTER_REACH = 1500  # characters after a quarter is named in which "a year ago" means the year-ago quarter
# (rule, case-folded?, the text a left context is searched in) -> (its length, its groups), or None
Lefts = dict[tuple[str, bool, str], tuple[int, dict[str, str | None]] | None]
_CLAUSE_BREAK = re.compile(r",\s|;\s|\s[–—]\s")
_DASH = re.compile(r"\s[–—]\s")
_DAY_NAMED = frozenset({"weekday", "holiday"})  # rules whose words are also part of names


def ascii_lower(text: str) -> str:
    """`text` with A–Z lowered and every other character kept (its length too): bytes.lower() on
    UTF-8 touches ASCII only (a multibyte character's bytes are all >= 0x80), and runs in C where
    str.translate looks each character up (1.2 s on 3,000 articles, against 0.03 s)."""
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def tag(text: str, published: date | None = None, sentences: Sequence[tuple[int, int]] | None = None) -> list[Timex]:
    """Temporal expressions in `text`, resolved against `published` (unresolved ones keep X values).

    `sentences` are the text's sentence spans when the caller has them (else they are split here):
    tense and clause checks look only inside an expression's own sentence.
    """
    context = Context(text, published, tuple(sentences) if sentences is not None else tuple(sentence_spans(text)))
    lowered = ascii_lower(text)  # same length, so offsets hold
    candidates = []
    lefts: Lefts = {}
    for rule, position in _starts(lowered):  # try each rule only where a word it can start with stands
        scan = lowered if rule.lower else text
        core = COMPILED[rule.name].match(scan, position)
        hit = _hit(text, scan, rule, core, lefts) if core else None
        if hit is not None and not (rule.name in _DAY_NAMED and _in_name(text, hit, rule.name == "holiday")):
            candidates.append((hit.start(), hit.start() - hit.end(), PRIORITY[rule.name], rule, hit))
    chosen: list[Timex] = []
    named: TimeSpan | None = None  # the last date named so far: what "the next day" counts from
    quarter: tuple[TimeSpan, int] | None = None  # the last quarter named, and where
    taken_until = -1
    for start, _, _, rule, hit in sorted(candidates, key=lambda c: c[:3]):
        if start < taken_until:
            continue
        try:
            found = rule.normalise(hit, context)
            if found is not None and found.anaphor:
                found = resolve_anaphor(found, named, published)
            if found is not None and found.of_quarter is not None:
                near = quarter is not None and start - quarter[1] < QUARTER_REACH
                found = resolve_quarter(found, quarter[0] if quarter and near else None)
        except (ValueError, OverflowError):  # "10,000 years ago", "tomorrow" of 9999-12-31: off the calendar
            continue
        if found is None:
            continue
        s, e = _trim(hit)
        chosen.append(Timex(s, e, text[s:e], found.type, found.value, found.span, found.mod, found.relative,
                            found.future))
        if found.span and found.type in ("DATE", "TIME") and found.span.granularity != "range":
            named = found.span
            if found.span.granularity == "quarter" and found.of_quarter is None:
                quarter = (found.span, start)
        taken_until = hit.end()
    return [_mark_subordinate(t, context) for t in _attach_times(_join_ranges(chosen, text), text)]


def expressions(found: Sequence[Timex]) -> list[Timex]:
    """The expressions as TimeML annotates them: a range is its two dates ("between 1994 and 1997").

    Events keep the range (`tag`); `storyline dates` and the TimeBank bench list expressions.
    """
    return [part for t in found for part in (t.parts or (t,))]


def _starts(lowered: str) -> Iterator[tuple[Rule, int]]:
    """(rule, position) for every word of the text that some rule can start with.

    The distinct words are collected in C (findall, set), and each start word is then
    located with str.find: far cheaper than a Python loop over every word.
    """
    for word in set(WORD.findall(lowered)) & START_WORDS:
        rules = RULES_STARTING[word]
        at = lowered.find(word)
        while at >= 0:
            end = at + len(word)
            if (not at or not lowered[at - 1].isalnum()) and (end == len(lowered) or not lowered[end].isalnum()):
                for rule in rules:
                    yield rule, at
            at = lowered.find(word, end)
    for number in DIGIT_RUN.finditer(lowered):
        size = number.end() - number.start()
        for rule in RULES_STARTING[DIGITS] if size <= 2 else RULES_STARTING[YEAR_DIGITS] if size == 4 else ():
            yield rule, number.start()


def _hit(text: str, scan: str, rule: Rule, core: re.Match[str],
         lefts: Lefts) -> Hit | None:
    """The core match with its left context, or None if it starts inside a word or lacks a required context.

    A left context depends only on the LEFT_REACH characters before the core (and the one before
    them, for word boundaries), so its search is remembered by them: text that repeats a date
    phrase thousands of times searches each context once (100 KB of "last week": 3.8 s -> 1 s)."""
    start = core.start()
    if core.end() == start or (start and scan[start - 1].isalnum()):
        return None
    pattern = LEFT.get(rule.name)
    left = None
    if pattern is not None:
        low = max(0, start - LEFT_REACH)
        key = (rule.name, rule.lower, scan[max(0, low - 1):start])
        if key not in lefts:
            found = pattern.search(scan, low, start)
            ok = found is not None and found.group(0) and not (found.start() and scan[found.start() - 1].isalnum())
            lefts[key] = (start - found.start(), found.groupdict()) if found is not None and ok else None
        left = lefts[key]
    if rule.required and left is None:
        return None
    return Hit(text, core, left)


def _in_name(text: str, hit: Hit, holiday: bool) -> bool:
    """Whether a day's name is part of a name: "the Sunday Times", "Black Friday deals", "a Christmas album"."""
    return bool(NAME_AFTER_DAY.match(text, hit.end()) or (holiday and HOLIDAY_KIND.match(text, hit.end())) or NAME_BEFORE_DAY.search(text, max(0, hit.core.start() - 8),
                                                                              hit.core.start()))


def _trim(match: Hit) -> tuple[int, int]:
    """The expression without a leading "on"/"at"/"in" that patterns include for context."""
    text = match.group(0)
    lead = re.match(r"(?i)(?:on|at|in|since|until|by|from|through|during|of|before|after|for|over|within)"
                    r"\s+(?=\S)(?!least\b)", text)
    return match.start() + (lead.end() if lead else 0), match.end()


def _join_ranges(found: list[Timex], text: str) -> list[Timex]:
    """"between Wednesday and last Sunday", "from May to July 2015": one DATE range."""
    out: list[Timex] = []
    for t in found:
        prev = out[-1] if out else None
        if (prev and prev.type == t.type == "DATE" and prev.span and t.span
                and RANGE_JOIN.match(text[prev.end:t.start])
                and (RANGE_LEAD.search(text[max(0, prev.start - 12):prev.start])
                     or text[prev.end:t.start].strip() in "-–—")):
            lead = RANGE_LEAD.search(text[max(0, prev.start - 12):prev.start])
            start = prev.start - (len(lead.group(0)) if lead else 0)
            span = timex.between(prev.span, t.span)
            out[-1] = Timex(start, t.end, text[start:t.end], "DATE", span.value, span, None,
                            prev.relative or t.relative, prev.future and t.future, parts=(prev, t))
            continue
        out.append(t)
    return out


def _attach_times(found: list[Timex], text: str) -> list[Timex]:
    """A time beside a day ("at 7:16 am on Monday", "Monday at noon") is on that day, not on publication."""
    out = list(found)
    for i, t in enumerate(out):
        if t.type != "TIME":
            continue
        for j in (i - 1, i + 1):
            other = out[j] if 0 <= j < len(out) else None
            if other is None or other.type != "DATE" or not other.span or other.span.granularity != "day":
                continue
            gap = text[min(t.end, other.end):max(t.start, other.start)]
            if re.fullmatch(r"\s*(?:,|on|at|,\s*on)?\s*", gap, re.I):
                clock = t.value[t.value.index("T"):]
                out[i] = replace(t, value=other.span.value + clock, span=other.span, relative=other.relative,
                                 future=other.future)
                break
    return out


def _mark_subordinate(t: Timex, context: Context) -> Timex:
    """Flag an expression inside a since/after/until clause or a relative clause.

    Such a date belongs to the clause's event, not the sentence's main event ("ISIS, which
    seized the town in August 2015, lost it on Sunday": Sunday is the main event's date). So
    does a date inside a quotation: 'Dicks said he was "shocked … to move forward in 2003"' is a
    statement of the article's day, not an event of 2003.
    """
    sentence_start = context.sentence(t.start)[0]
    first = max(sentence_start, t.start - CLAUSE_WINDOW)
    segment = _CLAUSE_BREAK.split(context.text[first:t.start])[-1]
    quote_start = max(sentence_start, t.start - QUOTE_WINDOW)
    clause, topic = _clause_marks(segment)
    if clause or _quoted(context.text[quote_start:t.start]) or (topic and NOUN_DATE_AFTER.match(context.text, t.end)) \
            or _in_aside(context.text, t.start, t.end, context.sentence(t.start)):
        return replace(t, subordinate=True)
    return t


def _in_aside(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Whether text[start:end] stands in a dash aside that is a clause of its own: "Brown was invited
    back – he missed his 2009 slot, having assaulted her – and won", where 2009 is the aside's, as a
    relative clause's date is. The sentence reads on without it. An aside of a date alone ("– most
    likely this weekend –") dates what it interrupts."""
    first, last = sentence  # within CLAUSE_WINDOW either side: a sentence of many dates is read in linear time
    opened = list(_DASH.finditer(text, max(first, start - CLAUSE_WINDOW), start))
    closed = _DASH.search(text, end, min(max(last, end), end + CLAUSE_WINDOW))
    if len(opened) % 2 == 0 or closed is None:
        return False
    return has_verb(text[opened[-1].end():closed.start()])


@lru_cache(maxsize=4096)  # text that repeats a date phrase repeats its clauses: each is read once
def _clause_marks(segment: str) -> tuple[bool, bool]:
    """What the clause before a date says of it: (it is subordinate or the date of a noun,
    "over the singer's death in 2009", "jailed for his part in the 2009 bombing"; a topic or a
    reaction's object may follow, "appealed the December ruling", if an event noun comes after)."""
    if RELATIVE_START.match(segment) or SUBORDINATORS.search(segment) or NOUN_DATE_BEFORE.search(segment):
        return True, False
    return False, TOPIC_BEFORE.search(segment) is not None


def _quoted(before: str) -> bool:
    """Whether a quotation is open at the end of `before` (the sentence up to an expression)."""
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")
