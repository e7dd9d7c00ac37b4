"""One bot instance's inbox job, without Telegram: ``python -m tests.helpers.inbox_worker``.

Why: crash and multi-instance tests need the inbox job in processes of its own, to run several at
once against one store and one inbox folder, and to SIGKILL one. It builds the services exactly as
``footbot run`` does (settings from the environment: ``DATABASE_URL``, ``INBOX_DIR``,
``INSTANCE_NAME``...) and runs :meth:`bot.inbox.Inbox.run_once` until nothing is left for it: no file
waiting in the inbox and none claimed under ``processing/`` by anyone. It prints one JSON object:
how many of its files ended in each outcome. ``WORKER_TIMEOUT`` (seconds, default 120) bounds it.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections import Counter
from pathlib import Path

from bot.inbox import PROCESSING, Inbox
from bot.services import build_services
from bot.settings import Settings


def idle(folder: Path) -> bool:
    """Nothing waits in the inbox and nothing is claimed (temporary and dot-files do not count)."""
    waiting = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    claimed = [p for p in (folder / PROCESSING).rglob("*") if p.is_file()]
    return not waiting and not claimed


def main() -> int:
    logging.basicConfig(level=logging.WARNING, format="%(process)d %(levelname)s %(name)s: %(message)s")
    deadline = time.monotonic() + float(os.environ.get("WORKER_TIMEOUT", "120"))
    settings = Settings()
    services = build_services(settings)
    inbox = Inbox(settings.inbox_dir, services.ingestor)
    counts: Counter[str] = Counter()
    while time.monotonic() < deadline:
        summary = inbox.run_once()
        counts.update(summary.counts)
        if not summary.outcomes:
            if idle(settings.inbox_dir):
                break
            time.sleep(0.05)  # files another instance holds, or files seen once: look again
    else:
        print(f"inbox worker: still busy after the timeout: {counts}", file=sys.stderr)
        return 1
    print(json.dumps(counts))
    services.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
