"""Key dates of a large story (`select(..., dates=N)`): the days the coverage refers back to, not
the busiest publication days nor the months that sum the days up. Our own sentences."""

from __future__ import annotations

from datetime import date, timedelta

from storyline.summarize.model import RawDocument
from storyline.summarize.story import Story, build_articles
from storyline.summarize.text.sentences import split_text
from storyline.timeline.analysis import analyse
from storyline.timeline.events.build import select

TOWNS = ["Alder", "Birch", "Cedar", "Dunmore", "Elmstead", "Fenwick", "Garth", "Hollin", "Ivybridge", "Juniper"]


def _story(texts: list[tuple[str, str]]):
    articles, _ = build_articles([RawDocument(f"{i}.txt", text, None, None, day) for i, (day, text) in enumerate(texts)])
    return analyse(Story(tuple(articles), tuple(s for a in articles for s in split_text(a.id, a.text))))


SYLLABLES = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "vu", "ze"]
VERBS = ["repainted", "sold", "rebuilt", "cleaned", "opened", "closed"]


def _name(i: int, salt: int) -> str:
    return (SYLLABLES[(i + salt) % 10] + SYLLABLES[(i // 10 + 3 * salt) % 10] + SYLLABLES[(i * 7 + salt) % 10]).title()


def _filler(count: int, start: date) -> list[tuple[str, str]]:
    """A story's everyday coverage: three articles a day, each leading with a small event of its own."""
    return [((start + timedelta(days=i // 3)).isoformat(),
             f"Local notes\n\n{_name(i, 1)} {VERBS[i % 6]} the {_name(i, 2)} hall in {_name(i, 5)}.")
            for i in range(count)]


def test_a_day_referred_back_to_beats_busy_publication_days() -> None:
    texts = _filler(60, date(2021, 2, 1))
    # the dam burst on 3 March: told that day by no one, referred back to by eight later articles
    for i, day in enumerate(["2021-03-04", "2021-03-05", "2021-03-09", "2021-03-12", "2021-03-20"]):
        texts.append((day, f"Dam report\n\nEngineers inspected the dam at Cedar, which burst on March 3.\n\n"
                           f"The inquiry into the March 3 collapse heard witness {i}."))
    texts += [("2021-03-04", "Dam burst\n\nThe dam at Cedar burst yesterday, flooding the valley."),
              ("2021-03-04", "Flood\n\nFloodwater from the dam that failed yesterday reached Garth.")]
    shown = select(_story(texts).timeline, dates=1, per_date=1)
    assert [e.span.value for e in shown] == ["2021-03-03"]


def test_a_month_yields_to_its_days_in_a_large_story() -> None:
    texts = _filler(60, date(2021, 2, 1))
    for i in range(9):  # "in March" in nine articles, one day of it in four
        texts.append(("2021-04-02", f"Review {i}\n\nThe rains in March ruined the harvest at {TOWNS[i]}."))
    for i in range(4):
        texts.append(("2021-04-03", f"Court {i}\n\nA court in Hollin fined the mill owner on March 14 for case {i}."))
    values = [e.span.value for e in select(_story(texts).timeline, dates=1, per_date=1)]
    assert values == ["2021-03-14"]


def test_a_planned_date_the_coverage_awaits_counts() -> None:
    """Eight articles expect the trial on April 6 (past their leads): the date is a key date."""
    texts = _filler(60, date(2021, 2, 1))
    for i in range(8):
        texts.append((f"2021-03-{10 + i}", f"Mill case {i}\n\n{_name(i, 7)} {VERBS[i % 6]} the "
                                           f"{_name(i, 8)} hall. It {VERBS[(i + 1) % 6]} the {_name(i, 9)} gate.\n\nThe trial of the Fenwick mill owner will open on April 6."))
    values = [e.span.value for e in select(_story(texts).timeline, dates=1, per_date=1)]
    assert values == ["2021-04-06"]


def test_a_week_yields_to_its_days_in_a_large_story() -> None:
    texts = _filler(60, date(2021, 2, 1))
    for i in range(9):  # "last week" in nine articles of one day, one day of that week in four
        texts.append(("2021-04-07", f"Review {i}\n\nThe storms last week flattened the barns at {TOWNS[i]}."))
    for i in range(4):
        texts.append(("2021-04-08", f"Court {i}\n\nA court in Hollin fined the mill owner on March 31 for case {i}."))
    values = [e.span.value for e in select(_story(texts).timeline, dates=1, per_date=1)]
    assert values == ["2021-03-31"]


def test_an_articles_own_today_counts_as_a_reference() -> None:
    """Four pieces of one day say "today"; six pieces of a busier day name no date at all."""
    texts = _filler(150, date(2021, 2, 1))
    texts += [("2021-03-10", f"Depot {i}\n\nFire crews fought a blaze at the {TOWNS[i]} depot today.") for i in range(4)]
    texts += [("2021-03-20", f"Notes {i}\n\n{_name(i, 4)} {VERBS[i % 6]} the {_name(i, 6)} barn in {TOWNS[i]}.") for i in range(6)]
    values = [e.span.value for e in select(_story(texts).timeline, dates=1, per_date=1)]
    assert values == ["2021-03-10"]


def test_a_day_before_a_busy_publication_day_gets_its_weight() -> None:
    """The morning papers tell the day before: articles published on the 5th weigh for the 4th too."""
    texts = [("2021-03-05", f"Storm {i}\n\nRoofs were torn off in {TOWNS[i]}.") for i in range(5)]
    texts.append(("2021-03-02", "Notes\n\nThe Alder bakery reopened its doors."))
    mentions = _story(texts).timeline.mentions
    assert mentions.get("2021-03-04", 0.0) > mentions.get("2021-03-02", 0.0) > 0.0


def test_a_date_named_off_the_story_counts_less() -> None:
    """Every piece is about the Fenwick mill. Four name March 3 beside the mill; five name March 9 for
    the town's schools, without the mill."""
    texts = [(d, t.replace("hall in", "hall by the Fenwick mill in")) for d, t in _filler(60, date(2021, 2, 1))]
    for i in range(4):
        texts.append((f"2021-03-{12 + i}", f"Mill {i}\n\nThe owner shut the Fenwick mill on March 3, {_name(i, 3)} said."))
    for i in range(5):
        texts.append((f"2021-03-{16 + i}", f"Town {i}\n\nSchools in {TOWNS[i]} closed on March 9 for a heating fault."))
    values = [e.span.value for e in select(_story(texts).timeline, dates=1, per_date=1)]
    assert values == ["2021-03-03"]
