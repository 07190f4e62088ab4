"""How long the app's timeline tree takes to show a big story, folded (lazy) and built whole.

`python bench/app_tree.py [N]` opens the demo in the app (headless), makes N events (default
18,000, the size of the Entities story) from the demo's by spreading them over days, and
prints the seconds `TimelineTree.show` plus one refresh take, past LAZY_OVER (at most LINES
lines made, the rest when unfolded) and with every line built: wall-clock, and the UI thread's
CPU time (on a shared machine the wall-clock grows with the load; the CPU time much less).
"""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storyline.timeline.timex import TimeSpan  # noqa: E402
from storyline.tui.app import StorylineApp  # noqa: E402
from storyline.tui.widgets import timeline_tree  # noqa: E402
from storyline.tui.widgets.timeline_tree import TimelineTree  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


async def measure(n: int) -> None:
    app = StorylineApp([str(SEEDS)])
    async with app.run_test(size=(120, 35)) as pilot:
        await asyncio.wait_for(app.shown.wait(), timeout=120)
        assert app.analysis is not None
        base = app.analysis.timeline.events
        events = []
        for i in range(n):  # eight events a day, from 2011 on
            day = date(2011, 1, 1) + timedelta(days=i // 8)
            events.append(replace(base[i % len(base)], span=TimeSpan(day, day, "day", day.isoformat())))
        tree = app.query_one(TimelineTree)
        lazy = timeline_tree.LAZY_OVER
        for name, over in (("folded", lazy), ("folded, again", lazy), ("whole", 10**9)):
            tree.show([])
            await pilot.pause()
            timeline_tree.LAZY_OVER = over
            start, cpu = time.perf_counter(), time.thread_time()
            tree.show(events)
            await pilot.pause()
            print(f"{n} events, {name}: {time.perf_counter() - start:.2f} s to show "
                  f"({1000 * (time.thread_time() - cpu):.0f} ms CPU)")
        timeline_tree.LAZY_OVER = lazy


if __name__ == "__main__":
    asyncio.run(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 18_000))
