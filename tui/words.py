"""How the app says things in few words: "1 article", "[296][349] +41", "figures differ: 60–65, 6 sources"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from storyline.summarize.claims.dedup import differing_figures
from storyline.summarize.model import Variant
from storyline.timeline.output.cite import marks, noted
from storyline.timeline.output.render import label

if TYPE_CHECKING:
    from storyline.timeline.analysis import Analysis

SHOWN_MARKS = 3  # citations a tree row or chat line shows before "+N" (the detail pane has them all)


def count(n: int, noun: str) -> str:
    """`n` and the noun, plural unless n is 1 ("story" -> "stories")."""
    if n == 1:
        return f"1 {noun}"
    return f"{n} {noun[:-1]}ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else f"{n} {noun}s"


def few_marks(ids: Iterable[int], shown: int = SHOWN_MARKS) -> str:
    """The first `shown` citation marks and how many more: "[296][349][353] +41"."""
    ordered = sorted(set(ids))
    rest = len(ordered) - shown
    return marks(ordered[:shown]) + (f" +{rest}" if rest > 0 else "")


def short_noted(text: str, variants: Sequence[Variant], longest: int = 40) -> str:
    """A line with its figures note, as `noted` writes it while the note is short; a long one
    ("9000 [487][488]; 12000 [490] …", 20 lines on a big story) as "figures differ: 9000–20000,
    6 sources": the detail pane and the source list hold who said which."""
    whole = noted(text, variants)
    if not variants or len(whole) - len(text) <= longest + len(" (figures differ: )"):
        return whole
    figures = [f for d in differing_figures(variants) for f in d]
    sources = {i for v in variants for i in v.sources}
    numeric = sorted((f for f in figures if _is_number(f)), key=float)
    shown = f"{numeric[0]}–{numeric[-1]}" if numeric else ""
    if not shown or shown in text:  # the text already shows the span ("killing 10–80")
        shown = count(len(set(figures)) or len(variants), "figure")
    end = text[-1] if text[-1:] in ".!" else ""
    return f"{text[:len(text) - len(end)]} (figures differ: {shown}, {count(len(sources), 'source')}){end}"


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def hints(analysis: Analysis, key_dates: int | None) -> str:
    """What to try first, from the story itself: its busiest date and its most reported event."""
    lines = []
    busiest, cited = analysis.busiest_date(), analysis.most_cited()
    if busiest:
        when = label(replace(busiest.span, certain=True))
        on = "in" if busiest.span.granularity in ("year", "month", "quarter", "season", "decade", "century") else "on"
        lines.append(f"Try \u201cWhat happened {on} {when}?\u201d: the date most sources name.")
    if cited:
        text = cited.text if len(cited.text) <= 90 else cited.text[:89] + "…"
        lines.append(f"Most reported: \u201c{text}\u201d {marks(cited.sources)}: ask when, who or what about it.")
    if key_dates:
        lines.append(f"The timeline shows the {key_dates} key dates; press a (in the timeline) for every event.")
    return "\n".join(lines)
