"""Latency of understanding and answering one question on a large store.

    python -m benchmarks.bench_answers [--matches 100000] [--questions 3000] [--url URL]

Without ``--url`` a SQLite store is filled first by another process (``benchmarks.store_fill``:
thousands of teams with their aliases, tens of thousands of players, one report with text per
match). Then, in this process, the names index is built once (``handlers.knowledge.Knowledge``,
as the bot does at its first question) and a shuffled mix of questions is answered one by one,
each with its own session as the bot's ``in_store`` does:

- free text through ``handlers.questions.answer_question``, in English and Vietnamese:
  head-to-head result, scorers of a match, a player's goals, top scorers, a table, and a question
  about a team nobody knows (the bot must decline);
- the ``/result`` command through ``handlers.results.result_command`` (two teams, one team, an
  unknown team).

Names are picked from the store as fans write them: canonical names and aliases (English or
Vietnamese), players by full name or surname, competitions by name and season. p50/p99 are per
kind and overall, after a warm-up pass; kinds whose p99 misses the target are profiled with
cProfile and their slowest questions are printed.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, text
from sqlmodel import Session

from handlers.knowledge import Knowledge
from handlers.questions import answer_question
from handlers.reply import Reply
from handlers.results import result_command
from store.db import make_engine
from store.teams import default_directory

TARGET_P99_MS = 10.0
UNKNOWN_TEAMS = ("Qwerton Harriers", "Blyxby Athletic", "Zorbington", "Fenwharf Wanderers", "Crumpsall Vale")
ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Case:
    kind: str  # what is asked, e.g. "head-to-head"
    lang: str
    text: str
    command: bool = False  # /result arguments instead of a free-text question

    @property
    def label(self) -> str:
        return f"/result {self.text}" if self.command else self.text


@dataclass(slots=True)
class Result:
    index_seconds: float
    samples: dict[str, list[float]] = field(default_factory=dict)  # kind -> ms
    slowest: dict[str, list[tuple[float, str]]] = field(default_factory=dict)
    profiles: dict[str, str] = field(default_factory=dict)
    declined: int = 0  # unknown-team questions answered with a refusal, as they should be
    unknown: int = 0

    def all_samples(self) -> list[float]:
        return [ms for values in self.samples.values() for ms in values]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


# -- what fans ask ----------------------------------------------------------------------------------------
_EN = {
    "head-to-head": ("{a} vs {b}", "what was the score {a} {b}?", "did {a} beat {b}?", "{a} v {b} result"),
    "scorers": ("who scored for {a} against {b}?", "who scored in {a} {b}?", "{a} {b} goalscorers"),
    "player goals": ("how many goals has {player} scored?", "when did {player} score?", "{player} goals"),
    "top scorers": ("top scorers {competition} {season}", "who is the top scorer in {competition}?"),
    "table": ("{competition} table", "{competition} standings {season}"),
    "unknown team": ("how did {unknown} get on?", "{unknown} result", "who scored for {unknown}?"),
}
_VI = {
    "head-to-head": ("kết quả {a} vs {b}", "{a} gặp {b} tỉ số bao nhiêu", "{a} thắng {b} không"),
    "scorers": ("ai ghi bàn cho {a} trận gặp {b}", "ai ghi bàn trận {a} {b}"),
    "player goals": ("{player} ghi bao nhiêu bàn", "{player} ghi bàn phút nào"),
    "top scorers": ("vua phá lưới {competition} {season}", "danh sách ghi bàn {competition}"),
    "table": ("bảng xếp hạng {competition}", "bxh {competition} {season}"),
    "unknown team": ("kết quả của {unknown}", "ai ghi bàn cho {unknown}"),
}
_COMMANDS = {"/result two teams": "{a} {b}", "/result one team": "{a}", "/result unknown team": "{unknown} {b}"}


def _store_material(engine: Engine, rng: random.Random) -> dict[str, list]:
    """Pairs of teams that met (spelled as fans do), scorers, competitions with their seasons."""
    reference = default_directory()
    with engine.connect() as db:
        names = dict(db.execute(text("SELECT id, name FROM team")).all())
        aliases: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for team_id, alias, lang in db.execute(text("SELECT team_id, alias, lang FROM teamalias WHERE kind='alias'")):
            aliases[team_id][lang or "en"].append(alias)
        pairs = db.execute(text("SELECT home_id, away_id FROM match ORDER BY id")).all()
        scorers = db.execute(
            text(
                "SELECT p.name FROM scorerstat s JOIN player p ON p.id = s.player_id "
                "WHERE s.team_id IS NULL AND s.competition IS NULL ORDER BY s.goals DESC, p.id LIMIT 400"
            )
        ).all()
        others = db.execute(text("SELECT name FROM player WHERE id % 97 = 0 ORDER BY id LIMIT 400")).all()
        seasons = db.execute(
            text(
                "SELECT competition, season, count(*) FROM match WHERE competition IS NOT NULL "
                "GROUP BY competition, season ORDER BY competition, season DESC"
            )
        ).all()
    known = {c for c in reference.competitions}
    competitions = [(c, s) for c, s, n in seasons if n >= 50 and c in known]

    def spelled(team_id: int, lang: str) -> str:
        """The canonical name, an alias in the question's language, or the name in lower case."""
        choices = [names[team_id], names[team_id].lower(), *aliases[team_id].get(lang, [])]
        return rng.choice(choices)

    sample = rng.sample(pairs, min(len(pairs), 4000))
    return {
        "pairs": [(a, b) for a, b in sample],
        "spelled": [spelled],  # a function, kept with the material
        "players": [p for (p,) in scorers] + [p for (p,) in others],
        "competitions": competitions,
    }


def build_cases(engine: Engine, count: int, *, seed: int = 11) -> list[Case]:
    """``count`` questions, every kind equally often, half English and half Vietnamese."""
    rng = random.Random(seed)
    material = _store_material(engine, rng)
    spelled: Callable[[int, str], str] = material["spelled"][0]
    kinds = [(lang, kind) for lang, table in (("en", _EN), ("vi", _VI)) for kind in table]
    kinds += [("en", kind) for kind in _COMMANDS] + [("vi", kind) for kind in _COMMANDS]
    cases = []
    for i in range(count):
        lang, kind = kinds[i % len(kinds)]
        a, b = rng.choice(material["pairs"])
        player = rng.choice(material["players"])
        if rng.random() < 0.4:
            player = player.split()[-1]  # fans often use the surname alone
        competition, season = rng.choice(material["competitions"])
        values = {
            "a": spelled(a, lang),
            "b": spelled(b, lang),
            "player": player,
            "competition": competition if rng.random() < 0.6 else competition.lower(),
            "season": season if rng.random() < 0.5 else "",
            "unknown": rng.choice(UNKNOWN_TEAMS),
        }
        if kind in _COMMANDS:
            cases.append(Case(kind, lang, _COMMANDS[kind].format(**values), command=True))
        else:
            template = rng.choice((_EN if lang == "en" else _VI)[kind])
            cases.append(Case(kind, lang, " ".join(template.format(**values).split())))
    rng.shuffle(cases)
    return cases


# -- answering ------------------------------------------------------------------------------------------
def answer(engine: Engine, knowledge: Knowledge, case: Case) -> Reply:
    """One question as the bot answers it: a fresh session, the pure handler function."""
    with Session(engine) as session:
        if case.command:
            return result_command(session, knowledge, case.lang, case.text)
        return answer_question(session, knowledge, case.text, fallback_lang=case.lang)


def _declines(reply: Reply) -> bool:
    plain = reply.plain()
    return any(
        cue in plain
        for cue in (
            "don't know",
            "can't answer",
            "no match",
            "không biết",
            "không thể",
            "không có",
            "chưa trả lời",
            "Did you mean",
            "Có phải",
        )
    )


def run(engine: Engine, cases: list[Case], *, warmup: int = 200, profile_misses: bool = True) -> Result:
    knowledge = Knowledge(engine, default_directory())
    started = time.perf_counter()
    knowledge.index()
    result = Result(index_seconds=time.perf_counter() - started)
    for case in cases[:warmup]:
        answer(engine, knowledge, case)
    samples: dict[str, list[float]] = defaultdict(list)
    slow: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for case in cases:
        began = time.perf_counter()
        reply = answer(engine, knowledge, case)
        ms = (time.perf_counter() - began) * 1000
        label = f"{case.kind} ({case.lang})"
        samples[label].append(ms)
        slow[label].append((ms, case.label))
        if case.kind.endswith("unknown team"):
            result.unknown += 1
            result.declined += _declines(reply)
    result.samples = dict(samples)
    result.slowest = {k: sorted(v, reverse=True)[:3] for k, v in slow.items()}
    if profile_misses:
        for label, values in result.samples.items():
            if percentile(values, 0.99) > TARGET_P99_MS:
                mine = [c for c in cases if f"{c.kind} ({c.lang})" == label]
                result.profiles[label] = profile(engine, knowledge, mine)
    return result


def profile(engine: Engine, knowledge: Knowledge, cases: list[Case], top: int = 14) -> str:
    """cProfile of answering ``cases``: the functions with the most cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for case in cases:
        answer(engine, knowledge, case)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(r"footbot|handlers|store|sqlalchemy/orm/session|rapidfuzz", top)
    lines = [ln for ln in out.getvalue().splitlines() if ln.strip()]
    start = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls")), 0)
    return "\n".join(lines[start:]).replace(str(ROOT) + "/", "")


def fill_in_subprocess(url: str, matches: int, goals: int) -> None:
    """Fill the store in another process, so this one holds only what answering needs."""
    command = [sys.executable, "-m", "benchmarks.store_fill", url, "--matches", str(matches), "--goals", str(goals)]
    subprocess.run(command, cwd=ROOT, check=True)


# -- report -------------------------------------------------------------------------------------------------
def rows(result: Result) -> list[tuple[str, float, float, int]]:
    """(kind, p50, p99, n) per kind, slowest p99 first, then "all"."""
    out = [
        (label, statistics.median(v), percentile(v, 0.99), len(v))
        for label, v in sorted(result.samples.items(), key=lambda kv: -percentile(kv[1], 0.99))
    ]
    every = result.all_samples()
    out.append(("all questions", statistics.median(every), percentile(every, 0.99), len(every)))
    return out


def print_result(result: Result, matches: int) -> None:
    print(f"names index built in {result.index_seconds:.2f} s")
    print(f"\nanswer latency on {matches:,} matches (ms; target p99 <= {TARGET_P99_MS:g})")
    print(f"  {'question':<34}{'p50':>8}{'p99':>9}{'n':>6}  ")
    for label, p50, p99, n in rows(result):
        flag = "" if p99 <= TARGET_P99_MS else "  MISS"
        print(f"  {label:<34}{p50:>8.2f}{p99:>9.2f}{n:>6}{flag}")
    print(f"\nunknown teams declined: {result.declined}/{result.unknown}")
    for label, slowest in result.slowest.items():
        if label in result.profiles:
            print(f"\nslowest '{label}': " + "; ".join(f"{ms:.1f} ms {q!r}" for ms, q in slowest))
            print(result.profiles[label])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench_answers",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--url", help="an already filled store (default: fill a temporary SQLite store)")
    parser.add_argument("--matches", type=int, default=100_000)
    parser.add_argument("--goals", type=int, help="default: 3 per match")
    parser.add_argument("--questions", type=int, default=3000)
    parser.add_argument("--no-profile", action="store_true", help="do not profile the kinds that miss the target")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url
        if url is None:
            url = f"sqlite:///{Path(tmp) / 'answers.db'}"
            fill_in_subprocess(url, args.matches, args.goals or 3 * args.matches)
        engine = make_engine(url)
        cases = build_cases(engine, args.questions)
        result = run(engine, cases, profile_misses=not args.no_profile)
        with engine.connect() as db:
            matches = db.execute(text("SELECT count(*) FROM match")).scalar_one()
        engine.dispose()
    print_result(result, matches)


if __name__ == "__main__":
    main()
