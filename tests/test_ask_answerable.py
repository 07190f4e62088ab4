"""Reader questions that need more than matching words: what the question asks must be in the
answer (not only its names), a "how many" answer gives the figure of the counted noun, a fact
comes before what might have been, and an acronym finds the full name."""

from __future__ import annotations

from tests.test_ask_reader import FILLER, _story, asked


def test_a_question_matched_only_by_its_names_is_not_answered(tmp_path) -> None:
    """Every sentence names Mara Quill; none tells of a marriage: the sources do not say."""
    rows = [{"published": f"2021-05-0{d}", "text": f"{line}\n{FILLER}"} for d, line in enumerate([
        "Mara Quill won the regional chess title.", "Mara Quill opened a chess school in Lyle.",
        "Mara Quill said the school would take forty pupils.", "Critics praised Mara Quill for her patience."], 1)]
    data = asked(_story(tmp_path, rows), "Who did Mara Quill marry?")
    assert not data["answered"]


def test_how_many_gives_the_figure_of_the_counted_noun_not_an_age_or_a_threat(tmp_path) -> None:
    """"How many years" is answered by "seven years in prison", not by "Dev Korr, 41," nor by
    the twenty years he faced if convicted."""
    rows = [{"published": "2019-02-01", "text": "If convicted, Dev Korr faces twenty years in prison for the fraud.\n"
                                                "Dev Korr, 41, denied the fraud in prison interviews.\n" + FILLER},
            {"published": "2019-06-01", "text": "Dev Korr was sentenced to seven years in prison for the fraud.\n"
                                                + FILLER}]
    data = asked(_story(tmp_path, rows), "How many years in prison did Dev Korr get for the fraud?")
    assert data["answered"] and "seven years" in data["answer"][0]["text"]


def test_how_much_without_a_figure_in_the_sources_is_not_answered(tmp_path) -> None:
    rows = [{"published": "2020-03-01", "text": "Lena Oduya paid tribute to the club and its fans.\n"
                                                "Lena Oduya left the club in March.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "How much did Lena Oduya pay the club?")
    assert not data["answered"]


def test_an_acronym_finds_the_full_name(tmp_path) -> None:
    rows = [{"published": "2018-07-01", "text": "Sara Lindqvist was chosen to chair the International Whaling "
                                                "Commission.\n" + FILLER},
            {"published": "2018-07-02", "text": "Whalers in Tromso chose a new chair for their guild.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "Who was chosen to chair the IWC?")
    assert data["answered"] and "Sara Lindqvist" in data["answer"][0]["text"]


def test_an_acronym_finds_a_full_name_with_accents(tmp_path) -> None:
    """A name read whole: "Comissão Óleo Nacional" gives "CON" (its capitals were ASCII-only)."""
    rows = [{"published": "2018-07-01", "text": "Sara Lindqvist was chosen to chair the Comissão Óleo "
                                                "Nacional.\n" + FILLER},
            {"published": "2018-07-02", "text": "Whalers in Tromso chose a new chair for their guild.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "Who was chosen to chair the CON?")
    assert data["answered"] and "Sara Lindqvist" in data["answer"][0]["text"]


def test_what_kind_of_asks_for_the_noun_after_it(tmp_path) -> None:
    """"kind" is how the question is built: the engine sentence answers, not one saying "kind"."""
    rows = [{"published": "2017-01-01", "text": "The Orla prototype ran on a hydrogen engine.\n"
                                                "The Orla team is a kind and patient group.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "What kind of engine did the Orla prototype have?")
    assert data["answered"] and "hydrogen engine" in data["answer"][0]["text"]


def test_who_was_the_role_names_the_one_beside_the_role_or_its_kin(tmp_path) -> None:
    """"Her rival" is found as "her opponent, Carla Mendes", though that sentence matches less of
    the question than one naming someone else beside "run-off"."""
    rows = [{"published": "2010-11-01", "text": "Ines Vale won the run-off comfortably, Mayor Dan Ruiz said.\n" + FILLER},
            {"published": "2010-11-02", "text": "Ines Vale beat her opponent, Carla Mendes, by ten points.\n" + FILLER},
            {"published": "2010-11-03", "text": "Ines Vale thanked voters after the run-off.\n"
                                                "Turnout in the run-off was high, and Ines Vale was pleased.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "Who was Ines Vale's rival in the run-off?")
    assert data["answered"] and any("Carla Mendes" in line["text"] for line in data["answer"][:2])


def test_a_question_ending_in_a_preposition_wants_the_verb_with_it(tmp_path) -> None:
    """"What did Omar Field die of?" is answered by "died of a stroke", not by the sentences that
    only say he died."""
    rows = [{"published": "2016-04-0" + str(d), "text": f"{line}\n{FILLER}"} for d, line in enumerate([
        "Omar Field died on Sunday, his family said, and fans died a little too.",
        "Omar Field died at home in Leeds, where he had lived since he died his hair blue in 1970.",
        "Omar Field, who has died of a stroke at 71, wrote eleven novels."], 1)]
    data = asked(_story(tmp_path, rows), "What did Omar Field die of?")
    assert data["answered"] and "stroke" in data["answer"][0]["text"]


def test_why_takes_for_doing_as_a_reason(tmp_path) -> None:
    """"Suspended for falsifying the figures" gives the reason; a sentence about the suspension
    vote does not."""
    rows = [{"published": "2015-09-01", "text": "The council voted on Tuesday to suspend Rhea Tams, the treasurer, "
                                                "in a long and noisy suspension session.\n" + FILLER},
            {"published": "2015-09-02", "text": "Rhea Tams was suspended for falsifying the budget figures.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "Why was Rhea Tams suspended?")
    assert data["answered"] and "falsifying" in data["answer"][0]["text"]


def test_a_lone_capitalised_institution_matches_its_lower_case(tmp_path) -> None:
    """"the Assembly's vote" is "the assembly voted 48 to 12" in a source that writes it in lower case."""
    rows = [{"published": "2022-06-01", "text": "The regional assembly voted 48 to 12 for the removal of Piet Vorn.\n"
                                                + FILLER},
            {"published": "2022-06-02", "text": "Piet Vorn lost the vote on his removal.\n"
                                                "Piet Vorn will appeal against his removal.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "What was the Assembly's vote on the removal of Piet Vorn?")
    assert data["answered"] and "48 to 12" in data["answer"][0]["text"]
