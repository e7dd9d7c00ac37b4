"""Turn a raw report into clean lines and sentences.

Reports arrive as they were scraped: a `` date YYYY-MM-DD`` header, YAML front matter, stray HTML
or PHP, Markdown images, mojibake, word-segmented Vietnamese (``Inter_Lautaro``, ``90 + 2``).
Everything downstream works on the :class:`Document` built here, so each of those quirks is dealt
with once. Pure functions, linear-time regexes only.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date

import ftfy

from store.normalize import nfc

MAX_CHARS = 200_000  # a match report is a few thousand characters; beyond this the tail is ignored
MAX_SENTENCES = 2_000
MAX_SENTENCE = 600  # longer runs without punctuation are cut so that rules stay fast

_DATE_HEADER = re.compile(r"\A\s*date\s+(\d{4})-(\d{2})-(\d{2})[ \t]*")
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(.{0,6000}?)\n---[ \t]*(?:\n|\Z)", re.S)
_FM_FIELD = re.compile(r"^(\w[\w ]{0,30}):[ \t]*(.*)$")
_FM_ITEM = re.compile(r"^\s+-\s+(.+)$")
_PHP = re.compile(r"<\?php.{0,3000}?\?>", re.S)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote)\b[^>]{0,300}>", re.I)
_TAG = re.compile(r"<!--.{0,500}?-->|</?[a-zA-Z][^<>]{0,300}>", re.S)
_MOJIBAKE = re.compile("[ÂÃâ][\u0080-\u00bf\u2018-\u203a\u20ac]")
_IMAGE = re.compile(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)")
_LINK = re.compile(r"\[([^\]\n]{1,300})\]\([^)\n]{0,500}\)")
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$")
_META_LINE = re.compile(
    r"^\s*(?:keywords|authors?|tags|categories|image|layout|excerpt|permalink|guid|url|"
    r"dsq_thread_id|slide_template|extends|section|featured|type|id)\s*:",
    re.I,
)
_PUBLISH_LINE = re.compile(r"^\s*publish(?:ed)? date:\s*(\d{4})-(\d{2})-(\d{2})", re.I | re.M)
# word-segmented Vietnamese and loose typography
_UNDERSCORE = re.compile(r"(?<=\w)_+(?=\w)")
_SPACED_PLUS = re.compile(r"(?<=\d) \+ (?=\d)")
_SPACED_SLASH = re.compile(r"(?<=\d) / (?=\d)")
_SPACED_DASH_DIGITS = re.compile(r"(?<=\d) - (?=\d)")
_SPACED_DASH_CAPS = re.compile(r"(?<=\b[A-Z]) - (?=[A-Z][a-z])")  # "V - League"
_LOST_LETTER = re.compile(r"(?<=[^\W\d_])\?(?=[^\W\d_]|\s+[a-z])")  # "Mandžuki? on hand": a "?" for a lost letter
_GLUED_SCORE = re.compile(r"(?<=[^\W\d_]{2})(?=\d{1,2}\s?-\s?\d{1,2}\b)")  # "West Ham1-2"
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+(?=[,.;:!?)\]])")
_SPACE_AFTER_OPEN = re.compile(r"(?<=[(\[])[ \t]+")
_DASHES = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2019": "'",
        "\u2018": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u200b": "",
    }
)
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*\s+")
_ABBREVIATION = re.compile(r"(?:\b(?:St|Mr|Mrs|Dr|No|vs|v|Jr|Sr|Prof|Gen|Capt|Mt|Ft|cf|e\.g|i\.e|TP|Tp)|\b[A-Z])\.$")


@dataclass(slots=True)
class Sentence:
    """One sentence (or one short line such as a title, caption or list item)."""

    text: str
    index: int  # position in the document
    line: int  # index of the line (paragraph) it comes from
    whole_line: bool  # the sentence is a whole line: titles, result lines, captions, list items
    in_title: bool = False


@dataclass(slots=True)
class Document:
    text: str  # cleaned text, lines separated by "\n"
    title: str | None
    published: date | None
    tags: list[str] = field(default_factory=list)  # front-matter tags: hints only
    categories: list[str] = field(default_factory=list)  # front-matter categories: what the post is about
    lines: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


def _parse_date(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _front_matter(text: str) -> tuple[str, str | None, dict[str, list[str]], date | None]:
    """Strip YAML front matter, keeping its title, tags and date (a small subset of YAML is enough)."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return text, None, {"categories": [], "tags": []}, None
    title: str | None = None
    lists: dict[str, list[str]] = {"categories": [], "tags": []}
    published: date | None = None
    current = ""
    for raw in found.group(1).splitlines():
        item = _FM_ITEM.match(raw)
        if item and current in lists:
            lists[current].append(item.group(1).strip().strip("\"'"))
            continue
        field_ = _FM_FIELD.match(raw.strip())
        if not field_:
            continue
        current, value = field_.group(1).lower(), field_.group(2).strip()
        if current == "title" and value:
            title = value.strip("\"'")
        elif current in lists and value.startswith("["):
            lists[current] += [v.strip().strip("\"'") for v in value.strip("[]").split(",") if v.strip()]
        elif current == "date" and published is None:
            ymd = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
            published = _parse_date(*ymd.groups()) if ymd else None
    return text[found.end() :], title, lists, published


def _strip_markup(text: str) -> str:
    if "<" in text:
        text = _PHP.sub("\n", text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    if "](" in text:
        text = _IMAGE.sub(lambda m: f"\n{m.group(1)}\n" if m.group(1).strip() else "\n", text)
        text = _LINK.sub(r"\1", text)
    return text


def _tidy_line(line: str) -> str:
    line = _UNDERSCORE.sub(" ", line)
    line = _SPACED_PLUS.sub("+", line)
    line = _SPACED_SLASH.sub("/", line)
    line = _SPACED_DASH_DIGITS.sub("-", line)
    line = _SPACED_DASH_CAPS.sub("-", line)
    line = _GLUED_SCORE.sub(" ", line)
    line = _LOST_LETTER.sub("", line)
    line = _SPACE_BEFORE_PUNCT.sub("", line)
    line = _SPACE_AFTER_OPEN.sub("", line)
    line = line.lstrip("#*>• \t").strip()
    return " ".join(line.split())


def split_sentences(line: str) -> list[str]:
    """Split a line at sentence ends, not after abbreviations or initials ("St.", "M.")."""
    pieces: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(line):
        following = line[end.end() : end.end() + 2].lstrip("\"'([")
        if not following or not (following[0].isupper() or following[0].isdigit()):
            continue
        candidate = line[start : end.end()].strip()
        if _ABBREVIATION.search(candidate):
            continue
        if candidate:
            pieces.append(candidate)
        start = end.end()
    tail = line[start:].strip()
    if tail:
        pieces.append(tail)
    out: list[str] = []
    for piece in pieces:  # guard the rules against endless unpunctuated runs
        while len(piece) > MAX_SENTENCE:
            cut = piece.rfind(" ", 0, MAX_SENTENCE)
            cut = cut if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
            out.append(piece[:cut])
            piece = piece[cut:].lstrip()
        if piece:
            out.append(piece)
    return out


def parse_document(raw: str, *, published: date | None = None) -> Document:
    """Clean ``raw`` and split it into lines and sentences; never raises on odd text."""
    text = nfc(raw[:MAX_CHARS].replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    header = _DATE_HEADER.match(text)
    if header:
        published = published or _parse_date(*header.groups())
        text = text[header.end() :]
    if _MOJIBAKE.search(text):
        text = ftfy.fix_text(text)
    text, title, lists, fm_date = _front_matter(text)
    published = published or fm_date
    if published is None and (stamp := _PUBLISH_LINE.search(text)):
        published = _parse_date(*stamp.groups())
    text = _strip_markup(text).translate(_DASHES)
    lines = []
    for raw_line in text.split("\n"):
        if _URL_LINE.match(raw_line) or _META_LINE.match(raw_line) or raw_line.strip() == "---":
            continue
        line = _tidy_line(raw_line)
        if line:
            lines.append(line)
    if title:
        title = _tidy_line(_strip_markup(title).translate(_DASHES))
        if not lines or lines[0] != title:
            lines.insert(0, title)
    elif lines and len(lines[0]) < 160 and not lines[0].endswith("."):
        title = lines[0]
    sentences: list[Sentence] = []
    for number, line in enumerate(lines):
        if len(sentences) >= MAX_SENTENCES:
            break
        parts = split_sentences(line)
        for part in parts:
            sentences.append(
                Sentence(
                    part, len(sentences), number, whole_line=len(parts) == 1, in_title=title is not None and number == 0
                )
            )
    return Document("\n".join(lines), title, published, lists["tags"], lists["categories"], lines, sentences)
