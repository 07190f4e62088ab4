"""Read news archives record by record: JSON Lines, gzipped or not, or web archives (WARC),
never all in memory.

One line is one article record (as `ingest` reads them: `text` required, `title`, `url`,
`outlet`/`source`, `published`/`date` used when present). A line over the record limit, a
malformed one or one without text is reported and skipped; the rest streams on. A WARC's
HTML pages stream as records of their own (`html`, `url`, `warc_date`), extracted where parsed.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from storyline.summarize.errors import InputError
from storyline.summarize.read.ingest import record_document
from storyline.summarize.model import RawDocument

MAX_RECORD_BYTES = 5 * 1024 * 1024  # one article; a longer line is not one
MAX_RATIO = 50  # news JSON Lines gzips 3-10 times; fiftyfold is junk repeated
RATIO_FROM = 512 * 1024  # a tiny archive may compress well: the ratio counts past 512 KB
MAX_EXPANDED = 32 * 1024**3  # one archive, expanded
WARC_SUFFIXES = (".warc", ".warc.gz")
ARCHIVE_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json", *WARC_SUFFIXES)


def check_archive(raw: str) -> None:
    """InputError unless `raw` names an archive file (checked before any work starts)."""
    path = Path(raw)
    if not path.is_file():
        raise InputError(raw, "no such archive file")
    if not path.name.lower().endswith(ARCHIVE_SUFFIXES):
        raise InputError(raw, "an archive is a .jsonl or .jsonl.gz file, one article per line, or a .warc(.gz)")


def archive_lines(paths: Iterable[str], problems: list[InputError] | None = None) -> Iterator[tuple[str, bytes]]:
    """(origin, raw line) for every non-blank line of every archive, in order ("path:LINE"); a web
    archive's page too large to be a record goes to `problems` (when given) instead.

    A gzipped JSON Lines archive may expand at most MAX_RATIO times its size (once past RATIO_FROM
    bytes) and at most MAX_EXPANDED bytes in all: a gzip bomb stops with an InputError, not a full disk."""
    for raw in paths:
        path = Path(raw)
        check_archive(raw)
        if path.name.lower().endswith(WARC_SUFFIXES):
            yield from _warc_records(path, raw, problems if problems is not None else [])
            continue
        packed = path.suffix == ".gz"
        size = max(1, path.stat().st_size)
        try:
            with gzip.open(path, "rb") if packed else path.open("rb") as handle:
                number = expanded = 0
                while line := handle.readline(MAX_RECORD_BYTES + 1):
                    number += 1
                    expanded += len(line)
                    if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
                        while (rest := handle.readline(MAX_RECORD_BYTES)) and not rest.endswith(b"\n"):
                            expanded += len(rest)  # the rest of an over-long record is skipped with it
                    if packed:
                        check_expansion(raw, size, expanded)
                    if line.strip():
                        yield f"{raw}:{number}", line
        except (OSError, EOFError) as err:  # a truncated gzip, an unreadable file
            raise InputError(raw, f"cannot be read to the end ({err})") from None


def _warc_records(path: Path, raw: str, problems: list[InputError]) -> Iterator[tuple[str, bytes]]:
    """Each HTML page of a web archive as one JSON record line (its page extracted later, in a worker)."""
    from storyline.summarize.read.warc import warc_pages

    for page in warc_pages(path, raw, problems, MAX_RECORD_BYTES):
        record = {"html": page.html, "url": page.url, "warc_date": page.captured}
        yield page.origin, json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


def check_expansion(raw: str, size: int, expanded: int) -> None:
    """InputError once an archive of `size` bytes has expanded to `expanded`, past the ratio or the absolute cap."""
    if expanded > MAX_EXPANDED:
        raise InputError(raw, f"expands to more than the {MAX_EXPANDED // 1024**3} GB limit: not read further")
    if expanded > RATIO_FROM and expanded > MAX_RATIO * size:
        raise InputError(raw, f"expands more than {MAX_RATIO} times ({size / 1e3:.0f} KB to over "
                              f"{expanded / 1e6:.0f} MB; a gzip bomb?): not read further")


def parse_line(origin: str, line: bytes) -> RawDocument:
    """One archive line as a document, or InputError saying why it is skipped."""
    if len(line) > MAX_RECORD_BYTES:
        raise InputError(origin, f"record over the {MAX_RECORD_BYTES // (1024 * 1024)} MB limit")
    try:
        item = json.loads(line.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as err:
        raise InputError(origin, f"malformed JSON ({err.msg})") from None
    except RecursionError:
        raise InputError(origin, "JSON nested too deeply to be an article") from None
    return record_document(origin, item)
