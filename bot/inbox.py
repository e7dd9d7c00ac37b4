"""The inbox job: report files dropped into ``INBOX_DIR`` are ingested, then moved to ``processed/``
or ``failed/`` (with the reason beside them). Files still being written are left for the next run:
temporary names (``.part``, ``.tmp``, ``~``, dot-files) and files whose size or mtime changed since
the previous scan.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from store.ingest import Ingestor, Outcome, Summary

log = logging.getLogger(__name__)
TEMPORARY_SUFFIXES = {".part", ".tmp", ".crdownload", ".partial", ".swp"}


@dataclass
class Inbox:
    folder: Path
    ingestor: Ingestor
    _seen: dict[Path, tuple[int, int]] = field(default_factory=dict)  # path -> (size, mtime_ns) last scan

    def __post_init__(self) -> None:
        for sub in ("processed", "failed"):
            (self.folder / sub).mkdir(parents=True, exist_ok=True)

    def ready_files(self) -> list[Path]:
        """Files that are complete: seen with the same size and mtime on two scans in a row."""
        ready: list[Path] = []
        current: dict[Path, tuple[int, int]] = {}
        for path in sorted(self.folder.iterdir()):
            if not path.is_file() or _temporary(path):
                continue
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            signature = (stat.st_size, stat.st_mtime_ns)
            current[path] = signature
            if self._seen.get(path) == signature:
                ready.append(path)
        self._seen = current
        return ready

    def run_once(self) -> Summary:
        """Ingest the ready files and move each to processed/ or failed/ (one summary line is logged)."""
        summary = Summary()
        for path in self.ready_files():
            outcome = self.ingestor.ingest_path(path, source_kind="inbox")
            self._file_away(path, outcome)
            summary.outcomes.append(outcome)
            self._seen.pop(path, None)
        if summary.outcomes:
            log.info("inbox: %s", summary.line())
        return summary

    def _file_away(self, path: Path, outcome: Outcome) -> None:
        failed = outcome.status in ("failed", "refused")
        target_dir = self.folder / ("failed" if failed else "processed")
        target = _free_name(target_dir / path.name)
        shutil.move(str(path), target)
        if failed:
            target.with_name(target.name + ".reason.txt").write_text(outcome.reason or "unknown", encoding="utf-8")


def _temporary(path: Path) -> bool:
    name = path.name
    return name.startswith(".") or name.endswith("~") or path.suffix.lower() in TEMPORARY_SUFFIXES


def _free_name(target: Path) -> Path:
    """processed/report.txt exists already (the same name sent twice): report (2).txt."""
    if not target.exists():
        return target
    for n in range(2, 10_000):
        candidate = target.with_name(f"{target.stem} ({n}){target.suffix}")
        if not candidate.exists():
            return candidate
    return target
