"""Store benchmarks: ingestion throughput (one or several instances), and query latency on a large store.

    python -m benchmarks.bench_store ingest [--reports 10000] [--postgres URL] [--instances 2]
    python -m benchmarks.bench_store queries [--matches 100000] [--goals 300000] [--postgres URL]

``ingest`` stores and extracts synthetic reports (the corpus with other teams, players and dates).
Each instance is its own process with its own engine, as two bot instances sharing a database
are; every instance is given every file, in the same order (a shared inbox: the worst case for
collisions), and the database must end with each report stored once. The rate is reports over
the time from the first instance starting its work to the last one finishing (imports and
start-up excluded; the same for one instance). On PostgreSQL a schema is created for the run and
dropped afterwards.

``queries`` fills a store directly (``benchmarks.store_fill``, no extraction) and times each
question through ``store.queries`` next to the raw indexed SQL for the same question; latencies
are p50/p99 over many runs, and the peak resident memory of the process is printed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, text
from sqlmodel import Session

from benchmarks.store_fill import fill_store, peak_rss_mb
from benchmarks.synthetic import synthetic_reports
from store import queries
from store.db import make_engine
from store.ingest import Ingestor, content_key
from store.migrate import upgrade

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def fresh_store(postgres: str | None, folder: Path, name: str = "bench") -> Iterator[str]:
    """The URL of an empty, migrated store: a SQLite file in ``folder``, or a PostgreSQL schema
    ``name`` (dropped again afterwards)."""
    if not postgres:
        url = f"sqlite:///{folder / f'{name}.db'}"
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        yield url
        return
    admin = make_engine(postgres)
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {name}"))
    separator = "&" if "?" in postgres else "?"
    url = f"{postgres}{separator}options=-csearch_path%3D{name}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    try:
        yield url
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        admin.dispose()


# -- ingestion ----------------------------------------------------------------------------------------------
@dataclass(slots=True)
class IngestResult:
    dialect: str
    reports: int
    instances: int
    seconds: float
    outcomes: list[Counter[str]] = field(default_factory=list)  # per instance
    stored: int = 0  # report rows
    distinct: int = 0  # distinct content keys among them
    expected: int = 0  # distinct content keys of the files
    pending: int = 0
    twice: int = 0  # reports whose facts were merged twice (a match source repeated)
    duplicate_matches: int = 0  # matches stored twice (same teams and date)

    @property
    def rate(self) -> float:
        return self.reports / self.seconds

    @property
    def each_once(self) -> bool:
        return self.stored == self.distinct == self.expected and not self.pending and not self.twice

    def lines(self) -> list[str]:
        per = "; ".join(
            f"instance {i + 1}: " + ", ".join(f"{n} {k}" for k, n in sorted(c.items()))
            for i, c in enumerate(self.outcomes)
        )
        return [
            f"ingest {self.reports} reports into {self.dialect} with {self.instances} instance(s): "
            f"{self.seconds:.1f} s, {self.rate:.1f} reports/s",
            f"  {per}",
            f"  stored {self.stored} report rows, {self.distinct} distinct, {self.expected} expected; "
            f"{self.pending} left pending; {self.twice} merged twice; "
            f"{self.duplicate_matches} match(es) stored twice -> "
            + ("each report stored once" if self.each_once else "NOT each report once"),
        ]


def _worker(url: str, folder: Path, instance: str) -> None:
    """One instance: its own engine, every file of ``folder`` in order; prints a JSON line."""
    engine = make_engine(url)
    ingestor = Ingestor(engine, instance=instance)
    ingestor.seed()  # as every start does (bot.services.build_services); the parent seeded first
    files = sorted(folder.iterdir())
    began = time.time()
    summary = ingestor.ingest_paths(files)
    ended = time.time()
    engine.dispose()
    print(json.dumps({"began": began, "ended": ended, "outcomes": dict(summary.counts)}), flush=True)


def bench_ingest(count: int, postgres: str | None, *, instances: int = 1) -> IngestResult:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        keys = set()
        for name, body in synthetic_reports(count, seed=1):
            (folder / name).write_text(body, encoding="utf-8")
            keys.add(content_key(body))
        with fresh_store(postgres, Path(tmp), name=f"bench_ingest_{os.getpid()}") as url:
            engine = make_engine(url)
            Ingestor(engine).seed()
            workers = [
                subprocess.Popen(
                    [sys.executable, "-m", "benchmarks.bench_store", "worker", url, str(folder), f"bench-{i + 1}"],
                    cwd=ROOT,
                    stdout=subprocess.PIPE,
                    text=True,
                )
                for i in range(instances)
            ]
            reports = []
            for worker in workers:
                out, _ = worker.communicate()
                if worker.returncode != 0:
                    raise RuntimeError(f"an ingest instance failed with exit code {worker.returncode}")
                reports.append(json.loads(out.strip().splitlines()[-1]))
            seconds = max(r["ended"] for r in reports) - min(r["began"] for r in reports)
            result = IngestResult(engine.dialect.name, count, instances, seconds)
            result.outcomes = [Counter(r["outcomes"]) for r in reports]
            result.expected = len(keys)
            with engine.connect() as db:

                def one(sql: str) -> int:
                    return int(db.execute(text(sql)).scalar_one() or 0)

                result.stored = one("SELECT count(*) FROM report")
                result.distinct = one("SELECT count(DISTINCT sha256) FROM report")
                result.pending = one("SELECT count(*) FROM report WHERE status = 'pending'")
                result.twice = one(
                    "SELECT count(*) FROM (SELECT match_id, report_id FROM matchsource "
                    "GROUP BY match_id, report_id HAVING count(*) > 1) AS t"
                )
                result.duplicate_matches = one(
                    "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM match WHERE played_on IS NOT NULL "
                    "GROUP BY home_id, away_id, played_on HAVING count(*) > 1) AS t"
                )
            engine.dispose()
    return result


# -- queries -----------------------------------------------------------------------------------------------
def timed(run: Callable[[], object], repeat: int = 300) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def _busiest(engine: Engine) -> tuple[str, str, int, int, list[int]]:
    """(competition, latest season, two teams that met, the competition's teams) of the biggest league."""
    with engine.connect() as db:
        competition, season = db.execute(
            text(
                "SELECT competition, season FROM match WHERE competition IS NOT NULL "
                "GROUP BY competition, season ORDER BY count(*) DESC, season DESC LIMIT 1"
            )
        ).one()
        a, b = db.execute(
            text("SELECT home_id, away_id FROM match WHERE competition = :c ORDER BY id LIMIT 1"), {"c": competition}
        ).one()
        league = [
            t
            for (t,) in db.execute(
                text("SELECT DISTINCT home_id FROM match WHERE competition = :c"), {"c": competition}
            )
        ]
    return competition, season, a, b, league


def bench_queries(matches: int, goals: int, postgres: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp, fresh_store(postgres, Path(tmp), name="bench_queries") as url:
        engine = make_engine(url)
        summary = fill_store(engine, matches=matches, goals=goals)
        print(summary.line())
        rng = random.Random(5)
        competition, season, a, b, league = _busiest(engine)
        with Session(engine) as session:

            def raw(sql: str, **params) -> Callable[[], object]:
                return lambda: session.execute(text(sql), params).all()

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
                    lambda: queries.top_scorers(session, competition=competition, season=season),
                    raw(
                        "SELECT g.player_id, count(*) FROM goal g JOIN match m ON m.id=g.match_id WHERE NOT g.own_goal "
                        "AND m.competition=:c AND m.season=:s GROUP BY g.player_id ORDER BY count(*) DESC LIMIT 10",
                        c=competition,
                        s=season,
                    ),
                ),
                (
                    "standings",
                    lambda: queries.standings(session, competition=competition, season=season),
                    raw(
                        "SELECT home_id, away_id, home_goals, away_goals FROM match WHERE competition=:c AND season=:s",
                        c=competition,
                        s=season,
                    ),
                ),
            ]
            print(f"{'question':<28}{'footbot p50':>12}{'p99':>9}{'raw SQL p50':>13}{'p99':>9}   (ms)")
            for name, ours, sql in cases:
                p50, p99 = timed(ours)
                r50, r99 = timed(sql)
                print(f"{name:<28}{p50:>12.2f}{p99:>9.2f}{r50:>13.2f}{r99:>9.2f}")
        engine.dispose()
    print(f"peak RSS: {peak_rss_mb():.0f} MB")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_store",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("ingest", help="ingestion throughput")
    p.add_argument("--reports", type=int, default=10_000)
    p.add_argument("--postgres", help="PostgreSQL URL (default: a SQLite file)")
    p.add_argument("--instances", type=int, default=1, help="processes ingesting at once")
    p = sub.add_parser("queries", help="query latency on a filled store")
    p.add_argument("--matches", type=int, default=100_000)
    p.add_argument("--goals", type=int, default=300_000)
    p.add_argument("--postgres", help="PostgreSQL URL (default: a SQLite file)")
    p = sub.add_parser("worker", help="(internal) one ingest instance")
    p.add_argument("url")
    p.add_argument("folder", type=Path)
    p.add_argument("instance")
    args = parser.parse_args(argv)
    if args.what == "ingest":
        for line in bench_ingest(args.reports, args.postgres, instances=args.instances).lines():
            print(line)
    elif args.what == "queries":
        bench_queries(args.matches, args.goals, args.postgres)
    else:
        _worker(args.url, args.folder, args.instance)


if __name__ == "__main__":
    main()
