"""The stories of a mixed input: pick one to read (Enter), or read everything as one (Escape)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from storyline.summarize.stories import StoryGroup

from storyline.tui.words import count


def story_line(group: StoryGroup) -> Text:
    """One row of the list: the story's name, its size and its date span (never read as markup)."""
    span = f"{group.first} – {group.last}" if group.first and group.last else "undated"
    text = Text(f"{group.id:>3}  ")
    text.append(group.title, style="bold")
    text.append(f"  {count(len(group.articles), 'article')} · {span}", style="dim")
    return text


class StoryListScreen(Screen[int | None]):
    """Dismissed with the chosen story's id, or None to read the whole input as one story."""

    BINDINGS = [Binding("escape", "everything", "All as one story")]

    def __init__(self, groups: Sequence[StoryGroup]) -> None:
        super().__init__()
        self.groups = list(groups)

    def compose(self) -> ComposeResult:
        yield Static(Text(f"This input holds {len(self.groups)} stories: Enter opens one, Escape reads all as one.",
                          style="bold"), id="stories-head")
        yield OptionList(*[Option(story_line(g), id=str(g.id)) for g in self.groups], id="stories")
        yield Footer(compact=True)

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(int(message.option.id or 0) or None)

    def action_everything(self) -> None:
        self.dismiss(None)
