"""Body text kept from real saved pages, against the article-extraction benchmark's gold bodies.

    python bench/extraction.py FOLDER [--limit N]

FOLDER holds `ground-truth.json` and `html/*.html.gz` of scrapinghub/article-extraction-benchmark
(`git clone https://github.com/scrapinghub/article-extraction-benchmark`: 181 pages of many sites;
fetched, never committed). Each page is read alone, as `storyline sentences page.html` would read
it: Storyline's text is the cleaned body it keeps (title apart; subheads and list items inside the
body included, as the gold bodies include them, though they make no sentences). Beside it, in the same run:
trafilatura's own `extract` with its defaults and with `favor_precision` (what Storyline builds
on). Scored as the benchmark scores (its `evaluate.py`): precision, recall and F1 of word 4-gram
shingles, per page normalised, averaged over pages. Goal: F1 >= trafilatura's, precision >= 0.95.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.summarize.errors import StorylineError  # noqa: E402
from storyline.summarize.story import load_story  # noqa: E402

TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def tp_fp_fn(true: str, pred: str) -> tuple[float, float, float]:
    """The benchmark's shingle matching, normalised so that long pages do not weigh more."""
    t, p = shingles(true), shingles(pred)
    tp = sum(min(t[k], p[k]) for k in t.keys() | p.keys())
    fp = sum(max(0, p[k] - t[k]) for k in t.keys() | p.keys())
    fn = sum(max(0, t[k] - p[k]) for k in t.keys() | p.keys())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return p, r, 2 * p * r / (p + r)


def storyline_body(html: str, folder: Path) -> str:
    page = folder / "page.html"
    page.write_text(html, encoding="utf-8")
    try:
        return load_story([str(page)]).articles[0].text
    except StorylineError:
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    args = parser.parse_args()
    import trafilatura

    gold = json.loads((args.folder / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gold)[:args.limit or None]
    pages = {k: gzip.decompress((args.folder / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8", "replace")
             for k in keys}
    with tempfile.TemporaryDirectory() as tmp:
        systems: dict[str, Callable[[str], str]] = {
            "storyline": lambda html: storyline_body(html, Path(tmp)),
            "trafilatura": lambda html: trafilatura.extract(html) or "",
            "trafilatura precision": lambda html: trafilatura.extract(html, favor_precision=True) or "",
        }
        print(f"{len(keys)} pages of {args.folder}\n")
        print(f"{'system':<24} {'precision':>9} {'recall':>7} {'F1':>7} {'s/page':>7}")
        for name, extract in systems.items():
            start = time.perf_counter()
            counts = [tp_fp_fn(gold[k].get("articleBody", ""), extract(pages[k])) for k in keys]
            seconds = (time.perf_counter() - start) / len(keys)
            p, r, f1 = scores(counts)
            print(f"{name:<24} {p:>9.3f} {r:>7.3f} {f1:>7.3f} {seconds:>7.3f}")


if __name__ == "__main__":
    main()
