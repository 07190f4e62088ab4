"""The library's parts on small stories built here: analysis, answers, estimates, summaries, rendering."""

from __future__ import annotations

from datetime import date

from storyline.summarize.claims.dedup import build_claims
from storyline.summarize.summary.choose import summarize, worth_summarising
from storyline.timeline.output import render, report
from storyline.timeline.analysis import analyse
from storyline.timeline.answers.ask import ask
from storyline.timeline.events.build import filter_events, select
from storyline.timeline.events.pubdates import with_estimates
from storyline.timeline.output.render import calendar_place
from tests.conftest import article, story

FLOOD = story(
    article(1, """Rescue teams reached the flooded valley on Monday, officials said.
    The river burst its banks in the village of Marrow on Sunday after a week of rain.
    The dam was built in 1987 and was last inspected in May 2014.""", published="2021-03-03"),
    article(2, """The river burst its banks in the village of Marrow on Sunday after a week of rain.
    About 200 residents were moved to a school in the town of Fenwick.
    Engineers will inspect the dam on March 10.""", published="2021-03-02"),
    article(3, """Rescue teams reached the flooded valley, officials said.
    Heavy rain fell again overnight, forecasters said.""", published=None),
)


def test_analysis_dates_events_and_estimates_the_undated_article() -> None:
    analysis = analyse(FLOOD)
    burst = next(e for e in analysis.timeline.events if "burst its banks" in e.text)
    assert burst.span.value == "2021-02-28" and burst.sources == (1, 2)
    assert analysis.article(3).published == "2021-03-03" and analysis.article(3).published_estimated
    assert {e.span.value for e in analysis.timeline.events if "1987" in e.text} == {"1987"}  # the first date
    rescue = next(e for e in analysis.timeline.events if e.text.startswith("Rescue teams"))
    assert rescue.span.value == "2021-03-01" and rescue.sources == (1, 3)  # [3]'s undated retelling joins it
    planned = next(e for e in analysis.timeline.events if "will inspect" in e.text)
    assert planned.fallback and planned.span.value == "2021-03-02"  # a future date does not date an event
    assert analysis.title == "A story"


def test_undated_article_is_never_older_than_what_it_cites() -> None:
    undated = article(2, "Officials met on 12 April 2021 to plan the repairs.", published=None)
    dated = article(1, "Officials met to plan the repairs.", published="2021-03-01")
    claims = build_claims(story(dated, undated).sentences)
    estimated = with_estimates([dated, undated], claims)[1]
    assert estimated.published == "2021-04-12" and estimated.published_estimated


def test_an_undated_article_that_tells_as_pending_what_others_tell_as_done_is_older() -> None:
    """The new-user trial's [5]: "as long as ISIS is controlling Palmyra" in an undated piece most like
    the reports of 29 March, which tell "Sunday's capture of Palmyra" (27 March) as done: it was
    written before the capture, so its estimate is no later than the eve of it."""
    done = article(1, "Rebels captured Marrow on Sunday after a week of fighting, officials said. "
                      "Aid convoys reached the flooded valley near Marrow.", published="2021-03-10")
    older = article(2, "Schools in Fenwick shut for the holidays.", published="2021-03-02")
    undated = [article(3, "As long as the army is controlling Marrow, aid convoys cannot reach the flooded valley.",
                       published=None),
               article(4, "Rebels will take Marrow within days, a commander said; aid convoys wait by the flooded valley.",
                       published=None),
               article(5, "Aid convoys reached the flooded valley near Marrow, officials said.", published=None)]
    everything = [done, older, *undated]
    estimated = with_estimates(everything, build_claims(story(*everything).sentences))
    assert [a.published for a in estimated[2:]] == ["2021-03-06", "2021-03-06", "2021-03-10"]  # [5] tells nothing pending


def test_a_plan_does_not_date_an_undated_article_after_it() -> None:
    """A day named in a clause of the future ("talks will resume on 20 March 2021") is not a day the
    article was written after; a past one ("met on 12 April 2021") is (the test above it)."""
    dated = [article(i, f"Officials met in Marrow on day {i} to plan the repairs.", published=f"2021-03-0{i}")
             for i in (1, 2, 3)]
    undated = article(4, "Officials met in Marrow to plan the repairs. Talks will resume on 20 March 2021.",
                      published=None)
    estimated = with_estimates([*dated, undated], build_claims(story(*dated, undated).sentences))[-1]
    assert estimated.published_estimated and estimated.published <= "2021-03-03"


def test_an_estimate_stays_where_the_coverage_is() -> None:
    """The dated article most like the undated one is an old background piece from 2014: the
    estimate is still a day of the July 2016 coverage, not 2014."""
    old = article(1, "The Riverside stadium was built in 1998 and seats 40,000 fans of Riverside United.",
                  published="2014-05-02")
    news = [article(i, f"Riverside United fans packed the square on day {i} of the protests over the club's sale.",
                    published=f"2016-07-{10 + i:02d}") for i in range(2, 7)]
    undated = article(7, "The Riverside stadium, built in 1998, seats 40,000 fans of Riverside United, who "
                         "protested the sale.", published=None)
    claims = build_claims(story(old, *news, undated).sentences)
    estimated = with_estimates([old, *news, undated], claims)[-1]
    assert estimated.published_estimated and "2016-07-12" <= estimated.published <= "2016-07-16"


def test_answers_when_what_and_unanswerable() -> None:
    analysis = analyse(FLOOD)
    when = ask(analysis, "When did the river burst its banks?")
    assert when.found and when.lines[0].date == "2021-02-28" and "Sun 28 Feb 2021" in when.note
    on_day = ask(analysis, "What happened on February 28, 2021?")
    assert any("burst its banks" in line.text for line in on_day.lines)
    nothing = ask(analysis, "Who won the football cup?")
    assert not nothing.found and "do not answer" in nothing.note


def test_summary_has_no_repeats_and_keeps_to_its_budget() -> None:
    analysis = analyse(FLOOD)
    chosen = summarize(analysis.claims, sentences=3)
    assert len(chosen) == 3 and len({c.text for c in chosen}) == 3
    assert sum(len(c.text.split()) for c in summarize(analysis.claims, sentences=None, words=25)) <= 25
    assert not worth_summarising('"We lost everything."')
    assert not worth_summarising("What happens next?")


def test_outputs_cite_the_same_estimated_source() -> None:
    analysis = analyse(FLOOD)
    chosen = [c for c in analysis.claims if 3 in c.sources]
    record = report.summary_json(analysis, chosen)["sources"]
    assert {"id": 3, "published": "2021-03-03", "estimated": True}.items() <= record[-1].items()
    timeline = render.json_document(analysis, analysis.timeline.events)
    assert timeline["sources"][2]["estimated"] is True


def test_markdown_and_text_timelines_list_their_sources() -> None:
    analysis = analyse(FLOOD)
    md = render.markdown(analysis, analysis.timeline.events)
    assert md.startswith("# A story\n") and "## 2021" in md and "### February 2021" in md
    assert "- **Sun 28 Feb 2021** — The river burst its banks" in md and "\n1. A story" in md
    text = render.text(analysis, analysis.timeline.events)
    assert "2021-02-28 The river burst its banks" in text and "Sources:" in text and "[2] A story" in text


def test_calendar_place_groups_as_readers_do() -> None:
    analysis = analyse(FLOOD)
    places = {e.span.value: calendar_place(e.span) for e in analysis.timeline.events}
    assert places["2021-02-28"] == ("2021", "February 2021")
    assert places["1987"] == ("1987", None)


def test_filter_events_by_words_prefix_and_range() -> None:
    events = analyse(FLOOD).timeline.events
    assert all("dam" in e.text.lower() for e in filter_events(events, "dam"))
    assert [e.span.value for e in filter_events(events, "1987")] == ["1987"]
    assert all("2021-02" <= e.span.value[:7] <= "2021-03" for e in filter_events(events, "2021-02..2021-03"))
    assert filter_events(events, "  ") == list(events)


def test_select_keeps_the_best_dates() -> None:
    timeline = analyse(FLOOD).timeline
    shown = select(timeline, dates=1, per_date=1)
    assert [e.span.value for e in shown] == ["2021-02-28"]
    assert date(2021, 2, 28) == shown[0].span.start


def test_decades_and_centuries_are_edtf_dates_and_read_as_words() -> None:
    analysis = analyse(story(article(1, """The mill at Tarn was the largest employer in the valley in the 1990s.
    The chapel beside it was built in the 12th century by local monks.""", published="2021-03-03")))
    events = {e.span.granularity: e for e in analysis.timeline.events}
    records = {r["granularity"]: r for r in render.json_document(analysis, analysis.timeline.events)["events"]}
    assert (records["decade"]["date"], records["decade"]["value"]) == ("199X", "199")
    assert (records["century"]["date"], records["century"]["value"]) == ("11XX", "11")
    md = render.markdown(analysis, analysis.timeline.events)
    text = render.text(analysis, analysis.timeline.events)
    assert "the 1990s" in md and "the 12th century" in md and "the 1990s" in text
    assert not any(line.startswith(("199 ", "11 ")) for line in text.splitlines())
    assert events["decade"].span.iso() == "199X"
