"""The real footbot application, polling a :class:`FakeTelegram`, for end-to-end tests.

Why: end-to-end tests must exercise the composition root the product runs (``bot.app``), not a
hand-assembled copy; only the Bot API root (``TELEGRAM_API_URL``), the store and the inbox are
pointed at the test's own places.

    async with running_bot(tg, tmp_path, admins={1}) as bot:
        tg.send_text(chat, alice, "/result inter atalanta")
        reply = await tg.wait_for_message(chat)
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from pathlib import Path

from telegram.ext import Application

from bot.app import build_application
from bot.services import Services, build_services
from bot.settings import Settings
from tests.helpers.fake_telegram import FakeTelegram


@dataclass(slots=True)
class RunningBot:
    app: Application
    services: Services
    settings: Settings

    @property
    def inbox(self) -> Path:
        return self.settings.inbox_dir


def bot_settings(tg: FakeTelegram, workdir: Path, *, admins: Iterable[int] = (), **overrides: object) -> Settings:
    """Settings of a bot talking to ``tg``, with its store and inbox under ``workdir``."""
    values: dict[str, object] = {
        "telegram_bot_token": tg.token,
        "telegram_api_url": tg.root,
        "database_url": f"sqlite:///{workdir / 'store.db'}",
        "inbox_dir": workdir / "inbox",
        "admin_user_ids": frozenset(admins),
        "ingest_interval": 0.2,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@contextlib.asynccontextmanager
async def running_bot(
    tg: FakeTelegram,
    workdir: Path,
    *,
    admins: Iterable[int] = (),
    reports: Iterable[Path] = (),
    **overrides: object,
) -> AsyncIterator[RunningBot]:
    """Build the application exactly as ``footbot run`` does, ingest ``reports`` first, poll ``tg``.

    The application is stopped before the caller's ``FakeTelegram`` is, so PTB confirms its last
    offset while the fake still answers.
    """
    settings = bot_settings(tg, workdir, admins=admins, **overrides)
    settings.inbox_dir.mkdir(parents=True, exist_ok=True)
    services = build_services(settings)
    files = list(reports)
    if files:
        services.ingestor.ingest_paths(files)
    app = build_application(settings, services)
    async with app:
        if app.post_init is not None:  # as run_polling does: command menus, the bot's username
            await app.post_init(app)
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            yield RunningBot(app, services, settings)
        finally:
            await app.updater.stop()
            await app.stop()
    services.engine.dispose()
