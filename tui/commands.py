"""The chat's slash commands, the exports and the command palette's entries, for StorylineApp."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from textual.app import SystemCommand

from storyline.summarize.errors import StorylineError
from storyline.summarize.rank.rankers import RANKERS
from storyline.summarize.untrusted import shown_path
from storyline.timeline.analysis import Analysis
from storyline.timeline.answers.ask import Answer
from storyline.timeline.output.cite import source_line
from storyline.timeline.output.render import label
from storyline.timeline.output.write import write_atomic
from storyline.timeline.timex import TimeSpan

from storyline.tui.files import check_target
from storyline.tui.screens.confirm import ConfirmScreen
from storyline.tui.widgets.chat import ChatLog
from storyline.tui.widgets.timeline_tree import TimelineTree
from storyline.tui.words import count

if TYPE_CHECKING:
    from storyline.tui.app import StorylineApp

DATE_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
HELP = """Ask the story when, what, who or how many (“What happened on …?”, “When did …?”), or “summary”.
Commands: /timeline [from] [to] · /summary [N] · /sources · /open N · /export md|json|html PATH · /algorithm NAME · /stories · /clear · /help · /quit
Keys: F1 or ? lists every key · Enter on an event or answer opens its source · c copies · Ctrl+P command palette"""


class Out(Protocol):
    """Where a command's notes go: the exchange its line opened (or the chat)."""

    def add_note(self, note: str, error: bool = False) -> None: ...

    def add_answer(self, answer: Answer, analysis: Analysis | None = None) -> None: ...


def literal(text: str) -> str:
    """Text for a place that reads Textual markup (the command palette): every "[" escaped, so
    "A[/]B.txt" or "[link=…]" from a file name shows as written instead of crashing the app."""
    return text.replace("[", "\\[")


def run_command(app: StorylineApp, line: str, out: Out) -> None:
    """The slash commands of the chat; what they say goes to `out`."""
    name, *args = line[1:].split() or [""]
    analysis = app.analysis
    if name in ("help", "h", "?"):
        out.add_note(HELP)
    elif name == "clear":
        app.query_one(ChatLog).clear_messages()
    elif name == "stories":
        app.show_stories(out)
    elif analysis is None:
        out.add_note("Still reading the story; try again in a moment.")
    elif name == "summary":  # in a thread: the summary's solver takes seconds to import, more to solve
        app.chat.answer(analysis, f"summary in {int(args[0]) if args and args[0].isdigit() else 5} sentences", out)
    elif name == "timeline":
        timeline_range(app, args, out)
    elif name == "sources":
        out.add_note("\n".join(f"[{a.id}] {source_line(a)}" for a in analysis.sources))
    elif name == "open" and args and args[0].isdigit():
        if not app.open_citation(int(args[0])):
            out.add_note(f"There is no source [{args[0]}]: this story has {count(len(analysis.sources), 'source')} "
                         "(/sources lists them).", error=True)
    elif name == "export" and args and args[0] in ("md", "json", "html"):
        export(app, args[0], args[1] if len(args) > 1 else None, out)
    elif name == "algorithm" and args:
        app.switch_algorithm(args[0], out)
    else:
        out.add_note(f"Unknown command {line!r}. {HELP.splitlines()[1]}", error=True)


def timeline_range(app: StorylineApp, args: list[str], out: Out) -> None:
    """/timeline [from] [to]: set the filter to a date range, or say what is wrong with it."""
    if len(args) > 2 or not all(DATE_PREFIX.fullmatch(a) for a in args):
        out.add_note("Give /timeline a date or two, as YYYY, YYYY-MM or YYYY-MM-DD: /timeline 2015-05 2016-03",
                     error=True)
        return
    if len(args) == 2 and args[0][:len(args[1])] > args[1]:
        out.add_note(f"The range starts after it ends ({args[0]} > {args[1]}): give the earlier date first.",
                     error=True)
        return
    query = f"{args[0]}..{args[1]}" if len(args) == 2 else (args[0] if args else "")
    app.set_filter(query)  # the range shows in the filter box
    shown = app.filter_timeline(query)
    out.add_note(f"Timeline: {count(shown, 'event')} in {' – '.join(args)}." if args and shown else
                 f"No events match {' – '.join(args)}." if args else "Timeline: everything.",
                 error=bool(args) and not shown)


def export(app: StorylineApp, fmt: str, path: str | None, out: Out) -> None:
    """Write the events the timeline shows (the filter applies) as Markdown, JSON or a web page;
    ask before overwriting a file, and never write onto an input."""
    from storyline.timeline.output import html, render

    analysis = app.analysis
    if analysis is None:
        app.notify("Nothing loaded yet", severity="warning")
        return
    try:
        target = check_target(path or f"storyline-timeline.{fmt}", app.paths)
    except StorylineError as err:
        app.notify(str(err), severity="error")
        return
    events = app.query_one(TimelineTree).events
    body = (render.markdown(analysis, events) if fmt == "md" else html.page(analysis, events) if fmt == "html"
            else render.dumps(render.json_document(analysis, events)) + "\n")
    everything = len(events) == len(analysis.timeline.events)
    shown = shown_path(str(target))

    def write(confirmed: bool | None) -> None:
        if not confirmed:
            out.add_note(f"Export cancelled: {shown} left as it was.")
            return
        try:
            write_atomic(target, body)
        except StorylineError as err:
            app.notify(str(err), severity="error")
            return
        app.notify(f"Wrote {shown}")
        out.add_note(f"Exported {'the timeline' if everything else f'the {len(events)} events shown'} to {shown}.")

    if target.exists():
        app.push_screen(ConfirmScreen(f"{shown} exists. Overwrite it?"), write)
    else:
        write(True)


def palette(app: StorylineApp) -> Iterator[SystemCommand]:
    """The palette's own entries: exports and rankings (listed before anything is typed), then, once
    loaded, each source and each date (found by typing: a big story has thousands)."""
    chat = app.query_one(ChatLog)
    yield SystemCommand("Export timeline as Markdown", "Write storyline-timeline.md",
                        lambda: export(app, "md", None, chat))
    yield SystemCommand("Export timeline as JSON", "Write storyline-timeline.json",
                        lambda: export(app, "json", None, chat))
    for name in RANKERS:
        active = " (active)" if name == app.algorithm else ""
        yield SystemCommand(f"Rank with {name}{active}", f"Re-rank claims with {name}",
                            lambda name=name: app.switch_algorithm(name, chat))
    analysis = app.analysis
    if analysis is None:
        return
    for article in analysis.sources:  # the palette reads titles as markup: escape what articles say
        yield SystemCommand(literal(f"Open source [{article.id}] {article.title}"), literal(article.origin),
                            lambda i=article.id: app.open_citation(i), discover=False)
    spans: dict[str, TimeSpan] = {}
    for event in analysis.timeline.events:
        spans.setdefault(event.span.value, event.span)
    for value, span in spans.items():
        yield SystemCommand(f"Jump to {label(span)} ({value})", "Show this date in the timeline",
                            lambda v=value: app.jump_to(v), discover=False)
