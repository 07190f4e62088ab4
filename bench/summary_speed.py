"""How long a summary takes: `python bench/summary_speed.py [--runs 5]`.

Times `storyline summarize --words 100 --no-cache` (in process, as the command runs) on a
10-article cluster (the first ten articles of the largest Wikinews story in tests/data), with and
without compression (goal: under 1 s), and `summarize -n 20` and `--words 300` on 100 KB of short
JSON Lines articles (sentences of those stories, two to a record; goal: under 2 s of CPU, issue 26).
Prints the median wall and CPU seconds of each.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT / "tests" / "data" / "wikinews-4-stories.jsonl"


def inputs(folder: Path) -> tuple[Path, Path]:
    """A 10-article cluster and 100 KB of short articles, written into `folder`."""
    from storyline.summarize.text.sentences import split_text

    rows = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]
    largest = Counter(r["story"] for r in rows).most_common(1)[0][0]
    cluster = folder / "cluster.jsonl"
    cluster.write_text("".join(json.dumps(r) + "\n" for r in [r for r in rows if r["story"] == largest][:10]))
    sentences = [s.text for r in rows for s in split_text(1, r["text"]) if len(s.text.split()) > 6]
    rng, lines, size = random.Random(3), [], 0
    while size < 100_000:
        record = {"title": f"Report {len(lines)}", "published": f"2016-03-{len(lines) % 28 + 1:02d}",
                  "text": " ".join(rng.sample(sentences, 2))}
        lines.append(json.dumps(record))
        size += len(lines[-1]) + 1
    short = folder / "short.jsonl"
    short.write_text("\n".join(lines) + "\n")
    return cluster, short


def timed(args: list[str], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of `storyline ARGS` in this process."""
    from click.testing import CliRunner

    from storyline.tui.cli import main

    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = CliRunner().invoke(main, args)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        if result.exit_code != 0:
            raise SystemExit(f"storyline {' '.join(args)}: exit {result.exit_code}: {result.stderr[-300:]}")
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cluster, short = inputs(Path(tempfile.mkdtemp()))
    timed(["summarize", str(cluster), "--words", "100", "--no-cache"], 1)  # warm imports
    print(f"{'input':<34} {'command':<32} {'wall s':>7} {'CPU s':>7}  goal")
    for path, label, command, goal in (
            (cluster, "10 Wikinews articles", ["--words", "100"], "< 1 s"),
            (cluster, "10 Wikinews articles", ["--words", "100", "--no-compress"], "< 1 s"),
            (short, "100 KB of short JSONL articles", ["-n", "20"], "< 2 s CPU"),
            (short, "100 KB of short JSONL articles", ["--words", "300"], "< 2 s CPU")):
        wall, cpu = timed(["summarize", str(path), *command, "--no-cache"], args.runs)
        print(f"{label:<34} {'summarize ' + ' '.join(command):<32} {wall:>7.2f} {cpu:>7.2f}  {goal}")


if __name__ == "__main__":
    main()
