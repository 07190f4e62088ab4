"""Answers against questions a reader asked: `python bench/ask.py [QUESTIONS] [--show]`.

bench/questions.jsonl holds questions written from reading the four Wikinews stories
(tests/data/wikinews-4-stories.jsonl, one analysis per story) and the demo seeds, before
any tuning; bench/questions-fresh.jsonl holds more, written after tuning as a check. Each has
`date` (a "when" question: the answer's date must start with it), `answer` (any of these strings
in one of the first three answer lines) or `unanswerable` (the app must say the sources do not
answer it). Prints accuracy by kind, and how many "no answer" replies
were wrong, among them those whose right line was in the list shown (denied though found).

bench/questions-entities.jsonl holds 146 questions over 7 topics of the Entities timeline
collection, written by a reader of the articles who had not seen the code, before any tuning
(each with its evidence sentence and article id). Its `story` is a file of that collection as
bench/entities.py writes it: `python bench/ask.py bench/questions-entities.jsonl --data DIR`.
bench/questions-entities-2.jsonl holds 75 more on three other topics (Steve_Jobs, Julian_Assange,
Hu_Jintao), written the same way by another reader, as a check that rules tuned on the first set hold.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WIKINEWS = ROOT / "tests/data/wikinews-4-stories.jsonl"


def analyses() -> dict[str, object]:
    from storyline.summarize.model import RawDocument
    from storyline.summarize.text.sentences import split_text
    from storyline.summarize.story import Story, build_articles, load_story
    from storyline.timeline.analysis import analyse

    rows = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    out: dict[str, object] = {"demo": analyse(load_story([str(ROOT / "seeds")]))}
    for name in dict.fromkeys(r["story"] for r in rows):
        documents = [RawDocument(f"{r['id']}", r["text"], r.get("title"), r.get("outlet"), r.get("published"))
                     for r in rows if r["story"] == name]
        articles, _ = build_articles(documents)
        out[name] = analyse(Story(tuple(articles), tuple(s for a in articles for s in split_text(a.id, a.text))))
    return out


def kind(item: dict) -> str:
    if item.get("unanswerable"):
        return "unanswerable"
    return item["question"].split()[0].lower() + (" many/much" if item["question"].lower().startswith("how") else "")


def main() -> None:
    from storyline.timeline.answers.ask import ask

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path, nargs="?", default=ROOT / "bench/questions.jsonl")
    parser.add_argument("--show", action="store_true", help="print every wrong answer")
    parser.add_argument("--data", type=Path, help="the folder of the stories named by file (bench/entities.py's output)")
    args = parser.parse_args()
    items = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    stories = analyses() if any(not item["story"].endswith(".jsonl") for item in items) else {}
    for name in dict.fromkeys(item["story"] for item in items if item["story"].endswith(".jsonl")):
        if args.data is None:
            parser.error(f"{name}: give --data, the folder that holds it")
        from storyline.summarize.story import load_story
        from storyline.timeline.analysis import analyse
        from storyline.timeline.cache import cached, input_key

        path = str(args.data / name)  # the user's analysis cache: a rerun after a change to answers only is quick
        stories[name] = cached(input_key([path], None, ("lexrank", None)), lambda: analyse(load_story([path])))
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    denied = denied_found = 0
    seconds = 0.0
    for item in items:
        analysis = stories[item["story"]]
        start = time.perf_counter()
        answer = ask(analysis, item["question"])  # type: ignore[arg-type]
        seconds += time.perf_counter() - start
        lines = answer.lines
        if item.get("unanswerable"):
            ok = not answer.found
            present = False
        elif "date" in item:
            ok = answer.found and bool(lines) and (lines[0].date or "").startswith(item["date"])
            present = any((line.date or "").startswith(item["date"]) for line in lines)
        else:
            wanted = [a.lower() for a in item["answer"]]
            ok = answer.found and any(w in line.text.lower() for line in lines[:3] for w in wanted)
            present = any(w in line.text.lower() for line in lines for w in wanted)
        k = kind(item)
        total[k] += 1
        right[k] += ok
        if not answer.found and not item.get("unanswerable"):
            denied += 1
            denied_found += present
        if args.show and not ok:
            first = lines[0] if lines else None
            print(f"✗ [{item['story']}] {item['question']}\n    {answer.note} "
                  f"{(first.date or '') + ' ' + first.text[:110] if first else ''}")
    print(f"{sum(total.values())} questions, {sum(right.values())} right "
          f"({100 * sum(right.values()) / sum(total.values()):.1f}%; issue #21 asks >= 85% of the Entities dev set), "
          f"{1000 * seconds / len(items):.0f} ms per answer")
    for k in sorted(total):
        print(f"  {k:<16} {right[k]:>3}/{total[k]:<3}")
    print(f"'no answer' to an answerable question: {denied}, of which the right line was listed: {denied_found} "
          f"(goal 0)")


if __name__ == "__main__":
    main()
