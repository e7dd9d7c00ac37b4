"""Admin features: report upload (a document), /reports and /reextract.

Documents are checked before they are downloaded: a non-admin's file is never fetched, and one that
is too large or of a type the bot cannot read is refused with the reason.
"""

from __future__ import annotations

import asyncio
import logging

from sqlmodel import Session
from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from handlers import clock
from handlers import format as fmt
from handlers.context import chat_language, chat_timezone, in_store, reply, runtime
from handlers.lang import text
from handlers.reply import Reply, esc
from store import queries
from store.ingest import Outcome, Summary
from store.reading import UnreadableReport, check_name

log = logging.getLogger(__name__)


def outcome_reply(outcome: Outcome, lang: str) -> Reply:
    """The admin's receipt: matches found with scores, or duplicate / no facts / failed and why."""
    name = esc(outcome.name)
    if outcome.status == "ingested":
        lines = [text(lang, "ingest_ingested", name=name, matches="; ".join(esc(m) for m in outcome.matches))]
        lines.append(text(lang, "goals_added", matches=outcome.matches_added, goals=outcome.goals_added))
        lines += [text(lang, "conflict", conflict=esc(c)) for c in outcome.conflicts]
        return Reply("\n".join(lines))
    if outcome.status == "duplicate":
        return Reply(text(lang, "ingest_duplicate", name=name))
    if outcome.status == "no_facts":
        return Reply(text(lang, "ingest_no_facts", name=name))
    return Reply(
        text(
            lang,
            "ingest_failed" if outcome.status == "failed" else "upload_refused",
            name=name,
            reason=esc(outcome.reason or "?"),
        )
    )


def refusal(file_name: str, size: int | None, max_bytes: int) -> str | None:
    """Why a document must not even be downloaded, or None."""
    try:
        check_name(file_name)
    except UnreadableReport as exc:
        return str(exc)
    if size is not None and size > max_bytes:
        return f"file too large ({size / 1048576:.1f} MB; the limit is {max_bytes / 1048576:.1f} MB)"
    return None


def reports_reply(session: Session, lang: str, limit: int = 10, tz: str = "UTC") -> Reply:
    """The latest reports, with when they were read in the chat's time zone."""
    reports = queries.recent_reports(session, limit=limit)
    if not reports:
        return Reply(text(lang, "reports_none"))
    lines = [text(lang, "reports_title")]
    for r in reports:
        read = clock.local(r.created_at, tz) if r.created_at else None
        when = f"{fmt.day(read.date(), lang)} {read:%H:%M}" if read else ""
        why = f" – {esc(r.error[:80])}" if r.error else ""
        lines.append(f"#{r.id} {esc(r.filename or r.source)[:40]} · {r.status.replace('_', ' ')} · {when}{why}")
    return Reply("\n".join(lines))


def reextract_reply(summary: Summary, lang: str) -> Reply:
    return Reply(text(lang, "reextract_done", summary=esc(summary.line())))


def is_admin(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    user = update.effective_user
    return user is not None and user.id in runtime(context).admins


def wants_upload(update: Update) -> bool:
    """A document counts as an upload in a private chat, or in a group with the caption /upload."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or message.document is None or chat is None:
        return False
    if chat.type == ChatType.PRIVATE:
        return True
    command = (message.caption or "").strip().split(maxsplit=1)[0].lower() if message.caption else ""
    name, _, addressee = command.partition("@")
    username = (message.get_bot().username or "").lower()
    return name == "/upload" and (not addressee or addressee == username)


async def ingest_document(update: Update, context: ContextTypes.DEFAULT_TYPE, message) -> None:
    lang = await chat_language(update, context)
    document = message.document
    rt = runtime(context)
    name = document.file_name or "report.txt"
    if not is_admin(update, context):
        await reply(update, context, Reply(text(lang, "admin_only")))
        return
    problem = refusal(name, document.file_size, rt.max_bytes)
    if problem:
        await reply(update, context, Reply(text(lang, "upload_refused", name=esc(name), reason=esc(problem))))
        return
    file = await document.get_file()
    data = bytes(await file.download_as_bytearray())
    user = update.effective_user
    outcome = await rt.ingestor.ingest_bytes_async(
        data, filename=name, source_kind="upload", source=str(user.id if user else "")
    )
    rt.knowledge.invalidate()
    await reply(update, context, outcome_reply(outcome, lang))


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and wants_upload(update):
        await ingest_document(update, context, message)


async def cmd_upload(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/upload in reply to a document (groups), or alone: how to upload."""
    message = update.effective_message
    target = message.reply_to_message if message else None
    if target is not None and target.document is not None:
        await ingest_document(update, context, target)
        return
    lang = await chat_language(update, context)
    await reply(update, context, Reply(text(lang, "upload_hint")))


async def cmd_reports(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = await chat_language(update, context)
    if not is_admin(update, context):
        await reply(update, context, Reply(text(lang, "admin_only")))
        return
    tz = await chat_timezone(update, context)
    await reply(update, context, await in_store(context, lambda s: reports_reply(s, lang, tz=tz)))


async def cmd_reextract(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = await chat_language(update, context)
    if not is_admin(update, context):
        await reply(update, context, Reply(text(lang, "admin_only")))
        return
    rt = runtime(context)
    await reply(update, context, Reply(text(lang, "reextract_started")))
    summary = await asyncio.to_thread(rt.ingestor.reextract)
    rt.knowledge.invalidate()
    await reply(update, context, reextract_reply(summary, lang))
