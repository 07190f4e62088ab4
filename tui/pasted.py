"""Whether plain text on standard input looks like several articles pasted together.

Plain text on stdin is read as one article (README); `cat a.txt b.txt | storyline …` then mixes
their titles, outlets and dates into one. We keep that rule and only warn, counting the starts
an article's text has once: a headline with a dateline just under it, or a form feed.
"""

from __future__ import annotations

from storyline.summarize.clean.furniture import WORD, is_date_line, join_wrapped_lines, normalise
from storyline.summarize.errors import InputError

HEADLINE_REACH = 3  # a dateline sits within this many lines under its headline (an outlet line between)
BODY_LINE_WORDS = 12  # a line this long is body text, not page furniture
BODY_BETWEEN = 2  # body lines between two starts: a page's update stamp under its byline is no new article


def article_starts(text: str) -> int:
    """How many articles the text seems to hold: headline+dateline starts separated by body text,
    or pages separated by form feeds, whichever is more (1 for an ordinary article)."""
    pages = sum(1 for page in text.split("\f") if page.strip())
    starts, body, recent = 0, BODY_BETWEEN, 0  # recent: lines since the last headline-shaped one
    for line in join_wrapped_lines(normalise(text.replace("\f", "\n"))):
        line = line.strip()
        if not line:
            continue
        words = len(WORD.findall(line))
        if is_date_line(line):
            if recent <= HEADLINE_REACH and body >= BODY_BETWEEN:
                starts, body = starts + 1, 0
        elif 3 <= words <= 25 and not line.endswith("."):
            recent = 0
        if words >= BODY_LINE_WORDS:
            body += 1
        recent += 1
    return max(pages, starts, 1)


def pasted_note(stdin: bytes | None) -> InputError | None:
    """The warning for plain text on stdin that looks like several articles (None if it does not):
    the command line prints it, the app shows it as it shows the other warnings."""
    if not stdin or not is_plain_text(stdin):
        return None
    starts = article_starts(stdin.decode("utf-8", "replace"))
    if starts < 2:
        return None
    return InputError("<stdin>", f"read as one article, but it looks like several pasted together (at least {starts}); "
                      "pass the files themselves (storyline summarize a.txt b.txt) or one JSON Lines record each",
                      skipped=False)


def is_plain_text(data: bytes) -> bool:
    """Whether stdin holds plain text, not JSON, JSON Lines, HTML or a feed (those carry their own records)."""
    head = data.lstrip()[:1]
    return bool(head) and head not in (b"{", b"[", b"<")
