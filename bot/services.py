"""The long-lived objects every entry point needs: the engine and the ingestor.

Built once by the composition root (``bot.app``) or a CLI command; the schema is migrated and the
reference teams are seeded before anything uses the store.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine

from bot.settings import Settings
from store.db import make_engine
from store.ingest import Ingestor, instance_name
from store.migrate import upgrade
from store.teams import load_directory

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Services:
    settings: Settings
    engine: Engine
    ingestor: Ingestor


def build_services(settings: Settings) -> Services:
    engine = make_engine(
        settings.database_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout,
    )
    upgrade(engine)
    reference = load_directory(settings.seeds_dir)
    ingestor = Ingestor(
        engine,
        max_bytes=settings.max_report_bytes,
        reference=reference,
        instance=settings.instance_name or instance_name(),
    )
    ingestor.seed()
    return Services(settings, engine, ingestor)
