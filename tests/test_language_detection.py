"""Which language a report or a question is in (``store.extract.language.detect_language``).

Fans type Vietnamese without diacritics as often as with them, so both must be recognised; text
without any marker word falls back to the default language instead of failing.
"""

from __future__ import annotations

import pytest

from store.extract.lang import DEFAULT
from store.extract.language import detect_language


@pytest.mark.parametrize(
    "text",
    [
        "Inter beat Atalanta 2-1 with a goal from Lautaro in the second half.",
        "Samir Handanovic saved an 88th minute penalty to avoid defeat for Inter.",
        "who scored for inter against napoli",
        "Mbappé scored twice for France as they won in the final minutes.",
    ],
)
def test_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Inter thắng Atalanta 2-1 nhờ bàn thắng của Lautaro ở hiệp hai.",
        "Đông Á Thanh Hóa hòa Quảng Nam trên sân nhà.",
        "kết quả Inter Atalanta",
        "Inter_thắng Atalanta_2-1 , ở vòng 11 Serie_A",
    ],
)
def test_vietnamese_with_diacritics(text: str) -> None:
    assert detect_language(text) == "vi"


@pytest.mark.parametrize(
    "text",
    [
        "Inter thang Atalanta 2-1 nho ban thang cua Lautaro o hiep hai.",
        "ai ghi ban cho inter vay",
        "ket qua inter atalanta",
        "milan thua ai vay",
    ],
)
def test_vietnamese_without_diacritics(text: str) -> None:
    assert detect_language(text) == "vi"


@pytest.mark.parametrize("text", ["", "   ", "2-1", "12345 !!!", "Lautaro Martinez"])
def test_no_marker_words_gives_the_default(text: str) -> None:
    assert detect_language(text) == DEFAULT


def test_only_the_sample_is_read() -> None:
    text = "Inter thắng Atalanta. " * 10 + "the and of to in was with for his " * 1000
    assert detect_language(text, sample=200) == "vi"
