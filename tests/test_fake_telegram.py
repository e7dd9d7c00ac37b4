"""Tests of the fake Telegram server, through PTB's real Bot and Application.

Why: the end-to-end tests trust the fake to answer like Telegram; these pin the behaviour they
rely on (result shapes PTB can read, Telegram's errors, polling, files, faults).
"""

from __future__ import annotations

import asyncio
import struct
import zlib
from collections.abc import AsyncIterator

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    MenuButtonCommands,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    filters,
)

from tests.helpers.fake_telegram import FakeTelegram
from tests.helpers.telegram_html import HtmlParseError, parse_html


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(tg.token, base_url=tg.base_url, base_file_url=tg.base_file_url) as real_bot:
        yield real_bot


@pytest.fixture
def alice_chat(tg: FakeTelegram) -> tuple[dict, dict]:
    alice = tg.user(101, "Alice", username="alice_fan")
    return alice, tg.private_chat(alice)


# -- telegram_html ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "text", "entities"),
    [
        ("<b>Score</b> &amp; <i>stats</i>", "Score & stats", [("bold", 0, 5), ("italic", 8, 5)]),
        ("😀 <u>goal</u>", "😀 goal", [("underline", 3, 4)]),  # offsets count UTF-16 units
        ("&nbsp;&#65;&#x42;&lt", "&nbsp;AB<", []),  # other named references stay text
        (
            '<span class="tg-spoiler">x</span><tg-spoiler>y</tg-spoiler>',
            "xy",
            [("spoiler", 0, 1), ("spoiler", 1, 1)],
        ),
        ("<blockquote expandable>q</blockquote>", "q", [("expandable_blockquote", 0, 1)]),
        ("<STRONG>x</strong>", "x", [("bold", 0, 1)]),
    ],
)
def test_html_entities(html: str, text: str, entities: list[tuple[str, int, int]]) -> None:
    parsed = parse_html(html)
    assert parsed.text == text
    assert [(e["type"], e["offset"], e["length"]) for e in parsed.entities] == entities


def test_html_pre_with_language_and_links() -> None:
    parsed = parse_html(
        '<pre><code class="language-python">x = 1</code></pre> <a href="https://a.b/?x=1&amp;y=2">l</a>'
    )
    assert parsed.entities == [
        {"type": "pre", "offset": 0, "length": 5, "language": "python"},
        {"type": "text_link", "offset": 6, "length": 1, "url": "https://a.b/?x=1&y=2"},
    ]


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("<b>unclosed", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<foo>x</foo>", 'Unsupported start tag "foo" at byte offset 0'),
        ("Đ < 3", 'Unsupported start tag "" at byte offset 3'),  # offsets count UTF-8 bytes
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("x <b", "Unclosed start tag at byte offset 2"),
        ('<a href="https://x.y>x</a>', "Unclosed start tag at byte offset 0"),
    ],
)
def test_html_errors(html: str, error: str) -> None:
    with pytest.raises(HtmlParseError) as raised:
        parse_html(html)
    assert str(raised.value) == error


# -- Bot API through telegram.Bot --------------------------------------------------------------------


async def test_get_me(bot: Bot, tg: FakeTelegram) -> None:
    me = await bot.get_me()
    assert (me.username, me.is_bot, me.id) == ("footbot_test_bot", True, tg.bot_user["id"])


async def test_wrong_token_and_unknown_method(tg: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("123:nope", base_url=tg.base_url):  # initialising calls getMe
            pass
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("sendCarrierPigeon")
    assert tg.errors[-1].status == 404


async def test_send_message_with_html(bot: Bot, tg: FakeTelegram, alice_chat: tuple[dict, dict]) -> None:
    _, chat = alice_chat
    message = await bot.send_message(
        chat["id"], "<b>Arsenal</b> 2–1 &lt;Spurs&gt;", parse_mode=ParseMode.HTML, disable_notification=True
    )
    assert message.text == "Arsenal 2–1 <Spurs>"
    assert message.entities[0].type == "bold"
    [sent] = tg.sent_messages(chat["id"])
    assert (sent.text, sent.parse_mode, sent.disable_notification) == (
        "<b>Arsenal</b> 2–1 &lt;Spurs&gt;",
        "HTML",
        True,
    )
    assert sent.plain_text == message.text


@pytest.mark.parametrize(
    ("text", "description"),
    [
        (
            "<b>unclosed",
            "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"",
        ),
        (
            "<foo>bar</foo>",
            'Bad Request: can\'t parse entities: Unsupported start tag "foo" at byte offset 0',
        ),
        ("x" * 4097, "Bad Request: message is too long"),
        ("😀" * 2049, "Bad Request: message is too long"),  # 4098 UTF-16 units in 2049 characters
        ("<b> </b>\n", "Bad Request: message text is empty"),
    ],
)
async def test_send_message_refused_like_telegram(
    bot: Bot, tg: FakeTelegram, alice_chat: tuple[dict, dict], text: str, description: str
) -> None:
    _, chat = alice_chat
    with pytest.raises(BadRequest):
        await bot.send_message(chat["id"], text, parse_mode=ParseMode.HTML)
    assert tg.errors[-1].description == description
    assert tg.sent_messages() == []


async def test_length_is_counted_after_parsing(bot: Bot, alice_chat: tuple[dict, dict]) -> None:
    _, chat = alice_chat
    message = await bot.send_message(chat["id"], "<b>" + "😀" * 2048 + "</b>", parse_mode=ParseMode.HTML)
    assert message.entities[0].length == 4096


async def test_unknown_chat_and_bad_button_data(bot: Bot, tg: FakeTelegram, alice_chat: tuple[dict, dict]) -> None:
    _, chat = alice_chat
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(999, "hi")
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="d" * 65)]])
    with pytest.raises(BadRequest):
        await bot.send_message(chat["id"], "hi", reply_markup=too_long)
    assert tg.errors[-1].description == "Bad Request: BUTTON_DATA_INVALID"


async def test_replies_and_edits(bot: Bot, tg: FakeTelegram, alice_chat: tuple[dict, dict]) -> None:
    alice, chat = alice_chat
    question = tg.send_text(chat, alice, "who scored?")
    answer = await bot.send_message(chat["id"], "Saka", reply_to_message_id=question["message_id"])
    assert answer.reply_to_message.text == "who scored?"
    assert answer.message_id == question["message_id"] + 1
    with pytest.raises(BadRequest, match="Message to be replied not found"):
        await bot.send_message(chat["id"], "?", reply_to_message_id=999)
    edited = await bot.edit_message_text("Saka, 12'", chat_id=chat["id"], message_id=answer.message_id)
    assert edited.edit_date is not None
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("Saka, 12'", chat_id=chat["id"], message_id=answer.message_id)
    assert await bot.delete_message(chat["id"], answer.message_id)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("gone", chat_id=chat["id"], message_id=answer.message_id)


async def test_webhook_menu_and_chat_actions(bot: Bot, tg: FakeTelegram, alice_chat: tuple[dict, dict]) -> None:
    _, chat = alice_chat
    assert await bot.set_webhook("https://footbot.example/hook")
    with pytest.raises(Conflict):
        await bot.get_updates(timeout=0)
    assert (await bot.get_webhook_info()).url == "https://footbot.example/hook"
    assert await bot.delete_webhook()
    assert await bot.get_updates(timeout=0) == ()
    assert await bot.set_chat_menu_button(chat["id"], MenuButtonCommands())
    assert await bot.send_chat_action(chat["id"], ChatAction.TYPING)
    with pytest.raises(BadRequest, match="Wrong parameter action"):
        await bot.send_chat_action(chat["id"], "dancing")


async def test_get_updates_offsets_and_redelivery(bot: Bot, tg: FakeTelegram, alice_chat: tuple[dict, dict]) -> None:
    alice, chat = alice_chat
    for text in ("one", "two", "three"):
        tg.send_text(chat, alice, text)
    first, second, third = await bot.get_updates(timeout=0)
    assert [u.message.text for u in (first, second, third)] == ["one", "two", "three"]
    assert [u.update_id for u in await bot.get_updates(offset=second.update_id)] == [
        second.update_id,
        third.update_id,
    ]
    assert await bot.get_updates(offset=third.update_id + 1, timeout=0) == ()
    assert await bot.get_updates(offset=0, timeout=0) == ()  # confirmed updates are gone
    tg.deliver_again(first.update_id)
    [again] = await bot.get_updates(offset=third.update_id + 1, timeout=0)
    assert again.message.text == "one"


async def test_long_poll_wakes_when_an_update_arrives(
    bot: Bot, tg: FakeTelegram, alice_chat: tuple[dict, dict]
) -> None:
    alice, chat = alice_chat
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await tg.wait_for_call("getUpdates", answered=False)
    tg.send_text(chat, alice, "/start@footbot_test_bot hi @someone_else")
    [update] = await asyncio.wait_for(poll, timeout=2)
    assert [(e.type, e.offset, e.length) for e in update.message.entities] == [
        ("bot_command", 0, 23),
        ("mention", 27, 13),
    ]


async def test_group_messages_and_user_edits(bot: Bot, tg: FakeTelegram) -> None:
    carol = tg.user(202, "Carol", language_code="vi")
    group = tg.group_chat(-1001234567890, "Fans")
    question = tg.send_text(group, carol, "@footbot_test_bot ai ghi bàn?")
    tg.edit_text(question, "@footbot_test_bot ai ghi bàn đầu tiên?")
    asked, edited = await bot.get_updates(timeout=0)
    assert asked.message.chat.type == "supergroup"
    assert asked.message.entities[0].type == "mention"
    assert edited.edited_message.text == "@footbot_test_bot ai ghi bàn đầu tiên?"
    assert edited.edited_message.message_id == asked.message.message_id
    assert (await bot.get_chat(group["id"])).title == "Fans"


async def test_user_document_is_downloaded_through_get_file(
    bot: Bot, tg: FakeTelegram, alice_chat: tuple[dict, dict]
) -> None:
    alice, chat = alice_chat
    message = tg.send_document(chat, alice, "report.txt", b"Arsenal 2-1 Spurs", caption="/ingest")
    file_id = message["document"]["file_id"]
    assert tg.downloads[file_id] == 0
    telegram_file = await bot.get_file(file_id)
    assert telegram_file.file_size == 17
    assert await telegram_file.download_as_bytearray() == bytearray(b"Arsenal 2-1 Spurs")
    assert tg.downloads[file_id] == 1
    with pytest.raises(BadRequest, match="Invalid file_id"):
        await bot.get_file("no-such-file")
    huge = tg.send_document(chat, alice, "huge.txt", b"x", file_size=21 * 1024 * 1024)
    with pytest.raises(BadRequest, match="File is too big"):
        await bot.get_file(huge["document"]["file_id"])


async def test_bot_uploads_document_and_photo(bot: Bot, tg: FakeTelegram, alice_chat: tuple[dict, dict]) -> None:
    _, chat = alice_chat
    message = await bot.send_document(
        chat["id"], b"a,b\n1,2\n", filename="table.csv", caption="<i>table</i>", parse_mode=ParseMode.HTML
    )
    assert (message.document.file_name, message.caption) == ("table.csv", "table")
    [sent] = tg.sent_messages(chat["id"])
    assert sent.upload is not None and sent.upload.content == b"a,b\n1,2\n"
    photo = await bot.send_photo(chat["id"], _png(40, 30), caption="chart")
    assert (photo.photo[-1].width, photo.photo[-1].height) == (40, 30)
    with pytest.raises(BadRequest):
        await bot.send_photo(chat["id"], b"not an image")
    assert tg.errors[-1].description == "Bad Request: IMAGE_PROCESS_FAILED"
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await bot.send_document(chat["id"], b"x", filename="x.txt", caption="c" * 1025)


async def test_commands_per_scope_and_language(bot: Bot, tg: FakeTelegram) -> None:
    scope = BotCommandScopeAllPrivateChats()
    await bot.set_my_commands([BotCommand("ask", "Hỏi về trận đấu")], scope=scope, language_code="vi")
    assert tg.commands({"type": "all_private_chats"}, "vi") == [{"command": "ask", "description": "Hỏi về trận đấu"}]
    assert tg.commands() == []
    assert [c.command for c in await bot.get_my_commands(scope=scope, language_code="vi")] == ["ask"]
    with pytest.raises(BadRequest):
        await bot.set_my_commands([BotCommand("Ask-Now", "x")])
    assert await bot.delete_my_commands(scope=scope, language_code="vi")
    assert tg.commands({"type": "all_private_chats"}, "vi") == []


async def test_inline_answers_are_recorded_and_checked(bot: Bot, tg: FakeTelegram) -> None:
    query = tg.inline_query(tg.user(7, "Bob"), "arsenal")
    article = InlineQueryResultArticle("r1", "Arsenal", InputTextMessageContent("<b>2-1</b>", parse_mode="HTML"))
    with pytest.raises(BadRequest):
        await bot.answer_inline_query(query["id"], [article, article])
    assert tg.errors[-1].description == "Bad Request: RESULT_ID_DUPLICATE"
    assert await bot.answer_inline_query(query["id"], [article], cache_time=0)
    [answer] = tg.inline_answers
    assert answer["results"][0]["id"] == "r1" and answer["cache_time"] == 0
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_inline_query(query["id"], [article])


# -- faults ----------------------------------------------------------------------------------------


# PTB itself reads RetryAfter.retry_after when building the exception, which warns in PTB 22.
ptb_reads_retry_after = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


@ptb_reads_retry_after
async def test_injected_faults_are_counted(bot: Bot, tg: FakeTelegram, alice_chat: tuple[dict, dict]) -> None:
    _, chat = alice_chat
    flood = tg.fail_next("sendMessage", status=429, retry_after=3)
    with pytest.raises(RetryAfter):
        await bot.send_message(chat["id"], "hi")
    assert tg.errors[-1].description == "Too Many Requests: retry after 3"
    assert flood.triggered == 1
    outage = tg.fail_next("sendMessage", status=500, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.send_message(chat["id"], "hi")
    tg.drop_next("sendMessage")
    with pytest.raises(NetworkError):
        await bot.send_message(chat["id"], "hi")
    await bot.send_message(chat["id"], "finally")
    assert outage.triggered == 2
    assert len(tg.calls_to("sendMessage")) == 5
    assert [sent.text for sent in tg.sent_messages()] == ["finally"]


@ptb_reads_retry_after
async def test_rate_limiter_retries_after_429(tg: FakeTelegram, alice_chat: tuple[dict, dict]) -> None:
    _, chat = alice_chat
    flood = tg.fail_next("sendMessage", status=429, retry_after=1)
    limited = ExtBot(
        tg.token,
        base_url=tg.base_url,
        base_file_url=tg.base_file_url,
        rate_limiter=AIORateLimiter(max_retries=1),
    )
    async with limited:
        await limited.send_message(chat["id"], "after the flood wait")
    assert flood.triggered == 1
    assert len(tg.calls_to("sendMessage")) == 2
    assert [sent.text for sent in tg.sent_messages()] == ["after the flood wait"]


async def test_slow_response_times_out_but_still_happens(
    bot: Bot, tg: FakeTelegram, alice_chat: tuple[dict, dict]
) -> None:
    _, chat = alice_chat
    tg.delay_next("sendMessage", 0.5)
    with pytest.raises(TimedOut):
        await bot.send_message(chat["id"], "late", read_timeout=0.1)
    assert (await tg.wait_for_message(chat, timeout=2)).text == "late"


# -- a real Application polling the fake ------------------------------------------------------------


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None and update.effective_message.text is not None
    await update.effective_message.reply_text(update.effective_message.text)


async def _menu(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Score", callback_data="score")]])
    await update.effective_message.reply_text("Pick one", reply_markup=keyboard)


async def _on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer("ok")
    await query.edit_message_text(f"<b>You picked {query.data}</b>", parse_mode=ParseMode.HTML)


@pytest.fixture
async def app(tg: FakeTelegram) -> AsyncIterator[Application]:
    application = ApplicationBuilder().token(tg.token).base_url(tg.base_url).base_file_url(tg.base_file_url).build()
    application.add_handler(CommandHandler("menu", _menu))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, _echo))
    application.add_handler(CallbackQueryHandler(_on_button))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        yield application
        await application.updater.stop()
        await application.stop()


async def test_application_echoes(tg: FakeTelegram, app: Application, alice_chat: tuple[dict, dict]) -> None:
    alice, chat = alice_chat
    sent = tg.send_text(chat, alice, "Who won?")
    reply = await tg.wait_for_message(chat)
    assert (reply.text, reply.reply_to_message_id) == ("Who won?", None)
    assert reply.message_id == sent["message_id"] + 1


async def test_application_handles_button_press(
    tg: FakeTelegram, app: Application, alice_chat: tuple[dict, dict]
) -> None:
    alice, chat = alice_chat
    tg.send_text(chat, alice, "/menu")
    menu = await tg.wait_for_message(chat)
    assert menu.button_data() == ["score"]
    query = tg.press_button(chat, alice, menu, "score")
    answer = await tg.wait_for_call("answerCallbackQuery")
    assert answer.params == {"callback_query_id": query["id"], "text": "ok"}
    await tg.wait_for_call("editMessageText")
    assert (menu.plain_text, menu.text, menu.reply_markup) == (
        "You picked score",
        "<b>You picked score</b>",
        None,
    )
    with pytest.raises(ValueError, match="no button"):
        tg.press_button(chat, alice, menu, "score")  # the edit removed the keyboard


def _png(width: int, height: int) -> bytes:
    """A valid grey PNG, made here so the test needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
