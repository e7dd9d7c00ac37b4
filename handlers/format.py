"""Short, consistent renderings of store data in a reply language (HTML, escaped)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from handlers.lang import module, text
from handlers.reply import esc
from store.queries import EventView, GoalView, MatchView


def day(value: date | None, lang: str) -> str:
    """A match date as fans of that language write it (babel knows the month names)."""
    if value is None:
        return ""
    return format_date(value, module(lang).DATE_FORMAT, locale=lang)


def minute(value: int | None, added: int | None) -> str:
    if value is None:
        return ""
    return f"{value}+{added}'" if added else f"{value}'"


def round_label(value: str | None, lang: str) -> str:
    if not value:
        return ""
    words = module(lang)
    if value.isdigit():
        return words.ROUND_NUMBER.format(n=value)
    return esc(words.ROUND_LABELS.get(value, value))


def goal(g: GoalView, *, short: bool = False) -> str:
    name = g.player.split()[-1] if short and len(g.player.split()) > 1 else g.player
    flags = " (pen)" if g.penalty else " (og)" if g.own_goal else ""
    when = minute(g.minute, g.added)
    return esc(name) + (f" {when}" if when else "") + flags + (" (?)" if g.doubtful else "")


def goal_times(goals: list[GoalView]) -> str:
    """One player's goals in a match: "21', 72' (pen)"; a goal without a minute is a ball."""
    return ", ".join((minute(g.minute, g.added) or "⚽") + (" (pen)" if g.penalty else "") for g in goals)


def score(m: MatchView, lang: str) -> str:
    if m.scored:
        return f"{m.home_goals}-{m.away_goals}"
    if m.score_status == "conflict":
        told = ", ".join(f"{h}-{a}" for h, a, _ in m.conflicting_scores())
        return text(lang, "score_disputed", scores=told)
    return text(lang, "score_unknown")


def headline(m: MatchView, lang: str) -> str:
    """'Atalanta 1-2 Inter (4 Nov 2023, Serie A)' -- home team first when known."""
    sep = " " if m.scored else " – "
    core = (
        f"<b>{esc(m.home)} {score(m, lang)} {esc(m.away)}</b>"
        if m.scored
        else f"<b>{esc(m.home)}{sep}{esc(m.away)}</b>: {score(m, lang)}"
    )
    meta = ", ".join(
        x
        for x in (day(m.played_on, lang), esc(m.competition) if m.competition else "", round_label(m.round, lang))
        if x
    )
    return core + (f" ({meta})" if meta else "")


def scorers(m: MatchView, lang: str, *, only_team: str | None = None) -> str:
    """Goals grouped by side: 'Inter: Calhanoglu (pen), Lautaro Martinez 57' · Atalanta: Scamacca 61''."""
    parts = []
    goals = [g for g in m.goals if not g.doubtful]  # unsettled goals are only shown by /match
    for team in (m.home, m.away):
        if only_team and team != only_team:
            continue
        mine = [g for g in goals if g.team == team]
        if mine:
            parts.append(text(lang, "team_scorers", team=esc(team), scorers=scorer_list(mine)))
        elif m.scored and (m.home_goals if team == m.home else m.away_goals) == 0:
            parts.append(text(lang, "team_no_goal", team=esc(team)))
        elif only_team:
            parts.append(text(lang, "team_scorers_unknown", team=esc(team)))
    unattributed = [g for g in goals if g.team not in (m.home, m.away)]
    if unattributed and not only_team:
        parts.append(scorer_list(unattributed))
    return " · ".join(parts)


def scorer_list(goals: list[GoalView]) -> str:
    """One entry per scorer, in the order of their first goal: "Lionel Messi 21', 72', 78'",
    "Coutinho (2)" when the minutes are not known, own goals apart."""
    groups: dict[tuple[str, bool], list[GoalView]] = {}
    for g in goals:
        groups.setdefault((g.player, g.own_goal), []).append(g)
    entries = []
    for mine in groups.values():
        timed = [g for g in mine if g.minute is not None]
        if len(mine) == 1 or not timed:
            head = goal(mine[0])
            entries.append(head + (f" ({len(mine)})" if len(mine) > 1 else ""))
            continue
        times = [(minute(g.minute, g.added) or "⚽") + (" (pen)" if g.penalty else "") for g in mine]
        entries.append(f"{esc(mine[0].player)} {', '.join(times)}" + (" (og)" if mine[0].own_goal else ""))
    return ", ".join(entries)


def event(e: EventView, lang: str) -> str:
    when = minute(e.minute, e.added)
    suffix = f" ({when})" if when else ""
    if e.kind == "penalty_saved":
        line = (
            text(lang, "penalty_saved", keeper=esc(e.keeper), player=esc(e.player))
            if e.keeper
            else text(lang, "penalty_saved_nokeeper", player=esc(e.player))
        )
    elif e.kind == "penalty_missed":
        line = text(lang, "penalty_missed", player=esc(e.player))
    else:
        line = text(lang, "red_card", player=esc(e.player))
    team = f" [{esc(e.team)}]" if e.team else ""
    return line + team + suffix


def match_summary(m: MatchView, lang: str, *, events: bool = False) -> str:
    """Two lines at most: the headline and the scorers (plus cards and penalties when asked)."""
    lines = [headline(m, lang)]
    goals = scorers(m, lang)
    if goals:
        lines.append(goals)
    if events and m.events:
        lines.append("; ".join(event(e, lang) for e in m.events))
    return "\n".join(lines)


def sources(m: MatchView, lang: str, limit: int = 3) -> str:
    names = []
    for s in m.sources[:limit]:
        label = s.title or s.filename
        names.append(esc(label[:60]) + (f" ({day(s.published, lang)})" if s.published else ""))
    more = f" +{len(m.sources) - limit}" if len(m.sources) > limit else ""
    return text(lang, "sources", sources="; ".join(names) + more) if names else ""
