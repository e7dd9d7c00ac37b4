"""The ``footbot`` command line as a newcomer and the yardsticks use it: extract, ingest, ask, chat."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import CORPUS, SEEDS


@pytest.fixture
def store_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env of the developer
    return tmp_path


def test_extract_json_prints_one_line_per_file_without_a_database(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(SEEDS.glob("*.txt"))
    assert main(["extract", "--json", *map(str, files)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(files)
    first = json.loads(lines[0])
    assert first["lang"] == "vi"
    assert {(m["home"], m["home_goals"], m["away_goals"], m["away"]) for m in first["matches"]} >= {
        ("Atalanta", 1, 2, "Inter")
    }


def test_ingest_then_ask_json_answers_from_the_store(store_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(SEEDS), str(CORPUS / "en")]) == 0
    summary = capsys.readouterr().out
    assert "ingested" in summary
    questions = ["who scored for inter vs atalanta?", "ai ghi ban cho inter", "who will win the league next year?"]
    assert main(["ask", "--json", *questions]) == 0
    answers = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [a["question"] for a in answers] == questions
    english, vietnamese, decline = (a["answer"] for a in answers)
    assert "Lautaro Martinez 57'" in english and "1-2" in english
    assert "Lautaro Martinez 57'" in vietnamese and "vòng 11" in vietnamese
    assert "can't answer" in decline and not re.search(r"\d+-\d+", decline)


def test_chat_answers_over_the_seed_reports_and_numbers_choices(
    store_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("/result intr atalnta\nunited\n2\n\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "Atalanta 1-2 Inter" in out  # the seeds were ingested and the typo understood
    assert "2. Manchester United" in out  # the choice offered as a number
    assert "no match of Manchester United" in out  # and taken by its number


def test_start_without_a_token_opens_the_console(
    store_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("inter atalanta\n"))
    assert main(["start"]) == 0
    out = capsys.readouterr().out
    assert "No TELEGRAM_BOT_TOKEN" in out and "Atalanta 1-2 Inter" in out
