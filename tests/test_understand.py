"""Understanding a fan's question: names (typos, unknown clubs), language, dates, outcome and score."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlmodel import Session

from handlers.answers import Answerer
from handlers.knowledge import Knowledge
from handlers.understand import Question, question_language, understand
from store.db import make_engine
from store.ingest import Ingestor
from store.migrate import upgrade
from tests.conftest import CORPUS, SEEDS

TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Knowledge]:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('understand') / 'store.db'}")
    upgrade(engine)
    ingestor = Ingestor(engine, max_bytes=2 * 1024 * 1024)
    ingestor.seed()
    ingestor.ingest_paths([*sorted(SEEDS.glob("*.txt")), *sorted(CORPUS.rglob("*.txt"))])
    yield Knowledge(engine, ingestor.reference)
    engine.dispose()


def ask(knowledge: Knowledge, text: str, lang: str | None = None) -> Question:
    return understand(text, knowledge, fallback_lang=lang, today=TODAY)


def team_names(q: Question) -> list[str]:
    return [f.names[0] for f in q.teams]


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("who scored for barcelona against chelsae", ["Barcelona", "Chelsea"]),  # one letter swapped
        ("arsnal result", ["Arsenal"]),  # one letter missing
        ("nam dihn tran gan nhat", ["Nam Dinh"]),  # a misspelt two-word name
        ("kq mu arsenal", ["Manchester United", "Arsenal"]),
        ("/result Zorbington Inter", ["Inter"]),  # a club's own name stands beside an unknown word
    ],
)
def test_teams_are_found_through_typos_and_aliases(knowledge: Knowledge, text: str, teams: list[str]) -> None:
    assert team_names(ask(knowledge, text)) == teams


@pytest.mark.parametrize(
    "text",
    [
        "how did Crumpsall Vale get on?",  # "Vale" alone is Port Vale; beside an unknown word it is not
        "Blyxby Athletic result",
        "who scored for Fenwharf Wanderers?",
    ],
)
def test_a_club_nobody_knows_is_not_taken_for_one_sharing_a_word(knowledge: Knowledge, text: str) -> None:
    q = ask(knowledge, text)
    assert q.teams == [] and q.players == []


def test_a_typo_keeps_the_length_of_the_name(knowledge: Knowledge) -> None:
    """'harriers' is one letter in seven away from 'harris' by ratio, but two letters longer."""
    assert ask(knowledge, "who scored for Qwerton Harriers?").players == []
    simeone = ask(knowledge, "simione ghi ban phut nao").players  # same length, one letter wrong
    assert simeone and all(name.endswith("Simeone") for name in simeone[0].names)


@pytest.mark.parametrize(
    ("text", "fallback", "lang"),
    [
        ("kq mu arsenal", "en", "vi"),  # "kq" is Vietnamese for result
        ("bxh serie a", "en", "vi"),
        ("who scored for inter", "vi", "en"),
        ("inter atalanta", "vi", "vi"),  # nothing says: the chat's language
        ("inter atalanta", "en", "en"),
    ],
)
def test_the_question_words_decide_the_language(text: str, fallback: str, lang: str) -> None:
    assert question_language(text, fallback) == lang


def test_dates_outcomes_and_scores(knowledge: Knowledge) -> None:
    q = ask(knowledge, "what were the results on 7 may 2006")
    assert q.day == date(2006, 5, 7)
    q = ask(knowledge, "ket qua thang 1/2020")
    assert (q.month, q.year, q.day) == (1, 2020, None)
    assert "lost" in ask(knowledge, "ai ghi ban cho atalanta tran thua inter").intents
    assert ask(knowledge, "vong 11 serie a").round == "11"
    assert ask(knowledge, "valencia barcelona second leg").round == "second leg"


def test_the_outcome_and_a_stated_score_pick_the_match(knowledge: Knowledge) -> None:
    with Session(knowledge.engine) as session:
        lost = Answerer(session, knowledge).answer(ask(knowledge, "ai ghi ban cho atalanta tran thua inter")).plain()
        drew = Answerer(session, knowledge).answer(ask(knowledge, "atalanta inter 1-1 ai ghi ban")).plain()
    assert "Scamacca" in lost and "Gosens" not in lost  # the 2023 defeat, not the 2020 draw
    assert "Gosens" in drew and "Scamacca" not in drew


def test_an_unknown_club_is_declined_not_answered_about_another(knowledge: Knowledge) -> None:
    with Session(knowledge.engine) as session:
        reply = Answerer(session, knowledge).answer(ask(knowledge, "how did Crumpsall Vale get on?")).plain()
    assert "can't answer" in reply and "Vale" not in reply.replace("Crumpsall Vale", "")
