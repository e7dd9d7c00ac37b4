"""Telegram's ``parse_mode=HTML``, parsed and validated the way the Bot API server does it.

Why this exists: a reply that renders in a unit test can still be refused by Telegram with
"can't parse entities", and then the user gets nothing. The fake server runs every HTML text
through :func:`parse_html`, a port of tdlib's ``parse_html`` (the code behind the Bot API), so
the end-to-end tests fail where Telegram would:

* only these tags: b/strong, i/em, u/ins, s/strike/del, tg-spoiler, span class="tg-spoiler",
  a href, code, pre (with a nested ``code class="language-…"``), blockquote (``expandable``),
  tg-emoji emoji-id; tag names are case-insensitive, unknown attributes are ignored;
* only ``&lt; &gt; &amp; &quot;`` and numeric references are decoded; any other ``&`` is text;
* errors carry tdlib's wording and byte offsets into the UTF-8 text, e.g.
  ``Unsupported start tag "foo" at byte offset 0``;
* entity offsets and lengths are in UTF-16 code units, as in the Bot API.

Known simplification: tdlib also checks link URLs and drops invalid ones silently; here every
non-empty ``href`` becomes a ``text_link`` as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

Entity = dict[str, Any]

_SIMPLE_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
}
_SUPPORTED_TAGS = {*_SIMPLE_ENTITY_TYPES, "a", "code", "pre", "span", "blockquote", "tg-emoji"}
_NAMED_REFERENCES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_REFERENCE = re.compile(r"&(?:#x([0-9A-Fa-f]*)|#([0-9]*)|([A-Za-z]*));?")
_NAME_TOKEN = re.compile(r"[A-Za-z0-9.\-]*")
_SPACES = " \t\r\n\v\f"


class HtmlParseError(ValueError):
    """The text is not Telegram HTML; the message is what Telegram puts after "can't parse entities: "."""


@dataclass(frozen=True)
class FormattedText:
    """Text as Telegram stores it: markup removed, formatting moved into entities."""

    text: str
    entities: list[Entity] = field(default_factory=list)


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of every Telegram length limit and entity offset."""
    return len(text.encode("utf-16-le")) // 2


def parse_html(html: str) -> FormattedText:
    """Parses ``html`` like Telegram's ``parse_mode=HTML``; raises :class:`HtmlParseError`."""
    return _HtmlParser(html).parse()


def strip_text(formatted: FormattedText) -> FormattedText:
    """Removes leading and trailing whitespace like Telegram does before storing a message,
    moving and clipping the entities along with the text."""
    text = formatted.text.lstrip()
    lead = utf16_len(formatted.text) - utf16_len(text)
    text = text.rstrip()
    size = utf16_len(text)
    entities = []
    for entity in formatted.entities:
        start = max(entity["offset"] - lead, 0)
        end = min(entity["offset"] + entity["length"] - lead, size)
        if end > start:
            entities.append({**entity, "offset": start, "length": end - start})
    return FormattedText(text, entities)


@dataclass
class _OpenTag:
    name: str
    argument: str
    offset: int  # UTF-16 offset in the output where the tag's content starts
    chunk_index: int  # index into the output chunks, to recover the content of <a> without href


class _HtmlParser:
    """One pass over the text, in the order tdlib does it: entities are emitted when tags close."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.pos = 0
        self.chunks: list[str] = []
        self.offset = 0
        self.open_tags: list[_OpenTag] = []
        self.entities: list[Entity] = []

    def parse(self) -> FormattedText:
        while self.pos < len(self.html):
            char = self.html[self.pos]
            if char == "&" and (decoded := self._reference()) is not None:
                self._emit(decoded)
            elif char != "<":
                self._emit(char)
                self.pos += 1
            elif self._char(self.pos + 1) == "/":
                self._end_tag()
            else:
                self._start_tag()
        if self.open_tags:
            raise HtmlParseError(f'Can\'t find end tag corresponding to start tag "{self.open_tags[-1].name}"')
        for entity in self.entities:
            if entity["type"] == "code":
                entity.pop("language", None)  # inline code has no language in the Bot API
        self.entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
        return FormattedText("".join(self.chunks), self.entities)

    # -- characters -------------------------------------------------------------------------

    def _char(self, pos: int) -> str:
        """The character at ``pos``, or "" past the end (tdlib reads the terminating NUL)."""
        return self.html[pos] if pos < len(self.html) else ""

    def _byte_offset(self, pos: int) -> int:
        return len(self.html[:pos].encode("utf-8"))

    def _skip_spaces(self) -> None:
        while self._char(self.pos) and self._char(self.pos) in _SPACES:
            self.pos += 1

    def _emit(self, text: str) -> None:
        self.chunks.append(text)
        self.offset += utf16_len(text)

    def _reference(self) -> str | None:
        """Decodes ``&lt;`` ``&gt;`` ``&amp;`` ``&quot;`` ``&#NN;`` ``&#xHH;`` (the ";" is optional)
        at the current position and moves past it; anything else stays literal text."""
        match = _REFERENCE.match(self.html, self.pos)
        assert match is not None  # the pattern matches any "&"
        hex_digits, decimal_digits, name = match.groups()
        if name is not None:
            decoded = _NAMED_REFERENCES.get(name)
        else:
            digits_end = match.end(1) if hex_digits is not None else match.end(2)
            decoded = _numeric_reference(hex_digits, decimal_digits, digits_end - self.pos)
        if decoded is not None:
            self.pos = match.end()
        return decoded

    # -- tags -------------------------------------------------------------------------------

    def _start_tag(self) -> None:
        begin = self.pos
        byte_offset = self._byte_offset(begin)
        self.pos += 1
        while self._char(self.pos) and self._char(self.pos) not in _SPACES + ">":
            self.pos += 1
        if not self._char(self.pos):
            raise HtmlParseError(f"Unclosed start tag at byte offset {byte_offset}")
        name = self.html[begin + 1 : self.pos].lower()
        if name not in _SUPPORTED_TAGS:
            raise HtmlParseError(f'Unsupported start tag "{name}" at byte offset {byte_offset}')
        argument = self._attributes(name, byte_offset)
        self.pos += 1  # the ">"
        if name == "span" and argument != "spoiler":
            raise HtmlParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {byte_offset}')
        self.open_tags.append(_OpenTag(name, argument, self.offset, len(self.chunks)))

    def _attributes(self, tag: str, byte_offset: int) -> str:
        """Reads attributes up to the closing ">" and returns the one that matters for ``tag``."""
        argument = ""
        while True:
            self._skip_spaces()
            if not self._char(self.pos):
                raise HtmlParseError(f"Unclosed start tag at byte offset {byte_offset}")
            if self._char(self.pos) == ">":
                return argument
            name_start = self.pos
            while self._char(self.pos) and self._char(self.pos) not in _SPACES + "=>":
                self.pos += 1
            name = self.html[name_start : self.pos].lower()
            if not name:
                raise HtmlParseError(f'Empty attribute name in the tag "{tag}" at byte offset {byte_offset}')
            self._skip_spaces()
            if self._char(self.pos) != "=":
                if tag == "blockquote" and name == "expandable":
                    argument = "expandable"
                    continue
                raise HtmlParseError(
                    f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                    f"at byte offset {byte_offset}"
                )
            self.pos += 1
            self._skip_spaces()
            if not self._char(self.pos):
                raise HtmlParseError(f'Unclosed start tag "{tag}" at byte offset {byte_offset}')
            value = self._attribute_value()
            argument = _tag_argument(tag, name, value) or argument

    def _attribute_value(self) -> str:
        """A quoted string (references decoded) or an unquoted name token (lowercased)."""
        quote = self._char(self.pos)
        if quote not in "'\"":
            token = _NAME_TOKEN.match(self.html, self.pos)
            assert token is not None  # the pattern matches the empty string
            self.pos = token.end()
            after = self._char(self.pos)
            if after and after not in _SPACES + ">":  # the end of the text is reported by the caller
                raise HtmlParseError(f"Unexpected end of name token at byte offset {self._byte_offset(token.start())}")
            return token.group().lower()
        self.pos += 1
        value: list[str] = []
        while self._char(self.pos) and self._char(self.pos) != quote:
            if self._char(self.pos) == "&" and (decoded := self._reference()) is not None:
                value.append(decoded)
            else:
                value.append(self.html[self.pos])
                self.pos += 1
        self.pos += 1  # the closing quote; a missing one ends in "Unclosed start tag"
        return "".join(value)

    def _end_tag(self) -> None:
        begin = self.pos
        byte_offset = self._byte_offset(begin)
        if not self.open_tags:
            raise HtmlParseError(f"Unexpected end tag at byte offset {byte_offset}")
        self.pos += 2
        while self._char(self.pos) and self._char(self.pos) not in _SPACES + ">":
            self.pos += 1
        name = self.html[begin + 2 : self.pos].lower()
        self._skip_spaces()
        if self._char(self.pos) != ">":
            raise HtmlParseError(f"Unclosed end tag at byte offset {byte_offset}")
        self.pos += 1
        tag = self.open_tags.pop()
        if name and name != tag.name:
            raise HtmlParseError(
                f'Unmatched end tag at byte offset {byte_offset}, expected "</{tag.name}>", found "</{name}>"'
            )
        if self.offset > tag.offset:
            self._close_entity(tag)

    def _close_entity(self, tag: _OpenTag) -> None:
        position = {"offset": tag.offset, "length": self.offset - tag.offset}
        if tag.name in ("pre", "code") and self._merge_pre_and_code(tag, position):
            return
        self.entities.append(self._entity(tag, position))

    def _entity(self, tag: _OpenTag, position: Entity) -> Entity:
        if tag.name in _SIMPLE_ENTITY_TYPES:
            return {"type": _SIMPLE_ENTITY_TYPES[tag.name], **position}
        if tag.name == "span":
            return {"type": "spoiler", **position}
        if tag.name == "a":
            url = tag.argument or "".join(self.chunks[tag.chunk_index :])
            return {"type": "text_link", **position, "url": url}
        if tag.name == "tg-emoji":
            if not tag.argument.isdigit():
                raise HtmlParseError("Invalid custom emoji identifier specified")
            return {"type": "custom_emoji", **position, "custom_emoji_id": tag.argument}
        if tag.name == "blockquote":
            return {"type": "expandable_blockquote" if tag.argument else "blockquote", **position}
        # "pre" or "code"; a code's language is kept only until a <pre> around it closes
        return {"type": tag.name, **position, **({"language": tag.argument} if tag.argument else {})}

    def _merge_pre_and_code(self, tag: _OpenTag, position: Entity) -> bool:
        """``<pre><code class="language-x">`` over the same text is one ``pre`` entity with a
        language; returns True when ``tag`` merged with the entity that just closed inside it."""
        if not self.entities:
            return False
        inner = self.entities[-1]
        same_text = (inner["offset"], inner["length"]) == (position["offset"], position["length"])
        if not same_text or {inner["type"], tag.name} != {"code", "pre"}:
            return False
        language = tag.argument if tag.name == "code" else inner.get("language", "")
        self.entities[-1] = {"type": "pre", **position, **({"language": language} if language else {})}
        return True


def _numeric_reference(hex_digits: str | None, decimal_digits: str | None, span: int) -> str | None:
    """tdlib's rules: non-empty, non-zero, below U+10FFFF, and fewer than 10 characters from the
    "&" to the last digit; surrogates are refused too, as they cannot be UTF-8."""
    digits = hex_digits if hex_digits is not None else decimal_digits
    if not digits or span >= 10:
        return None
    code_point = int(digits, 16 if hex_digits is not None else 10)
    if code_point == 0 or code_point >= 0x10FFFF or 0xD800 <= code_point <= 0xDFFF:
        return None
    return chr(code_point)


def _tag_argument(tag: str, attribute: str, value: str) -> str:
    """The attribute value a tag keeps (href, language, spoiler class, emoji id); "" if ignored."""
    if tag == "a" and attribute == "href":
        return value
    if tag == "code" and attribute == "class" and value.startswith("language-"):
        return value.removeprefix("language-")
    if tag == "span" and attribute == "class" and value.startswith("tg-"):
        return value.removeprefix("tg-")
    if tag == "tg-emoji" and attribute == "emoji-id":
        return value
    if tag == "blockquote" and attribute == "expandable":
        return "expandable"
    return ""
