"""What extraction returns: plain dataclasses, no database types.

``store.ingest`` maps these onto tables; the CLI prints them as JSON. Indices (``match`` on a goal
or event) point into :attr:`ExtractedReport.matches`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

EventKind = Literal["penalty_saved", "penalty_missed", "red_card"]


@dataclass(slots=True)
class MatchFact:
    home: str
    away: str
    home_goals: int | None = None  # None: the report does not fix the final score
    away_goals: int | None = None
    date: date | None = None
    competition: str | None = None
    season: str | None = None  # "2023-24"
    round: str | None = None  # "11", "quarter-final", ...
    venue: str | None = None
    main: bool = False
    order_known: bool = False  # False: the report gives the score but not who was at home
    score_basis: Literal["stated", "computed"] | None = None
    extra_time: bool = False
    shootout_winner: str | None = None
    doubts: list[str] = field(default_factory=list)
    evidence: str = ""

    @property
    def scored(self) -> bool:
        return self.home_goals is not None and self.away_goals is not None


@dataclass(slots=True)
class GoalFact:
    match: int
    player: str
    team: str | None
    minute: int | None = None
    added: int | None = None  # stoppage minutes: 2 for "90+2"
    penalty: bool = False
    own_goal: bool = False  # team is then the side that benefits
    doubtful: bool = False  # kept, but the report does not settle it (e.g. more goals than the score)
    evidence: str = ""


@dataclass(slots=True)
class EventFact:
    match: int
    kind: EventKind
    player: str
    team: str | None
    minute: int | None = None
    added: int | None = None
    keeper: str | None = None  # who saved a penalty
    second_yellow: bool = False
    evidence: str = ""


@dataclass(slots=True)
class StandingClaim:
    team: str
    position: int | None
    points: int | None
    competition: str | None
    season: str | None = None
    as_of: date | None = None
    evidence: str = ""


@dataclass(slots=True)
class TallyClaim:
    player: str
    goals: int
    games: int | None = None
    team: str | None = None
    competition: str | None = None  # None with scope "all" means all competitions
    scope: Literal["season", "competition", "all", "career"] = "season"
    season: str | None = None
    as_of: date | None = None
    evidence: str = ""


@dataclass(slots=True)
class ExtractedReport:
    lang: str
    published: date | None
    title: str | None = None
    matches: list[MatchFact] = field(default_factory=list)
    goals: list[GoalFact] = field(default_factory=list)
    doubtful_goals: list[GoalFact] = field(default_factory=list)  # named, but the report does not settle them
    events: list[EventFact] = field(default_factory=list)
    standings: list[StandingClaim] = field(default_factory=list)
    tallies: list[TallyClaim] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.matches or self.standings or self.tallies)

    def to_json(self) -> dict[str, Any]:
        """JSON-ready dict in the shape of the gold files (dates as ISO strings)."""

        def plain(value: Any) -> Any:
            if isinstance(value, date):
                return value.isoformat()
            if isinstance(value, list):
                return [plain(v) for v in value]
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            return value

        return {
            "lang": self.lang,
            "published": plain(self.published),
            "title": self.title,
            "matches": [plain(asdict(m)) for m in self.matches],
            "goals": [plain(asdict(g)) for g in self.goals],
            "doubtful_goals": [plain(asdict(g)) for g in self.doubtful_goals],
            "events": [plain(asdict(e)) for e in self.events],
            "standings": [plain(asdict(s)) for s in self.standings],
            "tallies": [plain(asdict(t)) for t in self.tallies],
        }
