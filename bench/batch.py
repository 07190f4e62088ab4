"""`storyline batch` on a mixed archive: 1 worker against 2, wall time, speed-up, memory per worker.

`python bench/batch.py [--articles 20000]` builds the archive from the Wikinews stories and the
demo story (cycled and altered as bench/corpus.py says), then runs the batch twice on a fresh
LocalCluster, into fresh folders, and prints the figures side by side. Needs
tests/data/wikinews-4-stories.jsonl beside the project.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402


def worker_peak_mb() -> float:
    """A worker's own peak memory (run in each worker by the Dask client)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(archive: Path, workers: int) -> dict[str, float]:
    from distributed import Client, LocalCluster

    from storyline.timeline.batch import run_batch

    out = Path(tempfile.mkdtemp()) / "out"
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        start = time.perf_counter()
        index = run_batch([str(archive)], out, scheduler=cluster.scheduler_address)
        seconds = time.perf_counter() - start
        peaks = client.run(worker_peak_mb)
    stories = index["stories"]
    assert isinstance(stories, list)
    return {"seconds": seconds, "stories": len(stories), "peak_mb": max(peaks.values()),
            "failed": sum(s["status"] == "failed" for s in stories)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    args = parser.parse_args()
    archive = corpus.archive_jsonl(args.articles, Path(tempfile.mkdtemp()) / "archive.jsonl")
    one, two = run(archive, 1), run(archive, 2)
    print(f"## storyline batch: {args.articles:,}-article mixed archive, {one['stories']} stories")
    print(f"{'workers':>7} {'wall s':>8} {'peak MB/worker':>15} {'failed':>7}")
    for n, r in ((1, one), (2, two)):
        print(f"{n:>7} {r['seconds']:>8.1f} {r['peak_mb']:>15.0f} {r['failed']:>7.0f}")
    print(f"speed-up with 2 workers: {one['seconds'] / two['seconds']:.2f}x (goal 1.6x); "
          "both runs include reading and grouping the archive in the client")


if __name__ == "__main__":
    main()
