"""Every ranking algorithm on one 500-sentence story: `python bench/algorithms.py [JSONL]`.

The story is the first 500 distinct sentences of the Wikinews stories the project's tests use
(tests/data/wikinews-4-stories.jsonl by default). Prints seconds per algorithm; the goal is
2 s each. `lexrank` and `kl` are our vectorised versions of sumy's (tested equal);
sumy's own LexRank is timed last, as the reference `lexrank` is measured against.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from storyline.summarize.rank.rankers import RANKERS, SUMY_LEXRANK
    from storyline.summarize.text.sentences import split_text

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", type=Path, nargs="?", default=ROOT / "tests/data/wikinews-4-stories.jsonl")
    parser.add_argument("--sentences", type=int, default=500)
    args = parser.parse_args()
    texts: list[str] = []
    for k, line in enumerate(args.jsonl.read_text(encoding="utf-8").splitlines()):
        texts += [s.text for s in split_text(k + 1, json.loads(line)["text"])]
    texts = list(dict.fromkeys(texts))[:args.sentences]
    print(f"{len(texts)} sentences; seconds per algorithm (goal: <= 2)")
    for name, ranker in [*RANKERS.items(), ("(sumy LexRank)", SUMY_LEXRANK)]:
        start = time.perf_counter()
        ranker.scores(texts)
        print(f"{name:<14} {time.perf_counter() - start:6.2f}", flush=True)


if __name__ == "__main__":
    main()
