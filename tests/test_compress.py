"""Sentence compression: a compressed line keeps its cited sentence's words in order, on real text."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.summarize.summary.compress import compress, subsequence
from tests.conftest import SEEDS, WIKINEWS, run_cli


def lines_of(*args: str) -> list[dict]:
    """The cited lines a command prints as JSON: summary sentences or timeline events."""
    data = json.loads(run_cli(*args, "--format", "json").stdout)
    return data.get("sentences") or data["events"]


def test_every_compressed_line_keeps_its_sentences_words_in_order() -> None:
    compressed = 0
    for path in (SEEDS, WIKINEWS):
        for command in (("summarize", path, "--words", "150"), ("summarize", path, "-n", "10"), ("timeline", path)):
            for line in lines_of(*map(str, command)):
                if "sentence" in line:
                    compressed += 1
                    assert line["text"] != line["sentence"] and subsequence(line["text"], line["sentence"])
                    assert len(line["text"]) < len(line["sentence"])
    assert compressed > 10  # the check ran over real compressions


def test_no_compress_gives_the_whole_sentences() -> None:
    # -n offers each claim compressed only (a word budget offers both, and the program may take
    # every line whole), so some of these lines are compressed by default whatever the budget
    for command in (("summarize", str(SEEDS), "-n", "8"), ("timeline", str(SEEDS))):
        whole = lines_of(*command, "--no-compress")
        assert whole and not [line for line in whole if "sentence" in line]
        short = {line["sentence"] for line in lines_of(*command) if "sentence" in line}
        assert short  # by default some of these lines are compressed
    timeline = run_cli("timeline", str(SEEDS), "--no-compress").stdout
    assert "in central Syria from the radial group of Islamic State (ISIS), local sources reported on Tuesday." in timeline
    assert "(ISIS), local sources reported" not in run_cli("timeline", str(SEEDS)).stdout
    for line in lines_of("summarize", str(SEEDS), "-n", "8", "--no-compress"):  # each line is a sentence it cites
        assert line.get("variants") or line["text"] in {m["text"] for m in line["members"]}


def test_what_compression_drops_and_keeps() -> None:
    """Sentences of the demo story and of Multi-News-like wire copy."""
    assert compress("Just two days after seizing Palmyra from ISIS, pro-government fighters advanced southwest "
                    "towards the terrorist-held town of Al-Qaryatain, the Syrian Observatory for Human Rights said.") \
        == ("Just two days after seizing Palmyra from ISIS, pro-government fighters advanced southwest towards the "
            "terrorist-held town of Al-Qaryatain.")
    assert compress("ISIS overran Palmyra — known as the \"Pearl of the Desert\" — last May and it has since blown "
                    "up UNESCO-listed temples.") == "ISIS overran Palmyra last May and it has since blown up UNESCO-listed temples."
    assert compress("CAIRO—The European Union's top diplomat met with Mohammed Morsi late Monday night.") \
        == "The European Union's top diplomat met with Mohammed Morsi late Monday night."
    assert compress("Catherine Ashton, the EU's foreign policy chief, met Morsi at an undisclosed location, "
                    "said Michael Mann, Ashton's spokesman.") == "Catherine Ashton met Morsi at an undisclosed location."
    assert compress("Carlos Ávila, the mayor of Lima, met the envoys at an undisclosed location, the ministry said.") \
        == "Carlos Ávila met the envoys at an undisclosed location."  # a name's capital may be any alphabet's
    assert compress("In addition, the company said it would cut 500 jobs by the end of the year.") \
        == "The company said it would cut 500 jobs by the end of the year."
    # kept whole: a quotation's speaker, an opinion's author, a list, a line that would say too little
    for kept in ('"We are here to help," said Ashton, the EU\'s foreign policy chief.',
                 'The regime victory "should not exonerate the Damascus regime", Jean-Marc Ayrault said.',
                 "Smith, Jones, and Brown were arrested on Sunday in the town of Varna.",
                 "The blaze killed 65 people, the regional governor said."):
        assert compress(kept) == kept


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["CAIRO—", "In addition,", "the ministry said", "(AP)", " — ", ",", ".", '"', "But",
                                 "Smith", "the", "45", "who", "said", "Tuesday", "on", "according to", " "]),
                max_size=40).map(" ".join) | st.text(max_size=300))
def test_a_compression_is_always_a_subsequence_of_its_sentence(text: str) -> None:
    short = compress(text)
    assert short == text or (subsequence(short, text) and len(short) < len(text))
