"""Families of news event verbs (as stems), so that "seize" finds "overran" and "took over".

Answers use them to match a question's verb to a source's; events use them to tell that two
reports of one date tell one event ("ISIS overran Palmyra", "the jihadists swept into Palmyra").
"""

from __future__ import annotations

VERB_FAMILIES = [
    "seiz captur take took overran overrun occupi fell fall swept conquer recaptur retak control",
    "kill die dead death kill slain shot shoot",
    "attack strike struck bomb shell raid assault",
    "announc said say declar state confirm report",
    "win won elect beat defeat victori award",
    "resign quit step stepped fire sack leav left depart",
    "buy bought acquir purchas merg takeov sell sold order negoti",
    "launch releas unveil introduc open begin began begun start debut",
    "maiden first inaugur",
    "close shut elimin axe cut slash layoff",
    "profit earn gain net",
    "lose lost loss deficit",
    "crash plung plummet tumbl slump drop fell fall sank slide declin",
    "sue lawsuit su court",
    "cost price priced worth valu",
    "pay paid offer bid",
]
FAMILY = {s: i for i, line in enumerate(VERB_FAMILIES) for s in line.split()}

# Roles a question names someone by ("Who was her opponent?": "rival Aecio Neves"); used only to
# find the name standing beside the role, not to match words.
ROLE_FAMILIES = [
    "oppon rival challeng contend",
    "boss chief head ceo leader",
]
ROLE_FAMILY = {s: i for i, line in enumerate(ROLE_FAMILIES) for s in line.split()}

# Words news uses for one another, for answers only (events keep VERB_FAMILIES, whose groups tell two
# reports are one event): a reader asks "when did they fight", a source says "came to blows" or "a
# brawl". A word may be in several groups; a match through one counts as a verb family's does.
PARAPHRASES = [
    "fight fought altercation altercations brawl brawls scuffle punch-up blows clash fracas assault assaulted",
    "drop dropped abandon abandoned halt halted scrap scrapped dismiss dismissed withdraw withdrew",
    "guilty convict convicted conviction",
    "jail jailed prison imprison imprisoned",
    "house home mansion residence",
    "hurt injure injured injury injuries wound wounded",
    "show shows concert gig perform performing performance",
    "collapse collapsed ill stricken",
    "album albums LP",
    "split divided deadlock deadlocked hung",
    "bar barred ban banned exclude excluded",
    "free freed release released",
    "investigation inquiry probe",
    "arrest arrested detain detained",
    "agree agreed allow allowed approve approved grant granted permit permitted",
]
