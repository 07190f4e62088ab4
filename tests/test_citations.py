"""A citation [n] is a promise that article n says the line: checked on every line of every output.

A line passes for source n when article n has a sentence that the line matches (rapidfuzz
`partial_ratio` >= 90, the names we bracket in left out), or when the output records n's own
member sentence, found verbatim at its offsets in n's cleaned text and telling the same thing
(see `says`). A compressed line (its record gives the whole `sentence`) passes when its words
appear in that sentence in order and the sentence passes.
"""

from __future__ import annotations

import json
import re

import pytest
from rapidfuzz import fuzz

from storyline.summarize.claims.dedup import THRESHOLD, prepare, similarity
from storyline.summarize.story import Story, load_story
from storyline.summarize.summary.compress import subsequence
from tests.conftest import SEEDS, WIKINEWS, run_cli

BRACKETED = re.compile(r" \[[^\]]*\]")  # "the town [Al-Qaryatain]": a name we added, not the source's words
# A story of our own: three outlets' reports of one fire, with a merged event and a figure variant.
FIRE = {
    "a.txt": "Dance hall fire kills 60\n\nPublished March 29, 2016 — Black Sea Herald\n\n"
             "A fire swept through a dance hall in Varna on Saturday, killing 60 people.\n\n"
             "The blaze killed 60 people, the regional governor said.\n\n"
             "The owner of the hall was arrested on Sunday.",
    "b.txt": "Varna fire toll rises\n\nPublished March 30, 2016 — Wire Service\n\n"
             "Rescue teams searched the ruins of a dance hall in Varna after a fire on Saturday.\n\n"
             "The blaze killed 65 people, the regional governor said.\n\n"
             "Police detained the owner of the hall on Sunday.",
    "c.txt": "Mourning in Varna\n\nPublished March 31, 2016 — Evening Post\n\n"
             "The city of Varna mourned on Monday the victims of Saturday's dance hall fire.\n\n"
             "The blaze killed 65 people, the regional governor said.\n\n"
             "The owner of the hall was arrested on Sunday, prosecutors said.",
}


def alike(a: str, b: str) -> bool:
    """Two wordings of one thing, as claims are made (dedup's similarity at its threshold), or the
    one's words inside the other (a clause, a figures span: partial or token-set ratio >= 70)."""
    return (similarity(prepare(a), prepare(b)) >= THRESHOLD
            or max(fuzz.partial_ratio(a, b), fuzz.token_set_ratio(a, b)) >= 70)


def says(story: Story, source: int, line: str, members: dict[int, dict]) -> bool:
    """Whether article `source` says `line`: by a sentence of its own, or by its recorded member
    sentence, verbatim at its offsets and linked to the line through alike wordings of the
    line's own members (a claim's near-duplicates chain: A like B, B like C)."""
    line = BRACKETED.sub("", line)
    if any(fuzz.partial_ratio(line, s.text) >= 90 for s in story.sentences_of(source)):
        return True
    member = members.get(source)
    if member is None or member["source"] != source:
        return False
    if story.articles[source - 1].text[member["start"]:member["end"]] != member["text"]:
        return False
    reached, frontier = {line}, [line]
    wordings = {m["text"] for m in members.values()}
    while frontier:
        text = frontier.pop()
        for other in wordings - reached:
            if alike(text, other):
                reached.add(other)
                frontier.append(other)
    return member["text"] in reached


def broken(story: Story, records: list[dict]) -> list[tuple[int, str]]:
    """(source, line) for every citation of `records` (JSON lines with text, sources, members) that
    its article does not bear out."""
    out = []
    for record in records:
        members = {m["source"]: m for m in record.get("members", [])}
        whole = record.get("sentence", record["text"])  # a compressed line: the sentence it keeps words of
        for source in record["sources"]:
            if not subsequence(BRACKETED.sub("", record["text"]), BRACKETED.sub("", whole)) \
                    or not says(story, source, whole, members):
                out.append((source, record["text"]))
    return out


def outputs(path: str) -> list[dict]:
    """Every cited line the command line prints for `path`: timeline, summary, answers."""
    timeline = json.loads(run_cli("timeline", path, "--format", "json").stdout)["events"]
    summary = json.loads(run_cli("summarize", path, "-n", "10", "--format", "json").stdout)["sentences"]
    answers = []
    for question in ("summary", "When did it happen?", "Who was arrested?", "How many people were killed?"):
        answers += json.loads(run_cli("ask", path, question, "--format", "json").stdout)["answer"]
    return timeline + summary + answers


@pytest.mark.parametrize("name", ["seeds", "wikinews", "fire"])
def test_every_citation_points_at_an_article_that_says_the_line(name: str, story_file) -> None:
    path = {"seeds": str(SEEDS), "wikinews": str(WIKINEWS)}.get(name) or str(story_file(FIRE))
    story = load_story([path])
    lines = outputs(path)
    assert sum(len(line["sources"]) for line in lines) > 20  # the check ran over real citations
    assert any("sentence" in line for line in lines)  # compressed lines among them (on by default)
    assert broken(story, lines) == []


def test_a_merged_event_cites_its_words_and_lists_the_other_wordings_apart() -> None:
    """"ISIS overran Palmyra last May" [4] and "The jihadists swept into Palmyra in May 2015" [3]
    are one event: it cites [4], whose words it shows, and [3] as also reporting it."""
    events = json.loads(run_cli("timeline", SEEDS, "--format", "json").stdout)["events"]
    may = next(e for e in events if e["text"].startswith("ISIS overran Palmyra"))
    assert may["sources"] == [4] and 3 in may["also_reported_by"]
    assert [m["source"] for m in may["members"]] == [4]
    markdown = run_cli("timeline", SEEDS).stdout
    assert "last May and it has since blown up" in markdown and "[4] (also reported by [3][5])" in markdown

    # what each "also reported by" article says in its own words, to be checked against it
    story = load_story([str(SEEDS)])
    for event in events:
        assert [m["source"] for m in event["also_members"]] == event["also_reported_by"]
        for m in event["also_members"]:
            assert story.articles[m["source"] - 1].text[m["start"]:m["end"]] == m["text"]
    also = {m["source"]: m["text"] for m in may["also_members"]}
    assert also[3].startswith("The jihadists swept into Palmyra")


def test_a_line_is_not_merged_with_another_event_that_shares_its_name_and_verb() -> None:
    """New-user trial: [5]'s "Syrian army forces recaptured parts of the ancient Palmyra city" was
    "also reported by [2]", whose "France on Tuesday hailed the recapture by Syrian forces of
    Palmyra" tells France's hailing: one date, the name Palmyra, a recapture word, two events."""
    events = json.loads(run_cli("timeline", SEEDS, "--format", "json").stdout)["events"]
    parts = next(e for e in events if "recaptured parts of the ancient Palmyra" in e["text"])
    assert parts["sources"] == [5] and parts["also_reported_by"] == []
    france = next(e for e in events if e["text"].startswith("France on Tuesday hailed"))
    assert france["sources"] == [2]  # its own line again, as the question about France needs
    answer = run_cli("ask", SEEDS, "What did France say about the recapture?").stdout
    assert "France on Tuesday hailed" in answer and "(also reported by [2])" not in answer

    from storyline.timeline.events.build import event_keys
    same = [("Rebels seized the town of Marrow on Sunday.", "The militia captured Marrow on Sunday, officials said."),
            ("ISIS overran Palmyra last May.", "In May, ISIS took over the ancient city of Palmyra.")]
    apart = [("Rebels seized the town of Marrow on Sunday.", "The mayor praised the capture by rebels of Marrow."),
             ("Rebels seized Marrow on Sunday.", "Troops took the hills on Sunday after the fall of Marrow.")]
    assert all(event_keys(a).same_event(event_keys(b)) for a, b in same)
    assert not any(event_keys(a).same_event(event_keys(b)) for a, b in apart)


def test_the_check_catches_a_citation_of_another_article() -> None:
    """The test above could not fail if `says` accepted anything: a line cited to an article that
    tells something else is caught, with or without a recorded member."""
    story = load_story([str(SEEDS)])
    line = "ISIS overran Palmyra — known as the \"Pearl of the Desert\" — last May"
    other = story.sentences_of(1)[0]
    member = {"source": 1, "text": other.text, "start": other.start, "end": other.end}
    assert not says(story, 1, line, {}) and not says(story, 1, line, {1: member})
    assert says(story, 4, line, {})
    # a line claiming to be compressed from a sentence it has words outside of is caught too
    whole = "ISIS overran Palmyra — known as the \"Pearl of the Desert\" — last May and it has since blown up temples."
    record = {"text": "ISIS overran Palmyra in June.", "sentence": whole, "sources": [4], "members": []}
    assert broken(story, [record]) == [(4, record["text"])]
    assert broken(story, [record | {"text": "ISIS overran Palmyra last May."}]) == []
