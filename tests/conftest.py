"""Shared fixtures: a migrated store on SQLite and on a real PostgreSQL.

PostgreSQL comes from ``FOOTBOT_TEST_POSTGRES_URL`` (``./test`` finds or starts a server and sets
it). Each test gets its own schema, dropped afterwards. Under CI a missing server fails the
PostgreSQL tests instead of skipping them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from store.db import make_engine
from store.ingest import Ingestor
from store.migrate import upgrade
from tests.helpers.fake_telegram import FakeTelegram

DATA = Path(__file__).resolve().parent / "data"
CORPUS = DATA / "corpus"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def postgres_url() -> str | None:
    url = os.environ.get("FOOTBOT_TEST_POSTGRES_URL")
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail("CI: FOOTBOT_TEST_POSTGRES_URL is not set; PostgreSQL tests must run in CI")
    return None


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file, or a fresh schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL server (set FOOTBOT_TEST_POSTGRES_URL or run ./test)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{url}?options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A freshly migrated store, once on SQLite and once on PostgreSQL."""
    engine = make_engine(database_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def ingestor(engine: Engine) -> Ingestor:
    ingestor = Ingestor(engine, max_bytes=2 * 1024 * 1024)
    ingestor.seed()
    return ingestor


BOT_USERNAME = "footbot_test_bot"


@pytest.fixture
def tg() -> Iterator[FakeTelegram]:
    """A fake Telegram Bot API server on loopback; a plain fixture, so that an application fixture
    depending on it stops first (PTB confirms its last offset while the fake still answers)."""
    with FakeTelegram(bot_username=BOT_USERNAME) as fake:
        yield fake
