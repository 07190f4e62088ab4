"""Shared fixtures: the seed story, the Wikinews stories, and a CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from storyline.summarize.model import Article
from storyline.summarize.text.sentences import split_text
from storyline.summarize.story import Story
from storyline.tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WIKINEWS = ROOT / "tests" / "data" / "wikinews-4-stories.jsonl"  # CC BY: tests/data/README.md


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch) -> Path:
    """Each test its own analysis cache: none is shared between tests or left in the user's home."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("STORYLINE_CACHE", str(folder))
    return folder


def run_cli(*args: str, input: bytes | str | None = None) -> Result:
    """Invoke `storyline ARGS` in-process, stdout and stderr kept apart."""
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def article(id: int, text: str, published: str | None = "2016-03-29", title: str = "A story",
            outlet: str | None = None) -> Article:
    """A cleaned article built in a test: one paragraph per line of `text`."""
    return Article(id=id, origin=f"a{id}.txt", title=title, outlet=outlet, published=published,
                   text="\n\n".join(line.strip() for line in text.strip().splitlines()))


def story(*texts: str | Article) -> Story:
    """A Story of articles built in a test (plain strings become articles published 2016-03-29)."""
    articles = tuple(t if isinstance(t, Article) else article(i, t) for i, t in enumerate(texts, 1))
    return Story(articles, tuple(s for a in articles for s in split_text(a.id, a.text)))


@pytest.fixture(scope="session")
def seed_story():
    from storyline.summarize.story import load_story

    return load_story([str(SEEDS)])


@pytest.fixture(scope="session")
def wikinews_rows() -> list[dict]:
    return [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]


@pytest.fixture()
def story_file(tmp_path):
    """Write articles to a folder and return it: story_file({"a.txt": "..."})."""
    def write(files: dict[str, str | bytes]) -> Path:
        for name, content in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return tmp_path
    return write
