"""Pick a summary from ranked claims: best first, no repeats, no fragments, within a budget."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.summarize.model import Claim
from storyline.summarize.summary.compress import compress as compress_text
from storyline.summarize.summary.coverage import MAX_CANDIDATES, REPEAT, Weights
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


def _fits(claim: Claim, after: dict[int, int]) -> bool:
    """Worth a line, and standing alone or (`after`) shown right after the sentence it leans on."""
    return worth_summarising(claim.text) and (not leans_on_before(claim.text) or _follows(claim, after))


def _follows(claim: Claim, after: dict[int, int]) -> bool:
    """Whether the claim's line is its first member's sentence, which has its article's sentence
    before it as a claim (`after`): shown next to that one, it can lean on it."""
    return claim.id in after and claim.first.text.startswith(claim.text.rstrip(".!"))


def predecessors(claims: Sequence[Claim]) -> dict[int, int]:
    """Claim id -> the id of the claim whose first member is the sentence just before the claim's
    first member in its article: in story order, that claim's line is shown right before it."""
    place = {c.id: (first.article, first.index) for c in claims for first in (c.first,)}  # each found once
    at = {spot: claim_id for claim_id, spot in place.items()}
    return {claim_id: at[(article, index - 1)] for claim_id, (article, index) in place.items()
            if (article, index - 1) in at}


def _candidates(claims: Sequence[Claim], compress: bool, whole: bool, after: dict[int, int]) -> list[Claim]:
    """The versions (`whole` and compressed) of the best-ranked claims that are worth a line and stand
    alone, or lean only on the sentence before them (`after`): MAX_CANDIDATES claims at most."""
    out: list[Claim] = []
    taken = 0
    for claim in sorted(claims, key=lambda c: -c.score):
        fit = [v for v in (versions(claim, whole) if compress else [claim]) if _fits(v, after)]
        fit = fit or ([claim] if compress and not whole and _fits(claim, after) else [])  # too short compressed
        out += fit
        taken += bool(fit)
        if taken >= MAX_CANDIDATES:
            break
    return out


def summarize(claims: Sequence[Claim], sentences: int | None = 5, words: int | None = None,
              order: str = "story", source_of: dict[int, int] | None = None, compress: bool = True,
              weights: Weights | None = None) -> tuple[Claim, ...]:
    """Up to `sentences` claims, or as many as fit in `words`: those covering most of what the
    independent sources (`source_of`) stress (summarize/coverage.py); then in `order` ("story" or "score").
    With `compress`, a claim may be chosen compressed (summary/compress.py): its `text` is then a
    subsequence of the claim's own text (`Analysis.claim(id).text` keeps the sentence). Within a
    word budget the program weighs each claim whole against compressed; for a number of sentences,
    where words cost nothing, a claim is offered compressed only (the same fact in fewer words).
    In story order a line that leans on the sentence before it ("It also …", '"…," he said') is
    chosen only with that sentence, so that it is shown right after it (reference.leans_on_before).
    `weights`: the claims' concept weights when counted already (`Analysis.concept_weights`)."""
    from storyline.summarize.summary.coverage import choose, concept_weights

    # in story order a line that leans on the sentence before it may be shown right after that sentence
    after = predecessors(claims) if order == "story" else {}
    candidates = _candidates(claims, compress, words is not None, after)
    needs = {(c.id, c.text): after[c.id] for c in candidates if leans_on_before(c.text)}
    weights = concept_weights(claims, source_of) if weights is None else weights
    chosen = choose(candidates, weights, words, sentences if words is None else None,
                    repeat=REPEAT, needs=needs)
    chosen.sort(key=lambda c: (c.first.article, c.first.index) if order == "story" else (-c.score,))
    return tuple(chosen)
