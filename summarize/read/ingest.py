"""Read inputs (files, folders, stdin; text, HTML, JSON, JSON Lines, RSS/Atom feeds, WARC web
archives) into RawDocuments.

Reading never raises for one bad input: it returns the documents it could read and
one InputError per input it skipped, so callers can warn and go on.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.summarize.errors import InputError
from storyline.summarize.model import RawDocument
from storyline.summarize.read.records import DATE_FIELDS, record_document as record_document
from storyline.summarize.untrusted import clean_line, shown_path

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
WARC_NAMES = (".warc", ".warc.gz")  # streamed record by record, whatever their size
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES | {".warc"}
MAX_BYTES = 20 * 1024 * 1024  # a bigger file is almost surely not one news article
STDIN = "-"
_FEED_START = re.compile(r"^(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)


@dataclass
class Reading:
    """What reading produced: documents in citation order, and the inputs skipped."""

    documents: list[RawDocument] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)


def read_inputs(paths: Iterable[str], stdin: bytes | None = None, max_bytes: int | None = None,
                progress: Callable[[int, int], None] | None = None) -> Reading:
    """Read every path (file, folder, or "-" for `stdin`) in a stable order, each at most `max_bytes`
    (a web archive is streamed instead, each page at most that); `progress(done, total)` after each input."""
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    reading = Reading()
    paths = list(paths)
    files = input_files(paths, reading.problems)
    total = len(files) + (STDIN in paths)
    for done, (origin, data) in enumerate(_sources(files, paths, stdin, reading.problems, max_bytes), 1):
        try:
            if isinstance(data, Path):
                from storyline.summarize.read.warc import warc_documents

                reading.documents.extend(warc_documents(data, origin, reading.problems, max_bytes))
            else:
                reading.documents.extend(_parse(origin, data, reading.problems))
        except InputError as err:
            reading.problems.append(err)
        if progress:
            progress(done, total)
    return reading


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_NAMES)


def _sources(files: list[Path], paths: list[str], stdin: bytes | None, problems: list[InputError],
             max_bytes: int) -> Iterator[tuple[str, bytes | Path]]:
    """(origin, bytes) for every input file, sorted, then stdin; a web archive's path, to stream."""
    for path in files:
        try:
            yield shown_path(str(path)), path if is_warc(path) else read_file(path, max_bytes)
        except InputError as err:
            problems.append(err)
    if STDIN in paths:
        data = stdin if stdin is not None else b""
        if len(data) > max_bytes:
            problems.append(too_large("<stdin>", max_bytes))
        else:
            yield "<stdin>", data


def input_files(paths: Iterable[str], problems: list[InputError] | None = None) -> list[Path]:
    """The files PATHs name, folders walked, sorted, each file once however many links lead to it."""
    problems = problems if problems is not None else []
    found: dict[Path, Path] = {}  # resolved -> as named
    for raw in paths:
        if raw == STDIN:
            continue
        path = Path(raw)
        if path.is_dir():
            unreadable: list[InputError] = []
            files = [p for p in _walk(path, unreadable) if p.suffix.lower() in READABLE_SUFFIXES or is_warc(p)]
            problems.extend(unreadable)
            if not files and not unreadable:
                problems.append(InputError(raw, "folder has no .txt, .md, .html, .json, .jsonl, feed or .warc files"))
        elif path.exists() or path.is_symlink():
            files = [path]
        else:
            problems.append(InputError(raw, "no such file or folder"))
            files = []
        for file in files:
            try:
                found.setdefault(file.resolve(), file)
            except (OSError, RuntimeError):  # a link loop: read_file says why
                found.setdefault(file, file)
    return sorted(found.values(), key=str)


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """A regular file's bytes, read no further than the limit (a FIFO or /dev/zero never hangs us)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(str(path), "not a regular file (a folder, pipe, device or socket)")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as err:
        raise InputError(str(path), err.strerror or "cannot be read") from None
    if len(data) > max_bytes:
        raise too_large(str(path), max_bytes)
    return data


def too_large(origin: str, max_bytes: int = MAX_BYTES) -> InputError:
    """The reason an input over the size limit is not read."""
    return InputError(origin, f"too large (more than the {max_bytes / 1e6:.0f} MB limit)")


def _walk(folder: Path, unreadable: list[InputError]) -> list[Path]:
    """Every non-hidden file below `folder`, recursively; a folder that cannot be listed (no
    permission, a path longer than the system allows) is reported in `unreadable`, not skipped silently."""
    def report(err: OSError) -> None:
        unreadable.append(InputError(str(err.filename or folder), f"folder cannot be read ({err.strerror or err})"))

    out: list[Path] = []
    for root, dirs, names in os.walk(folder, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(Path(root) / n for n in names if not n.startswith("."))
    return out


def decode(origin: str, data: bytes, warnings: list[InputError] | None = None) -> str:
    """Bytes to text: BOMs, then UTF-8, then a legacy code page; binary is refused.

    Text that is mostly valid UTF-8 stays UTF-8, its few bad bytes replaced (with a warning in
    `warnings`): one stray byte must not turn a whole article into mojibake. A legacy code page
    is used only when UTF-8 fails broadly, and text written in Latin letters is read as cp1252
    (as browsers do), never as a Cyrillic or Baltic page that statistics happened to prefer.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
            bad = text.count("\ufffd")
            good = sum(1 for c in text if ord(c) > 127) - bad
            if good >= bad:
                if warnings is not None:
                    warnings.append(InputError(origin, f"{bad} bytes that are not UTF-8 were replaced", skipped=False))
            else:
                text = _decode_legacy(origin, data)
    if "\x00" in text or _control_share(text) > 0.05:
        raise InputError(origin, "looks like a binary file, not text")
    return text


def _decode_legacy(origin: str, data: bytes) -> str:
    """Decode non-UTF-8 bytes: cp1252 for text in Latin letters, else charset-normalizer's guess."""
    if b"\x00" in data:
        raise InputError(origin, "looks like a binary file, not text")
    ascii_letters = sum(1 for b in data if 65 <= b <= 90 or 97 <= b <= 122)
    high = sum(1 for b in data if b >= 128)
    if ascii_letters >= 4 * high:  # mostly a-z: a Latin script with a few accents or quotes
        return data.decode("cp1252", errors="replace")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(origin, "looks like a binary file, not text")
    return str(best)


def _control_share(text: str) -> float:
    """Share of characters that are control codes other than whitespace and ESC."""
    if not text:
        return 0.0
    sample = text[:20000]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\x1b\x0c")
    return bad / len(sample)


def _parse(origin: str, data: bytes, problems: list[InputError]) -> list[RawDocument]:
    """Documents in one input, by its suffix, or by sniffing its first character for stdin."""
    text = decode(origin, data, problems)
    if not text.strip():
        raise InputError(origin, "empty")
    kind = _kind(origin, text)
    if kind == "json":
        return _parse_json(origin, text, problems)
    if kind == "html":
        return [parse_html(origin, text)]
    if kind == "feed":
        from storyline.summarize.read.feeds import feed_documents

        return feed_documents(origin, text)
    return [RawDocument(origin=origin, text=text)]


def records_in(origin: str, text: str, problems: list[InputError] | None = None) -> list[RawDocument] | None:
    """The records of a JSON, JSON Lines or feed input (malformed or text-less JSON records left out,
    each with a problem in `problems`), or None for other text."""
    kind = _kind(origin if origin != STDIN else "<stdin>", text)
    if kind == "feed":
        from storyline.summarize.read.feeds import feed_documents

        return feed_documents(origin, text)
    return _parse_json(origin, text, problems if problems is not None else []) if kind == "json" else None


def _kind(origin: str, text: str) -> str:
    suffix = Path(origin).suffix.lower() if origin != "<stdin>" else ""
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    head = text.lstrip()[:200].lower()
    if _FEED_START.match(text.lstrip()[:2000]):  # RSS, Atom or RSS 1.0 (RDF), whatever its name says
        return "feed"
    if head.startswith(("<!doctype html", "<html")):  # a saved page, whatever its name says
        return "html"
    if suffix:
        return "text"
    if head.startswith(("{", "[{")) or (head.startswith("[") and head[1:].lstrip().startswith("{")):
        return "json"
    return "text"


def _parse_json(origin: str, text: str, problems: list[InputError]) -> list[RawDocument]:
    """A JSON array or object, or JSON Lines; a malformed line is skipped with a problem."""
    stripped = text.strip()
    try:
        whole = json.loads(stripped)
    except json.JSONDecodeError:
        whole = None
    except RecursionError:
        raise InputError(origin, "JSON nested too deeply to be an article") from None
    if isinstance(whole, dict) and "text" not in whole:  # a wrapper: {"articles": [...]} or {"data": [...]}
        whole = next((v for v in whole.values() if isinstance(v, list) and v and isinstance(v[0], dict)), whole)
    if isinstance(whole, list):
        items = [(f"{origin}:{i}", item) for i, item in enumerate(whole, 1)]
    elif isinstance(whole, dict):
        items = [(origin, whole)]
    else:
        items = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append((f"{origin}:{number}", json.loads(line)))
            except json.JSONDecodeError as err:
                problems.append(InputError(f"{origin}:{number}", f"malformed JSON ({err.msg})"))
            except RecursionError:
                problems.append(InputError(f"{origin}:{number}", "JSON nested too deeply to be an article"))
    docs = []
    for where, item in items:
        try:
            docs.append(record_document(where, item))
        except InputError as err:
            problems.append(err)
    if not docs and not problems:
        raise InputError(origin, "no articles found in the JSON")
    undated = sum(d.published is None for d in docs)
    if undated:  # once per input: a tool's date field we do not read would otherwise pass unseen
        problems.append(InputError(origin, f"{undated} of {len(docs)} records carry no date field we read "
                                   f"({', '.join(DATE_FIELDS)}): their dates are estimated", skipped=False))
    return docs


# A character reference to a control character ("&#x1b;", "&#7;"): lxml refuses the whole page for
# one, so it is dropped first (the sanitiser would remove the character anyway).
_CONTROL_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));?")


def _drop_control(match: re.Match[str]) -> str:
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    return "" if (code < 32 and code not in (9, 10, 13)) or 127 <= code < 160 else match.group(0)


def parse_html(origin: str, text: str) -> RawDocument:
    """Main text and metadata of a saved web page, with trafilatura (imported only here)."""
    import trafilatura

    from storyline.summarize.read.soup import MAX_ELEMENTS, block_text, desouped, element_count

    text = _CONTROL_REFERENCE.sub(_drop_control, text)
    soup = desouped(text)
    if soup is not None and element_count(soup) > MAX_ELEMENTS:  # still soup: its blocks, as they stand
        body, title = block_text(soup)
        if not body.strip():
            raise InputError(origin, "no article text found in the HTML")
        return RawDocument(origin=origin, text=body, title=clean_line(title) or None if title else None)
    extracted = trafilatura.bare_extraction(text if soup is None else soup, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
    if extracted is None:
        raise InputError(origin, "no article text found in the HTML")
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = data.get("text") or ""
    if not body.strip():
        raise InputError(origin, "no article text found in the HTML")
    body = _mark_headings(body, getattr(extracted, "body", None))
    def field_str(name: str) -> str | None:
        value = data.get(name)
        return clean_line(value) or None if isinstance(value, str) else None

    return RawDocument(origin=origin, text=body, title=field_str("title"), outlet=field_str("sitename"),
                       published=field_str("date"), url=field_str("url"))


def _mark_headings(text: str, tree: object) -> str:
    """The extracted text with the page's own headings written as Markdown ("## Subhead"), as
    trafilatura already writes list items ("- item"): cleaning keeps a subhead inside the body
    for the reader, and makes no sentence of it."""
    iter_heads = getattr(tree, "iter", None)
    if iter_heads is None:  # trafilatura 1.x gives a dict without the tree: no marks
        return text
    heads = {" ".join("".join(h.itertext()).split()) for h in iter_heads("head")}
    heads.discard("")
    if not heads:
        return text
    return "\n".join(f"## {line}" if " ".join(line.split()) in heads else line for line in text.split("\n"))
