"""All tables of the event store.

Facts (matches, goals, events, claims) are what the reports state; each links back to the
report(s) that state it. Reports are kept verbatim so that a better extractor can always be run
again over them. Aggregates (``ScorerStat``) are derived and rebuilt from the facts.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import BigInteger, Column, Index, LargeBinary, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Report(SQLModel, table=True):
    """A report as received. ``raw`` is the file's bytes, ``text`` what the extractor reads."""

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(max_length=64, unique=True)  # of the normalised text, or of the bytes when undecodable
    bytes_sha256: str = Field(max_length=64, index=True)
    filename: str = Field(default="", max_length=255)
    source_kind: str = Field(default="cli", max_length=16)  # upload | inbox | cli
    source: str = Field(default="", max_length=255)  # Telegram user id, inbox path, CLI path
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    lang: str | None = Field(default=None, max_length=8)
    published: date | None = None
    title: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    status: str = Field(default="pending", max_length=16, index=True)  # pending | extracted | no_facts | failed
    error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    extractor_version: str | None = Field(default=None, max_length=16)
    claimed_by: str | None = Field(default=None, max_length=64)  # the instance extracting it right now
    claimed_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow, index=True)
    extracted_at: datetime | None = None


class Team(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    country: str | None = Field(default=None, max_length=80)
    kind: str = Field(default="club", max_length=16)  # club | national
    origin: str = Field(default="seed", max_length=16)  # seed | report | admin


class TeamAlias(SQLModel, table=True):
    """Every name a team goes by; ``key`` is the folded form (see ``store.normalize.key``)."""

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    alias: str = Field(max_length=160)
    key: str = Field(max_length=160, index=True)
    kind: str = Field(default="alias", max_length=16)  # alias | nickname
    lang: str | None = Field(default=None, max_length=8)
    origin: str = Field(default="seed", max_length=16)

    __table_args__ = (UniqueConstraint("key", "team_id", "kind"),)


class Player(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=160)  # the fullest form seen
    key: str = Field(max_length=160, index=True)
    surname: str = Field(max_length=80, index=True)  # folded last word, to find "Lautaro Martinez" from "Martinez"
    team_id: int | None = Field(default=None, foreign_key="team.id", index=True)  # the team last seen with


class PlayerAlias(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    player_id: int = Field(foreign_key="player.id", index=True)
    alias: str = Field(max_length=160)
    key: str = Field(max_length=160, index=True)


class Match(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    home_id: int = Field(foreign_key="team.id")
    away_id: int = Field(foreign_key="team.id")
    order_known: bool = False  # False: the reports give no home side; home/away are in stated order
    played_on: date | None = None
    competition: str | None = Field(default=None, max_length=120)
    season: str | None = Field(default=None, max_length=16)
    round: str | None = Field(default=None, max_length=40)
    venue: str | None = Field(default=None, max_length=160)
    home_goals: int | None = None  # the agreed final score; None when unknown or disputed
    away_goals: int | None = None
    score_status: str = Field(default="unknown", max_length=16)  # stated | computed | unknown | conflict
    extra_time: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    created_at: datetime = Field(default_factory=utcnow)

    __table_args__ = (
        Index("ix_match_home_date", "home_id", "played_on"),
        Index("ix_match_away_date", "away_id", "played_on"),
        Index("ix_match_pair", "home_id", "away_id"),
        Index("ix_match_competition_season", "competition", "season"),
        Index("ix_match_date", "played_on"),
    )


class MatchSource(SQLModel, table=True):
    """A report stating a match, with the score it gives (None: no final score)."""

    id: int | None = Field(default=None, primary_key=True)
    match_id: int = Field(foreign_key="match.id", index=True)
    report_id: int = Field(foreign_key="report.id", index=True)
    home_goals: int | None = None
    away_goals: int | None = None
    basis: str | None = Field(default=None, max_length=16)  # stated | computed
    main: bool = False
    evidence: str | None = Field(default=None, sa_column=Column(Text, nullable=True))

    __table_args__ = (UniqueConstraint("match_id", "report_id"),)


class Goal(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    match_id: int = Field(foreign_key="match.id", index=True)
    player_id: int = Field(foreign_key="player.id", index=True)
    team_id: int | None = Field(default=None, foreign_key="team.id", index=True)  # own goal: the side that benefits
    minute: int | None = None
    added: int | None = None
    penalty: bool = False
    own_goal: bool = False
    doubtful: bool = False  # kept, but the reports do not settle it


class GoalSource(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", index=True)
    report_id: int = Field(foreign_key="report.id", index=True)

    __table_args__ = (UniqueConstraint("goal_id", "report_id"),)


class MatchEvent(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    match_id: int = Field(foreign_key="match.id", index=True)
    kind: str = Field(max_length=24)  # penalty_saved | penalty_missed | red_card
    player_id: int = Field(foreign_key="player.id", index=True)
    team_id: int | None = Field(default=None, foreign_key="team.id")
    keeper_id: int | None = Field(default=None, foreign_key="player.id")
    minute: int | None = None
    added: int | None = None
    second_yellow: bool = False


class EventSource(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="matchevent.id", index=True)
    report_id: int = Field(foreign_key="report.id", index=True)

    __table_args__ = (UniqueConstraint("event_id", "report_id"),)


class Claim(SQLModel, table=True):
    """A stated standing ("Inter top with 28 points") or tally ("his 12th goal in 11 games")."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=16)  # standing | tally
    report_id: int = Field(foreign_key="report.id", index=True)
    team_id: int | None = Field(default=None, foreign_key="team.id", index=True)
    player_id: int | None = Field(default=None, foreign_key="player.id", index=True)
    competition: str | None = Field(default=None, max_length=120)
    season: str | None = Field(default=None, max_length=16)
    position: int | None = None
    points: int | None = None
    goals: int | None = None
    games: int | None = None
    scope: str | None = Field(default=None, max_length=16)
    as_of: date | None = None
    evidence: str | None = Field(default=None, sa_column=Column(Text, nullable=True))

    __table_args__ = (Index("ix_claim_competition", "kind", "competition", "season"),)


class ScorerStat(SQLModel, table=True):
    """Goals per player, derived from ``Goal``: one row per (team or all, competition/season or all).

    NULL in team_id / competition / season means "all", so top-scorer questions are one indexed read
    instead of a GROUP BY over every goal. Rebuilt for a player whenever their goals change.
    """

    id: int | None = Field(default=None, primary_key=True)
    player_id: int = Field(foreign_key="player.id", index=True)
    team_id: int | None = Field(default=None, foreign_key="team.id")
    competition: str | None = Field(default=None, max_length=120)
    season: str | None = Field(default=None, max_length=16)
    goals: int = 0
    penalties: int = 0

    __table_args__ = (Index("ix_scorerstat_scope", "competition", "season", "team_id", "goals"),)


class ChatSetting(SQLModel, table=True):
    """Per-chat preferences: reply language, time zone for dates, and whether announcements ring."""

    chat_id: int = Field(primary_key=True, sa_type=BigInteger)
    lang: str | None = Field(default=None, max_length=8)
    timezone: str | None = Field(default=None, max_length=64)
    notify_sound: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class Follow(SQLModel, table=True):
    """A chat following a team or a competition: new results of it are announced there.

    The team is kept by its canonical name, not its id: ``reextract`` renumbers the teams that
    reports introduced (and a foreign key would block it), while a team's name never changes.
    """

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=BigInteger, index=True)
    kind: str = Field(max_length=16)  # team | competition
    name: str = Field(max_length=160)  # Team.name or Match.competition
    lang: str | None = Field(default=None, max_length=8)  # of the /follow: announcements' language without /lang
    created_at: datetime = Field(default_factory=utcnow)

    __table_args__ = (UniqueConstraint("chat_id", "kind", "name"),)


class Notification(SQLModel, table=True):
    """A result announced to a chat, inserted *before* the message is sent.

    The unique (chat, match) pair is what makes announcing safe with several instances and after a
    restart: whoever inserts the row sends the message, a second insert fails. The score announced
    is kept (by team) so that a later change can be announced once as a correction. No foreign key
    to ``match``: ``reextract`` deletes and renumbers matches, and what was said stays said.
    """

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=BigInteger)
    match_id: int = Field(index=True)
    home_id: int
    away_id: int
    home_goals: int | None = None
    away_goals: int | None = None
    corrected: bool = False  # a correction was announced: never another one
    created_at: datetime = Field(default_factory=utcnow)

    __table_args__ = (UniqueConstraint("chat_id", "match_id"),)
