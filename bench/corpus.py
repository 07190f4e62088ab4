"""Bench material built from real news: the seeds and the 120 Wikinews articles, scaled up.

Scaling up (said once, used by every bench):
- a story of N articles cycles through the 120 Wikinews articles; copy k > 0 of an article
  gets a new id, its sentences rotated by k and one sentence in five dropped, so copies are
  near-duplicate articles, as wire copy retold by many outlets is;
- a pool of N sentences takes every real sentence (seeds + Wikinews, about 1,630) and then
  reworded variants of them: a word dropped, an agency tag added, clauses swapped at a comma,
  or a number changed (a look-alike that must stay apart). A fixed seed keeps it reproducible.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WIKINEWS = ROOT / "tests" / "data" / "wikinews-4-stories.jsonl"  # CC BY: tests/data/README.md


def wikinews() -> list[dict]:
    return [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]


def story_jsonl(n_articles: int, path: Path) -> Path:
    """Write an n-article story (JSON Lines) made from the Wikinews articles."""
    return _cycled(wikinews(), n_articles, path)


def archive_jsonl(n_articles: int, path: Path) -> Path:
    """A mixed archive of n articles: the Wikinews stories and the demo story, cycled and altered
    as `story_jsonl` alters copies (rotated, one sentence in five dropped)."""
    demo = [{"id": f"seed-{p.stem}", "text": p.read_text(encoding="utf-8"), "url": p.name}
            for p in sorted(SEEDS.iterdir())]
    return _cycled(wikinews() + demo, n_articles, path)


def _cycled(rows: list[dict], n_articles: int, path: Path) -> Path:
    """n articles cycling through `rows`; copy k > 0 rotated by k, one sentence in five dropped."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(n_articles):
            row = dict(rows[i % len(rows)])
            copy = i // len(rows)
            if copy:
                lines = row["text"].splitlines()
                lines = lines[copy % len(lines):] + lines[:copy % len(lines)]
                row["text"] = "\n".join(line for j, line in enumerate(lines) if (j + copy) % 5)
                row["id"] = f"{row['id']}-copy{copy}"
            out.write(json.dumps(row) + "\n")
    return path


def real_sentences() -> list[str]:
    from storyline.summarize.story import load_story

    story = load_story([str(SEEDS), str(WIKINEWS)])
    return [s.text for s in story.sentences]


def sentence_pool(n: int, seed: int = 0) -> list[str]:
    """n sentences: the real ones first, then reworded variants of them."""
    real = real_sentences()
    rng = random.Random(seed)
    pool = real[:n]
    while len(pool) < n:
        pool.append(_reword(rng.choice(real), rng))
    return pool


def _reword(text: str, rng: random.Random) -> str:
    words = text.split()
    kind = rng.randrange(4)
    if kind == 0 and len(words) > 4:
        del words[rng.randrange(1, len(words) - 1)]
        return " ".join(words)
    if kind == 1:
        return text.rstrip(".") + " (AFP)."
    if kind == 2 and ", " in text:
        head, tail = text.rstrip(".").split(", ", 1)
        return f"{tail[:1].upper()}{tail[1:]}, {head[:1].lower()}{head[1:]}."
    return re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randrange(1, 9)), text, count=1) \
        if re.search(r"\d", text) else text + " Officials confirmed it."
