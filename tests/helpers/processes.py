"""Reports on disk and footbot processes for crash and concurrency tests.

Why: the tests that SIGKILL an ingesting process or run several instances at once need the same
few steps -- a folder of distinct report files whose content keys are known, a footbot process
started with its own environment, killed with SIGKILL once it has done part of the work, and the
store's reports counted afterwards.

    keys = write_reports(inbox, 200, seed=3)
    worker = start_inbox_worker(database_url, inbox)
    kill_when(worker, lambda: count_files(inbox / "processed") >= 50)
    finish(start_inbox_worker(database_url, inbox))
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from benchmarks.synthetic import synthetic_reports
from bot.inbox import PROCESSING
from store.ingest import content_key
from store.models import Report
from store.teams import default_directory

ROOT = Path(__file__).resolve().parents[2]


def write_reports(folder: Path, count: int, *, seed: int, small: bool = False) -> dict[str, str]:
    """``count`` distinct report files in ``folder``; returns file name -> content key.

    The reports are ``benchmarks.synthetic`` ones (whole corpus articles, varied), or with ``small`` a
    sentence each (``A beat B 2-0``), ten times quicker to read for tests that need many files.
    """
    folder.mkdir(parents=True, exist_ok=True)
    keys = {}
    for name, text in small_reports(count, seed=seed) if small else synthetic_reports(count, seed=seed):
        (folder / name).write_text(text, encoding="utf-8")
        keys[name] = content_key(text)
    return keys


def small_reports(count: int, *, seed: int) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed)
    clubs = sorted(t.name for t in default_directory().teams.values() if t.kind == "club")
    for i in range(count):
        home, away = rng.sample(clubs, 2)
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        text = f" date {day.isoformat()}\n{home} beat {away} {rng.randint(1, 5)}-0 at home. Report {i}.\n"
        yield f"small_{i:05d}.txt", text


def start_inbox_worker(database_url: str, inbox: Path, *, instance: str | None = None) -> subprocess.Popen[str]:
    """A process running one instance's inbox job over ``inbox`` (see ``tests.helpers.inbox_worker``)."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "INBOX_DIR": str(inbox),
        "LOG_LEVEL": "WARNING",
        "WORKER_TIMEOUT": "120",
    }
    env.pop("INSTANCE_NAME", None)
    if instance:
        env["INSTANCE_NAME"] = instance
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.inbox_worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str], timeout: float = 120) -> dict[str, int]:
    """Waits for an inbox worker; its outcome counts. Fails with its stderr when it failed."""
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, f"worker exited with {process.returncode}:\n{err}"
    return json.loads(out.strip().splitlines()[-1])


def kill_when(process: subprocess.Popen[str], ready: Callable[[], bool], timeout: float = 60) -> None:
    """SIGKILLs ``process`` as soon as ``ready()`` holds; fails if it ended or never got that far."""
    deadline = time.monotonic() + timeout
    while not ready():
        assert process.poll() is None, f"the process ended before it could be killed:\n{process.communicate()[1]}"
        assert time.monotonic() < deadline, "the process never got far enough to be killed"
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.communicate()


def filed(inbox: Path) -> Counter[str]:
    """How many times each file name was filed away: ``x.txt``, or ``x (2).txt`` for a second one."""
    names = [
        p.name
        for sub in ("processed", "failed")
        for p in (inbox / sub).iterdir()
        if p.is_file() and not p.name.endswith(".reason.txt")
    ]
    return Counter(names)


def left_in(inbox: Path) -> list[str]:
    """Files still waiting in the inbox or claimed by an instance."""
    waiting = [p.name for p in inbox.iterdir() if p.is_file()]
    return waiting + [str(p.relative_to(inbox)) for p in (inbox / PROCESSING).rglob("*") if p.is_file()]


def count_files(folder: Path) -> int:
    return sum(1 for p in folder.iterdir() if p.is_file()) if folder.is_dir() else 0


def stored_reports(engine: Engine) -> list[Report]:
    with Session(engine) as session:
        return list(session.exec(select(Report)))


def start_like_an_instance(database_url: str, barrier: object) -> None:
    """What every instance does on start (migrate, then seed the reference teams), all at the same
    moment: the target of a ``multiprocessing`` spawn process; ``barrier`` is its ``Barrier``."""
    from store.db import make_engine
    from store.ingest import Ingestor
    from store.migrate import upgrade

    engine = make_engine(database_url)
    barrier.wait(timeout=60)  # type: ignore[attr-defined]
    upgrade(engine)
    Ingestor(engine).seed()
    engine.dispose()
