"""Helper processes (summarize/workers.py): a large story's cleaning, source grouping and tagging in
them gives what one process gives, a small one never starts them, and a dead helper costs nothing."""

from __future__ import annotations

import json

import pytest

from storyline.summarize.story import load_story
from storyline.summarize.workers import LARGE, Workers, split
from storyline.timeline.analysis import analyse
from storyline.timeline.output.formats import timeline_pieces
from tests.conftest import WIKINEWS


@pytest.fixture(scope="module")
def part_undated(tmp_path_factory) -> str:
    """The 120 Wikinews articles, every third one's date removed (its date is then estimated)."""
    rows = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]
    for row in rows[::3]:
        row.pop("published", None)
        row.pop("date", None)
    path = tmp_path_factory.mktemp("undated") / "wikinews.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return str(path)


def everything(path: str, workers: Workers | None) -> tuple[object, ...]:
    story = load_story([path], workers=workers)
    analysis = analyse(story, workers=workers)
    ahead = len(analysis.shortened)  # lines the helper compressed while the claims were ranked
    shown = ["".join(timeline_pieces(analysis, fmt)) for fmt in ("json", "md")]
    return (story.articles, story.sentences, [str(p) for p in story.problems], analysis.claims, analysis.source_of,
            analysis.sources, analysis.timeline, analysis.title, shown, ahead > 0)


@pytest.mark.parametrize("which", ["dated", "part-undated"])
def test_helpers_give_what_one_process_gives(which: str, part_undated: str) -> None:
    path = str(WIKINEWS) if which == "dated" else part_undated
    alone = everything(path, None)
    with Workers(1, large=0) as workers:
        helped = everything(path, workers)
        assert workers.helpers(1), "the helper ran"
    assert helped[:-1] == alone[:-1]
    assert helped[-1] and not alone[-1], "the helper compressed the lines ahead; alone, they are compressed as shown"
    assert alone[6].events and alone[7] != "Storyline" and (which == "dated" or any(a.published_estimated for a in alone[5]))


def test_a_summary_weighs_its_concepts_in_the_helper_as_here() -> None:
    from storyline.summarize.summary.choose import summarize
    from storyline.summarize.summary.coverage import concept_weights

    alone = analyse(load_story([str(WIKINEWS)]), timeline=False)
    with Workers(1, large=0) as workers:
        helped = analyse(load_story([str(WIKINEWS)], workers=workers), timeline=False, workers=workers)
        assert "concept_weights" in vars(helped), "counted by the helper while the claims were ranked"
    assert "concept_weights" not in vars(alone)
    assert helped.concept_weights == concept_weights(alone.claims, alone.source_of) == alone.concept_weights
    assert len(helped.concept_weights) > 1000
    chosen = summarize(helped.claims, source_of=helped.source_of, weights=helped.concept_weights)
    assert chosen and chosen == summarize(alone.claims, source_of=alone.source_of)


def test_a_small_story_starts_no_helper() -> None:
    with Workers(1) as workers:
        load_story([str(WIKINEWS)], workers=workers)  # 120 articles
        assert LARGE > 120 and workers.helpers(120) == [] and not workers._pools


def test_a_helper_that_died_has_its_share_done_here() -> None:
    alone = load_story([str(WIKINEWS)])
    with Workers(1, large=0) as workers:
        (pool,) = workers.helpers(1)
        pool.submit(int, 0).result()  # started
        for process in list(pool._processes.values()):
            process.kill()
            process.join()
        helped = load_story([str(WIKINEWS)], workers=workers)
    assert (helped.articles, helped.sentences) == (alone.articles, alone.sentences)


def test_shares_are_contiguous_and_even() -> None:
    assert split(list(range(7)), 3) == [[0, 1, 2], [3, 4], [5, 6]]
    assert split([], 2) == [[], []]
