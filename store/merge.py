"""Merging one report's extracted facts into the store, with provenance.

The same match told by several reports -- in any language -- is one ``Match``; a goal reported
twice is one ``Goal`` with two sources. Reports that disagree on a score are kept as a conflict:
each report's score stays on its ``MatchSource`` row and the match's agreed score is cleared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import or_
from sqlmodel import Session, col, delete, func, select

from store.catalog import player_named, team_named
from store.extract.facts import ExtractedReport, GoalFact, MatchFact
from store.models import Claim, EventSource, Goal, GoalSource, Match, MatchEvent, MatchSource, ScorerStat, Team


@dataclass(slots=True)
class MergeResult:
    matches_added: int = 0
    matches_merged: int = 0
    goals_added: int = 0
    conflicts: list[str] = field(default_factory=list)
    summaries: list[str] = field(default_factory=list)  # "Atalanta 1-2 Inter (2023-11-04, Serie A)"
    players: set[int] = field(default_factory=set)
    new_teams: set[str] = field(default_factory=set)  # teams the store had never seen


def merge_report(session: Session, report_id: int, facts: ExtractedReport) -> MergeResult:
    """Add ``facts`` (extracted from report ``report_id``) to the store; idempotent per report."""
    result = MergeResult()
    teams: dict[str, Team] = {}
    matches: list[Match] = []
    for fact in facts.matches:
        home = team_named(session, fact.home, cache=teams, created=result.new_teams)
        away = team_named(session, fact.away, cache=teams, created=result.new_teams)
        match = _find_match(session, home.id, away.id, fact)  # type: ignore[arg-type]
        if match is None:
            match = _new_match(fact, home.id, away.id)  # type: ignore[arg-type]
            session.add(match)
            session.flush()
            result.matches_added += 1
        else:
            result.matches_merged += 1
            _reconcile(match, fact, home.id)  # type: ignore[arg-type]
        flipped = match.home_id != home.id
        goals = (fact.away_goals, fact.home_goals) if flipped else (fact.home_goals, fact.away_goals)
        if (
            session.exec(
                select(MatchSource).where(MatchSource.match_id == match.id, MatchSource.report_id == report_id)
            ).first()
            is None
        ):
            session.add(
                MatchSource(
                    match_id=match.id,
                    report_id=report_id,
                    home_goals=goals[0],  # type: ignore[arg-type]
                    away_goals=goals[1],
                    basis=fact.score_basis,
                    main=fact.main,
                    evidence=fact.evidence,
                )
            )
        session.flush()
        conflict = _settle_score(session, match)
        if conflict:
            result.conflicts.append(conflict)
        matches.append(match)
        result.summaries.append(match_line(session, match))
    for goal in facts.goals:
        if _merge_goal(session, report_id, matches[goal.match], goal, teams, doubtful=False):
            result.goals_added += 1
    for goal in facts.doubtful_goals:
        _merge_goal(session, report_id, matches[goal.match], goal, teams, doubtful=True)
    for event in facts.events:
        _merge_event(session, report_id, matches[event.match], event, teams)
    _add_claims(session, report_id, facts, teams)
    result.players = {g.player_id for m in matches for g in session.exec(select(Goal).where(Goal.match_id == m.id))}
    refresh_scorer_stats(session, result.players)
    return result


def _new_match(fact: MatchFact, home_id: int, away_id: int) -> Match:
    scored = fact.home_goals is not None and fact.away_goals is not None
    return Match(
        home_id=home_id,
        away_id=away_id,
        order_known=fact.order_known,
        played_on=fact.date,
        competition=fact.competition,
        season=fact.season,
        round=fact.round,
        venue=fact.venue,
        extra_time=fact.extra_time,
        home_goals=fact.home_goals,
        away_goals=fact.away_goals,
        score_status=(fact.score_basis or "stated") if scored else "unknown",
    )


def _find_match(session: Session, home_id: int, away_id: int, fact: MatchFact) -> Match | None:
    """The stored match this fact is about: same two teams and dates within a day, or the same
    competition, season and round, or -- when a date is missing -- the same score in the same season."""
    pair = or_(
        (col(Match.home_id) == home_id) & (col(Match.away_id) == away_id),
        (col(Match.home_id) == away_id) & (col(Match.away_id) == home_id),
    )
    candidates = list(session.exec(select(Match).where(pair)))
    for match in candidates:
        if fact.date and match.played_on:
            if abs((fact.date - match.played_on).days) <= 1:
                return match
            continue
        if (
            fact.competition
            and fact.season
            and fact.round
            and (match.competition, match.season, match.round) == (fact.competition, fact.season, fact.round)
        ):
            return match
        if fact.season and match.season and fact.season != match.season:
            continue
        mine = (fact.home_goals, fact.away_goals) if match.home_id == home_id else (fact.away_goals, fact.home_goals)
        if None not in mine and (match.home_goals, match.away_goals) == mine:
            return match
        if None in mine and match.score_status == "unknown" and (fact.date or match.played_on):
            return match
    return None


def _reconcile(match: Match, fact: MatchFact, home_id: int) -> None:
    """Fill what the stored match lacks; learn who was at home when only this report knows."""
    if fact.order_known and not match.order_known:
        if match.home_id != home_id:
            match.home_id, match.away_id = match.away_id, match.home_id
            match.home_goals, match.away_goals = match.away_goals, match.home_goals
        match.order_known = True
    match.played_on = match.played_on or fact.date
    match.competition = match.competition or fact.competition
    match.season = match.season or fact.season
    match.round = match.round or fact.round
    match.venue = match.venue or fact.venue
    match.extra_time = match.extra_time or fact.extra_time


def _settle_score(session: Session, match: Match) -> str | None:
    """The agreed score from every source of the match; a description of the conflict if they differ."""
    sources = list(session.exec(select(MatchSource).where(MatchSource.match_id == match.id)))
    scores = {(s.home_goals, s.away_goals) for s in sources if s.home_goals is not None and s.away_goals is not None}
    if not scores:
        match.home_goals = match.away_goals = None
        match.score_status = "unknown"
        return None
    if len(scores) == 1:
        match.home_goals, match.away_goals = scores.pop()
        stated = any(s.basis == "stated" for s in sources if s.home_goals is not None)
        match.score_status = "stated" if stated else "computed"
        return None
    match.home_goals = match.away_goals = None
    match.score_status = "conflict"
    home, away = session.get(Team, match.home_id), session.get(Team, match.away_id)
    told = ", ".join(f"{h}-{a}" for h, a in sorted(scores))  # type: ignore[misc]
    return f"{home.name if home else '?'} v {away.name if away else '?'}: reports give {told}"


def _merge_goal(
    session: Session, report_id: int, match: Match, fact: GoalFact, teams: dict[str, Team], *, doubtful: bool
) -> bool:
    """Attach the goal to an existing one of the same player and minute, or add it; True if added."""
    team = team_named(session, fact.team, cache=teams) if fact.team else None
    scorer_team = None if fact.own_goal else (team.id if team else None)
    player = player_named(session, fact.player, team_id=scorer_team)
    existing = session.exec(select(Goal).where(Goal.match_id == match.id, Goal.player_id == player.id)).all()
    sourced_here = {s.goal_id for s in session.exec(select(GoalSource).where(GoalSource.report_id == report_id))}
    for goal in existing:
        if goal.id in sourced_here:
            continue
        if (
            fact.minute is None
            or goal.minute is None
            or abs((goal.minute + (goal.added or 0)) - (fact.minute + (fact.added or 0))) <= 1
        ):
            goal.minute = goal.minute if goal.minute is not None else fact.minute
            goal.added = goal.added if goal.added is not None else fact.added
            goal.penalty = goal.penalty or fact.penalty
            goal.own_goal = goal.own_goal or fact.own_goal
            goal.team_id = goal.team_id or (team.id if team else None)
            goal.doubtful = goal.doubtful and doubtful
            session.add(GoalSource(goal_id=goal.id, report_id=report_id))  # type: ignore[arg-type]
            return False
    goal = Goal(
        match_id=match.id,
        player_id=player.id,
        team_id=team.id if team else None,  # type: ignore[arg-type]
        minute=fact.minute,
        added=fact.added,
        penalty=fact.penalty,
        own_goal=fact.own_goal,
        doubtful=doubtful,
    )
    session.add(goal)
    session.flush()
    session.add(GoalSource(goal_id=goal.id, report_id=report_id))  # type: ignore[arg-type]
    return True


def _merge_event(session: Session, report_id: int, match: Match, fact, teams: dict[str, Team]) -> None:
    team = team_named(session, fact.team, cache=teams) if fact.team else None
    player = player_named(session, fact.player, team_id=team.id if team else None)
    keeper = player_named(session, fact.keeper, team_id=None) if fact.keeper else None
    event = session.exec(
        select(MatchEvent).where(
            MatchEvent.match_id == match.id, MatchEvent.kind == fact.kind, MatchEvent.player_id == player.id
        )
    ).first()
    if event is None:
        event = MatchEvent(
            match_id=match.id,
            kind=fact.kind,
            player_id=player.id,  # type: ignore[arg-type]
            team_id=team.id if team else None,
            keeper_id=keeper.id if keeper else None,
            minute=fact.minute,
            added=fact.added,
            second_yellow=fact.second_yellow,
        )
        session.add(event)
        session.flush()
    else:
        event.minute = event.minute if event.minute is not None else fact.minute
        event.added = event.added if event.added is not None else fact.added
        event.keeper_id = event.keeper_id or (keeper.id if keeper else None)
        event.team_id = event.team_id or (team.id if team else None)
    if (
        session.exec(
            select(EventSource).where(EventSource.event_id == event.id, EventSource.report_id == report_id)
        ).first()
        is None
    ):
        session.add(EventSource(event_id=event.id, report_id=report_id))  # type: ignore[arg-type]


def _add_claims(session: Session, report_id: int, facts: ExtractedReport, teams: dict[str, Team]) -> None:
    for claim in facts.standings:
        team = team_named(session, claim.team, cache=teams)
        session.add(
            Claim(
                kind="standing",
                report_id=report_id,
                team_id=team.id,
                competition=claim.competition,
                season=claim.season,
                position=claim.position,
                points=claim.points,
                as_of=claim.as_of or facts.published,
                evidence=claim.evidence,
            )
        )
    for tally in facts.tallies:
        team = team_named(session, tally.team, cache=teams) if tally.team else None
        player = player_named(session, tally.player, team_id=team.id if team else None)
        session.add(
            Claim(
                kind="tally",
                report_id=report_id,
                player_id=player.id,
                team_id=team.id if team else None,
                competition=tally.competition,
                season=tally.season,
                goals=tally.goals,
                games=tally.games,
                scope=tally.scope,
                as_of=tally.as_of or facts.published,
                evidence=tally.evidence,
            )
        )


def refresh_scorer_stats(session: Session, player_ids: set[int] | None = None) -> None:
    """Rebuild ``ScorerStat`` for these players (all players when None) from their goals.

    Own goals never count for the scorer and doubtful goals are left out; penalties are counted
    beside the total.
    """
    if player_ids is not None and not player_ids:
        return
    stale = delete(ScorerStat)
    rows = (
        select(
            Goal.player_id,
            Goal.team_id,
            Match.competition,
            Match.season,
            func.count(),
            func.sum(func.cast(Goal.penalty, type_=ScorerStat.__table__.c.goals.type)),
        )
        .join(Match, col(Match.id) == Goal.match_id)
        .where(col(Goal.own_goal).is_(False), col(Goal.doubtful).is_(False))
        .group_by(Goal.player_id, Goal.team_id, Match.competition, Match.season)
    )
    if player_ids is not None:
        stale = stale.where(col(ScorerStat.player_id).in_(player_ids))
        rows = rows.where(col(Goal.player_id).in_(player_ids))
    session.exec(stale)  # type: ignore[call-overload]
    totals: dict[tuple, list[int]] = {}
    for player_id, team_id, competition, season, goals, penalties in session.exec(rows):  # type: ignore[call-overload]
        for scope in _scopes(team_id, competition, season):
            total = totals.setdefault((player_id, *scope), [0, 0])
            total[0] += goals
            total[1] += penalties or 0
    session.add_all(
        ScorerStat(player_id=k[0], team_id=k[1], competition=k[2], season=k[3], goals=v[0], penalties=v[1])
        for k, v in totals.items()
    )


def _scopes(team_id: int | None, competition: str | None, season: str | None) -> list[tuple]:
    """The (team, competition, season) rows a goal counts in; None stands for "all"."""
    teams = {team_id, None}
    comps = {(competition, season), (competition, None), (None, None)} if competition else {(None, None)}
    return [(t, c, s) for t in teams for c, s in comps]


def match_line(session: Session, match: Match) -> str:
    home, away = session.get(Team, match.home_id), session.get(Team, match.away_id)
    score = (
        f"{match.home_goals}-{match.away_goals}"
        if match.home_goals is not None
        else ("score disputed" if match.score_status == "conflict" else "score not stated")
    )
    meta = ", ".join(str(x) for x in (match.played_on, match.competition) if x)
    return f"{home.name if home else '?'} {score} {away.name if away else '?'}" + (f" ({meta})" if meta else "")
