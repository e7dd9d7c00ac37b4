"""Synthetic reports for load tests and benchmarks: the corpus reports with other teams, other
players' surnames and other dates, so that every generated report is a different set of facts."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
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


def _templates() -> list[tuple[str, dict]]:
    out = []
    for gold in sorted(CORPUS.rglob("*.json")):
        text = gold.with_suffix(".txt").read_text(encoding="utf-8")
        out.append((text, json.loads(gold.read_text(encoding="utf-8"))))
    return out


def synthetic_reports(count: int, *, seed: int = 0) -> Iterator[tuple[str, str]]:
    """``count`` (file name, text) pairs, deterministic for a given ``seed``."""
    rng = random.Random(seed)
    templates = _templates()
    clubs = [t.name for t in default_directory().teams.values() if t.kind == "club"]
    for i in range(count):
        text, gold = templates[i % len(templates)]
        teams = {m["home"] for m in gold["matches"]} | {m["away"] for m in gold["matches"]}
        for team in sorted(teams, key=len, reverse=True):
            text = re.sub(rf"\b{re.escape(team)}\b", rng.choice(clubs), text)
        for player in {g["player"].split()[-1] for g in gold["goals"]}:
            text = re.sub(rf"\b{re.escape(player)}\b", rng.choice(_SURNAMES), text)
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        body = re.sub(r"\A\s*date \d{4}-\d{2}-\d{2}", "", text)
        yield f"synthetic_{i:06d}.txt", f" date {day.isoformat()}\n{body}\n\nReport {i}."
