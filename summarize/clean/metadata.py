"""Find an article's title, outlet and publication date in its lines.

A container's own metadata (JSON fields, HTML meta tags) wins; the text is searched only
when it has none. A page's crawl or "Last update" date is not a publication date: date
lines are scored by their label and by how far they sit from the years the article cites.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from storyline.summarize.clean.furniture import (LABEL, WORD, Reasons, furniture_reason, headline, is_date_line, is_end_marker,
                                                 join_wrapped_lines, normalise, strip_markers)
from storyline.summarize.dates import YEAR, find_absolute_date

HEAD_LINES = 12  # a title or byline sits near the top of a page
_PUBLISHED = re.compile(r"\b(?:published|posted|first published|date|issued|released)\b", re.I)
_UPDATED = re.compile(r"\b(?:updated?|last update|modified|edited|accessed|retrieved|today is)\b", re.I)
_SOURCE_LABEL = re.compile(r"^(?:source|via|publisher|outlet|from)\s*:\s*(.+)$", re.I)
_BRAND = re.compile(r"\b(?:[A-Z][a-z]+[A-Z0-9][A-Za-z0-9]*|[A-Z][A-Za-z]+[0-9]+)\b")
_NAME_LINE = re.compile(r"^(?:[A-Z][A-Za-z0-9&.'-]*)(?: [A-Z][A-Za-z0-9&.'-]*){0,3}$")
_YEARS = re.compile(rf"\b{YEAR}\b")


def find_title(lines: list[str], reason_of: Reasons = furniture_reason) -> str | None:
    """The first headline-shaped line near the top: 3–25 words, not furniture, no final period."""
    for line in lines[:HEAD_LINES]:
        words = WORD.findall(line)
        reason = reason_of(line)
        if 3 <= len(words) <= 25 and not line.endswith(".") and reason in (None, "heading or link"):
            return headline(strip_markers(line))
    return None


def find_outlet(lines: list[str], reason_of: Reasons = furniture_reason) -> str | None:
    """An outlet named by a "Source:" line, a byline-like name line near the top, or site furniture
    (`reason_of` classifies a line)."""
    for line in lines:
        match = _SOURCE_LABEL.match(line)
        if match and len(match.group(1).split()) <= 4:
            return match.group(1).strip(" .")
    for line in lines[:HEAD_LINES]:
        reason = reason_of(line)
        if reason is None:
            break  # the body has begun: a short capitalised line now is a subhead ("HEAVY LOSSES")
        if _NAME_LINE.match(line) and len(line.split()) <= 3 and not is_date_line(line) \
                and reason == "heading or link" and not _is_section_word(line):
            return line
    brands = Counter(b for line in lines if reason_of(line) for b in _BRAND.findall(line))
    common = [(n, b) for b, n in brands.items() if n >= 2]
    return max(common)[1] if common else None


def _is_section_word(line: str) -> bool:
    """One plain capitalised word ("Syria", "World") is a section name, not an outlet."""
    return len(line.split()) == 1 and line.istitle() and not line.isupper() and not _BRAND.search(line)


def find_published(lines: list[str]) -> str | None:
    """The best-scored publication date among the page's date lines, as ISO 8601."""
    body_years = [int(y) for line in lines if not is_date_line(line) for y in _YEARS.findall(line)]
    latest_cited = max(body_years) if body_years else None
    best: tuple[int, int, str] | None = None
    for position, line in enumerate(lines):
        if is_end_marker(line) and position > HEAD_LINES:
            break
        if not is_date_line(line):
            continue
        found = find_absolute_date(line)
        if not found:
            continue
        value, start, _ = found
        score = _date_line_score(line[:start], line, int(value[:4]), latest_cited)
        candidate = (score, -position, value)
        if best is None or candidate > best:
            best = candidate
    return best[2] if best and best[0] > -3 else None


def published_day(text: str) -> date | None:
    """The publication day found in a raw text, as `find_published` finds it in cleaned lines."""
    found = find_published(join_wrapped_lines(normalise(text)))
    return date.fromisoformat(found[:10]) if found else None


def _date_line_score(before: str, line: str, year: int, latest_cited: int | None) -> int:
    """Higher for a labelled publication date, lower for an update stamp or a far-off year."""
    score = 0
    if _PUBLISHED.search(before) or (LABEL.match(line) and _PUBLISHED.search(line.split(":")[0])):
        score += 3
    if _UPDATED.search(line):
        score -= 2
    if latest_cited is not None and year > latest_cited + 2:
        score -= 4  # a page stamp years after anything the article mentions
    return score
