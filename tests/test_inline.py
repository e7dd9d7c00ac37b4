"""Inline mode: ``@bot inter atalanta`` in any chat offers the result, the table and the scorers.

The articles are tested first as plain data over a seeded store, then as the answerInlineQuery
Telegram gets from the running bot (HTML that parses, small cache time, not personal).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, select

from handlers.inline import CACHE_SECONDS, inline_articles
from handlers.knowledge import Knowledge
from store.ingest import Ingestor
from store.models import Match, Team
from tests.helpers.bot_app import running_bot
from tests.helpers.fake_telegram import FakeTelegram
from tests.helpers.stores import ROMA_LAZIO, SEED_REPORTS, copy_store, store_template

SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # the names, not the database, matter


@pytest.fixture
def store(ingestor: Ingestor) -> Iterator[tuple[Session, Knowledge]]:
    ingestor.ingest_paths(SEED_REPORTS)
    ingestor.ingest_bytes(ROMA_LAZIO.encode(), filename="roma.txt")
    with Session(ingestor.engine) as session:  # a club whose name needs escaping, as reports may introduce
        odd = Team(name="Tom & Jerry <FC>", origin="report")
        session.add(odd)
        session.flush()
        roma = session.exec(select(Team).where(Team.name == "Roma")).one()
        session.add(Match(home_id=odd.id, away_id=roma.id, played_on=date(2023, 11, 26), home_goals=0, away_goals=4))
        session.commit()
    with Session(ingestor.engine) as session:
        yield session, Knowledge(ingestor.engine, ingestor.reference)


def ids(articles) -> list[str]:
    return [a.id for a in articles]


@SQLITE
def test_two_teams_give_their_latest_result_their_results_the_table_and_the_scorers(store) -> None:
    session, knowledge = store
    articles = inline_articles(session, knowledge, "inter atalanta", "en")
    assert ids(articles) == ["match-1", "h2h", "table", "scorers"]
    match, h2h, table, scorers = articles
    assert match.title == "Atalanta 1-2 Inter"
    assert match.description.startswith("4 Nov 2023, Serie A · Atalanta: Gianluca Scamacca 61'")
    assert match.html.startswith("<b>Atalanta 1-2 Inter</b> (4 Nov 2023, Serie A, round 11)\n")
    assert h2h.title == "Results: Inter – Atalanta" and h2h.description == "Atalanta 1-2 Inter; Inter 1-1 Atalanta"
    assert table.title == "Table: Serie A" and "<pre>" in table.html
    assert scorers.title == "Scorers: Serie A" and scorers.description.startswith("Lautaro Martinez 2")


@SQLITE
def test_one_team_a_competition_a_question_or_nothing_known(store) -> None:
    session, knowledge = store
    assert ids(inline_articles(session, knowledge, "roma", "en")) == ["match-7", "results", "scorers", "table"]
    assert ids(inline_articles(session, knowledge, "bxh serie a", "vi")) == ["table", "scorers"]
    question = inline_articles(session, knowledge, "who scored for atalanta?", "en")
    assert question[0].id == "answer" and "Scamacca" in question[0].html
    vietnamese = inline_articles(session, knowledge, "ai ghi bàn cho atalanta", "en")[0]
    assert vietnamese.id == "answer" and "Scamacca" in vietnamese.html
    unknown = inline_articles(session, knowledge, "qwzx", "en")
    assert ids(unknown) == ["answer"] and unknown[0].html.startswith("I can't answer that from my reports.")


@SQLITE
def test_an_empty_query_offers_the_latest_results_with_names_escaped(store) -> None:
    session, knowledge = store
    latest = inline_articles(session, knowledge, "", "en")
    assert [a.title for a in latest[:3]] == ["Tom & Jerry <FC> 0-4 Roma", "Roma 2-1 Lazio", "Atalanta 1-2 Inter"]
    assert (
        latest[0].html
        == "<b>Tom &amp; Jerry &lt;FC&gt; 0-4 Roma</b> (26 Nov 2023)\nTom &amp; Jerry &lt;FC&gt; did not score"
    )


# -- through the Bot API -------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_template(tmp_path_factory.mktemp("inline_seeded"), SEED_REPORTS)


async def test_inline_query_is_answered_with_html_articles_for_everyone(
    tg: FakeTelegram, tmp_path: Path, seeded_store: Path
) -> None:
    copy_store(seeded_store, tmp_path)
    fan, vietnamese = tg.user(22, "Fan"), tg.user(33, "Người hâm mộ", language_code="vi")
    async with running_bot(tg, tmp_path):
        tg.inline_query(fan, "inter atalanta")
        call = await tg.wait_for_call("answerInlineQuery")
        assert call.params["cache_time"] == CACHE_SECONDS <= 60 and call.params["is_personal"] is False
        results = call.params["results"]
        assert [r["type"] for r in results] == ["article"] * 4
        first = results[0]
        assert first["title"] == "Atalanta 1-2 Inter"
        assert first["input_message_content"]["parse_mode"] == "HTML"
        assert first["input_message_content"]["message_text"].startswith("<b>Atalanta 1-2 Inter</b>")
        tg.inline_query(vietnamese, "")
        latest = (await tg.wait_for_call("answerInlineQuery")).params["results"]
        assert latest[0]["title"] == "Atalanta 1-2 Inter"
        assert latest[0]["description"].startswith("4/11/2023, Serie A")  # the user's language
        tg.inline_query(fan, "inter atalanta serie a")
        assert len((await tg.wait_for_call("answerInlineQuery")).params["results"]) == 4
    assert len(tg.inline_answers) == 3 and not tg.errors
