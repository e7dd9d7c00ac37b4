"""A SIGKILL in the middle of a 1,000-report ingest loses no report and duplicates no fact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, func, select

from benchmarks.synthetic import synthetic_reports
from store.db import make_engine
from store.ingest import Ingestor, content_key, count_rows
from store.migrate import upgrade
from store.models import Report

ROOT = Path(__file__).resolve().parent.parent
REPORTS = 1000


def _stored(engine: Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(Report)).one()


def _ingest_command(folder: Path, url: str) -> subprocess.Popen:
    env = dict(os.environ, DATABASE_URL=url, LOG_LEVEL="WARNING")
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "ingest", str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
def test_sigkill_midway_then_again_loses_nothing_and_duplicates_nothing(database_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    keys = set()
    for name, text in synthetic_reports(REPORTS, seed=7):
        (folder / name).write_text(text, encoding="utf-8")
        keys.add(content_key(text))
    engine = make_engine(database_url)
    upgrade(engine)

    victim = _ingest_command(folder, database_url)
    deadline = time.monotonic() + 240
    while _stored(engine) < REPORTS // 4 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert victim.poll() is None, "the ingest finished before it could be killed"
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    assert 0 < _stored(engine) < REPORTS

    again = _ingest_command(folder, database_url)
    _, errors = again.communicate(timeout=600)
    assert again.returncode == 0, errors.decode()

    with Session(engine) as session:
        reports = session.exec(select(Report)).all()
    assert {r.sha256 for r in reports} == keys  # every report stored, once
    assert not [r.id for r in reports if r.status == "pending"]

    # the facts are exactly those of an uninterrupted ingest of the same files
    clean = make_engine(f"sqlite:///{tmp_path / 'clean.db'}")
    upgrade(clean)
    reference = Ingestor(clean)
    reference.seed()
    reference.ingest_paths(sorted(folder.iterdir()))
    assert count_rows(engine) == count_rows(clean)
    engine.dispose()
    clean.dispose()
