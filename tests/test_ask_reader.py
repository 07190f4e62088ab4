"""Reader questions through `storyline ask`: the lede given as a title, the finest date the reports
give, what a dated "what" question asks, a name for "who" and a reason for "why"."""

from __future__ import annotations

import json

from tests.conftest import run_cli


def _story(tmp_path, rows: list[dict]) -> str:
    path = tmp_path / "story.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"r{i}", "story": "s", **row}) for i, row in enumerate(rows, 1)))
    return str(path)


def asked(path: str, question: str) -> dict:
    result = run_cli("ask", path, question, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


FILLER = ("Residents gathered outside the town hall in the rain.\nThe weather stayed cold all week.\n"
          "Local shops reported a quiet month.")


def test_a_title_that_is_the_first_sentence_stays_in_the_text(tmp_path) -> None:
    """Records without a headline give their first sentence as the title: it is the lede, not a
    headline repeated above the text, and it answers."""
    lede = "The mayor of Eastbrook, Colm Hardy, resigned on 3 March after losing a vote of no confidence."
    path = _story(tmp_path, [
        {"title": lede, "published": "2025-03-04", "text": lede + "\n" + FILLER},
        {"title": "Rain again.", "published": "2025-03-05", "text": "Rain again.\n" + FILLER},
    ])
    data = asked(path, "When did Colm Hardy resign?")
    assert data["answered"] and data["answer"][0]["date"] == "2025-03-03"
    assert "Colm Hardy, resigned" in data["answer"][0]["text"]


def test_a_month_answer_is_as_exact_as_the_report_that_gives_the_day(tmp_path) -> None:
    """Eight pieces say the bridge fell in May 2024, one says "on 14 May 2024": the answer is the
    day, inside the month they all agree on."""
    ways = ["The Tamber bridge collapsed in May 2024, and repairs will take a year.",
            "Since the Tamber bridge collapsed in May 2024, ferries carry the traffic.",
            "The Tamber bridge collapsed in May 2024 and the council is to blame, a report says.",
            "Drivers have queued for hours since the Tamber bridge collapsed in May 2024.",
            "The Tamber bridge collapsed in May 2024; engineers had warned of cracks.",
            "Insurers expect large claims because the Tamber bridge collapsed in May 2024.",
            "The Tamber bridge, which collapsed in May 2024, will be rebuilt in steel.",
            "Trade fell after the Tamber bridge collapsed in May 2024."]
    month = [{"published": f"2024-06-{10 + i:02d}", "text": f"{way}\n{FILLER}\nItem {i}."} for i, way in enumerate(ways)]
    day = {"published": "2024-05-15", "text": f"Storm winds hit the valley at dawn and the old Tamber bridge collapsed on 14 May 2024."
                                              f"\n{FILLER}"}
    data = asked(_story(tmp_path, [*month, day]), "When did the Tamber bridge collapse?")
    assert data["answered"] and data["answer"][0]["date"] == "2024-05-14"


def test_a_dated_what_question_is_answered_from_its_other_words(tmp_path) -> None:
    """"What share of the vote did Ines Vale win in 2010?" asks for a share, not for everything
    dated 2010: the sentence with the share comes first."""
    rows = [{"published": "2010-11-02", "text": "Ines Vale won the run-off in 2010 with 56% of the vote.\n" + FILLER}]
    rows += [{"published": f"2010-0{m}-01", "text": f"In 2010 the harbour of Porto Vale was dredged again, for the "
                                                   f"{m}th time.\nThe dredging in 2010 cost a great deal.\n{FILLER}"}
             for m in range(3, 9)]
    data = asked(_story(tmp_path, rows), "What share of the vote did Ines Vale win in 2010?")
    assert data["answered"] and "56%" in data["answer"][0]["text"]


def test_who_answers_with_the_name_beside_the_asked_word(tmp_path) -> None:
    """Sentences that match the question better but name no one else do not come first."""
    path = _story(tmp_path, [
        {"published": "2022-04-01", "text": "Tom Reyes led the protest against the inquiry.\n"
                                            "The inquiry led Tom Reyes to resign.\n" + FILLER},
        {"published": "2022-04-02", "text": "Tom Reyes led the attacks on the inquiry.\n"
                                            "The inquiry into the harbour contracts and the many deals struck by "
                                            "the port board over a decade, led by judge Dana Whitfield, has "
                                            "now heard Tom Reyes.\n" + FILLER},
    ])
    data = asked(path, "Who led the inquiry into Tom Reyes?")
    assert data["answered"] and "Dana Whitfield" in data["answer"][0]["text"]


def test_why_gives_the_reason_not_the_premise_or_a_question(tmp_path) -> None:
    path = _story(tmp_path, [
        {"published": "2023-09-01", "text": "The Harlow glass factory closed on Friday.\n"
                                            "Is that why the Harlow glass factory closed?\n" + FILLER},
        {"published": "2023-09-02", "text": "The Harlow glass factory closed last week.\n" + FILLER},
        {"published": "2023-09-03", "text": "The Harlow glass factory closed, its owners saying they could no "
                                            "longer pay for gas.\n" + FILLER},
    ])
    data = asked(path, "Why did the Harlow glass factory close?")
    assert data["answered"] and "pay for gas" in data["answer"][0]["text"]
