"""A command started cold, as a user starts it: a fresh interpreter, bytecode already compiled.

"Cold" means a new process with nothing cached in it, not a program compiled from source on every
run: a user's first run writes the bytecode (`pip install` of a wheel writes it at install time).
Some shells and CI set `PYTHONDONTWRITEBYTECODE`, which would make every run recompile the project's
modules (about 0.15 s of the demo's 0.45 s of CPU, measured on 2 Dec 2026), so the warm-up run writes
bytecode whatever the caller's environment says.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cold_runs(args: list[str], cwd: Path, repeats: int) -> list[tuple[float, float]]:
    """(wall s, CPU s) of `storyline ARGS` in `cwd`, `repeats` times after one untimed warm-up, sorted."""
    command = [sys.executable, "-m", "storyline", *args]
    subprocess.run(command, cwd=cwd, env=_env(), capture_output=True, check=True)
    runs = []
    for _ in range(repeats):
        cpu, start = _children_cpu(), time.perf_counter()
        subprocess.run(command, cwd=cwd, env=_env(), capture_output=True, check=True)
        runs.append((time.perf_counter() - start, _children_cpu() - cpu))
    return sorted(runs)
