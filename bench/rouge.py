"""Summaries against journalists' references (ROUGE): `python bench/rouge.py CLUSTERS.jsonl [--words 260]`.

CLUSTERS.jsonl holds one multi-document cluster per line, as LongBench's copy of Multi-News does
(repository en-jai-neer/CompressKV, data/LongBench/multi_news.jsonl: fetch it, never commit it):
`context` holds the articles, each after a "Passage N:" line; `answers` the reference summary.
Each cluster is summarised within the word budget by storyline (exactly as `storyline summarize
--words N` chooses), by sumy's LexRank over the same sentences (best first until the budget is
full) and by Lead-3 (the first three sentences of each article), all cut at the budget, and scored
with Google's rouge-score (stemmed; F1, as Multi-News papers report). Needs the bench extra:
`pip install -e '.[bench]'`. Prints R1/R2/RL side by side, R2 relative to sumy, and a paired t.
`--save FILE` keeps storyline's per-cluster scores (JSON); `--against FILE` adds a paired t of this
run's storyline against those saved scores (another version of storyline on the same clusters).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_PASSAGE = re.compile(r"(?:^|\n)Passage \d+:\n")


def clusters(path: Path, limit: int | None) -> list[tuple[list[str], str]]:
    """(articles, reference) per cluster."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        context = row["context"].replace("NEWLINE_CHAR", "\n")
        articles = [p.strip() for p in _PASSAGE.split(context) if p.strip()]
        answer = row["answers"][0] if isinstance(row["answers"], list) else row["answers"]
        out.append((articles, answer.replace("NEWLINE_CHAR", "\n")))
        if limit and len(out) >= limit:
            break
    return out


def cut(sentences: list[str], words: int) -> str:
    """The sentences in order, cut at the budget."""
    return " ".join(" ".join(sentences).split()[:words])


def storyline_summary(articles: list[str], words: int, algorithm: str, compress: bool = True) -> str:
    from storyline.summarize.model import RawDocument
    from storyline.summarize.text.sentences import split_text
    from storyline.summarize.story import Story, build_articles
    from storyline.summarize.summary.choose import summarize
    from storyline.timeline.analysis import analyse

    built, _ = build_articles([RawDocument(f"passage {i}", text) for i, text in enumerate(articles, 1)])
    story = Story(tuple(built), tuple(s for a in built for s in split_text(a.id, a.text)))
    analysis = analyse(story, algorithm)
    chosen = summarize(analysis.claims, sentences=None, words=words, order="story", source_of=analysis.source_of,
                       **({} if compress else {"compress": False}))
    return cut([c.text for c in chosen], words)


def sumy_lexrank(articles: list[str], words: int) -> str:
    """sumy's LexRank scores over our sentences, best first until the budget is full, in text order."""
    from storyline.summarize.model import RawDocument
    from storyline.summarize.rank.rankers import SUMY_LEXRANK
    from storyline.summarize.text.sentences import split_text
    from storyline.summarize.story import build_articles

    built, _ = build_articles([RawDocument(f"passage {i}", text) for i, text in enumerate(articles, 1)])
    sentences = [s for a in built for s in split_text(a.id, a.text)]
    scores = SUMY_LEXRANK.scores([s.text for s in sentences])
    chosen, used = [], 0
    for k in sorted(range(len(sentences)), key=lambda k: -scores[k]):
        chosen.append(k)
        used += len(sentences[k].text.split())
        if used >= words:
            break
    return cut([sentences[k].text for k in sorted(chosen)], words)


def lead3(articles: list[str], words: int) -> str:
    from storyline.summarize.model import RawDocument
    from storyline.summarize.text.sentences import split_text
    from storyline.summarize.story import build_articles

    built, _ = build_articles([RawDocument(f"passage {i}", text) for i, text in enumerate(articles, 1)])
    return cut([s.text for a in built for s in split_text(a.id, a.text)[:3]], words)


def paired_t(a: list[float], b: list[float]) -> float:
    diffs = [x - y for x, y in zip(a, b)]
    spread = statistics.stdev(diffs) if len(diffs) > 1 else 0.0
    return statistics.mean(diffs) / (spread / math.sqrt(len(diffs))) if spread else 0.0


def main() -> None:
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        raise SystemExit("rouge-score is missing: pip install -e '.[bench]'")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clusters", type=Path)
    parser.add_argument("--words", type=int, default=260, help="summary budget in words (Multi-News: 260)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    parser.add_argument("--algorithm", default="lexrank", help="storyline's ranking algorithm")
    parser.add_argument("--no-compress", action="store_true", help="storyline without sentence compression")
    parser.add_argument("--save", type=Path, default=None, help="write storyline's per-cluster scores here (JSON)")
    parser.add_argument("--against", type=Path, default=None,
                        help="per-cluster scores saved by --save from another version: paired t against them")
    args = parser.parse_args()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    systems = {"storyline": lambda a: storyline_summary(a, args.words, args.algorithm, not args.no_compress),
               "sumy LexRank": lambda a: sumy_lexrank(a, args.words),
               "Lead-3": lambda a: lead3(a, args.words)}
    results: dict[str, dict[str, list[float]]] = {name: {"rouge1": [], "rouge2": [], "rougeL": []} for name in systems}
    seconds = {name: 0.0 for name in systems}
    data = clusters(args.clusters, args.limit)
    for articles, reference in data:
        for name, system in systems.items():
            start = time.perf_counter()
            summary = system(articles)
            seconds[name] += time.perf_counter() - start
            for metric, score in scorer.score(reference, summary).items():
                results[name][metric].append(100 * score.fmeasure)
    print(f"{len(data)} clusters, {args.words} words, ROUGE F1 (rouge-score, stemmed)")
    print(f"{'system':<14} {'R1':>6} {'R2':>6} {'RL':>6} {'R2 / sumy':>10} {'s/cluster':>10}")
    sumy_r2 = statistics.mean(results["sumy LexRank"]["rouge2"])
    for name, scores in results.items():
        r1, r2, rl = (statistics.mean(scores[m]) for m in ("rouge1", "rouge2", "rougeL"))
        print(f"{name:<14} {r1:>6.2f} {r2:>6.2f} {rl:>6.2f} {r2 / sumy_r2:>9.2f}× {seconds[name] / len(data):>10.2f}")
    t = paired_t(results["storyline"]["rouge2"], results["sumy LexRank"]["rouge2"])
    print(f"storyline vs sumy LexRank, R2 paired t = {t:.2f} (|t| > 1.97: significant at 5%)")
    if args.save:
        args.save.write_text(json.dumps({"words": args.words, "scores": results["storyline"]}), encoding="utf-8")
    if args.against:
        compare(results["storyline"], json.loads(args.against.read_text(encoding="utf-8"))["scores"], args.against.name)


def compare(now: dict[str, list[float]], before: dict[str, list[float]], name: str) -> None:
    """Paired t of this run's storyline against saved per-cluster scores (the same clusters, in order)."""
    count = min(len(now["rouge1"]), len(before["rouge1"]))
    for metric in ("rouge1", "rouge2", "rougeL"):
        a, b = now[metric][:count], before[metric][:count]
        wins = sum(x > y for x, y in zip(a, b))
        print(f"storyline vs {name} ({count} clusters), {metric}: {statistics.mean(b):.2f} -> {statistics.mean(a):.2f}, "
              f"paired t = {paired_t(a, b):.2f}, better on {wins}, worse on {sum(x < y for x, y in zip(a, b))}")


if __name__ == "__main__":
    main()
