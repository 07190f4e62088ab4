"""The one citation formatter: how a claim's sources and a source list are written."""

from __future__ import annotations

from collections.abc import Iterable

from storyline.summarize.model import Article, Claim


def marks(ids: Iterable[int]) -> str:
    """Citation marks for article ids: [2][3]."""
    return "".join(f"[{i}]" for i in sorted(set(ids)))


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
