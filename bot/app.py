"""The composition root: settings -> services -> the python-telegram-bot Application.

Everything long-lived is built here and nowhere else: the engine and ingestor (``bot.services``),
the names index, the handlers (``handlers.register``), the inbox job on PTB's JobQueue and the
localized command menus (``post_init``).
"""

from __future__ import annotations

import asyncio
import logging

from telegram import BotCommand
from telegram.constants import ParseMode
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes, Defaults

import handlers
from bot.inbox import Inbox
from bot.services import Services
from bot.settings import Settings
from handlers.context import RUNTIME, Runtime
from handlers.knowledge import Knowledge
from handlers.lang import LANGUAGES
from handlers.notify import ANNOUNCER, Announcer, job_announce_results

log = logging.getLogger(__name__)
INBOX = "inbox"
ANNOUNCE_EVERY = 1.0  # seconds between announcing rounds (new results to the chats following them)


def make_runtime(services: Services) -> Runtime:
    settings = services.settings
    return Runtime(
        engine=services.engine,
        ingestor=services.ingestor,
        knowledge=Knowledge(services.engine, services.ingestor.reference),
        admins=settings.admin_user_ids,
        max_bytes=settings.max_report_bytes,
    )


def build_application(settings: Settings, services: Services) -> Application:
    if not settings.token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    root = settings.telegram_api_url.rstrip("/")
    app = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .rate_limiter(AIORateLimiter(max_retries=5))
        .concurrent_updates(True)
        .post_init(_post_init)
        .build()
    )
    app.bot_data[RUNTIME] = make_runtime(services)
    app.bot_data[INBOX] = Inbox(settings.inbox_dir, services.ingestor)
    announcer = Announcer()
    services.ingestor.listeners.append(announcer.collect)  # inbox files and admin uploads alike
    app.bot_data[ANNOUNCER] = announcer
    handlers.register(app)
    assert app.job_queue is not None, "install python-telegram-bot[job-queue]"
    app.job_queue.run_repeating(job_ingest_inbox, interval=settings.ingest_interval, first=1, name="ingest_inbox")
    app.job_queue.run_repeating(job_announce_results, interval=ANNOUNCE_EVERY, first=1, name="announce_results")
    return app


async def _post_init(app: Application) -> None:
    """Learn the bot's username (for @mentions) and publish the command menu in every language."""
    me = await app.bot.get_me()
    app.bot_data[RUNTIME].bot_username = me.username
    for code, module in LANGUAGES.items():
        commands = [BotCommand(name, description) for name, description in module.COMMANDS.items()]
        await app.bot.set_my_commands(commands, language_code=None if code == "en" else code)


async def job_ingest_inbox(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Ingest new inbox files off the event loop, so the bot keeps answering during a large batch."""
    inbox: Inbox = context.bot_data[INBOX]
    with context.bot_data[ANNOUNCER].batch():  # the files of one run are announced together
        summary = await asyncio.to_thread(inbox.run_once)
    if summary.outcomes:
        context.bot_data[RUNTIME].knowledge.invalidate()
