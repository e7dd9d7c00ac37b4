"""The extractor against the gold-labelled dev corpus, and the evaluator against the reference tool.

Quality bars hold per language, so that a regression in one language cannot hide behind the
other. ``pytest -s`` prints the score table. The corpus and the tool are copies under
``tests/data`` (byte-identical to the shared ones): tests never read outside the repository.
"""

from __future__ import annotations

import importlib.util
import json
import shlex
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract import evaluate
from store.extract.evaluate import Evaluation, evaluate_dir, format_evaluation, load_gold, score

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CORPUS = DATA / "corpus"
TOOL = DATA / "tools" / "score_extraction.py"
LANGS = ("en", "vi")
BARS = {"result_p": 0.99, "result_f1": 0.95, "goal_f1": 0.90, "minute_acc": 0.95}
GOLDS = load_gold(CORPUS)
SEED_002 = next(g for g in GOLDS if g.txt.name == "seed_002.txt")


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return evaluate_dir(CORPUS)


def test_print_scores(evaluation: Evaluation) -> None:
    table = format_evaluation(evaluation)
    print("\n" + table + "\n" + "\n".join(evaluation.errors))
    assert [line.split()[0] for line in table.splitlines()[1:]] == ["all", *LANGS]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("field", "bar"), BARS.items())
def test_quality_bar(evaluation: Evaluation, lang: str, field: str, bar: float) -> None:
    value = evaluation.summary[lang][field]
    assert value is not None and value >= bar, (
        f"{lang} {field} {value} < {bar}\n{format_evaluation(evaluation)}\n" + "\n".join(evaluation.errors)
    )


def _reference_tool() -> tuple[dict, list[str]]:
    """The tool's JSON summary and its error lines, over ``python -m bot.cli extract`` in one batch."""
    batch = f"{shlex.quote(sys.executable)} -m bot.cli extract --json {{files}}"
    done = subprocess.run(
        [sys.executable, str(TOOL), str(CORPUS), "--batch", batch, "--json", "--errors"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    summary, end = json.JSONDecoder().raw_decode(done.stdout)  # --errors lines follow the JSON
    return summary, done.stdout[end:].strip().splitlines()


def test_evaluator_agrees_with_the_reference_tool(evaluation: Evaluation) -> None:
    tool, tool_errors = _reference_tool()
    assert tool["reports"] == evaluation.reports == len(GOLDS)
    assert tool["summary"] == evaluation.summary
    assert tool_errors == evaluation.errors


# -- the evaluator on hand-made predictions --------------------------------------------------------


def test_gold_scored_against_itself_is_perfect() -> None:
    result = score(GOLDS, {g.txt.name: g.data for g in GOLDS})
    assert not result.errors
    assert all(v == 1.0 for fields in result.summary.values() for v in fields.values() if v is not None)


def test_missing_prediction_misses_everything() -> None:
    result = score([SEED_002], {})
    assert (result.summary["en"]["result_r"], result.summary["en"]["goal_r"]) == (0.0, 0.0)
    assert "seed_002: missed result Inter 1-1 Atalanta" in result.errors


def test_swapped_result_counts_but_not_its_venue() -> None:
    swapped = {"matches": [{"home": "Atalanta", "away": "Internazionale", "home_goals": 1, "away_goals": 1}]}
    summary = score([SEED_002], {"seed_002.txt": swapped}).summary["en"]
    assert (summary["result_p"], summary["result_r"], summary["home_away_acc"]) == (1.0, 1.0, 0.0)


def test_failed_extraction_is_listed_and_predicts_nothing() -> None:
    result = score([SEED_002], {}, failures={"seed_002.txt": "ValueError: boom"})
    assert result.errors[0] == "seed_002: extractor failed: ValueError: boom"


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("Inter", "Internazionale", True),
        ("Wigan", "Wigan Athletic", True),
        ("Inter", "Inter Miami", False),
        ("Chelsea", "Chelsea Women", False),
        ("Vietnam", "Vietnam U23", False),
        ("Ha Noi", "Cong An Ha Noi", False),
        ("Thanh Hoa", "Khanh Hoa", False),
        ("Sheffield United", "Sheffield United Ezri Konsa", False),
    ],
)
def test_same_team(gold: str, predicted: str, same: bool) -> None:
    assert evaluate.same_team(gold, predicted) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Lautaro Martinez", "Lautaro Martínez", True),
        ("Robin Gosens", "Gosens", True),
        ("Vinicius Junior", "Vinicius Jr", True),
        ("Giuliano Simeone", "Diego Simeone", False),
        ("Nguyễn Quang Hải", "Nguyen Van Toan", False),
    ],
)
def test_same_player(a: str, b: str, same: bool) -> None:
    assert evaluate.same_player(a, b) is same


# -- the port against the tool's own functions -----------------------------------------------------


def _load_tool() -> ModuleType:
    """The reference tool as a module, to call its matching functions directly."""
    spec = importlib.util.spec_from_file_location("score_extraction", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFERENCE = _load_tool()
GOLD_TEAMS = sorted({name for g in GOLDS for m in g.data["matches"] for name in (m["home"], m["away"])})
GOLD_PLAYERS = sorted({goal["player"] for g in GOLDS for goal in g.data["goals"]})
# names the tool's tables treat specially, mixed with ordinary words, diacritics and squad markers
NAME_WORDS = sorted(
    {
        *REFERENCE.DROP,
        *REFERENCE.OTHER_SQUAD,
        *REFERENCE.SHARED_HEAD,
        *REFERENCE.ALIASES,
        *REFERENCE.ALIASES.values(),
        "Inter",
        "Miami",
        "Công",
        "An",
        "Hà",
        "Nội",
        "U-23",
        "Jr",
        "de",
        "Simeone",
        "Diego",
        "York",
        "New",
        "Đông",
        "Á",
        "Thanh",
        "Hóa",
        "Ø",
        "1",
        "2005",
    }
)
random_names = st.lists(st.sampled_from(NAME_WORDS), min_size=0, max_size=4).map(" ".join)


def test_team_matching_agrees_with_the_tool_on_gold_names() -> None:
    differ = [(a, b) for a in GOLD_TEAMS for b in GOLD_TEAMS if evaluate.same_team(a, b) != REFERENCE.same_team(a, b)]
    assert not differ


def test_player_matching_agrees_with_the_tool_on_gold_names() -> None:
    differ = [
        (a, b) for a in GOLD_PLAYERS for b in GOLD_PLAYERS if evaluate.same_player(a, b) != REFERENCE.same_player(a, b)
    ]
    assert not differ


@settings(max_examples=200, deadline=None)
@given(random_names, random_names)
def test_name_matching_agrees_with_the_tool(a: str, b: str) -> None:
    assert evaluate.fold(a) == REFERENCE.fold(a)
    assert evaluate.team_key(a) == REFERENCE.team_key(a)
    assert evaluate.same_team(a, b) == REFERENCE.same_team(a, b)
    assert evaluate.same_player(a, b) == REFERENCE.same_player(a, b)
