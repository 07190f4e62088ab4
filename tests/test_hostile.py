"""Hostile and careless input: each case once broke the promise in the README (one line on stderr,
exit 0/1/2, no traceback, inputs only read, markup literal, escapes removed)."""

from __future__ import annotations

import hashlib
import re
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from storyline.summarize.clean import furniture, shapes
from storyline.summarize.text import sentences
from storyline.summarize.read.ingest import decode
from storyline.timeline.tagger.scan import tag
from tests.conftest import SEEDS, run_cli

ARTICLE = ("Storm hits coast\n\nPublished: March 3, 2021\n\n"
           "Rescue teams reached the flooded valley on Monday, officials said. "
           "The army was deployed to help residents leave their homes.\n")
PALMYRA = "Troops entered Palmyra on March 27, 2016, after weeks of fighting with militants, the army said."
CONTROL = ("\x1b", "\x9b", "\x9d", "\u202e", "\x07")


def record(**fields: str) -> str:
    return json.dumps({"text": PALMYRA, "published": "2016-03-28"} | fields)


def no_control(text: str) -> None:
    assert not any(c in text for c in CONTROL), repr(text)


# --- 1. terminal control from metadata and file names -----------------------------------------

@pytest.mark.parametrize("field", ["outlet", "title", "url"])
def test_escapes_in_json_fields_never_reach_the_terminal(story_file, field: str) -> None:
    hostile = "\x1b]52;c;b3V0bGV0\x07X \x9b31m\u202eevil\x9d0;t\x07"
    folder = story_file({"feed.jsonl": record(**{field: hostile}) + "\n"})
    for args in (["summarize", folder, "--format", "md"], ["sources", folder], ["timeline", folder],
                 ["ask", folder, "When did troops enter Palmyra?"], ["sources", folder, "--format", "json"]):
        result = run_cli(*args)
        assert result.exit_code == 0, result.stderr
        no_control(result.stdout)


def test_file_names_are_shown_escaped_and_on_one_line(story_file) -> None:
    name = "a\nstoryline: fake line\x1b[31m\u202e.txt"
    folder = story_file({name: b"\x00\x01" * 50, "good.txt": ARTICLE})
    result = run_cli("sources", folder)
    assert result.exit_code == 0
    warnings = result.stderr.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("storyline: warning: skipped ")
    assert "a\\nstoryline: fake line\\x1b[31m\\u202e.txt" in warnings[0]
    no_control(result.stderr)


# --- 2. one article never kills the story -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "People first settled the oasis around 10,000 years ago, archaeologists said on Monday.",
    "The siege ended 99999999999999 days ago, officials said on Monday.",
    "The war ended 123456789 years ago, officials said on Monday.",
])
def test_expressions_off_the_calendar_are_dropped(story_file, text: str) -> None:
    folder = story_file({"a.txt": f"Oasis history\n\nPublished: March 3, 2016\n\n{text}\n", "b.txt": ARTICLE})
    result = run_cli("timeline", folder, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert {e["date"] for e in json.loads(result.stdout)["events"]} >= {"2021-03-01"}


@pytest.mark.parametrize("line", [
    record(published="9999-12-31", text="The bridge will reopen tomorrow after repairs, officials said."),
    record(published="0999-05-01"),
    record(url="http://[oops/x"),
])
def test_odd_records_are_processed_with_the_rest(story_file, line: str) -> None:
    folder = story_file({"feed.jsonl": line + "\n" + record(text=ARTICLE.split("\n\n")[2]) + "\n"})
    result = run_cli("timeline", folder, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["sources"]) == 2


def test_dates_with_a_publication_date_at_the_end_of_the_calendar() -> None:
    result = run_cli("dates", "-", "--published", "9999-12-31", input="It ends tomorrow, not yesterday.")
    assert result.exit_code == 0
    assert [t["value"] for t in json.loads(result.stdout)["timexes"]] == ["9999-12-30"]


def test_deeply_nested_json_is_skipped_with_a_reason(story_file) -> None:
    folder = story_file({"deep.json": "[" * 100_000, "deep.jsonl": "[" * 100_000 + "\n", "a.txt": ARTICLE})
    result = run_cli("sources", folder, "--format", "json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 1
    assert result.stderr.count("nested too deeply") == 2


# --- 3. every pattern is linear -----------------------------------------------------------------

def cpu(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


ADVERSARIAL: dict[str, tuple[Callable[[int], str], Callable[[str], object]]] = {
    "caption credit": (lambda n: "(" + "A" * n, furniture.furniture_reason),
    "caption in a sentence": (lambda n: "The statement (" + "A" * n + " was read out.", furniture.furniture_reason),
    "dateline": (lambda n: "Beirut (" + "A" * n, sentences.split_paragraph),
    "captcha": (lambda n: "x" * n, furniture.furniture_reason),
    "data dump": (lambda n: '"a": ' * (n // 5), furniture.furniture_reason),
    "abbreviations": (lambda n: "Mr. " * (n // 4), sentences.split_paragraph),
    "years": (lambda n: "2015 " * (n // 5), tag),
    "weekdays": (lambda n: "on Monday " * (n // 10), tag),
    "numeric dates": (lambda n: "1/1/16 " * (n // 7), tag),
    "anaphors": (lambda n: "the next day " * (n // 13), tag),
    "impossible dates": (lambda n: "Feb 30, 2016 " * (n // 13), tag),
    "months": (lambda n: "in May " * (n // 7), tag),
    "fused link boxes": (lambda n: "Ab" * (n // 2) + " MORE", shapes.unfuse_link_box),
    "embed links": (lambda n: "pic.twitter.com " * (n // 16) + "/" + " " * n, shapes.cut_embed_links),
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_patterns_stay_linear_on_their_worst_input(name: str) -> None:
    """Work on 4× the input may take about 4× the time: a quadratic pattern would take 16×.

    Measured as a ratio on this machine, not against a wall-clock constant; each size is timed
    three times and the best kept, so a busy machine does not fail the test."""
    make, run = ADVERSARIAL[name]
    small, large = make(5_000), make(20_000)
    run(small)  # warm caches and imports
    ratio = min(cpu(lambda: run(large)) for _ in range(3)) / max(min(cpu(lambda: run(small)) for _ in range(3)), 1e-3)
    assert ratio < 9, f"{name}: 4x the input took {ratio:.1f}x the time"


# --- 4. inputs are never overwritten; output is checked first and written whole ----------------

def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_output_onto_an_input_is_refused(story_file) -> None:
    folder = story_file({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("Rescue", "Fire")})
    (folder / "link.txt").symlink_to(folder / "a.txt")
    before = digest(folder)
    for target in (folder / "a.txt", folder / "link.txt"):
        result = run_cli("timeline", folder, "-o", target)
        assert result.exit_code == 1 and "one of the input articles" in result.stderr
    assert digest(folder) == before


@pytest.mark.parametrize("target, reason", [("missing/out.md", "no such folder"), (".", "it is a folder")])
def test_unwritable_output_fails_before_the_work(story_file, target: str, reason: str, monkeypatch) -> None:
    folder = story_file({"a.txt": ARTICLE})
    monkeypatch.chdir(folder)
    monkeypatch.setattr("storyline.timeline.analysis.analyse", lambda *a, **k: pytest.fail("analysed first"))
    result = run_cli("timeline", folder, "-o", target)
    assert result.exit_code == 1 and reason in result.stderr and "Traceback" not in result.stderr


def test_output_is_written_atomically_and_format_follows_the_extension(story_file, tmp_path_factory) -> None:
    folder = story_file({"a.txt": ARTICLE})
    target = tmp_path_factory.mktemp("elsewhere") / "out" / "tl.json"
    target.parent.mkdir()
    target.write_text("old")
    result = run_cli("timeline", folder, "-o", target)
    assert result.exit_code == 0
    assert json.loads(target.read_text())["events"]  # JSON, as .json says
    assert [p.name for p in target.parent.iterdir()] == ["tl.json"]  # no temporary file left behind
    mismatch = run_cli("timeline", folder, "-o", target, "--format", "md")
    assert mismatch.exit_code == 1 and "--format is md" in mismatch.stderr


# --- 5. markup in names never crashes the app (see also test_app.py) --------------------------

@pytest.mark.parametrize("name", ["A[/]B.txt", "[link=https:/x] n.txt", "news [video].txt",
                                  "[@click=app.quit] z.txt"])
async def test_app_shows_markup_in_names_literally(tmp_path, name: str) -> None:
    from storyline.tui.app import StorylineApp

    (tmp_path / "A[").mkdir()
    (tmp_path / "A[" / name.replace("/", "_")).write_text(ARTICLE)
    (tmp_path / "ok.txt").write_bytes(b"\x00\x01" * 40)  # a warning that names a file
    app = StorylineApp([str(tmp_path)])
    async with app.run_test(size=(140, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.analysis is not None
        for command in ("/sources", "/open 1", "/export md A[/]B.md"):
            if command == "/open 1":
                await pilot.press("escape")
            app.query_one("#prompt").focus()
            app.query_one("#prompt").value = command
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("ctrl+p", *"open")
        await pilot.pause(0.3)
        await pilot.press("escape")
        assert app.is_running


# --- 6. hangs and unbounded reads -------------------------------------------------------------

def test_fifo_and_device_links_are_skipped_not_read(story_file) -> None:
    folder = story_file({"a.txt": ARTICLE})
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    result = run_cli("sources", folder, "--format", "json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 1
    assert result.stderr.count("not a regular file") == 2
    assert run_cli("dates", folder / "pipe.txt").exit_code == 1


def test_standard_input_is_read_no_further_than_the_limit(monkeypatch) -> None:
    monkeypatch.setattr("storyline.summarize.read.ingest.MAX_BYTES", 1000)
    result = run_cli("sources", "-", input=b"x" * 50_000)
    assert result.exit_code == 1 and "too large" in result.stderr
    assert run_cli("dates", "-", input=b"2015 " * 1000).exit_code == 1


# --- 7. no silent mojibake ----------------------------------------------------------------------

def test_stray_bytes_in_utf8_are_replaced_with_a_warning() -> None:
    text = "Syria\u2019s army said on Monday it had \u201cretaken\u201d the town. ".encode() * 5
    warnings: list = []
    decoded = decode("x.txt", text[:40] + b"\xff\xfe\xfd\xc3\x28\xa0\xa1" + text[40:], warnings)
    assert decoded.startswith("Syria\u2019s army") and "\u201cretaken\u201d" in decoded
    assert len(warnings) == 1 and "not UTF-8 were replaced" in str(warnings[0])


def test_latin_text_is_never_read_as_a_cyrillic_or_baltic_page() -> None:
    text = "Caf\u00e9 owners near the Rh\u00f4ne said the \u201cbest\u201d days were back.".encode("cp1252")
    assert decode("x.txt", text) == "Caf\u00e9 owners near the Rh\u00f4ne said the \u201cbest\u201d days were back."


# --- 8. paragraphs that differ in a number are not repeats -------------------------------------

def test_dated_paragraphs_are_not_repeats(story_file) -> None:
    lines = [f"On March {d}, 12 civilians were killed in shelling of Aleppo, the monitor said." for d in (27, 28, 30)]
    folder = story_file({"a.txt": "Aleppo toll\n\nPublished: April 1, 2016\n\n" + "\n\n".join(lines) + "\n"})
    assert run_cli("sentences", folder).stdout.splitlines() == lines


# --- 9. smaller ones ----------------------------------------------------------------------------

def test_the_same_file_by_two_names_is_one_source(story_file) -> None:
    folder = story_file({"a.txt": ARTICLE})
    (folder / "b.txt").symlink_to(folder / "a.txt")
    assert len(json.loads(run_cli("sources", folder, "--format", "json").stdout)) == 1


def test_markdown_output_keeps_article_markup_as_text(story_file) -> None:
    sneaky = ("Officials said on Monday that ![x](http://t.example/p.gif) and [click](javascript:alert(1)) "
              "and <img src=x onerror=alert(1)> and <script>alert(1)</script> were found.")
    folder = story_file({"a.txt": f"Report\n\nPublished: March 3, 2021\n\n{sneaky}\n"})
    for args in (["timeline", folder], ["summarize", folder, "--format", "md"]):
        out = run_cli(*args).stdout
        body = re.sub(r"\[\d+\]", "", out.split("## Sources")[0].split("\n", 1)[1])  # citation marks aside
        assert not re.search(r"(?<!\\)[<>\[\]]", body)  # every bracket of the article's is escaped
        assert "\\<script\\>alert(1)\\</script\\>" in out and "!\\[x\\](http" in out


def test_app_refuses_to_run_without_a_terminal() -> None:
    result = run_cli("tui", SEEDS)
    assert result.exit_code == 1 and "needs a terminal" in result.stderr


def _blocked_reading_stdin(pid: int) -> bool:
    """The process sits in read(0, …): it is past Python's start-up and running our code."""
    try:
        fields = Path(f"/proc/{pid}/syscall").read_text().split()
    except OSError:
        return False
    return fields[:2] == ["0", "0x0"]


@pytest.mark.skipif(not Path("/proc/self/syscall").exists(), reason="needs Linux's /proc/PID/syscall")
@pytest.mark.parametrize("moment", ["reading", "analysing"])
def test_ctrl_c_at_any_moment_is_one_line(moment: str) -> None:
    """While reading its input or while working on it: a Ctrl+C prints one line, never a traceback.

    The signal is sent once the process is provably in our code (blocked reading standard input),
    not after a guessed delay: within Python's own start-up what it prints is not ours to shape."""
    import shutil
    import signal
    import subprocess

    command = shutil.which("storyline")
    assert command, "the storyline command is installed"
    process = subprocess.Popen([command, "timeline", "-"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    assert process.stdin is not None
    while not _blocked_reading_stdin(process.pid):
        assert process.poll() is None, "the command ended before reading its input"
        time.sleep(0.005)  # polling a state, not waiting a guessed time
    if moment == "analysing":
        process.stdin.write((SEEDS / sorted(p.name for p in SEEDS.iterdir())[0]).read_bytes() * 40)
        process.stdin.close()
    process.send_signal(signal.SIGINT)
    assert process.stderr is not None
    err = process.stderr.read()
    process.wait(timeout=120)
    lines = err.decode().strip().splitlines()
    assert "Traceback" not in err.decode() and len(lines) <= 1
    assert process.returncode != 0 or not lines
    assert process.returncode in (0, 130, -signal.SIGINT) and (not lines or lines[0] == "storyline: interrupted")
