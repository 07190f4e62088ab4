"""Dates as the sources mean them: one test per error class of issue 21, on sentences written here.

Each class is checked through the library (`tag`, `analyse`) or the CLI (`storyline dates`),
with publication dates chosen so that the wrong reading gives a different value.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from storyline.timeline.analysis import analyse
from storyline.timeline.events.build import Event
from storyline.timeline.tagger.scan import tag
from tests.conftest import article, run_cli, story

MON = date(2024, 3, 11)  # a Monday


def _values(text: str, published: date) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, published)]


def _events(*articles: tuple[str, str]) -> list[Event]:
    """The timeline's events of articles given as (publication day, text)."""
    built = story(*(article(i, text, published=day) for i, (day, text) in enumerate(articles, 1)))
    return list(analyse(built).timeline.events)


def _main(events: list[Event], words: str) -> Event:
    return next(e for e in events if words in e.text and e.role == "main")


# 1. Only the date's own clause decides its tense: a modal in another clause does not make it ahead.
@pytest.mark.parametrize("text, expected", [
    ("Despite fears that it would raise prices, the board approved the merger on Tuesday.", "2024-03-05"),
    ("Though the coach has hinted he may leave, he signed a new contract on Saturday.", "2024-03-09"),
    ("The police chief, expected to retire soon, arrested the suspect on Friday.", "2024-03-08"),
    # the modal's own clause still looks ahead
    ("The board approved the merger, which will close on Friday.", "2024-03-15"),
    ("The company will redeem its preferred shares on Friday.", "2024-03-15"),
])
def test_a_modal_in_another_clause_does_not_flip_a_simple_past(text: str, expected: str) -> None:
    assert [v for _, v in _values(text, MON)][-1] == expected


def test_the_cli_dates_a_past_weekday_past_a_modal_in_another_clause() -> None:
    text = "Although the mayor says she could run again, she vetoed the budget on Sunday."
    result = run_cli("dates", "-", "--published", "2024-03-11", input=text)
    assert result.exit_code == 0, result.output
    assert [(t["text"], t["value"]) for t in json.loads(result.stdout)["timexes"]] == [("Sunday", "2024-03-10")]


# 2. A page stamped before its text: a past weekday 5-6 days back is uncertain unless the story decides.
def test_a_past_weekday_six_days_before_the_stamp_is_uncertain() -> None:
    events = _events(("2024-03-14", "Mourning\n\nThe premier said Friday evening that flags would fly at half mast."))
    event = _main(events, "half mast")
    assert event.span.value == "2024-03-08" and not event.certain
    # yesterday's Friday is not in doubt
    events = _events(("2024-03-09", "Mourning\n\nThe premier said Friday evening that flags would fly at half mast."))
    assert _main(events, "half mast").certain


def test_reports_a_week_apart_follow_the_date_most_of_them_give() -> None:
    line = "The premier announced on Friday that flags would fly at half mast across the islands."
    events = _events(("2024-03-14", f"Early page\n\n{line}"),
                     ("2024-03-16", f"Flags\n\n{line}"), ("2024-03-16", f"Islands\n\n{line}"),
                     ("2024-03-17", f"Weekend\n\n{line}"))
    dated = [e for e in events if "half mast" in e.text and e.role == "main"]
    assert [(e.span.value, e.certain, len(e.sources)) for e in dated] == [("2024-03-15", True, 4)]


# 3. Deadlines and plans: the next such date, not the last.
@pytest.mark.parametrize("text, published, expected", [
    ("The bridge will be finished by March 15.", date(2024, 9, 24), "2025-03-15"),
    ("The firm expects to settle the claims by Feb. 28.", date(2024, 10, 20), "2025-02-28"),
    ("Ballots must be returned by November 5.", date(2024, 11, 1), "2024-11-05"),
])
def test_deadlines_and_plans_take_the_coming_date(text: str, published: date, expected: str) -> None:
    assert [v for _, v in _values(text, published)] == [expected]


# 4. "That year" and "the December ruling" refer back.
def test_that_year_is_the_year_named_and_a_past_month_is_the_last_one() -> None:
    assert _values("The band split up in 1987. That year its drummer opened a bar.", MON) == [
        ("1987", "1987"), ("That year", "1987")]
    assert _values("The council quietly dropped the December plan.", MON) == [("December", "2023-12")]


# 5. A day is not dropped to its month or year.
def test_a_day_keeps_its_day() -> None:
    events = _events(("2024-06-27", "Obituary\n\nThe folk singer Ann Vale died at her home on 25 June, aged 50."))
    assert _main(events, "Ann Vale").span.value == "2024-06-25"
    # a year named earlier in the sentence does not swallow the day
    events = _events(("2024-06-27", "Obituary\n\nIn 2009 the painter Ian Moss moved north, and he died on "
                                    "25 June at his farm near Hull."))
    assert _main(events, "Ian Moss").span.granularity == "day"
    # but a weekday of the report does not date the event
    events = _events(("2016-03-09", "Plant\n\nThe Kestrel plant closed in 2011, the union said on Monday."))
    assert _main(events, "Kestrel").span.value == "2011"


# 6. The expression that dates the event, not a background date nor a picture's.
def test_a_cause_s_date_is_background_and_the_order_is_of_the_day() -> None:
    events = _events(("2013-04-02", "Court\n\nA judge ordered the nurse to stand trial over the patient's death in 2011."))
    assert _main(events, "stand trial").span.value == "2013-04-02"
    assert [e.role for e in events if e.span.value == "2011"] == ["background"]
    assert [t.subordinate for t in tag("Lawyers appealed the December ruling on Monday.", MON)] == [True, False]


def test_a_photo_caption_dates_nothing() -> None:
    events = _events(("2013-04-02", "Gallery\n\nThe senator, shown in 2010 at a rally in Ohio, has denied the claims."))
    assert {e.span.value for e in events} == {"2013-04-02"}


# 7. Names that look like dates.
@pytest.mark.parametrize("text, published", [
    ("The Sunday Times first reported the affair.", MON),
    ("Shoppers queued overnight for Black Friday deals.", date(2024, 11, 25)),
    ("The Good Friday agreement ended decades of violence.", MON),
    ("Critics of the May government attacked the budget.", MON),
    ("She was a writer on Saturday Night Live for a decade.", MON),
    ("The producer's Christmas album still sells.", MON),
])
def test_names_that_look_like_dates_are_not_dates(text: str, published: date) -> None:
    assert [v for _, v in _values(text, published) if v[:1].isdigit() and len(v) >= 7] == []


def test_a_day_beside_a_name_is_still_a_day() -> None:
    assert _values("The Sunday Times reported on Monday that talks had failed.", date(2024, 3, 12)) == [
        ("Monday", "2024-03-11")]
    assert _values("Good Friday fell early this year.", date(2024, 4, 2)) == [
        ("Good Friday", "2024-03-29"), ("early this year", "2024")]


def test_a_century_before_christ_is_no_century_of_ours() -> None:
    """"2nd-century BC" is not the 100s AD: the tagger has no year before 1 to give it."""
    published = date(2012, 5, 1)
    assert _values("A film about a 2nd-century BC Jewish revolt was dropped.", published) == []
    assert _values("Temples of the first century B.C. were looted.", published) == []
    assert _values("Temples of the first century were looted.", published) == [("the first century", "00")]
