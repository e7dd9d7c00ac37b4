"""The inbox job: report files dropped into ``INBOX_DIR`` are ingested, then moved to ``processed/``
or ``failed/`` (with the reason beside them). Files still being written are left for the next run:
temporary names (``.part``, ``.tmp``, ``~``, dot-files) and files whose size or mtime changed since
the previous scan.

Several instances may share one inbox folder. An instance claims a file by renaming it into its own
``processing/<instance>/`` folder before reading it: a rename is atomic, so exactly one instance gets
each file. It then files the claimed file away by hard-linking it under a free name in ``processed/``
or ``failed/`` (a link never replaces another instance's file of the same name) and removing the
claim. A crash leaves the file claimed, never lost: the next run of the same instance, or any
instance once the holder is gone (its process no longer exists on this host, or its claim is older
than ``STALE_CLAIM``), ingests it again (the store recognises the content) and files it away; a
claim that was filed already just before the crash is only removed.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import logging
import os
import re
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from store.ingest import Ingestor, Outcome, Summary
from store.ingest import _gone as holder_gone  # the rule for reports claimed by a dead instance

log = logging.getLogger(__name__)
TEMPORARY_SUFFIXES = {".part", ".tmp", ".crdownload", ".partial", ".swp"}
PROCESSING = "processing"
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}  # no hard links here


@dataclass
class Inbox:
    folder: Path
    ingestor: Ingestor
    _seen: dict[Path, tuple[int, int]] = field(default_factory=dict)  # path -> (size, mtime_ns) last scan
    _running: threading.Lock = field(default_factory=threading.Lock)  # one run at a time per instance

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

    @property
    def claims(self) -> Path:
        """This instance's ``processing/`` folder."""
        return self.folder / PROCESSING / re.sub(r"[^\w.:@-]", "_", self.ingestor.instance)

    def run_once(self) -> Summary:
        """Finish what a crash left claimed, then claim, ingest and file away each ready file (one
        summary line is logged). A run that starts while the previous one still works does nothing."""
        summary = Summary()
        if not self._running.acquire(blocking=False):
            return summary
        try:
            self.claims.mkdir(parents=True, exist_ok=True)
            for claimed in self._left_over():
                if self._filed_already(claimed):
                    claimed.unlink(missing_ok=True)
                else:
                    self._process(claimed, summary)
            for path in self.ready_files():
                self._seen.pop(path, None)
                claimed = self._claim(path)
                if claimed is not None:
                    self._process(claimed, summary)
        finally:
            self._running.release()
        if summary.outcomes:
            log.info("inbox: %s", summary.line())
        return summary

    def _claim(self, path: Path) -> Path | None:
        """Move ``path`` into this instance's claims; None when another instance was first."""
        target = _free_name(self.claims / path.name)
        try:
            os.utime(path)  # the claim's time, for others to tell an abandoned claim
            os.rename(path, target)  # atomic: of several instances, exactly one gets the file
        except FileNotFoundError:
            return None
        return target

    def _left_over(self) -> list[Path]:
        """Files claimed but not filed away: by an earlier run of this instance, or by an instance that
        is gone (their files are claimed again for this one, their empty folders removed)."""
        left = sorted(p for p in self.claims.iterdir() if p.is_file())
        now = datetime.now(UTC)
        for folder in sorted((self.folder / PROCESSING).iterdir()):
            if folder == self.claims or not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                try:
                    since = datetime.fromtimestamp(path.stat().st_mtime, UTC)
                except FileNotFoundError:
                    continue
                if holder_gone(folder.name, since, now) and (claimed := self._claim(path)) is not None:
                    log.warning("inbox: %s was left by %s, which is gone; taking it over", path.name, folder.name)
                    left.append(claimed)
            if holder_gone(folder.name, now, now):  # a dead process of this host; not merely an idle instance
                with contextlib.suppress(OSError):  # not empty: a file arrived in it meanwhile
                    folder.rmdir()
        return left

    def _filed_already(self, claimed: Path) -> bool:
        """The claim is also in processed/ or failed/: the crash came after filing, before unclaiming."""
        try:
            stat = claimed.stat()
        except FileNotFoundError:  # taken over by an instance that thought this one gone: its business now
            return True
        if stat.st_nlink < 2:
            return False
        pattern = f"{glob.escape(claimed.stem)}*{glob.escape(claimed.suffix)}"
        for sub in ("processed", "failed"):
            for candidate in (self.folder / sub).glob(pattern):
                try:
                    if os.path.samestat(stat, candidate.stat()):
                        return True
                except FileNotFoundError:
                    continue
        return False

    def _process(self, claimed: Path, summary: Summary) -> None:
        outcome = self.ingestor.ingest_path(claimed, source_kind="inbox")
        try:
            self._file_away(claimed, outcome)
        except FileNotFoundError:  # taken over meanwhile by an instance that thought this one gone
            log.warning("inbox: %s was taken over by another instance", claimed.name)
        summary.outcomes.append(outcome)

    def _file_away(self, claimed: Path, outcome: Outcome) -> None:
        failed = outcome.status in ("failed", "refused")
        target = _place(claimed, self.folder / ("failed" if failed else "processed"))
        if failed:
            target.with_name(target.name + ".reason.txt").write_text(outcome.reason or "unknown", encoding="utf-8")
        claimed.unlink(missing_ok=True)


def _temporary(path: Path) -> bool:
    name = path.name
    return name.startswith(".") or name.endswith("~") or path.suffix.lower() in TEMPORARY_SUFFIXES


def _numbered(target: Path, n: int) -> Path:
    """processed/report.txt exists already (the same name sent twice): report (2).txt."""
    return target if n == 1 else target.with_name(f"{target.stem} ({n}){target.suffix}")


def _free_name(target: Path) -> Path:
    for n in range(1, 10_000):
        if not (candidate := _numbered(target, n)).exists():
            return candidate
    raise FileExistsError(target)


def _place(claimed: Path, folder: Path) -> Path:
    """A link to ``claimed`` under the first free name in ``folder``: creating a link fails when the
    name exists, so two instances filing files of the same name at once never replace each other's."""
    for n in range(1, 10_000):
        target = _numbered(folder / claimed.name, n)
        try:
            os.link(claimed, target)
            return target
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            if target.exists():  # a file system without hard links: a rename, checked first
                continue
            os.rename(claimed, target)
            return target
    raise FileExistsError(folder / claimed.name)
