"""/form TEAM: a small chart of a team's recent results -- 3, 1 or 0 points a match, by opponent."""

from __future__ import annotations

from sqlmodel import Session
from telegram import Update
from telegram.ext import ContextTypes

from handlers import pictures
from handlers.context import chat_language, in_store, reply, runtime
from handlers.knowledge import Knowledge
from handlers.lang import text
from handlers.pictures import FormPoint
from handlers.reply import Button, Reply, esc
from handlers.understand import understand
from store import queries

FORM_MATCHES = 6
MAX_MATCHES = 10


def form_points(matches: list[queries.MatchView], team: str) -> list[FormPoint]:
    """The team's scored matches, oldest first, as points from its side (3 win, 1 draw, 0 loss)."""
    points = []
    for m in reversed(matches):  # the store gives newest first; a chart reads left to right
        if not m.scored or team not in (m.home, m.away):
            continue
        home = m.home == team
        mine, theirs = (m.home_goals, m.away_goals) if home else (m.away_goals, m.home_goals)
        assert mine is not None and theirs is not None
        won = 3 if mine > theirs else 1 if mine == theirs else 0
        points.append(FormPoint(m.away if home else m.home, f"{mine}-{theirs}", won, home if m.order_known else None))
    return points


def form_reply(session: Session, knowledge: Knowledge, lang: str, args: str) -> Reply:
    """``/form TEAM [N]``: the chart as a PNG, its caption the same results in words."""
    words = args.split()
    count = min(int(words.pop()), MAX_MATCHES) if words and words[-1].isdigit() else FORM_MATCHES
    q = understand(" ".join(words), knowledge, fallback_lang=lang)
    if not q.teams:
        names = " ".join(w for w in q.leftover if len(w) > 1)
        suggestions = knowledge.team_suggestions(names) if names else []
        if not suggestions:
            return Reply(text(lang, "no_team", name=esc(names)) if names else text(lang, "usage_form"))
        answer = Reply(text(lang, "no_team", name=esc(names)) + "\n" + text(lang, "did_you_mean"))
        answer.buttons = [[Button(s, f"cmd:/form {s}".encode()[:64].decode(errors="ignore"))] for s in suggestions]
        return answer
    team_id, team = q.teams[0].ids[0], q.teams[0].names[0]
    points = form_points(queries.recent_results(session, team=team_id, limit=count, scored_only=True), team)
    if not points:
        return Reply(text(lang, "no_form", team=esc(team)))
    title = text(lang, "form_title", team=team, n=len(points))
    image = pictures.form_png(title, points, axis_label=text(lang, "form_points"))
    summary = " · ".join(f"{esc(p.opponent)} {p.score}" for p in points)
    return Reply(f"<b>{esc(title)}</b>\n{summary}", image=image)


async def cmd_form(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = await chat_language(update, context)
    knowledge = runtime(context).knowledge
    args = " ".join(context.args or [])
    await reply(update, context, await in_store(context, lambda s: form_reply(s, knowledge, lang, args)))
