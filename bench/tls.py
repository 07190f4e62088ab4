"""Key dates against journalists' timelines: `python bench/tls.py FOLDER [--topics N] [--articles N]`.

FOLDER is the Entities timeline collection as JSON Lines (`<topic>.jsonl` with `published` and
`text` per article, `timelines.json` with each topic's gold `dates` and their `text`): made by
`python bench/entities.py REPO OUT` from github:DaivikSojitra/Timeline-Summarization-in-the-Era-of-LLMs
(fetch it, never commit it). Per topic, with N = the gold timeline's length, three timelines:

- storyline: `select(analysis.timeline, dates=N, per_date=1)`, what `storyline timeline --dates N` shows;
- pubday (publication-day baseline): the N days on which most articles were published (ties: the
  earlier day), each told by the day's most central sentence: the one whose stemmed content words
  (stop words dropped, each word once) are most shared by the day's other sentences, i.e. the
  highest summed document frequency within that day, divided by the square root of its length;
- oracle: the gold dates, each told by Storyline's best line for that day (none if it has none):
  its ROUGE against Storyline's says how much is lost to date choice, not line choice.

Scores: date F1 (distinct predicted day dates against distinct gold dates; a month or year counts as
a miss), concatenated ROUGE-1/2 F1 (rouge-score, stemmed: all lines against all the gold text).
Alignment ROUGE (tilse-style, each predicted date's line against the nearest gold date's text) needs
per-date gold text: used when `timelines.json` gives `texts` (a list beside `dates`), else shown as
"-" (the Entities CSVs run their dates' texts together). Needs `pip install -e '.[bench]'`.
`--articles N` keeps each topic's first N articles in file order (reported in the header).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SYSTEMS = ("storyline", "pubday", "oracle")


def date_f1(predicted: Sequence[str], gold: Sequence[str]) -> float:
    p, g = set(predicted), set(gold)
    hit = len(p & g)
    if not hit:
        return 0.0
    precision, recall = hit / len(p), hit / len(g)
    return 2 * precision * recall / (precision + recall)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def alignment(lines: Sequence[tuple[str, str]], gold: Sequence[tuple[str, str]], scorer: object) -> tuple[float, float]:
    """tilse's "align" ROUGE, simply: each predicted (date, line) scored against the gold text of the
    nearest gold date (a non-day prediction against nothing), F1 averaged over predictions and gold."""
    if not lines or not gold:
        return 0.0, 0.0
    gold_days = [(_day(d), t) for d, t in gold]
    r1 = r2 = 0.0
    for value, line in lines:
        day = _day(value)
        if day is None:
            continue
        _, text = min(((abs((g - day).days), t) for g, t in gold_days if g is not None), default=(0, ""))
        s = scorer.score(text, line)  # type: ignore[attr-defined]
        r1, r2 = r1 + s["rouge1"].fmeasure, r2 + s["rouge2"].fmeasure
    n = max(len(lines), len(gold))
    return r1 / n, r2 / n


def pubday_timeline(articles: Sequence[object], sentences: Sequence[object], n: int) -> list[tuple[str, str]]:
    """The publication-day baseline (see the module docstring)."""
    from storyline.summarize.text.sentences import STOP_WORDS, stems

    day_of = {a.id: a.published_date for a in articles}  # type: ignore[attr-defined]
    days = Counter(d for d in day_of.values() if d is not None)
    chosen = sorted(days, key=lambda d: (-days[d], d))[:n]
    out = []
    for d in sorted(chosen):
        members = [s for s in sentences if day_of[s.article] == d]  # type: ignore[attr-defined]
        bags = [{w for w in stems(s.text) if w not in STOP_WORDS} for s in members]  # type: ignore[attr-defined]
        df = Counter(w for bag in bags for w in bag)
        best = max(range(len(members)), key=lambda i: sum(df[w] - 1 for w in bags[i]) / math.sqrt(len(bags[i]) or 1))
        out.append((d.isoformat(), members[best].text))  # type: ignore[attr-defined]
    return out


def topic_scores(path: Path, gold: dict[str, object], limit: int | None, scorer: object) -> dict[str, tuple[float, ...]]:
    from storyline.summarize.model import RawDocument
    from storyline.summarize.story import Story, build_articles
    from storyline.summarize.text.sentences import split_text
    from storyline.timeline.analysis import analyse
    from storyline.timeline.events.build import Timeline, select

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = [RawDocument(str(r["id"]), r["text"], r.get("title"), None, r.get("published")) for r in rows[:limit]]
    articles, _ = build_articles(documents)
    story = Story(tuple(articles), tuple(s for a in articles for s in split_text(a.id, a.text)))
    analysis = analyse(story)
    gold_dates = [str(d)[:10] for d in gold["dates"]]  # type: ignore[attr-defined]
    n = len(set(gold_dates))
    texts = gold.get("texts")  # type: ignore[attr-defined]
    gold_lines = list(zip(gold_dates, texts)) if isinstance(texts, list) and len(texts) == len(gold_dates) else None
    wanted = set(gold_dates)
    oracle_events = Timeline(tuple(e for e in analysis.timeline.events if e.span.value in wanted))
    timelines = {
        "storyline": [(e.span.value, e.text) for e in select(analysis.timeline, dates=n, per_date=1)],
        "pubday": pubday_timeline(analysis.story.articles, analysis.story.sentences, n),
        "oracle": [(e.span.value, e.text) for e in select(oracle_events, per_date=1)],
    }
    reference = str(gold["text"])  # type: ignore[index]
    out = {}
    for name, lines in timelines.items():
        s = scorer.score(reference, "\n".join(t for _, t in lines))  # type: ignore[attr-defined]
        a1, a2 = alignment(lines, gold_lines, scorer) if gold_lines else (math.nan, math.nan)
        out[name] = (date_f1([d for d, _ in lines], gold_dates), s["rouge1"].fmeasure, s["rouge2"].fmeasure, a1, a2)
    return out


def _cell(values: tuple[float, ...]) -> str:
    return " ".join("    -" if math.isnan(v) else f"{v:.3f}" for v in values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--topics", type=int, default=None, help="the first N topics (by name)")
    parser.add_argument("--articles", type=int, default=None, help="at most N articles per topic")
    args = parser.parse_args()
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        sys.exit("bench/tls.py needs rouge-score: pip install -e '.[bench]'")
    timelines = json.loads((args.folder / "timelines.json").read_text(encoding="utf-8"))
    topics = [t for t in sorted(timelines) if (args.folder / f"{t}.jsonl").exists()][:args.topics]
    if not topics:
        sys.exit(f"no <topic>.jsonl with a timeline in timelines.json under {args.folder}")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    cap = f"at most {args.articles} articles per topic" if args.articles else "all articles"
    print(f"{len(topics)} topics, {cap}; per system: dateF1 R1 R2 alignR1 alignR2")
    print(f"{'topic':24} " + " | ".join(f"{s:^34}" for s in SYSTEMS) + " | dF1 vs pubday")
    scores: dict[str, list[tuple[float, ...]]] = {s: [] for s in SYSTEMS}
    started = time.perf_counter()
    for topic in topics:
        result = topic_scores(args.folder / f"{topic}.jsonl", timelines[topic], args.articles, scorer)
        for s in SYSTEMS:
            scores[s].append(result[s])
        delta = result["storyline"][0] - result["pubday"][0]
        print(f"{topic[:24]:24} " + " | ".join(_cell(result[s]) for s in SYSTEMS) + f" | {delta:+.3f}", flush=True)
    means = {s: tuple(statistics.fmean(col) if not any(math.isnan(v) for v in col) else math.nan
                      for col in zip(*scores[s])) for s in SYSTEMS}
    print(f"{'mean':24} " + " | ".join(_cell(means[s]) for s in SYSTEMS)
          + f" | {means['storyline'][0] - means['pubday'][0]:+.3f}")
    wins = sum(a[0] > b[0] for a, b in zip(scores["storyline"], scores["pubday"]))
    print(f"storyline's date F1 above pubday's on {wins} of {len(topics)} topics; {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
