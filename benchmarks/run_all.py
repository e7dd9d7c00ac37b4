"""Every benchmark in one run, then a Markdown table of the figures against their targets.

    python -m benchmarks [--quick] [--postgres URL | --no-postgres] [--out FILE]

Full size: a store of 100,000 matches / 300,000 goals (filled once, by another process, and shared
by the answer, bot and memory benchmarks), 3,000 questions, 2,000 updates over 250 chats, 300
questions for the memory peak, 10,000 reports ingested by two instances into PostgreSQL and by
one into SQLite. ``--quick`` divides the sizes by about ten (3 minutes instead of about
thirty on 2 cores). PostgreSQL: ``--postgres URL``, else ``$BENCH_POSTGRES_URL``, else the local server of
the test suite (``postgresql+psycopg://postgres@127.0.0.1:5432/test``); a schema is created for the
run and dropped afterwards. The detailed output of each benchmark comes first, the table last.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from benchmarks import bench_answers, bench_bot, bench_rss, bench_store
from store.db import make_engine

LOCAL_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@dataclass(frozen=True, slots=True)
class Sizes:
    matches: int
    questions: int
    updates: int
    chats: int
    rss_questions: int
    reports: int


FULL = Sizes(matches=100_000, questions=3_000, updates=2_000, chats=250, rss_questions=300, reports=10_000)
QUICK = Sizes(matches=10_000, questions=600, updates=300, chats=50, rss_questions=100, reports=500)


@dataclass(frozen=True, slots=True)
class Row:
    benchmark: str
    measure: str
    figure: str
    target: str = ""
    met: bool | None = None  # None: no target

    def cells(self) -> list[str]:
        verdict = "" if self.met is None else ("✅ met" if self.met else "❌ missed")
        return [self.benchmark, self.measure, self.figure, self.target, verdict]


def markdown(rows: list[Row]) -> str:
    header = ["benchmark", "measure", "figure", "target", ""]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} CPU(s), {memory:.0f} GiB RAM, {system}, Python {sys.version.split()[0]}"


def reachable(url: str) -> bool:
    engine = make_engine(url)
    try:
        with engine.connect() as db:
            db.execute(text("SELECT 1"))
        return True
    except OperationalError:
        return False
    finally:
        engine.dispose()


def section(title: str) -> float:
    print(f"\n## {title}\n", flush=True)
    return time.perf_counter()


def answers_rows(result: bench_answers.Result) -> list[Row]:
    target = f"p99 ≤ {bench_answers.TARGET_P99_MS:g} ms"
    every = result.all_samples()
    p99 = bench_answers.percentile(every, 0.99)
    per_kind = bench_answers.rows(result)[:-1]
    missing = [label for label, _, kind_p99, _ in per_kind if kind_p99 > bench_answers.TARGET_P99_MS]
    commands = [ms for label, values in result.samples.items() if label.startswith("/result") for ms in values]
    free = [ms for label, values in result.samples.items() if not label.startswith("/result") for ms in values]
    rows = [
        Row(
            "answers",
            f"all questions ({len(every)}), p50 / p99",
            f"{statistics.median(every):.1f} / {p99:.1f} ms",
            target,
            p99 <= bench_answers.TARGET_P99_MS,
        ),
    ]
    for name, values in (("free text", free), ("/result command", commands)):
        if values:
            value = bench_answers.percentile(values, 0.99)
            rows.append(
                Row(
                    "answers",
                    f"{name}, p50 / p99",
                    f"{statistics.median(values):.1f} / {value:.1f} ms",
                    target,
                    value <= bench_answers.TARGET_P99_MS,
                )
            )
    worst_label, worst_p50, worst_p99, _ = per_kind[0]
    rows.append(
        Row(
            "answers", f"slowest kind: {worst_label}, p50 / p99", f"{worst_p50:.1f} / {worst_p99:.1f} ms", target, False
        )
        if worst_p99 > bench_answers.TARGET_P99_MS
        else Row("answers", "slowest kind", f"{worst_label}: p99 {worst_p99:.1f} ms", target, True)
    )
    rows.append(
        Row(
            "answers",
            "kinds missing the p99 target",
            f"{len(missing)} of {len(per_kind)}" + (f": {', '.join(missing)}" if missing else ""),
        )
    )
    rows.append(Row("answers", "names index build (first question)", f"{result.index_seconds:.2f} s"))
    rows.append(Row("answers", "unknown teams declined", f"{result.declined} of {result.unknown}"))
    return rows


def bot_rows(results: list[bench_bot.BotResult]) -> list[Row]:
    by_kind = {r.kind: r for r in results}
    rows = []
    for kind, label in (("echo", "bare PTB echo bot"), ("footbot", "footbot (flood limits lifted)")):
        if kind in by_kind:
            r = by_kind[kind].round
            rows.append(
                Row(
                    "bot",
                    f"{label}: updates/s",
                    f"{r.rate:.1f} ({r.bot_cpu / r.updates * 1000:.1f} ms CPU/update)",
                )
            )
    value = bench_bot.ratio(results)
    if value is not None:
        rows.append(
            Row("bot", "footbot / echo", f"{value:.2f}", f"≥ {bench_bot.TARGET_RATIO}", value >= bench_bot.TARGET_RATIO)
        )
    if "footbot-as-built" in by_kind:
        r = by_kind["footbot-as-built"].round
        rows.append(Row("bot", "footbot as built (AIORateLimiter, 30 msg/s): updates/s", f"{r.rate:.1f}"))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="about a tenth of the sizes")
    parser.add_argument("--postgres", help="PostgreSQL URL for the two-instance ingest")
    parser.add_argument("--no-postgres", action="store_true", help="skip the PostgreSQL ingest")
    parser.add_argument("--out", type=Path, help="also write the Markdown table to this file")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    postgres = None if args.no_postgres else (args.postgres or os.environ.get("BENCH_POSTGRES_URL") or LOCAL_POSTGRES)
    if postgres and not reachable(postgres):
        print(f"PostgreSQL not reachable at {postgres}: its ingest is skipped", file=sys.stderr)
        postgres = None
    began = time.perf_counter()
    print(f"# footbot benchmarks{' (quick)' if args.quick else ''}\n\nmachine: {machine()}")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'store.db'}"
        started = section(f"store: {sizes.matches:,} matches filled by another process")
        bench_answers.fill_in_subprocess(url, sizes.matches, 3 * sizes.matches)
        rows.append(Row("store", "fill (benchmarks.store_fill, SQLite)", f"{time.perf_counter() - started:.0f} s"))

        section(f"answers: {sizes.questions:,} questions (benchmarks.bench_answers)")
        engine = make_engine(url)
        cases = bench_answers.build_cases(engine, sizes.questions)
        result = bench_answers.run(engine, cases)
        engine.dispose()
        bench_answers.print_result(result, sizes.matches)
        rows += answers_rows(result)

        section(f"bot: {sizes.updates:,} updates over {sizes.chats} chats (benchmarks.bench_bot)")
        bot_results = bench_bot.run(url, updates=sizes.updates, chats=sizes.chats)
        bench_bot.print_results(bot_results, sizes.chats)
        rows += bot_rows(bot_results)

        section(f"memory: the bot answering {sizes.rss_questions} questions (benchmarks.bench_rss)")
        rss = bench_rss.measure(url, questions=sizes.rss_questions)
        for line in rss.lines():
            print(line)
        rows.append(
            Row(
                "memory",
                f"peak RSS of the bot, {sizes.matches:,} matches, {sizes.rss_questions} questions",
                f"{rss.peak_mb:.0f} MB (at start-up {rss.ready_mb:.0f} MB)",
                f"≤ {bench_rss.TARGET_MB:.0f} MB",
                rss.met,
            )
        )

    ingests = []
    if postgres:
        ingests.append((postgres, 2))
    ingests.append((None, 1))
    for target_url, instances in ingests:
        where = "PostgreSQL" if target_url else "SQLite"
        section(f"ingest: {sizes.reports:,} reports into {where}, {instances} instance(s) (benchmarks.bench_store)")
        ingest = bench_store.bench_ingest(sizes.reports, target_url, instances=instances)
        for line in ingest.lines():
            print(line)
        rows.append(Row("ingest", f"{where}, {instances} instance(s): reports/s", f"{ingest.rate:.1f}"))
        rows.append(
            Row(
                "ingest",
                f"{where}, {instances} instance(s): each report stored once",
                f"{ingest.stored} rows / {ingest.expected} reports, {ingest.duplicate_matches} duplicate match(es)",
                "every report once",
                ingest.each_once,
            )
        )
    if not postgres:
        rows.append(Row("ingest", "PostgreSQL, 2 instances", "skipped: no PostgreSQL server"))

    table = markdown(rows)
    section(f"summary ({time.perf_counter() - began:.0f} s)")
    print(f"machine: {machine()}\n")
    print(table)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(f"machine: {machine()}\n\n{table}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
