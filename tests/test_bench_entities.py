"""bench/entities.py: the tokeniser's split mojibake is rejoined, so cleaning can repair it."""

from __future__ import annotations

import pytest

from bench.entities import article_text
from storyline.summarize.clean.mojibake import repair


@pytest.mark.parametrize("tokenised, written", [
    ("Bowieâ€ ™ s first song", "Bowie’s first song"),
    ("I didnâ€\n™ t know", "I didn’t know"),
    ("BeyoncÃ © and JosÃ © Serra", "Beyoncé and José Serra"),
    ("a theme â€ “ eschewing it", "a theme – eschewing it"),
    ("â€œIt was murder . â€\n�\nShe left .", "“It was murder.”\nShe left."),
    ("Ã la carte", "à la carte"),
    ("a five - day plan", "a five-day plan"),
])
def test_split_mojibake_is_rejoined(tokenised: str, written: str) -> None:
    assert repair(article_text(tokenised)) == written
