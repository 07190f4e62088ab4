"""Turn a scraped page's text into the article's own paragraphs.

Everything here is a general rule about how web pages and print copy look (site furniture,
captions, dumps, print hyphenation), never a list of one site's strings. Lines are
classified once (`furniture_reason`), so tests and the `sources` command can say *why*
a line was dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from storyline.summarize.dates import YEAR, find_absolute_date
from storyline.summarize.clean.mojibake import repair
from storyline.summarize.clean.shapes import CONTACT_WORDS, Gated, cut_embed_links, folded, shape_reason, unfuse_link_box
from storyline.summarize.model import day_of
from storyline.summarize.text.sentences import ascii_fold
from storyline.summarize.untrusted import clean_text

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_QUOTES = {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
           "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "\u2033": '"'}

END_PUNCT = ".!?…\"')]。！？」』”"
_BULLET = re.compile(r"^[\s•·▪►▶■□●○◦*>|#-]+(?=\S)")
_MARKED_HEADING = re.compile(r"^#{1,6} ")
_IMAGE_WIDTH = re.compile(r"^\d{2,4}px\s+")  # a wiki thumbnail's width left by the scrape: "150px Airbus, …"
# Every pattern here is linear: no nested or adjacent quantifiers that can split one run of
# characters two ways (tests/test_hostile.py feeds each its worst case).
_DUMP = re.compile(r"^(?:string|array|object|int|float|bool)\(\d+\)|^\[?\{\s*\"")
_DUMP_FIELD = re.compile(r"\"\s*[:,]")  # '"key": "value", ' four times or more: serialised data
_WIRE_CODE = re.compile(r"^[A-Z]{1,5}(?:/[A-Z]{1,5})+(?:\s+\d{1,4})?$")
_CAPTCHA = re.compile(r"^(?:[a-z]+|\d+)\s*[-+x×*]\s*(?:[a-z]+|\d+)\s*=\s*\??\s*$", re.I)
CAPTCHA_CHARS = 40  # "five + 3 = ?" is short; longer lines are not tried (the pattern is quadratic on "xxxx…")
LABEL = re.compile(  # "Published:", "Reporting by:": a label line
    r"^[\[(]?(?:location|sources?|reporting|reported|writing|written|editing|edited|additional reporting|tags?|"
    r"topics?|filed under|short ?link|categor(?:y|ies)|related(?: \w+)?|read more(?: on)?|see also|credits?|"
    r"photo(?:graph)?s?|images?|video|published|updated|last updated?|last update|posted|first published|"
    r"follow us|share(?: this)?|comments?|keywords|(?:see |read )?more|don't miss|must (?:read|see|watch)|watch|listen)"
    r"(?: by| on| at| from)?\s*:", re.I)
_PROMPT = Gated(re.compile(
    r"\b(?:sign[ -]?(?:in|up)|log[ -]?(?:in|out)|subscribe|newsletter|username|password|your profile|"
    r"create (?:a |your )?profile|comments? policy|leave a (?:comment|reply)|post a comment|click here|"
    r"follow us|share (?:this|it|on)|tell us what you think|if you (?:enjoyed|liked) this|cookies?|privacy policy|terms of (?:use|service)|all rights reserved|"
    r"copyright|advertisement|homepage|personali[sz]e|editorial discretion|send us your|e-?mail address|"
    r"download (?:our|the) app|^most (?:read|popular)|join the [\w ]{0,30}(?:community|conversation)|"
    r"contributions of|captcha|skip to (?:main )?content|back to top|you may also like)\b", re.I),
    ("sign", "log", "subscribe", "newsletter", "username", "password", "profile", "policy", "leave a ", "post a comment",
     "click here", "follow us", "share ", "tell us", "if you ", "cookie", "terms of ", "rights reserved", "copyright",
     "advertisement", "homepage", "personali", "editorial discretion", "send us your", "mail address", "download ",
     "most ", "join the ", "contributions of", "captcha", "skip to ", "back to top", "you may also like"))
_REPORTING = Gated(re.compile(r"\b(?:said|says|told|according to|reported|announced|states|stated|wrote)\b", re.I),
                   ("said", "says", "told", "according to", "reported", "announced", "state", "wrote"))
PROMPT_WORDS = 40
_CAPTION_START = re.compile(r"^(?:(?:this|the|a|an|in this) )?(?:file |handout )?(?:photo|picture|image|"
                            r"screenshot|screen grab|video grab)\b", re.I)
_CAPTION_END = re.compile(
    r"(?:\b(?i:file (?:photo|picture|image))|\((?:photo|picture|image)[^)]*\)|photo(?:graph)?:\s*[\w ,./]+|"
    r"\s-\s?[A-Z]{2,8}|\([A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3}\s?[,/]\s*(?:[A-Z]{2,8}|Reuters|Getty Images|Bloomberg)\))"
    r"\s*\.?$")
CAPTION_END_CHARS = 120  # a credit at the end of a caption is short: only the line's tail is searched
_NAV_SPLIT = re.compile(r"\s+[|·•»›/]\s+|\s+[–—-]\s+|\s*[|·•»›]\s*")
_END_MARKER = re.compile(
    r"^(?:read more(?: on)?\b|join the conversation|leave a (?:comment|reply)|related (?:articles|stories|posts|"
    r"coverage|content|news)|more on this (?:story|topic)|share this (?:article|story)|reporting by\b|"
    r"(?:\d+ )?comments?$|most (?:read|popular)|you may also like|recommended for you)", re.I)
# A recommendation box's heading left behind when an extractor dropped the box's links: when the
# article's prose goes on right after it, the article has not ended.
_BOX_HEADING = re.compile(r"^(?:most (?:read|popular)|you may also like|recommended for you|related (?:articles|stories|"
                          r"posts|coverage|content|news))\b", re.I)
BOX_PROSE_WORDS = 12
_INLINE_LINK = re.compile(r"(?i:read more|related|see also)\s*:\s*\S+(?:\s+\S+){3,}")  # a named article
# A word in any script (Cyrillic, Greek, Arabic …); each Han or kana character counts as one,
# since Chinese and Japanese put no spaces between words.
_IDEOGRAPHS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
WORD = re.compile(f"[{_IDEOGRAPHS}]|[^\\W\\d_{_IDEOGRAPHS}](?:[^\\W\\d_{_IDEOGRAPHS}]|')*")
_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z']*")  # WORD on ASCII text
DATE_LINE_WORDS = 20
_YEAR_DIGITS = re.compile(rf"(?<!\d){YEAR}(?!\d)")
_KEY_TOKEN = re.compile(r"[^\W_]+")
_HYPHENATED = re.compile(r"\b([A-Za-z]+)-([a-z]+)\b")
_LINE_END_HYPHEN = re.compile(r"([a-z])-\n([a-z])")


def normalise(text: str) -> str:
    """Mojibake repaired; Unicode, spacing and quotes made uniform; terminal escapes removed; newlines kept."""
    text = unicodedata.normalize("NFC", repair(text.replace("\r\n", "\n").replace("\r", "\n")))
    text = clean_text(text)
    for quote, plain in _QUOTES.items():  # replace() runs in C; translate() looks up every character
        text = text.replace(quote, plain)
    text = text.replace("\u2026", "...")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def strip_markers(line: str) -> str:
    """A line without leading bullets, Markdown heading marks ("# Title", "• item") or image widths."""
    return _IMAGE_WIDTH.sub("", _BULLET.sub("", line)).strip()


def join_wrapped_lines(text: str) -> list[str]:
    """Lines of a normalised text, with hard-wrapped paragraphs joined back together.

    A line continues on the next when it ends without sentence punctuation and the next
    starts in lower case; a word broken at the line end ("str-\\nategic") is joined too.
    """
    text = _LINE_END_HYPHEN.sub(r"\1\2", text)
    lines: list[str] = []
    for line in text.split("\n"):
        if lines and line and lines[-1] and lines[-1][-1] not in END_PUNCT + ":" and line[0].islower():
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return [line for line in lines if line]


@lru_cache(maxsize=1 << 16)  # title, outlet, date and body detection all ask about the same lines
def furniture_reason(line: str) -> str | None:
    """Why `line` is site furniture rather than reporting, or None for a body line."""
    return _reason(line)


Reasons = Callable[[str], str | None]  # a line -> why it is furniture, or None


def line_reasons(known: dict[str, str | None] | None = None) -> LineReasons:
    """`furniture_reason` remembered without bound, for one story: its outlet, title and body passes
    and the sentence splitter each ask about every line, and a few thousand articles' lines outgrow
    the shared cache (which then misses every time, the lines coming round in the same order).
    `known` holds lines already classified (by a helper process: summarize/workers.py)."""
    return LineReasons({} if known is None else known)


class LineReasons:
    """A line -> why it is furniture (`_reason`), each distinct line classified once; `seen` holds
    every answer given, for a helper process to carry on from."""

    __slots__ = ("seen",)

    def __init__(self, seen: dict[str, str | None]) -> None:
        self.seen = seen

    def __call__(self, line: str) -> str | None:
        try:
            return self.seen[line]
        except KeyError:  # most lines are asked about again: the lookup first
            reason = self.seen[line] = _reason(line)
            return reason


_ASCII_LETTERS = bytes(c for c in range(128) if chr(c).isalpha())  # deleted in C, to count them


def _reason(line: str) -> str | None:
    bare = strip_markers(line)
    if bare.isascii():  # the same words and letters as below, faster
        words = _ASCII_WORD.findall(bare)
        letters = len(bare) - len(bare.encode().translate(None, _ASCII_LETTERS))
    else:
        words, letters = WORD.findall(bare), sum(map(str.isalpha, bare))
    if _DUMP.search(bare) or len(_DUMP_FIELD.findall(bare)) >= 4:
        return "data dump"
    if _WIRE_CODE.match(bare):
        return "wire code"
    if len(bare) <= CAPTCHA_CHARS and _CAPTCHA.match(bare):
        return "captcha"
    if is_date_line(bare):
        return "date line"
    if not bare or letters < 0.3 * len(bare) or (letters < 0.5 * len(bare) and bare[-1] not in END_PUNCT):
        return "not prose"
    if LABEL.match(bare):
        return "label"
    if _CAPTION_START.match(bare) or _CAPTION_END.search(bare[-CAPTION_END_CHARS:]):
        return "caption"
    lowered = folded(bare)
    # a reporting verb matters to a prompt or a contact line, which are short
    reporting = len(words) <= max(PROMPT_WORDS, CONTACT_WORDS) and bool(_REPORTING.search(bare, lowered))
    if len(words) <= PROMPT_WORDS and not reporting and _PROMPT.search(bare, lowered):
        return "site prompt"
    shape = shape_reason(bare, len(words), reporting, lowered)
    if shape:
        return shape
    if _is_nav(bare):
        return "navigation"
    if len(words) < 2 or (bare[-1] not in END_PUNCT and len(words) < 12) or _MARKED_HEADING.match(line):
        return "heading or link"  # a page's or Markdown's own heading is never a sentence, however long
    return None


@lru_cache(maxsize=1 << 16)
def is_date_line(line: str) -> bool:
    """A line that is mostly one date ("Tue Mar 29, 2016 19:48:38", "Published : Mar 30, 2016 ...")."""
    if line.count(" ") > DATE_LINE_WORDS or not _YEAR_DIGITS.search(line):
        return False  # a date and six words more at most, and a year: most lines are not tried at all
    found = find_absolute_date(line)
    if not found:
        return False
    _, start, end = found
    rest = line[:start] + " " + line[end:]
    return len(WORD.findall(rest)) <= 6 and not rest.rstrip().endswith(".")


def _is_nav(line: str) -> bool:
    """Short segments separated by bars, dots or dashes: menus, breadcrumbs, tag lists."""
    if line[-1] in ".!?\"":
        return False
    parts = [p for p in _NAV_SPLIT.split(line.split(":", 1)[-1]) if p.strip()]
    if len(parts) < 2:
        return False
    sizes = [len(WORD.findall(p)) for p in parts]
    return max(sizes) <= 8 and sum(sizes) / len(sizes) <= 4


def is_end_marker(line: str) -> bool:
    """A line after which a page holds no more of the article (comments, related links, credits).

    "READ MORE: China plague outbreak confirmed: …" names one other article: a link set inside
    the story (tabloids put several in one), not its end; the line itself is dropped as a link."""
    bare = strip_markers(line)
    return bool(_END_MARKER.match(bare)) and not _INLINE_LINK.match(bare)


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Lower-cased words written unhyphenated anywhere in the story: evidence for hyphen repair."""
    words: set[str] = set()
    for text in texts:
        words.update(lower_words(text))
    return frozenset(words)


def lower_words(text: str) -> list[str]:
    """WORD's words of `text`, lower-cased: an ASCII text is lowered whole and read by the plain
    pattern (the same words: lowering changes no ASCII length), one call instead of one a word."""
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())
    return [w.lower() for w in WORD.findall(text)]


def repair_hyphenation(text: str, known: frozenset[str] = frozenset()) -> str:
    """Join print-hyphenated words ("str-ategic") and keep real compounds ("pro-government")."""
    def fix(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        return left + right if should_join(left, right, known) else match.group(0)

    return _HYPHENATED.sub(fix, text)


def should_join(left: str, right: str, known: frozenset[str] = frozenset()) -> bool:
    """Whether "left-right" is one word broken by print hyphenation.

    The story itself is the best evidence (the joined form written elsewhere); then a
    capitalised or all-caps prefix marks a name or a compound ("Al-", "UN-"); then word
    frequencies: the joined form must be a common word and one half must not be.
    """
    joined = (left + right).lower()
    if joined in known:
        return True
    if left[0].isupper():
        return False
    joined_z, left_z, right_z = zipf(joined), zipf(left.lower()), zipf(right)
    return joined_z >= 3.0 and min(left_z, right_z) < 3.0


def zipf(word: str) -> float:
    """Zipf frequency of an English word (0 when rarer than once per million words)."""
    return _common_words().get(word, 0.0)


@lru_cache(maxsize=1)
def _common_words() -> dict[str, float]:
    """wordfreq's "small" English list (about 29,000 words of Zipf >= 3), read directly.

    wordfreq documents the file: a gzipped msgpack list whose first item is a header and
    whose item i holds the words of frequency 10^(-i/100). Reading it takes ~25 ms where
    importing wordfreq itself takes ~200 ms, which a cold `storyline` run cannot spare.
    """
    import gzip
    import importlib.util
    from pathlib import Path

    import msgpack

    spec = importlib.util.find_spec("wordfreq")
    path = Path(spec.origin).parent / "data" / "small_en.msgpack.gz" if spec and spec.origin else None
    if path is None or not path.exists():  # a wordfreq with another layout: ask it, slower
        import math

        from wordfreq import get_frequency_dict

        return {w: 9.0 + math.log10(f) for w, f in get_frequency_dict("en", wordlist="small").items() if f > 0}
    buckets = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    start = 1 if buckets and isinstance(buckets[0], dict) else 0
    return {word: 9.0 - (i / 100) for i, bucket in enumerate(buckets[start:]) for word in bucket}


# Media tags a site hangs on a headline: "… Palmyra Win + VIDEO", "(PHOTOS)", "| LIVE", "- WATCH".
_MEDIA_TAG = re.compile(r"\s*(?:[+|–—-]\s*|[(\[]\s*)(?:VIDEOS?|PHOTOS?|PICTURES|GALLERY|LIVE|WATCH|UPDATED?|"
                        r"AUDIO|PODCAST|INFOGRAPHIC|MAP)\b\s*[)\]]?(?=\s*(?:[+|–—-]|$))", re.I)


def headline(title: str) -> str:
    """A headline without the media tags a site adds to it ("+ VIDEO", "(PHOTOS)")."""
    stripped = title
    while (cleaned := _MEDIA_TAG.sub("", stripped, count=1)) != stripped:
        stripped = cleaned
    return stripped.strip() or title


# A line the collection repeats is boilerplate when one outlet's pages carry it over a week or
# more, or when pages a month or more apart do: the cross-page frequency test of boilerplate
# removal. The same sentence in many outlets' reports of one day is news retold, and stays.
FURNITURE_PAGES = 3
OUTLET_DAYS = 7
ANY_DAYS = 30
FURNITURE_WORDS = 5  # shorter lines are too generic to judge ("Read more", headings)
COPY_SHARE = 0.5  # pages sharing more than this share of their lines are copies, whatever their dates


def furniture_keys(lines: list[str], keys: Sequence[str] | None = None) -> set[str]:
    """A page's line keys long enough to be judged furniture by repetition (`furniture_of`);
    `keys`: each line's `line_key`, if known."""
    return {key for key in (keys if keys is not None else map(line_key, lines)) if key.count(" ") + 1 >= FURNITURE_WORDS}


def furniture_of(pages: list[tuple[set[str], str | None, str | None]]) -> frozenset[str]:
    """Keys of lines that are boilerplate by their repetition across pages, each given as
    (`furniture_keys`, outlet, published)."""
    from datetime import date

    where_of: list[tuple[str | None, date | None]] = []  # each page's outlet and day
    keys_of: list[set[str]] = []
    carriers: dict[str, list[int]] = {}
    for page, (keys, outlet, published) in enumerate(pages):
        where_of.append((outlet.lower() if outlet else None, day_of(published)))
        keys_of.append(keys)
        for key in keys_of[-1]:
            carriers.setdefault(key, []).append(page)
    furniture = set()
    for key, pages_with_it in carriers.items():
        if len(pages_with_it) < FURNITURE_PAGES:
            continue
        where = [where_of[p] for p in pages_with_it]
        days = sorted(d for _, d in where if d)
        by_outlet: dict[str, list[date]] = {}
        for outlet, day in where:
            if outlet and day:
                by_outlet.setdefault(outlet, []).append(day)
        if not ((days and (days[-1] - days[0]).days >= ANY_DAYS) or any(
                len(ds) >= FURNITURE_PAGES and (max(ds) - min(ds)).days >= OUTLET_DAYS for ds in by_outlet.values())):
            continue
        holders = [keys_of[p] for p in pages_with_it]
        if len(set.intersection(*holders)) > COPY_SHARE * min(map(len, holders)):
            continue  # the pages are copies of one article (republished, syndicated): news, not furniture
        furniture.add(key)
    return frozenset(furniture)


# Lines shaped like headings, links or menus are furniture at a page's edges, but between two
# paragraphs of the body they are its subheads, list items and schedules: kept for the reader
# (and for the extraction benchmark's gold bodies), never made sentences (`is_prose`).
HELD_REASONS = frozenset({"heading or link", "navigation", "not prose"})
LIST_ITEMS = 2  # a line ending in ":" and at least this many short lines after it: a list the body introduces


def body_paragraphs(lines: list[str], title: str | None, known: frozenset[str],
                    furniture: frozenset[str] = frozenset(), reason_of: Reasons = furniture_reason,
                    keys: Sequence[str] | None = None) -> list[str]:
    """The article's own paragraphs: furniture, repeats and everything after an end marker dropped;
    subheads and list items inside the body kept (held until the body goes on after them).
    `reason_of` classifies a line (a story's `line_reasons`); `keys`: each line's `line_key`, if
    known (found for `furniture_keys`)."""
    seen = {line_key(title)} | set(furniture) if title else set(furniture)
    out: list[str] = []
    held: list[str] = []
    listing = False  # the last line kept was a held one: a list runs through the body
    for at, line in enumerate(lines):
        if out and is_end_marker(line):
            if _box_heading(line, lines[at + 1] if at + 1 < len(lines) else "", reason_of):
                continue
            break
        given, line = line, cut_embed_links(unfuse_link_box(line)).strip()
        key = keys[at] if keys is not None and line == given else line_key(line)
        tagless = headline(line)  # without a media tag ("+ VIDEO"): most often the line itself, whose key is known
        if not line or key in seen or (tagless != line and line_key(tagless) in seen):  # empty: it was an embed's signature
            continue
        reason = reason_of(line)
        if reason in HELD_REASONS and out:
            held.append(line)
            continue
        if reason:  # the short lines before a prompt or a caption belong to that widget, unless a list ends there
            out.extend(map(_held_text, _closing_list(held, listing)))
            held, listing = [], False
            continue
        seen.add(key)
        out.extend(map(_held_text, held))
        listing, held = bool(held), []
        out.append(repair_hyphenation(_IMAGE_WIDTH.sub("", line), known))
    out.extend(map(_held_text, _closing_list(held, listing)))
    return out


def _held_text(line: str) -> str:
    """A held line as the article keeps it: a heading keeps its mark ("## Roads closed"), so that it
    never reads as a sentence however long; a list item loses its bullet."""
    return line if _MARKED_HEADING.match(line) else strip_markers(line)


def _box_heading(line: str, after: str, reason_of: Reasons) -> bool:
    """A recommendation box's heading with the article's prose right after it (the box's links gone)."""
    return bool(_BOX_HEADING.match(strip_markers(line))) and reason_of(after) is None \
        and after[-1] in END_PUNCT and len(WORD.findall(after)) >= BOX_PROSE_WORDS


def _closing_list(held: list[str], listing: bool) -> list[str]:
    """The list an article ends on, from the short lines after its last paragraph: a list already
    running, or one its first line introduces ("Tour dates:", a subhead), up to the next subhead
    (a box of other headlines opens with one)."""
    if not (listing or held and (held[0].endswith(":") or held[0].startswith("#"))):
        return []
    end = next((i for i, line in enumerate(held[1:], 1) if line.startswith("#")), len(held))
    return held[:end] if end > LIST_ITEMS else []


def is_prose(paragraph: str) -> bool:
    """Whether a kept paragraph is a sentence-bearing one, not a subhead or list item kept for the reader."""
    return furniture_reason(paragraph) is None


def line_key(line: str) -> str:
    """What makes a paragraph the same as another: its words and numbers, case and punctuation aside
    (numbers count: "March 27, 12 killed" and "March 28, 12 killed" are two paragraphs)."""
    if line.isascii():
        return ascii_fold(line)
    return " ".join(_KEY_TOKEN.findall(line)).lower()  # the same as each word lowered: the join adds only spaces
