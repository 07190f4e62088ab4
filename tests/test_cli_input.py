"""The command line on seeds and on bad input: one-line errors, exit codes, files untouched."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.conftest import SEEDS, run_cli

ARTICLE = ("Storm hits coast\n\nPublished: March 3, 2021\n\n"
           "Rescue teams reached the flooded valley on Monday, officials said. "
           "The army was deployed to help residents leave their homes.\n")


def test_sources_json_gives_seed_dates() -> None:
    result = run_cli("sources", SEEDS, "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["published"][:10] for r in rows] == ["2016-03-29", "2016-03-30", "2016-03-29", "2016-03-25", "2016-03-26"]
    assert [r["estimated"] for r in rows] == [False, False, False, False, True]  # the undated ARA News piece
    assert [r["id"] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[1]["title"] == "Army pressures ISIS in central Syria"
    assert rows[4]["outlet"] == "ARA News"


def test_every_command_gives_the_undated_article_the_same_date() -> None:
    """One lookup for articles: sources, summarize, timeline and ask agree on [5]'s estimate."""
    def fifth(*args: str) -> tuple[object, object]:
        data = json.loads(run_cli(*args, "--format", "json").stdout)
        records = data if isinstance(data, list) else data["sources"]
        record = next(r for r in records if r["id"] == 5)
        return record["published"], record["estimated"]

    expected = ("2016-03-26", True)  # the eve of the capture it tells as to come ([1]-[3]: Sunday 27 March)
    assert fifth("sources", SEEDS) == expected
    assert fifth("timeline", SEEDS) == expected
    assert fifth("summarize", SEEDS, "-n", "30") == expected
    assert fifth("ask", SEEDS, "When did ISIS destroy the ancient shrines?") == expected


def test_the_undated_article_sits_before_the_capture_it_tells_as_to_come() -> None:
    """New-user trial: [5] ("recaptured parts of … Palmyra", "as long as ISIS is controlling Palmyra")
    was estimated 29 March and its lead shown after "Sunday's capture of Palmyra" (27 March)."""
    events = json.loads(run_cli("timeline", SEEDS, "--format", "json").stdout)["events"]
    capture = next(e for e in events if e["text"].startswith("Sunday's capture of Palmyra"))
    parts = next(e for e in events if "recaptured parts of the ancient Palmyra" in e["text"])
    assert capture["date"] == "2016-03-27" and parts["date"] < capture["date"] and not parts["certain"]
    assert all(e["date"] < "2016-03-27" for e in events if e["sources"] == [5] and e["dated_by"] == "publication")


def test_sentences_jsonl_spans(seed_story) -> None:
    result = run_cli("sentences", SEEDS, "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(seed_story.sentences)
    first = rows[0]
    assert set(first) == {"source", "index", "text", "start", "end"}
    assert seed_story.articles[first["source"] - 1].text[first["start"]:first["end"]] == first["text"]


def test_stdin_dash(tmp_path: Path) -> None:
    result = run_cli("sentences", "-", input=ARTICLE.encode())
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Rescue teams reached the flooded valley on Monday, officials said.",
        "The army was deployed to help residents leave their homes."]


def test_stdin_of_several_pasted_articles_warns_once() -> None:
    """`cat seeds/*.txt | storyline summarize -` is still one article, but a warning says it looks
    like several (headlines with datelines), once, on stderr, and the summary is still printed;
    one article on stdin, or pages split by form feeds, are judged alike."""
    pasted = b"".join(path.read_bytes() for path in sorted(Path(SEEDS).glob("*.txt")))
    for command in (("summarize", "-", "-n", "1"), ("sources", "-")):
        result = run_cli(*command, input=pasted)
        assert result.exit_code == 0 and result.stdout
        warnings = result.stderr.splitlines()
        assert len(warnings) == 1 and "looks like several pasted together (at least 4)" in warnings[0]
        assert "JSON Lines" in warnings[0]
    assert run_cli("summarize", "-", input=ARTICLE.encode()).stderr == ""
    assert "at least 3" in run_cli("sentences", "-", input="\f".join([ARTICLE] * 3).encode()).stderr


def test_help_has_examples() -> None:
    assert "Example:" in run_cli("--help").stdout
    for command in ["sources", "sentences", "summarize", "timeline", "dates", "ask", "tui"]:
        result = run_cli(command, "--help")
        assert result.exit_code == 0 and "Example:" in result.stdout


def test_usage_error_exits_2() -> None:
    assert run_cli("sources").exit_code == 2
    assert run_cli("sources", SEEDS, "--format", "xml").exit_code == 2


def one_line_error(result, *words: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith("storyline:") for line in lines), result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, (word, result.stderr)


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("binary.txt", bytes(range(256)) * 40, "binary"),
    ("png.txt", b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 200, "binary"),
])
def test_unusable_file_alone_exits_1(story_file, name: str, content: bytes, reason: str) -> None:
    folder = story_file({name: content})
    result = run_cli("sources", folder / name)
    assert result.exit_code == 1
    one_line_error(result, name, reason)


def test_bad_file_is_skipped_and_rest_processed(story_file) -> None:
    folder = story_file({"a.txt": ARTICLE, "b.txt": b"\x00\x01\x02\x03" * 100})
    result = run_cli("sources", folder, "--format", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 1
    one_line_error(result, "b.txt", "binary")


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    result = run_cli("sources", tmp_path / "nope.txt")
    assert result.exit_code == 1
    one_line_error(result, "nope.txt", "no such file")
    (tmp_path / "empty").mkdir()
    result = run_cli("sources", tmp_path / "empty")
    assert result.exit_code == 1
    one_line_error(result, "empty", "folder has no")


def test_unreadable_file(story_file, monkeypatch) -> None:
    folder = story_file({"a.txt": ARTICLE, "secret.txt": ARTICLE})
    original = Path.open

    def deny(self: Path, *args, **kwargs):  # root reads any file: deny as a locked-down system would
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    result = run_cli("sources", folder, "--format", "json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 1
    one_line_error(result, "secret.txt", "Permission denied")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig"])
def test_encodings_decode_without_mojibake(story_file, encoding: str) -> None:
    text = ("Café owners in Zürich\n\nThe café near the Rhône reopened on Monday, its owner "
            "said. \u201cWe are back,\u201d said Ren\u00e9e, who runs the caf\u00e9 voil\u00e0 since 1998.\n")
    if encoding == "latin-1":
        text = text.replace("\u201c", '"').replace("\u201d", '"')
    folder = story_file({"a.txt": text.encode(encoding)})
    result = run_cli("sentences", folder / "a.txt")
    assert result.exit_code == 0
    assert "The café near the Rhône reopened on Monday, its owner said." in result.stdout
    assert "Renée" in result.stdout and "voilà" in result.stdout


def test_huge_file_is_refused_with_reason(story_file) -> None:
    folder = story_file({"a.txt": ARTICLE})
    with open(folder / "huge.txt", "wb") as out:
        line = (ARTICLE.replace("\n", " ") + "\n").encode()
        out.write(line * (50_000_000 // len(line) + 1))
    result = run_cli("sources", folder, "--format", "json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 1
    one_line_error(result, "huge.txt", "too large")


def test_jsonl_with_malformed_line(story_file) -> None:
    good = {"text": "Rescue teams reached the valley on Monday, officials said.", "title": "Floods",
            "published": "2021-03-03", "outlet": "Example Post"}
    lines = [json.dumps(good), "{not json", json.dumps({"title": "no text"}), json.dumps(good | {"title": "Two"})]
    folder = story_file({"s.jsonl": "\n".join(lines)})
    result = run_cli("sources", folder / "s.jsonl", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["id"], r["title"], r["published"], r["outlet"]) for r in rows] == [
        (1, "Floods", "2021-03-03", "Example Post"), (2, "Two", "2021-03-03", "Example Post")]
    one_line_error(result, "s.jsonl:2", "malformed JSON", "s.jsonl:3", "text")


def test_json_array_and_stdin_jsonl() -> None:
    record = {"text": "Rescue teams reached the valley on Monday, officials said.", "source": "Daily"}
    result = run_cli("sources", "-", "--format", "json", input=json.dumps([record, record]))
    assert [r["outlet"] for r in json.loads(result.stdout)] == ["Daily", "Daily"]


def test_html_page(story_file) -> None:
    page = """<!doctype html><html><head><title>Floods hit the valley | Example Post</title>
    <meta property="og:site_name" content="Example Post">
    <meta property="article:published_time" content="2021-03-03T08:00:00Z"></head>
    <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
    <article><h1>Floods hit the valley</h1>
    <p>Rescue teams reached the flooded valley on Monday after heavy rain cut off three villages, officials said.</p>
    <p>The army was deployed to help hundreds of residents leave their homes, the regional governor told reporters.</p>
    </article><footer>Subscribe to our newsletter</footer></body></html>"""
    folder = story_file({"page.html": page})
    rows = json.loads(run_cli("sources", folder, "--format", "json").stdout)
    assert rows[0]["title"].startswith("Floods hit the valley")
    assert rows[0]["published"] == "2021-03-03"
    assert rows[0]["outlet"] == "Example Post"
    sentences = run_cli("sentences", folder).stdout
    assert "The army was deployed" in sentences and "Subscribe" not in sentences and "Home" not in sentences


def test_long_line_and_markup_are_literal(story_file) -> None:
    sentence = "Officials counted [bold red]ten[/] boats on the river near \x1b[31mthe\x1b[0m bridge. "
    folder = story_file({"a.txt": "River report\n\n" + sentence * 1300})
    assert len((folder / "a.txt").read_text()) > 100_000
    result = run_cli("sentences", folder / "a.txt")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 1300
    assert lines[0] == "Officials counted [bold red]ten[/] boats on the river near the bridge."
    assert "\x1b" not in result.stdout


def test_inputs_are_never_modified(story_file) -> None:
    folder = story_file({"a.txt": ARTICLE, "b.jsonl": '{"text": "x"}\n{bad'})
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    run_cli("sentences", folder)
    run_cli("sources", folder, "--format", "json")
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    assert before == after


def test_markdown_and_misnamed_html(story_file) -> None:
    folder = story_file({
        "a.md": "# Floods hit the valley\n\nRescue teams reached the flooded valley on Monday, officials said.\n",
        "b.txt": "<!DOCTYPE html><html><head><title>Storm</title></head><body><article><p>The storm cut power to "
                 "40,000 homes on Tuesday night, the utility said in a statement.</p></article></body></html>",
    })
    rows = json.loads(run_cli("sources", folder, "--format", "json").stdout)
    assert rows[0]["title"] == "Floods hit the valley"
    assert "<" not in run_cli("sentences", folder).stdout
    assert "The storm cut power to 40,000 homes on Tuesday night" in run_cli("sentences", folder).stdout


def test_tui_refuses_to_start_on_nothing() -> None:
    result = run_cli("tui", "no/such/folder")
    assert result.exit_code == 1 and "no/such/folder: no such file or folder" in result.stderr


def test_json_wrapper_object(story_file) -> None:
    record = {"text": "Rescue teams reached the valley on Monday, officials said.", "title": "Floods"}
    folder = story_file({"feed.json": json.dumps({"status": "ok", "articles": [record, record | {"title": "Two"}]})})
    rows = json.loads(run_cli("sources", folder, "--format", "json").stdout)
    assert [r["title"] for r in rows] == ["Floods", "Two"]
