"""The facts the three seed reports must yield (the issue's "done when").

Seed 000 is Vietnamese and word-segmented, seed 001 is an English report whose only score for its
main match is a running one ("the 3-1 goal"), seed 002 is an English report with a saved penalty.
Each fact the engine misses keeps its correct expectation in a test of its own, marked
``xfail(strict=True)`` with what the engine produces instead.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest

from store.extract import EventFact, ExtractedReport, MatchFact, extract
from store.reading import read_report_file

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@cache
def seed(number: str) -> ExtractedReport:
    """The extraction of seed report ``number`` ("000"), read as ``footbot extract`` reads a file."""
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return extract(read_report_file(path))


def match_between(report: ExtractedReport, first: str, second: str) -> tuple[int, MatchFact]:
    """The (index, match) between two teams, in either orientation."""
    found = [(i, m) for i, m in enumerate(report.matches) if {m.home, m.away} == {first, second}]
    assert found, [f"{m.home} {m.home_goals}-{m.away_goals} {m.away}" for m in report.matches]
    return found[0]


def goals_of(report: ExtractedReport, match: int) -> dict[str, tuple]:
    """Scorer surname -> (team, minute, added, penalty, own goal) of one match's goals."""
    return {
        g.player.split()[-1]: (g.team, g.minute, g.added, g.penalty, g.own_goal)
        for g in report.goals
        if g.match == match
    }


# -- seed 000: Atalanta 1-2 Inter, Vietnamese, word-segmented ---------------------------------------


def test_seed_000_is_vietnamese() -> None:
    assert seed("000").lang == "vi"


def test_seed_000_main_match() -> None:
    _, match = match_between(seed("000"), "Atalanta", "Inter")
    assert (match.home, match.home_goals, match.away_goals, match.away) == ("Atalanta", 1, 2, "Inter")
    assert match.order_known and match.main
    assert (match.date, match.competition, match.season) == (date(2023, 11, 4), "Serie A", "2023-24")


def test_seed_000_goals() -> None:
    report = seed("000")
    index, _ = match_between(report, "Atalanta", "Inter")
    goals = goals_of(report, index)
    team, _, _, penalty, own_goal = goals["Calhanoglu"]  # the penalty's minute is not stated
    assert (team, penalty, own_goal) == ("Inter", True, False)
    assert goals["Martinez"] == ("Inter", 57, None, False, False)
    assert goals["Scamacca"] == ("Atalanta", 61, None, False, False)


def _toloi_red_card() -> EventFact:
    report = seed("000")
    index, _ = match_between(report, "Atalanta", "Inter")
    found = [e for e in report.events if (e.kind, e.player, e.match) == ("red_card", "Rafael Toloi", index)]
    assert found, report.events
    return found[0]


def test_seed_000_red_card() -> None:
    assert _toloi_red_card().second_yellow


def test_seed_000_red_card_minute() -> None:
    card = _toloi_red_card()
    assert (card.minute, card.added) == (90, 2)


def test_seed_000_red_card_team() -> None:
    assert _toloi_red_card().team == "Atalanta"


def test_seed_000_side_match() -> None:
    report = seed("000")
    index, match = match_between(report, "AC Milan", "Udinese")
    assert (match.home, match.home_goals, match.away_goals, match.away) == ("AC Milan", 0, 1, "Udinese")
    assert not match.main
    assert goals_of(report, index)["Pereyra"] == ("Udinese", 62, None, True, False)


@pytest.mark.parametrize(
    ("team", "position", "points"),
    [
        ("Inter", 1, 28),
        ("Juventus", 2, 23),  # derived: Inter is "năm điểm" (five points) ahead of second-placed Juventus
        ("AC Milan", 3, 22),
        ("Atalanta", 5, 19),  # after the match; "đứng thứ tư" (fourth) was before it
    ],
)
def test_seed_000_standings(team: str, position: int, points: int) -> None:
    claims = [(c.team, c.position, c.points, c.competition) for c in seed("000").standings]
    assert (team, position, points, "Serie A") in claims


def test_seed_000_tally() -> None:
    tallies = [(t.player, t.goals, t.games, t.competition) for t in seed("000").tallies]
    assert ("Lautaro Martinez", 12, 11, "Serie A") in tallies


# -- seed 001: Inter - Napoli with no final score -----------------------------------------------------


def test_seed_001_main_match_has_no_score() -> None:
    _, match = match_between(seed("001"), "Inter", "Napoli")
    assert match.home == "Inter" and match.main
    assert match.date == date(2021, 11, 21)  # "yesterday", published 2021-11-22
    assert (match.home_goals, match.away_goals) == (None, None)  # "the 3-1 goal" is not the final score


def test_seed_001_inter_known_to_be_at_home() -> None:
    _, match = match_between(seed("001"), "Inter", "Napoli")
    assert match.order_known


def test_seed_001_lautaro_goal_against_napoli() -> None:
    report = seed("001")
    index, _ = match_between(report, "Inter", "Napoli")
    assert goals_of(report, index)["Martinez"][0] == "Inter"


def test_seed_001_shakhtar_draw() -> None:
    _, match = match_between(seed("001"), "Shakhtar Donetsk", "Inter")
    assert (match.home_goals, match.away_goals) == (0, 0)


def test_seed_001_no_three_one_result() -> None:
    assert not [m for m in seed("001").matches if {m.home_goals, m.away_goals} == {3, 1}]


# -- seed 002: Inter 1-1 Atalanta, a saved penalty -----------------------------------------------------


def test_seed_002_main_match() -> None:
    _, match = match_between(seed("002"), "Inter", "Atalanta")
    assert (match.home, match.home_goals, match.away_goals, match.away) == ("Inter", 1, 1, "Atalanta")
    assert match.order_known and match.main
    assert (match.date, match.competition) == (date(2020, 1, 11), "Serie A")


def test_seed_002_goals() -> None:
    report = seed("002")
    index, _ = match_between(report, "Inter", "Atalanta")
    goals = goals_of(report, index)
    assert goals["Martinez"][:2] == ("Inter", 4)
    assert goals["Gosens"][0] == "Atalanta"


def _muriel_penalty() -> EventFact:
    found = [e for e in seed("002").events if e.kind == "penalty_saved" and e.player == "Luis Muriel"]
    assert found, seed("002").events
    return found[0]


def test_seed_002_saved_penalty() -> None:
    assert _muriel_penalty().keeper in (None, "Samir Handanovic")


def test_seed_002_saved_penalty_minute() -> None:
    assert _muriel_penalty().minute == 88
