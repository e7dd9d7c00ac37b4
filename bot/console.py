"""The bot without Telegram: ``footbot ask`` and ``footbot chat`` answer through the same handlers.

A :class:`Console` keeps one names index for the whole session, as the running bot does, so a
conversation costs what it costs in Telegram.
"""

from __future__ import annotations

from sqlmodel import Session

from bot.services import Services
from handlers.knowledge import Knowledge
from handlers.questions import answer_question, run_command_line
from handlers.reply import Button, Reply


class Console:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.knowledge = Knowledge(services.engine, services.ingestor.reference)
        self.choices: list[Button] = []  # the buttons of the last reply, offered as numbers

    def answer(self, line: str, lang: str) -> Reply:
        """A typed line: a /command, a question, or the number of a button of the previous reply."""
        if line.isdigit() and 1 <= int(line) <= len(self.choices):
            kind, _, payload = self.choices[int(line) - 1].data.partition(":")
            line = payload if kind in ("ask", "cmd") else line
        with Session(self.services.engine) as session:
            if line.startswith("/"):
                reply = run_command_line(session, self.knowledge, lang, line)
            else:
                reply = answer_question(session, self.knowledge, line, fallback_lang=lang)
        self.choices = [b for row in reply.buttons for b in row if not b.data.startswith("src:")]
        return reply

    def render(self, reply: Reply) -> str:
        """The reply as terminal text, its buttons numbered."""
        lines = reply.plain().splitlines() or [""]
        lines += [f"{i}. {button.label}" for i, button in enumerate(self.choices, 1)]
        return "bot> " + "\n     ".join(lines)
