"""'When' answers: which report dates an event, through the library (our own sentences)."""

from __future__ import annotations

from storyline.timeline.analysis import analyse
from storyline.timeline.answers.ask import ask
from tests.conftest import article, story


def test_an_undated_event_is_bounded_by_its_first_report_not_its_best_worded_one() -> None:
    """No sentence names the day the mayor was refused a permit: the first report's day bounds
    it, not a later report's that words it more like the question."""
    analysis = analyse(story(
        article(1, "In a late-night vote, members of the planning board turned down the stadium plan and refused "
                   "the mayor a building permit.", published="2019-03-04"),
        article(2, "Refused a building permit for the stadium, the mayor is appealing.", published="2019-03-06")))
    answer = ask(analysis, "When was the mayor refused a building permit for the stadium?")
    assert answer.found and answer.lines[0].date == "2019-03-04"


def test_a_date_the_report_gives_for_its_saying_does_not_date_the_event() -> None:
    """"…, she said yesterday" or "told reporters on Thursday" dates the saying; the flooding is
    the day another report names."""
    for report in ("Rain flooded Amberley, the council leader said yesterday.",
                   "Rain flooded Amberley, the council leader told reporters on Thursday."):
        analysis = analyse(story(
            article(1, "Heavy rain flooded hundreds of homes in Amberley and nearby villages on Saturday night.",
                    published="2020-11-09"),
            article(2, report, published="2020-11-13")))
        answer = ask(analysis, "When did rain flood Amberley?")
        assert answer.found and answer.lines[0].date == "2020-11-07", report


def test_a_plan_whose_day_the_coverage_passed_answers_a_past_question() -> None:
    """"will open on Thursday", written on the Tuesday, with later reports that it opened: it
    opened on that Thursday, not on the day a later report was published."""
    analysis = analyse(story(
        article(1, "The new Harwick bypass will open to traffic on Thursday, the highways agency said.",
                published="2018-06-12"),
        article(2, "Drivers praised the new Harwick bypass, which opened to traffic last week.",
                published="2018-06-22")))
    answer = ask(analysis, "When did the Harwick bypass open to traffic?")
    assert answer.found and answer.lines[0].date == "2018-06-14"


def test_a_lede_keeps_its_day_inside_the_week_another_report_gives() -> None:
    """Two ledes of 3 December "have found" the ruling; a later report says "last week": the
    event is the ledes' day inside that week, not the whole week."""
    ruling = "The appeal court has found the builder Ravel Homes guilty of fraud, overturning its acquittal."
    analysis = analyse(story(
        article(1, ruling, published="2015-12-03"),
        article(2, ruling, published="2015-12-03"),
        article(3, "The appeal court last week found the builder Ravel Homes guilty of fraud, overturning its "
                   "acquittal.", published="2015-12-09")))
    answer = ask(analysis, "When did the appeal court find Ravel Homes guilty of fraud?")
    assert answer.found and answer.lines[0].date == "2015-12-03"


def test_a_day_written_out_outweighs_a_weekday_resolved_against_a_stamp() -> None:
    """"on Sunday" in a page stamped Monday and "on 14 May" a Saturday: the page may be stamped a
    day late or in another time zone, the written-out day does not lean on it."""
    analysis = analyse(story(
        article(1, "The banker Paul Dray was arrested at the airport on Sunday.", published="2011-05-16"),
        article(2, "Detectives say Paul Dray, a banker from Leeds, was arrested at the airport on 14 May as he "
                   "boarded a flight to Paris.", published="2011-05-20")))
    answer = ask(analysis, "When was Paul Dray arrested?")
    assert answer.found and answer.lines[0].date == "2011-05-14"


def test_a_month_answer_takes_the_first_telling_report_even_a_looser_one() -> None:
    """"last month" dates the feat; the lede of its day words it less like the question than a
    later look back ("Two weeks after …"): the day is the first report's."""
    analysis = analyse(story(
        article(1, "Marta Ruiz made history last month, becoming the first woman to captain the national rowing "
                   "team.", published="2016-09-10"),
        article(2, "Spanish rower Marta Ruiz said she felt proud after leading the crew out on the lake in Lucerne "
                   "and becoming the first woman to captain a rowing team of her country at a world regatta.",
                published="2016-08-06"),
        article(3, "Two weeks after Marta Ruiz became the first woman to captain the national rowing team, the "
                   "federation named a new coach.", published="2016-08-20")))
    answer = ask(analysis, "When did Marta Ruiz become the first woman to captain the national rowing team?")
    assert answer.found and answer.lines[0].date == "2016-08-06"


def test_the_date_whose_clause_holds_the_asked_verb_beats_one_that_tells_the_rest() -> None:
    """"found guilty of insurance fraud on 12 September" holds most of the question's words, thrice;
    "sentenced … on 21 October" holds its verb: the sentencing is that day."""
    analysis = analyse(story(
        article(1, "The builder Tom Hale was found guilty of insurance fraud at Leeds Crown Court on 12 September.",
                published="2014-09-12"),
        article(2, "Tom Hale, who ran a roofing firm, was found guilty of insurance fraud on 12 September after a "
                   "two-week trial.", published="2014-09-14"),
        article(3, "Tom Hale was found guilty of insurance fraud on 12 September.", published="2014-09-20"),
        article(4, "The judge sentenced Tom Hale to four years in prison on 21 October for the fraud.",
                published="2014-10-22")))
    answer = ask(analysis, "When was Tom Hale sentenced for insurance fraud?")
    assert answer.found and answer.lines[0].date == "2014-10-21"


def test_an_obituary_line_is_dated_by_the_date_beside_the_asked_verb() -> None:
    """"born 8 January 1947; died 10 January 2016": the sentence is dated by its first date, but
    the death is the date in the clause that says "died"."""
    analysis = analyse(story(
        article(1, "The folk singer Dan Mercer has died after a long illness, his family said.", published="2016-01-11"),
        article(2, "Dan Mercer, singer and songwriter, born 8 January 1947 in Hull; died 10 January 2016 in London.",
                published="2016-01-13")))
    answer = ask(analysis, "When did Dan Mercer die?")
    assert answer.found and answer.lines[0].date == "2016-01-10"


def test_a_date_of_another_verbs_clause_does_not_date_the_asked_one() -> None:
    """"a ruling last May that upheld Hale's conviction": last May is the ruling's; the conviction
    is the April the other report names."""
    upheld = "The supreme court let stand an appeals court ruling last May that upheld Hale's conviction for fraud."
    analysis = analyse(story(
        article(1, upheld, published="2012-01-10"),
        article(2, upheld, published="2012-01-11"),
        article(3, "The property developer Ian Hale was convicted of fraud in April 2009 after a long trial.",
                published="2012-01-12")))
    answer = ask(analysis, "When was Hale convicted of fraud?")
    assert answer.found and answer.lines[0].date == "2009-04"


def test_the_demo_recapture_is_the_day_the_army_took_palmyra_back(seed_story) -> None:
    """"ISIS overran Palmyra … last May" is one event told by three claims: it votes once, with
    its outlets, not once per claim, and the recapture is Sunday 27 March 2016."""
    answer = ask(analyse(seed_story), "When was Palmyra recaptured?")
    assert answer.found and answer.lines[0].date == "2016-03-27"


def test_a_clause_telling_what_was_to_happen_does_not_date_it() -> None:
    """"was due to be moved … last Friday" told thrice is a plan that slipped; "was moved … on 19
    October" tells it happened."""
    due = "The jailed banker Carl Voss was due to be moved to house arrest last Friday, but the parole board objected."
    analysis = analyse(story(
        article(1, due, published="2015-08-24"),
        article(2, due, published="2015-08-25"),
        article(3, due, published="2015-08-25"),
        article(4, "Carl Voss was moved from prison to house arrest on 19 October, his lawyer confirmed.",
                published="2015-10-21")))
    answer = ask(analysis, "When was Carl Voss moved to house arrest?")
    assert answer.found and answer.lines[0].date == "2015-10-19"


def test_an_attempt_does_not_date_the_feat() -> None:
    """"Attempting to win a seventh national title, she entered … on 3 June" dates the entry;
    the title was won on the day a report says she won it."""
    attempt = "Attempting to win a seventh national title, the runner Kim Ash entered the Dublin marathon on 3 June."
    analysis = analyse(story(
        article(1, attempt, published="2012-06-04"),
        article(2, attempt, published="2012-06-05"),
        article(3, "The runner Kim Ash won her seventh national title in Cork on 9 September.", published="2012-09-10")))
    answer = ask(analysis, "When did Kim Ash win her seventh national title?")
    assert answer.found and answer.lines[0].date == "2012-09-09"


def test_a_plan_for_the_day_of_its_own_report_dates_the_event() -> None:
    """"will go on trial in Lyon on Monday" in a Monday paper is that day's event, not a report of
    an earlier one; a later look at the hearings ("have begun hearing") does not date it."""
    plan = "Luc Moreau, the former head of a savings bank, will go on trial in Lyon on Monday accused of fraud."
    analysis = analyse(story(
        article(1, plan, published="2015-02-02"),
        article(2, plan, published="2015-02-02"),
        article(3, "Before the fraud trial turns to Luc Moreau next week, judges in Lyon have begun hearing his "
                   "former clients.", published="2015-02-05")))
    answer = ask(analysis, "When did Luc Moreau's fraud trial in Lyon begin?")
    assert answer.found and answer.lines[0].date == "2015-02-02"


def test_a_noun_of_the_asked_verb_is_dated_only_by_a_date_beside_it() -> None:
    """"following his conviction for fraud at his Leeds office six years ago": six years ago is the
    fraud's; the conviction is the April a report names with the verb."""
    taken = "Ian Hale was taken to prison in handcuffs following his conviction for fraud at his Leeds office six years ago."
    analysis = analyse(story(
        article(1, taken, published="2009-05-01"),
        article(2, taken, published="2009-05-01"),
        article(3, taken, published="2009-05-02"),
        article(4, "The property developer Ian Hale, who built half of the new town of Ashby, was convicted in April "
                   "of fraud.", published="2009-05-02")))
    answer = ask(analysis, "When was Ian Hale convicted of fraud?")
    assert answer.found and answer.lines[0].date == "2009-04"


def test_with_a_scaffolding_verb_the_dates_own_clause_must_tell_the_asked_words() -> None:
    """"make Rivera its captain" has no verb to look for: the date whose own clause tells the captaincy
    ("Rivera's appointment as the club's captain was confirmed on Monday") dates it, not "quit … last
    March", whose sentence names the captain only in the clause after it."""
    quit = "Rivera quit the board of the club last March after months of quarrels with {} directors, among them " \
           "the club's captain."
    analysis = analyse(story(
        article(1, quit.format("other"), published="2019-05-20"),
        article(2, quit.format("the other"), published="2019-05-21"),
        article(3, quit.format("fellow"), published="2019-05-21"),
        article(4, "News of Rivera's appointment as the club's captain was confirmed on Monday.",
                published="2019-05-22")))
    answer = ask(analysis, "When did the club make Rivera its captain?")
    assert answer.found and answer.lines[0].date == "2019-05-20"


def test_a_looser_match_names_the_day_inside_the_month_with_the_asked_verb() -> None:
    """The sentences that tell the opening best say only "in April"; a shorter one names the day in a
    clause that says "opened": the answer is that day, not the month."""
    month = "The Haldane bridge opened to traffic in April after {} years of work on the river crossing."
    analysis = analyse(story(
        article(1, month.format("three"), published="2017-06-10"),
        article(2, month.format("four"), published="2017-06-12"),
        article(3, "Haldane's new crossing, which opened on Tuesday 11 April, cost £40m.", published="2017-06-14")))
    answer = ask(analysis, "When did the Haldane bridge open to traffic?")
    assert answer.found and answer.lines[0].date == "2017-04-11"


def test_a_main_clause_tells_the_event_through_its_means() -> None:
    """"ended a long wait this afternoon by winning her first world title": the means says what the
    afternoon's event was, so that sentence dates the win, not a later report that she has won it."""
    analysis = analyse(story(
        article(1, "Nadia Petrova ended a long wait this afternoon by winning her first world title in the sprint.",
                published="2018-09-09"),
        article(2, "Nadia Petrova has won her first world title, and the sprint's crowd loved it.",
                published="2018-09-12")))
    answer = ask(analysis, "When did Nadia Petrova win her first world title?")
    assert answer.found and answer.lines[0].date == "2018-09-09"


def test_an_undated_win_is_bounded_by_the_first_report_that_tells_it_not_the_best_match() -> None:
    """The best match says only that the school appealed; a longer, weaker match says it "has won its
    appeal": the win is bounded by that report's day, not by the day of the one that does not tell it."""
    analysis = analyse(story(
        article(1, "Millbrook Academy appealed the refusal of its new sports hall and took the case to the Northern "
                   "Planning Tribunal, which sided with Millbrook Academy.", published="2016-02-10"),
        article(2, "Millbrook Academy has won its appeal at the Northern tribunal, governors told parents and staff "
                   "at a long meeting in the old hall on a wet evening, and the head thanked the many families who "
                   "wrote letters.", published="2015-06-03")))
    answer = ask(analysis, "When did Millbrook Academy win its appeal at the Northern Planning Tribunal?")
    assert answer.found and answer.lines[0].date == "2015-06-03"


def test_a_fronted_clause_ends_at_its_comma_so_a_later_modal_does_not_make_it_a_plan() -> None:
    """"Although X was sacked on Monday, the party will have to wait …": the date's clause ends at
    the comma; the "will" after it does not make the sacking a may-be, so Monday dates it, not a report."""
    analysis = analyse(story(
        article(1, "Alan Price has been sacked as transport minister.", published="2019-06-11"),
        article(2, "Although Alan Price was sacked as transport minister on Monday, the party will have to wait "
                   "weeks to learn who replaces him.", published="2019-06-12")))
    answer = ask(analysis, "When was Alan Price sacked as transport minister?")
    assert answer.found and answer.lines[0].date == "2019-06-10"


def test_a_looser_match_naming_the_day_with_the_verb_outranks_a_report_that_tells_less() -> None:
    """"voted … in March" is the best telling; the only day inside it is a report's that tells the
    vote only as what will follow ("will shut after the vote"); a looser match names the day with
    "voted" beside it: that day, not the report's."""
    analysis = analyse(story(
        article(1, "The town council voted to close Hartley library in March.", published="2018-04-20"),
        article(2, "Hartley library will shut after the town council's vote, campaigners said.", published="2018-03-14"),
        article(3, "Councillors voted on Monday 12 March to close the branch.", published="2018-03-15")))
    answer = ask(analysis, "When did the town council vote to close Hartley library?")
    assert answer.found and answer.lines[0].date == "2018-03-12"


def test_a_plan_that_no_sentence_dates_is_not_bounded_by_its_report() -> None:
    """"will retire", in a report that names no day: the report's day bounds what has happened, not
    what is still to come, so "when will …" has no date in the sources."""
    analysis = analyse(story(
        article(1, "The striker Tomas Vale will retire from international football, his agent told the Ledbury "
                   "Gazette.", published="2019-05-05"),
        article(2, "Tomas Vale scored twice as Ledbury beat Harton in the cup.", published="2019-05-12")))
    answer = ask(analysis, "When will Tomas Vale retire from international football?")
    assert not answer.found


def test_a_light_verb_is_scaffolding_so_the_event_is_told_by_its_other_words() -> None:
    """"let out of prison": "let" is a light verb, as "make" and "take" are; the event is the prison
    words, so "was freed from prison on 3 June" dates it, not a later report where someone "let out a cry"."""
    analysis = analyse(story(
        article(1, "Sami Kerr was freed from prison on 3 June after the appeal court quashed his conviction.",
                published="2017-06-05"),
        article(2, "Sami Kerr let out a cry of relief in the prison yard, his lawyer wrote in a memoir.",
                published="2019-02-01")))
    answer = ask(analysis, "When was Sami Kerr let out of prison?")
    assert answer.found and answer.lines[0].date == "2017-06-03"


def test_a_guessed_day_is_a_plan() -> None:
    """"– most likely this weekend –" in a Tuesday paper guesses at the weekend ahead, not the one past."""
    analysis = analyse(story(
        article(1, "The committee backed the tram plan, which clears the way for a full council vote on it - most "
                   "likely this weekend - on whether to build it.", published="2019-06-11")))
    answer = ask(analysis, "When will the council vote on the tram plan?")
    assert answer.found and answer.lines[0].date == "2019-W24-WE"


def test_a_date_in_a_dash_aside_dates_the_aside() -> None:
    """"– he was dropped in 2009 after an arrest –" is an aside of its own: 2009 is not when he was invited back."""
    analysis = analyse(story(
        article(1, "The singer was invited back to the awards without a fuss – he was dropped in 2009 after a "
                   "drink-driving arrest – and won best album.", published="2012-02-13")))
    answer = ask(analysis, "When was the singer invited back to the awards?")
    assert answer.found and answer.lines[0].date == "2012-02-13"


def test_the_date_of_a_setting_dates_what_happened_in_it() -> None:
    """"In his interview with Radio Norte – which was recorded on Monday … – the striker has confessed":
    the confession was recorded on the Monday."""
    analysis = analyse(story(
        article(1, "According to the Daily Post, in his interview with Radio Norte – which was recorded on Monday "
                   "and will be aired on Friday – the striker has confessed that he took bribes.",
                published="2019-03-12")))
    answer = ask(analysis, "When did the striker record his confession to Radio Norte?")
    assert answer.found and answer.lines[0].date == "2019-03-11"


def test_a_day_named_in_the_week_before_a_report_dates_the_event() -> None:
    """A report of 13 June that the authority "was publishing" its report bounds the day; a sentence
    naming a 12 June report gives the day itself."""
    analysis = analyse(story(
        article(1, "The river authority said it was publishing its flood report regardless of the objections.",
                published="2019-06-13"),
        article(2, "A 12 June report from the river authority warned that the town's flood defences would fail.",
                published="2019-06-14"),
        article(3, "The river authority published its flood report last year, and the council ignored it.",
                published="2020-03-02")))
    answer = ask(analysis, "When did the river authority publish its flood report?")
    assert answer.found and answer.lines[0].date == "2019-06-12"


def test_a_clause_of_another_event_does_not_date_what_nothing_tells() -> None:
    """"… after she took office in 2015": 2015 dates her taking office, not what the question asks; when
    nothing tells it and only such clauses are dated, the report's day bounds it."""
    analysis = analyse(story(
        article(1, "Ann Dale was seen on the Kelso bridge again after she took office in 2015 following a close race.",
                published="2019-05-02")))
    answer = ask(analysis, "When did Ann Dale briefly open the Kelso bridge?")
    assert answer.found and answer.lines[0].date == "2019-05-02"



def test_what_could_happen_on_a_date_does_not_date_what_did() -> None:
    """"could be moved … in August" tells what might be; the sentence that tells the move in other
    words ("settled into") dates it, though it matches less of the question."""
    analysis = analyse(story(
        article(1, "Tembo the elephant is kept in a small pen but could be moved to the new enclosure at Harlow zoo "
                   "in August.", published="2016-03-01"),
        article(2, "Tembo the elephant settled into the new enclosure at Harlow zoo on Monday, keepers said.",
                published="2016-10-19")))
    answer = ask(analysis, "When was Tembo moved to the new enclosure at the zoo?")
    assert answer.found and answer.lines[0].date == "2016-10-17"


def test_a_looser_match_names_the_day_inside_the_month_with_the_asked_verbs_family() -> None:
    """"was killed … in March 2010" names the month; a sentence matching less of the question says
    "found shot dead … 14 March", the family of "killed" beside the day: that day answers."""
    analysis = analyse(story(
        article(1, "Ada Lim was killed at Tom Hale's farm in March 2010, police said.", published="2010-04-20"),
        article(2, "Ada Lim was found shot dead in a barn in the early hours of 14 March.", published="2010-03-16")))
    answer = ask(analysis, "When was Ada Lim killed at Tom Hale's farm?")
    assert answer.found and answer.lines[0].date == "2010-03-14"


def test_a_title_before_the_asked_name_does_not_tell_that_the_person_took_it() -> None:
    """"interim president Ana Lobo met union leaders this week" names her by her title; the report
    that she "has taken over as interim president" bounds when she took it."""
    analysis = analyse(story(
        article(1, "The vice-president, Ana Lobo, has taken over as interim president of Veloria.",
                published="2016-05-12"),
        article(2, "This week, the interim president Ana Lobo met union leaders in the capital of Veloria.",
                published="2016-07-04")))
    answer = ask(analysis, "When did Ana Lobo take over as interim president of Veloria?")
    assert answer.found and answer.lines[0].date == "2016-05-12"
