"""/settings: a chat's reply language, time zone and whether new results ring, as buttons.

The buttons (``set:lang:vi``, ``set:tz:Europe/Rome``, ``set:sound:on``) change one setting and
redraw the same message, so the chat is not flooded with settings messages. ``/settings vi`` or
``/settings Europe/Berlin`` sets a language or any IANA time zone by name.
"""

from __future__ import annotations

from babel import Locale
from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from handlers import clock
from handlers.context import chat_language, chat_timezone, in_store, markup, reply, runtime
from handlers.lang import LANGUAGES, text
from handlers.reply import Button, Reply, esc
from store import chats


def language_name(code: str) -> str:
    return Locale.parse(code).display_name or code


def settings_reply(lang: str, tz: str, sound: bool) -> Reply:
    """The current settings and a button for every other choice (the current ones ticked)."""
    lines = [
        text(lang, "settings", lang=esc(language_name(lang)), tz=esc(tz)),
        text(lang, "settings_sound", sound=text(lang, "sound_on" if sound else "sound_off")),
    ]

    def tick(label: str, chosen: bool) -> str:
        return f"✓ {label}" if chosen else label

    zones = [Button(tick(z, z == tz), f"set:tz:{z}") for z in clock.TIMEZONES]
    return Reply(
        "\n".join(lines),
        [
            [Button(tick(language_name(code), code == lang), f"set:lang:{code}") for code in LANGUAGES],
            *[zones[i : i + 2] for i in range(0, len(zones), 2)],
            [Button(text(lang, "sound_off" if sound else "sound_on"), f"set:sound:{'off' if sound else 'on'}")],
        ],
    )


def change(argument: str) -> dict[str, object] | None:
    """The setting ``/settings ARG`` or a ``set:`` button asks for; None when it names nothing known."""
    kind, _, value = argument.partition(":")
    if kind not in ("lang", "tz", "sound"):  # typed: a language code or a zone name
        kind, value = "", argument
    value = value.strip()
    if kind in ("", "lang") and value.lower() in LANGUAGES:
        return {"lang": value.lower()}
    if kind == "sound" and value in ("on", "off"):
        return {"notify_sound": value == "on"}
    if kind in ("", "tz") and (zone := clock.known_zone(value)):
        return {"timezone": zone}
    return None


def confirmation(changes: dict[str, object], lang: str) -> str:
    """What a changed setting means, said in the (possibly new) language."""
    if "lang" in changes:
        return text(lang, "lang_set")
    if "timezone" in changes:
        return text(lang, "tz_set", tz=esc(changes["timezone"]))
    return text(lang, "sound_set", sound=text(lang, "sound_on" if changes.get("notify_sound") else "sound_off"))


# -- Telegram ------------------------------------------------------------------------------------------
async def _current(update: Update, context: ContextTypes.DEFAULT_TYPE) -> tuple[str, str, bool]:
    chat_id = update.effective_chat.id if update.effective_chat else 0
    setting = await in_store(context, lambda s: chats.chat_setting(s, chat_id=chat_id))
    lang = await chat_language(update, context)
    tz = await chat_timezone(update, context)
    return lang, tz, bool(setting and setting.notify_sound)


async def _save(update: Update, context: ContextTypes.DEFAULT_TYPE, changes: dict[str, object]) -> None:
    chat = update.effective_chat
    if chat is None:
        return
    await in_store(context, lambda s: chats.save_chat_setting(s, chat_id=chat.id, **changes))
    rt = runtime(context)
    if "lang" in changes:
        rt.chat_languages[chat.id] = str(changes["lang"])
    if "timezone" in changes:
        rt.chat_timezones[chat.id] = str(changes["timezone"])


async def cmd_settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    argument = " ".join(context.args or [])
    changes = change(argument) if argument else {}
    if changes:
        await _save(update, context, changes)
    lang, tz, sound = await _current(update, context)
    answer = settings_reply(lang, tz, sound)
    if changes:
        answer.html = confirmation(changes, lang) + "\n\n" + answer.html
    elif changes is None:
        answer.html = text(lang, "tz_unknown", name=esc(argument)) + "\n\n" + answer.html
    await reply(update, context, answer)


async def on_settings_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """One setting changed: a short confirmation, and the settings message redrawn."""
    query = update.callback_query
    if query is None or not query.data:
        return
    changes = change(query.data.removeprefix("set:"))
    if not changes:
        await query.answer()
        return
    await _save(update, context, changes)
    lang, tz, sound = await _current(update, context)
    await query.answer(Reply(confirmation(changes, lang)).plain()[:200])
    answer = settings_reply(lang, tz, sound)
    try:
        await query.edit_message_text(answer.html, reply_markup=markup(answer))
    except BadRequest as exc:  # the choice already ticked was pressed: nothing to redraw
        if "not modified" not in exc.message:
            raise
