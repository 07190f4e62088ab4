"""How a sentence tells its event: still to come or under way ("would take over", "is controlling
Palmyra"), or done on a day ("Sunday's capture of Palmyra" in a piece of Tuesday 29 March).

An undated article that tells as pending what a dated one tells as done, freshly, was written
before that day (`pubdates`); an event is the merge rule's (event-verb family, name beside it).
"""

from __future__ import annotations

import re
from collections.abc import Container
from datetime import date, timedelta
from functools import lru_cache

from storyline.summarize.text.sentences import stem
from storyline.timeline.events.build import event_cores, event_family
from storyline.timeline.tagger.scan import tag
from storyline.timeline.tagger.tense import tense

FRESH = timedelta(days=7)  # a report tells an event as news up to a week after it; older is background
_WORD = re.compile(r"[\w'’-]+")
# a verb under way: "is controlling", "are still advancing", "remains in control"
_UNDER_WAY = re.compile(r"\b(?:is|are|am|remains?|still)\s+(?:\w+ly\s+|still\s+)?$", re.I)

Core = tuple[int, str]
_PUNCTUATION = str.maketrans({c: " " for c in ",.;:!?()[]\"“”‘’'"})


def tokens(text: str) -> list[str]:
    """The text's words, lower-cased, punctuation dropped: a cheap sieve before `event_keys`."""
    return text.translate(_PUNCTUATION).lower().split()


def tells_an_event(words: list[str], families: Container[int] | None = None) -> bool:
    """Whether any word is of an event verb's family (of `families`, if given): what every core needs."""
    return any((f := _family(w)) is not None and (families is None or f in families) for w in words)


@lru_cache(maxsize=1 << 16)
def _family(word: str) -> int | None:
    return event_family(stem(word))


def pending_cores(text: str) -> frozenset[Core]:
    """The (family, name) events of the sentence's main clause that it tells as future or under way."""
    cores = event_cores(text) if tells_an_event(tokens(text)) else frozenset()
    if not cores:
        return frozenset()
    return _ahead(text, cores)


def _ahead(text: str, cores: frozenset[Core]) -> frozenset[Core]:
    """The cores whose verb the sentence tells as future or under way."""
    families = {family for family, _ in cores}
    ahead = {f for m in _WORD.finditer(text) if (f := _family(m.group(0).lower())) in families
             and (tense(text, m.start(), m.end(), (0, len(text))) is True
                  or (m.group(0).lower().endswith("ing") and _UNDER_WAY.search(text, 0, m.start())))}
    return frozenset(c for c in cores if c[0] in ahead)


def done_cores(text: str, wanted: Container[Core]) -> frozenset[Core]:
    """The `wanted` (family, name) events of the main clause the sentence tells as past, not as to come."""
    cores = frozenset(c for c in event_cores(text) if c in wanted)
    return cores - _ahead(text, cores) if cores else frozenset()


def done_day(text: str, published: date) -> date | None:
    """The day a sentence of an article published on `published` tells its event happened, when that
    is news (within FRESH before publication): its first day-precise date, or the publication day
    when it names no date; None for a dated background fact ("last May") or a plan."""
    found = [t for t in tag(text, published) if t.span and t.type in ("DATE", "TIME")]
    if not found:
        return published
    first = found[0]
    if first.future or first.span is None or first.span.granularity != "day":
        return None
    day = first.span.start
    return day if published - FRESH <= day <= published else None
