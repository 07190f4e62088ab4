"""Answers through news paraphrases: a source words the asked event unlike the question ("came to
blows" for "fight", "abandoned" for "dropped"), through the library (our own sentences)."""

from __future__ import annotations

from storyline.timeline.analysis import analyse
from storyline.timeline.answers.ask import ask
from tests.conftest import article, story


def test_a_fight_told_as_coming_to_blows_is_dated_by_its_own_day() -> None:
    """The sentence that dates the fight says "came to blows"; a later report says "fight" but no
    day: the fight is the Saturday, not the day of the report."""
    analysis = analyse(story(
        article(1, "The rappers Kade Lorne and Mister Vale came to blows outside a Leeds nightclub on Saturday night.",
                published="2019-05-06"),
        article(2, "Kade Lorne's fight with Mister Vale was filmed by fans outside the club.", published="2019-05-10")))
    answer = ask(analysis, "When did Kade Lorne fight Mister Vale?")
    assert answer.found and answer.lines[0].date == "2019-05-04"


def test_charges_abandoned_answer_when_they_were_dropped() -> None:
    """"abandoned the charges" tells "dropped the charges": its day answers, not the arrest's."""
    analysis = analyse(story(
        article(1, "Police arrested the Brackley councillor Ann Royce on 3 March on charges of fraud.",
                published="2021-03-04"),
        article(2, "Prosecutors abandoned the fraud charges against Ann Royce on 9 June, citing a lack of evidence.",
                published="2021-06-10")))
    answer = ask(analysis, "When were the fraud charges against Ann Royce dropped?")
    assert answer.found and answer.lines[0].date == "2021-06-09"


def test_an_arrest_for_assault_is_the_arrest_after_a_fight() -> None:
    """"arrested and charged with assault" tells the arrest after the fight, where a later sentence
    dates only the fight, loosely ("last spring"): the arrest's report bounds it."""
    analysis = analyse(story(
        article(1, "The boxer Rey Quinn was arrested and charged with assault after an incident outside a Cardiff bar.",
                published="2018-04-02"),
        article(2, "Rey Quinn has been fined in connection with a fight in Cardiff last spring.",
                published="2018-09-10")))
    answer = ask(analysis, "When was Rey Quinn arrested after a fight in Cardiff?")
    assert answer.found and answer.lines[0].date == "2018-04-02"


def test_a_council_that_granted_a_lease_agreed_to_it() -> None:
    """"granted … on Tuesday" tells "agree to": that day answers, not the day of a later report in which
    others "agreed" that the lease was too costly."""
    analysis = analyse(story(
        article(1, "The Dunmore council granted the swimming club a new lease on Tuesday.", published="2017-03-09"),
        article(2, "Members of the swimming club agreed that the Dunmore council's new lease was too costly.",
                published="2017-03-21")))
    answer = ask(analysis, "When did the Dunmore council agree to a new lease for the swimming club?")
    assert answer.found and answer.lines[0].date == "2017-03-07"
