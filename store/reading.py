"""Bytes of an uploaded or dropped file -> report text, or a clear reason why not.

Encodings are detected by charset-normalizer (UTF-8 with or without BOM, UTF-16, cp1252,
latin-1 ...), not guessed; HTML pages are reduced to their article text by trafilatura, which
drops navigation, comments and other boilerplate.
"""

from __future__ import annotations

import re
from pathlib import Path

from charset_normalizer import from_bytes

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
_HTML_DOCUMENT = re.compile(r"<(?:!doctype\s+html|html|body|article)\b", re.I)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


class UnreadableReport(ValueError):
    """The file cannot be read as a report; ``str(exc)`` is the one-line reason shown to people."""


def check_name(filename: str) -> None:
    suffix = Path(filename).suffix.lower()
    if suffix not in READABLE_SUFFIXES:
        allowed = ", ".join(sorted(READABLE_SUFFIXES))
        raise UnreadableReport(f"unsupported file type {suffix or '(none)'}: send {allowed}")


def decode(data: bytes) -> str:
    """Text of ``data`` in whatever common encoding it uses."""
    if not data.strip():
        raise UnreadableReport("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec)
    if b"\x00" in data[:4096]:
        guess = from_bytes(data[:65536]).best()
        if guess is None or not guess.encoding.startswith("utf_16"):
            raise UnreadableReport("binary file, not text")
        return data.decode(guess.encoding)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data).best()
    if guess is None:
        raise UnreadableReport("cannot tell the text encoding (not UTF-8, UTF-16, cp1252, latin-1 ...)")
    text = str(guess)
    if _looks_binary(text):
        raise UnreadableReport("binary file, not text")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > len(sample) * 0.01


def html_to_text(html: str) -> str:
    """The article of an HTML page, with its title and date as the report header when known."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=True, favor_recall=True, with_metadata=True
    )
    if not found or not getattr(found, "text", None):
        raise UnreadableReport("no article text found in the HTML page")
    header = []
    published = getattr(found, "date", None)
    if published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        header.append(f" date {published}")
    title = getattr(found, "title", None)
    if title:
        header.append(title)
    return "\n".join([*header, found.text])


def report_text(data: bytes, *, filename: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Validated report text of a file's bytes; raises :class:`UnreadableReport` with the reason."""
    check_name(filename)
    if len(data) > max_bytes:
        raise UnreadableReport(
            f"file too large ({len(data) / 1024 / 1024:.1f} MB; the limit is {max_bytes / 1024 / 1024:.1f} MB)"
        )
    text = decode(data)
    if Path(filename).suffix.lower() in HTML_SUFFIXES or _HTML_DOCUMENT.search(text[:2000]):
        text = html_to_text(text)
    if not text.strip():
        raise UnreadableReport("empty file")
    return text


def read_report_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableReport(
            f"file too large ({size / 1024 / 1024:.1f} MB; the limit is {max_bytes / 1024 / 1024:.1f} MB)"
        )
    return report_text(path.read_bytes(), filename=path.name, max_bytes=max_bytes)
