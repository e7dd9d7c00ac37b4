"""Webhook mode end to end: the real application serves PTB's webhook on a loopback port.

Why: several instances share one bot only through a webhook (``compose.yaml``). These tests start
the application as ``footbot run --webhook`` does (``bot.serve``; once in this process, once as the
real command in a process of its own), check that it registered the webhook with Telegram (the fake
records ``setWebhook``), then post updates the way Telegram does: with the secret header the update
is answered through the Bot API; with a wrong or missing secret it is refused with 403 and nothing is
answered.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.app import build_application
from bot.serve import receiving
from bot.services import build_services
from tests.conftest import DATA
from tests.helpers.bot_app import bot_settings
from tests.helpers.fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parent.parent
SECRET = "s3cret_Token-for-the-webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
PUBLIC_URL = "https://footbot.example/hooks"
REPORT = DATA / "reports" / "atalanta_inter_en.txt"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_update(update_id: int, message: dict[str, Any]) -> dict[str, Any]:
    """The Update Telegram would post for a message the fake registered (so replies to it are valid)."""
    return {"update_id": update_id, "message": message}


async def post(url: str, update: dict[str, Any], secret: str | None) -> int:
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.post(url, json=update, headers=headers)
    return response.status_code


async def test_webhook_answers_updates_with_the_secret_and_refuses_the_others(tg: FakeTelegram, tmp_path: Path) -> None:
    port = free_port()
    settings = bot_settings(
        tg, tmp_path, webhook_url=PUBLIC_URL, webhook_listen="127.0.0.1", webhook_port=port, webhook_secret=SECRET
    )
    settings.inbox_dir.mkdir(parents=True)
    services = build_services(settings)
    services.ingestor.ingest_paths([REPORT])
    app = build_application(settings, services)
    fan = tg.user(22, "Fan")
    chat = tg.private_chat(fan)
    webhook = f"http://127.0.0.1:{port}/telegram"
    async with receiving(app, settings, webhook=True):
        registered = await tg.wait_for_call("setWebhook")
        assert registered.params["url"] == f"{PUBLIC_URL}/telegram"
        assert registered.params["secret_token"] == SECRET

        question = tg.send_text(chat, fan, "/result inter atalanta")
        assert await post(webhook, as_update(1, question), SECRET) == 200
        answer = await tg.wait_for_message(chat)
        assert (answer.plain_text or "").startswith("Atalanta 1-2 Inter")
        assert answer.reply_to_message_id == question["message_id"]

        for update_id, secret in ((2, "not-the-secret"), (3, None)):
            forged = tg.send_text(chat, fan, "/result inter atalanta")
            assert await post(webhook, as_update(update_id, forged), secret) == 403
        with pytest.raises(TimeoutError):
            await tg.wait_for_message(chat, timeout=1)
    assert tg.calls_to("getUpdates") == []  # no polling in webhook mode
    services.engine.dispose()


def test_footbot_run_webhook_serves_passes_its_health_check_and_stops_on_sigterm(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """The command the container runs (``footbot run --webhook``) and its HEALTHCHECK (``footbot health
    --webhook``), as processes configured by the environment only."""
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'footbot.db'}",
        "INBOX_DIR": str(tmp_path / "inbox"),
        "TELEGRAM_BOT_TOKEN": tg.token,
        "TELEGRAM_API_URL": tg.root,
        "WEBHOOK_URL": PUBLIC_URL,
        "WEBHOOK_LISTEN": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
        "WEBHOOK_SECRET": SECRET,
        "LOG_LEVEL": "WARNING",
    }
    (tmp_path / "inbox").mkdir()

    def footbot(*args: str) -> list[str]:
        return [sys.executable, "-m", "bot.cli", *args]

    def healthy() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            footbot("health", "--webhook"), cwd=tmp_path, env=env, capture_output=True, text=True, timeout=30
        )

    bot = subprocess.Popen(footbot("run", "--webhook"), cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while not tg.calls_to("setWebhook"):
            assert bot.poll() is None, bot.communicate()[1]
            assert time.monotonic() < deadline, "the bot never registered its webhook"
            time.sleep(0.05)
        fan = tg.user(22, "Fan")
        chat = tg.private_chat(fan)
        message = tg.send_text(chat, fan, "/help")
        for _ in range(100):  # the webhook server starts right after setWebhook
            try:
                response = httpx.post(
                    f"http://127.0.0.1:{port}/telegram", json=as_update(1, message), headers={SECRET_HEADER: SECRET}
                )
                break
            except httpx.ConnectError:
                time.sleep(0.05)
        assert response.status_code == 200
        deadline = time.monotonic() + 10
        while not tg.sent_messages(chat):
            assert time.monotonic() < deadline, "no answer to the posted update"
            time.sleep(0.05)
        assert "/result TEAM" in (tg.sent_messages(chat)[0].plain_text or "")
        check = healthy()
        assert (check.returncode, check.stdout.strip()) == (0, "ok"), check.stderr
    finally:
        bot.send_signal(signal.SIGTERM)
        _, errors = bot.communicate(timeout=20)
    assert bot.returncode == 0, errors
    check = healthy()
    assert check.returncode == 1 and "webhook: " in check.stderr
