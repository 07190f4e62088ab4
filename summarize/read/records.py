"""One JSON article record as a RawDocument, in the shapes crawlers and extractors write.

Besides our own (`text`, `title`, `url`, `outlet`/`source`, `published`/`date`), two tools'
records are read by their documented fields:
- news-please: `maintext`, `title`, `description` (the body when `maintext` is empty),
  `date_publish`, `source_domain`, `url`, `authors`;
- trafilatura's JSON output: `text`, `title`, `date`, `sitename` (1.x) or `source-hostname`
  (2.x), `hostname`, `url` or `source` (the page's URL in 2.x).
A record written from a web archive (`html`, `url`, `warc_date`) holds its page, extracted here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from storyline.summarize.errors import InputError
from storyline.summarize.model import RawDocument
from storyline.summarize.untrusted import clean_line

BODY_FIELDS = ("text", "maintext", "description")
TITLE_FIELDS = ("title", "headline", "title_page", "title_rss")
OUTLET_FIELDS = ("outlet", "sitename", "source-hostname", "source_domain", "publisher", "site", "source", "hostname")
DATE_FIELDS = ("published", "date_publish", "date", "published_at", "pubdate", "datePublished")
URL_FIELDS = ("url", "link", "source")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def record_document(origin: str, item: object) -> RawDocument:
    """One JSON article record: a body field required (`text`, news-please's `maintext`, or a
    web archive's `html`); title, url, outlet and publication date read when present."""
    if not isinstance(item, dict):
        raise InputError(origin, "expected a JSON object with a \"text\" field")
    body = next((v for v in (item.get(f) for f in BODY_FIELDS) if isinstance(v, str) and v.strip()), None)
    if body is None and isinstance(item.get("html"), str):
        return _page_record(origin, item)
    if body is None:
        raise InputError(origin, "no \"text\" field")
    return RawDocument(origin=origin, text=body, title=field_str(item, TITLE_FIELDS),
                       outlet=field_str(item, OUTLET_FIELDS, url=False), published=field_str(item, DATE_FIELDS),
                       url=field_str(item, URL_FIELDS, url=True))


def field_str(item: Mapping[str, object], names: tuple[str, ...], url: bool | None = None) -> str | None:
    """The first of `names` holding a non-blank string, sanitised; with `url` True only a URL
    counts, with False anything but one (trafilatura's `source` is a URL, ours an outlet)."""
    for name in names:
        value = item.get(name)
        if isinstance(value, str) and (line := clean_line(value)):
            if url is None or bool(_URL.match(line)) == url:
                return line
    return None


def _page_record(origin: str, item: Mapping[str, object]) -> RawDocument:
    """A web archive's page: its HTML extracted as a saved page is, its capture's URL and date
    standing in for what the page does not say."""
    from storyline.summarize.read.ingest import parse_html

    page = parse_html(origin, str(item["html"]))
    return RawDocument(origin=origin, text=page.text, title=page.title, outlet=page.outlet,
                       published=page.published or field_str(item, ("warc_date",)),
                       url=field_str(item, URL_FIELDS, url=True) or page.url)
