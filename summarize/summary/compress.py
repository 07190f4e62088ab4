"""Sentence compression: a summary line keeps a sentence's facts and drops what only costs words.

As in compressive summarisers (Berg-Kirkpatrick et al. 2011; Gillick & Favre's compressive
variant), a few kinds of constituent are deleted, never rewritten: a leading dateline ("CAIRO—",
"WASHINGTON (AP) -"), an opening connective or attribution ("In addition,", "According to
police,"), an attribution tail ("…, the ministry said on Tuesday."), a short parenthetical or dash
aside, and an appositive or age restating a name ("Catherine Ashton, the EU's foreign policy
chief, met …"). The result is a subsequence of the sentence's words, in order (only a first
letter may be capitalised and a final stop restored), so it still says what the cited sentence
says and cites it; `subsequence` checks that. A compression that leaves too little, or that would
leave a bare quotation, is not made.
"""

from __future__ import annotations

import re

from storyline.summarize.text.sentences import CAPITALS, words

MIN_WORDS = 6  # a compressed line shorter than this says too little: the sentence is kept whole
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Apr(?:il|\.)?|May|June|July|Aug(?:ust|\.)?|"
          r"Sep(?:t|tember|t?\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
# "CAIRO—", "WASHINGTON (AP) --", "(CNN) -": a dateline the splitter left on the sentence.
_DATELINE = re.compile(r"^(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3},?\s*(?:\([A-Za-z. ]{1,20}\)\s*)?"
                       r"|\([A-Za-z. ]{1,20}\)\s*)[-–—]{1,2}\s*(?=[A-Z\"“])")
# Openers that tie a sentence to the one before or say who says it, followed by a comma.
_OPENER = re.compile(
    r"^(?:In addition|Additionally|Meanwhile|Moreover|Furthermore|Also|However|Still|Separately|Instead|"
    r"Nonetheless|Nevertheless|Indeed|In fact|Of course|At the same time|For (?:its|his|her|their) part|"
    r"In a statement|In (?:an|a) (?:interview|statement|email|post|tweet)[^,\"]{0,50}|"
    r"According to [^,\"]{1,60}|On " + _WEEKDAY + r"(?: (?:morning|afternoon|evening|night))?|"
    r"(?:Late|Early|Earlier|Later) (?:on )?" + _WEEKDAY + r"|Earlier|Later|Now|Then|So far|Yet|Still),\s+"
    r"(?=[A-Za-z\"“])"
    # "But the plan …", "And Ashton …": a conjunction tying the sentence to the one before, when no
    # pronoun after it still does ("But he …" stays, and stays out of summaries)
    r"|^(?:But|And|Yet|Also)\s+(?!(?:he|she|it|they|this|that|these|those|his|her|its|their|we|i|so|then)\b)"
    r"(?=[A-Za-z])", re.IGNORECASE)
_SAY = (r"(?:said|says|say|told [^,\"]{1,40}|reported|reports|announced|added|noted|stated|wrote|explained|"
        r"confirmed|tweeted|insisted|warned|according to [^,\"]{1,60})")
# what may follow the verb of an attribution tail: when, where and how it was said, nothing more
_SAID_WHEN = (r"(?:\s+(?:on|late|early|last|this|in|at|to|during|after|from|via|earlier|later|yesterday|today|"
              + _WEEKDAY + r")\b[^,\"“”]{0,50})?")
_NOT_SUBJECT = r"(?!(?:which|who|whom|whose|that|and|but|or|while|although|because|as|if|when|where|so)\b)"
# "…, the regional governor said on Tuesday." / "…, said Michael Mann, Ashton's spokesman." /
# "…, according to the ministry."
_TAIL = re.compile(
    r",\s+(?:" + _NOT_SUBJECT + r"[A-Za-z][^,\"“”;:()]{0,60}?\s" + _SAY + _SAID_WHEN
    + r"|(?:said|says|according to)\s+[A-Z][^\"“”;:()]{1,100}?)\s*(?P<end>[.!])?$")
# " (Reuters)", " (pictured)", " (R-Texas)": a short parenthetical, not the sentence itself
_PARENTHESIS = re.compile(r"\s{1,3}\((?:[^()\"“”]{1,80})\)(?=[\s,.;:!?]|$)")  # set apart: not "alert(1)"
# " — known as the "Pearl of the Desert" — ": a dash aside inside the sentence
_ASIDE = re.compile(r"\s{1,3}[—–]\s{1,3}(?P<inside>[^—–.;:]{1,80}?)\s{1,3}[—–]\s{1,3}")
# "Catherine Ashton, the EU's foreign policy chief, met …" / "John Smith, 45, was …": an
# appositive after a capitalised name, before a lower-case word that is not a list's "and"
_APPOSITIVE = re.compile(
    rf"(?P<name>\b[{CAPITALS}][\w'’.-]*),\s+(?:(?:the|a|an|who|which|whose|his|her|its|their)\s[^,;:\"“”()—–]{{2,90}}?|\d{{1,3}})"
    r",(?=\s+(?!(?:and|or|nor|but|as well)\b)[a-z])")
MAX_ROUNDS = 4  # an opener can hide a dateline and the like: a few rounds, each linear in the sentence


def compress(text: str) -> str:
    """`text` with its dateline, opener, attribution tail, short parentheticals, dash asides and
    appositives left out, or `text` itself when what is left would be too short or a bare quote."""
    short = text
    for _ in range(MAX_ROUNDS):
        before = short
        short = _DATELINE.sub("", short, count=1)
        short = _OPENER.sub("", short, count=1)
        short = _drop_tail(short)
        if "(" in short:  # each pattern tried only where it can match: most sentences have neither
            short = _PARENTHESIS.sub("", short)
        if "—" in short or "–" in short:
            short = _ASIDE.sub(" ", short)
        if short.count(",") >= 2:  # an appositive is set off by two commas
            short = _APPOSITIVE.sub(r"\g<name>", short)
        if short == before:
            break
    if short == text:
        return text
    short = _tidy(short, text)
    if short == text or len(short) >= len(text) or len(words(short)) < MIN_WORDS or short.startswith(('"', "“")) or not subsequence(short, text):
        return text
    return short


def compress_each(texts: list[str]) -> list[str | None]:
    """`compress` of each text, None where it stays whole (most do): a helper's task, whose answer
    is small to send back."""
    shorter: list[str | None] = []
    for text in texts:
        short = compress(text)
        shorter.append(None if short == text else short)
    return shorter


def _drop_tail(text: str) -> str:
    """The sentence without its attribution tail, unless what is left quotes someone (whom the tail
    names: '"We are here to help," she said.' and 'the victory "should not exonerate the regime", the
    minister said' stay whole: without the speaker, an opinion would read as a fact)."""
    found = _TAIL.search(text) if "," in text else None
    if not found or any(q in text[:found.start()] for q in '"“”') or text[:found.start()].rstrip().endswith(("'", "’")):
        return text
    return text[:found.start()] + (found.group("end") or "")


def _tidy(short: str, original: str) -> str:
    """Spaces closed up, the first letter capitalised, the original's final stop kept."""
    short = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s{2,}", " ", short)).strip(" ,;:")
    if short[:1].islower():
        short = short[0].upper() + short[1:]
    end = original.rstrip()[-1:]
    if end in ".!" and not short.endswith((".", "!", '."', ".”", "!\"")):
        short = short.rstrip(" ,;:") + end
    return short


def subsequence(line: str, sentence: str) -> bool:
    """Whether the words of `line` appear in `sentence` in the same order (case aside): a
    compressed line says nothing its sentence does not."""
    remaining = iter(w.lower() for w in words(sentence))
    return all(any(w == s for s in remaining) for w in (w.lower() for w in words(line)))
