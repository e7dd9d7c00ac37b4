"""Free-text questions: /ask, replies to the bot, @mentions, private messages, and -- in groups
without privacy mode -- plain messages that are clearly football questions about known teams.

Buttons come back here too: ``ask:`` asks again (a "Did you mean" choice), ``src:`` shows a
match's sources, ``cmd:`` runs a command line.
"""

from __future__ import annotations

import re
import shlex
from datetime import date

from sqlmodel import Session
from telegram import Message, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from handlers import clock
from handlers.answers import Answerer
from handlers.context import chat_language, chat_timezone, in_store, reply, runtime
from handlers.form import form_reply
from handlers.knowledge import Knowledge
from handlers.reply import Reply
from handlers.results import last_command, match_command, result_command
from handlers.scorers import scorers_command
from handlers.standings import table_command
from handlers.understand import understand

_QUESTION_CUE = re.compile(
    r"\?|^\s*(?:who|what|when|how|did|which|where|ai|sao|bao|may|kq|ket qua|ti so|ty so)\b", re.I
)


def answer_question(
    session: Session, knowledge: Knowledge, question: str, *, fallback_lang: str, today: date | None = None
) -> Reply:
    """The reply to one free-text question: the same engine the commands use (``today``: in the chat's zone)."""
    q = understand(question, knowledge, fallback_lang=fallback_lang, today=today)
    return Answerer(session, knowledge).answer(q)


def sources_reply(session: Session, knowledge: Knowledge, match_id: int, lang: str) -> Reply:
    return Answerer(session, knowledge).sources(match_id, lang)


def is_football_question(knowledge: Knowledge, message: str) -> bool:
    """Chatter is ignored: a plain group message is answered only when it names a known team or player
    and reads as a question."""
    q = understand(message, knowledge)
    named = any(knowledge.has_matches(f.ids[0]) for f in q.teams) or bool(q.players)
    return named and bool(q.intents or _QUESTION_CUE.search(message))


def question_text(message: Message, bot_username: str | None) -> str:
    """The question in a message: without the /ask command or the @botname mention."""
    raw = message.text or message.caption or ""
    raw = re.sub(r"^/ask(?:@\w+)?\s*", "", raw, flags=re.I)
    if bot_username:
        raw = re.sub(rf"@{re.escape(bot_username)}\b", " ", raw, flags=re.I)
    return " ".join(raw.split())


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    lang = await chat_language(update, context)
    knowledge = runtime(context).knowledge
    if not question:
        from handlers.lang import text

        await reply(update, context, Reply(text(lang, "cannot_answer")))
        return
    today = clock.today(await chat_timezone(update, context))  # "yesterday" is the chat's yesterday
    answer = await in_store(context, lambda s: answer_question(s, knowledge, question, fallback_lang=lang, today=today))
    await reply(update, context, answer)


async def cmd_ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None:
        await _answer(update, context, question_text(message, runtime(context).bot_username))


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Private chats: every message is a question. Groups: replies to the bot, mentions of it, and
    (privacy mode off) plain messages that are clearly football questions."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or not message.text:
        return
    rt = runtime(context)
    question = question_text(message, rt.bot_username)
    if chat.type == ChatType.PRIVATE:
        await _answer(update, context, question)
        return
    replied = message.reply_to_message
    to_bot = replied is not None and replied.from_user is not None and replied.from_user.id == context.bot.id
    mentioned = bool(rt.bot_username) and f"@{rt.bot_username}".lower() in message.text.lower()
    if to_bot or mentioned:
        await _answer(update, context, question)
        return
    if await in_store(context, lambda _: is_football_question(rt.knowledge, question)):
        await _answer(update, context, question)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A pressed inline button: ask again, show sources, or run a command line."""
    query = update.callback_query
    if query is None or not query.data:
        return
    await query.answer()
    kind, _, payload = query.data.partition(":")
    lang = await chat_language(update, context)
    knowledge = runtime(context).knowledge
    if kind == "ask":
        answer = await in_store(context, lambda s: answer_question(s, knowledge, payload, fallback_lang=lang))
    elif kind == "src" and payload.isdigit():
        answer = await in_store(context, lambda s: sources_reply(s, knowledge, int(payload), lang))
    elif kind == "cmd":
        answer = await in_store(context, lambda s: run_command_line(s, knowledge, lang, payload))
    else:
        return
    await reply(update, context, answer, quote=False)


def run_command_line(session: Session, knowledge: Knowledge, lang: str, line: str) -> Reply:
    """``/result Inter "AC Milan"`` as typed (or as stored in a button), through the pure functions."""
    commands = {
        "result": result_command,
        "last": last_command,
        "match": match_command,
        "scorers": scorers_command,
        "table": table_command,
        "form": form_reply,
    }
    try:
        words = shlex.split(line)
    except ValueError:
        words = line.split()
    if not words:
        return answer_question(session, knowledge, line, fallback_lang=lang)
    name = words[0].lstrip("/").split("@")[0].lower()
    args = " ".join(f'"{w}"' if " " in w else w for w in words[1:])
    if name in commands:
        return commands[name](session, knowledge, lang, args)
    return answer_question(session, knowledge, line.lstrip("/"), fallback_lang=lang)
