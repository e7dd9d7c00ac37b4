"""Synthetic reports for load tests and benchmarks: the corpus reports with other teams, other
players' surnames and other dates, so that every generated report is a different set of facts.

Two uses share one rewriting mechanism (:func:`rewrite`):

- :func:`synthetic_reports` -- whole report files with random clubs and surnames, for ingestion;
- :func:`match_report` -- the text of the report behind one stored match (its teams, its scorers,
  its date), for stores filled directly (``benchmarks.store_fill``), so that the answer engine reads
  report text like the real thing when it ranks matches and quotes sentences.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from store.teams import default_directory

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"
_SURNAMES = (
    "Nguyen Van An",
    "Tran Minh Duc",
    "Silva",
    "Rossi",
    "Muller",
    "Dubois",
    "Kovac",
    "Haaland",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Pereira",
    "Novak",
    "Schmidt",
    "Bianchi",
    "Ferreira",
    "Costa",
    "Jansen",
    "Ito",
    "Kim",
    "Park",
    "Santos",
    "Fischer",
    "Weber",
    "Conti",
    "Romero",
    "Torres",
    "Alves",
    "Kane",
    "Walsh",
)
_DATE_LINE = re.compile(r"\A\s*date \d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Template:
    """A corpus report and the names its gold facts use, to be replaced."""

    name: str
    lang: str
    text: str  # without its leading "date YYYY-MM-DD" line
    teams: tuple[str, ...]  # the main match's home and away first, then the other teams (sorted)
    surnames: tuple[str, ...]  # last words of the scorers' names (sorted)
    names: re.Pattern[str] | None  # every team name and surname, longest first

    def slot(self, found: str) -> tuple[str, int]:
        """("team" | "player", index) of a name the pattern found."""
        if found in self.teams:
            return "team", self.teams.index(found)
        return "player", self.surnames.index(found)


def _template(path: Path, max_chars: int | None) -> Template:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = _DATE_LINE.sub("", path.with_suffix(".txt").read_text(encoding="utf-8"))
    if max_chars is not None and len(text) > max_chars:
        text = text[:max_chars].rsplit("\n", 1)[0]
    matches = gold["matches"]
    main = next((m for m in matches if m.get("main")), matches[0] if matches else None)
    first = [main["home"], main["away"]] if main else []
    others = sorted(({m["home"] for m in matches} | {m["away"] for m in matches}) - set(first))
    teams = tuple(dict.fromkeys(first + others))
    surnames = tuple(sorted({g["player"].split()[-1] for g in gold["goals"]} - set(teams)))
    words = sorted({*teams, *surnames}, key=len, reverse=True)
    names = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b") if words else None
    return Template(gold.get("id", path.stem), gold.get("lang", "en"), text, teams, surnames, names)


@cache
def templates(max_chars: int | None = None) -> tuple[Template, ...]:
    """Every corpus report with gold facts, sorted by path; texts cut to ``max_chars`` (at a line end)."""
    return tuple(_template(path, max_chars) for path in sorted(CORPUS.rglob("*.json")))


def rewrite(template: Template, *, teams: Sequence[str], surnames: Sequence[str], day: date, number: int) -> str:
    """The template told about other teams and players: its i-th team becomes ``teams[i]`` and its
    i-th scorer's surname ``surnames[i]`` (both cycled when shorter), dated ``day``, and signed
    ``Report {number}.`` so that every text is a different report."""

    def replace(found: re.Match[str]) -> str:
        kind, index = template.slot(found.group(0))
        pool = teams if kind == "team" else surnames
        return pool[index % len(pool)] if pool else found.group(0)

    body = template.names.sub(replace, template.text) if template.names else template.text
    return f" date {day.isoformat()}\n{body}\n\nReport {number}."


def synthetic_reports(count: int, *, seed: int = 0) -> Iterator[tuple[str, str]]:
    """``count`` (file name, text) pairs, deterministic for a given ``seed``."""
    rng = random.Random(seed)
    pool = templates()
    clubs = sorted(t.name for t in default_directory().teams.values() if t.kind == "club")
    for i in range(count):
        template = pool[i % len(pool)]
        teams = [rng.choice(clubs) for _ in template.teams]
        surnames = [rng.choice(_SURNAMES) for _ in template.surnames]
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        yield f"synthetic_{i:06d}.txt", rewrite(template, teams=teams, surnames=surnames, day=day, number=i)


def match_report(
    template: Template, *, home: str, away: str, others: Sequence[str], scorers: Sequence[str], day: date, number: int
) -> str:
    """The text of a report about ``home`` v ``away`` on ``day``: the template's main match becomes this
    match, its other teams ``others``, its scorers' surnames those of ``scorers``."""
    surnames = [s.split()[-1] for s in scorers] or list(others[:1])
    return rewrite(template, teams=[home, away, *others], surnames=surnames, day=day, number=number)
