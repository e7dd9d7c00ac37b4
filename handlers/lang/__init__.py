"""Per-language texts and question words, keyed by ISO 639-1 code."""

from __future__ import annotations

from types import ModuleType

from handlers.lang import en, vi

LANGUAGES: dict[str, ModuleType] = {module.CODE: module for module in (en, vi)}
DEFAULT = "en"


def module(code: str | None) -> ModuleType:
    return LANGUAGES.get(code or DEFAULT, LANGUAGES[DEFAULT])


def text(code: str | None, key: str, **values: object) -> str:
    """The ``key`` text in language ``code`` with ``values`` filled in (values must be escaped already)."""
    return module(code).TEXTS[key].format(**values)


def normalise_code(code: str | None) -> str | None:
    """'vi-VN' -> 'vi'; unknown languages -> None."""
    if not code:
        return None
    short = code.split("-")[0].lower()
    return short if short in LANGUAGES else None
