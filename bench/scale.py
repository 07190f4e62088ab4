"""Scale on real text: `timeline` and `summarize` of 1.5k–12k Entities articles as one story.

`python bench/scale.py FOLDER` reads FOLDER/all.jsonl (the Entities collection as `bench/entities.py`
writes it: 11,980 Guardian articles of 26 topics, shuffled, from
github:DaivikSojitra/Timeline-Summarization-in-the-Era-of-LLMs) and runs, for each size (its first N
records; 12000 leaves the collection's last few hundred out), `storyline timeline` and `storyline summarize` on them as ONE
story (no --story: the whole input is the story), in a fresh process each (`--no-cache`). For each run
it prints the wall time, the CPU time (user + system) and the peak resident memory (the child's
`ru_maxrss`, from os.wait4), then the exponents of time and memory fitted over the sizes (log-log
least squares; 1 is linear). It does the same with a third of the records stripped of their dates
(every third record from the first) and, for comparison, on the 120 Wikinews articles cycled
(bench/corpus.py). `--before ROOT` runs another checkout's code too (e.g. `/work/main`), printed
beside this one's; a run longer than `--timeout` is killed and shown as `>T`, and that code's larger
sizes are then skipped. The load average is printed before and after: the machine may be shared.

Example: python bench/scale.py /work/data/entities --sizes 1500,3000 --before /work/main
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cold import cold_runs  # noqa: E402

TARGETS: dict[str, tuple[float, float | None]] = {"timeline": (60.0, 1536.0), "summarize": (45.0, None)}  # at 12k: seconds, MB
EXPONENTS = (1.15, 1.05)  # time, memory
UNDATED_RATIO = 1.2
CORPORA = ("dated", "undated", "wikinews")
PART = 1000  # records a file: 4–5 MB of Entities text


def write_inputs(source: Path, folder: Path, sizes: list[int]) -> None:
    """The subsets, each a folder of JSONL parts (an input file is read up to 20 MB): dated (the first
    N records), part-undated (every third record's date removed) and the Wikinews cycle."""
    from bench.corpus import story_jsonl

    rows = source.read_text(encoding="utf-8").splitlines()
    for n in sizes:
        stripped = []
        for i, line in enumerate(rows[:n]):
            record = json.loads(line)
            if i % 3 == 0:
                record.pop("published", None)
            stripped.append(json.dumps(record))
        wikinews = story_jsonl(n, folder / f"wikinews-{n}.jsonl").read_text(encoding="utf-8").splitlines()
        (folder / f"wikinews-{n}.jsonl").unlink()
        for corpus, lines in (("dated", rows[:n]), ("undated", stripped), ("wikinews", wikinews)):
            parts = folder / f"{corpus}-{n}"
            parts.mkdir()
            for k in range(0, n, PART):  # part names sort in record order: article ids stay in it
                (parts / f"{k // PART:04d}.jsonl").write_text("\n".join(lines[k:k + PART]) + "\n", encoding="utf-8")


def measure(root: Path, command: str, path: Path, timeout: float) -> dict[str, float]:
    """One command in a fresh process of `root`'s code: wall and CPU seconds, peak MB, events."""
    argv = [sys.executable, "-m", "storyline", command, str(path), "--no-cache"]
    argv += ["--format", "json"] if command == "timeline" else ["--sentences", "5"]
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=root, stdout=out, stderr=subprocess.DEVNULL)
        timer = threading.Timer(timeout, child.kill)  # a run past the timeout is killed
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)  # reaped here, so that its own rusage is read
        killed = not timer.is_alive()
        timer.cancel()
        child.returncode = status  # reaped here: keep Popen from waiting on it again
        wall = time.perf_counter() - start
        figures: dict[str, float] = {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                                     "mb": usage.ru_maxrss / 1024, "killed": float(killed),
                                     "failed": float(not killed and os.waitstatus_to_exitcode(status) != 0)}
        if command == "timeline" and not killed:
            out.seek(0)
            figures["events"] = _count_events(out)
    return figures


# Counted in a child: a child's ru_maxrss starts at its parent's size at the fork, so a bench that
# had parsed a 12k timeline's JSON itself made every later run "peak" at 2 GB.
_COUNT = "import json, sys\ntry: print(len(json.load(sys.stdin).get('events', [])))\nexcept ValueError: print(-1)"


def _count_events(document: IO[bytes]) -> float:
    found = subprocess.run([sys.executable, "-c", _COUNT], stdin=document, capture_output=True, text=True)
    return float(found.stdout.strip() or -1)


def cold(root: Path, repeats: int) -> dict[str, float]:
    """`storyline timeline seeds/` started cold `repeats` times (bench/cold.py): wall and CPU seconds."""
    runs = cold_runs(["timeline", "seeds", "--no-cache"], root, repeats)
    cpus = sorted(cpu for _, cpu in runs)
    return {"min": runs[0][0], "median": runs[len(runs) // 2][0], "max": runs[-1][0],
            "cpu_min": cpus[0], "cpu_median": cpus[len(cpus) // 2]}


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares exponent of y ~ n^k over the points."""
    xs, ys = [math.log(n) for n, _ in points], [math.log(y) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / (sum((x - mx) ** 2 for x in xs) or 1.0)


def cell(r: dict[str, float] | None) -> str:
    if r is None:
        return f"{'-':>22}"
    if r.get("failed"):
        return f"{'failed':>22}"
    if r["killed"]:
        return f"{'>' + format(r['wall'], '.0f') + ' s (killed)':>22}"
    return f"{r['wall']:>7.1f} {r['cpu']:>6.1f} {r['mb']:>7.0f}"


def main() -> None:
    if sys.argv[1:2] == ["--write-inputs"]:
        write_inputs(Path(sys.argv[2]) / "all.jsonl", Path(sys.argv[3]), [int(s) for s in sys.argv[4].split(",")])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="the folder bench/entities.py wrote (all.jsonl)")
    parser.add_argument("--sizes", default="1500,3000,6000,12000")
    parser.add_argument("--commands", default="timeline,summarize")
    parser.add_argument("--corpora", default="dated,undated,wikinews")
    parser.add_argument("--before", type=Path, help="another checkout to run first (e.g. /work/main)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds before a run is killed")
    parser.add_argument("--after", default=str(ROOT), help="this checkout by default; 'none' to skip it")
    parser.add_argument("--cold", type=int, default=10, help="repeats of the cold demo (0: none)")
    parser.add_argument("--save", type=Path, help="also write the figures here as JSON")
    parser.add_argument("--merge", type=Path, help="figures an earlier --save wrote (e.g. the before), printed too")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    roots = [("before", args.before.resolve())] if args.before else []
    if args.after != "none":
        roots.append(("after", Path(args.after).resolve()))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    results: dict[str, dict[str, float] | None] = {}
    earlier = json.loads(args.merge.read_text()) if args.merge else {}
    for name, root in roots if args.cold else ():
        results[f"{name}/cold"] = cold(root, args.cold)
    with tempfile.TemporaryDirectory(prefix="storyline-scale-") as tmp:
        # written by a child: a parent holding the collection would count in each run's ru_maxrss
        subprocess.run([sys.executable, __file__, "--write-inputs", str(args.folder), tmp, args.sizes], check=True)
        inputs = {(corpus, n): Path(tmp) / f"{corpus}-{n}" for corpus in CORPORA for n in sizes}
        for corpus in args.corpora.split(","):
            for command in args.commands.split(","):
                for name, root in roots:
                    too_long = False
                    for n in sizes:
                        key = f"{name}/{corpus}/{command}/{n}"
                        found = None if too_long else measure(root, command, inputs[corpus, n], args.timeout)
                        results[key] = found
                        too_long = too_long or bool(found and (found["killed"] or found["failed"]))
                        print(f"  {key}: {cell(results[key])}", file=sys.stderr, flush=True)
                        if args.save:  # after each run: a long bench stopped early keeps what it measured
                            args.save.write_text(json.dumps(results, indent=1))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    if args.save:
        args.save.write_text(json.dumps(results, indent=1))
    names = sorted({key.split("/")[0] for key in earlier} - {name for name, _ in roots}, reverse=True)
    report(earlier | results, [*((name, None) for name in names), *roots], sizes, args)


def report(results: dict[str, dict[str, float] | None], roots: list[tuple[str, Path | None]], sizes: list[int],
           args: argparse.Namespace) -> None:
    for name, _ in roots:
        if (c := results.get(f"{name}/cold")):
            print(f"{name}: `storyline timeline seeds/` cold, {args.cold} runs: min {c['min']:.2f} s, median "
                  f"{c['median']:.2f} s, max {c['max']:.2f} s (goal <= 0.35 s); CPU min {c.get('cpu_min', 0):.2f} s, "
                  f"median {c.get('cpu_median', 0):.2f} s")
    print()
    header = "".join(f" | {name + ': wall s   cpu s  peak MB':>22}" for name, _ in roots)
    for corpus in args.corpora.split(","):
        for command in args.commands.split(","):
            print(f"## {command}, {corpus} ({'Entities' if corpus != 'wikinews' else 'Wikinews cycled'})")
            print(f"{'articles':>8}{header}")
            for n in sizes:
                print(f"{n:>8}" + "".join(f" | {cell(results.get(f'{name}/{corpus}/{command}/{n}'))}"
                                          for name, _ in roots))
            for name, _ in roots:
                done = [(n, r) for n in sizes if (r := results.get(f"{name}/{corpus}/{command}/{n}"))
                        and not r["killed"] and not r.get("failed")]
                if len(done) >= 2:
                    wall, mb = slope([(n, r["wall"]) for n, r in done]), slope([(n, r["mb"]) for n, r in done])
                    cpu = slope([(n, r["cpu"]) for n, r in done])
                    print(f"{name}: exponents over {', '.join(str(n) for n, _ in done)}: wall {wall:.2f}, "
                          f"cpu {cpu:.2f}, memory {mb:.2f} (goal: time <= {EXPONENTS[0]}, memory <= {EXPONENTS[1]})")
            if corpus == "undated":
                for name, _ in roots:
                    ratios = [f"{n}: {u['wall'] / d['wall']:.2f}" for n in sizes
                              if (u := results.get(f"{name}/undated/{command}/{n}")) and not u["killed"] and not u.get("failed")
                              and (d := results.get(f"{name}/dated/{command}/{n}")) and not d["killed"] and not d.get("failed")]
                    if ratios:
                        print(f"{name}: part-undated / dated wall time: {', '.join(ratios)} (goal <= {UNDATED_RATIO})")
            if corpus == "dated" and command in TARGETS:
                seconds, limit = TARGETS[command]
                print(f"goal at 12k: <= {seconds:.0f} s wall" + (f", <= {limit:.0f} MB" if limit is not None else ""))
            print()


if __name__ == "__main__":
    main()
