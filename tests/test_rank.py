"""Ranking: our vectorised LexRank against sumy's, and every sumy algorithm offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from storyline.summarize.rank.rankers import RANKERS, SUMY_LEXRANK, LexRank, corroboration, get_ranker, rank_claims
from storyline.summarize.errors import StorylineError
from storyline.summarize.claims.dedup import build_claims
from tests.conftest import ROOT


def test_vectorised_lexrank_equals_sumy_on_seeds(seed_story) -> None:
    texts = [s.text for s in seed_story.sentences]
    ours = LexRank().scores(texts)
    theirs = SUMY_LEXRANK.scores(texts)
    assert ours == pytest.approx(theirs, abs=1e-9)
    top = sorted(range(len(texts)), key=lambda i: -ours[i])[:10]
    assert top == sorted(range(len(texts)), key=lambda i: -theirs[i])[:10]


def test_vectorised_lexrank_equals_sumy_on_wikinews(wikinews_rows, monkeypatch) -> None:
    texts = [line for row in wikinews_rows[:30] for line in row["text"].splitlines() if line.strip()][:300]
    theirs = SUMY_LEXRANK.scores(texts)
    assert LexRank().scores(texts) == pytest.approx(theirs, abs=1e-9)  # dense path
    monkeypatch.setattr("storyline.summarize.rank.rankers.DENSE_CELLS", 0)
    assert LexRank(chunk=64).scores(texts) == pytest.approx(theirs, abs=1e-9)  # sparse path, in row blocks


def test_every_algorithm_runs_offline(tmp_path) -> None:
    """No NLTK data anywhere: each algorithm must still rank (sumy #216)."""
    env = os.environ | {"NLTK_DATA": str(tmp_path), "HOME": str(tmp_path)}
    code = ("import json, sys; from storyline.summarize.rank.rankers import RANKERS; texts = sys.stdin.read().split('\\n');"
            "print(json.dumps({n: len(r.scores(texts)) for n, r in RANKERS.items()}))")
    texts = "\n".join(["Troops entered the city on Thursday.", "The army advanced into the city.",
                       "Officials said the offensive would continue.", "Talks will resume in Geneva."])
    out = subprocess.run([sys.executable, "-c", code], input=texts, capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {name: 4 for name in RANKERS}


@pytest.mark.parametrize("name", [n for n in RANKERS if n != "lexrank"])
def test_captured_scores_choose_what_sumy_chooses(seed_story, name: str) -> None:
    """Our per-sentence scores come from patching sumy (it has no public API for them): their top
    five must be the five sentences sumy itself returns."""
    import importlib

    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    from storyline.summarize.text.sentences import STOP_WORDS, Tokenizer, stem

    texts = list(dict.fromkeys(s.text for s in seed_story.sentences))[:40]  # sumy keys ratings by text
    ranker = RANKERS[name]
    scores = ranker.scores(texts)
    ours = sorted(sorted(range(len(texts)), key=lambda i: -scores[i])[:5])
    tokenizer = Tokenizer()
    document = ObjectDocumentModel([Paragraph([Sentence(t, tokenizer)]) for t in texts])
    summarizer = getattr(importlib.import_module(f"sumy.summarizers.{ranker.module}"), ranker.class_name)(stem)
    summarizer.stop_words = STOP_WORDS
    theirs = sorted(texts.index(str(s)) for s in summarizer(document, 5))
    assert ours == theirs


def test_corroborated_claims_rank_higher(seed_story) -> None:
    claims = rank_claims(build_claims(seed_story.sentences))
    assert max(claims, key=lambda c: c.score).score == pytest.approx(max(corroboration(c) for c in claims), abs=1)
    three = [c for c in claims if len(c.sources) == 3]
    assert all(corroboration(c) == pytest.approx(1 + 0.5 * 1.584962500721156) for c in three)
    lead = next(c for c in claims if c.text.startswith("Syrian Army troops were locked"))
    assert sorted(claims, key=lambda c: -c.score).index(lead) < 3


def test_unknown_algorithm_is_a_user_error() -> None:
    with pytest.raises(StorylineError, match="unknown algorithm"):
        get_ranker("pagerank")


def test_vectorised_kl_orders_sentences_as_sumy_does(seed_story) -> None:
    """KL-Sum is reimplemented (sumy's takes minutes on 500 sentences): every round must pick
    what sumy's picks, so the whole order of the first 30 picks is the same."""
    from storyline.summarize.rank.rankers import KLSum, SumyRanker

    texts = list(dict.fromkeys(s.text for s in seed_story.sentences))[:80]
    ours, theirs = KLSum().scores(texts), SumyRanker("KLSummarizer", "kl").scores(texts)
    def order(scores: list[float]) -> list[int]:
        return sorted(range(len(texts)), key=lambda i: -scores[i])[:30]
    assert order(ours) == order(theirs)


def test_paraphrases_from_other_outlets_corroborate_each_other(seed_story, wikinews_rows, monkeypatch) -> None:
    """"France said the recapture of Palmyra was 'positive news'" [3] retells [2]'s "France on
    Tuesday hailed the recapture …": each counts both sources. Sentences that only share words
    ("a 25 percent share in Aer Lingus", held by two different owners) are not paraphrases."""
    from storyline.summarize.claims.paraphrase import paraphrase_groups
    from storyline.summarize.text.sentences import split_text
    from storyline.summarize.story import Story, build_articles
    from storyline.summarize.model import RawDocument

    claims = build_claims(seed_story.sentences)
    ranked = rank_claims(claims)
    groups = [{claims[i].text[:30] for i in g} for g in paraphrase_groups(ranked, [c.score for c in ranked])]
    assert {"France on Tuesday hailed the r", "France said the recapture of P"} in groups
    france = next(c for c in ranked if c.text.startswith("France said the recapture"))
    monkeypatch.setattr("storyline.summarize.claims.paraphrase.THRESHOLD", 1.01)  # no paraphrases
    alone = next(c for c in rank_claims(claims) if c.text.startswith("France said the recapture"))
    assert france.sources == (3,) and france.score == pytest.approx(alone.score * corroboration(france, None, (2, 3)))
    monkeypatch.undo()
    documents = [RawDocument(str(r["id"]), r["text"], r["title"], r["outlet"], r["published"])
                 for r in wikinews_rows if r["story"] == "airbus-boeing"]
    articles, _ = build_articles(documents)
    story = Story(tuple(articles), tuple(s for a in articles for s in split_text(a.id, a.text)))
    aircraft = rank_claims(build_claims(story.sentences))
    for group in paraphrase_groups(aircraft, [c.score for c in aircraft]):
        assert not any("25 percent share" in aircraft[i].text for i in group)


def test_vectorised_textrank_scores_as_sumy_does(seed_story, wikinews_rows) -> None:
    """TextRank is reimplemented with sparse matrices (sumy's fills its matrix pair by pair): the
    scores are sumy's to rounding, on the seeds and on 300 Wikinews sentences."""
    from storyline.summarize.rank.rankers import SumyRanker, TextRank
    from storyline.summarize.text.sentences import split_text

    wikinews = [s.text for r in wikinews_rows[:30] for s in split_text(1, r["text"])][:300]
    for texts in (list(dict.fromkeys(s.text for s in seed_story.sentences)), wikinews):
        ours, theirs = TextRank().scores(texts), SumyRanker("TextRankSummarizer", "text_rank").scores(texts)
        assert ours == pytest.approx(theirs, rel=1e-9, abs=1e-12)
