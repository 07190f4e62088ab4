"""Progress on stderr for long commands: Rich bars when stderr is a terminal, nothing otherwise."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys

from tests.conftest import ROOT, SEEDS, run_cli

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def stderr_on_a_terminal(*args: str) -> tuple[int, str, bytes]:
    """Run `python -m storyline ARGS` with stderr on a pseudo-terminal: (exit code, its text, stdout)."""
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm", COLUMNS="120")
    child = subprocess.Popen([sys.executable, "-m", "storyline", *args], cwd=ROOT, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    out = child.stdout.read() if child.stdout else b""
    child.wait(timeout=120)
    return child.returncode, ANSI.sub(b"", b"".join(chunks)).decode("utf-8", "replace"), out


def test_progress_shows_reading_n_of_m_and_the_analysis_on_a_terminal() -> None:
    code, err, out = stderr_on_a_terminal("timeline", str(SEEDS), "--format", "json")
    assert code == 0
    assert "reading and cleaning articles" in err and "5/5" in err
    assert "finding claims" in err
    assert out.startswith(b"{") and b"reading" not in out  # stdout carries the timeline only


def test_progress_names_each_stage_of_the_analysis_as_it_starts() -> None:
    """Issue 25.8: the progress line follows the analysis (claims and ranking, dates, the timeline),
    in order, instead of one line for all of it."""
    code, err, _ = stderr_on_a_terminal("timeline", str(SEEDS), "--no-cache", "--algorithm", "textrank")
    assert code == 0
    stages = ["finding claims and ranking them (textrank)", "dating undated articles",
              "tagging dates and placing claims in time"]
    places = [err.find(stage) for stage in stages]
    assert -1 not in places and places == sorted(places), err


def test_no_progress_when_stderr_is_not_a_terminal() -> None:
    result = run_cli("timeline", SEEDS)
    assert result.exit_code == 0 and result.stderr == ""
