"""The temporal tagger: each rule on sentences written here, with their publication dates."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.timeline.tagger.scan import tag

TUE = date(2016, 3, 29)  # a Tuesday
FRI = date(2016, 3, 25)


def values(text: str, published: date | None = TUE) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, published)]


@pytest.mark.parametrize("text, published, expected", [
    # weekdays in past-tense news: the latest such day, the day itself when it is that day
    ("Troops were locked in heavy fighting on Tuesday.", TUE, [("Tuesday", "DATE", "2016-03-29")]),
    ("Sunday's capture of Palmyra was a blow.", TUE, [("Sunday's", "DATE", "2016-03-27")]),
    ("Syrian troops on Thursday entered the city.", FRI, [("Thursday", "DATE", "2016-03-24")]),
    ("Strikes hit the area between Wednesday and last Sunday.", FRI,
     [("between Wednesday and last Sunday", "DATE", "2016-03-20/2016-03-23")]),
    ("The minister will visit on Thursday.", TUE, [("Thursday", "DATE", "2016-03-31")]),
    ("They met last Tuesday.", TUE, [("last Tuesday", "DATE", "2016-03-22")]),
    # months without a year: the latest such month up to publication, unless the tense is future
    ("ISIS overran Palmyra last May.", FRI, [("last May", "DATE", "2015-05")]),
    ("In May, ISIS took over the city.", FRI, [("May", "DATE", "2015-05")]),
    ("Prices rose in March.", TUE, [("March", "DATE", "2016-03")]),
    ("He was aiming to restart talks on April 9.", FRI, [("April 9", "DATE", "2016-04-09")]),
    ("Talks began on March 14.", TUE, [("March 14", "DATE", "2016-03-14")]),
    ("The offensive ran from March 24-29.", date(2016, 4, 2), [("March 24-29", "DATE", "2016-03-24/2016-03-29")]),
    ("Between September 30 and December 31, 1 448 civilians were killed.", TUE,
     [("Between September 30 and December 31", "DATE", "2015-09-30/2015-12-31")]),
    # absolute dates keep their granularity
    ("ISIS had seized the town in August 2015.", TUE, [("August 2015", "DATE", "2015-08")]),
    ("The air war began on September 30 2015.", TUE, [("September 30 2015", "DATE", "2015-09-30")]),
    ("It opened on 4 July 1998 in Paris.", TUE, [("4 July 1998", "DATE", "1998-07-04")]),
    ("Sales fell in 2013.", TUE, [("2013", "DATE", "2013")]),
    ("Prices peaked in late 2015.", TUE, [("late 2015", "DATE", "2015")]),
    ("In the last quarter of 2015, strikes rose.", TUE, [("the last quarter of 2015", "DATE", "2015-Q4")]),
    ("Exports grew in Q3 2014.", TUE, [("Q3 2014", "DATE", "2014-Q3")]),
    ("In the first quarter of last year, GM lost money.", TUE, [("the first quarter of last year", "DATE", "2015-Q1")]),
    ("It will close about a quarter of its 3,200 dealers.", TUE, []),
    ("Profits doubled in the first half of 2012.", TUE, [("the first half of 2012", "DATE", "2012-H1")]),
    ("It was built in the 1990s.", TUE, [("the 1990s", "DATE", "199")]),
    ("In the late 1980's Apple added audio.", TUE, [("the late 1980's", "DATE", "198")]),
    ("In 2000 Apple grew; the Russell 2000 Index fell.", TUE, [("2000", "DATE", "2000")]),
    ("Fighting resumed in the summer of 2015.", TUE, [("the summer of 2015", "DATE", "2015-SU")]),
    ("Fighting resumed last summer.", TUE, [("last summer", "DATE", "2015-SU")]),
    ("The report was dated 2016-03-29.", TUE, [("2016-03-29", "DATE", "2016-03-29")]),
    ("The deal was signed on 19-Nov-12.", TUE, [("19-Nov-12", "DATE", "2012-11-19")]),
    ("The deal was signed on 03/29/2016.", TUE, [("03/29/2016", "DATE", "2016-03-29")]),
    # relative days, weeks, months, years
    ("The ministry said yesterday that it had won.", TUE, [("yesterday", "DATE", "2016-03-28")]),
    ("Talks are due to resume tomorrow.", TUE, [("tomorrow", "DATE", "2016-03-30")]),
    ("Shelling resumed last night.", TUE, [("last night", "TIME", "2016-03-28TNI")]),
    ("Earlier this month, Russia announced a draw down.", TUE, [("Earlier this month", "DATE", "2016-03")]),
    ("The army launched an offensive early this month.", FRI, [("early this month", "DATE", "2016-03")]),
    ("Sales doubled last year.", TUE, [("last year", "DATE", "2015")]),
    ("Output fell last week.", TUE, [("last week", "DATE", "2016-W12")]),
    ("The company was founded two years ago.", TUE, [("two years ago", "DATE", "2014")]),
    ("He resigned a week ago.", TUE, [("a week ago", "DATE", "2016-W12")]),
    ("As they retreated at the weekend, fighters planted mines.", TUE, [("the weekend", "DATE", "2016-W12-WE")]),
    # times
    ("The blast came at 7:16 am local time.", TUE, [("7:16 am local time", "TIME", "2016-03-29T07:16")]),
    ("It ended at midnight.", TUE, [("midnight", "TIME", "2016-03-29T00:00")]),
    ("The blast came at 7:16 am on Monday.", TUE, [("7:16 am", "TIME", "2016-03-28T07:16"),
                                                   ("Monday", "DATE", "2016-03-28")]),
    ("Polls close on Sunday at 8 p.m.", FRI, [("Sunday", "DATE", "2016-03-27"), ("8 p.m.", "TIME", "2016-03-27T20:00")]),
    # durations, sets and references to the present are not event dates
    ("It has 270,000 dead over the past five years.", TUE, [("the past five years", "DURATION", "P5Y")]),
    ("The ruins could be restored in five years.", TUE, [("five years", "DURATION", "P5Y")]),
    # ages and compound adjectives are not time expressions in TimeML
    ("They demolished the 2 000-year-old temple.", TUE, []),
    ("A 44-year-old man was arrested.", TUE, []),
    # a number and a unit is a duration without a lead word; a year before a unit is not a count
    ("The strike lasted five days.", TUE, [("five days", "DURATION", "P5D")]),
    ("Passengers waited 90 minutes at the gate.", TUE, [("90 minutes", "DURATION", "PT90M")]),
    # a year before a noun after a determiner is a year; a bare number before a noun is a count
    ("His 2007 campaign failed, and a 2009 analysis found 2000 people had left.", TUE,
     [("2007", "DATE", "2007"), ("2009", "DATE", "2009")]),
    # "soon" is too vague to tag; "recently" is the past (PAST_REF), "now" the present
    ("The minister recently visited the town and will return soon.", TUE, [("recently", "DATE", "PAST_REF")]),
    ("Shelling has intensified in recent weeks.", TUE, [("recent weeks", "DURATION", "PXW")]),
    # a hyphenated quarter is a quarter, the latest one up to publication
    ("Third-quarter profit rose 5%.", date(2016, 11, 2), [("Third-quarter", "DATE", "2016-Q3")]),
    ("A five-year plan was agreed.", TUE, [("five-year", "DURATION", "P5Y")]),
    ("Protesters gather every Friday.", TUE, [("every Friday", "SET", "XXXX-WXX-5")]),
    ("The index is updated daily.", TUE, [("daily", "SET", "P1D")]),
    ("The town is now under army control.", TUE, [("now", "DATE", "PRESENT_REF")]),
    ("It is currently closed.", TUE, [("currently", "DATE", "PRESENT_REF")]),
    ("The regime would take the city in the coming days.", TUE, [("the coming days", "DATE", "FUTURE_REF")]),
])
def test_expressions(text: str, published: date, expected: list[tuple[str, str, str]]) -> None:
    assert values(text, published) == expected


@pytest.mark.parametrize("text", [
    "80% of the site was still in good shape.",
    "Only 10-25% of Russian forces have left.",
    "It costs $2015 and weighs 100M tonnes.",
    "Some 2000 people fled; 1 448 civilians were killed.",
    "The code 2882015 was used.",
    "S/SH 11",
    "We reserve the right to decide what will be published.",
    "Sun Microsystems and Apple may merge, analysts said.",
    "Shares rose 3.5 points to 2,070.",
    "The team won 3-2 after 90 minutes.",
])
def test_numbers_and_words_that_are_not_dates(text: str) -> None:
    assert [t for t in tag(text, TUE) if t.type in ("DATE", "TIME")] == []


def test_offsets_point_into_the_text() -> None:
    text = "On Tuesday, troops entered; in August 2015 ISIS had seized it."
    for t in tag(text, TUE):
        assert text[t.start:t.end] == t.text


def test_without_a_publication_date_relative_values_stay_unresolved() -> None:
    assert values("They met on Tuesday and in May 2015.", None) == [
        ("Tuesday", "DATE", "XXXX-WXX-2"), ("May 2015", "DATE", "2015-05")]
    assert tag("They met on Tuesday.", None)[0].span is None


def test_subordinate_and_future_expressions_are_flagged() -> None:
    since = tag("Moscow has struck targets since it began its air war on September 30 2015.", TUE)
    assert since[0].subordinate
    relative = tag("ISIS, which seized the town in August 2015, lost it on Sunday.", TUE)
    assert [(t.value, t.subordinate) for t in relative] == [("2015-08", True), ("2016-03-27", False)]
    assert tag("He hopes to restart talks on April 9.", FRI)[0].future


def test_month_boundaries() -> None:
    """Weekdays and months across month and year ends (dateparser #1196, #1262)."""
    assert values("It happened on Thursday.", date(2016, 3, 1)) == [("Thursday", "DATE", "2016-02-25")]
    assert values("It happened in December.", date(2016, 1, 5)) == [("December", "DATE", "2015-12")]
    assert values("It happened on Saturday.", date(2017, 1, 2)) == [("Saturday", "DATE", "2016-12-31")]


@pytest.mark.parametrize("text, published, expected", [
    ("It is slated for a U.S. release on June 24.", date(2010, 6, 16), "2010-06-24"),
    ("The quarter ends on June 26.", date(2010, 6, 16), "2010-06-26"),
    ("The company has a deadline set at June 1.", date(2009, 5, 7), "2009-06-01"),
    ("It wants to cut its dealers by early June.", date(2009, 5, 14), "2009-06"),
    ("Talks began on March 14.", date(2016, 3, 29), "2016-03-14"),
    ("Strikes ran from September 30.", date(2016, 3, 29), "2015-09-30"),
    ("Sales fell in February.", date(2010, 3, 3), "2010-02"),
    # the governing verb decides, not any word ending in -ed in the sentence
    ("The papers, which were signed Tuesday, must be returned by Jan. 14.", date(2000, 1, 7), "2000-01-14"),
    ("The United States expects a reply in June.", date(2016, 3, 29), "2016-06"),
    ("The board has identified three candidates and will run the search through June.", date(2016, 3, 29),
     "2016-06"),
    ("Organisers have extended the deadline to Nov. 20.", date(1990, 11, 2), "1990-11-20"),
    ("The dividend is payable Dec. 7 to holders of record.", date(1995, 10, 27), "1995-12-07"),
    ("Crowds could gather outside the court as early as Tuesday.", date(2001, 4, 2), "2001-04-03"),
    ("Fans planned a march through the city on Saturday.", date(2000, 1, 7), "2000-01-08"),
    ("Up until Thursday, the police had not named a suspect.", date(1999, 5, 6), "1999-05-06"),
    ("Relatives would appeal the ruling, announced Wednesday by the agency.", date(2000, 1, 6), "2000-01-05"),
    ("On Tuesday, the Reproductive and Civil Rights League plans to hold a news conference.", date(1998, 10, 26),
     "1998-10-27"),  # "and" inside a name does not end the clause before its verb
    ("Leaders of the two parties meet separately Monday with the envoy.", date(1998, 5, 1), "1998-05-04"),
    ("They did not meet Monday.", date(1998, 5, 1), "1998-04-27"),
    ("Members can take part in planning for the summit in April.", date(1998, 12, 5), "1999-04"),
    ("The airline will double its flights between Sydney and Delhi by August.", date(1998, 2, 13), "1998-08"),
    ("Protesters were planning to march on Monday.", date(2000, 1, 7), "2000-01-10"),
    ("The group agreed to buy the plant for $5 million in March.", date(1989, 10, 30), "1990-03"),
    ("She gave no reason for the Jan. 14 deadline.", date(2000, 1, 5), "2000-01-14"),
    ("In January, a week after the anniversary, a doctor was shot.", date(1998, 10, 25), "1998-01"),
    # a simple past looks back however near the coming one is
    ("In May, rebels took over the town.", date(2016, 3, 29), "2015-05"),
    ("The plant closed on April 2.", date(2016, 3, 29), "2015-04-02"),
    # a future a year off is rather the date just gone
    ("The minister will mark the Aug. 7 anniversary of the blasts.", date(1998, 8, 18), "1998-08-07"),
])
def test_dates_without_a_year_near_publication(text: str, published: date, expected: str) -> None:
    """The last date of each sentence, read by the tense of the verb that governs it and by nearness."""
    assert [t.value for t in tag(text, published) if t.type == "DATE"][-1] == expected


def test_anaphoric_days_follow_the_date_named_before() -> None:
    text = "Talks opened on March 3 in Geneva. The next day, the envoy left. A week later nothing had moved."
    found = [(t.text, t.value) for t in tag(text, TUE)]
    assert found[:2] == [("March 3", "2016-03-03"), ("The next day", "2016-03-04")]
    assert [(t.text, t.value) for t in tag("The following week, prices fell.", TUE)] == [
        ("The following week", "2016-W14")]


def test_units_later_count_from_the_date_named_before_at_its_precision() -> None:
    """"One year later" after 1976 is 1977, not a year after publication; "two days later" after a
    bare year cannot be placed to the day."""
    text = "He co-founded the firm in 1976. One year later he was fired. Two days later, it recovered."
    assert [(t.text, t.value) for t in tag(text, TUE)] == [
        ("1976", "1976"), ("One year later", "1977"), ("Two days later", "XXXX-XX-XX")]
    assert [t.value for t in tag("Two days later, it recovered.", TUE)] == ["2016-03-31"]


def test_a_year_before_a_unit_is_not_a_count() -> None:
    """"the 1988 second quarter" is no duration of 1,988 seconds."""
    assert all(t.type != "DURATION" for t in tag("Profit in the 1988 second quarter rose.", date(1989, 11, 2)))


def test_quarters_refer_back_to_the_quarter_named() -> None:
    text = ("Acme earned $4 million in the third quarter. A year earlier, it lost money. Sales in the quarter "
            "rose, and profit beat the year-ago quarter. In the 1994 second quarter it broke even; this year's "
            "first quarter was weak.")
    found = [(t.text, t.value) for t in tag(text, date(1995, 10, 20))]
    assert found == [("the third quarter", "1995-Q3"), ("A year earlier", "1994-Q3"), ("the quarter", "1995-Q3"),
                     ("the year-ago quarter", "1994-Q3"), ("the 1994 second quarter", "1994-Q2"),
                     ("this year's first quarter", "1995-Q1")]


def test_the_latest_and_the_current_quarter_count_from_publication_not_the_quarter_named() -> None:
    text = "Profit should rise in the fourth quarter. In the latest quarter it fell; the current quarter looks better."
    assert [(t.text, t.value) for t in tag(text, date(1989, 11, 2))] == [
        ("the fourth quarter", "1989-Q4"), ("the latest quarter", "1989-Q3"), ("the current quarter", "1989-Q4")]


def test_without_a_quarter_named_a_year_ago_is_a_year_and_the_quarter_is_nothing() -> None:
    found = [(t.text, t.value) for t in tag("A year ago, the mine flooded. The quarter was calm.", date(1995, 10, 20))]
    assert found == [("A year ago", "1994")]
    assert [(t.text, t.value) for t in tag("Profit fell in the latest quarter.", date(1995, 10, 20))] == [
        ("the latest quarter", "1995-Q3")]


def test_a_range_is_one_event_date_but_two_timeml_expressions() -> None:
    from storyline.timeline.tagger.scan import expressions

    found = tag("Output fell between 1994 and 1997.", date(2000, 1, 1))
    assert [(t.text, t.value) for t in found] == [("between 1994 and 1997", "1994/1997")]
    assert [(t.text, t.value) for t in expressions(found)] == [("1994", "1994"), ("1997", "1997")]


@pytest.mark.parametrize("text, published, expected", [
    # parts of day are TIMEs with TIMEX3's part-of-day codes
    ("Police moved in Friday afternoon.", date(2013, 3, 23), [("Friday afternoon", "TIME", "2013-03-22TAF")]),
    ("The talks resume this evening.", date(2013, 3, 23), [("this evening", "TIME", "2013-03-23TEV")]),
    ("Shelling went on last night.", date(2013, 3, 23), [("last night", "TIME", "2013-03-22TNI")]),
    # years and centuries written out
    ("The dam was finished in nineteen fifty-two.", date(1999, 5, 1), [("nineteen fifty-two", "DATE", "1952")]),
    ("Plans for the year two thousand are ready.", date(1999, 5, 1), [("the year two thousand", "DATE", "2000")]),
    ("The bridge is a relic of the 19th century.", date(1999, 5, 1), [("the 19th century", "DATE", "18")]),
    ("It was the bloodiest war of the twentieth century.", date(1999, 5, 1),
     [("the twentieth century", "DATE", "19")]),
    # "that year" is the year just named
    ("The mill opened in 1931. Later that year it burned down.", date(1999, 5, 1),
     [("1931", "DATE", "1931"), ("Later that year", "DATE", "1931")]),
    # holidays, resolved by tense like any date without a year
    ("Shops were busy before Thanksgiving.", date(1999, 10, 8), [("Thanksgiving", "DATE", "1998-11-26")]),
    ("The troops will be home by Christmas.", date(1999, 10, 8), [("Christmas", "DATE", "1999-12-25")]),
    ("Easter 2001 was late.", date(1999, 10, 8), [("Easter 2001", "DATE", "2001-04-15")]),
])
def test_parts_of_day_centuries_and_holidays(text: str, published: date, expected: list[tuple[str, str, str]]) -> None:
    assert values(text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("Prices rose over the past five days.", TUE, [("the past five days", "DURATION", "P5D")]),
    ("The next couple of years will be hard.", TUE, [("The next couple of years", "DURATION", "P2Y")]),
    ("The flight took 5 1/2 hours.", TUE, [("5 1/2 hours", "DURATION", "PT5H30M")]),
    ("The feud lasted two decades.", TUE, [("two decades", "DURATION", "P20Y")]),
    ("The paper said in an editorial on Monday, Oct. 26, that…", date(1998, 10, 25),
     [("Monday, Oct. 26", "DATE", "1998-10-26")]),
    ("Marchers pledged to block roads this summer.", date(1998, 3, 22), [("this summer", "DATE", "1998-SU")]),
    ("Hudson said it will redeem its Series H preferred shares on Oct. 31.", date(1989, 10, 27),
     [("Oct. 31", "DATE", "1989-10-31")]),
])
def test_durations_named_weekdays_and_adjectives(text: str, published: date,
                                                 expected: list[tuple[str, str, str]]) -> None:
    assert values(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    ("The feud lasted for years.", [("years", "DURATION", "PXY")]),
    ("Prices rose over the past months.", [("the past months", "DURATION", "PXM")]),
    ("They talked for two weeks.", [("two weeks", "DURATION", "P2W")]),  # TimeML leaves the preposition out
    ("No rain fell in the last twenty four hours.", [("the last twenty four hours", "DURATION", "PT24H")]),
])
def test_vague_and_counted_durations_without_their_preposition(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Talks opened on March 3. The day before, rebels shelled the city.",
     [("March 3", "2016-03-03", None), ("The day before", "2016-03-02", None)]),
    ("He resigned the day before the vote.", []),  # counted from an event, not a date
    ("Officials were not available at the time.", [("the time", "PAST_REF", None)]),
    ("The plant will close by the end of the year.", [("the end of the year", "2016", "END")]),
    ("Sales rose in the first half of the year.", [("the first half of the year", "2016-H1", None)]),
    ("Sales rose this past spring.", [("this past spring", "2015-SP", None)]),
    ("In June last year the leaders fell out.", [("June last year", "2015-06", None)]),
    ("Police studied the October slaying.", [("October", "2015-10", None)]),
    ("Thousands joined the March for Life and heard June Carter sing.", []),
    ("The stock pays $1.76 a year on four flights a week; it takes a week.", [("a week", "P1W", None)]),
    ("Mr. Reupke, 52 years old, praised the quarter-to-quarter comparison.", []),
    ("Sales rose over the next three quarters; the fight lasted a minute and a half.", [
        ("the next three quarters", "P9M", None), ("a minute and a half", "PT1M30S", None)]),
    ("Marchers parade each July; flights leave on Tuesday nights; sales rose in the last half of 1989.", [
        ("each July", "XXXX-07", None), ("Tuesday nights", "XXXX-WXX-2TNI", None),
        ("the last half of 1989", "1989-H2", None)]),
    ("Talks opened on March 3. The next morning, rebels struck.", [("March 3", "2016-03-03", None),
                                                                   ("The next morning", "2016-03-04", None)]),
    ("Prices soared in the nineties; trading halted mid-afternoon yesterday.", [
        ("the nineties", "199", None), ("mid-afternoon yesterday", "2016-03-28TAF", None)]),
    ("Several years ago the firm failed.", [("Several years ago", "PAST_REF", None)]),
    ("The strike began late last July.", [("late last July", "2015-07", "END")]),
    ("The deal closed in the past year.", [("the past year", "P1Y", None)]),
    ("The siege lasted more than two months.", [("more than two months", "P2M", "MORE_THAN")]),
    ("It took at least 3 weeks.", [("at least 3 weeks", "P3W", "EQUAL_OR_MORE")]),
    ("It was a day-long strike in a decades-long feud.", [("day-long", "P1D", None), ("decades-long", "PXY", None)]),
    ("They need two more weeks and an additional year.", [("two more weeks", "P2W", None),
                                                          ("an additional year", "P1Y", None)]),
    ("Net income rose for the year ended Sept. 30.", [("the year", "P1Y", None), ("Sept. 30", "2015-09-30", None)]),
    ("Talks go on in the weeks ahead and the next few days.", [("the weeks ahead", "PXW", None),
                                                               ("the next few days", "PXD", None)]),
])
def test_anaphora_parts_of_the_year_and_bounded_durations(text: str, expected: list) -> None:
    assert [(t.text, t.value, t.mod) for t in tag(text, TUE)] == expected
