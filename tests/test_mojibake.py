"""Mojibake (UTF-8 once read as Windows-1252) is repaired in cleaning, and correct text never changes."""

from __future__ import annotations

import json

import ftfy.bad_codecs  # noqa: F401  registers "sloppy-windows-1252", the decoding browsers and scrapers do
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.summarize.clean.mojibake import repair
from tests.conftest import SEEDS, WIKINEWS, run_cli

CLEAN_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())] + [
    json.loads(line)["text"] for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]
VOCABULARY = sorted({w for text in CLEAN_TEXTS for w in text.split()})
# Written words beyond ASCII. ftfy leaves two mojibakes as they are, "ErdoÄŸan" and "â„¢" (too
# few clues that they are not meant): they are only in the words that must stay as written.
ACCENTED = ("Aécio Graça José Beyoncé São Łódź Müller naïve café Zürich Ñuñoa Dvořák François Ångström “ ” ‘ ’ – — "
            "… € £ ½ ° © ® • · ¡ ¿ Москва Київ Αθήνα 北京 東京 \xa0 «oui» l’État d’Ivoire Øresund Þór ß").split(" ")
STAYS = [*ACCENTED, "Erdoğan", "™"]


def mojibake(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


@pytest.mark.parametrize("broken, repaired", [
    ("Brazilâ€™s senate voted", "Brazil’s senate voted"),
    ("BeyoncÃ© sang", "Beyoncé sang"),
    ("â€œWe won,â€\x9d Aécio said â€“ and left", "“We won,” Aécio said – and left"),
    ("SÃ£o Paulo paid Â£12m", "São Paulo paid £12m"),
    ("Recep Tayyip ErdoÄŸan and Niclas WÃ¥gnert", "Recep Tayyip Erdoğan and Niclas Wågnert"),  # ftfy alone keeps these
    ("\x95 Italian police said", "• Italian police said"),  # a C1 bullet: not all of it was UTF-8, ftfy decides
])
def test_mojibake_is_repaired(broken: str, repaired: str) -> None:
    assert repair(broken) == repaired


def test_the_seeds_and_wikinews_read_as_they_are() -> None:
    assert all(repair(text) == text for text in CLEAN_TEXTS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(VOCABULARY), st.sampled_from(STAYS)), max_size=40).map(" ".join))
def test_correct_text_is_never_changed(text: str) -> None:
    assert repair(text) == text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(VOCABULARY), st.sampled_from(ACCENTED)), min_size=1, max_size=40)
       .map(" ".join).filter(lambda text: not text.isascii()))
def test_mojibake_of_correct_text_reads_as_written(text: str) -> None:
    assert repair(mojibake(text)) == text


def test_a_mojibake_article_reads_clean_through_the_cli(story_file) -> None:
    """A page once decoded as Windows-1252 gives the sentences its correct copy gives."""
    written = ("Brazil’s senate votes on Rousseff\n\nPublished: May 11, 2016\n\n"
               "Brazil’s senate voted on Wednesday to suspend Dilma Rousseff, the senator Aécio Neves said. "
               "“It is a sad day,” said Graça Foster – who ran Petrobras until 2015.\n")

    def sentences(text: str) -> list[str]:
        folder = story_file({"a.txt": text})
        return [json.loads(line)["text"] for line in run_cli("sentences", folder, "--format", "jsonl").stdout.splitlines()]

    assert sentences(mojibake(written)) == sentences(written) == [
        "Brazil's senate voted on Wednesday to suspend Dilma Rousseff, the senator Aécio Neves said.",
        '"It is a sad day," said Graça Foster – who ran Petrobras until 2015.']
