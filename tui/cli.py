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

from summarize.cite import marks, source_line, source_record
from summarize.errors import StorylineError
from summarize.model import Claim
from summarize.rank import RANKERS
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
    rows = [source_record(a) | {"sentences": len(story.sentences_of(a.id))} for a in story.articles]
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


@main.command()
@paths_argument
@click.option("--sentences", "-n", "count", type=click.IntRange(min=1), default=None,
              help="How many sentences (default 5).")
@click.option("--words", "-w", type=click.IntRange(min=1), default=None, help="At most this many words instead.")
@click.option("--algorithm", "-a", type=click.Choice(list(RANKERS)), default="lexrank", show_default=True)
@click.option("--order", type=click.Choice(["story", "rank"]), default="story", show_default=True,
              help="Order of the chosen sentences: as they appear in the story, or best first.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md"]), default="text", show_default=True)
@click.option("--no-citations", is_flag=True, help="Text format: leave out the [id] marks.")
@friendly
def summarize(paths: tuple[str, ...], count: int | None, words: int | None, algorithm: str, order: str,
              fmt: str, no_citations: bool) -> None:
    """Print an extractive summary: the best-ranked claims, no repeats, with citations.

    \b
    Example:
      storyline summarize seeds/ --sentences 3
      cat a.txt b.txt | storyline summarize - --format json
    """
    from summarize.story import ranked_claims
    from summarize.summary import summarize as pick

    if count is not None and words is not None:
        raise click.UsageError("give --sentences or --words, not both")
    story = read_story(paths)
    chosen = pick(ranked_claims(story, algorithm), sentences=count or 5, words=words, order=order)
    dates = claim_dates(story, chosen)
    cited = sorted({i for c in chosen for i in c.sources})
    if fmt == "json":
        echo_json({"sources": [source_record(story.article(i)) for i in cited],
                   "sentences": [{"text": c.text, "sources": list(c.sources), "date": dates.get(c.id)}
                                 for c in chosen]})
    elif fmt == "md":
        click.echo("\n".join(f"- {c.text} {marks(c.sources)}" for c in chosen))
        click.echo("\n## Sources\n")
        click.echo("\n".join(f"{i}. {source_line(story.article(i))}" for i in cited))
    else:
        for c in chosen:
            click.echo(c.text if no_citations else f"{c.text} {marks(c.sources)}")


def claim_dates(story: Story, claims: Sequence[Claim]) -> dict[int, str | None]:
    """The ISO date each claim reports (filled by the timeline once it is built)."""
    return {}


sources.help = f"{sources.help}\n\n{PATHS_HELP}"
sentences.help = f"{sentences.help}\n\n{PATHS_HELP}"
summarize.help = f"{summarize.help}\n\n{PATHS_HELP}"


if __name__ == "__main__":
    main()
