"""Shapes of furniture that an extractor leaves inside an article's body: photo credits and
caption widgets, embedded posts and videos, bylines and contact lines, and recommendation
boxes fused into a sentence. Each is a shape of how pages are built, never one site's words.

Every pattern is linear (no nested or adjacent quantifiers over one run of characters):
tests/test_hostile.py feeds the cleaning its worst cases.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

def folded(text: str) -> str:
    """`text` lower-cased as a case-insensitive pattern compares it: what `Gated` looks in. re.I
    also reads "İ" and "ı" as "i" and "ſ" as "s", which lower() does not ("İ" lowers to two
    characters); replace() is many times faster than translate() on a line of prose."""
    return text.replace("\u0130", "i").replace("\u0131", "i").replace("\u017f", "s").lower()


@dataclass(frozen=True)
class Gated:
    """A case-insensitive pattern behind literals one of which every match of it holds (lower case).
    Most lines hold none, and `in` is many times faster than a search that tries an alternation of
    words at each position (tests/test_clean.py draws matches of each pattern to check its literals)."""

    pattern: re.Pattern[str]
    literals: tuple[str, ...]

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        """The pattern's search of `text`, whose `folded` form is `lowered`."""
        return self.pattern.search(text) if any(word in lowered for word in self.literals) else None


CREDIT_CHARS = 80  # a credit closes a caption: only the line's tail is searched
# "… the rally. Evan Vucci/AP", "(Photo by Jane Roe/Getty Images)", "Enlarge this image toggle caption …"
_CREDIT_END = re.compile(r"\b[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}/\s?(?:[A-Z]{2,8}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
                         r"\)?\s*$")
_PHOTO_CREDIT = re.compile(r"\((?:photo|picture|image|video)s?\s*(?:by\b|credit\b|courtesy\b|:)", re.I)
_CAPTION_WIDGET = Gated(re.compile(r"\b(?:toggle caption|hide caption|enlarge this image|image caption|media caption)\b", re.I),
                        ("caption", "enlarge this image"))
# An embedded post or video: its link (cut from the post's words, which may be news: a minister's post),
# its "— Name (@handle) Month 9, 2019" signature, a clock duration closing a video teaser.
_EMBED_LINK = re.compile(r"\s?(?:https?://)?(?:pic\.twitter\.com|t\.co|youtu\.be)/\w+")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")  # "… 22 October 2010 at 20:13" is a time stamp, not a duration
_POST_SIGNATURE = re.compile(r"\s*[-—–]+\s*[^-—–()]{1,60}\(@\w{1,30}\)\s*[A-Z][a-z]{2,8}\.? \d{1,2},\s*\d{4}\s*$")
_DURATION_END = re.compile(r"(?<![\d:])(?<!\bat )(?<!\bfrom )(?<!\buntil )\d{1,2}:[0-5]\d$")
DURATION_WORDS = 4  # "MUST WATCH Crowds cheer the convoy 01:12": a video teaser, not "Kickoff 20:45"
# A byline, credit or contact line: "By Jane Roe", "Jane Roe may be reached at …", "Follow her on …".
_BYLINE = re.compile(r"^(?:By|BY) [A-Z][\w.'-]*(?:,? (?:[A-Z][\w.'-]*|and|&))*$")
BYLINE_WORDS = 12
_CONTACT = Gated(re.compile(
    r"\b(?:may|can) be reached (?:at|by|on)\b|\breach (?:him|her|them|me|us|the reporters?|the authors?|the writers?) "
    r"(?:at|on|via|by)\b|\bfollow (?:him|her|them|me|us|@\w+|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}) on "
    r"(?:twitter|facebook|instagram|x|threads|bluesky|linkedin|youtube|tiktok)\b|^follow (?:[\w.'-]+'s )?(?:full |more |all |live )?coverage\b|^(?:got|have) a (?:news )?tip\b|"
    r"\boriginally (?:published|appeared|posted) (?:on|in|at|by)\b|\bcontributed (?:reporting|to this (?:report|story|article))\b|"
    r"^\(?(?:additional )?reporting by\b|\b(?:writing|editing) by [A-Z]", re.I),
    ("reach", "follow ", "tip", "originally ", "contributed ", "reporting by", "ing by "))
CONTACT_WORDS = 60
# A headline tagged by its box: "Storm closes the coast road [VIDEO]", "… [PICTURES]|".
_TAGGED_LINK = re.compile(r"\s\[[A-Z][A-Z ]{2,19}\][\W_]*$")
# A recommendation box fused into a sentence: "Gov. Jane RoeJane Ann RoeState governor says … MORE (R) said":
# a name run into a restatement of itself and a headline, closed by an all-caps MORE.
_FUSED = re.compile(r"([A-Z][a-z]+)([A-Z])")
_MORE = re.compile(r"\s?\bMORE\b\s?")
FUSED_CHARS = 400


def shape_reason(bare: str, words: int, reporting: bool, lowered: str | None = None) -> str | None:
    """The furniture shape of a line without markers (`words` long; `reporting` when it has a
    reporting verb; `lowered` its `folded` form if known), or None."""
    lowered = folded(bare) if lowered is None else lowered
    tail = bare[-CREDIT_CHARS:]
    if _CAPTION_WIDGET.search(bare, lowered) or _PHOTO_CREDIT.search(bare) or _CREDIT_END.search(tail):
        return "caption"
    if words >= DURATION_WORDS and ":" in tail and _DURATION_END.search(tail) and not _YEAR.search(bare):
        return "embed"
    if (words <= BYLINE_WORDS and _BYLINE.match(bare)) or (words <= CONTACT_WORDS and not reporting
                                                             and _CONTACT.search(bare, lowered)):
        return "byline or contact"
    if _TAGGED_LINK.search(tail):
        return "related link"
    return None


def unfuse_link_box(line: str) -> str:
    """A line without the recommendation boxes fused into it (the name's restatement, the headline,
    the MORE), each when the name it is fused to comes back before that MORE."""
    if "MORE" not in line:
        return line
    mores = list(_MORE.finditer(line))
    ends = [m.start() for m in mores]
    kept: list[str] = []
    done = 0  # line[:done] is settled
    for fused in _FUSED.finditer(line):
        start = fused.start(2)
        at = bisect_left(ends, start)
        if start < done or at == len(ends) or ends[at] > start + FUSED_CHARS:
            continue
        more = mores[at]
        if re.search(rf"\b{fused.group(1)}(?=[A-Z\s])", line[start:more.start()]):
            kept.append(line[done:start] + " ")
            done = more.end()
    return "".join(kept) + line[done:] if kept else line


def cut_embed_links(line: str) -> str:
    """A line without the links and the signature an embedded post leaves in it ("… pic.twitter.com/Ab12",
    "— Jane Roe (@jroe) May 2, 2019")."""
    line = _EMBED_LINK.sub("", line) if "/" in line else line
    if "(@" not in line:
        return line
    head, tail = line[:-CREDIT_CHARS], line[-CREDIT_CHARS:]  # a signature closes the post: only the tail is searched
    return head + _POST_SIGNATURE.sub("", tail)
