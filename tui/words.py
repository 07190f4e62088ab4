"""How the app counts things in words: "1 article", "4 stories"."""

from __future__ import annotations


def count(n: int, noun: str) -> str:
    """`n` and the noun, plural unless n is 1 ("story" -> "stories")."""
    if n == 1:
        return f"1 {noun}"
    return f"{n} {noun[:-1]}ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else f"{n} {noun}s"
