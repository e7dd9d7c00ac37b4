"""How the built application receives its updates: long polling, or a webhook.

Polling suits one instance. Several instances share one bot by webhook: Telegram posts every update
once to ``WEBHOOK_URL/telegram``; a TLS-terminating proxy spreads the posts over the instances, and
each instance checks the ``X-Telegram-Bot-Api-Secret-Token`` header against ``WEBHOOK_SECRET``
(PTB answers 403 to a missing or wrong one). ``footbot run`` and the end-to-end tests start the
application through the same options, so what the tests exercise is what runs.

:func:`health_problems` is ``footbot health``, the container's health check.
"""

from __future__ import annotations

import contextlib
import os
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool
from telegram.ext import Application

from bot.settings import Settings

WEBHOOK_PATH = "telegram"


def webhook_options(settings: Settings) -> dict[str, Any]:
    """The arguments of ``Application.run_webhook`` / ``Updater.start_webhook`` for these settings."""
    if not settings.webhook_url:
        raise ValueError("WEBHOOK_URL is not set")
    return {
        "listen": settings.webhook_listen,
        "port": settings.webhook_port,
        "url_path": WEBHOOK_PATH,
        "webhook_url": f"{settings.webhook_url.rstrip('/')}/{WEBHOOK_PATH}",
        "secret_token": settings.webhook_secret.get_secret_value() if settings.webhook_secret else None,
    }


def serve(app: Application, settings: Settings, *, webhook: bool) -> None:
    """Run until SIGINT/SIGTERM with PTB's own loop: initialise, ``post_init``, receive, stop in order."""
    if webhook:
        app.run_webhook(**webhook_options(settings))
    else:
        app.run_polling()


@contextlib.asynccontextmanager
async def receiving(
    app: Application, settings: Settings, *, webhook: bool, poll_interval: float = 0.0
) -> AsyncIterator[Application]:
    """What :func:`serve` does, inside an event loop that is already running (tests, embedding).

    The steps and their order are PTB's ``run_webhook``/``run_polling``: initialise, ``post_init``,
    start the updater, start the application; on exit stop the updater, then the application.
    """
    assert app.updater is not None
    async with app:
        if app.post_init:
            await app.post_init(app)
        if webhook:
            await app.updater.start_webhook(**webhook_options(settings))
        else:
            await app.updater.start_polling(poll_interval=poll_interval, timeout=1)
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


def health_problems(settings: Settings, *, webhook: bool = False, timeout: float = 5) -> list[str]:
    """What keeps this instance from working; empty when it is healthy.

    The store must answer and be migrated (it has an Alembic version), the inbox must be a writable
    folder and, for a webhook instance, the webhook server must answer HTTP on its port.
    """
    problems = []
    url = make_url(settings.database_url)
    sqlite = url.get_backend_name() == "sqlite"
    if sqlite and url.database not in (None, "", ":memory:") and not os.path.exists(url.database):
        problems.append(f"store: no database file at {url.database}")
    else:
        engine = create_engine(url, poolclass=NullPool, connect_args={} if sqlite else {"connect_timeout": timeout})
        try:
            with engine.connect() as connection:
                version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if not version:
                problems.append("store: not migrated")
        except SQLAlchemyError as exc:
            cause = getattr(exc, "orig", None) or exc
            problems.append(f"store: {type(cause).__name__}: {' '.join(str(cause).split())[:200]}")
        finally:
            engine.dispose()
    if not (settings.inbox_dir.is_dir() and os.access(settings.inbox_dir, os.W_OK)):
        problems.append(f"inbox: {settings.inbox_dir} is not a writable folder")
    if webhook:
        host = settings.webhook_listen if settings.webhook_listen not in ("", "0.0.0.0", "::") else "127.0.0.1"
        address = f"http://{host}:{settings.webhook_port}/{WEBHOOK_PATH}"
        try:
            urllib.request.urlopen(address, timeout=timeout).close()
        except urllib.error.HTTPError:
            pass  # it answered (405: updates are POSTed): the server is up
        except OSError as exc:
            problems.append(f"webhook: {address} does not answer ({exc})")
    return problems
