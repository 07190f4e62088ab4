"""The Entities collection (timeline summarisation, Guardian articles about 26 people and firms) as JSONL.

`python bench/entities.py GIT_DIR_OR_FOLDER OUT_DIR` reads `Dataset/Entities/<topic>/outputwithpub.csv`
(rows: publication date, PTB-tokenised article text) and `outputTimelines.csv` (the gold timeline)
of each topic, from a checkout or from a bare git directory of
github:DaivikSojitra/Timeline-Summarization-in-the-Era-of-LLMs, and writes to OUT_DIR:
- `<topic>.jsonl`: one `{"id", "story", "title", "published", "text"}` per article, the text
  detokenised (see `detokenise`), the title its first sentence (the collection has none);
- `all.jsonl`: every topic's articles shuffled into one feed (a fixed seed), the topic in `story`;
- `timelines.json`: `{topic: {"dates": [...], "text": ...}}`, the gold timelines as given.
Only `Dataset/Entities/` is read: the collection's T17 and Crisis sets are held out.
Topics whose article file is missing (large files absent from a snapshot) are skipped and named.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = "Dataset/Entities"
SEED = 24
_ATTACH_LEFT = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "'", "'s", "'S", "n't", "'re", "'ve",
                "'ll", "'d", "'m"}
_ATTACH_RIGHT = {"(", "[", "{", "$", "#", "£", "€"}
# A spaced hyphen between two words is a compound ("risk - free") unless the word after it opens a
# clause, as a dash's does ("the equation - even when ...").
_DASH_OPENERS = {"a", "an", "the", "and", "or", "but", "nor", "not", "even", "all", "including", "which", "who",
                 "whom", "whose", "what", "when", "where", "while", "if", "as", "with", "without", "at", "in", "on",
                 "of", "for", "to", "by", "from", "that", "this", "these", "those", "it", "he", "she", "they", "we",
                 "i", "you", "his", "her", "their", "its", "our", "my", "is", "was", "are", "were", "has", "have",
                 "had", "so", "yet", "though", "although", "because", "perhaps", "indeed", "just", "only", "then",
                 "there", "now", "some", "many", "most", "more", "no", "one", "both", "either", "neither", "after",
                 "before", "until", "despite", "like", "unlike", "especially", "mostly", "usually", "almost",
                 "about", "how", "why", "whether", "possibly", "probably", "or", "nearly", "also", "let", "be"}
_WORD = re.compile(r"\w")
# About 30% of the articles hold UTF-8 that was read as Windows-1252 before tokenising ("Brazilâ€™s",
# "BeyoncÃ©"), and the tokeniser split the mojibake ("Brazilâ€ ™ s", "BeyoncÃ ©", "â€\n™ t"): the
# pieces are rejoined (across lines too), so the text holds the mojibake a scraped page would
# ("Brazilâ€™s"), which Storyline's cleaning repairs. A continuation byte read as cp1252 (€ ™ “ © …):
_CONTINUATION = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0))
# ... after a lead byte and its first continuation (â€, â‚: three-byte UTF-8) or a two-byte lead
# (Â Ã Ä Å: Latin-1 and Latin Extended-A letters); U+FFFD after "â€" is the byte cp1252 cannot
# show, in news text the closing quote's (” is E2 80 9D).
_SPLIT_MOJIBAKE = re.compile(f"(â[{_CONTINUATION}]|[ÂÃÄÅ])\\s*([{_CONTINUATION}\ufffd])")
_SPLIT_CLITIC = re.compile(r"(â€™)\s+(s|t|m|d|re|ve|ll)\b", re.I)  # "Bowieâ€™ s": the tokeniser's "Bowie 's"
# A lone "Ã" or "Â" is the lead of à or of a no-break space whose A0 byte the tokeniser took for a space.
_LOST_A0 = re.compile(f"([ÂÃ])(?![{_CONTINUATION}\ufffd])")
_CLOSING_MOJIBAKE = {"â€\x9d", "â€™"}  # ” and ’ rejoined: they attach to the word before, as '"' and "'" do


def _rejoined(match: re.Match[str]) -> str:
    lead, tail = match.groups()
    return lead + ("\x9d" if tail == "\ufffd" and lead == "â€" else tail)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'A-Z0-9])")


def detokenise(line: str) -> str:
    """One PTB-tokenised line as written text: punctuation and clitics rejoined, quotes paired
    (opening, closing, in turn), spaced hyphens of compounds closed ("five - day" -> "five-day")."""
    tokens = line.split()
    out: list[str] = []
    glue = False  # the next token attaches to the last one
    open_quote = False
    for k, token in enumerate(tokens):
        joined = glue
        glue = False
        if token == '"':
            open_quote = not open_quote
            if open_quote:
                glue = True
            else:
                joined = True
        elif token in _ATTACH_LEFT or token.lower() in _ATTACH_LEFT or token in _CLOSING_MOJIBAKE:
            joined = True
        elif token in _ATTACH_RIGHT:
            glue = True
        elif token == "-" and out and k + 1 < len(tokens) and _WORD.match(out[-1][-1:] or " ") \
                and _WORD.match(tokens[k + 1][:1]) and tokens[k + 1].lower() not in _DASH_OPENERS:
            joined, glue = True, True
        if joined and out:
            out[-1] += token
        else:
            out.append(token)
    return " ".join(out)


def article_text(raw: str) -> str:
    """The written text of one article's tokenised lines, its split mojibake rejoined (not repaired)."""
    raw = _SPLIT_CLITIC.sub(r"\1\2", _SPLIT_MOJIBAKE.sub(_rejoined, raw))
    text = "\n".join(d for d in (detokenise(line) for line in raw.splitlines()) if d)
    return _LOST_A0.sub("\\1\xa0", text)


def first_sentence(text: str) -> str:
    head = text.split("\n", 1)[0]
    return _SENTENCE_END.split(head, 1)[0][:300]


class _Source:
    """A checkout folder or a bare git directory, read the same way."""

    def __init__(self, where: Path) -> None:
        self.where = where
        self.git = not (where / ROOT).is_dir()

    def topics(self) -> list[str]:
        if not self.git:
            return sorted(p.name for p in (self.where / ROOT).iterdir() if p.is_dir() and p.name != "KG")
        names = self._git("ls-tree", "--name-only", f"HEAD:{ROOT}").split()
        return sorted(n for n in names if n != "KG")

    def read(self, topic: str, name: str) -> str | None:
        if not self.git:
            path = self.where / ROOT / topic / name
            return path.read_text(encoding="utf-8") if path.is_file() else None
        try:
            return self._git("cat-file", "-p", f"HEAD:{ROOT}/{topic}/{name}")
        except subprocess.CalledProcessError:
            return None

    def _git(self, *args: str) -> str:
        return subprocess.run(["git", "--git-dir", str(self.where), *args], check=True,
                              capture_output=True).stdout.decode("utf-8")


def convert(where: Path, out: Path) -> dict[str, int]:
    csv.field_size_limit(1 << 30)
    source = _Source(where)
    out.mkdir(parents=True, exist_ok=True)
    feed: list[dict[str, str]] = []
    timelines: dict[str, dict[str, object]] = {}
    counts: dict[str, int] = {}
    for topic in source.topics():
        raw = source.read(topic, "outputwithpub.csv")
        if raw is None:
            print(f"skipped {topic}: no outputwithpub.csv in this copy", file=sys.stderr)
            continue
        rows = []
        for k, (published, body) in enumerate(csv.reader(io.StringIO(raw)), 1):
            text = article_text(body)
            if text:
                rows.append({"id": f"{topic}-{k}", "story": topic, "title": first_sentence(text),
                             "published": published.strip(), "text": text})
        _write_jsonl(out / f"{topic}.jsonl", rows)
        feed.extend(rows)
        counts[topic] = len(rows)
        gold = source.read(topic, "outputTimelines.csv")
        if gold:
            for when, what in list(csv.reader(io.StringIO(gold)))[1:]:
                timelines[topic] = {"dates": [d[:10] for d in ast.literal_eval(when)], "text": what.strip()}
    random.Random(SEED).shuffle(feed)
    _write_jsonl(out / "all.jsonl", feed)
    (out / "timelines.json").write_text(json.dumps(timelines, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return counts


def _write_jsonl(path: Path, rows: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: python bench/entities.py GIT_DIR_OR_FOLDER OUT_DIR  "
                 "(github:DaivikSojitra/Timeline-Summarization-in-the-Era-of-LLMs)")
    counts = convert(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{sum(counts.values())} articles of {len(counts)} topics -> {sys.argv[2]}")
    for topic, n in counts.items():
        print(f"  {topic}: {n}")


if __name__ == "__main__":
    main()
