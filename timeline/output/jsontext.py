"""JSON text indented by two spaces, non-ASCII kept: `json.dumps(data, ensure_ascii=False, indent=2)`
to the character, written by one recursive pass instead of json's generator chain (the standard
library encodes indented output in Python, a generator a level: 11 s of a 3,000-article timeline)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring  # in C: the string escaping json.dumps itself uses

_CONSTANTS = {True: "true", False: "false"}
_FLOATS = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


def indented(data: object, end: str = "") -> str:
    """`data` as json.dumps(data, ensure_ascii=False, indent=2) writes it, then `end` (added
    here, not after: a big document is not copied once more)."""
    out: list[str] = []
    _write(data, "\n", out)
    out.append(end)
    return "".join(out)


def streamed(fields: dict[str, Iterable[object]], end: str = "") -> Iterator[str]:
    """An object of lists as `indented` writes it, then `end`, in pieces of one list item each: a
    whole document's text (280 MB for a 12,000-article timeline) and its records are never held."""
    if not fields:
        yield "{}" + end
        return
    separator = "{\n  "
    for key, items in fields.items():
        yield separator + encode_basestring(key) + ": "
        opening = "[\n    "
        for item in items:
            piece = [opening]
            _write(item, "\n    ", piece)
            yield "".join(piece)
            opening = ",\n    "
        yield "[]" if opening == "[\n    " else "\n  ]"
        separator = ",\n  "
    yield "\n}" + end


def _key(key: object) -> str:
    """A non-string key as json writes it: its JSON scalar, then quoted."""
    if isinstance(key, (int, float)) or key is None:
        return json.dumps(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _write(value: object, newline: str, out: list[str]) -> None:
    """Append `value`'s JSON to `out`; `newline` is a line break and the current indentation."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True or value is False:
        out.append(_CONSTANTS[value])
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_FLOATS.get(value, "NaN") if value != value or value in _FLOATS else float.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        out.append("{")
        separator = inner
        for key, item in value.items():
            out.append(separator)
            out.append(encode_basestring(key if isinstance(key, str) else _key(key)))
            out.append(": ")
            _write(item, inner, out)
            separator = "," + inner
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        out.append("[")
        separator = inner
        for item in value:
            out.append(separator)
            if isinstance(item, dict):  # an item's pieces joined at once: the pieces of a whole
                piece: list[str] = []   # document are a str each, 7 times its text (3k: +490 MB)
                _write(item, inner, piece)
                out.append("".join(piece))
            else:
                _write(item, inner, out)
            separator = "," + inner
        out.append(newline + "]")
    else:
        out.append(json.dumps(value, ensure_ascii=False, indent=2))  # raises TypeError as json does
