"""Story grouping against known stories: purity and adjusted Rand index, and speed.

`python bench/stories.py [FILE.jsonl]` groups a JSON Lines file whose records carry the true
story in `story` (default: tests/data/wikinews-4-stories.jsonl, with the demo story added)
and prints how the groups match. The Wikinews "stories" are topics spanning years, which an
event-level grouping splits; purity says whether groups mix stories, ARI how far they agree.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter
from math import comb
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402


def adjusted_rand(truth: list[str], found: list[int]) -> float:
    pairs = Counter(zip(truth, found))
    same = sum(comb(v, 2) for v in pairs.values())
    a = sum(comb(v, 2) for v in Counter(truth).values())
    b = sum(comb(v, 2) for v in Counter(found).values())
    expected = a * b / comb(len(truth), 2)
    return (same - expected) / ((a + b) / 2 - expected)


def main() -> None:
    from storyline.summarize.stories import group_stories
    from storyline.summarize.story import load_story

    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
    else:
        rows = corpus.wikinews() + [{"story": "palmyra", "text": p.read_text(encoding="utf-8"), "url": p.name}
                                    for p in sorted(corpus.SEEDS.iterdir())]
        path = Path(tempfile.mkdtemp()) / "mixed.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    truth = [json.loads(line)["story"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    story = load_story([str(path)])
    start = time.perf_counter()
    groups = group_stories(story.articles)
    seconds = time.perf_counter() - start
    label = {i: g.id for g in groups for i in g.articles}
    ids = [a.id for a in story.articles]
    pure = sum(Counter(truth[i - 1] for i in g.articles).most_common(1)[0][1] for g in groups) / len(ids)
    ari = adjusted_rand([truth[i - 1] for i in ids], [label[i] for i in ids])
    print(f"{len(ids)} articles, {len(set(truth))} true stories -> {len(groups)} groups "
          f"(largest {', '.join(str(len(g.articles)) for g in groups[:6])}) in {seconds:.2f} s")
    print(f"purity {pure:.2f}, adjusted Rand index {ari:.2f}")


if __name__ == "__main__":
    main()
