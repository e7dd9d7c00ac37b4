"""The answer engine shared by commands and free-text questions.

A :class:`Question` (from ``understand``) becomes a short :class:`Reply` from the store: one to
three lines for a specific question, the home team first, minutes as ``57'`` and ``90+2'``, the
date and competition when more than one match fits. It never bluffs: when the store does not
hold the answer it says so and offers what it does know; disagreeing reports are shown as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from handlers import format as fmt
from handlers.knowledge import Found, Knowledge
from handlers.lang import module, text
from handlers.reply import Button, Reply, esc
from handlers.understand import Question
from store import queries
from store.models import MatchSource, Report
from store.normalize import fold
from store.queries import MatchView

MAX_MATCHES = 3  # a fan in a group does not want a wall of text
QUOTE_CHARS = 260


@dataclass(slots=True)
class Answerer:
    """Everything answering needs: the store and the names in it."""

    session: Session
    knowledge: Knowledge

    # -- entry point ------------------------------------------------------------------------------------
    def answer(self, q: Question) -> Reply:
        lang = q.lang
        ambiguous = self._ambiguity(q)
        if ambiguous is not None:
            return ambiguous
        intents = q.intents
        if "coverage" in intents or ("help" in intents and not q.teams and not q.players):
            return self.coverage(lang, with_help="help" in intents)
        if "top_scorers" in intents or ("scorers" in intents and not q.teams and not q.players and q.competition):
            return self.top_scorers(lang, competition=q.competition, season=q.season)
        if "standings" in intents and not intents & {"scorers", "penalty", "red_card", "when"} and (
                q.competition or q.teams):
            return self.standings_answer(q)
        if q.players and not q.teams and intents & {"player_goals", "when", "scorers", "did", "penalty"}:
            return self.player_answer(q)
        if not q.teams:
            if q.players:
                return self.player_answer(q)
            if q.competition:
                return self.table(lang, competition=q.competition, season=q.season)
            return self._fallback_search(q) or Reply(text(lang, "cannot_answer"))
        return self.match_answer(q)

    # -- ambiguity: "Did you mean …?" -------------------------------------------------------------------
    def _ambiguity(self, q: Question) -> Reply | None:
        for found in q.teams:
            if len(found.ids) > 1:
                resolved = self._resolve(found, q)
                if resolved is None:
                    name = " ".join(q.words[found.start:found.end])
                    rest = [f.names[0] for f in q.teams if f is not found]
                    buttons = [[Button(team, "ask:" + " ".join([team, *rest, *q.leftover])[:58])]
                               for team in found.names[:4]]
                    return Reply(text(q.lang, "ambiguous", name=esc(name)), buttons)
                found.ids, found.names = (resolved[0],), (resolved[1],)
        return None

    def _resolve(self, found: Found, q: Question) -> tuple[int, str] | None:
        """Among teams sharing a name, the one the store has matches of -- against the other team
        of the question when there is one."""
        others = [f.ids[0] for f in q.teams if f is not found and len(f.ids) == 1]
        pairs = list(zip(found.ids, found.names, strict=True))
        for pool in ([p for p in pairs if any(self.knowledge.played(p[0], o) for o in others)],
                     [p for p in pairs if self.knowledge.has_matches(p[0])]):
            if len(pool) == 1:
                return pool[0]
        return None

    # -- matches ------------------------------------------------------------------------------------------
    def matches_for(self, q: Question) -> list[MatchView]:
        teams = [f.ids[0] for f in q.teams]
        if len(teams) >= 2:
            found = queries.head_to_head(self.session, team_a=teams[0], team_b=teams[1], limit=40, details=True)
        else:
            found = queries.recent_results(self.session, team=teams[0], limit=60, details=True)
        return self._filter(found, q)

    def _filter(self, matches: list[MatchView], q: Question) -> list[MatchView]:
        """The matches the question's date, season, competition and round point at (each filter only
        when it leaves something: "today" about a store of old reports still shows what it has)."""
        checks = [
            (q.day is not None, lambda m: m.played_on is not None and abs((m.played_on - q.day).days) <= 1),
            (q.year is not None, lambda m: m.played_on is not None and m.played_on.year == q.year
             or (m.season or "").startswith(str(q.year)) or (m.season or "").endswith(str(q.year)[-2:])),
            (q.month is not None, lambda m: m.played_on is not None and m.played_on.month == q.month),
            (q.season is not None, lambda m: m.season == q.season),
            (q.competition is not None, lambda m: m.competition == q.competition),
            (q.round is not None, lambda m: m.round is not None and q.round in m.round),
        ]
        for wanted, keep in checks:
            if wanted:
                narrowed = [m for m in matches if keep(m)]
                if narrowed:
                    matches = narrowed
        if "penalty" in q.intents:
            with_pen = [m for m in matches if any(e.kind.startswith("penalty") for e in m.events)
                        or any(g.penalty for g in m.goals)]
            matches = with_pen or matches
        if "red_card" in q.intents:
            matches = [m for m in matches if any(e.kind == "red_card" for e in m.events)] or matches
        return matches

    def match_answer(self, q: Question) -> Reply:
        lang = q.lang
        matches = self.matches_for(q)
        names = [f.names[0] for f in q.teams]
        if not matches:
            return self._nothing_between(q, names)
        if len(q.teams) == 1 and q.intents & {"result"} and not q.intents & {"scorers", "when"}:
            focus = self._asked_opponent(q, matches)
            if focus:
                matches = focus
        if q.intents & {"penalty"} and q.intents & {"miss", "did"} | {"penalty"}:
            reply = self._events(matches, lang, kinds=("penalty_saved", "penalty_missed"), q=q)
            if reply:
                return reply
        if "red_card" in q.intents:
            reply = self._events(matches, lang, kinds=("red_card",), q=q)
            if reply:
                return reply
        if q.players and q.intents & {"when", "scorers", "did", "player_goals", "penalty"}:
            reply = self._player_in_matches(q, matches)
            if reply:
                return reply
        shown = matches[:MAX_MATCHES] if len(q.teams) >= 2 or not q.intents & {"scorers", "when"} else matches[:1]
        lines = []
        for m in shown:
            line = fmt.headline(m, lang)
            if getattr(m, "extra_time", False):
                line += f" – {text(lang, 'extra_time')}"
            lines.append(line)
            only = self._team_asked_for(q, m)
            scorers = fmt.scorers(m, lang, only_team=only)
            if scorers:
                lines.append(scorers)
            if m.events and q.intents & {"penalty", "red_card"}:
                lines.append("; ".join(fmt.event(e, lang) for e in m.events))
        reply = Reply("\n".join(lines), self._source_button(shown[0]))
        quote = self._quote(q, shown)
        if quote:
            reply.html += "\n" + quote
        return reply

    def _asked_opponent(self, q: Question, matches: list[MatchView]) -> list[MatchView] | None:
        """'Milan thua ai vay' -- one team and a result question: its most recent result."""
        scored = [m for m in matches if m.scored]
        return scored[:1] or None

    def _team_asked_for(self, q: Question, m: MatchView) -> str | None:
        """'who scored for Inter against Atalanta': the team right after "for"/"cho", or the team
        named in a possessive ("Liverpool's winner")."""
        if "scorers" not in q.intents or len(q.teams) == 0:
            return None
        for found in q.teams:
            before = q.words[max(0, found.start - 1):found.start]
            if before and before[0] in ("for", "cho"):
                return found.names[0] if found.names[0] in (m.home, m.away) else None
        if len(q.teams) == 1 and re.search(r"\b" + re.escape(q.words[q.teams[0].end - 1]) + r"'s\b", q.folded):
            name = q.teams[0].names[0]
            return name if name in (m.home, m.away) else None
        return None

    def _nothing_between(self, q: Question, names: list[str]) -> Reply:
        lang = q.lang
        if len(names) >= 2:
            msg = text(lang, "no_matches_between", a=esc(names[0]), b=esc(names[1]))
        else:
            msg = text(lang, "no_matches_for", team=esc(names[0]))
        opponents = self.knowledge.opponents(q.teams[0].ids[0])
        if opponents:
            msg += "\n" + text(lang, "known_opponents", team=esc(names[0]),
                               opponents=", ".join(esc(o) for o in opponents[:8]))
        return Reply(msg)

    def _events(self, matches: list[MatchView], lang: str, *, kinds: tuple[str, ...], q: Question) -> Reply | None:
        for m in matches:
            events = [e for e in m.events if e.kind in kinds]
            pen_goals = [g for g in m.goals if g.penalty] if "penalty" in kinds[0] else []
            if events or pen_goals:
                lines = [fmt.headline(m, lang)]
                lines += [fmt.event(e, lang) for e in events]
                if pen_goals and not q.intents & {"miss"}:
                    lines.append(", ".join(fmt.goal(g) for g in pen_goals))
                return Reply("\n".join(lines), self._source_button(m))
        if matches:
            key = "no_penalties" if "penalty_saved" in kinds else "no_red_cards"
            return Reply(fmt.headline(matches[0], lang) + "\n" + text(lang, key))
        return None

    def _player_in_matches(self, q: Question, matches: list[MatchView]) -> Reply | None:
        lang = q.lang
        for m in matches:
            lines = []
            for found in q.players:
                goals = [g for g in m.goals if g.player in found.names]
                if goals:
                    lines.append(text(lang, "player_goals", player=esc(goals[0].player),
                                      goals=", ".join(fmt.minute(g.minute, g.added) + (" (pen)" if g.penalty else "")
                                                      or "⚽" for g in goals)))
            if lines:
                return Reply(fmt.headline(m, lang) + "\n" + "\n".join(lines), self._source_button(m))
        if matches and "did" in q.intents:
            m = matches[0]
            return Reply(fmt.headline(m, lang) + "\n" +
                         text(lang, "did_not_score", player=esc(q.players[0].names[0])) + "\n" + fmt.scorers(m, lang))
        return None

    # -- players ------------------------------------------------------------------------------------------
    def player_answer(self, q: Question) -> Reply:
        lang = q.lang
        found = q.players[0]
        player_id = found.ids[0]
        lines = []
        if q.intents & {"player_goals"} or not q.intents & {"when", "scorers", "penalty"}:
            for claim in queries.player_tallies(self.session, player=player_id)[:2]:
                scope = f", {esc(claim.competition)}" if claim.competition else ""
                games = text(lang, "tally_games", games=claim.games) if claim.games else ""
                lines.append(text(lang, "tally", player=esc(claim.player), goals=claim.goals, games=games,
                                  scope=scope, date=fmt.day(claim.as_of, lang) or "?"))
        goals = queries.player_goals(self.session, player=player_id, limit=MAX_MATCHES)
        if "penalty" in q.intents:
            goals = [(m, g) for m, g in goals if g.penalty] or goals
        for m, g in goals[:MAX_MATCHES]:
            lines.append(f"{fmt.goal(g)} – {fmt.headline(m, lang)}")
        if not lines:
            return Reply(text(lang, "player_no_goals", player=esc(found.names[0])))
        return Reply("\n".join(lines))

    # -- tables and scorers ---------------------------------------------------------------------------------
    def standings_answer(self, q: Question) -> Reply:
        lang = q.lang
        if q.teams:
            lines = []
            for found in q.teams[:2]:
                claims = queries.stated_standings(self.session, team=found.ids[0], limit=1)
                for c in claims:
                    points = text(lang, "position_points", points=c.points) if c.points is not None else ""
                    position = module(lang).ordinal(c.position) if c.position else "?"
                    lines.append(text(lang, "position", team=esc(c.team), position=position, points=points,
                                      competition=esc(c.competition or "?"), date=fmt.day(c.as_of, lang) or "?"))
            if lines:
                quote = self._quote(q, [])
                return Reply("\n".join(lines) + ("\n" + quote if quote else ""))
            if not q.competition:
                quote = self._quote(q, [])
                return Reply(quote or text(lang, "no_position", team=esc(q.teams[0].names[0])))
        return self.table(lang, competition=q.competition, season=q.season)

    def table(self, lang: str, *, competition: str | None, season: str | None) -> Reply:
        from handlers.standings import table_reply

        return table_reply(self.session, lang, competition=competition, season=season)

    def top_scorers(self, lang: str, *, competition: str | None = None, season: str | None = None,
                    team: int | None = None) -> Reply:
        from handlers.scorers import scorers_reply

        return scorers_reply(self.session, lang, competition=competition, season=season, team=team)

    def coverage(self, lang: str, *, with_help: bool = False) -> Reply:
        from handlers.general import coverage_text

        body = coverage_text(self.session, lang)
        return Reply(body + ("\n\n" + text(lang, "help") if with_help else ""))

    # -- sources ----------------------------------------------------------------------------------------------
    @staticmethod
    def _source_button(m: MatchView) -> list[list[Button]]:
        return [[Button("📰", f"src:{m.id}")]] if m.sources else []

    def _quote(self, q: Question, matches: list[MatchView]) -> str:
        """A sentence of the reports that holds the question's remaining words ("bắt chính", "extra
        time"), quoted with its source -- facts the store does not model are still cited, never made up."""
        content = [w for w in q.leftover if len(w) > 2]
        if not content:
            return ""
        report_ids = [s.report_id for m in matches for s in m.sources]
        hit = self._best_sentence(content, report_ids, [f.names[0] for f in q.teams])
        if hit is None:
            return ""
        sentence, source = hit
        return text(q.lang, "from_report", source=esc(source), quote=esc(sentence))

    def _best_sentence(self, words: list[str], report_ids: list[int], teams: list[str]) -> tuple[str, str] | None:
        query = select(Report)
        if report_ids:
            query = query.where(col(Report.id).in_(report_ids))
        elif teams:
            query = query.where(col(Report.id).in_(select(MatchSource.report_id)))
        else:
            return None
        best: tuple[float, str, str] | None = None
        team_words = {w for t in teams for w in fold(t).split()}
        for report in self.session.exec(query.limit(50)):
            for sentence in re.split(r"(?<=[.!?])\s+|\n", report.text or ""):
                folded = set(re.findall(r"[0-9a-z]+", fold(sentence)))
                hits = sum(1 for w in words if w in folded)
                if not hits or (team_words and not team_words & folded and not report_ids):
                    continue
                score = hits + 0.5 * len(team_words & folded) - len(sentence) / 2000
                if best is None or score > best[0]:
                    best = (score, sentence.strip(), report.title or report.filename)
        if best is None or best[0] < 1:
            return None
        sentence = best[1] if len(best[1]) <= QUOTE_CHARS else best[1][:QUOTE_CHARS].rsplit(" ", 1)[0] + "…"
        return sentence, best[2][:60]

    def _fallback_search(self, q: Question) -> Reply | None:
        return None

    def sources(self, match_id: int, lang: str) -> Reply:
        match = queries.match_details(self.session, match_id=match_id)
        if match is None:
            return Reply(text(lang, "no_source"))
        return Reply(fmt.headline(match, lang) + "\n" + fmt.sources(match, lang, limit=10))


def today() -> date:
    return date.today()
