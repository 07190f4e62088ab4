"""`storyline batch` under faults (issue 26): remote workers in other folders, schedulers that are
not there, resumes after changed options or damaged outputs, two runs into one folder, gzip bombs,
unwritable output folders, an archive named twice."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, run_cli


@pytest.fixture()
def small_archive(tmp_path) -> Path:
    """The demo story (five articles) and one more article, as a JSON Lines archive."""
    path = tmp_path / "small.jsonl"
    rows = [{"text": seed.read_text(), "url": seed.name} for seed in sorted(SEEDS.iterdir())]
    rows.append({"text": "Fire crews fought a blaze in the harbour on Monday, officials said. " * 5,
                 "published": "2021-03-03", "title": "Harbour fire"})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


@pytest.fixture()
def idle_scheduler() -> Iterator[str]:
    """A Dask scheduler of our own with no worker."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=0, processes=False, protocol="tcp://", host="127.0.0.1",
                      dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"}) as cluster:
        yield cluster.scheduler_address


def index_of(out: Path) -> dict:
    return json.loads((out / "index.json").read_text())


def test_a_worker_in_another_folder_writes_nothing_there_and_the_index_is_true(
        small_archive, idle_scheduler, tmp_path, monkeypatch) -> None:
    elsewhere = tmp_path / "worker-home"
    elsewhere.mkdir()
    worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", idle_scheduler,
                               "--nthreads", "1", "--no-dashboard"], cwd=elsewhere,
                              env=os.environ | {"PYTHONPATH": str(ROOT)},  # this checkout's code, from afar
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        monkeypatch.chdir(tmp_path)
        result = run_cli("batch", small_archive, "--out", "out", "--scheduler", idle_scheduler, "--timeout", "60")
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    assert result.exit_code == 0, result.stderr
    stories = index_of(tmp_path / "out")["stories"]
    assert stories and all(s["status"] == "done" for s in stories)
    assert all((tmp_path / "out" / name).is_file() for s in stories for name in s["files"])
    assert list(elsewhere.iterdir()) == []


def test_a_scheduler_without_workers_times_out_with_one_line(small_archive, idle_scheduler, tmp_path) -> None:
    result = run_cli("batch", small_archive, "--out", tmp_path / "out", "--scheduler", idle_scheduler,
                     "--timeout", "1")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert "waiting for workers" in lines[0]
    assert lines[-1].startswith("storyline: no Dask worker joined the scheduler") and len(lines) == 2


def test_an_unreachable_scheduler_is_one_line(small_archive, tmp_path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_cli("batch", small_archive, "--out", tmp_path / "out", "--scheduler", f"tcp://127.0.0.1:{port}",
                     "--timeout", "1")
    assert result.exit_code == 1 and result.stderr.startswith("storyline: cannot reach the Dask scheduler")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("address", ["not a url", "tcp://host:port", "http://x:1", "localhost"])
def test_a_scheduler_address_that_is_not_one_is_a_usage_error(small_archive, tmp_path, address: str) -> None:
    result = run_cli("batch", small_archive, "--out", tmp_path / "out", "--scheduler", address)
    assert result.exit_code == 2 and "--scheduler" in result.stderr and "Traceback" not in result.stderr


def test_resume_follows_the_options_and_the_files_not_the_names(small_archive, tmp_path) -> None:
    out = tmp_path / "out"
    assert run_cli("batch", small_archive, "--out", out, "--workers", "1").exit_code == 0
    first = index_of(out)["stories"]
    assert {s["status"] for s in first} == {"done"}
    assert run_cli("batch", small_archive, "--out", out, "--workers", "1", "-a", "textrank").exit_code == 0
    assert {s["status"] for s in index_of(out)["stories"]} == {"done"}  # other options: analysed again
    damaged = out / first[0]["files"][0]
    damaged.write_bytes(damaged.read_bytes()[:100])  # truncated after the run
    assert run_cli("batch", small_archive, "--out", out, "--workers", "1", "-a", "textrank").exit_code == 0
    status = {s["id"]: s["status"] for s in index_of(out)["stories"]}
    assert status.pop(first[0]["id"]) == "done" and set(status.values()) == {"cached"}
    assert json.loads(damaged.read_text())["events"]


def test_a_second_run_into_the_same_folder_is_refused(small_archive, tmp_path, monkeypatch) -> None:
    from storyline.timeline.batch_guard import locked

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr("distributed.LocalCluster", lambda *a, **k: pytest.fail("a cluster was started"))
    with locked(out):
        result = run_cli("batch", small_archive, "--out", out)
    assert result.exit_code == 1 and "another batch run is writing into" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [".lock"]


def test_a_lock_held_by_another_process_is_seen(tmp_path) -> None:
    """flock is per open file, so the lock holds across processes, not just in this one."""
    from storyline.summarize.errors import StorylineError
    from storyline.timeline.batch_guard import LOCK, locked

    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, sys; f = open(sys.argv[1], 'a'); "
                               "fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); sys.stdin.read()",
                               str(tmp_path / LOCK)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(StorylineError, match="another batch run"):
            with locked(tmp_path):
                pass
    finally:
        holder.communicate("")
    with locked(tmp_path):  # released with its holder
        assert fcntl is not None


@pytest.mark.parametrize("record", [b'{"x": 1}\n', b'{"text": "' + b"a" * 100_000 + b'"}\n'], ids=["short", "long"])
def test_a_gzip_bomb_is_stopped_with_a_clear_message(tmp_path, record: bytes, monkeypatch) -> None:
    if len(record) < 100:  # junk records cost their profiling: stop this one early, as a smaller limit would
        monkeypatch.setattr("storyline.summarize.read.archive.RATIO_FROM", 64 * 1024)
        monkeypatch.setattr("storyline.summarize.read.archive.MAX_RATIO", 2)
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        per_write = max(1, 1_000_000 // len(record))
        for _ in range(30_000_000 // len(record) // per_write):
            out.write(record * per_write)  # 30 MB of junk records from some 30-50 KB
    assert bomb.stat().st_size < 100_000
    result = run_cli("batch", bomb, "--out", tmp_path / "out", "--workers", "1")
    assert result.exit_code == 1 and "a gzip bomb?" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out" / ".shards").exists()


def test_skipped_records_are_counted_and_only_the_first_few_kept(small_archive, tmp_path) -> None:
    with small_archive.open("a") as archive:
        archive.write('{"x": 1}\n' * 500 + "{broken\n")
    out = tmp_path / "out"
    result = run_cli("batch", small_archive, "--out", out, "--workers", "1")
    assert result.exit_code == 0, result.stderr
    index = index_of(out)
    assert index["skipped_count"] == 501 and len(index["skipped_records"]) == 20
    assert index["skipped_records"][0].endswith(':7: no "text" field')
    assert "501 records skipped" in result.stderr


def test_an_output_folder_that_cannot_be_made_fails_before_any_cluster(small_archive, tmp_path, monkeypatch) -> None:
    (tmp_path / "file").write_text("x")
    monkeypatch.setattr("distributed.LocalCluster", lambda *a, **k: pytest.fail("a cluster was started"))
    result = run_cli("batch", small_archive, "--out", tmp_path / "file" / "out")
    assert result.exit_code == 1 and result.stderr.startswith("storyline: cannot write into")
    assert "internal error" not in result.stderr


def test_a_full_disk_is_found_before_any_cluster(small_archive, tmp_path, monkeypatch) -> None:
    import shutil

    real = shutil.disk_usage
    monkeypatch.setattr(shutil, "disk_usage", lambda p: real(p)._replace(free=1000))
    monkeypatch.setattr("distributed.LocalCluster", lambda *a, **k: pytest.fail("a cluster was started"))
    result = run_cli("batch", small_archive, "--out", tmp_path / "out")
    assert result.exit_code == 1 and "not enough free space" in result.stderr


def test_a_file_that_is_not_an_archive_is_refused_before_any_cluster(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("distributed.LocalCluster", lambda *a, **k: pytest.fail("a cluster was started"))
    result = run_cli("batch", SEEDS / "000_cfa9c618f1c3bea8.txt", "--out", tmp_path / "out")
    assert result.exit_code == 1 and "an archive is a .jsonl" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_write_failing_midway_leaves_no_drafts(small_archive, tmp_path, monkeypatch) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("storyline.timeline.batch._write_drafts", full)
    out = tmp_path / "out"
    result = run_cli("batch", small_archive, "--out", out, "--workers", "1")
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert "internal error" not in result.stderr
    assert [p.name for p in out.iterdir()] == [".lock"]


def test_an_archive_and_a_link_to_it_are_read_once(small_archive, tmp_path) -> None:
    link = tmp_path / "link.jsonl"
    link.symlink_to(small_archive)
    out = tmp_path / "out"
    assert run_cli("batch", small_archive, link, "--out", out, "--workers", "1").exit_code == 0
    assert sum(s["articles"] for s in index_of(out)["stories"]) == 6


def test_lone_surrogates_in_records_do_not_fail_the_stories(tmp_path) -> None:
    archive = tmp_path / "a.jsonl"
    text = "Rescue teams reached the valley \\ud800 on Monday, officials said. " * 4
    archive.write_text(f'{{"text": "{text}", "title": "Storm \\udfff", "published": "2021-03-03"}}\n')
    out = tmp_path / "out"
    result = run_cli("batch", archive, "--out", out, "--workers", "1")
    assert result.exit_code == 0, result.stderr
    stories = index_of(out)["stories"]
    assert [s["status"] for s in stories] == ["done"] and "\ufffd" in stories[0]["title"]
    assert os.path.getsize(out / stories[0]["files"][0]) > 0


def test_every_line_on_stderr_is_ours(small_archive, tmp_path) -> None:
    """Dask's own warnings and log lines (its workers' included) never reach the user's terminal."""
    result = subprocess.run([sys.executable, "-m", "storyline", "batch", str(small_archive), "--out",
                             str(tmp_path / "out"), "--workers", "2"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300, env={k: v for k, v in os.environ.items() if not k.startswith("DASK_")})
    assert result.returncode == 0, result.stderr
    assert all(line.startswith("storyline: ") for line in result.stderr.splitlines()), result.stderr


def test_a_busy_dashboard_port_raises_no_warning(small_archive, tmp_path) -> None:
    """Two runs side by side (or anything holding Dask's port 8787) must not warn: the cluster's
    http server takes a free port."""
    import warnings

    from storyline.timeline.batch import run_batch

    holder = socket.socket()
    try:
        holder.bind(("", 8787))
        holder.listen()
    except OSError:
        pass  # someone else holds it: the case under test all the same
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            index = run_batch([str(small_archive)], tmp_path / "out", workers=1)
    finally:
        holder.close()
    assert index["stories"]
    assert not [w for w in caught if "already in use" in str(w.message)]
