"""The one sanitiser: every string that came from outside passes here before it is kept or shown.

Article text, titles, outlets, URLs, dates as a container wrote them, and file names can all
carry terminal control: escape sequences (a clipboard write, a fake prompt), C1 controls that
some terminals obey, bidi overrides that reorder what is shown, or a newline that fakes a line
of our own output. Text loses them; a one-line field is folded to one line; a path keeps every
character but shows the invisible ones escaped, as `repr` would.
"""

from __future__ import annotations

import re

# ESC or C1 sequences: CSI (ESC [ or U+009B) … final byte; OSC, DCS, SOS, PM, APC (ESC ] P X ^ _
# or U+009D U+0090 U+0098 U+009E U+009F) … BEL or ST; any other two-character escape.
_ESCAPE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f])[^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?")
# C0 but tab and newline, DEL, C1, zero-width and bidi controls, BOM, soft hyphen.
_INVISIBLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\ufeff\u00ad"
_CONTROL = re.compile(f"[{_INVISIBLE}]")
_LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029\x85]+")
_SHOWN = re.compile(f"[{_INVISIBLE}\\r\\n\\t\u2028\u2029\ud800-\udfff]")
# A lone surrogate (JSON "\\ud800", a file name that is not UTF-8) cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Text without escape sequences and invisible controls; line breaks and tabs kept; a lone
    surrogate becomes U+FFFD (the replacement character), as a bad byte does."""
    return no_surrogates(_CONTROL.sub("", _ESCAPE.sub("", text)))


def no_surrogates(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD: what is left can always be UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def clean_line(text: str) -> str:
    """A one-line field (title, outlet, URL, date): clean, every line break folded to a space."""
    return " ".join(_LINE_BREAKS.sub(" ", clean_text(text)).split())


def shown_path(path: str) -> str:
    """A file name as we print it: every control, line break and bidi character escaped ("a\\nb")."""
    return _SHOWN.sub(lambda m: repr(m.group(0))[1:-1], path)


_MARKDOWN_SIGNIFICANT = re.compile(r"([\\`*_\[\]<>&])")


def markdown_literal(text: str) -> str:
    """Text for a Markdown document, shown as written by any renderer: an article's
    "![x](tracker)", "[a](javascript:…)", "<img onerror=…>" or "<script>" stays text."""
    return _MARKDOWN_SIGNIFICANT.sub(r"\\\1", text)
