"""``extract`` is total: any text gives an ExtractedReport, never an exception, in reasonable time.

Reports arrive from users and scrapers, so the input is hostile by nature. The timed cases guard
against catastrophic regex backtracking; the limit is generous on purpose (they are not benchmarks).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract import ExtractedReport, extract

TIME_LIMIT = 20.0  # seconds per case

VIETNAMESE_LETTERS = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯÁÀÃẢẠÉÈÍÌÓÒÚÙÝ"
ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    + VIETNAMESE_LETTERS
    + " \n\t_-–—+/:;,.!?'\"()[]{}<>&#%*⟦⟧’“”…"
)
# words the rules react to, so that random text reaches them instead of stopping at the gates
TOKENS = [
    "Inter",
    "Atalanta",
    "Hemel Hempstead",
    "Đông Á Thanh Hóa",
    "Lautaro Martinez",
    "Nguyễn_Văn_Tùng",
    "2-1",
    "1-1",
    "0 - 0",
    "90+2",
    "90 + 2",
    "63rd minute",
    "phút",
    "scored",
    "ghi bàn",
    "beat",
    "thắng",
    "thua",
    "hòa",
    "drew",
    "penalty",
    "phạt đền",
    "own goal",
    "phản lưới nhà",
    "sent off",
    "thẻ đỏ",
    "points",
    "điểm",
    "xếp thứ",
    "top of the table",
    "⟦T0⟧",
    "⟦N1⟧",
    "⟦S2⟧",
    " date 2023-11-04",
    "---",
    "title:",
    "<p>",
    "</p>",
    "![x](y)",
    "[a](b)",
    "(",
    ")",
    ".",
    ",",
    "\n",
]


def check(text: str) -> ExtractedReport:
    """Extract ``text`` and check what every report must satisfy."""
    report = extract(text)
    assert isinstance(report, ExtractedReport)
    json.dumps(report.to_json())  # the CLI and the store serialise it
    for fact in [*report.goals, *report.events]:
        assert 0 <= fact.match < len(report.matches)
    return report


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(ALPHABET), st.characters()), max_size=400))
def test_any_text(text: str) -> None:
    check(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(alphabet=ALPHABET, max_size=6)), max_size=60).map(" ".join))
def test_any_football_like_text(text: str) -> None:
    check(text)


def _one_megabyte_line() -> str:
    sentence = "Inter beat Atalanta 2-1 and Lautaro Martinez scored in the 57th minute "
    return (sentence * (1_000_000 // len(sentence) + 1))[:1_000_000]


def _latin1() -> str:
    return "".join(chr(i) for i in range(256)) * 40


def _html_soup() -> str:
    chunk = (
        "<div><p class='x'>Inter <b>2-1</b> <a href='#'>Milan<script>if (a < b) {x = '<p>';}</script>"
        "</p></div><!-- comment <p> --><br/>&amp;&#x27;&lt;&bogus;<?php echo '<';"
    )
    return chunk * 5_000


PATHOLOGICAL: dict[str, Callable[[], str]] = {
    "empty": lambda: "",
    "whitespace": lambda: " \n\t \r\n \u00a0\u200b  ",
    "5MB-of-x": lambda: "x" * 5_000_000,
    "punctuation-100k": lambda: "!?.,;:-'\"()" * 100_000,
    "scores-50k": lambda: "1-1 " * 50_000,
    "1MB-line": _one_megabyte_line,
    "latin-1": _latin1,
    "nested-parentheses": lambda: "(" * 50_000 + "Inter 2-1 Milan" + ")" * 50_000,
    "html-soup": _html_soup,
    "placeholders": lambda: "⟦T0⟧ ⟦S1⟧ ⟦N2⟧ " * 20_000,
    "underscores": lambda: "Inter_" * 100_000,
    "capitalised-words": lambda: "Inter Milan Atalanta Bergamo Lautaro " * 20_000,
    "minutes": lambda: "90+2 90 + 2 phút 45' " * 20_000,
    "unclosed-front-matter": lambda: "---\ntitle: x\n" + "tags:\n  - a\n" * 20_000,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_input_finishes(name: str) -> None:
    text = PATHOLOGICAL[name]()
    start = time.perf_counter()
    check(text)
    elapsed = time.perf_counter() - start
    assert elapsed < TIME_LIMIT, f"{name}: {elapsed:.1f} s"
