"""The timeline as a web page and as TimelineJS3 JSON: structure, escaping, and a real browser."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from storyline.summarize.model import Article
from storyline.summarize.story import Story
from storyline.summarize.text.sentences import split_text
from storyline.timeline.analysis import analyse
from storyline.timeline.output import html, timelinejs
from storyline.timeline.events.build import select
from storyline.timeline.output.formats import format_for, render_timeline
from storyline.timeline.output.sparkline import coverage
from storyline.summarize.story import load_story
from storyline.summarize.errors import StorylineError
from tests.conftest import SEEDS, run_cli

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class Page(HTMLParser):
    """What a test reads off a page: tags seen, events (li.event), citation targets, ids, links."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.events: list[dict[str, str]] = []
        self.cites: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.times: list[str] = []
        self._event: dict[str, str] | None = None
        self._depth = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "time":
            self.times.append(a.get("datetime", ""))
        if tag == "a":
            href = a.get("href", "")
            (self.cites if href.startswith("#source-") else self.links).append(href)
        if tag == "li" and "event" in a.get("class", "").split():
            self._event = {"class": a["class"], "text": ""}
            self._depth = 0
        if tag == "li" and self._event is not None:
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._event is not None:
            self._depth -= 1
            if self._depth == 0:
                self.events.append(self._event)
                self._event = None

    def handle_data(self, data: str) -> None:
        if self._event is not None:
            self._event["text"] += data


def hostile_analysis():
    text = (f"On March 27, 2016, troops entered the town {HOSTILE} after a long siege. "
            "The army said 60 people were killed on Sunday in the fighting.")
    other = ("On March 27, 2016, troops entered the town after a long siege, officials said. "
             "The army said 65 people were killed on Sunday in the fighting.")
    articles = (Article(1, f"evil{HOSTILE}.txt", f"Title {HOSTILE}", f"Outlet {HOSTILE}", "2016-03-29",
                        text, url='javascript:alert(1)//"><script>'),
                Article(2, "b.txt", "Second", "Wire", "2016-03-29", other, url="https://example.org/b?x=1&y=<2>"))
    return analyse(Story(articles, tuple(s for a in articles for s in split_text(a.id, a.text))))


@pytest.fixture(scope="module")
def seed_analysis(seed_story):
    return analyse(seed_story)


def test_page_is_self_contained_and_accessible(seed_analysis) -> None:
    page = html.page(seed_analysis, seed_analysis.timeline.events)
    parsed = Page(page)
    assert "script" not in parsed.tags and "<link" not in page and "http" not in page.split("<main>")[0]
    assert parsed.tags.count("h1") == 1 and "h2" in parsed.tags and "ol" in parsed.tags and "svg" in parsed.tags
    assert "prefers-color-scheme:dark" in page and 'name="viewport"' in page
    assert seed_analysis.title in page and seed_analysis.span_label() in page
    timeline = Page(page.split('id="timeline-heading"')[1].split('id="sources-heading"')[0]).events
    assert len(timeline) == len(seed_analysis.timeline.events)
    roles = {e.role for e in seed_analysis.timeline.events}
    assert {"background", "planned"} <= roles and any("background" in e["class"] for e in timeline)
    assert all(t and t[:4].isdigit() for t in parsed.times)
    for cite in parsed.cites:  # every citation lands on a source of the in-page list
        assert cite[1:] in parsed.ids
    merged = [e for e in seed_analysis.timeline.events if e.also_sources]
    keys = [e for e in select(seed_analysis.timeline, html.KEY_DATES, 1) if e.also_sources]
    # merged events list the others, uncited, in the timeline and in the key dates alike
    assert merged and page.count("also reported by") == len(merged) + len(keys)


def test_article_strings_are_escaped_and_hostile_urls_are_not_links() -> None:
    analysis = hostile_analysis()
    page = html.page(analysis, analysis.timeline.events)
    parsed = Page(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert "&lt;script&gt;" in page and not any(link.startswith("javascript") for link in parsed.links)
    assert "https://example.org/b?x=1&y=<2>" in parsed.links  # escaped in the markup, whole once parsed
    assert "figures differ" in page.lower()  # 60 and 65 killed: the variants are shown


def test_coverage_chart_counts_articles_per_day(seed_analysis) -> None:
    chart = html.coverage_chart(seed_analysis.sources)
    days = [a.published_date for a in seed_analysis.sources if a.published_date]
    bars = chart.count("<rect")
    assert bars == len(set(days)) and f"busiest: {max(days.count(d) for d in days)}" in chart


def test_html_and_markdown_agree_on_key_lines_and_coverage() -> None:
    """The new-user trial: the HTML key dates left out "(also reported by [3][5])" that Markdown
    gives the same line, and the HTML chart left out the estimated article the sparkline counts."""
    page = run_cli("timeline", SEEDS, "--format", "html").stdout
    markdown = run_cli("timeline", SEEDS, "--format", "md").stdout.splitlines()
    keys = page.split('id="keys-heading"')[1].split("</section>")[0]
    items = re.findall(r'<li class="event main"><a [^>]*><time datetime="[^"]*">([^<]*)</time></a> .*?</span> <span class="cites">(.*?)</span>'
                       r'(?: <span class="also">\(also reported by <span class="cites">(.*?)</span>)?', keys)
    assert items and any(also for _, _, also in items)
    for when, cites, also in items:
        marks, also_marks = (re.sub(r"<[^>]+>", "", part) for part in (cites, also))
        shape = re.compile(rf"- \*\*{re.escape(when)}.* {re.escape(marks)}(?: \(also reported by (\S+)\))?$")
        told = [m.group(1) or "" for line in markdown if (m := shape.match(line))]
        assert told and set(told) == {also_marks}, (when, marks, told)
    counts = [int(n) for n in re.findall(r"<title>[\d-]+: (\d+) articles?</title>", page)]
    found = coverage(analyse(load_story([SEEDS])).sources)
    assert found and sum(counts) == sum(found.counts) == 5  # the estimated article in both
    assert "1 estimated date counted" in page and "(1 estimated date counted)" in markdown[2]


def test_cli_writes_html_by_extension(tmp_path) -> None:
    target = tmp_path / "timeline.html"
    result = run_cli("timeline", SEEDS, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    refused = run_cli("timeline", SEEDS, "--format", "json", "-o", tmp_path / "t.html")
    assert refused.exit_code == 1 and "names a .html file" in refused.stderr
    pdf = tmp_path / "t.pdf"  # no format writes PDF: refused, not Markdown in a file called .pdf
    refused = run_cli("timeline", SEEDS, "-o", pdf)
    assert refused.exit_code == 1 and "no timeline format writes .pdf files" in refused.stderr and not pdf.exists()
    assert run_cli("timeline", SEEDS, "--format", "md", "-o", pdf).exit_code == 0  # as the user says


def test_format_for_pairs() -> None:
    assert format_for("a.html", None, "md") == "html"
    assert format_for("a.json", "timelinejs", "md") == "timelinejs"  # TimelineJS is JSON
    assert format_for(None, None, "md") == "md"
    with pytest.raises(StorylineError):
        format_for("a.md", "html", "md")


# TimelineJS3's documented fields (timeline.knightlab.com/docs/json-format.html; TLDate.js reads
# year, month, day, hour, minute, second, millisecond as integers or digit strings).
SLIDE_FIELDS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink",
                "unique_id"}
DATE_FIELDS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}
TOP_FIELDS = {"events", "title", "eras", "scale"}


def check_date(value: object) -> None:
    assert isinstance(value, dict) and "year" in value and set(value) <= DATE_FIELDS
    for part in ("year", "month", "day"):
        if part in value:
            assert isinstance(value[part], int)
    assert "day" not in value or "month" in value  # a day needs its month
    if "month" in value:
        assert 1 <= value["month"] <= 12
    if "day" in value:
        assert 1 <= value["day"] <= 31


def test_timelinejs_shape(seed_analysis) -> None:
    doc = json.loads(render_timeline(seed_analysis, "timelinejs"))
    assert set(doc) <= TOP_FIELDS and isinstance(doc["events"], list)
    assert set(doc["title"]) <= SLIDE_FIELDS and "start_date" not in doc["title"]
    assert len(doc["events"]) == len(seed_analysis.timeline.events)
    ids = [e["unique_id"] for e in doc["events"]]
    assert len(set(ids)) == len(ids)
    for event, slide in zip(seed_analysis.timeline.events, doc["events"]):
        assert set(slide) <= SLIDE_FIELDS and set(slide["text"]) == {"headline", "text"}
        check_date(slide["start_date"])
        if "end_date" in slide:
            check_date(slide["end_date"])
        g = event.span.granularity
        if g == "month":
            assert set(slide["start_date"]) == {"year", "month"}
        if g == "year":
            assert set(slide["start_date"]) == {"year"}
        if g == "day":
            assert set(slide["start_date"]) <= {"year", "month", "day", "display_date"}
        assert slide["group"] == timelinejs.GROUPS[event.role]
        for source in event.sources:
            assert f"[{source}]" in slide["text"]["text"]


def test_timelinejs_escapes_what_timelinejs_would_render_as_html() -> None:
    doc = timelinejs.document(hostile_analysis(), hostile_analysis().timeline.events)
    dumped = json.dumps(doc)
    assert "<script" not in dumped and "<img" not in dumped and "javascript:" not in dumped


def png_width(path: Path) -> int:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">I", data[16:20])[0]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
@pytest.mark.parametrize("width", [1280, 390])
def test_page_in_headless_chromium(tmp_path, seed_analysis, width) -> None:
    from storyline.timeline.output.render import compressed

    page_file = tmp_path / "timeline.html"
    page_file.write_text(render_timeline(seed_analysis, "html"), encoding="utf-8")
    shot = tmp_path / f"timeline-{width}.png"
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
             f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={width},1600"]
    subprocess.run([*flags, f"--screenshot={shot}", page_file.as_uri()], capture_output=True, timeout=120, check=True)
    assert png_width(shot) == width
    dom = subprocess.run([*flags, "--dump-dom", page_file.as_uri()], capture_output=True, timeout=120, check=True,
                         text=True).stdout
    parsed = Page(dom.split('id="timeline-heading"')[1].split('id="sources-heading"')[0])
    texts = [" ".join(e["text"].split()) for e in parsed.events]
    for event, shown in zip(compressed(seed_analysis.timeline.events), texts, strict=True):  # lines as shown
        assert " ".join(event.text.split()) in shown
        assert all(f"[{i}]" in shown for i in event.sources)
    ids = Page(dom).ids
    assert all(f"source-{i}" in ids for e in seed_analysis.timeline.events for i in e.reporting)


async def test_app_exports_the_timeline_shown_as_a_web_page(tmp_path, monkeypatch) -> None:
    from storyline.tui.app import StorylineApp
    from tests.test_app import ask, loaded

    monkeypatch.chdir(tmp_path)
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(app, pilot)
        shown = app.filter_timeline("2015")
        await ask(app, pilot, f"/export html {tmp_path / 'shown.html'}")
        page = (tmp_path / "shown.html").read_text(encoding="utf-8")
        timeline = Page(page.split('id="timeline-heading"')[1].split('id="sources-heading"')[0])
        assert len(timeline.events) == shown < len(app.analysis.timeline.events)
