"""What every `storyline` command shares, declared once: the options (--story, --algorithm,
--format, -o), reading the story with progress and warnings, one-line errors, JSON and tables."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar, cast

import click

from storyline.summarize.errors import StorylineError
from storyline.summarize.rank.rankers import RANKERS
from storyline.summarize.story import Story, load_story
from storyline.tui.progress import counting, working

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 1) -> None:
    """Print one line to stderr and exit."""
    click.echo(f"storyline: {message}", err=True)
    sys.exit(code)


def friendly(command: F) -> F:
    """Turn our errors into one-line messages; never show a traceback."""
    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit):
            raise
        except StorylineError as err:
            fail(str(err))
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except Exception as err:  # a bug of ours: still one line, with a way to see more
            if os.environ.get("STORYLINE_DEBUG"):
                raise
            fail(f"internal error: {type(err).__name__}: {err} (set STORYLINE_DEBUG=1 for details)")
    return cast(F, run)


def read_story(paths: Sequence[str]) -> Story:
    """Load the story from PATHs (stdin for "-"), warning on stderr about each skipped input;
    with --story ID, only that story of a mixed input (its articles numbered 1, 2, …)."""
    stdin = read_stdin() if "-" in paths else None
    with counting("reading and cleaning articles") as progress:
        story = load_story(paths, stdin=stdin, progress=progress)
    for problem in story.problems:
        click.echo(f"storyline: warning: {problem.warning()}", err=True)
    story_id = click.get_current_context().meta.get("story")
    if story_id is None:
        return story
    from storyline.summarize.stories import one_story

    with working("grouping articles into stories"):
        return one_story(story, story_id)


def echo_json(data: object) -> None:
    from storyline.timeline.output.render import dumps

    click.echo(dumps(data))


paths_argument = click.argument("paths", nargs=-1, required=True, metavar="PATH...")


def _remember_story(ctx: click.Context, _: click.Parameter, value: int | None) -> None:
    ctx.meta["story"] = value  # read_story reads it: one place for every command


story_option = click.option("--story", type=click.IntRange(min=1), default=None, expose_value=False,
                            callback=_remember_story, metavar="ID",
                            help="Only story ID of a mixed input (ids from `storyline stories`).")
algorithm_option = click.option("--algorithm", "-a", type=click.Choice(list(RANKERS)), default="lexrank",
                                show_default=True)
output_option = click.option("-o", "--output", metavar="FILE", default=None,
                             help="Write to FILE (atomically; never onto an input) instead of standard output.")


def format_option(*choices: str, default: str | None = None, help: str | None = None) -> Callable[[F], F]:
    """--format, one of `choices` (the first is the default unless `default` says otherwise)."""
    default = default if default is not None or help else choices[0]
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=not help,
                        help=help)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], fold: Sequence[int]) -> None:
    """A plain table on stdout (columns `fold` wrap); every cell is text, never markup."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(*headers, box=None, show_edge=False)
    for column in fold:
        table.columns[column].overflow = "fold"
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    Console(width=None if sys.stdout.isatty() else 200, highlight=False).print(table)


def read_stdin() -> bytes:
    """Standard input, read no further than one byte past the size limit (ingest reports it)."""
    from storyline.summarize.read.ingest import MAX_BYTES

    return sys.stdin.buffer.read(MAX_BYTES + 1)


def reattach_terminal() -> None:
    """After reading articles from a pipe, read keys from the terminal instead."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise StorylineError("the app needs a terminal; with - it reads the articles first, then /dev/tty") from None
    os.dup2(tty, 0)
    sys.stdin = os.fdopen(0, "r")
