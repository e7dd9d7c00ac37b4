"""The answer engine shared by commands and free-text questions.

A :class:`Question` (from ``understand``) becomes a short :class:`Reply` from the store: one to
three lines for a specific question, the home team first, minutes as ``57'`` and ``90+2'``, the
date and competition when more than one match fits. It never bluffs: when the store does not
hold the answer it says so and offers what it does know; disagreeing reports are shown as such.
Words of the question that name nothing (a ground, "the final", "derby", "bắt chính") are
matched against the source reports, to pick the match the fan means and, when the store does not
model the fact, to quote the report sentence that states it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise

from sqlmodel import Session, col, select

from handlers import format as fmt
from handlers.general import coverage_text
from handlers.knowledge import Found, Knowledge
from handlers.lang import module, text
from handlers.reply import Button, Reply, esc
from handlers.scorers import scorers_reply
from handlers.standings import table_reply
from handlers.understand import Question
from store import queries
from store.models import Match, Report
from store.normalize import fold
from store.queries import GoalView, MatchView

MAX_MATCHES = 3  # a fan in a group does not want a wall of text
RESULT_LINES = 10  # a round or a day of results, one line each
QUOTE_CHARS = 260
CANDIDATES = 40
_WORDS = re.compile(r"[0-9a-z]+")
_SCORE = re.compile(r"(?<![\d/])(\d{1,2})\s*-\s*(\d{1,2})(?![\d/])")
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n")


@dataclass(slots=True)
class Answerer:
    """Everything answering needs: the store and the names in it."""

    session: Session
    knowledge: Knowledge
    _report_words: dict[int, Counter[str]] = field(default_factory=dict)

    # -- entry point ------------------------------------------------------------------------------------
    def answer(self, q: Question) -> Reply:
        lang = q.lang
        ambiguous = self._ambiguity(q)
        if ambiguous is not None:
            return ambiguous
        self._ground_as_team(q)
        self._player_team_for_match_words(q)
        intents = q.intents
        if "help" in intents and not q.teams and not q.players:
            return Reply(text(lang, "help"))
        if "coverage" in intents:
            return self.coverage(lang)
        if "top_scorers" in intents or (
            "scorers" in intents and not q.teams and not q.players and q.competition and "result" not in intents
        ):
            return self.top_scorers(lang, competition=q.competition, season=q.season)
        if (
            "standings" in intents
            and not intents & {"scorers", "penalty", "red_card", "when"}
            and (q.competition or q.teams)
        ):
            return self.standings_answer(q)
        if q.players and not q.teams and intents & {"red_card", "penalty"}:
            reply = self.player_events(q)
            if reply:
                return reply
        if q.players and (
            "player_goals" in intents or (not q.teams and intents & {"when", "scorers", "did", "penalty"})
        ):
            return self.player_answer(q)
        if not q.teams:
            if q.players:
                return self.player_answer(q)
            if q.day or q.month or q.round or (q.year and "result" in intents):
                return self.results_in(q)
            if q.competition and intents & {"result", "scorers"}:
                return self.competition_matches(q)
            if q.competition:
                return self.table(lang, competition=q.competition, season=q.season)
            return Reply(text(lang, "cannot_answer"))
        return self.match_answer(q)

    # -- who is meant -------------------------------------------------------------------------------------
    def _ambiguity(self, q: Question) -> Reply | None:
        """Several teams go by a name ("united", "real"): the store's data decides, else the fan."""
        for found in q.teams:
            if len(found.ids) > 1:
                others = [f.ids[0] for f in q.teams if f is not found and len(f.ids) == 1]
                resolved = self.knowledge.resolve(found.ids, others)
                if resolved is None:
                    name = " ".join(q.words[found.start : found.end])
                    rest = [f.names[0] for f in q.teams if f is not found]
                    buttons = [
                        [Button(team, ("ask:" + " ".join([team, *rest, *q.leftover]))[:64])] for team in found.names[:4]
                    ]
                    return Reply(text(q.lang, "ambiguous", name=esc(name)), buttons)
                found.ids, found.names = (resolved,), (self.knowledge.name(resolved),)
        self._squads(q)
        return None

    def _squads(self, q: Question) -> None:
        """'united against chelsea' about a women's match: the squads that actually met."""
        if len(q.teams) < 2 or self.knowledge.played(q.teams[0].ids[0], q.teams[1].ids[0]):
            return
        a, b = q.teams[0], q.teams[1]
        pairs = [
            (x, y)
            for x in [a.ids[0], *self.knowledge.squads(a.ids[0])]
            for y in [b.ids[0], *self.knowledge.squads(b.ids[0])]
            if self.knowledge.played(x, y)
        ]
        if len(pairs) == 1:
            ((x, y),) = pairs
            a.ids, a.names = (x,), (self.knowledge.name(x),)
            b.ids, b.names = (y,), (self.knowledge.name(y),)

    def _ground_as_team(self, q: Question) -> None:
        """'who scored for liverpool at stamford bridge': the ground's club is the other team."""
        if len(q.teams) != 1 or not q.grounds:
            return
        owner = next(
            (
                t
                for g in q.grounds
                for t in g.ids
                if t != q.teams[0].ids[0] and self.knowledge.played(t, q.teams[0].ids[0])
            ),
            None,
        )
        if owner is not None:
            q.teams.append(Found("team", (self.knowledge.name(owner),), (owner,), -1, -1))

    def _player_team_for_match_words(self, q: Question) -> None:
        """'did messi score in the clasico': a player and words that pick a match -- look among his
        team's matches, not only at those he scored in."""
        words = [w for w in q.leftover if len(w) > 3]
        if q.teams or len(q.players) != 1 or not words or "player_goals" in q.intents:
            return
        team = self.knowledge.player_team(q.players[0].ids[0])
        if team is not None:
            q.teams.append(Found("team", (self.knowledge.name(team),), (team,), -1, -1))

    # -- matches ------------------------------------------------------------------------------------------
    def matches_for(self, q: Question) -> list[MatchView]:
        teams = [f.ids[0] for f in q.teams]
        if len(teams) >= 2:
            found = queries.head_to_head(self.session, team_a=teams[0], team_b=teams[1], limit=CANDIDATES, details=True)
        else:
            found = queries.recent_results(self.session, team=teams[0], limit=CANDIDATES, details=True)
        return self._rank(self._filter(found, q), q)

    def _filter(self, matches: list[MatchView], q: Question) -> list[MatchView]:
        """The matches the question's date, season, competition, round and ground point at (each only
        when it leaves something: "today" asked of a store of old reports still shows what it has)."""
        grounds = {t for g in q.grounds for t in g.ids}
        cup_words = [w for w in q.leftover if len(w) > 2 and any(w in self._glued(m.competition) for m in matches)]
        subject = q.teams[0].names[0] if q.teams else None
        outcome = q.intents & {"won", "lost", "drew"}
        told = _SCORE.search(q.folded)
        score = (int(told.group(1)), int(told.group(2))) if told else None
        checks = [
            (q.day is not None, lambda m: m.played_on is not None and abs((m.played_on - q.day).days) <= 1),
            (
                q.year is not None,
                lambda m: (
                    (m.played_on is not None and m.played_on.year == q.year)
                    or str(q.year) in (m.season or "")
                    or (m.season or "").endswith(str(q.year)[-2:])
                ),
            ),
            (q.month is not None, lambda m: m.played_on is not None and m.played_on.month == q.month),
            (q.season is not None, lambda m: m.season == q.season),
            (q.competition is not None, lambda m: m.competition == q.competition),
            (q.round is not None, lambda m: m.round is not None and q.round in m.round),
            (bool(grounds), lambda m: self.knowledge.team_id(m.home) in grounds),
            (bool(outcome), lambda m: m.scored and _outcome(m, subject) in outcome),
            (score is not None, lambda m: m.scored and sorted((m.home_goals, m.away_goals)) == sorted(score)),
            (
                bool(cup_words),
                lambda m: (
                    m.competition is None  # may well have been that competition
                    or any(w in self._glued(m.competition) for w in cup_words)
                ),
            ),
        ]
        for wanted, keep in checks:
            if wanted:
                narrowed = [m for m in matches if keep(m)]
                if narrowed:
                    matches = narrowed
        if "penalty" in q.intents:
            with_pen = [
                m
                for m in matches
                if any(e.kind.startswith("penalty") for e in m.events)
                or ("miss" not in q.intents and any(g.penalty for g in m.goals))
            ]
            matches = with_pen or matches
        if "red_card" in q.intents:
            matches = [m for m in matches if any(e.kind == "red_card" for e in m.events)] or matches
        return matches

    def _rank(self, matches: list[MatchView], q: Question) -> list[MatchView]:
        """The question's other words ("clasico", "wembley", "derby") pick the matches whose reports use
        the most of them; with no such word, every match stays, newest first."""
        words = [w for w in q.leftover if len(w) > 3]
        if not words or len(matches) < 2:
            return matches
        self._load_words({s.report_id for m in matches for s in m.sources})
        scores = {m.id: self._relevance(m, words) for m in matches}
        if not any(any(score) for score in scores.values()):
            return matches
        return sorted((m for m in matches if any(scores[m.id])), key=lambda m: scores[m.id], reverse=True)

    def _best(self, matches: list[MatchView], q: Question) -> list[MatchView]:
        """Of ranked matches, the ones the question's words fit best ("did messi score in the clasico"
        is about the clasico, not about the match where he did score)."""
        words = [w for w in q.leftover if len(w) > 3]
        if not words or len(matches) < 2:
            return matches
        top = self._relevance(matches[0], words)
        return [m for m in matches if self._relevance(m, words) == top]

    def _relevance(self, match: MatchView, words: list[str]) -> tuple[int, int, int]:
        """Whether a word names the match's competition, how many of the words its reports use, then
        how often: a report about the clasico names it five times, another mentions it in passing."""
        counts = [self._words(s.report_id) for s in match.sources]
        return (
            int(any(w in self._glued(match.competition) for w in words)),
            sum(1 for w in words if any(w in c for c in counts)),
            sum(c[w] for w in words for c in counts),
        )

    def _glued(self, competition: str | None) -> str:
        """A competition's spellings run together: "supercup", "sieu cup" and "cup" are found in them."""
        return " ".join(self.knowledge.competition_spellings(competition))

    def _load_words(self, report_ids: set[int]) -> None:
        """Folded words of reports, with each pair of neighbours also glued ("super cup" -> "supercup");
        read in one query, the text column only."""
        missing = report_ids - self._report_words.keys()
        if not missing:
            return
        for report_id, body in self.session.exec(select(Report.id, Report.text).where(col(Report.id).in_(missing))):
            words = _WORDS.findall(fold(body or ""))
            self._report_words[report_id] = Counter(words) + Counter(a + b for a, b in pairwise(words))  # type: ignore[index]

    def _words(self, report_id: int) -> Counter[str]:
        self._load_words({report_id})
        return self._report_words.get(report_id, Counter())

    def match_answer(self, q: Question) -> Reply:
        lang = q.lang
        matches = self.matches_for(q)
        if not matches:
            return self._nothing_between(q)
        elsewhere = self._not_there(q, matches)
        if elsewhere:
            return elsewhere
        if q.intents & {"penalty", "red_card"}:
            kinds = ("red_card",) if "red_card" in q.intents else ("penalty_saved", "penalty_missed")
            reply = self._events(matches, lang, kinds=kinds, q=q)
            if reply:
                return reply
        if q.players and q.intents & {"when", "scorers", "did", "penalty"}:
            reply = self._player_in_matches(q, self._best(matches, q))
            if reply:
                return reply
        one = len(q.teams) == 1 and q.intents & {"scorers", "when", "result"}
        shown = matches[:1] if one else matches[:MAX_MATCHES]
        lines = []
        for m in shown:
            lines.append(fmt.headline(m, lang) + (f" – {text(lang, 'extra_time')}" if m.extra_time else ""))
            scorers = fmt.scorers(m, lang, only_team=self._team_asked_for(q, m))
            if scorers:
                lines.append(scorers)
        reply = Reply("\n".join(lines), self._source_button(shown[0]))
        quote = self._quote(q, shown)
        if quote:
            reply.html += "\n" + quote
        return reply

    def results_in(self, q: Question) -> Reply:
        """'results on 7 may 2006', 'kết quả vòng 6 ngoại hạng anh': every match of that day, month,
        year or round, one line each."""
        if q.day:
            start = end = q.day
        elif q.month and q.year:
            start = date(q.year, q.month, 1)
            end = date(q.year + q.month // 12, q.month % 12 + 1, 1) - timedelta(days=1)
        elif q.year:
            start, end = date(q.year, 1, 1), date(q.year, 12, 31)
        else:
            start = end = None
        matches = queries.matches_in(
            self.session, start=start, end=end, competition=q.competition, round=q.round, limit=RESULT_LINES
        )
        if not matches and q.competition:
            return self.competition_matches(q)
        if not matches:
            return Reply(text(q.lang, "no_results_then"))
        return Reply("\n".join(fmt.headline(m, q.lang) for m in matches), self._source_button(matches[0]))

    def _not_there(self, q: Question, matches: list[MatchView]) -> Reply | None:
        """'real madrid barcelona at the bernabeu', 'indonesia vietnam asian cup': when every match the
        store has between them was clearly elsewhere or in another competition, say so -- the scores of
        other meetings would answer a question that was not asked."""
        if len(q.teams) < 2:
            return None
        a, b = (esc(f.names[0]) for f in q.teams[:2])
        grounds = {t for g in q.grounds for t in g.ids} & {f.ids[0] for f in q.teams}  # not a neutral venue
        if grounds and all(m.order_known and self.knowledge.team_id(m.home) not in grounds for m in matches):
            place = " ".join(q.words[q.grounds[0].start : q.grounds[0].end]).title()
            return Reply(text(q.lang, "no_match_at", a=a, b=b, place=esc(place)))
        if q.competition and all(m.competition and m.competition != q.competition for m in matches):
            return Reply(text(q.lang, "no_match_in", a=a, b=b, competition=esc(q.competition)))
        return None

    def competition_matches(self, q: Question) -> Reply:
        """'what was the score in the 2013 champions league final': no team, a competition."""
        query = select(Match.id).where(Match.competition == q.competition)
        ids = list(self.session.exec(query.order_by(col(Match.played_on).desc()).limit(200)))
        matches = [m for m in (queries.match_details(self.session, match_id=i) for i in ids) if m]
        matches = self._rank(self._filter(matches, q), q)
        if not matches:
            return self.table(q.lang, competition=q.competition, season=q.season)
        return Reply(
            "\n".join(fmt.match_summary(m, q.lang) for m in matches[:MAX_MATCHES]), self._source_button(matches[0])
        )

    def _team_asked_for(self, q: Question, m: MatchView) -> str | None:
        """'who scored for Inter against Atalanta': the team right after "for"/"cho", or named with a
        possessive ("Liverpool's winner")."""
        if "scorers" not in q.intents or not q.teams:
            return None
        for found in q.teams:
            if found.start > 0 and q.words[found.start - 1] in ("for", "cho"):
                return found.names[0] if found.names[0] in (m.home, m.away) else None
        first = q.teams[0]
        if first.start >= 0 and re.search(r"\b" + re.escape(q.words[first.end - 1]) + r"'s\b", q.folded):
            return first.names[0] if first.names[0] in (m.home, m.away) else None
        return None

    def _nothing_between(self, q: Question) -> Reply:
        lang = q.lang
        names = [f.names[0] for f in q.teams]
        msg = (
            text(lang, "no_matches_between", a=esc(names[0]), b=esc(names[1]))
            if len(names) >= 2
            else text(lang, "no_matches_for", team=esc(names[0]))
        )
        opponents = self.knowledge.opponents(q.teams[0].ids[0])
        if opponents:
            msg += "\n" + text(
                lang, "known_opponents", team=esc(names[0]), opponents=", ".join(esc(o) for o in opponents[:8])
            )
        return Reply(msg)

    def _events(self, matches: list[MatchView], lang: str, *, kinds: tuple[str, ...], q: Question) -> Reply | None:
        """Penalties saved or missed, or red cards -- and penalty goals, unless the fan asked about misses."""
        for m in matches:
            events = [e for e in m.events if e.kind in kinds]
            pens = [g for g in m.goals if g.penalty] if "penalty_saved" in kinds and "miss" not in q.intents else []
            if events or pens:
                lines = [fmt.headline(m, lang), *(fmt.event(e, lang) for e in events)]
                if pens:
                    lines.append(", ".join(fmt.goal(g) for g in pens))
                return Reply("\n".join(lines), self._source_button(m))
        if matches and q.intents & {"miss", "did"}:
            m = matches[0]
            key = "no_penalties" if "penalty_saved" in kinds else "no_red_cards"
            return Reply(fmt.match_summary(m, lang) + "\n" + text(lang, key))
        return None

    def _player_in_matches(self, q: Question, matches: list[MatchView]) -> Reply | None:
        lang = q.lang
        for m in matches:
            lines = []
            for found in q.players:
                goals = [g for g in m.goals if g.player in found.names and not g.doubtful]
                if goals:
                    told = fmt.goal_times(goals)
                    lines.append(text(lang, "player_goals", player=esc(goals[0].player), goals=told))
            if lines:
                return Reply(fmt.headline(m, lang) + "\n" + "\n".join(lines), self._source_button(m))
        if matches and q.intents & {"did", "scorers"}:
            m = matches[0]
            return Reply(
                fmt.headline(m, lang)
                + "\n"
                + text(lang, "did_not_score", player=esc(q.players[0].names[0]))
                + "\n"
                + fmt.scorers(m, lang)
            )
        return None

    # -- players ------------------------------------------------------------------------------------------
    def player_events(self, q: Question) -> Reply | None:
        """'egan bi the do phut may', 'handanovic can pha penalty cua ai': the player's red cards and
        penalties (missed, or saved as the keeper), newest match first."""
        found = q.players[0]
        kinds = {"red_card"} if "red_card" in q.intents else {"penalty_saved", "penalty_missed"}
        for player_id in found.ids[:2]:
            for m in queries.player_event_matches(self.session, player=player_id, limit=MAX_MATCHES):
                events = [e for e in m.events if e.kind in kinds and found.names[0] in (e.player, e.keeper)]
                if events:
                    lines = [fmt.headline(m, q.lang), *(fmt.event(e, q.lang) for e in events)]
                    return Reply("\n".join(lines), self._source_button(m))
        return None

    def player_answer(self, q: Question) -> Reply:
        lang = q.lang
        found = q.players[0]
        lines = []
        for player_id in found.ids[:2]:
            if "player_goals" in q.intents or not q.intents & {"when", "scorers", "penalty"}:
                for claim in queries.player_tallies(self.session, player=player_id, season=q.season)[:1]:
                    scope = f", {esc(claim.competition)}" if claim.competition else ""
                    games = text(lang, "tally_games", games=claim.games) if claim.games else ""
                    date = text(lang, "as_of", date=fmt.day(claim.as_of, lang)) if claim.as_of else ""
                    lines.append(
                        text(
                            lang,
                            "tally",
                            player=esc(claim.player),
                            goals=claim.goals,
                            games=games,
                            scope=scope,
                            date=date,
                        )
                    )
            goals = queries.player_goals(self.session, player=player_id, limit=MAX_MATCHES)
            if "penalty" in q.intents:
                goals = [(m, g) for m, g in goals if g.penalty] or goals
            by_match: dict[int, list[GoalView]] = {}
            for m, g in goals:
                if not g.doubtful:
                    by_match.setdefault(m.id, []).append(g)
            for m in [m for m in {m.id: m for m, _ in goals}.values() if m.id in by_match][:MAX_MATCHES]:
                player = by_match[m.id][0].player
                lines.append(f"{fmt.headline(m, lang)}: {esc(player)} {fmt.goal_times(by_match[m.id])}")
        if not lines:
            return Reply(text(lang, "player_no_goals", player=esc(found.names[0])))
        return Reply("\n".join(lines))

    # -- tables and scorers ---------------------------------------------------------------------------------
    def standings_answer(self, q: Question) -> Reply:
        lang = q.lang
        if not q.teams:
            return self.table(lang, competition=q.competition, season=q.season)
        lines = []
        for found in q.teams[:2]:
            for c in queries.stated_standings(self.session, team=found.ids[0], limit=1):
                facts = [module(lang).ordinal(c.position)] if c.position else []
                facts += [text(lang, "position_points", points=c.points)] if c.points is not None else []
                lines.append(
                    text(
                        lang,
                        "position",
                        team=esc(c.team),
                        facts=", ".join(facts),
                        competition=text(lang, "position_in", competition=esc(c.competition)) if c.competition else "",
                        date=text(lang, "reported_on", date=fmt.day(c.as_of, lang)) if c.as_of else "",
                    )
                )
        quote = self._quote(q, [], extra=("points", "diem", "point"))
        if quote and (len(q.teams) > 1 or not lines):
            lines.append(quote)
        if lines:
            return Reply("\n".join(lines))
        if q.competition:
            return self.table(lang, competition=q.competition, season=q.season)
        return Reply(text(lang, "no_position", team=esc(q.teams[0].names[0])))

    def table(self, lang: str, *, competition: str | None, season: str | None) -> Reply:
        return table_reply(self.session, lang, competition=competition, season=season, image=None)  # text in a chat

    def top_scorers(
        self, lang: str, *, competition: str | None = None, season: str | None = None, team: int | None = None
    ) -> Reply:
        return scorers_reply(self.session, lang, competition=competition, season=season, team=team)

    def coverage(self, lang: str) -> Reply:
        return Reply(coverage_text(self.session, lang))

    # -- sources ------------------------------------------------------------------------------------------
    @staticmethod
    def _source_button(m: MatchView) -> list[list[Button]]:
        return [[Button("📰", f"src:{m.id}")]] if m.sources else []

    def _quote(self, q: Question, matches: list[MatchView], *, extra: tuple[str, ...] = ()) -> str:
        """A sentence of the reports holding the question's remaining words ("bắt chính", "11 points"),
        quoted with its source: facts the store does not model are cited, never made up."""
        content = [w for w in q.leftover if len(w) > 2] + [w for w in extra if w in q.words]
        if not content:
            return ""
        report_ids = [s.report_id for m in matches for s in m.sources]
        hit = self._best_sentence(content, report_ids, [f.names[0] for f in q.teams])
        if hit is None:
            return ""
        sentence, source = hit
        return text(q.lang, "from_report", source=esc(source), quote=esc(sentence))

    def _best_sentence(self, words: list[str], report_ids: list[int], teams: list[str]) -> tuple[str, str] | None:
        if not report_ids:
            team_ids = [t for t in (self.knowledge.team_id(n) for n in teams) if t is not None]
            if not team_ids:
                return None
            matches = queries.recent_results(self.session, team=team_ids[0], limit=10, details=True)
            report_ids = [s.report_id for m in matches for s in m.sources]
        team_words = [set(fold(t).split()) for t in teams]
        best: tuple[float, str, str] | None = None
        reports = select(Report.text, Report.title, Report.filename).where(col(Report.id).in_(set(report_ids)))
        for body, title, filename in self.session.exec(reports):  # not the raw bytes
            for sentence in _SENTENCES.split(body or ""):
                folded = set(_WORDS.findall(fold(sentence)))
                hits = sum(1 for w in words if w in folded)
                named = sum(1 for tw in team_words if tw <= folded)
                if not hits or (team_words and not named):
                    continue
                score = hits + named - len(sentence) / 2000
                if best is None or score > best[0]:
                    best = (score, sentence.strip(), title or filename)
        if best is None:
            return None
        sentence = best[1] if len(best[1]) <= QUOTE_CHARS else best[1][:QUOTE_CHARS].rsplit(" ", 1)[0] + "…"
        return sentence, best[2][:60]

    def sources(self, match_id: int, lang: str) -> Reply:
        match = queries.match_details(self.session, match_id=match_id)
        if match is None:
            return Reply(text(lang, "no_source"))
        return Reply(fmt.headline(match, lang) + "\n" + fmt.sources(match, lang, limit=10))


def _outcome(m: MatchView, team: str | None) -> str:
    """won / lost / drew, for ``team`` in a scored match."""
    if m.home_goals == m.away_goals:
        return "drew"
    home_won = (m.home_goals or 0) > (m.away_goals or 0)
    return "won" if home_won == (m.home == team) else "lost"
