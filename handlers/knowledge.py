"""The names a question may use, read from the store: teams (with aliases and nicknames in every
language), players, competitions. Kept in memory so that understanding a question costs
microseconds; refreshed when the store has changed.

Matching is on folded words (no case, no diacritics), longest run first; words that are not an
exact name may still be a typo of one (rapidfuzz, explicit cutoff), but never a common word of the
question language ("ai", "who", "ban").
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import Engine
from sqlmodel import Session, func, select

from store.models import Match, Player, PlayerAlias, Report, Team, TeamAlias
from store.normalize import key
from store.teams import Directory

MAX_WORDS = 6
SQUAD_LABELS = {"Women", "U23", "U21", "U20", "U19", "U17", "II", "B", "Reserves", "Youth"}
SQUAD_WORDS = {
    "women": "Women",
    "womens": "Women",
    "ladies": "Women",
    "nu": "Women",
    "u23": "U23",
    "u21": "U21",
    "u20": "U20",
    "u19": "U19",
    "u17": "U17",
}
BATCH = 5000  # rows fetched at a time while building the index
TYPO_CUTOFF = 85  # rapidfuzz ratio (one letter wrong in seven) for a word to count as a misspelt name
REFRESH_EVERY = 5.0  # seconds between checks that the store changed


@dataclass(slots=True)
class Found:
    kind: str  # team | player | competition | ground
    names: tuple[str, ...]  # canonical team names / player names / competition: several when ambiguous
    ids: tuple[int, ...]  # team or player ids (empty for competitions)
    start: int  # word span in the question
    end: int
    exact: bool = True
    nickname: bool = False  # found by a nickname ("Vale", "Athletic"), not by a name or alias


@dataclass(slots=True)
class _Index:
    team_keys: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # alias key -> team ids
    nickname_keys: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    player_keys: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # full, surname, given name
    competition_keys: dict[str, str] = field(default_factory=dict)
    ground_keys: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # stadium -> home teams
    squads: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))  # club -> its Women/U23 teams
    team_names: dict[int, str] = field(default_factory=dict)
    team_ids: dict[str, int] = field(default_factory=dict)
    player_names: dict[int, str] = field(default_factory=dict)
    player_teams: dict[int, int | None] = field(default_factory=dict)
    with_matches: set[int] = field(default_factory=set)  # teams the store has matches of
    opponents: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    longest: dict[str, int] = field(default_factory=dict)  # first word -> most words of a name
    typo_choices: list[str] = field(default_factory=list)  # one-word names, for a misspelt word
    typo_pairs: list[str] = field(default_factory=list)  # two-word names, for a misspelt pair of words


class Knowledge:
    def __init__(self, engine: Engine, reference: Directory) -> None:
        self.engine = engine
        self.reference = reference
        self._index = _Index()
        self._version: tuple | None = None
        self._checked = 0.0
        self._lock = threading.Lock()

    # -- freshness -----------------------------------------------------------------------------------
    def invalidate(self) -> None:
        self._checked = 0.0

    def index(self) -> _Index:
        now = time.monotonic()
        if now - self._checked > REFRESH_EVERY:
            with self._lock:
                if now - self._checked > REFRESH_EVERY:
                    version = self._store_version()
                    if version != self._version:
                        self._index = self._build()
                        self._version = version
                    self._checked = now
        return self._index

    def _store_version(self) -> tuple:
        with Session(self.engine) as session:
            return (
                session.exec(select(func.max(Report.id))).one(),
                session.exec(select(func.count(Team.id))).one(),
                session.exec(select(func.count(Player.id))).one(),
                session.exec(select(func.max(Match.id))).one(),
                session.exec(select(func.max(TeamAlias.id))).one(),
            )

    def _build(self) -> _Index:
        idx = _Index()
        # columns, not objects, streamed: the index of a 100,000-match store must not cost its rows twice
        with Session(self.engine) as session:
            for team_id, name in session.exec(select(Team.id, Team.name).execution_options(yield_per=BATCH)):
                idx.team_names[team_id] = name  # type: ignore[index]
            aliases = select(TeamAlias.key, TeamAlias.kind, TeamAlias.team_id).execution_options(yield_per=BATCH)
            for alias_key, kind, team_id in session.exec(aliases):
                (idx.nickname_keys if kind == "nickname" else idx.team_keys)[alias_key].add(team_id)
            for team_id, name in idx.team_names.items():
                idx.team_keys[key(name)].add(team_id)
            players = select(Player.id, Player.name, Player.team_id, Player.key).execution_options(yield_per=BATCH)
            for player_id, name, team_id, player_key in session.exec(players):
                idx.player_names[player_id] = name  # type: ignore[index]
                idx.player_teams[player_id] = team_id  # type: ignore[index]
                words = player_key.split()
                for k in {player_key, *(words[-1:] if len(words) > 1 else []), *(words[:1] if len(words) > 1 else [])}:
                    idx.player_keys[k].add(player_id)  # type: ignore[arg-type]
            player_aliases = select(PlayerAlias.key, PlayerAlias.player_id).execution_options(yield_per=BATCH)
            for alias_key, player_id in session.exec(player_aliases):
                idx.player_keys[alias_key].add(player_id)
            pairs = select(Match.home_id, Match.away_id).distinct().execution_options(yield_per=BATCH)
            for home, away in session.exec(pairs):
                idx.with_matches |= {home, away}
                idx.opponents[home].add(away)
                idx.opponents[away].add(home)
            competitions = {c for c in session.exec(select(Match.competition).distinct()) if c}
        for alias, name in self.reference.competition_alias.items():
            idx.competition_keys[alias] = name
        by_name = idx.team_ids = {name: team_id for team_id, name in idx.team_names.items()}
        for ground, owners in self.reference.ground.items():
            idx.ground_keys[ground] = {by_name[o] for o in owners if o in by_name}
        for team_id, name in idx.team_names.items():
            base, _, squad = name.rpartition(" ")
            if squad in SQUAD_LABELS and base in by_name:
                idx.squads[by_name[base]].append(team_id)
        for name in competitions:
            idx.competition_keys.setdefault(key(name), name)
        for table in (idx.team_keys, idx.nickname_keys, idx.player_keys, idx.competition_keys, idx.ground_keys):
            for k in table:
                words = k.split()
                if words:
                    idx.longest[words[0]] = max(idx.longest.get(words[0], 0), len(words))
        names = [k for k in (*idx.team_keys, *idx.nickname_keys, *idx.player_keys) if len(k) >= 4]
        idx.typo_choices = [k for k in names if " " not in k]
        idx.typo_pairs = [k for k in names if k.count(" ") == 1 and len(k) >= 7]
        return idx

    # -- finding names -------------------------------------------------------------------------------
    def find(self, words: list[str], *, stopwords: frozenset[str]) -> list[Found]:
        """Names in ``words`` (folded), longest first; typos of names for the words left over."""
        idx = self.index()
        found: list[Found] = []
        i = 0
        while i < len(words):
            hit = None
            for n in range(min(MAX_WORDS, idx.longest.get(words[i], 0), len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + n])
                if n == 1 and phrase in stopwords:
                    break
                hit = self._exact(phrase, i, i + n, idx)
                if hit:
                    break
            if hit:
                found.append(self._with_squad(hit, words, idx))
                i = found[-1].end
            else:
                i += 1
        taken = {j for f in found for j in range(f.start, f.end)}
        for j in range(len(words) - 1):  # "nam dihn": a misspelt two-word name
            pair = words[j : j + 2]
            if taken & {j, j + 1} or any(w.isdigit() for w in pair) or all(w in stopwords for w in pair):
                continue
            hit = self._typo(" ".join(pair), j, idx, span=2)
            if hit:
                found.append(hit)
                taken |= {j, j + 1}
        for j, word in enumerate(words):
            if j in taken or word in stopwords or len(word) < 4 or word.isdigit():
                continue
            hit = self._typo(word, j, idx)
            if hit:
                found.append(hit)
        found = [f for f in found if not self._inside_unknown_name(f, words, found, stopwords)]
        return sorted(found, key=lambda f: f.start)

    @staticmethod
    def _inside_unknown_name(hit: Found, words: list[str], found: list[Found], stopwords: frozenset[str]) -> bool:
        """'Crumpsall Vale' is not Port Vale ("Vale"): a one-word nickname next to a word that is neither
        a name, a question word nor a number belongs to a club the store does not know."""
        if not hit.nickname or hit.end - hit.start != 1:
            return False  # a club's own name or alias ("Inter", "Dortmund") stands even beside an unknown word
        named = {j for f in found for j in range(f.start, f.end)}
        for j in (hit.start - 1, hit.end):
            if 0 <= j < len(words) and j not in named:
                word = words[j]
                if len(word) >= 4 and word.isalpha() and word not in stopwords and word not in SQUAD_WORDS:
                    return True
        return False

    def _with_squad(self, hit: Found, words: list[str], idx: _Index) -> Found:
        """'man utd women', 'u23 viet nam': the squad of the club when the store has it."""
        if hit.kind != "team":
            return hit
        label, start, end = None, hit.start, hit.end
        if hit.end < len(words) and words[hit.end] in SQUAD_WORDS:
            label, end = SQUAD_WORDS[words[hit.end]], hit.end + 1
        elif hit.start > 0 and words[hit.start - 1] in SQUAD_WORDS:
            label, start = SQUAD_WORDS[words[hit.start - 1]], hit.start - 1
        if label is None:
            return hit
        squads = [t for club in hit.ids for t in idx.squads.get(club, []) if idx.team_names[t].endswith(" " + label)]
        if not squads:
            return hit
        return Found("team", tuple(idx.team_names[t] for t in squads), tuple(squads), start, end)

    def _exact(self, phrase: str, start: int, end: int, idx: _Index) -> Found | None:
        if phrase in idx.competition_keys and phrase not in idx.team_keys:
            return Found("competition", (idx.competition_keys[phrase],), (), start, end)
        if idx.ground_keys.get(phrase):
            owners = sorted(idx.ground_keys[phrase])
            return Found("ground", tuple(idx.team_names[t] for t in owners), tuple(owners), start, end)
        teams = idx.team_keys.get(phrase) or idx.nickname_keys.get(phrase)
        if teams:
            ordered = sorted(teams, key=lambda t: (t not in idx.with_matches, idx.team_names.get(t, "")))
            nickname = phrase not in idx.team_keys
            return Found("team", tuple(idx.team_names[t] for t in ordered), tuple(ordered), start, end, True, nickname)
        players = idx.player_keys.get(phrase)
        if players:
            ordered = sorted(players)
            return Found("player", tuple(idx.player_names[p] for p in ordered), tuple(ordered), start, end)
        return None

    def _typo(self, word: str, position: int, idx: _Index, *, span: int = 1) -> Found | None:
        choices = idx.typo_choices if span == 1 else idx.typo_pairs
        hits = process.extract(word, choices, scorer=fuzz.ratio, processor=None, score_cutoff=TYPO_CUTOFF, limit=5)
        # a typo keeps the first letter and the length give or take one: "harriers" is not "harris"
        name = next((h[0] for h in hits if h[0][:1] == word[:1] and abs(len(h[0]) - len(word)) <= 1), None)
        if name is None:
            return None
        found = self._exact(name, position, position + span, idx)
        if found:
            found.exact = False
        return found

    # -- facts about names -----------------------------------------------------------------------------
    def competition_spellings(self, name: str | None) -> list[str]:
        """A competition's name and aliases folded without spaces ("germansupercup", "sieucupduc"), for
        the words of a question to be found in ("supercup", "sieu cup")."""
        if not name:
            return []
        idx = self.index()
        names = [k for k, v in idx.competition_keys.items() if v == name] + [key(name)]
        return [n.replace(" ", "").replace("-", "") for n in names]

    def team_id(self, name: str) -> int | None:
        return self.index().team_ids.get(name)

    def resolve(self, candidates: Sequence[int], others: Sequence[int]) -> int | None:
        """Among teams sharing a name ("united"), the one that met one of ``others`` (their women's or
        youth sides included), else the only one the store has matches of; None when still unsure."""

        def met(a: int, b: int) -> bool:
            return any(self.played(x, y) for x in [a, *self.squads(a)] for y in [b, *self.squads(b)])

        for pool in (
            [t for t in candidates if any(met(t, o) for o in others)],
            [t for t in candidates if self.has_matches(t)],
        ):
            if len(pool) == 1:
                return pool[0]
        return None

    def has_matches(self, team_id: int) -> bool:
        return team_id in self.index().with_matches

    def played(self, a: int, b: int) -> bool:
        return b in self.index().opponents.get(a, set())

    def squads(self, team_id: int) -> list[int]:
        """The club's other teams in the store (Women, U23 ...)."""
        return list(self.index().squads.get(team_id, []))

    def name(self, team_id: int) -> str:
        return self.index().team_names.get(team_id, "?")

    def opponents(self, team_id: int) -> list[str]:
        idx = self.index()
        return sorted(idx.team_names[t] for t in idx.opponents.get(team_id, set()))

    def player_team(self, player_id: int) -> int | None:
        return self.index().player_teams.get(player_id)

    def team_suggestions(self, name: str, limit: int = 4) -> list[str]:
        """Teams whose names resemble ``name`` (for "did you mean"), teams with matches first."""
        idx = self.index()
        choices = list(idx.team_keys)
        hits = process.extract(key(name), choices, scorer=fuzz.WRatio, processor=None, score_cutoff=70, limit=12)
        seen: list[str] = []
        for alias, _, _ in hits:
            for team in sorted(idx.team_keys[alias], key=lambda t: t not in idx.with_matches):
                label = idx.team_names[team]
                if label not in seen:
                    seen.append(label)
        return seen[:limit]
