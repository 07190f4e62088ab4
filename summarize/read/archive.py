"""Read news archives record by record: JSON Lines, gzipped or not, never all in memory.

One line is one article record (as `ingest` reads them: `text` required, `title`, `url`,
`outlet`/`source`, `published`/`date` used when present). A line over the record limit, a
malformed one or one without text is reported and skipped; the rest streams on.
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
ARCHIVE_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json")


def archive_lines(paths: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    """(origin, raw line) for every non-blank line of every archive, in order ("path:LINE")."""
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise InputError(raw, "no such archive file")
        if not path.name.endswith(ARCHIVE_SUFFIXES):
            raise InputError(raw, "an archive is a .jsonl or .jsonl.gz file, one article per line")
        try:
            with gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb") as handle:
                number = 0
                while line := handle.readline(MAX_RECORD_BYTES + 1):
                    number += 1
                    if len(line) > MAX_RECORD_BYTES and not line.endswith(b"\n"):
                        while (rest := handle.readline(MAX_RECORD_BYTES)) and not rest.endswith(b"\n"):
                            pass  # the rest of an over-long record is skipped with it
                    if line.strip():
                        yield f"{raw}:{number}", line
        except (OSError, EOFError) as err:  # a truncated gzip, an unreadable file
            raise InputError(raw, f"cannot be read to the end ({err})") from None


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
