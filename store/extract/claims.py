"""What reports state about tables and players' tallies, as found in one sentence.

Standings are recorded as stated: a position, points, or both. A claim relative to another team
("five points ahead of second-placed Juventus") is kept with its anchor so that ``assemble`` can
derive the other team's points once the first team's points are known.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.extract.annotate import Annotated, Annotator
from store.extract.lang.base import LanguageRules


@dataclass(slots=True)
class StandingMention:
    sentence: int
    team: str | None
    position: int | None = None
    points: int | None = None
    other: str | None = None  # the team a relative claim is measured against
    other_position: int | None = None
    diff: int | None = None  # points the team is ahead of (positive) or behind (negative) ``other``
    bottom: bool = False
    competition: str | None = None
    evidence: str = ""


@dataclass(slots=True)
class TallyMention:
    sentence: int
    player: str
    goals: int
    games: int | None
    team: str | None
    competition: str | None
    scope: str
    evidence: str


def standing_mentions(ann: Annotated, rules: LanguageRules, annotator: Annotator, team_name) -> list[StandingMention]:
    """``team_name`` turns a team entity into a name (None when it cannot)."""
    compiled = rules.compiled
    found: list[StandingMention] = []
    competition = next((e.value for e in ann.entities if e.kind == "C"), None)
    for pattern, tags in compiled.standings.applicable(ann.skeleton):
        for m in pattern.finditer(ann.skeleton):
            groups = m.groupdict()
            team = team_name(ann.entity(groups["t"])) if groups.get("t") else None
            other = team_name(ann.entity(groups["other"])) if groups.get("other") else None
            if team is None and other is None:
                continue
            mention = StandingMention(
                ann.sentence.index,
                team,
                competition=competition,  # type: ignore[arg-type]
                evidence=ann.sentence.text,
            )
            if groups.get("pos"):
                mention.position = annotator.number(groups["pos"])
            if "top" in tags:
                mention.position = 1
            if "second" in tags:
                mention.position = 2
            if "bottom" in tags:
                mention.bottom = True
            if groups.get("pts"):
                mention.points = int(groups["pts"])
            if other is not None:
                mention.other = other
                mention.other_position = annotator.number(groups.get("opos"))
                diff = annotator.number(groups.get("diff"))
                if diff is not None:
                    mention.diff = -diff if "behind" in tags else diff
            if (
                mention.position is None
                and mention.points is None
                and mention.diff is None
                and mention.other_position is None
                and not mention.bottom
            ):
                continue
            found.append(mention)
    return found


def tally_mentions(ann: Annotated, rules: LanguageRules, annotator: Annotator, team_name) -> list[TallyMention]:
    compiled = rules.compiled
    found: list[TallyMention] = []
    for pattern, tags in compiled.tallies.applicable(ann.skeleton):
        for m in pattern.finditer(ann.skeleton):
            groups = m.groupdict()
            goals = annotator.number(groups.get("n"))
            if goals is None or not groups.get("p"):
                continue
            comp_group = groups.get("c") or groups.get("c2")
            competition = ann.entity(comp_group).value if comp_group else None
            if competition is None and groups.get("scope") and "⟦C" in groups["scope"]:
                competition = ann.entity(groups["scope"]).value
            team = team_name(ann.entity(groups["t"])) if groups.get("t") else None
            scope = "career" if "career" in tags else "season"
            found.append(
                TallyMention(
                    ann.sentence.index,
                    ann.entity(groups["p"]).text,
                    goals,
                    annotator.number(groups.get("games")),
                    team,
                    competition,  # type: ignore[arg-type]
                    scope,
                    ann.sentence.text,
                )
            )
    return found
