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


def _postgres_schema_engine(url: str) -> Iterator[Engine]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = create_engine(url, pool_pre_ping=True, connect_args={"options": f"-csearch_path={schema}"})
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A freshly migrated store, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'store.db'}")
        upgrade(engine)
        yield engine
        engine.dispose()
        return
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL server (set FOOTBOT_TEST_POSTGRES_URL or run ./test)")
    for engine in _postgres_schema_engine(url):
        upgrade(engine)
        yield engine


@pytest.fixture
def ingestor(engine: Engine) -> Ingestor:
    ingestor = Ingestor(engine, max_bytes=2 * 1024 * 1024)
    ingestor.seed()
    return ingestor
