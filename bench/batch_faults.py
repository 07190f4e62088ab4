"""Faults `storyline batch` must hold against (issue 26), each tried for real and reported held/failed.

Run by `python bench/hostile.py` after its timings (or alone: `python bench/batch_faults.py`):
no workers, a remote worker in another folder given a relative --out, a resume after changed
options, two runs into one folder at once, a gzip bomb. "Held" means the promise kept: one clear
line and nothing lost or wrong in the output folder.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _archive(folder: Path) -> tuple[Path, int]:
    rows = [{"text": p.read_text(), "url": p.name} for p in sorted((ROOT / "seeds").iterdir())]
    rows.append({"text": "Fire crews fought a blaze in the harbour on Monday, officials said. " * 5,
                 "published": "2021-03-03", "title": "Harbour fire"})
    path = folder / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path, len(rows)


def _cli(*args: object, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "storyline", *map(str, args)], cwd=ROOT if cwd == ROOT else cwd,
                          capture_output=True, text=True, timeout=600,
                          env=os.environ | {"PYTHONPATH": str(ROOT)})


def _written(out: Path) -> tuple[int, bool]:
    """Articles the index counts, and whether every file it names is there."""
    stories = json.loads((out / "index.json").read_text())["stories"]
    return sum(s["articles"] for s in stories), all((out / f).is_file() for s in stories for f in s["files"])


def no_workers(folder: Path) -> str | None:
    from distributed import LocalCluster

    archive, _ = _archive(folder)
    with LocalCluster(n_workers=0, processes=False, protocol="tcp://", host="127.0.0.1",
                      dashboard_address=None) as cluster:
        result = _cli("batch", archive, "--out", folder / "out", "--scheduler", cluster.scheduler_address,
                      "--timeout", "2")
    last = result.stderr.strip().splitlines()[-1:] or [""]
    return None if result.returncode == 1 and "no Dask worker joined" in last[0] else result.stderr[-300:]


def remote_relative_paths(folder: Path) -> str | None:
    from distributed import LocalCluster

    archive, count = _archive(folder)
    elsewhere = folder / "worker-home"
    elsewhere.mkdir()
    with LocalCluster(n_workers=0, processes=False, protocol="tcp://", host="127.0.0.1",
                      dashboard_address=None) as cluster:
        worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", cluster.scheduler_address,
                                   "--nthreads", "1", "--no-dashboard"], cwd=elsewhere,
                                  env=os.environ | {"PYTHONPATH": str(ROOT)},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            result = subprocess.run([sys.executable, "-m", "storyline", "batch", str(archive), "--out", "out",
                                     "--scheduler", cluster.scheduler_address, "--timeout", "60"], cwd=folder,
                                    capture_output=True, text=True, timeout=600,
                                    env=os.environ | {"PYTHONPATH": str(ROOT)})
        finally:
            worker.terminate()
            worker.wait(timeout=60)
    if result.returncode != 0:
        return result.stderr[-300:]
    articles, complete = _written(folder / "out")
    return None if articles == count and complete and not list(elsewhere.iterdir()) else "files lost or misplaced"


def resume_after_changed_options(folder: Path) -> str | None:
    archive, _ = _archive(folder)
    out = folder / "out"
    for algorithm in ("lexrank", "textrank"):
        result = _cli("batch", archive, "--out", out, "--workers", "1", "-a", algorithm)
        if result.returncode != 0:
            return result.stderr[-300:]
    stories = json.loads((out / "index.json").read_text())["stories"]
    ok = all(s["status"] == "done" and s["options"]["algorithm"] == "textrank" for s in stories)
    return None if ok else "stories reported cached from the other algorithm's run"


def concurrent_runs(folder: Path) -> str | None:
    archive, count = _archive(folder)
    out = folder / "out"
    command = [sys.executable, "-m", "storyline", "batch", str(archive), "--out", str(out), "--workers", "1"]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             env=os.environ | {"PYTHONPATH": str(ROOT)}) for _ in range(2)]
    results = [(run.wait(timeout=600), run.stderr.read() if run.stderr else "") for run in runs]
    codes = sorted(code for code, _ in results)
    refused = [err for code, err in results if code == 1]
    if codes not in ([0, 0], [0, 1]) or (refused and "another batch run" not in refused[0]):
        return f"exits {codes}: {results}"[-300:]
    articles, complete = _written(out)
    return None if articles == count and complete and not (out / ".shards").exists() else "articles lost or doubled"


def gzip_bomb(folder: Path) -> str | None:
    bomb = folder / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as handle:
        for _ in range(30):
            handle.write(b'{"x": 1}\n' * 111_000)  # 30 MB of text-less records from some 30 KB
    result = _cli("batch", bomb, "--out", folder / "out", "--workers", "1")
    lines = result.stderr.strip().splitlines()
    return None if result.returncode == 1 and len(lines) == 1 and "gzip bomb" in lines[0] else result.stderr[-300:]


FAULTS: dict[str, Callable[[Path], str | None]] = {
    "no workers": no_workers, "remote worker, relative --out": remote_relative_paths,
    "resume after changed options": resume_after_changed_options, "two runs into one --out": concurrent_runs,
    "gzip bomb": gzip_bomb,
}


def main() -> int:
    """Try every fault; print one line each and a JSON summary; 1 if any failed."""
    failed = 0
    print("batch faults (issue 26)")
    for name, fault in FAULTS.items():
        with tempfile.TemporaryDirectory() as folder:
            problem = fault(Path(folder))
        failed += problem is not None
        print(f"  {'held  ' if problem is None else 'FAILED'} {name}{'' if problem is None else ': ' + problem}")
    print(json.dumps({"batch_faults": len(FAULTS), "held": len(FAULTS) - failed, "failed": failed}))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
