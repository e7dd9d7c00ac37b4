"""/result, /last and /match: results of a team or between two teams, and one match in full."""

from __future__ import annotations

import re

from sqlmodel import Session
from telegram import Update
from telegram.ext import ContextTypes

from handlers import format as fmt
from handlers.context import chat_language, in_store, reply, runtime
from handlers.knowledge import Found, Knowledge
from handlers.lang import text
from handlers.reply import Button, Reply, esc
from handlers.understand import Question, understand
from store import queries

DEFAULT_LAST = 5
MAX_LAST = 10


def _teams_or_problem(q: Question, knowledge: Knowledge, lang: str, command: str, usage: str) -> Reply | None:
    """None when the arguments name the teams; otherwise the reply that says what is wrong."""
    unknown = [w for w in q.leftover if len(w) > 1 and not w.isdigit()]
    if unknown and len(q.teams) < 2:
        name = " ".join(unknown)
        suggestions = knowledge.team_suggestions(name)
        known = [f.names[0] for f in q.teams]
        answer = Reply(text(lang, "no_team", name=esc(name)))
        if suggestions:
            answer.html += "\n" + text(lang, "did_you_mean")
            answer.buttons = [[Button(s, _callback(command, [*known, s]))] for s in suggestions]
        return answer
    if not q.teams:
        return Reply(text(lang, usage))
    when = [q.day.isoformat()] if q.day else [str(q.year)] if q.year else []
    return ambiguity(q, knowledge, lang, command, extra=when)


def ambiguity(q: Question, knowledge: Knowledge, lang: str, command: str, extra: list[str]) -> Reply | None:
    """None when each team name means one team; else "which one?" with a button per team that runs
    ``command`` again with that team (and the ``extra`` arguments)."""
    unsure = unresolved_team(q, knowledge)
    if unsure is None:
        return None
    buttons = []
    for choice in unsure.names[:4]:
        names = [choice if f is unsure else f.names[0] for f in q.teams]
        buttons.append([Button(choice, _callback(command, [*names, *extra]))])
    return Reply(text(lang, "ambiguous", name=esc(" ".join(q.words[unsure.start : unsure.end]))), buttons)


def unresolved_team(q: Question, knowledge: Knowledge) -> Found | None:
    """Several teams go by one name ("united"): each such name becomes the team that met the question's
    other team, else the only one the store has matches of; the first name still ambiguous is returned."""
    for found in q.teams:
        if len(found.ids) < 2:
            continue
        others = [f.ids[0] for f in q.teams if f is not found and len(f.ids) == 1]
        chosen = knowledge.resolve(found.ids, others)
        if chosen is None:
            return found
        found.ids, found.names = (chosen,), (knowledge.name(chosen),)
    return None


def _callback(command: str, names: list[str]) -> str:
    data = f"cmd:/{command} " + " ".join(f'"{n}"' if " " in n else n for n in names)
    return data.encode()[:64].decode(errors="ignore")


def _lines(matches: list[queries.MatchView], lang: str) -> list[str]:
    lines = []
    for m in matches:
        lines.append(fmt.headline(m, lang) + (f" – {text(lang, 'extra_time')}" if m.extra_time else ""))
        scorers = fmt.scorers(m, lang)
        if scorers:
            lines.append("   " + scorers)
    return lines


def result_command(session: Session, knowledge: Knowledge, lang: str, args: str) -> Reply:
    """``/result TEAM [TEAM]``: head-to-head newest first, or one team's recent results."""
    q = understand(_unquote(args), knowledge, fallback_lang=lang)
    problem = _teams_or_problem(q, knowledge, lang, "result", "usage_result")
    if problem:
        return problem
    if len(q.teams) >= 2:
        a, b = q.teams[0].ids[0], q.teams[1].ids[0]
        matches = queries.head_to_head(session, team_a=a, team_b=b, limit=10)
        if not matches:
            return _nothing(knowledge, lang, q)
    else:
        matches = queries.recent_results(session, team=q.teams[0].ids[0], limit=DEFAULT_LAST)
        if not matches:
            return Reply(text(lang, "no_matches_for", team=esc(q.teams[0].names[0])))
    return Reply("\n".join(_lines(matches, lang)))


def last_command(session: Session, knowledge: Knowledge, lang: str, args: str) -> Reply:
    """``/last TEAM [N]``: a team's last N results with scorers."""
    count = re.search(r"\b(\d{1,2})\s*$", args)
    limit = min(int(count.group(1)), MAX_LAST) if count else DEFAULT_LAST
    q = understand(_unquote(args[: count.start()] if count else args), knowledge, fallback_lang=lang)
    problem = _teams_or_problem(q, knowledge, lang, "last", "usage_last")
    if problem:
        return problem
    matches = queries.recent_results(session, team=q.teams[0].ids[0], limit=limit, scored_only=True)
    if not matches:
        return Reply(text(lang, "no_matches_for", team=esc(q.teams[0].names[0])))
    return Reply("\n".join(_lines(matches, lang)))


def match_command(session: Session, knowledge: Knowledge, lang: str, args: str) -> Reply:
    """``/match TEAM TEAM [date]``: goals in order, penalties, red cards and the source reports."""
    q = understand(_unquote(args), knowledge, fallback_lang=lang)
    problem = _teams_or_problem(q, knowledge, lang, "match", "usage_match")
    if problem:
        return problem
    if len(q.teams) < 2:
        return Reply(text(lang, "usage_match"))
    matches = queries.head_to_head(session, team_a=q.teams[0].ids[0], team_b=q.teams[1].ids[0], limit=20)
    if q.day is not None:
        matches = [m for m in matches if m.played_on and abs((m.played_on - q.day).days) <= 1] or matches
    elif q.year is not None:
        matches = [m for m in matches if m.played_on and m.played_on.year == q.year] or matches
    if not matches:
        return _nothing(knowledge, lang, q)
    match = queries.match_details(session, match_id=matches[0].id)
    assert match is not None
    return match_full(match, lang)


def match_full(match: queries.MatchView, lang: str) -> Reply:
    lines = [fmt.headline(match, lang) + (f" – {text(lang, 'extra_time')}" if match.extra_time else "")]
    for goal in match.goals:
        team = f" [{esc(goal.team)}]" if goal.team else ""
        lines.append(f"⚽ {fmt.goal(goal)}{team}")
    for event in match.events:
        icon = "🟥" if event.kind == "red_card" else "🧤" if event.kind == "penalty_saved" else "❌"
        lines.append(f"{icon} {fmt.event(event, lang)}")
    if match.score_status == "conflict":
        for home, away, sources in match.conflicting_scores():
            lines.append(f"⚠️ {home}-{away}: " + "; ".join(esc(s.title or s.filename)[:50] for s in sources))
    if match.sources:
        lines.append(fmt.sources(match, lang, limit=5))
    return Reply("\n".join(lines))


def _nothing(knowledge: Knowledge, lang: str, q: Question) -> Reply:
    a, b = q.teams[0].names[0], q.teams[1].names[0]
    msg = text(lang, "no_matches_between", a=esc(a), b=esc(b))
    opponents = knowledge.opponents(q.teams[0].ids[0])
    if opponents:
        msg += "\n" + text(lang, "known_opponents", team=esc(a), opponents=", ".join(esc(o) for o in opponents[:8]))
    return Reply(msg)


def _unquote(args: str) -> str:
    """'"AC Milan" Udinese': quotes only group words, which the name finder does anyway."""
    return args.replace('"', " ").replace("“", " ").replace("”", " ")


async def _run(update: Update, context: ContextTypes.DEFAULT_TYPE, command) -> None:
    lang = await chat_language(update, context)
    knowledge = runtime(context).knowledge
    args = " ".join(context.args or [])
    await reply(update, context, await in_store(context, lambda s: command(s, knowledge, lang, args)))


async def cmd_result(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _run(update, context, result_command)


async def cmd_last(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _run(update, context, last_command)


async def cmd_match(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _run(update, context, match_command)
