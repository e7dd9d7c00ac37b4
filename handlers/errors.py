"""The one error handler: log with the traceback first, then tell the user in their language."""

from __future__ import annotations

import logging

from sqlalchemy.exc import OperationalError
from telegram import Update
from telegram.ext import ContextTypes

from handlers.context import reply, runtime
from handlers.lang import DEFAULT, normalise_code, text
from handlers.reply import Reply

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    user = update.effective_user
    chosen = runtime(context).chat_languages.get(update.effective_chat.id)  # no store lookup: it may be what failed
    lang = chosen or normalise_code(user.language_code if user else None) or DEFAULT
    key = "database_down" if isinstance(context.error, OperationalError) else "error"
    try:
        await reply(update, context, Reply(text(lang, key)), quote=False)
    except Exception:  # the apology itself failed (the network is down too): it is logged above
        log.warning("could not tell the user about the error", exc_info=True)
