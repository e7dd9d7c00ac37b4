"""One module per feature; :func:`register` lists every handler of the application in order."""

from __future__ import annotations

from telegram import Message
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from handlers import admin, errors, follow, form, general, inline, questions, results, scorers, settings, standings


class _FromPerson(filters.MessageFilter):
    """Messages written by a person: not by a bot, not via one."""

    def filter(self, message: Message) -> bool:
        return message.from_user is not None and not message.from_user.is_bot and message.via_bot is None


def register(app: Application) -> None:
    """Commands first (``/result@botname`` included), then documents, then free text.

    Edited messages and other bots are ignored everywhere: a fan fixing a typo must not get a second
    answer, and bots answering bots loop.
    """
    people = filters.UpdateType.MESSAGE & _FromPerson()
    commands = {
        "start": general.cmd_start,
        "help": general.cmd_help,
        "lang": general.cmd_lang,
        "result": results.cmd_result,
        "last": results.cmd_last,
        "match": results.cmd_match,
        "scorers": scorers.cmd_scorers,
        "table": standings.cmd_table,
        "ask": questions.cmd_ask,
        "upload": admin.cmd_upload,
        "reports": admin.cmd_reports,
        "reextract": admin.cmd_reextract,
        "follow": follow.cmd_follow,
        "unfollow": follow.cmd_unfollow,
        "following": follow.cmd_following,
        "form": form.cmd_form,
        "settings": settings.cmd_settings,
    }
    for name, callback in commands.items():
        app.add_handler(CommandHandler(name, callback, filters=people))
    app.add_handler(MessageHandler(people & filters.Document.ALL, admin.on_document))
    app.add_handler(MessageHandler(people & filters.TEXT & ~filters.COMMAND, questions.on_text))
    # buttons of one feature by their prefix, before the catch-all of questions (ask: src: cmd:)
    app.add_handler(CallbackQueryHandler(follow.on_follow_button, pattern=r"^fl:"))
    app.add_handler(CallbackQueryHandler(settings.on_settings_button, pattern=r"^set:"))
    app.add_handler(CallbackQueryHandler(questions.on_button))
    app.add_handler(InlineQueryHandler(inline.on_inline_query))
    app.add_error_handler(errors.on_error)
