"""End-to-end tests of the Telegram bot: the real application (``bot.app``) polls the fake Bot API.

Why: these show what a fan or an admin sees -- the text the bot sent, in which language, the files it
fetched and the inbox files it moved -- through PTB's real polling, encoding and handler order. The fake
refuses what Telegram refuses (bad HTML, over-long texts, unknown buttons), so a reply Telegram would
reject fails here too. Each test starts its own bot over a small store (a second or less).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from bot.cli import configure_logging
from bot.inbox import Inbox
from handlers.context import reply
from handlers.lang import en, vi
from handlers.reply import Button, Reply
from tests.conftest import BOT_USERNAME, CORPUS, DATA
from tests.helpers.bot_app import RunningBot, running_bot
from tests.helpers.fake_telegram import FakeTelegram, SentMessage
from tests.helpers.stores import copy_store, store_template
from tests.test_handlers_pure import REPORTS  # the same store as the handlers' unit tests

BOT_NAME = BOT_USERNAME
ADMIN_ID, FAN_ID, OTHER_ID = 11, 22, 33
REPORT_FILE = DATA / "reports" / "atalanta_inter_en.txt"
QUESTION = "who scored for inter vs atalanta?"


# -- fixtures and shared steps ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once: each test's bot gets its own copy."""
    return store_template(tmp_path_factory.mktemp("seeded"), REPORTS)


@pytest.fixture(scope="session")
def empty_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_template(tmp_path_factory.mktemp("empty"), [])


@pytest.fixture
async def bot(tg: FakeTelegram, tmp_path: Path, seeded_store: Path) -> AsyncIterator[RunningBot]:
    """The bot over the seed reports and a few corpus reports."""
    async with serving(tg, tmp_path, seeded_store) as running:
        yield running


@pytest.fixture
async def empty_bot(tg: FakeTelegram, tmp_path: Path, empty_store: Path) -> AsyncIterator[RunningBot]:
    """The bot with an empty store: an upload's receipt counts only what it added."""
    async with serving(tg, tmp_path, empty_store) as running:
        yield running


@contextlib.asynccontextmanager
async def serving(tg: FakeTelegram, workdir: Path, store: Path) -> AsyncIterator[RunningBot]:
    """``running_bot`` over a copy of ``store``."""
    copy_store(store, workdir)
    async with running_bot(tg, workdir, admins={ADMIN_ID}) as running:
        yield running


@pytest.fixture
def fan(tg: FakeTelegram) -> dict:
    return tg.user(FAN_ID, "Fan", username="fan")


@pytest.fixture
def admin(tg: FakeTelegram) -> dict:
    return tg.user(ADMIN_ID, "Admin", username="admin")


@pytest.fixture
def group(tg: FakeTelegram) -> dict:
    return tg.group_chat(-1001234567890, "Calcio fans")


async def answer_to(tg: FakeTelegram, message: dict, timeout: float = 5.0) -> SentMessage:
    """The bot's reply to ``message`` (the bot quotes what it answers)."""
    chat, message_id = message["chat"]["id"], message["message_id"]
    return await tg.wait_for_message(chat, timeout, lambda sent: sent.reply_to_message_id == message_id)


async def ask(tg: FakeTelegram, chat: dict, user: dict, text: str, **kwargs: object) -> str:
    """``user`` writes ``text`` in ``chat``; the plain text of the bot's answer."""
    reply = await answer_to(tg, tg.send_text(chat, user, text, **kwargs))  # type: ignore[arg-type]
    assert reply.parse_mode == "HTML"
    return reply.plain_text or ""


async def assert_silent(tg: FakeTelegram, chat: dict) -> None:
    """No further bot message to ``chat``: what the bot ignored got no answer (the test sent something
    the bot does answer after it, and waited for that answer, so the ignored updates were handled)."""
    with pytest.raises(TimeoutError):
        await tg.wait_for_message(chat, timeout=0.3)


def in_order(text: str, *parts: str) -> bool:
    """Each part occurs in ``text``, after the previous one."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


async def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """The inbox job moves files on its own schedule; nothing in Telegram tells when, so look."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(0.05)


# -- /start, /help, menus, languages ------------------------------------------------------------------


async def test_start_says_what_the_bot_knows_and_how_to_ask(tg: FakeTelegram, bot: RunningBot, fan: dict) -> None:
    chat = tg.private_chat(fan)
    start = await ask(tg, chat, fan, "/start")
    assert start.startswith("⚽ footbot answers football questions")
    assert f"I have read {len(REPORTS)} report(s)" in start
    assert "the latest on 4 Nov 2023" in start
    assert re.search(r"\nCompetitions: .*Serie A \(2\)", start)
    help_text = await ask(tg, chat, fan, "/help")
    assert f"I have read {len(REPORTS)} report(s)" in help_text
    assert "/result TEAM [TEAM] – results (e.g. /result Inter Atalanta)" in help_text
    for command in ("/match TEAM TEAM [date]", "/scorers [competition] [season] [team]", "/table", "/lang en|vi"):
        assert command in help_text


async def test_command_menus_are_published_in_english_and_vietnamese_and_answered(
    tg: FakeTelegram, bot: RunningBot, fan: dict
) -> None:
    english = {c["command"]: c["description"] for c in tg.commands()}
    vietnamese = {c["command"]: c["description"] for c in tg.commands(language_code="vi")}
    assert english == en.COMMANDS and vietnamese == vi.COMMANDS
    assert {"result", "match", "scorers", "table", "ask", "lang", "help"} <= english.keys()
    assert english["result"] != vietnamese["result"]
    chat = tg.private_chat(fan)
    for command in english:  # a command in the menu that nothing answers would leave the fan waiting
        assert await ask(tg, chat, fan, f"/{command}") != en.TEXTS["error"], command


async def test_vietnamese_telegram_user_gets_vietnamese_replies(tg: FakeTelegram, bot: RunningBot) -> None:
    user = tg.user(44, "Minh", language_code="vi")
    chat = tg.private_chat(user)
    assert f"Mình đã đọc {len(REPORTS)} bài" in await ask(tg, chat, user, "/start")
    result = await ask(tg, chat, user, "/result inter atalanta")
    assert result.startswith("Atalanta 1-2 Inter (4/11/2023, Serie A, vòng 11)")


async def test_lang_switches_the_reply_language_of_one_chat(tg: FakeTelegram, bot: RunningBot, fan: dict) -> None:
    chat = tg.private_chat(fan)
    other = tg.user(OTHER_ID, "Other")
    other_chat = tg.private_chat(other)
    assert await ask(tg, chat, fan, "/lang vi") == vi.TEXTS["lang_set"]
    assert (await ask(tg, chat, fan, "/help")).startswith("Lệnh\n/result ĐỘI [ĐỘI]")
    assert (await ask(tg, other_chat, other, "/help")).startswith("Commands\n/result TEAM [TEAM]")
    assert await ask(tg, chat, fan, "/lang klingon") == vi.TEXTS["lang_usage"]
    assert await ask(tg, chat, fan, "/lang en") == en.TEXTS["lang_set"]
    assert (await ask(tg, chat, fan, "/help")).startswith("Commands")


async def test_a_question_is_answered_in_its_own_language(tg: FakeTelegram, bot: RunningBot, fan: dict) -> None:
    vietnamese_user = tg.user(44, "Minh", language_code="vi")
    in_vietnamese = await ask(tg, tg.private_chat(fan), fan, "ai ghi bàn cho Inter trận gặp Atalanta?")
    assert "(4/11/2023, Serie A, vòng 11)" in in_vietnamese
    in_english = await ask(tg, tg.private_chat(vietnamese_user), vietnamese_user, QUESTION)
    assert "(4 Nov 2023, Serie A, round 11)" in in_english
    assert "Lautaro Martinez 57'" in in_vietnamese and "Lautaro Martinez 57'" in in_english


async def test_a_long_reply_becomes_several_messages_telegram_accepts(
    tg: FakeTelegram, bot: RunningBot, fan: dict
) -> None:
    """``handlers.context.reply``, which every callback sends with: no store answer is this long yet."""
    rows = "\n".join(f"{i:>3} 🟥 Team {i}" + " x" * 20 for i in range(300))  # 🟥: two UTF-16 units
    answer = Reply(f"<b>Table</b>\n<pre>{rows}</pre>", buttons=[[Button("More", "ask:more")]])

    async def cmd_long(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await reply(update, context, answer)

    bot.app.add_handler(CommandHandler("long", cmd_long))
    chat = tg.private_chat(fan)
    first = await answer_to(tg, tg.send_text(chat, fan, "/long"))
    parts = [first, *[await tg.wait_for_message(chat) for _ in range(len(answer.chunks()) - 1)]]
    assert len(parts) == 5 and not tg.errors  # the fake refuses what Telegram refuses
    assert [part.reply_markup is not None for part in parts] == [False, False, False, False, True]
    assert all(entity["type"] == "pre" for part in parts[1:] for entity in part.message["entities"])
    lines = [line.strip() for part in parts for line in (part.plain_text or "").splitlines()]
    assert lines == [line.strip() for line in Reply(answer.html).plain().splitlines()]  # Telegram trims messages


# -- /result, /match, /scorers, /table ----------------------------------------------------------------


async def test_result_head_to_head_whatever_the_order_case_or_typos(
    tg: FakeTelegram, bot: RunningBot, fan: dict
) -> None:
    chat = tg.private_chat(fan)
    replies = [
        await ask(tg, chat, fan, command)
        for command in ("/result Inter Atalanta", "/result atalanta inter", "/result intr atalnta")
    ]
    assert replies[0] == replies[1] == replies[2]
    assert in_order(
        replies[0],
        "Atalanta 1-2 Inter (4 Nov 2023, Serie A, round 11)",  # newest first
        "Atalanta: Gianluca Scamacca 61' · Inter: Lautaro Martinez 57', Hakan Calhanoglu (pen)",
        "Inter 1-1 Atalanta (11 Jan 2020, Serie A)",
        "Inter: Lautaro Martinez 4'",
    )


async def test_result_with_quoted_names_own_goals_and_added_time(tg: FakeTelegram, bot: RunningBot, fan: dict) -> None:
    chat = tg.private_chat(fan)
    milan = await ask(tg, chat, fan, '/result "AC Milan" Udinese')
    assert in_order(milan, "AC Milan 0-1 Udinese", "Udinese: Roberto Pereyra 62' (pen)")
    barcelona = await ask(tg, chat, fan, "/result barcelona sevilla")
    assert "Barcelona 5-1 Sevilla (La Liga)" in barcelona and "Sevilla: Jordi Alba 47' (og)" in barcelona
    cameroon = await ask(tg, chat, fan, "/result Cameroon Brazil")
    assert cameroon.startswith("Cameroon – Brazil: final score not stated in my reports")
    assert "Cameroon: Aboubakar 90+2'" in cameroon


async def test_result_of_one_team_lists_its_recent_matches(tg: FakeTelegram, bot: RunningBot, fan: dict) -> None:
    reply = await ask(tg, tg.private_chat(fan), fan, "/result Inter")
    assert in_order(reply, "Atalanta 1-2 Inter (4 Nov 2023", "Inter 1-1 Atalanta (11 Jan 2020")
    assert "Inter – Napoli: final score not stated in my reports" in reply


async def test_result_without_teams_or_with_an_unplayed_pair(tg: FakeTelegram, bot: RunningBot, fan: dict) -> None:
    chat = tg.private_chat(fan)
    assert await ask(tg, chat, fan, "/result") == "Which teams? e.g. /result Inter Atalanta"
    reply = await ask(tg, chat, fan, "/result Inter Leicester")
    assert reply.startswith("I have no match between Inter and Leicester in my reports.")
    assert "I do know Inter's matches against: Atalanta, Napoli, Shakhtar Donetsk." in reply


async def test_unknown_team_offers_buttons_that_complete_the_command(
    tg: FakeTelegram, bot: RunningBot, fan: dict
) -> None:
    chat = tg.private_chat(fan)
    message = tg.send_text(chat, fan, "/result sheffield")
    reply = await answer_to(tg, message)
    assert reply.plain_text == "I don't know a team called “sheffield”.\nDid you mean…?"
    assert 'cmd:/result "Sheffield United"' in reply.button_data()
    query = tg.press_button(chat, fan, reply, 'cmd:/result "Sheffield United"')
    result = await tg.wait_for_message(chat)
    assert result.plain_text.startswith("Aston Villa 1-0 Sheffield United (21 Sep 2020, Premier League)")
    assert any(answer["callback_query_id"] == query["id"] for answer in tg.callback_answers)


async def test_ambiguous_team_asks_which_one_and_the_button_answers(
    tg: FakeTelegram, bot: RunningBot, fan: dict
) -> None:
    chat = tg.private_chat(fan)
    reply = await answer_to(tg, tg.send_text(chat, fan, "/result united"))
    assert reply.plain_text == "“united” could be several teams – which one?"
    labels = [button["text"] for row in reply.reply_markup["inline_keyboard"] for button in row]
    assert {"Manchester United", "Sheffield United"} <= set(labels)
    tg.press_button(chat, fan, reply, 'cmd:/result "Manchester United"')
    result = await tg.wait_for_message(chat)
    assert result.plain_text.startswith("Manchester United 1-2 Leicester (12 May 2021, Premier League)")
    # the other team of the question settles which "united" is meant
    assert (await ask(tg, chat, fan, "/result united leicester")).startswith("Manchester United 1-2 Leicester")


async def test_match_in_full(tg: FakeTelegram, bot: RunningBot, fan: dict) -> None:
    chat = tg.private_chat(fan)
    latest = await ask(tg, chat, fan, "/match Inter Atalanta")
    assert in_order(
        latest,
        "Atalanta 1-2 Inter (4 Nov 2023, Serie A, round 11)",
        "⚽ Lautaro Martinez 57' [Inter]",
        "⚽ Gianluca Scamacca 61' [Atalanta]",
        "🟥 Rafael Toloi was sent off [Atalanta] (90+2')",
        "Sources: ",
    )
    older = await ask(tg, chat, fan, "/match atalanta inter 2020-01-11")
    assert in_order(
        older,
        "Inter 1-1 Atalanta (11 Jan 2020, Serie A)",
        "⚽ Lautaro Martinez 4' [Inter]",
        "🧤 Samir Handanovic saved Luis Muriel's penalty [Atalanta] (88')",
        "Sources: 002_2bf271575ff41201.txt (11 Jan 2020)",
    )
    missed = await ask(tg, chat, fan, "/match iceland england")
    assert "Birkir Bjarnason missed a penalty" in missed
    assert await ask(tg, chat, fan, "/match Inter") == Reply(en.TEXTS["usage_match"]).plain()


async def test_scorers_of_everything_a_competition_or_a_team(tg: FakeTelegram, bot: RunningBot, fan: dict) -> None:
    chat = tg.private_chat(fan)
    everything = await ask(tg, chat, fan, "/scorers")
    assert everything.startswith("Top scorers\n1. ")
    assert "Lionel Messi – Barcelona: 3" in everything
    serie_a = await ask(tg, chat, fan, "/scorers serie a 2023-24")
    assert serie_a.startswith("Top scorers – Serie A, 2023-24\n")
    assert "Hakan Calhanoglu – Inter: 1 (1 pen)" in serie_a and "Gosens" not in serie_a  # Gosens scored in 2020
    inter = await ask(tg, chat, fan, "/scorers inter")
    assert inter.startswith("Top scorers – Inter\n1. Lautaro Martinez: ")


async def test_table_is_a_pre_block_with_its_basis_and_the_stated_standings(
    tg: FakeTelegram, bot: RunningBot, fan: dict
) -> None:
    chat = tg.private_chat(fan)
    reply = await answer_to(tg, tg.send_text(chat, fan, "/table serie a"))
    text = reply.plain_text or ""
    assert text.startswith("Serie A 2023-24 – from 1 result(s) in my reports\n")
    pre = [entity for entity in reply.message["entities"] if entity["type"] == "pre"]
    assert len(pre) == 1
    table = text[pre[0]["offset"] : pre[0]["offset"] + pre[0]["length"]]  # the text is ASCII up to here
    assert table.splitlines()[1:] == [
        " 1 Inter           1  +1   3",
        " 2 Atalanta        1  -1   0",
    ]
    assert in_order(text, "As reported (4 Nov 2023):", "1st Inter, 28 pts", "2nd Juventus, 23 pts")


# -- groups ---------------------------------------------------------------------------------------------


async def test_group_ask_and_commands_addressed_to_the_bot(
    tg: FakeTelegram, bot: RunningBot, fan: dict, group: dict
) -> None:
    asked = await ask(tg, group, fan, f"/ask {QUESTION}")
    assert asked.startswith("Atalanta 1-2 Inter (4 Nov 2023, Serie A, round 11)")
    assert "Lautaro Martinez 57'" in asked
    tg.send_text(group, fan, "/result@another_bot Inter Atalanta")  # for another bot in the group
    addressed = await ask(tg, group, fan, f"/result@{BOT_NAME} Inter Atalanta")
    assert addressed.startswith("Atalanta 1-2 Inter")
    await assert_silent(tg, group)


async def test_group_replies_to_the_bot_and_mentions_are_answered(
    tg: FakeTelegram, bot: RunningBot, fan: dict, group: dict
) -> None:
    # neither message reads as a question: only being addressed to the bot gets them an answer
    first = await answer_to(tg, tg.send_text(group, fan, "/result Inter Atalanta"))
    follow_up = await ask(tg, group, fan, "and barcelona sevilla", reply_to=first)
    assert follow_up.startswith("Barcelona 5-1 Sevilla (La Liga)")
    mention = await ask(tg, group, fan, f"@{BOT_NAME} what do you know")
    assert mention.startswith(f"I have read {len(REPORTS)} report(s)")
    tg.send_text(group, fan, "what do you know")
    tg.send_text(group, fan, "and barcelona sevilla")
    tg.send_text(group, fan, "and barcelona sevilla", reply_to=tg.send_text(group, fan, "hi"))
    assert (await ask(tg, group, fan, "/help")).startswith("Commands")
    await assert_silent(tg, group)


async def test_group_plain_football_questions_answered_chatter_ignored(
    tg: FakeTelegram, bot: RunningBot, fan: dict, group: dict
) -> None:
    tg.send_text(group, fan, "anyone up for five-a-side tonight?")  # a question, but not about football
    tg.send_text(group, fan, "Inter are flying this season lads")  # a team, but not a question
    tg.send_text(group, fan, "lol")
    answered = await ask(tg, group, fan, "ai ghi bàn cho Inter trận gặp Atalanta?")
    assert "Lautaro Martinez 57'" in answered and "vòng 11" in answered
    await assert_silent(tg, group)


async def test_other_bots_and_edited_messages_are_ignored(
    tg: FakeTelegram, bot: RunningBot, fan: dict, group: dict
) -> None:
    other_bot = tg.user(99, "Echo", is_bot=True, username="echo_bot")
    tg.send_text(group, other_bot, QUESTION)
    tg.send_text(group, other_bot, "/result Inter Atalanta")
    tg.send_text(group, other_bot, f"@{BOT_NAME} {QUESTION}")
    chatter = tg.send_text(group, fan, "nice weather")
    tg.edit_text(chatter, QUESTION)  # a typo fixed must not get an answer
    private = tg.private_chat(fan)
    earlier = tg.send_text(private, fan, "/help")
    await answer_to(tg, earlier)
    tg.edit_text(earlier, "/result Inter Atalanta")
    assert (await ask(tg, group, fan, "/help")).startswith("Commands")
    await assert_silent(tg, group)
    await assert_silent(tg, private)


# -- errors and logs -------------------------------------------------------------------------------------


async def test_an_error_is_logged_and_the_user_told_in_their_language(
    tg: FakeTelegram, bot: RunningBot, fan: dict, caplog: pytest.LogCaptureFixture
) -> None:
    chat = tg.private_chat(fan)
    await ask(tg, chat, fan, "/lang vi")
    tg.fail_next("sendMessage", status=400, description="Bad Request: something unexpected")
    tg.send_text(chat, fan, "/help")
    apology = await tg.wait_for_message(chat)
    assert apology.plain_text == vi.TEXTS["error"]
    [record] = [r for r in caplog.records if r.getMessage() == "error while handling an update"]
    assert record.levelno == logging.ERROR and record.exc_info is not None
    assert "BadRequest: Something unexpected" in caplog.text


async def test_the_token_never_appears_in_logs(
    tg: FakeTelegram, tmp_path: Path, empty_store: Path, admin: dict, caplog: pytest.LogCaptureFixture
) -> None:
    configure_logging("INFO")  # as `footbot run` does, at its default level
    caplog.set_level(logging.INFO)
    async with serving(tg, tmp_path, empty_store):
        chat = tg.private_chat(admin)
        tg.send_document(chat, admin, REPORT_FILE.name, REPORT_FILE.read_bytes())  # a download: the URL has it
        assert (await tg.wait_for_message(chat)).plain_text.startswith("✅")
        tg.fail_next("sendMessage", status=400)
        tg.send_text(chat, admin, "/help")
        assert (await tg.wait_for_message(chat)).plain_text == en.TEXTS["error"]
    assert caplog.records
    assert tg.token not in caplog.text
    assert tg.token.split(":")[1] not in caplog.text


# -- admin uploads ------------------------------------------------------------------------------------


async def test_admin_uploads_a_report_then_the_same_report_again(
    tg: FakeTelegram, empty_bot: RunningBot, admin: dict, fan: dict
) -> None:
    chat = tg.private_chat(admin)
    upload = tg.send_document(chat, admin, REPORT_FILE.name, REPORT_FILE.read_bytes())
    receipt = (await answer_to(tg, upload)).plain_text
    assert receipt.startswith("✅ atalanta_inter_en.txt: Atalanta 1-2 Inter")
    assert receipt.endswith("\n1 match(es) and 3 goal(s) added.")
    assert tg.downloads[upload["document"]["file_id"]] == 1
    result = await ask(tg, tg.private_chat(fan), fan, "/result inter atalanta")  # known at once
    assert result.startswith("Atalanta 1-2 Inter") and "Lautaro Martinez 57'" in result
    again = tg.send_document(chat, admin, "copy.txt", REPORT_FILE.read_bytes().replace(b"\n", b"\r\n"))
    assert (await answer_to(tg, again)).plain_text == "ℹ️ copy.txt: already read – nothing new."
    reports = await ask(tg, chat, admin, "/reports")
    assert reports.startswith("Latest reports\n#1 atalanta_inter_en.txt · extracted · ")
    assert "copy.txt" not in reports


async def test_upload_refused_before_download_when_too_big_or_unreadable_type(
    tg: FakeTelegram, empty_bot: RunningBot, admin: dict
) -> None:
    chat = tg.private_chat(admin)
    pdf = tg.send_document(chat, admin, "report.pdf", b"%PDF-1.4", mime_type="application/pdf")
    assert (await answer_to(tg, pdf)).plain_text.startswith("❌ report.pdf: unsupported file type .pdf: send ")
    big = tg.send_document(chat, admin, "huge.txt", b"Inter 2-1 Atalanta", file_size=3 * 1024 * 1024)
    assert (await answer_to(tg, big)).plain_text == "❌ huge.txt: file too large (3.0 MB; the limit is 2.0 MB)"
    assert tg.downloads[pdf["document"]["file_id"]] == 0
    assert tg.downloads[big["document"]["file_id"]] == 0


async def test_upload_of_files_that_are_empty_binary_html_or_not_utf8(
    tg: FakeTelegram, empty_bot: RunningBot, admin: dict
) -> None:
    chat = tg.private_chat(admin)

    async def receipt(name: str, content: bytes) -> str:
        return (await answer_to(tg, tg.send_document(chat, admin, name, content))).plain_text or ""

    assert await receipt("empty.txt", b"") == "❌ empty.txt: empty file"
    assert await receipt("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40) == (
        "❌ photo.txt: binary file, not text"
    )
    assert await receipt("notes.txt", b"Training was fun today. See you on Monday.") == (
        "⚠️ notes.txt: stored, but I found no match, result or table in it."
    )
    windows = (CORPUS / "en" / "en_cnndm_004.txt").read_text(encoding="utf-8").encode("cp1252")
    assert (await receipt("dortmund.txt", windows)).startswith("✅ dortmund.txt: Borussia Dortmund")
    utf16 = (CORPUS / "vi" / "vi_cms_021.txt").read_text(encoding="utf-8").encode("utf-16")
    assert (await receipt("cameroon.txt", utf16)).startswith("✅ cameroon.txt: Switzerland 3-2 Serbia; Cameroon")
    page = await receipt("page.html", (DATA / "reports" / "boilerplate.html").read_bytes())
    assert page.startswith("✅ page.html: Hemel Hempstead 3-1 Slough Town")


async def test_upload_names_are_shown_escaped(tg: FakeTelegram, empty_bot: RunningBot, admin: dict) -> None:
    chat = tg.private_chat(admin)
    upload = tg.send_document(chat, admin, "Inter & <Atalanta>.txt", REPORT_FILE.read_bytes())
    reply = await answer_to(tg, upload)
    assert reply.plain_text.startswith("✅ Inter & <Atalanta>.txt: Atalanta 1-2 Inter")
    assert "&amp; &lt;Atalanta&gt;" in (reply.text or "")


async def test_non_admins_are_refused_and_their_files_never_fetched(
    tg: FakeTelegram, empty_bot: RunningBot, fan: dict, admin: dict, group: dict
) -> None:
    private = tg.private_chat(fan)
    sent = tg.send_document(private, fan, REPORT_FILE.name, REPORT_FILE.read_bytes())
    assert (await answer_to(tg, sent)).plain_text == en.TEXTS["admin_only"]
    captioned = tg.send_document(group, fan, REPORT_FILE.name, REPORT_FILE.read_bytes(), caption="/upload")
    assert (await answer_to(tg, captioned)).plain_text == en.TEXTS["admin_only"]
    posted = tg.send_document(group, admin, "posted.txt", REPORT_FILE.read_bytes())  # no caption: not an upload
    assert await ask(tg, group, fan, "/upload", reply_to=posted) == en.TEXTS["admin_only"]
    assert await ask(tg, private, fan, "/reports") == en.TEXTS["admin_only"]
    assert await ask(tg, private, fan, "/reextract") == en.TEXTS["admin_only"]
    assert set(tg.downloads.values()) == {0}
    nothing = Reply("\n\n".join([en.TEXTS["start"], en.TEXTS["knows_nothing"], en.TEXTS["help"]]))
    assert await ask(tg, private, fan, "/start") == nothing.plain()


async def test_admin_uploads_in_a_group_by_caption_or_by_replying(
    tg: FakeTelegram, empty_bot: RunningBot, admin: dict, fan: dict, group: dict
) -> None:
    plain = tg.send_document(group, admin, "chat.txt", REPORT_FILE.read_bytes())  # shared, not uploaded
    captioned = tg.send_document(group, admin, REPORT_FILE.name, REPORT_FILE.read_bytes(), caption="/upload")
    assert (await answer_to(tg, captioned)).plain_text.startswith("✅ atalanta_inter_en.txt: Atalanta 1-2 Inter")
    assert tg.downloads[plain["document"]["file_id"]] == 0
    posted = tg.send_document(group, fan, "fan.txt", (DATA / "reports" / "atalanta_inter_conflict.txt").read_bytes())
    receipt = await ask(tg, group, admin, f"/upload@{BOT_NAME}", reply_to=posted)
    assert receipt.startswith("✅ fan.txt: Atalanta ") and "⚠️ Conflict: Atalanta v Inter" in receipt
    assert tg.downloads[posted["document"]["file_id"]] == 1
    assert await ask(tg, group, admin, "/upload") == en.TEXTS["upload_hint"]


async def test_admin_reextracts_every_report(tg: FakeTelegram, bot: RunningBot, admin: dict) -> None:
    chat = tg.private_chat(admin)
    tg.send_text(chat, admin, "/reextract")
    assert (await tg.wait_for_message(chat)).plain_text == en.TEXTS["reextract_started"]
    done = (await tg.wait_for_message(chat)).plain_text or ""
    assert done.startswith(f"Done: {len(REPORTS)} report(s): {len(REPORTS)} ingested;")
    assert (await ask(tg, chat, admin, "/result inter atalanta")).startswith("Atalanta 1-2 Inter")


# -- the inbox job ------------------------------------------------------------------------------------


async def test_inbox_job_ingests_dropped_files_and_files_away_bad_ones(
    tg: FakeTelegram, empty_bot: RunningBot, fan: dict
) -> None:
    inbox = empty_bot.inbox
    (inbox / "report.txt").write_bytes(REPORT_FILE.read_bytes())
    (inbox / "broken.txt").write_bytes(b"")
    (inbox / "slides.pdf").write_bytes(b"%PDF-1.4")
    (inbox / "arriving.txt.part").write_bytes(b"Inter beat Atalanta")  # still being written
    await wait_until(lambda: (inbox / "processed" / "report.txt").exists())
    await wait_until(lambda: (inbox / "failed" / "slides.pdf.reason.txt").exists())
    assert (inbox / "failed" / "broken.txt.reason.txt").read_text(encoding="utf-8") == "empty file"
    assert (
        (inbox / "failed" / "slides.pdf.reason.txt")
        .read_text(encoding="utf-8")
        .startswith("unsupported file type .pdf")
    )
    assert sorted(p.name for p in inbox.iterdir() if p.is_file()) == ["arriving.txt.part"]
    assert (await ask(tg, tg.private_chat(fan), fan, "/result inter atalanta")).startswith("Atalanta 1-2 Inter")


def test_inbox_takes_a_file_only_once_it_stopped_changing(tmp_path: Path) -> None:
    class Refuse:  # the inbox must not ingest anything here
        def ingest_path(self, path: Path, **kwargs: object) -> None:
            raise AssertionError(f"{path} ingested")

    inbox = Inbox(tmp_path, Refuse())  # type: ignore[arg-type]
    report = tmp_path / "report.txt"
    report.write_text("Inter beat", encoding="utf-8")
    assert inbox.ready_files() == []  # first sight
    with report.open("a", encoding="utf-8") as growing:
        growing.write(" Atalanta 2-1")
    assert inbox.ready_files() == []  # it grew since
    assert inbox.ready_files() == [report]
    (tmp_path / "~lock.txt~").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    inbox.ready_files()
    assert inbox.ready_files() == [report]
