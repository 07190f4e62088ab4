"""From inputs to a Story: read, clean, find metadata, split sentences (claims and ranks: claims/, rank/)."""

from __future__ import annotations

import re
from itertools import count
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from storyline.summarize.clean.furniture import (Reasons, body_paragraphs, furniture_keys, furniture_of,
                                                 join_wrapped_lines, line_key, line_reasons, lower_words, normalise)
from storyline.summarize.dates import parse_date
from storyline.summarize.errors import InputError, NothingUsable
from storyline.summarize.read.ingest import read_inputs
from storyline.summarize.clean.metadata import find_outlet, find_published, find_title
from storyline.summarize.model import Article, RawDocument, Sentence
from storyline.summarize.text.sentences import sentence_spans
from storyline.summarize.workers import Workers, in_shares, split

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


TITLE_WORDS = 12


@dataclass(frozen=True)
class Story:
    """The articles of one story and their sentences, plus the inputs that were skipped."""

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    problems: tuple[InputError, ...] = ()

    def sentences_of(self, article_id: int) -> tuple[Sentence, ...]:
        """The sentences of one article, in order."""
        return self._by_article.get(article_id, ())

    @cached_property
    def _by_article(self) -> dict[int, tuple[Sentence, ...]]:
        grouped: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            grouped.setdefault(sentence.article, []).append(sentence)
        return {article: tuple(group) for article, group in grouped.items()}


def load_story(paths: Iterable[str], stdin: bytes | None = None, max_bytes: int | None = None,
               progress: Callable[[int, int], None] | None = None, workers: Workers | None = None) -> Story:
    """Read, clean and split every input; raise NothingUsable when no article remains.
    `progress(done, total)` is called as each input is read; a large input is cleaned by `workers` too."""
    reading = read_inputs(paths, stdin=stdin, max_bytes=max_bytes, progress=progress)
    return story_of(reading.documents, reading.problems, workers)


def story_of(documents: list[RawDocument], problems: Iterable[InputError] = (), workers: Workers | None = None) -> Story:
    """Clean and split documents already read (a batch task's records); NothingUsable if none is left.
    With `workers`, a large story's documents are cleaned in shares, one in each helper (same result)."""
    helpers = workers.helpers(len(documents)) if workers else []
    built, skipped = _built(documents, helpers)
    found = [*problems, *skipped]
    if not built:
        reasons = "; ".join(str(p) for p in found[:3]) or "no input given"
        raise NothingUsable(f"no usable article ({reasons})")
    articles = tuple(article for article, _ in built)
    sentences = tuple(Sentence(article.id, i, article.text[start:end], start, end)
                      for article, spans in built for i, (start, end) in enumerate(spans))
    return Story(articles, sentences, tuple(found))


def build_articles(documents: list[RawDocument], reason_of: Reasons | None = None) -> tuple[list[Article], list[InputError]]:
    """Clean documents into Articles numbered 1, 2, … in input order (`reason_of` classifies a
    line: by default a `line_reasons` of these documents' own).

    Besides each page's own furniture, lines the collection itself shows to be boilerplate are
    dropped (`furniture_of`): corroboration is for news, not for a site's footer.
    """
    built, problems = _built(documents, [], reason_of)
    return [article for article, _ in built], problems


# Cleaning in two passes over shares of the documents (each share in a helper or here): the pages'
# lines, dates, outlets and words; then, once the whole story's vocabulary and repeated lines are
# known, each page's body and its sentences' spans. The second pass of a share runs where its first
# did, from the pages and line classifications that pass kept (`_KEPT`).
Page = tuple[list[str], str | None, str | None, list[str]]  # lines, published, outlet, each line's `line_key`
Body = tuple[str, str, list[tuple[int, int]]] | None  # title, text, sentence spans; None: nothing left
Seen = dict[str, str | None]  # lines classified so far (`LineReasons.seen`)


def _built(documents: list[RawDocument], helpers: Sequence[ProcessPoolExecutor],
           reason_of: Reasons | None = None) -> tuple[list[tuple[Article, list[tuple[int, int]]]], list[InputError]]:
    """Every document cleaned, numbered and split (spans), and the ones with nothing left."""
    if not helpers:  # one share, here: one classification of each line for every pass
        reasons = reason_of if reason_of is not None else line_reasons()
        pages, words, keys = _pages(documents, reasons)
        known = frozenset(words)
        furniture = furniture_of([(k, outlet, published) for k, (_, published, outlet, _) in zip(keys, pages)])
        bodies = _bodies([(doc.title, page) for doc, page in zip(documents, pages)], known, furniture, reasons)
        dated = [(published, outlet) for _, published, outlet, _ in pages]
    else:
        shares = [(next(_SHARES), share) for share in split(documents, len(helpers) + 1)]
        firsts = in_shares(_first_pass_kept, shares, helpers)
        dated = [(published, outlet) for first in firsts for published, outlet in first[0]]
        known = frozenset().union(*(first[1] for first in firsts))
        furniture = furniture_of([(k, outlet, published) for first in firsts
                                  for k, (published, outlet) in zip(first[2], first[0])])
        del firsts
        seconds = [(number, share, known, furniture) for number, share in shares]
        bodies = [body for share in in_shares(_second_pass_kept, seconds, helpers) for body in share]
        del seconds, shares
    built: list[tuple[Article, list[tuple[int, int]]]] = []
    problems: list[InputError] = []
    for doc, (published, outlet), body in zip(documents, dated, bodies):
        if body is None:
            problems.append(InputError(doc.origin, "no article text left after cleaning"))
            continue
        title, text, spans = body
        built.append((Article(id=len(built) + 1, origin=doc.origin, title=title, outlet=outlet, published=published,
                              text=text, url=doc.url), spans))
    return built, problems


# In shares, each share's pages and line classifications stay where its first pass made them, for its
# second pass there: sending a 12,000-article story's lines and classifications back and forth cost
# more than a third of its cleaning. Only what the story needs of all pages crosses.
_SHARES = count()  # a share's number, to find what its first pass kept
_KEPT: dict[int, tuple[list[Page], Seen]] = {}  # per share done in this process: its pages, its line classifications
Sent = tuple[list[tuple[str | None, str | None]], set[str], list[set[str]]]  # per page (published, outlet); words; keys


def _first_pass_kept(share: tuple[int, list[RawDocument]]) -> Sent:
    """`_pages` of one share, its pages and line classifications kept here for `_second_pass_kept`."""
    number, documents = share
    reasons = line_reasons()
    pages, words, keys = _pages(documents, reasons)
    _KEPT[number] = (pages, reasons.seen)
    return [(published, outlet) for _, published, outlet, _ in pages], words, keys


def _second_pass_kept(share: tuple[int, list[RawDocument], frozenset[str], frozenset[str]]) -> list[Body]:
    """`_bodies` of one share, from what its first pass kept here (a helper that died meanwhile
    leaves nothing kept: the first pass is done again, here)."""
    number, documents, known, furniture = share
    kept = _KEPT.pop(number, None)
    if kept is None:
        reasons = line_reasons()
        pages = _pages(documents, reasons)[0]
    else:
        pages, seen = kept
        reasons = line_reasons(seen)
    return _bodies([(doc.title, page) for doc, page in zip(documents, pages)], known, furniture, reasons)


def _pages(documents: Sequence[RawDocument], reason_of: Reasons) -> tuple[list[Page], set[str], list[set[str]]]:
    """The first pass: each page's lines, publication date and outlet, the words of all of them
    (`vocabulary`) and each page's `furniture_keys`."""
    pages: list[Page] = []
    words: set[str] = set()
    keys: list[set[str]] = []
    for doc in documents:
        text = normalise(doc.text)
        words.update(lower_words(text))
        lines = join_wrapped_lines(text)
        published = (parse_date(doc.published) if doc.published else None) or find_published(lines)
        outlet = doc.outlet or find_outlet(lines, reason_of) or _domain(doc.url)
        line_keys = list(map(line_key, lines))  # kept for the second pass: a line's key is asked there again
        pages.append((lines, published, outlet, line_keys))
        keys.append(furniture_keys(lines, line_keys))
    return pages, words, keys


def _bodies(pages: list[tuple[str | None, Page]], known: frozenset[str], furniture: frozenset[str],
            reason_of: Reasons) -> list[Body]:
    """The second pass: each page's title (from its record's, if any), body and sentence spans
    (None when nothing is left)."""
    out: list[Body] = []
    for given, (lines, _, _, line_keys) in pages:
        title = normalise(given) if given else find_title(lines, reason_of)
        # a title that ends as a sentence does is the text's own first sentence given as its title
        # (records that have no headline): the body keeps it; a headline's repeat is dropped
        paragraphs = body_paragraphs(lines, None if title and _LEDE_END.search(title) else title, known, furniture,
                                     reason_of, line_keys)
        if not paragraphs:
            out.append(None)
            continue
        text = "\n\n".join(paragraphs)
        out.append((title or _headline(paragraphs[0]), text, sentence_spans(text, lambda line: reason_of(line) is None)))
    return out


_LEDE_END = re.compile(r"\w[.][\"'\u201d\u2019)]?$")


def _headline(paragraph: str) -> str:
    words = paragraph.split()
    return " ".join(words[:TITLE_WORDS]) + ("..." if len(words) > TITLE_WORDS else "")


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlparse(url).netloc
    except ValueError:  # "http://[oops/x": not a URL after all
        return None
    return host.removeprefix("www.") or None
