"""A readable plain-text summary of an extracted report (``footbot extract`` without --json)."""

from __future__ import annotations

from store.extract.facts import ExtractedReport, GoalFact


def minute_text(minute: int | None, added: int | None) -> str:
    if minute is None:
        return ""
    return f"{minute}+{added}'" if added else f"{minute}'"


def goal_text(goal: GoalFact) -> str:
    flags = " (pen)" if goal.penalty else " (og)" if goal.own_goal else ""
    minute = minute_text(goal.minute, goal.added)
    return f"{goal.player}{' ' + minute if minute else ''}{flags}"


def describe(report: ExtractedReport, *, title: str) -> str:
    lines = [f"== {title} [{report.lang}, published {report.published or 'unknown'}]"]
    if report.empty:
        lines.append("  no match facts found")
    for index, match in enumerate(report.matches):
        score = f"{match.home_goals}-{match.away_goals}" if match.home_goals is not None else "(final score not stated)"
        where = " v " if match.order_known else " / "
        meta = ", ".join(
            str(x)
            for x in (
                match.date,
                match.competition,
                match.season and f"season {match.season}",
                match.round and f"round {match.round}",
            )
            if x
        )
        lines.append(
            f"  {'*' if match.main else '-'} {match.home}{where}{match.away} {score}{' [' + meta + ']' if meta else ''}"
        )
        for goal in (g for g in report.goals if g.match == index):
            lines.append(f"      goal {goal.team}: {goal_text(goal)}")
        for event in (e for e in report.events if e.match == index):
            lines.append(
                f"      {event.kind.replace('_', ' ')}: {event.player}"
                f"{' ' + minute_text(event.minute, event.added) if event.minute else ''}"
                f"{' (' + event.team + ')' if event.team else ''}"
            )
    for claim in report.standings:
        parts = [f"position {claim.position}" if claim.position else "", f"{claim.points} pts" if claim.points else ""]
        lines.append(f"  table: {claim.team} {' '.join(p for p in parts if p)} ({claim.competition or '?'})")
    for tally in report.tallies:
        lines.append(
            f"  tally: {tally.player} {tally.goals} goals"
            f"{' in ' + str(tally.games) + ' games' if tally.games else ''}"
            f"{' (' + tally.competition + ')' if tally.competition else ''}"
        )
    return "\n".join(lines)
