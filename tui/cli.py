"""The `storyline` command: a thin click layer over summarize/ and timeline/.

Library code raises StorylineError; here it becomes one line on stderr and an exit code
(0 something produced, 1 nothing usable, 2 usage). Output is plain text or JSON written
with click.echo, so markup inside articles is never interpreted.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar

import click

from summarize.errors import StorylineError
from summarize.story import Story, load_story

F = TypeVar("F", bound=Callable[..., Any])
PATHS_HELP = "PATH is a file, a folder (read recursively) or - for standard input."


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
    return run  # type: ignore[return-value]


def read_story(paths: Sequence[str]) -> Story:
    """Load the story from PATHs (stdin for "-"), warning on stderr about each skipped input."""
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    story = load_story(paths, stdin=stdin)
    for problem in story.problems:
        click.echo(f"storyline: warning: skipped {problem}", err=True)
    return story


def echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


paths_argument = click.argument("paths", nargs=-1, required=True, metavar="PATH...")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
def main() -> None:
    """Turn news articles about one story into a dated, cited timeline and summary.

    \b
    Example:
      storyline tui seeds/
      storyline timeline seeds/ --format md
      cat a.txt b.txt | storyline summarize - --sentences 5
    """


@main.command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@friendly
def sources(paths: tuple[str, ...], fmt: str) -> None:
    """List each article's id, title, outlet and publication date.

    \b
    Example:
      storyline sources seeds/ --format json
    """
    story = read_story(paths)
    rows = [source_record(story, a.id) | {"sentences": len(story.sentences_of(a.id))} for a in story.articles]
    if fmt == "json":
        echo_json(rows)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table("id", "published", "outlet", "sentences", "title", "path", box=None, show_edge=False)
    table.columns[4].overflow = table.columns[5].overflow = "fold"
    for row in rows:
        published = (row["published"] or "undated") + (" (estimated)" if row.get("estimated") else "")
        table.add_row(str(row["id"]), published, Text(row["outlet"] or "-"), str(row["sentences"]),
                      Text(row["title"]), Text(row["path"]))
    Console(width=None if sys.stdout.isatty() else 200, highlight=False).print(table)


def source_record(story: Story, article_id: int) -> dict[str, Any]:
    """An article as the JSON `sources` entries show it (see README)."""
    a = story.article(article_id)
    return {"id": a.id, "path": a.origin, "title": a.title, "outlet": a.outlet, "published": a.published,
            "estimated": a.published_estimated}


@main.command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
@friendly
def sentences(paths: tuple[str, ...], fmt: str) -> None:
    """Print the cleaned sentences, one per line (jsonl: with source id and character span).

    \b
    Example:
      storyline sentences seeds/ --format jsonl
    """
    story = read_story(paths)
    for s in story.sentences:
        if fmt == "jsonl":
            click.echo(json.dumps({"source": s.article, "index": s.index, "text": s.text,
                                   "start": s.start, "end": s.end}, ensure_ascii=False))
        else:
            click.echo(s.text)


sources.help = f"{sources.help}\n\n{PATHS_HELP}"
sentences.help = f"{sentences.help}\n\n{PATHS_HELP}"
