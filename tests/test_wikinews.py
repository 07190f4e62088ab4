"""The foundation on real news it was not tuned on: 120 Wikinews articles in four stories."""

from __future__ import annotations

import json

from storyline.summarize.clean.furniture import furniture_reason
from tests.conftest import WIKINEWS, run_cli


def test_every_wikinews_article_is_read_with_its_metadata(wikinews_rows) -> None:
    result = run_cli("sources", WIKINEWS, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == len(wikinews_rows) == 120
    assert [r["published"] for r in rows] == [w["published"] for w in wikinews_rows]
    assert [r["title"] for r in rows] == [w["title"] for w in wikinews_rows]


def test_cleaning_keeps_nearly_all_wikinews_reporting(wikinews_rows) -> None:
    """Wikinews text is clean: the furniture rules must keep almost every line of it."""
    lines = [line for row in wikinews_rows for line in row["text"].splitlines() if line.strip()]
    dropped = [line for line in lines if furniture_reason(line)]
    assert len(dropped) / len(lines) < 0.03, dropped[:20]


def test_sentence_count_tracks_lines(wikinews_rows) -> None:
    result = run_cli("sentences", WIKINEWS, "--format", "jsonl")
    sentences = [json.loads(line) for line in result.stdout.splitlines()]
    lines = sum(1 for row in wikinews_rows for line in row["text"].splitlines() if line.strip())
    # The release puts one sentence on each line; we may split a little more, never merge much.
    assert 0.95 * lines <= len(sentences) <= 1.15 * lines


def test_a_mixed_feed_groups_into_stories(wikinews_rows, tmp_path) -> None:
    """The demo story hidden among 120 Wikinews articles comes back whole and alone; each Wikinews
    topic (years of one company's or market's news) is one story, whole and pure, with its
    developments inside."""
    from collections import Counter

    from tests.conftest import SEEDS, run_cli

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(row) for row in wikinews_rows) + "\n")
    stories = json.loads(run_cli("stories", feed, SEEDS, "--format", "json").stdout)["stories"]
    sources = json.loads(run_cli("sources", feed, SEEDS, "--format", "json").stdout)  # ids follow the paths' order
    seeds = [r["id"] for r in sources if r["path"].startswith(str(SEEDS))]
    truth = {r["id"]: wikinews_rows[int(r["path"].rsplit(":", 1)[1]) - 1]["story"] for r in sources
             if r["id"] not in seeds}
    demo = [s for s in stories if set(s["articles"]) & set(seeds)]
    assert len(seeds) == 5 and len(demo) == 1 and demo[0]["articles"] == seeds and demo[0]["first"] == "2016-03-25"
    assert 4 <= len(stories) <= 8
    wiki = [s for s in stories if s not in demo]
    pure = sum(Counter(truth[i] for i in s["articles"]).most_common(1)[0][1] for s in wiki)
    whole = sum(max(sum(truth[i] == topic for i in s["articles"]) for s in wiki) for topic in set(truth.values()))
    assert sum(len(s["articles"]) for s in wiki) == len(wikinews_rows)
    assert pure / len(wikinews_rows) >= 0.95 and whole / len(wikinews_rows) >= 0.9
    for s in stories:  # the developments of a story split its articles, in date order
        developments = s["developments"]
        assert sorted(i for d in developments for i in d["articles"]) == s["articles"]
        assert [d["id"] for d in developments] == list(range(1, len(developments) + 1))
        assert [d["first"] for d in developments] == sorted(d["first"] for d in developments)
        assert s["first"] == developments[0]["first"] and s["title"] in {t["title"] for t in sources
                                                                           if t["id"] in s["articles"]}
    story_id = demo[0]["id"]
    timeline = json.loads(run_cli("timeline", feed, SEEDS, "--story", story_id, "--format", "json").stdout)
    assert len(timeline["sources"]) == 5 and {"2015-05", "2016-03-27"} <= {e["date"] for e in timeline["events"]}
    missing = run_cli("timeline", feed, "--story", "999")
    assert missing.exit_code == 1 and "no story 999" in missing.stderr


def test_one_topic_read_alone_is_one_story(wikinews_rows, tmp_path) -> None:
    """Thirty articles over seven years about Airbus and Boeing, one file each: one story, so
    `stories` lists one and the other commands need no --story."""
    from tests.conftest import run_cli

    folder = tmp_path / "airbus"
    folder.mkdir()
    for k, row in enumerate(r for r in wikinews_rows if r["story"] == "airbus-boeing"):
        (folder / f"{k:02}.json").write_text(json.dumps(row))
    stories = json.loads(run_cli("stories", folder, "--format", "json").stdout)["stories"]
    assert len(stories) == 1 and stories[0]["articles"] == list(range(1, 31))
    assert len(stories[0]["developments"]) > 1
    table = run_cli("stories", folder).stdout
    assert stories[0]["title"] in table and "30" in table
