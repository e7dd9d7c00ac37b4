"""What the thin Telegram callbacks share: the runtime objects in ``bot_data``, the chat's language,
running store work off the event loop, and sending a :class:`Reply`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import Engine
from sqlmodel import Session
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, NetworkError
from telegram.ext import ContextTypes

from handlers.knowledge import Knowledge
from handlers.lang import DEFAULT, module, normalise_code
from handlers.reply import Reply
from store.ingest import Ingestor
from store.models import ChatSetting

RUNTIME = "runtime"
T = TypeVar("T")
SEND_ATTEMPTS = 3  # a reply is tried this many times when the network or Telegram's server fails
SEND_BACKOFF = 0.5  # seconds before the second try, doubled before each next one
log = logging.getLogger(__name__)


@dataclass(slots=True)
class Runtime:
    """Long-lived objects the composition root (``bot.app``) puts in ``application.bot_data``."""

    engine: Engine
    ingestor: Ingestor
    knowledge: Knowledge
    admins: frozenset[int] = frozenset()
    max_bytes: int = 2 * 1024 * 1024
    bot_username: str | None = None
    chat_languages: dict[int, str] = field(default_factory=dict)  # cache of ChatSetting.lang
    chat_timezones: dict[int, str] = field(default_factory=dict)  # cache of ChatSetting.timezone


def runtime(context: ContextTypes.DEFAULT_TYPE) -> Runtime:
    return context.bot_data[RUNTIME]


async def in_store(context: ContextTypes.DEFAULT_TYPE, work: Callable[[Session], T]) -> T:
    """Run ``work`` with a fresh session in a worker thread: store calls never block the event loop,
    and no session is held across an ``await``."""
    engine = runtime(context).engine

    def run() -> T:
        with Session(engine) as session:
            return work(session)

    return await asyncio.to_thread(run)


async def _chat_setting(update: Update, context: ContextTypes.DEFAULT_TYPE, cache: dict[int, str], field: str) -> str:
    """One of the chat's stored settings ("" when unset), read once and then kept in ``cache``."""
    chat = update.effective_chat
    if chat is None:
        return ""
    if chat.id not in cache:
        setting = await in_store(context, lambda s: s.get(ChatSetting, chat.id))
        cache[chat.id] = (getattr(setting, field) if setting else None) or ""
    return cache[chat.id]


async def chat_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str:
    """The chat's chosen language, else the user's Telegram language, else English."""
    chosen = await _chat_setting(update, context, runtime(context).chat_languages, "lang")
    if chosen:
        return chosen
    user = update.effective_user
    return normalise_code(user.language_code if user else None) or DEFAULT


async def chat_timezone(update: Update, context: ContextTypes.DEFAULT_TYPE) -> str:
    """The chat's chosen time zone, else the usual one of its language (Vietnamese: Asia/Ho_Chi_Minh)."""
    chosen = await _chat_setting(update, context, runtime(context).chat_timezones, "timezone")
    return chosen or module(await chat_language(update, context)).TIMEZONE


async def set_chat_language(update: Update, context: ContextTypes.DEFAULT_TYPE, code: str) -> None:
    chat = update.effective_chat
    if chat is None:
        return

    def save(session: Session) -> None:
        setting = session.get(ChatSetting, chat.id) or ChatSetting(chat_id=chat.id)
        setting.lang = code
        session.add(setting)
        session.commit()

    await in_store(context, save)
    runtime(context).chat_languages[chat.id] = code


def markup(answer: Reply) -> InlineKeyboardMarkup | None:
    if not answer.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.label, callback_data=b.data) for b in row] for row in answer.buttons]
    )


async def reply(
    update: Update, context: ContextTypes.DEFAULT_TYPE, answer: Reply, *, quote: bool = True
) -> Message | None:
    """Send ``answer`` to the chat of ``update``: split over 4096 characters, buttons on the last part."""
    chat = update.effective_chat
    if chat is None:
        return None
    target = update.effective_message if quote else None
    if answer.image is not None:
        return await _send(
            context.bot.send_photo,
            chat.id,
            answer.image,
            caption=(answer.caption if answer.caption is not None else answer.html)[:1024],
            parse_mode=ParseMode.HTML,
            reply_markup=markup(answer),
            reply_to_message_id=target.message_id if target else None,
        )
    chunks = answer.chunks()
    sent = None
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        sent = await _send(
            context.bot.send_message,
            chat.id,
            chunk,
            reply_markup=markup(answer) if last else None,
            reply_to_message_id=target.message_id if target and index == 0 else None,
        )
    return sent


async def _send(method: Callable[..., Awaitable[Message]], *args: object, **kwargs: object) -> Message:
    """One Bot API send, tried again after a network error or a 5xx answer (``AIORateLimiter`` already
    waits out 429s). A bad request is not retried: it would fail the same way. A send that timed out
    or lost its connection may have arrived all the same: it is sent again, so that a reply may, rarely,
    arrive twice, but is not lost to a passing fault."""
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            return await method(*args, **kwargs)
        except BadRequest:
            raise
        except NetworkError as exc:
            if attempt == SEND_ATTEMPTS:
                raise
            log.warning("sending a reply failed (%s); trying again", exc)
            await asyncio.sleep(SEND_BACKOFF * 2 ** (attempt - 1))
    raise AssertionError("unreachable")
