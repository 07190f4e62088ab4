"""Storyline's benchmarks: `python bench/run.py` prints every figure (`--quick` skips the slowest).

Each measurement runs in a fresh interpreter, so times are cold where it matters and the
peak memory (max RSS) is that measurement's own. See bench/corpus.py for how real text is
scaled up.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- stages: each runs in its own process and returns a dict of figures -----------------

def stage_ingest(n: int) -> dict:
    """Read, clean and split: the seeds (n=0) or an n-article Wikinews story."""
    from summarize.story import load_story

    if n == 0:
        start = time.perf_counter()
        story = load_story([str(corpus.SEEDS)])
    else:
        path = corpus.story_jsonl(n, Path(tempfile.mkdtemp()) / "story.jsonl")
        start = time.perf_counter()
        story = load_story([str(path)])
    return {"seconds": time.perf_counter() - start, "articles": len(story.articles),
            "sentences": len(story.sentences)}


def stage_rank(n: int, which: str) -> dict:
    """One ranker on an n-sentence pool; its top 10 is returned for the overlap figure."""
    from summarize.rank import RANKERS

    texts = corpus.sentence_pool(n)
    RANKERS[which].scores(texts[:3])  # imports and caches warm: we time the ranking itself
    start = time.perf_counter()
    scores = RANKERS[which].scores(texts)
    seconds = time.perf_counter() - start
    top = sorted(range(len(texts)), key=lambda i: -scores[i])[:10]
    return {"seconds": seconds, "top10": top}


def stage_dedup(n: int, exhaustive: bool) -> dict:
    from summarize.dedup import cluster

    texts = corpus.sentence_pool(n)
    cluster(texts[:3], exhaustive=exhaustive)  # imports warm: we time the clustering itself
    start = time.perf_counter()
    groups = cluster(texts, exhaustive=exhaustive)
    return {"seconds": time.perf_counter() - start, "groups": groups}


STAGES = {"ingest": stage_ingest, "rank": stage_rank, "dedup": stage_dedup}


def measure(stage: str, *args: object) -> dict:
    """Run a stage in a fresh interpreter; its figures plus its peak memory."""
    cmd = [sys.executable, __file__, "--stage", stage, *map(str, args)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_command(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True, check=True,
                   cwd=corpus.ROOT)
    return time.perf_counter() - start


# --- reports -----------------------------------------------------------------------------

def report_ingest() -> None:
    print("## Ingest and clean (cold process)")
    seeds = measure("ingest", 0)
    print(f"seeds: {seeds['articles']} articles, {seeds['sentences']} sentences in {seeds['seconds']:.2f} s "
          f"(peak {seeds['peak_mb']:.0f} MB)")
    big = measure("ingest", 1000)
    print(f"1,000-article story: {big['sentences']} sentences in {big['seconds']:.2f} s "
          f"({big['articles'] / big['seconds']:.0f} articles/s, peak {big['peak_mb']:.0f} MB)")
    print(f"`storyline sources seeds/` end to end, cold: {cold_command(['sources', 'seeds']):.2f} s\n")


def report_rank(sizes: list[int]) -> None:
    print("## Ranking: sumy LexRank vs ours (same tf-idf cosine, threshold 0.1, power iteration)")
    print(f"{'sentences':>9} {'sumy s':>8} {'ours s':>8} {'speed-up':>9} {'top-10 overlap':>15} {'peak MB':>8}")
    for n in sizes:
        sumy = measure("rank", n, "lexrank-sumy")
        ours = measure("rank", n, "lexrank")
        overlap = len(set(sumy["top10"]) & set(ours["top10"]))
        print(f"{n:>9} {sumy['seconds']:>8.2f} {ours['seconds']:>8.3f} {sumy['seconds'] / ours['seconds']:>8.0f}x "
              f"{overlap:>13}/10 {ours['peak_mb']:>8.0f}")
    print()


def report_dedup(sizes: list[int]) -> None:
    print("## Dedup: exhaustive (rapidfuzz cdist, all pairs) vs blocked (shared content words)")
    print(f"{'sentences':>9} {'all-pairs s':>12} {'blocked s':>10} {'ratio':>7} {'same clusters':>14} "
          f"{'claims':>7} {'peak MB (all/blocked)':>22}")
    for n in sizes:
        full = measure("dedup", n, "1")
        blocked = measure("dedup", n, "")
        same = full["groups"] == blocked["groups"]
        print(f"{n:>9} {full['seconds']:>12.2f} {blocked['seconds']:>10.2f} "
              f"{full['seconds'] / blocked['seconds']:>6.1f}x {str(same):>14} {len(blocked['groups']):>7} "
              f"{full['peak_mb']:>10.0f}/{blocked['peak_mb']:.0f}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    parser.add_argument("--stage", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        name, *rest = args.stage
        params = [int(rest[0])] + [r if name == "rank" else bool(r) for r in rest[1:]]
        figures = STAGES[name](*params)
        print(json.dumps(figures | {"peak_mb": peak_mb()}))
        return
    report_ingest()
    report_rank([300, 1000] if args.quick else [300, 1000, 3000])
    report_dedup([3000] if args.quick else [3000, 30000])


if __name__ == "__main__":
    main()
