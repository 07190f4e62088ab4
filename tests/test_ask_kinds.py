"""Reader questions by kind: what a measure, a speaker, a place, a role, a count or a type asks for,
which lines answer it first, and when nothing in the sources does."""

from __future__ import annotations

from tests.test_ask_reader import FILLER, _story, asked


def test_how_long_asks_for_a_figure_and_long_is_not_a_word_to_match(tmp_path) -> None:
    """"How long will it take to repair the mill?" is answered by "repaired in three years": the
    measure asked ("long") is how the question is built, not a word the answer must hold."""
    rows = [{"published": "2021-03-01", "text": "Engineers said the Corran mill could be repaired in three years "
                                                "with state help.\n" + FILLER},
            {"published": "2021-03-02", "text": "The Corran mill burned in a fire last spring.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "How long will it take to repair the mill?")
    assert data["answered"] and "three years" in data["answer"][0]["text"]


def test_how_long_without_a_figure_is_not_answered(tmp_path) -> None:
    rows = [{"published": "2021-03-01", "text": "Engineers began to repair the Corran mill after the fire.\n"
                                                "The Corran mill burned in a fire last spring.\n" + FILLER}]
    data = asked(_story(tmp_path, rows), "How long will it take to repair the Corran mill?")
    assert not data["answered"]

