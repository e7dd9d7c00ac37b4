"""The team reference directory (``store.teams``): aliases, nicknames, squads, typos, unknown names.

The directory improves names but is never a whitelist: an unknown name resolves to ``None`` and
callers keep the report's own name; nicknames ("Quỷ đỏ") only choose between the two teams of a
match, so they never resolve a name on their own.
"""

from __future__ import annotations

import pytest

from store.normalize import key
from store.teams import Directory, Team, default_directory, squad_of


@pytest.fixture(scope="module")
def directory() -> Directory:
    return default_directory()


def test_default_directory_is_read_once() -> None:
    assert default_directory() is default_directory()


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Man Utd", "Manchester United"),
        ("MU", "Manchester United"),
        ("Inter Milan", "Inter"),
        ("Internazionale", "Inter"),
        ("Inter", "Inter"),
        ("inter milan", "Inter"),
        ("Man City", "Manchester City"),
        ("Đông Á Thanh Hóa", "Thanh Hoa"),
        ("Dong A Thanh Hoa", "Thanh Hoa"),
    ],
)
def test_aliases(directory: Directory, name: str, canonical: str) -> None:
    assert directory.canonical(name) == canonical


def test_nickname_is_not_an_alias(directory: Directory) -> None:
    assert directory.canonical("Quỷ đỏ") is None
    assert "Manchester United" in directory.nickname[key("Quỷ đỏ")]


def test_nickname_may_be_shared(directory: Directory) -> None:
    assert {"Real Madrid", "Real Sociedad"} <= directory.nickname[key("Real")]
    assert directory.canonical("Real") is None


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Chelsea Women", "Chelsea Women"),
        ("Chelsea FC Women", "Chelsea Women"),
        ("U23 Việt Nam", "Vietnam U23"),
        ("Việt Nam U23", "Vietnam U23"),
    ],
)
def test_squads_are_other_teams_of_the_same_club(directory: Directory, name: str, canonical: str) -> None:
    assert directory.canonical(name) == canonical


@pytest.mark.parametrize(
    ("name_key", "split"),
    [
        ("chelsea women", ("chelsea", "Women")),
        ("u23 viet nam", ("viet nam", "U23")),
        ("chelsea", ("chelsea", None)),
    ],
)
def test_squad_of(name_key: str, split: tuple[str, str | None]) -> None:
    assert squad_of(name_key) == split


def test_inter_is_not_inter_miami(directory: Directory) -> None:
    assert directory.canonical("Inter Miami") == "Inter Miami"
    assert directory.canonical("Inter") != directory.canonical("Inter Miami")


@pytest.mark.parametrize(
    ("typo", "canonical"),
    [
        ("Dotmund", "Borussia Dortmund"),
        ("Arsnal", "Arsenal"),
    ],
)
def test_fuzzy_typos(directory: Directory, typo: str, canonical: str) -> None:
    assert directory.canonical(typo) == canonical


def test_fuzzy_can_be_switched_off(directory: Directory) -> None:
    assert directory.canonical("Dotmund", fuzzy=False) is None


@pytest.mark.parametrize("name", ["Hogwarts Wanderers", "Xyzzy", "", "   ", "Manchester"])
def test_unknown_names_resolve_to_none(directory: Directory, name: str) -> None:
    assert directory.canonical(name) is None


def test_candidates_for_a_partial_name(directory: Directory) -> None:
    teams = [team for team, _ in directory.candidates("intr")]
    assert "Inter" in teams


def test_candidates_for_nonsense_are_empty(directory: Directory) -> None:
    assert directory.candidates("xqzv") == []


def test_competitions(directory: Directory) -> None:
    assert directory.competition("VĐQG Italia") == "Serie A"
    assert directory.league_size("Serie A") == 20


def test_alias_taught_at_run_time_keeps_the_first_owner() -> None:
    directory = Directory([Team("Hemel Hempstead"), Team("Harrow Borough")])
    directory.add_alias("Hemel Hempstead", "The Tudors")
    directory.add_alias("Harrow Borough", "The Tudors")
    assert directory.canonical("the tudors") == "Hemel Hempstead"
