"""Property-based tests of everything that parses outside input (hypothesis).

Random Unicode, newsy word salad and random JSON records go through ingest -> clean ->
sentences -> tag -> timeline: nothing raises but our own StorylineError, and every reported
offset slices back to its text. The default run is bounded for CI; `python -m pytest -m slow
tests/test_properties.py` runs the long fuzz (about 100 times the examples).
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.summarize.errors import InputError, StorylineError
from storyline.summarize.read.ingest import decode, read_inputs
from storyline.summarize.model import RawDocument
from storyline.summarize.text.sentences import sentence_spans, split_text
from storyline.summarize.story import build_articles, load_story
from storyline.summarize.untrusted import clean_line, clean_text, markdown_literal, shown_path
from storyline.timeline.analysis import analyse
from storyline.timeline.tagger.scan import tag

WORDS = ("on Monday", "last May", "in 2015", "March 27, 2016", "the next day", "10 years ago", "2000 people",
         "Q3 2014", "the 1990s", "tomorrow", "1/1/16", "Feb 30, 2016", "Gen.", "Mr.", "U.S.", "said", "will",
         "(AFP)", "BEIRUT -", "\n", "\n\n", ". ", ", ", "\"", "str-ategic", "Published: March 3, 2021", "x" * 30,
         "\x1b[31m", "\u202e", "[bold]", "<script>", "9999", "0001", "between", "and", "since", "until")
newsy = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=400), newsy)
days = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
records = st.dictionaries(st.sampled_from(["text", "title", "outlet", "published", "url", "date", "source"]),
                          st.one_of(any_text, st.integers(), st.none(), st.lists(st.text(max_size=5), max_size=3)))
BOUNDED = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=15_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_tagging(text: str, published: date | None) -> None:
    for t in tag(text, published):
        assert text[t.start:t.end] == t.text and t.type in ("DATE", "TIME", "DURATION", "SET") and t.value
        if t.span:
            assert t.span.start <= t.span.end


def check_story(texts: list[str]) -> None:
    documents = [RawDocument(origin=f"r{i}", text=t) for i, t in enumerate(texts)]
    articles, _ = build_articles(documents)
    for article in articles:
        for s in split_text(article.id, article.text):
            assert article.text[s.start:s.end] == s.text


def check_records(rows: list[dict[str, object]], tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    try:
        story = load_story([str(path)])
    except StorylineError:
        return
    for article in story.articles:
        assert not any(c in article.title + (article.outlet or "") for c in "\x1b\x9b\u202e\n")
    analysis = analyse(story)
    for event in analysis.timeline.events:
        assert event.sources and all(1 <= i <= len(analysis.sources) for i in event.sources)


@BOUNDED
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_says_why(data: bytes) -> None:
    try:
        text = decode("x.txt", data)
    except InputError as err:
        assert err.origin == "x.txt"
        return
    assert isinstance(text, str) and "\x00" not in text


@BOUNDED
@given(any_text, days)
def test_tagging_never_raises_and_offsets_slice_back(text: str, published: date | None) -> None:
    check_tagging(text, published)


@BOUNDED
@given(any_text)
def test_sentence_spans_are_ordered_and_inside_the_text(text: str) -> None:
    previous_end = 0
    for start, end in sentence_spans(text):
        assert previous_end <= start < end <= len(text) and "\n" not in text[start:end]
        previous_end = end


@BOUNDED
@given(st.lists(any_text, min_size=1, max_size=4))
def test_cleaning_and_splitting_never_raise(texts: list[str]) -> None:
    check_story(texts)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(rows=st.lists(records, min_size=1, max_size=4))
def test_random_json_records_make_a_story_or_a_clear_error(rows, tmp_path_factory) -> None:
    check_records(rows, tmp_path_factory)


@BOUNDED
@given(st.text(max_size=200))
def test_sanitised_strings_carry_no_terminal_control(text: str) -> None:
    for cleaned in (clean_text(text), clean_line(text)):
        assert not any(c in cleaned for c in "\x1b\x9b\x9d\u202e\u2066\x07\x00")
    assert "\n" not in clean_line(text) and "\n" not in shown_path(text) and "\x1b" not in shown_path(text)
    assert "<" not in markdown_literal(text).replace("\\<", "")


@pytest.mark.slow
@LONG
@given(any_text, days)
def test_fuzz_tagging(text: str, published: date | None) -> None:
    check_tagging(text, published)


@pytest.mark.slow
@LONG
@given(st.lists(any_text, min_size=1, max_size=4))
def test_fuzz_cleaning(texts: list[str]) -> None:
    check_story(texts)


def test_reading_a_folder_of_random_names_never_raises(tmp_path) -> None:
    for i, name in enumerate(["a\nb.txt", "c\x1b[31m.txt", "d\u202e.txt", "e[x].txt", " .txt"]):
        (tmp_path / name).write_text(f"Title {i}\n\nOfficials said on Monday the plan had worked.\n")
    reading = read_inputs([str(tmp_path)])
    assert len(reading.documents) == 5 and not reading.problems
    assert all("\n" not in d.origin and "\x1b" not in d.origin for d in reading.documents)


@BOUNDED
@given(any_text, any_text)
def test_lines_made_to_stand_alone_only_gain_a_bracketed_name(text: str, before: str) -> None:
    import re

    from storyline.summarize.summary.reference import self_contained

    shown = self_contained(text, before)
    assert shown == text or re.sub(r" \[[^\]]*\]", "", shown, count=1) == text


@BOUNDED
@given(any_text)
def test_headlines_lose_media_tags_only(title: str) -> None:
    from storyline.summarize.clean.furniture import headline

    cleaned = headline(title)
    assert (cleaned or not title.strip()) and (cleaned == title or len(cleaned) < len(title))
    assert headline(cleaned) == cleaned


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_the_ascii_word_pattern_finds_what_the_word_pattern_does(text: str) -> None:
    from storyline.summarize.clean.furniture import _ASCII_WORD, WORD

    assert _ASCII_WORD.findall(text) == WORD.findall(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60) | st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_a_texts_lower_cased_words_are_its_words_lower_cased(text: str) -> None:
    from storyline.summarize.clean.furniture import WORD, lower_words

    assert lower_words(text) == [w.lower() for w in WORD.findall(text)]
