"""Red cards and penalties that were saved or missed, as mentioned in one sentence."""

from __future__ import annotations

from dataclasses import dataclass

from store.extract.annotate import Annotated, Entity, Minute
from store.extract.goals import clause_spans
from store.extract.lang.base import LanguageRules


@dataclass(slots=True)
class EventMention:
    sentence: int
    kind: str  # red_card | penalty_saved | penalty_missed
    player: str | None  # the taker or the player sent off (None: only the keeper is named)
    keeper: str | None
    minute: Minute | None
    second_yellow: bool
    context_teams: list[Entity]
    team: Entity | None
    evidence: str


def event_mentions(ann: Annotated, rules: LanguageRules) -> list[EventMention]:
    compiled = rules.compiled
    words = compiled.words
    found: list[EventMention] = []
    teams_here = [e for e in ann.entities if e.kind in "TR"]
    minutes = [e for e in ann.entities if e.kind == "M"]
    for c_start, c_end in clause_spans(ann, rules):
        clause = ann.skeleton[c_start:c_end]
        for pattern, tags in compiled.events.applicable(clause):
            kind = next((t for t in ("red_card", "penalty_saved", "penalty_missed") if t in tags), None)
            if kind is None:
                continue
            for m in pattern.finditer(clause):
                groups = m.groupdict()
                if "needs_pen" in tags and not words["PEN_WORD"].search(ann.sentence.text):
                    continue
                if words["NOT_WORD"].search(m.group()):  # "why Targett was not sent off"
                    continue
                player = ann.entity(groups["p"]).text if groups.get("p") else None
                keeper = ann.entity(groups["k"]).text if groups.get("k") else None
                if player is None and keeper is None and "anon" not in tags:
                    continue
                team = ann.entity(groups["t"]) if groups.get("t") else None
                for t_pattern, _ in compiled.goal_teams if team is None else ():
                    hit = t_pattern.search(clause)
                    if hit and hit.groupdict().get("t"):
                        team = ann.entity(hit.group("t"))
                        break
                minute = minutes[0].value if len(minutes) == 1 else None
                found.append(
                    EventMention(
                        ann.sentence.index,
                        kind,
                        player,
                        keeper,
                        minute,  # type: ignore[arg-type]
                        kind == "red_card" and bool(words["SECOND_YELLOW"].search(clause)),
                        teams_here,
                        team,
                        ann.sentence.text,
                    )
                )
    return found
