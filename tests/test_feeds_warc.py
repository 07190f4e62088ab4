"""Articles from RSS/Atom feeds, web archives (WARC) and other tools' JSON records."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.summarize.errors import InputError
from storyline.summarize.read.feeds import feed_documents
from storyline.summarize.read.ingest import read_inputs
from storyline.summarize.read.records import record_document
from storyline.summarize.story import load_story
from tests.conftest import SEEDS, run_cli

BODY = ("Syrian troops entered the ancient city of Palmyra on Sunday after weeks of fighting, the army said. "
        "The recapture of the desert town was seen as the biggest blow to ISIS in Syria this year. "
        "Engineers began clearing mines from the ruins on Monday, officials told reporters in Damascus.")

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Desert Daily</title><link>https://desert.example/</link>
<item><title>Troops retake &lt;b&gt;Palmyra&lt;/b&gt;</title><link>https://desert.example/palmyra</link>
<pubDate>Mon, 28 Mar 2016 09:30:00 GMT</pubDate>
<description><![CDATA[<p>{BODY}</p><script>alert(1)</script><p>Second paragraph: the town had been held since May 2015.</p>]]></description>
</item>
<item><title>No body here</title><link>https://desert.example/empty</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Atom</title><id>urn:x</id><updated>2016-03-29T10:00:00Z</updated>
<entry><title>Palmyra mines cleared</title><id>urn:1</id><link href="https://wire.example/1"/>
<published>2016-03-29T08:00:00Z</published><updated>2016-03-29T08:00:00Z</updated>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>"""


def test_rss_entries_are_articles_with_title_link_date_and_outlet(tmp_path) -> None:
    (tmp_path / "desert.rss").write_text(RSS, encoding="utf-8")
    reading = read_inputs([str(tmp_path)])
    assert len(reading.documents) == 1  # the entry without text is left out
    doc = reading.documents[0]
    assert doc.title == "Troops retake Palmyra" and doc.url == "https://desert.example/palmyra"
    assert doc.outlet == "Desert Daily" and doc.published == "2016-03-28T09:30"
    assert "<p>" not in doc.text and "alert" not in doc.text and "\n\nSecond paragraph" in doc.text


def test_atom_feed_detected_by_content_whatever_its_name(story_file) -> None:
    folder = story_file({"wire.txt": ATOM})
    story = load_story([str(folder / "wire.txt")])
    [article] = story.articles
    assert article.title == "Palmyra mines cleared" and article.published.startswith("2016-03-29")
    assert article.outlet == "Wire Atom" and article.url == "https://wire.example/1"


def test_a_feed_of_many_stories_goes_straight_into_stories(tmp_path, wikinews_rows) -> None:
    items = "".join(f"<item><title>{r.get('title', 'x')}</title><link>https://w.example/{i}</link>"
                    f"<pubDate>{r['published'][:10]}T00:00:00Z</pubDate><description><![CDATA[<p>"
                    + r["text"].replace("]]>", "") + "</p>]]></description></item>"
                    for i, r in enumerate(wikinews_rows[:40]))
    feed = tmp_path / "many.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>',
                    encoding="utf-8")
    result = run_cli("stories", feed, "--format", "json")
    assert result.exit_code == 0, result.stderr
    stories = json.loads(result.stdout)["stories"]
    assert len(stories) >= 2 and sum(len(s["articles"]) for s in stories) == 40


def test_a_broken_feed_is_one_warning(tmp_path) -> None:
    (tmp_path / "bad.rss").write_text("<rss><channel><title>x</title></channel>", encoding="utf-8")
    result = run_cli("sources", tmp_path / "bad.rss", SEEDS)
    assert result.exit_code == 0 and "bad.rss" in result.stderr and "Traceback" not in result.stderr


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400).map(lambda s: f"<rss><channel><item><title>{s}</title><description>{s}</description>"
                                 "</item></channel></rss>"))
def test_feed_parsing_never_raises_anything_but_input_error(text: str) -> None:
    try:
        docs = feed_documents("f.rss", text)
    except InputError:
        return
    assert all(d.text.strip() for d in docs)


def page(title: str, body: str, date: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>").encode()


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], gz: bool = True) -> None:
    """A WARC written by warcio itself: a request, a response per page, an image, a redirect."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for url, html, date in pages:
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html),
                                                          http_headers=headers, warc_headers_dict={"WARC-Date": date}))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://x.example/a.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG...."), http_headers=image))
        moved = StatusAndHeaders("301 Moved", [("Content-Type", "text/html"), ("Location", "/b")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://x.example/old", "response",
                                                      payload=io.BytesIO(b"<html>moved</html>"), http_headers=moved))


PAGES = [("https://news.example/palmyra", page("Troops retake Palmyra", BODY), "2016-03-28T10:00:00Z"),
         ("https://wire.example/mines", page("Mines cleared in Palmyra", BODY.replace("Sunday", "Saturday"),
                                             "2016-03-29"), "2016-03-30T00:00:00Z")]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_html_responses_are_articles(tmp_path, name) -> None:
    archive = tmp_path / name
    write_warc(archive, PAGES, gz=name.endswith(".gz"))
    story = load_story([str(tmp_path)])
    assert [a.url for a in story.articles] == [p[0] for p in PAGES]  # the image and the redirect are passed over
    first, second = story.articles
    assert first.published.startswith("2016-03-28")  # the capture's date: the page names none
    assert second.published.startswith("2016-03-29")  # the page's own date first
    assert first.title == "Troops retake Palmyra" and "Home | World" not in first.text
    assert first.origin.endswith(f"{name}:1")


def test_warc_in_the_commands(tmp_path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, PAGES)
    result = run_cli("timeline", archive, "--format", "json")
    assert result.exit_code == 0, result.stderr
    sources = json.loads(result.stdout)["sources"]
    assert [s["path"] for s in sources] == [f"{archive}:1", f"{archive}:2"]
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(gzip.compress(b"this is not a warc record at all\r\n\r\n"))
    result = run_cli("sources", broken, archive)
    assert result.exit_code == 0 and "broken.warc.gz" in result.stderr and "Traceback" not in result.stderr


def test_warc_streams_into_batch(tmp_path) -> None:
    from storyline.timeline.batch import Skipped, analyse_shard, file_name, plan

    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, PAGES)
    skipped = Skipped()
    shards = plan([str(archive)], tmp_path / "work", skipped)
    assert sum(s.articles for s in shards) == 2 and not skipped.count
    story = load_story([str(s.path) for s in shards])
    assert sorted(a.url for a in story.articles) == sorted(p[0] for p in PAGES)
    lines = tuple(shards[0].path.read_bytes().split(b"\n")[:-1])  # what the client sends the task
    entry = analyse_shard(shards[0], lines, ("html", "timelinejs"), "lexrank")
    bodies = entry["bodies"]
    assert entry["status"] == "done" and sorted(bodies) == ["html", "timelinejs"]
    assert file_name(shards[0].id, "timelinejs") == f"{shards[0].id}.timelinejs.json"
    assert bodies["html"].startswith("<!DOCTYPE html>") and "events" in json.loads(bodies["timelinejs"])


# news-please's documented record (its README / NewsArticle fields) and trafilatura's JSON output
NEWS_PLEASE = {"authors": ["Jane Roe"], "date_download": "2016-07-21 10:00:00", "date_modify": None,
               "date_publish": "2016-07-19 12:34:00", "description": "Troops retook the town.",
               "filename": "x.json", "image_url": None, "language": "en", "localpath": None,
               "maintext": BODY, "source_domain": "news.example", "title": "Troops retake Palmyra",
               "title_page": None, "title_rss": None, "url": "https://news.example/palmyra"}
TRAFILATURA_1 = {"title": "Mines cleared", "author": None, "hostname": "wire.example", "date": "2016-07-20",
                 "sitename": "Wire Service", "text": BODY, "url": "https://wire.example/1", "categories": "",
                 "tags": "", "fingerprint": "abc", "id": None, "license": None, "comments": "", "raw_text": BODY}
TRAFILATURA_2 = {"title": "Town reopens", "author": None, "hostname": "daily.example", "date": "2016-07-22",
                 "source": "https://daily.example/2", "source-hostname": "The Daily", "text": BODY,
                 "excerpt": None, "categories": "", "tags": "", "raw_text": BODY}


def test_news_please_and_trafilatura_records() -> None:
    np_doc = record_document("a.json", NEWS_PLEASE)
    assert (np_doc.published, np_doc.outlet, np_doc.title, np_doc.url) == (
        "2016-07-19 12:34:00", "news.example", "Troops retake Palmyra", "https://news.example/palmyra")
    t1, t2 = record_document("b.json", TRAFILATURA_1), record_document("c.json", TRAFILATURA_2)
    assert (t1.published, t1.outlet, t1.url) == ("2016-07-20", "Wire Service", "https://wire.example/1")
    assert (t2.published, t2.outlet, t2.url) == ("2016-07-22", "The Daily", "https://daily.example/2")
    only_description = record_document("d.json", NEWS_PLEASE | {"maintext": None, "description": BODY})
    assert only_description.text == BODY


def test_their_dates_reach_the_articles_and_no_warning(story_file) -> None:
    folder = story_file({"np.jsonl": json.dumps(NEWS_PLEASE) + "\n", "tf.json": json.dumps([TRAFILATURA_1, TRAFILATURA_2])})
    result = run_cli("sources", folder, "--format", "json")
    assert result.exit_code == 0 and "warning" not in result.stderr
    rows = json.loads(result.stdout)
    assert [(r["published"][:10], r["estimated"], r["outlet"]) for r in rows] == [
        ("2016-07-19", False, "news.example"), ("2016-07-20", False, "Wire Service"),
        ("2016-07-22", False, "The Daily")]


def test_records_without_a_date_field_warn_once_per_input(story_file) -> None:
    rows = [{"text": BODY, "created": "2016-07-19"}, {"text": BODY.replace("Sunday", "Friday"), "when": "x"}]
    folder = story_file({"a.jsonl": "".join(json.dumps(r) + "\n" for r in rows),
                         "b.json": json.dumps({"text": BODY, "published": "2016-07-19"})})
    result = run_cli("sources", folder)
    warnings = [line for line in result.stderr.splitlines() if "date field" in line]
    assert len(warnings) == 1 and "a.jsonl" in warnings[0] and "2 of 2 records" in warnings[0]


def test_dates_tags_each_entry_of_a_feed_and_each_page_of_a_warc(tmp_path) -> None:
    (tmp_path / "desert.rss").write_text(RSS, encoding="utf-8")
    write_warc(tmp_path / "crawl.warc.gz", PAGES)
    for name, count in (("desert.rss", 1), ("crawl.warc.gz", 2)):
        result = run_cli("dates", tmp_path / name)
        assert result.exit_code == 0, result.stderr
        documents = json.loads(result.stdout)["documents"]
        assert len(documents) == count and all(d["timexes"] for d in documents)
    assert documents[0]["published"] == "2016-03-28"  # "on Sunday" needs it: the capture's day


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(st.sampled_from(["text", "maintext", "description", "title", "date_publish", "date",
                                        "source", "source_domain", "sitename", "url", "html", "authors"]),
                       st.one_of(st.none(), st.text(max_size=60), st.integers(), st.lists(st.text(max_size=5)))))
def test_any_record_is_a_document_or_one_input_error(record: dict) -> None:
    try:
        doc = record_document("r.json", record)
    except InputError:
        return
    assert doc.text.strip() and (doc.url is None or "://" in doc.url)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600), st.booleans())
def test_any_bytes_named_warc_are_read_or_refused_in_one_line(tmp_path, data: bytes, gz: bool) -> None:
    archive = tmp_path / ("x.warc.gz" if gz else "x.warc")
    archive.write_bytes(gzip.compress(data) if gz else data)
    reading = read_inputs([str(archive)])
    assert not reading.documents and reading.problems


def test_a_warc_page_too_large_for_a_batch_record_is_reported(tmp_path) -> None:
    from storyline.summarize.read.archive import MAX_RECORD_BYTES
    from storyline.timeline.batch import Skipped, plan

    import random

    # hex of random bytes packs about twofold, as real pages do: " filler" repeated would be a gzip bomb
    huge = page("Huge", BODY + " " + random.Random(5).randbytes(MAX_RECORD_BYTES // 2 + 1000).hex())
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, [*PAGES, ("https://big.example/huge", huge, "2016-03-30T00:00:00Z")])
    skipped = Skipped()
    shards = plan([str(archive)], tmp_path / "work", skipped)
    assert sum(s.articles for s in shards) == 2
    problems = [err for _, err in skipped.first]
    assert [p.origin for p in problems] == [f"{archive}:3"] and "limit" in problems[0].reason


def test_a_warc_bomb_is_stopped_with_a_clear_message(tmp_path) -> None:
    """A .warc.gz may expand no further than a gzipped JSON Lines archive: one line saying why,
    the pages before it kept, in the commands and in batch."""
    from warcio.warcwriter import WARCWriter

    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, PAGES[:1])
    with archive.open("ab") as out:  # then a record of 16 MB of zeros, a few KB packed
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warc_record("https://x.example/blob", "resource", payload=io.BytesIO(
            bytes(16 * 1024 * 1024)), warc_content_type="application/octet-stream"))
    assert archive.stat().st_size < 100_000
    result = run_cli("sources", archive, "--format", "json")
    assert result.exit_code == 0 and [s["path"] for s in json.loads(result.stdout)] == [f"{archive}:1"]
    warning = [line for line in result.stderr.splitlines() if "gzip bomb?" in line]
    assert len(warning) == 1 and "not read further" in warning[0] and "Traceback" not in result.stderr
    result = run_cli("batch", archive, "--out", tmp_path / "out", "--workers", "1")
    assert result.exit_code == 1 and "a gzip bomb?" in result.stderr and "Traceback" not in result.stderr
