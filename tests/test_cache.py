"""The analysis cache: a second run on the same inputs reuses the first's analysis; a changed
input, option or a damaged entry never meets an old one."""

from __future__ import annotations

import json

import pytest

from storyline.timeline import analysis as analysis_module
from tests.conftest import SEEDS, run_cli

QUESTION = "When did the bridge open?"
BRIDGE = {
    "a.txt": "Bridge opens\n\nPublished May 3, 2021\n\nThe new bridge over the river opened on Saturday, "
             "the mayor said.\n\nThousands of people walked across it in the first hour.",
    "b.txt": "Crowds on the bridge\n\nPublished May 4, 2021\n\nThe new bridge over the river opened on Saturday "
             "after four years of work.\n\nTraffic will use it from June.",
}


def answer(folder, *options: str) -> dict:
    result = run_cli("ask", folder, QUESTION, "--format", "json", *options)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_second_run_reuses_the_analysis(story_file, private_cache, monkeypatch) -> None:
    folder = story_file(BRIDGE)
    first = answer(folder)
    assert first["note"].startswith("Sat 1 May 2021") and len(list(private_cache.glob("*.pickle"))) == 1

    def no_analysis(*args, **kwargs):
        raise AssertionError("analysed again")

    monkeypatch.setattr(analysis_module, "analyse", no_analysis)
    assert answer(folder) == first  # from the cache: analyse is not called
    with pytest.raises(AssertionError, match="analysed again"):
        answer(folder, "--no-cache")


def test_a_changed_article_or_option_is_analysed_again(story_file, private_cache) -> None:
    folder = story_file(BRIDGE)
    assert answer(folder)["note"].startswith("Sat 1 May 2021")
    for name in ("a.txt", "b.txt"):  # one edit: the bridge opened on Sunday, not Saturday
        path = folder / name
        path.write_text(path.read_text().replace("Saturday", "Sunday"))
    assert answer(folder)["note"].startswith("Sun 2 May 2021")
    answer(folder, "--algorithm", "textrank")
    assert len(list(private_cache.glob("*.pickle"))) == 3


def test_a_damaged_entry_is_rebuilt(story_file, private_cache) -> None:
    folder = story_file(BRIDGE)
    first = answer(folder)
    for entry in private_cache.glob("*.pickle"):
        entry.write_bytes(entry.read_bytes()[:100])  # cut short, as a full disk would leave it
    assert answer(folder) == first
    assert not list(private_cache.glob("*.part"))


def test_every_analysing_command_shares_the_entry(private_cache) -> None:
    assert run_cli("timeline", SEEDS, "--format", "json").exit_code == 0
    assert run_cli("summarize", SEEDS).exit_code == 0
    assert run_cli("ask", SEEDS, "summary").exit_code == 0
    assert len(list(private_cache.glob("*.pickle"))) == 1


def test_a_missing_path_beside_cached_inputs_is_still_a_warning(story_file, private_cache, tmp_path) -> None:
    """`seeds/ /nowhere` hashes like `seeds/` alone: the cached run gave no warning for /nowhere."""
    folder = story_file(BRIDGE)
    answer(folder)
    missing = tmp_path / "nowhere.txt"
    result = run_cli("summarize", folder, missing)  # (ask takes a missing path for an unquoted question)
    assert result.exit_code == 0 and f"skipped {missing}: no such file or folder" in result.stderr
    assert f"skipped {missing}" in run_cli("summarize", folder, missing).stderr  # and from the cache
