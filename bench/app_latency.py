"""How the app feels on a big story: first paint, load to ready, event-loop stalls, key latency.

`python bench/app_latency.py [PATH]` opens PATH (default: the demo) in the app, headless at
150×45, and prints one JSON line; `python bench/run.py --app-story PATH` prints it in words.
For a story of 15,000 events or more, use an Entities topic made by bench/entities.py (e.g.
Hamid_Karzai.jsonl: 683 articles, 18,400 events); the bench corpus's copies merge into few events.

- first paint: until the app's first frame; ready: until the story is on screen.
- stalls: a 10 ms interval timer runs in the app's event loop; the longest gap between its ticks
  bounds how long any key waits (with the UI thread's CPU time in that gap: the rest of it was
  spent waiting for a CPU that other programs held). Measured while loading, and while `a` switches between the key
  dates and every event (three times each way).
- key to screen: from a key's arrival until the first frame drawn after the app has handled it,
  for ↓ in the tree (20 presses) and for a letter typed in the filter box (its echo); and until
  the filtered tree is drawn (FILTER_DELAY, the pause the app waits for typing to end, included).

Times are wall-clock: on a shared machine they grow with its load, which is printed alongside.
The busiest gap's CPU time (the UI thread's, and all the app's threads', which share the GIL)
grows much less with it: on a busy machine, compare those.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent


def measure(path: str) -> dict[str, float]:
    from storyline.tui.app import StorylineApp

    class Probe(StorylineApp):
        CSS_PATH = str(ROOT / "tui" / "storyline.tcss")

        def on_mount(self) -> None:  # besides the app's own: Textual calls each class's handler (a super() call ran it twice)
            self.phase, self.last, self.last_cpu = "loading", time.perf_counter(), time.thread_time()
            self.last_process = time.process_time()
            self.gaps: dict[str, list[tuple[float, float, float]]] = {}
            self.frames: list[float] = []
            self.set_interval(0.01, self.tick)

        def tick(self) -> None:  # each gap: (wall, this thread's CPU time, all the app's threads') since the last tick
            now, cpu, process = time.perf_counter(), time.thread_time(), time.process_time()
            self.gaps.setdefault(self.phase, []).append((now - self.last, cpu - self.last_cpu, process - self.last_process))
            self.last, self.last_cpu, self.last_process = now, cpu, process

        def _display(self, screen, renderable) -> None:  # type: ignore[no-untyped-def]
            if renderable is not None:
                self.frames.append(time.perf_counter())
            super()._display(screen, renderable)

    return asyncio.run(_drive(Probe([path])))


async def _drive(app) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from textual.widgets import Input

    from storyline.tui.widgets.timeline_tree import TimelineTree

    start = time.perf_counter()
    figures: dict[str, float] = {}
    async with app.run_test(size=(150, 45)) as pilot:
        while not app.frames:
            await asyncio.sleep(0.001)
        figures["first_paint_s"] = app.frames[0] - start
        while not app.shown.is_set() and app.sub_title != "nothing to show":
            await asyncio.sleep(0.01)
        figures["ready_s"] = time.perf_counter() - start
        await pilot.pause()
        _stall(figures, "loading", app.gaps.get("loading", [])[3:])  # the first ticks time the first frame
        if app.analysis is None:
            return figures
        tree = app.query_one(TimelineTree)
        figures["events"] = len(app.analysis.timeline.events)
        tree.focus()
        app.phase = "toggle"
        for _ in range(6):
            shown = len(tree.events)
            await pilot.press("a")
            await _until(pilot, lambda: len(tree.events) != shown)
            await pilot.pause(0.3)
        _stall(figures, "toggle", app.gaps["toggle"][1:])
        figures["all_shown"] = len(tree.events)
        app.phase = "keys"
        moved: list[float] = []
        app.watch(tree, "cursor_line", lambda _: moved.append(time.perf_counter()), init=False)
        tree.cursor_line = 0
        downs = [await _key_to_frame(app, pilot, "down", moved) for _ in range(20)]
        figures["down_median_ms"], figures["down_max_ms"] = statistics.median(downs), max(downs)
        box = app.query_one("#filter", Input)
        typed: list[float] = []
        app.watch(box, "value", lambda _: typed.append(time.perf_counter()), init=False)
        box.focus()
        await pilot.pause()
        word = _common_word(app.analysis.timeline.events)
        echoes, filtered = [], []
        for letter in word:
            before = tree.events
            echoes.append(await _key_to_frame(app, pilot, letter, typed))
            sent = time.perf_counter()
            await _until(pilot, lambda: tree.events is not before)
            frame = len(app.frames)
            await _until(pilot, lambda: len(app.frames) > frame)
            filtered.append(1000 * (app.frames[frame] - sent) + echoes[-1])
        figures["filter_echo_max_ms"], figures["filter_shown_max_ms"] = max(echoes), max(filtered)
        figures["filter_word"] = word  # type: ignore[assignment]
        _stall(figures, "keys", app.gaps["keys"][1:])
        figures["load_average"] = os.getloadavg()[0]
    return figures


def _stall(figures: dict[str, float], phase: str, gaps: list[tuple[float, float, float]]) -> None:
    """The longest gap between ticks (ms), and how much of it the UI thread spent computing: on a
    loaded machine the rest is waiting for a CPU. Also the most CPU time any one gap took, the UI
    thread's and all the app's threads' (they share the GIL): what the longest stall would be on an
    idle machine, which a busy one's wall times hide."""
    wall, cpu, _ = max(gaps, default=(0.0, 0.0, 0.0))
    figures[f"{phase}_stall_ms"], figures[f"{phase}_stall_cpu_ms"] = 1000 * wall, 1000 * cpu
    figures[f"{phase}_busiest_ui_cpu_ms"] = 1000 * max((g[1] for g in gaps), default=0.0)
    figures[f"{phase}_busiest_cpu_ms"] = 1000 * max((g[2] for g in gaps), default=0.0)


async def _key_to_frame(app, pilot, key: str, changes: list[float]) -> float:  # type: ignore[no-untyped-def]
    """Milliseconds from the key's arrival until the first frame drawn after what it changes has
    changed (`changes` gets the time of each change, from a watcher)."""
    start, seen = time.perf_counter(), len(changes)
    await pilot.press(key)
    await _until(pilot, lambda: len(changes) > seen)
    await _until(pilot, lambda: app.frames[-1] >= changes[seen])
    return 1000 * (next(f for f in app.frames if f >= changes[seen]) - start)


async def _until(pilot, condition: Callable[[], bool], timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there")
        await asyncio.sleep(0.001)


def _common_word(events) -> str:  # type: ignore[no-untyped-def]
    """A word of five or more letters found in many events, typed letter by letter into the filter."""
    from collections import Counter

    words = Counter(w for e in events[:2000] for w in set(e.text.lower().split()) if len(w) >= 5 and w.isalpha())
    return words.most_common(1)[0][0] if words else "the"


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "seeds"))))
