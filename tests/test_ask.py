"""Answering on stories other than the seeds (Wikinews), through `storyline ask`."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_cli


@pytest.fixture(scope="module")
def apple_story(wikinews_rows, tmp_path_factory):
    path = tmp_path_factory.mktemp("apple") / "apple.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in wikinews_rows if r["story"] == "apple"))
    return path


@pytest.mark.parametrize("question, date", [
    ("When did Steve Jobs die?", "2011-10-05"),
    ("When did Apple launch the iTunes Music Store?", "2003-04-28"),
])
def test_when_questions_on_wikinews(apple_story, question: str, date: str) -> None:
    data = json.loads(run_cli("ask", apple_story, question, "--format", "json").stdout)
    assert data["answered"] and data["answer"][0]["date"] == date
    assert data["answer"][0]["sources"] and {s["id"] for s in data["sources"]} >= set(data["answer"][0]["sources"])


def test_unanswerable_question_says_so(apple_story) -> None:
    result = run_cli("ask", apple_story, "What is the boiling point of mercury?")
    assert result.exit_code == 0 and result.stdout.startswith("The sources do not answer that.")


def test_ask_needs_a_question() -> None:
    assert run_cli("ask", "seeds").exit_code == 2
