"""Answering on stories other than the seeds (Wikinews), through `storyline ask`."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="module")
def apple_story(wikinews_rows, tmp_path_factory):
    path = tmp_path_factory.mktemp("apple") / "apple.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in wikinews_rows if r["story"] == "apple"))
    return path


@pytest.mark.parametrize("question, date", [
    ("When did Steve Jobs die?", "2011-10-05"),
    ("When did Apple launch the iTunes Music Store?", "2003-04-28"),
])
def test_when_questions_on_wikinews(apple_story, question: str, date: str) -> None:
    data = json.loads(run_cli("ask", apple_story, question, "--format", "json").stdout)
    assert data["answered"] and data["answer"][0]["date"] == date
    assert data["answer"][0]["sources"] and {s["id"] for s in data["sources"]} >= set(data["answer"][0]["sources"])


def test_unanswerable_question_says_so(apple_story) -> None:
    result = run_cli("ask", apple_story, "What is the boiling point of mercury?")
    assert result.exit_code == 0 and result.stdout.startswith("The sources do not answer that.")


def test_ask_needs_a_question() -> None:
    assert run_cli("ask", "seeds").exit_code == 2


@pytest.fixture(scope="module")
def aircraft_story(wikinews_rows, tmp_path_factory):
    path = tmp_path_factory.mktemp("aircraft") / "aircraft.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in wikinews_rows if r["story"] == "airbus-boeing"))
    return path


def asked(path, question: str) -> dict:
    return json.loads(run_cli("ask", path, question, "--format", "json").stdout)


def test_an_answer_in_other_words_is_found_not_denied(aircraft_story) -> None:
    """"maiden flight" is the "first test flight" the source reports: answered, with its day."""
    data = asked(aircraft_story, "When did the Boeing 787 make its maiden flight?")
    assert data["answered"] and data["answer"][0]["date"] == "2009-12-15"


def test_plural_numbers_and_verb_families_match(aircraft_story) -> None:
    data = asked(aircraft_story, "How many 787s did Aeroflot order?")
    assert data["answered"] and "22 new Boeing 787" in data["answer"][0]["text"]


def test_who_answers_are_whole_sentences(aircraft_story) -> None:
    won = asked(aircraft_story, "Who won the US Air Force tanker contract?")["answer"][0]["text"]
    assert won.startswith("Northrop Grumman and Airbus parent company")  # not cut at "N.V."
    ceo = asked(aircraft_story, "Who is the CEO of Boeing?")["answer"][0]["text"]
    assert ceo.count('"') % 2 == 0 and "Carson" in ceo


def test_a_definite_description_inherits_the_name_before_it() -> None:
    data = json.loads(run_cli("ask", "seeds", "When did ISIS seize Al-Qaryatain?", "--format", "json").stdout)
    assert data["answered"] and data["answer"][0]["date"] == "2015-08"
    assert "the strategic town [Al-Qaryatain]" in data["answer"][0]["text"]


def test_the_answer_index_is_built_once(seed_story) -> None:
    from storyline.timeline.analysis import analyse
    from storyline.timeline.answers.ask import ask

    analysis = analyse(seed_story)
    ask(analysis, "Who backed the offensive?")
    index = analysis.answer_index
    ask(analysis, "When did ISIS seize Palmyra?")
    assert analysis.answer_index is index and len(index.docs) == len(analysis.claims)


def test_a_country_is_found_by_its_capital_and_people() -> None:
    """"Russia" in the question, "Moscow began its air war" in the source (countryinfo's names)."""
    data = json.loads(run_cli("ask", "seeds", "When did Russia begin its air campaign in Syria?",
                              "--format", "json").stdout)
    assert data["answered"] and data["answer"][0]["date"] == "2015-09-30"
    assert data["answer"][0]["text"].startswith("Moscow began its air war")


def test_a_report_that_tells_the_event_beats_a_date_that_does_not(aircraft_story) -> None:
    """"has made its maiden flight" (dated by its report) answers, not "the first A380 was unveiled
    … on January 18, 2005", which has a date but another event."""
    data = asked(aircraft_story, "When did the A380 make its first flight?")
    assert data["answered"] and data["answer"][0]["date"] == "2005-04-27"
    assert data["note"].startswith("By Wed 27 Apr 2005, the day 1 source reported it")


def test_a_plan_told_in_a_relative_clause_answers_when_will(apple_story) -> None:
    data = asked(apple_story, "When will Mac OS X Lion be released?")
    assert data["answered"] and data["answer"][0]["date"] == "2011-SU"
    assert data["answer"][0]["text"].startswith('The "Lion" release to OS X, which is scheduled')


def test_a_model_designation_a_year_and_the_event_are_found_in_other_words(aircraft_story, apple_story) -> None:
    """"the A380" is the source's "Airbus 380"; "WWDC 2005" is "the event" of a 2005 report that
    named WWDC just before."""
    arrives = asked(aircraft_story, "When will the A380 arrive in Singapore on its tour?")
    assert arrives["answered"] and arrives["answer"][0]["date"] == "2005-11-11"
    attendees = asked(apple_story, "How many attendees were at WWDC 2005?")
    assert attendees["answered"] and "3,800 attendees" in attendees["answer"][0]["text"]


def test_why_answers_bring_the_cause_stated_after_the_fact(apple_story) -> None:
    """News states a fact, then its cause: "… 78 percent increase in its profits …" is followed by
    "This fact is explained by great demand … iPod", which the answer must carry, after a line
    that gives a reason itself ("As a result of successful Christmas sales …"), not the bare fact."""
    data = asked(apple_story, "Why did Apple's profits rise in the last quarter of 2006?")
    assert data["answered"] and data["answer"][0]["text"].startswith("As a result of")
    assert data["answer"][1]["text"].startswith("This fact is explained by great demand")


def test_a_day_inside_the_month_most_reports_give_is_the_answer() -> None:
    """Two reports say "in March", one gives the day: the answer is the day, which the month's
    reports support, not the coarser month."""
    from storyline.timeline.analysis import analyse
    from storyline.timeline.answers.ask import ask
    from tests.conftest import article, story

    analysis = analyse(story(
        article(1, "The Harbour Bridge was reopened to traffic in March after two years of repairs.",
                published="2021-04-20"),
        article(2, "The Harbour Bridge was reopened to traffic in March, the council said on Monday.",
                published="2021-04-19"),
        article(3, "The Harbour Bridge was reopened to traffic on 14 March 2021 after two years of repairs.",
                published="2021-04-21")))
    answer = ask(analysis, "When did the Harbour Bridge reopen?")
    assert answer.found and answer.lines[0].date == "2021-03-14"


def test_an_answer_shows_each_line_once() -> None:
    """On the demo, "France hailed the recapture" is told as the recapture's event, whose line is
    another claim's: it was listed twice in one answer."""
    from tests.conftest import SEEDS

    for question in ("Who recaptured Palmyra?", "What did France say about Palmyra?"):
        data = json.loads(run_cli("ask", SEEDS, question, "--format", "json").stdout)
        shown = [(line["text"], line["date"]) for line in data["answer"]]
        assert shown and len(shown) == len(set(shown)), question
