"""Summaries: figures that differ, independent sources, concept coverage; written stories, CLI and app."""

from __future__ import annotations

import json
import re

from storyline.summarize.claims.independent import independent_sources
from storyline.summarize.rank.rankers import corroboration
from storyline.summarize.summary.choose import summarize
from storyline.timeline.output import render, report
from storyline.timeline.analysis import analyse
from tests.conftest import article, run_cli, story

FIRE = story(
    article(1, """A fire swept through a crowded dance hall in the port city of Varna late on Saturday.
    The blaze killed 60 people, the regional governor said.
    Firefighters fought the flames for four hours.""", outlet="Coast Daily"),
    article(2, """A fire swept through a crowded dance hall in Varna on Saturday night.
    The blaze killed 65 people, the regional governor said.
    The owner of the hall was arrested on Sunday.""", outlet="Wire Service"),
    article(3, """Rescue teams searched the ruins of a dance hall in Varna after a fire on Saturday.
    The blaze killed 65 people, the regional governor said.
    Relatives gathered outside the city morgue.""", outlet="Evening Post"),
)


def test_figures_that_differ_are_one_claim_with_variants() -> None:
    analysis = analyse(FIRE)
    toll = [c for c in analysis.claims if "governor said" in c.text]
    assert len(toll) == 1 and toll[0].sources == (1, 2, 3)
    # the claim's text is words only; who gives which figure is a note of the output layer
    assert toll[0].text == "The blaze killed 60–65 people, the regional governor said."
    assert [(v.text, v.sources) for v in toll[0].variants] == [
        ("The blaze killed 65 people, the regional governor said.", (2, 3)),
        ("The blaze killed 60 people, the regional governor said.", (1,))]
    record = report.summary_json(analysis, toll)["sentences"][0]
    assert record["variants"] == [{"text": "The blaze killed 65 people, the regional governor said.", "sources": [2, 3]},
                                  {"text": "The blaze killed 60 people, the regional governor said.", "sources": [1]}]
    events = [e for e in render.json_document(analysis, analysis.timeline.events)["events"] if "variants" in e]
    assert events and events[0]["sources"] == [1, 2, 3]
    assert record["text"] == toll[0].text
    note = "The blaze killed 60–65 people, the regional governor said (figures differ: 60 [1]; 65 [2][3])."
    assert report.summary_text(toll) == f"{note} [1][2][3]\n"
    assert report.summary_text(toll, citations=False) == f"{toll[0].text}\n"
    assert "60–65 people, the regional governor said (figures differ: 60 \\[1\\]; 65 \\[2\\]\\[3\\])." in \
        render.markdown(analysis, analysis.timeline.events)


def test_numbers_on_different_dates_stay_different_claims() -> None:
    analysis = analyse(story("On Monday, 12 people were killed in the shelling of the town, officials said.",
                             "On Tuesday, 9 people were killed in the shelling of the town, officials said."))
    assert len(analysis.claims) == 2 and not any(c.variants for c in analysis.claims)


def test_a_tally_by_day_in_one_article_is_not_figures_that_differ() -> None:
    """One article's "On March 1, 4 were killed … On March 2, 7 were killed": different days and
    one source, so no variants; two outlets' "killed 4" / "killed 7" on one day are."""
    days = story("\n".join(f"On March {d}, {d + 3} civilians were killed in the town, the monitor said."
                           for d in range(1, 6)))
    assert not any(c.variants for c in analyse(days).claims)
    one_article = story("The shelling killed 4 people in the town, the monitor said.\n"
                        "The shelling killed 7 people in the town, the monitor said.")
    assert not any(c.variants for c in analyse(one_article).claims)


def test_summary_cli_shows_variants(story_file) -> None:
    folder = story_file({f"{a.id}.txt": f"{a.title}\n\nPublished March 29, 2016\n\n{a.text}" for a in FIRE.articles})
    data = json.loads(run_cli("summarize", str(folder), "--format", "json", "--sentences", "5").stdout)
    assert any(s.get("variants") for s in data["sentences"])
    assert "(figures differ: 60 [" in run_cli("summarize", str(folder), "--sentences", "5").stdout


def test_one_outlet_or_a_copied_body_is_one_source() -> None:
    body = """Police arrested two men after a bank robbery in the town centre on Friday morning.
    The men took cash from the counter and fled in a grey van towards the motorway.
    Officers stopped the van on the motorway an hour later and found the money inside it."""
    copies = [article(1, body, outlet="Daily A"), article(2, body + "\nA spokesman declined to comment.", outlet=None),
              article(3, "A bank was robbed in the town centre on Friday, police said.", outlet="Daily A"),
              article(4, "The town council met to discuss the new bypass on Friday.", outlet="Gazette")]
    sources = independent_sources(copies)
    assert sources[1] == sources[2] == sources[3] and sources[4] == 4
    analysis = analyse(story(*copies))
    claim = next(c for c in analysis.claims if c.text.startswith("Police arrested"))
    assert claim.sources == (1, 2) and corroboration(claim, analysis.source_of) == 1.0


def test_summary_has_no_restatements_and_fits_its_budget(seed_story) -> None:
    analysis = analyse(seed_story)
    chosen = summarize(analysis.claims, sentences=None, words=120, source_of=analysis.source_of)
    assert 80 <= sum(len(c.text.split()) for c in chosen) <= 120
    assert len(summarize(analysis.claims, sentences=4, source_of=analysis.source_of)) == 4
    from storyline.summarize.claims.dedup import prepare, similarity

    for i, a in enumerate(chosen):
        for b in chosen[i + 1:]:
            assert similarity(prepare(a.text), prepare(b.text)) < 68, (a.text, b.text)


# a quotation's tail, a quotation whose speaker is only a pronoun, a pronoun or connective opening
LEANING = re.compile(r"^(?:[”'’]|[\"“][^\"“”]*$|[\"“][^\"“”]*[\"”],?\s+(?:said\s+)?(?:he|she|it|they|we|I|you)\b|"
                     r"(?:It|He|She|They|This|That|These|Those|But|And|However)\b(?!\s*\[)|"
                     r"The (?:\w+ )?(?:company|firm|group|city|town), (?:which|who)\b)")


def _leans(line: str) -> bool:
    return bool(LEANING.match(line) or line.count('"') % 2)


def test_summary_lines_stand_alone(wikinews_rows) -> None:
    """A summary line must not need a sentence the summary does not show: in rank order none may
    open on a pronoun, "But", "The company, which", a quotation's tail or a quotation only a pronoun
    speaks (a bracket naming the antecedent aside); '"We will fight …," the union leader told
    workers' stands alone. In story order such a line is shown only right after the sentence before
    it in its article, the one it leans on."""
    leaning = story(
        "Apex Motors said on Monday it would close its plant in Dayton, cutting 900 jobs by June.",
        "The company, which makes gearboxes for trucks and buses, blamed falling orders from Europe.",
        "But union leaders said the plant in Dayton was the most productive of the group's eleven sites.",
        "It is the third closure announced by Apex Motors this year, after plants in Ohio and Texas.",
        "\"We will fight this decision in every way we can,\" the union leader told workers at the gate.",
        "Apex Motors shares rose 4% in New York after the closure of the Dayton plant was announced.")
    # the same sentences as one article: each may follow the sentence before it
    told_in_one = analyse(story(" ".join(s.text for s in leaning.sentences))).claims
    for claims in (analyse(leaning).claims, told_in_one, analyse(story(*[r["text"] for r in wikinews_rows[:30]])).claims):
        for n in (3, 10):
            ranked = [c.text for c in summarize(claims, sentences=n, order="score")]
            assert ranked and not [line for line in ranked if _leans(line)]
            told = summarize(claims, sentences=n)
            for before, line in zip((None, *told), told):
                if _leans(line.text):
                    assert before is not None and (before.first.article, before.first.index + 1) == (
                        line.first.article, line.first.index), line.text
    told = [c.text for c in summarize(told_in_one, sentences=6)]
    assert [t for t in told if _leans(t)], told  # shown, after the sentences they lean on
