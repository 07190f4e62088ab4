"""Pick a summary from ranked claims: best first, no repeats, no fragments, within a budget."""

from __future__ import annotations

from collections.abc import Sequence

from .dedup import Prepared, prepare, similarity
from .model import Claim

REPEAT = 68.0  # a claim this alike to a chosen one adds nothing new (unrelated seed pairs stay < 68)
MIN_WORDS = 6


def worth_summarising(text: str) -> bool:
    """A declarative sentence of some substance: not a question, fragment or bare quote."""
    words = text.split()
    if len(words) < MIN_WORDS or text.rstrip().endswith("?") or not text[:1].isupper() and text[:1] != '"':
        return False
    return not (text.startswith('"') and text.rstrip().endswith('"'))  # a quote with no speaker


def summarize(claims: Sequence[Claim], sentences: int | None = 5, words: int | None = None,
              order: str = "story") -> tuple[Claim, ...]:
    """Up to `sentences` claims, or as many as fit in `words`, by score; then in `order`."""
    chosen: list[Claim] = []
    seen: list[Prepared] = []  # the chosen claims, prepared once for the repeat check
    used = 0
    for claim in sorted(claims, key=lambda c: (-c.score, c.first.article, c.first.index)):
        if not worth_summarising(claim.text):
            continue
        length = len(claim.text.split())
        if words is not None and used + length > words:
            continue
        mine = prepare(claim.text)
        if any(similarity(mine, other) >= REPEAT for other in seen):
            continue
        chosen.append(claim)
        seen.append(mine)
        used += length
        if words is None and sentences is not None and len(chosen) >= sentences:
            break
    if order == "story":
        chosen.sort(key=lambda c: (c.first.article, c.first.index))
    return tuple(chosen)
