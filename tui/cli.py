"""The `storyline` command: a thin click layer over summarize/ and timeline/.

Library code raises StorylineError; here it becomes one line on stderr and an exit code
(0 something produced, 1 nothing usable, 2 usage). Output is plain text or JSON written
with click.echo, so markup inside articles is never interpreted.
"""

from __future__ import annotations

import os
import signal
import sys


def _interrupted_while_starting(signum: int, frame: object) -> None:
    """Ctrl+C while the command is still importing its libraries: one line, no traceback."""
    os.write(2, b"storyline: interrupted\n")
    os._exit(130)


if os.path.basename(sys.argv[0]) in ("storyline", "__main__.py"):  # run as the command, not imported
    signal.signal(signal.SIGINT, _interrupted_while_starting)

import inspect  # noqa: E402 - after the handler, so that an early Ctrl+C is quiet too
import json  # noqa: E402
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import date
from pathlib import Path
from functools import wraps
from typing import Any, TypeVar, cast

import click

from storyline.summarize.untrusted import shown_path

from storyline.summarize.errors import StorylineError
from storyline.summarize.rank.rankers import RANKERS
from storyline.summarize.story import Story, load_story

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
    return cast(F, run)


def working(message: str) -> AbstractContextManager[object]:
    """A spinner with `message` on stderr while slow work runs, when stderr is a terminal."""
    if not sys.stderr.isatty():
        return nullcontext()
    from rich.console import Console

    return Console(stderr=True).status(message)


def read_story(paths: Sequence[str]) -> Story:
    """Load the story from PATHs (stdin for "-"), warning on stderr about each skipped input;
    with --story ID, only that story of a mixed input (its articles numbered 1, 2, …)."""
    stdin = read_stdin() if "-" in paths else None
    with working("reading and cleaning articles…"):
        story = load_story(paths, stdin=stdin)
    for problem in story.problems:
        click.echo(f"storyline: warning: {problem.warning()}", err=True)
    story_id = click.get_current_context().meta.get("story")
    if story_id is None:
        return story
    from storyline.summarize.stories import one_story

    with working("grouping articles into stories…"):
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
    signal.signal(signal.SIGINT, signal.default_int_handler)  # from here on `friendly` reports it
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character gets "?", not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


@main.command()
@paths_argument
@story_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@friendly
def sources(paths: tuple[str, ...], fmt: str) -> None:
    """List each article's id, title, outlet and publication date.

    \b
    Example:
      storyline sources seeds/ --format json
    """
    from storyline.timeline.events.pubdates import dated_articles
    from storyline.timeline.output.report import source_rows

    story = read_story(paths)
    with working("dating the articles…"):
        rows = source_rows(story, dated_articles(story))
    if fmt == "json":
        echo_json(rows)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table("id", "published", "outlet", "sentences", "title", "path", box=None, show_edge=False)
    table.columns[4].overflow = table.columns[5].overflow = "fold"
    for row in rows:
        published = f"{row['published'] or 'undated'}{' (estimated)' if row['estimated'] else ''}"
        table.add_row(str(row["id"]), published, Text(str(row["outlet"] or "-")), str(row["sentences"]),
                      Text(str(row["title"])), Text(str(row["path"])))
    Console(width=None if sys.stdout.isatty() else 200, highlight=False).print(table)


@main.command()
@paths_argument
@story_option
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True)
@friendly
def sentences(paths: tuple[str, ...], fmt: str) -> None:
    """Print the cleaned sentences, one per line (jsonl: with source id and character span).

    \b
    Example:
      storyline sentences seeds/ --format jsonl
    """
    from storyline.timeline.output.report import sentence_record

    story = read_story(paths)
    for s in story.sentences:
        click.echo(json.dumps(sentence_record(s), ensure_ascii=False) if fmt == "jsonl" else s.text)


@main.command(name="summarize")
@paths_argument
@story_option
@click.option("--sentences", "-n", "count", type=click.IntRange(min=1), default=None,
              help="How many sentences (default 5).")
@click.option("--words", "-w", type=click.IntRange(min=1), default=None, help="At most this many words instead.")
@click.option("--algorithm", "-a", type=click.Choice(list(RANKERS)), default="lexrank", show_default=True)
@click.option("--order", type=click.Choice(["story", "rank"]), default="story", show_default=True,
              help="Order of the chosen sentences: as they appear in the story, or best first.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md"]), default="text", show_default=True)
@click.option("--no-citations", is_flag=True, help="Text format: leave out the [id] marks.")
@friendly
def summarize_command(paths: tuple[str, ...], count: int | None, words: int | None, algorithm: str, order: str,
              fmt: str, no_citations: bool) -> None:
    """Print an extractive summary: the best-ranked claims, no repeats, with citations.

    \b
    Example:
      storyline summarize seeds/ --sentences 3
      cat a.txt b.txt | storyline summarize - --format json
    """
    from storyline.summarize.summary.choose import summarize
    from storyline.timeline.output import report
    from storyline.timeline.analysis import analyse

    if count is not None and words is not None:
        raise click.UsageError("give --sentences or --words, not both")
    story = read_story(paths)
    with working(f"finding claims, ranking ({algorithm}), dating…"):
        analysis = analyse(story, algorithm)
    chosen = summarize(analysis.claims, sentences=count or 5, words=words, order=order, source_of=analysis.source_of)
    if not chosen:
        raise StorylineError(f"no sentence fits in {words} words" if words else "no sentence worth summarising")
    if fmt == "json":
        echo_json(report.summary_json(analysis, chosen))
    elif fmt == "md":
        click.echo(report.summary_markdown(analysis, chosen), nl=False)
    else:
        click.echo(report.summary_text(chosen, citations=not no_citations), nl=False)


@main.command(name="timeline")
@paths_argument
@story_option
@click.option("--format", "fmt", type=click.Choice(["md", "json", "text"]), default=None,
              help="Output format  [default: md, or as -o FILE's extension says]")
@click.option("--dates", "max_dates", type=click.IntRange(min=1), default=None,
              help="Show only the N most important dates (JSON always carries every event).")
@click.option("--per-date", type=click.IntRange(min=1), default=None, help="Show at most K events per date.")
@click.option("--algorithm", "-a", type=click.Choice(list(RANKERS)), default="lexrank", show_default=True)
@click.option("-o", "--output", metavar="FILE", default=None,
              help="Write to FILE (atomically; never onto an input) instead of standard output.")
@friendly
def timeline_command(paths: tuple[str, ...], fmt: str | None, max_dates: int | None, per_date: int | None, algorithm: str,
             output: str | None) -> None:
    """Print the story's dated, cited timeline.

    \b
    Example:
      storyline timeline seeds/ --dates 8 --per-date 2
      storyline timeline seeds/ --format json -o timeline.json
    """
    from storyline.timeline.output import render
    from storyline.timeline.analysis import analyse
    from storyline.timeline.events.build import select

    from storyline.timeline.output.write import write_atomic

    from storyline.tui.files import check_target, format_for

    fmt = format_for(output, fmt, "md")
    target = check_target(output, paths) if output else None  # before the work, not after it
    story = read_story(paths)
    with working(f"finding claims, ranking ({algorithm}), placing them in time…"):
        analysis = analyse(story, algorithm)
    built = analysis.timeline
    if not built.events:
        raise StorylineError("no dated events: no article has a publication date or a date in its text")
    if fmt == "json":
        out = render.dumps(render.json_document(analysis, built.events))
    else:
        shown = select(built, max_dates, per_date)
        out = render.markdown(analysis, shown) if fmt == "md" else render.text(analysis, shown)
    if target:
        write_atomic(target, out if out.endswith("\n") else out + "\n")
        click.echo(f"storyline: wrote {shown_path(str(target))}", err=True)
    else:
        click.echo(out.rstrip("\n"))


@main.command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@friendly
def stories(paths: tuple[str, ...], fmt: str) -> None:
    """Group a mixed input into stories: id, article count, date span, name.

    Every other command takes --story ID to work on one of them.

    \b
    Example:
      storyline stories feed.jsonl
      storyline timeline feed.jsonl --story 2
    """
    from storyline.summarize.stories import group_stories
    from storyline.timeline.output.report import story_rows

    story = read_story(paths)
    with working("grouping articles into stories…"):
        groups = group_stories(story.articles)
    if fmt == "json":
        echo_json({"stories": story_rows(groups)})
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table("id", "articles", "first", "last", "title", box=None, show_edge=False)
    table.columns[4].overflow = "fold"
    for g in groups:
        table.add_row(str(g.id), str(len(g.articles)), str(g.first or "-"), str(g.last or "-"), Text(g.title))
    Console(width=None if sys.stdout.isatty() else 200, highlight=False).print(table)


@main.command()
@click.argument("archives", nargs=-1, required=True, metavar="ARCHIVE...")
@click.option("--out", "out", required=True, metavar="DIR", help="Folder for the stories' files and index.json.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="An existing Dask scheduler (tcp://host:8786); default: a local cluster on this machine.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes of the local cluster (default: one per core).")
@click.option("--format", "formats", default="json,md", show_default=True, help="Files to write per story.")
@click.option("--algorithm", "-a", type=click.Choice(list(RANKERS)), default="lexrank", show_default=True)
@friendly
def batch(archives: tuple[str, ...], out: str, scheduler: str | None, workers: int | None, formats: str,
          algorithm: str) -> None:
    """Analyse a whole archive: group it into stories, one Dask task per story.

    ARCHIVE is JSON Lines (.jsonl, or .jsonl.gz), one article per line, read in a stream.
    Writes DIR/<story-id>.json and .md and DIR/index.json; stories already written are
    skipped, so an interrupted run resumes; a story that fails is listed with its error.

    \b
    Example:
      storyline batch archive.jsonl.gz --out stories/
      storyline batch archive.jsonl --out stories/ --scheduler tcp://10.0.0.5:8786
    """
    from storyline.timeline.batch import FORMATS, run_batch

    chosen = [f.strip() for f in formats.split(",") if f.strip()]
    if not chosen or any(f not in FORMATS for f in chosen):
        raise click.UsageError(f"--format takes {' and/or '.join(FORMATS)}, comma-separated")
    target = Path(out).expanduser()
    if target.exists() and not target.is_dir():
        raise StorylineError(f"{shown_path(out)} is not a folder")

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            click.echo(f"\rstoryline: stories {done}/{total}", err=True, nl=done == total)

    with working("reading and grouping the archive…"):
        index = run_batch(archives, target, scheduler, workers, chosen, algorithm, progress)
    stories = cast(list[dict[str, object]], index["stories"])
    failed = [s for s in stories if s.get("status") == "failed"]
    for story in failed:
        click.echo(f"storyline: warning: story {story['id']} ({story['title']}): {story['error']}", err=True)
    click.echo(f"storyline: {len(stories)} stories ({len(failed)} failed) in {shown_path(str(target / 'index.json'))}",
               err=True)
    if not stories or len(failed) == len(stories):
        sys.exit(1)


@main.command()
@click.argument("file", metavar="FILE|-")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Publication date to resolve relative expressions against (default: found in the text).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@friendly
def dates(file: str, published: Any, fmt: str) -> None:
    """Tag temporal expressions with TIMEX3 types and values, on the text exactly as given.

    Offsets are character offsets into the decoded input. Without --published the date is
    found as `storyline sources` finds it; expressions that need it stay unresolved (X values).
    A JSON or JSON Lines FILE has each record's text tagged, against its own date, one
    document per record.

    \b
    Example:
      echo "On Tuesday, troops entered the city." | storyline dates - --published 2016-03-29
    """
    from storyline.summarize.dates import parse_date
    from storyline.summarize.read.ingest import MAX_BYTES, decode, json_documents, read_file, too_large
    from storyline.summarize.clean.metadata import published_day
    from storyline.timeline.output import report
    from storyline.timeline.tagger.scan import expressions, tag

    if file != "-" and Path(file).is_dir():
        raise click.UsageError(f"{shown_path(file)} is a folder: dates tags one FILE (or - for standard input)")
    data = read_stdin() if file == "-" else read_file(Path(file))
    if len(data) > MAX_BYTES:
        raise too_large("<stdin>")
    text = decode(file, data)
    if not text.strip():
        raise StorylineError(f"{'<stdin>' if file == '-' else shown_path(file)}: empty")
    records = json_documents(file, text)
    if records is None:  # plain text: tagged exactly as given
        dct = published.date() if published else published_day(text)
        found = expressions(tag(text, dct))
        if fmt == "json":
            echo_json(report.dates_json(dct, found))
        else:
            click.echo(report.dates_text(found), nl=False)
        return
    documents = []
    for record in records:
        container = parse_date(record.published) if record.published else None
        dct = published.date() if published else (date.fromisoformat(container[:10]) if container else
                                                   published_day(record.text))
        documents.append((record.origin, dct, expressions(tag(record.text, dct))))
    if fmt == "json":
        echo_json({"documents": [{"origin": o} | report.dates_json(d, f) for o, d, f in documents]})
    else:
        for origin, _, found in documents:
            click.echo("".join(f"{origin}\t{line}\n" for line in report.dates_text(found).splitlines()), nl=False)


def read_stdin() -> bytes:
    """Standard input, read no further than one byte past the size limit (ingest reports it)."""
    from storyline.summarize.read.ingest import MAX_BYTES

    return sys.stdin.buffer.read(MAX_BYTES + 1)


@main.command()
@paths_argument
@story_option
@click.option("--algorithm", "-a", type=click.Choice(list(RANKERS)), default="lexrank", show_default=True)
@friendly
def tui(paths: tuple[str, ...], algorithm: str) -> None:
    """Open the chat-style app: the timeline beside a chat with the story.

    \b
    Example:
      storyline tui seeds/
    """
    from pathlib import Path

    from storyline.tui.app import StorylineApp

    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if len(missing) == len(paths):
        raise StorylineError(f"{missing[0]}: no such file or folder")
    stdin = None
    if "-" in paths:
        stdin = read_stdin()
        _reattach_terminal()
    if not (sys.stdin.isatty() and sys.stderr.isatty()):  # Textual reads keys on stdin and draws on stderr
        raise StorylineError("the app needs a terminal; in a script or a pipe use timeline, summarize or ask")
    StorylineApp(paths, stdin=stdin, algorithm=algorithm, story_id=click.get_current_context().meta.get("story")).run()


def _reattach_terminal() -> None:
    """After reading articles from a pipe, read keys from the terminal instead."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise StorylineError("the app needs a terminal; with - it reads the articles first, then /dev/tty") from None
    os.dup2(tty, 0)
    sys.stdin = os.fdopen(0, "r")


@main.command(name="ask")
@click.argument("args", nargs=-1, required=True, metavar='PATH... "QUESTION"')
@story_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--algorithm", "-a", type=click.Choice(list(RANKERS)), default="lexrank", show_default=True)
@friendly
def ask_command(args: tuple[str, ...], fmt: str, algorithm: str) -> None:
    """Ask the story a question, as the app does; every answer line is cited.

    \b
    Example:
      storyline ask seeds/ "When did ISIS seize Palmyra?"
      storyline ask seeds/ "summary" --format json
    """
    from storyline.timeline.output import report
    from storyline.timeline.analysis import analyse
    from storyline.timeline.answers.ask import ask

    if len(args) < 2:
        raise click.UsageError('give one or more PATHs, then the QUESTION in quotes')
    *paths, question = args
    if not question.strip():
        raise click.UsageError("the QUESTION is empty")
    if any(p != "-" and not Path(p).exists() and Path(paths[0]).exists() for p in paths[1:]):
        raise click.UsageError(f"{shown_path(next(p for p in paths[1:] if not Path(p).exists()))!r} is not a "
                               "file or folder: did you mean to quote the question?")
    story = read_story(paths)
    with working("analysing the story…"):
        analysis = analyse(story, algorithm)
    answer = ask(analysis, question)
    if fmt == "json":
        echo_json(report.answer_json(analysis, answer))
    else:
        click.echo(report.answer_text(answer), nl=False)


for _command in (sources, sentences, summarize_command, timeline_command, tui, ask_command, stories):  # PATH users
    # click dedents a docstring only when it reads it itself: dedent before adding the PATH line.
    _command.help = f"{inspect.cleandoc(_command.help or '')}\n\n{PATHS_HELP}"


if __name__ == "__main__":
    main()
