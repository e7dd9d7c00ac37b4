"""The one place where text is normalised for comparison.

Reports and fans write the same name many ways: with or without Vietnamese diacritics,
word-segmented (``Lautaro_Martinez``), in any case. Everything that compares names goes through
:func:`fold`, which keeps the string length so that offsets found in folded text point at the
same characters of the original (mention finding relies on this).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFD does not decompose into base + mark; "đ" is the one Vietnamese needs.
_SPECIAL = {"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ı": "i", "ð": "d", "Ð": "d", "þ": "t"}
_WORD = re.compile(r"[0-9a-z]+")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch == "_":  # word-segmented Vietnamese glues syllables with underscores
        return " "
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else base


_TABLE: dict[int, str] = {}  # code point -> folded character, filled as characters are met
_SEEN: set[str] = set()  # the characters already in _TABLE


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ -> d) and turn ``_`` into a space, keeping the length."""
    if text.isascii():
        return text.lower().replace("_", " ")
    for ch in set(text) - _SEEN:  # a whole report costs one translate, not a call per letter
        _TABLE[ord(ch)] = _fold_char(ch)
        _SEEN.add(ch)
    return text.translate(_TABLE)


def nfc(text: str) -> str:
    """Canonical composition, so that 'ệ' typed two ways compares equal."""
    return unicodedata.normalize("NFC", text)


def key(text: str) -> str:
    """Comparison key of a name: folded words joined by single spaces, punctuation dropped."""
    return " ".join(_WORD.findall(fold(nfc(text))))


def strip_accents(text: str) -> str:
    """Diacritics removed but case kept: 'Nguyễn Quang Hải' -> 'Nguyen Quang Hai'."""
    out = []
    for ch in nfc(text):
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch].upper() if ch.isupper() else _SPECIAL[ch])
        else:
            out.append(unicodedata.normalize("NFD", ch)[0])
    return "".join(out)
