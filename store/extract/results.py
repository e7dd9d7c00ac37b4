"""Score statements: which scores in a sentence are results, and between whom.

A score is classified by the first result rule of the language that captures it: running scores
("made it 2-1", "nâng tỷ số lên 2-0") and half-time scores are never results. A result rule says
how the score relates to the teams (``ordered`` "A 2-1 B", ``win``/``loss``/``draw`` around a
verb); teams the rule did not capture are found by position: the subject is the nearest team not
governed by a preposition or result verb, the opponent the nearest team that is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.extract.annotate import Annotated, Entity
from store.extract.lang.base import LanguageRules

RELATIONS = ("ordered", "ordered_one", "win", "loss", "draw")


@dataclass(slots=True)
class ScoreStatement:
    sentence: int
    relation: str  # ordered | ordered_one | win | loss | draw
    score: tuple[int, int]  # as written
    first: Entity | None  # home (ordered) or the subject
    second: Entity | None  # away (ordered) or the opponent
    strong: bool  # both teams captured by the rule itself
    final_cue: bool
    evidence: str
    s_entity: Entity


@dataclass(slots=True)
class SentenceScores:
    statements: list[ScoreStatement]
    running: dict[int, tuple[int, int]]  # entity index of a running score -> the score


def team_like(entity: Entity, coaches: dict[str, str]) -> bool:
    """Entities that may fill a team slot found by position (persons may not, except known coaches)."""
    if entity.kind in "TR":
        return True
    return entity.kind == "N" and entity.text in coaches


def find_scores(ann: Annotated, rules: LanguageRules, coaches: dict[str, str]) -> SentenceScores:
    compiled = rules.compiled
    decided: dict[int, tuple[str, re.Match[str], frozenset[str]]] = {}
    if not any(e.kind == "S" for e in ann.entities):
        return SentenceScores([], {})
    for pattern, tags in compiled.results.applicable(ann.skeleton):
        for m in pattern.finditer(ann.skeleton):
            if not m.groupdict().get("s"):
                continue
            index = ann.index_of(m.group("s"))
            if index in decided:
                continue
            relation = next((t for t in RELATIONS if t in tags), "running" if "running" in tags else "final")
            decided[index] = (relation, m, tags)
    statements: list[ScoreStatement] = []
    running: dict[int, tuple[int, int]] = {}
    final_words = compiled.words["FINAL_CUE"]
    for index, (relation, m, tags) in sorted(decided.items()):
        s_ent = ann.entities[index]
        if relation == "running":
            running[index] = s_ent.value  # type: ignore[assignment]
            continue
        groups = m.groupdict()
        first = ann.entity(groups["a"]) if groups.get("a") else None
        second = ann.entity(groups["b"]) if groups.get("b") else None
        if relation == "final":
            relation = "ordered_one"
        strong = first is not None and second is not None
        if relation in ("win", "loss", "draw"):
            if first is None and second is not None and second.kind == "N":
                first = _unknown_subject(ann, second)  # "Kettering beat Dartford 2-0": two teams the data lacks
                strong = first is not None
            first, second = _sides(ann, s_ent, first, second, rules, coaches, relation)
        statements.append(
            ScoreStatement(
                ann.sentence.index,
                relation,
                s_ent.value,
                first,
                second,
                strong,  # type: ignore[arg-type]
                "final" in tags or bool(final_words.search(ann.sentence.text)),
                ann.sentence.text,
                s_ent,
            )
        )
    return SentenceScores(statements, running)


def _unknown_subject(ann: Annotated, obj: Entity) -> Entity | None:
    """The name right before the result verb whose object is ``obj``, when nothing but the verb
    stands between them."""
    obj_pos = ann.position(obj)
    before = [(pos, e) for e, pos in zip(ann.entities, ann.positions, strict=True) if pos < obj_pos]
    if not before or before[-1][1].kind != "N" or before[-1][1].pronoun:
        return None
    pos, entity = before[-1]
    between = ann.skeleton[pos:obj_pos].split("⟧", 1)[-1].split()
    return entity if 0 < len(between) <= 3 else None


def _sides(
    ann: Annotated,
    s_ent: Entity,
    first: Entity | None,
    second: Entity | None,
    rules: LanguageRules,
    coaches: dict[str, str],
    relation: str,
) -> tuple[Entity | None, Entity | None]:
    """Subject and opponent of a verb-based result when the rule did not capture them."""
    marker = rules.compiled.object_marker
    s_pos = ann.position(s_ent)
    subjects: list[tuple[int, Entity]] = []
    objects: list[tuple[int, Entity]] = []
    for entity, pos in zip(ann.entities, ann.positions, strict=True):
        if entity is second or entity is first or not team_like(entity, coaches):
            continue
        governed = bool(marker.search(ann.skeleton[max(0, pos - 60) : pos]))
        (objects if governed else subjects).append((pos, entity))
    if relation == "draw":  # a draw has no subject or object: the two teams nearest the score, before it first
        ranked = sorted(subjects + objects, key=lambda item: (item[0] > s_pos, abs(item[0] - s_pos)))
        pool = [e for _, e in ranked if e is not first and e is not second]
        if first is None and pool:
            first = pool.pop(0)
        if second is None and pool:
            second = pool.pop(0)
        return first, second
    if first is None:
        before = [(s_pos - pos, e) for pos, e in subjects if pos < s_pos]
        after = [(pos - s_pos, e) for pos, e in subjects if pos > s_pos]
        pick = min(before, key=lambda x: x[0]) if before else (min(after, key=lambda x: x[0]) if after else None)
        first = pick[1] if pick else None
    if second is None:  # the opponent is always governed by a verb or preposition of the result
        pool = [(abs(pos - s_pos), e) for pos, e in objects if e is not first]
        second = min(pool, key=lambda x: x[0])[1] if pool else None
    return first, second
