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


if "--multiprocessing-fork" in getattr(sys, "orig_argv", ()):  # a batch worker: its parent reports Ctrl+C
    signal.signal(signal.SIGINT, signal.SIG_IGN)
elif os.path.basename(sys.argv[0]) in ("storyline", "__main__.py"):  # run as the command, not imported
    signal.signal(signal.SIGINT, _interrupted_while_starting)

import inspect  # noqa: E402 - after the handler, so that an early Ctrl+C is quiet too
import json  # noqa: E402
from collections.abc import Iterable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

import click  # noqa: E402

from storyline.summarize.errors import StorylineError  # noqa: E402
from storyline.summarize.untrusted import shown_path  # noqa: E402
from storyline.timeline.output.formats import TIMELINE_FORMATS  # noqa: E402
from storyline.tui.options import (  # noqa: E402
    algorithm_option, cache_option, compress_option, echo_json, fail, format_option, friendly, output_option, paths_argument, print_table,
    read_analysis, read_stdin, read_story, reattach_terminal, story_option)
from storyline.tui.progress import working  # noqa: E402

if TYPE_CHECKING:
    from storyline.summarize.stories import StoryGroup
    from storyline.summarize.story import Story

SPARK_WIDTH = 24  # bars of a story's coverage in `storyline stories`


PATHS_HELP = "PATH is a file, a folder (read recursively) or - for standard input."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
def main() -> None:
    """Turn news articles about one story into a dated, cited timeline and summary.

    \b
    Example:
      storyline tui seeds/
      storyline timeline seeds/ --format md
      storyline summarize - --sentences 5 < article.txt
    """
    signal.signal(signal.SIGINT, signal.default_int_handler)  # from here on `friendly` reports it
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character gets "?", not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


@main.command()
@paths_argument
@story_option
@format_option("table", "json")
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
    with working("dating the articles"):
        rows = source_rows(story, dated_articles(story))
    if fmt == "json":
        echo_json(rows)
        return
    print_table(("id", "published", "outlet", "sentences", "title", "path"),
                [(str(r["id"]), f"{r['published'] or 'undated'}{' (estimated)' if r['estimated'] else ''}",
                  str(r["outlet"] or "-"), str(r["sentences"]), str(r["title"]), str(r["path"])) for r in rows], (4, 5))


@main.command()
@paths_argument
@story_option
@format_option("text", "jsonl")
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
@algorithm_option
@cache_option
@click.option("--order", type=click.Choice(["story", "rank"]), default="story", show_default=True,
              help="Order of the chosen sentences: as they appear in the story, or best first.")
@format_option("text", "json", "md")
@click.option("--no-citations", is_flag=True, help="Text format: leave out the [id] marks.")
@compress_option
@friendly
def summarize_command(paths: tuple[str, ...], count: int | None, words: int | None, algorithm: str, order: str,
              fmt: str, no_citations: bool, no_compress: bool) -> None:
    """Print an extractive summary: the best-ranked claims, no repeats, with citations.

    \b
    Example:
      storyline summarize seeds/ --sentences 3
      curl -s URL | storyline summarize - --format json
    """
    from storyline.summarize.summary.choose import summarize
    from storyline.timeline.output import report

    if count is not None and words is not None:
        raise click.UsageError("give --sentences or --words, not both")
    analysis = read_analysis(paths, algorithm, timeline=fmt == "json")  # JSON gives each sentence's date
    chosen = summarize(analysis.claims, sentences=count or 5, words=words, order=order, source_of=analysis.source_of,
                       compress=not no_compress, weights=analysis.concept_weights)
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
@format_option(*TIMELINE_FORMATS, help="Output format  [default: md, or as -o FILE's extension says]")
@click.option("--dates", "max_dates", type=click.IntRange(min=1), default=None,
              help="Show only the N most important dates (JSON and TimelineJS always carry every event).")
@click.option("--per-date", type=click.IntRange(min=1), default=None, help="Show at most K events per date.")
@algorithm_option
@cache_option
@compress_option
@output_option
@friendly
def timeline_command(paths: tuple[str, ...], fmt: str | None, max_dates: int | None, per_date: int | None,
                     algorithm: str, no_compress: bool, output: str | None) -> None:
    """Print the story's dated, cited timeline (html: one self-contained page; timelinejs: TimelineJS3 JSON).

    \b
    Example:
      storyline timeline seeds/ --dates 8 --per-date 2
      storyline timeline seeds/ --format json -o timeline.json
      storyline timeline seeds/ -o timeline.html
    """
    from storyline.timeline.output.formats import format_for, timeline_pieces
    from storyline.timeline.output.write import write_atomic
    from storyline.tui.files import check_target

    fmt = format_for(output, fmt, "md")
    target = check_target(output, paths) if output else None  # before the work, not after it
    analysis = read_analysis(paths, algorithm)
    if not analysis.timeline.events:
        raise StorylineError("no dated events: no article has a publication date or a date in its text")
    with working(f"writing the {fmt} timeline"):
        pieces = timeline_pieces(analysis, fmt, max_dates, per_date, compress=not no_compress)
        if target:
            write_atomic(target, pieces)
        else:
            echo_pieces(pieces)
    if target:
        click.echo(f"storyline: wrote {shown_path(str(target))}", err=True)


def echo_pieces(pieces: Iterable[str], size: int = 1 << 20) -> None:
    """`click.echo("".join(pieces).rstrip("\n"))` a megabyte at a time, as the pieces come: a
    12,000-article JSON timeline is 280 MB, never held whole."""
    held: list[str] = []
    length = 0
    for piece in pieces:
        held.append(piece)
        length += len(piece)
        if length >= size:
            text = "".join(held)
            body = text.rstrip("\n")  # newlines at the end wait: the last piece may end the output
            click.echo(body, nl=False)
            held, length = [text[len(body):]], len(text) - len(body)
    click.echo("".join(held).rstrip("\n"))


@main.command()
@paths_argument
@format_option("table", "json")
@friendly
def stories(paths: tuple[str, ...], fmt: str) -> None:
    """Group a mixed input into stories: id, article count, developments, date span, name.

    Every other command takes --story ID to work on one of them.

    \b
    Example:
      storyline stories feed.jsonl
      storyline timeline feed.jsonl --story 2
    """
    from storyline.summarize.stories import group_stories
    from storyline.timeline.output.report import story_rows

    story = read_story(paths)
    with working("grouping articles into stories"):
        groups = group_stories(story.articles)
    if fmt == "json":
        echo_json({"stories": story_rows(groups)})
        return
    print_table(("id", "articles", "developments", "first", "last", "coverage", "title"),
                [(str(g.id), str(len(g.articles)), str(len(g.developments)), str(g.first or "-"), str(g.last or "-"),
                  story_sparkline(story, g), g.title) for g in groups], (6,))


def story_sparkline(story: Story, group: StoryGroup, width: int = SPARK_WIDTH) -> str:
    """A story's articles per day (or per few days) as Unicode bars, and what one bar spans."""
    from storyline.timeline.output.sparkline import coverage

    found = coverage([story.articles[i - 1] for i in group.articles], width)
    return f"{found.text()} ({found.days}d)" if found else "-"


@main.command()
@click.argument("file", metavar="FILE|-")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Publication date to resolve relative expressions against (default: found in the text).")
@format_option("json", "text")
@friendly
def dates(file: str, published: Any, fmt: str) -> None:
    """Tag temporal expressions with TIMEX3 types and values, on the text exactly as given.

    Offsets are character offsets into the decoded input. Without --published the date is
    found as `storyline sources` finds it; expressions that need it stay unresolved (X values).
    A JSON, JSON Lines, feed or web archive (WARC) FILE has each record's text tagged, against
    its own date, one document per record.

    \b
    Example:
      echo "On Tuesday, troops entered the city." | storyline dates - --published 2016-03-29
    """
    from storyline.summarize.errors import InputError
    from storyline.summarize.model import RawDocument
    from storyline.summarize.read import ingest
    from storyline.summarize.clean.metadata import published_day
    from storyline.timeline.output import report
    from storyline.timeline.tagger.scan import expressions, tag

    if file != "-" and Path(file).is_dir():
        raise click.UsageError(f"{shown_path(file)} is a folder: dates tags one FILE (or - for standard input)")
    skipped: list[InputError] = []
    if file != "-" and ingest.is_warc(Path(file)):  # streamed, page by page
        reading = ingest.read_inputs([file])
        skipped = reading.problems
        records: list[RawDocument] | None = reading.documents
        text = ""
    else:
        data = read_stdin() if file == "-" else ingest.read_file(Path(file))
        if len(data) > ingest.MAX_BYTES:
            raise ingest.too_large("<stdin>")
        text = ingest.decode(file, data)
        if not text.strip():
            raise StorylineError(f"{'<stdin>' if file == '-' else shown_path(file)}: empty")
        records = ingest.records_in(file, text, skipped)
    for problem in skipped:
        click.echo(f"storyline: warning: {problem.warning()}", err=True)
    if records == []:
        raise StorylineError(f"{shown_path(file)}: no record with text to tag")
    if records is None:  # plain text: tagged exactly as given
        dct = published.date() if published else published_day(text)
        found = expressions(tag(text, dct))
        if fmt == "json":
            echo_json(report.dates_json(dct, found))
        else:
            click.echo(report.dates_text(found), nl=False)
        return
    documents = report.record_timexes(records, published.date() if published else None)
    if fmt == "json":
        echo_json({"documents": [{"origin": o} | report.dates_json(d, f) for o, d, f in documents]})
    else:
        for origin, _, found in documents:
            click.echo("".join(f"{origin}\t{line}\n" for line in report.dates_text(found).splitlines()), nl=False)


@main.command()
@paths_argument
@story_option
@algorithm_option
@friendly
def tui(paths: tuple[str, ...], algorithm: str) -> None:
    """Open the chat-style app: the timeline beside a chat with the story.

    \b
    Example:
      storyline tui seeds/
    """
    from storyline.tui.app import StorylineApp

    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if len(missing) == len(paths):
        raise StorylineError(f"{missing[0]}: no such file or folder")
    stdin = None
    if "-" in paths:
        stdin = read_stdin()
        reattach_terminal()
    if not (sys.stdin.isatty() and sys.stderr.isatty()):  # Textual reads keys on stdin and draws on stderr
        raise StorylineError("the app needs a terminal; in a script or a pipe use timeline, summarize or ask")
    run_app(StorylineApp(paths, stdin=stdin, algorithm=algorithm, story_id=click.get_current_context().meta.get("story")))


def run_app(app: Any, **options: Any) -> None:
    """Run the app; a crash inside it ends as one line on stderr and exit status 1 (the app keeps
    the line: Textual's own report is a traceback whose locals quote whole articles)."""
    app.run(**options)
    if app.crash:
        fail(f"{app.crash} (set STORYLINE_DEBUG=1 for details)")
    if app.return_code:
        sys.exit(app.return_code)


@main.command(name="ask")
@click.argument("args", nargs=-1, required=True, metavar='PATH... "QUESTION"')
@story_option
@format_option("text", "json")
@algorithm_option
@cache_option
@friendly
def ask_command(args: tuple[str, ...], fmt: str, algorithm: str) -> None:
    """Ask the story a question, as the app does; every answer line is cited.

    \b
    Example:
      storyline ask seeds/ "When did ISIS seize Palmyra?"
      storyline ask seeds/ "summary" --format json
    """
    from storyline.timeline.output import report
    from storyline.timeline.answers.ask import ask

    if len(args) < 2:
        raise click.UsageError('give one or more PATHs, then the QUESTION in quotes')
    *paths, question = args
    if not question.strip():
        raise click.UsageError("the QUESTION is empty")
    if any(p != "-" and not Path(p).exists() and Path(paths[0]).exists() for p in paths[1:]):
        raise click.UsageError(f"{shown_path(next(p for p in paths[1:] if not Path(p).exists()))!r} is not a "
                               "file or folder: did you mean to quote the question?")
    analysis = read_analysis(paths, algorithm, answers=True)
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


from storyline.tui.batch_cli import batch  # noqa: E402 - its own module; registered here, in order of the help

main.add_command(batch)
