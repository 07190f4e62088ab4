"""Pick a summary from ranked claims: best first, no repeats, no fragments, within a budget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.summarize.model import Claim
from storyline.summarize.summary.compress import compress as compress_text
from storyline.summarize.summary.coverage import MAX_CANDIDATES, REPEAT
from storyline.summarize.summary.reference import leans_on_before

MIN_WORDS = 6


def worth_summarising(text: str) -> bool:
    """A declarative sentence of some substance: not a question, fragment or bare quote."""
    words = len(text.split())
    if words < MIN_WORDS:  # Chinese and Japanese write no spaces: about two characters a word
        words = max(words, sum(1 for c in text if "\u3400" <= c <= "\u9fff" or "\u3040" <= c <= "\u30ff") // 2)
    first = text[:1]
    # Arabic and Han have no case; "23 people were killed" opens on its figure
    capital = first.isupper() or (first.isalpha() and not first.islower()) or first.isdigit()
    if words < MIN_WORDS or text.rstrip().endswith(("?", "？", "؟")) or not capital and first not in '"“':
        return False
    return not (text.startswith(('"', "“")) and text.rstrip().endswith(('"', "”")))  # a quote with no speaker


def versions(claim: Claim, whole: bool = True) -> list[Claim]:
    """The claim with its text compressed, when compression leaves something out, and (`whole`) the
    claim as it is."""
    short = compress_text(claim.text)
    if short == claim.text:
        return [claim]
    return [claim, replace(claim, text=short)] if whole else [replace(claim, text=short)]


def _fits(claim: Claim) -> bool:
    return worth_summarising(claim.text) and not leans_on_before(claim.text)


def _candidates(claims: Sequence[Claim], compress: bool, whole: bool) -> list[Claim]:
    """The versions (`whole` and compressed) of the best-ranked claims that are worth a line and stand
    alone, none leaning on a sentence the summary does not show: MAX_CANDIDATES claims at most."""
    out: list[Claim] = []
    taken = 0
    for claim in sorted(claims, key=lambda c: -c.score):
        fit = [v for v in (versions(claim, whole) if compress else [claim]) if _fits(v)]
        fit = fit or ([claim] if compress and not whole and _fits(claim) else [])  # too short compressed
        out += fit
        taken += bool(fit)
        if taken >= MAX_CANDIDATES:
            break
    return out


def summarize(claims: Sequence[Claim], sentences: int | None = 5, words: int | None = None,
              order: str = "story", source_of: dict[int, int] | None = None, compress: bool = True) -> tuple[Claim, ...]:
    """Up to `sentences` claims, or as many as fit in `words`: those covering most of what the
    independent sources (`source_of`) stress (summarize/coverage.py); then in `order` ("story" or "score").
    With `compress`, a claim may be chosen compressed (summary/compress.py): its `text` is then a
    subsequence of the claim's own text (`Analysis.claim(id).text` keeps the sentence). Within a
    word budget the program weighs each claim whole against compressed; for a number of sentences,
    where words cost nothing, a claim is offered compressed only (the same fact in fewer words)."""
    from storyline.summarize.summary.coverage import choose, concept_weights

    chosen = choose(_candidates(claims, compress, whole=words is not None), concept_weights(claims, source_of), words,
                    sentences if words is None else None, repeat=REPEAT)
    chosen.sort(key=lambda c: (c.first.article, c.first.index) if order == "story" else (-c.score,))
    return tuple(chosen)
