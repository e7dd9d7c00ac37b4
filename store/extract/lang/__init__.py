"""Per-language rule data, keyed by ISO 639-1 code."""

from store.extract.lang import en, vi
from store.extract.lang.base import LanguageRules

LANGUAGES: dict[str, LanguageRules] = {rules.code: rules for rules in (en.RULES, vi.RULES)}
DEFAULT = "en"


def rules_for(code: str | None) -> LanguageRules:
    return LANGUAGES.get(code or DEFAULT, LANGUAGES[DEFAULT])
