"""Storyline's benchmarks: `python bench/run.py` prints every figure (`--quick` skips the slowest).

Each measurement runs in a fresh interpreter, so times are cold where it matters and the
peak memory (max RSS) is that measurement's own. See bench/corpus.py for how real text is
scaled up.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402
from bench.cold import cold_runs  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- stages: each runs in its own process and returns a dict of figures -----------------

def stage_ingest(n: int) -> dict:
    """Read, clean and split: the seeds (n=0) or an n-article Wikinews story."""
    from storyline.summarize.story import load_story

    if n == 0:
        start = time.perf_counter()
        story = load_story([str(corpus.SEEDS)])
    else:
        path = corpus.story_jsonl(n, Path(tempfile.mkdtemp()) / "story.jsonl")
        start = time.perf_counter()
        story = load_story([str(path)])
    return {"seconds": time.perf_counter() - start, "articles": len(story.articles),
            "sentences": len(story.sentences)}


def stage_rank(n: int, which: str) -> dict:
    """One ranker on an n-sentence pool; its top 10 is returned for the overlap figure."""
    from storyline.summarize.rank.rankers import RANKERS, SUMY_LEXRANK

    ranker = SUMY_LEXRANK if which == "sumy" else RANKERS[which]
    texts = corpus.sentence_pool(n)
    # Imports and caches warm, so we time the ranking itself; ours picks dense or sparse arrays by
    # size, so it warms up on the same input (sumy has one path: a small input warms it).
    ranker.scores(texts if which == "lexrank" else texts[:3])
    start = time.perf_counter()
    scores = ranker.scores(texts)
    seconds = time.perf_counter() - start
    top = sorted(range(len(texts)), key=lambda i: -scores[i])[:10]
    return {"seconds": seconds, "top10": top}


def stage_dedup(n: int, exhaustive: bool) -> dict:
    from storyline.summarize.claims.dedup import cluster

    texts = corpus.sentence_pool(n)
    cluster(texts[:3], exhaustive=exhaustive)  # imports warm: we time the clustering itself
    start = time.perf_counter()
    groups = cluster(texts, exhaustive=exhaustive)
    return {"seconds": time.perf_counter() - start, "groups": groups}


def stage_timeline(n: int) -> dict:
    """A whole n-article story to a timeline: read, clean, dedup, rank, tag, build."""
    from storyline.summarize.story import load_story
    from storyline.timeline.analysis import analyse

    path = corpus.story_jsonl(n, Path(tempfile.mkdtemp()) / "story.jsonl")
    start = time.perf_counter()
    analysis = analyse(load_story([str(path)]))
    return {"seconds": time.perf_counter() - start, "sentences": len(analysis.story.sentences),
            "claims": len(analysis.claims), "events": len(analysis.timeline.events)}


def stage_html(n: int) -> dict:
    """The HTML page (and TimelineJS) of the demo's timeline (n = 0), or of an n-event timeline: the
    Wikinews story's events (1,678 of them) cycled to n, in date order. Only the writing is timed."""
    from dataclasses import replace

    from storyline.summarize.story import load_story
    from storyline.timeline.analysis import analyse
    from storyline.timeline.output.formats import render_timeline

    analysis = analyse(load_story([str(corpus.SEEDS if n == 0 else corpus.WIKINEWS)]))
    if n:
        events = analysis.timeline.events
        cycled = sorted((events * (n // len(events) + 1))[:n], key=lambda e: (e.span.start, e.span.value))
        analysis = replace(analysis, timeline=replace(analysis.timeline, events=tuple(cycled)))
    figures: dict[str, float] = {"events": len(analysis.timeline.events)}
    for fmt in ("html", "timelinejs"):
        start = time.perf_counter()
        out = render_timeline(analysis, fmt)
        figures[f"{fmt}_s"], figures[f"{fmt}_kb"] = time.perf_counter() - start, len(out.encode()) / 1024
    return figures


def stage_tagging(_: int) -> dict:
    """Characters per second and accuracy: our tagger vs dateparser.search_dates."""
    from datetime import date, datetime

    import dateparser
    from dateparser.search import search_dates

    from bench.labelled_dates import SAMPLE
    from storyline.timeline.tagger.scan import tag

    rows = corpus.wikinews()[:40]
    texts = [(r["text"], date.fromisoformat(r["published"])) for r in rows]
    chars = sum(len(t) for t, _ in texts)
    dateparser.parse("2016-03-29")  # warm both
    tag("On Tuesday.", date(2016, 3, 29))
    start = time.perf_counter()
    for text, dct in texts:
        tag(text, dct)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for text, dct in texts:
        search_dates(text, languages=["en"], settings={"RELATIVE_BASE": datetime.combine(dct, datetime.min.time()),
                                                       "PREFER_DATES_FROM": "past"})
    theirs = time.perf_counter() - start

    def score(predict) -> tuple[float, float]:  # type: ignore[no-untyped-def]
        right = predicted = expected = 0
        for published, sentence, gold in SAMPLE:
            values = predict(sentence, date.fromisoformat(published))
            predicted += len(values)
            expected += len(gold)
            right += len(set(values) & set(gold))
        return right / max(predicted, 1), right / max(expected, 1)

    def ours_predict(sentence, dct):  # type: ignore[no-untyped-def]
        return [t.value for t in tag(sentence, dct) if t.type in ("DATE", "TIME") and t.span]

    def dateparser_predict(sentence, dct):  # type: ignore[no-untyped-def]
        found = search_dates(sentence, languages=["en"], settings={
            "RELATIVE_BASE": datetime.combine(dct, datetime.min.time()), "PREFER_DATES_FROM": "past"}) or []
        return [d.strftime("%Y-%m-%dT%H:%M") if (d.hour or d.minute) else d.date().isoformat() for _, d in found]

    p1, r1 = score(ours_predict)
    p2, r2 = score(dateparser_predict)
    return {"chars": chars, "ours_s": ours, "dateparser_s": theirs, "ours_p": p1, "ours_r": r1,
            "dp_p": p2, "dp_r": r2, "sample": len(SAMPLE)}


def stage_app(n: int, path: str = "") -> dict:
    """The app on the seeds (n=0), on an n-article bench story, or on `path`: bench/app_latency.py."""
    from bench.app_latency import measure

    story = path or (str(corpus.SEEDS) if n == 0 else str(corpus.story_jsonl(n, Path(tempfile.mkdtemp()) / "s.jsonl")))
    return measure(story)


STAGES = {"ingest": stage_ingest, "rank": stage_rank, "dedup": stage_dedup, "timeline": stage_timeline,
          "tagging": stage_tagging, "app": stage_app, "html": stage_html}


def measure(stage: str, *args: object) -> dict:
    """Run a stage in a fresh interpreter; its figures plus its peak memory."""
    cmd = [sys.executable, __file__, "--stage", stage, *map(str, args)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def cold_command(args: list[str]) -> str:
    """A cold run's wall and CPU seconds, the median of three (bench/cold.py)."""
    wall, cpu = cold_runs(args, corpus.ROOT, 3)[1]
    return f"{wall:.2f} s ({cpu:.2f} s CPU)"


# --- reports -----------------------------------------------------------------------------

def report_ingest() -> None:
    print("## Ingest and clean (cold process)")
    seeds = measure("ingest", 0)
    print(f"seeds: {seeds['articles']} articles, {seeds['sentences']} sentences in {seeds['seconds']:.2f} s "
          f"(peak {seeds['peak_mb']:.0f} MB)")
    big = measure("ingest", 1000)
    print(f"1,000-article story: {big['sentences']} sentences in {big['seconds']:.2f} s "
          f"({big['articles'] / big['seconds']:.0f} articles/s, peak {big['peak_mb']:.0f} MB)")
    print(f"`storyline sources seeds/` end to end, cold: {cold_command(['sources', 'seeds'])}\n")


def report_rank(sizes: list[int]) -> None:
    print("## Ranking: sumy LexRank vs ours (same tf-idf cosine, threshold 0.1, power iteration)")
    print(f"{'sentences':>9} {'sumy s':>8} {'ours s':>8} {'speed-up':>9} {'top-10 overlap':>15} {'peak MB':>8}")
    for n in sizes:
        sumy = measure("rank", n, "sumy")
        ours = measure("rank", n, "lexrank")
        overlap = len(set(sumy["top10"]) & set(ours["top10"]))
        print(f"{n:>9} {sumy['seconds']:>8.2f} {ours['seconds']:>8.3f} {sumy['seconds'] / ours['seconds']:>8.0f}x "
              f"{overlap:>13}/10 {ours['peak_mb']:>8.0f}")
    print()


def report_dedup(sizes: list[int], exhaustive_up_to: int) -> None:
    print("## Dedup: exhaustive (rapidfuzz cdist, all pairs) vs blocked (shared content words)")
    print(f"{'sentences':>9} {'all-pairs s':>12} {'blocked s':>10} {'ratio':>7} {'same clusters':>14} "
          f"{'claims':>7} {'peak MB (all/blocked)':>22}")
    for n in sizes:
        blocked = measure("dedup", n, "")
        if n > exhaustive_up_to:
            print(f"{n:>9} {'(--full)':>12} {blocked['seconds']:>10.2f} {'':>7} {'':>14} {len(blocked['groups']):>7} "
                  f"{'':>10}/{blocked['peak_mb']:.0f}")
            continue
        full = measure("dedup", n, "1")
        same = full["groups"] == blocked["groups"]
        print(f"{n:>9} {full['seconds']:>12.2f} {blocked['seconds']:>10.2f} "
              f"{full['seconds'] / blocked['seconds']:>6.1f}x {str(same):>14} {len(blocked['groups']):>7} "
              f"{full['peak_mb']:>10.0f}/{blocked['peak_mb']:.0f}")
    print()


def report_time() -> None:
    print("## Time: tagging, timelines")
    t = measure("tagging", 0)
    print(f"tagging {t['chars']:,} chars of Wikinews: ours {t['chars'] / t['ours_s']:,.0f} chars/s, "
          f"dateparser.search_dates {t['chars'] / t['dateparser_s']:,.0f} chars/s "
          f"({t['dateparser_s'] / t['ours_s']:.0f}x)")
    print(f"accuracy on {t['sample']} hand-labelled sentences (bench/labelled_dates.py): "
          f"ours P={t['ours_p']:.2f} R={t['ours_r']:.2f}; dateparser P={t['dp_p']:.2f} R={t['dp_r']:.2f}")
    print(f"`storyline timeline seeds/` cold: {cold_command(['timeline', 'seeds', '--no-cache'])}")
    big = measure("timeline", 1000)
    print(f"1,000-article story end to end: {big['sentences']} sentences, {big['claims']} claims, "
          f"{big['events']} events in {big['seconds']:.1f} s, peak {big['peak_mb']:.0f} MB\n")


def report_html() -> None:
    print("## Timeline as a web page and as TimelineJS (writing only; goal: 10,000 events in under 2 s)")
    for n, name in ((0, "demo"), (10000, "10,000-event story")):
        r = measure("html", n)
        print(f"{name}: {r['events']:,.0f} events, HTML {r['html_s']:.3f} s ({r['html_kb']:,.0f} KB), "
              f"TimelineJS {r['timelinejs_s']:.3f} s ({r['timelinejs_kb']:,.0f} KB)")
    print()


def report_scaling(sizes: list[int]) -> None:
    """End to end at growing sizes, and the fitted exponents of time and memory (1 = linear)."""
    import math

    print("## Scaling: one story end to end (bench corpus)")
    print(f"{'articles':>8} {'sentences':>10} {'claims':>7} {'seconds':>8} {'peak MB':>8}")
    runs = [(n, measure("timeline", n)) for n in sizes]
    for n, r in runs:
        print(f"{n:>8,} {r['sentences']:>10,} {r['claims']:>7,} {r['seconds']:>8.1f} {r['peak_mb']:>8.0f}")

    def slope(key: str) -> float:
        xs = [math.log(n) for n, _ in runs]
        ys = [math.log(r[key]) for _, r in runs]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)

    print(f"fitted exponent over {', '.join(f'{n:,}' for n in sizes)}: time {slope('seconds'):.2f}, "
          f"memory {slope('peak_mb'):.2f} (goal at 10,000: <= 60 s, <= 2 GB)\n")


def report_app(big: str | None) -> None:
    """First paint, ready, stalls and key latency (bench/app_latency.py) on the seeds and on `big`."""
    import os

    print("## App (headless, Textual run_test; goals: stalls and key to screen <= 100 ms)")
    print(f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs: wall times grow with it; "
          "'CPU' is the UI thread's own share of a stall")
    for name, path in (("seeds", ""), (f"{Path(big).name}", big)) if big else (("seeds", ""),):
        a = measure("app", 0, path) if path else measure("app", 0)
        print(f"{name}: {a.get('events', 0):,.0f} events; first paint {a['first_paint_s']:.2f} s, ready "
              f"{a['ready_s']:.1f} s; longest stall while loading {a['loading_stall_ms']:.0f} ms "
              f"(CPU {a['loading_stall_cpu_ms']:.0f}; the busiest gap's CPU {a['loading_busiest_ui_cpu_ms']:.0f} UI, "
              f"{a['loading_busiest_cpu_ms']:.0f} all threads)")
        if "toggle_stall_ms" in a:
            print(f"  `a` (key dates <-> all {a['all_shown']:,.0f}/{a['events']:,.0f}): longest stall "
                  f"{a['toggle_stall_ms']:.0f} ms (CPU {a['toggle_stall_cpu_ms']:.0f}; busiest gap "
                  f"{a['toggle_busiest_ui_cpu_ms']:.0f} UI, {a['toggle_busiest_cpu_ms']:.0f} all); ↓ to screen median "
                  f"{a['down_median_ms']:.0f} ms, max {a['down_max_ms']:.0f}; a filter keystroke to screen "
                  f"(echo) max {a['filter_echo_max_ms']:.0f} ms, filtered tree shown max "
                  f"{a['filter_shown_max_ms']:.0f} ms (of which 200 ms wait for typing to pause); longest "
                  f"stall while keying {a['keys_stall_ms']:.0f} ms (CPU {a['keys_stall_cpu_ms']:.0f}; busiest gap "
                  f"{a['keys_busiest_ui_cpu_ms']:.0f} UI, {a['keys_busiest_cpu_ms']:.0f} all)")
    if not big:
        print("(for a story of 15,000+ events: --app-story PATH, e.g. an Entities topic made by bench/entities.py)")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    parser.add_argument("--full", action="store_true",
                        help="also all-pairs dedup of 30,000 sentences (about 15 minutes, 3.6 GB)")
    parser.add_argument("--app-story", metavar="PATH", help="also time the app on this story, e.g. "
                        "Hamid_Karzai.jsonl of the Entities collection (bench/entities.py makes it; 18,400 events)")
    parser.add_argument("--app-only", action="store_true", help="only the app's figures")
    parser.add_argument("--stage", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        name, *rest = args.stage
        params = [int(rest[0]) if rest else 0] + [r if name in ("rank", "app") else bool(r) for r in rest[1:]]
        figures = STAGES[name](*params)
        print(json.dumps(figures | {"peak_mb": peak_mb()}))
        return
    if args.app_only:
        report_app(args.app_story)
        return
    report_ingest()
    report_time()
    report_html()
    if not args.quick:
        report_scaling([1000, 3000, 10000])
    report_app(args.app_story)
    report_rank([300, 1000] if args.quick else [300, 1000, 3000])
    report_dedup([3000] if args.quick else [3000, 30000], exhaustive_up_to=30000 if args.full else 3000)


if __name__ == "__main__":
    main()
