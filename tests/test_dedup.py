"""Claims: labelled paraphrase and look-alike pairs, blocking = exhaustive, citations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.summarize.claims.dedup import build_claims, cluster, prepare, same_claim
from storyline.summarize.story import build_articles
from storyline.summarize.model import RawDocument
from storyline.summarize.text.sentences import split_text

# True paraphrases: outlets retelling the same wire copy (the first five from the seeds).
PARAPHRASES = [
    ("Syrian Army troops were locked in heavy fighting Tuesday with the Islamic State (Daesh / ISIS / ISIL) group "
     "in central Syria, where they dealt the terrorists a major blow by seizing the ancient city of Palmyra.",
     "Regime troops were locked in heavy fighting on Tuesday with ISIS in central Syria, where they dealt the "
     "jihadists a major blow by seizing the ancient city of Palmyra."),
    ("Backed by airstrikes by both Syrian and Russian warplanes, they captured a series of strategic hilltops "
     "overlooking the town, said the Britain-based monitor.",
     'They captured a series of strategic hilltops overlooking the town, said the Britain-based monitor, backed by '
     '"intense" airstrikes by both Syrian and Russian warplanes.'),
    ("ISIS had seized the strategic town in August 2015, kidnapping at least 230 people, including dozens of "
     "Christians, and razing its famed Mar Elian monastery.",
     "ISIS had seized the strategic town in August 2015, abducting at least 230 people, including dozens of "
     "Christians, and razed its famed Mar Elian monastery."),
    ("Syria's government has hailed the victory as proof of its credentials in the anti-ISIS fight, AFP reported.",
     "Syria's government has described the victory as proof of its credentials in the anti-ISIS fight."),
    ("The extremist group demolished the 2 000-year-old temple of Bel.",
     "The extremist group demolished the 2,000-year-old temple of Bel."),
    ("Apple shares rose 3 percent to $120 on Tuesday after the company reported record iPhone sales.",
     "Shares of Apple rose 3 percent to $120 on Tuesday after the company reported record iPhone sales (Reuters)."),
]

# Look-alikes that differ in one fact: a number, a place, a date, a name.
LOOK_ALIKES = [
    ("ISIS had seized the strategic town in August 2015, kidnapping at least 230 people.",
     "ISIS had seized the strategic town in August 2015, kidnapping at least 320 people."),
    ("Syrian troops on Thursday entered the ancient city of Palmyra after fierce clashes.",
     "Syrian troops on Thursday entered the ancient city of Mosul after fierce clashes."),
    ("Regime troops were locked in heavy fighting on Tuesday with ISIS in central Syria.",
     "Regime troops were locked in heavy fighting on Wednesday with ISIS in central Syria."),
    ("The jihadists swept into Palmyra in May 2015 and began destroying tombs.",
     "The jihadists swept into Palmyra in May 2016 and began destroying tombs."),
    ("The Dow Jones Industrial Average fell 2.3 percent to close at 10,365 points.",
     "The Nasdaq Composite Index fell 2.3 percent to close at 2,365 points."),
    ("Boeing delivered 462 aircraft in 2010, the company said on Thursday.",
     "Airbus delivered 510 aircraft in 2010, the company said on Thursday."),
    ("Russian aircraft carried out 146 strikes in the Palmyra area between Wednesday and Sunday.",
     "Russian aircraft carried out 146 strikes in the Palmyra area between Monday and Sunday."),
    # Names and words with letters beyond ASCII are read whole ("Aécio" was "a cio", Russian nothing).
    ("Aécio Neves conceded defeat on Sunday night in São Paulo.",
     "José Serra conceded defeat on Sunday night in São Paulo."),
    ("Путин встретился с Медведевым в Москве 3 марта.",
     "Лавров прилетел в Берлин 3 марта."),
]


@pytest.mark.parametrize("a, b", PARAPHRASES)
def test_paraphrases_are_one_claim(a: str, b: str) -> None:
    assert same_claim(prepare(a), prepare(b))


@pytest.mark.parametrize("a, b", LOOK_ALIKES)
def test_look_alikes_stay_apart(a: str, b: str) -> None:
    assert not same_claim(prepare(a), prepare(b))


def test_seed_claims_cite_every_outlet(seed_story) -> None:
    claims = build_claims(seed_story.sentences)
    by_start = {c.text[:40]: c for c in claims}
    assert by_start["The town lies on a key road linking Palm"].sources == (1, 2, 3)
    assert by_start["Sunday's capture of Palmyra, known as th"].sources == (1, 2, 3)
    assert len(claims) < len(seed_story.sentences) - 10
    for claim in claims:  # every citation points at an article that carries a member
        assert set(claim.sources) == {m.article for m in claim.members}
        assert claim.text in {m.text for m in claim.members}


def test_within_article_duplicates_merge() -> None:
    text = ("Rescue teams reached the flooded valley on Monday, officials said. The army was deployed. "
            "Rescue teams reached the flooded valley on Monday, officials said on the radio.")
    claims = build_claims(split_text(1, text))
    assert [len(c.members) for c in claims] == [2, 1]


def test_blocked_equals_exhaustive_on_seeds(seed_story) -> None:
    texts = [s.text for s in seed_story.sentences]
    assert cluster(texts, exhaustive=False) == cluster(texts, exhaustive=True)


def test_blocked_equals_exhaustive_on_wikinews(wikinews_rows) -> None:
    articles, _ = build_articles([RawDocument(r["id"], r["text"]) for r in wikinews_rows])
    texts = [s.text for a in articles for s in split_text(a.id, a.text)]
    # Add reworded copies so there is something to merge: dropped words and swapped clauses.
    texts += [" ".join(t.split()[1:]) for t in texts[::7]] + [t.replace(",", "") for t in texts[::11]]
    blocked, exhaustive = cluster(texts, exhaustive=False), cluster(texts, exhaustive=True)
    assert blocked == exhaustive
    assert sum(len(g) > 1 for g in blocked) > 100


def test_blocking_past_the_product_size_finds_the_reworded_copies(wikinews_rows, monkeypatch) -> None:
    # Past PRODUCT_UP_TO sentences, common words block through keys and sorted neighbours, not by
    # product: forced here on the Wikinews stories, with nearly every content word made common.
    from storyline.summarize.claims import dedup

    articles, _ = build_articles([RawDocument(r["id"], r["text"]) for r in wikinews_rows])
    texts = [s.text for a in articles for s in split_text(a.id, a.text)]
    texts += [" ".join(t.split()[1:]) for t in texts[::7]] + [t.replace(",", "") for t in texts[::11]]
    exhaustive = cluster(texts, exhaustive=True)
    monkeypatch.setattr(dedup, "PRODUCT_UP_TO", 0)
    monkeypatch.setattr(dedup, "COMMON", 3)
    blocked = {i: min(g) for g in cluster(texts, exhaustive=False) for i in g}
    merged = [i for g in exhaustive if len(g) > 1 for i in g]
    found = sum(any(blocked[i] == blocked[j] for j in g if j != i) for g in exhaustive if len(g) > 1 for i in g)
    assert found >= 0.95 * len(merged)
    assert all(any(i in g for g in exhaustive if len(g) > 1) for g in cluster(texts, exhaustive=False)
               if len(g) > 1 for i in g)  # and nothing the exhaustive matching does not merge


@pytest.mark.parametrize("common", [None, 3])  # the product alone; and with common words in keys after it
def test_a_helpers_half_of_the_search_gives_the_same_groups(wikinews_rows, monkeypatch, common) -> None:
    # A large story's helper finds the second half of the product's chunks (`far_pairs`) while
    # `match` does the first: small chunks here, so that both halves hold several.
    from storyline.summarize.claims import dedup

    articles, _ = build_articles([RawDocument(r["id"], r["text"]) for r in wikinews_rows])
    texts = [s.text for a in articles for s in split_text(a.id, a.text)]
    texts += [" ".join(t.split()[1:]) for t in texts[::7]] + [t.replace(",", "") for t in texts[::11]]
    monkeypatch.setattr(dedup, "CHUNK", 256)
    if common:
        monkeypatch.setattr(dedup, "PRODUCT_UP_TO", 0)
        monkeypatch.setattr(dedup, "COMMON", common)
    alone = dedup.match(texts, exhaustive=False)
    far = dedup.far_pairs(texts)
    assert far and sum(len(i) for i, _ in far) > 100, "the helper's half found pairs"
    helped = dedup.match(texts, exhaustive=False, far=lambda: far)
    assert helped == alone
    assert sum(len(g) > 1 for g in alone.groups) > 100


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Zq7'-_.,é İ\u0301ß\n"), max_size=40)
       | st.text(max_size=40))
def test_blocking_words_read_from_the_folded_form_are_the_tokeniser_s(text: str) -> None:
    # the fast path (an ASCII sentence without apostrophes, hyphens or underscores is split from its
    # folded form) must give the very words the tokeniser gives: the blocking, hence the claims, rest on them
    from storyline.summarize.claims.dedup import _clean, _fold, _folded_tokens, _lower_tokens

    cleaned = _clean(text)
    assert _folded_tokens(_fold(cleaned), cleaned) == _lower_tokens(cleaned)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40) | st.text(max_size=40))
def test_an_ascii_sentence_folds_as_the_pattern_folds_it(text: str) -> None:
    # the byte table stands in for the pattern on ASCII text: every control character, "_" and
    # punctuation a space, runs of them one, none at the ends
    import re

    from storyline.summarize.claims.dedup import _fold

    assert _fold(text) == re.sub(r"[\W_]+", " ", text.lower()).strip()
