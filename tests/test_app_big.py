"""The app on big and mixed stories (issue 25) and under hostile input (issue 26), driven by Pilot."""

from __future__ import annotations

from textual.css.query import NoMatches

from tests.conftest import SEEDS, WIKINEWS
from tests.test_app import ask, loaded, until
from storyline.tui.app import StorylineApp
from storyline.tui.screens.source import SourceScreen
from storyline.tui.screens.stories import StoryListScreen
from storyline.tui.widgets.chat import AnswerLineView
from storyline.tui.widgets.timeline_tree import TimelineTree


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
        assert app.title == app.mixed.groups[0].title  # the header names it as the list did
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


def test_a_story_has_one_name_in_every_command() -> None:
    """New-user trial: Wikinews story 2 was "Singapore Airlines to be compensated for A380 delays" in
    `stories` but "Northrop Grumman and Airbus parent EADS defeat Boeing…" in `timeline --story 2`."""
    import json

    from tests.conftest import run_cli

    listed = json.loads(run_cli("stories", WIKINEWS, "--format", "json").stdout)
    names = [story["title"] for story in listed["stories"]]
    assert len(names) == 4
    for number, name in enumerate(names, 1):
        assert run_cli("timeline", WIKINEWS, "--story", str(number)).stdout.splitlines()[0] == f"# {name}"


def test_a_crash_in_the_app_is_one_line_and_a_failure(monkeypatch, capsys) -> None:
    """Issue 26: any crash ends in one line on stderr and exit status 1, never a traceback whose
    locals quote the articles (it was a 760-line dump and exit status 0)."""
    import pytest

    from storyline.tui.cli import run_app

    def broken(*args, **kwargs):
        raise ValueError("a bug of ours\nwith a second line " + "ISIS seized Palmyra " * 200)

    monkeypatch.setattr("storyline.tui.app.span_label", broken)  # called as the story is shown
    with pytest.raises(SystemExit) as exit:
        run_app(StorylineApp([str(SEEDS)]), headless=True)
    assert exit.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and len(err) < 300
    assert err.startswith("storyline: internal error: ValueError: a bug of ours with a second line")


async def test_two_enters_in_one_read_in_the_palette(tmp_path, monkeypatch) -> None:
    """Issue 26: Ctrl+P then two Enters in one read ran a command, then popped a screen that was gone."""
    from textual import events

    monkeypatch.chdir(tmp_path)
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: app.screen.id == "--command-palette")
        for _ in range(2):  # posted together: the second arrives before the palette has gone
            app.post_message(events.Key("enter", "\r"))
        await until(pilot, lambda: app.screen.id != "--command-palette")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        await pilot.press("f3")
        assert app.query_one("#timeline").has_focus


async def test_a_huge_paste_with_escapes_is_capped_and_cleaned() -> None:
    """Issue 26: 100 KB with ESC bytes pasted into the prompt froze the app for minutes."""
    from textual import events

    from storyline.tui.widgets.chat import MAX_PROMPT, PromptInput

    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        prompt = app.query_one(PromptInput)
        prompt.focus()
        prompt.post_message(events.Paste("\x1b[31mred\x1b[0m \x07" + "x" * 100_000))
        await until(pilot, lambda: bool(prompt.value))
        assert len(prompt.value) == MAX_PROMPT and prompt.value.startswith(" [31mred [0m  x")
        assert not any(ord(c) < 32 for c in prompt.value)
        await pilot.press("y")  # a key past the cap changes nothing
        assert len(prompt.value) == MAX_PROMPT


async def test_ctrl_c_says_how_to_quit_in_words() -> None:
    """Issue 26: the hint showed raw markup, "Press [b]ctrl+q[/b] to quit"."""
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        app.query_one("#timeline").focus()
        await pilot.press("ctrl+c")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("Ctrl+Q to quit" in m for m in messages) and not any("[b]" in m for m in messages)


def exchanges(app: StorylineApp) -> list[tuple[str, list[str]]]:
    """Each question in the chat, in order, with the notes shown under it."""
    from storyline.tui.widgets.chat import Exchange

    return [(str(e.query_one(".question").render()), [str(n.render()) for n in e.query(".note")])
            for e in app.query(Exchange)]


async def test_each_answer_lands_under_its_own_question(monkeypatch) -> None:
    """Issue 25.3: questions asked while loading, and several sent in one burst, are each answered
    under their own question in the order asked (answers came apart, in another order)."""
    from textual import events
    from textual.keys import _character_to_key

    app = StorylineApp([str(SEEDS)])
    load = app.load
    monkeypatch.setattr(app, "load", lambda *args, **kwargs: None)  # hold the loading until the questions are in
    async with app.run_test(size=(120, 35)) as pilot:
        await ask(app, pilot, "When did ISIS seize Palmyra?")
        await ask(app, pilot, "What happened on March 27?")
        load("lexrank")
        await loaded(app, pilot)
        prompt = app.query_one("#prompt")
        prompt.focus()
        burst = [*"Who recaptured Palmyra?", "\r", *"summary", "\r"]  # typed in one read
        for key in burst:
            app.post_message(events.Key("enter" if key == "\r" else _character_to_key(key), key))
        # each answer's notes arrive one message after another: wait until every one asserted is there
        def settled() -> bool:
            try:
                shown = exchanges(app)
            except NoMatches:  # an exchange mounted, its question not yet
                return False
            return (len(shown) == 4 and all(notes for _, notes in shown)
                    and any(n.startswith("May 2015") for n in shown[0][1])
                    and any("27 Mar 2016" in n for n in shown[1][1])
                    and shown[2][1][0].endswith("claims from the sources:")
                    and shown[3][1][0].startswith("Summary in"))

        await until(pilot, settled)
        await app.workers.wait_for_complete()
        shown = exchanges(app)
        assert [q for q, _ in shown] == ["When did ISIS seize Palmyra?", "What happened on March 27?",
                                         "Who recaptured Palmyra?", "summary"]
        assert not any("May 2015" in n for n in shown[1][1])
        assert shown[2][1][0].endswith("claims from the sources:") and shown[3][1][0].startswith("Summary in")


FIGURES = [10, 10, 12, 15, 20, 20, 25, 30, 40, 55, 60, 80]


def flood(story_file) -> str:
    """Twelve reports of one flood, each with its own toll: one event of twelve sources and eight figures."""
    return str(story_file({f"{i:02}.txt": f"Flood report {i}\n\nPublished: March 3, 2021\n\nThe flood on Monday killed "
                           f"{n} people in the Arno valley, regional officials said on Tuesday.\n"
                           for i, n in enumerate(FIGURES, 1)}))


def tree_labels(app: StorylineApp) -> list[str]:
    from storyline.tui.widgets.timeline_tree import TimelineTree

    tree = app.query_one(TimelineTree)
    return [str(node.label) for node in tree._tree_nodes.values() if node.data is not None]


async def test_citation_walls_become_a_few_and_a_count(story_file) -> None:
    """Issue 25.4: a row or line shows three citations and "+N", the figures note one short phrase;
    the detail pane lists every source."""
    from storyline.tui.widgets.event_detail import EventDetail
    from storyline.tui.widgets.timeline_tree import TimelineTree

    app = StorylineApp([flood(story_file)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        row = next(label for label in tree_labels(app) if "flood" in label)
        assert row.startswith("[1][2][3] +9 ") and "[4]" not in row
        assert "figures differ: " in row and "12 sources)" in row and len(row) < 160
        lines = await ask(app, pilot, "How many people did the flood kill?")
        shown = str(lines[0].render())
        assert "[1][2][3] +9" in shown and "[12]" not in shown
        tree = app.query_one(TimelineTree)
        tree.focus()
        tree.move_cursor(next(n for n in tree._tree_nodes.values() if n.data and "flood" in n.data.text))
        await pilot.pause()
        detail = str(app.query_one(EventDetail).text)
        assert all(f"\n[{i}] The flood on Monday killed {n} people" in detail for i, n in enumerate(FIGURES, 1))
        assert "(figures differ: 10 [1][2]; 12 [3];" in detail


def visible_detail(app: StorylineApp) -> str:
    """The lines of the detail pane on screen now (not those scrolled out of its view)."""
    pane = app.query_one("#detail")
    body = app.query_one("#detail-text")
    top = int(pane.scroll_y)
    return "\n".join(body.render_line(y).text for y in range(top, top + pane.scrollable_content_region.height))


async def test_detail_pane_follows_the_tree_and_scrolls(story_file) -> None:
    """Issue 25.6: after /timeline or a filter the pane no longer shows an event that is gone; at
    80×24 the highlighted event's citations and first source are on screen; keys scroll the pane."""
    from storyline.tui.widgets.event_detail import EventDetail
    from tests.test_app_keys import move_to_event

    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await move_to_event(app, pilot, "Sunday's capture")
        detail = app.query_one(EventDetail)
        # the pane is laid out on a later refresh when the machine is busy: wait for it, not a pause
        await until(pilot, lambda: detail.max_scroll_y > 0 and "Sun 27 Mar 2016 [1][2][3]" in visible_detail(app))
        event = app.query_one(TimelineTree).event
        assert event is not None and app.analysis is not None
        first = event.sources[0]  # its first source's line begins on screen: the number and the title's start
        assert f"[{first}] {app.analysis.article(first).title[:12]}" in visible_detail(app)
        detail.focus()
        await pilot.press("down", "down")
        await until(pilot, lambda: detail.scroll_y == 2)
        await ask(app, pilot, "/timeline 2015-05")
        assert "Sunday's capture" not in str(detail.text)
        app.set_filter("capture")
        app.filter_timeline("capture")
        await pilot.pause()
        assert "May 2015" not in str(detail.text)


PLANT = {"a.txt": "Plant results\n\nPublished: March 3, 2016\n\nSales at the Kestrel plant fell 4 percent in the "
                  "fourth quarter of 2015, the company said.\n\nThe plant was closed for repairs from September 30 "
                  "to December 31, 2015, the company said.\n\nThe new line opened in February 2016.\n"}


async def test_a_range_keeps_the_quarters_and_spans_that_overlap_it(story_file) -> None:
    """Issue 25.7: "2015-10..2015-12" said "no events match" beside Q4 2015 and 30 Sep – 31 Dec 2015."""
    app = StorylineApp([str(story_file(PLANT))])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        await ask(app, pilot, "/timeline 2015-10 2015-12")
        texts = [e.text for e in app.query_one("#timeline").events]
        assert any("fourth quarter" in t for t in texts) and any("closed for repairs" in t for t in texts)
        assert not any("February 2016" in t for t in texts)
        assert app.filter_timeline("2015-12-31..") == 3 and app.filter_timeline("..2015-09-29") == 0
        assert app.filter_timeline("..2015-09-30") == 1
        assert app.filter_timeline("2016-01..2016-03") == 1


def council(story_file) -> str:
    """Thirty articles of a 2011–2012 story, four dates each, and one sentence naming the year 1850."""
    files = {}
    for i in range(1, 31):
        year, month = 2011 + i % 2, 1 + i % 12
        files[f"{i:02}.txt"] = (
            f"Council report {i}\n\nPublished: {month}/20/{year}\n\n"
            + " ".join(f"The council of district {i} met on {m}/{d}/{year} to discuss plan {i * 10 + d}."
                       for m, d in ((month, 3), (month, 9), (month, 14), (month, 17)))
            + (" The old bridge of the district was built in 1850." if i == 7 else "") + "\n")
    return str(story_file(files))


async def test_spans_come_from_where_the_coverage_is_and_the_header_fits(story_file) -> None:
    """Issue 25.9: one sentence naming 1100 made the header "Jan 1100 – Dec 2019" and the filter hint
    1100-01..; at 80 columns the header cut the counts and span."""
    from textual.widgets._header import HeaderTitle

    app = StorylineApp([council(story_file)])
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        assert any(e.span.value == "1850" for e in app.analysis.timeline.events)
        assert app.sub_title.endswith(" · Jan 2011 – Dec 2012")
        assert "1850" not in app.query_one("#filter").placeholder
        header = app.query_one(HeaderTitle)
        await until(pilot, lambda: app.sub_title in header.render_line(0).text)  # drawn on a later refresh


async def test_a_sparkline_of_the_coverage_under_the_count(story_file) -> None:
    """Issue 25.11: articles per day (or few days) under the count line, its gaps and peaks at a
    glance; a filter lights the bars of its days (a date or range its own days, words the days of
    the events it keeps), the others dimmed."""
    from storyline.tui.widgets.coverage_line import CoverageLine

    app = StorylineApp([council(story_file)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        line = app.query_one(CoverageLine)
        await until(pilot, lambda: line.content_region.width / 2 < len(line.bars) <= line.content_region.width)
        await until(pilot, lambda: line.region.y == app.query_one("#count").region.y + 1)
        bars = line.bars.plain
        assert line.display and " " in bars.strip() and "█" in bars  # gaps and a peak

        def lit() -> list[int]:  # the bars drawn in the marked style
            marked = line.get_component_rich_style("coverage--marked")
            return [span.start for span in line.bars.spans if span.style == marked and line.bars.plain[span.start] != " "]

        everything = lit()
        assert len(everything) == len(bars.replace(" ", ""))  # no filter: every bar plain
        app.set_filter("2011-01..2011-06")
        app.filter_timeline("2011-01..2011-06")
        await pilot.pause()
        first_half = lit()
        assert first_half and max(first_half) < len(bars) // 2 < max(everything)
        app.set_filter("2012")
        app.filter_timeline("2012")
        await pilot.pause()
        assert lit() and min(lit()) > max(first_half)


async def test_the_smaller_promises(story_file) -> None:
    """Issue 25.10: /stories on one story, "in 2011" hints, /open 99 in the chat, help's title and
    close hint at 80×24, the find box closing on Enter with a count."""
    from storyline.tui.screens.help import KEYS, HelpScreen

    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        notes = lambda: [str(w.render()) for w in app.query(".note")]  # noqa: E731
        # each fact is waited for: on a busy machine it arrives some refreshes after its key
        await ask(app, pilot, "/stories")
        await until(pilot, lambda: notes()[-1:] == ["This input holds one story: there is no other to open."])
        await ask(app, pilot, "/open 99")
        await until(pilot, lambda: "There is no source [99]: this story has 5 sources" in notes()[-1])
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen) and bool(app.screen.query("VerticalScroll")))
        pane = app.screen.query_one("VerticalScroll")
        await until(pilot, lambda: pane.has_focus)
        assert "Esc closes" in str(pane.border_subtitle) and pane.border_title
        assert any(key == "/stories" for _, rows in KEYS for key, _ in rows)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen))
        await ask(app, pilot, "/open 3")
        await until(pilot, lambda: isinstance(app.screen, SourceScreen))
        await pilot.press("slash", *"Unesco", "enter")
        await until(pilot, lambda: not app.screen.query_one("#find").display
                    and any("found in" in str(n.message) for n in app._notifications))
    app = StorylineApp([str(story_file({f"{i}.txt": f"Plant {i}\n\nPublished: March {i}, 2016\n\nThe Kestrel plant "
                                                 "closed in 2011, the union said on Monday.\n" for i in (3, 4)}))])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        hints = lambda: "\n".join(str(w.render()) for w in app.query(".note"))  # noqa: E731
        await until(pilot, lambda: "Try “What happened in 2011?”" in hints())


async def test_the_story_list_keeps_its_heading_in_view() -> None:
    """Issue 25.5 (in part): the list's heading scrolled away under 29 stories."""
    app = StorylineApp([str(WIKINEWS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, StoryListScreen))
        await pilot.pause()
        head = app.screen.query_one("#stories-head")
        await pilot.press(*["down"] * 40)
        await until(pilot, lambda: head.region.y == 0 and head.region.height >= 1
                    and "stories: Enter opens one" in head.render_line(0).text)


async def test_a_big_tree_folds_and_makes_its_lines_when_unfolded(monkeypatch) -> None:
    """Issue 25.2: past LAZY_OVER events the months start folded and event lines are made on
    unfolding (18,307 lines took 4.5 s to build); nothing is lost: counts, jumps and exports see all."""
    from storyline.tui.widgets.timeline_tree import TimelineTree

    monkeypatch.setattr("storyline.tui.widgets.timeline_tree.LAZY_OVER", 5)
    monkeypatch.setattr("storyline.tui.widgets.timeline_tree.LINES", 4)
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        tree = app.query_one(TimelineTree)
        total = len(app.analysis.timeline.events)
        leaves = lambda: [n for n in tree._tree_nodes.values() if n.data is not None]  # noqa: E731
        assert len(tree.events) == total and len(leaves()) < total
        assert str(app.query_one("#count").render()).startswith(f"{total} of {total} events")
        tree.focus()
        app.jump_to("2016-03-27")
        await pilot.pause()
        await until(pilot, lambda: tree.cursor_node is not None and tree.cursor_node.id == tree.date_nodes["2016-03-27"])
        await pilot.press("down")
        assert tree.event is not None and tree.event.span.value == "2016-03-27"
        while tree.pending:  # unfolding makes folded groups inside: unfold those too
            for node in list(tree._tree_nodes.values()):
                node.expand_all()
            await pilot.pause()
        assert len(leaves()) == total
        app.query_one("#prompt").focus()
        await pilot.press(*"hello")  # keys after a rebuild all arrive
        app.action_toggle_key_dates()
        await pilot.press(*" world")
        assert app.query_one("#prompt").value == "hello world"


def made(tree) -> list:
    """Every node now under the tree's root (Tree._tree_nodes keeps nodes of earlier trees)."""
    found, todo = [], list(tree.root.children)
    while todo:
        node = todo.pop()
        found.append(node)
        todo.extend(node.children)
    return found


def spread(events, n: int, per_day: int = 8) -> list:
    """n events made from `events`, `per_day` of them a day from 1 Jan 2011 on (a big story's tree)."""
    from dataclasses import replace
    from datetime import date, timedelta

    from storyline.timeline.timex import TimeSpan

    days = [date(2011, 1, 1) + timedelta(days=i // per_day) for i in range(n)]
    return [replace(events[i % len(events)], span=TimeSpan(d, d, "day", d.isoformat())) for i, d in enumerate(days)]


async def test_a_huge_tree_makes_a_screenful_of_lines_until_unfolded() -> None:
    """Issue 25.2: a tree of 2,920 events over a year makes at most LINES lines (the year, its
    months, the first months' dates), each folded group saying how many events it holds; a month's
    lines are made as it unfolds, by Enter or a jump, before the tree redraws. It made every date
    first (18,000 events stalled 0.6 s; a real 18,400-event story 2 s)."""
    from storyline.tui.widgets.timeline_tree import LINES, TimelineTree

    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        tree = app.query_one(TimelineTree)
        events = spread(app.analysis.timeline.events, 2920)
        assert tree.show(events) == 2920
        await pilot.pause()
        assert len(made(tree)) <= LINES + 1
        december = next(n for n in made(tree) if str(n.label).startswith("December 2011"))
        assert str(december.label) == "December 2011 · 248" and not december.children
        assert str(made(tree)[-1].label) != ""  # and the first months are open, their dates shown
        assert any(str(n.label) == "Sat 1 Jan 2011 · 8" for n in made(tree))
        tree.focus()
        tree.move_cursor(december)
        await pilot.press("enter")  # unfolds it: its 31 dates are made there and then
        assert december.is_expanded and len(december.children) == 31
        await pilot.pause()
        await pilot.press("down", "down")
        assert tree.event is not None and tree.event.span.value == "2011-12-01"
        assert tree.jump_to("2011-09-15")
        await until(pilot, lambda: tree.cursor_node is not None and tree.cursor_node.id == tree.date_nodes["2011-09-15"])
        while tree.pending:
            for node in made(tree):
                node.expand_all()
            await pilot.pause()
        assert sum(n.data is not None for n in made(tree)) == 2920  # none lost


async def test_progress_tells_each_stage_as_it_starts() -> None:
    """Issue 25.8: the progress bar and header follow the real stages (each file read, grouping,
    claims and ranking, dates, the timeline), in order; it stood at one step for the whole analysis."""
    from storyline.tui.app import StorylineApp as App

    seen: list[tuple[float, str]] = []

    def hook(message) -> None:
        if isinstance(message, App.Progress):
            seen.append((message.step, message.text))

    app = App([str(SEEDS)], algorithm="textrank")
    async with app.run_test(size=(120, 35), message_hook=hook) as pilot:
        await loaded(app, pilot)
    texts = [text for _, text in seen]
    assert texts[:5] == [f"reading {n} of 5 files" for n in range(1, 6)]
    assert texts[5:] == ["grouping the articles into stories", "finding claims and ranking them (textrank)", "dating undated articles",
                         "tagging dates and placing claims in time", "summarising", "showing"]
    steps = [step for step, _ in seen]
    assert steps == sorted(steps) and steps[0] > 0


def screen_text(app: StorylineApp) -> str:
    """What the terminal shows now, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def steady(pilot, state) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until `state()` is the same after a refresh as before it (layout settled)."""
    before = None
    for _ in range(200):
        if (now := state()) == before:
            return
        before = now
        await pilot.pause()
    raise AssertionError("the layout did not settle")


async def test_one_click_selects_an_event_and_a_second_opens_its_source() -> None:
    """Issue 25.10: one click on an event shows it in the detail pane (it opened its source at once);
    a second click on it, like Enter, opens the source."""
    from storyline.tui.widgets.timeline_tree import TimelineTree

    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        tree = app.query_one(TimelineTree)
        node = next(n for n in tree._tree_nodes.values() if n.data and "Sunday's capture" in n.data.text)
        tree.scroll_to_node(node, animate=False)
        await pilot.pause()
        offset = (30, node.line - int(tree.scroll_y))
        await pilot.click(TimelineTree, offset=offset)
        await until(pilot, lambda: "Sunday's capture" in str(app.query_one("#detail").text))
        assert not isinstance(app.screen, SourceScreen) and tree.cursor_node is node
        await steady(pilot, lambda: (tree.region, tree.scroll_y))  # the detail pane grew: the tree scrolls after
        offset = (30, node.line - int(tree.scroll_y))
        await pilot.click(TimelineTree, offset=offset)
        await until(pilot, lambda: isinstance(app.screen, SourceScreen))
        assert app.screen.article == app.analysis.article(node.data.sources[0])


async def test_panes_are_titled_and_the_focused_one_stands_out_and_q_can_quit() -> None:
    """Issue 25.10: the panes have titles and borders, the focused one in the accent colour; the
    prompt has focus at start and its border says so (q types there), Escape goes to the timeline,
    where q quits; "q" sent alone from the prompt quits too."""
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        timeline, chat = app.query_one("#timeline-pane"), app.query_one("#chat-pane")
        assert (timeline.border_title, chat.border_title) == ("Timeline · F3", "Chat · F2")
        assert app.query_one("#prompt").has_focus and "typing goes here" in chat.border_subtitle
        await until(pilot, lambda: "typing goes here · Esc: timeline" in screen_text(app))
        lit = chat.styles.border_top[1]
        assert timeline.styles.border_top[1] != lit
        await pilot.press("q")
        assert app.query_one("#prompt").value == "q" and app.is_running
        await pilot.press("backspace", "escape")
        assert app.query_one("#timeline").has_focus and chat.border_subtitle == ""
        await until(pilot, lambda: timeline.styles.border_top[1] == lit and chat.styles.border_top[1] != lit)
        await pilot.press("q")
        await until(pilot, lambda: not app.is_running)
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q", "enter")
        await until(pilot, lambda: not app.is_running)


async def test_at_80x24_the_highlighted_event_shows_its_citations_and_first_source() -> None:
    """Issue 25 (done when): at 80×24 the highlighted event's citations, in the tree and in the
    detail pane, and its first source's line are on the screen."""
    from storyline.timeline.output.cite import source_line
    from tests.test_app_keys import move_to_event

    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(app, pilot)
        await move_to_event(app, pilot, "Sunday's capture")
        await until(pilot, lambda: "[1][2][3] Sunday" in screen_text(app))  # the tree's line, kept in view
        shown = screen_text(app)
        assert "Sun 27 Mar 2016 [1][2][3]" in shown  # the detail pane's head
        first = source_line(app.analysis.article(1)).split()
        assert "[1] " + " ".join(first[:3]) in shown  # the first source, at the start of its line
