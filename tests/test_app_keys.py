"""The app's keys and hints, each as a user meets them (issue: the app as its best peers build it)."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import OptionList

from storyline.tui.app import HELP, StorylineApp
from storyline.tui.screens.help import HelpScreen
from storyline.tui.screens.source import SourceScreen
from storyline.tui.widgets.chat import AnswerLineView, ChatLog, Exchange, PromptInput
from storyline.tui.widgets.event_detail import EventDetail
from storyline.tui.widgets.timeline_tree import TimelineTree
from tests.conftest import SEEDS
from tests.test_app import big_seeds, ask, loaded, until

BRIDGE = {
    "a.txt": "Bridge opens\n\nPublished: June 14, 2022\n\nThe new Kestrel Bridge opened to traffic on Monday, "
             "three years after work began in May 2019, the council said.\n",
    "b.txt": "Kestrel Bridge opens\n\nPublished: June 15, 2022\n\nThe Kestrel Bridge opened to traffic on Monday, "
             "three years after work began in May 2019, the council said. Engineers found cracks in two piers "
             "in March 2021, which delayed the opening by a year.\n",
}


def bridge(tmp_path: Path) -> str:
    for name, text in BRIDGE.items():
        (tmp_path / name).write_text(text)
    return str(tmp_path)


def screen_text(app: StorylineApp) -> str:
    return "\n".join(str(w.render()) for w in app.query(".note")) + app.query_one("#filter").placeholder


async def move_to_event(app: StorylineApp, pilot, text: str) -> None:
    tree = app.query_one(TimelineTree)
    tree.focus()
    node = next(n for n in tree._tree_nodes.values() if n.data and text in n.data.text)
    tree.move_cursor(node)
    await pilot.pause()


async def test_citations_lead_each_event_and_the_detail_pane_shows_it_whole() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await move_to_event(app, pilot, "Sunday's capture")
        tree = app.query_one(TimelineTree)
        line = tree.cursor_line
        await until(pilot, lambda: tree.render_line(line - tree.scroll_offset.y).text.lstrip(" │├└─")
                    .startswith("[1][2][3] Sunday"))
        detail = str(app.query_one(EventDetail).text)
        assert detail.startswith("Sun 27 Mar 2016 [1][2][3]\n[1] ") and "Dated by “Sunday's” in the text" in detail
        assert "3 sources" in detail and "[2] Army pressures ISIS in central Syria" in detail


async def test_number_keys_open_an_events_sources() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        await move_to_event(app, pilot, "Sunday's capture")
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen) and app.screen.article.id == 2
        await pilot.press("escape")
        await move_to_event(app, pilot, "Moscow began its air war")
        await pilot.press("2")  # one source only: said, not silent
        await pilot.pause()
        assert not isinstance(app.screen, SourceScreen)
        assert any("has 1 source" in str(n.message) for n in app._notifications)


async def test_hints_come_from_the_story_loaded(tmp_path) -> None:
    assert "ISIS" not in HELP and "Palmyra" not in HELP
    app = StorylineApp([bridge(tmp_path)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        shown = screen_text(app)
        assert "Palmyra" not in shown and "2016" not in shown
        assert "What happened on Mon 13 Jun 2022?" in shown
        assert "2021-03..2022-06" in app.query_one("#filter").placeholder


async def test_jump_to_a_date_the_filter_hides() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        app.query_one("#filter").value = "capture"
        app.filter_timeline("capture")
        app.jump_to("2015-05")
        tree = app.query_one(TimelineTree)
        # the jump waits for the rebuilt tree: on a busy machine that is more than one refresh later
        await until(pilot, lambda: tree.cursor_node is not None and "2015-05" in tree.date_nodes
                    and tree.cursor_node.id == tree.date_nodes["2015-05"])


async def test_timeline_ranges_say_what_they_show() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        await ask(app, pilot, "/timeline 2016-03-27 2015-05")
        assert "starts after it ends" in str(list(app.query(".error"))[-1].render())
        await ask(app, pilot, "/timeline 2017")
        assert "No events match 2017" in str(list(app.query(".note"))[-1].render())
        assert str(app.query_one("#count").render()) == "no events match"
        await ask(app, pilot, "/timeline 2015-05 2015-09")
        assert app.query_one("#filter").value == "2015-05..2015-09"
        total = len(app.analysis.timeline.events)
        assert str(app.query_one("#count").render()).endswith(f"of {total} events")


async def test_export_expands_home_and_cli_infers_format(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        await ask(app, pilot, "/export json ~/ab.json")
        await pilot.pause()
        assert json.loads((tmp_path / "ab.json").read_text())["events"]


async def test_header_span_covers_every_event_shown(tmp_path) -> None:
    app = StorylineApp([bridge(tmp_path)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        assert app.sub_title.endswith("Mar 2021 – Jun 2022")  # June 2022 events are publication-dated too


async def test_resizing_keeps_the_latest_answer_in_view() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        for _ in range(3):
            await ask(app, pilot, "summary")
        chat = app.query_one(ChatLog)
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: chat.region.right <= 80)  # the new layout, however long a busy machine takes
        await until(pilot, lambda: chat.scroll_y >= chat.max_scroll_y - 1)


async def test_keys_people_expect() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        # Up and Down in the prompt recall questions
        await ask(app, pilot, "When did ISIS seize Palmyra?")
        await ask(app, pilot, "summary")
        prompt = app.query_one(PromptInput)
        prompt.focus()
        await pilot.press("up")
        assert prompt.value == "summary"
        await pilot.press("up")
        assert prompt.value == "When did ISIS seize Palmyra?"
        await pilot.press("down", "down")
        assert prompt.value == ""
        # Up and Down move between answer lines
        lines = list(app.query(AnswerLineView))
        lines[-2].focus()
        await pilot.press("down")
        assert app.focused is lines[-1]
        # the filter: Escape clears, Enter goes into the tree
        filter_box = app.query_one("#filter")
        filter_box.focus()
        await pilot.press(*"2015", "escape")
        assert filter_box.value == ""
        await pilot.press(*"2015", "enter")
        assert app.query_one(TimelineTree).has_focus
        # Left and Right fold and unfold the tree
        tree = app.query_one(TimelineTree)
        tree.move_cursor(tree.root.children[0])
        await pilot.press("left")
        assert not tree.root.children[0].is_expanded
        await pilot.press("right")
        assert tree.root.children[0].is_expanded
        # the active ranking shows in the palette
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Rank with lexrank (active)" in titles
        # q quits when no text box has focus
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


async def test_a_question_typed_while_loading_is_answered_when_ready(monkeypatch) -> None:
    app = StorylineApp([str(SEEDS)])
    load = app.load
    monkeypatch.setattr(app, "load", lambda *args, **kwargs: None)  # hold the loading until the question is in
    async with app.run_test(size=(120, 35)) as pilot:
        prompt = app.query_one("#prompt")
        prompt.value = "When did ISIS seize Palmyra?"
        await pilot.press("enter")
        assert app.analysis is None and [q for q, _ in app.chat.pending] == ["When did ISIS seize Palmyra?"]
        assert "answered here as soon as it is ready" in str(list(app.query(".note"))[-1].render())
        load("lexrank")
        await loaded(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any(str(w.render()).startswith("May 2015") for w in app.query(".note"))
        # below the story's notes and summary, and in view (above them, it arrived out of sight)
        chat = app.query_one(ChatLog)
        exchange = chat.children[-1]
        assert isinstance(exchange, Exchange) and "When did ISIS seize Palmyra?" in str(exchange.query_one(".question").render())
        await until(pilot, lambda: chat.max_scroll_y > 0 and chat.scroll_y == chat.max_scroll_y)


async def test_source_viewer_copy_and_find() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        await ask(app, pilot, "/open 3")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert any("No sentence is highlighted" in str(n.message) for n in app._notifications)
        await pilot.press("slash", *"Unesco", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SourceScreen) and len(screen.stops) >= 2
        first = screen.at
        await pilot.press("n")
        assert screen.at == (first + 1) % len(screen.stops)


async def test_algorithm_switch_keeps_the_filter() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        app.query_one("#filter").value = "2015"
        shown = app.filter_timeline("2015")
        await ask(app, pilot, "/algorithm textrank")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.analysis.algorithm == "textrank"
        assert len(app.query_one(TimelineTree).events) == shown


async def test_big_stories_open_on_their_key_dates(monkeypatch) -> None:
    app = big_seeds(monkeypatch)
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        total = len(app.analysis.timeline.events)
        tree = app.query_one(TimelineTree)
        assert app.key_dates and len(tree.date_nodes) <= 5 and len(tree.events) < total
        assert str(app.query_one("#count").render()).startswith("key dates:")
        tree.focus()
        await pilot.press("a")  # the view is worked out in a thread: wait for it
        await until(pilot, lambda: len(tree.events) == total)


def test_cli_small_promises(tmp_path) -> None:
    from tests.conftest import run_cli

    assert run_cli("ask", SEEDS, "").exit_code == 2
    unquoted = run_cli("ask", SEEDS, "When", "did", "it", "happen?")
    assert unquoted.exit_code == 2 and "did you mean to quote the question?" in unquoted.stderr
    assert run_cli("dates", SEEDS).exit_code == 2
    for command in ("sources", "summarize", "timeline", "ask", "sentences", "tui"):
        lines = run_cli(command, "--help").stdout.splitlines()
        example = lines.index("  Example:")
        assert lines[example + 1].startswith("    storyline ") and all(line == line.rstrip() for line in lines)
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "It began on Monday.", "published": "2016-03-29"}\n'
                    '{"text": "It ended last May.", "published": "2016-03-25"}\n')
    documents = json.loads(run_cli("dates", feed).stdout)["documents"]
    assert [[t["value"] for t in d["timexes"]] for d in documents] == [["2016-03-28"], ["2015-05"]]
    text = run_cli("timeline", SEEDS, "--format", "text", "--dates", "3").stdout
    assert "\nSources:\n[1] " in text


async def test_a_mixed_input_opens_on_its_stories(wikinews_rows, tmp_path) -> None:
    from storyline.tui.screens.stories import StoryListScreen

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(row) for row in wikinews_rows) + "\n")
    app = StorylineApp([str(feed)])
    async with app.run_test(size=(120, 35)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StoryListScreen) and app.analysis is None
        assert 4 <= len(app.mixed.groups) <= 8
        rows = app.screen.query_one("#stories", OptionList)
        listed = [rows.get_option_at_index(k) for k in range(rows.option_count)]
        assert [o.id for o in listed if not o.disabled] == [str(g.id) for g in app.mixed.groups]
        sections = [str(o.prompt) for o in listed if o.disabled]  # developments, under their story
        assert sections and all(any(d.title in line for g in app.mixed.groups for d in g.developments)
                                for line in sections)
        await pilot.press("enter")  # the first (largest) story
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.analysis is not None
        assert len(app.analysis.sources) == len(app.mixed.groups[0].articles) < len(wikinews_rows)


async def test_one_topic_opens_on_its_timeline(wikinews_rows, tmp_path) -> None:
    """Thirty articles about one company over years are one story: no list to choose from."""
    feed = tmp_path / "apple.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in wikinews_rows if r["story"] == "apple") + "\n")
    app = StorylineApp([str(feed)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        assert app.mixed is None and app.analysis is not None and len(app.analysis.sources) == 30


async def test_one_story_does_not_ask_which() -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        assert app.mixed is None


async def test_a_commands_result_goes_under_the_command() -> None:
    """A command answers at once, before its exchange is composed: its note landed above the
    command's own line ("Exported …" over "/export …", seen by a new-user trial)."""
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(app, pilot)
        for command in ("/sources", "/nosuchcommand"):
            await ask(app, pilot, command)
            exchange = app.query_one(ChatLog).children[-1]
            assert isinstance(exchange, Exchange), command
            shown = [str(child.render()) for child in exchange.children]
            assert shown[0] == command and len(shown) > 1, shown
