"""Lines that stand on their own: a pronoun or definite description gets its antecedent in brackets.

A claim shown alone (a timeline line, an answer) loses the sentence before it, so "The company
claims to own the trademark" or "ISIS had seized the strategic town in August 2015" no longer
say who or where. The antecedent is the name the description's noun was given just before
("the terrorist-held town of Al-Qaryatain" -> "the strategic town [Al-Qaryatain]"). Pronouns and
descriptions with no such name are left alone: "the last name mentioned" guesses wrong too often
(measured on the demo story) to be printed as if the sources said it.
"""

from __future__ import annotations

import re

from storyline.summarize.text.sentences import CAPITALS

_NAME = rf"[{CAPITALS}][\w'’&.-]*(?:\s+(?:of|for|de|al|the|and)?\s*[{CAPITALS}][\w'’&.-]*){{0,4}}"
_HEADS = (r"town|city|village|company|firm|group|country|carrier|airline|automaker|carmaker|bank|plane|"
          r"aircraft|jet|airliner|militants|jihadists|monitor|ministry|agency|index|exchange|court")
# "The town lies…": an opening description that needs its antecedent.
_OPENING = re.compile(rf"^(?:The|This|That)\s+(?:\w+\s+)?(?P<head>{_HEADS})\b")
# "seized the strategic town in…": a definite description inside the sentence.
_INSIDE = re.compile(r"\bthe\s+(?:[a-z-]+\s+)?(?P<head>town|city|village)\b")
REACH = 400  # characters before the sentence searched for the antecedent
# Openings that lean on the sentence before: a pronoun or connective ("He [Staffan de Mistura] …"
# stands alone), a quotation's tail, or a description that never names its antecedent
# ("The company, which safeguards …").
_LEANING = re.compile(r"^(?:[”'’]|(?:It|He|She|They|This|That|These|Those|Since then|However|But|And|Also)\b"
                      r"(?!\s*\[))")
# A quotation that opens a line stands alone when it closes in the line and its speaker is named
# ('"We are here to help," said Ashton.', '"…," a prosecutor said'); '"…," he said' leans.
_NAMED_QUOTE = re.compile(r'^["“][^"“”]{1,1000}["”],?\s+(?:(?:said|says|added|told|wrote|tweeted|insisted)\s+)?'
                          r"(?!(?:he|she|it|they|we|i|you|this|that)\b)[^\W\d_][\w'’.-]*", re.IGNORECASE)
_UNNAMED_WHICH = re.compile(rf"^The\s+(?:\w+\s+)?(?:{_HEADS})\s*,\s*(?:which|who)\b")


def leans_on_before(text: str) -> bool:
    """Whether a line needs the sentence before it to be understood (and so cannot stand alone)."""
    if text.startswith(('"', "“")) and not _NAMED_QUOTE.match(text):
        return True
    return bool(_LEANING.match(text) or _UNNAMED_WHICH.match(text)) or text.count('"') % 2 == 1


def self_contained(text: str, before: str) -> str:
    """`text` with the name its opening description ("The town …") or inner "the … town" was
    given in `before` (the text just before it) added in brackets."""
    found = _OPENING.match(text) or _INSIDE.search(text)
    if not found or not found.group("head"):
        return text
    given = list(re.finditer(rf"\b{found.group('head')}\s+of\s+({_NAME})", before[-REACH:]))
    name = given[-1].group(1).rstrip(".") if given else None
    if not name or name in text:
        return text
    return f"{text[:found.end()]} [{name}]{text[found.end():]}"
