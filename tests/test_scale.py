"""The scale paths: continuous LexRank over claims, a timeline only when printed, lazy imports."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from storyline.summarize.claims.dedup import build_claims
from storyline.summarize.rank import rankers
from storyline.summarize.rank.rankers import ContinuousLexRank, rank_claims
from storyline.summarize.text.sentences import stems
from storyline.timeline import analysis as analysis_module
from storyline.timeline.analysis import analyse
from tests.conftest import ROOT, SEEDS, run_cli, story

TEXTS = ["Syrian troops recaptured Palmyra on Sunday.", "The army retook the ancient city of Palmyra.",
         "Islamic State fighters withdrew from Palmyra.", "Oil prices fell in Asian trading.",
         "Palmyra's ruins were damaged by Islamic State.", "The Syrian army said it retook Palmyra."]


def reference(texts: list[str], weights: list[float], damping: float = 0.15) -> np.ndarray:
    """Continuous LexRank the textbook way: the n×n cosine matrix, row-normalised, power iteration."""
    vocab = sorted({t for text in texts for t in stems(text)})
    tf = np.array([[stems(text).count(v) for v in vocab] for text in texts], dtype=float)
    tf /= tf.max(axis=1, keepdims=True)
    w = np.array(weights)
    idf = np.maximum(np.log(w.sum() / (1 + ((tf > 0) * w[:, None]).sum(axis=0))), 0)
    unit = tf * idf
    unit /= np.linalg.norm(unit, axis=1, keepdims=True)
    cosine = unit @ unit.T
    transition = cosine * w[None, :] / (cosine @ w)[:, None]  # from i to the w_j copies of j
    p = np.full(len(texts), 1 / w.sum())
    for _ in range(500):
        p = damping / w.sum() + (1 - damping) * (transition.T @ (w * p)) / w
    return p


def test_continuous_lexrank_equals_the_textbook_matrix_computation() -> None:
    weights = [1.0, 3.0, 1.0, 2.0, 1.0, 1.0]
    assert ContinuousLexRank().scores(TEXTS, weights) == pytest.approx(list(reference(TEXTS, weights)), rel=1e-6)


def test_a_weighted_node_scores_as_its_copies_would() -> None:
    copies = [TEXTS[0]] * 3 + TEXTS[1:]
    apart = ContinuousLexRank().scores(copies)
    merged = ContinuousLexRank().scores(TEXTS, [3.0, 1, 1, 1, 1, 1])
    assert merged == pytest.approx([apart[0], *apart[3:]], rel=1e-6)
    assert max(range(len(TEXTS)), key=merged.__getitem__) != 3  # the oil sentence is off the story


def test_past_the_graph_limit_claims_are_ranked_by_continuous_lexrank(seed_story, monkeypatch) -> None:
    claims = build_claims(seed_story.sentences)
    monkeypatch.setattr(rankers, "corroboration", lambda *args: 1.0)  # the ranking alone
    small = rank_claims(claims)
    monkeypatch.setattr(rankers, "GRAPH_UP_TO", 10)
    big = rank_claims(claims)
    raw = ContinuousLexRank().scores([c.text for c in claims], [len(c.members) for c in claims])
    top = max(raw) - min(raw)
    assert [c.score for c in big] == pytest.approx([(r - min(raw)) / top for r in raw])
    assert [c.score for c in big] != pytest.approx([c.score for c in small])


def test_summarize_builds_no_timeline_unless_it_prints_dates(monkeypatch) -> None:
    built = []
    real = analysis_module.build_timeline
    monkeypatch.setattr(analysis_module, "build_timeline", lambda *args: built.append(1) or real(*args))
    for fmt in ("text", "md"):
        result = run_cli("summarize", SEEDS, "--format", fmt, "--no-cache")
        assert result.exit_code == 0 and result.stdout
    assert not built
    assert run_cli("summarize", SEEDS, "--format", "json", "--no-cache").exit_code == 0
    assert built == [1]  # each sentence's date in JSON is the timeline's


def test_a_timeline_built_later_is_the_one_built_at_once(seed_story) -> None:
    eager, lazy = analyse(seed_story), analyse(seed_story, timeline=False)
    assert "timeline" in vars(eager) and "timeline" not in vars(lazy)
    assert lazy.timeline == eager.timeline


def test_the_demo_imports_neither_scipy_nor_dateparser() -> None:
    code = ("import sys; from storyline.tui.cli import main\n"
            "try: main(['timeline', 'seeds', '--no-cache'])\nexcept SystemExit: pass\n"
            "print(sorted(m for m in ('scipy', 'dateparser', 'sumy', 'nltk') if m in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.startswith("#") or done.stdout  # the timeline was printed
    assert done.stderr.strip().splitlines()[-1] == "[]"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None) | st.sampled_from("AZaz\u0130\u212a\u00c9\ud800"), max_size=60))
def test_the_taggers_lowering_touches_ascii_capitals_only(text: str) -> None:
    """The tagger's lowered copy keeps every offset: only A-Z change, whatever else the text holds."""
    from storyline.timeline.tagger.scan import ascii_lower

    expected = text.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))
    assert ascii_lower(text) == expected


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(alphabet=st.characters(codec=None), max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=6) | st.integers() | st.floats() | st.booleans() | st.none(), inner, max_size=4),
    max_leaves=30)


@settings(max_examples=500, deadline=None)
@given(_JSON)
def test_the_json_writer_writes_what_json_dumps_does(data: object) -> None:
    import json

    from storyline.timeline.output.jsontext import indented

    assert indented(data) == json.dumps(data, ensure_ascii=False, indent=2)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("aZ9 '’.-\u03a3\u03b1\u0130\u212a\u00e9\ua66e") | st.characters(codec=None),
                        max_size=30), max_size=12))
@example(["\ua66e alone", "", "b \ua66e c", "ΑΣ ΣΑΣ'Σ", "\u0130stanbul \u212aelvin", "x", "y", "z"])
def test_the_claims_terms_are_each_texts_stems(texts: list[str]) -> None:
    """Tokenised a batch at a time (claims/terms.py), each text's terms are what `stems` and the
    summary's `concepts` read in it alone: its tokens lowered, stemmed, stop words marked; the
    batch's end marker written in a text, or a final sigma, changes nothing."""
    from storyline.summarize.claims import terms
    from storyline.summarize.text.sentences import STOP_WORDS, stems, words

    terms.terms_of.cache_clear()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(terms, "BATCH", 5)  # several batches, some of them with a marker inside
        found = terms.terms_of(tuple(texts))
    for k, text in enumerate(texts):
        tokens = found.tokens[found.starts[k]:found.starts[k + 1]]
        lowered = [w.lower() for w in words(text)]
        assert [bool(found.stop[t]) for t in tokens] == [w in STOP_WORDS for w in lowered]
        assert [bool(found.short[t]) for t in tokens] == [len(w) <= 1 for w in lowered]
        assert [found.stems[found.stem_of[t]] for t in tokens if not found.stop[t]] == stems(text)


def test_concept_weights_are_those_counted_claim_by_claim(seed_story, wikinews_rows, monkeypatch) -> None:
    """The weights computed over arrays are the plain count: for each concept of each claim's text,
    the independent sources of the claims that tell it (capped) plus their lead priors, summed in
    story order, to the last bit; with a low cap too, where some concepts reach it."""
    from storyline.summarize.claims.independent import independent_sources
    from storyline.summarize.summary import coverage

    def counted(claims, source_of):
        seen, lead = {}, {}
        for claim in claims:
            for concept in coverage.concepts(claim.text):
                seen.setdefault(concept, set()).update(source_of.get(i, i) for i in claim.sources)
                lead[concept] = lead.get(concept, 0.0) + coverage._lead_prior(claim, source_of)
        weights = {c: min(len(s), coverage.SOURCES_CAP) + lead[c] for c, s in seen.items()}
        return {c: w for c, w in weights.items() if w >= coverage.MIN_WEIGHT}

    wikinews = analyse(story(*(r["text"] for r in wikinews_rows[:40])))
    for claims, source_of in ((build_claims(seed_story.sentences), independent_sources(seed_story.articles)),
                              (wikinews.claims, {})):
        for cap in (coverage.SOURCES_CAP, 2):
            monkeypatch.setattr(coverage, "SOURCES_CAP", cap)
            assert coverage.concept_weights(claims, source_of) == counted(claims, source_of)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=6), st.lists(_JSON, max_size=4), max_size=3), st.sampled_from(["", "\n"]))
def test_the_streamed_json_is_the_indented_json(fields: dict[str, list[object]], end: str) -> None:
    from storyline.timeline.output.jsontext import indented, streamed

    assert "".join(streamed({k: iter(v) for k, v in fields.items()}, end)) == indented(fields, end)


def test_the_json_timeline_written_in_pieces_is_the_rendered_one(seed_story, tmp_path) -> None:
    from storyline.timeline.output.formats import render_timeline

    rendered = render_timeline(analyse(seed_story), "json")
    target = tmp_path / "t.json"
    assert run_cli("timeline", str(SEEDS), "--format", "json", "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == rendered
    assert run_cli("timeline", str(SEEDS), "--format", "json").stdout == rendered


def test_a_failure_while_the_pieces_are_made_leaves_the_old_file(tmp_path) -> None:
    from storyline.timeline.output.write import write_atomic

    target = tmp_path / "t.json"
    target.write_text("old\n", encoding="utf-8")

    def pieces():
        yield "{\n"
        raise RuntimeError("rendering failed")

    with pytest.raises(RuntimeError):
        write_atomic(target, pieces())
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.json"]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 3).flatmap(lambda k: st.lists(st.tuples(*[st.integers(0, 2**40)] * k), max_size=30)))
def test_lexorder_is_lexsort(rows: list[tuple[int, ...]]) -> None:
    from storyline.summarize.arrays import lexorder

    if not rows:
        return
    keys = [np.array(column, dtype=np.int64) for column in zip(*rows)]
    assert lexorder(keys).tolist() == np.lexsort(keys[::-1]).tolist()
