"""Fast tests of the handlers' pure functions (request -> Reply), without Telegram.

Why: each Telegram callback only reads the update, calls one of these and sends the Reply; here the
replies are checked against a small store built once from the seed reports and a few corpus reports
whose facts were checked by hand (their gold ``.json`` files), in English and Vietnamese.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from bot.services import Services, build_services
from bot.settings import Settings
from handlers.admin import outcome_reply, refusal
from handlers.general import coverage_text, help_reply, lang_reply, start_reply
from handlers.knowledge import Knowledge
from handlers.lang import en, vi
from handlers.questions import is_football_question
from handlers.reply import Reply, esc, utf16_len
from handlers.results import last_command, match_command, result_command
from handlers.scorers import scorers_command
from handlers.standings import table_command
from store.ingest import Outcome
from tests.conftest import CORPUS, SEEDS
from tests.helpers.telegram_html import parse_html

REPORTS = [  # also the store of the end-to-end tests (tests.test_bot_e2e)
    *sorted(SEEDS.glob("*.txt")),  # Atalanta 1-2 Inter (vi), Inter 1-1 Atalanta (2020), Inter-Napoli, AC Milan-Udinese
    CORPUS / "en" / "en_cnndm_001.txt",  # Barcelona 5-1 Sevilla, an own goal
    CORPUS / "vi" / "vi_cms_021.txt",  # Cameroon-Brazil without a stated score, a 90+2' goal
    CORPUS / "en" / "en_dailymail2020_001.txt",  # Aston Villa 1-0 Sheffield United
    CORPUS / "vi" / "vi_cms_018.txt",  # Manchester United 1-2 Leicester
    CORPUS / "en" / "en_dailymail2020_007.txt",  # Iceland 0-1 England, a missed penalty
]


def open_store(folder: Path, reports: list[Path]) -> Services:
    services = build_services(Settings(_env_file=None, database_url=f"sqlite:///{folder / 'store.db'}"))
    services.ingestor.ingest_paths(reports)
    return services


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    services = open_store(tmp_path_factory.mktemp("store"), REPORTS)
    yield services
    services.engine.dispose()


@pytest.fixture(scope="module")
def knowledge(store: Services) -> Knowledge:
    return Knowledge(store.engine, store.ingestor.reference)


@pytest.fixture
def session(store: Services) -> Iterator[Session]:
    with Session(store.engine) as session:
        yield session


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Services]:
    services = open_store(tmp_path, [])
    yield services
    services.engine.dispose()


def valid_html(reply: Reply) -> str:
    """The reply's text as the user sees it; Telegram would refuse invalid HTML (parse_html raises)."""
    return parse_html(reply.html).text


# -- /result, /last, /match ---------------------------------------------------------------------------


def test_result_head_to_head_newest_first_with_scorers(session: Session, knowledge: Knowledge) -> None:
    reply = result_command(session, knowledge, "en", "Inter Atalanta")
    assert reply.html.splitlines() == [
        "<b>Atalanta 1-2 Inter</b> (4 Nov 2023, Serie A, round 11)",
        "   Atalanta: Gianluca Scamacca 61' · Inter: Lautaro Martinez 57', Hakan Calhanoglu (pen)",
        "<b>Inter 1-1 Atalanta</b> (11 Jan 2020, Serie A)",
        "   Inter: Lautaro Martinez 4' · Atalanta: Gosens",
    ]
    for args in ("atalanta inter", "intr atalnta", "INTER  ATALANTA", "“Inter” Atalanta"):
        assert result_command(session, knowledge, "en", args).html == reply.html, args


def test_result_in_vietnamese(session: Session, knowledge: Knowledge) -> None:
    reply = result_command(session, knowledge, "vi", "inter atalanta")
    assert reply.html.startswith("<b>Atalanta 1-2 Inter</b> (4/11/2023, Serie A, vòng 11)\n")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ('"AC Milan" Udinese', "<b>AC Milan 0-1 Udinese</b>"),
        ('"AC Milan" Udinese', "Udinese: Roberto Pereyra 62' (pen)"),
        ("barcelona sevilla", "Sevilla: Jordi Alba 47' (og)"),
        ("cameroon brazil", "<b>Cameroon – Brazil</b>: final score not stated in my reports"),
        ("cameroon brazil", "Cameroon: Aboubakar 90+2'"),
        ("Inter", "<b>Inter – Napoli</b>: final score not stated in my reports (21 Nov 2021"),
        ("united leicester", "<b>Manchester United 1-2 Leicester</b> (12 May 2021, Premier League)"),
        ("", en.TEXTS["usage_result"]),
        ("inter leicester", "I have no match between Inter and Leicester in my reports."),
        ("inter leicester", "I do know Inter's matches against: Atalanta, Napoli, Shakhtar Donetsk."),
    ],
)
def test_result_replies(session: Session, knowledge: Knowledge, args: str, expected: str) -> None:
    reply = result_command(session, knowledge, "en", args)
    assert expected in reply.html
    valid_html(reply)


def test_result_unknown_team_suggests_commands(session: Session, knowledge: Knowledge) -> None:
    reply = result_command(session, knowledge, "en", "sheffield inter")
    assert reply.html == "I don't know a team called “sheffield”.\nDid you mean…?"
    data = [button.data for row in reply.buttons for button in row]
    assert 'cmd:/result Inter "Sheffield United"' in data
    assert all(len(d.encode()) <= 64 for d in data)  # Telegram's limit for callback data


def test_result_ambiguous_team_asks_which_one(session: Session, knowledge: Knowledge) -> None:
    reply = result_command(session, knowledge, "vi", "united")
    assert reply.html == "“united” có thể là nhiều đội – đội nào?"
    choices = {button.label: button.data for row in reply.buttons for button in row}
    assert choices["Manchester United"] == 'cmd:/result "Manchester United"'
    assert choices["Sheffield United"] == 'cmd:/result "Sheffield United"'
    match = match_command(session, knowledge, "en", "united 2021-05-12")
    assert 'cmd:/match "Manchester United" 2021-05-12' in [b.data for row in match.buttons for b in row]


def test_last_counts_only_scored_matches(session: Session, knowledge: Knowledge) -> None:
    two = last_command(session, knowledge, "en", "inter 2").html
    assert two.count("<b>") == 2 and "Napoli" not in two  # Inter-Napoli has no stated score
    assert last_command(session, knowledge, "en", "inter 99").html.count("<b>") == 3  # all Inter has
    assert last_command(session, knowledge, "en", "").html == en.TEXTS["usage_last"]


def test_match_in_full(session: Session, knowledge: Knowledge) -> None:
    latest = match_command(session, knowledge, "en", "inter atalanta")
    lines = latest.html.splitlines()
    assert lines[:4] == [
        "<b>Atalanta 1-2 Inter</b> (4 Nov 2023, Serie A, round 11)",
        "⚽ Lautaro Martinez 57' [Inter]",
        "⚽ Gianluca Scamacca 61' [Atalanta]",
        "⚽ Hakan Calhanoglu (pen) [Inter]",
    ]
    assert "🟥 Rafael Toloi was sent off [Atalanta] (90+2')" in lines
    assert lines[-1].startswith("Sources: ")
    older = match_command(session, knowledge, "vi", "atalanta inter 11/1/2020").html
    assert older.startswith("<b>Inter 1-1 Atalanta</b> (11/1/2020, Serie A)")
    assert "🧤 Samir Handanovic cản phá quả phạt đền của Luis Muriel [Atalanta] (88')" in older
    assert "Birkir Bjarnason missed a penalty" in match_command(session, knowledge, "en", "iceland england").html
    assert match_command(session, knowledge, "en", "inter").html == en.TEXTS["usage_match"]


# -- /scorers and /table ---------------------------------------------------------------------------------


def test_scorers_scopes(session: Session, knowledge: Knowledge) -> None:
    serie_a = scorers_command(session, knowledge, "en", "serie a 2023-24").html
    assert serie_a.startswith("<b>Top scorers</b> – Serie A, 2023-24\n")
    assert "Hakan Calhanoglu – Inter: <b>1</b> (1 pen)" in serie_a and "Gosens" not in serie_a
    inter = scorers_command(session, knowledge, "vi", "inter").html
    assert inter.startswith("<b>Vua phá lưới</b> – Inter\n1. Lautaro Martinez: <b>")
    assert "Lionel Messi – Barcelona: <b>3</b>" in scorers_command(session, knowledge, "en", "").html
    assert scorers_command(session, knowledge, "en", "iceland").html == "No goals in my reports – Iceland."
    ambiguous = scorers_command(session, knowledge, "en", "united premier league")
    assert 'cmd:/scorers "Manchester United" "Premier League"' in [b.data for row in ambiguous.buttons for b in row]


def test_table_from_results_beside_the_stated_standings(session: Session, knowledge: Knowledge) -> None:
    reply = table_command(session, knowledge, "en", "serie a")
    assert reply.html.splitlines()[:4] == [
        "<b>Serie A</b> 2023-24 – from 1 result(s) in my reports",
        "<pre> # Team            P  GD Pts",
        " 1 Inter           1  +1   3",
        " 2 Atalanta        1  -1   0</pre>",
    ]
    assert "<b>As reported</b> (4 Nov 2023):\n1st Inter, 28 pts\n2nd Juventus, 23 pts" in reply.html
    assert parse_html(reply.html).entities[1]["type"] == "pre"


def test_table_of_an_older_season_leaves_out_standings_stated_in_another(
    session: Session, knowledge: Knowledge
) -> None:
    reply = table_command(session, knowledge, "vi", "serie a 2019-20").html
    assert reply.startswith("<b>Serie A</b> 2019-20 – tính từ 1 kết quả")
    assert "4/11/2023" not in reply and "Juventus" not in reply


def test_table_and_coverage_of_an_empty_store(empty: Services) -> None:
    knowledge = Knowledge(empty.engine, empty.ingestor.reference)
    with Session(empty.engine) as session:
        assert table_command(session, knowledge, "en", "").html == en.TEXTS["knows_nothing"]
        assert (
            table_command(session, knowledge, "en", "serie a").html
            == "I have no results of Serie A to build a table from."
        )
        assert coverage_text(session, "vi") == vi.TEXTS["knows_nothing"]


# -- /start, /help, /lang -----------------------------------------------------------------------------


def test_coverage_and_start(session: Session) -> None:
    coverage = coverage_text(session, "en")
    assert coverage.startswith(f"I have read {len(REPORTS)} report(s): ")
    assert ", the latest on 4 Nov 2023." in coverage
    assert "\nCompetitions: " in coverage and "Serie A (2)" in coverage
    start = start_reply(session, "vi").html
    assert start.split("\n\n") == [vi.TEXTS["start"], coverage_text(session, "vi"), vi.TEXTS["help"]]


def test_help_shows_commands_with_examples_and_what_the_bot_knows(session: Session) -> None:
    for module in (en, vi):
        help_text = valid_html(help_reply(session, module.CODE))
        assert help_text.endswith(parse_html(coverage_text(session, module.CODE)).text)
        for example in ("/result Inter Atalanta", "/result", "/match", "/scorers", "/table", "/ask", "/lang en|vi"):
            assert example in help_text


def test_lang_reply() -> None:
    assert lang_reply("vi", "en") == (Reply(vi.TEXTS["lang_set"]), "vi")
    assert lang_reply(" EN ", "vi") == (Reply(en.TEXTS["lang_set"]), "en")
    assert lang_reply("klingon", "vi") == (Reply(vi.TEXTS["lang_usage"]), None)
    assert lang_reply("", "en") == (Reply(en.TEXTS["lang_usage"]), None)


# -- admin receipts -------------------------------------------------------------------------------------


def test_outcome_reply_for_every_status() -> None:
    ingested = Outcome(
        "a<b>&c.txt",
        "ingested",
        matches=["Atalanta 1-2 Inter (2023-11-04, Serie A)"],
        matches_added=1,
        goals_added=3,
        conflicts=["Atalanta v Inter: reports give 1-2, 2-2"],
    )
    assert outcome_reply(ingested, "en").html == (
        "✅ a&lt;b&gt;&amp;c.txt: Atalanta 1-2 Inter (2023-11-04, Serie A)\n"
        "1 match(es) and 3 goal(s) added.\n"
        "⚠️ Conflict: Atalanta v Inter: reports give 1-2, 2-2"
    )
    assert outcome_reply(Outcome("r.txt", "duplicate", "already ingested"), "en").html == (
        "ℹ️ r.txt: already read – nothing new."
    )
    assert outcome_reply(Outcome("r.txt", "no_facts"), "en").html == (
        "⚠️ r.txt: stored, but I found no match, result or table in it."
    )
    assert outcome_reply(Outcome("r.txt", "failed", "binary file, not text"), "vi").html.startswith("❌ r.txt: binary")
    assert outcome_reply(Outcome("r.pdf", "refused", "unsupported <type>"), "en").html == (
        "❌ r.pdf: unsupported &lt;type&gt;"
    )


def test_refusal_before_download() -> None:
    assert refusal("report.txt", 1000, 2048) is None
    assert refusal("Report.HTML", None, 2048) is None  # size unknown: the ingestor checks after download
    assert (refusal("report.pdf", 10, 2048) or "").startswith("unsupported file type .pdf")
    assert refusal("report", 10, 2048) is not None
    assert refusal("big.md", 3 * 1048576, 2 * 1048576) == "file too large (3.0 MB; the limit is 2.0 MB)"


# -- questions in groups ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "answered"),
    [
        ("who scored for inter vs atalanta?", True),
        ("ai ghi bàn cho Inter trận gặp Atalanta", True),
        ("inter atalanta score", True),
        ("anyone up for five-a-side tonight?", False),
        ("Inter are flying this season lads", False),
        ("lol", False),
        ("who is cooking tonight?", False),
    ],
)
def test_only_clear_football_questions_count_in_groups(knowledge: Knowledge, message: str, answered: bool) -> None:
    assert is_football_question(knowledge, message) is answered


# -- Reply.chunks and esc -------------------------------------------------------------------------------


def test_short_reply_is_one_message() -> None:
    assert Reply("<b>x</b>\n" + "y" * 4000).chunks() == ["<b>x</b>\n" + "y" * 4000]


def test_chunks_split_at_line_breaks_counting_utf16_units() -> None:
    line = "🟥" * 40 + " <b>Toloi</b> &amp; co " + "x" * 30  # each 🟥 is two UTF-16 units
    reply = Reply("\n".join(f"{i:02} {line}" for i in range(40)))
    assert len(reply.html) <= 4096 < utf16_len(reply.html)  # fits in characters, not for Telegram
    chunks = reply.chunks()
    assert len(chunks) == 2
    assert all(utf16_len(chunk) <= 4096 for chunk in chunks)
    assert "\n".join(chunks) == reply.html  # cut exactly at a line break
    assert [valid_html(Reply(chunk))[:2] for chunk in chunks] == [
        "00",
        "29",
    ]  # 29 lines of 136 units and their breaks fit


def test_chunks_close_and_reopen_a_pre_block() -> None:
    rows = "\n".join(f"{i:>3} Team {i:<10} 1  +1   3" for i in range(300))
    reply = Reply("<b>Serie A</b>\n<pre>" + rows + "</pre>\nAs reported")
    chunks = reply.chunks(limit=1000)
    assert len(chunks) > 5
    for chunk in chunks:
        assert utf16_len(chunk) <= 1000
        parsed = parse_html(chunk)
        assert any(entity["type"] == "pre" for entity in parsed.entities)
    assert "".join(parse_html(c).text + "\n" for c in chunks).rstrip() == parse_html(reply.html).text


def test_chunks_split_a_long_line_at_spaces_never_inside_a_tag_or_entity() -> None:
    words = " ".join(f"<i>w{i}</i> &amp;" for i in range(1000))
    chunks = Reply(words).chunks(limit=500)
    assert all(utf16_len(chunk) <= 500 for chunk in chunks)
    texts = [valid_html(Reply(chunk)) for chunk in chunks]
    assert " ".join(texts) == parse_html(words).text


def test_chunks_of_one_unbroken_word_keep_every_character() -> None:
    word = "<b>" + "é" * 9000 + "</b>"
    chunks = Reply(word).chunks()
    assert [utf16_len(c) for c in chunks] == [4096, 4096, 3 + 822 + 4]
    assert "".join(parse_html(c).text for c in chunks) == "é" * 9000


def test_esc_makes_report_text_safe_for_telegram_html() -> None:
    assert esc("Brighton & Hove <Albion>") == "Brighton &amp; Hove &lt;Albion&gt;"
    assert esc("Martinez 57'") == "Martinez 57'"  # quotes are text in Telegram's HTML
    assert esc(3) == "3"
    assert parse_html(esc("<b>not bold</b> & 1 < 2")).text == "<b>not bold</b> & 1 < 2"
