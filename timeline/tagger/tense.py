"""Which way a date without a year points: the tense of the verb that governs it.

A bare "Friday", "in June" or "Dec. 15" is resolved before or after publication by the clause
it stands in, as HeidelTime does for news. The governing verb is the one nearest the date in
its own clause (before it, else just after it: "said Friday", "On Friday, he said"). Only
finite verbs count: a participle after "is/be/been" is passive ("must be returned by Jan. 14"),
one after "the" is an adjective ("the reduced dividend"). "by", "until", "as early as" point
forward unless a simple past governs the clause ("remained closed until Tuesday"); "payable",
"effective", "as early as" always do.
"""

from __future__ import annotations

import re

_IRREGULAR_PAST = (
    "was|were|did|had|said|told|took|gave|made|met|went|came|saw|found|left|began|fell|won|lost|held|"
    "kept|led|put|ran|sent|spent|stood|struck|swept|overran|sold|bought|brought|thought|fought|caught|"
    "taught|paid|laid|rose|broke|spoke|chose|drove|flew|grew|knew|threw|wrote|rode|shot|"
    "fled|sought|became|hid|bore|tore|wore|woke|forbade|withdrew|sank|shrank|sang|rang|"
    "drank|swam|dealt|felt|heard|meant|built|slid|wept|lent|bent"
)
IRREGULAR_PAST_SET = frozenset(_IRREGULAR_PAST.split("|"))  # also how answers find a question's participle
# -ed words that are not past tenses.
_NOT_PAST = frozenset(
    "hundred indeed need speed feed seed bed red shed embed proceed succeed exceed breed greed creed sacred "
    "kindred wicked naked rugged ragged jagged beloved bled fled wed united".split())
_VERB = re.compile(
    r"(?P<future>\b(?:will|won't|wo n't|'ll|shall|would|going to|must|should|can|(?:may|might)(?! have)|"
    r"(?:aim|plann?|intend|expect|hope|schedul|slat|due|set|poise|prepar)(?:e|es|s|ed|ing|d)?\s+(?:to|for)|"
    r"is to|are to|to be|upcoming|to (?:restart|resume|hold|begin|start|meet|launch|open|vote|visit|return|release|"
    r"respond|testify|appear|attend|decide|announce|sign|leave|arrive|complete|finish|deliver|pay|file|submit|"
    r"report|hear|rule|review|consider|travel|reach|end|take effect|expire|acquire|buy|purchase|sell|merge|"
    r"close|ship|introduce)|(?:plann|schedul|slat)ed(?! by))\b)"
    r"|(?P<present>\b(?:is|are|am|has|have|does|do)\b)"
    r"|(?P<past>\b(?:" + _IRREGULAR_PAST + r"|[a-z]{2,}ed)\b)")
# Words before a participle that make it passive, perfect or adjectival rather than a simple past.
_PARTICIPLE_BEFORE = re.compile(r"\b(?:is|are|am|be|been|being|the|a|an|its|his|her|their|our|this|that|"
                                r"has|have|had|to|get|gets|got)\s+(?:\w+ly\s+)?$", re.I)
# "as early as Tuesday" is ahead; "by/until/through Tuesday" only rules out a participle's past.
_AHEAD = re.compile(r"\b(?:as (?:soon|early) as|no later than|effective|payable|due|expires?|expiring|"
                    r"from now)\s+(?:on\s+|at\s+|the\s+)?$", re.I)
# a guess at when something will be ("a vote is likely on Friday", "– most likely this weekend –"): news
# guesses at what is to come; what was is told ("the fire probably started on Friday" has its past verb)
_HEDGED = re.compile(r"\b(?:likely|probably|possibly)\s+(?:on\s+|at\s+|in\s+|by\s+|the\s+)?$", re.I)
_DEADLINE = re.compile(r"\b(?:until|till|by|through|starting|beginning)\s+(?:on\s+|at\s+|the\s+)?$", re.I)
_POSTPONED = re.compile(r"\b(?:extend|postpon|delay|mov|push|adjourn|defer|reschedul)(?:ed|e|es|s)\b"
                        r"(?:\s+[\w'’]+){0,4}?\s+(?:to|until|till)\s+(?:on\s+|at\s+|the\s+)?$", re.I)
_CLAUSE_START = re.compile(r"[.;:!?]\s|\s[–—]\s|\b(?:and|but|while|whereas|although|because|when|where|which|who)\s",
                           re.I)
_CLAUSE_END = re.compile(r"[.;:!?,]|\s[–—]\s|\b(?:and|but|while|whereas|although|because|when)\s", re.I)
_ADJACENT = re.compile(r"\s*(?:on|at)?\s*")  # nothing but "on"/"at" between a verb and its date
# Verbs of a schedule in the present tense, right before their date: "the talks resume Monday".
_SCHEDULED = re.compile(r"\b(?:meet|begin|start|open|resume|vote|visit|travel|arrive|leave|return|close|end|hold|"
                        r"play|face|fly|go|head|take office|take place)(?:s|es)?\s+(?:\w+ly\s+)?"
                        # … or after a place: "the exhibition opens at the museum in London on Saturday"
                        r"(?:(?:at|in)\s+(?:&\w+;|[^,.:;!?]){1,50}?\s+)?(?:on\s+)?$")  # "&amp;" is a character
_MODIFIER = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.I)  # a date right after a determiner …
_NOUN_AFTER = re.compile(r"\s+(?:deadline|meeting|summit|election|vote|hearing|anniversary|talks|session|"
                         r"launch|release|date|visit|trip|conference|rally|game|match|race)\b")  # … before its noun
_IN_NAME = re.compile(r"and\s+[A-Z]")  # "the National Abortion and Reproductive Rights League plans"
WINDOW = 150  # characters either side of a date searched for its verb


def tense(text: str, start: int, end: int, sentence: tuple[int, int]) -> bool | None:
    """True if the clause around text[start:end] speaks of the future, False the past, None if it does not say."""
    first, last = max(sentence[0], start - WINDOW), min(max(sentence[1], end), end + WINDOW)
    before = text[first:start]
    clause_start = None
    for match in _CLAUSE_START.finditer(before):
        if not _IN_NAME.match(before, match.start()):  # "between Australia and India by August"
            clause_start = match
    left = before[clause_start.end():] if clause_start else before
    verb = _nearest(left)
    if verb == "future":
        return True
    if _AHEAD.search(left):
        return True
    if _HEDGED.search(left) and verb != "simple past":
        return True
    if _POSTPONED.search(left):  # "postponed until Tuesday": a date after the act
        return True
    if verb in (None, "present") and _SCHEDULED.search(left):  # "leaders meet Monday": news's present is a plan
        return True
    if _DEADLINE.search(left) and verb != "simple past":
        return None
    if _MODIFIER.search(left) and _NOUN_AFTER.match(text, end):
        return None  # "gave no reason for the Jan. 14 deadline": a noun's date, not the verb's
    if verb is None:
        after = text[end:last]
        fronted = not left.strip(" ,(\"'") or re.fullmatch(r"\s*\w+\s*", left)
        if fronted:  # "On Tuesday, the league said"
            after = after.lstrip(" ,")
        stops = [m for m in _CLAUSE_END.finditer(after) if not _IN_NAME.match(after, m.start())]
        verb = _first(after[:stops[0].start()] if stops else after)
        if verb is None and fronted and len(stops) > 1:  # "In January, a week after the anniversary, X was shot"
            verb = _first(after[stops[0].end():stops[1].start()])
    if verb == "future":
        return True
    if verb == "simple past":
        return False
    return None  # present, perfect ("has set Nov. 10 as the deadline") or no verb: nearness decides


def has_verb(text: str) -> bool:
    """Whether `text` holds a finite verb (future, present or past): it is a clause, not a phrase."""
    return any(_kind(m, text) is not None for m in _VERB.finditer(text))


def _kind(match: re.Match[str], text: str) -> str | None:
    if match.lastgroup == "future":
        return "future"
    if match.lastgroup == "present":
        return "present"
    word = match.group(0)
    if word.lower() in _NOT_PAST or (word[0].isupper() and match.start() > 0):
        return None  # "United", "Ted": names, not verbs
    before = _PARTICIPLE_BEFORE.search(text, max(0, match.start() - 20), match.start())
    if before is None:
        return "simple past"
    return "perfect" if before.group(0).split()[0].lower() in ("has", "have", "had") else None


def _nearest(text: str) -> str | None:
    """The kind of the verb nearest the end of `text` (the date's left context).

    A regular -ed form may be an adjective ("Series H preferred shares"), so a modal before it
    in the same clause ("will redeem … preferred shares on Oct. 31") outranks it, unless the
    date follows it at once ("would appeal the decision, announced Wednesday") or a comma parts
    them ("Despite fears it would …, the board approved the merger on Tuesday").
    """
    weak = None
    weak_at = 0
    for match in reversed(list(_VERB.finditer(text))):
        kind = _kind(match, text)
        if kind is None:
            continue
        if weak is None and kind == "simple past" and match.group(0).lower().endswith("ed") \
                and match.group(0).lower() not in IRREGULAR_PAST_SET and not _ADJACENT.fullmatch(text, match.end()):
            weak, weak_at = kind, match.start()
            continue
        if weak is not None and (kind != "future" or "," in text[match.end():weak_at]):
            return weak  # a modal past a comma is another clause's: "Though he will …, he dismissed … on Saturday"
        return kind
    return weak


def _first(text: str) -> str | None:
    """The kind of the first verb of `text` (the date's right context)."""
    for match in _VERB.finditer(text):
        kind = _kind(match, text)
        if kind is not None:
            return kind
    return None
