"""From the mentions of one report to its facts: matches, goals, events and claims.

This is where the report is read as a whole: which team "the hosts" or "Klopp's side" is, which
match a goal belongs to, which mentions are the same goal, whose goal it was, and whether the
named goals fit the stated score. Nothing is guessed: a score is stated, or computed from a
complete sequence of goals; a fact that does not fit is dropped or marked doubtful.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import product

from store.extract.annotate import Annotated, Annotator, Entity, Minute
from store.extract.claims import StandingMention, TallyMention
from store.extract.dates import season_label, season_of, season_years, stated_date, stated_round
from store.extract.document import Document
from store.extract.events import EventMention
from store.extract.facts import EventFact, ExtractedReport, GoalFact, MatchFact, StandingClaim, TallyClaim
from store.extract.goals import _LINEUP_HEAD, MENTION_ROLES, GoalMention
from store.extract.lang.base import LanguageRules
from store.extract.results import ScoreStatement
from store.names import same_person
from store.normalize import key, strip_accents
from store.teams import Directory

TWIN_DISTANCE = 12  # sentences between a team-only goal mention and the named goal it may be
_NAME_TOKEN = re.compile(r"[0-9a-z]+")


@dataclass(slots=True)
class Frame:
    """A match being put together."""

    home: str  # the first team (home when ``order_known``)
    away: str
    score: tuple[int, int] | None  # (home goals, away goals)
    order_known: bool = False
    sentences: list[int] = field(default_factory=list)
    statements: list[ScoreStatement] = field(default_factory=list)
    mentions: list[GoalMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    computed: bool = False
    from_title: bool = False
    final_cue: bool = False
    historic: bool = False  # stated as a past meeting ("12 months ago ... beat Bayern 4-2")
    doubts: list[str] = field(default_factory=list)

    @property
    def teams(self) -> tuple[str, str]:
        return self.home, self.away

    def other(self, team: str) -> str | None:
        return self.away if team == self.home else self.home if team == self.away else None

    def goals_of(self, team: str) -> int | None:
        if self.score is None:
            return None
        return self.score[0] if team == self.home else self.score[1] if team == self.away else None

    def swap(self) -> None:
        self.home, self.away = self.away, self.home
        if self.score:
            self.score = (self.score[1], self.score[0])


@dataclass(slots=True)
class _Slot:
    """One goal of one player, while its mentions are being merged."""

    player: str
    minute: Minute | None
    penalty: bool
    own_goal: bool
    strength: int  # 3 scorer box or result line, 2 narrative with a minute, 1 narrative
    mentions: list[GoalMention]
    team: str | None = None
    roles: set[str] = field(default_factory=set)
    after_win_statement: bool = False
    filler: bool = False  # added only because the text counts goals ("scored twice")

    @property
    def order(self) -> float:
        """Where the goal falls in the story: its last narrative mention (headlines and captions
        mention goals early and out of order; the account of the match tells them in order)."""
        narrative = [m.order for m in self.mentions if m.source == "narrative"]
        return max(narrative or [m.order for m in self.mentions])

    @property
    def running(self) -> tuple[int, int] | None:
        return next((m.running for m in self.mentions if m.running), None)

    def roles_so_far(self) -> set[str]:
        return set().union(*(m.roles for m in self.mentions)) if self.mentions else set()

    def fact(self) -> GoalFact:
        minute = Assembler._norm_minute(self.minute)
        return GoalFact(
            match=-1,
            player=self.player,
            team=self.team,
            minute=minute[0] if minute else None,
            added=minute[1] if minute else None,
            penalty=self.penalty,
            own_goal=self.own_goal,
            evidence=self.mentions[0].evidence[:300],
        )


# roles no single goal can have together
_CONFLICTS = {
    frozenset(p)
    for p in (
        ("opener", "equaliser"),
        ("opener", "pullback"),
        ("opener", "double_lead"),
        ("equaliser", "pullback"),
        ("equaliser", "double_lead"),
        ("pullback", "double_lead"),
        ("winner", "pullback"),
        ("winner", "consolation"),
        ("opener", "consolation"),
    )
}


def _narrative_rank(slot: _Slot) -> tuple[int, float]:
    """Goals in the order of the match: the opener first, the last goal last, the rest as told."""
    rank = 0 if "opener" in slot.roles else 2 if "last" in slot.roles else 1
    return rank, slot.order


def _roles_conflict(a: set[str], b: set[str]) -> bool:
    return any(frozenset((x, y)) in _CONFLICTS for x in a for y in b)


def name_key(name: str) -> str:
    return key(name)


class Assembler:
    def __init__(
        self,
        doc: Document,
        rules: LanguageRules,
        directory: Directory,
        annotator: Annotator,
        annotated: list[Annotated],
    ) -> None:
        self.doc = doc
        self.rules = rules
        self.directory = directory
        self.annotator = annotator
        self.annotated = annotated
        self.frames: list[Frame] = []
        self.coaches: dict[str, str] = {}
        self.player_team: dict[str, str] = {}
        self.team_counts: Counter[str] = Counter()
        self.focus: str | None = None
        self.names: dict[str, str] = {}  # key of a short name -> the fuller name the report also uses
        self._mentions_at: dict[str, list[int]] = defaultdict(list)  # team -> sentences mentioning it

    # -- document knowledge -------------------------------------------------------------------------
    def learn(self) -> None:
        compiled = self.rules.compiled
        for ann in self.annotated:
            weight = 3 if ann.sentence.in_title else 1
            for entity in ann.entities:
                if entity.kind == "T" and isinstance(entity.value, str):
                    self.team_counts[entity.value] += weight
                    self._mentions_at[entity.value].append(ann.sentence.index)
            for pattern, _ in compiled.coaches.applicable(ann.skeleton):
                for m in pattern.finditer(ann.skeleton):
                    team = self.team_name(ann.entity(m.group("t")))
                    if team:
                        self.coaches[ann.entity(m.group("p")).text] = team
            for pattern, _ in compiled.player_teams.applicable(ann.skeleton):
                for m in pattern.finditer(ann.skeleton):
                    team = self.team_name(ann.entity(m.group("t")))
                    if team:
                        self.player_team.setdefault(name_key(ann.entity(m.group("p")).text), team)
        for ann in self.annotated:  # an ambiguous nickname counts for the one of its teams the report names
            for entity in ann.entities:
                if entity.kind == "T" and entity.value is None:
                    named = [t for t in entity.candidates if self.team_counts[t]]
                    if len(named) == 1:
                        self.team_counts[named[0]] += 1
        for weight, names in ((4, self.doc.categories), (1, self.doc.tags)):
            for name in names:
                team = self.directory.canonical(name, fuzzy=False)
                if team:
                    self.team_counts[team] += weight
        ranked = self.team_counts.most_common(2)
        if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            self.focus = ranked[0][0]
        self._learn_lineups()
        self._learn_names()

    def _learn_lineups(self) -> None:
        for line in self.doc.lines:
            m = _LINEUP_HEAD.match(line) if len(line) < 1000 else None
            if not m or m.group("rest").count(",") + m.group("rest").count(";") < 4:
                continue
            team = self.resolve_name(m.group("team"))
            if not team:
                continue
            for raw in re.split(r"[,;]", m.group("rest")):
                player = re.sub(r"\(.*?\)|\d+(?:\.\d)?", " ", raw).strip(" .")
                if player and player[0].isupper() and len(player.split()) <= 3:
                    self.player_team.setdefault(name_key(player), team)
                    self.player_team.setdefault(name_key(player.split()[-1]), team)

    def _learn_names(self) -> None:
        full: dict[str, set[str]] = defaultdict(set)
        for ann in self.annotated:
            for entity in ann.entities:
                if entity.kind == "N" and 1 < len(entity.text.split()) <= 4:
                    tokens = key(entity.text).split()
                    if tokens:
                        full[tokens[-1]].add(entity.text)
                        full[tokens[0]].add(entity.text)
        self._full_names = full

    def person(self, name: str) -> str:
        """The fullest form of a player's name the report uses ('Messi' -> 'Lionel Messi')."""
        tokens = key(name).split()
        if not tokens:
            return name
        pool = {
            n
            for n in self._full_names.get(tokens[-1], set()) | self._full_names.get(tokens[0], set())
            if same_person(name, n) and len(n) >= len(name)
        }
        by_key = {key(n): n for n in pool}
        if len(by_key) == 1:
            return next(iter(by_key.values()))
        return name

    # -- teams --------------------------------------------------------------------------------------
    def resolve_name(self, text: str) -> str | None:
        cleaned = re.sub(
            r"^(?:" + "|".join(map(re.escape, self.rules.team_prefixes or ("\x00",))) + r")\s+",
            "",
            text.strip(),
            flags=re.I,
        )
        return self.directory.canonical(cleaned) or self.annotator.discovered.get(key(cleaned))

    def team_name(self, entity: Entity | None, frame: Frame | None = None) -> str | None:
        if entity is None:
            return None
        if entity.kind == "T":
            if isinstance(entity.value, str):
                return self._fit(entity.value, frame)
            if frame is not None:
                fits = {self._fit(t, frame) for t in entity.candidates} & set(frame.teams)
                return fits.pop() if len(fits) == 1 else None
            return None
        if entity.kind == "R":
            role = str(entity.value)
            if role.startswith("coach:"):
                coach = role[6:]
                known = self.coaches.get(coach) or next(
                    (t for c, t in self.coaches.items() if same_person(c, coach)), None
                )
                return known
            if frame is not None and frame.order_known and role in ("home", "away"):
                return frame.home if role == "home" else frame.away
            if role == "us":
                return self.focus
            return None
        if entity.kind == "N":
            found = self.annotator.discovered.get(key(entity.text))
            if found:
                return found
            return self.coaches.get(entity.text)
        return None

    def _teams_in(self, sentence: int) -> list[Entity]:
        if not 0 <= sentence < len(self.annotated):
            return []
        return [e for e in self.annotated[sentence].entities if e.kind in "TR"]

    @staticmethod
    def _fit(name: str, frame: Frame | None) -> str:
        """'Chelsea' named in a match of 'Chelsea Women' is that team."""
        if frame is None or name in frame.teams:
            return name
        squads = [t for t in frame.teams if t.startswith(name + " ")]
        return squads[0] if len(squads) == 1 else name

    # -- matches ------------------------------------------------------------------------------------
    def main_pair(self) -> tuple[str, str] | None:
        main = self.main_frame()
        return main.teams if main else None

    def main_frame(self) -> Frame | None:
        if not self.frames:
            return None

        def weight(f: Frame) -> tuple[float, ...]:
            lined = any(st.relation == "ordered" for st in f.statements)
            return (
                f.from_title,
                not f.historic,
                self.team_counts[f.home] + self.team_counts[f.away],
                lined,
                -min(f.sentences or [10**6]),
            )

        return max(self.frames, key=weight)

    def add_statement(self, st: ScoreStatement, *, second_round: bool) -> None:
        first = self.team_name(st.first)
        second = self.team_name(st.second)
        if (st.first is not None and st.first.kind == "R" and st.first.value == "pair") or (
            st.second is not None and st.second.kind == "R" and st.second.value == "pair"
        ):
            pair = self.main_pair()
            if pair:
                first, second = pair
        if first is None or second is None:
            if not second_round:
                return
            anchor = first or second
            if anchor is None:
                return
            hi, lo = max(st.score), min(st.score)
            anchor_won = (st.relation == "win") == (anchor == first)
            anchor_goals = (
                st.score[0] if st.relation in ("ordered", "ordered_one", "draw") else (hi if anchor_won else lo)
            )
            other = self._opponent_for(anchor, st, anchor_goals)
            if other is None:
                return
            first, second = (anchor, other) if first else (other, anchor)
        if first == second:
            return
        a, b = st.score
        order_known = False
        if st.relation in ("ordered", "ordered_one"):
            home, away, score, order_known = first, second, (a, b), True
        elif st.relation == "draw":
            if a != b:
                return
            home, away, score = first, second, (a, b)
        elif st.relation in ("win", "loss"):
            if a == b:
                return
            hi, lo = max(a, b), min(a, b)
            winner_first = st.relation == "win"
            home, away, score = first, second, ((hi, lo) if winner_first else (lo, hi))
        else:
            return
        frame = self._frame_for(home, away, score)
        if frame is None:
            frame = Frame(home, away, score, order_known=order_known)
            self.frames.append(frame)
        elif order_known and not frame.order_known:
            if frame.home != home:
                frame.swap()
            frame.order_known = True
        historic = bool(self.rules.compiled.words["HISTORIC"].search(st.evidence))
        frame.historic = (frame.historic or not frame.statements) and historic
        frame.statements.append(st)
        frame.sentences.append(st.sentence)
        frame.final_cue = frame.final_cue or st.final_cue
        if self.doc.sentences[st.sentence].in_title:
            frame.from_title = True

    def add_headline(self) -> None:
        """A title that names a result without its score ("Carlisle stun Reading") still says which
        match the report is about: an unscored frame, kept only if goals or events come to fill it."""
        for ann in self.annotated:
            if not ann.sentence.in_title:
                continue
            found = self.rules.compiled.headline.search(ann.skeleton)
            if not found:
                continue
            a, b = self.team_name(ann.entity(found.group("a"))), self.team_name(ann.entity(found.group("b")))
            if a and b and a != b and self._frame_for(a, b, None) is None:
                self.frames.append(Frame(a, b, None, sentences=[ann.sentence.index], from_title=True))
            return

    def _opponent_for(self, anchor: str, st: ScoreStatement, anchor_goals: int) -> str | None:
        """A result naming one team only: the other is the team it is paired with in the report."""
        other_goals = st.score[0] + st.score[1] - anchor_goals
        for frame in self.frames:
            if anchor in frame.teams and frame.score is not None:
                other = frame.other(anchor) or ""
                if (frame.goals_of(anchor), frame.goals_of(other)) == (anchor_goals, other_goals):
                    return other
        pair = self.main_pair()
        if pair and anchor in pair:
            return pair[0] if pair[1] == anchor else pair[1]
        if self.focus and self.focus != anchor:
            return self.focus
        return None

    def _frame_for(self, home: str, away: str, score: tuple[int, int] | None) -> Frame | None:
        for frame in self.frames:
            if {frame.home, frame.away} != {home, away}:
                continue
            if score is None or frame.score is None:
                return frame
            mine = score if frame.home == home else (score[1], score[0])
            if mine == frame.score:
                return frame
        return None

    def frames_with(self, team: str) -> list[Frame]:
        return [f for f in self.frames if self._fit(team, f) in f.teams]

    # -- goals ---------------------------------------------------------------------------------------
    def place_mentions(self, mentions: list[GoalMention]) -> None:
        for mention in mentions:  # "Nketiah's goal for Crystal Palace": Nketiah plays for Palace
            team = self.team_name(mention.team) if mention.team is not None else None
            if mention.player and team and not mention.own_goal and mention.team.kind == "T":
                self.player_team.setdefault(name_key(mention.player), team)
        if not self.frames and any(m.player for m in mentions):
            self._frame_from_mentions()
        structured = [m for m in mentions if m.source != "narrative"]
        boxes: list[tuple[str, Frame]] = []
        for mention in sorted(structured, key=lambda m: m.order):
            frame = self._frame_of_mention(mention, None)
            if frame is not None:
                frame.mentions.append(mention)
                if mention.player:
                    boxes.append((mention.player, frame))
        for mention in sorted((m for m in mentions if m.source == "narrative"), key=lambda m: m.order):
            boxed = next((f for player, f in boxes if mention.player and same_person(player, mention.player)), None)
            frame = boxed or self._frame_of_mention(mention, self._latest_frame(mention.sentence))
            if frame is not None:
                frame.mentions.append(mention)

    def _frame_from_mentions(self) -> None:
        """A report that narrates goals but never states the score is still about one match: the
        two teams it names most, when they clearly stand out."""
        ranked = self.team_counts.most_common(3)
        if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) == 3 and ranked[2][1] * 2 > ranked[1][1]):
            return
        self.frames.append(Frame(ranked[0][0], ranked[1][0], None))

    def _references(self, frame: Frame) -> set[int]:
        """Sentences that speak of a frame: its result, both its teams, or a team only it has."""
        refs = set(frame.sentences) | {m.sentence for m in frame.mentions}
        home, away = set(self._mentions_at[frame.home]), set(self._mentions_at[frame.away])
        refs |= home & away
        for team, seen in ((frame.home, home), (frame.away, away)):
            if len(self.frames_with(team)) == 1:
                refs |= seen
        return refs

    def _latest_frame(self, sentence: int) -> Frame | None:
        """The match the narrative is about at ``sentence``: one spoken of in this or the previous
        sentence, else the report's main match."""
        recent: tuple[int, Frame] | None = None
        for frame in self.frames:
            near = [s for s in self._references(frame) if sentence - 1 <= s <= sentence]
            if near and (recent is None or max(near) > recent[0]):
                recent = (max(near), frame)
        return recent[1] if recent else self.main_frame()

    def _frame_of_mention(self, mention: GoalMention, current: Frame | None) -> Frame | None:
        if mention.source == "line" and mention.result_line is not None:
            return next((f for f in self.frames if mention.result_line in f.sentences), None)
        if mention.source == "box":
            team = self.resolve_name(mention.team_name) if mention.team_name else None
            main = self.main_frame()
            if team:
                mention.team_name = team
                fits = self.frames_with(team)
                return main if main in fits else (fits[0] if fits else None)
            return main
        team, opponent = self.team_name(mention.team), self.team_name(mention.opponent)
        named = [n for n in (team, opponent) if n]
        context = [n for n in (self.team_name(e) for e in mention.context_teams) if n]
        if mention.player and not named:
            known = self.player_team.get(name_key(mention.player))
            if known:
                context.append(known)
        # a result stated in the same sentence: the one nearest before the mention
        here = [
            (st, f)
            for f in self.frames
            for st in f.statements
            if st.sentence == mention.sentence and (not named or any(self._fit(t, f) in f.teams for t in named))
        ]
        if here:
            ann = self.annotated[mention.sentence]

            def distance(item: tuple[ScoreStatement, Frame]) -> tuple[bool, int]:
                pos = ann.position(item[0].s_entity)
                return pos > mention.anchor, abs(pos - mention.anchor)

            return min(here, key=distance)[1]
        for pool in (named, context):
            candidates = [f for f in self.frames if any(self._fit(t, f) in f.teams for t in pool)]
            if pool is context and len(set(pool)) >= 2:
                both = [f for f in candidates if sum(self._fit(t, f) in f.teams for t in set(pool)) >= 2]
                candidates = both or candidates
            if candidates:
                return self._closest(candidates, mention.sentence, current)
        if opponent and mention.player:
            side = team or self.player_team.get(name_key(mention.player)) or self.focus
            if side and side != opponent:
                frame = Frame(side, opponent, None)
                self.frames.append(frame)
                return frame
        if team and mention.player:  # "X scored twice for Carlisle before stunning Reading"
            others = {t for t in context if t != team} or {
                t for t in (self.team_name(e) for e in self._teams_in(mention.sentence - 1)) if t and t != team
            }
            if len(others) == 1:
                frame = Frame(team, others.pop(), None)
                self.frames.append(frame)
                return frame
        if context or named:
            return None
        return current or self.main_frame()

    def _closest(self, frames: list[Frame], sentence: int, current: Frame | None) -> Frame:
        if current in frames:
            return current  # type: ignore[return-value]
        main = self.main_frame()

        def distance(f: Frame) -> tuple[int, int]:
            near = [sentence - s for s in f.sentences if s <= sentence] or [
                abs(s - sentence) + 1000 for s in f.sentences
            ]
            return (min(near) if near else 10**6, 0 if f is main else 1)

        return min(frames, key=distance)

    def goal_team(self, mention: GoalMention, frame: Frame) -> str | None:
        """Whose goal a mention is, from what the mention itself says."""
        if mention.team_name and mention.team_name in frame.teams:
            return mention.team_name
        team = self.team_name(mention.team, frame)
        if team in frame.teams:
            return team
        opponent = self.team_name(mention.opponent, frame)
        if opponent in frame.teams:
            return frame.other(opponent)  # type: ignore[arg-type]
        return None

    def player_side(self, player: str, frame: Frame) -> str | None:
        known = self.player_team.get(name_key(player))
        if known is None:
            tokens = key(player).split()
            known = self.player_team.get(tokens[-1]) if tokens else None
        if known in frame.teams:
            return known
        # a squad variant: "Chelsea" named for "Chelsea Women"
        for team in frame.teams:
            if known and team.startswith(known + " "):
                return team
        return None

    def build_goals(self, frame: Frame) -> tuple[list[GoalFact], list[GoalFact]]:
        """(goals, doubtful goals) of a frame from its mentions."""
        groups: list[list[GoalMention]] = []
        for mention in sorted(frame.mentions, key=lambda m: m.order):
            if mention.player is None:
                continue
            for group in groups:
                if same_person(group[0].player or "", mention.player):
                    group.append(mention)
                    break
            else:
                groups.append([mention])
        slots = [slot for group in groups for slot in self._slots_of_player(group, frame)]
        for slot in slots:
            if slot.team is None:
                side = self.player_side(slot.player, frame)
                if side is not None:
                    slot.team = frame.other(side) if slot.own_goal else side
        if frame.score is None:
            for slot in slots:
                subject = self._subject_side(slot, frame)
                if slot.team is None and subject is not None and not slot.own_goal:
                    slot.team = subject
        self._compute_score(frame, slots)
        self._infer_sides(frame, slots)
        self._place_team_goals(frame, slots)
        kept: list[GoalFact] = []
        doubtful: list[GoalFact] = []
        for team in frame.teams:
            mine = sorted((s for s in slots if s.team == team), key=lambda s: -s.strength)
            limit = frame.goals_of(team)
            for rank, slot in enumerate(mine):
                (doubtful if limit is not None and rank >= limit else kept).append(slot.fact())
        doubtful += [s.fact() for s in slots if s.team is None]
        for fact in doubtful:
            fact.doubtful = True
        kept.sort(key=lambda f: (f.minute is None, f.minute or 0, f.added or 0))
        return kept, doubtful

    def _infer_sides(self, frame: Frame, slots: list[_Slot]) -> None:
        """Sides of goals the text does not attribute, from the score and the goal's role."""
        if frame.score is None:
            return
        winner = (
            frame.home if frame.score[0] > frame.score[1] else frame.away if frame.score[1] > frame.score[0] else None
        )
        for team in frame.teams:
            if frame.goals_of(team) == 0:
                for slot in slots:
                    if slot.team is None and not slot.own_goal:
                        slot.team = frame.other(team)
        for slot in slots:
            subject = self._subject_side(slot, frame)
            if slot.team is None and subject is not None and not slot.own_goal:
                slot.team = subject
        for slot in slots:
            if slot.team is not None:
                continue
            if winner and slot.roles & {"winner", "for_winner"}:
                slot.team = winner
            elif winner and slot.roles & {"consolation", "pullback"}:
                slot.team = frame.other(winner)
            elif winner and slot.after_win_statement:
                slot.team = winner
        missing = {t: (frame.goals_of(t) or 0) - sum(1 for s in slots if s.team == t) for t in frame.teams}
        unknown = [s for s in slots if s.team is None]
        open_sides = [t for t, n in missing.items() if n > 0]
        if unknown and len(open_sides) == 1 and missing[open_sides[0]] >= len(unknown):
            for slot in unknown:
                slot.team = open_sides[0]
        # a report about one team (a column, a fan blog): unattributed scorers are that team's
        if self.focus in frame.teams and missing.get(self.focus, 0) >= len([s for s in slots if s.team is None]):
            for slot in slots:
                if slot.team is None and not slot.own_goal:
                    slot.team = self.focus

    def _place_team_goals(self, frame: Frame, slots: list[_Slot]) -> None:
        """'The hosts equalised five minutes later ... Greenwood's goal': a minute given to a team's goal
        belongs to that team's one goal that has none."""
        for mention in frame.mentions:
            if mention.player is not None or mention.minute is None or mention.minute.minute is None:
                continue
            team = self.team_name(mention.team, frame)
            if team not in frame.teams:
                continue
            mine = [s for s in slots if s.team == team]
            if any(self._same_minute(mention.minute, s.minute) for s in mine):
                continue
            open_slots = [s for s in mine if s.minute is None and not _roles_conflict(s.roles, mention.roles)]
            if len(open_slots) == 1:
                open_slots[0].minute = mention.minute
                open_slots[0].roles |= mention.roles

    def _subject_side(self, slot: _Slot, frame: Frame) -> str | None:
        sides = {self.team_name(m.subject, frame) for m in slot.mentions if m.subject is not None}
        sides &= set(frame.teams)
        return sides.pop() if len(sides) == 1 else None

    def _compute_score(self, frame: Frame, slots: list[_Slot]) -> None:
        """A final score from the goals a report narrates, only when the narrative settles it.

        The goals (named, and team-only ones such as "Atletico equalised") are replayed in order
        from a known state -- 0-0 before an opener, or a running score the text states ("equalised
        at 2-2") -- to a last goal the text calls the winner, the decider or a consolation. Every
        role must fit ("equaliser" levels, "pulled one back" leaves the side behind); a goal whose
        side is not said is tried both ways, and the score is kept only if all readings agree.
        """
        events = sorted([*slots, *self._team_goals(frame, slots)], key=_narrative_rank)
        if frame.score is not None:
            self._sides_from_chain(frame, events)
            return
        if not events or "last" not in events[-1].roles:
            return
        known = [m[0] + (m[1] or 0) / 100 for m in (self._norm_minute(e.minute) for e in events) if m]
        if known != sorted(known):
            return
        unknown = [i for i, e in enumerate(events) if e.team is None]
        if len(unknown) > 5:
            return
        outcomes: set[tuple[int, int]] = set()
        readings: list[dict[int, str]] = []
        for choice in product(frame.teams, repeat=len(unknown)):
            sides = dict(zip(unknown, choice, strict=True))
            final = self._replay(frame, events, sides)
            if final is not None:
                outcomes.add(final)
                readings.append(sides)
        if len(outcomes) != 1:
            return
        frame.score = outcomes.pop()
        frame.computed = True
        frame.doubts.append("final score computed from the goals the report describes")
        for index in unknown:  # a side every consistent reading agrees on is known
            sides = {r[index] for r in readings}
            if len(sides) == 1 and events[index].player:
                events[index].team = sides.pop()

    def _replay(self, frame: Frame, events: list[_Slot], sides: dict[int, str]) -> tuple[int, int] | None:
        teams = [e.team or sides[i] for i, e in enumerate(events)]
        start = next((i for i in range(len(events) - 1, -1, -1) if events[i].running), None)
        goals = {frame.home: 0, frame.away: 0}
        if start is not None and (start < len(events) - 1 or "last" in events[start].roles):
            hi, lo = max(events[start].running), min(events[start].running)  # type: ignore[arg-type]
            behind = bool(events[start].roles & {"pullback", "consolation"})
            goals[teams[start]] = lo if behind else hi
            goals[frame.other(teams[start]) or ""] = hi if behind else lo
            begin = start + 1
        elif events[0].roles & {"opener"} or start is not None:
            if start is not None and not events[0].roles & {"opener"}:
                return None
            begin = 0
        elif events[0].roles & {"equaliser"}:  # the first goal told levels: the other side had scored once
            goals[frame.other(teams[0]) or ""] = 1
            begin = 0
        else:
            return None
        for i in range(begin, len(events)):
            event, team = events[i], teams[i]
            goals[team] += 1
            lead = goals[team] - goals[frame.other(team) or ""]
            roles = event.roles
            if (
                ("equaliser" in roles and lead != 0 and len(roles & set(MENTION_ROLES)) == 1)
                or (roles & {"pullback", "consolation"} and lead >= 0)
                or ("double_lead" in roles and lead != 2)
                or ("go_ahead" in roles and lead <= 0)
                or ("winner" in roles and i == len(events) - 1 and lead <= 0)
                or ("opener" in roles and sum(goals.values()) != 1)
            ):
                return None
        return goals[frame.home], goals[frame.away]

    def _sides_from_chain(self, frame: Frame, events: list[_Slot]) -> None:
        """In a match with a stated score whose goals are all told from the opener, the roles say
        whose each goal was ("only for Lowe to level": Lowe scored for the other side)."""
        if not events or len(events) != sum(frame.score or ()) or not events[0].roles & {"opener"}:
            return
        unknown = [i for i, e in enumerate(events) if e.team is None]
        if not unknown or len(unknown) > 5:
            return
        readings = []
        for choice in product(frame.teams, repeat=len(unknown)):
            sides = dict(zip(unknown, choice, strict=True))
            if self._replay(frame, events, sides) == frame.score:
                readings.append(sides)
        for index in unknown:
            sides = {r[index] for r in readings}
            if len(sides) == 1 and events[index].player:
                events[index].team = sides.pop()

    def _team_goals(self, frame: Frame, slots: list[_Slot]) -> list[_Slot]:
        """Team-only goal mentions ("Hoffenheim took the lead") that no named goal accounts for."""
        extra: list[_Slot] = []
        for mention in frame.mentions:
            if mention.player is not None:
                continue
            team = self.team_name(mention.team, frame)
            if team not in frame.teams:
                continue

            def distance(slot: _Slot, mention: GoalMention = mention) -> int:
                return min(abs(m.sentence - mention.sentence) for m in slot.mentions)

            twins = [
                s
                for s in slots
                if s.team in (None, team)
                and not _roles_conflict(s.roles, mention.roles)
                and distance(s) <= TWIN_DISTANCE
                and (mention.minute is None or s.minute is None or self._same_minute(mention.minute, s.minute))
            ]
            twin = min(twins, key=distance, default=None)
            if twin is not None:
                twin.team = twin.team or team
                twin.roles |= mention.roles
                twin.minute = twin.minute or mention.minute
                continue
            extra.append(_Slot("", mention.minute, False, False, 0, [mention], team=team, roles=set(mention.roles)))
        return extra

    def _slots_of_player(self, group: list[GoalMention], frame: Frame) -> list[_Slot]:
        """The distinct goals of one player in one match, from all the mentions of them."""
        player = self.person(max((m.player or "" for m in group), key=len))
        structured = [m for m in group if m.source in ("box", "line")]
        slots = [_Slot(player, m.minute, m.penalty, m.own_goal, 3, [m]) for m in structured]
        for m in (m for m in group if m.source == "narrative"):
            minute = self._norm_minute(m.minute)
            match = None
            compatible = [
                slot
                for slot in slots
                if not _roles_conflict(slot.roles_so_far(), m.roles)
                and not (m.running and slot.running and sorted(m.running) != sorted(slot.running))
            ]
            for slot in compatible:
                other = self._norm_minute(slot.minute)
                if (
                    minute is not None
                    and other is not None
                    and abs(minute[0] + (minute[1] or 0) - other[0] - (other[1] or 0)) <= 1
                ):
                    match = slot
                    break
            if match is None and minute is None and "another" not in m.roles:
                match = next((s for s in compatible if self._norm_minute(s.minute) is None), None) or (
                    compatible[0] if compatible else None
                )
            if match is None and minute is not None:
                match = next(
                    (
                        s
                        for s in compatible
                        if self._norm_minute(s.minute) is None
                        and s.strength < 3
                        and (not s.minute or not s.minute.stoppage or minute[0] >= 90)
                    ),
                    None,
                )
                if match is not None:
                    match.minute = m.minute
            if match is None:
                if structured and self._structured_complete(frame):
                    continue
                slots.append(_Slot(player, m.minute, m.penalty, m.own_goal, 1, [m]))
                continue
            match.mentions.append(m)
            match.strength = max(match.strength, 2 if m.minute else 1)
            if match.strength < 3:
                match.penalty = match.penalty or m.penalty
            match.own_goal = match.own_goal or m.own_goal
        if not structured:
            listed = max((m for m in group), key=lambda m: len(m.minutes))
            for minute in listed.minutes:  # "a brace, on 53 and 68 minutes"
                if not any(self._same_minute(minute, s.minute) for s in slots):
                    free = next((s for s in slots if s.minute is None), None)
                    if free is not None:
                        free.minute = minute
                    else:
                        slots.append(_Slot(player, minute, False, False, 2, [listed]))
            wanted = max(m.count for m in group)
            while len(slots) < wanted:
                slots.append(_Slot(player, None, False, False, 1, list(group), filler=True))
        for slot in slots:
            for m in slot.mentions:
                slot.roles |= m.roles
                found = self.goal_team(m, frame)
                if found and slot.team is None:
                    slot.team = found
            slot.after_win_statement = any(self._after_win_statement(m, frame) for m in slot.mentions)
        return slots

    def _after_win_statement(self, mention: GoalMention, frame: Frame) -> bool:
        """'... beating AFC Totton 6-3 as Danny Elliott scored a hat-trick', 'through goals from X and Y in
        a 2-1 win': scorers named with a win are the winners' when nothing else says so."""
        return any(st.sentence == mention.sentence and st.relation in ("win", "loss") for st in frame.statements)

    def _structured_complete(self, frame: Frame) -> bool:
        if frame.score is None:
            return False
        boxed = sum(1 for m in frame.mentions if m.source in ("box", "line"))
        return boxed >= sum(frame.score)

    @classmethod
    def _same_minute(cls, a: Minute | None, b: Minute | None) -> bool:
        x, y = cls._norm_minute(a), cls._norm_minute(b)
        return x is not None and y is not None and abs(x[0] + (x[1] or 0) - y[0] - (y[1] or 0)) <= 1

    @staticmethod
    def _norm_minute(minute: Minute | None) -> tuple[int, int | None] | None:
        """(minute, added); a plain 95th minute is written 90+5 as the gold files and fans do."""
        if minute is None or minute.minute is None:
            return None
        if minute.added is None and 90 < minute.minute <= 104:
            return 90, minute.minute - 90
        return minute.minute, minute.added

    # -- output ---------------------------------------------------------------------------------------
    def report(
        self, lang: str, events: list[EventMention], standings: list[StandingMention], tallies: list[TallyMention]
    ) -> ExtractedReport:
        out = ExtractedReport(lang=lang, published=self.doc.published, title=self.doc.title)
        main = self.main_frame()
        doc_season = season_years(self.doc.text, self.rules)
        competitions = self._doc_competition()
        for frame in self.frames:  # who was at home decides who "the hosts" are, so it comes first
            if not frame.order_known:
                home = self._venue_home(frame, frame is main)
                if home is not None:
                    if home != frame.home:
                        frame.swap()
                    frame.order_known = True
        events_here: dict[int, tuple[Frame, list[GoalFact]]] = {}
        for frame in self.frames:
            if frame.score is None and not frame.mentions:
                continue
            index = len(out.matches)
            goals, doubtful = self.build_goals(frame)
            match = MatchFact(
                home=frame.home,
                away=frame.away,
                home_goals=frame.score[0] if frame.score else None,
                away_goals=frame.score[1] if frame.score else None,
                main=frame is main,
                order_known=frame.order_known,
                score_basis=("computed" if frame.computed else "stated") if frame.score else None,
                doubts=list(frame.doubts),
                evidence=frame.statements[0].evidence[:300] if frame.statements else "",
            )
            self._describe(match, frame, frame is main, doc_season, competitions)
            out.matches.append(match)
            for goal in goals:
                goal.match = index
                out.goals.append(goal)
            for goal in doubtful:
                goal.match = index
                out.doubtful_goals.append(goal)
            events_here[index] = (frame, goals)
        remaining = list(events)  # an event happens in one match: the main one first, then in report order
        for index, (frame, goals) in sorted(events_here.items(), key=lambda item: item[1][0] is not main):
            used: list[EventMention] = []
            for event in self._events_of(frame, remaining, goals, used):
                event.match = index
                out.events.append(event)
            remaining = [e for e in remaining if all(e is not u for u in used)]
        out.events.sort(key=lambda e: e.match)
        out.standings = self._standings(standings, competitions)
        main_date = next((m.date for m in out.matches if m.main), None)
        for claim in out.standings:  # a table stated in a report without a date is as of its match
            claim.as_of = claim.as_of or main_date
        # "his sixth goal of the season": the season the report speaks of, else that of its date
        as_of = self.doc.published or main_date
        tally_season = season_label(doc_season[0]) if doc_season else (season_of(as_of) if as_of else None)
        out.tallies = [
            TallyClaim(
                player=self.person(t.player),
                goals=t.goals,
                games=t.games,
                team=t.team,
                competition=t.competition,
                scope=t.scope,  # type: ignore[arg-type]
                season=tally_season if t.scope == "season" else None,
                as_of=as_of,
                evidence=t.evidence[:300],
            )
            for t in tallies
        ]
        return out

    def _went_to_extra_time(self, text: str) -> bool:
        """ "won after extra time", not "denied the visitors extra time"."""
        words = self.rules.compiled.words
        return any(
            not words["NO_EXTRA_TIME"].search(text[max(0, hit.start() - 30) : hit.start()])
            for hit in words["EXTRA_TIME"].finditer(text)
        )

    def _clause(self, index: int, frame: Frame) -> str:
        """The part of sentence ``index`` that tells the frame's score: "… before Bayern face Dortmund in
        the Super Cup final, but Dortmund lost 2-0 at Augsburg" does not put the Augsburg match in a final."""
        text = self.doc.sentences[index].text
        statement = next((st for st in frame.statements if st.sentence == index), None)
        if statement is None:
            return text
        score_at = statement.s_entity.start
        breaks = [m.start() for m in self.rules.compiled.clauses.finditer(text)]
        start = max((b for b in breaks if b < score_at), default=0)
        end = min((b for b in breaks if b > score_at), default=len(text))
        return text[start:end]

    def _doc_competition(self) -> list[str]:
        counts: Counter[str] = Counter()
        for ann in self.annotated:
            for entity in ann.entities:
                if entity.kind == "C":
                    counts[str(entity.value)] += 3 if ann.sentence.index < 4 else 1
        for tag in self.doc.categories + self.doc.tags:
            comp = self.directory.competition(tag)
            if comp:
                counts[comp] += 1
        return [c for c, _ in counts.most_common()]

    def _describe(
        self, match: MatchFact, frame: Frame, is_main: bool, doc_season: tuple[int, int] | None, competitions: list[str]
    ) -> None:
        sentences = sorted(set(frame.sentences))
        texts = [self.doc.sentences[i].text for i in sentences]
        told = texts + [m.evidence for m in frame.mentions if m.source == "narrative"]
        match.extra_time = any(self._went_to_extra_time(t) for t in told)
        texts = [self._clause(i, frame) for i in sentences]
        for ann_index, text in zip(sentences, texts, strict=True):
            ann = self.annotated[ann_index]
            comp = next((e.value for e in ann.entities if e.kind == "C" and e.text in text), None)
            if comp:
                match.competition = str(comp)
                break
        if match.competition is None and is_main and competitions:
            match.competition = competitions[0]
        if match.competition is None:
            home = self.directory.teams.get(match.home)
            away = self.directory.teams.get(match.away)
            shared = set(home.competitions) & set(away.competitions) if home and away else set()
            if len(shared) == 1 and is_main:
                match.competition = shared.pop()
        for text in texts:
            match.round = match.round or stated_round(text, self.rules)
        scope = texts + ([self.doc.title or ""] + [s.text for s in self.doc.sentences[:3]] if is_main else [])
        for text in scope:
            found = stated_date(text, self.rules, published=self.doc.published, season=doc_season)
            if found:
                match.date = found
                break
        if match.date is None and is_main and self.doc.published is not None:
            for s in self.doc.sentences:
                found = stated_date(s.text, self.rules, published=self.doc.published, season=doc_season)
                if found and abs((self.doc.published - found).days) <= 7:
                    match.date = found
                    break
        if match.date:
            match.season = season_of(match.date)
        elif doc_season and is_main:
            match.season = season_label(doc_season[0])

    def _venue_home(self, frame: Frame, is_main: bool) -> str | None:
        compiled = self.rules.compiled
        sentences = set(frame.sentences) | {m.sentence for m in frame.mentions} | self._references(frame)
        scope = [a for a in self.annotated if a.sentence.index in sentences or is_main]
        votes: Counter[str] = Counter()
        weak: Counter[str] = Counter()  # a ground merely named: only when nothing else tells
        for ann in scope:
            weight = 2 if ann.sentence.index in sentences else 1
            for pattern, tags in compiled.venues.applicable(ann.skeleton):
                ballot = weak if "weak" in tags else votes
                for m in pattern.finditer(ann.skeleton):
                    groups = m.groupdict()
                    if groups.get("home"):
                        entity = ann.entity(groups["home"])
                        teams = entity.value if entity.kind == "V" else {self.team_name(entity, frame)}
                        for team in teams or ():
                            if team in frame.teams:
                                ballot[team] += weight  # type: ignore[index]
                    if groups.get("away"):
                        team = self.team_name(ann.entity(groups["away"]), frame)
                        if team in frame.teams:
                            ballot[frame.other(team)] += weight  # type: ignore[index]
        for ballot in (votes, weak):
            ranked = ballot.most_common(2)
            if ranked:
                return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None
        return None

    def _events_of(
        self, frame: Frame, events: list[EventMention], goals: list[GoalFact], used: list[EventMention]
    ) -> list[EventFact]:
        """The frame's cards and penalties: events naming its teams, or players on its sides -- a scorer of
        the match included, whatever club the sentence also names ("who plays in Saudi Arabia")."""
        facts: list[EventFact] = []
        scorers = {name_key(g.player): g.team for g in goals if not g.own_goal}
        partial: list[tuple[EventMention, str | None]] = []  # "Atalanta were down to ten men", "X saved a penalty"
        for event in events:
            teams = {self.team_name(e, frame) for e in event.context_teams}
            named = self.team_name(event.team, frame)
            player_side = (
                self.player_side(event.player, frame) or scorers.get(name_key(event.player)) if event.player else None
            )
            keeper_side = self.player_side(event.keeper, frame) if event.keeper else None
            belongs = (
                named in frame.teams
                or player_side is not None
                or keeper_side is not None
                or bool(teams & set(frame.teams))
            )
            if not belongs and not (frame is self.main_frame() and not teams - {None}):
                continue
            used.append(event)
            if event.player is None:
                partial.append((event, named if named in frame.teams else None))
                continue
            team = named if named in frame.teams else player_side
            if team is None and keeper_side is not None:
                team = frame.other(keeper_side)
            minute = self._norm_minute(event.minute)
            fact = EventFact(
                match=-1,
                kind=event.kind,
                player=self.person(event.player),
                team=team,  # type: ignore[arg-type]
                minute=minute[0] if minute else None,
                added=minute[1] if minute else None,
                keeper=self.person(event.keeper) if event.keeper else None,
                second_yellow=event.second_yellow,
                evidence=event.evidence[:300],
            )
            same = next((f for f in facts if f.kind == fact.kind and same_person(f.player, fact.player)), None)
            if same is None:
                facts.append(fact)
            else:
                same.minute, same.added = same.minute or fact.minute, same.added or fact.added
                same.keeper, same.team = same.keeper or fact.keeper, same.team or fact.team
        for event, team in partial:
            if event.kind == "penalty_saved" and team is not None:  # "X saved a penalty for Inter": the keeper's side
                team = frame.other(team)
            self._complete_event(facts, event, team)
        return facts

    def _complete_event(self, facts: list[EventFact], event: EventMention, team: str | None) -> None:
        """A red card or save told without the player lends its team, minute or keeper to the named one
        told in the same or the next sentence ("Atalanta were down to ten men. Toloi got a second yellow")."""
        minute = self._norm_minute(event.minute)
        for fact in facts:
            if fact.kind != event.kind:
                continue
            if event.keeper and fact.keeper and not same_person(event.keeper, fact.keeper):
                continue
            if event.kind == "red_card" and not 0 <= self._sentence_of(fact) - event.sentence <= 1:
                continue
            fact.team = fact.team or team
            if fact.minute is None and minute:
                fact.minute, fact.added = minute
            fact.keeper = fact.keeper or (self.person(event.keeper) if event.keeper else None)
            return

    def _sentence_of(self, fact: EventFact) -> int:
        return next((a.sentence.index for a in self.annotated if a.sentence.text.startswith(fact.evidence[:80])), -1)

    def _standings(self, mentions: list[StandingMention], competitions: list[str]) -> list[StandingClaim]:
        """One claim per team: what the report says last (a table after the match beats one before it);
        relative claims ("five points ahead of second-placed Juventus") give the other team's points."""
        claims: dict[str, StandingClaim] = {}
        default_comp = competitions[0] if competitions else None
        last_team: str | None = None
        for m in mentions:
            team = m.team or (last_team if m.other is not None else None)
            if team is None:
                continue
            last_team = team
            claim = claims.setdefault(
                team,
                StandingClaim(
                    team, None, None, m.competition or default_comp, as_of=self.doc.published, evidence=m.evidence[:300]
                ),
            )
            if m.position is not None:
                claim.position = m.position
            if m.points is not None:
                claim.points = m.points
            if m.bottom:
                claim.position = self.directory.league_size(claim.competition) or claim.position
            if m.other is not None:
                other = claims.setdefault(
                    m.other,
                    StandingClaim(
                        m.other, None, None, claim.competition, as_of=self.doc.published, evidence=m.evidence[:300]
                    ),
                )
                if m.other_position is not None:
                    other.position = m.other_position
                if claim.points is not None and m.diff is not None:
                    other.points = claim.points - m.diff
        return [c for c in claims.values() if c.position is not None or c.points is not None]


__all__ = ["Assembler", "Frame", "same_person", "strip_accents"]
