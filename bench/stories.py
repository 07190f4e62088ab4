"""Story grouping against known stories: groups, purity, inverse purity, adjusted Rand, chaining, speed.

`python bench/stories.py [FILE.jsonl] [--baseline REPO] [--topics]` groups a JSON Lines file whose
records carry the true story in `story` and prints how the groups match, with the same figures
for the code of another checkout (default /work/main, the lead's main; `--baseline ''` skips
it) run in a subprocess on the same file. Without FILE: the 120 Wikinews articles of 4 stories
(tests/data) with the demo story (seeds/) added, and each of those 5 stories alone (a
single-topic input should be one story). `--topics` also groups each true story of FILE alone.

- purity: the share of articles in their group's majority story (groups do not mix stories);
- inverse purity: the share of articles in their story's largest group (stories are kept whole);
- adjusted Rand index: pair agreement corrected for chance;
- chaining: the largest group's share of the input (on an input of many stories, over 60% is a blob).

`--scaling` then groups the first quarter, half and whole of FILE's profiles (read once, this
checkout only) and prints the grouping's CPU time per size and the fitted exponent, then the same
for two, four and eight copies of the feed, each ten years after the last (about 100,000 articles).

The Entities feed (26 topics, 11,980 articles): `python bench/entities.py` makes it (see there).
A file over the 20 MB input limit is read as `storyline batch` reads an archive (profiles only).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from math import comb
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus

# Runs in this checkout or, in a subprocess, in the baseline's: group FILE, print JSON
# {"labels": {line: group}, "titles": [...], "developments": n, "mixed": bool, "seconds": s}.
GROUP = r'''
import json, sys, time
from dataclasses import replace
from pathlib import Path
from storyline.summarize.errors import InputError
from storyline.summarize import stories as S

def group(path):
    start = time.perf_counter()
    if Path(path).stat().st_size < 20 * 1024 * 1024:
        from storyline.summarize.story import load_story
        articles = load_story([path]).articles
        groups = S.group_stories(articles)
        lines = {a.id: int(a.origin.rsplit(":", 1)[1]) for a in articles}
    else:
        from storyline.timeline.batch import chunks, profile_lines
        found = [(pos, r) for c in chunks([path]) for pos, r in profile_lines(c)
                 if not isinstance(r, InputError)]
        profiles = [replace(p, id=i) for i, (_, p) in enumerate(found, 1)]
        groups = S.group_profiles(profiles)
        lines = {i: pos + 1 for i, (pos, _) in enumerate(found, 1)}  # a feed without blank lines
    seconds = time.perf_counter() - start
    labels = {lines[i]: g.id for g in groups for i in g.articles}
    return {"labels": labels, "titles": [g.title for g in groups], "seconds": seconds,
            "sizes": [len(g.articles) for g in groups],
            "developments": sum(len(getattr(g, "developments", ()) or ()) for g in groups),
            "mixed": S.several_stories(groups, len(labels))}

if __name__ == "__main__":
    print(json.dumps(group(sys.argv[1])))
'''


def adjusted_rand(truth: list[str], found: list[int]) -> float:
    pairs = Counter(zip(truth, found))
    same = sum(comb(v, 2) for v in pairs.values())
    a = sum(comb(v, 2) for v in Counter(truth).values())
    b = sum(comb(v, 2) for v in Counter(found).values())
    expected = a * b / comb(len(truth), 2)
    return 1.0 if (a + b) / 2 == expected else (same - expected) / ((a + b) / 2 - expected)


def scores(truth: dict[int, str], labels: dict[int, int]) -> dict[str, float]:
    """Purity, inverse purity, ARI and the largest group's share, over the articles grouped."""
    lines = sorted(labels)
    t, f = [truth[k] for k in lines], [labels[k] for k in lines]
    by_group: dict[int, Counter[str]] = {}
    by_story: dict[str, Counter[int]] = {}
    for story, group in zip(t, f):
        by_group.setdefault(group, Counter())[story] += 1
        by_story.setdefault(story, Counter())[group] += 1
    n = len(lines)
    return {"purity": sum(c.most_common(1)[0][1] for c in by_group.values()) / n,
            "inverse": sum(c.most_common(1)[0][1] for c in by_story.values()) / n,
            "ari": adjusted_rand(t, f) if n > 1 else 1.0,
            "largest": max(Counter(f).values()) / n}


def run(path: Path, repo: str | None) -> dict | None:
    """The grouping of `path` by this checkout (repo None) or by the checkout at `repo`."""
    if repo is None:
        namespace: dict = {"__name__": "bench_group"}
        exec(GROUP, namespace)  # noqa: S102 - our own snippet, shared with the baseline's run
        result = namespace["group"](str(path))
        result["labels"] = {int(k): v for k, v in result["labels"].items()}
        return result
    done = subprocess.run([sys.executable, "-c", GROUP, str(path.resolve())], cwd=repo, capture_output=True, text=True)
    if done.returncode:
        print(f"  (baseline {repo} failed: {done.stderr.strip().splitlines()[-1:]})")
        return None
    result = json.loads(done.stdout)
    result["labels"] = {int(k): v for k, v in result["labels"].items()}
    return result


def report(name: str, path: Path, repo: str | None) -> None:
    truth = {k: json.loads(line)["story"] for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if line.strip()}
    print(f"{name}: {len(truth)} articles, {len(set(truth.values()))} true stories")
    for who, where in (("this", None), ("baseline", repo)) if repo else (("this", None),):
        result = run(path, where)
        if result is None:
            continue
        s = scores(truth, result["labels"])
        chained = len(set(truth.values())) >= 4 and s["largest"] > 0.6
        print(f"  {who:8} {len(result['sizes']):5} groups (largest {', '.join(map(str, result['sizes'][:6]))}), "
              f"{result['developments']} developments, purity {s['purity']:.3f}, inverse purity {s['inverse']:.3f}, "
              f"ARI {s['ari']:.3f}, largest {s['largest']:.0%}{' CHAINED' if chained else ''}, "
              f"mixed {'yes' if result['mixed'] else 'no'}, {result['seconds']:.1f} s")
        if who == "this":
            for title, size in list(zip(result["titles"], result["sizes"]))[:8]:
                print(f"      {size:5}  {title[:90]}")


def split_topics(path: Path, folder: Path) -> list[tuple[str, Path]]:
    rows: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.setdefault(json.loads(line)["story"], []).append(line)
    out = []
    for story, lines in sorted(rows.items()):
        target = folder / f"{story}.jsonl"
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out.append((story, target))
    return out


def scaling(path: Path) -> None:
    """Grouping CPU time over growing prefixes of the file's profiles, and its fitted exponent."""
    import math
    import time
    from dataclasses import replace

    from storyline.summarize import stories as S
    from storyline.summarize.errors import InputError
    from storyline.timeline.batch import chunks, profile_lines

    found = [p for c in chunks([str(path)]) for _, p in profile_lines(c) if not isinstance(p, InputError)]
    profiles = [replace(p, id=i) for i, p in enumerate(found, 1)]
    sizes, seconds = [len(profiles) // 4, len(profiles) // 2, len(profiles)], []
    for n in sizes:
        start = time.process_time()
        S.group_profiles(profiles[:n])
        seconds.append(time.process_time() - start)
        print(f"  grouping {n:6} profiles: {seconds[-1]:6.1f} s CPU")
    xs, ys = [math.log(n) for n in sizes], [math.log(max(s, 1e-3)) for s in seconds]
    mx, my = sum(xs) / 3, sum(ys) / 3
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    print(f"  fitted exponent {slope:.2f} over the prefixes")
    for copies in (2, 4, 8):  # past the file's size: the feed again, each copy ten years later
        shifted = [replace(p, id=len(profiles) * c + p.id, published=_later(p.published, c))
                   for c in range(copies) for p in profiles]
        start = time.process_time()
        S.group_profiles(shifted)
        print(f"  grouping {len(shifted):6} profiles ({copies} copies, 10 years apart): "
              f"{time.process_time() - start:6.1f} s CPU")


def _later(published: str | None, decades: int) -> str | None:
    from datetime import date, timedelta
    return (date.fromisoformat(published[:10]) + timedelta(days=3653 * decades)).isoformat() if published else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?")
    parser.add_argument("--baseline", default="/work/main")
    parser.add_argument("--topics", action="store_true")
    parser.add_argument("--scaling", action="store_true", help="time grouping over growing prefixes of FILE")
    args = parser.parse_args()
    repo = args.baseline if args.baseline and Path(args.baseline).is_dir() else None
    folder = Path(tempfile.mkdtemp())
    if args.file:
        path, name = Path(args.file), Path(args.file).name
    else:
        rows = corpus.wikinews() + [{"story": "palmyra", "text": p.read_text(encoding="utf-8"), "url": p.name}
                                    for p in sorted(corpus.SEEDS.iterdir())]
        path, name = folder / "mixed.jsonl", "Wikinews + demo"
        path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    report(name, path, repo)
    if args.topics or not args.file:
        for story, part in split_topics(path, folder):
            report(f"{story} alone", part, repo)
    if args.scaling and args.file:
        scaling(Path(args.file))


if __name__ == "__main__":
    main()
