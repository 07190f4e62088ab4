"""The words and regular expressions of temporal expressions in English news.

Month and weekday names are matched capitalised, as news writes them, so that the modal
"may" and "Sun" of a company are not dates. Numbers become dates only in date shapes:
a bare 1900–2099 not followed by a counted noun, never a percentage, price or count.
"""

from __future__ import annotations

import re

from summarize.dates import DAY, YEAR

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
# Clauses whose date is not the main event's: "since Moscow began…", "after launching…".
SUBORDINATORS = re.compile(r"\b(?:since|after|before|until|till|following|once)\b", re.I)
RELATIVE_START = re.compile(r"^\s*(?:which|who|whom|whose|that|where)\b", re.I)
# A bare year followed by a lower-case word is a count ("2000 people") unless the word is one
# a year is often followed by ("2015 was", "2015 and").
COUNTED_NOUN = re.compile(r"\s+(?!(?:was|were|is|has|had|saw|will|and|or|to|when|as|but|after|before|until)\b)[a-z]")

P = {
    "iso": rf"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d))?\b",
    "numeric": r"\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b",
    "dmy_abbr": r"\b(?P<d>\d{1,2})-(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(?P<y>\d{2}|\d{4})\b",
    "md_range": rf"\b(?P<mon>{MONTH_ANY})\s+(?P<d1>{DAY})\s*(?:-|–|—|to|and|through)\s*(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?\b",
    "full": rf"(?:\b(?P<wd>{WEEKDAY}),?\s+)?(?:\b(?P<mon>{MONTH_ANY})\s+(?P<d>{DAY}),?\s+(?P<y>{YEAR})|"
            rf"\b(?P<d2>{DAY})\s+(?:of\s+)?(?P<mon2>{MONTH_ANY}),?\s+(?P<y2>{YEAR}))\b",
    "md": rf"(?:\b(?P<wd>{WEEKDAY}),?\s+)?(?:\b(?P<mon>{MONTH_ANY})\s+(?P<d>{DAY})|\b(?P<d2>{DAY})\s+(?:of\s+)?"
          rf"(?P<mon2>{MONTH_FULL}))\b(?!,?\s*\d{{4}}\b)",
    "month_year": rf"(?:\b(?P<mod>(?i:{MOD}))[\s-]+)?\b(?P<mon>{MONTH_ANY}),?\s+(?:of\s+)?(?P<y>{YEAR})\b",
    "mod_year": rf"\b(?P<mod>{MOD})[\s-]+(?P<y>{YEAR})\b",
    "quarter": rf"\b(?:the\s+)?(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+quarter"
               rf"(?:\s+of)?(?:\s+(?P<y>{YEAR}))?\b",
    "q_code": rf"\b[Qq](?P<q>[1-4])\s+(?P<y>{YEAR})\b",
    "half": rf"\b(?:the\s+)?(?P<which>first|second)\s+half\s+of\s+(?P<y>{YEAR})\b",
    "season": rf"\b(?:(?P<rel>(?i:last|this|next|early|late|the|in))\s+)?(?P<season>{SEASON_WORD})"
              rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b",
    "decade": rf"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-])?(?P<dec>1[89]\d|20\d)0['’]?s\b",
    "month": rf"(?:\b(?P<rel>(?i:last|this|next|early|mid|late|since|in|until|by|from|through|during|of|before|after))"
             rf"[\s-]+)(?P<mon>{MONTH_FULL})\b(?!\s+\d)",
    "year": rf"(?<![\w$£€.,/'-])(?<!\w\()(?P<y>{YEAR})(?![\w%]|[.,]\d|-\d|\s*%)",
    "rel_day": r"\b(?P<word>the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow)"
               r"(?:\s+(?:morning|afternoon|evening|night))?\b",
    "this_part": r"\bthis (?:morning|afternoon|evening)\b",
    "weekday": rf"(?:\b(?P<rel>(?i:last|this|next|past|coming|on))\s+)?\b(?P<wd>{WEEKDAY})(?!s\b)(?:['’]s)?"
               r"(?:\s+(?:morning|afternoon|evening|night))?",
    "weekend": r"\b(?:(?P<rel>last|this|next|past|coming)\s+weekend|(?:at|over|during|on)\s+the\s+weekend)\b",
    "rel_unit": r"\b(?:(?P<mod>earlier|later|early|late|mid|the end of|the beginning of|the start of)[\s-]+)?"
                r"(?P<rel>last|this|next|previous|coming|current)\s+(?P<unit>week|month|year|decade|quarter)\b",
    "ago": rf"\b(?P<n>{NUMBER})\s+(?P<unit>{UNIT})s?\s+(?P<dir>ago|earlier|before|later)\b",
    "duration_rel": rf"\b(?:the\s+)?(?P<rel>past|last|next|previous|coming|first|final|recent)\s+(?P<n>{NUMBER})\s+"
                    rf"(?P<unit>{UNIT})s?\b",
    "duration_past_unit": rf"\b(?:the\s+)?past\s+(?P<unit>{UNIT})\b",
    "duration": rf"\b(?:for|over|within|in|after|during|nearly|almost|about|around|more than|less than|up to)\s+"
                rf"(?:the\s+)?(?P<n>{NUMBER})\s+(?P<unit>{UNIT})s?\b(?!\s+(?:ago|earlier|later))",
    "duration_adj": rf"\b(?P<n>{NUMBER})[-\s](?P<unit>{UNIT})[-\s](?:old|long)\b|\b(?P<n2>{NUMBER})-(?P<unit2>{UNIT})\b",
    "set": rf"\b(?:every|each)\s+(?P<what>{WEEKDAY}|day|week|month|year|morning|evening|night|summer|winter)\b|"
           rf"\b(?P<adv>daily|weekly|monthly|annually|yearly|nightly)\b|\bon\s+(?P<wds>{WEEKDAY})s\b",
    "present": r"\b(?P<present>now|currently|at present|presently|nowadays|these days|at the moment)\b|"
               r"\b(?P<past>recently|in the past|previously|formerly|lately)\b|"
               r"\b(?P<future>soon|in the (?:coming|next few) (?:days|weeks|months|years)|in the (?:near )?future)\b",
    "time": r"\b(?:at\s+)?(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm)(?![a-z])"
            r"(?:\s*(?P<tz>GMT|UTC|EST|EDT|PST|PDT|CET|CEST|IST|BST|local time))?|"
            r"\b(?P<h2>[01]?\d|2[0-3]):(?P<m2>[0-5]\d)(?::[0-5]\d)?(?![\d:])(?!\s*[-–]\s*\d)"
            r"(?:\s*(?P<tz2>GMT|UTC|EST|EDT|PST|PDT|CET|CEST|IST|BST|local time|hrs|hours|h))?|"
            r"\b(?P<named>noon|midday|midnight)\b",
}
CASE_INSENSITIVE = {"rel_day", "this_part", "weekend", "rel_unit", "ago", "duration_rel", "duration_past_unit",
                    "duration", "duration_adj", "present", "time", "quarter", "half", "mod_year", "decade"}
# On equal spans the earlier rule wins; otherwise the longest match wins.
ORDER = ["iso", "numeric", "dmy_abbr", "md_range", "full", "month_year", "quarter", "q_code", "half", "season",
         "mod_year", "decade", "md", "rel_unit", "ago", "duration_rel", "duration", "duration_adj",
         "duration_past_unit", "set", "weekend", "weekday", "rel_day", "this_part", "month", "year", "present",
         "time"]
COMPILED = {name: re.compile(P[name], re.I if name in CASE_INSENSITIVE else 0) for name in ORDER}
RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|and|to|until|till|through|thru)\s*$")
RANGE_LEAD = re.compile(r"\b(?:between|from)\s+$", re.I)
