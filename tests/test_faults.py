"""Faults around the real bot: a flaky Bot API, updates delivered twice, SIGKILL mid-batch, the
database going away.

Why: in production Telegram answers 429 under flood limits, 5xx now and then, slowly or not at
all; a restart before the update offset was confirmed delivers updates again; a container is
killed at any moment; PostgreSQL restarts. Each test injects one fault (the fake Bot API's
``fail_next``/``delay_next``/``drop_next``/``deliver_again``, SIGKILL, a cut TCP proxy in front
of PostgreSQL) and asserts what users see: every answer arrives exactly once, nothing is stored
twice, nothing is lost, and the bot recovers without a restart.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import time
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlmodel import Session, func, select
from telegram import Update
from telegram.ext import ContextTypes, TypeHandler

from bot.inbox import PROCESSING, Inbox
from handlers.lang import en
from store.db import make_engine
from store.ingest import STALE_CLAIM, Ingestor
from store.models import Report
from tests.conftest import CORPUS, DATA
from tests.helpers.bot_app import RunningBot, running_bot
from tests.helpers.fake_telegram import FakeTelegram, SentMessage
from tests.helpers.processes import (
    count_files,
    filed,
    finish,
    kill_when,
    left_in,
    start_inbox_worker,
    stored_reports,
    write_reports,
)
from tests.helpers.tcp_proxy import TcpProxy

ADMIN_ID, FAN_ID = 11, 22
REPORT = DATA / "reports" / "atalanta_inter_en.txt"
QUESTION, ANSWER = "/result inter atalanta", "Atalanta 1-2 Inter"


@pytest.fixture
async def bot(tg: FakeTelegram, tmp_path: Path) -> AsyncIterator[RunningBot]:
    async with running_bot(tg, tmp_path, admins={ADMIN_ID}, reports=[REPORT]) as running:
        yield running


async def ask(tg: FakeTelegram, user: dict, text: str, timeout: float = 10) -> SentMessage:
    chat = tg.private_chat(user)
    tg.send_text(chat, user, text)
    return await tg.wait_for_message(chat, timeout=timeout)


def reports_in(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Report)).one()


# -- a flaky Bot API -----------------------------------------------------------------------------------


async def test_a_flood_limit_is_waited_out_and_the_answer_sent_once(tg: FakeTelegram, bot: RunningBot) -> None:
    fan = tg.user(FAN_ID, "Fan")
    tg.fail_next("sendMessage", 429, retry_after=1)
    started = time.monotonic()
    answer = await ask(tg, fan, QUESTION)
    assert (answer.plain_text or "").startswith(ANSWER)
    assert time.monotonic() - started >= 1  # it waited as Telegram asked
    assert [(e.method, e.status) for e in tg.errors] == [("sendMessage", 429)]
    assert len(tg.sent_messages(fan["id"])) == 1


@pytest.mark.parametrize(
    "fault",
    [
        pytest.param(lambda tg: tg.fail_next("sendMessage", 500, times=2), id="500"),
        pytest.param(lambda tg: tg.fail_next("sendMessage", 502), id="502"),
        pytest.param(lambda tg: tg.drop_next("sendMessage", times=2), id="dropped"),
    ],
)
async def test_server_errors_and_dropped_connections_are_retried(tg: FakeTelegram, bot: RunningBot, fault) -> None:
    fan = tg.user(FAN_ID, "Fan")
    planted = fault(tg)
    answer = await ask(tg, fan, QUESTION)
    assert (answer.plain_text or "").startswith(ANSWER)
    assert planted.triggered == planted.times
    assert len(tg.sent_messages(fan["id"])) == 1
    assert (await ask(tg, fan, "/help")).plain_text  # and the bot goes on answering


async def test_a_slow_answer_holds_up_no_other_chat(tg: FakeTelegram, bot: RunningBot) -> None:
    slow_fan, quick_fan = tg.user(FAN_ID, "Slow"), tg.user(FAN_ID + 1, "Quick")
    tg.delay_next("sendMessage", 3)
    slow = asyncio.create_task(ask(tg, slow_fan, QUESTION))
    await tg.wait_for_call("sendMessage")  # the slow answer is on its way
    started = time.monotonic()
    quick = await ask(tg, quick_fan, QUESTION)
    assert time.monotonic() - started < 2.5
    assert (quick.plain_text or "").startswith(ANSWER)
    assert ((await slow).plain_text or "").startswith(ANSWER)
    assert len(tg.sent_messages(slow_fan["id"])) == len(tg.sent_messages(quick_fan["id"])) == 1


async def test_polling_goes_on_after_failed_and_dropped_polls(tg: FakeTelegram, bot: RunningBot) -> None:
    fan = tg.user(FAN_ID, "Fan")
    tg.fail_next("getUpdates", 500)
    tg.drop_next("getUpdates")
    tg.fail_next("getUpdates", 429, retry_after=1)
    answer = await ask(tg, fan, QUESTION, timeout=15)
    assert (answer.plain_text or "").startswith(ANSWER)
    assert {e.status for e in tg.errors if e.method == "getUpdates"} == {500, 429}


# -- an update delivered again -------------------------------------------------------------------------


async def test_a_document_delivered_twice_is_stored_once(tg: FakeTelegram, bot: RunningBot) -> None:
    """A restart before the offset was confirmed: Telegram delivers the admin's upload again."""
    seen: list[Update] = []

    async def record(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        seen.append(update)

    bot.app.add_handler(TypeHandler(Update, record), group=-1)  # before every handler, stops none
    admin = tg.user(ADMIN_ID, "Admin")
    chat = tg.private_chat(admin)
    report = sorted((CORPUS / "en").glob("*.txt"))[0]
    before = reports_in(bot.services.engine)
    tg.send_document(chat, admin, report.name, report.read_bytes())
    receipt = await tg.wait_for_message(chat, timeout=15)
    assert (receipt.plain_text or "").startswith(f"✅ {report.name}: ")
    [upload] = [u for u in seen if u.message and u.message.document]

    tg.deliver_again(upload.update_id)
    again = await tg.wait_for_message(chat, timeout=15)
    assert again.plain_text == en.TEXTS["ingest_duplicate"].format(name=report.name)
    assert [u.update_id for u in seen].count(upload.update_id) == 2
    assert reports_in(bot.services.engine) == before + 1


# -- SIGKILL in the middle of an inbox batch ------------------------------------------------------------


@pytest.mark.slow
def test_sigkill_mid_batch_then_restart_files_and_stores_everything_once(database_url: str, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    keys = write_reports(inbox, 150, seed=13, small=True)
    processed = inbox / "processed"
    for done in (30, 80):  # killed twice, each time somewhere in the middle of a file
        kill_when(start_inbox_worker(database_url, inbox), lambda n=done: count_files(processed) >= n)
    assert left_in(inbox), "nothing was left for the restart"
    finish(start_inbox_worker(database_url, inbox))

    assert left_in(inbox) == []
    assert filed(inbox) == {name: 1 for name in keys}
    engine = make_engine(database_url)
    reports = stored_reports(engine)
    engine.dispose()
    assert sorted(r.sha256 for r in reports) == sorted(keys.values())  # every report, once
    assert {r.status for r in reports} <= {"extracted", "no_facts"}
    assert all(r.claimed_by is None for r in reports)


def dead_instance() -> str:
    """The name a process of this host had; that process is gone."""
    process = subprocess.Popen(["true"])
    process.wait()
    return f"{socket.gethostname()}:{process.pid}"


def test_files_left_claimed_by_a_crash_are_finished_once(ingestor: Ingestor, tmp_path: Path) -> None:
    """The states a crash can leave in processing/, finished by the next run."""
    folder = tmp_path / "inbox"
    inbox = Inbox(folder, ingestor)
    reports = write_reports(tmp_path / "source", 4, seed=2, small=True)
    never, filed_twice, mine, elsewhere = (tmp_path / "source" / name for name in reports)
    dead = folder / PROCESSING / dead_instance()
    dead.mkdir(parents=True)
    never.rename(dead / never.name)  # claimed, then killed before it was read
    ingestor.ingest_path(filed_twice)  # read, filed, then killed before the claim was removed
    filed_twice.rename(dead / filed_twice.name)
    os.link(dead / filed_twice.name, folder / "processed" / filed_twice.name)
    inbox.claims.mkdir(parents=True)
    mine.rename(inbox.claims / mine.name)  # this instance's own, from before its restart
    alive = folder / PROCESSING / "another-host:1"  # a live instance on another host is at work
    alive.mkdir()
    elsewhere.rename(alive / elsewhere.name)

    summary = inbox.run_once()
    assert sorted(o.name for o in summary.outcomes) == sorted([never.name, mine.name])
    assert not dead.exists()
    assert [p.name for p in alive.iterdir()] == [elsewhere.name]  # not taken from a live holder...
    old = time.time() - (STALE_CLAIM + timedelta(minutes=1)).total_seconds()
    os.utime(alive / elsewhere.name, (old, old))
    assert [o.name for o in inbox.run_once().outcomes] == [elsewhere.name]  # ...unless its claim is stale
    assert left_in(folder) == []
    assert filed(folder) == {name: 1 for name in reports}
    assert reports_in(ingestor.engine) == len(reports)


# -- the database going away --------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_while_postgresql_is_unreachable_the_bot_apologises_then_recovers_by_itself(
    tg: FakeTelegram, database_url: str, tmp_path: Path
) -> None:
    server = make_url(database_url)
    with TcpProxy(server.host or "127.0.0.1", server.port or 5432) as proxy:
        proxied = server.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        async with running_bot(tg, tmp_path, reports=[REPORT], database_url=proxied):
            fan = tg.user(FAN_ID, "Fan")
            assert ((await ask(tg, fan, QUESTION)).plain_text or "").startswith(ANSWER)

            proxy.cut()  # the server restarts: connections dropped, new ones refused
            assert (await ask(tg, fan, QUESTION)).plain_text == en.TEXTS["database_down"]
            assert (await ask(tg, fan, "/scorers")).plain_text == en.TEXTS["database_down"]

            proxy.restore()  # back: the next question is answered, without a restart
            assert ((await ask(tg, fan, QUESTION)).plain_text or "").startswith(ANSWER)


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_connections_killed_by_the_server_are_replaced_unnoticed(
    tg: FakeTelegram, database_url: str, tmp_path: Path
) -> None:
    """A failover or an administrator ends the bot's sessions: the pool notices (pre-ping) and the
    next question is answered as usual, with no apology."""
    name = f"footbot_{uuid.uuid4().hex[:12]}"
    tagged = make_url(database_url).update_query_dict({"application_name": name}).render_as_string(False)
    async with running_bot(tg, tmp_path, reports=[REPORT], database_url=tagged) as bot:
        fan = tg.user(FAN_ID, "Fan")
        assert ((await ask(tg, fan, QUESTION)).plain_text or "").startswith(ANSWER)
        admin = make_engine(database_url)
        with admin.connect() as connection:
            ended = connection.execute(
                text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = :name"),
                {"name": name},
            ).scalar()
        admin.dispose()
        assert ended >= 1
        assert bot.services.engine.pool.checkedin() >= 1  # the dead connections are still in the pool
        assert ((await ask(tg, fan, QUESTION)).plain_text or "").startswith(ANSWER)
        assert ((await ask(tg, fan, "/scorers")).plain_text or "") != en.TEXTS["database_down"]
