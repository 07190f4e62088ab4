"""Mojibake repaired: UTF-8 text that was once read as Windows-1252 or Latin-1 ("Brazilâ€™s",
"BeyoncÃ©") reads as written ("Brazil’s", "Beyoncé"), by ftfy's encoding fixes and nothing else
(quotes, HTML entities, ligatures, widths, controls and normalisation are cleaning's own rules)."""

from __future__ import annotations

import re

# What every such mojibake holds: a UTF-8 lead byte read as one of Â…ô, then a continuation byte
# read as Windows-1252 or Latin-1 (€ ™ “ © …, or a C1 control). A line without one is never handed
# to ftfy (~0.8 ms a line that has one; most articles have none, and a search costs ~20 µs).
_MARKER = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                     "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
                     "|[\u0080-\u009f]")


def repair(text: str) -> str:
    """`text` with its mojibake decoded, line by line as ftfy reads it; correct text is returned unchanged."""
    if not _MARKER.search(text):
        return text
    import ftfy  # imported where used (115 ms): most texts never need it

    return "\n".join(ftfy.fix_encoding(line) if _MARKER.search(line) else line for line in text.split("\n"))
