"""The one citation formatter: how a claim's sources and a source list are written."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from storyline.summarize.claims.dedup import differing_figures
from storyline.summarize.model import Article, Claim, Variant


def marks(ids: Iterable[int]) -> str:
    """Citation marks for article ids: [2][3]."""
    return "".join(f"[{i}]" for i in sorted(set(ids)))


class Cited(Protocol):
    """Anything that cites articles: a claim, an event, an answer line."""

    @property
    def sources(self) -> tuple[int, ...]: ...


def cited(items: Iterable[Cited]) -> list[int]:
    """The article ids cited anywhere in `items`, in order: the source list under an output."""
    return sorted({i for item in items for i in item.sources})


class Reporting(Cited, Protocol):
    """An event or answer line: its citations, and the articles that tell it in other words."""

    @property
    def also_sources(self) -> tuple[int, ...]: ...


def listed(items: Iterable[Reporting]) -> list[int]:
    """The sources a listing's marks point at: citations and "also reported by" alike, in order."""
    return sorted({i for item in items for i in (*item.sources, *item.also_sources)})


def also_reported(ids: Iterable[int]) -> str:
    """" (also reported by [3][5])": articles that tell a merged event in other words."""
    ids = list(ids)
    return f" (also reported by {marks(ids)})" if ids else ""


def source_line(article: Article) -> str:
    """One line of a numbered source list: title, outlet, publication date, path."""
    published = article.published[:10] if article.published else "undated"
    if article.published_estimated:
        published = f"{published}, estimated"
    outlet = f" — {article.outlet}" if article.outlet else ""
    return f"{article.title}{outlet} ({published}) {article.origin}"


def source_record(article: Article) -> dict[str, object]:
    """An article as every JSON output's `sources` entries show it."""
    return {"id": article.id, "path": article.origin, "title": article.title, "outlet": article.outlet,
            "published": article.published, "estimated": article.published_estimated}


def variants_json(claim: Claim) -> dict[str, object]:
    """`{"variants": [{"text", "sources"}]}` for a claim whose reports differ in a figure, else `{}`."""
    if not claim.variants:
        return {}
    return {"variants": [{"text": v.text, "sources": list(v.sources)} for v in claim.variants]}


def figures_note(variants: Sequence[Variant]) -> str:
    """Who gives which figure: "60 [2]; 65 [3][5]" (each wording's own figures when several differ)."""
    differing = differing_figures(variants)
    if all(len(d) == 1 for d in differing):
        pairs = sorted(zip(differing, variants), key=lambda dv: float(dv[0][0]))
        return "; ".join(f"{d[0]} {marks(v.sources)}" for d, v in pairs)
    return "; ".join(f"{', '.join(d) or '—'} {marks(v.sources)}" for d, v in zip(differing, variants))


def noted(text: str, variants: Sequence[Variant]) -> str:
    """A line with its figures note before its final stop, when its sources differ in a figure."""
    if not variants:
        return text
    end = text[-1] if text[-1:] in ".!" else ""
    return f"{text[:len(text) - len(end)]} (figures differ: {figures_note(variants)}){end}"
