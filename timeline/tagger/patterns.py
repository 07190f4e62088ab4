"""The words and regular expressions of temporal expressions in English news.

Month and weekday names are matched capitalised, as news writes them, so that the modal
"may" and "Sun" of a company are not dates. Numbers become dates only in date shapes:
a bare 1900–2099 not followed by a counted noun, never a percentage, price or count.
"""

from __future__ import annotations

import re

from storyline.summarize.dates import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES

DAY = r"(?:[12]\d|3[01]|0[1-9]|[1-9])(?:st|nd|rd|th)?"  # no leading optional: keeps the scan fast

MONTH_FULL = "(?:" + "|".join(m.capitalize() for m in MONTH_NAMES) + ")"
_ABBREVIATED = sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)  # "Sept" before "Sep"
MONTH_ANY = MONTH_FULL[:-1] + "".join(f"|{a.capitalize()}" for a in _ABBREVIATED) + r")\.?"
WEEKDAY = "(?:" + "|".join(d.capitalize() for d in WEEKDAY_NAMES) + ")"
SEASON_WORD = r"(?:spring|summer|autumn|fall|winter)"
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century)"
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}
NUMBER_WORDS |= {"a couple of": 2, "couple of": 2}
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some")
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
COMPOUND_NUMBER = rf"(?:{_TENS_WORDS})[- ](?:one|two|three|four|five|six|seven|eight|nine)\b"  # "twenty four"
NUMBER = (r"(?:\d{1,3}(?:[ ,]\d{3})+|\d+(?: 1/2|\.\d+)?|" + COMPOUND_NUMBER + "|"
          + "|".join(sorted(VAGUE_NUMBERS, key=len, reverse=True))
          + "|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?: and a half)?")
MOD = r"(?:early|mid|late|the end of|the beginning of|the start of|the middle of|the first half of|the second half of)"
ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

# Clauses whose date is not the main event's: "since Moscow began…", "after launching…".
SUBORDINATORS = re.compile(r"\b(?:since|after|before|until|till|following|once|when)\b", re.I)
RELATIVE_START = re.compile(r"^\s*(?:which|who|whom|whose|that|where)\b", re.I)
# Names that hold a day's name: "the Sunday Times", "Saturday Night Live", "the Good Friday agreement",
# "Black Friday deals", "Bloody Sunday" (a day of history, not the last Sunday).
NAME_AFTER_DAY = re.compile(r"(?:['’]s)?\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|Tribune|Star|Mail|Observer|"
                            r"Independent|Sport|People|World|Night (?:Live|Football)|[Aa]greement|[Aa]ccord)\b")
NAME_BEFORE_DAY = re.compile(r"\b(?:Black|Cyber|Bloody)\s+$")
# A holiday before such a noun names a kind of thing, not a day: "his Christmas album", "Easter eggs"
HOLIDAY_KIND = re.compile(r"\s+(?:album|song|single|record|hit|tree|card|gift|present|message|market|light|special|"
                          r"show|shopping|season|period|rush|sale|spirit|carol|music|classic|film|movie|episode|"
                          r"jumper|decoration|number one|chart|list|concert|tour|release|egg|bonus|bunny)s?\b")
# A date that dates a noun, not the clause's verb: "ordered … to stand trial over the singer's death in
# 2009" (the order is today's), "jailed for his part in the 2009 bombing", "appealed the December ruling".
_EVENT_NOUN = (r"(?:death|killing|murder|shooting|stabbing|attacks?|bombings?|assault|rape|arrest|disappearance|"
               r"kidnapping|abduction|crash|collapse|overdose|explosion|coup|invasion|massacre|raid|riots?|"
               r"scandal|fraud|bankruptcy|divorce|wedding|ruling|verdict|conviction|acquittal|resignation|"
               r"ouster|crackdown|accident|election|referendum|elections|sale|merger|takeover|leaks?|"
               r"incident|affair|trial|hearing|summit|visit|speech|interview|remarks|comments|statement)")
# after a preposition of cause or topic, the noun's date either follows it ("over X's death in 2009") or
# stands before it ("for his part in the 2009 bombing")
_TOPIC = r"\b(?:over|into|about|for|in connection with|linked to|related to|in the wake of)\s+(?:[\w'’.-]+\s+){0,4}?"
NOUN_DATE_BEFORE = re.compile(_TOPIC + _EVENT_NOUN + r"\s+(?:in|on|of|from)?\s*$", re.I)
# … or a verb of reaction takes the event as its object: "appealed the December ruling" (the appeal is not
# in December); "won the 2012 election", "testified at the March 3 hearing" keep the noun's date
_REACTION = (r"\b(?:appeal|challeng|overturn|upheld|uphold|criticis|criticiz|condemn|welcom|defend|question|"
             r"reject|disput|protest|investigat|review|revers|quash|denounc|mourn|recall|regrett?)(?:e|es|s|ed|d|ing)?\s+")
TOPIC_BEFORE = re.compile(rf"(?:{_TOPIC}|{_REACTION}(?:[\w'’.-]+\s+)?)(?:the|a|an|his|her|its|their|this|that)\s+$",
                          re.I)
NOUN_DATE_AFTER = re.compile(r"(?:['’]s)?\s+(?:[a-z]+\s+)?" + _EVENT_NOUN + r"\b")
# A bare year followed by a lower-case word is a count ("2000 people") unless the word is one
# a year is often followed by ("2015 was", "2015 and").
COUNTED_NOUN = re.compile(r"\s+(?!(?:was|were|is|has|had|saw|will|and|or|to|when|as|but|after|before|until)\b)[a-z]")

# The words a rule's core can start with (rules.py): a run of digits stands for these two.
DIGITS, YEAR_DIGITS = "<1-2 digits>", "<4 digits>"  # a run of digits starts only these rules
MONTH_WORDS = [*MONTH_NAMES, *MONTH_ABBREVIATIONS]
DAY_WORDS = list(WEEKDAY_NAMES)
UNIT_WORDS = [w + s for w in ("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year",
                               "decade") for s in ("", "s")] + ["century", "centuries"]
WORD = re.compile(r"[a-z0-9]+")
DIGIT_RUN = re.compile(r"(?<![a-z0-9])\d+")
RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|and|to|until|till|through|thru)\s*$")
RANGE_LEAD = re.compile(r"\b(?:between|from)\s+$", re.I)
