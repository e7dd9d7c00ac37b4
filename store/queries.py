"""Read-only questions to the store, as plain keyword-only functions returning plain data.

Handlers turn these into replies; nothing here knows about Telegram or languages. "Not found" is
an empty list or None, never an exception.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, or_
from sqlmodel import Session, col, func, select

from store.models import (
    Claim,
    EventSource,
    Goal,
    GoalSource,
    Match,
    MatchEvent,
    MatchSource,
    Player,
    Report,
    ScorerStat,
    Team,
)


@dataclass(slots=True)
class GoalView:
    player: str
    team: str | None
    minute: int | None
    added: int | None
    penalty: bool
    own_goal: bool
    doubtful: bool


@dataclass(slots=True)
class EventView:
    kind: str
    player: str
    team: str | None
    minute: int | None
    added: int | None
    keeper: str | None


@dataclass(slots=True)
class SourceView:
    report_id: int
    title: str | None
    filename: str
    published: date | None
    home_goals: int | None
    away_goals: int | None


@dataclass(slots=True)
class MatchView:
    id: int
    home: str
    away: str
    home_goals: int | None
    away_goals: int | None
    score_status: str  # stated | computed | unknown | conflict
    order_known: bool
    played_on: date | None
    competition: str | None
    season: str | None
    round: str | None
    extra_time: bool = False
    goals: list[GoalView] = field(default_factory=list)
    events: list[EventView] = field(default_factory=list)
    sources: list[SourceView] = field(default_factory=list)

    @property
    def scored(self) -> bool:
        return self.home_goals is not None and self.away_goals is not None

    def conflicting_scores(self) -> list[tuple[int, int, list[SourceView]]]:
        """Each score the sources give (home first), with who gives it; more than one means a conflict."""
        by_score: dict[tuple[int, int], list[SourceView]] = defaultdict(list)
        for source in self.sources:
            if source.home_goals is not None and source.away_goals is not None:
                by_score[(source.home_goals, source.away_goals)].append(source)
        return [(h, a, s) for (h, a), s in sorted(by_score.items())]


@dataclass(slots=True)
class ScorerRow:
    player: str
    team: str | None
    goals: int
    penalties: int


@dataclass(slots=True)
class TableRow:
    team: str
    played: int = 0
    won: int = 0
    drawn: int = 0
    lost: int = 0
    goals_for: int = 0
    goals_against: int = 0

    @property
    def goal_difference(self) -> int:
        return self.goals_for - self.goals_against

    @property
    def points(self) -> int:
        return 3 * self.won + self.drawn


@dataclass(slots=True)
class Table:
    competition: str
    season: str | None
    rows: list[TableRow]
    matches: int  # how many results the table rests on
    disputed: int  # matches left out because reports disagree on their score


@dataclass(slots=True)
class ClaimView:
    team: str | None
    player: str | None
    competition: str | None
    season: str | None
    position: int | None
    points: int | None
    goals: int | None
    games: int | None
    as_of: date | None
    report_id: int


@dataclass(slots=True)
class Coverage:
    reports: int
    matches: int
    goals: int
    competitions: list[tuple[str, int]]  # (competition, matches), most covered first
    latest: date | None


# -- teams and players -------------------------------------------------------------------------------
def team_id(session: Session, *, name: str) -> int | None:
    return session.exec(select(Team.id).where(Team.name == name)).first()


def team_names(session: Session, *, ids: set[int] | None = None) -> dict[int, str]:
    """Team id -> name, of every team or of ``ids`` (two columns read, not whole rows: thousands of
    teams cost milliseconds as objects)."""
    if ids is not None and not ids:
        return {}
    query = select(Team.id, Team.name)
    if ids is not None:
        query = query.where(col(Team.id).in_(ids))
    return dict(session.exec(query).all())  # type: ignore[arg-type]


# -- matches --------------------------------------------------------------------------------------------
def _views(session: Session, matches: list[Match], *, details: bool) -> list[MatchView]:
    names = {
        t.id: t.name
        for t in session.exec(
            select(Team).where(col(Team.id).in_({m.home_id for m in matches} | {m.away_id for m in matches}))
        )
    }
    views = [
        MatchView(
            m.id,
            names.get(m.home_id, "?"),
            names.get(m.away_id, "?"),
            m.home_goals,
            m.away_goals,  # type: ignore[arg-type]
            m.score_status,
            m.order_known,
            m.played_on,
            m.competition,
            m.season,
            m.round,
            m.extra_time,
        )
        for m in matches
    ]
    if not matches:
        return views
    ids = [m.id for m in matches]
    by_id = {v.id: v for v in views}
    goal_rows = session.exec(
        select(Goal, Player.name).join(Player, col(Player.id) == Goal.player_id).where(col(Goal.match_id).in_(ids))
    ).all()
    team_of = {
        t.id: t.name
        for t in session.exec(select(Team).where(col(Team.id).in_({g.team_id for g, _ in goal_rows if g.team_id})))
    }
    for goal, player in goal_rows:
        by_id[goal.match_id].goals.append(
            GoalView(
                player,
                team_of.get(goal.team_id),
                goal.minute,
                goal.added,  # type: ignore[arg-type]
                goal.penalty,
                goal.own_goal,
                goal.doubtful,
            )
        )
    for view in views:
        view.goals.sort(key=lambda g: (g.minute is None, g.minute or 0, g.added or 0))
    if details:
        _add_details(session, by_id)
    return views


def _add_details(session: Session, by_id: dict[int, MatchView]) -> None:
    ids = list(by_id)
    events = list(session.exec(select(MatchEvent).where(col(MatchEvent.match_id).in_(ids))))
    people = {e.player_id for e in events} | {e.keeper_id for e in events if e.keeper_id}
    players = {p.id: p.name for p in session.exec(select(Player).where(col(Player.id).in_(people)))}
    teams = team_names(session, ids={e.team_id for e in events if e.team_id is not None}) if events else {}
    for event in events:
        by_id[event.match_id].events.append(
            EventView(
                event.kind,
                players.get(event.player_id, "?"),
                teams.get(event.team_id),
                event.minute,
                event.added,  # type: ignore[arg-type]
                players.get(event.keeper_id),
            )
        )  # type: ignore[arg-type]
    rows = session.exec(
        select(MatchSource, Report)
        .join(Report, col(Report.id) == MatchSource.report_id)
        .where(col(MatchSource.match_id).in_(ids))
        .order_by(col(Report.id))
    ).all()
    for source, report in rows:
        by_id[source.match_id].sources.append(
            SourceView(
                report.id,
                report.title,
                report.filename,  # type: ignore[arg-type]
                report.published,
                source.home_goals,
                source.away_goals,
            )
        )


def _newest_first():
    return (col(Match.played_on).is_(None), col(Match.played_on).desc(), col(Match.id).desc())


def head_to_head(
    session: Session, *, team_a: int, team_b: int, limit: int = 10, details: bool = False
) -> list[MatchView]:
    """Matches between two teams, newest first (undated ones last, most recently stored first)."""
    pair = or_(
        and_(col(Match.home_id) == team_a, col(Match.away_id) == team_b),
        and_(col(Match.home_id) == team_b, col(Match.away_id) == team_a),
    )
    matches = list(session.exec(select(Match).where(pair).order_by(*_newest_first()).limit(limit)))
    return _views(session, matches, details=details)


def recent_results(
    session: Session, *, team: int, limit: int = 5, scored_only: bool = False, details: bool = False
) -> list[MatchView]:
    """A team's latest matches, newest first."""
    query = select(Match).where(or_(col(Match.home_id) == team, col(Match.away_id) == team))
    if scored_only:
        query = query.where(col(Match.home_goals).is_not(None))
    matches = list(session.exec(query.order_by(*_newest_first()).limit(limit)))
    return _views(session, matches, details=details)


def matches_on(session: Session, *, day: date, team: int | None = None, limit: int = 20) -> list[MatchView]:
    query = select(Match).where(Match.played_on == day)
    if team is not None:
        query = query.where(or_(col(Match.home_id) == team, col(Match.away_id) == team))
    return _views(session, list(session.exec(query.limit(limit))), details=False)


def matches_in(
    session: Session,
    *,
    start: date | None = None,
    end: date | None = None,
    competition: str | None = None,
    round: str | None = None,
    limit: int = 20,
) -> list[MatchView]:
    """Matches played between two dates (inclusive), of a competition or a round, newest first."""
    query = select(Match)
    if start is not None:
        query = query.where(col(Match.played_on) >= start)
    if end is not None:
        query = query.where(col(Match.played_on) <= end)
    if competition is not None:
        query = query.where(Match.competition == competition)
    if round is not None:
        query = query.where(Match.round == round)
    return _views(session, list(session.exec(query.order_by(*_newest_first()).limit(limit))), details=False)


def match_details(session: Session, *, match_id: int) -> MatchView | None:
    match = session.get(Match, match_id)
    return _views(session, [match], details=True)[0] if match else None


def player_goals(session: Session, *, player: int, limit: int = 20) -> list[tuple[MatchView, GoalView]]:
    """A player's goals in the store, newest match first."""
    match_ids = list(session.exec(select(Goal.match_id).where(Goal.player_id == player).distinct()))
    views = _views(
        session,
        list(session.exec(select(Match).where(col(Match.id).in_(match_ids)).order_by(*_newest_first()).limit(limit))),
        details=False,
    )
    name = session.get(Player, player)
    out = []
    for view in views:
        for goal in view.goals:
            if name and goal.player == name.name:
                out.append((view, goal))
    return out


def player_event_matches(session: Session, *, player: int, limit: int = 5) -> list[MatchView]:
    """Matches where a player was sent off, missed a penalty or saved one (as the keeper), newest first."""
    involved = or_(col(MatchEvent.player_id) == player, col(MatchEvent.keeper_id) == player)
    match_ids = list(session.exec(select(MatchEvent.match_id).where(involved).distinct()))
    matches = list(
        session.exec(select(Match).where(col(Match.id).in_(match_ids)).order_by(*_newest_first()).limit(limit))
    )
    return _views(session, matches, details=True)


# -- scorers and tables ---------------------------------------------------------------------------------
def top_scorers(
    session: Session,
    *,
    competition: str | None = None,
    season: str | None = None,
    team: int | None = None,
    limit: int = 10,
) -> list[ScorerRow]:
    """Most goals (own goals never count for the player; penalties shown beside), one indexed read."""

    def scope(column, value):
        return col(column).is_(None) if value is None else column == value

    rows = session.exec(
        select(ScorerStat, Player)
        .join(Player, col(Player.id) == ScorerStat.player_id)
        .where(
            scope(ScorerStat.competition, competition),
            scope(ScorerStat.season, season),
            scope(ScorerStat.team_id, team),
        )
        .order_by(col(ScorerStat.goals).desc(), col(ScorerStat.penalties), col(Player.name))
        .limit(limit)
    ).all()
    wanted = {team if team is not None else player.team_id for _, player in rows}
    names = team_names(session, ids={t for t in wanted if t is not None}) if rows else {}
    return [
        ScorerRow(
            player.name,
            names.get(team if team is not None else player.team_id),  # type: ignore[arg-type]
            stat.goals,
            stat.penalties,
        )
        for stat, player in rows
    ]


def players_like(session: Session, *, surname: str, limit: int = 20) -> list[Player]:
    """Players whose folded surname is ``surname``."""
    return list(session.exec(select(Player).where(Player.surname == surname).limit(limit)))


def standings(session: Session, *, competition: str, season: str | None = None) -> Table:
    """A table computed from the stored results (3 points a win, 1 a draw; goal difference, then
    goals scored); disputed scores are left out and counted."""
    query = select(Match.home_id, Match.away_id, Match.home_goals, Match.away_goals, Match.score_status).where(
        Match.competition == competition
    )
    if season is not None:
        query = query.where(Match.season == season)
    rows: dict[int, TableRow] = {}
    counted = disputed = 0
    for home, away, home_goals, away_goals, status in session.exec(query):
        if status == "conflict":
            disputed += 1
            continue
        if home_goals is None or away_goals is None:
            continue
        counted += 1
        for team, scored, conceded in ((home, home_goals, away_goals), (away, away_goals, home_goals)):
            row = rows.get(team)
            if row is None:
                row = rows[team] = TableRow("")
            row.played += 1
            row.goals_for += scored
            row.goals_against += conceded
            if scored > conceded:
                row.won += 1
            elif scored == conceded:
                row.drawn += 1
            else:
                row.lost += 1
    if rows:
        for team_id_, name in session.exec(select(Team.id, Team.name).where(col(Team.id).in_(list(rows)))):
            rows[team_id_].team = name  # type: ignore[index]
    ordered = sorted(rows.values(), key=lambda r: (-r.points, -r.goal_difference, -r.goals_for, r.team))
    return Table(competition, season, ordered, counted, disputed)


def stated_standings(
    session: Session, *, competition: str | None = None, team: int | None = None, limit: int = 30
) -> list[ClaimView]:
    """Standings as reports state them, newest first (one per team: its latest claim)."""
    query = select(Claim).where(Claim.kind == "standing")
    if competition is not None:
        query = query.where(Claim.competition == competition)
    if team is not None:
        query = query.where(Claim.team_id == team)
    claims = session.exec(
        query.order_by(col(Claim.as_of).is_(None), col(Claim.as_of).desc(), col(Claim.id).desc()).limit(limit * 4)
    ).all()
    names = team_names(session, ids={c.team_id for c in claims if c.team_id is not None})
    latest: dict[int | None, ClaimView] = {}
    for c in claims:
        latest.setdefault(
            c.team_id,
            ClaimView(
                names.get(c.team_id),
                None,
                c.competition,
                c.season,  # type: ignore[arg-type]
                c.position,
                c.points,
                None,
                None,
                c.as_of,
                c.report_id,
            ),
        )
    return list(latest.values())[:limit]


def player_tallies(session: Session, *, player: int, season: str | None = None) -> list[ClaimView]:
    """What reports state about a player's goal tally (in ``season`` when given), newest first."""
    query = select(Claim).where(Claim.kind == "tally", Claim.player_id == player)
    if season is not None:
        query = query.where(Claim.season == season)
    claims = session.exec(
        query.order_by(col(Claim.as_of).is_(None), col(Claim.as_of).desc(), col(Claim.id).desc())
    ).all()
    name = session.get(Player, player)
    return [
        ClaimView(
            None,
            name.name if name else None,
            c.competition,
            c.season,
            None,
            None,
            c.goals,
            c.games,
            c.as_of,
            c.report_id,
        )
        for c in claims
    ]


# -- coverage and reports ------------------------------------------------------------------------------
def coverage(session: Session) -> Coverage:
    comps = session.exec(
        select(Match.competition, func.count())
        .where(col(Match.competition).is_not(None))
        .group_by(Match.competition)
        .order_by(func.count().desc())
    ).all()
    return Coverage(
        reports=session.exec(select(func.count()).select_from(Report)).one(),
        matches=session.exec(select(func.count()).select_from(Match)).one(),
        goals=session.exec(select(func.count()).select_from(Goal)).one(),
        competitions=[(c, n) for c, n in comps],  # type: ignore[misc]
        latest=session.exec(select(func.max(Match.played_on))).one(),
    )


def recent_reports(session: Session, *, limit: int = 10) -> list[Report]:
    return list(session.exec(select(Report).order_by(col(Report.id).desc()).limit(limit)))


def competitions(session: Session) -> list[str]:
    """Every competition the store has matches of, the one with most matches first (an index scan of
    ``ix_match_competition_season``, not a pass over the matches)."""
    count = func.count(col(Match.id))
    query = (
        select(Match.competition, count)
        .where(col(Match.competition).is_not(None))
        .group_by(Match.competition)
        .order_by(count.desc(), Match.competition)
    )
    return [c for c, _ in session.exec(query) if c]


def seasons(session: Session, *, competition: str) -> list[str]:
    return sorted(
        (
            s
            for s in session.exec(
                select(Match.season).where(Match.competition == competition, col(Match.season).is_not(None)).distinct()
            )
            if s
        ),
        reverse=True,
    )


def sources_of_goal(session: Session, *, goal_id: int) -> list[int]:
    return list(session.exec(select(GoalSource.report_id).where(GoalSource.goal_id == goal_id)))


def sources_of_event(session: Session, *, event_id: int) -> list[int]:
    return list(session.exec(select(EventSource.report_id).where(EventSource.event_id == event_id)))
