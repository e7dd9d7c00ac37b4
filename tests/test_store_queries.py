"""Store queries on SQLite and PostgreSQL, on facts built with small builders (no extraction)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session

from store import queries
from store.db import session_scope
from store.extract.facts import EventFact, ExtractedReport, GoalFact, MatchFact, StandingClaim
from store.merge import merge_report
from store.models import Report


def add_report(engine: Engine, facts: ExtractedReport, name: str) -> int:
    with session_scope(engine) as session:
        report = Report(
            sha256=name.ljust(64, "0"),
            bytes_sha256=name.ljust(64, "0"),
            filename=name,
            raw=b"",
            text="",
            status="extracted",
        )
        session.add(report)
        session.flush()
        merge_report(session, report.id, facts)  # type: ignore[arg-type]
        return report.id  # type: ignore[return-value]


def match(home: str, away: str, score: tuple[int, int] | None, day: date | None, **kw) -> MatchFact:
    return MatchFact(
        home=home,
        away=away,
        home_goals=score[0] if score else None,
        away_goals=score[1] if score else None,
        date=day,
        order_known=True,
        score_basis="stated" if score else None,
        competition=kw.pop("competition", "Serie A"),
        season=kw.pop("season", "2023-24"),
        **kw,
    )


def report(*matches: MatchFact, goals=(), events=(), standings=()) -> ExtractedReport:
    return ExtractedReport(
        lang="en",
        published=None,
        matches=list(matches),
        goals=list(goals),
        events=list(events),
        standings=list(standings),
    )


def ids(engine: Engine, *names: str) -> list[int]:
    with Session(engine) as session:
        return [queries.team_id(session, name=n) for n in names]  # type: ignore[misc]


def test_head_to_head_is_newest_first_with_goals_in_order(engine: Engine) -> None:
    add_report(
        engine,
        report(
            match("Inter", "Atalanta", (1, 1), date(2020, 1, 11)),
            goals=[GoalFact(0, "Lautaro Martinez", "Inter", 4), GoalFact(0, "Gosens", "Atalanta")],
        ),
        "a",
    )
    add_report(
        engine,
        report(
            match("Atalanta", "Inter", (1, 2), date(2023, 11, 4)),
            goals=[
                GoalFact(0, "Lautaro Martinez", "Inter", 57),
                GoalFact(0, "Hakan Calhanoglu", "Inter", None, penalty=True),
                GoalFact(0, "Gianluca Scamacca", "Atalanta", 61),
            ],
            events=[EventFact(0, "red_card", "Rafael Toloi", "Atalanta", 90, 2)],
        ),
        "b",
    )
    inter, atalanta = ids(engine, "Inter", "Atalanta")
    with Session(engine) as session:
        found = queries.head_to_head(session, team_a=atalanta, team_b=inter, details=True)
    assert [(m.home, m.home_goals, m.away_goals, m.away) for m in found] == [
        ("Atalanta", 1, 2, "Inter"),
        ("Inter", 1, 1, "Atalanta"),
    ]
    assert [(g.player, g.minute) for g in found[0].goals] == [
        ("Lautaro Martinez", 57),
        ("Gianluca Scamacca", 61),
        ("Hakan Calhanoglu", None),
    ]
    assert [(e.kind, e.player, e.minute, e.added) for e in found[0].events] == [("red_card", "Rafael Toloi", 90, 2)]
    assert [s.report_id for s in found[0].sources] and found[0].sources[0].filename == "b"


def test_the_same_goal_from_two_reports_is_one_goal_with_two_sources(engine: Engine) -> None:
    facts = report(match("Inter", "Napoli", None, date(2021, 11, 21)), goals=[GoalFact(0, "Lautaro", "Inter")])
    add_report(engine, facts, "a")
    add_report(
        engine,
        report(
            match("Inter", "Napoli", (3, 2), date(2021, 11, 21)), goals=[GoalFact(0, "Lautaro Martinez", "Inter", 61)]
        ),
        "b",
    )
    inter, napoli = ids(engine, "Inter", "Napoli")
    with Session(engine) as session:
        (found,) = queries.head_to_head(session, team_a=inter, team_b=napoli, details=True)
    assert (found.home_goals, found.away_goals, found.score_status) == (3, 2, "stated")
    assert [(g.player, g.minute) for g in found.goals] == [("Lautaro Martinez", 61)]
    assert len(found.sources) == 2


def test_recent_results_of_a_team(engine: Engine) -> None:
    for day, opponent, score in (
        (date(2024, 1, 1), "Roma", (2, 0)),
        (date(2024, 2, 1), "Lazio", (0, 1)),
        (date(2024, 3, 1), "Napoli", (1, 1)),
    ):
        add_report(engine, report(match("Inter", opponent, score, day)), opponent)
    (inter,) = ids(engine, "Inter")
    with Session(engine) as session:
        found = queries.recent_results(session, team=inter, limit=2)
    assert [m.away for m in found] == ["Napoli", "Lazio"]


def test_top_scorers_exclude_own_goals_and_count_penalties(engine: Engine) -> None:
    add_report(
        engine,
        report(
            match("Inter", "Roma", (3, 1), date(2024, 1, 1)),
            goals=[
                GoalFact(0, "Lautaro Martinez", "Inter", 10),
                GoalFact(0, "Lautaro Martinez", "Inter", 50, penalty=True),
                GoalFact(0, "Gianluca Mancini", "Inter", 70, own_goal=True),
                GoalFact(0, "Paulo Dybala", "Roma", 80),
            ],
        ),
        "a",
    )
    add_report(
        engine,
        report(
            match("Inter", "Roma", (1, 0), date(2022, 1, 1), season="2021-22"),
            goals=[GoalFact(0, "Paulo Dybala", "Inter", 5)],
        ),
        "b",
    )
    (inter,) = ids(engine, "Inter")
    with Session(engine) as session:
        everything = queries.top_scorers(session)
        season = queries.top_scorers(session, competition="Serie A", season="2023-24")
        for_inter = queries.top_scorers(session, team=inter)
    # level on goals, fewer penalties ranks first
    assert [(r.player, r.goals, r.penalties) for r in everything] == [
        ("Paulo Dybala", 2, 0),
        ("Lautaro Martinez", 2, 1),
    ]
    assert "Gianluca Mancini" not in {r.player for r in everything}
    assert [(r.player, r.goals) for r in season] == [("Lautaro Martinez", 2), ("Paulo Dybala", 1)]
    assert [(r.player, r.goals) for r in for_inter] == [("Lautaro Martinez", 2), ("Paulo Dybala", 1)]


def test_standings_from_results(engine: Engine) -> None:
    results = [
        ("Inter", "Roma", (2, 0)),
        ("Roma", "Lazio", (1, 1)),
        ("Lazio", "Inter", (2, 1)),
        ("Napoli", "Inter", (0, 0)),
    ]
    for i, (home, away, score) in enumerate(results):
        add_report(engine, report(match(home, away, score, date(2024, 1, 1 + i))), str(i))
    with Session(engine) as session:
        table = queries.standings(session, competition="Serie A", season="2023-24")
    assert table.matches == 4
    assert [(r.team, r.played, r.points, r.goal_difference) for r in table.rows] == [
        ("Inter", 3, 4, 1),
        ("Lazio", 2, 4, 1),
        ("Napoli", 1, 1, 0),
        ("Roma", 2, 1, -2),
    ]


def test_disputed_scores_stay_out_of_the_table_and_are_exposed(engine: Engine) -> None:
    add_report(engine, report(match("Inter", "Roma", (2, 0), date(2024, 1, 1))), "a")
    add_report(engine, report(match("Inter", "Roma", (2, 1), date(2024, 1, 1))), "b")
    with Session(engine) as session:
        table = queries.standings(session, competition="Serie A", season="2023-24")
        inter, roma = queries.team_id(session, name="Inter"), queries.team_id(session, name="Roma")
        (found,) = queries.head_to_head(session, team_a=inter, team_b=roma, details=True)  # type: ignore[arg-type]
    assert (table.matches, table.disputed) == (0, 1)
    assert found.score_status == "conflict"
    assert [(h, a, [s.filename for s in src]) for h, a, src in found.conflicting_scores()] == [
        (2, 0, ["a"]),
        (2, 1, ["b"]),
    ]


def test_stated_standings_latest_per_team(engine: Engine) -> None:
    add_report(engine, report(standings=[StandingClaim("Inter", 1, 28, "Serie A", as_of=date(2023, 11, 5))]), "a")
    add_report(engine, report(standings=[StandingClaim("Inter", 1, 31, "Serie A", as_of=date(2023, 11, 12))]), "b")
    with Session(engine) as session:
        (claim,) = queries.stated_standings(session, competition="Serie A")
    assert (claim.team, claim.position, claim.points, claim.as_of) == ("Inter", 1, 31, date(2023, 11, 12))


def test_nothing_found_is_empty_not_an_error(engine: Engine) -> None:
    with Session(engine) as session:
        assert queries.head_to_head(session, team_a=-1, team_b=-2) == []
        assert queries.top_scorers(session, competition="Nowhere League") == []
        assert queries.match_details(session, match_id=123456) is None
        assert queries.standings(session, competition="Nowhere League").rows == []
