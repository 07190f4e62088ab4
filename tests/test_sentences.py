"""The offline sentence splitter and sumy-shaped tokenizer."""

from __future__ import annotations

from storyline.summarize.text.sentences import Tokenizer, split_text, stems


def texts(paragraph: str) -> list[str]:
    return [s.text for s in split_text(1, paragraph)]


def test_abbreviations_do_not_end_sentences() -> None:
    assert texts("The U.S. envoy met Gen. Smith on Mar. 3 in Washington. Talks went on.") == [
        "The U.S. envoy met Gen. Smith on Mar. 3 in Washington.", "Talks went on."]
    assert texts("John F. Kennedy was shot in Dallas. Mr. Oswald was arrested.") == [
        "John F. Kennedy was shot in Dallas.", "Mr. Oswald was arrested."]
    assert texts("Shares of Acme Holdings N.V. (Acme) rose. Rivala S.A. fell.") == [
        "Shares of Acme Holdings N.V. (Acme) rose.", "Rivala S.A. fell."]


def test_quotes_close_the_sentence() -> None:
    assert texts('"We will win," he said. "It is over." She left.') == [
        '"We will win," he said.', '"It is over."', "She left."]


def test_datelines_are_not_part_of_the_sentence() -> None:
    assert texts("BEIRUT - Troops advanced on Tuesday.") == ["Troops advanced on Tuesday."]
    assert texts("QAMISHLI \u2013 Backed by air cover, forces advanced.") == ["Backed by air cover, forces advanced."]
    assert texts("Beirut - Regime troops fought on.") == ["Regime troops fought on."]
    assert texts("LONDON (Reuters) - Shares fell.") == ["Shares fell."]
    assert texts("(CNN)Syrian forces retook the city.") == ["Syrian forces retook the city."]
    assert texts("(AP) — Markets rallied.") == ["Markets rallied."]
    assert texts("(Photo) is not a dateline, but (This) is not either.")[0].startswith("(Photo)")


def test_spans_survive_paragraphs() -> None:
    text = "First one. Second one.\n\nBEIRUT - Third one."
    for s in split_text(7, text):
        assert text[s.start:s.end] == s.text and s.article == 7
    assert [s.index for s in split_text(7, text)] == [0, 1, 2]


def test_tokenizer_contract_for_sumy() -> None:
    tok = Tokenizer()
    assert tok.to_sentences("One here. Two there.") == ("One here.", "Two there.")
    assert tok.to_words("The U.S.-backed forces' advance") == ("The", "U.S.-backed", "forces", "advance")


def test_words_of_any_alphabet_are_whole() -> None:
    """A letter beyond ASCII is part of its word: a rule that reads a name must see the whole name."""
    tok = Tokenizer()
    assert tok.to_words("Aécio Neves met Graça Foster and Beyoncé") == ("Aécio", "Neves", "met", "Graça", "Foster", "and",
                                                                        "Beyoncé")
    assert tok.to_words("Brazil’s São Paulo, Санкт-Петербург, 2016年3月") == (
        "Brazil’s", "São", "Paulo", "Санкт-Петербург", "2016", "年", "3", "月")


def test_stems_drop_stop_words() -> None:
    assert stems("The troops were advancing on the towns") == ["troop", "advanc", "town"]
