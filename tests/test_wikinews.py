"""The foundation on real news it was not tuned on: 120 Wikinews articles in four stories."""

from __future__ import annotations

import json

from storyline.summarize.clean import furniture_reason
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
