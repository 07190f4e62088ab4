"""The tagger on the relative dates 'when' answers hang on (our own sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.timeline.tagger.scan import tag

SAT = date(2019, 6, 15)  # a Saturday
WED = date(2019, 6, 12)


def found(text: str, published: date) -> list[tuple[str, str, str, bool]]:
    return [(t.text, t.type, t.value, t.future) for t in tag(text, published)]


@pytest.mark.parametrize("text, published, expected", [
    # counted from an event, not from publication: the stretch of time
    ("The album came out three days before the singer fell ill.", WED, [("three days before", "DURATION", "P3D", False)]),
    ("She resigned two weeks before her trial.", WED, [("two weeks before", "DURATION", "P2W", False)]),
    # "Two days before," with nothing after it still counts back from publication, as before
    ("Two days before, the team had lost.", WED, [("Two days before", "DATE", "2019-06-10", False)]),
    # a plan of "this week" is a plan; in a weekend paper, of the week ahead
    ("The minister will unveil the budget this week.", WED, [("this week", "DATE", "2019-W24", True)]),
    ("The minister will unveil the budget this week.", SAT, [("this week", "DATE", "2019-W25", True)]),
    ("Prices fell this week.", SAT, [("this week", "DATE", "2019-W24", False)]),
    ("A plan to rescue the carmaker failed to pass the senate this week.", SAT,
     [("this week", "DATE", "2019-W24", False)]),
    # news's present of a schedule, with its place between the verb and the day
    ("The exhibition opens at the city museum in Leeds on Saturday.", WED, [("Saturday", "DATE", "2019-06-15", True)]),
    ("The exhibition opened at the city museum in Leeds on Saturday.", WED, [("Saturday", "DATE", "2019-06-08", False)]),
    # a guess at the day is of what is to come, in a dash aside with no verb too; what was keeps its past verb
    ("The ruling clears the way for a council vote - most likely this weekend - on the tram plan.", WED,
     [("this weekend", "DATE", "2019-W24-WE", True)]),
    ("A vote on the tram plan is likely on Friday.", WED, [("Friday", "DATE", "2019-06-14", True)]),
    ("The fire at the depot was probably on Friday.", WED, [("Friday", "DATE", "2019-06-07", False)]),
    ("The fire at the depot probably started on Friday.", WED, [("Friday", "DATE", "2019-06-07", False)]),
])
def test_relative_dates_of_when_answers(text: str, published: date, expected: list) -> None:
    assert found(text, published) == expected
