"""The clause a date belongs to, when it is not the sentence's main clause.

"The army advanced into Palmyra after launching a desert offensive early this month": the
main event is the advance; "early this month" dates the launch, told in the clause that
starts at "after". Such a clause becomes an event of its own at its date (a background or a
planned event), its text the clause without the word that subordinates it.
"""

from __future__ import annotations

import re

from storyline.summarize.text.sentences import CAPITALS
from storyline.timeline.tagger.tense import has_verb

# Where a subordinate clause or participle phrase may begin, nearest the date wins.
_OPENER = re.compile(
    r"(?:^|(?<=[\s,;(—–]))(?:since|after|before|until|following|once|when|while|which|who|whom|whose|that|where|"
    r"as)\s+"
    r"|\b(?=(?:set up|founded|built|established|created|launched|formed|opened|signed|adopted|introduced|"
    r"elected|appointed|captured|seized|destroyed|damaged)\s+(?:\w+\s+){0,3}?(?:by|in|on)\b)", re.I)
_DETERMINER = re.compile(r"\b(?:a|an|the|its|their|his|her)\s", re.I)
# where a clause ends: punctuation (a quotation's close with it), not "(": "the (Syrian) regime bears"
_BREAK = re.compile(r"[,;:][\"”’]?\s|\s[—–]\s|[.!?][\"”’]?(?:\s|$)")
# A clause that ends on one of these was cut short ("cannot erase the fact that the").
_OPEN_END = re.compile(r"\b(?:the|a|an|of|to|that|and|or|but|in|on|at|by|for|with|from|its|their|his|her)$", re.I)
_DROP_LEADING = re.compile(r"^(?:since|after|before|until|following|once|when|while|which|who|whom|whose|that|"
                           r"where|as)\s+", re.I)
MIN_WORDS = 4  # words besides the date: a shorter clause ("since 2013") says too little to stand alone
NOUN_REACH = 80  # characters before a relative pronoun or participle searched for its noun
_CONJUNCTION = re.compile(r"^(?:and|but|or|then|so)\s+", re.I)
# A clause stands alone if it opens on a name, a determiner or pronoun, a number or a participle.
_STANDS_ALONE = re.compile(r"[A-Z0-9]|(?:a|an|the|its|his|her|their|our|this|these|those|he|she|it|they|we|"
                           r"[a-z]+ing|[a-z]+ed|set up|built)\b")
_PRONOUN = re.compile(r"(?:he|she|they|it)\b", re.I)
_NAME = rf"[{CAPITALS}][\w'’.-]*(?:\s+(?:de|al|van|von|bin)?\s*[{CAPITALS}][\w'’.-]*){{1,3}}"
_SPEAKER = re.compile(rf"({_NAME})\s+(?:\w+\s+){{0,3}}?(?:said|says|told|announced|added|stated)\b")
_RELATIVE = re.compile(r"which|who|whom|whose|that", re.I)
# a setting the main clause opens with ("In his interview with the paper, which was recorded on Monday, he
# admitted …"; after an opener "According to X,"): what the main clause tells happened in it, at its date
_SETTING = re.compile(r"^(?:[^,;]{1,60},\s+)?(?P<at>in|at|during)\s[^,;:]*$", re.I)


def clause_around(text: str, start: int, end: int, sentence: tuple[int, int]) -> str | None:
    """The clause holding text[start:end], without its subordinating word, or None if too short."""
    first, last = sentence
    before = text[first:start]
    opener = None
    for opener in _OPENER.finditer(before):
        pass
    breaks = [m.end() for m in _BREAK.finditer(before)]
    left = max(opener.start() if opener else 0, breaks[-1] if breaks else 0)
    relative = bool(opener and _RELATIVE.fullmatch(opener.group(0).strip()))
    if opener and left == opener.start() and (not opener.group(0) or relative):
        # a participle phrase or relative clause tells of the noun before it: "a group of experts
        # set up by Unesco in 2013", "the quarter, which ended Dec. 30": the noun phrase leads
        # (a relative clause's noun lies before the comma that opens it)
        kept = breaks[:-1] if relative else breaks
        floor = max(kept[-1] if kept else 0, left - NOUN_REACH)
        determiners = list(_DETERMINER.finditer(before, floor, left))
        if determiners:
            left = determiners[-1].start()
    setting = False
    if opener and relative and left < opener.start() and (match := _SETTING.search(before[:left])) \
            and not has_verb(match.group(0)):
        left, setting = match.start("at"), True
    after = _BREAK.search(text, end, last)
    right = after.start() if after else last
    if setting and after:  # the relative clause closes, the main clause it is the setting of runs on
        further = _BREAK.search(text, after.end(), last)
        right = further.start() if further else last
    elif after and after.group(0).startswith(",") and len(text[first + left:right].split()) - len(
            text[start:end].split()) < MIN_WORDS + 1:
        # "when 20 years ago, the Dow crashed": the date was fronted, the clause goes on past the comma
        further = _BREAK.search(text, after.end(), last)
        right = further.start() if further else last
    clause = _DROP_LEADING.sub("", text[first + left:right].strip(" ,;\"'“”‘’"))
    clause = _CONJUNCTION.sub("", clause)
    if (len(clause.split()) - len(text[start:end].split()) < MIN_WORDS or not (setting or _STANDS_ALONE.match(clause))
            or _OPEN_END.search(clause)):
        return None  # too short, opens on a bare verb ("is scheduled for release") or stops mid-phrase
    pronoun = _PRONOUN.match(clause)
    speaker = _SPEAKER.findall(text[first:first + left]) if pronoun else []
    if pronoun and speaker:  # "de Mistura said … that he was aiming to …": the clause's "he" is the speaker
        clause = f"{clause[:pronoun.end()]} [{speaker[-1]}]{clause[pronoun.end():]}"
    return clause[0].upper() + clause[1:]
