"""The app on big and mixed stories (issue 25) and under hostile input (issue 26), driven by Pilot."""

from __future__ import annotations

from tests.conftest import WIKINEWS
from tests.test_app import ask, loaded, until
from storyline.tui.app import StorylineApp
from storyline.tui.screens.source import SourceScreen
from storyline.tui.screens.stories import StoryListScreen
from storyline.tui.widgets.chat import AnswerLineView


async def open_story(app: StorylineApp, pilot, index: int) -> None:
    """Pick the `index`-th story (0-based) of the story list on screen and wait until it is shown."""
    await until(pilot, lambda: isinstance(app.screen, StoryListScreen))
    app.shown.clear()
    await pilot.press(*["down"] * index, "enter")
    await loaded(app, pilot)


async def test_answers_keep_the_story_they_were_asked_of() -> None:
    """Issue 25.1: after /stories and another story, an old answer line opens its own story's article
    (it crashed with IndexError, or opened the other story's article of the same number)."""
    app = StorylineApp([str(WIKINEWS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await open_story(app, pilot, 0)
        first = app.analysis
        lines = await ask(app, pilot, "summary")
        cited = max(lines, key=lambda line: line.line.sources[0]).line
        article = first.article(cited.sources[0])
        await ask(app, pilot, "/stories")
        await open_story(app, pilot, 2)
        assert app.analysis is not first
        old = next(view for view in app.query(AnswerLineView) if view.line is cited)
        old.focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SourceScreen))
        assert app.screen.article == article
        await pilot.press("escape")
        assert any("Story 3" in str(w.render()) for w in app.query(".note"))  # the chat marks the switch
