"""The timeline on the seeds and on Wikinews, through the library and the command line."""

from __future__ import annotations

import json
import re

import pytest

from storyline.summarize.model import RawDocument
from storyline.summarize.story import Story, build_articles, load_story
from storyline.timeline.analysis import analyse
from storyline.timeline.events.build import build_timeline, select
from storyline.timeline.output.cite import source_line
from tests.conftest import SEEDS, WIKINEWS, run_cli


@pytest.fixture(scope="module")
def seed_analysis(seed_story):
    return analyse(seed_story)


@pytest.fixture(scope="module")
def seed_timeline(seed_analysis):
    return seed_analysis.timeline


def dates_of(timeline, words: str) -> set[str]:
    return {e.span.iso() for e in timeline.events if words in e.text}


def test_key_events_of_the_seed_story(seed_timeline) -> None:
    assert dates_of(seed_timeline, "overran Palmyra") == {"2015-05"}
    # "ISIS overran Palmyra last May" [4] and "The jihadists swept into Palmyra in May 2015" [3]: one
    # event, which cites the article whose words it shows; [3] told it in other words
    may = [e for e in seed_timeline.events if e.span.value == "2015-05" and e.role == "main"]
    assert len(may) == 1 and may[0].sources == (4,) and 3 in may[0].also_sources
    assert {3, 4} <= set(may[0].reporting) and not dates_of(seed_timeline, "swept into Palmyra")
    assert dates_of(seed_timeline, "seized the strategic town [Al-Qaryatain] in August 2015") == {"2015-08"}
    assert dates_of(seed_timeline, "Moscow began its air war") == {"2015-09-30"}
    assert dates_of(seed_timeline, "on Thursday entered the ancient city of Palmyra") == {"2016-03-24"}
    assert dates_of(seed_timeline, "Sunday's capture of Palmyra") == {"2016-03-27"}
    assert dates_of(seed_timeline, "towards the terrorist-held town of Al-Qaryatain") == {"2016-03-29"}
    assert dates_of(seed_timeline, "locked in heavy fighting") == {"2016-03-29"}


def test_no_event_is_dated_by_a_page_date_duration_or_number(seed_timeline) -> None:
    for event in seed_timeline.events:
        assert "2024" not in event.span.value
        assert not event.span.value.startswith("P")
        assert event.span.start.year in (2015, 2016) or event.role == "background"
    assert dates_of(seed_timeline, "restored in five years") == {"2016-03-29"}  # the report's day, not 2021


def test_granularity_is_kept(seed_timeline) -> None:
    by_text = {e.text[:30]: e for e in seed_timeline.events}
    assert by_text["ISIS had seized the strategic "].span.granularity == "month"
    assert by_text["In the last quarter of 2015, R"].span.value == "2015-Q4"
    ranged = next(e for e in seed_timeline.events if e.text.startswith("The defense ministry"))
    assert (ranged.span.iso(), ranged.span.iso_end()) == ("2016-03-20", "2016-03-23")


def test_undated_article_is_estimated_and_uncertain(seed_analysis, seed_timeline) -> None:
    ara = seed_analysis.article(5)
    assert seed_analysis.sources[4] is ara and "estimated" in source_line(ara)
    assert ara.published_estimated and ara.published is not None
    for event in seed_timeline.events:
        if event.sources == (5,):
            assert not event.certain
    assert all(e.certain for e in seed_timeline.events if 5 not in e.sources)


def test_citations_point_at_articles_carrying_the_sentence(seed_story, seed_timeline) -> None:
    from storyline.summarize.claims.dedup import prepare, similarity

    for event in seed_timeline.events:
        for source in event.sources:
            texts = [s.text for s in seed_story.sentences_of(source)]
            if event.also:  # a merged event cites each article for its own wording of the event
                assert any(s.text.startswith(("ISIS", "The jihadists", "In May")) for s in seed_story.sentences_of(source))
            elif event.role == "main":
                assert max(similarity(prepare(event.text), prepare(t)) for t in texts) >= 75
            else:  # a clause event's text is part of a cited sentence
                told = re.sub(r" \[[^\]]*\]", "", event.text)  # without the antecedents we add in brackets
                assert any(told[1:] in t for t in texts), event.text


def test_select_limits_dates_and_events(seed_timeline) -> None:
    shown = select(seed_timeline, dates=8, per_date=1)
    assert len({e.span.value for e in shown}) == 8 and len(shown) == 8
    assert {"2016-03-24", "2016-03-27", "2015-08"} <= {e.span.iso() for e in shown}


def test_claim_members_with_different_dates_split() -> None:
    docs = [RawDocument("a.txt", "Floods\n\nRescuers reached the flooded valley on Monday after the storm, officials said.",
                        published="2021-03-03"),
            RawDocument("b.txt", "Floods\n\nRescuers reached the flooded valley after the storm, officials said.",
                        published="2021-03-05")]
    articles, _ = build_articles(docs)
    from storyline.summarize.claims.dedup import build_claims
    from storyline.summarize.text.sentences import split_text

    sentences = tuple(s for a in articles for s in split_text(a.id, a.text))
    timeline = build_timeline(Story(articles, sentences), build_claims(sentences))
    assert [(e.span.iso(), e.sources) for e in timeline.events] == [("2021-03-01", (1, 2))]


def test_cli_markdown(tmp_path) -> None:
    result = run_cli("timeline", SEEDS, "--dates", "6", "--per-date", "2")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("# ") and "## 2015" in out and "### March 2016" in out and "## Sources" in out
    assert "**Sun 27 Mar 2016** — Sunday's capture of Palmyra" in out and "[1][2][3]" in out
    target = tmp_path / "t.md"
    assert run_cli("timeline", SEEDS, "-o", target).exit_code == 0
    assert target.read_text().startswith("# ")


def test_cli_json_shape() -> None:
    data = json.loads(run_cli("timeline", SEEDS, "--format", "json", "--dates", "2").stdout)
    assert [s["id"] for s in data["sources"]] == [1, 2, 3, 4, 5]
    assert data["sources"][4]["estimated"] is True
    assert len({e["date"] for e in data["events"]}) > 2  # JSON always carries every event
    event = next(e for e in data["events"] if e["role"] == "main")
    assert {"date", "end", "granularity", "text", "sources", "certain", "role"} <= set(event)
    assert event["date"] == "2015-05" and event["granularity"] == "month" and event["end"] is None


def test_summary_json_has_dates() -> None:
    data = json.loads(run_cli("summarize", SEEDS, "-n", "5", "--format", "json").stdout)
    assert all(s["date"] for s in data["sentences"])


def test_story_without_any_date(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("Floods\n\nRescue teams reached the valley, officials said.\n")
    result = run_cli("timeline", tmp_path)
    assert result.exit_code == 1 and "no dated events" in result.stderr


def test_dates_command_json_and_offsets() -> None:
    text = "BEIRUT - On Tuesday, Moscow sent deminers. ISIS seized it in May 2015, with 80% of the site intact."
    result = run_cli("dates", "-", "--published", "2016-03-29", input=text)
    data = json.loads(result.stdout)
    assert data["published"] == "2016-03-29"
    assert [(t["text"], t["type"], t["value"]) for t in data["timexes"]] == [
        ("Tuesday", "DATE", "2016-03-29"), ("May 2015", "DATE", "2015-05")]
    for t in data["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"]


def test_dates_command_finds_the_publication_date() -> None:
    result = run_cli("dates", SEEDS / "000_cfa9c618f1c3bea8.txt", "--format", "text")
    assert result.exit_code == 0
    assert "\tDATE\t2016-03-29\tTuesday" in result.stdout
    assert "\tDATE\t2016-03-27\tSunday’s" in result.stdout
    missing = run_cli("dates", SEEDS / "nope.txt")
    assert missing.exit_code == 1 and "nope.txt" in missing.stderr


def test_wikinews_events_fall_near_their_articles(wikinews_rows) -> None:
    """Real news, never tuned on: most events are dated within a year of their report."""
    story = load_story([str(WIKINEWS)])
    timeline = analyse(story).timeline
    near = 0
    for event in timeline.events:
        reported = max(story.articles[i - 1].published_date for i in event.sources)
        assert event.span.start <= reported or event.role == "planned", event  # the future is only planned
        near += abs((event.span.start - reported).days) <= 400
    assert near / len(timeline.events) > 0.9
    assert all(e.span.start.year >= 1900 for e in timeline.events)


def test_dates_command_on_bad_input(tmp_path) -> None:
    empty = run_cli("dates", "-", input="")
    assert empty.exit_code == 1 and empty.stderr.strip() == "storyline: <stdin>: empty"
    (tmp_path / "b.bin").write_bytes(bytes(range(256)) * 10)
    binary = run_cli("dates", tmp_path / "b.bin")
    assert binary.exit_code == 1 and "binary" in binary.stderr and "Traceback" not in binary.stderr
    none = json.loads(run_cli("dates", "-", input="No dates in here at all.").stdout)
    assert none == {"published": None, "timexes": []}


def test_subordinate_and_planned_clauses_are_events_at_their_own_dates(seed_timeline) -> None:
    """A clause with its own date is an event there, with its role; the main event keeps its date."""
    clauses = {(e.span.value, e.role): e for e in seed_timeline.events if e.role != "main"}
    launch = clauses[("2016-03", "background")]
    assert launch.text.startswith("Launching a desert offensive") and launch.sources == (4,)
    assert clauses[("2013", "background")].text == "A group of experts on Syrian heritage set up by Unesco in 2013"
    assert "restart talks on April 9" in clauses[("2016-04-09", "planned")].text
    mains = [e for e in seed_timeline.events if e.role == "main" and "desert offensive" in e.text]
    assert mains and all(e.span.value != "2016-03" for e in mains)
    # a parenthesis inside a quoted clause does not end it; the closing quote does
    quoted = clauses[("2016-03-30", "background")].text
    assert quoted.startswith("The advances against Daesh today cannot erase the fact that the (Syrian) regime")
    assert quoted.endswith("over the past five years")


def test_clause_events_in_json_and_markdown() -> None:
    result = run_cli("timeline", str(SEEDS), "--format", "json")
    roles = {(e["date"], e["role"]) for e in json.loads(result.stdout)["events"]}
    assert {("2013", "background"), ("2016-04-09", "planned"), ("2016-03-27", "main")} <= roles
    markdown = run_cli("timeline", str(SEEDS)).stdout
    assert "- ↳ *A group of experts on Syrian heritage set up by Unesco in 2013* — 2013 [3]" in markdown
    assert "(planned) [4]" in markdown


def test_key_dates_keep_the_events_that_matter(wikinews_rows, tmp_path) -> None:
    """`--dates 10 --per-date 1`: the dates the coverage refers to and articles lead with, days before
    years, and each date's line one that stands alone."""
    aircraft = tmp_path / "aircraft.jsonl"
    aircraft.write_text("\n".join(json.dumps(r) for r in wikinews_rows if r["story"] == "airbus-boeing"))
    for path, wanted in ((aircraft, {"2009-12-15": "787", "2005-04-27": "A380, has made its maiden flight",
                                 "2007-07-08": "7/8/07", "2007-10-15": "first A380"}),
                         (SEEDS, {"2015-05": "overran Palmyra", "2016-03-27": "Sunday's capture"})):
        lines = run_cli("timeline", path, "--dates", "10", "--per-date", "1", "--format", "text").stdout
        events = dict(line.split(" ", 1) for line in lines.split("\n\nSources:")[0].splitlines())
        assert len(events) == 10
        for day, words in wanted.items():
            assert words in events[day], (day, events.get(day))
        for text in events.values():
            assert not re.match(r"\s*(?:[\"“”]|(?:It|He|She|They)\b(?!\s*\[))", text), text


def test_dates_in_quotations_and_bare_clock_times_do_not_date_the_main_event() -> None:
    from tests.conftest import article, story
    from storyline.timeline.analysis import analyse

    analysis = analyse(story(article(1, """Senator Ames said he was "shocked, since we were ready to build 100 tankers in 2003".
    The vote was held at 6:30 pm, officials said.""", published="2008-03-01")))
    dated = {e.text[:14]: (e.span.value, e.fallback, e.role) for e in analysis.timeline.events}
    assert dated["Senator Ames s"] == ("2008-03-01", True, "main")  # the statement, on its day
    assert dated["The vote was h"] == ("2008-03-01", True, "main")  # dated by its report, not by "6:30 pm"


def test_text_lines_say_reported_and_uncertain_as_markdown_does() -> None:
    """A line dated only by its report's day (the temple of Bel, destroyed in 2015, told in a 29 March
    piece) or by an estimated publication day is not printed as a firm date in text output."""
    text = run_cli("timeline", SEEDS, "--format", "text").stdout.split("\n\nSources:")[0].splitlines()
    markdown = run_cli("timeline", SEEDS).stdout
    bel = next(line for line in text if "temple of Bel" in line)
    executed = next(line for line in text if "Roman amphitheater" in line)  # in the estimated article
    assert bel.startswith("2016-03-29 (reported) ") and "**Tue 29 Mar 2016 (reported)** — The extremist" in markdown
    assert executed.startswith("2016-03-26 (reported, uncertain) ") and "(uncertain) (reported)** — The group" in markdown
    assert any(re.match(r"2016-03-2\d \w", line) for line in text)  # a firm date says nothing more

