"""How the main screens look (pytest-textual-snapshot; update with --snapshot-update).

The story is a small fixed one written here, not the demo: with four claims the summary
and the timeline do not depend on how ranking orders them, so a ranking change does not
rewrite every picture.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from storyline.tui.app import StorylineApp

SIZE = (150, 42)
STORY = {
    "story/harbour-times.txt": (
        "Bridge opens after years of delay\n\nHarbour Times\n\nPublished: June 14, 2022\n\n"
        "The new Kestrel Bridge opened to traffic on Monday, three years after work began in May 2019. "
        "The city council said the crossing cuts the trip to the airport by twenty minutes.\n"),
    "story/coast-daily.txt": (
        "Kestrel Bridge opens\n\nCoast Daily\n\nPublished: June 15, 2022\n\n"
        "The Kestrel Bridge opened to traffic on Monday, three years after work began in May 2019. "
        "Engineers found cracks in two piers in March 2021, which delayed the opening by a year.\n"),
}


@pytest.fixture(autouse=True)
def story_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Write the story and run from beside it, so paths on screen are the same on every machine."""
    for name, text in STORY.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)


async def settle(pilot) -> None:
    """Wait until the worker's result is on screen and every pending refresh has run."""
    for field in pilot.app.query(Input):
        field.cursor_blink = False  # a blinking cursor would make the picture depend on timing
    await pilot.app.workers.wait_for_complete()
    for _ in range(20):
        await pilot.pause()
        if pilot.app.analysis is not None and not pilot.app.query_one("#progress").display:
            break
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def test_main_screen(snap_compare) -> None:
    assert snap_compare(StorylineApp(["story"]), terminal_size=SIZE, run_before=settle)


def test_answer(snap_compare) -> None:
    async def ask(pilot) -> None:
        await settle(pilot)
        await pilot.press(*"When did the bridge open?", "enter")
        await settle(pilot)

    assert snap_compare(StorylineApp(["story"]), terminal_size=SIZE, run_before=ask)


def test_source_viewer(snap_compare) -> None:
    async def open_source(pilot) -> None:
        await settle(pilot)
        await pilot.press(*"/open 2", "enter")
        await settle(pilot)

    assert snap_compare(StorylineApp(["story"]), terminal_size=SIZE, run_before=open_source)
