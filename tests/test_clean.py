"""Cleaning rules, on seed text and on text written here."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.summarize.clean import furniture, shapes
from storyline.summarize.clean.furniture import (furniture_reason, line_reasons, normalise, repair_hyphenation, should_join,
                                                 vocabulary)
from storyline.summarize.clean.shapes import folded
from storyline.summarize.model import RawDocument
from storyline.summarize.story import build_articles
from storyline.timeline.events import placing


def clean(text: str) -> str:
    articles, _ = build_articles([RawDocument("t.txt", text)])
    return articles[0].text if articles else ""


BODY = "Rescue teams reached the flooded valley on Monday, officials said."


@pytest.mark.parametrize("line, reason", [
    ('string(1957) "[{"id":"1802970","sort":"3520919","title":"UN Chief"}]"', "data dump"),
    ('[{"id": "1", "title": "x"}, {"id": "2", "title": "y"}]', "data dump"),
    ("S/SH 11", "wire code"),
    ("AW/HM", "wire code"),
    ("eighteen + 13 =", "captcha"),
    ("7 x four = ?", "captcha"),
    ("Multimedia · User Galleries · News in Pictures Send us your pictures · Send us your stories", "site prompt"),
    ("Home | World | Europe | Business", "navigation"),
    ("Syria - Conflict", "navigation"),
    ("Read more on: isis | unesco | syria", "label"),
    ("Location: Lebanon, Beirut", "label"),
    ("Reporting by: Mir Yaqoob", "label"),
    ("Log in with Facebook to comment and personalise news, weather and listings.", "site prompt"),
    ("Please provide a username for your profile page:", "site prompt"),
    ("Subscribe to our newsletter for the latest updates.", "site prompt"),
    ("This photo, released by the agency, shows a destroyed statue outside the museum. -AFP", "caption"),
    ("Forces rest on the outskirts of the town during an operation. (Maher Al Mounes, AFP)", "caption"),
    ("Protesters gather in the square. File photo", "caption"),
    ("Tue Mar 29, 2016 19:48:38", "date line"),
    ("Saturday, May 04, 2024 | Last Update : 07:38 PM IST", "date line"),
    ("Deminers, sniffer dogs", "heading or link"),
    ("Traffic Alerts", "heading or link"),
])
def test_furniture_is_recognised(line: str, reason: str) -> None:
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", [
    BODY,
    "He told reporters the talks would resume in Geneva next week.",
    '"We will not give up," said the minister, who asked readers to share their stories.',
    "The company said it would cut prices by 10% from January.",
])
def test_reporting_is_kept(line: str) -> None:
    assert furniture_reason(line) is None


@pytest.mark.parametrize("broken, repaired", [
    ("the str-ategic town", "the strategic town"),
    ("including doz-ens of Christians", "including dozens of Christians"),
    ("defence mi-nister Fahed", "defence minister Fahed"),
    ("the armed forc-es would", "the armed forces would"),
    ("a gov-ernment plan", "a government plan"),
])
def test_print_hyphenation_is_repaired(broken: str, repaired: str) -> None:
    assert repair_hyphenation(broken) == repaired


@pytest.mark.parametrize("word", ["pro-government", "Al-Qaryatain", "UN-backed", "anti-ISIS", "south-west",
                                  "non-governmental", "oil-rich", "Britain-based", "re-election", "well-known"])
def test_real_hyphens_are_kept(word: str) -> None:
    assert repair_hyphenation(f"the {word} group") == f"the {word} group"


def test_story_vocabulary_decides_names() -> None:
    known = vocabulary(["the Qalamun region"])
    assert should_join("Qala", "mun", known)
    assert not should_join("Qala", "mun")


def test_normalise_spaces_quotes_and_escapes() -> None:
    text = "A\u00a0B \u201cquoted\u201d \x1b[31mred\x1b[0m [bold]x[/bold]\u200b"
    assert normalise(text) == 'A B "quoted" red [bold]x[/bold]'


def test_duplicated_lead_and_caption_dropped() -> None:
    caption = "This photo shows a damaged bridge near the river. -AFP"
    text = f"Floods hit the valley\n\n{caption}\n{caption}\n\n{BODY}\n\n{BODY}\n\nThe army was deployed to help residents."
    cleaned = clean(text)
    assert cleaned.count(BODY) == 1 and "photo" not in cleaned
    assert "army was deployed" in cleaned


def test_a_wiki_thumbnail_width_is_not_text() -> None:
    cleaned = clean(f"Airbus cuts jobs\n\n150px Airbus, Europe's biggest aircraft maker, has announced job cuts.\n\n{BODY}")
    assert cleaned.startswith("Airbus, Europe's biggest aircraft maker, has announced job cuts.")
    assert "The site cut 150px images." in clean(f"Title\n\nThe site cut 150px images.\n\n{BODY}")


def test_tail_after_comment_section_is_dropped() -> None:
    text = (f"Storm hits coast\n\n{BODY}\n\nRead more on: storm | weather\n\n"
            "Join the conversation! We welcome your views.\n\nThe best comments are featured every week on the site.")
    cleaned = clean(text)
    assert cleaned == BODY


def test_a_link_to_another_article_inside_the_story_does_not_end_it() -> None:
    """Tabloids set "READ MORE: <another story's headline>" between paragraphs: the link goes,
    the paragraphs after it stay; a bare "Read more" still ends the page."""
    text = ("Flood waters rose across the valley on Monday as rivers burst their banks.\n\n"
            "READ MORE: Storm warning issued for the whole coast as winds reach 90mph\n\n"
            "Rescue crews moved 300 families to the school hall overnight, the council said.\n\n"
            "Read more\n\nCelebrity chef opens a third restaurant in the city.")
    articles, _ = build_articles([RawDocument("a.txt", text, title="Valley floods")])
    paragraphs = articles[0].text.split("\n\n")
    assert paragraphs == ["Flood waters rose across the valley on Monday as rivers burst their banks.",
                          "Rescue crews moved 300 families to the school hall overnight, the council said."]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = ("Storm hits coast\n\nRescue teams reached the flooded valley on Monday after heavy\n"
            "rain cut off three villages, the str-\nategic road included, officials said.")
    assert clean(text) == ("Rescue teams reached the flooded valley on Monday after heavy rain cut off three "
                           "villages, the strategic road included, officials said.")


def test_seed_sentences_have_no_furniture(seed_story) -> None:
    text = "\n".join(s.text for s in seed_story.sentences)
    for furniture in ["S/SH", "string(", "eighteen", "Short link", "Leave a comment", "Log in", "username",
                      "Read more", "Traffic Alerts", "Location:", "Multimedia", "This photo", "File photo",
                      "(Maher Al Mounes, AFP)", "Last Update", "Reporting by", "follow us", "comments policy"]:
        assert furniture not in text, furniture
    for broken in ["str-ategic", "doz-ens", "ra-zing", "Qala-mun", "mi-nister", "forc-es"]:
        assert broken not in text
    assert "pro-government" in text and "Al-Qaryatain" in text and "anti-ISIS" in text


def test_seed_reporting_is_kept(seed_story) -> None:
    text = "\n".join(s.text for s in seed_story.sentences)
    for reporting in [
        "Syrian troops on Thursday entered the ancient city of Palmyra",
        "In May, ISIS took over the ancient city of Palmyra following fierce battles",
        "The extremist group demolished the 2 000-year-old temple of Bel",
        "Analysts say only 10-25% of Russian forces have left Syria",
        '"The clashes, which are ongoing, are fierce," he told AFP.',
        "It also destroyed ancient shrines and Roman monuments.",
        "ISIS had seized the strategic town in August 2015, abducting at least 230 people, including dozens",
    ]:
        assert reporting in text, reporting
    assert len(seed_story.sentences) == 70


def test_each_sentence_span_points_into_the_clean_text(seed_story) -> None:
    for s in seed_story.sentences:
        assert seed_story.articles[s.article - 1].text[s.start:s.end] == s.text


SCRAPED = """Skip to main content
Home | News | World | Business | Sport
Dam collapse floods villages in the north
By Maria Lopez, Reuters
Updated 2:34 PM ET, Tue March 29, 2016
Share this with Facebook
Share this with Twitter
Image copyright Getty Images
Image caption Residents wade through water in the village square
(Reuters) - A dam burst early on Monday, flooding six villages and forcing 2,000 people from their homes, officials said.
Rescue teams used boats to reach families trapped on rooftops, the regional governor told reporters.
Advertisement
"We lost everything in an hour," said farmer Ahmed Rahimi, 54.
The dam, built in 1978, had been due for repairs since last year, according to a report seen by Reuters.
Related Topics
Floods
More on this story
Villages brace for more rain
Copyright 2016 Reuters. All rights reserved.
We use cookies to improve your experience on our site."""


def test_a_differently_shaped_scrape_is_cleaned() -> None:
    articles, _ = build_articles([RawDocument("wire.txt", SCRAPED)])
    article = articles[0]
    assert article.title == "Dam collapse floods villages in the north"
    assert article.published == "2016-03-29T14:34"
    assert article.text.split("\n\n") == [
        "(Reuters) - A dam burst early on Monday, flooding six villages and forcing 2,000 people from their "
        "homes, officials said.",
        "Rescue teams used boats to reach families trapped on rooftops, the regional governor told reporters.",
        '"We lost everything in an hour," said farmer Ahmed Rahimi, 54.',
        "The dam, built in 1978, had been due for repairs since last year, according to a report seen by Reuters.",
    ]


def test_headlines_lose_the_media_tags_sites_add() -> None:
    from storyline.summarize.clean.furniture import headline

    assert headline("Syrian Army Troops Pressure ISIS in Central Syria after Palmyra Win + VIDEO") == (
        "Syrian Army Troops Pressure ISIS in Central Syria after Palmyra Win")
    assert headline("Floods hit the valley (PHOTOS)") == "Floods hit the valley"
    assert headline("Video game sales rise") == "Video game sales rise"  # a word of the headline stays


def test_a_line_an_outlet_repeats_across_weeks_is_furniture_not_news() -> None:
    from storyline.summarize.model import RawDocument
    from storyline.summarize.story import build_articles

    footer = "Views expressed in the comments do not represent those of the Daily Planet."
    pages = [RawDocument(f"d{i}", f"Bridge {i} opens\n\nThe mayor of Smallville opened bridge number {i} on Monday, "
                                  f"officials said.\n\n{footer}", outlet="Daily Planet", published=f"2020-0{i}-10")
             for i in range(1, 5)]
    wire = [RawDocument(f"w{i}", "Quake hits coast\n\nA strong earthquake struck the coast of Chile on Tuesday, "
                                 "killing at least 12 people.", outlet=f"Outlet {i}", published="2020-05-05")
            for i in range(3)]
    articles, _ = build_articles(pages + wire)
    assert all(footer not in a.text and "opened bridge number" in a.text for a in articles[:4])
    assert all("earthquake struck the coast of Chile" in a.text for a in articles[4:])  # news retold stays


GATES = {"prompt": furniture._PROMPT, "reporting": furniture._REPORTING, "contact": shapes._CONTACT,
         "caption widget": shapes._CAPTION_WIDGET, "caption sentence": placing.CAPTION}


@pytest.mark.parametrize("name", sorted(GATES))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_gated_pattern_finds_every_match_of_its_pattern(name: str, data: st.DataObject) -> None:
    """Each literal gate lets through every line its pattern matches, whatever the case and the
    letters re.IGNORECASE folds ("İ", "ſ"), with text around it."""
    gate = GATES[name]
    match = data.draw(st.from_regex(gate.pattern, fullmatch=True))
    around = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("İıſK "), max_size=8)
    line = data.draw(around) + match + data.draw(around)
    assert gate.search(match, folded(match)) is not None
    assert (gate.search(line, folded(line)) is None) == (gate.pattern.search(line) is None)


def test_lines_are_classified_once_a_story_and_as_furniture_reason_does() -> None:
    lines = [BODY, "Home | World | Europe | Business", "Sign up for our newsletter", BODY]
    reason_of = line_reasons()
    assert [reason_of(line) for line in lines] == [furniture_reason(line) for line in lines]
    assert [reason_of(line) for line in lines] == [None, "navigation", "site prompt", None]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60) | st.text(max_size=30))
def test_a_line_s_key_is_its_words_lowered_and_spaced(line: str) -> None:
    # an ASCII line's key comes from a byte table, any other's from the pattern: the same key
    import re

    assert furniture.line_key(line) == " ".join(re.findall(r"[^\W_]+", line)).lower()
