"""`storyline batch`: a whole archive on a Dask cluster, one task per story (timeline/batch.py)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import cast

import click

from storyline.summarize.errors import StorylineError
from storyline.summarize.untrusted import shown_path
from storyline.timeline.output.formats import TIMELINE_FORMATS
from storyline.tui.options import algorithm_option, friendly
from storyline.tui.progress import counting


@click.command()
@click.argument("archives", nargs=-1, required=True, metavar="ARCHIVE...")
@click.option("--out", "out", required=True, metavar="DIR", help="Folder for the stories' files and index.json.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="An existing Dask scheduler (tcp://host:8786); default: a local cluster on this machine.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes of the local cluster (default: one per core).")
@click.option("--format", "formats", default="json,md", show_default=True,
              help=f"Files to write per story, comma-separated: {', '.join(TIMELINE_FORMATS)}.")
@algorithm_option
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True, metavar="SECONDS",
              help="How long to wait for --scheduler to answer and for a worker to join it.")
@friendly
def batch(archives: tuple[str, ...], out: str, scheduler: str | None, workers: int | None, formats: str,
          algorithm: str, timeout: float) -> None:
    """Analyse a whole archive: group it into stories, one Dask task per story.

    ARCHIVE is JSON Lines (.jsonl, or .jsonl.gz), one article per line, or a web archive
    (.warc, .warc.gz) of HTML pages, read in a stream.
    Writes DIR/<story-id>.json and .md and DIR/index.json; stories already written are
    skipped, so an interrupted run resumes; a story that fails is listed with its error.

    \b
    Example:
      storyline batch archive.jsonl.gz --out stories/
      storyline batch archive.jsonl --out stories/ --scheduler tcp://10.0.0.5:8786
    """
    from storyline.timeline.batch import run_batch
    from storyline.timeline.batch_guard import check_address

    chosen = [f.strip() for f in formats.split(",") if f.strip()]
    if not chosen or any(f not in TIMELINE_FORMATS for f in chosen):
        raise click.UsageError(f"--format takes {', '.join(TIMELINE_FORMATS)}, comma-separated")
    try:
        check_address(scheduler) if scheduler else None
    except ValueError as err:
        raise click.UsageError(f"--scheduler: {shown_path(str(err))}") from None
    target = Path(out).expanduser()
    if target.exists() and not target.is_dir():
        raise StorylineError(f"{shown_path(out)} is not a folder")

    _quiet_dask()
    with counting("reading and grouping the archive, then its stories") as progress:
        index = run_batch(archives, target, scheduler, workers, chosen, algorithm, progress, timeout=timeout,
                          notice=lambda message: click.echo(f"storyline: {message}", err=True))
    stories = cast(list[dict[str, object]], index["stories"])
    failed = [s for s in stories if s.get("status") == "failed"]
    for story in failed:
        click.echo(f"storyline: warning: story {story['id']} ({story['title']}): {story['error']}", err=True)
    if index.get("skipped_count"):
        click.echo(f"storyline: warning: {index['skipped_count']} records skipped (the first "
                   f"{len(cast(list[str], index['skipped_records']))} with their reason in index.json)", err=True)
    click.echo(f"storyline: {len(stories)} stories ({len(failed)} failed) in {shown_path(str(target / 'index.json'))}",
               err=True)
    if not stories or len(failed) == len(stories):
        sys.exit(1)


def _quiet_dask() -> None:
    """Dask's own log lines and warnings (tracebacks at shutdown, "Port 8787 is already in use")
    would break one line per message: silenced here and, through the environment, in its workers."""
    import logging
    import warnings

    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "critical")
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    for name in ("distributed", "asyncio", "tornado"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    warnings.filterwarnings("ignore", module="distributed")
