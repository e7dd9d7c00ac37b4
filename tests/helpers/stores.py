"""Stores and report files for end-to-end tests of follows, inline mode, pictures and settings.

Why: seeding a store costs most of a second; a template built once per session is copied for each
test's bot instead. The reports are short and written for the tests, so that a test names exactly
the match it announces (new results that the seed reports do not hold).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.services import build_services
from bot.settings import Settings
from tests.conftest import SEEDS

STORE = "store.db"  # the file name tests.helpers.bot_app gives a bot's store
SEED_REPORTS = sorted(SEEDS.glob("*.txt"))  # Atalanta 1-2 Inter 2023, Inter 1-1 Atalanta 2020, AC Milan-Udinese...

INTER_NAPOLI = (
    " date 2023-11-12\nInter beat Napoli 3-0 at San Siro\n\n"
    "Inter beat Napoli 3-0 at San Siro on Sunday to stay top of Serie A.\n\n"
    "Lautaro Martinez scored twice, in the 12th and 50th minutes, and Marcus Thuram added a third in the "
    "80th minute.\n"
)
INTER_NAPOLI_AGAIN = (  # the same match in other words: nothing new to announce
    " date 2023-11-13\nNapoli lose at Inter\n\n"
    "Napoli were beaten 3-0 by Inter in Serie A on Sunday. Lautaro Martinez scored twice.\n"
)
INTER_NAPOLI_OTHER_SCORE = (  # a report that disagrees: the score announced is no longer agreed
    " date 2023-11-13\nInter 3-1 Napoli\n\n"
    "Inter beat Napoli 3-1 in Serie A on Sunday, Lautaro Martinez scoring twice.\n"
)
ROMA_LAZIO = (
    " date 2023-11-20\nRoma beat Lazio 2-1\n\n"
    "Roma beat Lazio 2-1 in the Serie A derby on Sunday. Paulo Dybala scored the winner in the 88th minute.\n"
)
JUVENTUS_INTER = (
    " date 2023-11-27\nJuventus held by Inter\n\n"
    "Juventus and Inter drew 1-1 in Serie A on Sunday. Dusan Vlahovic scored for Juventus in the 27th minute "
    "and Lautaro Martinez equalised in the 33rd minute.\n"
)


def store_template(folder: Path, reports: list[Path]) -> Path:
    """A migrated, seeded store with ``reports`` ingested; copy it with :func:`copy_store`."""
    settings = Settings(_env_file=None, database_url=f"sqlite:///{folder / STORE}", inbox_dir=folder / "inbox")  # type: ignore[call-arg]
    services = build_services(settings)
    services.ingestor.ingest_paths(reports)
    services.engine.dispose()
    return folder / STORE


def copy_store(template: Path, workdir: Path) -> None:
    """The template's database (and what SQLite keeps beside it) as the store of a bot in ``workdir``."""
    for part in template.parent.glob(STORE + "*"):
        shutil.copy(part, workdir / part.name)


def drop(inbox: Path, name: str, text: str) -> Path:
    """A report arriving in the inbox the way a sync tool writes it: a temporary name, then a rename."""
    partial = inbox / f".{name}.part"
    partial.write_text(text, encoding="utf-8")
    return partial.rename(inbox / name)
