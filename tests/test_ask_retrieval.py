"""Reader questions whose answering sentence says it in other terms than the question: a pronoun
for the person asked about, a date the claim happened on rather than its words, and "how long"
asked without meaning the word "long"."""

from __future__ import annotations

from tests.test_ask_reader import FILLER, _story, asked


def test_a_sentence_opening_on_his_is_about_the_person_its_article_names(tmp_path) -> None:
    """"His death was confirmed by his daughter" names no one asked about; its article is about
    Tomas Brekke, so it answers who confirmed Tomas Brekke's death."""
    rows = [{"published": "2021-03-02", "text": "Tomas Brekke painted the harbour at Bergen for forty years.\n"
                                                "Collectors in Oslo praised Brekke for his patience.\n"
                                                "His death was confirmed by his daughter Ines on Tuesday.\n" + FILLER},
            {"published": "2021-03-03", "text": "Tomas Brekke sold his first painting in 1980.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "Who confirmed Tomas Brekke's death?")
    assert data["answered"] and "his daughter Ines" in data["answer"][0]["text"]


def test_her_in_a_sentence_naming_no_one_stands_for_the_person_named_before(tmp_path) -> None:
    """"The council voted 9 to 2 for her removal" names no one: "her" is Ines Vale, named in the
    sentence before, so it tells when she was removed."""
    rows = [{"published": "2019-06-08", "text": "Mayor Ines Vale faced the council in Lyle.\n" + FILLER},
            {"published": "2019-06-10", "text": "Ines Vale spoke to the council in Lyle.\n"
                                                "The council voted 9 to 2 for her removal.\n" + FILLER},
            {"published": "2019-06-20", "text": "Ines Vale thanked her supporters at the harbour.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "When was Ines Vale removed?")
    assert data["answered"] and data["answer"][0]["date"] == "2019-06-10"
    assert "for her removal" in data["answer"][0]["text"]


def test_a_date_in_the_question_is_matched_against_when_claims_happened(tmp_path) -> None:
    """"in May 2014" finds the claim reported on 12 May 2014, not the one that says "In May 2013"
    (the words "May" and "2014" being the question's date, not its terms)."""
    rows = [{"published": "2014-05-12", "text": "The Orla fund raised 3 million euros from its members.\n" + FILLER},
            {"published": "2013-06-01", "text": "In May 2013 the Orla fund raised 1 million euros.\n" + FILLER},
            {"published": "2015-03-01", "text": "The Orla fund raised 5 million euros, its best year.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "How much did the Orla fund raise in May 2014?")
    assert data["answered"] and "3 million" in data["answer"][0]["text"]


def test_a_title_that_reads_as_a_date_stays_words(tmp_path) -> None:
    """"The Next Day" in a question is an album's title, not the day after: its words are matched."""
    rows = [{"published": "2013-03-01", "text": "Tony Visconti produced The Next Day in New York.\n" + FILLER},
            {"published": "2013-03-02", "text": "Visconti produced records for decades before that.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "Who produced The Next Day?")
    assert data["answered"] and "The Next Day" in data["answer"][0]["text"]


def test_how_long_asks_for_a_duration_not_the_word_long(tmp_path) -> None:
    """"How long did Dara Voss serve as mayor?": the eleven years, not "long before the bridge"."""
    rows = [{"published": "2018-01-05", "text": "Dara Voss served as mayor of Lyle for eleven years.\n" + FILLER},
            {"published": "2018-01-06", "text": "Dara Voss served as mayor long before the new bridge over the "
                                                "river was built.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "How long did Dara Voss serve as mayor?")
    assert data["answered"] and "eleven years" in data["answer"][0]["text"]
