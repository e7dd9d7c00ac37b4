"""Following teams and competitions, and announcing their new results once -- never twice.

Three levels: the pure decisions (what /follow names, which chats a batch concerns, pacing), the
store (follows, claims that a second instance or a restart cannot repeat, on SQLite and PostgreSQL)
and what a chat sees through the fake Bot API when reports arrive by the inbox or an admin upload.
"""

from __future__ import annotations

import asyncio
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from handlers.follow import parse_target
from handlers.knowledge import Knowledge
from handlers.notify import Announcer, announcement_reply
from handlers.outbox import Pacer
from store import follows
from store.db import make_engine
from store.follows import Announced, Announcement, BatchResult, Target
from store.ingest import Ingestor, Outcome
from store.models import Follow, Notification
from store.queries import GoalView, MatchView
from tests.helpers.bot_app import running_bot
from tests.helpers.fake_telegram import FakeTelegram, SentMessage
from tests.helpers.stores import (
    INTER_NAPOLI,
    INTER_NAPOLI_AGAIN,
    INTER_NAPOLI_OTHER_SCORE,
    JUVENTUS_INTER,
    ROMA_LAZIO,
    SEED_REPORTS,
    copy_store,
    drop,
    store_template,
)

ADMIN_ID, FAN_ID = 11, 22
GROUP_ID, OTHER_GROUP_ID = -1001000000001, -1001000000002
QUIET = 2.5  # seconds in which an announcement would have come (inbox scan 0.2 s, announcing every 1 s)


# -- pure: which chats a batch concerns ---------------------------------------------------------------------
def result(match_id: int = 1, *, home_goals: int | None = 3, away_goals: int | None = 0, **changes) -> BatchResult:
    values: dict = dict(
        match_id=match_id,
        home_id=10,
        away_id=20,
        home="Inter",
        away="Napoli",
        competition="Serie A",
        home_goals=home_goals,
        away_goals=away_goals,
        disputed=False,
        first_told=True,
    )
    values.update(changes)
    return BatchResult(**values)


def follower(chat_id: int, kind: str, name: str) -> Follow:
    return Follow(chat_id=chat_id, kind=kind, name=name)


def chats(plan: dict[int, list[Announcement]]) -> dict[int, list[tuple[int, bool]]]:
    return {chat: [(a.result.match_id, a.correction) for a in items] for chat, items in plan.items()}


def test_a_new_result_goes_to_followers_of_either_team_or_of_its_competition_once_each() -> None:
    rows = [
        follower(1, "team", "Inter"),
        follower(2, "team", "Napoli"),
        follower(3, "competition", "Serie A"),
        follower(4, "team", "Inter"),
        follower(4, "competition", "Serie A"),  # both: still one announcement
        follower(5, "team", "Juventus"),
        follower(6, "competition", "Premier League"),
    ]
    plan = follows.plan([result()], rows, {})
    assert chats(plan) == {1: [(1, False)], 2: [(1, False)], 3: [(1, False)], 4: [(1, False)]}


def test_only_news_is_announced_a_restated_or_unscored_match_is_not() -> None:
    rows = [follower(1, "team", "Inter")]
    assert follows.plan([result(first_told=False)], rows, {}) == {}  # an earlier report gave its score
    assert follows.plan([result(home_goals=None, away_goals=None)], rows, {}) == {}  # no score yet
    assert follows.plan([result(home_goals=None, away_goals=None, disputed=True)], rows, {}) == {}


def test_what_was_announced_is_not_announced_again_but_a_changed_score_once_as_a_correction() -> None:
    rows = [follower(1, "team", "Inter")]
    told = {(1, 1): Announced(10, 20, 3, 0, corrected=False)}
    assert follows.plan([result()], rows, told) == {}
    swapped = {(1, 1): Announced(20, 10, 0, 3, corrected=False)}  # the home side learned later: same score
    assert follows.plan([result()], rows, swapped) == {}
    assert chats(follows.plan([result(home_goals=3, away_goals=1)], rows, told)) == {1: [(1, True)]}
    disputed = result(home_goals=None, away_goals=None, disputed=True, first_told=False)
    assert chats(follows.plan([disputed], rows, told)) == {1: [(1, True)]}
    corrected = {(1, 1): Announced(10, 20, 3, 1, corrected=True)}
    assert follows.plan([result(home_goals=3, away_goals=2)], rows, corrected) == {}


def test_a_match_id_reused_for_other_teams_is_news_again() -> None:
    """SQLite hands out the ids of deleted matches again after a reextract."""
    told = {(1, 1): Announced(30, 40, 2, 2, corrected=False)}
    assert chats(follows.plan([result()], [follower(1, "team", "Inter")], told)) == {1: [(1, False)]}


def test_pacer_spreads_messages_within_telegrams_limits() -> None:
    pacer = Pacer()
    assert pacer.book(GROUP_ID, now=100.0) == 0
    assert pacer.book(GROUP_ID, now=100.0) == pytest.approx(3.0)  # 20 a minute in a group
    assert pacer.book(OTHER_GROUP_ID, now=100.0) == pytest.approx(0.04)  # another chat: only the global gap
    assert pacer.book(FAN_ID, now=100.0) == pytest.approx(0.08)
    assert pacer.book(FAN_ID, now=100.0) == pytest.approx(1.08)  # a private chat: one a second
    assert pacer.book(GROUP_ID, now=100.5) == pytest.approx(5.5)
    delays = [pacer.book(chat, now=200.0) for chat in range(1000, 1100)]
    assert delays[1] - delays[0] == pytest.approx(1 / 25)  # at most 25 a second over all chats
    assert delays[-1] == pytest.approx(99 / 25)


async def test_announcer_hands_over_a_batch_when_it_is_complete() -> None:
    announcer = Announcer()
    news, upload = (Outcome(n, "ingested", report_id=i, match_ids=[i]) for i, n in enumerate(("a.txt", "b.txt")))
    announcer.collect(Outcome("c.txt", "duplicate", report_id=3))
    announcer.collect(Outcome("d.txt", "ingested", report_id=4))  # a table, no match
    with announcer.batch():
        await asyncio.to_thread(announcer.collect, news)  # the inbox job ingests in a worker thread
        other = threading.Thread(target=announcer.collect, args=(upload,))  # an upload, not in the batch
        other.start()
        other.join()
        assert announcer.take() == [upload]  # half a batch is never announced
    assert announcer.take() == [news]
    assert announcer.take() == []
    announcer.give_back([news])
    assert announcer.take() == [news]


def test_announcement_text_has_score_scorers_date_and_the_time_read_in_the_chats_zone() -> None:
    view = MatchView(
        6,
        "Inter",
        "Napoli",
        3,
        0,
        "stated",
        True,
        date(2023, 11, 12),
        "Serie A",
        "2023-24",
        None,
        goals=[GoalView("Lautaro Martinez", "Inter", 12, None, False, False, False)],
    )
    news = Announcement(GROUP_ID, result(6))
    read_at = datetime(2023, 11, 12, 21, 40, tzinfo=UTC)
    english = announcement_reply([(news, view)], "en", "Europe/Rome", read_at).html
    assert english == (
        "🆕 <b>New results</b> · 22:40\n<b>Inter 3-0 Napoli</b> (12 Nov 2023, Serie A)\n   Inter: Lautaro Martinez 12'"
        " · Napoli did not score"
    )
    vietnamese = announcement_reply(
        [(Announcement(GROUP_ID, result(6), correction=True), view)], "vi", "Asia/Ho_Chi_Minh", read_at
    )
    assert vietnamese.html.startswith(
        "🆕 <b>Kết quả mới</b> · 04:40\n✏️ đính chính: <b>Inter 3-0 Napoli</b> (12/11/2023"
    )
    many = announcement_reply([(news, view)] * 10, "en", "UTC", read_at).plain()
    assert many.count("Inter 3-0 Napoli") == 8 and many.endswith("…and 2 more.")


# -- what /follow names (the names index of a seeded store) ----------------------------------------------
@pytest.fixture
def knowledge(ingestor: Ingestor) -> Knowledge:
    ingestor.ingest_paths(SEED_REPORTS)
    return Knowledge(ingestor.engine, ingestor.reference)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_follow_arguments_name_a_team_or_a_competition_in_any_language(knowledge: Knowledge) -> None:
    assert parse_target(knowledge, "Inter", "en") == Target("team", "Inter")
    assert parse_target(knowledge, "internazionale", "en") == Target("team", "Inter")
    assert parse_target(knowledge, "serie a", "en") == Target("competition", "Serie A")
    assert parse_target(knowledge, "giải Serie A", "vi") == Target("competition", "Serie A")
    typo = parse_target(knowledge, "atalantta", "en")
    assert typo == [Target("team", "Atalanta")]  # a typo is confirmed with a button, not followed blindly
    assert parse_target(knowledge, "qwxz", "en") is None


# -- the store: follows and claims, on SQLite and PostgreSQL -----------------------------------------------
def test_follow_unfollow_and_following(engine: Engine) -> None:
    inter, serie_a = Target("team", "Inter"), Target("competition", "Serie A")
    with Session(engine) as session:
        assert follows.follow(session, chat_id=GROUP_ID, target=inter, lang="vi")
        assert not follows.follow(session, chat_id=GROUP_ID, target=inter)
        assert follows.follow(session, chat_id=GROUP_ID, target=serie_a)
        assert follows.follow(session, chat_id=OTHER_GROUP_ID, target=serie_a)
        assert [(f.kind, f.name, f.lang) for f in follows.following(session, chat_id=GROUP_ID)] == [
            ("team", "Inter", "vi"),
            ("competition", "Serie A", None),
        ]
        assert follows.unfollow(session, chat_id=GROUP_ID, target=inter)
        assert not follows.unfollow(session, chat_id=GROUP_ID, target=inter)
        row = follows.following(session, chat_id=GROUP_ID)[0]
        assert follows.unfollow_id(session, chat_id=OTHER_GROUP_ID, follow_id=row.id) is None  # not its follow
        assert follows.unfollow_id(session, chat_id=GROUP_ID, follow_id=row.id) == serie_a
        assert follows.forget_chat(session, chat_id=OTHER_GROUP_ID) == 1
        assert session.exec(select(Follow)).all() == []


def announce_round(engine: Engine, outcomes: list[Outcome]) -> dict[int, list[tuple[str, bool]]]:
    """What one instance would send for these outcomes: plan, then claim each announcement."""
    with Session(engine) as session:
        planned = follows.pending(
            session, match_ids={m for o in outcomes for m in o.match_ids}, report_ids={o.report_id for o in outcomes}
        )
        sent = {
            chat: [
                (f"{a.result.home} {a.result.home_goals}-{a.result.away_goals} {a.result.away}", a.correction)
                for a in items
                if follows.claim(session, a)
            ]
            for chat, items in planned.items()
        }
    return {chat: items for chat, items in sent.items() if items}


def test_a_batch_is_announced_once_and_a_changed_score_once_more(ingestor: Ingestor) -> None:
    engine = ingestor.engine
    ingestor.ingest_paths(SEED_REPORTS)
    with Session(engine) as session:
        follows.follow(session, chat_id=GROUP_ID, target=Target("team", "Inter"))
        follows.follow(session, chat_id=OTHER_GROUP_ID, target=Target("competition", "Serie A"))
    napoli = ingestor.ingest_bytes(INTER_NAPOLI.encode(), filename="napoli.txt")
    roma = ingestor.ingest_bytes(ROMA_LAZIO.encode(), filename="roma.txt")
    assert announce_round(engine, [napoli, roma]) == {
        GROUP_ID: [("Inter 3-0 Napoli", False)],
        OTHER_GROUP_ID: [("Inter 3-0 Napoli", False), ("Roma 2-1 Lazio", False)],
    }
    assert announce_round(engine, [napoli, roma]) == {}  # the same batch again (a restart, a second instance)
    again = ingestor.ingest_bytes(INTER_NAPOLI_AGAIN.encode(), filename="again.txt")
    assert again.match_ids == napoli.match_ids
    assert announce_round(engine, [again]) == {}  # restated: not news
    disputed = ingestor.ingest_bytes(INTER_NAPOLI_OTHER_SCORE.encode(), filename="other.txt")
    assert announce_round(engine, [disputed]) == {
        GROUP_ID: [("Inter None-None Napoli", True)],
        OTHER_GROUP_ID: [("Inter None-None Napoli", True)],
    }
    assert announce_round(engine, [disputed, again]) == {}  # a correction at most once


def test_two_instances_sharing_the_store_announce_each_result_once(ingestor: Ingestor, database_url: str) -> None:
    """Both instances learn of the batch (say both read the same inbox): the unique (chat, match)
    row lets exactly one of them send each announcement, even when they claim at the same moment."""
    ingestor.ingest_paths(SEED_REPORTS)
    with Session(ingestor.engine) as session:
        for chat in range(-100, -120, -1):
            follows.follow(session, chat_id=chat, target=Target("team", "Inter"))
    batch = [
        ingestor.ingest_bytes(INTER_NAPOLI.encode(), filename="napoli.txt"),
        ingestor.ingest_bytes(JUVENTUS_INTER.encode(), filename="juventus.txt"),
    ]
    engines = [make_engine(database_url), make_engine(database_url)]
    barrier = threading.Barrier(2)
    sent: list[dict] = [{}, {}]

    def instance(index: int) -> None:
        barrier.wait()
        sent[index] = announce_round(engines[index], batch)

    threads = [threading.Thread(target=instance, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for engine in engines:
        engine.dispose()
    told = [(chat, line) for both in sent for chat, lines in both.items() for line in lines]
    assert len(told) == len(set(told)) == 40  # 20 chats x 2 results, each exactly once
    with Session(ingestor.engine) as session:
        assert len(session.exec(select(Notification)).all()) == 40


# -- what the chats see --------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_template(tmp_path_factory.mktemp("follow_seeded"), SEED_REPORTS)


@pytest.fixture
def workdir(tmp_path: Path, seeded_store: Path) -> Path:
    copy_store(seeded_store, tmp_path)
    return tmp_path


async def reply_to(tg: FakeTelegram, message: dict) -> SentMessage:
    """The bot's answer to ``message`` (it quotes what it answers)."""
    chat_id, message_id = message["chat"]["id"], message["message_id"]
    return await tg.wait_for_message(chat_id, predicate=lambda sent: sent.reply_to_message_id == message_id)


async def edited(tg: FakeTelegram) -> str:
    """The text of the bot's next edit of a message (a pressed choice becomes its confirmation)."""
    return (await tg.wait_for_call("editMessageText")).params["text"]


async def command(tg: FakeTelegram, chat: dict, user: dict, line: str) -> str:
    return (await reply_to(tg, tg.send_text(chat, user, line))).plain_text or ""


async def nothing_more(tg: FakeTelegram, chat_id: int, seconds: float = QUIET) -> None:
    with pytest.raises(TimeoutError):
        await tg.wait_for_message(chat_id, timeout=seconds)


async def test_inbox_reports_are_announced_to_the_followers_once_also_after_a_restart(
    tg: FakeTelegram, workdir: Path
) -> None:
    fan = tg.user(FAN_ID, "Fan")
    group, other = tg.group_chat(GROUP_ID, "Inter fans"), tg.group_chat(OTHER_GROUP_ID, "Roma fans")
    async with running_bot(tg, workdir) as bot:
        assert await command(tg, group, fan, "/follow Inter") == "Following Inter: new results will be posted here."
        assert await command(tg, other, fan, "/follow roma") == "Following Roma: new results will be posted here."
        drop(bot.inbox, "napoli.txt", INTER_NAPOLI)
        drop(bot.inbox, "roma.txt", ROMA_LAZIO)
        drop(bot.inbox, "juventus.txt", JUVENTUS_INTER)
        news = await tg.wait_for_message(GROUP_ID, timeout=10)
        assert news.method == "sendMessage" and news.disable_notification is True
        text = news.plain_text or ""
        assert text.startswith("🆕 New results · ")  # one message for the batch of three files
        assert "Inter 3-0 Napoli (12 Nov 2023, Serie A)" in text
        assert "Marcus Thuram 80'" in text and "Napoli did not score" in text
        assert "Inter 1-1 Juventus (26 Nov 2023, Serie A)" in text
        assert "Roma" not in text
        roma = await tg.wait_for_message(OTHER_GROUP_ID, timeout=5)
        assert "Roma 2-1 Lazio (19 Nov 2023, Serie A)" in (roma.plain_text or "")
        drop(bot.inbox, "again.txt", INTER_NAPOLI_AGAIN)  # the same match, told again
        await nothing_more(tg, GROUP_ID)
    async with running_bot(tg, workdir) as bot:  # a restart on the same store
        drop(bot.inbox, "napoli copy.txt", INTER_NAPOLI)  # the very same report: a duplicate
        drop(bot.inbox, "napoli later.txt", INTER_NAPOLI_AGAIN.replace("Lautaro Martinez scored twice.", "A rout."))
        await nothing_more(tg, GROUP_ID)
        await nothing_more(tg, OTHER_GROUP_ID, 0.1)
        assert sorted(p.name for p in (bot.inbox / "processed").iterdir()) == [
            "again.txt",
            "juventus.txt",
            "napoli copy.txt",
            "napoli later.txt",
            "napoli.txt",
            "roma.txt",
        ]


async def test_an_admin_upload_is_announced_and_a_changed_score_corrected_once(tg: FakeTelegram, workdir: Path) -> None:
    admin, fan = tg.user(ADMIN_ID, "Admin"), tg.user(FAN_ID, "Fan", language_code="vi")
    private, group = tg.private_chat(admin), tg.group_chat(GROUP_ID, "Fan Inter")
    async with running_bot(tg, workdir, admins={ADMIN_ID}):
        assert await command(tg, group, fan, "/follow giải serie a") == (
            "Đang theo dõi Serie A: kết quả mới sẽ được gửi vào đây."
        )
        texts = []
        for name, report in (("napoli.txt", INTER_NAPOLI), ("other.txt", INTER_NAPOLI_OTHER_SCORE)):
            tg.send_document(private, admin, name, report.encode())
            assert ((await tg.wait_for_message(private, timeout=10)).plain_text or "").startswith(f"✅ {name}")
            texts.append((await tg.wait_for_message(GROUP_ID, timeout=5)).plain_text or "")
        assert texts[0].startswith("🆕 Kết quả mới · ")  # in the language of the /follow
        assert "Inter 3-0 Napoli (12/11/2023, Serie A)" in texts[0]
        assert "✏️ đính chính: Inter – Napoli: các bài đưa tỷ số khác nhau: 3-0, 3-1" in texts[1]
        tg.send_document(private, admin, "third.txt", INTER_NAPOLI_OTHER_SCORE.replace("3-1", "4-1").encode())
        await tg.wait_for_message(private, timeout=10)
        await nothing_more(tg, GROUP_ID)


async def test_follow_and_unfollow_by_buttons_and_the_list_of_follows(tg: FakeTelegram, workdir: Path) -> None:
    fan = tg.user(FAN_ID, "Fan")
    chat = tg.private_chat(fan)
    async with running_bot(tg, workdir):
        picker_request = tg.send_text(chat, fan, "/follow")
        picker = await reply_to(tg, picker_request)
        assert picker.plain_text == "Follow what? Pick one, or write e.g. /follow Inter."
        assert picker.button_data()[0].startswith("fl:+t:") and "fl:+c:Serie A" in picker.button_data()
        tg.press_button(chat, fan, picker, "fl:+c:Serie A")
        assert await edited(tg) == "Following Serie A: new results will be posted here."
        assert await command(tg, chat, fan, "/follow inter") == "Following Inter: new results will be posted here."
        assert await command(tg, chat, fan, "/follow Inter") == "This chat already follows Inter."
        assert await command(tg, chat, fan, "/following") == "This chat follows: Inter, 🏆 Serie A"
        typo_request = tg.send_text(chat, fan, "/follow atalantta")
        typo = await reply_to(tg, typo_request)
        assert typo.plain_text == "I don't know a team called “atalantta”.\nDid you mean…?"
        tg.press_button(chat, fan, typo, typo.button_data()[0])
        assert await edited(tg) == "Following Atalanta: new results will be posted here."
        assert await command(tg, chat, fan, "/unfollow atalanta") == "Stopped following Atalanta."
        assert await command(tg, chat, fan, "/unfollow atalanta") == "This chat was not following Atalanta."
        menu_request = tg.send_text(chat, fan, "/unfollow")
        menu = await reply_to(tg, menu_request)
        assert menu.plain_text == "Stop following what?"
        tg.press_button(chat, fan, menu, menu.button_data()[0])
        assert await edited(tg) == "Stopped following Inter."
        assert await command(tg, chat, fan, "/following") == "This chat follows: 🏆 Serie A"
    assert not tg.errors


async def test_announcements_to_one_group_are_spread_out(tg: FakeTelegram, workdir: Path) -> None:
    """Two batches in quick succession: the second message waits for the group's next free slot."""
    fan = tg.user(FAN_ID, "Fan")
    group = tg.group_chat(GROUP_ID, "Calcio")
    async with running_bot(tg, workdir) as bot:
        await command(tg, group, fan, "/follow serie a")
        drop(bot.inbox, "napoli.txt", INTER_NAPOLI)
        await tg.wait_for_message(GROUP_ID, timeout=10)
        first = time.monotonic()
        drop(bot.inbox, "roma.txt", ROMA_LAZIO)
        second = await tg.wait_for_message(GROUP_ID, timeout=10)
        assert "Roma 2-1 Lazio" in (second.plain_text or "")
        assert time.monotonic() - first >= 2.5  # 20 messages a minute at most in a group


async def test_a_group_that_removed_the_bot_stops_being_followed(tg: FakeTelegram, workdir: Path) -> None:
    fan = tg.user(FAN_ID, "Fan")
    group = tg.group_chat(GROUP_ID, "Former fans")
    async with running_bot(tg, workdir) as bot:
        await command(tg, group, fan, "/follow inter")
        tg.fail_next("sendMessage", status=403, description="Forbidden: bot was kicked from the supergroup chat")
        drop(bot.inbox, "napoli.txt", INTER_NAPOLI)
        await tg.wait_for_call("sendMessage", timeout=10, predicate=lambda params: "New results" in params["text"])
        for _ in range(50):
            with Session(bot.services.engine) as session:
                if not follows.following(session, chat_id=GROUP_ID):
                    break
            await asyncio.sleep(0.1)
        else:
            pytest.fail("the follows of a chat that removed the bot were kept")
