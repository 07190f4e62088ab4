"""Faulty conditions on the command line (issue 26): what `-o` may replace, outputs that would
poison the next run, characters UTF-8 cannot carry, messages that were silent or wrong."""

from __future__ import annotations

import json
import os
import socket
import stat
from pathlib import Path

import pytest

from tests.conftest import run_cli

ARTICLE = ("Storm hits coast\n\nPublished: March 3, 2021\n\n"
           "Rescue teams reached the flooded valley on Monday, officials said. "
           "The army was deployed to help residents leave their homes.\n")


# --- -o never replaces what is not a regular file ----------------------------------------------

def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(story_file, tmp_path_factory) -> None:
    folder = story_file({"a.txt": ARTICLE})
    elsewhere = tmp_path_factory.mktemp("real")
    (elsewhere / "tl.md").write_text("old")
    link = tmp_path_factory.mktemp("links") / "tl.md"
    link.symlink_to(elsewhere / "tl.md")
    result = run_cli("timeline", folder, "-o", link)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(elsewhere / "tl.md")
    assert (elsewhere / "tl.md").read_text().startswith("# ")
    assert sorted(p.name for p in elsewhere.iterdir()) == ["tl.md"]  # the temporary file was beside the target


def test_output_through_a_dangling_symlink_creates_its_target(story_file, tmp_path_factory) -> None:
    folder = story_file({"a.txt": ARTICLE})
    elsewhere = tmp_path_factory.mktemp("real")
    link = tmp_path_factory.mktemp("links") / "tl.json"
    link.symlink_to(elsewhere / "new.json")
    assert run_cli("timeline", folder, "-o", link).exit_code == 0
    assert link.is_symlink() and json.loads((elsewhere / "new.json").read_text())["events"]


def test_output_to_a_fifo_is_written_into_it_not_replaced(story_file, tmp_path_factory) -> None:
    folder = story_file({"a.txt": ARTICLE})
    fifo = tmp_path_factory.mktemp("pipes") / "tl.md"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader waiting, so the writer never blocks
    try:
        result = run_cli("timeline", folder, "-o", fifo)
        assert result.exit_code == 0, result.stderr
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
        assert os.read(reader, 1 << 16).decode().startswith("# ")
    finally:
        os.close(reader)


def _device_node(folder: Path) -> Path:
    """A null character device of our own when we may make one (root), else a link to /dev/null."""
    node = folder / "null.md"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        node.symlink_to("/dev/null")
    return node


def test_output_to_a_character_device_is_written_not_replaced(story_file, tmp_path_factory) -> None:
    folder = story_file({"a.txt": ARTICLE})
    node = _device_node(tmp_path_factory.mktemp("dev"))
    linked = node.is_symlink()
    result = run_cli("timeline", folder, "-o", node)
    assert result.exit_code == 0, result.stderr
    assert node.is_symlink() == linked and stat.S_ISCHR(os.stat(node).st_mode)
    assert [p.name for p in node.parent.iterdir()] == ["null.md"]


def test_output_onto_a_socket_is_refused_before_the_work(story_file, tmp_path_factory) -> None:
    folder = story_file({"a.txt": ARTICLE})
    path = tmp_path_factory.mktemp("sock") / "s.md"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        result = run_cli("timeline", folder, "-o", path)
        assert result.exit_code == 1 and "not a regular file" in result.stderr
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
    finally:
        server.close()


# --- -o into an input folder: the next run would read it as an article --------------------------

@pytest.mark.parametrize("name", ["timeline.md", "sub/timeline.json", "t.txt"])
def test_output_inside_an_input_folder_is_refused(story_file, name: str) -> None:
    folder = story_file({"a.txt": ARTICLE, "sub/b.txt": ARTICLE.replace("Rescue", "Fire")})
    result = run_cli("timeline", folder, "-o", folder / name)
    assert result.exit_code == 1 and "inside the input folder" in result.stderr
    assert not (folder / name).exists()
    assert run_cli("timeline", folder).exit_code == 0


def test_output_in_a_hidden_part_of_an_input_folder_is_allowed(story_file) -> None:
    """The walk skips hidden files and folders, so an output there is never read back."""
    folder = story_file({"a.txt": ARTICLE})
    (folder / ".out").mkdir()
    assert run_cli("timeline", folder, "-o", folder / ".out" / "tl.md").exit_code == 0
    assert run_cli("timeline", folder, "-o", folder / ".tl.md").exit_code == 0
    again = run_cli("sources", folder, "--format", "json")
    assert len(json.loads(again.stdout)) == 1


# --- characters UTF-8 cannot carry -------------------------------------------------------------

def test_a_lone_surrogate_in_json_is_written_to_a_file(story_file, tmp_path_factory) -> None:
    record = ('{"text": "Rescue teams reached the valley \\ud800 on Monday, officials said.", '
              '"title": "Storm \\udfff", "published": "2021-03-03"}')
    folder = story_file({"feed.jsonl": record + "\n"})
    target = tmp_path_factory.mktemp("out") / "tl.json"
    result = run_cli("timeline", folder, "-o", target)
    assert result.exit_code == 0, result.stderr
    written = json.loads(target.read_text(encoding="utf-8"))
    assert "\ufffd" in json.dumps(written, ensure_ascii=False)


def test_a_file_name_that_is_not_utf8_is_written_escaped(tmp_path, tmp_path_factory) -> None:
    name = os.fsdecode(b"caf\xe9.txt")  # surrogate-escaped, as Python reads a Latin-1 name
    (tmp_path / name).write_text(ARTICLE)
    target = tmp_path_factory.mktemp("out") / "tl.json"
    result = run_cli("timeline", tmp_path, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["sources"][0]["path"].endswith("caf\\udce9.txt")


# --- articles in other scripts pass cleaning, sentences and dates ------------------------------

OTHER_SCRIPTS = {
    "russian": ("Армия вернула Пальмиру", "Сирийские войска освободили город Пальмиру 2016-03-27, сообщили военные. "
                "Жители начали возвращаться в свои дома, сказал губернатор."),
    "greek": ("Ο στρατός ανακατέλαβε την Παλμύρα", "Ο συριακός στρατός μπήκε στην Παλμύρα στις 2016-03-27, είπαν "
              "αξιωματούχοι. Οι κάτοικοι άρχισαν να επιστρέφουν στα σπίτια τους."),
    "arabic": ("الجيش يستعيد تدمر", "دخل الجيش السوري مدينة تدمر في 2016-03-27 بعد أسابيع من القتال، وفق مسؤولين. "
               "وبدأ السكان العودة إلى منازلهم."),
    "chinese": ("叙利亚军队收复巴尔米拉", "叙利亚政府军于2016-03-27收复巴尔米拉古城，军方表示。居民开始返回家园。"),
}


@pytest.mark.parametrize("language", sorted(OTHER_SCRIPTS))
def test_articles_in_other_scripts_are_read_split_and_dated(story_file, language: str) -> None:
    title, text = OTHER_SCRIPTS[language]
    folder = story_file({"a.jsonl": json.dumps({"title": title, "text": text, "published": "2016-03-28"},
                                               ensure_ascii=False) + "\n",
                         "b.txt": f"{title}\n\n{text}\n"})
    result = run_cli("sentences", folder, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [1, 1, 2, 2]
    timeline = run_cli("timeline", folder, "--format", "json")
    assert timeline.exit_code == 0, timeline.stderr
    dates = {e["date"] for e in json.loads(timeline.stdout)["events"]}
    # The tagger's rules are English: a date written among Han characters is not found, and the
    # record's publication day stands in (README, "Other languages").
    assert dates == {"2016-03-28"} if language == "chinese" else "2016-03-27" in dates
    assert run_cli("summarize", folder, "-n", "2").exit_code == 0


# --- dedup: look-alikes that differ in a number are not n² checks --------------------------------

def test_sentences_differing_in_a_number_cost_a_bounded_number_of_checks(monkeypatch) -> None:
    from storyline.summarize.claims import dedup

    checks = []
    real = dedup.conflict
    monkeypatch.setattr(dedup, "conflict", lambda a, b: checks.append(1) or real(a, b))
    texts = [f"Officials said {n} people were killed in the city." for n in range(1200)]
    matches = dedup.match(texts, exhaustive=False)  # blocked, as inputs of over 1,500 sentences are
    assert len(checks) <= 40 * len(texts)  # was every pair: 1200² / 2
    assert len(matches.groups) == len(texts)  # no two are one claim


# --- the timeline is linear in one article's dated sentences -----------------------------------

def test_expressions_of_each_sentence_are_found_without_walking_the_article() -> None:
    from collections.abc import Sequence
    from types import SimpleNamespace

    from storyline.summarize.model import Sentence
    from storyline.timeline.events.build import expressions_in

    class Counted(Sequence):  # counts the expressions each look-up touches
        def __init__(self, items: list) -> None:
            self.items, self.touched = items, 0

        def __len__(self) -> int:
            return len(self.items)

        def __getitem__(self, index):
            got = self.items[index]
            self.touched += len(got) if isinstance(index, slice) else 1
            return got

    n = 3000
    found = Counted([SimpleNamespace(start=60 * k + 20) for k in range(n)])
    sentences = [Sentence(1, k, "x" * 50, 60 * k, 60 * k + 50) for k in range(n)]
    assert all(len(list(expressions_in(s, found))) == 1 for s in sentences)  # type: ignore[arg-type]
    assert found.touched <= 30 * n  # was every expression before the sentence's: n² / 2


# --- one character reference to a control character never drops a page -------------------------

def _page(reference: str) -> str:
    paras = "".join(f"<p>Rescue teams reached the flooded valley on Monday, day {k}, officials said, and the army "
                    f"helped residents leave{reference if k == 3 else ''} their homes.</p>\n" for k in range(8))
    return (f"<!DOCTYPE html><html><head><title>Storm hits coast</title></head><body><article>"
            f"<h1>Storm hits coast</h1>{paras}</article></body></html>")


@pytest.mark.parametrize("reference", ["&#x1b;", "&#7;", "&#x1;", "&#X1B", "&#0000027;", "&#x9f;"])
def test_a_control_character_reference_keeps_the_page(story_file, reference: str) -> None:
    folder = story_file({"page.html": _page(reference)})
    result = run_cli("sentences", folder)
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 8 and "\x1b" not in result.stdout


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=25, deadline=None)
@given(code=st.one_of(st.integers(0, 31), st.integers(127, 159)), hexadecimal=st.booleans())
def test_any_control_reference_keeps_the_page(code: int, hexadecimal: bool) -> None:
    from storyline.summarize.read.ingest import read_inputs

    reference = f"&#x{code:x};" if hexadecimal else f"&#{code};"
    reading = read_inputs(["-"], stdin=_page(reference).encode())
    assert len(reading.documents) == 1 and not reading.problems
    assert "day 7" in reading.documents[0].text


# --- silent or wrong messages ------------------------------------------------------------------

def test_files_deeper_than_the_system_allows_are_warned_about(story_file) -> None:
    folder = story_file({"a.txt": ARTICLE})
    fd = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(24):  # 24 x 200 characters: past PATH_MAX (4096), made one level at a time
            os.mkdir("d" * 200, dir_fd=fd)
            deeper = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
        out = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
        os.write(out, ARTICLE.encode())
        os.close(out)
    finally:
        os.close(fd)
    result = run_cli("sources", folder, "--format", "json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 1
    assert "folder cannot be read (File name too long)" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_folder_that_cannot_be_listed_says_so(story_file, monkeypatch) -> None:
    """(As root every folder can be read, so the refusal is the system's, simulated.)"""
    folder = story_file({"a.txt": ARTICLE})
    real_scandir = os.scandir

    def refuse(path: object = ".") -> object:
        if str(path) == str(folder):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refuse)
    result = run_cli("sources", folder)
    assert result.exit_code == 1 and "folder cannot be read (Permission denied)" in result.stderr
    assert "has no .txt" not in result.stderr


def test_dates_on_json_lines_warns_about_what_it_leaves_out(story_file) -> None:
    folder = story_file({"d.jsonl": '{"text": "Troops entered the city on Monday."}\n{broken\n{"title": "x"}\n',
                         "none.jsonl": '{broken\n{"title": "x"}\n'})
    result = run_cli("dates", folder / "d.jsonl")
    assert result.exit_code == 0 and len(json.loads(result.stdout)["documents"]) == 1
    assert "d.jsonl:2: malformed JSON" in result.stderr and 'd.jsonl:3: no "text" field' in result.stderr
    nothing = run_cli("dates", folder / "none.jsonl")
    assert nothing.exit_code == 1 and nothing.stderr.strip().endswith("no record with text to tag")


def test_closed_standard_input_reads_as_empty(monkeypatch) -> None:
    import sys

    monkeypatch.setattr(sys, "stdin", None)
    from storyline.tui.cli import read_stdin

    assert read_stdin() == b""
    import subprocess

    closed = subprocess.run([sys.executable, "-m", "storyline", "sources", "-"], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent,
                            preexec_fn=lambda: os.close(0))
    assert closed.returncode == 1 and closed.stderr.strip() == "storyline: no usable article (<stdin>: empty)"


# --- tag soup: trafilatura's passes cost per element, so soup reaches it stripped or not at all -----

SOUP = {"empty paragraphs": "<p>", "nested inline tags": "<p><b>", "comments between paragraphs": "<p>a<!-- b -->",
        "dated paragraphs and comments": "<p>Troops entered the city on May 3. <!-- reader comment --><p>"}


@pytest.mark.parametrize("unit", list(SOUP.values()), ids=list(SOUP))
def test_tag_soup_reaches_the_extractor_with_no_more_elements_than_a_real_page(tmp_path, monkeypatch, unit) -> None:
    import lxml.html
    import trafilatura

    from storyline.summarize.read.soup import MAX_ELEMENTS

    seen: list[int] = []
    real = trafilatura.bare_extraction

    def counted(page, **options):
        tree = lxml.html.document_fromstring(page) if isinstance(page, str) else page
        seen.append(sum(1 for _ in tree.iter()))
        return real(page, **options)

    monkeypatch.setattr(trafilatura, "bare_extraction", counted)
    soup = tmp_path / "soup.html"
    soup.write_text(("<html><body>" + unit * (100_000 // len(unit)))[:100_000], encoding="utf-8")
    result = run_cli("timeline", soup)
    assert result.exit_code in (0, 1) and "Traceback" not in result.stderr and len(result.stderr.splitlines()) <= 2
    assert all(n <= MAX_ELEMENTS for n in seen), seen
    page = tmp_path / "page.html"  # an ordinary page still goes to trafilatura whole, as it is
    page.write_text("<html><head><title>Troops enter the city</title></head><body><article>"
                    + "<p>Troops entered the city on May 3, 2016, officials said on Tuesday evening.</p>" * 20
                    + "</article></body></html>", encoding="utf-8")
    seen.clear()
    assert run_cli("sentences", page).exit_code == 0 and len(seen) == 1 and seen[0] > 20
