"""/follow, /unfollow and /following: the teams and competitions whose new results a chat gets.

``/follow Inter`` or ``/follow Serie A`` (any language, typos forgiven by the names index);
without an argument, or when a name is ambiguous or unknown, buttons offer the choices. Buttons
carry ``fl:+t:<team id>``, ``fl:+c:<competition>`` or ``fl:-:<follow id>``.
"""

from __future__ import annotations

from sqlmodel import Session
from telegram import Update
from telegram.ext import ContextTypes

from handlers.context import chat_language, in_store, markup, reply, runtime
from handlers.knowledge import Knowledge
from handlers.lang import text
from handlers.reply import Button, Reply, esc
from handlers.understand import understand
from store import follows, queries
from store.follows import Target

MAX_CHOICES = 8
CALLBACK_LIMIT = 64  # bytes of callback data Telegram accepts


def parse_target(knowledge: Knowledge, args: str, lang: str) -> Target | list[Target] | None:
    """What ``/follow ARGS`` names: one target, several (ambiguous or misspelt: to choose from), or None."""
    q = understand(args, knowledge, fallback_lang=lang)
    if q.teams:
        found = q.teams[0]
        if len(found.names) == 1 and found.exact:
            return Target("team", found.names[0])
        return [Target("team", name) for name in found.names[:MAX_CHOICES]]  # a typo is confirmed too
    if q.competition:
        return Target("competition", q.competition)
    words = " ".join(w for w in q.leftover if len(w) > 1)
    suggestions = knowledge.team_suggestions(words) if words else []
    return [Target("team", name) for name in suggestions] or None


def _label(target: Target) -> str:
    return ("🏆 " if target.kind == "competition" else "") + target.name


def _follow_button(knowledge: Knowledge, target: Target) -> Button | None:
    if target.kind == "team":
        team_id = knowledge.team_id(target.name)
        return Button(_label(target), f"fl:+t:{team_id}") if team_id is not None else None
    data = f"fl:+c:{target.name}"
    return Button(_label(target), data) if len(data.encode()) <= CALLBACK_LIMIT else None


def _rows(buttons: list[Button | None], per_row: int = 2) -> list[list[Button]]:
    kept = [b for b in buttons if b is not None]
    return [kept[i : i + per_row] for i in range(0, len(kept), per_row)]


def follow_target(session: Session, chat_id: int, lang: str, target: Target) -> Reply:
    done = follows.follow(session, chat_id=chat_id, target=target, lang=lang)
    return Reply(text(lang, "followed" if done else "already_following", name=esc(target.name)))


def follow_reply(session: Session, knowledge: Knowledge, chat_id: int, lang: str, args: str) -> Reply:
    """``/follow TEAM|COMPETITION``; the choices as buttons when there is nothing or no single name."""
    found = parse_target(knowledge, args, lang) if args.strip() else None
    if isinstance(found, Target):
        return follow_target(session, chat_id, lang, found)
    if found:  # ambiguous or misspelt
        head = text(lang, "ambiguous" if len(found) > 1 else "no_team", name=esc(args.strip()))
        if len(found) == 1:
            head += "\n" + text(lang, "did_you_mean")
        return Reply(head, _rows([_follow_button(knowledge, t) for t in found]))
    followed = {(f.kind, f.name) for f in follows.following(session, chat_id=chat_id)}
    offers = [Target("team", name) for _, name in follows.popular_teams(session, limit=MAX_CHOICES)]
    offers += [Target("competition", c) for c in sorted(queries.competitions(session))[:4]]
    offers = [t for t in offers if (t.kind, t.name) not in followed]
    head = text(lang, "no_team", name=esc(args.strip())) + "\n" if args.strip() else ""
    return Reply(head + text(lang, "follow_pick"), _rows([_follow_button(knowledge, t) for t in offers]))


def unfollow_reply(session: Session, knowledge: Knowledge, chat_id: int, lang: str, args: str) -> Reply:
    """``/unfollow TEAM|COMPETITION``; without one, a button per follow of the chat."""
    current = follows.following(session, chat_id=chat_id)
    if not current:
        return Reply(text(lang, "following_none"))
    found = parse_target(knowledge, args, lang) if args.strip() else None
    if isinstance(found, list):  # ambiguous: the one this chat follows, if exactly one
        mine = [t for t in found if (t.kind, t.name) in {(f.kind, f.name) for f in current}]
        found = mine[0] if len(mine) == 1 else None
    if isinstance(found, Target):
        done = follows.unfollow(session, chat_id=chat_id, target=found)
        return Reply(text(lang, "unfollowed" if done else "not_following", name=esc(found.name)))
    buttons: list[Button | None] = [Button("✖ " + _label(Target(f.kind, f.name)), f"fl:-:{f.id}") for f in current]
    return Reply(text(lang, "unfollow_pick"), _rows(buttons))


def following_reply(session: Session, chat_id: int, lang: str) -> Reply:
    current = follows.following(session, chat_id=chat_id)
    if not current:
        return Reply(text(lang, "following_none"))
    return Reply(text(lang, "following", names=", ".join(esc(_label(Target(f.kind, f.name))) for f in current)))


def button_reply(session: Session, knowledge: Knowledge, chat_id: int, lang: str, data: str) -> Reply | None:
    """A pressed ``fl:`` button; None when its data is not (or no longer) valid."""
    action, _, value = data.removeprefix("fl:").partition(":")
    if action == "+t" and value.isdigit():
        name = knowledge.name(int(value))
        return follow_target(session, chat_id, lang, Target("team", name)) if name != "?" else None
    if action == "+c" and value:
        return follow_target(session, chat_id, lang, Target("competition", value))
    if action == "-" and value.isdigit():
        gone = follows.unfollow_id(session, chat_id=chat_id, follow_id=int(value))
        return Reply(text(lang, "unfollowed", name=esc(gone.name))) if gone else following_reply(session, chat_id, lang)
    return None


# -- Telegram ------------------------------------------------------------------------------------------
async def _run(update: Update, context: ContextTypes.DEFAULT_TYPE, command) -> None:
    chat = update.effective_chat
    if chat is None:
        return
    lang = await chat_language(update, context)
    knowledge = runtime(context).knowledge
    args = " ".join(context.args or [])
    await reply(update, context, await in_store(context, lambda s: command(s, knowledge, chat.id, lang, args)))


async def cmd_follow(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _run(update, context, follow_reply)


async def cmd_unfollow(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _run(update, context, unfollow_reply)


async def cmd_following(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _run(update, context, lambda s, _knowledge, chat_id, lang, _args: following_reply(s, chat_id, lang))


async def on_follow_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A choice made: the picker message becomes the confirmation."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None or chat is None or not query.data:
        return
    await query.answer()
    lang = await chat_language(update, context)
    knowledge = runtime(context).knowledge
    data = query.data
    answer = await in_store(context, lambda s: button_reply(s, knowledge, chat.id, lang, data))
    if answer is not None:
        await query.edit_message_text(answer.html, reply_markup=markup(answer))
