"""The newest results across all teams: what inline mode offers before anything is typed.

Kept apart from ``store.queries`` (another engineer's module) until it moves there; it only reads.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from store import queries
from store.models import Match


def latest_results(session: Session, *, limit: int = 5) -> list[queries.MatchView]:
    """The newest matches with a score, by date (undated ones are left out: "latest" needs a date)."""
    ids = session.exec(
        select(Match.id)
        .where(col(Match.played_on).is_not(None), col(Match.home_goals).is_not(None))
        .order_by(col(Match.played_on).desc(), col(Match.id).desc())
        .limit(limit)
    ).all()
    views = (queries.match_details(session, match_id=match_id) for match_id in ids if match_id is not None)
    return [view for view in views if view is not None]
