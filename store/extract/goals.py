"""Goal mentions: every place a report says somebody scored, with what it says about the goal.

One goal is usually mentioned several times (headline, caption, narrative, scorer box); mentions
are collected here with their evidence and merged into goals by ``assemble``. Narrative mentions
come from the language's goal rules, run clause by clause; structured mentions come from scorer
boxes ("Goals: Messi 21, 72", "Ghi bàn: Ramos 3' (penalty) & 29'") and result lines
("Liverpool 4-2 Bournemouth (Premier League) - Chiesa 88', Salah 90+4'").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.extract.annotate import Annotated, Entity, Minute
from store.extract.lang.base import LanguageRules

MAX_BOX_LINE = 600
MENTION_ROLES = ("opener", "equaliser", "winner", "pullback", "double_lead", "consolation")


@dataclass(slots=True)
class GoalMention:
    sentence: int
    order: float  # document order of the mention
    player: str | None  # None: a team-only mention ("Hoffenheim took the lead")
    anchor: int = 0  # skeleton offset of the mention in its sentence
    team: Entity | None = None  # the side it was scored for, when the text says so
    opponent: Entity | None = None  # the side it was scored against
    team_name: str | None = None  # for structured mentions: the team as written in the box
    minute: Minute | None = None
    minutes: list[Minute] = field(default_factory=list)  # all minutes, for "twice, on 53 and 68 minutes"
    penalty: bool = False
    own_goal: bool = False
    roles: set[str] = field(default_factory=set)
    count: int = 1  # goals this mention accounts for ("twice" = 2)
    running: tuple[int, int] | None = None  # score after the goal, scorer's side first when known
    source: str = "narrative"  # narrative | box | line
    context_teams: list[Entity] = field(default_factory=list)  # teams named in the sentence
    subject: Entity | None = None  # the first team of the sentence not governed by a preposition
    evidence: str = ""
    result_line: int | None = None  # for "line" mentions: the sentence holding the result


def _near(ann: Annotated, anchor: int, kinds: str, start: int, end: int) -> Entity | None:
    """The entity of ``kinds`` nearest to skeleton offset ``anchor`` within [start, end)."""
    best: tuple[int, Entity] | None = None
    for entity, pos in zip(ann.entities, ann.positions, strict=True):
        if entity.kind in kinds and start <= pos < end:
            distance = abs(pos - anchor) + (5 if pos < anchor else 0)  # prefer what follows the name
            if best is None or distance < best[0]:
                best = (distance, entity)
    return best[1] if best else None


def clause_spans(ann: Annotated, rules: LanguageRules) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = 0
    for m in rules.compiled.clauses.finditer(ann.skeleton):
        spans.append((cursor, m.start()))
        cursor = m.start()
    spans.append((cursor, len(ann.skeleton)))
    return [(a, b) for a, b in spans if b > a]


def narrative_mentions(
    ann: Annotated, rules: LanguageRules, running: dict[int, tuple[int, int]], negated_by_next: bool
) -> list[GoalMention]:
    """Goal mentions of one annotated sentence.

    Each scorer gets the words between the previous scorer and the next one, so that in "X put
    them ahead after five minutes before Y equalised" the minute and the team go to X only.
    """
    compiled = rules.compiled
    words = compiled.words
    skeleton = ann.skeleton
    mentions: list[GoalMention] = []
    leading_minute = _leading_minute(ann)
    teams_here = [e for e in ann.entities if e.kind in "TR"]
    subjects = (
        []
        if compiled.fixture.search(skeleton)
        else [
            e
            for e in teams_here
            if not compiled.object_marker.search(skeleton[max(0, ann.position(e) - 60) : ann.position(e)])
        ]
    )
    spans = clause_spans(ann, rules)

    def clause_of(offset: int) -> tuple[int, int]:
        return next((span for span in spans if span[0] <= offset < span[1]), (0, len(skeleton)))

    found: dict[int, tuple[Entity | None, re.Match[str], frozenset[str], int]] = {}
    excluded: set[int] = set()
    for pattern, tags in compiled.goals.applicable(skeleton):
        for m in pattern.finditer(skeleton):
            if "exclude" in tags:
                excluded.add(ann.index_of(m.group("x")))
                continue
            scorer_groups = [g for g in ("p", "p2") if m.groupdict().get(g)]
            if not scorer_groups and "anon" not in tags:
                continue
            if "needs_result" in tags and not words["GOAL_RESULT"].search(skeleton[slice(*clause_of(m.start()))]):
                continue
            for g in scorer_groups or [None]:
                target = ann.entity(m.group(g)) if g else None
                anchor = m.start(g) if g else m.start()
                ident = ann.index_of(m.group(g)) if g else -1 - anchor
                if target is not None and any(
                    v[0] is not None and v[0].text == target.text and v[0] is not target for v in found.values()
                ):
                    continue  # "the path of Robben and he slotted home": one scorer
                found.setdefault(ident, (target, m, tags, anchor))
    for ident in excluded:
        found.pop(ident, None)
    named = sorted((v for v in found.values() if v[0] is not None), key=lambda v: v[3])
    if any("weak" not in v[2] for v in named):  # a loose pattern only counts when nothing else does
        named = [v for v in named if "weak" not in v[2]]
    for c_start, c_end in spans:
        in_clause = [v for v in found.values() if c_start <= v[3] < c_end]
        clause_named = [v for v in named if c_start <= v[3] < c_end]
        # a scorer-less mention in a clause that names scorers is one of their goals
        found_list = clause_named or sorted(in_clause, key=lambda v: v[3])
        for i, (target, m, tags, anchor) in enumerate(found_list):
            same_match = [v for v in named if v[1] is m]
            if len(same_match) > 1:  # "goals from X and Y": one window for both
                w_start = min(c_start, clause_of(m.start())[0])
                w_end = max(c_end, clause_of(max(v[3] for v in same_match))[1])
            else:  # what follows a scorer up to the next one is about that scorer
                w_start = anchor if i > 0 else c_start
                w_end = found_list[i + 1][3] if i + 1 < len(found_list) else c_end
            # negations are looked for around the scorer and around the end of the mention
            near = (
                skeleton[max(w_start, anchor - 20) : anchor + 12]
                + " … "
                + skeleton[max(w_start, m.end() - 40) : min(max(w_end, m.end()), m.end() + 30)]
            )
            if any(p.search(near) for p, _ in compiled.not_goals) or words["NEGATION"].search(near):
                continue
            if negated_by_next and target is not None:
                continue
            mention = _mention(ann, rules, target, m, tags, anchor, (w_start, w_end), running, near)
            if len(same_match) > 1:
                mention.count, mention.minutes = 1, []  # "two goals from X and Y": one each
            if mention.minute is None and leading_minute is not None and len(found_list) == 1:
                mention.minute = leading_minute
            mention.context_teams = teams_here
            # the clause's subject team, for the first scorer of the clause only
            before = [e for e in subjects if c_start <= ann.position(e) < anchor]
            mention.subject = (
                before[0] if i == 0 and before and before[0] is first_entity(ann, c_start, c_end) else None
            )
            if "against_subject" in tags and mention.opponent is None:
                mention.opponent = mention.subject
            mentions.append(mention)
    return mentions


def first_entity(ann: Annotated, start: int, end: int) -> Entity | None:
    """The first team or person of a clause: a team there is the clause's subject."""
    return next(iter(ann.entities_in(start, end, "TRN")), None)


def _leading_minute(ann: Annotated) -> Minute | None:
    """'Phút 57, Lautaro ...' / 'In the 63rd minute, ...': a minute opening the sentence applies to it."""
    for entity, pos in zip(ann.entities, ann.positions, strict=True):
        if entity.kind == "M" and pos <= 12:
            return entity.value  # type: ignore[return-value]
    return None


def _mention(
    ann: Annotated,
    rules: LanguageRules,
    target: Entity | None,
    m: re.Match[str],
    tags: frozenset[str],
    anchor: int,
    span: tuple[int, int],
    running: dict[int, tuple[int, int]],
    near: str,
) -> GoalMention:
    """The mention of a goal by ``target`` (None: a team-only mention); ``near`` is the text right
    around the scorer and the end of the mention, where "penalty" or "own goal" belong to this goal."""
    compiled = rules.compiled
    words = compiled.words
    c_start, c_end = span
    clause = ann.skeleton[c_start:c_end]
    team = opponent = None
    if "anon" in tags and m.groupdict().get("t"):
        team = ann.entity(m.group("t"))
    for pattern, _ in compiled.goal_teams:
        for hit in pattern.finditer(clause):
            groups = hit.groupdict()
            if team is None and groups.get("t"):
                team = ann.entity(groups["t"])
            if opponent is None and groups.get("o"):
                opponent = ann.entity(groups["o"])
    if team is None and m.groupdict().get("t"):
        team = ann.entity(m.group("t"))
    minute_entity = _near(ann, anchor, "M", c_start, c_end)
    score_entity = None
    for index, (entity, pos) in enumerate(zip(ann.entities, ann.positions, strict=True)):
        if entity.kind == "S" and c_start <= pos < c_end and index in running:
            score_entity = entity
    roles = {
        role
        for role, key in (
            ("opener", "OPENER_WORD"),
            ("equaliser", "EQUALISER_WORD"),
            ("winner", "WINNER_WORD"),
            ("pullback", "PULLBACK_WORD"),
            ("double_lead", "DOUBLE_LEAD_WORD"),
            ("consolation", "CONSOLATION_WORD"),
            ("for_winner", "WENT_THROUGH"),
            ("go_ahead", "AHEAD_WORD_GOAL"),
            ("another", "ANOTHER_WORD"),
            ("last", "LAST_WORD"),
        )
        if words[key].search(clause)
    }
    count = 3 if words["HATTRICK_WORD"].search(clause) else 2 if words["TWICE_WORD"].search(clause) else 1
    all_minutes = [e.value for e in ann.entities_in(c_start, c_end, "M")] if count > 1 else []
    return GoalMention(
        sentence=ann.sentence.index,
        order=ann.sentence.index + anchor / 10_000,
        anchor=anchor,
        player=target.text if target is not None else None,
        team=team,
        opponent=opponent,
        minute=minute_entity.value if minute_entity else None,  # type: ignore[arg-type]
        penalty=bool(words["PEN_WORD"].search(near)),
        own_goal="og" in tags or bool(words["OG_WORD"].search(clause)),
        roles=roles,
        count=count if target is not None else 1,
        minutes=all_minutes if len(all_minutes) == count else [],  # type: ignore[arg-type]
        running=score_entity.value if score_entity else None,  # type: ignore[arg-type]
        evidence=ann.sentence.text,
    )


# -- structured mentions -------------------------------------------------------------------------
_BOX_HEAD = re.compile(
    r"^\*?\s*(?:goals?|scorers?|goalscorers?|ghi\s+bàn|bàn\s+thắng|người\s+ghi\s+bàn|"
    r"ghi\s+bàn\s+cho)\s*:\s*(?P<rest>.*)$",
    re.I,
)
_BOX_HEAD_ALONE = re.compile(r"^\*?\s*(?:goals?|scorers?|goalscorers?|ghi\s+bàn|bàn\s+thắng)\s*:?\s*$", re.I)
_TEAM_ITEMS = re.compile(r"^(?P<team>[^\W\d_][^:]{1,40}?)\s*:\s*(?P<items>.+\d.*)$")
_LINEUP_HEAD = re.compile(r"^(?P<team>[^\W\d_][^:(\n]{1,40}?)\s*(?:\(\d(?:-\d){2,3}\))?\s*(?:XI)?\s*:\s*(?P<rest>.+)$")
_ITEM_SPLIT = re.compile(r"\s*(?:[,;&]|\band\b|\bvà\b)\s*")
_ITEM_MINUTE = re.compile(r"\(?\s*(?P<min>\d{1,3})(?:\s*\+\s*(?P<add>\d{1,2}))?\s*['’′]?\s*\)?")
_PEN_MARK = re.compile(r"\((?:pen\.?|p|penalty|phạt đền|pen)\)|\bpen(?:alty)?\b|\bphạt\s+đền\b|\(p\)", re.I)
_OG_MARK = re.compile(r"\(?\b(?:og|o\.g\.|own goal|phản lưới(?: nhà)?)\b\)?", re.I)
_RESULT_LINE_SCORERS = re.compile(r"^(?P<head>.*?\d{1,2}\s?-\s?\d{1,2}.*?)\s+-\s+(?P<items>[^\W\d_].*\d.*)$")


@dataclass(slots=True)
class BoxItem:
    player: str
    minute: Minute | None
    penalty: bool
    own_goal: bool


def parse_items(text: str) -> list[BoxItem]:
    """'Messi 21, 72, 78, Neymar 48' -> one item per goal; a minute alone belongs to the last name."""
    items: list[BoxItem] = []
    current: str | None = None
    for piece in _ITEM_SPLIT.split(text.strip().rstrip(".")):
        if not piece:
            continue
        penalty = bool(_PEN_MARK.search(piece))
        own_goal = bool(_OG_MARK.search(piece))
        bare = _OG_MARK.sub(" ", _PEN_MARK.sub(" ", piece))
        minutes = list(_ITEM_MINUTE.finditer(bare))
        name = _ITEM_MINUTE.sub(" ", bare)
        name = " ".join(w for w in name.replace("(", " ").replace(")", " ").split())
        if name:
            if not (name[0].isupper() or name.split()[0] in ("van", "de", "da", "di", "ter")) or len(name.split()) > 5:
                return []  # not a scorer list
            current = name
        if current is None:
            continue
        if not minutes:
            if name:
                items.append(BoxItem(current, None, penalty, own_goal))
            continue
        for found in minutes:
            value = int(found.group("min"))
            added = int(found.group("add")) if found.group("add") else None
            if not 0 < value <= 130:
                return []
            items.append(BoxItem(current, Minute(value, added), penalty, own_goal))
    return items


def structured_mentions(lines: list[str], line_sentences: dict[int, int]) -> list[GoalMention]:
    """Scorer boxes and result lines of the document (``line_sentences``: line -> first sentence)."""
    mentions: list[GoalMention] = []
    lineup_team: tuple[int, str] | None = None
    box_open_at: int | None = None
    for number, line in enumerate(lines):
        if len(line) > MAX_BOX_LINE:  # boxes and result lines are short; prose is read elsewhere
            continue
        sentence = line_sentences.get(number, 0)
        head = _BOX_HEAD.match(line)
        if head and head.group("rest").strip():
            team = lineup_team[1] if lineup_team and number - lineup_team[0] <= 6 else None
            for item in parse_items(head.group("rest")):
                mentions.append(_box_mention(item, sentence, number, team, "box", line))
            box_open_at = None
            continue
        if _BOX_HEAD_ALONE.match(line):
            box_open_at = number
            continue
        if box_open_at is not None and number - box_open_at <= 3:
            team_items = _TEAM_ITEMS.match(line)
            if team_items:
                for item in parse_items(team_items.group("items")):
                    mentions.append(_box_mention(item, sentence, number, team_items.group("team").strip(), "box", line))
                continue
        scorers = _RESULT_LINE_SCORERS.match(line) if len(line) < 250 else None
        if scorers:
            items = parse_items(scorers.group("items"))
            if items and all(i.minute is not None for i in items):
                for item in items:
                    mention = _box_mention(item, sentence, number, None, "line", line)
                    mention.result_line = sentence
                    mentions.append(mention)
                continue
        lineup = _LINEUP_HEAD.match(line)
        if lineup and lineup.group("rest").count(",") + lineup.group("rest").count(";") >= 4:
            lineup_team = (number, lineup.group("team").strip())
    return mentions


def _box_mention(item: BoxItem, sentence: int, line: int, team: str | None, source: str, text: str) -> GoalMention:
    minute_order = (item.minute.minute or 0) + (item.minute.added or 0) / 100 if item.minute else 0
    return GoalMention(
        sentence=sentence,
        order=sentence + minute_order / 1000,
        player=item.player,
        team_name=team,
        minute=item.minute,
        penalty=item.penalty,
        own_goal=item.own_goal,
        source=source,
        evidence=text,
    )
