"""Who follows what, and which new results to announce to whom -- each one once only.

A batch of newly read reports states some matches (``Outcome.match_ids``). :func:`batch_results`
reads them, :func:`plan` decides without the database which chat gets which result, and
:func:`claim` records an announcement *before* it is sent: the unique (chat, match) row is what
keeps a restarted bot, or a second instance sharing the PostgreSQL, from sending it again.

A result is news for a batch when the batch holds the first report that gave its score: a later
report restating an old match announces nothing, and neither does ``reextract`` (it renumbers
matches but tells no listener). A score that differs from the one announced -- another score, or
reports now disagreeing -- is announced once more, as a correction, and never again after that.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select

from store.models import Follow, Match, MatchSource, Notification, Team
from store.normalize import key

KINDS = ("team", "competition")


@dataclass(frozen=True, slots=True)
class Target:
    """What a chat can follow: a team (by its canonical name) or a competition."""

    kind: str  # team | competition
    name: str


@dataclass(frozen=True, slots=True)
class BatchResult:
    """A match a batch of reports stated, as announcing needs it."""

    match_id: int
    home_id: int
    away_id: int
    home: str
    away: str
    competition: str | None
    home_goals: int | None
    away_goals: int | None
    disputed: bool  # the reports disagree on the score
    first_told: bool  # the batch holds the first report that gave a score for it

    @property
    def scored(self) -> bool:
        return self.home_goals is not None and self.away_goals is not None

    def goals_by_team(self) -> dict[int, int | None]:
        """Goals keyed by team, so that learning which side was at home is not a new score."""
        return {self.home_id: self.home_goals, self.away_id: self.away_goals}


@dataclass(frozen=True, slots=True)
class Announced:
    """What a chat was told about a match."""

    home_id: int
    away_id: int
    home_goals: int | None
    away_goals: int | None
    corrected: bool

    def same_match(self, result: BatchResult) -> bool:
        """False when the match id was reused for other teams (SQLite reuses ids after reextract)."""
        return {self.home_id, self.away_id} == {result.home_id, result.away_id}

    def outdated_by(self, result: BatchResult) -> bool:
        """The result now says something else than what was announced."""
        if result.disputed:
            return self.home_goals is not None
        told = {self.home_id: self.home_goals, self.away_id: self.away_goals}
        return result.scored and result.goals_by_team() != told


@dataclass(frozen=True, slots=True)
class Announcement:
    chat_id: int
    result: BatchResult
    correction: bool = False


# -- following ---------------------------------------------------------------------------------------
def follow(session: Session, *, chat_id: int, target: Target, lang: str | None = None) -> bool:
    """Start following ``target`` (committed); False when the chat already did.

    ``lang`` is the language the chat was answered in: announcements use it unless /lang says otherwise.
    """
    if _find(session, chat_id, target) is not None:
        return False
    session.add(Follow(chat_id=chat_id, kind=target.kind, name=target.name, lang=lang))
    try:
        session.commit()
    except IntegrityError:  # the same /follow twice at once
        session.rollback()
        return False
    return True


def unfollow(session: Session, *, chat_id: int, target: Target) -> bool:
    """Stop following ``target`` (committed); False when the chat did not follow it."""
    row = _find(session, chat_id, target)
    if row is None:
        return False
    session.delete(row)
    session.commit()
    return True


def unfollow_id(session: Session, *, chat_id: int, follow_id: int) -> Target | None:
    """Stop following by the row id a button carries; None when it is not this chat's (any more)."""
    row = session.get(Follow, follow_id)
    if row is None or row.chat_id != chat_id:
        return None
    session.delete(row)
    session.commit()
    return Target(row.kind, row.name)


def following(session: Session, *, chat_id: int) -> list[Follow]:
    """The chat's follows: teams first, then competitions, by name."""
    rows = session.exec(select(Follow).where(Follow.chat_id == chat_id)).all()
    return sorted(rows, key=lambda f: (KINDS.index(f.kind) if f.kind in KINDS else 9, key(f.name)))


def forget_chat(session: Session, *, chat_id: int) -> int:
    """The bot was removed from the chat: drop its follows (committed); how many there were."""
    gone = session.exec(delete(Follow).where(col(Follow.chat_id) == chat_id))  # type: ignore[call-overload]
    session.commit()
    return gone.rowcount or 0


def popular_teams(session: Session, *, limit: int = 8) -> list[tuple[int, str]]:
    """(id, name) of the teams with the most stored matches: what a chat will most likely follow."""
    counts: dict[int, int] = {}
    for home, away in session.exec(select(Match.home_id, Match.away_id)):
        counts[home] = counts.get(home, 0) + 1
        counts[away] = counts.get(away, 0) + 1
    best = sorted(counts, key=lambda t: -counts[t])[:limit]
    names = {t.id: t.name for t in session.exec(select(Team).where(col(Team.id).in_(best)))}
    return [(t, names[t]) for t in best if t in names]


def _find(session: Session, chat_id: int, target: Target) -> Follow | None:
    return session.exec(
        select(Follow).where(Follow.chat_id == chat_id, Follow.kind == target.kind, Follow.name == target.name)
    ).first()


# -- deciding what to announce (pure) ---------------------------------------------------------------
def follows_result(follow_row: Follow, result: BatchResult) -> bool:
    """A team follow matches either side; a competition follow the match's competition."""
    if follow_row.kind == "team":
        return follow_row.name in (result.home, result.away)
    return follow_row.kind == "competition" and follow_row.name == result.competition


def plan(
    results: Iterable[BatchResult],
    follows: Iterable[Follow],
    announced: Mapping[tuple[int, int], Announced],
) -> dict[int, list[Announcement]]:
    """Per chat, the results of a batch to announce: news it was not told, or a first correction.

    A chat following both teams and the competition of a match still gets it once.
    """
    follows = list(follows)
    by_chat: dict[int, list[Announcement]] = {}
    for result in results:
        chats = sorted({f.chat_id for f in follows if follows_result(f, result)})
        for chat_id in chats:
            said = announced.get((chat_id, result.match_id))
            if said is not None and said.same_match(result):
                if said.corrected or not said.outdated_by(result):
                    continue
                announcement = Announcement(chat_id, result, correction=True)
            elif result.first_told and result.scored:
                announcement = Announcement(chat_id, result)
            else:
                continue
            by_chat.setdefault(chat_id, []).append(announcement)
    return by_chat


# -- the store side of announcing ----------------------------------------------------------------------
def batch_results(session: Session, *, match_ids: Collection[int], report_ids: Collection[int]) -> list[BatchResult]:
    """The matches a batch stated, with whether the batch brought their first score."""
    if not match_ids:
        return []
    matches = list(session.exec(select(Match).where(col(Match.id).in_(set(match_ids))).order_by(col(Match.id))))
    teams = {m.home_id for m in matches} | {m.away_id for m in matches}
    names = {t.id: t.name for t in session.exec(select(Team).where(col(Team.id).in_(teams)))}
    first_scored = dict(
        session.exec(
            select(MatchSource.match_id, func.min(MatchSource.report_id))
            .where(col(MatchSource.match_id).in_(set(match_ids)), col(MatchSource.home_goals).is_not(None))
            .group_by(MatchSource.match_id)
        ).all()
    )
    reports = set(report_ids)
    return [
        BatchResult(
            match_id=m.id,  # type: ignore[arg-type]
            home_id=m.home_id,
            away_id=m.away_id,
            home=names.get(m.home_id, "?"),
            away=names.get(m.away_id, "?"),
            competition=m.competition,
            home_goals=m.home_goals,
            away_goals=m.away_goals,
            disputed=m.score_status == "conflict",
            first_told=first_scored.get(m.id) in reports,
        )
        for m in matches
    ]


def followers(session: Session, *, results: Iterable[BatchResult]) -> list[Follow]:
    """The follows that may concern these results (one read, whatever the number of chats)."""
    results = list(results)
    teams = {r.home for r in results} | {r.away for r in results}
    competitions = {r.competition for r in results if r.competition}
    if not results:
        return []
    return list(
        session.exec(
            select(Follow).where(
                or_(
                    (col(Follow.kind) == "team") & col(Follow.name).in_(teams),
                    (col(Follow.kind) == "competition") & col(Follow.name).in_(competitions),
                )
            )
        )
    )


def announced(
    session: Session, *, chat_ids: Collection[int], match_ids: Collection[int]
) -> dict[tuple[int, int], Announced]:
    """What these chats were already told about these matches."""
    if not chat_ids or not match_ids:
        return {}
    rows = session.exec(
        select(Notification).where(
            col(Notification.chat_id).in_(set(chat_ids)), col(Notification.match_id).in_(set(match_ids))
        )
    ).all()
    return {
        (n.chat_id, n.match_id): Announced(n.home_id, n.away_id, n.home_goals, n.away_goals, n.corrected) for n in rows
    }


def pending(
    session: Session, *, match_ids: Collection[int], report_ids: Collection[int]
) -> dict[int, list[Announcement]]:
    """Per chat, what a batch (the matches and reports of its outcomes) should announce."""
    results = batch_results(session, match_ids=match_ids, report_ids=report_ids)
    rows = followers(session, results=results)
    said = announced(session, chat_ids={f.chat_id for f in rows}, match_ids=[r.match_id for r in results])
    return plan(results, rows, said)


def claim(session: Session, announcement: Announcement) -> bool:
    """Record the announcement before sending it (committed); False when someone already did.

    News: insert the (chat, match) row -- a second instance's insert fails on the unique
    constraint. A row left by another match under the same (reused) id is taken over by an update
    that only one instance can win. Correction: flip ``corrected`` with a conditional update.
    """
    result, chat_id = announcement.result, announcement.chat_id
    said = {
        "home_id": result.home_id,
        "away_id": result.away_id,
        "home_goals": result.home_goals,
        "away_goals": result.away_goals,
    }
    this_row = (col(Notification.chat_id) == chat_id) & (col(Notification.match_id) == result.match_id)
    if announcement.correction:
        return _update(session, this_row & col(Notification.corrected).is_(False), {**said, "corrected": True})
    session.add(Notification(chat_id=chat_id, match_id=result.match_id, **said))
    try:
        session.commit()
        return True
    except IntegrityError:
        session.rollback()
    other_teams = ~(
        ((col(Notification.home_id) == result.home_id) & (col(Notification.away_id) == result.away_id))
        | ((col(Notification.home_id) == result.away_id) & (col(Notification.away_id) == result.home_id))
    )
    return _update(session, this_row & other_teams, {**said, "corrected": False})


def _update(session: Session, where, values: dict) -> bool:
    changed = session.exec(update(Notification).where(where).values(**values))  # type: ignore[call-overload]
    session.commit()
    return changed.rowcount == 1
