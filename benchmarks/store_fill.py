"""A large, realistic store filled directly (no extraction), in bounded memory.

    python -m benchmarks.store_fill URL [--matches 100000] [--goals 300000]

What the answer engine and its names index meet in a store that has read many reports:

- teams: the reference teams (seeded with their aliases and nicknames in every language, as the
  bot seeds them) plus generated clubs ("Ashford Rovers") filling the reference leagues to size
  and making further leagues, about one team per 35 matches (thousands of teams);
- players: 25 per team, European or Vietnamese names (tens of thousands, surnames shared);
- matches: double round-robin seasons, newest first, in every league (and national-team
  matches), with dates, competitions, seasons and stated scores; ``goals`` / ``matches`` goals
  a match on average, scored by the sides' own players (own goals and penalties included);
- reports: one per match, its text a corpus report rewritten about that match (its teams, its
  scorers, its date; ``benchmarks.synthetic.match_report``), source of the match and its goals;
  one in five also mentions the home side's previous match (a second source);
- derived scorer tables, rebuilt per chunk of players with ``store.merge.refresh_scorer_stats``.

Rows are generated league by league and written every ``CHUNK`` matches, so memory stays flat
whatever the size (ids are assigned here, so that goals and sources need no read-back).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import resource
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import Engine, insert, text
from sqlmodel import Session, func, select

from benchmarks.synthetic import match_report, templates
from store.db import make_engine, session_scope
from store.ingest import Ingestor
from store.merge import refresh_scorer_stats
from store.migrate import upgrade
from store.models import Goal, GoalSource, Match, MatchSource, Player, Report, ScorerStat, Team
from store.normalize import fold, key

CHUNK = 2_000  # matches (with their goals, reports and sources) per transaction
TEMPLATE_CHARS = 12_000  # report texts are cut to this (the corpus has one 136 kB outlier)
SQUAD = 25
MATCHES_PER_TEAM = 35  # how many teams the store gets: one per this many matches
LEAGUE_SIZE = 20
LATEST_SEASON = 2023  # 2023-24; earlier seasons follow until a league's share of matches is used
SECOND_SOURCE = 0.2

_TOWN_HEADS = (
    "Ash Bel Brom Carr Dun East Fair Glen Hart Kings Lang Mar North Oak Pen Red Stan Thorn West Wood Bex Cal Dar "
    "Elm Fal Gran Hol Kel Lin Mill New Port Ray Sand Tam Up Ver Wal Yar Alder Brack Chel Dor Ever Frank Gold "
    "Hunt Ivy Jar Knock Lyn Mor Nor Ox Pol Quen Ros Sel Tor Ux"
).split()
_TOWN_TAILS = (
    "ford ton bury field wick ley mouth ham stead bridge worth combe dale gate haven moor port shaw thorpe well"
).split()
_CLUB_AFTER = "United City Town Rovers Athletic Wanderers Albion FC Borough Rangers Celtic Villa County".split()
_CLUB_BEFORE = "Real Sporting Dynamo Racing Olympic Union".split()
_REGIONS = (
    "Northern Southern Western Midland Highland Coastal Central Valley Border Isthmian Wessex Pennine Hellenic "
    "Channel Lakeland Riverside Moorland Heartland"
).split()
_TIERS = ("Premier League", "League", "League Division One", "League Division Two", "Counties League", "Alliance")
_FIRST = (
    "James Luca Mateo Lucas Hugo Leon Noah Oliver Jack Harry Marco Paolo Diego Pablo Carlos Sergio Thomas Kevin "
    "Jonas Erik Lars Felix Max Emil Anton Victor Andre Bruno Rafael Joao Tiago Pedro Yuki Kenta Min-jae Ji-sung "
    "Ahmed Omar Youssef Samuel Daniel David Adam Luka Ivan Milan Nikola Stefan Dario Ricardo Matheus Gabriel "
    "Antoine Theo Kylian Ousmane Sadio Mohamed Victor Alexis Cristian Lautaro Federico Nicolo Sandro Jan Kasper "
    "Mikkel Ruben Declan Bukayo Mason Reece Conor Sean Liam Aaron Callum Dominik Florian Kai Timo Robin Jesper"
).split()
_SURNAMES = (
    "Silva Santos Costa Pereira Ferreira Alves Rodrigues Gomes Martins Rossi Bianchi Romano Colombo Ricci Conti "
    "Esposito Greco Bruno Gallo Moretti Muller Schmidt Schneider Fischer Weber Wagner Becker Hoffmann Koch Richter "
    "Klein Wolf Neumann Dubois Moreau Laurent Lefebvre Girard Bonnet Mercier Fontaine Rousseau Garcia Martinez "
    "Lopez Sanchez Perez Gonzalez Fernandez Torres Romero Navarro Jimenez Ruiz Herrera Castillo Ortega Jansen "
    "DeVries Bakker Visser Smit Mulder Bos Vos Peeters Maes Jacobs Lindqvist Johansson Andersson Nilsson Larsen "
    "Hansen Nielsen Jensen Haaland Berg Novak Kovac Horvat Babic Markovic Petrovic Jovanovic Nowak Kowalski "
    "Wisniewski Ito Tanaka Suzuki Sato Kim Park Lee Choi Okafor Mensah Diallo Traore Keita Kane Walsh Smith "
    "Jones Taylor Brown Wilson Evans Thomas Roberts Walker Wright Robinson Thompson White Hughes Edwards Green "
    "Hall Wood Harris Clarke Jackson Turner Hill Moore Cooper Ward Morris King Watson Baker Murphy Kelly Byrne "
    "Ryan OBrien Doyle McCarthy Gallagher Fraser Reid Campbell Stewart Murray Grant Ross Yilmaz Demir Sahin "
    "Celik Kaya Aydin Ozturk Popescu Ionescu Papadopoulos Nagy Szabo Toth Dvorak Svoboda Kral Ivanov Petrov "
    "Sokolov Shevchenko Bondarenko Haddad Mansour Salah Benali Ziyech Amrabat Mendy Sarr Diop Ndiaye"
).split()
_VI_FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đoàn Quế Đinh Tô".split()
_VI_MIDDLE = "Văn Hoàng Quang Tiến Công Minh Hùng Đức Thanh Xuân Hữu Trọng Duy Tuấn Hải Thành".split()
_VI_GIVEN = (
    "Hải Phượng Quyết Dũng Linh Hậu Toàn Mạnh Trường Khoa Hoàng Thắng Tài Huy Đạt Vĩnh Lâm Trọng Phong Anh Tú "
    "Thịnh Nam Hiếu Kiên Khải Long Sơn Việt Hưng Cường Bảo"
).split()
_VIETNAMESE = {"Vietnam"}
_VI_LEAGUES = {"V.League 1", "V.League 2"}
_INTERNATIONAL = ("World Cup qualifying", "Friendly", "UEFA Nations League", "AFF Cup", "Asian Cup")


@dataclass(slots=True)
class League:
    competition: str
    team_ids: list[int]
    vietnamese: bool = False
    round_robin: bool = True  # national teams meet in random pairs instead


@dataclass(slots=True)
class FillSummary:
    dialect: str
    teams: int = 0
    players: int = 0
    matches: int = 0
    goals: int = 0
    reports: int = 0
    sources: int = 0
    leagues: int = 0
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    report_bytes: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        return (
            f"filled {self.dialect}: {self.teams:,} teams, {self.players:,} players, {self.leagues} leagues, "
            f"{self.matches:,} matches, {self.goals:,} goals, {self.reports:,} reports "
            f"({self.report_bytes / 1e6:.0f} MB of text), {self.sources:,} match sources in {self.seconds:.0f} s, "
            f"peak RSS {self.peak_rss_mb:.0f} MB"
        )


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _next_id(session: Session, model) -> int:
    return (session.exec(select(func.max(model.id))).one() or 0) + 1


def _generated_club_names(rng: random.Random, taken: set[str]) -> Iterator[str]:
    towns = [head + tail for head in _TOWN_HEADS for tail in _TOWN_TAILS]
    rng.shuffle(towns)
    words = [(w, True) for w in _CLUB_AFTER] + [(w, False) for w in _CLUB_BEFORE]
    while True:
        for town in towns:
            word, after = rng.choice(words)
            name = f"{town} {word}" if after else f"{word} {town}"
            if key(name) not in taken:
                taken.add(key(name))
                yield name


def _player_name(rng: random.Random, vietnamese: bool) -> str:
    if vietnamese:
        return f"{rng.choice(_VI_FAMILY)} {rng.choice(_VI_MIDDLE)} {rng.choice(_VI_GIVEN)}"
    return f"{rng.choice(_FIRST)} {rng.choice(_SURNAMES)}"


def _teams_and_leagues(
    engine: Engine, matches: int, rng: random.Random
) -> tuple[list[League], dict[int, str], set[int]]:
    """Seed the reference teams, add generated clubs, and group teams into leagues; also returns
    every team's name and the teams whose players get Vietnamese names."""
    ingestor = Ingestor(engine)
    ingestor.seed()
    reference = ingestor.reference
    with Session(engine) as session:
        names = {t.id: t.name for t in session.exec(select(Team))}
    by_name = {name: team_id for team_id, name in names.items()}
    taken = {key(n) for n in names.values()} | set(reference.alias) | set(reference.nickname)
    fresh = _generated_club_names(rng, taken)

    wanted_teams = max(matches // MATCHES_PER_TEAM, 60)
    groups: dict[str, list[str]] = {}
    for team in reference.teams.values():
        if team.kind == "club" and team.competitions:
            comp = reference.competitions.get(team.competitions[0])
            if comp is not None and comp.kind == "league":
                groups.setdefault(comp.name, []).append(team.name)
    plans: list[tuple[str, list[str], int]] = []  # (competition, existing names, size)
    for comp_name, members in sorted(groups.items()):
        size = max(len(members), reference.competitions[comp_name].teams or LEAGUE_SIZE)
        plans.append((comp_name, sorted(members), min(size, 24)))
    national = sorted(t.name for t in reference.teams.values() if t.kind == "national")
    planned = sum(size for _, _, size in plans) + len(national)
    regions = [f"{r} {t}" for t in _TIERS for r in _REGIONS]
    for comp_name in regions:
        if planned >= wanted_teams:
            break
        plans.append((comp_name, [], LEAGUE_SIZE))
        planned += LEAGUE_SIZE

    new_rows = []
    leagues_by_names: list[tuple[str, list[str], bool]] = []
    for comp_name, members, size in plans:
        padding = [next(fresh) for _ in range(size - len(members))]
        new_rows += [{"name": n, "kind": "club", "origin": "report"} for n in padding]
        leagues_by_names.append((comp_name, members + padding, comp_name in _VI_LEAGUES))
    with session_scope(engine) as session:
        if new_rows:
            session.execute(insert(Team), new_rows)
        by_name = {t.name: t.id for t in session.exec(select(Team))}
    leagues = [League(c, [by_name[n] for n in members], vi) for c, members, vi in leagues_by_names]
    leagues.append(League("international", [by_name[n] for n in national], False, round_robin=False))
    vietnamese_ids = {by_name[n] for n in national if n in _VIETNAMESE}
    for league in leagues:
        if league.vietnamese:
            vietnamese_ids |= set(league.team_ids)
    return leagues, {team_id: name for name, team_id in by_name.items()}, vietnamese_ids


def _add_players(engine: Engine, team_ids: list[int], vietnamese: set[int], rng: random.Random) -> dict[int, list]:
    """25 players per team; returns team id -> [(player id, name)] in squad order (keeper first)."""
    squads: dict[int, list[tuple[int, str]]] = {}
    with session_scope(engine) as session:
        next_id = _next_id(session, Player)
        rows = []
        for team_id in team_ids:
            squad = []
            for _ in range(SQUAD):
                name = _player_name(rng, team_id in vietnamese)
                k = key(name)
                rows.append({"id": next_id, "name": name, "key": k, "surname": k.split()[-1], "team_id": team_id})
                squad.append((next_id, name))
                next_id += 1
            squads[team_id] = squad
            if len(rows) >= 10_000:
                session.execute(insert(Player), rows)
                rows = []
        if rows:
            session.execute(insert(Player), rows)
    return squads


def _fixtures(league: League, budget: int, rng: random.Random) -> Iterator[tuple[int, int, str, date]]:
    """(home, away, season, day): whole double round-robin seasons, newest first, until ``budget``."""
    teams = list(league.team_ids)
    made = 0
    for year in range(LATEST_SEASON, LATEST_SEASON - 40, -1):
        season = f"{year}-{str(year + 1)[-2:]}"
        start = date(year, 8, 10)
        if league.round_robin:
            rounds = _round_robin(teams)
            rounds += [[(b, a) for a, b in r] for r in rounds]
        else:
            rounds = []
            for _ in range(20):
                shuffled = rng.sample(teams, len(teams))
                rounds.append(list(zip(shuffled[::2], shuffled[1::2], strict=False)))
        for number, pairs in enumerate(rounds):
            day = start + timedelta(days=7 * number * 38 // max(len(rounds), 1) + rng.randrange(3))
            for home, away in pairs:
                if made >= budget:
                    return
                yield home, away, season, day
                made += 1


def _round_robin(teams: list[int]) -> list[list[tuple[int, int]]]:
    """The circle method: every pair once, len(teams) - 1 rounds (a bye when the count is odd)."""
    ring: list[int | None] = list(teams) + ([None] if len(teams) % 2 else [])
    n = len(ring)
    rounds = []
    for r in range(n - 1):
        pairs = []
        for i in range(n // 2):
            a, b = ring[i], ring[n - 1 - i]
            if a is not None and b is not None:
                pairs.append((a, b) if (r + i) % 2 else (b, a))
        rounds.append(pairs)
        ring = [ring[0], ring[-1], *ring[1:-1]]
    return rounds


def _poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


_SCORING_WEIGHTS = [0] + [1] * 8 + [3] * 8 + [8] * 8  # keeper, defenders, midfielders, forwards


class _Writer:
    """Buffers the rows of ``CHUNK`` matches and writes them in one transaction."""

    def __init__(self, engine: Engine, summary: FillSummary) -> None:
        self.engine = engine
        self.summary = summary
        self.rows: dict[type, list[dict]] = {Report: [], Match: [], MatchSource: [], Goal: [], GoalSource: []}
        with Session(engine) as session:
            self.ids = {model: _next_id(session, model) for model in self.rows}

    def take_id(self, model) -> int:
        value = self.ids[model]
        self.ids[model] += 1
        return value

    def add(self, model, row: dict) -> None:
        self.rows[model].append(row)

    def flush_if_full(self) -> bool:
        if len(self.rows[Match]) < CHUNK:
            return False
        self.flush()
        return True

    def flush(self) -> None:
        with session_scope(self.engine) as session:
            for model, rows in self.rows.items():  # reports and matches before the rows pointing at them
                for start in range(0, len(rows), 1_000):
                    session.execute(insert(model), rows[start : start + 1_000])
        s = self.summary
        s.matches += len(self.rows[Match])
        s.goals += len(self.rows[Goal])
        s.reports += len(self.rows[Report])
        s.sources += len(self.rows[MatchSource])
        s.report_bytes += sum(len(r["raw"]) for r in self.rows[Report])
        for rows in self.rows.values():
            rows.clear()


def fill_store(
    engine: Engine,
    *,
    matches: int = 100_000,
    goals: int = 300_000,
    seed: int = 3,
    progress: Callable[[str], None] | None = None,
) -> FillSummary:
    """Fill a migrated, empty store (see the module doc); returns what was written."""
    started = time.perf_counter()
    rng = random.Random(seed)
    summary = FillSummary(engine.dialect.name)
    leagues, names, vietnamese = _teams_and_leagues(engine, matches, rng)
    team_ids = sorted({t for league in leagues for t in league.team_ids})
    squads = _add_players(engine, team_ids, vietnamese, rng)
    summary.timings["teams and players"] = time.perf_counter() - started
    if progress:
        progress(f"{len(names)} teams, {len(team_ids) * SQUAD} players in {len(leagues)} leagues")

    pool = templates(TEMPLATE_CHARS)
    goal_mean = goals / max(matches, 1)
    writer = _Writer(engine, summary)
    last_match: dict[int, tuple[int, int, int]] = {}  # team -> (match id, home goals, away goals) of its latest
    shares = [matches // len(leagues) + (1 if i < matches % len(leagues) else 0) for i in range(len(leagues))]
    for league, budget in zip(leagues, shares, strict=True):
        international = not league.round_robin
        for home, away, season, day in _fixtures(league, budget, rng):
            match_id = writer.take_id(Match)
            report_id = writer.take_id(Report)
            home_goals, away_goals = _poisson(rng, goal_mean * 0.56), _poisson(rng, goal_mean * 0.44)
            competition = rng.choice(_INTERNATIONAL) if international else league.competition
            writer.add(
                Match,
                {
                    "id": match_id,
                    "home_id": home,
                    "away_id": away,
                    "order_known": True,
                    "played_on": day,
                    "competition": competition,
                    "season": season if not international else str(day.year),
                    "home_goals": home_goals,
                    "away_goals": away_goals,
                    "score_status": "stated",
                    "extra_time": False,
                },
            )
            scorers = []
            for side, count, other in ((home, home_goals, away), (away, away_goals, home)):
                for _ in range(count):
                    own_goal = rng.random() < 0.03
                    squad = squads[other if own_goal else side]
                    player_id, player = squad[rng.choices(range(SQUAD), weights=_SCORING_WEIGHTS)[0]]
                    minute = rng.randint(1, 90)
                    added = rng.randint(1, 6) if minute in (45, 90) and rng.random() < 0.5 else None
                    goal_id = writer.take_id(Goal)
                    writer.add(
                        Goal,
                        {
                            "id": goal_id,
                            "match_id": match_id,
                            "player_id": player_id,
                            "team_id": side,
                            "minute": minute,
                            "added": added,
                            "penalty": not own_goal and rng.random() < 0.1,
                            "own_goal": own_goal,
                            "doubtful": False,
                        },
                    )
                    writer.add(
                        GoalSource, {"id": writer.take_id(GoalSource), "goal_id": goal_id, "report_id": report_id}
                    )
                    scorers.append(player)
            template = pool[report_id % len(pool)]
            others = [names[t] for t in rng.sample(league.team_ids, min(4, len(league.team_ids)))]
            body = match_report(
                template,
                home=names[home],
                away=names[away],
                others=[o for o in others if o not in (names[home], names[away])],
                scorers=scorers,
                day=day,
                number=report_id,
            )
            raw = body.encode("utf-8")
            title = f"{names[home]} {home_goals}-{away_goals} {names[away]}"
            writer.add(
                Report,
                {
                    "id": report_id,
                    "sha256": hashlib.sha256(raw).hexdigest(),
                    "bytes_sha256": hashlib.sha256(raw).hexdigest(),
                    "filename": f"report_{report_id:06d}.txt",
                    "source_kind": "inbox",
                    "source": "benchmarks.store_fill",
                    "raw": raw,
                    "text": body,
                    "lang": template.lang,
                    "published": day,
                    "title": title,
                    "status": "extracted",
                    "extractor_version": "fill",
                },
            )
            evidence = title if template.lang == "en" else fold(title)
            writer.add(
                MatchSource,
                {
                    "id": writer.take_id(MatchSource),
                    "match_id": match_id,
                    "report_id": report_id,
                    "home_goals": home_goals,
                    "away_goals": away_goals,
                    "basis": "stated",
                    "main": True,
                    "evidence": evidence,
                },
            )
            previous = last_match.get(home)
            if previous is not None and rng.random() < SECOND_SOURCE:
                writer.add(
                    MatchSource,
                    {
                        "id": writer.take_id(MatchSource),
                        "match_id": previous[0],
                        "report_id": report_id,
                        "home_goals": previous[1],
                        "away_goals": previous[2],
                        "basis": "stated",
                        "main": False,
                        "evidence": None,
                    },
                )
            last_match[home] = last_match[away] = (match_id, home_goals, away_goals)
            if writer.flush_if_full() and progress and summary.matches % 20_000 < CHUNK:
                progress(f"{summary.matches:,} matches written, peak RSS {peak_rss_mb():.0f} MB")
    writer.flush()
    summary.timings["matches, goals, reports"] = time.perf_counter() - started - sum(summary.timings.values())

    step = time.perf_counter()
    player_ids = [p for team in team_ids for p, _ in squads[team]]
    for start in range(0, len(player_ids), 2_000):
        with session_scope(engine) as session:
            refresh_scorer_stats(session, set(player_ids[start : start + 2_000]))
    summary.timings["scorer tables"] = time.perf_counter() - step
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            for model in (Team, Player, Report, Match, MatchSource, Goal, GoalSource, ScorerStat):
                table = model.__tablename__
                connection.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
                )
            connection.execute(text("ANALYZE"))
    else:
        with engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    summary.teams = len(names)
    summary.players = len(player_ids)
    summary.leagues = len(leagues)
    summary.seconds = time.perf_counter() - started
    summary.peak_rss_mb = peak_rss_mb()
    return summary


def filled_engine(url: str) -> Engine:
    """An engine on ``url`` with the schema migrated (the store must be empty to be filled)."""
    engine = make_engine(url)
    upgrade(engine)
    return engine


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.store_fill",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("url", help="SQLAlchemy URL of an empty store (created and migrated)")
    parser.add_argument("--matches", type=int, default=100_000)
    parser.add_argument("--goals", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the summary as one JSON line")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    engine = filled_engine(args.url)
    summary = fill_store(
        engine,
        matches=args.matches,
        goals=args.goals,
        seed=args.seed,
        progress=None if args.quiet else lambda line: print(f"  {line}", flush=True),
    )
    engine.dispose()
    if args.json:
        print(json.dumps({k: getattr(summary, k) for k in summary.__slots__}))
    else:
        print(summary.line())


if __name__ == "__main__":
    main()
