"""Pick a summary from ranked claims: best first, no repeats, no fragments, within a budget."""

from __future__ import annotations

from collections.abc import Sequence

from storyline.summarize.model import Claim
from storyline.summarize.summary.coverage import REPEAT
from storyline.summarize.summary.reference import leans_on_before

MIN_WORDS = 6


def worth_summarising(text: str) -> bool:
    """A declarative sentence of some substance: not a question, fragment or bare quote."""
    words = len(text.split())
    if words < MIN_WORDS:  # Chinese and Japanese write no spaces: about two characters a word
        words = max(words, sum(1 for c in text if "\u3400" <= c <= "\u9fff" or "\u3040" <= c <= "\u30ff") // 2)
    first = text[:1]
    capital = first.isupper() or (first.isalpha() and not first.islower())  # Arabic and Han have no case
    if words < MIN_WORDS or text.rstrip().endswith(("?", "？", "؟")) or not capital and first != '"':
        return False
    return not (text.startswith('"') and text.rstrip().endswith('"'))  # a quote with no speaker


def summarize(claims: Sequence[Claim], sentences: int | None = 5, words: int | None = None,
              order: str = "story", source_of: dict[int, int] | None = None) -> tuple[Claim, ...]:
    """Up to `sentences` claims, or as many as fit in `words`: those covering most of what the
    independent sources (`source_of`) stress (summarize/coverage.py); then in `order` ("story" or "score")."""
    from storyline.summarize.summary.coverage import choose, concept_weights

    # a summary line stands alone: none that leans on a sentence the summary does not show
    candidates = [c for c in claims if worth_summarising(c.text) and not leans_on_before(c.text)]
    chosen = choose(candidates, concept_weights(claims, source_of), words, sentences if words is None else None,
                    repeat=REPEAT)
    chosen.sort(key=lambda c: (c.first.article, c.first.index) if order == "story" else (-c.score,))
    return tuple(chosen)
