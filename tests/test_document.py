"""Cleaning of raw reports (``store/extract/document.py``): every scraping quirk is dealt with once, here."""

from __future__ import annotations

from datetime import date

import pytest

from store.extract.document import MAX_CHARS, parse_document, split_sentences


def sentences(raw: str) -> list[str]:
    return [s.text for s in parse_document(raw).sentences]


# -- headers and front matter ------------------------------------------------------------------------


def test_date_header_gives_the_publication_date_and_is_removed() -> None:
    doc = parse_document(" date 2023-11-04 Inter beat Atalanta 2-1. It was close.")
    assert doc.published == date(2023, 11, 4)
    assert [s.text for s in doc.sentences] == ["Inter beat Atalanta 2-1.", "It was close."]


def test_explicit_publication_date_wins_over_the_header() -> None:
    doc = parse_document(" date 2023-11-04 Inter won.", published=date(2023, 11, 5))
    assert doc.published == date(2023, 11, 5)


def test_impossible_header_date_is_ignored() -> None:
    assert parse_document(" date 2023-02-30 Inter won.").published is None


FRONT_MATTER = """---
title: "Inter beat Atalanta"
date: 2023-11-05 10:00
categories:
  - Serie A
  - Inter
tags: [match report, Lautaro]
layout: post
---
Inter beat Atalanta 2-1 on Saturday.
"""


def test_front_matter_title_lists_and_date() -> None:
    doc = parse_document(FRONT_MATTER)
    assert doc.title == "Inter beat Atalanta"
    assert doc.categories == ["Serie A", "Inter"]
    assert doc.tags == ["match report", "Lautaro"]
    assert doc.published == date(2023, 11, 5)


def test_front_matter_is_not_text_but_its_title_is_the_first_line() -> None:
    doc = parse_document(FRONT_MATTER)
    assert doc.lines == ["Inter beat Atalanta", "Inter beat Atalanta 2-1 on Saturday."]
    assert doc.sentences[0].in_title and not doc.sentences[1].in_title


def test_short_first_line_without_full_stop_is_the_title() -> None:
    doc = parse_document("Inter 2-1 Atalanta\nLautaro scored twice.")
    assert doc.title == "Inter 2-1 Atalanta"


# -- markup ------------------------------------------------------------------------------------------


def test_html_tags_php_and_entities_are_stripped() -> None:
    raw = (
        "<p>Inter beat <b>Atalanta</b> 2&ndash;1 &amp; stayed top.</p><?php echo 'ad'; ?>"
        "<div>Lautaro&nbsp;scored.</div><!-- tracking -->"
    )
    assert sentences(raw) == ["Inter beat Atalanta 2-1 & stayed top.", "Lautaro scored."]


def test_block_tags_break_lines() -> None:
    assert parse_document("<p>One line.</p><p>Another line.</p>").lines == ["One line.", "Another line."]


def test_markdown_image_keeps_its_alt_text_on_its_own_line() -> None:
    doc = parse_document("Report.\n![Lautaro celebrates his goal](https://example.com/a.jpg) Then more.")
    assert "Lautaro celebrates his goal" in doc.lines
    assert "https" not in doc.text


def test_markdown_link_is_reduced_to_its_text() -> None:
    assert sentences("Read the [full report](https://example.com/r) now.") == ["Read the full report now."]


def test_bare_url_and_meta_lines_are_dropped() -> None:
    doc = parse_document("Inter won.\nhttps://example.com/page\nkeywords: inter, milan\nAuthor: Jo\nThe end.")
    assert doc.lines == ["Inter won.", "The end."]


# -- word-segmented Vietnamese and loose typography --------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Inter_Lautaro Martinez_sút", "Inter Lautaro Martinez sút"),
        ("Phút 90 + 2 , Atalanta", "Phút 90+2, Atalanta"),
        ("tối 4 / 11 .", "tối 4/11."),
        ("Serie_A 2023 - 2024", "Serie A 2023-2024"),
        ("đội xếp thứ 16 Udinese_0 - 1", "đội xếp thứ 16 Udinese 0-1"),
        ("V - League", "V-League"),
        ("( phải ) mừng bàn", "(phải) mừng bàn"),
    ],
)
def test_word_segmented_vietnamese(raw: str, clean: str) -> None:
    assert parse_document(raw).lines == [clean]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("West Ham1-2 Chelsea", "West Ham 1-2 Chelsea"),
        ("Spurs2 - 0 Arsenal", "Spurs 2-0 Arsenal"),
        ("U23 Việt Nam3-1 Lào", "U23 Việt Nam 3-1 Lào"),
    ],
)
def test_glued_scores_are_separated(raw: str, clean: str) -> None:
    assert parse_document(raw).lines == [clean]


def test_typographic_dashes_and_quotes_are_plain() -> None:
    assert parse_document("Inter 2\u20131 Atalanta \u2014 Lautaro\u2019s night").lines == [
        "Inter 2-1 Atalanta - Lautaro's night"
    ]


# -- sentences ---------------------------------------------------------------------------------------


def test_sentences_split_at_full_stops_and_other_ends() -> None:
    assert split_sentences("It ended 2-1! Then? Yes. Done") == ["It ended 2-1!", "Then?", "Yes.", "Done"]


@pytest.mark.parametrize(
    "text",
    [
        "They play at St. James' Park on Sunday.",
        "J. Smith scored the winner.",
        "Mr. Jones said the result was fair.",
        "Inter vs. Milan ended level.",
    ],
)
def test_abbreviations_and_initials_do_not_split(text: str) -> None:
    assert split_sentences(text) == [text]


def test_lower_case_after_full_stop_does_not_split() -> None:
    assert split_sentences("He scored from 20 yds. and ran off.") == ["He scored from 20 yds. and ran off."]


def test_sentence_knows_its_line_and_whether_it_is_the_whole_line() -> None:
    doc = parse_document("Inter 2-1 Atalanta\nLautaro scored. Scamacca replied.")
    assert [(s.line, s.whole_line) for s in doc.sentences] == [(0, True), (1, False), (1, False)]


def test_endless_unpunctuated_run_is_cut() -> None:
    pieces = split_sentences("word " * 1000)
    assert len(pieces) > 1 and all(len(p) <= 600 for p in pieces)


def test_only_the_first_max_chars_are_read() -> None:
    doc = parse_document("a" * (MAX_CHARS - 1) + " tail-marker")
    assert "tail-marker" not in doc.text


# -- mojibake ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Inter beat Atalanta Ã¢â‚¬â€œ 2-1", "Inter beat Atalanta - 2-1"),
        ("Lautaro Mart\u00c3\u00adnez scored", "Lautaro Martínez scored"),
        ("Inter\u00e2\u20ac\u2122s win", "Inter's win"),
    ],
)
def test_mojibake_is_repaired(raw: str, clean: str) -> None:
    assert parse_document(raw).lines == [clean]


def test_text_without_mojibake_is_left_alone() -> None:
    text = "Nguyễn Quang Hải ghi bàn cho Hà Nội, Mbappé for Paris Saint-Germain"
    assert parse_document(text).lines == [text]
