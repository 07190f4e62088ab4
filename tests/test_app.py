"""The Textual app, driven as a person would with App.run_test and Pilot."""

from __future__ import annotations

import asyncio
import json
from datetime import date
from collections.abc import Callable


from tests.conftest import SEEDS
from storyline.tui.app import StorylineApp
from storyline.tui.screens.confirm import ConfirmScreen
from storyline.tui.screens.source import SourceScreen
from storyline.tui.widgets.chat import AnswerLineView
from storyline.tui.widgets.timeline_tree import TimelineTree


async def loaded(app: StorylineApp, pilot) -> None:
    """Wait until the story is on screen: an event the app sets, not a guess of how long it takes."""
    await asyncio.wait_for(app.shown.wait(), timeout=120)
    await pilot.pause()
    assert app.analysis is not None and app.screen.query(TimelineTree)


async def until(pilot, condition: Callable[[], bool]) -> None:
    """Let the app run until `condition` holds (bounded only against a hang, not a guess of speed)."""
    for _ in range(2400):
        if condition():
            return
        await pilot.pause(0.025)
    assert condition()


async def ask(app: StorylineApp, pilot, question: str) -> list[AnswerLineView]:
    before = len(app.query(AnswerLineView))
    prompt = app.query_one("#prompt")
    prompt.focus()
    prompt.value = question
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return list(app.query(AnswerLineView))[before:]


def big_seeds(monkeypatch) -> StorylineApp:
    """The app on the demo as if it were a big story: opening on its 5 key dates (past 20 events)."""
    monkeypatch.setattr("storyline.tui.app.KEY_DATES_OVER", 20)
    monkeypatch.setattr("storyline.tui.app.KEY_DATES", 5)
    return StorylineApp([str(SEEDS)])


async def test_loads_seeds_and_shows_key_events() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(app, pilot)
        assert "5 articles" in app.sub_title and "May 2015 – Mar 2016" in app.sub_title
        tree = app.query_one(TimelineTree)
        dates = set(tree.date_nodes)
        assert {"2015-05", "2015-08", "2015-09-30", "2016-03-24", "2016-03-27", "2016-03-29"} <= dates


async def test_first_frame_before_loading_and_keys_while_loading() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.query_one("#prompt").has_focus  # painted and focused before the worker finished
        await pilot.press("f3")
        assert app.query_one(TimelineTree).has_focus
        await loaded(app, pilot)


async def test_when_question_is_answered_with_citations() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(app, pilot)
        lines = await ask(app, pilot, "When did ISIS seize Palmyra?")
        notes = [str(w.render()) for w in app.query(".note")]
        assert any(n.startswith("May 2015") for n in notes)
        assert lines and lines[0].line.date == "2015-05" and lines[0].line.sources


async def test_date_and_who_questions_and_summary() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(app, pilot)
        lines = await ask(app, pilot, "What happened on March 27?")
        assert [l.line.date for l in lines] == ["2016-03-27"]
        assert "Sunday's capture of Palmyra" in lines[0].line.text
        lines = await ask(app, pilot, "Who recaptured Palmyra?")
        assert any("recaptured" in l.line.text for l in lines)
        lines = await ask(app, pilot, "summarize in 3 sentences")
        assert len(lines) == 3 and all(l.line.sources for l in lines)
        lines = await ask(app, pilot, "What is the capital of France?")
        assert any("do not answer" in str(w.render()) for w in app.query(".unanswered"))


async def test_opening_a_citation_highlights_the_sentence() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(app, pilot)
        lines = await ask(app, pilot, "What happened in August 2015?")
        lines[0].focus()
        await pilot.press("2")  # the second citation: article 2
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        assert screen.article.id == 2
        assert screen.highlighted.startswith("ISIS had seized the strategic town in August 2015")
        cited = screen.query_one(".cited")
        assert screen.highlighted in str(cited.render())
        await pilot.press("escape")
        assert not isinstance(app.screen, SourceScreen)


async def test_timeline_enter_opens_source() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(app, pilot)
        tree = app.query_one(TimelineTree)
        assert tree.jump_to("2016-03-27")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.highlighted.startswith("Sunday's capture of Palmyra")


async def test_filter_and_slash_commands(tmp_path) -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(app, pilot)
        events = app.analysis.timeline.events
        assert app.filter_timeline("2015") == sum(1 for e in events if e.span.value.startswith("2015")) >= 4
        assert app.filter_timeline("Palmyra") > 5
        assert app.filter_timeline("2016-03-24..2016-03-27") == sum(  # by overlap: "March 2016" is in it
            1 for e in events if e.span.start <= date(2016, 3, 27) and e.span.end >= date(2016, 3, 24))
        target = tmp_path / "out.md"
        await ask(app, pilot, f"/export md {target}")
        text = target.read_text()
        assert text.startswith("# ") and "Sunday's capture of Palmyra" in text and "## Sources" in text
        await ask(app, pilot, f"/export json {tmp_path / 'out.json'}")
        assert json.loads((tmp_path / "out.json").read_text())["events"]
        await ask(app, pilot, "/open 4")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen) and app.screen.article.id == 4


async def test_markup_in_articles_is_literal(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(
        "Markup test\n\nPublished: March 3, 2021\n\nOfficials counted [bold red]ten[/] boats on Monday, "
        "the harbour master said.\n")
    app = StorylineApp([str(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        lines = await ask(app, pilot, "What happened on Monday?")
        assert "[bold red]ten[/]" in str(lines[0].render())
        lines[0].focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "[bold red]ten[/]" in str(app.screen.query_one(".cited").render())


async def test_bad_input_is_a_notification_not_a_crash(tmp_path) -> None:
    (tmp_path / "empty.txt").write_text("")
    app = StorylineApp([str(tmp_path / "empty.txt")])
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.analysis is None and app.sub_title == "nothing to show"
        assert any("empty" in str(w.render()) for w in app.query(".error"))


async def test_command_palette_offers_dates_sources_exports_and_algorithms() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Export timeline as Markdown" in titles and "Rank with textrank" in titles
        assert any(t.startswith("Open source \\[5] Syrian army advances") for t in titles)  # escaped markup
        jump = next(c for c in app.get_system_commands(app.screen) if "(2016-03-27)" in c.title)
        jump.callback()
        await pilot.pause()
        tree = app.query_one(TimelineTree)
        assert tree.has_focus and tree.cursor_node.id == tree.date_nodes["2016-03-27"]


async def test_a_bad_file_among_good_ones_is_a_warning(tmp_path) -> None:
    for seed in sorted(SEEDS.iterdir())[:2]:
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    app = StorylineApp([str(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        assert len(app.analysis.sources) == 2
        assert any("broken.txt" in str(n.message) for n in app._notifications)


async def test_pasted_articles_on_stdin_are_a_warning_in_the_app_too() -> None:
    """`cat seeds/*.txt | storyline tui -` reads one article, as the commands do, and says so."""
    pasted = b"".join(path.read_bytes() for path in sorted(SEEDS.glob("*.txt")))
    app = StorylineApp(["-"], stdin=pasted)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        assert len(app.analysis.sources) == 1
        assert any("pasted together (at least 4)" in str(n.message) for n in app._notifications)


async def test_copy_an_answer_line_and_a_source_sentence() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(app, pilot)
        lines = await ask(app, pilot, "What happened on March 27?")
        lines[0].focus()
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.startswith("Sunday's capture of Palmyra") and app.clipboard.endswith("[1][2][3]")
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.endswith("[3]") and app.clipboard.startswith("Sunday's capture")


async def test_typing_in_the_filter_box_filters_the_timeline() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(app, pilot)
        tree = app.query_one(TimelineTree)
        assert not all(value.startswith("2015") for value in tree.date_nodes)
        app.query_one("#filter").focus()
        await pilot.press(*"2015")

        def filtered() -> bool:
            return bool(tree.date_nodes) and all(value.startswith("2015") for value in tree.date_nodes)

        await until(pilot, filtered)  # the filter runs after a pause in typing


async def test_export_writes_what_is_shown_and_asks_before_overwriting(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(app, pilot)
        shown = app.filter_timeline("2015")
        await pilot.press("f5")
        await pilot.pause()
        written = (tmp_path / "storyline-timeline.md").read_text()
        assert written.count("\n- **") == shown < len(app.analysis.timeline.events)
        (tmp_path / "storyline-timeline.md").write_text("mine")
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert (tmp_path / "storyline-timeline.md").read_text() == "mine"
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert (tmp_path / "storyline-timeline.md").read_text().startswith("# ")
        await ask(app, pilot, f"/export md {SEEDS / '000_cfa9c618f1c3bea8.txt'}")
        assert any("one of the input articles" in str(n.message) for n in app._notifications)


async def test_figures_that_differ_show_in_the_timeline_and_summary(story_file) -> None:
    from tests.test_summary import FIRE

    folder = story_file({f"{a.id}.txt": f"{a.title}\n\nPublished March 29, 2016\n\n{a.text}" for a in FIRE.articles})
    app = StorylineApp([str(folder)])
    async with app.run_test(size=(160, 50)) as pilot:
        await loaded(app, pilot)
        tree = app.query_one(TimelineTree)
        labels = []
        stack = [tree.root]
        while stack:
            node = stack.pop()
            labels.append(str(node.label))
            stack.extend(node.children)
        assert any("60–65 people" in label and "figures differ" in label for label in labels)
        lines = await ask(app, pilot, "/summary")
        assert any("figures differ" in str(line.render()) for line in lines)
