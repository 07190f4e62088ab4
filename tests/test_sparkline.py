"""The coverage sparkline (issue 25.11): articles per day as Unicode bars, in `storyline stories`
and in the Markdown timeline's header (the app's is in test_app_big)."""

from __future__ import annotations

from tests.conftest import SEEDS, WIKINEWS, article, run_cli
from storyline.timeline.output.sparkline import BARS, coverage, sparkline


def test_bars_show_gaps_as_spaces_and_the_peak_as_a_full_bar() -> None:
    days = ["2016-03-01", "2016-03-01", "2016-03-01", "2016-03-02", "2016-03-05"]
    found = coverage([article(i, "Text.", published=d) for i, d in enumerate(days, 1)])
    assert found is not None and found.days == 1 and found.counts == (3, 1, 0, 0, 1)
    assert found.text() == "█▃  ▃"
    assert sparkline([article(1, "Text.", published="2016-03-01")]) == ""  # one day: nothing to draw


def test_a_long_span_fits_the_width_and_an_outlier_day_is_left_out() -> None:
    days = [f"2015-{m:02}-{d:02}" for m in range(1, 13) for d in (1, 15)] * 5 + ["1990-01-01"]
    found = coverage([article(i, "Text.", published=d) for i, d in enumerate(days, 1)], width=40)
    assert found is not None and len(found.counts) <= 40 and found.first.year == 2015
    assert set(found.text()) <= set(BARS) | {" "} and sum(found.counts) == 120


def test_stories_text_shows_each_storys_coverage() -> None:
    result = run_cli("stories", WIKINEWS)
    assert result.exit_code == 0
    head, *rows = result.stdout.splitlines()
    assert "coverage" in head.split()
    assert all(any(c in BARS for c in row) for row in rows) and len(rows) == 4


def test_the_markdown_timeline_opens_with_the_coverage() -> None:
    lines = run_cli("timeline", SEEDS, "--no-cache").stdout.splitlines()
    assert lines[2].startswith("Coverage: `") and "25 Mar 2016 – 30 Mar 2016, articles a day`" in lines[2]
    assert "█" in lines[2]
