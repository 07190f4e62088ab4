"""The words answers match with: stems, hyphen parts, numbers without plurals, verb families,
places under all their names and years, and the question's own scaffolding."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from storyline.summarize.text.sentences import CAPITALS, SMALLS, STOP_WORDS, stem, words
from storyline.timeline.answers.places import place_of
from storyline.timeline.answers.verbs import FAMILY, PARAPHRASES

QUESTION_WORDS = frozenset("what when who whom where which why how did does do was were is are has had happen "
                           "happened tell me about story much many".split())
# Words a question is built with rather than about: they count little towards an answer.
# "What kind of cancer", "the name of his daughter", "famous for": the asked thing is the noun after them.
# The light verbs (make, take, get, give, let, put, set, keep, go, come) carry little of an event themselves:
# "let out of prison" is told by "prison" ("was freed from prison"), not by "let out a cry".
SCAFFOLD = frozenset(stem(w) for w in "make made take get got plan plans big much many happen new say said "
                     "one year time give worth kind type sort name famous let put set keep go come".split())
YEAR = re.compile(r"(?:19|20)\d\d")
PARAPHRASE_MARK = "#para"


def _paraphrase_groups() -> dict[str, tuple[int, ...]]:
    """Each stem's paraphrase groups (a word of several senses may be in several)."""
    groups: dict[str, tuple[int, ...]] = {}
    for i, line in enumerate(PARAPHRASES):
        for stemmed in sorted({stem(w) for w in line.split()}):
            groups[stemmed] = groups.get(stemmed, ()) + (i,)
    return groups


PARAPHRASE = _paraphrase_groups()

# a question asking for a figure: a count, an amount or a measure ("how long", "how big")
HOW_MANY = re.compile(r"(?i)(?:by\s+)?how\s+(?:many|much|long|far|big|large)\b")


def terms_of(text: str) -> set[str]:
    return set(expand([term_of(w) for w in words(text) if w.lower() not in STOP_WORDS]))


def tells_event(own: Collection[str], happened: set[str]) -> bool:
    """Whether words hold more than half of what the question says happened, each word or one of
    its family: "made its maiden flight" tells "make its first flight", "the first A380 prototype
    was unveiled" does not."""
    found = sum(any(t in own for t in expand([term])) for term in happened)
    return found > len(happened) / 2


def pieces(word: str, whole: bool) -> list[str]:
    """A hyphenated word's parts ("Intel-based": "Intel", "based"), with the word itself if `whole`:
    a question asks by the parts, a claim is found by either."""
    if "-" not in word[1:]:
        return [word]
    parts = [p for p in word.split("-") if p]
    return [word, *parts] if whole else parts


def term_of(word: str) -> str:
    """A word as the index holds it: its stem, and a number without its plural ("787s" -> "787")."""
    if word[:1].isdigit() and word.lower().endswith("s"):
        word = word[:-1]
    return stem(word)


def expand(terms: list[str]) -> list[str]:
    """Stems plus the family of any news event verb, the groups of its paraphrases, the country of any
    place and the marker of any year."""
    return (terms + [f"#family{FAMILY[t]}" for t in terms if t in FAMILY]
            + [f"{PARAPHRASE_MARK}{i}" for t in terms for i in PARAPHRASE.get(t, ())] + places(terms) + years(terms))


def years(terms: list[str]) -> list[str]:
    return [f"#year{t}" for t in terms if YEAR.fullmatch(t)]


def places(terms: list[str]) -> list[str]:
    return [f"#place{place}" for place in map(place_of, terms) if place]


# a run of capitalised words, small linking words inside it giving no letter
_NAME_RUN = re.compile(rf"\b[{CAPITALS}][{SMALLS}]+(?:\s+(?:(?:of|for|and|the|de)\s+)*[{CAPITALS}][{SMALLS}]+)+")


def acronyms(text: str) -> list[str]:
    """The initials of each run of two or more capitalised words ("International Monetary Fund":
    "imf", "Food and Drug Administration": "fda"), so that a question's "IMF" finds the full name.
    A sentence's first word, when a stop word ("In New York"), gives no letter; an initial's accent
    none ("Óleo": "o"), as acronyms are written ("BNDES", of "Banco Nacional de Desenvolvimento Econômico")."""
    out = []
    for run in _NAME_RUN.findall(text):
        capitals = [w for w in run.split() if w[:1].isupper()]
        if capitals[0].lower() in STOP_WORDS:
            capitals = capitals[1:]
        if len(capitals) >= 2:
            out.append("".join(unicodedata.normalize("NFD", w[0])[0] for w in capitals).lower())
    return out


# what ends the counted noun phrase of "how many N ...": a verb's helper or a preposition
_AFTER_COUNTED = frozenset("did does do was were is are has have had will would can could in of at for on to by from "
                           "during since".split())


def counted_noun(question: str) -> str | None:
    """The stem of what "how many" counts: "How many years in prison did he get?": "year"; "How
    many number one albums has she had?": "album" (a plural in the phrase, else its first word)."""
    match = re.search(r"(?i)\bhow\s+many\s+(.*)", question)
    if not match:
        return None
    phrase: list[str] = []
    for w in words(match.group(1)):
        if w.lower() in _AFTER_COUNTED:
            break
        phrase.append(w)
    plurals = [w for w in phrase if w.lower().endswith("s") and not w.lower().endswith("ss")]
    chosen = plurals[-1] if plurals else phrase[0] if phrase else None
    return term_of(chosen) if chosen else None


def question_subject(question: str) -> list[str]:
    """Stems of the subject in "when/how did X verb …" (its capitalised words)."""
    match = re.search(rf"\b(?:did|does|do|was|were|has|had|will)\s+((?:the\s+)?(?:[{CAPITALS}][\w'-]*\s*)+)", question)
    return [stem(w) for w in words(match.group(1))] if match else []


def subject_stems(text: str) -> list[str]:
    """Stems of a sentence's grammatical subject, roughly: the first words of its main clause."""
    main = re.sub(r"^(?:In|On|At|By|After|Before|Since|During|Earlier|Later)\b[^,]{0,40},\s*", "", text)
    return [stem(w) for w in words(main)[:4] if w.lower() not in STOP_WORDS]
