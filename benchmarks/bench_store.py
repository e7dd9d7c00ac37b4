"""Store benchmarks: ingestion throughput, and query latency on a large store.

    python -m benchmarks.bench_store ingest [--reports 10000] [--postgres URL]
    python -m benchmarks.bench_store queries [--matches 100000] [--goals 300000] [--postgres URL]

``ingest`` stores and extracts synthetic reports (the corpus with other teams, players and dates).
``queries`` fills a store directly (no extraction) and times each question through ``store.queries``
next to the raw indexed SQL for the same question; latencies are p50/p99 over many runs, and the
peak resident memory of the process is printed at the end.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Engine, insert, text
from sqlmodel import Session

from benchmarks.synthetic import synthetic_reports
from store import queries
from store.db import make_engine, session_scope
from store.ingest import Ingestor
from store.merge import refresh_scorer_stats
from store.migrate import upgrade
from store.models import Goal, Match, Player, Team


def fresh_engine(postgres: str | None, folder: Path) -> Engine:
    if postgres:
        engine = make_engine(postgres)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS bench CASCADE"))
            connection.execute(text("CREATE SCHEMA bench"))
        engine.dispose()
        engine = make_engine(f"{postgres}?options=-csearch_path%3Dbench")
    else:
        engine = make_engine(f"sqlite:///{folder / 'bench.db'}")
    upgrade(engine)
    return engine


def bench_ingest(count: int, postgres: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = []
        for name, body in synthetic_reports(count, seed=1):
            path = folder / name
            path.write_text(body, encoding="utf-8")
            files.append(path)
        engine = fresh_engine(postgres, folder)
        ingestor = Ingestor(engine)
        ingestor.seed()
        started = time.perf_counter()
        summary = ingestor.ingest_paths(files)
        elapsed = time.perf_counter() - started
        print(f"ingest {count} reports into {engine.dialect.name}: {elapsed:.1f} s, {count / elapsed:.1f} reports/s")
        print(f"  {summary.line()}")


def fill(engine: Engine, matches: int, goals: int, seed: int = 3) -> tuple[list[int], list[str]]:
    """A store of ``matches`` matches and ``goals`` goals in 20-team leagues over ten seasons."""
    rng = random.Random(seed)
    competitions = [f"League {i}" for i in range(matches // 3800 + 1)]
    seasons = [f"{y}-{str(y + 1)[-2:]}" for y in range(2014, 2024)]
    with session_scope(engine) as session:
        session.execute(
            insert(Team),
            [{"name": f"Club {i}", "kind": "club", "origin": "seed"} for i in range(20 * len(competitions))],
        )
        team_ids = [row[0] for row in session.execute(text("SELECT id FROM team ORDER BY id"))]
        session.execute(
            insert(Player),
            [
                {"name": f"Player {i}", "key": f"player {i}", "surname": str(i), "team_id": team_ids[i % len(team_ids)]}
                for i in range(len(team_ids) * 25)
            ],
        )
        player_ids = [row[0] for row in session.execute(text("SELECT id FROM player ORDER BY id"))]
        rows = []
        for i in range(matches):
            league = i % len(competitions)
            home, away = rng.sample(team_ids[league * 20 : (league + 1) * 20], 2)
            season = seasons[(i // len(competitions)) % len(seasons)]
            rows.append(
                {
                    "home_id": home,
                    "away_id": away,
                    "home_goals": rng.randint(0, 4),
                    "away_goals": rng.randint(0, 3),
                    "score_status": "stated",
                    "order_known": True,
                    "competition": competitions[league],
                    "season": season,
                    "played_on": date(2014, 8, 1) + timedelta(days=i % 3650),
                }
            )
        for start in range(0, len(rows), 5000):
            session.execute(insert(Match), rows[start : start + 5000])
        match_ids = [row[0] for row in session.execute(text("SELECT id FROM match ORDER BY id"))]
        goal_rows = [
            {
                "match_id": rng.choice(match_ids),
                "player_id": rng.choice(player_ids),
                "team_id": rng.choice(team_ids),
                "minute": rng.randint(1, 90),
                "penalty": rng.random() < 0.1,
                "own_goal": rng.random() < 0.03,
                "doubtful": False,
            }
            for _ in range(goals)
        ]
        for start in range(0, len(goal_rows), 10000):
            session.execute(insert(Goal), goal_rows[start : start + 10000])
    with session_scope(engine) as session:
        refresh_scorer_stats(session)
    return team_ids, competitions


def timed(run: Callable[[], object], repeat: int = 300) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def bench_queries(matches: int, goals: int, postgres: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = fresh_engine(postgres, Path(tmp))
        started = time.perf_counter()
        teams, competitions = fill(engine, matches, goals)
        print(
            f"filled {engine.dialect.name} with {matches} matches and {goals} goals in "
            f"{time.perf_counter() - started:.1f} s"
        )
        rng = random.Random(5)
        league = teams[:20]
        with Session(engine) as session:

            def raw(sql: str, **params) -> Callable[[], object]:
                return lambda: session.execute(text(sql), params).all()

            a, b = league[0], league[1]
            cases = [
                (
                    "head-to-head",
                    lambda: queries.head_to_head(session, team_a=a, team_b=b),
                    raw(
                        "SELECT * FROM match WHERE (home_id=:a AND away_id=:b) OR (home_id=:b AND away_id=:a) "
                        "ORDER BY played_on DESC LIMIT 10",
                        a=a,
                        b=b,
                    ),
                ),
                (
                    "recent results",
                    lambda: queries.recent_results(session, team=rng.choice(league)),
                    raw("SELECT * FROM match WHERE home_id=:t OR away_id=:t ORDER BY played_on DESC LIMIT 5", t=a),
                ),
                (
                    "top scorers, whole store",
                    lambda: queries.top_scorers(session),
                    raw(
                        "SELECT player_id, count(*) FROM goal WHERE NOT own_goal GROUP BY player_id "
                        "ORDER BY count(*) DESC LIMIT 10"
                    ),
                ),
                (
                    "top scorers, one season",
                    lambda: queries.top_scorers(session, competition=competitions[0], season="2019-20"),
                    raw(
                        "SELECT g.player_id, count(*) FROM goal g JOIN match m ON m.id=g.match_id WHERE NOT g.own_goal "
                        "AND m.competition=:c AND m.season='2019-20' GROUP BY g.player_id ORDER BY count(*) DESC "
                        "LIMIT 10",
                        c=competitions[0],
                    ),
                ),
                (
                    "standings",
                    lambda: queries.standings(session, competition=competitions[0], season="2019-20"),
                    raw(
                        "SELECT home_id, away_id, home_goals, away_goals FROM match WHERE competition=:c "
                        "AND season='2019-20'",
                        c=competitions[0],
                    ),
                ),
            ]
            print(f"{'question':<28}{'footbot p50':>12}{'p99':>9}{'raw SQL p50':>13}{'p99':>9}   (ms)")
            for name, ours, sql in cases:
                p50, p99 = timed(ours)
                r50, r99 = timed(sql)
                print(f"{name:<28}{p50:>12.2f}{p99:>9.2f}{r50:>13.2f}{r99:>9.2f}")
        engine.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["ingest", "queries"])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--matches", type=int, default=100_000)
    parser.add_argument("--goals", type=int, default=300_000)
    parser.add_argument("--postgres", help="PostgreSQL URL (default: a SQLite file)")
    args = parser.parse_args()
    if args.what == "ingest":
        bench_ingest(args.reports, args.postgres)
    else:
        bench_queries(args.matches, args.goals, args.postgres)


if __name__ == "__main__":
    main()
