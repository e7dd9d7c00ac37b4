"""Reports in, facts out: the one ingestion path behind the CLI, the inbox job and admin uploads.

Nothing is lost: a report is committed (status ``pending``) before extraction runs, and its facts
are merged in the same transaction that marks it ``extracted``. A crash in between leaves it
pending, to be finished by :meth:`Ingestor.resume`; an exception in extraction marks it ``failed``
with the error, for ``reextract`` to retry. The content hash of the normalised text is the key:
the same report again is a duplicate, whatever its file name or encoding.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import re
import socket
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select

from store.catalog import directory_from_db, seed_teams
from store.db import session_scope
from store.extract import EXTRACTOR_VERSION, extract
from store.merge import MergeResult, merge_report, refresh_scorer_stats
from store.models import (
    Claim,
    EventSource,
    Goal,
    GoalSource,
    Match,
    MatchEvent,
    MatchSource,
    Player,
    PlayerAlias,
    Report,
    ScorerStat,
    Team,
    TeamAlias,
    utcnow,
)
from store.normalize import nfc
from store.reading import DEFAULT_MAX_BYTES, UnreadableReport, check_name, report_text
from store.teams import Directory, default_directory

log = logging.getLogger(__name__)
STALE_CLAIM = timedelta(minutes=10)  # a report claimed longer ago than this was left by a dead instance


@dataclass(slots=True)
class Outcome:
    """What happened to one file or upload."""

    name: str
    status: str  # ingested | duplicate | no_facts | failed | refused (too large / wrong type: not stored)
    reason: str | None = None
    report_id: int | None = None
    matches: list[str] = field(default_factory=list)
    matches_added: int = 0
    goals_added: int = 0
    conflicts: list[str] = field(default_factory=list)
    match_ids: list[int] = field(default_factory=list)  # every match the report states (added or merged)

    def line(self) -> str:
        detail = self.reason or "; ".join(self.matches) or ""
        return f"{self.name}: {self.status.replace('_', ' ')}" + (f" - {detail}" if detail else "")


@dataclass(slots=True)
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(o.status for o in self.outcomes)

    def line(self) -> str:
        c = self.counts
        parts = [
            f"{c[s]} {s.replace('_', ' ')}" for s in ("ingested", "duplicate", "no_facts", "failed", "refused") if c[s]
        ]
        matches = sum(o.matches_added for o in self.outcomes)
        goals = sum(o.goals_added for o in self.outcomes)
        conflicts = sum(len(o.conflicts) for o in self.outcomes)
        return (
            f"{len(self.outcomes)} report(s): {', '.join(parts) or 'nothing to do'}; {matches} match(es) and "
            f"{goals} goal(s) added; {conflicts} conflict(s)"
        )


def content_key(text: str) -> str:
    """Hash of the text with encoding and spacing differences removed."""
    normal = re.sub(r"\s+", " ", nfc(text)).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def instance_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _gone(holder: str, since: datetime | None, now: datetime) -> bool:
    if since is None or now - _aware(since) > STALE_CLAIM:
        return True
    host, _, pid = holder.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back without a zone; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Ingestor:
    """Stores and extracts reports for one engine; safe to use from several threads and processes."""

    def __init__(
        self,
        engine: Engine,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        reference: Directory | None = None,
        instance: str | None = None,
    ) -> None:
        self.engine = engine
        self.max_bytes = max_bytes
        self.reference = reference or default_directory()
        self.instance = instance or instance_name()
        self._directory: Directory | None = None
        # told of each report newly read (inbox, upload, resume; not reextract), from any thread:
        # the bot announces new results to the chats following them
        self.listeners: list[Callable[[Outcome], None]] = []

    # -- set-up ---------------------------------------------------------------------------------------
    def seed(self) -> None:
        """Add the reference teams the store lacks. Instances starting together seed at the same moment:
        the one that loses the race on a unique name looks again and finds the other's rows."""
        for attempt in range(5):
            try:
                with session_scope(self.engine) as session:
                    seed_teams(session, self.reference)
                break
            except IntegrityError:
                if attempt == 4:
                    raise
                log.info("reference teams seeded concurrently by another instance; looking again")
        self._directory = None

    def directory(self) -> Directory:
        """The extractor's team directory: reference data plus what the store learned."""
        if self._directory is None:
            with Session(self.engine) as session:
                self._directory = directory_from_db(session, self.reference)
        return self._directory

    def forget_directory(self) -> None:
        """Admins added an alias: read the directory again before the next extraction."""
        self._directory = None

    # -- one report ----------------------------------------------------------------------------------
    def ingest_bytes(self, data: bytes, *, filename: str, source_kind: str = "cli", source: str = "") -> Outcome:
        """Store and extract one file's bytes."""
        try:
            check_name(filename)
        except UnreadableReport as exc:
            return Outcome(filename, "refused", str(exc))
        if len(data) > self.max_bytes:
            return Outcome(
                filename,
                "refused",
                f"file too large ({len(data) / 1048576:.1f} MB; the limit is {self.max_bytes / 1048576:.1f} MB)",
            )
        try:
            text: str | None = report_text(data, filename=filename, max_bytes=self.max_bytes)
            problem = None
        except UnreadableReport as exc:
            text, problem = None, str(exc)
        bytes_key = hashlib.sha256(data).hexdigest()
        report_key = content_key(text) if text is not None else bytes_key
        report_id, status = self._store(data, text, problem, filename, source_kind, source, report_key, bytes_key)
        if status in ("extracted", "no_facts"):
            return Outcome(filename, "duplicate", "already ingested", report_id)
        if problem is not None:
            return Outcome(filename, "failed", problem, report_id)
        return self._tell(self.extract_report(report_id, name=filename))

    def _tell(self, outcome: Outcome) -> Outcome:
        for listener in self.listeners:
            try:
                listener(outcome)
            except Exception:  # a listener's bug must not fail the ingestion it is told about
                log.exception("ingest listener failed for %s", outcome.name)
        return outcome

    def _store(
        self,
        data: bytes,
        text: str | None,
        problem: str | None,
        filename: str,
        source_kind: str,
        source: str,
        report_key: str,
        bytes_key: str,
    ) -> tuple[int, str]:
        """Commit the raw report before anything else; (id, status) of the stored or existing row."""
        with session_scope(self.engine) as session:
            existing = session.exec(select(Report).where(Report.sha256 == report_key)).first()
            if existing is not None:
                return existing.id, existing.status  # type: ignore[return-value]
        try:
            with session_scope(self.engine) as session:
                report = Report(
                    sha256=report_key,
                    bytes_sha256=bytes_key,
                    filename=filename[:255],
                    source_kind=source_kind,
                    source=source[:255],
                    raw=data,
                    text=text,
                    status="failed" if problem else "pending",
                    error=problem,
                )
                session.add(report)
                session.flush()
                return report.id, report.status  # type: ignore[return-value]
        except IntegrityError:  # another instance stored the same report a moment ago
            with session_scope(self.engine) as session:
                existing = session.exec(select(Report).where(Report.sha256 == report_key)).one()
                return existing.id, existing.status  # type: ignore[return-value]

    def extract_report(self, report_id: int, *, name: str | None = None) -> Outcome:
        """Run the extractor on a stored report and merge its facts, unless another instance is on it."""
        if not self._claim(report_id):
            return Outcome(name or str(report_id), "duplicate", "being ingested by another instance", report_id)
        with Session(self.engine) as session:
            report = session.get(Report, report_id)
            text, label = (report.text or "", name or report.filename) if report else ("", name or "")
        try:
            facts = extract(text, directory=self.directory())
        except Exception as exc:  # the report is kept; the reason is recorded for reextract to retry
            log.exception("extraction failed for report %s", report_id)
            self._finish(report_id, "failed", error=f"{type(exc).__name__}: {exc}")
            return Outcome(label, "failed", f"extraction failed: {type(exc).__name__}: {exc}", report_id)
        if facts.empty:
            self._finish(report_id, "no_facts", lang=facts.lang, published=facts.published, title=facts.title)
            return Outcome(label, "no_facts", "no match, result or table in it", report_id)
        with session_scope(self.engine) as session:
            merged: MergeResult = merge_report(session, report_id, facts)
            self._finish(
                report_id, "extracted", session=session, lang=facts.lang, published=facts.published, title=facts.title
            )
            match_ids = list(session.exec(select(MatchSource.match_id).where(MatchSource.report_id == report_id)))
        if merged.new_teams:  # later reports should recognise the teams this one introduced
            self._directory = None
        return Outcome(
            label,
            "ingested",
            None,
            report_id,
            merged.summaries,
            merged.matches_added,
            merged.goals_added,
            merged.conflicts,
            match_ids,
        )

    def _claim(self, report_id: int) -> bool:
        """Take a pending/failed report for this instance; False if a live instance holds it.

        A holder is gone when its claim is older than ``STALE_CLAIM`` or, on this host, when its
        process no longer exists (a SIGKILLed ingest must not block the next run).
        """
        now = utcnow()
        with session_scope(self.engine) as session:
            report = session.get(Report, report_id)
            if report is None or report.status not in ("pending", "failed"):
                return False
            holder, since = report.claimed_by, report.claimed_at
            if holder and holder != self.instance and not _gone(holder, since, now):
                return False
            taken = session.exec(
                update(Report)
                .where(
                    col(Report.id) == report_id,
                    col(Report.status).in_(("pending", "failed")),
                    col(Report.claimed_by).is_(None) if holder is None else col(Report.claimed_by) == holder,
                )
                .values(claimed_by=self.instance, claimed_at=now)
            )  # type: ignore[call-overload]
            return taken.rowcount == 1

    def _finish(
        self, report_id: int, status: str, *, session: Session | None = None, error: str | None = None, **fields
    ) -> None:
        def apply(s: Session) -> None:
            report = s.get(Report, report_id)
            if report is None:
                return
            report.status, report.error = status, error
            report.extractor_version, report.extracted_at = EXTRACTOR_VERSION, utcnow()
            report.claimed_by = report.claimed_at = None
            for name, value in fields.items():
                setattr(report, name, value)
            s.add(report)

        if session is not None:
            apply(session)
        else:
            with session_scope(self.engine) as own:
                apply(own)

    # -- many reports ---------------------------------------------------------------------------------
    def ingest_path(self, path: Path, *, source_kind: str = "cli") -> Outcome:
        try:
            if path.stat().st_size > self.max_bytes:
                return Outcome(
                    path.name,
                    "refused",
                    f"file too large ({path.stat().st_size / 1048576:.1f} MB; "
                    f"the limit is {self.max_bytes / 1048576:.1f} MB)",
                )
            data = path.read_bytes()
        except OSError as exc:
            return Outcome(path.name, "failed", f"cannot read the file: {exc.strerror or exc}")
        return self.ingest_bytes(data, filename=path.name, source_kind=source_kind, source=str(path))

    def ingest_paths(
        self, paths: Iterable[Path], *, source_kind: str = "cli", progress: Callable[[Outcome], None] | None = None
    ) -> Summary:
        summary = Summary()
        for path in paths:
            outcome = self.ingest_path(path, source_kind=source_kind)
            summary.outcomes.append(outcome)
            if progress:
                progress(outcome)
        return summary

    def resume(self) -> Summary:
        """Finish reports a crash left pending (their raw text is stored, their facts are not)."""
        with Session(self.engine) as session:
            pending = list(session.exec(select(Report.id).where(Report.status == "pending").order_by(Report.id)))
        summary = Summary()
        for report_id in pending:
            summary.outcomes.append(self._tell(self.extract_report(report_id)))  # type: ignore[arg-type]
        return summary

    def reextract(self, progress: Callable[[Outcome], None] | None = None) -> Summary:
        """Rebuild every fact from the stored reports with the current extractor."""
        with session_scope(self.engine) as session:
            for table in (
                ScorerStat,
                Claim,
                EventSource,
                MatchEvent,
                GoalSource,
                Goal,
                MatchSource,
                Match,
                PlayerAlias,
                Player,
            ):
                session.exec(delete(table))  # type: ignore[call-overload]
            report_teams = select(Team.id).where(Team.origin == "report")
            session.exec(delete(TeamAlias).where(col(TeamAlias.team_id).in_(report_teams)))  # type: ignore[call-overload]
            session.exec(delete(Team).where(col(Team.origin) == "report"))  # type: ignore[call-overload]
            session.exec(
                update(Report)
                .where(col(Report.text).is_not(None))  # type: ignore[call-overload]
                .values(status="pending", error=None, claimed_by=None, claimed_at=None)
            )
        self._directory = None
        summary = Summary()
        with Session(self.engine) as session:
            ids = list(session.exec(select(Report.id).where(Report.status == "pending").order_by(Report.id)))
        for report_id in ids:
            outcome = self.extract_report(report_id)  # type: ignore[arg-type]
            summary.outcomes.append(outcome)
            if progress:
                progress(outcome)
        with session_scope(self.engine) as session:
            refresh_scorer_stats(session)
        return summary

    # -- from async code -----------------------------------------------------------------------------
    async def ingest_bytes_async(self, data: bytes, **kwargs) -> Outcome:
        """:meth:`ingest_bytes` in a worker thread, so the bot keeps answering meanwhile."""
        return await asyncio.to_thread(self.ingest_bytes, data, **kwargs)


def count_rows(engine: Engine) -> dict[str, int]:
    """Rows per fact table (for summaries and tests)."""
    from sqlmodel import func

    with Session(engine) as session:
        return {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()  # type: ignore[arg-type]
            for model in (Report, Match, MatchSource, Goal, GoalSource, MatchEvent, Claim, Player, Team)
        }
