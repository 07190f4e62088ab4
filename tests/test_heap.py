"""The batch heap (summarize/heap.py): no cyclic collection while a story is read and analysed,
the collector on again after, a caller's own setting kept."""

from __future__ import annotations

import gc

from click.testing import CliRunner

from storyline.summarize.heap import one_batch
from storyline.tui.cli import main
from tests.conftest import WIKINEWS


def _cycles(n: int) -> None:
    for _ in range(n):
        a: list[object] = []
        a.append(a)  # garbage only the cyclic collector frees


def test_no_collection_runs_inside_a_batch_and_the_collector_is_back_after() -> None:
    seen: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(count)
    try:
        with one_batch():
            with one_batch():  # nested: the outer one decides
                _cycles(50_000)
            assert not gc.isenabled()
            _cycles(50_000)
            assert seen == []
        assert gc.isenabled()
        _cycles(50_000)
        assert seen, "collections run again after the batch"
    finally:
        gc.callbacks.remove(count)


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with one_batch():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_command_leaves_the_collector_on() -> None:
    result = CliRunner().invoke(main, ["summarize", str(WIKINEWS), "--no-cache", "--sentences", "2"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() and gc.isenabled()
