"""/start, /help and /lang: what the bot knows, how to ask, and the reply language of a chat."""

from __future__ import annotations

from sqlmodel import Session
from telegram import Update
from telegram.ext import ContextTypes

from handlers import format as fmt
from handlers.context import chat_language, in_store, reply, set_chat_language
from handlers.lang import LANGUAGES, text
from handlers.reply import Reply, esc
from store import queries

COMPETITIONS_SHOWN = 15


def coverage_text(session: Session, lang: str) -> str:
    """What the store holds: reports, matches, goals, competitions covered."""
    cov = queries.coverage(session)
    if not cov.reports:
        return text(lang, "knows_nothing")
    latest = text(lang, "knows_latest", date=fmt.day(cov.latest, lang)) if cov.latest else ""
    lines = [text(lang, "knows", reports=cov.reports, matches=cov.matches, goals=cov.goals, latest=latest)]
    if cov.competitions:
        lines.append(
            text(
                lang,
                "knows_competitions",
                competitions=", ".join(
                    f"{esc(name)} ({count})" for name, count in cov.competitions[:COMPETITIONS_SHOWN]
                ),
            )
        )
    return "\n".join(lines)


def start_reply(session: Session, lang: str) -> Reply:
    return Reply("\n\n".join([text(lang, "start"), coverage_text(session, lang), text(lang, "help")]))


def help_reply(session: Session, lang: str) -> Reply:
    """The commands with examples, and what the store holds to answer them from."""
    return Reply("\n\n".join([text(lang, "help"), coverage_text(session, lang)]))


def lang_reply(argument: str, current: str) -> tuple[Reply, str | None]:
    """(reply, new language or None) for ``/lang ARG``."""
    code = argument.strip().lower()[:2]
    if code not in LANGUAGES:
        return Reply(text(current, "lang_usage")), None
    return Reply(text(code, "lang_set")), code


async def cmd_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = await chat_language(update, context)
    await reply(update, context, await in_store(context, lambda session: start_reply(session, lang)))


async def cmd_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = await chat_language(update, context)
    await reply(update, context, await in_store(context, lambda session: help_reply(session, lang)))


async def cmd_lang(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    current = await chat_language(update, context)
    answer, code = lang_reply(" ".join(context.args or []), current)
    if code:
        await set_chat_language(update, context, code)
    await reply(update, context, answer)
