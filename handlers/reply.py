"""What a handler returns: HTML text and optional buttons, independent of Telegram."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

TELEGRAM_LIMIT = 4096
_TAG = re.compile(r"<[^>]+>")


@dataclass(slots=True)
class Button:
    label: str
    data: str  # callback data (at most 64 bytes) or, for the console, the text to run when chosen


@dataclass(slots=True)
class Reply:
    html: str
    buttons: list[list[Button]] = field(default_factory=list)
    image: bytes | None = None  # a PNG to send with the text as caption

    def plain(self) -> str:
        """The text without markup, for the console and ``footbot ask``."""
        return html.unescape(_TAG.sub("", self.html))

    def chunks(self, limit: int = TELEGRAM_LIMIT) -> list[str]:
        """The HTML split into messages Telegram accepts, on line breaks, never inside a tag."""
        if len(self.html) <= limit:
            return [self.html]
        chunks: list[str] = []
        current = ""
        open_pre = False
        for line in self.html.split("\n"):
            piece = line if not current else "\n" + line
            if len(current) + len(piece) + (6 if open_pre else 0) > limit and current:
                chunks.append(current + ("</pre>" if open_pre else ""))
                current = ("<pre>" if open_pre else "") + line
            else:
                current += piece
            open_pre = (open_pre or "<pre>" in line) and "</pre>" not in line
        if current:
            chunks.append(current)
        return [c[:limit] for c in chunks]


def esc(value: object) -> str:
    """Every piece of report or user text goes through this before it is put in a reply."""
    return html.escape(str(value), quote=False)
