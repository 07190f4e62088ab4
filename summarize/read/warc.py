"""Web archives (`.warc`, `.warc.gz`, as crawls and Common Crawl's CC-NEWS store pages), read
with warcio (imported only here) as a stream: one record at a time, never the whole file.

Each `response` record of an HTML page (HTTP 200, `text/html` or XHTML) is one article: its
page extracted as a saved page's is, its `WARC-Target-URI` the URL and its `WARC-Date` (the
capture time) the date when the page itself names none. Requests, metadata, redirects, images
and other records are passed over; a page over the size limit is skipped with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.summarize.errors import InputError
from storyline.summarize.model import RawDocument

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset=[\"']?([A-Za-z0-9_.:-]+)", re.I)


@dataclass(frozen=True)
class Page:
    """One archived HTML response: where it sits in the file, its URL, capture date and text."""

    origin: str
    url: str | None
    captured: str | None
    html: str


def warc_pages(path: Path, shown: str, problems: list[InputError], max_bytes: int) -> Iterator[Page]:
    """The HTML pages of a WARC file in file order ("path:N", N counting the pages)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from storyline.summarize.read.archive import check_expansion

    number = expanded = 0
    size = max(1, path.stat().st_size) if path.exists() else 1
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                # each record counted as declared, before it is read or skipped: a .warc.gz expands
                # no further than a gzipped JSON Lines archive may
                expanded += max(0, record.length or 0)
                check_expansion(shown, size, expanded)
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                kind = record.http_headers.get_header("Content-Type") or ""
                if record.http_headers.get_statuscode() != "200" or not kind.lower().startswith(_HTML_TYPES):
                    continue
                number += 1
                origin = f"{shown}:{number}"
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    problems.append(InputError(origin, f"page over the {max_bytes / 1e6:.0f} MB limit"))
                    continue
                try:
                    html = _decode(origin, data, kind)
                except InputError as err:
                    problems.append(err)
                    continue
                yield Page(origin, record.rec_headers.get_header("WARC-Target-URI"),
                           record.rec_headers.get_header("WARC-Date"), html)
    except ArchiveLoadFailed as err:
        raise InputError(shown, f"not a WARC file we can read ({str(err).splitlines()[0][:80]})") from None
    except (OSError, EOFError) as err:  # a truncated gzip, an unreadable file
        raise InputError(shown, f"cannot be read to the end ({err})") from None


def warc_documents(path: Path, shown: str, problems: list[InputError], max_bytes: int) -> Iterator[RawDocument]:
    """Each HTML page of the archive as a document; a page with no article text is reported."""
    from storyline.summarize.read.ingest import parse_html

    found = False
    for page in warc_pages(path, shown, problems, max_bytes):
        found = True
        try:
            doc = parse_html(page.origin, page.html)
        except InputError as err:
            problems.append(err)
            continue
        yield RawDocument(origin=page.origin, text=doc.text, title=doc.title, outlet=doc.outlet,
                          published=doc.published or page.captured, url=page.url or doc.url)
    if not found:
        problems.append(InputError(shown, "no HTML response records in the web archive"))


def _decode(origin: str, data: bytes, content_type: str) -> str:
    """The page's text: the charset its HTTP header names, else detected as for any file."""
    from storyline.summarize.read.ingest import decode

    declared = _CHARSET.search(content_type)
    if declared:
        try:
            return data.decode(declared.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(origin, data)
