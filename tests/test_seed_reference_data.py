"""Schema checks for the reference data in seeds/teams.toml and seeds/competitions.toml."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Bare words that several clubs share: never an alias of one club (they may be nicknames).
GENERIC_WORDS = {
    "inter",
    "manchester",
    "real",
    "atletico",
    "sporting",
    "united",
    "city",
    "athletic",
    "madrid",
    "borussia",
    "racing",
    "deportivo",
    "olympique",
    "dynamo",
    "dinamo",
    "town",
    "rovers",
    "wanderers",
    "albion",
    "county",
    "fc",
    "clb",
    "dt",
    "the",
    "al",
    "sc",
    "ac",
}
TEAM_KINDS = {"club", "national"}
COMPETITION_KINDS = {"league", "cup", "international", "friendly"}


def norm(s: str) -> str:
    """Case-, diacritics- and punctuation-insensitive form, as the matcher compares names."""
    s = s.replace("đ", "d").replace("Đ", "D").replace("ø", "o").replace("Ø", "O")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", s.casefold()).split())


def load(name: str) -> dict:
    with open(SEEDS / name, "rb") as f:
        return tomllib.load(f)


@pytest.fixture(scope="module")
def teams_doc() -> dict:
    return load("teams.toml")


@pytest.fixture(scope="module")
def teams(teams_doc) -> list[dict]:
    return teams_doc["team"]


@pytest.fixture(scope="module")
def comps() -> list[dict]:
    return load("competitions.toml")["competition"]


def _check_strings(values, where: str) -> None:
    assert isinstance(values, list), f"{where}: not a list"
    for v in values:
        assert isinstance(v, str), f"{where}: {v!r} is not a string"
        assert v.strip() == v and v, f"{where}: empty or padded string {v!r}"


def _lang_lists(table: dict, where: str) -> dict[str, list[str]]:
    assert isinstance(table, dict), f"{where}: not a table"
    assert "en" in table and "vi" in table, f"{where}: needs 'en' and 'vi' lists"
    for lang, values in table.items():
        assert lang.isalpha() and lang.islower() and len(lang) == 2, f"{where}: bad language key {lang!r}"
        _check_strings(values, f"{where}.{lang}")
    return table


def aliases_of(entry: dict) -> set[str]:
    return {norm(a) for values in entry["aliases"].values() for a in values}


# --------------------------------------------------------------------------- teams


def test_team_entries_have_the_schema(teams):
    assert len(teams) >= 300
    required = {"name", "country", "kind", "competitions", "grounds", "cities", "aliases", "nicknames"}
    optional = {"shared_aliases"}
    for t in teams:
        where = t.get("name", repr(t))
        assert required <= t.keys(), f"{where}: missing {required - t.keys()}"
        assert not (t.keys() - required - optional), f"{where}: unknown keys {t.keys() - required - optional}"
        for key in ("name", "country"):
            assert isinstance(t[key], str) and t[key].strip() == t[key] and t[key], f"{where}: bad {key}"
        assert t["kind"] in TEAM_KINDS, f"{where}: kind {t['kind']!r}"
        for key in ("competitions", "grounds", "cities", "shared_aliases"):
            _check_strings(t.get(key, []), f"{where}.{key}")
        _lang_lists(t["aliases"], f"{where}.aliases")
        _lang_lists(t["nicknames"], f"{where}.nicknames")
        if t["kind"] == "national":
            assert t["competitions"] == [], f"{where}: national teams list no competitions"


def test_canonical_names_are_unique(teams):
    seen: dict[str, str] = {}
    for t in teams:
        key = norm(t["name"])
        assert key not in seen, f"duplicate canonical name {t['name']!r} (and {seen[key]!r})"
        seen[key] = t["name"]


def test_team_competitions_exist(teams, comps):
    names = {c["name"] for c in comps}
    for t in teams:
        for c in t["competitions"]:
            assert c in names, f"{t['name']}: competition {c!r} is not in competitions.toml"


def test_no_alias_is_another_teams_canonical_name(teams):
    canonical = {norm(t["name"]): t["name"] for t in teams}
    for t in teams:
        for a in aliases_of(t):
            other = canonical.get(a)
            assert other is None or other == t["name"], f"{t['name']}: alias {a!r} is the name of {other!r}"


def test_aliases_do_not_repeat_the_canonical_name(teams):
    for t in teams:
        assert norm(t["name"]) not in aliases_of(t), f"{t['name']}: canonical name repeated among aliases"


def test_aliases_are_unique_across_teams_unless_shared(teams):
    owners: dict[str, set[str]] = defaultdict(set)
    for t in teams:
        for a in aliases_of(t):
            owners[a].add(t["name"])
    shared = {t["name"]: {norm(a) for a in t.get("shared_aliases", [])} for t in teams}
    for alias, names in owners.items():
        if len(names) > 1:
            unshared = sorted(n for n in names if alias not in shared[n])
            assert not unshared, f"alias {alias!r} used by {sorted(names)}; not shared by {unshared}"


def test_nicknames_are_not_other_teams_names(teams):
    # a nickname that is another team's name or alias would always resolve to that team
    owner = {}
    for t in teams:
        for a in aliases_of(t) | {norm(t["name"])}:
            owner[a] = t["name"]
    for t in teams:
        for values in t["nicknames"].values():
            for n in values:
                other = owner.get(norm(n), t["name"])
                assert other == t["name"], f"{t['name']}: nickname {n!r} is a name of {other!r}"


def test_shared_aliases_are_aliases(teams):
    for t in teams:
        own = aliases_of(t)
        for a in t.get("shared_aliases", []):
            assert norm(a) in own, f"{t['name']}: shared alias {a!r} is not one of its aliases"


def test_generic_words_are_not_aliases(teams):
    for t in teams:
        bad = aliases_of(t) & GENERIC_WORDS
        assert not bad, f"{t['name']}: generic word(s) {sorted(bad)} used as alias (use nicknames)"


def test_inter_and_madrid_rules(teams):
    by_name = {t["name"]: t for t in teams}
    assert "milan" in aliases_of(by_name["AC Milan"])
    assert "inter milan" in aliases_of(by_name["Inter"])
    assert "Inter Miami" in by_name
    assert "madrid" not in aliases_of(by_name["Real Madrid"])
    assert "Madrid" in by_name["Real Madrid"]["nicknames"]["en"]


def test_needs_context_entries_are_known_names(teams_doc, teams):
    nc = teams_doc["needs_context"]
    _check_strings(nc, "needs_context")
    assert len({norm(x) for x in nc}) == len(nc), "duplicate needs_context entries"
    known = set()
    for t in teams:
        known.add(norm(t["name"]))
        known |= aliases_of(t)
        known |= {norm(n) for values in t["nicknames"].values() for n in values}
    for x in nc:
        assert norm(x) in known, f"needs_context entry {x!r} is no team name, alias or nickname"
    for word in ("Anh", "Đức", "Ý", "Mỹ", "Nga", "Bỉ", "Áo", "Úc", "Lào"):
        assert word in nc


def test_corpus_gold_team_names_are_canonical(teams):
    # the names the gold files of /work/shared/corpus use, spot-checked
    names = {t["name"] for t in teams}
    for n in (
        "Inter",
        "AC Milan",
        "Atalanta",
        "Paris Saint-Germain",
        "Bayern Munich",
        "Borussia Dortmund",
        "Atletico Madrid",
        "Athletic Bilbao",
        "Newcastle United",
        "West Ham",
        "Leicester",
        "Leeds",
        "Republic of Ireland",
        "Nam Dinh",
        "Cong An Ha Noi",
        "Eastern",
        "Vietnam",
        "Wigan",
        "Wolves",
        "Carlisle",
        "York",
        "Macclesfield",
        "Weston-super-Mare",
        "Laos",
        "Philippines",
        "Kazakhstan",
    ):
        assert n in names, n


# --------------------------------------------------------------------------- competitions


def test_competition_entries_have_the_schema(comps):
    required = {"name", "country", "kind", "aliases"}
    for c in comps:
        where = c.get("name", repr(c))
        assert required <= c.keys(), f"{where}: missing {required - c.keys()}"
        assert not (c.keys() - required - {"teams"}), f"{where}: unknown keys"
        for key in ("name", "country"):
            assert isinstance(c[key], str) and c[key].strip() == c[key] and c[key], f"{where}: bad {key}"
        assert c["kind"] in COMPETITION_KINDS, f"{where}: kind {c['kind']!r}"
        if "teams" in c:
            assert c["kind"] == "league", f"{where}: only leagues give a team count"
            assert isinstance(c["teams"], int) and 2 <= c["teams"] <= 40, f"{where}: teams {c['teams']!r}"
        _lang_lists(c["aliases"], f"{where}.aliases")


def test_competition_names_and_aliases_are_unique(comps):
    canonical = {norm(c["name"]): c["name"] for c in comps}
    assert len(canonical) == len(comps), "duplicate competition names"
    owners: dict[str, set[str]] = defaultdict(set)
    for c in comps:
        for a in aliases_of(c):
            other = canonical.get(a)
            assert other is None or other == c["name"], f"{c['name']}: alias {a!r} is the name of {other!r}"
            owners[a].add(c["name"])
    for alias, names in owners.items():
        assert len(names) == 1, f"competition alias {alias!r} used by {sorted(names)}"


def test_competitions_needs_context_and_gold_names():
    doc = load("competitions.toml")
    names = {norm(c["name"]) for c in doc["competition"]}
    known = set(names)
    for c in doc["competition"]:
        known |= aliases_of(c)
    for x in doc.get("needs_context", []):
        assert norm(x) in known, f"competitions needs_context entry {x!r} is no name or alias"
    for n in (
        "Premier League",
        "La Liga",
        "Bundesliga",
        "Ligue 1",
        "Serie A",
        "Champions League",
        "FA Cup",
        "League Cup",
        "German Super Cup",
        "UEFA Nations League",
        "World Cup qualifying",
        "Women's Super League",
        "Copa del Rey",
        "AFC Champions League Two",
        "ASEAN Cup",
        "V.League 1",
        "Friendly",
        "League One",
        "League Two",
    ):
        assert norm(n) in names, n
