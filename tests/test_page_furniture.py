"""Furniture an extractor leaves inside a real page's body, and the article's own subheads and
lists, through the library (`load_story`) and the CLI, on pages and texts written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.summarize.story import load_story
from tests.conftest import run_cli

TITLE = "Valley towns brace as the river keeps rising"
LEAD = ("Emergency crews in the Mervale valley worked through the night on Tuesday to shore up levees "
        "as the river rose another half metre, the county said.")
MIDDLE = ("About 2,400 residents of low-lying streets were told to leave their homes before dawn, and "
          "three schools were turned into shelters with cots, blankets and hot meals.")
LAST = ("Forecasters expect the river to crest on Thursday afternoon, two days later than first "
        "predicted, after more rain fell in the hills upstream overnight.")


def cleaned(tmp_path: Path, *lines: str, name: str = "page.txt") -> str:
    """The body Storyline keeps of a text page: title, lead, the given lines, then two paragraphs."""
    page = tmp_path / name
    page.write_text("\n\n".join([TITLE, LEAD, *lines, MIDDLE, LAST]), encoding="utf-8")
    return load_story([str(page)]).articles[0].text


@pytest.mark.parametrize("line, gone", [
    # photo captions with credits, and caption widgets
    ("Volunteers pass sandbags along the levee near the old mill. Dana Whitfield/AP", "Whitfield"),
    ("Residents wade through the flooded square on Tuesday. (Photo by Lee Marsh/Getty Images)", "Marsh"),
    ("Enlarge this image toggle caption The closed pier at dawn as the water kept rising", "pier at dawn"),
    # share and comment prompts
    ("Liked this report? Share it with your neighbours and friends!", "neighbours"),
    ("Tell us what you think about the new flood barriers in the valley.", "barriers"),
    # embedded posts and videos
    ("MUST SEE Drone footage shows the flooded valley and the broken levee from the air above Mervale 01:12",
     "Drone footage"),
    ("Ferry service on the lake is cut for a week [VIDEO]", "Ferry service"),
    # bylines, credits and contacts
    ("Dana Whitfield may be reached at dwhitfield@example.org or on 555-0100.", "555-0100"),
    ("Follow him on Twitter @riverdesk for updates from the levee.", "riverdesk"),
    ("Have a tip? Write to the newsroom at any hour of the day or night.", "newsroom"),
    ("This story was originally published on the Valley Courier website.", "Courier"),
    ("Sam Ortiz contributed reporting from the coast.", "Ortiz"),
    ("(Additional reporting by Ana Silva; editing by Tom Reed)", "Silva"),
])
def test_furniture_shapes_leave_the_body(tmp_path: Path, line: str, gone: str) -> None:
    text = cleaned(tmp_path, line)
    assert gone not in text
    assert [LEAD, MIDDLE, LAST] == [p for p in text.split("\n\n") if p in (LEAD, MIDDLE, LAST)]


@pytest.mark.parametrize("residue", [" pic.twitter.com/Qx81LmZ", " - County Emergency Office (@CountyEMO) March 3, 2021"])
def test_an_embedded_post_keeps_its_words_and_loses_its_residue(tmp_path: Path, residue: str) -> None:
    post = "The water is over the road at the east bridge, please stay away from the river banks tonight."
    assert cleaned(tmp_path, post + residue).split("\n\n") == [LEAD, post, MIDDLE, LAST]
    assert cleaned(tmp_path, post, residue.strip(), "SCHOOLS SHUT").split("\n\n") == [LEAD, post, "SCHOOLS SHUT", MIDDLE, LAST]


def test_a_recommendation_box_fused_into_a_sentence_is_cut(tmp_path: Path) -> None:
    fused = ("Gov. Maria OkaforMaria Adaeze OkaforState governor says levee repairs must wait for spring MORE "
             "(D) said on Tuesday the state would pay for the repairs.")
    text = cleaned(tmp_path, fused)
    assert "Gov. Maria Okafor (D) said on Tuesday the state would pay for the repairs." in text
    assert "MORE" not in text and "Adaeze" not in text


def test_bylines_and_subheads_are_never_outlets(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("\n\n".join([TITLE, "By Hana Lindqvist", LEAD, "SHELTERS FILL", MIDDLE, LAST]), encoding="utf-8")
    rows = json.loads(run_cli("sources", page, "--format", "json").stdout)
    assert rows[0]["outlet"] is None
    page.write_text("\n\n".join([TITLE, LEAD, "SHELTERS FILL", MIDDLE, LAST]), encoding="utf-8")
    assert json.loads(run_cli("sources", page, "--format", "json").stdout)[0]["outlet"] is None


def test_a_dateline_with_two_places_leaves_the_sentence(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(f"{TITLE}\n\nLAGOS/ABUJA (Reuters) - {LEAD}\n\n{MIDDLE}\n\n{LAST}", encoding="utf-8")
    sentences = run_cli("sentences", page).stdout.splitlines()
    assert sentences[0] == LEAD


def test_a_slogan_is_not_split_into_fragments(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(f"{TITLE}\n\n{LEAD}\n\nRain. We're Ready.\n\n{MIDDLE}", encoding="utf-8")
    sentences = run_cli("sentences", page).stdout.splitlines()
    assert not [s for s in sentences if len(s.split()) < 2], sentences


PAGE = """<!doctype html><html><head><title>{title}</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>{title}</h1>
<p>{lead}</p>
<h2>Roads closed</h2>
<p>{middle}</p>
<p>SCHOOLS SHUT</p>
<h3>Engineers fear the old levee on the east bank could give way before the river crests</h3>
<p>{last}</p>
<p>Shelters open tonight:</p>
<ul><li>Mervale High School gym</li><li>St. Anne's parish hall</li><li>The old armoury on Dock Road</li></ul>
</article><footer><p>Copyright 2021 Valley Courier. All rights reserved.</p></footer></body></html>"""


def test_a_pages_subheads_and_closing_list_are_kept_but_are_not_sentences(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(title=TITLE, lead=LEAD, middle=MIDDLE, last=LAST), encoding="utf-8")
    story = load_story([str(page)])
    paragraphs = story.articles[0].text.split("\n\n")
    for kept in ("## Roads closed", "SCHOOLS SHUT", "Shelters open tonight:", "St. Anne's parish hall"):
        assert kept in paragraphs
    assert [s.text for s in story.sentences] == [LEAD, MIDDLE, LAST]
    assert "Home" not in paragraphs and not [p for p in paragraphs if "rights reserved" in p]


def test_a_recommendation_heading_inside_the_body_does_not_end_it(tmp_path: Path) -> None:
    text = cleaned(tmp_path, "Most popular")
    assert MIDDLE in text and LAST in text
    assert cleaned(tmp_path, "Most popular\n\nRiver town opens a new bakery") == LEAD
