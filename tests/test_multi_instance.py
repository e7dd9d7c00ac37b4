"""Several bot instances on one store and one inbox folder: each report is read by exactly one.

Why: the documented multi-instance setup (``compose.yaml``) runs two bots on one PostgreSQL with a
shared inbox volume. Instances claim inbox files by an atomic rename and reports by a row claim; the
tests run separate processes against one schema and one folder, and check that every file ends in
processed/ or failed/ once and every report is stored once. Starting several instances on a fresh
schema at the same moment (migrations, reference teams) must succeed too.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text
from sqlmodel import Session, func, select

from bot.inbox import Inbox
from store.db import make_engine
from store.ingest import Ingestor
from store.migrate import alembic_config
from store.models import Report, Team
from tests.helpers.processes import (
    filed,
    finish,
    left_in,
    start_inbox_worker,
    start_like_an_instance,
    stored_reports,
    write_reports,
)

INSTANCES = 3
REPORTS = 300


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_instances_share_one_inbox_and_one_postgresql_schema(database_url: str, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    keys = write_reports(inbox, REPORTS, seed=11, small=True)
    for name in list(keys)[:4]:  # the same report under another name: stored once, filed as a duplicate
        (inbox / f"copy_of_{name}").write_bytes((inbox / name).read_bytes())
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "slides.pdf").write_bytes(b"%PDF-1.4")
    names = sorted(p.name for p in inbox.iterdir())

    # all start at once on a fresh schema: they migrate and seed concurrently, then share the inbox
    workers = [start_inbox_worker(database_url, inbox) for _ in range(INSTANCES)]
    counts = [finish(worker) for worker in workers]

    assert left_in(inbox) == []
    assert filed(inbox) == Counter(names)  # every file filed, once, under its own name
    assert sorted(p.name for p in (inbox / "failed").iterdir()) == [
        "empty.txt",
        "empty.txt.reason.txt",
        "slides.pdf",
        "slides.pdf.reason.txt",
    ]
    total = sum((Counter(c) for c in counts), Counter())
    assert total["ingested"] + total["no_facts"] == REPORTS  # each report read once, by one instance
    assert total - Counter(ingested=total["ingested"], no_facts=total["no_facts"]) == {
        "duplicate": 4,
        "failed": 1,
        "refused": 1,
    }
    assert sum(1 for c in counts if c.get("ingested")) >= 2, f"one instance did all the work: {counts}"

    engine = make_engine(database_url)
    reports = stored_reports(engine)
    engine.dispose()
    assert Counter(r.sha256 for r in reports if r.sha256 in set(keys.values())) == Counter(set(keys.values()))
    assert len(reports) == REPORTS + 1  # and the empty file, kept as failed with its reason
    statuses = Counter(r.status for r in reports)
    assert statuses == {"extracted": total["ingested"], "no_facts": total["no_facts"], "failed": 1}
    assert all(r.claimed_by is None for r in reports)


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_instances_starting_together_migrate_and_seed_a_fresh_schema_once(database_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(INSTANCES)
    starts = [context.Process(target=start_like_an_instance, args=(database_url, barrier)) for _ in range(INSTANCES)]
    for process in starts:
        process.start()
    for process in starts:
        process.join(timeout=90)
    assert [process.exitcode for process in starts] == [0] * INSTANCES

    engine = make_engine(database_url)
    try:
        with engine.connect() as connection:
            version = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        head = alembic_script_head(database_url)
        assert version == [head]
        assert {"report", "match", "goal", "team"} <= set(inspect(engine).get_table_names())
        with Session(engine) as session:
            teams = session.exec(select(Team.name)).all()
        assert len(teams) == len(set(teams)) > 0  # the reference teams, once each
    finally:
        engine.dispose()


def alembic_script_head(database_url: str) -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(database_url)).get_current_head() or ""


def test_two_instances_in_one_folder_take_each_file_once(engine: Engine, tmp_path: Path) -> None:
    """The same race as above in threads, quick, on SQLite and PostgreSQL: two Inbox objects with
    their own instance names scan and claim in one folder at the same time."""
    inbox = tmp_path / "inbox"
    keys = write_reports(inbox, 60, seed=5, small=True)
    instances = []
    for name in ("alpha", "beta"):
        ingestor = Ingestor(engine, instance=name)
        ingestor.seed()
        instances.append(Inbox(inbox, ingestor))
    outcomes: dict[str, Counter[str]] = {}
    start = threading.Barrier(2)

    def run(box: Inbox) -> None:
        start.wait()
        counts: Counter[str] = Counter()
        for _ in range(200):
            counts.update(box.run_once().counts)
            if not left_in(inbox):
                break
        outcomes[box.ingestor.instance] = counts

    threads = [threading.Thread(target=run, args=(box,)) for box in instances]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert left_in(inbox) == []
    assert filed(inbox) == Counter(list(keys))
    total = sum(outcomes.values(), Counter())
    assert total["ingested"] + total["no_facts"] == len(keys) == total.total()
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Report)).one() == len(keys)


def test_a_second_file_of_the_same_name_never_replaces_the_first(ingestor: Ingestor, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    inbox = Inbox(folder, ingestor)
    for report in ("Inter beat Atalanta 2-1 on Saturday.", "Milan beat Roma 3-0 on Sunday."):
        (folder / "report.txt").write_text(report, encoding="utf-8")
        inbox.run_once()  # seen
        inbox.run_once()  # unchanged since: filed away
    processed = sorted(p.name for p in (folder / "processed").iterdir())
    assert processed == ["report (2).txt", "report.txt"]
    assert (folder / "processed" / "report (2).txt").read_text(encoding="utf-8").startswith("Milan")
