"""A hand-labelled sample for tagging accuracy: (publication date, sentence, expected dates).

Expected values are TIMEX3 DATE/TIME values of the expressions a news reader would date
the sentence by; durations, sets and non-dates are listed as not expected. Written for
this bench from news phrasing across topics and years, not from the seed articles.
"""

SAMPLE = [
    ("2016-03-29", "Regime troops were locked in heavy fighting on Tuesday with ISIS.", ["2016-03-29"]),
    ("2016-03-29", "Sunday's capture of the city was the biggest blow so far.", ["2016-03-27"]),
    ("2016-03-25", "ISIS overran the town last May and has since destroyed temples.", ["2015-05"]),
    ("2016-03-29", "Syria's head of antiquities said 80% of the site could be restored in five years.", []),
    ("2016-03-29", "Analysts say only 10-25% of forces have left since the withdrawal.", []),
    ("2016-03-29", "Earlier this month, Russia announced a draw down.", ["2016-03"]),
    ("2016-03-29", "The group was set up by Unesco in 2013.", ["2013"]),
    ("2008-01-09", "The change will occur within the next six months, Apple announced this morning.", ["2008-01-09"]),
    ("2008-01-09", "Apple launched the iTunes Music Store on April 28, 2003.", ["2003-04-28"]),
    ("2008-01-09", "The store was renamed in 2006 and has sold more than 3 billion songs.", ["2006"]),
    ("2009-04-03", "The Dow rose 2.8 percent to 8,017 on Thursday, its first close above 8,000 since February 10.",
     ["2009-04-02", "2009-02-10"]),
    ("2011-10-06", "Jobs, born in San Francisco on February 24, 1955, died on Wednesday.", ["1955-02-24", "2011-10-05"]),
    ("2007-06-10", "If the sale had gone through last year, the aircraft would have been delivered by 2011.",
     ["2006", "2011"]),
    ("2010-03-03", "Ford said its share rose to 17%, up from 14% a year ago.", ["2009"]),
    ("2005-06-13", "In 2004, Airbus sold more planes than Boeing for the first time.", ["2004"]),
    ("2009-02-18", "At the end of last year, the auto maker had just over 54,000 employees.", ["2008"]),
    ("2013-12-10", "Sales reached $152 billion in 2012, the company said yesterday.", ["2012", "2013-12-09"]),
    ("2006-03-28", "A similar suit was filed on September 21, 2004, and a hearing is set for next month.",
     ["2004-09-21", "2006-04"]),
    ("2009-10-16", "In the third quarter of 2009 the bank lost $1 billion.", ["2009-Q3"]),
    ("2008-09-20", "Markets fell 4% in the week to Friday, the worst since October 1987.", ["2008-09-19", "1987-10"]),
    ("2016-03-25", "Talks are due to restart on April 9 in Geneva.", ["2016-04-09"]),
    ("2016-03-25", "Russian aircraft carried out 146 strikes between Wednesday and last Sunday.",
     ["2016-03-20/2016-03-23"]),
    ("2016-03-29", "As they retreated at the weekend, fighters planted 100 mines.", ["2016-W12-WE"]),
    ("2012-07-02", "The 2,000 workers will strike every Friday in July.", ["2012-07"]),
    ("2012-07-02", "Shares closed at 1,362.16, up 3.5 points, at 4:30 p.m.", ["2012-07-02T16:30"]),
    ("2015-11-14", "Attackers struck at six sites in Paris on Friday night, killing 129 people.", ["2015-11-13"]),
    ("2015-11-14", "It was the deadliest attack in France since World War II.", []),
    ("2020-03-12", "The WHO declared a pandemic yesterday, two months after the first cases in December.",
     ["2020-03-11", "2019-12"]),
    ("2020-03-12", "Flights will be suspended for 30 days from Friday.", ["2020-03-13"]),
    ("2019-12-31", "The index gained 28.9% in 2019, its best year since 2013.", ["2019", "2013"]),
]
