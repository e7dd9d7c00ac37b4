"""Per-chat settings (``ChatSetting``): reply language, time zone, whether announcements ring.

Plain keyword-only functions; a missing row means "all defaults", so reading never creates one.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from store.models import ChatSetting

FIELDS = frozenset({"lang", "timezone", "notify_sound"})


def chat_setting(session: Session, *, chat_id: int) -> ChatSetting | None:
    return session.get(ChatSetting, chat_id)


def chat_settings(session: Session, *, chat_ids: Collection[int]) -> dict[int, ChatSetting]:
    """The settings of many chats in one read (announcing to every follower of a batch)."""
    if not chat_ids:
        return {}
    rows = session.exec(select(ChatSetting).where(col(ChatSetting.chat_id).in_(set(chat_ids))))
    return {row.chat_id: row for row in rows}


def save_chat_setting(session: Session, *, chat_id: int, **changes: object) -> ChatSetting:
    """Change some settings of a chat (committed), creating its row on first use."""
    unknown = set(changes) - FIELDS
    if unknown:
        raise ValueError(f"unknown chat settings: {sorted(unknown)}")
    try:
        return _save(session, chat_id, changes)
    except IntegrityError:  # another instance created the row a moment ago: update it instead
        session.rollback()
        return _save(session, chat_id, changes)


def _save(session: Session, chat_id: int, changes: dict[str, object]) -> ChatSetting:
    setting = session.get(ChatSetting, chat_id) or ChatSetting(chat_id=chat_id)
    for name, value in changes.items():
        setattr(setting, name, value)
    session.add(setting)
    session.commit()
    return setting
