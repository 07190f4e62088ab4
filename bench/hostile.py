"""Adversarial inputs: the CPU time of every command on 100 KB inputs of hostile shapes.

`python bench/hostile.py` runs each of the 61 inputs below through every command that reads
articles (in process, as the `storyline` command runs them) and prints the slowest input per
command beside the goal (2 s of CPU for any 100 KB input). `--quick` takes every fourth input.
The shapes are the worst cases of the patterns we use (repeated date words, unclosed brackets,
long runs without a sentence end), plus binary, mojibake, markup and deeply nested data. Then the
batch faults of bench/batch_faults.py (no workers, a remote worker given a relative --out, a resume
after changed options, two runs into one folder, a gzip bomb), each printed held or FAILED
(`--no-batch` skips them).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZE = 100_000
GOAL_SECONDS = 2.0
TOKENS = ["2015 ", "on Monday ", "1/1/16 ", "the next day ", "Feb 30, 2016 ", "March 3 ", "in May ", "10 years ago ",
          "last week ", "between 2010 and ", "the 1990s ", "Q3 2014 ", "3:07:35 ", "at 8 PM ", "Mr. ", "U.S. ",
          "Gen. ", "(AFP) ", "BEIRUT - ", "str-ategic ", "said. ", "said, ", "\"", "'", "( ", "[", "<p>", "\x1b[31m",
          "\u202e", "\u00e9", "\u2019", "\ufffd", "-", "- ", ". ", "\t", "#", "|", "*", "•"]


PLACES = ["Palmyra", "Homs", "Aleppo", "Raqqa", "Idlib", "Deir ez-Zor", "Hama", "Latakia", "Daraa", "Qaryatain"]
WHO = ["Syrian troops", "Rebel fighters", "Russian jets", "Kurdish forces", "Aid workers", "United Nations envoys",
       "Turkish officials", "Local residents", "Army engineers", "Government ministers"]
DID = ["reported heavy fighting over", "began clearing mines from", "delivered food and medicine to",
       "announced new talks about", "launched strikes against", "withdrew slowly from", "counted the damage of"]
WHAT = ["the ancient ruins", "the main road", "the power plant", "the central market", "the old citadel",
        "the water supply", "the airport", "the hospital", "the grain silos", "the border crossing"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def repeat(token: str) -> Callable[[], str]:
    return lambda: (token * (SIZE // len(token) + 1))[:SIZE]


def shapes() -> dict[str, Callable[[], str | bytes]]:
    """Name -> a 100 KB input (text, or bytes for encodings and binary)."""
    rng = random.Random(7)
    out: dict[str, Callable[[], str | bytes]] = {f"repeat {t!r}": repeat(t) for t in TOKENS}
    out |= {
        "unclosed caption credit": lambda: "(" + "A" * (SIZE - 1),
        "caption inside a sentence": lambda: "The statement (" + "A" * (SIZE - 40) + " was read out.",
        "dateline of capitals": lambda: "Beirut (" + "A" * (SIZE - 8),
        "one long word": lambda: "x" * SIZE,
        "json-like dump": repeat('"a": "b", '),
        "one sentence per line": repeat("Troops entered the city on Monday, officials said.\n"),
        "the same paragraph": repeat("Troops entered the city on Monday, officials said.\n\n"),
        "dated paragraphs": lambda: "".join(f"On March {d % 28 + 1}, {d} civilians were killed, the monitor said.\n\n"
                                            for d in range(SIZE // 60))[:SIZE],
        "random unicode": lambda: "".join(chr(rng.randrange(32, 0x3000)) for _ in range(SIZE // 2)),
        "random words": lambda: " ".join(rng.choice(["army", "May", "2015", "said", "the", "Monday", ".", "on"])
                                         for _ in range(SIZE // 5))[:SIZE],
        "binary": lambda: bytes(rng.randrange(256) for _ in range(SIZE)),
        "utf-8 with stray bytes": lambda: ("Syria\u2019s army said on Monday. " * 3000).encode()[:SIZE] + b"\xff\xfe",
        "cp1252": lambda: ("Caf\u00e9 owners in Z\u00fcrich said on Monday. " * 3000)[:SIZE].encode("cp1252"),
        "nested json": lambda: "[" * SIZE,
        "nested html": lambda: "<!DOCTYPE html><html><body>" + "<div>" * (SIZE // 5) + "text",
        "<p> soup": lambda: ("<html><body>" + "<p>" * SIZE)[:SIZE],
        "<p> soup with comments": lambda: ("<html><body>" + "<p>a<!-- b -->" * (SIZE // 14 + 1))[:SIZE],
        "inline tag soup": lambda: ("<html><body>" + "<p><b>" * (SIZE // 6 + 1))[:SIZE],
        "markup": repeat("[bold]x[/] [link=https://x]y[/link] "),
        "many short lines": repeat("a\n"),
        # issue 26: each record a short article of its own, of words in common in many combinations,
        # so that the summary's program weighs hundreds of distinct, overlapping claims
        "short JSONL articles": lambda: "".join(
            json.dumps({"title": f"Report {i}", "published": f"2016-03-{i % 28 + 1:02d}", "text": " ".join(
                f"{rng.choice(WHO)} {rng.choice(DID)} {rng.choice(WHAT)} in {rng.choice(PLACES)} on "
                f"{rng.choice(DAYS)} after {rng.randrange(2, 90)} days of {rng.choice(WHAT)}." for _ in range(2))})
            + "\n" for i in range(SIZE // 200))[:SIZE].rsplit("\n", 1)[0] + "\n",
        "blank lines": repeat("\n"),
    }
    return out


def run(command: list[str], path: Path) -> float:
    """CPU seconds for one command on one input, in this process."""
    from click.testing import CliRunner

    from storyline.tui.cli import main

    runner = CliRunner()
    start = time.process_time()
    result = runner.invoke(main, [*command[:1], str(path), *command[1:]], catch_exceptions=True)
    seconds = time.process_time() - start
    if result.exit_code not in (0, 1) or "Traceback" in (result.stderr or "") or "internal error" in result.stderr:
        raise SystemExit(f"{command[0]} on {path.name}: exit {result.exit_code}: {result.stderr[-300:]}")
    return seconds


COMMANDS = [["sources"], ["sentences"], ["summarize"], ["summarize", "-n", "20"], ["timeline"], ["dates"],
            ["ask", "When did it happen?"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="every fourth input only")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch faults (bench/batch_faults.py)")
    args = parser.parse_args()
    inputs = list(shapes().items())[:: 4 if args.quick else 1]
    folder = Path(tempfile.mkdtemp())
    paths = []
    for i, (name, make) in enumerate(inputs):
        data = make()
        path = folder / f"{i:02d}.{'jsonl' if 'JSONL' in name else 'txt'}"
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        paths.append((name, path))
    run(["timeline"], paths[0][1])  # warm imports
    print(f"{len(paths)} adversarial inputs of {SIZE // 1000} KB, CPU seconds (goal: every one under {GOAL_SECONDS} s)")
    print(f"{'command':<15} {'slowest':>8} {'median':>8}  slowest input")
    worst_all = 0.0
    for command in COMMANDS:
        times = sorted((run(command, path), name) for name, path in paths)
        worst, name = times[-1]
        worst_all = max(worst_all, worst)
        label = " ".join(command) if command[0] == "summarize" else command[0]
        print(f"{label:<15} {worst:>8.2f} {times[len(times) // 2][0]:>8.2f}  {name}")
    print(json.dumps({"inputs": len(paths), "slowest_cpu_s": round(worst_all, 2), "goal_s": GOAL_SECONDS}))
    if not args.no_batch:
        from bench import batch_faults

        raise SystemExit(batch_faults.main())


if __name__ == "__main__":
    main()
