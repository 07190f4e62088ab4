"""What every `storyline` command shares, declared once: the options (--story, --algorithm,
--format, -o), reading the story with progress and warnings, one-line errors, JSON and tables."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from storyline.summarize.errors import StorylineError
from storyline.summarize.rank.rankers import RANKERS
from storyline.summarize.story import Story, load_story
from storyline.summarize.heap import one_batch
from storyline.summarize.workers import Workers
from storyline.tui.progress import counting, staged, working

if TYPE_CHECKING:
    from storyline.timeline.analysis import Analysis

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


def read_story(paths: Sequence[str], stdin: bytes | None = None, workers: Workers | None = None) -> Story:
    """Load the story from PATHs (stdin for "-"), warning on stderr about each skipped input;
    with --story ID, only that story of a mixed input (its articles numbered 1, 2, …). A large
    input is cleaned by helper processes too (`workers`, else ones of its own)."""
    if stdin is None and "-" in paths:
        stdin = read_stdin()
    with one_batch(), counting("reading and cleaning articles") as progress, \
            nullcontext(workers) if workers else Workers() as helping:
        story = load_story(paths, stdin=stdin, progress=progress, workers=helping)
    story = _pasted_warning(story, stdin if "-" in paths else None)
    _warn(story)
    story_id = click.get_current_context().meta.get("story")
    if story_id is None:
        return story
    from storyline.summarize.stories import one_story

    with working("grouping articles into stories"):
        return one_story(story, story_id)


def read_analysis(paths: Sequence[str], algorithm: str, answers: bool = False, timeline: bool = True) -> Analysis:
    """The story read and analysed, or the analysis these very inputs and options made before
    (the user's cache: timeline/cache.py; --no-cache skips it); with `answers`, its answer index too;
    without `timeline`, no timeline unless the cached entry has one.
    On a terminal, stderr shows each stage as it starts."""
    from storyline.timeline.analysis import analyse
    from storyline.timeline.cache import cached, input_key, with_answer_index, with_timeline

    meta = click.get_current_context().meta
    stdin = read_stdin() if "-" in paths else None
    key = None if meta.get("no_cache") else input_key(paths, stdin, (algorithm, meta.get("story")))
    built = False

    def build() -> Analysis:
        nonlocal built
        built = True
        with Workers() as workers:  # the same helpers clean, then group sources and tag while claims are ranked
            story = read_story(paths, stdin, workers)
            with staged(algorithm) as progress:
                return analyse(story, algorithm, progress, timeline, workers)

    with one_batch():  # built or read from the cache alike: millions of objects that live to the end
        analysis = cached(key, build, with_answer_index if answers else with_timeline if timeline else None)
    if not built:  # the same warnings as the first run gave
        _warn(analysis.story)
    return analysis


def _pasted_warning(story: Story, stdin: bytes | None) -> Story:
    """The story with one more warning when plain text on stdin looks like several articles
    (kept in the story, so a cached analysis repeats it)."""
    from dataclasses import replace

    from storyline.tui.pasted import pasted_note

    note = pasted_note(stdin)
    return story if note is None else replace(story, problems=(*story.problems, note))


def _warn(story: Story) -> None:
    for problem in story.problems:
        click.echo(f"storyline: warning: {problem.warning()}", err=True)


def echo_json(data: object) -> None:
    from storyline.timeline.output.render import dumps

    click.echo(dumps(data))


paths_argument = click.argument("paths", nargs=-1, required=True, metavar="PATH...")


def _remember_story(ctx: click.Context, _: click.Parameter, value: int | None) -> None:
    ctx.meta["story"] = value  # read_story reads it: one place for every command


def _remember_no_cache(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    ctx.meta["no_cache"] = value  # read_analysis reads it


story_option = click.option("--story", type=click.IntRange(min=1), default=None, expose_value=False,
                            callback=_remember_story, metavar="ID",
                            help="Only story ID of a mixed input (ids from `storyline stories`).")
cache_option = click.option("--no-cache", is_flag=True, expose_value=False, callback=_remember_no_cache,
                            help="Analyse again even if these inputs were analysed before (see the README's cache).")
algorithm_option = click.option("--algorithm", "-a", type=click.Choice(list(RANKERS)), default="lexrank",
                                show_default=True)
compress_option = click.option("--no-compress", "no_compress", is_flag=True,
                                help="Show whole sentences: no compression (datelines, attribution tails, asides kept).")
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

    if sys.stdin is None:  # `<&-`: no standard input at all reads as an empty one
        return b""
    return sys.stdin.buffer.read(MAX_BYTES + 1)


def reattach_terminal() -> None:
    """After reading articles from a pipe, read keys from the terminal instead."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise StorylineError("the app needs a terminal; with - it reads the articles first, then /dev/tty") from None
    os.dup2(tty, 0)
    sys.stdin = os.fdopen(0, "r")
