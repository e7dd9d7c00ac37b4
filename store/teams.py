"""Reference data about teams and competitions, and resolving names against it.

The data (``seeds/teams.toml``, ``seeds/competitions.toml``) improves names; it is never a
whitelist: a name it does not know resolves to ``None`` and callers keep the report's own name.
Aliases are unambiguous names of one team; nicknames ("Blues", "Magpies") may belong to several
teams and are only used to choose between the teams of one match.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from store.normalize import key, nfc

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
FUZZY_CUTOFF = 88  # rapidfuzz ratio (0-100) below which a typo is not trusted to name a team
# Squad words that make a different team: "Chelsea" is not "Chelsea Women" nor "Vietnam U23".
_SQUAD = re.compile(
    r"^(?:(?P<pre>u[ -]?\d{2}|nu|women|womens)\s+)?(?P<base>.+?)"
    r"(?:\s+(?P<post>women|womens|ladies|fc women|u[ -]?\d{2}|nu|ii|b|reserves|youth))?$"
)


@dataclass(slots=True)
class Team:
    name: str
    country: str | None = None
    kind: str = "club"
    competitions: list[str] = field(default_factory=list)
    grounds: list[str] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    nicknames: dict[str, list[str]] = field(default_factory=dict)

    def all_aliases(self) -> list[str]:
        return [self.name, *(a for names in self.aliases.values() for a in names)]

    def all_nicknames(self) -> list[str]:
        return [n for names in self.nicknames.values() for n in names]


@dataclass(slots=True)
class Competition:
    name: str
    country: str | None = None
    kind: str = "league"
    teams: int | None = None
    aliases: dict[str, list[str]] = field(default_factory=dict)

    def all_aliases(self) -> list[str]:
        return [self.name, *(a for names in self.aliases.values() for a in names)]


def squad_of(name_key: str) -> tuple[str, str | None]:
    """Split a name key into (club part, squad qualifier): 'chelsea women' -> ('chelsea', 'Women')."""
    found = _SQUAD.match(name_key)
    if not found:
        return name_key, None
    word = found.group("pre") or found.group("post")
    if not word:
        return found.group("base"), None
    word = word.replace(" ", "").replace("-", "")
    label = {
        "nu": "Women",
        "women": "Women",
        "womens": "Women",
        "ladies": "Women",
        "fcwomen": "Women",
        "ii": "II",
        "b": "B",
        "reserves": "Reserves",
        "youth": "Youth",
    }.get(word, word.upper())
    return found.group("base"), label


class Directory:
    """Teams and competitions by every name they go by, folded (see :func:`store.normalize.key`)."""

    def __init__(
        self, teams: Iterable[Team], competitions: Iterable[Competition] = (), needs_context: Iterable[str] = ()
    ) -> None:
        self.teams: dict[str, Team] = {}
        self.competitions: dict[str, Competition] = {}
        self.alias: dict[str, str] = {}  # key -> canonical team name
        self.nickname: dict[str, set[str]] = defaultdict(set)  # key -> canonical names
        self.ground: dict[str, set[str]] = defaultdict(set)  # key -> canonical names
        self.competition_alias: dict[str, str] = {}
        self.needs_context: dict[str, set[str]] = defaultdict(set)  # key -> exact spellings
        for name in needs_context:
            self.needs_context[key(name)].add(nfc(name))
        self.starts: dict[str, int] = {}  # first word of any known name -> most words such a name has
        for team in teams:
            self.add_team(team)
        for comp in competitions:
            self.competitions[comp.name] = comp
            for alias in comp.all_aliases():
                self.competition_alias.setdefault(key(alias), comp.name)
                self._index(key(alias))
        self._choices: list[str] | None = None

    def _index(self, name_key: str) -> None:
        words = name_key.split()
        if words:
            self.starts[words[0]] = max(self.starts.get(words[0], 0), len(words))

    def add_team(self, team: Team) -> None:
        self.teams[team.name] = team
        for alias in team.all_aliases():
            self.alias.setdefault(key(alias), team.name)
            self._index(key(alias))
        for nick in team.all_nicknames():
            self.nickname[key(nick)].add(team.name)
            self._index(key(nick))
        for ground in team.grounds:
            self.ground[key(ground)].add(team.name)
            self._index(key(ground))
        self._choices = None

    def add_alias(self, team: str, alias: str) -> None:
        """Admins may teach new aliases at run time; the first owner of an alias keeps it."""
        self.alias.setdefault(key(alias), team)
        self._index(key(alias))
        self._choices = None

    # -- resolution -------------------------------------------------------------------------
    def canonical(self, name: str, *, fuzzy: bool = True) -> str | None:
        """The canonical name for ``name``, keeping a squad qualifier; None when unknown."""
        name_key = key(name)
        if not name_key:
            return None
        if name_key in self.alias:
            return self.alias[name_key]
        base, squad = squad_of(name_key)
        if squad and base in self.alias:
            return f"{self.alias[base]} {squad}"
        if fuzzy and len(name_key) >= 5:
            hit = self.fuzzy(name_key)
            if hit:
                return hit if not squad else f"{hit} {squad}"
        return None

    def fuzzy(self, name_key: str, *, cutoff: float = FUZZY_CUTOFF) -> str | None:
        """Best alias within ``cutoff`` (a typo such as 'Dotmund'), or None; ties are refused."""
        if self._choices is None:
            self._choices = list(self.alias)
        hits = process.extract(name_key, self._choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=3)
        if not hits:
            return None
        best = hits[0]
        rivals = {self.alias[h[0]] for h in hits if h[1] >= best[1] - 2}
        # the first letters must agree: "Thanh Hoa" is not "Khanh Hoa"
        if len(rivals) > 1 or best[0][:1] != name_key[:1]:
            return None
        return self.alias[best[0]]

    def candidates(self, name: str, *, limit: int = 5, cutoff: float = 70) -> list[tuple[str, float]]:
        """Teams whose names resemble ``name``, best first (for "did you mean ...?")."""
        if self._choices is None:
            self._choices = list(self.alias)
        scores: dict[str, float] = {}
        for alias, score, _ in process.extract(
            key(name), self._choices, scorer=fuzz.WRatio, processor=None, score_cutoff=cutoff, limit=limit * 4
        ):
            team = self.alias[alias]
            scores[team] = max(scores.get(team, 0.0), score)
        return sorted(scores.items(), key=lambda item: -item[1])[:limit]

    def competition(self, name: str) -> str | None:
        return self.competition_alias.get(key(name))

    def league_size(self, competition: str | None) -> int | None:
        comp = self.competitions.get(competition or "")
        return comp.teams if comp else None


def _load_toml(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def load_directory(seeds_dir: Path = SEEDS_DIR) -> Directory:
    teams_data = _load_toml(seeds_dir / "teams.toml") if (seeds_dir / "teams.toml").exists() else {}
    comps_data = _load_toml(seeds_dir / "competitions.toml") if (seeds_dir / "competitions.toml").exists() else {}
    teams = [
        Team(
            name=t["name"],
            country=t.get("country"),
            kind=t.get("kind", "club"),
            competitions=list(t.get("competitions", [])),
            grounds=list(t.get("grounds", [])),
            aliases={k: list(v) for k, v in t.get("aliases", {}).items()},
            nicknames={k: list(v) for k, v in t.get("nicknames", {}).items()},
        )
        for t in teams_data.get("team", [])
    ]
    comps = [
        Competition(
            name=c["name"],
            country=c.get("country"),
            kind=c.get("kind", "league"),
            teams=c.get("teams"),
            aliases={k: list(v) for k, v in c.get("aliases", {}).items()},
        )
        for c in comps_data.get("competition", [])
    ]
    return Directory(teams, comps, teams_data.get("needs_context", []))


@cache
def default_directory() -> Directory:
    """The seeds' directory, read once per process."""
    return load_directory()
