"""/scorers: top scorers of the store, of a competition and season, or of a team."""

from __future__ import annotations

from sqlmodel import Session
from telegram import Update
from telegram.ext import ContextTypes

from handlers import imaging
from handlers.context import chat_language, in_store, reply, runtime
from handlers.lang import text
from handlers.reply import Reply, esc
from handlers.results import ambiguity
from handlers.understand import understand
from store import queries


def scorers_reply(
    session: Session,
    lang: str,
    *,
    competition: str | None = None,
    season: str | None = None,
    team: int | None = None,
    limit: int = 10,
    image: bool = False,
) -> Reply:
    rows = queries.top_scorers(session, competition=competition, season=season, team=team, limit=limit)
    team_name = queries.team_names(session).get(team) if team else None
    scope_parts = [esc(x) for x in (competition, season, team_name) if x]
    scope = f" – {', '.join(scope_parts)}" if scope_parts else ""
    if not rows:
        return Reply(text(lang, "no_goals", scope=scope))
    lines = [text(lang, "scorers_title", scope=scope)]
    for i, row in enumerate(rows, 1):
        pens = f" ({text(lang, 'pens', n=row.penalties)})" if row.penalties else ""
        club = f" – {esc(row.team)}" if row.team and not team else ""
        lines.append(f"{i}. {esc(row.player)}{club}: <b>{row.goals}</b>{pens}")
    scope_args = " ".join(x for x in (competition, season, team_name) if x)  # what the 🖼 button asks again
    return imaging.scorers_answer(Reply("\n".join(lines)), rows, lang, asked=image, scope=scope_args)


def scorers_command(session: Session, knowledge, lang: str, args: str) -> Reply:
    """``/scorers [competition] [season] [team]`` in any order."""
    args, image = imaging.asks_for_image(args)
    q = understand(args, knowledge, fallback_lang=lang)
    unsure = ambiguity(q, knowledge, lang, "scorers", extra=[x for x in (q.competition, q.season) if x])
    if unsure is not None:
        return unsure
    team = q.teams[0].ids[0] if q.teams else None
    return scorers_reply(session, lang, competition=q.competition, season=q.season, team=team, image=image)


async def cmd_scorers(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = await chat_language(update, context)
    knowledge = runtime(context).knowledge
    args = " ".join(context.args or [])
    await reply(update, context, await in_store(context, lambda s: scorers_command(s, knowledge, lang, args)))
