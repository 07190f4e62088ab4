"""`storyline batch`: an archive of many stories on a Dask LocalCluster of two processes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from storyline.timeline.batch import Shard, analyse_shard, run_batch
from tests.conftest import SEEDS, run_cli


@pytest.fixture()
def archive(wikinews_rows, tmp_path) -> Path:
    """The four Wikinews stories, the demo story and two bad lines, as one JSON Lines archive."""
    path = tmp_path / "archive.jsonl"
    lines = [json.dumps(row) for row in wikinews_rows]
    lines += [json.dumps({"text": seed.read_text(), "url": seed.name}) for seed in sorted(SEEDS.iterdir())]
    path.write_text("\n".join(lines + ["{broken", '{"text": "!!! ???"}']) + "\n")
    return path


def fail_on_syria(shard: Shard, lines: tuple[bytes, ...], formats: Sequence[str], algorithm: str) -> dict[str, object]:
    """A task that breaks on one story, as a bug or a dying worker would."""
    if "Syria" in shard.title:
        raise RuntimeError("this story's worker broke")
    return analyse_shard(shard, lines, formats, algorithm)


def test_batch_writes_a_timeline_per_story_and_resumes(archive, tmp_path) -> None:
    out = tmp_path / "out"
    result = run_cli("batch", archive, "--out", out, "--workers", "2")
    assert result.exit_code == 0, result.stderr
    index = json.loads((out / "index.json").read_text())
    stories = index["stories"]
    assert len(stories) >= 4 and all(s["status"] == "done" for s in stories)
    assert sum(s["articles"] for s in stories) == 125
    demo = next(s for s in stories if "Syria" in s["title"])
    assert demo["articles"] == 5 and demo["first"] == "2016-03-25"
    timeline = json.loads((out / f"{demo['id']}.json").read_text())
    assert len(timeline["sources"]) == 5 and "2016-03-27" in {e["date"] for e in timeline["events"]}
    assert (out / f"{demo['id']}.md").read_text().startswith("# ")
    assert len(index["skipped_records"]) == 2 and "malformed JSON" in index["skipped_records"][0]
    again = run_cli("batch", archive, "--out", out, "--workers", "2")
    assert again.exit_code == 0
    assert {s["status"] for s in json.loads((out / "index.json").read_text())["stories"]} == {"cached"}


def test_a_failing_story_is_reported_and_the_others_go_on(archive, tmp_path) -> None:
    index = run_batch([str(archive)], tmp_path / "out", workers=2, formats=("json",), task=fail_on_syria)
    failed = [s for s in index["stories"] if s["status"] == "failed"]
    assert len(failed) == 1 and "Syria" in failed[0]["title"] and "worker broke" in failed[0]["error"]
    assert sum(s["status"] == "done" for s in index["stories"]) == len(index["stories"]) - 1


def test_batch_refuses_what_is_not_an_archive(tmp_path) -> None:
    result = run_cli("batch", SEEDS / "000_cfa9c618f1c3bea8.txt", "--out", tmp_path / "out")
    assert result.exit_code == 1 and "an archive is a .jsonl" in result.stderr
