"""/table: standings computed from stored results, beside the latest standings reports state."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session
from telegram import Update
from telegram.ext import ContextTypes

from handlers import format as fmt
from handlers import imaging
from handlers.context import chat_language, in_store, reply, runtime
from handlers.lang import module, text
from handlers.reply import Reply, esc
from handlers.understand import understand
from store import queries

NAME_WIDTH = 14  # the table must fit a phone in a <pre> block


def table_reply(
    session: Session, lang: str, *, competition: str | None, season: str | None, image: bool | None = False
) -> Reply:
    """``image``: True sends a picture, False only when the table is too wide, None never (inline mode)."""
    known = queries.competitions(session)
    if competition is None:
        if not known:
            return Reply(text(lang, "knows_nothing"))
        competition = known[0]  # the one with most matches
    if season is None:
        seasons = queries.seasons(session, competition=competition)
        season = seasons[0] if seasons else None
    table = queries.standings(session, competition=competition, season=season)
    season_label = f" {esc(season)}" if season else ""
    lines: list[str] = []
    if table.rows:
        lines.append(
            text(lang, "table_title", competition=esc(competition), season=season_label, matches=table.matches)
        )
        lines.append("<pre>" + "\n".join(_rows(table)) + "</pre>")
        if table.disputed:
            lines.append(text(lang, "table_disputed", n=table.disputed))
    stated = queries.stated_standings(session, competition=competition, limit=20)
    stated = [c for c in stated if c.position is not None and _of_season(c, season)]
    if stated:
        latest = max((c.as_of for c in stated if c.as_of), default=None)
        lines.append(text(lang, "table_stated", date=f" ({fmt.day(latest, lang)})" if latest else ""))
        for c in sorted(stated, key=lambda c: c.position or 99)[:10]:
            points = f", {text(lang, 'position_points', points=c.points)}" if c.points is not None else ""
            lines.append(f"{module(lang).ordinal(c.position)} {esc(c.team)}{points}")
        computed = {r.team: i + 1 for i, r in enumerate(table.rows)}
        differs = [c.team for c in stated if c.team in computed and computed[c.team] != c.position]
        if differs and table.rows:
            lines.append(text(lang, "table_differs", teams=", ".join(esc(t) for t in differs if t)))
    if not lines:
        return Reply(text(lang, "no_table", competition=esc(competition), season=season_label))
    return imaging.table_answer(Reply("\n".join(lines)), table, lang, asked=image)  # a PNG when asked or too wide


def _of_season(claim: queries.ClaimView, season: str | None) -> bool:
    """A stated position belongs beside the table of ``season`` ("2019-20": July 2019 to June 2020, "2024":
    that year); reports rarely name the season, so the date they state it on decides."""
    if season is None or claim.season == season:
        return True
    if claim.season is not None or claim.as_of is None or not season[:4].isdigit():
        return False
    first = int(season[:4])
    if len(season) == 4:
        return claim.as_of.year == first
    return date(first, 7, 1) <= claim.as_of < date(first + 1, 7, 1)


def _rows(table: queries.Table) -> list[str]:
    out = [f"{'#':>2} {'Team':<{NAME_WIDTH}} {'P':>2} {'GD':>3} {'Pts':>3}"]
    for i, row in enumerate(table.rows, 1):
        name = row.team if len(row.team) <= NAME_WIDTH else row.team[: NAME_WIDTH - 1] + "."
        out.append(f"{i:>2} {esc(name):<{NAME_WIDTH}} {row.played:>2} {row.goal_difference:>+3} {row.points:>3}")
    return out


def table_command(session: Session, knowledge, lang: str, args: str) -> Reply:
    """``/table [competition] [season]`` -- both optional."""
    args, image = imaging.asks_for_image(args)
    q = understand(args, knowledge, fallback_lang=lang)
    return table_reply(session, lang, competition=q.competition, season=q.season, image=image)


async def cmd_table(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lang = await chat_language(update, context)
    knowledge = runtime(context).knowledge
    args = " ".join(context.args or [])
    await reply(update, context, await in_store(context, lambda s: table_command(s, knowledge, lang, args)))
