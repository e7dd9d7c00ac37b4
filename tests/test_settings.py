"""Per-chat settings: language, time zone and the sound of announcements, kept in the store and
used wherever a moment is shown or "today" is meant.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, text
from sqlmodel import Session

from handlers import clock
from handlers.settings import change, settings_reply
from store import chats
from store.db import make_engine
from store.migrate import alembic_config, upgrade
from tests.helpers.bot_app import running_bot
from tests.helpers.fake_telegram import FakeTelegram, SentMessage
from tests.helpers.stores import INTER_NAPOLI, SEED_REPORTS, copy_store, drop, store_template

ADMIN_ID, FAN_ID = 11, 22


# -- pure ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("vi", {"lang": "vi"}),
        ("lang:en", {"lang": "en"}),
        ("Europe/Berlin", {"timezone": "Europe/Berlin"}),
        ("asia/ho_chi_minh", {"timezone": "Asia/Ho_Chi_Minh"}),
        ("tz:America/New_York", {"timezone": "America/New_York"}),
        ("sound:on", {"notify_sound": True}),
        ("sound:off", {"notify_sound": False}),
        ("Mars/Olympus_Mons", None),
        ("klingon", None),
    ],
)
def test_what_a_settings_argument_or_button_changes(argument: str, expected: dict | None) -> None:
    assert change(argument) == expected


def test_the_settings_message_ticks_the_current_choices() -> None:
    answer = settings_reply("vi", "Asia/Ho_Chi_Minh", sound=False)
    assert answer.plain() == "Cài đặt\nNgôn ngữ: Tiếng Việt\nMúi giờ: Asia/Ho_Chi_Minh\nKết quả mới: 🔕 im lặng"
    labels = {b.data: b.label for row in answer.buttons for b in row}
    assert labels["set:lang:vi"] == "✓ Tiếng Việt" and labels["set:lang:en"] == "English"
    assert labels["set:tz:Asia/Ho_Chi_Minh"] == "✓ Asia/Ho_Chi_Minh" and labels["set:tz:UTC"] == "UTC"
    assert labels["set:sound:on"] == "🔔 có chuông"
    assert all(len(data.encode()) <= 64 for data in labels)


def test_moments_are_shown_and_today_is_taken_in_the_chats_zone() -> None:
    late_evening = datetime(2023, 11, 4, 18, 30, tzinfo=UTC)
    assert clock.today("UTC", late_evening) == date(2023, 11, 4)
    assert clock.today("Asia/Ho_Chi_Minh", late_evening) == date(2023, 11, 5)
    assert clock.today("America/New_York", datetime(2023, 11, 5, 3, 0, tzinfo=UTC)) == date(2023, 11, 4)
    assert clock.time_of_day(datetime(2023, 11, 4, 18, 30), "Europe/Rome") == "19:30"  # naive: stored as UTC
    assert clock.time_of_day(late_evening, "Not/A_Zone") == "18:30"  # unknown: UTC, never an error
    assert clock.known_zone("europe/london") == "Europe/London" and clock.known_zone("") is None


def test_chat_settings_are_kept_in_the_store(engine: Engine) -> None:
    with Session(engine) as session:
        assert chats.chat_setting(session, chat_id=-100123) is None
        chats.save_chat_setting(session, chat_id=-100123, timezone="Europe/Rome")
        chats.save_chat_setting(session, chat_id=-100123, notify_sound=True)
        chats.save_chat_setting(session, chat_id=7, lang="vi")
        with pytest.raises(ValueError):
            chats.save_chat_setting(session, chat_id=7, colour="red")
    with Session(engine) as session:
        saved = chats.chat_settings(session, chat_ids=[-100123, 7, 8])
        group = saved[-100123]
        assert (group.timezone, group.notify_sound, group.lang) == ("Europe/Rome", True, None)
        assert (saved[7].lang, saved[7].timezone, saved[7].notify_sound) == ("vi", None, False)
        assert 8 not in saved


def test_settings_saved_before_migration_0003_are_kept_and_announcements_stay_silent(database_url: str) -> None:
    engine = make_engine(database_url)
    config = alembic_config(database_url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        connection.execute(text("INSERT INTO chatsetting (chat_id, lang, timezone) VALUES (-100123, 'vi', 'UTC')"))
    upgrade(engine)
    with Session(engine) as session:
        setting = chats.chat_setting(session, chat_id=-100123)
        assert setting is not None and (setting.lang, setting.timezone, setting.notify_sound) == ("vi", "UTC", False)
    engine.dispose()


# -- what a chat sees ---------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_template(tmp_path_factory.mktemp("settings_seeded"), SEED_REPORTS)


async def ask(tg: FakeTelegram, chat: dict, user: dict, line: str) -> SentMessage:
    message_id = tg.send_text(chat, user, line)["message_id"]
    return await tg.wait_for_message(chat, predicate=lambda m: m.reply_to_message_id == message_id)


async def test_settings_buttons_change_language_zone_and_sound_and_they_are_used(
    tg: FakeTelegram, tmp_path: Path, seeded_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_store(seeded_store, tmp_path)
    admin = tg.user(ADMIN_ID, "Admin")
    chat = tg.private_chat(admin)
    real_today = clock.today
    monkeypatch.setattr(clock, "today", lambda tz, now=None: real_today(tz, datetime(2023, 11, 4, 18, 30, tzinfo=UTC)))
    async with running_bot(tg, tmp_path, admins={ADMIN_ID}) as bot:
        menu = await ask(tg, chat, admin, "/settings")
        assert menu.plain_text == "Settings\nLanguage: English\nTime zone: UTC\nNew results: 🔕 silent"
        question = "results yesterday?"  # 3 November in UTC: no match that day
        assert (await ask(tg, chat, admin, question)).plain_text == "I have no results from then in my reports."

        tg.press_button(chat, admin, menu, "set:tz:Asia/Ho_Chi_Minh")
        edit = await tg.wait_for_call("editMessageText")
        assert "Time zone: Asia/Ho_Chi_Minh" in edit.params["text"]
        assert "✓ Asia/Ho_Chi_Minh" in str(edit.params["reply_markup"])
        await tg.wait_for_call("answerCallbackQuery")
        assert tg.callback_answers[-1]["text"] == "Dates will be shown in Asia/Ho_Chi_Minh."
        tg.press_button(chat, admin, menu, "set:tz:Asia/Ho_Chi_Minh")  # again: nothing to redraw
        await tg.wait_for_call("answerCallbackQuery")
        await tg.wait_for_call("editMessageText")  # refused by Telegram as "not modified", and ignored
        answer = (await ask(tg, chat, admin, question)).plain_text or ""  # already 5 November in Hanoi
        assert "Atalanta 1-2 Inter (4 Nov 2023" in answer

        tg.press_button(chat, admin, menu, "set:sound:on")
        await tg.wait_for_call("editMessageText")
        tg.press_button(chat, admin, menu, "set:lang:vi")
        edit = await tg.wait_for_call("editMessageText")
        assert edit.params["text"].startswith("<b>Cài đặt</b>\nNgôn ngữ: Tiếng Việt\nMúi giờ: Asia/Ho_Chi_Minh")
        assert (await ask(tg, chat, admin, "/lang")).plain_text == "Dùng /lang en hoặc /lang vi."

        assert (await ask(tg, chat, admin, "/settings Mars/Olympus")).plain_text.startswith(
            "Mình không biết múi giờ “Mars/Olympus”."
        )
        typed = await ask(tg, chat, admin, "/settings europe/rome")
        assert typed.plain_text.startswith("Ngày giờ sẽ hiển thị theo Europe/Rome.\n\nCài đặt\n")

        await ask(tg, chat, admin, "/follow inter")
        drop(bot.inbox, "napoli.txt", INTER_NAPOLI)
        news = await tg.wait_for_message(chat, timeout=10)
        assert news.disable_notification is False  # the chat asked for sound
        reports = (await ask(tg, chat, admin, "/reports")).plain_text or ""
        first_report = reports.splitlines()[1]
        assert first_report.startswith("#4 napoli.txt · extracted · ")
        shown_time = first_report.rsplit(" ", 1)[-1]
        assert news.plain_text.startswith(f"🆕 Kết quả mới · {shown_time}\nInter 3-0 Napoli (12/11/2023")
    assert [error.description.split(":")[1] for error in tg.errors] == [" message is not modified"]
