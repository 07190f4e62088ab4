"""The tagger's rules: one list, each rule a pattern, its context, its start words and its normaliser.

A rule's core starts with a literal or a digit and carries no leading \\b or optional group:
that lets the regex engine skip ahead to candidate characters, and lets the tagger try a
rule only where one of its start words stands (one pass over the text's words instead of
thirty scans). Word boundaries and left contexts ("last", "on", "early", a number before
"years ago") are checked around each core match by the tagger. On equal spans the earlier
rule wins; otherwise the longest match wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.summarize.dates import YEAR

from storyline.timeline.tagger import absolute, relative
from storyline.timeline.tagger.normalise import Handler
from storyline.timeline.tagger.patterns import (DAY, DAY_WORDS, DIGITS, MOD, MONTH_ANY, MONTH_FULL, MONTH_WORDS, NUMBER, SEASON_WORD, UNIT,
                       UNIT_WORDS, WEEKDAY, YEAR_DIGITS)


@dataclass(frozen=True)
class Rule:
    """One kind of expression: where it may start, what it matches and what it means."""

    name: str
    pattern: str  # the core, matched at a start word
    left: str | None  # context allowed (or required) just before the core: "last", "on", "the"
    required: bool  # whether the left context must be there
    lower: bool  # matched on the ASCII-lower-cased text (True) or as written (False: "May", not "may")
    starts: Sequence[str]  # lower-cased words (or DIGITS, YEAR_DIGITS) the core can start with (kept as a tuple)
    normalise: Handler

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(self.starts))


# "(on) Monday, Oct. 26": a weekday before a date, which picks the year the two agree on
WEEKDAY_BEFORE = rf"(?:on\s+)?(?P<wd>{WEEKDAY}),?\s+"

RULES: tuple[Rule, ...] = (
    Rule("iso", rf"(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d))?\b",
         left=None, required=False, lower=False,
         starts=[YEAR_DIGITS], normalise=absolute.iso),
    Rule("numeric", r"\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b",
         left=None, required=False, lower=False,
         starts=[DIGITS], normalise=absolute.numeric),
    Rule("dmy_abbr", r"(?P<d>\d{1,2})-(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(?P<y>\d{2}|\d{4})\b",
         left=None, required=False, lower=False,
         starts=[DIGITS], normalise=absolute.dmy_abbr),
    Rule("md_range", rf"(?P<mon>{MONTH_ANY})\s+(?P<d1>{DAY})\s*(?:-|–|—|to|and|through)\s*(?P<d2>{DAY})"
                 rf"(?:,?\s+(?P<y>{YEAR}))?\b",
         left=None, required=False, lower=False,
         starts=MONTH_WORDS, normalise=absolute.md_range),
    Rule("full", rf"(?P<mon>{MONTH_ANY})\s+(?P<d>{DAY}),?\s+(?P<y>{YEAR})\b",
         left=WEEKDAY_BEFORE, required=False, lower=False,
         starts=MONTH_WORDS, normalise=absolute.full),
    Rule("full_dm", rf"(?P<d2>{DAY})\s+(?:of\s+)?(?P<mon2>{MONTH_ANY}),?\s+(?P<y2>{YEAR})\b",
         left=WEEKDAY_BEFORE, required=False, lower=False,
         starts=[DIGITS], normalise=absolute.full),
    Rule("md", rf"(?P<mon>{MONTH_ANY})\s+(?P<d>{DAY})\b(?!,?\s*\d{{4}}\b)",
         left=WEEKDAY_BEFORE, required=False, lower=False,
         starts=MONTH_WORDS, normalise=absolute.md),
    Rule("dm", rf"(?P<d2>{DAY})\s+(?:of\s+)?(?P<mon2>{MONTH_FULL})\b(?!,?\s*\d{{4}}\b)",
         left=WEEKDAY_BEFORE, required=False, lower=False,
         starts=[DIGITS], normalise=absolute.md),
    Rule("month_year", rf"(?P<mon>{MONTH_ANY}),?\s+(?:of\s+)?(?P<y>{YEAR})\b",
         left=rf"(?P<mod>(?i:{MOD}))[\s-]+", required=False, lower=False,
         starts=MONTH_WORDS, normalise=absolute.month_year),
    Rule("month_rel_year", rf"(?P<mon>{MONTH_FULL})\s+(?:of\s+)?(?P<rel>last|next|this)\s+year\b",
         left=rf"(?:(?P<mod>(?i:{MOD}))|(?i:in|since|until|by|from|through|during|before|after))[\s-]+",
         required=False, lower=False, starts=MONTH_WORDS, normalise=absolute.month_rel_year),
    Rule("mod_year", rf"(?P<mod>early|mid|late|(?:end|beginning|start|middle|first half|second half|last half)"
                 rf" of)[\s-]+"
                 rf"(?P<y>{YEAR})\b",
         left=r"the\s+", required=False, lower=True,
         starts="early mid late end beginning start middle first second last".split(), normalise=absolute.mod_year),
    Rule("quarter", rf"(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|last|final)[\s-]+quarter(?:\s+of)?"
                rf"(?:\s+(?P<y>{YEAR})|\s+(?:the\s+)?(?P<rely>last|this|next|previous|current)\s+year)?\b",
         left=rf"(?:the\s+)?(?:(?P<ly>{YEAR})\s+|(?P<lrel>this|last|next|previous)\s+year['’]s\s+|"
              r"(?:comparable\s+|same\s+)?(?P<ago>year-(?:ago|earlier))\s+)?", required=False, lower=True,
         starts="first second third fourth 1st 2nd 3rd 4th last final".split(), normalise=absolute.quarter),
    Rule("quarter_ref", r"(?:quarter|period)\b(?!s|-to-)",
         left=r"(?P<ref>the|that|this|the (?:latest|same|comparable|current|most recent|just-ended)|"
              r"(?:the\s+)?(?:comparable\s+|same\s+)?(?P<ago>year-(?:ago|earlier))|last year['’]s)\s+",
         required=True, lower=True, starts=["quarter", "period"], normalise=absolute.quarter_ref),
    Rule("year_ago_adj", r"year-(?:ago|earlier)\b",
         left=None, required=False, lower=True, starts=["year"], normalise=absolute.year_ago),
    Rule("q_code", rf"q(?P<q>[1-4])\s+(?P<y>{YEAR})\b",
         left=None, required=False, lower=True,
         starts="q1 q2 q3 q4".split(), normalise=absolute.q_code),
    Rule("half", rf"(?P<which>first|second)\s+half\s+of\s+(?:(?P<y>{YEAR})|(?:the|this)\s+year)\b",
         left=r"the\s+", required=False, lower=True,
         starts="first second".split(), normalise=absolute.half),
    Rule("season", rf"(?P<season>{SEASON_WORD})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b",
         left=r"(?P<rel>(?i:last|this past|past|this|next|early|late|the|in))\s+", required=False, lower=False,
         starts="spring summer autumn fall winter".split(), normalise=absolute.season),
    Rule("spelled_decade", r"(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
         left=r"the\s+(?:(?P<mod>early|mid|late)[\s-])?", required=True, lower=True,
         starts="twenties thirties forties fifties sixties seventies eighties nineties".split(),
         normalise=absolute.decade),
    Rule("decade", r"(?P<dec>1[89]\d|20\d)0['’]?s\b",
         left=r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-])?", required=False, lower=True,
         starts=[YEAR_DIGITS], normalise=absolute.decade),
    Rule("month", rf"(?P<mon>{MONTH_FULL})\b(?!\s+\d)",
         left=r"(?:(?P<mod>(?i:early|mid|late))[\s-]+(?=(?i:last|this|next)\b))?"  # "late last July"
              r"(?P<rel>(?i:last|this past|past|this|next|early|mid|late|since|in|until|by|from|through|during|of|"
              r"before|after))"
              r"[\s-]+", required=True, lower=False,
         starts=MONTH_WORDS, normalise=absolute.month),
    # a month named alone ("the October slaying", "figures for January"), but not the modal "May",
    # the march ("the March for Life") or a name ("June Carter", "the October Revolution")
    Rule("bare_month", r"(?P<mon>January|February|April|June|July|August|September|October|November|December|"
                       r"March(?!\s+(?:for|of|on|to|against|through|in)\b))\b(?!\s+\d|\s+[A-Z][a-z]|['’]s\s+[A-Z])",
         left=None, required=False, lower=False,
         starts=[w for w in MONTH_WORDS if w not in ("may",)], normalise=absolute.month),
    Rule("year", rf"(?P<y>{YEAR})(?![\w%]|[.,]\d|-\d|\s*%)",
         left=None, required=False, lower=False,
         starts=[YEAR_DIGITS], normalise=absolute.year),
    Rule("spelled_year", r"nineteen[- ](?:hundred[- ](?:and[- ])?)?(?:ten|eleven|twelve|thirteen|fourteen|fifteen|"
                         r"sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                         r"ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?)\b"
                         r"|year two thousand(?:[- ](?:and[- ])?(?:one|two|three|four|five|six|seven|eight|nine|"
                         r"ten)\b)?",
         left=r"the\s+", required=False, lower=True, starts=["nineteen", "year"], normalise=absolute.spelled_year),
    Rule("century", r"(?:(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                    r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
                    r"nineteenth|twentieth|twenty-first)|(?P<rel>this|current|last|previous|past|next))"
                    r"[\s-]+century\b(?![\s-]+(?i:bce?\b|b\.c\.))",  # "the 2nd-century BC revolt": no year of ours
         left=r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?", required=False, lower=True,
         starts=[DIGITS, "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth", "twentieth", "twenty", "this", "current", "last", "previous", "past",
                 "next"], normalise=absolute.century),
    Rule("that_year", r"year\b(?![\s-]+(?:\d|two\b|nineteen\b|ago|earlier|end|-))",
         left=r"(?:that|that same|the full|later that|earlier that|(?:earlier|later) in the|"
              r"(?:the\s+)?(?P<mod>(?:end|beginning|start|middle) of) (?:the|this))\s+", required=True,
         lower=True, starts=["year"], normalise=relative.that_year),
    Rule("holiday", r"(?P<name>New Year['’]s (?:Day|Eve)|Christmas(?: (?:Day|Eve))?|Easter(?: Sunday)?|Good Friday|"
                    r"Thanksgiving(?: Day)?|Election Day)\b(?:,?\s+(?P<y>" + YEAR + r")\b)?",
         left=r"(?P<rel>(?i:last|next|this))\s+", required=False, lower=False,
         starts=["new", "christmas", "easter", "good", "thanksgiving", "election"], normalise=relative.holiday),
    Rule("rel_day", r"(?P<word>day before yesterday|day after tomorrow|yesterday|today|tonight|tomorrow)"
                r"(?:\s+(?:morning|afternoon|evening|night))?\b",
         left=r"(?:the|(?:early |late |mid-?)?(?:morning|afternoon|evening|night))\s+", required=False, lower=True,
         starts="day yesterday today tonight tomorrow".split(), normalise=relative.rel_day),
    Rule("this_part", r"this (?:morning|afternoon|evening)\b",
         left=None, required=False, lower=True,
         starts=["this"], normalise=relative.this_part),
    Rule("last_night", r"night\b",
         left=r"last\s+", required=True, lower=True,
         starts=["night"], normalise=relative.last_night),
    Rule("weekday", rf"(?P<wd>{WEEKDAY})(?!s\b|\s+(?:mornings|afternoons|evenings|nights)\b)(?:['’]s)?"
                    r"(?:\s+(?:morning|afternoon|evening|night)\b)?",
         left=r"(?P<rel>(?i:last|this|next|past|coming|on))\s+", required=False, lower=False,
         starts=DAY_WORDS, normalise=relative.weekday),
    Rule("weekend", r"weekend\b",
         left=r"(?:(?P<rel>last|this|next|past|coming)|(?:at|over|during|on)\s+the)\s+", required=True, lower=True,
         starts=["weekend"], normalise=relative.weekend),
    Rule("rel_unit", r"(?P<rel>last|this|next|previous|coming|current)\s+(?P<unit>week|month|year|decade|quarter)\b",
         left=r"(?P<mod>earlier|later|early|late|mid|the end of|the beginning of|the start of)[\s-]+", required=False, lower=True,
         starts="last this next previous coming current".split(), normalise=relative.rel_unit),
    Rule("ago", rf"(?P<unit>{UNIT})s?\s+(?P<dir>ago|earlier|before|later)\b",
         left=rf"(?P<n>{NUMBER})\s+", required=True, lower=True,
         starts=UNIT_WORDS, normalise=relative.ago),
    Rule("anaphoric", r"(?P<rel>next|following|previous|preceding|same)\s+(?:(?P<unit>day|week|month|year)|"
                      r"(?P<part>morning|afternoon|evening|night))\b",
         left=r"the\s+", required=True, lower=True,
         starts="next following previous preceding same".split(), normalise=relative.anaphoric),
    # "The day before, rebels shelled the city": before or after the date just named (not "the day
    # before the vote", which counts from an event)
    Rule("anaphoric_after", r"(?P<unit>day|week|month|year)\s+(?P<rel>before|after|earlier|later)\b(?=\s*[,.;:!?)]|$)",
         left=r"the\s+", required=True, lower=True,
         starts="day week month year".split(), normalise=relative.anaphoric),
    Rule("at_the_time", r"time\b(?!\s+(?:of|when|that|being)\b)",
         left=r"(?:at|by)\s+the\s+", required=True, lower=True,
         starts=["time"], normalise=relative.at_the_time),
    Rule("duration_rel", rf"(?P<unit>{UNIT})s?\b",
         left=rf"(?:the\s+)?(?P<rel>past|last|next|previous|coming|first|final|recent)\s+(?P<n>{NUMBER})\s+", required=True, lower=True,
         starts=UNIT_WORDS, normalise=relative.duration),
    Rule("duration_past_unit", rf"past\s+(?P<unit>{UNIT})\b",
         left=r"the\s+", required=False, lower=True,
         starts=["past"], normalise=relative.duration),
    Rule("duration", rf"(?P<unit>{UNIT})s?\b(?P<half>\s+and\s+a\s+half\b)?(?!\s+(?:ago|earlier|later|old)\b|-long)",
         left=rf"(?:(?:for|over|within|in|after|during|nearly|almost|about|around|more than|less than|up to|"
              rf"at least)\s+(?:the\s+)?)?(?P<n>{NUMBER})\s+(?:(?:more|additional|extra)\s+)?",
         required=True, lower=True,
         starts=UNIT_WORDS, normalise=relative.duration),
    Rule("duration_adj", rf"(?P<unit>{UNIT})[-\s]long\b",
         left=rf"(?P<n>(?!an?\b){NUMBER})[-\s]", required=True, lower=True,
         starts=UNIT_WORDS, normalise=relative.duration),
    Rule("duration_hyphen", rf"(?P<unit>{UNIT})\b(?![-\s](?:old|long)\b)",
         left=rf"(?P<n>{NUMBER})-", required=True, lower=True,
         starts=UNIT_WORDS, normalise=relative.duration),
    Rule("set", rf"(?:every|each)\s+(?P<what>{WEEKDAY.lower()}|{MONTH_FULL.lower()}|day|week|month|year|morning|"
            rf"evening|night|summer|winter)\b|(?P<adv>daily|weekly|monthly|annually|yearly|nightly)\b",
         left=None, required=False, lower=True,
         starts="every each daily weekly monthly annually yearly nightly".split(), normalise=relative.recurring),
    Rule("set_nights", rf"(?P<wd>{WEEKDAY})\s+(?P<parts>mornings|afternoons|evenings|nights)\b",
         left=None, required=False, lower=False,
         starts=DAY_WORDS, normalise=relative.recurring),
    Rule("set_plural", rf"(?P<wds>{WEEKDAY.lower()})s\b",
         left=r"on\s+", required=True, lower=True,
         starts=[d + "s" for d in DAY_WORDS], normalise=relative.recurring),
    # "recently" is PAST_REF in TimeBank two times in three; "soon", "previously", "already" rarely are
    Rule("present", r"(?P<present>now|currently|presently|nowadays)\b|(?P<past>recently)\b",
         left=r"(?:more|most|only|until|very)\s+", required=False, lower=True,
         starts="now currently presently nowadays recently".split(), normalise=relative.present),
    Rule("vague_units", rf"(?P<unit>{UNIT})s\b(?![-\s](?:ago|earlier|later|old)\b)",
         left=r"(?:for|over|within|in|after|during)\s+(?:(?:the\s+)?(?:past|last)\s+)?", required=True,
         lower=True, starts=[u + "s" for u in ("second", "minute", "hour", "day", "week", "month", "year", "decade")],
         normalise=relative.vague_duration),
    Rule("long_units", rf"(?P<unit>{UNIT})(?P<plural>s)?-long\b",
         left=None, required=False, lower=True,
         starts=UNIT_WORDS, normalise=relative.long_units),
    Rule("units_ahead", rf"(?P<unit>{UNIT})s\s+ahead\b",
         left=r"the\s+", required=True, lower=True,
         starts=[u for u in UNIT_WORDS if u.endswith("s")], normalise=relative.vague_duration),
    # "for the year ended Sept. 30": the twelve months of a financial statement
    Rule("year_ended", r"(?:fiscal\s+)?year\b(?=\s+end(?:ed|ing)\b)",
         left=r"(?:for|in)\s+the\s+", required=True, lower=True,
         starts=["fiscal", "year"], normalise=relative.year_ended),
    Rule("recent_units", rf"recent\s+(?P<unit>{UNIT})s\b",
         left=r"(?:the\s+)?(?:most\s+)?", required=False, lower=True,
         starts=["recent"], normalise=relative.vague_duration),
    Rule("present_phrase", r"(?P<present>present|moment|days)\b",
         left=r"(?:at|at the|these)\s+", required=True, lower=True,
         starts="present moment days".split(), normalise=relative.present),
    Rule("past_future_phrase", rf"(?P<past>past)\b(?!\s+(?:{NUMBER}\s+)?{UNIT})|(?P<future>(?:near )?future|coming "
                           r"(?:days|weeks|months|years))\b",
         left=r"in\s+the\s+", required=True, lower=True,
         starts="past near future coming next".split(), normalise=relative.present),
    Rule("time_ampm", r"(?P<h>\d\d?)(?::(?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?![a-z])"
                  r"(?:\s*(?:gmt|utc|est|edt|pst|pdt|cet|cest|ist|bst|local time))?",
         left=r"at\s+", required=False, lower=True,
         starts=[DIGITS], normalise=relative.clock),
    Rule("time_24", r"(?P<h2>\d\d?):(?P<m2>[0-5]\d)(?::[0-5]\d)?(?![\d:])(?!\s*[-–]\s*\d)"
                r"(?:\s*(?:gmt|utc|est|edt|pst|pdt|cet|cest|ist|bst|local time|hrs|hours|h\b))?",
         left=r"at\s+", required=False, lower=True,
         starts=[DIGITS], normalise=relative.clock),
    Rule("time_named", r"(?P<named>noon|midday|midnight)\b",
         left=r"at\s+", required=False, lower=True,
         starts="noon midday midnight".split(), normalise=relative.clock),
)

BY_NAME = {rule.name: rule for rule in RULES}
assert len(BY_NAME) == len(RULES), "rule names are unique"
PRIORITY = {rule.name: i for i, rule in enumerate(RULES)}
COMPILED = {rule.name: re.compile(rule.pattern) for rule in RULES}
LEFT = {rule.name: re.compile(rf"(?:{rule.left})$") for rule in RULES if rule.left}
RULES_STARTING: dict[str, list[Rule]] = {}
for _rule in RULES:
    for _word in _rule.starts:
        RULES_STARTING.setdefault(_word, []).append(_rule)
START_WORDS = frozenset(RULES_STARTING) - {DIGITS, YEAR_DIGITS}
