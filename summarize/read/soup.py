"""Tag soup: a page with more elements than any real article page has (100 KB of `<p>` or
`<p><b>` runs, comments between them), on which trafilatura's tree passes cost seconds and
hundreds of MB. Such a page is first stripped of its comments and empty elements; when it is
still too big, its blocks' text is read as it stands, without boilerplate scoring.

The largest page of the article-extraction benchmark's 181 (news sites, blogs, shops) has about
1,650 elements and none more than 14 per KB: the cap leaves every real page to trafilatura.
"""

from __future__ import annotations

from typing import Any

MAX_ELEMENTS = 5_000  # about half a second of trafilatura's passes
_KEEP_EMPTY = frozenset({"br", "hr", "img", "meta", "link", "title", "html", "head", "body", "source", "video"})
_BLOCKS = ("p", "div", "li", "br", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article")


def desouped(text: str) -> Any | None:
    """None for a page of ordinary size (read as it is); for tag soup, its parsed tree without
    comments, scripts and empty elements."""
    if text.count("<") <= MAX_ELEMENTS:  # fewer tags than the cap: not soup, and nothing parsed here
        return None
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    if sum(1 for _ in tree.iter()) <= MAX_ELEMENTS:
        return None
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, "script", "style", with_tail=False)
    for element in reversed(list(tree.iter())):  # children before their parents
        parent = element.getparent()
        if parent is not None and element.tag not in _KEEP_EMPTY and not len(element) \
                and not (element.text or "").strip() and not (element.tail or "").strip():
            parent.remove(element)
    return tree


def element_count(tree: Any) -> int:
    return sum(1 for _ in tree.iter())


def block_text(tree: Any) -> tuple[str, str | None]:
    """The text of a page's blocks, one line each, and its <title>: for soup too big to extract."""
    title = tree.findtext(".//title")
    body = tree.find("body")
    body = tree if body is None else body
    for element in body.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return body.text_content(), (title.strip() or None) if title else None
