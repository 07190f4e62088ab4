"""Offline sentence splitting and word tokenizing (no NLTK data, nothing downloaded).

`split_sentences` is the one splitter; `Tokenizer` wraps it in the shape sumy expects
(`to_sentences`, `to_words`), so sumy's algorithms run on the same sentences we cite.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from storyline.summarize.dates import MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS
from storyline.summarize.model import Sentence

# Words that end with a period without ending a sentence (and the calendar's abbreviations).
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen col lt maj capt cpt sgt cpl adm cmdr gov sen rep rev hon pres supt insp det
st mt ft ave blvd rd jr sr co corp inc ltd plc bros dept univ assn est approx vs etc al fig no nos vol
u.s u.k u.n e.u u.s.a e.g i.e a.m p.m d.c
""".split()) | frozenset(MONTH_ABBREVIATIONS) | frozenset(WEEKDAY_ABBREVIATIONS)
# A sentence ends at . ! ? and spaces before a capital or digit (of any script: `split_paragraph`
# skips a lower-case one), or at a Chinese or Japanese full stop, spaces or none.
_BOUNDARY = re.compile(r"([.!?]+|[。！？]+)([\"')\]」』”]*)(\s+|(?<=[。！？」』”])\s*)(?=[\"'(\[「『]?\w)")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'-]+(?:/[A-Z][A-Za-z.'-]+)?(?:[ ,]+[A-Z][A-Za-z.'-]+){0,3}\s*(?:,\s*[A-Z][a-z]{2,9}\.? \d{1,2}\s*)?"
    r"(?:\([A-Z][A-Za-z]*(?:\s[A-Z][A-Za-z]*){0,2}\)\s*)?[-–—:]{1,2}\s+)(?=[A-Z\"'])")
DATELINE_CHARS = 120  # a dateline opens a paragraph: only its head is matched
_LAST_WORD = re.compile(r"([A-Za-z.]+)$")
ABBREVIATION_CHARS = 30
_AGENCY_LEAD = re.compile(r"^\((?:[A-Z]{2,8}|Reuters|Xinhua|Bloomberg)\)\s*(?:[-–—]+\s*)?(?=[A-Z\"'])")
IDEOGRAPHS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han and kana: no spaces between words
# A word when telling a fragment ("Meth.") from a sentence: each Han or kana character counts as one.
_FRAGMENT_WORD = re.compile(f"[{IDEOGRAPHS}]|[^\\W\\d_]+")
# Words: letters and digits of any alphabet ("Aécio", "Graça", "Путин"), keeping inner apostrophes,
# hyphens and dots; a run of Han or kana is one token (a name rule must see a whole name, so no
# letter may split one).
_ALNUM = f"[^\\W_{IDEOGRAPHS}]"
# The capital and small letters of the Latin, Greek and Cyrillic alphabets (A-Z, É, Ł, Ж …), for the
# patterns that read a capitalised name ("Aécio Neves", "Élysée"): inside [] only.
CAPITALS = "".join(c for c in map(chr, range(0x530)) if c.isupper())
SMALLS = "".join(c for c in map(chr, range(0x530)) if c.islower())
_TOKEN = re.compile(f"{_ALNUM}+(?:(?:['’]|[.-]+){_ALNUM}+)*|[{IDEOGRAPHS}]+")


def split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph."""
    spans: list[tuple[int, int]] = []
    start = _dateline_end(paragraph)
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end(2)
        if end <= start or _is_abbreviation(paragraph, match.start(1)) or _lower_next(paragraph, match.end(3)):
            continue
        spans.append((start, end))
        start = match.end(3)
    if paragraph[start:].strip():
        spans.append((start, len(paragraph.rstrip())))
    return _join_fragments(paragraph, [(a, b) for a, b in spans if _has_words(paragraph[a:b])])


def _join_fragments(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-word "sentences" ("Meth. We're on it.") joined to their neighbour: a fragment says nothing alone."""
    def fragment(span: tuple[int, int]) -> bool:
        return len(_FRAGMENT_WORD.findall(paragraph[span[0]:span[1]])) < 2

    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and fragment(out[-1]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    if len(out) > 1 and fragment(out[-1]):
        out[-2:] = [(out[-2][0], out[-1][1])]
    return out


def _dateline_end(paragraph: str) -> int:
    """Where the sentence starts after a dateline such as "BEIRUT -", "Beirut, March 29 (AFP) -" or "(CNN)"."""
    tag = _AGENCY_LEAD.match(paragraph)
    if tag:
        return tag.end()
    match = _DATELINE.match(paragraph[:DATELINE_CHARS])
    if not match:
        return 0
    head = match.group(0)
    # A dateline is a place: all caps, or at most three capitalised words followed by a dash.
    if head.split()[0].isupper() or len(head.split()) <= 4:
        return match.end()
    return 0


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at `dot` ends an abbreviation or an initial ("Gen.", "U.S.", "J.")."""
    if text[dot] != ".":
        return False
    window = text[max(0, dot - ABBREVIATION_CHARS):dot]  # a window, not text[:dot]: linear on "Mr. Mr. Mr. …"
    word = _LAST_WORD.search(window)
    if not word or (word.start() == 0 and dot > ABBREVIATION_CHARS and text[dot - ABBREVIATION_CHARS - 1].isalpha()):
        return False
    token = word.group(1).lower().strip(".")
    if token in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        # "U.S.", "N.V.", "S.A." (letters and dots) end a sentence rarely enough; "Mar." before a
        # number is a date.
        return True
    return len(token) == 1 and word.group(1)[-1].isupper()  # an initial: "John F. Kennedy"


def _lower_next(text: str, at: int) -> bool:
    """Whether the text after a boundary goes on in lower case ("e.g. the", "т.е. в"): no new sentence."""
    rest = text[at:at + 2].lstrip("\"'([「『")
    return bool(rest) and rest[0].islower()


def _has_words(text: str) -> bool:
    letters = filter(str.isalpha, text)  # two letters, found without counting the rest
    return next(letters, None) is not None and next(letters, None) is not None


def sentence_spans(text: str, prose: Callable[[str], bool] | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of a whole text; a line break always ends a sentence.
    A line `prose` refuses (a subhead or list item kept for the reader) has none."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if prose is None or not line or prose(line):
            spans.extend((offset + start, offset + end) for start, end in split_paragraph(line))
        offset += len(line) + 1
    return spans


def split_text(article: int, text: str, prose: Callable[[str], bool] | None = None) -> list[Sentence]:
    """Sentences of an article's cleaned text (paragraphs separated by blank lines), with spans."""
    return [Sentence(article, i, text[start:end], start, end)
            for i, (start, end) in enumerate(sentence_spans(text, prose))]


def words(text: str) -> list[str]:
    """Word tokens: letters and digits, keeping inner apostrophes, hyphens and dots ("U.S.")."""
    return _TOKEN.findall(text)


def ascii_fold(text: str) -> str:
    """An ASCII text's runs of letters and digits, lower-cased, joined by single spaces: what
    folding every run of other characters to a space gives, by a byte table in C (three times as
    fast as a pattern; cleaning's line keys and dedup's forms, most of them ASCII)."""
    return " ".join(text.lower().encode().translate(_ASCII_FOLD).decode().split())


_ASCII_FOLD = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import Stemmer  # PyStemmer: the Snowball stemmer in C (untyped)

    return Stemmer.Stemmer("english")


def stem(word: str) -> str:
    """Snowball (Porter 2) stem of a lower-cased word."""
    return str(_stemmer().stemWord(word.lower()))


def stem_each(tokens: Sequence[str]) -> list[str]:
    """`stem` of each token, in one call to the stemmer (a call per word costs more than the stemming)."""
    return list(_stemmer().stemWords([t.lower() for t in tokens]))


def stems(text: str) -> list[str]:
    """Stems of the content words of `text` (stop words dropped)."""
    tokens = [w.lower() for w in words(text)]
    return list(_stemmer().stemWords([w for w in tokens if w not in STOP_WORDS]))


class Tokenizer:
    """sumy's tokenizer contract, offline: `to_sentences(paragraph)` and `to_words(sentence)`."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[a:b] for a, b in split_paragraph(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))

    def __iter__(self) -> Iterator[str]:  # pragma: no cover - sumy never iterates it
        return iter(())


STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not now of off on once only or other our ours ourselves out over own same she should so
some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves said says say mr mrs ms s t would could one two new also its it's
""".split())
