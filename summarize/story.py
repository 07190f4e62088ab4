"""From inputs to a Story: read, clean, find metadata, split sentences (then claims, ranks)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlparse

from storyline.summarize.clean.furniture import (Reasons, body_paragraphs, join_wrapped_lines, line_reasons, normalise,
                                                 repeated_furniture, vocabulary)
from storyline.summarize.dates import parse_date
from storyline.summarize.errors import InputError, NothingUsable
from storyline.summarize.read.ingest import read_inputs
from storyline.summarize.clean.metadata import find_outlet, find_published, find_title
from storyline.summarize.model import Article, Claim, RawDocument, Sentence
from storyline.summarize.text.sentences import split_text

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
               progress: Callable[[int, int], None] | None = None) -> Story:
    """Read, clean and split every input; raise NothingUsable when no article remains.
    `progress(done, total)` is called as each input is read."""
    reading = read_inputs(paths, stdin=stdin, max_bytes=max_bytes, progress=progress)
    return story_of(reading.documents, reading.problems)


def story_of(documents: list[RawDocument], problems: Iterable[InputError] = ()) -> Story:
    """Clean and split documents already read (a batch task's records); NothingUsable if none is left."""
    reason_of = line_reasons()  # each line classified once, by cleaning and splitting alike
    articles, skipped = build_articles(documents, reason_of)
    found = [*problems, *skipped]
    if not articles:
        reasons = "; ".join(str(p) for p in found[:3]) or "no input given"
        raise NothingUsable(f"no usable article ({reasons})")
    sentences = tuple(s for a in articles for s in split_text(a.id, a.text, lambda line: reason_of(line) is None))
    return Story(tuple(articles), sentences, tuple(found))


def build_articles(documents: list[RawDocument], reason_of: Reasons | None = None) -> tuple[list[Article], list[InputError]]:
    """Clean documents into Articles numbered 1, 2, … in input order (`reason_of` classifies a
    line: by default a `line_reasons` of these documents' own).

    Besides each page's own furniture, lines the collection itself shows to be boilerplate are
    dropped (`repeated_furniture`): corroboration is for news, not for a site's footer.
    """
    reason_of = reason_of or line_reasons()
    texts = [normalise(d.text) for d in documents]
    known = vocabulary(texts)
    pages = []
    for doc, text in zip(documents, texts):
        lines = join_wrapped_lines(text)
        published = (parse_date(doc.published) if doc.published else None) or find_published(lines)
        outlet = doc.outlet or find_outlet(lines, reason_of) or _domain(doc.url)
        pages.append((lines, published, outlet))
    furniture = repeated_furniture([(lines, outlet, published) for lines, published, outlet in pages])
    articles: list[Article] = []
    problems: list[InputError] = []
    for doc, (lines, published, outlet) in zip(documents, pages):
        title = normalise(doc.title) if doc.title else find_title(lines, reason_of)
        # a title that ends as a sentence does is the text's own first sentence given as its title
        # (records that have no headline): the body keeps it; a headline's repeat is dropped
        paragraphs = body_paragraphs(lines, None if title and _LEDE_END.search(title) else title, known, furniture,
                                     reason_of)
        if not paragraphs:
            problems.append(InputError(doc.origin, "no article text left after cleaning"))
            continue
        articles.append(Article(
            id=len(articles) + 1, origin=doc.origin, title=title or _headline(paragraphs[0]),
            outlet=outlet, published=published, text="\n\n".join(paragraphs), url=doc.url))
    return articles, problems


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


def ranked_claims(story: Story, algorithm: str = "lexrank",
                  source_of: dict[int, int] | None = None) -> tuple[Claim, ...]:
    """The story's claims (deduplicated sentences), scored by `algorithm`, in story order;
    corroboration counts the independent sources of `source_of` (by default, found here)."""
    from storyline.summarize.claims.dedup import build_claims
    from storyline.summarize.claims.independent import independent_sources
    from storyline.summarize.rank.rankers import rank_claims

    if source_of is None:
        source_of = independent_sources(story.articles)
    return rank_claims(build_claims(story.sentences), algorithm, source_of)
