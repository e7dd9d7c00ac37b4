"""Inline mode: ``@footbot inter atalanta`` typed in any chat offers the head-to-head result, the
table and the top scorers as articles to post there; an empty query offers the latest results.

The articles are built by the same pure functions as the commands (``standings.table_reply``,
``scorers.scorers_reply``, ``format``), so an inline answer reads exactly like a command's. Anything
else typed ("who scored for inter") gets the free-text answer as its one article. Answers are the
same for everyone (``is_personal=False``) and cached briefly, since new reports change them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session
from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from handlers import format as fmt
from handlers.context import in_store, runtime
from handlers.knowledge import Knowledge
from handlers.lang import DEFAULT, normalise_code, text
from handlers.questions import answer_question
from handlers.reply import Reply
from handlers.scorers import scorers_reply
from handlers.standings import table_reply
from handlers.understand import understand
from store import feed, queries

CACHE_SECONDS = 30  # new reports arrive all the time: never cache an answer for long
LATEST = 5
QUESTION_INTENTS = {"scorers", "when", "player_goals", "top_scorers", "penalty", "red_card", "coverage", "help"}


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # unique within one answer, at most 64 bytes
    title: str  # plain text
    description: str  # plain text
    html: str  # the message posted when the article is chosen


def _text(answer: Reply) -> str:
    return answer.chunks()[0]  # one message; a long table is cut at a line, never inside a tag


def _match_article(m: queries.MatchView, lang: str) -> Article:
    html = fmt.match_summary(m, lang)
    headline, _, scorers = html.partition("\n")
    meta = ", ".join(x for x in (fmt.day(m.played_on, lang), m.competition or "") if x)
    return Article(
        f"match-{m.id}",
        f"{m.home} {fmt.score(m, lang)} {m.away}" if m.scored else Reply(headline).plain(),
        " · ".join(x for x in (meta, Reply(scorers).plain()) if x),
        html,
    )


def _list_article(article_id: str, title: str, matches: list[queries.MatchView], lang: str) -> Article:
    lines = [fmt.match_summary(m, lang) for m in matches]
    description = "; ".join(f"{m.home} {fmt.score(m, lang)} {m.away}" for m in matches[:3])
    return Article(article_id, title, description, "\n".join(lines))


def _table_article(session: Session, lang: str, competition: str, season: str | None) -> Article | None:
    if not queries.standings(session, competition=competition, season=season).rows:
        return None
    answer = table_reply(session, lang, competition=competition, season=season, image=None)
    label = " ".join(x for x in (competition, season) if x)
    return Article(
        "table", f"{text(lang, 'inline_table')}: {label}", Reply(answer.html.split("\n")[0]).plain(), _text(answer)
    )


def _scorers_article(
    session: Session, lang: str, label: str, *, competition: str | None, season: str | None, team: int | None
) -> Article | None:
    rows = queries.top_scorers(session, competition=competition, season=season, team=team, limit=3)
    if not rows:
        return None
    answer = scorers_reply(session, lang, competition=competition, season=season, team=team)
    description = ", ".join(f"{r.player} {r.goals}" for r in rows)
    return Article("scorers", f"{text(lang, 'inline_scorers')}: {label}", description, _text(answer))


def latest_articles(session: Session, lang: str) -> list[Article]:
    """The newest results the store knows, one article each."""
    return [_match_article(m, lang) for m in feed.latest_results(session, limit=LATEST)]


def _answer_article(session: Session, knowledge: Knowledge, query: str, lang: str) -> Article:
    answer = answer_question(session, knowledge, query, fallback_lang=lang)
    return Article("answer", query[:100], Reply(answer.html.split("\n")[0]).plain(), _text(answer))


def inline_articles(session: Session, knowledge: Knowledge, query: str, lang: str) -> list[Article]:
    """The articles for one inline query, most specific first."""
    if not query.strip():
        return latest_articles(session, lang)
    q = understand(query, knowledge, fallback_lang=lang)
    lang = q.lang
    articles: list[Article | None] = []
    if q.intents & QUESTION_INTENTS:  # "who scored for inter?": the answer first, then what the names offer
        articles.append(_answer_article(session, knowledge, query, lang))
    competition, season = q.competition, q.season
    if len(q.teams) >= 2:  # a head-to-head: its latest result, the others, the competition's table and scorers
        a, b = q.teams[0], q.teams[1]
        matches = queries.head_to_head(session, team_a=a.ids[0], team_b=b.ids[0], limit=LATEST)
        if matches:
            articles.append(_match_article(matches[0], lang))
            if len(matches) > 1:
                title = f"{text(lang, 'inline_results')}: {a.names[0]} – {b.names[0]}"
                articles.append(_list_article("h2h", title, matches, lang))
        competition = competition or next((m.competition for m in matches if m.competition), None)
    elif q.teams:  # one team: its latest results, its competition's table, its scorers
        team = q.teams[0]
        matches = queries.recent_results(session, team=team.ids[0], limit=LATEST)
        if matches:
            articles.append(_match_article(matches[0], lang))
            articles.append(_list_article("results", f"{text(lang, 'inline_results')}: {team.names[0]}", matches, lang))
        competition = competition or next((m.competition for m in matches if m.competition), None)
        articles.append(_scorers_article(session, lang, team.names[0], competition=None, season=None, team=team.ids[0]))
    if competition:
        label = " ".join(x for x in (competition, season) if x)
        articles.append(_table_article(session, lang, competition, season))
        if len(q.teams) != 1:
            articles.append(_scorers_article(session, lang, label, competition=competition, season=season, team=None))
    found = [a for a in articles if a is not None]
    return found or [_answer_article(session, knowledge, query, lang)]  # no name: the answer engine's reply


async def on_inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.inline_query
    if query is None:
        return
    lang = normalise_code(query.from_user.language_code) or DEFAULT
    knowledge = runtime(context).knowledge
    typed = query.query
    articles = await in_store(context, lambda s: inline_articles(s, knowledge, typed, lang))
    results = [
        InlineQueryResultArticle(
            id=a.id,
            title=a.title[:100],
            description=a.description[:200] or None,
            input_message_content=InputTextMessageContent(a.html, parse_mode=ParseMode.HTML),
        )
        for a in articles
    ]
    await query.answer(results, cache_time=CACHE_SECONDS, is_personal=False)
