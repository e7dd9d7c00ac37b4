"""Announcing new results to the chats that follow them: one short message per chat and batch.

The ingestor tells the :class:`Announcer` of every report it reads (inbox job, admin upload), from
whichever thread read it. The ``announce_results`` job takes what was collected, plans per chat
(``store.follows``), claims each announcement in the store *before* sending it (so no restart and
no second instance sends it again) and hands one message per chat to the outbox, which spreads
them within Telegram's limits. The files of one inbox run are one batch, handed over when the run
ends, so ten files dropped together give one message, not ten.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session
from telegram.ext import ContextTypes

from handlers import clock
from handlers import format as fmt
from handlers.context import runtime
from handlers.lang import DEFAULT, module, text
from handlers.outbox import Outgoing, Pacer, post
from handlers.reply import Reply
from store import chats, follows, queries
from store.ingest import Outcome
from store.models import Follow, utcnow

ANNOUNCER = "announcer"
MAX_RESULTS = 8  # per message: an announcement stays short; the rest is counted
_BATCH: ContextVar[list[Outcome] | None] = ContextVar("announce_batch", default=None)


class Announcer:
    """Collects ingest outcomes from any thread until the next announcing round.

    Outcomes of a batch (see :meth:`batch`) are handed over together when the batch ends, so an
    announcing round never sees half of it; others (an admin upload) are handed over at once.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._outcomes: list[Outcome] = []
        self.pacer = Pacer()

    def collect(self, outcome: Outcome) -> None:
        """The ingestor's listener: keep reports that stated matches."""
        if outcome.status != "ingested" or not outcome.match_ids:
            return
        batch = _BATCH.get()
        if batch is not None:  # asyncio.to_thread copies the context: the batch's worker thread sees it
            batch.append(outcome)
            return
        with self._lock:
            self._outcomes.append(outcome)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """What is ingested inside the block (in this task and the threads it starts) is one batch."""
        outcomes: list[Outcome] = []
        token = _BATCH.set(outcomes)
        try:
            yield
        finally:
            _BATCH.reset(token)
            with self._lock:
                self._outcomes.extend(outcomes)

    def take(self) -> list[Outcome]:
        """What was collected since the last round."""
        with self._lock:
            taken, self._outcomes = self._outcomes, []
            return taken

    def give_back(self, outcomes: list[Outcome]) -> None:
        """A round failed before announcing (database down): try these again next round."""
        with self._lock:
            self._outcomes[:0] = outcomes


def announcement_reply(
    items: list[tuple[follows.Announcement, queries.MatchView]], lang: str, tz: str, read_at: datetime
) -> Reply:
    """'🆕 New results · 21:40' then each result: score, date and competition, and the scorers."""
    lines = [text(lang, "new_results") + f" · {clock.time_of_day(read_at, tz)}"]
    for announcement, view in items[:MAX_RESULTS]:
        headline = fmt.headline(view, lang)
        lines.append(text(lang, "correction", result=headline) if announcement.correction else headline)
        scorers = fmt.scorers(view, lang)
        if scorers:
            lines.append("   " + scorers)
    if len(items) > MAX_RESULTS:
        lines.append(text(lang, "more_results", n=len(items) - MAX_RESULTS))
    return Reply("\n".join(lines))


def prepare(engine: Engine, outcomes: list[Outcome], read_at: datetime) -> list[Outgoing]:
    """Plan a batch, claim each announcement, and write one message per chat (blocking: run in a thread)."""
    match_ids = {m for o in outcomes for m in o.match_ids}
    report_ids = {o.report_id for o in outcomes if o.report_id is not None}
    with Session(engine, expire_on_commit=False) as session:
        planned = follows.pending(session, match_ids=match_ids, report_ids=report_ids)
        claimed = {chat: [a for a in items if follows.claim(session, a)] for chat, items in planned.items()}
        claimed = {chat: items for chat, items in claimed.items() if items}
        settings = chats.chat_settings(session, chat_ids=claimed)
        follow_langs = {chat: _follow_lang(follows.following(session, chat_id=chat)) for chat in claimed}
        views = {
            a.result.match_id: queries.match_details(session, match_id=a.result.match_id)
            for items in claimed.values()
            for a in items
        }
    messages = []
    for chat_id, items in sorted(claimed.items()):
        setting = settings.get(chat_id)
        lang = (setting.lang if setting else None) or follow_langs.get(chat_id) or DEFAULT
        tz = (setting.timezone if setting else None) or module(lang).TIMEZONE
        shown = [(a, views[a.result.match_id]) for a in items if views.get(a.result.match_id) is not None]
        if shown:
            reply = announcement_reply(shown, lang, tz, read_at)  # type: ignore[arg-type]
            messages.append(Outgoing(chat_id, reply, silent=not (setting and setting.notify_sound)))
    return messages


def _follow_lang(rows: list[Follow]) -> str | None:
    """The language the chat was answered in when it followed (the newest /follow that knew it)."""
    dated = sorted((f for f in rows if f.lang), key=lambda f: f.created_at, reverse=True)
    return dated[0].lang if dated else None


async def job_announce_results(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Announce what the reports read since the last round brought, to the chats following it."""
    announcer: Announcer = context.bot_data[ANNOUNCER]
    outcomes = announcer.take()
    if not outcomes:
        return
    try:
        messages = await asyncio.to_thread(prepare, runtime(context).engine, outcomes, utcnow())
    except OperationalError:
        announcer.give_back(outcomes)  # claimed ones stay claimed: at most once, never twice
        raise
    assert context.job_queue is not None
    for message in messages:
        post(context.job_queue, announcer.pacer, message)
