"""Understanding a fan's question: its language, what it asks, and about whom and when.

Pure apart from the names index (``Knowledge``): "who scored for inter vs atalanta?", "ai ghi ban
cho Inter tran gap Atalanta", "Milan thua ai vay", "bang xep hang serie a" all become a
:class:`Question` with intents, teams, players, competition, season and date.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from handlers.knowledge import Found, Knowledge
from handlers.lang import LANGUAGES
from handlers.lang import module as lang_module
from store.extract.lang.base import word_alternation
from store.extract.language import detect_language
from store.normalize import fold

_WORD = re.compile(r"[0-9a-z]+")
_SEASON = re.compile(r"\b((?:19|20)\d{2})\s*[-/]\s*((?:19|20)?\d{2})\b")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/((?:19|20)\d{2}))?\b")
_ROUND_NUMBER = re.compile(r"\b(?:round|matchday|vong|luot)\s+(\d{1,2})\b")


@dataclass(slots=True)
class Question:
    text: str
    lang: str
    folded: str
    words: list[str]
    intents: set[str] = field(default_factory=set)
    teams: list[Found] = field(default_factory=list)
    players: list[Found] = field(default_factory=list)
    grounds: list[Found] = field(default_factory=list)  # "at Stamford Bridge": the home side
    competition: str | None = None
    season: str | None = None
    year: int | None = None
    month: int | None = None
    day: date | None = None
    round: str | None = None
    leftover: list[str] = field(default_factory=list)  # words that are neither names nor question words


def _intent_patterns() -> dict[str, dict[str, re.Pattern[str]]]:
    return {
        code: {name: re.compile(word_alternation(words)) for name, words in mod.INTENT_WORDS.items()}
        for code, mod in LANGUAGES.items()
    }


_INTENTS = _intent_patterns()


def question_language(text: str, fallback: str | None = None) -> str:
    """en or vi: Vietnamese question words decide even without diacritics ("ai ghi ban cho inter")."""
    words = _WORD.findall(fold(text))
    shared = frozenset.intersection(*(mod.STOPWORDS for mod in LANGUAGES.values()))
    votes = {code: sum(w in mod.STOPWORDS and w not in shared for w in words) for code, mod in LANGUAGES.items()}
    ranked = sorted(votes, key=lambda c: votes[c], reverse=True)
    if votes[ranked[0]] > votes[ranked[1]]:
        return ranked[0]  # "kq mu arsenal", "who scored for inter": the question words decide
    if fallback in LANGUAGES and not any(votes.values()):
        return fallback  # a bare "inter atalanta" says nothing about the language: keep the user's
    return detect_language(text)


def understand(
    text: str, knowledge: Knowledge, *, fallback_lang: str | None = None, today: date | None = None
) -> Question:
    lang = question_language(text, fallback_lang)
    folded = fold(text)
    words = _WORD.findall(folded.replace("'s ", " ").replace("’s ", " "))
    q = Question(text, lang, folded, words)
    for code in (lang, *(c for c in LANGUAGES if c != lang)):  # fans mix languages
        for name, pattern in _INTENTS[code].items():
            if pattern.search(folded):
                q.intents.add(name)
    stop = frozenset().union(*(mod.STOPWORDS for mod in LANGUAGES.values()))
    unnamed = stop.union(*(mod.MATCH_WORDS for mod in LANGUAGES.values()))
    for found in knowledge.find(words, stopwords=unnamed):
        if found.kind == "team":
            if not any(f.ids == found.ids for f in q.teams):
                q.teams.append(found)
        elif found.kind == "player":
            q.players.append(found)
        elif found.kind == "ground":
            q.grounds.append(found)
        elif q.competition is None:
            q.competition = found.names[0]
    _dates(q, lang_module(lang), today or date.today())
    named = {i for f in (*q.teams, *q.players) for i in range(f.start, f.end)}  # a ground's words still rank
    q.leftover = [w for i, w in enumerate(words) if i not in named and w not in stop and not w.isdigit()]
    return q


def _dates(q: Question, mod, today: date) -> None:
    text = q.folded
    if season := _SEASON.search(text):
        y1, y2 = int(season.group(1)), season.group(2)
        y2i = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if y2i == y1 + 1:
            q.season = f"{y1}-{str(y2i)[-2:]}"
    if iso := _ISO_DATE.search(text):
        try:
            q.day = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            q.day = None
    elif dm := _DAY_MONTH.search(text):
        year = int(dm.group(3)) if dm.group(3) else None
        if year is None and 1 <= int(dm.group(2)) <= 12 and "thang" in text:
            q.month, q.year = int(dm.group(1)), int(dm.group(2))  # "tháng 1/2020" handled below
        else:
            try:
                q.day = date(year or today.year, int(dm.group(2)), int(dm.group(1)))
            except ValueError:
                q.day = None
    if q.year is None and (year := _YEAR.search(_SEASON.sub(" ", text))):
        q.year = int(year.group(1))
    for word, month in mod.MONTH_WORDS.items():
        if found := re.search(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?{word}\b", text):
            q.month = month
            if found.group(1) and q.year and q.day is None:  # "7 may 2006", "7th may 2006"
                with contextlib.suppress(ValueError):
                    q.day = date(q.year, month, int(found.group(1)))
            break
    month_year = re.search(r"\bthang\s+(\d{1,2})\s*/\s*((?:19|20)\d{2})\b", text)
    if month_year:
        q.month, q.year, q.day = int(month_year.group(1)), int(month_year.group(2)), None
    for phrase, delta in mod.RELATIVE_DAYS.items():
        if re.search(rf"\b{phrase}\b", text):
            q.day = today + timedelta(days=delta)
    for phrase, weekday in mod.WEEKDAYS.items():
        if re.search(rf"\b(?:on |last |ngay |toi |dem )?{phrase}\b", text) and q.day is None:
            q.day = today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
    for phrase, name in mod.ROUND_WORDS.items():
        if re.search(rf"\b{phrase}\b", text):
            q.round = name
            break
    if number := _ROUND_NUMBER.search(text):
        q.round = number.group(1)
