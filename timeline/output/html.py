"""The timeline as one self-contained web page: no script, no CDN, readable offline and on a phone.

Every string that came from an article (text, title, outlet, URL, path) goes through `html.escape`
here and nowhere else builds markup; a URL becomes a link only when it is http(s), so a hostile
`javascript:` link stays text. Citations link to the in-page source list, whose entries link to
the sources' own pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

from storyline.summarize.model import Article
from storyline.timeline.analysis import Analysis
from storyline.timeline.events.build import Event, select
from storyline.timeline.output.cite import figures_note, listed
from storyline.timeline.output.render import calendar_place, event_when, label
from storyline.timeline.output.sparkline import dated_note
from storyline.timeline.timex import TimeSpan

KEY_DATES = 8  # dates in the page's "Key dates" list
DAILY_LIMIT = 120  # a longer span is charted by month: a bar a day would be a hairline
_DATETIME = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$")  # what <time datetime> accepts of ours

STYLE = """
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#5c5c5c;--rule:#d8d8d8;--accent:#0b57b0;--bar:#3a78c2}
@media (prefers-color-scheme:dark){:root{--bg:#121417;--fg:#e8e8e8;--muted:#a3a3a3;--rule:#33373d;
--accent:#8ab4f8;--bar:#6fa3e6}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:46rem;padding:1.5rem 1rem 3rem;background:var(--bg);color:var(--fg);
font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}
h1{font-size:1.7rem;line-height:1.25;margin:0 0 .3rem}
h2{font-size:1.3rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--rule);padding-bottom:.2rem}
h3{font-size:1.15rem;margin:1.4rem 0 .3rem}h4{font-size:1rem;margin:1rem 0 .3rem;color:var(--muted)}
.span,.note,figcaption{color:var(--muted)}
a{color:var(--accent)}
ol.events,ol.keys{list-style:none;padding:0;margin:0}
.event{padding:.35rem 0;border-bottom:1px solid var(--rule)}
.event time{font-weight:600;margin-right:.4rem;white-space:nowrap}
.event.background,.event.planned{color:var(--muted);font-size:.93rem;padding-left:1.2rem}
.event.background .text,.event.planned .text{font-style:italic}
.event.background time,.event.planned time{font-weight:400}
.cites{white-space:nowrap}.cites a{text-decoration:none;font-size:.85rem;margin-left:.1rem}
.variants,.also{font-size:.9rem;color:var(--muted)}.variants{margin:.2rem 0 0}
figure{margin:1rem 0}svg{width:100%;height:auto;display:block}
svg rect{fill:var(--bar)}svg text{fill:var(--muted);font-size:15px}
ol.sources li{margin:.3rem 0}.path{color:var(--muted);font-size:.85rem}
@media (max-width:480px){body{padding:1rem .75rem 2rem}h1{font-size:1.4rem}.event time{display:block}}
"""


def page(analysis: Analysis, events: Sequence[Event]) -> str:
    """The whole page: heading, span, coverage chart, key dates, the timeline, the sources."""
    title = escape(analysis.title)
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title} — timeline</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
        "<header>", f"<h1>{title}</h1>",
        f'<p class="span">{escape(analysis.span_label())} · {len(events)} events from '
        f"{len(analysis.sources)} articles</p>", "</header>", "<main>",
        coverage_chart(analysis.sources),
        _key_dates(analysis, events),
        '<section aria-labelledby="timeline-heading">', '<h2 id="timeline-heading">Timeline</h2>',
        _timeline(analysis, events), "</section>",
        _sources(analysis, events), "</main>", "</body>", "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def datetime_of(span: TimeSpan) -> str:
    """The machine-readable date for <time datetime>: the value when HTML accepts it (a day, a month,
    a year, a week), else the first day of the stretch (a quarter, a season, a range, a decade)."""
    value = span.value[:-3] if span.value.endswith("-WE") else span.value
    return value if _DATETIME.match(value) and span.granularity != "range" else span.start.isoformat()


def anchor(span: TimeSpan) -> str:
    """The id of a date's first event in the page ("d-2016-03-27")."""
    return "d-" + re.sub(r"[^0-9A-Za-z-]", "-", span.value)


def _cites(sources: Sequence[int]) -> str:
    links = "".join(f'<a href="#source-{i}" aria-label="source {i}">[{i}]</a>' for i in sorted(set(sources)))
    return f'<span class="cites">{links}</span>'


def _also(event: Event) -> str:
    """Articles that tell a merged event in other words: listed, quieter, not cited for these words."""
    if not event.also_sources:
        return ""
    return f' <span class="also">(also reported by {_cites(event.also_sources)})</span>'


def event_item(analysis: Analysis, event: Event, first_of_date: bool) -> str:
    """One <li>: its date in <time>, its text, its citations, and the figures its sources differ on."""
    when = escape(event_when(event))
    ident = f' id="{anchor(event.span)}"' if first_of_date else ""
    time = f'<time datetime="{datetime_of(event.span)}">{when}</time>'
    text = f'<span class="text">{escape(event.text)}</span>'
    if event.role == "main":
        body = f"{time} {text} {_cites(event.sources)}{_also(event)}"
    else:
        planned = " (planned)" if event.role == "planned" else ""
        body = f'<span aria-hidden="true">↳ </span>{text} — {time}{planned} {_cites(event.sources)}'
    if event.variants:  # the figures each source gives, then each wording with its citations
        told = "; ".join(f"<q>{escape(v.text)}</q> {_cites(v.sources)}" for v in event.variants)
        body += (f'<p class="variants">Figures differ: {escape(figures_note(event.variants))}. '
                 f"As told: {told}</p>")
    return f'<li class="event {escape(event.role)}"{ident}>{body}</li>'


def _timeline(analysis: Analysis, events: Sequence[Event]) -> str:
    """Events under year and month headings (as the Markdown timeline), each group an <ol>."""
    out: list[str] = []
    year: str | None = None
    section: str | None = None
    seen: set[str] = set()
    open_list = False
    for event in events:
        year_heading, section_heading = calendar_place(event.span)
        if year_heading != year or (section_heading and section_heading != section):
            if open_list:
                out.append("</ol>")
            if year_heading != year:
                year, section = year_heading, None
                out.append(f"<h3>{escape(year)}</h3>")
            if section_heading and section_heading != section:
                section = section_heading
                out.append(f"<h4>{escape(section)}</h4>")
            out.append('<ol class="events">')
            open_list = True
        first = event.span.value not in seen
        seen.add(event.span.value)
        out.append(event_item(analysis, event, first))
    if open_list:
        out.append("</ol>")
    return "\n".join(out)


def _key_dates(analysis: Analysis, events: Sequence[Event]) -> str:
    """The few most important dates with their best line, each a link to its place in the timeline."""
    shown = {e.span.value for e in events}
    keys = [e for e in select(analysis.timeline, KEY_DATES, 1) if e.span.value in shown]
    if not keys:
        return ""
    items = [f'<li class="event {escape(e.role)}"><a href="#{anchor(e.span)}"><time datetime="{datetime_of(e.span)}">'
             f"{escape(label(e.span))}</time></a> <span class=\"text\">{escape(e.text)}</span> {_cites(e.sources)}{_also(e)}</li>"
             for e in keys]
    return "\n".join(['<section aria-labelledby="keys-heading">', '<h2 id="keys-heading">Key dates</h2>',
                      '<ol class="keys">', *items, "</ol>", "</section>"])


def coverage_chart(articles: Sequence[Article]) -> str:
    """Articles per day (per month over a long span) as an inline SVG bar chart with a caption; an
    estimated publication day counts, as in the Markdown and app sparklines (`dated_note` says so)."""
    days = [a.published_date for a in articles if a.published_date]
    if not days:
        return ""
    first, last = min(days), max(days)
    monthly = (last - first).days >= DAILY_LIMIT
    if monthly:
        counts = Counter(d.replace(day=1) for d in days)
        bins = _months(first.replace(day=1), last.replace(day=1))
        name = "month"
    else:
        counts = Counter(days)
        bins = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        name = "day"
    width, height, top = 600, 120, max(counts.values())
    step = width / len(bins)
    bars = []
    for n, when in enumerate(bins):
        if counts[when]:
            h = max(2.0, (height - 20) * counts[when] / top)
            shown = f"{when:%Y-%m}" if monthly else when.isoformat()
            bars.append(f'<rect x="{n * step:.2f}" y="{height - 16 - h:.2f}" width="{max(step * 0.8, 1):.2f}" '
                        f'height="{h:.2f}"><title>{shown}: {counts[when]} article{"s" * (counts[when] != 1)}'
                        "</title></rect>")
    note = f"; {told}" if (told := dated_note(articles)) else ""
    return "\n".join([
        '<figure aria-labelledby="coverage-caption">',
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="coverage-caption">', *bars,
        f'<text x="0" y="{height - 2}">{first.isoformat()}</text>',
        f'<text x="{width}" y="{height - 2}" text-anchor="end">{last.isoformat()}</text>', "</svg>",
        f'<figcaption id="coverage-caption">Coverage: articles per {name}, {first.isoformat()} to '
        f"{last.isoformat()} (busiest: {top}){note}</figcaption>", "</figure>"])


def _months(first: date, last: date) -> list[date]:
    out = [first]
    while out[-1] < last:
        d = out[-1]
        out.append(date(d.year + d.month // 12, d.month % 12 + 1, 1))
    return out


def _sources(analysis: Analysis, events: Sequence[Event]) -> str:
    """The numbered sources the citations point at, each title a link to its page when it has one."""
    items = [_source_item(analysis.article(i)) for i in listed(events)]
    return "\n".join(['<section aria-labelledby="sources-heading">', '<h2 id="sources-heading">Sources</h2>',
                      '<ol class="sources">', *items, "</ol>", "</section>"])


def _source_item(article: Article) -> str:
    title = escape(article.title)
    if article.url and re.match(r"^https?://", article.url, re.I):
        title = f'<a href="{escape(article.url, quote=True)}">{title}</a>'
    outlet = f" — {escape(article.outlet)}" if article.outlet else ""
    published = escape(article.published[:10]) if article.published else "undated"
    if article.published and not article.published_estimated:
        published = f'<time datetime="{published}">{published}</time>'
    elif article.published:
        published += ", estimated"
    return (f'<li id="source-{article.id}" value="{article.id}">{title}{outlet} ({published}) '
            f'<span class="path">{escape(article.origin)}</span></li>')
