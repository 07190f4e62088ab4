"""The stories of a mixed input: pick one to read (Enter), or read everything as one (Escape)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from storyline.summarize.stories import Development, StoryGroup

from storyline.tui.words import count


SECTIONS = 3  # developments shown under a story: its largest, in date order


def story_line(group: StoryGroup) -> Text:
    """One row of the list: the story's name, its size and its date span (never read as markup)."""
    text = Text(f"{group.id:>3}  ")
    text.append(group.title, style="bold")
    text.append(f"  {count(len(group.articles), 'article')} · {_span(group)}", style="dim")
    return text


def development_line(development: Development) -> Text:
    """A section under its story: one of its developments (not selectable: stories open)."""
    text = Text("       · ", style="dim")
    text.append(development.title)
    text.append(f"  {count(len(development.articles), 'article')} · {_span(development)}", style="dim")
    return text


def sections(group: StoryGroup) -> list[Development]:
    """The story's largest developments of two articles or more, in date order."""
    big = sorted((d for d in group.developments if len(d.articles) >= 2), key=lambda d: (-len(d.articles), d.id))
    return sorted(big[:SECTIONS], key=lambda d: d.id) if len(group.developments) > 1 else []


def _span(group: StoryGroup | Development) -> str:
    return f"{group.first} – {group.last}" if group.first and group.last else "undated"


class StoryListScreen(Screen[int | None]):
    """Dismissed with the chosen story's id, or None to read the whole input as one story."""

    BINDINGS = [Binding("escape", "everything", "All as one story")]

    def __init__(self, groups: Sequence[StoryGroup]) -> None:
        super().__init__()
        self.groups = list(groups)

    def compose(self) -> ComposeResult:
        yield Static(Text(f"This input holds {len(self.groups)} stories: Enter opens one, Escape reads all as one.",
                          style="bold"), id="stories-head")
        rows = []
        for g in self.groups:
            rows.append(Option(story_line(g), id=str(g.id)))
            rows.extend(Option(development_line(d), disabled=True) for d in sections(g))
        yield OptionList(*rows, id="stories")
        yield Footer(compact=True)

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(int(message.option.id or 0) or None)

    def action_everything(self) -> None:
        self.dismiss(None)
