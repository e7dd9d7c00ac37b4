"""What a handler returns: HTML text and optional buttons, independent of Telegram."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

TELEGRAM_LIMIT = 4096
_TAG = re.compile(r"<[^>]+>")
_ATOM = re.compile(r"<[^>]*>|&#?\w+;|[^<&]|[<&]", re.S)  # a tag, an entity or one character
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][\w-]*)")


@dataclass(slots=True)
class Button:
    label: str
    data: str  # callback data (at most 64 bytes) or, for the console, the text to run when chosen


@dataclass(slots=True)
class Reply:
    html: str
    buttons: list[list[Button]] = field(default_factory=list)
    image: bytes | None = None  # a PNG to send with the text as caption
    caption: str | None = None  # with an image: the text under it, when not all of ``html`` (a table in the picture)

    def plain(self) -> str:
        """The text without markup, for the console and ``footbot ask``."""
        return html.unescape(_TAG.sub("", self.html))

    def chunks(self, limit: int = TELEGRAM_LIMIT) -> list[str]:
        """The HTML split into messages Telegram accepts: at most ``limit`` UTF-16 units each (Telegram's
        measure, taken on the HTML, which is never shorter than the text Telegram counts), cut after the
        last line break that fits, else the last space, never inside a tag or an entity. Tags open at a
        cut (a ``<pre>`` table, a ``<b>`` line) are closed there and opened again in the next message."""
        if utf16_len(self.html) <= limit:
            return [self.html]
        atoms = _ATOM.findall(self.html)
        messages: list[str] = []
        opened: list[str] = []  # start tags open where the next message begins
        start = 0
        while start < len(atoms):
            end, still_open = _cut(atoms, start, opened, limit)
            body = ("".join(opened) + "".join(atoms[start:end])).rstrip()
            if _TAG.sub("", body).strip():  # Telegram refuses an empty message
                messages.append(body + "".join(_closing(tag) for tag in reversed(still_open)))
            opened, start = still_open, end
        return messages


def esc(value: object) -> str:
    """Every piece of report or user text goes through this before it is put in a reply."""
    return html.escape(str(value), quote=False)


def utf16_len(value: str) -> int:
    """Telegram counts message lengths in UTF-16 code units: an emoji such as 🟥 counts twice."""
    return len(value.encode("utf-16-le")) // 2


def _closing(start_tag: str) -> str:
    return f"</{_TAG_NAME.match(start_tag).group(1)}>"  # type: ignore[union-attr]


def _opened_after(opened: list[str], atom: str) -> list[str]:
    """The open tags after ``atom`` (Telegram's HTML has no void tags: every start tag is closed)."""
    if atom.startswith("</"):
        return opened[:-1]
    if atom.startswith("<"):
        return [*opened, atom]
    return opened


def _cut(atoms: list[str], start: int, opened: list[str], limit: int) -> tuple[int, list[str]]:
    """Where the message beginning at ``atoms[start]`` (inside the ``opened`` tags) ends, and the tags
    still open there: after the last line break that fits with its closing tags, else the last space,
    else as late as fits."""
    size = sum(utf16_len(tag) for tag in opened)
    stack = opened
    after_line: tuple[int, list[str]] | None = None
    after_space: tuple[int, list[str]] | None = None
    end = start
    while end < len(atoms):
        atom = atoms[end]
        following = _opened_after(stack, atom)
        if size + utf16_len(atom) + sum(utf16_len(_closing(tag)) for tag in following) > limit:
            break
        size, stack, end = size + utf16_len(atom), following, end + 1
        if atom == "\n":
            after_line = (end, stack)
        elif atom == " ":
            after_space = (end, stack)
    else:
        return end, stack
    if end == start:  # not even one atom fits after the reopened tags: take it anyway, or loop forever
        return start + 1, _opened_after(stack, atoms[start])
    return after_line or after_space or (end, stack)
