"""The one place that knows the timeline's output formats: their names, the file extensions that
imply them, and which renderer writes each (the command line, `batch` and the app all ask here)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.summarize.errors import StorylineError
from storyline.summarize.untrusted import shown_path

if TYPE_CHECKING:  # the analysis is imported by whoever renders one, not by those who only name formats
    from storyline.timeline.analysis import Analysis

TIMELINE_FORMATS = ("md", "json", "text", "html", "timelinejs")
SUFFIX_FORMATS = {".json": "json", ".md": "md", ".markdown": "md", ".txt": "text", ".text": "text",
                  ".html": "html", ".htm": "html"}
FILE_SUFFIX = {  # a file's extension per format (batch names its files so)
    "md": "md", "json": "json", "text": "txt", "html": "html", "timelinejs": "timelinejs.json"}
_KIND = {"timelinejs": "json"}  # a TimelineJS file is JSON


def format_for(path: str | None, chosen: str | None, default: str) -> str:
    """The output format: as chosen, else as the file's extension says, else `default` (a file with
    an extension no format has needs --format). A file whose
    extension names another kind of document (JSON asked to hold Markdown, HTML asked to hold JSON)
    is refused rather than written wrong; TimelineJS is JSON, so it may go to a .json file."""
    suffix = Path(path).suffix.lower() if path else ""
    implied = SUFFIX_FORMATS.get(suffix)
    if suffix and not implied and not chosen:  # "-o x.pdf" would be Markdown in a file called PDF
        raise StorylineError(f"{shown_path(str(path))}: no timeline format writes {suffix} files; name it .md, .json, "
                             f".txt or .html, or give --format ({', '.join(TIMELINE_FORMATS)})")
    kinds = {_KIND.get(f, f) for f in (chosen, implied) if f}
    if len(kinds) == 2 and kinds <= {"json", "md", "html"}:
        raise StorylineError(f"{shown_path(str(path))} names a .{implied} file but --format is {chosen}")
    return chosen or implied or default


def render_timeline(analysis: Analysis, fmt: str, dates: int | None = None, per_date: int | None = None,
                    compress: bool = True) -> str:
    """The timeline in `fmt`, ending in a newline. JSON and TimelineJS carry every event; the
    others show the `dates` most important dates and `per_date` events of each, as asked. With
    `compress`, each event's line is its sentence compressed (summarize/summary/compress.py; JSON
    gives the whole sentence beside it)."""
    return "".join(timeline_pieces(analysis, fmt, dates, per_date, compress))


def timeline_pieces(analysis: Analysis, fmt: str, dates: int | None = None, per_date: int | None = None,
                    compress: bool = True) -> Iterator[str]:
    """`render_timeline` in pieces to write as they come: JSON an event at a time (a 12,000-article
    timeline is 280 MB of it), the other formats whole."""
    from storyline.timeline.output import render

    if fmt == "json":
        return render.json_pieces(analysis, analysis.timeline.events, compress)
    return iter([_rendered(analysis, fmt, dates, per_date, compress)])


def _rendered(analysis: Analysis, fmt: str, dates: int | None, per_date: int | None, compress: bool) -> str:
    from storyline.timeline.events.build import select
    from storyline.timeline.output import render

    events = analysis.timeline.events
    if fmt == "timelinejs":
        from storyline.timeline.output import timelinejs

        return timelinejs.dumps(timelinejs.document(analysis, render.compressed(events, analysis.shortened) if compress else events))
    shown = select(analysis.timeline, dates, per_date)
    shown = render.compressed(shown, analysis.shortened) if compress else shown
    if fmt == "html":
        from storyline.timeline.output import html

        return html.page(analysis, shown)
    if fmt == "md":
        return render.markdown(analysis, shown)
    if fmt == "text":
        return render.text(analysis, shown)
    raise StorylineError(f"unknown timeline format {fmt!r} (one of {', '.join(TIMELINE_FORMATS)})")
