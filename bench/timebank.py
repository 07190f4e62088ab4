"""Our temporal tagger against TimeML gold standard (TempEval-3 scoring): `python bench/timebank.py FOLDER`.

FOLDER holds .tml files, e.g. TBAQ-cleaned (the TempEval-3 training set), which is public in the
repository qiangning/StructTempRel-EMNLP17 under data/TempEval3/Training/TBAQ-cleaned/: fetch it,
never commit it. Each file's TEXT is tagged with its tags removed, against its document creation
time (the CREATION_TIME TIMEX3, not scored), in process, exactly as `storyline dates FILE
--published DCT` tags. Scores as TempEval-3: strict and relaxed (overlap) match F1; type and value
F1 are relaxed F1 times the accuracy of the attribute on relaxed matches. Then chars/s and the
misses grouped by cause, with examples. The TempEval-3 evaluation (platinum) set is held out.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, date | None, list[Gold]]:
    """The TEXT with tags removed, the creation date, and the gold TIMEX3s with offsets into it."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw) or \
        re.search(r'<DCT>\s*<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})', raw)
    dct = date.fromisoformat(dct_match.group(1)) if dct_match else None
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    text: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    gold: list[Gold] = []
    position = 0
    for match in _TAG.finditer(body):
        chunk = html.unescape(body[position:match.start()])
        text.append(chunk)
        length += len(chunk)
        position = match.end()
        closing, name = match.group(1), match.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(match.group(3))))
        elif open_timex:
            start, attrs = open_timex
            joined = "".join(text)
            gold.append(Gold(start, length, joined[start:length], attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    text.append(html.unescape(body[position:]))
    return "".join(text), dct, gold


def cause(g: Gold) -> str:
    """A coarse reason for a miss, from the gold expression's shape (for the report only)."""
    t = g.text.lower()
    if g.type == "DURATION":
        return "duration"
    if "quarter" in t or "fiscal" in t:
        return "quarter / fiscal"
    if g.type == "TIME":
        return "time of day"
    if g.type == "SET":
        return "set"
    if re.search(r"\b(now|today|currently|recent|former|past|future|once|then)\b", t):
        return "reference word"
    if re.search(r"\d{4}", t):
        return "year"
    return "other date"


def main() -> None:
    from storyline.timeline.tagger.scan import expressions, tag

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--examples", type=int, default=3, help="examples shown per cause")
    args = parser.parse_args()
    files = sorted(args.folder.rglob("*.tml"))
    if not files:
        raise SystemExit(f"no .tml files under {args.folder}")
    strict = relaxed = found_total = gold_total = type_ok = value_ok = 0
    chars = 0
    seconds = 0.0
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    wrong_value: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for path in files:
        text, dct, gold = read_tml(path)
        start = time.perf_counter()
        found = expressions(tag(text, dct))
        seconds += time.perf_counter() - start
        chars += len(text)
        gold_total += len(gold)
        found_total += len(found)
        used: set[int] = set()
        for g in gold:
            match = next((k for k, t in enumerate(found) if k not in used and t.start < g.end and g.start < t.end), None)
            if match is None:
                missed[cause(g)] += 1
                examples.setdefault(f"missed: {cause(g)}", []).append(f"{g.text!r} {g.value} ({path.stem})")
                continue
            used.add(match)
            t = found[match]
            relaxed += 1
            strict += (t.start, t.end) == (g.start, g.end)
            type_ok += t.type == g.type
            if t.value == g.value:
                value_ok += 1
            else:
                wrong_value[cause(g)] += 1
                examples.setdefault(f"wrong value: {cause(g)}", []).append(
                    f"{g.text!r}: ours {t.value}, gold {g.value} (DCT {dct}, {path.stem})")
        for k, t in enumerate(found):
            if k not in used:
                kind = f"{t.type} {'number' if _DIGIT.search(t.text) else 'word'}"
                spurious[kind] += 1
                examples.setdefault(f"spurious: {kind}", []).append(f"{t.text!r} -> {t.value} ({path.stem})")

    def f1(hits: int) -> float:
        p, r = hits / max(found_total, 1), hits / max(gold_total, 1)
        return 200 * p * r / (p + r) if p + r else 0.0

    relaxed_f1 = f1(relaxed)
    print(f"{len(files)} documents, {gold_total:,} gold TIMEX3, {found_total:,} found, {chars / seconds:,.0f} chars/s")
    print(f"{'strict':>8} {'relaxed':>8} {'type':>8} {'value':>8}   (F1; goal: value >= 80, relaxed >= 90)")
    print(f"{f1(strict):>8.2f} {relaxed_f1:>8.2f} {relaxed_f1 * type_ok / max(relaxed, 1):>8.2f} "
          f"{relaxed_f1 * value_ok / max(relaxed, 1):>8.2f}")
    for title, counts in (("missed", missed), ("wrong value", wrong_value), ("spurious", spurious)):
        print(f"\n{title}: " + ", ".join(f"{k} {n}" for k, n in counts.most_common()))
        for kind, _ in counts.most_common():
            for line in examples.get(f"{title}: {kind}", [])[:args.examples]:
                print(f"  {kind}: {line}")


if __name__ == "__main__":
    main()
