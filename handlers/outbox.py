"""Messages the bot sends on its own (announcements), spread over time with PTB's JobQueue.

Telegram refuses bursts: about 20 messages a minute in one group, one a second in a private chat,
30 a second overall. A batch announced to many chats at once would trip these limits (and the
rate limiter would then hold the announcing job for minutes); instead :class:`Pacer` books each
message the next free slot of its chat and of the bot, and a one-off job sends it at that time.
"""

from __future__ import annotations

import bisect
import logging
import time
from dataclasses import dataclass, field

from telegram.error import BadRequest, Forbidden
from telegram.ext import ContextTypes, JobQueue

from handlers.context import in_store, markup
from handlers.reply import Reply
from store import follows

log = logging.getLogger(__name__)
GROUP_GAP = 60 / 20  # seconds between two messages to one group: 20 a minute
PRIVATE_GAP = 1.0  # one a second in a private chat
GLOBAL_GAP = 1 / 25  # below Telegram's 30 a second over all chats


@dataclass(slots=True)
class Pacer:
    """Books send times: never two messages to a chat closer than its gap, nor any two than the global gap.

    A slot is the earliest time that respects both; a message to a quiet chat can still go before a
    busy group's later messages, filling the gaps between them.
    """

    group_gap: float = GROUP_GAP
    private_gap: float = PRIVATE_GAP
    global_gap: float = GLOBAL_GAP
    _next_chat: dict[int, float] = field(default_factory=dict)  # chat -> earliest time of its next message
    _booked: list[float] = field(default_factory=list)  # send times taken, sorted

    def book(self, chat_id: int, now: float) -> float:
        """Seconds from ``now`` until a message to ``chat_id`` may go; the slot is taken."""
        self._booked = [t for t in self._booked if t > now - self.global_gap]
        at = max(now, self._next_chat.get(chat_id, now))
        for taken in self._booked:  # sorted: move past every booking too close to the candidate
            if abs(taken - at) < self.global_gap - 1e-9:
                at = taken + self.global_gap
        bisect.insort(self._booked, at)
        self._next_chat[chat_id] = at + (self.group_gap if chat_id < 0 else self.private_gap)
        if len(self._next_chat) > 10_000:  # forget chats whose slots have passed
            self._next_chat = {c: t for c, t in self._next_chat.items() if t > now}
        return at - now


@dataclass(frozen=True, slots=True)
class Outgoing:
    chat_id: int
    reply: Reply
    silent: bool = True  # disable_notification: a result is news, not an alarm


def post(job_queue: JobQueue, pacer: Pacer, message: Outgoing) -> float:
    """Schedule ``message`` at its chat's next free slot; returns the delay in seconds."""
    delay = pacer.book(message.chat_id, time.monotonic())
    job_queue.run_once(job_send, when=delay, data=message, name=f"send:{message.chat_id}")
    return delay


async def job_send(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Send one booked message; a chat that removed or blocked the bot stops being announced to."""
    assert context.job is not None
    message: Outgoing = context.job.data  # type: ignore[assignment]
    chunks = message.reply.chunks()
    try:
        for index, chunk in enumerate(chunks):
            await context.bot.send_message(
                message.chat_id,
                chunk,
                disable_notification=message.silent,
                reply_markup=markup(message.reply) if index == len(chunks) - 1 else None,
            )
    except Forbidden:
        gone = await in_store(context, lambda s: follows.forget_chat(s, chat_id=message.chat_id))
        log.warning("chat %s refuses the bot: %d follow(s) dropped", message.chat_id, gone)
    except BadRequest as exc:  # "chat not found" and the like: nothing to retry
        log.warning("announcement to chat %s refused: %s", message.chat_id, exc.message)
