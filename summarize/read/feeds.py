"""RSS and Atom feeds, read with feedparser (imported only here): each entry one article.

An entry's body is its full content when the feed carries it (`content:encoded`, Atom
`content`), else its summary; the HTML of either is extracted as a saved page's is, and
stripped to its text when too short for that (a two-line summary). The feed's own title is
the outlet; the entry's published (or updated) time its date, its link its URL.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any

from storyline.summarize.errors import InputError
from storyline.summarize.model import RawDocument
from storyline.summarize.untrusted import clean_line

_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
                     "article", "figure", "figcaption", "ul", "ol", "table", "hr", "pre"})
_HIDDEN = frozenset({"script", "style", "noscript", "template", "iframe", "svg"})


def feed_documents(origin: str, text: str) -> list[RawDocument]:
    """Every entry of the feed with a body, in feed order ("path:N" origins), or InputError."""
    import feedparser

    parsed = feedparser.parse(text)
    entries = list(parsed.get("entries") or [])
    if not entries:
        reason = "not a feed we can read" if parsed.get("bozo") else "a feed with no entries"
        raise InputError(origin, reason)
    outlet = clean_line(_text(parsed.get("feed", {}).get("title", ""))) or None
    docs = []
    for number, entry in enumerate(entries, 1):
        body = _body(entry)
        if not body.strip():
            continue
        docs.append(RawDocument(origin=f"{origin}:{number}", text=body,
                                title=clean_line(_text(entry.get("title", ""))) or None, outlet=outlet,
                                published=_stamp(entry), url=clean_line(entry.get("link", "")) or None))
    if not docs:
        raise InputError(origin, "no feed entry has any text")
    return docs


def _body(entry: Mapping[str, Any]) -> str:
    """The entry's longest HTML (full content over summary) as article text."""
    candidates = [c.get("value", "") for c in entry.get("content") or []] + [entry.get("summary", "")]
    html = max((c for c in candidates if isinstance(c, str)), key=len, default="")
    if len(html) > 1000:  # a full article: extracted as a saved page's text is
        import trafilatura

        extracted = trafilatura.extract(f"<html><body><article>{html}</article></body></html>",
                                        include_comments=False, include_tables=False, favor_precision=True)
        if extracted and extracted.strip():
            return extracted
    return _text(html)


def _stamp(entry: Mapping[str, Any]) -> str | None:
    """The entry's publication time as ISO 8601 (UTC, as feedparser normalises it)."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if isinstance(parsed, time.struct_time):
        return time.strftime("%Y-%m-%dT%H:%M", parsed)
    raw = entry.get("published") or entry.get("updated")
    return clean_line(raw) or None if isinstance(raw, str) else None


class _Stripper(HTMLParser):
    """HTML to text: block elements end paragraphs, scripts and styles are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _text(html: str) -> str:
    """The text of an HTML fragment, paragraphs separated by a blank line."""
    if "<" not in html and "&" not in html:
        return html
    stripper = _Stripper()
    stripper.feed(html)
    stripper.close()
    paragraphs = (" ".join(p.split()) for p in "".join(stripper.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
