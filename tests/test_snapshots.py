"""How the main screens look (pytest-textual-snapshot; update with --snapshot-update)."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from textual.widgets import Input

from storyline.tui.app import StorylineApp

SIZE = (150, 42)


@pytest.fixture(autouse=True)
def relative_paths(monkeypatch) -> None:
    """Run from the project root with "seeds", so source paths on screen do not depend on the checkout."""
    monkeypatch.chdir(ROOT)


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
    assert snap_compare(StorylineApp(["seeds"]), terminal_size=SIZE, run_before=settle)


def test_answer(snap_compare) -> None:
    async def ask(pilot) -> None:
        await settle(pilot)
        await pilot.press(*"When did ISIS seize Palmyra?", "enter")
        await settle(pilot)

    assert snap_compare(StorylineApp(["seeds"]), terminal_size=SIZE, run_before=ask)


def test_source_viewer(snap_compare) -> None:
    async def open_source(pilot) -> None:
        await settle(pilot)
        await pilot.press(*"/open 3", "enter")
        await settle(pilot)

    assert snap_compare(StorylineApp(["seeds"]), terminal_size=SIZE, run_before=open_source)
