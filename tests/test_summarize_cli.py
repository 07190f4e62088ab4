"""`storyline summarize`: formats, budgets, stdin, determinism, no repeats, honest citations."""

from __future__ import annotations

import json

import pytest

from storyline.summarize.claims.dedup import prepare, similarity
from storyline.summarize.clean.furniture import furniture_reason
from tests.conftest import SEEDS, run_cli


def summary_json(*args: str) -> dict:
    result = run_cli("summarize", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_seed_summary_has_no_repeats_and_true_citations(seed_story) -> None:
    data = summary_json(SEEDS, "--sentences", "10")
    sentences = data["sentences"]
    assert len(sentences) == 10
    for i, a in enumerate(sentences):
        for b in sentences[i + 1:]:
            assert similarity(prepare(a["text"]), prepare(b["text"])) < 75, (a["text"], b["text"])
        assert furniture_reason(a["text"]) is None
        for source in a["sources"]:  # the cited article carries this sentence or a near-duplicate
            texts = [s.text for s in seed_story.sentences_of(source)]
            assert max(similarity(prepare(a["text"]), prepare(t)) for t in texts) >= 75
    assert {s["id"] for s in data["sources"]} == {i for s in sentences for i in s["sources"]}
    assert set(sentences[0]) - {"sentence"} == {"text", "sources", "date", "members"}  # sentence: when compressed
    assert [m["source"] for m in sentences[0]["members"]] == sentences[0]["sources"]


def test_text_format_with_and_without_citations() -> None:
    lines = run_cli("summarize", SEEDS, "-n", "3").stdout.splitlines()
    assert len(lines) == 3 and all(line.rstrip().endswith("]") for line in lines)
    bare = run_cli("summarize", SEEDS, "-n", "3", "--no-citations").stdout.splitlines()
    assert [line.rsplit(" [", 1)[0] for line in lines] == [b.split(" [")[0] for b in bare]
    assert not any(b.endswith("]") for b in bare)


def test_word_budget() -> None:
    data = summary_json(SEEDS, "--words", "60")
    assert 0 < sum(len(s["text"].split()) for s in data["sentences"]) <= 60


def test_markdown_lists_sources() -> None:
    out = run_cli("summarize", SEEDS, "--format", "md").stdout
    assert out.startswith("- ") and "## Sources" in out and "1. Syrian Army Troops Pressure" in out


def test_rank_order_is_best_first() -> None:
    story = summary_json(SEEDS, "--order", "story")["sentences"]
    ranked = summary_json(SEEDS, "--order", "rank")["sentences"]
    assert sorted(s["text"] for s in story) == sorted(s["text"] for s in ranked)


@pytest.mark.parametrize("algorithm", ["lexrank", "textrank", "lsa"])
def test_output_is_deterministic(algorithm: str) -> None:
    first = run_cli("summarize", SEEDS, "-a", algorithm, "--format", "json").stdout
    assert first == run_cli("summarize", SEEDS, "-a", algorithm, "--format", "json").stdout


def test_stdin_concatenated_articles() -> None:
    text = "".join(p.read_text() for p in sorted(SEEDS.iterdir())[:2])
    result = run_cli("summarize", "-", "-n", "2", input=text)
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2


def test_both_budgets_is_a_usage_error() -> None:
    assert run_cli("summarize", SEEDS, "-n", "2", "--words", "10").exit_code == 2
    assert run_cli("summarize", SEEDS, "-a", "pagerank").exit_code == 2


def test_bad_input_only_exits_1(tmp_path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = run_cli("summarize", tmp_path / "empty.txt")
    assert result.exit_code == 1 and "empty" in result.stderr and "Traceback" not in result.stderr


def test_wikinews_story_summary(wikinews_rows, tmp_path) -> None:
    story = tmp_path / "apple.jsonl"
    story.write_text("\n".join(json.dumps(r) for r in wikinews_rows if r["story"] == "apple"))
    data = summary_json(story, "-n", "5")
    assert len(data["sentences"]) == 5
    topical = ("Apple", "iPhone", "iPod", "iTunes", "Jobs", "Mac")
    assert all(any(word in s["text"] for word in topical) for s in data["sentences"])


def test_a_budget_nothing_fits_exits_1() -> None:
    result = run_cli("summarize", SEEDS, "--words", "3")
    assert result.exit_code == 1 and result.stderr.strip() == "storyline: no sentence fits in 3 words"
