"""Summaries, answers, source lists and sentence and date listings as text, Markdown and JSON.

Timelines have their own renderer (render.py); everything else a command prints is built
here, so the command line and the app only parse arguments, call the library and print.
Every source record comes from `Analysis.article` (or the same estimate for `sources`), so
an undated article shows the same estimated date in every output.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from storyline.timeline.output.cite import also_reported, cited, listed, marks, noted, source_line, source_record, variants_json
from storyline.summarize.dates import parse_date
from storyline.summarize.model import Article, Claim, RawDocument, Sentence
from storyline.summarize.stories import Development, StoryGroup
from storyline.summarize.story import Story
from storyline.summarize.untrusted import markdown_literal

from storyline.timeline.analysis import Analysis
from storyline.timeline.answers.ask import Answer, AnswerLine
from storyline.timeline.output.render import members_json, sentence_json
from storyline.timeline.timex import Timex




def summary_json(analysis: Analysis, chosen: Sequence[Claim]) -> dict[str, object]:
    """`{"sources": [...], "sentences": [{"text", "sources", "date", "variants"?}]}`."""
    events = [analysis.main_event(c.id) for c in chosen]
    return {"sources": [source_record(analysis.article(i)) for i in cited(chosen)],
            "sentences": [{"text": c.text} | sentence_json(c.text, analysis.claim(c.id).text)
                          | {"sources": list(c.sources), "date": e.span.iso() if e else None,
                             "members": members_json(analysis, c, c.sources)} | variants_json(c)
                          for c, e in zip(chosen, events)]}


def summary_markdown(analysis: Analysis, chosen: Sequence[Claim]) -> str:
    """A bulleted summary with citations, then the numbered sources."""
    lines = [f"- {markdown_literal(noted(c.text, c.variants))} {marks(c.sources)}" for c in chosen]
    lines += ["", "## Sources", ""] + [f"{i}. {markdown_literal(source_line(analysis.article(i)))}"
                                       for i in cited(chosen)]
    return "\n".join(lines) + "\n"


def summary_text(chosen: Sequence[Claim], citations: bool = True) -> str:
    """One sentence per line, with its citation marks (and figures note) unless `citations` is off."""
    return "".join(f"{noted(c.text, c.variants)} {marks(c.sources)}\n" if citations else f"{c.text}\n" for c in chosen)


def answer_json(analysis: Analysis, answer: Answer) -> dict[str, object]:
    """`{"question", "note", "answered", "answer": [{"text", "date", "sources", "also_reported_by", "members",
    "also_members"}], "sources": [...]}`."""
    return {"question": answer.question, "note": answer.note, "answered": answer.found,
            "answer": [{"text": line.text, "date": line.date, "sources": list(line.sources),
                        "also_reported_by": list(line.also_sources)}
                       | (_members(analysis, line) if line.claim is not None else {}) for line in answer.lines],
            "sources": [source_record(analysis.article(i))
                        for i in listed(answer.lines)]}


def answer_text(answer: Answer) -> str:
    """The note, then one cited line per answer line, each with its date when it has one."""
    lines = [answer.note] + [f"- {f'{line.date_label}: ' if line.date_label else ''}{noted(line.text, line.variants)} {marks(line.sources)}"
                             f"{also_reported(line.also_sources)}"
                             for line in answer.lines]
    return "\n".join(lines) + "\n"


def source_rows(story: Story, articles: Sequence[Article]) -> list[dict[str, object]]:
    """Each article's source record plus its sentence count (`storyline sources`)."""
    return [source_record(a) | {"sentences": len(story.sentences_of(a.id))} for a in articles]


def story_rows(groups: Sequence[StoryGroup]) -> list[dict[str, object]]:
    """`{"id", "title", "articles", "first", "last", "developments": [{"id", "title", "articles",
    "first", "last"}]}` per story (`storyline stories`)."""
    return [_span_row(g) | {"developments": [_span_row(d) for d in g.developments]} for g in groups]


def _span_row(g: StoryGroup | Development) -> dict[str, object]:
    return {"id": g.id, "title": g.title, "articles": list(g.articles),
            "first": g.first.isoformat() if g.first else None, "last": g.last.isoformat() if g.last else None}


def sentence_record(sentence: Sentence) -> dict[str, object]:
    """`{"source", "index", "text", "start", "end"}`: one line of `sentences --format jsonl`."""
    return {"source": sentence.article, "index": sentence.index, "text": sentence.text, "start": sentence.start,
            "end": sentence.end}


def dates_json(published: date | None, timexes: Sequence[Timex]) -> dict[str, object]:
    """`{"published", "timexes": [...]}`: what `storyline dates` prints."""
    return {"published": published.isoformat() if published else None, "timexes": [t.as_json() for t in timexes]}


def dates_text(timexes: Sequence[Timex]) -> str:
    """One expression per line: start, end, type, value, text (tab-separated)."""
    return "".join(f"{t.start}\t{t.end}\t{t.type}\t{t.value}\t{t.text}\n" for t in timexes)


def record_timexes(records: Sequence[RawDocument], published: date | None) -> list[tuple[str, date | None, list[Timex]]]:
    """(origin, date, expressions) per JSON record, each tagged against `published` or its own date
    (its record's field, else the date its text gives): what `storyline dates` prints for JSON."""
    from storyline.summarize.clean.metadata import published_day
    from storyline.timeline.tagger.scan import expressions, tag

    out = []
    for record in records:
        container = parse_date(record.published) if record.published else None
        dct = published or (date.fromisoformat(container[:10]) if container else published_day(record.text))
        out.append((record.origin, dct, expressions(tag(record.text, dct))))
    return out


def _members(analysis: Analysis, line: AnswerLine) -> dict[str, object]:
    """What each cited article says (`members`), and what each article it was "also reported by"
    says in its own words (`also_members`): both can be checked against the sources."""
    assert line.claim is not None
    event = analysis.main_event(line.claim)
    also = members_json(analysis, event, line.also_sources) if event is not None else []
    return {"members": members_json(analysis, analysis.claim(line.claim), line.sources), "also_members": also}
