"""The words and regular expressions of temporal expressions in English news.

Month and weekday names are matched capitalised, as news writes them, so that the modal
"may" and "Sun" of a company are not dates. Numbers become dates only in date shapes:
a bare 1900–2099 not followed by a counted noun, never a percentage, price or count.
"""

from __future__ import annotations

import re

from storyline.summarize.dates import YEAR

DAY = r"(?:[12]\d|3[01]|0[1-9]|[1-9])(?:st|nd|rd|th)?"  # no leading optional: keeps the scan fast

MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ANY = MONTH_FULL[:-1] + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
SEASON_WORD = r"(?:spring|summer|autumn|fall|winter)"
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century)"
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}
VAGUE_NUMBERS = ("a few", "few", "several", "a couple of", "couple of", "many", "some")
NUMBER = (r"(?:\d{1,3}(?:[ ,]\d{3})+|\d+(?:\.\d+)?|" + "|".join(sorted(VAGUE_NUMBERS, key=len, reverse=True))
          + "|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")")
MOD = r"(?:early|mid|late|the end of|the beginning of|the start of|the middle of|the first half of|the second half of)"
ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

FUTURE_CUES = re.compile(
    r"\b(?:will|won't|'ll|shall|would|going to|aim(?:s|ed|ing)? to|plan(?:s|ned|ning)? to|intend(?:s|ed|ing)? to|"
    r"expect(?:s|ed|ing)? to|hope(?:s|d)? to|scheduled|due to|set to|is to|are to|to be held|upcoming|"
    r"to (?:restart|resume|hold|begin|start|meet|launch|open|vote|visit|return|release))\b", re.I)
# Past tense in the clause: an unmarked "in May" then stays in the past however far back it is.
PAST_CUES = re.compile(
    r"\b(?!(?:slated|scheduled|expected|planned|intended|aimed|supposed|needed|proposed|proceed|need|based)\b)"
    r"(?:was|were|had|did|took|overran|fell|won|began|came|went|saw|lost|swept|struck|sold|bought|[a-z]{3,}ed)\b",
    re.I)
# Clauses whose date is not the main event's: "since Moscow began…", "after launching…".
SUBORDINATORS = re.compile(r"\b(?:since|after|before|until|till|following|once)\b", re.I)
RELATIVE_START = re.compile(r"^\s*(?:which|who|whom|whose|that|where)\b", re.I)
# A bare year followed by a lower-case word is a count ("2000 people") unless the word is one
# a year is often followed by ("2015 was", "2015 and").
COUNTED_NOUN = re.compile(r"\s+(?!(?:was|were|is|has|had|saw|will|and|or|to|when|as|but|after|before|until)\b)[a-z]")

# Each rule is (core, left context, whether the left context is required, whether it runs on
# the ASCII-lower-cased text). Cores start with a literal or a digit and carry no leading \b
# or optional group: that lets the regex engine skip ahead to candidate characters, which makes
# tagging many times faster. Word boundaries and left contexts ("last", "on", "early", a number
# before "years ago") are checked around each core match in tagger.py.
LOWER, CASED = True, False
RULES: dict[str, tuple[str, str | None, bool, bool]] = {
    "iso": (rf"(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d))?\b",
            None, False, CASED),
    "numeric": (r"\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b", None, False, CASED),
    "dmy_abbr": (r"(?P<d>\d{1,2})-(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(?P<y>\d{2}|\d{4})\b",
                 None, False, CASED),
    "md_range": (rf"(?P<mon>{MONTH_ANY})\s+(?P<d1>{DAY})\s*(?:-|–|—|to|and|through)\s*(?P<d2>{DAY})"
                 rf"(?:,?\s+(?P<y>{YEAR}))?\b", None, False, CASED),
    "full": (rf"(?P<mon>{MONTH_ANY})\s+(?P<d>{DAY}),?\s+(?P<y>{YEAR})\b", rf"(?P<wd>{WEEKDAY}),?\s+", False, CASED),
    "full_dm": (rf"(?P<d2>{DAY})\s+(?:of\s+)?(?P<mon2>{MONTH_ANY}),?\s+(?P<y2>{YEAR})\b",
                rf"(?P<wd>{WEEKDAY}),?\s+", False, CASED),
    "md": (rf"(?P<mon>{MONTH_ANY})\s+(?P<d>{DAY})\b(?!,?\s*\d{{4}}\b)", rf"(?P<wd>{WEEKDAY}),?\s+", False, CASED),
    "dm": (rf"(?P<d2>{DAY})\s+(?:of\s+)?(?P<mon2>{MONTH_FULL})\b(?!,?\s*\d{{4}}\b)",
           rf"(?P<wd>{WEEKDAY}),?\s+", False, CASED),
    "month_year": (rf"(?P<mon>{MONTH_ANY}),?\s+(?:of\s+)?(?P<y>{YEAR})\b", rf"(?P<mod>(?i:{MOD}))[\s-]+", False,
                   CASED),
    "mod_year": (rf"(?P<mod>early|mid|late|(?:end|beginning|start|middle|first half|second half) of)[\s-]+"
                 rf"(?P<y>{YEAR})\b", r"the\s+", False, LOWER),
    "quarter": (rf"(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+quarter(?:\s+of)?"
                rf"(?:\s+(?P<y>{YEAR})|\s+(?:the\s+)?(?P<rely>last|this|next|previous|current)\s+year)?\b",
                r"the\s+", False, LOWER),
    "q_code": (rf"q(?P<q>[1-4])\s+(?P<y>{YEAR})\b", None, False, LOWER),
    "half": (rf"(?P<which>first|second)\s+half\s+of\s+(?P<y>{YEAR})\b", r"the\s+", False, LOWER),
    "season": (rf"(?P<season>{SEASON_WORD})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b",
               r"(?P<rel>(?i:last|this|next|early|late|the|in))\s+", False, CASED),
    "decade": (r"(?P<dec>1[89]\d|20\d)0['’]?s\b", r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-])?", False, LOWER),
    "month": (rf"(?P<mon>{MONTH_FULL})\b(?!\s+\d)",
              r"(?P<rel>(?i:last|this|next|early|mid|late|since|in|until|by|from|through|during|of|before|after))"
              r"[\s-]+", True, CASED),
    "year": (rf"(?P<y>{YEAR})(?![\w%]|[.,]\d|-\d|\s*%)", None, False, CASED),
    "rel_day": (r"(?P<word>day before yesterday|day after tomorrow|yesterday|today|tonight|tomorrow)"
                r"(?:\s+(?:morning|afternoon|evening|night))?\b", r"the\s+", False, LOWER),
    "this_part": (r"this (?:morning|afternoon|evening)\b", None, False, LOWER),
    "last_night": (r"night\b", r"last\s+", True, LOWER),
    "weekday": (rf"(?P<wd>{WEEKDAY})(?!s\b)(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?",
                r"(?P<rel>(?i:last|this|next|past|coming|on))\s+", False, CASED),
    "weekend": (r"weekend\b", r"(?:(?P<rel>last|this|next|past|coming)|(?:at|over|during|on)\s+the)\s+", True, LOWER),
    "rel_unit": (r"(?P<rel>last|this|next|previous|coming|current)\s+(?P<unit>week|month|year|decade|quarter)\b",
                 r"(?P<mod>earlier|later|early|late|mid|the end of|the beginning of|the start of)[\s-]+", False,
                 LOWER),
    "ago": (rf"(?P<unit>{UNIT})s?\s+(?P<dir>ago|earlier|before|later)\b", rf"(?P<n>{NUMBER})\s+", True, LOWER),
    "anaphoric": (r"(?P<rel>next|following|previous|preceding|same)\s+(?P<unit>day|week|month|year)\b", r"the\s+", True,
                  LOWER),
    "duration_rel": (rf"(?P<unit>{UNIT})s?\b",
                     rf"(?:the\s+)?(?P<rel>past|last|next|previous|coming|first|final|recent)\s+(?P<n>{NUMBER})\s+",
                     True, LOWER),
    "duration_past_unit": (rf"past\s+(?P<unit>{UNIT})\b", r"the\s+", False, LOWER),
    "duration": (rf"(?P<unit>{UNIT})s?\b(?!\s+(?:ago|earlier|later))",
                 rf"(?:for|over|within|in|after|during|nearly|almost|about|around|more than|less than|up to)\s+"
                 rf"(?:the\s+)?(?P<n>{NUMBER})\s+", True, LOWER),
    "duration_adj": (rf"(?P<unit>{UNIT})[-\s](?:old|long)\b", rf"(?P<n>{NUMBER})[-\s]", True, LOWER),
    "duration_hyphen": (rf"(?P<unit>{UNIT})\b(?![-\s](?:old|long)\b)", rf"(?P<n>{NUMBER})-", True, LOWER),
    "set": (rf"(?:every|each)\s+(?P<what>{WEEKDAY.lower()}|day|week|month|year|morning|evening|night|summer|"
            rf"winter)\b|(?P<adv>daily|weekly|monthly|annually|yearly|nightly)\b", None, False, LOWER),
    "set_plural": (rf"(?P<wds>{WEEKDAY.lower()})s\b", r"on\s+", True, LOWER),
    "present": (r"(?P<present>now|currently|presently|nowadays)\b|(?P<past>recently|previously|formerly|lately)\b|"
                r"(?P<future>soon)\b", None, False, LOWER),
    "present_phrase": (r"(?P<present>present|moment|days)\b", r"(?:at|at the|these)\s+", True, LOWER),
    "past_future_phrase": (r"(?P<past>past)\b|(?P<future>(?:near )?future|(?:coming|next few) "
                           r"(?:days|weeks|months|years))\b", r"in\s+the\s+", True, LOWER),
    "time_ampm": (r"(?P<h>\d\d?)(?::(?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?![a-z])"
                  r"(?:\s*(?:gmt|utc|est|edt|pst|pdt|cet|cest|ist|bst|local time))?", r"at\s+", False, LOWER),
    "time_24": (r"(?P<h2>\d\d?):(?P<m2>[0-5]\d)(?::[0-5]\d)?(?![\d:])(?!\s*[-–]\s*\d)"
                r"(?:\s*(?:gmt|utc|est|edt|pst|pdt|cet|cest|ist|bst|local time|hrs|hours|h\b))?", r"at\s+", False,
                LOWER),
    "time_named": (r"(?P<named>noon|midday|midnight)\b", r"at\s+", False, LOWER),
}
# Every core starts at a word: the words (lower-cased) each rule can start with. The tagger
# reads the text's words once and tries a rule's core only where such a word stands, instead
# of scanning the whole text once per rule (one pass instead of thirty; see bench/run.py).
DIGITS, YEAR_DIGITS = "<1-2 digits>", "<4 digits>"  # a run of digits starts only these rules
_MONTH_WORDS = ("january february march april may june july august september october november december "
                "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_DAY_WORDS = "monday tuesday wednesday thursday friday saturday sunday".split()
_UNIT_WORDS = [w + s for w in ("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year",
                               "decade") for s in ("", "s")] + ["century", "centuries"]
STARTS: dict[str, list[str]] = {
    "iso": [YEAR_DIGITS], "numeric": [DIGITS], "dmy_abbr": [DIGITS], "md_range": _MONTH_WORDS, "full": _MONTH_WORDS,
    "full_dm": [DIGITS], "md": _MONTH_WORDS, "dm": [DIGITS], "month_year": _MONTH_WORDS,
    "mod_year": "early mid late end beginning start middle first second".split(), "quarter": "first second third fourth 1st 2nd 3rd 4th last final".split(),
    "q_code": "q1 q2 q3 q4".split(), "half": "first second".split(),
    "season": "spring summer autumn fall winter".split(), "decade": [YEAR_DIGITS], "month": _MONTH_WORDS,
    "year": [YEAR_DIGITS], "rel_day": "day yesterday today tonight tomorrow".split(), "this_part": ["this"],
    "last_night": ["night"],
    "weekday": _DAY_WORDS, "weekend": ["weekend"], "rel_unit": "last this next previous coming current".split(),
    "ago": _UNIT_WORDS, "duration_rel": _UNIT_WORDS, "anaphoric": "next following previous preceding same".split(),
    "duration_past_unit": ["past"],
    "duration": _UNIT_WORDS,
    "duration_adj": _UNIT_WORDS, "duration_hyphen": _UNIT_WORDS,
    "set": "every each daily weekly monthly annually yearly nightly".split(),
    "set_plural": [d + "s" for d in _DAY_WORDS],
    "present": "now currently presently nowadays recently previously formerly lately soon".split(),
    "present_phrase": "present moment days".split(), "past_future_phrase": "past near future coming next".split(),
    "time_ampm": [DIGITS], "time_24": [DIGITS], "time_named": "noon midday midnight".split(),
}
RULES_STARTING: dict[str, list[str]] = {}
for _rule, _words in STARTS.items():
    for _word in _words:
        RULES_STARTING.setdefault(_word, []).append(_rule)
WORD = re.compile(r"[a-z0-9]+")
DIGIT_RUN = re.compile(r"(?<![a-z0-9])\d+")
START_WORDS = frozenset(RULES_STARTING) - {DIGITS, YEAR_DIGITS}
# On equal spans the earlier rule wins; otherwise the longest match wins.
ORDER = list(RULES)
COMPILED = {name: re.compile(core) for name, (core, _, _, _) in RULES.items()}
LEFT = {name: re.compile(rf"(?:{left})$") for name, (_, left, _, _) in RULES.items() if left}
RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|and|to|until|till|through|thru)\s*$")
RANGE_LEAD = re.compile(r"\b(?:between|from)\s+$", re.I)
