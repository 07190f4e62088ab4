"""Issue 25: what the UI thread no longer does on a big story. Filtering and grouping the events
for the tree run in a thread (the UI keeps taking keys meanwhile, and only the view asked for
last is shown); the loading process's answer arrives in pieces. No timings here: bench/app_latency.py
measures them. The thread's work is held on an Event, so each test can act while it is pending."""

from __future__ import annotations

import gc
import threading

from hypothesis import given, settings, strategies as st

from tests.conftest import SEEDS
from tests.test_app import big_seeds, loaded, until
from storyline.timeline.events.build import filter_events
from storyline.tui import loading, timeline_pane
from storyline.tui.app import StorylineApp
from storyline.tui.widgets.timeline_tree import TimelineTree

HOLD = 30  # seconds a held thread waits at most: a UI blocked on it then fails instead of hanging


def held(monkeypatch, name: str, when) -> threading.Event:  # type: ignore[no-untyped-def]
    """Make timeline_pane's `name` wait, in whatever thread calls it with arguments `when` accepts,
    until the returned Event is set."""
    release, real = threading.Event(), getattr(timeline_pane, name)

    def waiting(*args):  # type: ignore[no-untyped-def]
        if when(*args):
            assert threading.current_thread() is not threading.main_thread(), "worked out on the UI thread"
            release.wait(HOLD)
        return real(*args)

    monkeypatch.setattr(timeline_pane, name, waiting)
    return release


async def test_the_filter_works_in_a_thread_and_only_the_last_query_is_shown(monkeypatch) -> None:
    """A filter whose view is slow to work out neither stops keys nor, when it comes late,
    replaces the newer query's view (before, it ran on the UI thread: 0.3 s on 18,000 events)."""
    release = held(monkeypatch, "filter_shown", lambda events, query, *rest: query == "capture")
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        tree, box = app.query_one(TimelineTree), app.query_one("#filter")
        box.focus()
        await pilot.press(*"capture")  # its view is held in the thread
        await until(pilot, lambda: app.pane.filtered == "capture")
        await pilot.press(*["backspace"] * 7, *"2015")  # keys still arrive, and a newer query goes ahead
        await until(pilot, lambda: bool(tree.date_nodes) and all(v.startswith("2015") for v in tree.date_nodes))
        assert box.value == "2015"
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert all(v.startswith("2015") for v in tree.date_nodes) and app.pane.filtered == "2015"
        assert str(app.query_one("#count").render()).startswith(f"{len(tree.events)} of ")


async def test_a_groups_every_event_in_a_thread_while_keys_arrive(monkeypatch) -> None:
    """`a` on a big story: the calendar of every event is made in a thread; keys typed meanwhile
    arrive at once (before, the UI thread made it: 0.1-0.2 s on 18,000 events, keys waiting)."""
    app = big_seeds(monkeypatch)
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        total = len(app.analysis.timeline.events)
        release = held(monkeypatch, "calendar", lambda events: len(events) == total)
        tree = app.query_one(TimelineTree)
        tree.focus()
        await pilot.press("a")
        app.query_one("#prompt").focus()
        await pilot.press(*"hello")
        assert app.query_one("#prompt").value == "hello" and len(tree.events) < total  # still being made
        release.set()
        await until(pilot, lambda: len(tree.events) == total)
        assert str(app.query_one("#count").render()).startswith(f"{total} of {total} events · a: key dates")


def test_the_loading_answer_comes_in_pieces_and_whole(monkeypatch) -> None:
    """What the loading process sends is unpickled a piece at a time (one pickle of 18,000 events
    held the GIL 0.5 s): the story comes back whole, its events the very objects the key dates
    and summary refer to, and the garbage collector is on again after."""
    monkeypatch.setattr(loading, "PIECE", 7)  # the seeds' sentences, claims and events in many pieces
    ready = loading.unpacked(loading.load([str(SEEDS)], None, "lexrank", None, None, False, (5, 2, 20)))
    events = ready.result.timeline.events
    assert ready.key_events and all(any(k is e for e in events) for k in ready.key_events)
    assert ready.big and ready.title and ready.span and "Try" in ready.hints
    again = loading.unpacked(loading.packed(ready))
    assert again.result.timeline.events == events and again.key_events == ready.key_events
    assert len(loading.packed(ready)) < 2 * len(__import__("pickle").dumps(ready))  # the pieces are not copies
    assert gc.isenabled()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="aeinorstPSMC 2015-", max_size=8))
def test_a_word_filter_keeps_what_the_library_filter_keeps(seed_story, query: str) -> None:
    """The pane searches each event's text lowered once; it keeps exactly what filter_events keeps."""
    from storyline.tui.coverage import filter_shown

    events = seed_timeline_events(seed_story)
    lowered = [e.text.lower() for e in events]
    if ".." not in query:
        assert filter_shown(events, query, lowered) == filter_events(events, query)


_timelines: dict[int, tuple] = {}


def seed_timeline_events(story) -> tuple:  # type: ignore[no-untyped-def]
    if id(story) not in _timelines:
        from storyline.timeline.analysis import analyse

        _timelines[id(story)] = tuple(analyse(story).timeline.events)
    return _timelines[id(story)]


async def test_keys_typed_right_after_f2_or_f4_arrive_where_it_sent_them() -> None:
    """Issue 25.2's "F2 hello vanished": keys read together with F2 went to the widget that had
    focus before it (the tree, which dropped them), since F2 reached the app only through it."""
    from textual import events
    from textual.keys import _character_to_key

    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        app.query_one(TimelineTree).focus()
        await pilot.pause()
        for key, box in (("f2", "#prompt"), ("f4", "#filter")):
            for sent in (key, *"hello"):  # one read: F2 and the letters typed after it
                app.post_message(events.Key(sent if sent == key else _character_to_key(sent), None if sent == key else sent))
            await until(pilot, lambda box=box: app.query_one(box).value == "hello")
            app.query_one(TimelineTree).focus()
            await pilot.pause()


async def test_a_key_typed_right_after_escape_leaves_the_prompt_with_it() -> None:
    """"Escape q" in one read: q went into the prompt (the prompt left for the tree only once it
    handled Escape, after the app had sent it the q too); it is the app's quit key there."""
    import asyncio

    from textual import events

    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await loaded(app, pilot)
        quitting = asyncio.Event()
        app.exit = lambda *args, **kwargs: quitting.set()  # type: ignore[method-assign]  # keep it running to look
        prompt = app.query_one("#prompt")
        prompt.focus()
        await pilot.pause()
        for key in ("escape", "q"):  # one read
            app.post_message(events.Key(key, None if key == "escape" else key))
        await asyncio.wait_for(quitting.wait(), timeout=60)
        assert prompt.value == "" and app.query_one(TimelineTree).has_focus
